// The published copy of a signed letter, through the case service: redacted before layout
// (the signed text's wrapping undone, the redactor run on whole paragraphs with the case's
// records as context, the result wrapped again), and the redacted PDF says what the redacted
// text says. Cases from the redaction benchmark (tests/fixtures/redaction-bench/dev).
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

#include "core/text.h"
#include "render/letter_layout.h"
#include "render/letter_pdf.h"
#include "service/case_service.h"
#include "service/redact.h"
#include "store/store.h"
#include "support/redaction_bench.h"
#include "support/service_fixtures.h"
#include "support/test_store.h"

namespace imr {
namespace {

std::string squash(const std::string& s) { return collapse_whitespace(s); }

// The PDF's text, page by page, without the title line and the "Page n of m" footer.
std::string pdf_body(const std::string& bytes, const std::string& title) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return "";
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const auto utf8 = page->text().to_utf8();
    std::vector<std::string> lines;
    for (const auto& l : split(std::string(utf8.begin(), utf8.end()), '\n'))
      if (!trim(l).empty()) lines.emplace_back(trim(l));
    if (!lines.empty() && lines.front() == title) lines.erase(lines.begin());
    if (!lines.empty() && lines.back() == pdf_page_footer(i + 1, doc->pages())) lines.pop_back();
    out += join(lines, "\n") + "\n";
  }
  return out;
}

class RedactedLetterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(location_.create("sqlite"));
    store_ = open_store(location_.location());
    context_ = testing::bundled_service_context();
    context_.clock = [] { return *parse_timestamp("2026-12-10T09:00"); };
    service_ = std::make_unique<CaseService>(*store_, context_);
    const std::string registry = read_file(std::string(IMR_FIXTURES_DIR) + "/redaction-bench/reviewers.json");
    service_->import_reviewers(registry, "reviewers.json", "admin");
  }

  // The case through to its letter, as the benchmark's run.py takes it.
  LetterFiles letter_for(const testing::BenchCase& c) {
    const Application app = parse_application_json(c.application_json, c.name);
    const std::string id = service_->submit(app, "intake-1").case_id;
    for (size_t i = 0; i < c.records.size(); ++i) {
      IncomingRecord r;
      r.title = "record " + std::to_string(i + 1);
      r.source_name = "record-" + std::to_string(i + 1) + ".txt";
      r.media_type = "text/plain";
      r.text = c.records[i];
      service_->attach_record(id, r, "intake-1");
    }
    const auto assigned = service_->assign(id, "intake-1");
    EXPECT_TRUE(assigned.reviewer_id.has_value()) << c.name << ": " << assigned.explanation;
    if (!assigned.reviewer_id) return {};
    service_->notice_sent(id, "electronic", "intake-1");
    service_->records_complete(id, "intake-1");
    const auto review = service_->draft(id, *assigned.reviewer_id);
    for (size_t i = 0; i < review["items"].size(); ++i) {
      ItemEdit accept{i, std::nullopt, std::nullopt, "", std::nullopt};
      for (const auto& criterion : review["items"][i]["criteria"])
        if (criterion.value("decided", false)) accept.answers.push_back({criterion.value("id", ""), true, ""});
      service_->decide(id, accept, *assigned.reviewer_id);
    }
    service_->sign(id, *assigned.reviewer_id, Signature{true, ""});
    case_id_ = id;
    return service_->letter(id, std::nullopt, "intake-1");
  }

  testing::TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  ServiceContext context_;
  std::unique_ptr<CaseService> service_;
  std::string case_id_;
};

TEST_F(RedactedLetterTest, PdfSaysWhatTheRedactedTextSays) {
  const auto cases = testing::load_bench_set(std::string(IMR_FIXTURES_DIR) + "/redaction-bench/dev");
  ASSERT_GE(cases.size(), 3u);
  for (const size_t pick : {size_t{1}, size_t{8}, size_t{23}}) {
    const auto& c = cases[pick];
    const LetterFiles letter = letter_for(c);
    ASSERT_FALSE(letter.redacted_text.empty()) << c.name;
    EXPECT_EQ(squash(pdf_body(letter.redacted_pdf, "Final Determination Letter - " + case_id_)),
              squash(letter.redacted_text))
        << c.name;
    // The same layout as the signed text: its wrapping undone and done again gives it back.
    EXPECT_EQ(wrap_letter_text(unwrap_letter_text(letter.text)), letter.text) << c.name;
    for (const auto& line : split(letter.redacted_text, '\n'))
      EXPECT_LE(line.size(), kLetterWrapColumns + 20) << c.name << ": " << line;
    // Nothing the benchmark planted survives in the copy (scored by its rules).
    const auto score = testing::bench_score(c, letter.text, letter.redacted_text);
    EXPECT_EQ(score.clinical_kept, score.clinical_reached) << c.name;
  }
}

TEST(RedactBeforeLayoutTest, ANameTheWrapWouldSplitIsRemovedWhole) {
  // A paragraph wrapped at the letter's width with "Dr." ending one line and the name
  // starting the next, as render_letter_text lays it out.
  const std::string para =
      "Decision rationale: The progress note of 10/08/2026 documents the positive Phalen's test and the "
      "failed splinting, and the consultation with Dr. Helen Achterberg confirmed moderate median neuropathy.";
  std::string wrapped = wrap_letter_text(para);
  ASSERT_NE(wrapped.find('\n'), std::string::npos);
  // Find a layout where the honorific ends a line: pad until it does.
  std::string pad;
  while (wrapped.find("Dr.\n") == std::string::npos && pad.size() < 120) {
    pad += "x ";
    wrapped = wrap_letter_text(pad + para);
  }
  ASSERT_NE(wrapped.find("Dr.\nHelen"), std::string::npos) << wrapped;
  const std::string logical = unwrap_letter_text(wrapped);
  EXPECT_EQ(logical.find('\n'), std::string::npos);
  const auto r = redact_for_publication(logical, {}, *RedactionLexicon::shared(std::string(IMR_SOURCE_DIR) + "/data"));
  const std::string out = wrap_letter_text(r.text);
  EXPECT_EQ(out.find("Achterberg"), std::string::npos) << out;
  EXPECT_EQ(out.find("Helen"), std::string::npos) << out;
  EXPECT_NE(collapse_whitespace(out).find("Dr. [name] confirmed"), std::string::npos) << out;
  EXPECT_NE(out.find("Phalen's test"), std::string::npos) << out;
}

}  // namespace
}  // namespace imr
