#include "intake/case_loader.h"

#include "core/text.h"
#include "intake/document.h"
#include "intake/letter_case.h"
#include "letters/letter.h"

namespace imr {

Case load_case_file(const std::string& path) {
  const std::string text = load_document_text(path);
  const std::string_view body = trim(text);
  if (!body.empty() && body.front() == '{') return parse_case_json(text, path);
  return case_from_letter(read_letter(text, path));
}

}  // namespace imr
