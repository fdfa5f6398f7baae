// The letter PDF: what goes in comes back out through poppler, fonts embedded, pages
// numbered, long words and long letters wrapped and paginated, non-ASCII intact, and the
// same input giving the same bytes.
#include <gtest/gtest.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-font.h>
#include <poppler-page.h>

#include <memory>

#include "core/error.h"
#include "core/text.h"
#include "decide/engine.h"
#include "intake/case_loader.h"
#include "render/letter_pdf.h"
#include "render/letter_text.h"
#include "render/summary.h"
#include "support/knowledge.h"

namespace imr {
namespace {

std::string example_letter(const std::string& name) {
  const Case c = load_case_file(std::string(IMR_SOURCE_DIR) + "/examples/cases/" + name);
  const Engine engine(testing::bundled_knowledge());
  const Review review = engine.review(c);
  return render_letter_text(c, review, compose_case_summary(c, review, engine.knowledge().drugs));
}

// Poppler's complaints while reading our PDFs, collected instead of printed. libharu 2.3.0
// writes its Identity-H code map where the ToUnicode map belongs ("Invalid 'begincidrange'
// operator in ToUnicode CMap"); poppler then maps the codes through the embedded font's own
// cmap, which is what the round-trip tests check. Any other complaint fails the test.
std::vector<std::string>& poppler_errors() {
  static std::vector<std::string> errors;
  return errors;
}

class PopplerErrors : public ::testing::Environment {
 public:
  void SetUp() override {
    poppler::set_debug_error_function(
        [](const std::string& msg, void*) { poppler_errors().push_back(msg); }, nullptr);
  }
};
[[maybe_unused]] const auto* const kPopplerErrors = ::testing::AddGlobalTestEnvironment(new PopplerErrors);

std::vector<std::string> unexpected_poppler_errors() {
  std::vector<std::string> out;
  for (const auto& e : poppler_errors())
    if (e.find("begincidrange") == std::string::npos) out.push_back(e);
  poppler_errors().clear();
  return out;
}

std::unique_ptr<poppler::document> open_pdf(const std::string& bytes) {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  EXPECT_TRUE(doc != nullptr);
  return doc;
}

std::string utf8(const poppler::ustring& u) {
  const auto b = u.to_utf8();
  return std::string(b.begin(), b.end());
}

// The text of every page with the page furniture removed: the title line when it is the
// page's first line and the "Page n of m" footer when it is the page's last line. Anything
// else (a stray footer in the middle, a missing one) stays and makes the comparison fail.
struct Extracted {
  std::string body;
  int pages = 0;
  int footers = 0;
};

Extracted extract(const std::string& pdf, const std::string& title = "") {
  Extracted out;
  auto doc = open_pdf(pdf);
  if (!doc) return out;
  out.pages = doc->pages();
  for (int i = 0; i < out.pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    std::vector<std::string> lines;
    for (const auto& l : split(utf8(page->text()), '\n'))
      if (!trim(l).empty()) lines.emplace_back(trim(l));
    if (!title.empty() && !lines.empty() && lines.front() == title) lines.erase(lines.begin());
    if (!lines.empty() && lines.back() == pdf_page_footer(i + 1, out.pages)) {
      lines.pop_back();
      ++out.footers;
    }
    out.body += join(lines, "\n") + "\n";
  }
  return out;
}

std::string no_space(std::string_view s) {
  std::string out;
  for (char c : s)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

TEST(LetterPdfTest, EngineLetterRoundTripsThroughPoppler) {
  const std::string letter = example_letter("benzodiazepine-long-term.json");
  ASSERT_NE(letter.find("CLINICAL CASE SUMMARY"), std::string::npos);
  PdfOptions o = default_pdf_options();
  o.title = "Independent Medical Review - Final Determination";
  const std::string pdf = render_letter_pdf(letter, o);
  ASSERT_EQ(pdf.compare(0, 5, "%PDF-"), 0);
  const Extracted e = extract(pdf, o.title);
  EXPECT_EQ(e.footers, e.pages);
  EXPECT_EQ(collapse_whitespace(e.body), collapse_whitespace(letter));
  EXPECT_EQ(unexpected_poppler_errors(), std::vector<std::string>{});
}

TEST(LetterPdfTest, EveryExampleCaseRoundTrips) {
  for (const char* name : {"opioid-continued-documented.json", "epidural-without-imaging.json",
                           "tens-purchase-without-trial.json", "ppi-with-nsaid-dyspepsia.json"}) {
    const std::string letter = example_letter(name);
    const Extracted e = extract(render_letter_pdf(letter, default_pdf_options()));
    EXPECT_EQ(collapse_whitespace(e.body), collapse_whitespace(letter)) << name;
    EXPECT_EQ(e.footers, e.pages) << name;
  }
}

TEST(LetterPdfTest, FontsAreEmbedded) {
  const std::string pdf = render_letter_pdf("HEADING\n\nBody text é ± –.\n", default_pdf_options());
  auto doc = open_pdf(pdf);
  ASSERT_TRUE(doc);
  const auto fonts = doc->fonts();
  ASSERT_GE(fonts.size(), 2u);  // regular and bold
  for (const auto& f : fonts) EXPECT_TRUE(f.is_embedded()) << f.name();
}

TEST(LetterPdfTest, HeadingsAndDecisionLinesAreBold) {
  const std::string text = "CLINICAL CASE SUMMARY\n\nA plain paragraph.\n\nNorco 10/325mg #180: Upheld\n";
  const std::string pdf = render_letter_pdf(text, default_pdf_options());
  auto doc = open_pdf(pdf);
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  int bold_words = 0, plain_words = 0;
  for (const auto& box : page->text_list(poppler::page::text_list_include_font)) {
    const std::string word = utf8(box.text());
    const bool is_bold = box.get_font_name().find("Bold") != std::string::npos;
    if (word == "CLINICAL" || word == "Upheld" || word == "Norco") {
      EXPECT_TRUE(is_bold) << word;
      ++bold_words;
    }
    if (word == "plain") {
      EXPECT_FALSE(is_bold);
      ++plain_words;
    }
  }
  EXPECT_EQ(bold_words, 3);
  EXPECT_EQ(plain_words, 1);
}

TEST(LetterPdfTest, SameInputGivesSameBytes) {
  const std::string letter = example_letter("muscle-relaxant-acute-flare.json");
  PdfOptions o = default_pdf_options();
  o.title = "Title";
  EXPECT_EQ(render_letter_pdf(letter, o), render_letter_pdf(letter, o));
}

TEST(LetterPdfTest, NonAsciiRoundTrips) {
  const std::string text = "Pain 7/10 ± 1 – café résumé naïve, 5–7 days, 37.5 °C, “quoted”.\n";
  const Extracted e = extract(render_letter_pdf(text, default_pdf_options()));
  EXPECT_EQ(collapse_whitespace(e.body), collapse_whitespace(text));
}

TEST(LetterPdfTest, InvalidUtf8BecomesReplacementCharacter) {
  const std::string text = std::string("before \xC3 after \x01 end\n");
  const Extracted e = extract(render_letter_pdf(text, default_pdf_options()));
  EXPECT_EQ(collapse_whitespace(e.body), "before \xEF\xBF\xBD after end");
}

TEST(LetterPdfTest, LongWordIsBrokenWithinTheMargins) {
  std::string word;
  for (int i = 0; i < 60; ++i) word += "abcdefghij";
  const std::string text = "Start " + word + " end.\n";
  const std::string pdf = render_letter_pdf(text, default_pdf_options());
  const Extracted e = extract(pdf);
  EXPECT_EQ(no_space(e.body), no_space(text));
  auto doc = open_pdf(pdf);
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  const auto boxes = page->text_list();
  EXPECT_GE(boxes.size(), 4u);  // the word needs several lines
  for (const auto& box : boxes) {
    EXPECT_GE(box.bbox().left(), 71.0);
    EXPECT_LE(box.bbox().right(), 612.0 - 71.0) << utf8(box.text()).substr(0, 20);
  }
}

TEST(LetterPdfTest, LongLetterPaginatesWithPageNumbers) {
  std::string text = "HOW THE IMR FINAL DETERMINATION WAS MADE\n\n";
  for (int i = 0; i < 150; ++i)
    text += "Paragraph " + std::to_string(i) +
            " says the reviewer read the records and weighed the request against the guideline "
            "for this treatment, and that the result follows from the findings.\n\n";
  const std::string pdf = render_letter_pdf(text, default_pdf_options());
  const Extracted e = extract(pdf);
  EXPECT_GE(e.pages, 5);
  EXPECT_EQ(e.footers, e.pages);
  EXPECT_EQ(collapse_whitespace(e.body), collapse_whitespace(text));
  auto doc = open_pdf(pdf);
  ASSERT_TRUE(doc);
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    for (const auto& box : page->text_list()) {
      EXPECT_LE(box.bbox().right(), 612.0 - 71.0);
      EXPECT_LE(box.bbox().bottom(), 792.0 - 20.0);
    }
  }
}

TEST(LetterPdfTest, SourceWrappedLinesReflowButLabelLinesStay) {
  // A paragraph render_letter_text wrapped at 96 columns becomes one flowing paragraph; the
  // credential lines stay one per line.
  const std::string text =
      "The Expert Reviewer has the following credentials:\n"
      "State(s) of Licensure: California\n"
      "Certification(s)/Specialty: Physical Medicine and Rehabilitation\n";
  const std::string pdf = render_letter_pdf(text, default_pdf_options());
  auto doc = open_pdf(pdf);
  ASSERT_TRUE(doc);
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  const std::string got = utf8(page->text());
  EXPECT_NE(got.find("State(s) of Licensure: California\n"), std::string::npos) << got;
}

TEST(LetterPdfTest, FormFeedStartsANewPage) {
  const Extracted e = extract(render_letter_pdf("First page.\fSecond page.\n", default_pdf_options()));
  EXPECT_EQ(e.pages, 2);
  EXPECT_EQ(e.footers, 2);
}

TEST(LetterPdfTest, MissingFontIsAnInputError) {
  PdfOptions o = default_pdf_options();
  o.font_path = "/nonexistent/NoSuchFont.ttf";
  try {
    render_letter_pdf("text", o);
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "/nonexistent/NoSuchFont.ttf: font not found; install fonts-dejavu-core");
  }
}

TEST(LetterPdfTest, DefaultOptionsPointAtInstalledFonts) {
  const PdfOptions o = default_pdf_options();
  EXPECT_NE(o.font_path.find(".ttf"), std::string::npos);
  EXPECT_NE(o.bold_font_path.find("Bold"), std::string::npos);
  EXPECT_TRUE(o.title.empty());
}

}  // namespace
}  // namespace imr
