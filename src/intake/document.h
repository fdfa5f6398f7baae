// Turning a file on disk into text: plain text as-is, PDF through poppler-cpp, both as valid
// UTF-8 and within docs/limits.md.
#pragma once

#include <string>

namespace imr {

// Loads a document's text. PDFs (by their "%PDF-" signature) are extracted page by page
// with a form feed between pages, in a child process bounded in CPU time, memory, wall time
// and pages (core/bounded_call.h; limits::kPdf*). Text files must be at most
// limits::kMaxTextBytes. Invalid UTF-8 bytes are replaced with U+FFFD and reported as a
// warning naming the file (core/utf8.h). Throws InputError naming the file for: an
// unreadable, empty, oversized or non-regular file; a binary file that is neither text nor
// PDF; a PDF that cannot be opened (damaged or encrypted), has no text layer (a scan), or
// passes a limit.
std::string load_document_text(const std::string& path);

// The same for bytes already in memory (e.g. an upload); `name` is used in errors.
std::string document_text_from_bytes(const std::string& bytes, const std::string& name);

// The PDF extraction itself, in this process and without the time and memory bounds: for
// the fuzz target only (fuzz/pdf_fuzz.cc), which must see the library's code run.
std::string pdf_text_in_process(const std::string& bytes, const std::string& name);

}  // namespace imr
