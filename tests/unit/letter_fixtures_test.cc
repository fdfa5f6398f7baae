// Team-written letters (tests/fixtures/letters, our own words) in all three layouts, a PDF,
// and letters the reader must refuse with a clear error.
#include <gtest/gtest.h>

#include "core/error.h"
#include "intake/document.h"
#include "letters/letter.h"
#include "letter_test_support.h"

namespace imr {
namespace {

using testing::ExpectedLetter;

std::string fixture(const std::string& name) {
  return std::string(IMR_FIXTURES_DIR) + "/letters/" + name;
}

const std::vector<std::pair<std::string, ExpectedLetter>>& fixture_letters() {
  static const std::vector<std::pair<std::string, ExpectedLetter>> letters = {
    {"modern_block_overturned.txt",
      {"final-determination",
       {"Oregon", "Nevada", "California"}, {"Internal Medicine", "Pain Medicine"}, {},
       41, "female", "2012-03-14",
       {"cervical strain", "right rotator cuff tendinitis", "myofascial pain"},
       "The claimant is a 41-year-old female stock clerk",
       "7/1/15 did not certify either medicine.",
       {
        {"Meloxicam 15mg daily #30", Decision::kOverturned,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "NSAIDs (non-steroidal anti-inflammatory drugs)", "67-68", "MTUS Chronic Pain Treatment Guidelines NSAIDs (non-steroidal anti-inflammatory drugs) Page(s): 67-68."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "NSAIDs, specific drug list & adverse effects", "", "MTUS Chronic Pain Medical Treatment 2009, Section(s): NSAIDs, specific drug list & adverse effects."}},
         "An anti-inflammatory at the lowest dose that works,",
         "15mg daily #30 is medically necessary."},
        {"Cyclobenzaprine 7.5mg #60", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Muscle relaxants (for pain)", "63-66", "MTUS Chronic Pain Treatment Guidelines Muscle relaxants (for pain) Page(s): 63-66."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Cyclobenzaprine (Flexeril)", "41-42", "MTUS Chronic Pain Treatment Guidelines Cyclobenzaprine (Flexeril) Page(s): 41-42."}, {"Official Disability Guidelines (ODG)", "Pain (Chronic), Muscle relaxants (for pain)", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Pain (Chronic), Muscle relaxants (for pain)."}},
         "Cyclobenzaprine is meant for a short course of",
         "the request is not medically necessary."},
       }}},
    {"modern_pdf_style.txt",
      {"final-determination",
       {"New Mexico", "Colorado"}, {"Neurology"}, {},
       55, "male", "2011-09-09",
       {"left ulnar neuropathy", "complex regional pain syndrome of the left arm", "depression"},
       "The injured worker is a 55 year old",
       "in March 2016 with good relief.",
       {
        {"Gabapentin 600mg #90", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Anti-epilepsy drugs (AEDs)", "16-18", "MTUS Chronic Pain Treatment Guidelines Anti-epilepsy drugs (AEDs) Page(s): 16-18."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Anti-epilepsy drugs (AEDs)", "16-18, 49", "MTUS Chronic Pain Treatment Guidelines Anti-epilepsy drugs (AEDs) Page(s): 16-18, 49."}},
         "The guideline asks for a clear response to",
         "the request is not medically necessary."},
        {"Lidocaine 5% patch #30 with 1 refill", Decision::kOverturned,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Lidoderm (lidocaine patch)", "56-57", "MTUS Chronic Pain Treatment Guidelines Lidoderm (lidocaine patch) Page(s): 56-57."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Topical Analgesics", "111-113", "MTUS Chronic Pain Treatment Guidelines Topical Analgesics Page(s): 111-113."}},
         "A lidocaine patch is an option for localized",
         "helped. The request is medically necessary."},
       }}},
    {"modern_sentence_multi.txt",
      {"final-determination",
       {"Washington", "California"}, {"Anesthesiology"}, {"Pain Medicine"},
       62, "male", "2009-04-19",
       {"lumbar degenerative disc disease", "chronic low back pain", "insomnia"},
       "This 62 yr. old male forklift driver reported",
       "on 2-20-16 non-certified all four requests.",
       {
        {"Tramadol ER 100mg #30", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "", "MTUS Chronic Pain Treatment Guidelines."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, Criteria for Use", "76-80", "MTUS Chronic Pain Treatment Guidelines Opioids, Criteria for Use Page(s): 76-80."}},
         "Opioids may continue when there is a clear",
         "100mg #30 is not medically necessary."},
        {"LORAZEPAM 0.5 MG #60, WITH TWO REFILLS", Decision::kUpheld,
         {{"Medscape, lorazepam prescribing information", "", "", "Non-MTUS Citation Medscape, lorazepam prescribing information."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}, {"Official Disability Guidelines (ODG)", "Pain, Insomnia treatment", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Insomnia treatment."}},
         "Sedative-hypnotics of this class are limited to short",
         "The request is not medically necessary."},
        {"Physical therapy 2x4 weeks for the lumbar spine", Decision::kOverturned,
         {{"ACOEM Practice Guidelines", "Low Back Complaints", "298-300", "ACOEM Practice Guidelines, Low Back Complaints Page(s): 298-300."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Physical Medicine", "98-99", "MTUS Chronic Pain Treatment Guidelines Physical Medicine Page(s): 98-99."}},
         "A short course of active therapy with a",
         "so the request is medically necessary."},
        {"Urine drug screen, QTY: 1", Decision::kOverturned,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Drug testing", "43", "MTUS Chronic Pain Treatment Guidelines Drug testing Page(s): 43."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Drug testing", "43", "MTUS Chronic Pain Treatment Guidelines Drug testing Page(s): 43."}, {"Official Disability Guidelines (ODG)", "Pain Chapter, Urine drug testing (UDT)", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Pain Chapter, Urine drug testing (UDT)."}},
         "Testing is part of monitoring anyone kept on",
         "and the request is medically necessary."},
       }}},
    {"mpr_question.txt",
      {"medical-professional-review",
       {"California", "Oregon"}, {"Orthopaedic Surgery"}, {},
       38, "male", "2012-07-22",
       {"lumbar strain", "left L5 radiculitis"},
       "This 38 year old man loads trucks for",
       "asked for an MRI on 8/30/2013.",
       {
        {"MRI of the lumbar spine without contrast", Decision::kUpheld,
         {},
         {{"ACOEM Practice Guidelines", "Chapter 12, Low Back Complaints", "303-304", "ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, Low Back Complaints, pages 303-304."}},
         "Imaging is for clear signs of nerve compromise",
         "without contrast is not medically necessary."},
       }}},
    {"mpr_two_items.txt",
      {"medical-professional-review",
       {"California"}, {"Physical Medicine & Rehabilitation", "Sports Medicine"}, {},
       29, "female", "2013-01-05",
       {"left knee sprain", "patellofemoral pain"},
       "The claimant is a 29-year-old female nursing aide.",
       "she now takes omeprazole for it.",
       {
        {"Physical therapy, 8 visits for the left knee", Decision::kOverturned,
         {},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Physical Medicine", "98-99", "MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99."}},
         "She has had no therapy since the injury",
         "so the therapy is medically necessary."},
        {"Naproxen 550mg #60", Decision::kUpheld,
         {},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "NSAIDs, GI symptoms & cardiovascular risk", "68-69", "MTUS Chronic Pain Medical Treatment Guidelines, NSAIDs, GI symptoms & cardiovascular risk, pages 68-69."}},
         "The drug already caused stomach trouble and she",
         "Further naproxen is not medically necessary."},
       }}},
    {"notice_two_items.txt",
      {"notice-of-determination",
       {"California"}, {"Family Medicine"}, {},
       47, "female", "2010-02-11",
       {"lumbar disc protrusion at L4-5", "left sciatica"},
       "The patient is a 47-year-old female grocery worker",
       "Review on 8/21/2013 denied both requests.",
       {
        {"Oxycodone 10mg #120", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids", "76-80", "The Claims Administrator based its decision on the Chronic Pain Medical Treatment Guidelines, Opioids, pages 76-80, which is part of the MTUS."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, On-going management", "78", "The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, Opioids, On-going management, page 78, which is part of the MTUS."}},
         "Two years of daily oxycodone have not lowered",
         "is not medically necessary and appropriate."},
        {"8 sessions of acupuncture for the low back", Decision::kOverturned,
         {{"MTUS Acupuncture Medical Treatment Guidelines", "", "", "The Claims Administrator based its decision on the Acupuncture Medical Treatment Guidelines, which is part of the MTUS."}},
         {{"MTUS Acupuncture Medical Treatment Guidelines", "", "8", "The Expert Reviewer based his/her decision on the Acupuncture Medical Treatment Guidelines, page 8, which is part of the MTUS."}, {"Official Disability Guidelines (ODG)", "Low Back chapter, Acupuncture", "", "The Expert Reviewer also consulted the Official Disability Guidelines (ODG), Low Back chapter, Acupuncture."}},
         "Acupuncture may be used when pain medicine is",
         "back is medically necessary and appropriate."},
       }}},
  };
  return letters;
}

