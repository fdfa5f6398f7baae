// The five seed letters (real IMR Final Determination Letters in ../shared/seeds) parse to
// exactly their items, decisions, citations, reviewer credentials and claimant facts.
// Expected values live here, in tests only. Skipped when the seeds are not present.
#include <gtest/gtest.h>

#include <filesystem>

#include "letters/letter.h"
#include "letter_test_support.h"

namespace imr {
namespace {

using testing::ExpectedLetter;

const std::vector<std::pair<std::string, ExpectedLetter>>& seed_letters() {
  static const std::vector<std::pair<std::string, ExpectedLetter>> letters = {
    {"000_c6e3a538b9c9ec9b.txt",
      {"final-determination",
       {"Arizona", "California"}, {"Family Practice"}, {},
       34, "male", "2013-11-02",
       {"lumbar radiculopathy", "lumbar facet syndrome", "anxiety", "depression"},
       "34 yr. old male claimant sustained a work",
       "claimant remained on Norco and Xanax.",
       {
        {"Xanax 2mg one PO BID #30", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}, {"Official Disability Guidelines (ODG)", "Benzodiazepines and pain mangement", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Benzodiazepines and pain mangement."}},
         "Benzodiazepines are not recommended for long-term use because",
         "used for at least several months."},
        {"Norco 10/325mg one PO q 4-6H #180", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, Criteria for Use; and Specific Drug List; and Weaning of Medications", "78-80, 91, 124", "MTUS Chronic Pain Treatment Guidelines Opioids, Criteria for Use; and Specific Drug List; and Weaning of Medications Page(s): 78-80, 91, 124."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "opioids", "82-92", "MTUS Chronic Pain Treatment Guidelines opioids Page(s): 82-92."}},
         "Norco is a short acting opioid used for",
         "of Norco is not medically necessary."},
       }}},
    {"001_5ad3443a4d2d1746.txt",
      {"final-determination",
       {"California"}, {"Physical Medicine & Rehabilitation"}, {"Interventional Spine Pain Management"},
       58, "male", "2007-10-05",
       {"Closed-head injury with concussion with cognitive impairment", "Depression", "Back pain", "Knee pain"},
       "The patient is a 58-year-old male with an",
       "were provided from 04/23/2014 - 09/25/2014.",
       {
        {"Refill of Xanax 1mg, QTY: 90", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}, {"Official Disability Guidelines (ODG)", "Pain (Chronic), Methadone; Mental Illness & Stress", "", "Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic), Methadone; Mental Illness & Stress."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}, {"Official Disability Guidelines (ODG)", "Mental Illness Chapter, Benzodiazepines", "", "Non-MTUS Citation Official Disability Guidelines (ODG); Mental Illness Chapter, Benzodiazepines."}},
         "According to the 09/25/2014 progress report, the patient",
         "this request is not medically necessary."},
       }}},
    {"002_3aa998df8068b4ed.txt",
      {"final-determination",
       {"Iowa", "Illinois", "California"}, {"Preventive Medicine", "Occupational Medicine", "Public Health & General Preventive Medicine"}, {},
       49, "female", "2010-12-08",
       {"post-laminectomy syndrome", "chronic pain syndrome", "sleep disturbance"},
       "The injured worker is a 49 year old",
       "to certify a quantity of 120.",
       {
        {"Valium 5mg #30", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Weaning of Medications", "", "MTUS Chronic Pain Medical Treatment 2009, Section(s): Weaning of Medications."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "", "MTUS Chronic Pain Medical Treatment 2009, Section(s): Benzodiazepines."}, {"Official Disability Guidelines (ODG)", "Pain, Benzodiazepines", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Benzodiazepines."}},
         "Valium is the brand name version of diazepam,",
         "5mg #30 is not medically necessary."},
        {"Norco 10/325mg #180", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Weaning of Medications", "", "MTUS Chronic Pain Medical Treatment 2009, Section(s): Weaning of Medications."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, criteria for use", "", "MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, criteria for use."}, {"Official Disability Guidelines (ODG)", "Low Back - Lumbar & Thoracic (Acute & Chronic), Opioids, Pain", "", "Non-MTUS Citation Official Disability Guidelines (ODG) Low Back - Lumbar & Thoracic (Acute & Chronic), Opioids, Pain."}},
         "ODG does not recommend the use of opioids",
         "10/325mg #180 is not medically necessary."},
       }}},
    {"003_a9a3b68871ed5773.txt",
      {"final-determination",
       {"Texas"}, {"Preventive Medicine"}, {"Occupational Medicine"},
       50, "male", "1999-11-23",
       {},
       "The injured worker is a 50 year old",
       "denied by utilization review on 02/04/14.",
       {
        {"NORCO 10/325 MG #150", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "", "MTUS Chronic Pain Treatment Guidelines."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, Criteria for Use", "88-89", "MTUS Chronic Pain Treatment Guidelines Opioids, Criteria for Use Page(s): 88-89."}},
         "The injured worker improved with previous use of",
         "recommended the request as medically necessary."},
        {"CLONAZEPAM 1 MG #90, WITH THREE REFILLS", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "", "MTUS Chronic Pain Treatment Guidelines."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}},
         "In regards to the request for clonzaepam 1mg",
         "recommend the request as medically necessary."},
       }}},
    {"004_d6fa5ae0eb0f1d34.txt",
      {"final-determination",
       {"California", "Arizona"}, {"Physical Medicine & Rehabilitation"}, {},
       59, "male", "2005-08-29",
       {"degeneration of intervertebral disc", "lumbosacral spondylosis without myelopathy", "spinal stenosis of the lumbar region"},
       "This injured worker is a 59-year-old male with",
       "Authorization Form, dated 10/27/2014, was provided.",
       {
        {"Xanax 0.5mg #30", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "24", "MTUS Chronic Pain Treatment Guidelines Page(s): 24."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Benzodiazepines", "24", "MTUS Chronic Pain Treatment Guidelines Benzodiazepines Page(s): 24."}},
         "The request for Xanax 0.5mg #30 is not",
         "the request is not medically necessary."},
        {"Fentanyl Patches 100mcg #15", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "78,86", "MTUS Chronic Pain Treatment Guidelines Page(s): 78,86."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Fentanyl", "47", "MTUS Chronic Pain Treatment Guidelines Fentanyl Page(s): 47."}},
         "The request for fentanyl patches 100mcg #15 is",
         "the request is not medically necessary."},
        {"Soma 350mg #60", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "29", "MTUS Chronic Pain Treatment Guidelines Page(s): 29."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Carisoprodol (Soma)", "29", "MTUS Chronic Pain Treatment Guidelines Carisoprodol (Soma) Page(s): 29."}},
         "The request for Soma 350mg #60 is not",
         "the request is not medically necessary."},
        {"Percocet 10/325mg #180", Decision::kUpheld,
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "", "78,86", "MTUS Chronic Pain Treatment Guidelines Page(s): 78,86."}},
         {{"MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, 4) On-Going Management", "78", "MTUS Chronic Pain Treatment Guidelines Opioids, 4) On-Going Management Page(s): 78."}},
         "The request for Percocet 10/325mg #180 is not",
         "the request is not medically necessary."},
       }}},
  };
  return letters;
}

