#include "intake/document.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>

#include "core/bounded_call.h"
#include "core/error.h"
#include "core/file.h"
#include "core/limits.h"
#include "core/text.h"
#include "core/utf8.h"

namespace imr {

namespace {

// Poppler's complaints about a damaged file would go to stderr; the error we throw says it.
void quiet_poppler(const std::string&, void*) {}

}  // namespace

std::string pdf_text_in_process(const std::string& bytes, const std::string& name) {
  poppler::set_debug_error_function(quiet_poppler, nullptr);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) throw InputError(name, "PDF cannot be opened (damaged or not a PDF)");
  if (doc->is_locked()) throw InputError(name, "PDF is encrypted");
  const int pages = doc->pages();
  if (pages > limits::kMaxPdfPages)
    throw InputError(name, "PDF has " + std::to_string(pages) + " pages; the limit is " +
                               std::to_string(limits::kMaxPdfPages));
  std::string out;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    const poppler::byte_array utf8 = page->text().to_utf8();
    if (i) out += '\f';
    out.append(utf8.begin(), utf8.end());
    if (out.size() > limits::kMaxTextBytes)
      throw InputError(name, "PDF text is larger than the limit of " + std::to_string(limits::kMaxTextBytes) + " bytes");
  }
  if (trim(out).empty())
    throw InputError(name, "PDF has no text layer (a scanned image?); run OCR first");
  return out;
}

std::string document_text_from_bytes(const std::string& bytes, const std::string& name) {
  if (trim(bytes).empty()) throw InputError(name, "file is empty");
  if (bytes.size() > limits::kMaxFileBytes)
    throw InputError(name, "file is larger than the limit of " + std::to_string(limits::kMaxFileBytes) + " bytes");
  if (bytes.compare(0, 5, "%PDF-") == 0) {
    CallLimits bounds;
    bounds.cpu_seconds = limits::kPdfCpuSeconds;
    bounds.wall_seconds = limits::kPdfWallSeconds;
    bounds.memory_bytes = limits::kPdfMemoryBytes;
    bounds.max_result_bytes = limits::kMaxTextBytes;
    return valid_utf8(bounded_call([&] { return pdf_text_in_process(bytes, name); }, bounds, name), name);
  }
  if (!looks_like_text(bytes)) throw InputError(name, "binary file: neither text nor PDF");
  if (bytes.size() > limits::kMaxTextBytes)
    throw InputError(name, "text is larger than the limit of " + std::to_string(limits::kMaxTextBytes) + " bytes");
  return valid_utf8(bytes, name);
}

std::string load_document_text(const std::string& path) {
  return document_text_from_bytes(read_file(path), path);
}

}  // namespace imr