const ExpectedLetter& expected(const std::string& name) {
  for (const auto& [n, want] : fixture_letters())
    if (n == name) return want;
  throw std::runtime_error("no expectation for " + name);
}

void check(const std::string& name) {
  const std::string path = fixture(name);
  testing::expect_letter(read_letter(load_document_text(path), path), expected(name), path);
}

TEST(LetterFixturesTest, ModernBlockCredentialsWithOverturnedItem) { check("modern_block_overturned.txt"); }
TEST(LetterFixturesTest, ModernSentenceCredentialsSeveralItems) { check("modern_sentence_multi.txt"); }
TEST(LetterFixturesTest, ModernPdfStyleBlankLinesAndPageBreak) {
  const std::string text = testing::slurp(fixture("modern_pdf_style.txt"));
  ASSERT_NE(text.find('\f'), std::string::npos);  // the fixture really has a page break
  check("modern_pdf_style.txt");
}
TEST(LetterFixturesTest, NoticeOfDetermination) { check("notice_two_items.txt"); }
TEST(LetterFixturesTest, MedicalProfessionalReviewQuestionForm) { check("mpr_question.txt"); }
TEST(LetterFixturesTest, MedicalProfessionalReviewNumberedItems) { check("mpr_two_items.txt"); }

TEST(LetterFixturesTest, PdfReadsLikeItsTextSource) {
  const std::string path = fixture("modern_block_overturned.pdf");
  const std::string text = load_document_text(path);
  testing::expect_letter(read_letter(text, path), expected("modern_block_overturned.txt"), path);
}

