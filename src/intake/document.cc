#include "intake/document.h"

#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

#include "core/error.h"
#include "core/file.h"
#include "core/text.h"

namespace imr {
namespace {

std::string pdf_text(const std::string& bytes, const std::string& name) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(name, "PDF cannot be opened (damaged or not a PDF)");
  if (doc->is_locked()) throw InputError(name, "PDF is encrypted");
  std::string out;
  const int pages = doc->pages();
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    if (i) out += '\f';
    out.append(utf8.begin(), utf8.end());
    if (out.size() > kMaxInputBytes) throw InputError(name, "PDF text is too large");
  }
  if (trim(out).empty())
    throw InputError(name, "PDF has no text layer (a scanned image?); run OCR first");
  return out;
}

}  // namespace

std::string document_text_from_bytes(const std::string& bytes, const std::string& name) {
  if (trim(bytes).empty()) throw InputError(name, "file is empty");
  if (bytes.compare(0, 5, "%PDF-") == 0) return pdf_text(bytes, name);
  if (!looks_like_text(bytes)) throw InputError(name, "binary file: neither text nor PDF");
  return bytes;
}

std::string load_document_text(const std::string& path) {
  return document_text_from_bytes(read_file(path), path);
}

}  // namespace imr
