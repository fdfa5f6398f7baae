// Fuzz target: redaction for publication (service/redact.h) over arbitrary text, with the case's
// known identifiers and its other texts as context taken from the input. The input's first
// line names a person, its second an organisation, its third an address; the rest is split in
// two: the text to redact and a record given as context. Every removed span must lie inside the
// text, in order and without overlap.
#include <cstdlib>

#include "fuzz/fuzz_support.h"
#include "service/redact.h"

namespace {

const imr::RedactionLexicon& lexicon() {
  static const auto lex = imr::RedactionLexicon::shared(IMR_SOURCE_DIR "/data");
  return *lex;
}

std::string_view take_line(std::string_view& s) {
  const size_t nl = s.find('\n');
  const std::string_view line = s.substr(0, nl);
  s = nl == std::string_view::npos ? std::string_view() : s.substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const bool loaded = (lexicon(), true);
  (void)loaded;
  // Texts reach the redactor as valid UTF-8 (intake repairs them).
  const std::string input = imr::repair_utf8(imr::fuzz::as_text(data, size)).text;
  std::string_view rest = input;
  imr::KnownIdentifiers known;
  known.person_names.emplace_back(take_line(rest));
  known.organization_names.emplace_back(take_line(rest));
  known.addresses.emplace_back(take_line(rest));
  const std::string_view text = rest.substr(0, rest.size() / 2);
  const std::vector<std::string_view> context = {rest.substr(rest.size() / 2)};
  imr::fuzz::expect_clear_refusal([&] {
    const imr::RedactionResult r = imr::redact_for_publication(text, known, lexicon(), context);
    size_t last = 0;
    for (const auto& x : r.removed) {
      if (x.start < last || x.end <= x.start || x.end > text.size()) std::abort();
      last = x.end;
    }
  });
  return 0;
}
