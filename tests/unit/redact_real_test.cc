// The redactor on the published determinations (../shared/real-letters): the DWC has already
// removed their parties, so whatever the redactor still removes is over-redaction — clinical
// text, citations or reviewer credentials lost from a published copy. Only the IMR case
// numbers (published as they are; the letter flow keeps them) may go. Runs where ../shared
// exists.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <re2/re2.h>

#include "intake/document.h"
#include "service/redact.h"

namespace imr {
namespace {

namespace fs = std::filesystem;

TEST(RedactRealTest, PublishedLettersLoseNothingButTheirCaseNumbers) {
  if (!fs::is_directory(IMR_REAL_LETTERS_DIR)) GTEST_SKIP() << "no real letters at " << IMR_REAL_LETTERS_DIR;
  const auto lex = RedactionLexicon::shared(std::string(IMR_SOURCE_DIR) + "/data");
  static const RE2 case_number(R"(CM\d{2}-\d{7})");
  size_t letters = 0, over = 0;
  for (const auto& e : fs::directory_iterator(IMR_REAL_LETTERS_DIR)) {
    if (e.path().extension() != ".pdf") continue;
    const std::string text = load_document_text(e.path().string());
    ++letters;
    for (const auto& r : redact_for_publication(text, {}, *lex).removed) {
      const std::string removed = text.substr(r.start, r.end - r.start);
      if (RE2::FullMatch(removed, case_number)) continue;
      ++over;
      std::cout << "  over-redacted in " << e.path().filename().string() << ": " << r.kind << " '" << removed << "'\n";
    }
  }
  std::cout << "redaction on " << letters << " published letters: " << over << " spans removed besides case numbers\n";
  EXPECT_GE(letters, 90u);
  // Measured 2026-12-06 on the 97 letters: 22 spans — authors in literature citations
  // ("Airaksinen", "Li", "Harris J"), misspellings ("Indiscriminant", "Ketaprofen", "Inital Care"),
  // a case name ("Tarasoff"), an insurer ("Cigna") and "Bladder Management" (everyday words before
  // an organisation word). This guards against more.
  EXPECT_LE(over, 22u);
}

}  // namespace
}  // namespace imr