void expect_error(const std::string& path, const std::string& text, const std::string& problem) {
  try {
    read_letter(text, path);
    FAIL() << "no error for " << path;
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.problem(), problem);
  }
}

TEST(LetterFixturesTest, LetterWithoutItemsIsRefused) {
  const std::string path = fixture("no_items.txt");
  expect_error(path, testing::slurp(path),
               "no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)");
}

TEST(LetterFixturesTest, PdfWithoutTextIsRefused) {
  const std::string path = fixture("no_text.pdf");
  try {
    load_document_text(path);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(e.problem().find("no text layer"), std::string::npos) << e.problem();
  }
}

// A modern letter cut down to what each error test needs.
std::string modern(const std::string& issues) {
  return "HOW THE IMR FINAL DETERMINATION WAS MADE\nState(s) of Licensure: Ohio\n"
         "CLINICAL CASE SUMMARY\nA 30 year old female hurt her wrist.\n"
         "IMR ISSUES, DECISIONS AND RATIONALES\n" + issues;
}

TEST(LetterErrorsTest, NamesTheMissingPart) {
  expect_error("a.txt", "", "letter is empty");
  expect_error("b.txt", "Dear claimant,\nthank you for your letter.\n",
               "no disputed items found (no 'IMR ISSUES, DECISIONS AND RATIONALES' section)");
  expect_error("c.txt", modern("The Final Determination was based on decisions set forth below:\n"),
               "no disputed items found (no 'REQUEST: Upheld' or 'REQUEST: Overturned' line under "
               "'IMR ISSUES, DECISIONS AND RATIONALES')");
  expect_error("d.txt",
               modern("Splint: Upheld\nClaims Administrator guideline: Decision based on ACOEM.\n"
                      "Decision rationale: Not needed.\nWrist brace X\n"
                      "Claims Administrator guideline: Decision based on ACOEM.\n"
                      "Decision rationale: Not needed.\n"),
               "item 2 'Wrist brace X' has no decision (Upheld or Overturned)");
  expect_error("e.txt",
               modern("Splint: Overturned\nClaims Administrator guideline: Decision based on ACOEM.\n"
                      "MAXIMUS guideline: Decision based on ACOEM.\n"),
               "item 1 'Splint' has no 'Decision rationale'");
  expect_error("f.txt",
               "HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n"
               "Splint: Upheld\nDecision rationale: no.\n",
               "no 'CLINICAL CASE SUMMARY' section before the disputed items");
  expect_error("g.txt",
               "Notice of Independent Medical Review Determination\nDear Sir,\nWe reviewed it.\n",
               "no disputed items found (no 'has determined the request for ... is [not] medically "
               "necessary' statement)");
  expect_error("h.txt",
               "Notice of Independent Medical Review Determination\nMAXIMUS Federal Services, Inc. has "
               "determined the request for a cane is medically necessary and appropriate.\n"
               "Case Summary:\nA 50 year old male.\n",
               "item 1 'a cane' has no rationale (no 'Regarding the request for' part)");
  expect_error("i.txt", "MEDICAL PROFESSIONAL REVIEW\nCASE SUMMARY\nA man.\n",
               "no disputed items found (no 'ISSUE AT DISPUTE' section)");
  expect_error("j.txt",
               "MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE\n1. Cane: Upheld\nCASE SUMMARY\nA man.\n",
               "item 1 'Cane' has no rationale (no 'RATIONALE FOR WHY' section)");
}

}  // namespace
}  // namespace imr
