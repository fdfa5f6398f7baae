// parse_citations, citation_family and the credential / claimant readers on short inputs.
#include <gtest/gtest.h>

#include "letters/claimant.h"
#include "letters/credentials.h"
#include "letters/letter.h"

namespace imr {
namespace {

void expect_citation(const Citation& c, const std::string& source, const std::string& section,
                     const std::string& pages) {
  EXPECT_EQ(c.source, source);
  EXPECT_EQ(c.section, section);
  EXPECT_EQ(c.pages, pages);
}

const std::string kMtus = "MTUS Chronic Pain Medical Treatment Guidelines";
const std::string kOdg = "Official Disability Guidelines (ODG)";

TEST(LetterCitationsTest, SplitsOnDecisionBasedOn) {
  const auto cs = parse_citations(
      "Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 80.\n\n"
      "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Opioids.");
  ASSERT_EQ(cs.size(), 2u);
  expect_citation(cs[0], kMtus, "Opioids", "80");
  EXPECT_EQ(cs[0].text, "MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 80.");
  expect_citation(cs[1], kOdg, "Pain, Opioids", "");
  EXPECT_EQ(cs[1].text, "Non-MTUS Citation Official Disability Guidelines (ODG) Pain, Opioids.");
}

TEST(LetterCitationsTest, NormalizesMtusSpellings) {
  expect_citation(parse_citations("MTUS Chronic Pain Medical Treatment 2009, Section(s): Opioids, "
                                  "criteria for use.")
                      .at(0),
                  kMtus, "Opioids, criteria for use", "");
  expect_citation(parse_citations("Chronic Pain Medical Treatment Guidelines (MTUS), NSAIDs, pages "
                                  "67 - 68").at(0),
                  kMtus, "NSAIDs", "67 - 68");
  expect_citation(parse_citations("Decision based on MTUS Chronic Pain Treatment Guidelines.").at(0),
                  kMtus, "", "");
}

TEST(LetterCitationsTest, FreeFormUtilizationReviewStrings) {
  auto cs = parse_citations("MTUS Benzodiazepines p. 24; ODG Mental Illness & Stress, Alprazolam");
  ASSERT_EQ(cs.size(), 2u);
  expect_citation(cs[0], "MTUS", "Benzodiazepines", "24");
  expect_citation(cs[1], kOdg, "Mental Illness & Stress, Alprazolam", "");
  cs = parse_citations("ACOEM, Chapter 13 Knee Complaints, pp. 343-345");
  ASSERT_EQ(cs.size(), 1u);
  expect_citation(cs[0], "ACOEM Practice Guidelines", "Chapter 13 Knee Complaints", "343-345");
  EXPECT_TRUE(parse_citations("None").empty());
  EXPECT_TRUE(parse_citations("").empty());
}

TEST(LetterCitationsTest, UnknownSourceKeptAsWritten) {
  const auto cs = parse_citations("Decision based on Non-MTUS Citation FDA drug label, page 3.");
  ASSERT_EQ(cs.size(), 1u);
  expect_citation(cs[0], "FDA drug label", "", "3");
  EXPECT_EQ(citation_family(cs[0]), "OTHER");
}

TEST(LetterCitationsTest, Families) {
  EXPECT_EQ(citation_family({kMtus, "", "", ""}), "MTUS");
  EXPECT_EQ(citation_family({"MTUS Acupuncture Medical Treatment Guidelines", "", "", ""}), "MTUS");
  EXPECT_EQ(citation_family({kOdg, "", "", ""}), "ODG");
  EXPECT_EQ(citation_family({"ACOEM Practice Guidelines", "", "", ""}), "ACOEM");
  EXPECT_EQ(citation_family({"Medscape", "", "", ""}), "OTHER");
}

TEST(LetterCredentialsTest, BlockFormWrapsAndKeepsAmpersandNames) {
  const ReviewerCredentials r = letters::read_credentials(
      "State(s) of Licensure: Maine,\n\nVermont and Ohio\nCertification(s)/Specialty: Neurology, "
      "Public Health & General\n\nPreventive Medicine");
  EXPECT_EQ(r.licensure, (std::vector<std::string>{"Maine", "Vermont", "Ohio"}));
  EXPECT_EQ(r.certifications,
            (std::vector<std::string>{"Neurology", "Public Health & General Preventive Medicine"}));
  EXPECT_TRUE(r.subspecialties.empty());
}

TEST(LetterCredentialsTest, SentenceForm) {
  ReviewerCredentials r = letters::read_credentials(
      "The expert reviewer is Board Certified in Psychiatry, has a subspecialty in Addiction "
      "Medicine and is licensed to practice in Georgia. He/she has been in practice.");
  EXPECT_EQ(r.certifications, (std::vector<std::string>{"Psychiatry"}));
  EXPECT_EQ(r.subspecialties, (std::vector<std::string>{"Addiction Medicine"}));
  EXPECT_EQ(r.licensure, (std::vector<std::string>{"Georgia"}));
  r = letters::read_credentials("The reviewer is Board Certified in Surgery and is licensed in Idaho.");
  EXPECT_EQ(r.certifications, (std::vector<std::string>{"Surgery"}));
  EXPECT_TRUE(r.subspecialties.empty());
  EXPECT_EQ(r.licensure, (std::vector<std::string>{"Idaho"}));
  EXPECT_TRUE(letters::read_credentials("No credentials are given here.").licensure.empty());
}

TEST(LetterClaimantTest, AgeSexDateDiagnoses) {
  letters::ClaimantFacts f = letters::read_claimant(
      "A 27 yr. old female teacher with an injury date of 1/4/2016. Diagnoses included neck pain, "
      "headache, and anxiety. She improved.");
  EXPECT_EQ(f.age, 27);
  EXPECT_EQ(f.sex, "female");
  ASSERT_TRUE(f.date_of_injury);
  EXPECT_EQ(f.date_of_injury->iso(), "2016-01-04");
  EXPECT_EQ(f.diagnoses, (std::vector<std::string>{"neck pain", "headache", "anxiety"}));

  f = letters::read_claimant("The worker reported pain after a fall on 3/3/15.");
  EXPECT_FALSE(f.age);
  EXPECT_EQ(f.sex, "");
  EXPECT_FALSE(f.date_of_injury);  // a date not introduced as the injury date
  EXPECT_TRUE(f.diagnoses.empty());
}

TEST(LetterClaimantTest, BoilerplateRemovedFromSummary) {
  EXPECT_EQ(letters::clean_case_summary(
                "The expert reviewer developed the following clinical case summary based on a "
                "review of the\n\ncase file, including all medical records:\n\n A 40 year old  male."),
            "A 40 year old male.");
}

}  // namespace
}  // namespace imr