std::string seed_path(const std::string& name) { return std::string(IMR_SEEDS_DIR) + "/" + name; }

TEST(LetterSeedsTest, EverySeedParsesToItsExpectedFields) {
  if (!std::filesystem::exists(IMR_SEEDS_DIR)) GTEST_SKIP() << "no seeds at " << IMR_SEEDS_DIR;
  size_t items = 0;
  for (const auto& [name, want] : seed_letters()) {
    const std::string path = seed_path(name);
    ASSERT_TRUE(std::filesystem::exists(path)) << path;
    const Letter got = read_letter(testing::slurp(path), path);
    testing::expect_letter(got, want, path);
    items += got.items.size();
  }
  EXPECT_EQ(items, 11u);
}

TEST(LetterSeedsTest, SeedsSurvivePdfStyleDamage) {
  // The same letters with every line doubled apart, a page break and a page footer inside
  // each rationale, and ragged spacing still read the same.
  if (!std::filesystem::exists(IMR_SEEDS_DIR)) GTEST_SKIP() << "no seeds at " << IMR_SEEDS_DIR;
  for (const auto& [name, want] : seed_letters()) {
    const std::string path = seed_path(name);
    std::string text = testing::slurp(path);
    std::string damaged;
    for (char c : text) {
      damaged += c;
      if (c == '\n') damaged += "  \n";
    }
    size_t at = 0;
    while ((at = damaged.find("Decision rationale:", at)) != std::string::npos) {
      const size_t eol = damaged.find('\n', at);
      damaged.insert(eol, "\n\f  Page 2 of 3 \n\n");
      at = eol + 1;
    }
    const Letter got = read_letter(damaged, path);
    testing::expect_letter(got, want, path);
  }
}

}  // namespace
}  // namespace imr
