// Turning a file on disk into text: plain text as-is, PDF through poppler-cpp.
#pragma once

#include <string>

namespace imr {

// Loads a document's text. PDFs (by their "%PDF-" signature) are extracted page by page
// with a form feed between pages. Throws InputError naming the file for: an unreadable,
// empty or oversized file; a binary file that is neither text nor PDF; a PDF that cannot
// be opened (damaged or encrypted) or that has no text layer (a scan).
std::string load_document_text(const std::string& path);

// The same for bytes already in memory (e.g. an upload); `name` is used in errors.
std::string document_text_from_bytes(const std::string& bytes, const std::string& name);

}  // namespace imr
