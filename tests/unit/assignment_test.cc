// The specialty map and reviewer assignment: fit by topic and refinement, every exclusion
// reason, conflicts, load ordering, the case where nobody fits, determinism, map validation.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>

#include "core/error.h"
#include "core/file.h"
#include "service/assignment.h"
#include "service/specialty_map.h"
#include "support/knowledge.h"

namespace imr {
namespace {

const SpecialtyMap& bundled_map() {
  static const SpecialtyMap m = SpecialtyMap::load(std::string(IMR_SOURCE_DIR) + "/data/specialties.yaml");
  return m;
}

bool has(const std::vector<std::string>& xs, const std::string& x) {
  return std::find(xs.begin(), xs.end(), x) != xs.end();
}

// ------------------------------------------------------------------ specialty map

TEST(SpecialtyMap, EveryRuleTopicIsMapped) {
  const auto k = testing::bundled_knowledge();
  ASSERT_FALSE(k->rules.packs().empty());
  for (const auto& pack : k->rules.packs())
    EXPECT_FALSE(bundled_map().fitting(pack.topic, "", "", "").empty())
        << "topic '" << pack.topic << "' (" << pack.file << ") has no fitting specialties";
}

TEST(SpecialtyMap, EveryDrugClassAndServiceHasAFallback) {
  const auto k = testing::bundled_knowledge();
  for (const auto& d : k->drugs.drugs())
    EXPECT_FALSE(bundled_map().fitting("", d.drug_class, "", d.generic).empty())
        << "drug class '" << d.drug_class << "' is not mapped";
  for (const auto& s : k->services.services())
    EXPECT_FALSE(bundled_map().fitting("", "", s.name, s.name).empty())
        << "service '" << s.name << "' is not mapped";
}

TEST(SpecialtyMap, FitsByTopic) {
  const auto opioids = bundled_map().fitting("opioids", "opioid", "", "Norco 10/325mg #120");
  for (const char* s : {"Pain Medicine", "Physical Medicine and Rehabilitation", "Occupational Medicine",
                        "Family Medicine"})
    EXPECT_TRUE(has(opioids, s)) << s;
  EXPECT_FALSE(has(opioids, "Psychiatry"));
  EXPECT_EQ(bundled_map().fitting("psychological_treatment", "", "psychotherapy", "Psychotherapy x 6"),
            (std::vector<std::string>{"Psychiatry", "Psychology"}));
}

TEST(SpecialtyMap, SurgeryIsRefinedByWhatTheRequestMentions) {
  const auto& m = bundled_map();
  const std::vector<std::string> spine = {"Orthopedic Surgery", "Neurological Surgery", "Spine Surgery"};
  EXPECT_EQ(m.fitting("surgery", "", "surgery", "L4-5 lumbar fusion"), spine);
  EXPECT_EQ(m.fitting("surgery", "", "surgery", "Anterior cervical discectomy and fusion C5-6"), spine);
  EXPECT_EQ(m.fitting("surgery", "", "surgery", "Right knee arthroscopy with partial meniscectomy"),
            (std::vector<std::string>{"Orthopedic Surgery"}));
  EXPECT_EQ(m.fitting("surgery", "", "surgery", "Left carpal tunnel release"),
            (std::vector<std::string>{"Orthopedic Surgery", "Hand Surgery"}));
  const auto any = m.fitting("surgery", "", "surgery", "Surgery as requested");
  EXPECT_TRUE(has(any, "General Surgery"));
  EXPECT_TRUE(has(any, "Orthopedic Surgery"));
  const SpecialtyFit f = m.match("surgery", "", "", "L5-S1 laminectomy");
  EXPECT_NE(f.basis.find("topic 'surgery'"), std::string::npos) << f.basis;
  EXPECT_NE(f.basis.find("mentions"), std::string::npos) << f.basis;
}

TEST(SpecialtyMap, FallsBackToDrugClassThenService) {
  const auto& m = bundled_map();
  EXPECT_EQ(m.fitting("", "opioid", "", "Some new opioid"), m.fitting("opioids", "", "", ""));
  EXPECT_EQ(m.match("", "opioid", "", "x").basis, "drug class 'opioid'");
  // A topic the map does not know falls through to the class.
  EXPECT_EQ(m.match("no_such_topic", "opioid", "", "x").basis, "drug class 'opioid'");
  const SpecialtyFit massage = m.match("", "", "Massage Therapy", "Massage therapy x 6");
  EXPECT_EQ(massage.basis, "service 'massage therapy'");
  EXPECT_TRUE(has(massage.specialties, "Chiropractic"));
  EXPECT_TRUE(m.fitting("", "", "", "something unknown").empty());
  EXPECT_TRUE(m.fitting("no_such_topic", "no_such_class", "no such service", "").empty());
}

TEST(SpecialtyMap, MentionsWholeWordsOnly) {
  EXPECT_TRUE(mentions_words("L4-5 LUMBAR fusion", "lumbar"));
  EXPECT_TRUE(mentions_words("Rotator-cuff repair, right", "rotator cuff"));
  EXPECT_TRUE(mentions_words("fusion at L4-5", "l4-5"));
  EXPECT_FALSE(mentions_words("ship", "hip"));
  EXPECT_FALSE(mentions_words("kneecap", "knee"));
  EXPECT_FALSE(mentions_words("cuff rotator", "rotator cuff"));
  EXPECT_FALSE(mentions_words("anything", ""));
}

TEST(SpecialtyMap, CanonicalNames) {
  EXPECT_EQ(bundled_map().canonical("pain   medicine"), "Pain Medicine");
  EXPECT_EQ(bundled_map().canonical("Cardiology"), std::nullopt);
}

std::string map_error(const std::string& yaml) {
  try {
    SpecialtyMap::parse(yaml, "map.yaml");
  } catch (const DataError& e) {
    return e.what();
  }
  return "no error";
}

TEST(SpecialtyMap, ValidationErrorsNameFileAndLine) {
  const std::string head = "specialties: [Pain Medicine, Psychiatry]\nrules:\n";
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    specialties: [Pain Medicine]\n"), "no error");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    specialties:\n      - Pain Medicine\n      - Cardiology\n"),
            "map.yaml:6: unknown specialty 'Cardiology' (not in the file's 'specialties' list)");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    drug_class: opioid\n    specialties: [Pain Medicine]\n"),
            "map.yaml:3: a rule needs exactly one of 'topic', 'drug_class' or 'service'");
  EXPECT_EQ(map_error(head + "  - specialties: [Pain Medicine]\n"),
            "map.yaml:3: a rule needs exactly one of 'topic', 'drug_class' or 'service'");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n"), "map.yaml:3: topic 'opioids': the rule lists no 'specialties'");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    specialties: []\n"),
            "map.yaml:4: 'specialties' must be a non-empty list");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    specialties: [Pain Medicine]\n"
                             "  - topic: opioids\n    specialties: [Psychiatry]\n"),
            "map.yaml:5: topic 'opioids' is mapped twice without 'when_request_mentions'");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    specialities: [Pain Medicine]\n"),
            "map.yaml:4: unknown field 'specialities' in a rule");
  EXPECT_EQ(map_error(head + "  - topic: opioids\n    when_request_mentions: [\"--\"]\n    specialties: [Pain Medicine]\n"),
            "map.yaml:4: '--' has no letters or digits to match");
  EXPECT_EQ(map_error("specialties: [Pain Medicine, pain medicine]\nrules: []\n"),
            "map.yaml:1: specialty 'pain medicine' is listed twice");
  EXPECT_EQ(map_error("rules: []\n"), "map.yaml:1: expected a map with a 'specialties' list and a 'rules' list");
  EXPECT_NE(map_error("specialties: [a\nrules: [").find("map.yaml:"), std::string::npos);
}

TEST(SpecialtyMap, UnknownSpecialtyFixtureReportsItsLine) {
  try {
    SpecialtyMap::load(std::string(IMR_FIXTURES_DIR) + "/reviewers/bad_specialty.yaml");
    FAIL() << "expected a DataError";
  } catch (const DataError& e) {
    EXPECT_EQ(e.line(), 11);
    EXPECT_NE(std::string(e.what()).find("bad_specialty.yaml:11: unknown specialty 'Cardiology'"),
              std::string::npos)
        << e.what();
  }
}

// ------------------------------------------------------------------ assignment

Reviewer reviewer(std::string id, std::vector<std::string> specialties,
                  std::vector<std::string> subspecialties = {}) {
  Reviewer r;
  r.id = std::move(id);
  r.name = "Name of " + r.id;
  r.licensure_states = {"CA"};
  r.specialties = std::move(specialties);
  r.subspecialties = std::move(subspecialties);
  r.years_in_practice = 12;
  r.hours_per_week = 32;
  return r;
}

DisputedItemForAssignment opioid_item() { return {"Norco 10/325mg #120", "opioids", "opioid", ""}; }
DisputedItemForAssignment psych_item() {
  return {"Psychotherapy x 6 sessions", "psychological_treatment", "", "psychotherapy"};
}
DisputedItemForAssignment surgery_item(std::string text) { return {std::move(text), "surgery", "", "surgery"}; }

CaseParties parties() {
  CaseParties p;
  p.worker = "Maria Example-Worker";
  p.employer = "Acme Foods, Inc.";
  p.insurer = "Golden Bear Mutual Insurance";
  p.claims_administrator = "Sedgwick Claims Management Services";
  p.requesting_physician = "Dr. Jane Roe, MD";
  p.medical_group = "Valley Spine & Pain Medical Group";
  p.representative = "Law Offices of Peter Advocate";
  return p;
}

const Exclusion* exclusion_of(const AssignmentResult& r, const std::string& id) {
  for (const auto& e : r.excluded)
    if (e.reviewer_id == id) return &e;
  return nullptr;
}

std::string reasons_of(const AssignmentResult& r, const std::string& id) {
  const Exclusion* e = exclusion_of(r, id);
  return e ? join(e->reasons, " | ") : "(not excluded)";
}

AssignmentResult assign(const std::vector<DisputedItemForAssignment>& items, const std::vector<Reviewer>& reg,
                        bool expedited = false, const std::map<std::string, ReviewerLoad>& load = {}) {
  return assign_reviewer(items, parties(), expedited, reg, load, bundled_map());
}

TEST(Assignment, AssignsTheFittingReviewerAndExplains) {
  const auto res = assign({opioid_item()}, {reviewer("R-psych", {"Psychiatry"}),
                                            reviewer("R-pmr", {"Physical Medicine and Rehabilitation"}, {"Pain Medicine"})});
  ASSERT_TRUE(res.reviewer_id.has_value());
  EXPECT_EQ(*res.reviewer_id, "R-pmr");
  EXPECT_NE(res.explanation.find("Assigned reviewer R-pmr"), std::string::npos) << res.explanation;
  EXPECT_NE(res.explanation.find("'Norco 10/325mg #120' needs"), std::string::npos) << res.explanation;
  EXPECT_NE(res.explanation.find("the reviewer has Pain Medicine, Physical Medicine and Rehabilitation"),
            std::string::npos)
      << res.explanation;
  EXPECT_NE(res.explanation.find("no affiliation with any party"), std::string::npos);
  ASSERT_EQ(res.excluded.size(), 1u);
  EXPECT_EQ(res.excluded[0].reviewer_id, "R-psych");
  EXPECT_NE(reasons_of(res, "R-psych").find("No specialty fitting 'Norco 10/325mg #120'"), std::string::npos);
  EXPECT_EQ(res.explanation.find("Name of"), std::string::npos);  // reviewers are named by id
}

TEST(Assignment, EachQualificationReason) {
  Reviewer inactive = reviewer("R-inactive", {"Pain Medicine"});
  inactive.active = false;
  Reviewer out_of_state = reviewer("R-nv", {"Pain Medicine"});
  out_of_state.licensure_states = {"NV", "AZ"};
  Reviewer unlicensed = reviewer("R-none", {"Pain Medicine"});
  unlicensed.licensure_states = {};
  Reviewer five_years = reviewer("R-5y", {"Pain Medicine"});
  five_years.years_in_practice = 5;  // "more than five" is strict
  Reviewer part_time = reviewer("R-23h", {"Pain Medicine"});
  part_time.hours_per_week = 23.5;
  Reviewer just_enough = reviewer("R-ok", {"Pain Medicine"});
  just_enough.years_in_practice = 5.5;
  just_enough.hours_per_week = 24;
  const auto res = assign({opioid_item()}, {inactive, out_of_state, unlicensed, five_years, part_time, just_enough});
  ASSERT_TRUE(res.reviewer_id);
  EXPECT_EQ(*res.reviewer_id, "R-ok");
  EXPECT_EQ(reasons_of(res, "R-inactive"), "Not active in the registry.");
  EXPECT_EQ(reasons_of(res, "R-nv"), "Not licensed in California (licensed in NV, AZ).");
  EXPECT_EQ(reasons_of(res, "R-none"), "Not licensed in California (no licensure is listed).");
  EXPECT_EQ(reasons_of(res, "R-5y"), "In active practice 5 years; more than five years are required.");
  EXPECT_EQ(reasons_of(res, "R-23h"), "Practises 23.5 hours a week; at least 24 hours a week are required.");
  EXPECT_EQ(res.excluded.size(), 5u);
}

TEST(Assignment, EveryReasonIsListedNotJustTheFirst) {
  Reviewer r = reviewer("R-bad", {"Chiropractic"});
  r.active = false;
  r.licensure_states = {"OR"};
  r.years_in_practice = 3;
  r.hours_per_week = 10;
  r.affiliations = {{"employer", "ACME FOODS"}};
  const auto res = assign({opioid_item()}, {r});
  EXPECT_FALSE(res.reviewer_id);
  const Exclusion* e = exclusion_of(res, "R-bad");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->reasons.size(), 6u) << reasons_of(res, "R-bad");
}

TEST(Assignment, ConflictsWithEachParty) {
  struct Case {
    Affiliation affiliation;
    std::string reason;
  };
  const std::vector<Case> cases = {
      {{"employer", "acme foods llc"}, "Affiliated with the employer (Acme Foods, Inc.)."},
      {{"insurer", "Golden Bear Mutual Insurance Co."}, "Affiliated with the insurer (Golden Bear Mutual Insurance)."},
      // An insurer affiliation matches the claims administrator, and the reverse.
      {{"insurer", "Sedgwick"}, "Affiliated with the claims administrator (Sedgwick Claims Management Services)."},
      {{"claims_administrator", "Golden Bear Mutual"}, "Affiliated with the insurer (Golden Bear Mutual Insurance)."},
      {{"physician", "Roe, Jane M.D."}, "Affiliated with the requesting physician (Dr. Jane Roe, MD)."},
      {{"medical_group", "Valley Spine and Pain Medical Group"},
       "Affiliated with the requesting physician's medical group (Valley Spine & Pain Medical Group)."},
      {{"representative", "Law Offices of Peter Advocate"},
       "Affiliated with the worker's representative (Law Offices of Peter Advocate)."},
      {{"worker", "maria example worker"}, "Affiliated with the injured worker."},
  };
  for (const auto& c : cases) {
    Reviewer conflicted = reviewer("R-a", {"Pain Medicine"});
    conflicted.affiliations = {{"employer", "Some Unrelated Hospital"}, c.affiliation};
    const auto res = assign({opioid_item()}, {conflicted, reviewer("R-b", {"Pain Medicine"})});
    ASSERT_TRUE(res.reviewer_id);
    EXPECT_EQ(*res.reviewer_id, "R-b") << c.affiliation.name;
    EXPECT_EQ(reasons_of(res, "R-a"), c.reason);
  }
}

TEST(Assignment, NearNamesDoNotConflict) {
  Reviewer r = reviewer("R-a", {"Pain Medicine"});
  r.affiliations = {{"employer", "Acme Foodservice"},    // not Acme Foods
                    {"physician", "Dr. Jane Roeper"},     // not Jane Roe
                    {"physician", "Jane"},                // a first name alone is not a person
                    {"insurer", "Golden State Mutual"}};  // shares leading words only
  const auto res = assign({opioid_item()}, {r});
  ASSERT_TRUE(res.reviewer_id) << reasons_of(res, "R-a");
}

TEST(Assignment, WorkerNameNeverAppears) {
  Reviewer r = reviewer("R-a", {"Pain Medicine"});
  r.affiliations = {{"worker", "Maria Example-Worker"}};
  Reviewer psych = reviewer("R-p", {"Psychiatry"});
  for (const auto& res : {assign({opioid_item()}, {r, psych}), assign({psych_item(), opioid_item()}, {r, psych})}) {
    std::string all = res.explanation;
    for (const auto& e : res.excluded) all += join(e.reasons, " ");
    EXPECT_EQ(all.find("Maria"), std::string::npos) << all;
    EXPECT_EQ(all.find("Example-Worker"), std::string::npos) << all;
    EXPECT_NE(all.find("Affiliated with the injured worker."), std::string::npos) << all;
  }
}

TEST(Assignment, SpineVersusKneeSurgery) {
  const std::vector<Reviewer> reg = {reviewer("R-neuro", {"Neurological Surgery"}),
                                     reviewer("R-ortho", {"Orthopedic Surgery"})};
  std::map<std::string, ReviewerLoad> load = {{"R-neuro", {0, 0}}, {"R-ortho", {0, 9}}};
  const auto spine = assign({surgery_item("L4-5 lumbar laminectomy")}, reg, false, load);
  ASSERT_TRUE(spine.reviewer_id);
  EXPECT_EQ(*spine.reviewer_id, "R-neuro");  // both fit; the neurosurgeon has less work
  EXPECT_NE(reasons_of(spine, "R-ortho").find("Eligible, but has more open work"), std::string::npos);

  const auto knee = assign({surgery_item("Right knee arthroscopy")}, reg, false, load);
  ASSERT_TRUE(knee.reviewer_id);
  EXPECT_EQ(*knee.reviewer_id, "R-ortho");  // a neurosurgeon does not fit knee surgery
  EXPECT_NE(reasons_of(knee, "R-neuro").find("No specialty fitting 'Right knee arthroscopy' (it needs Orthopedic Surgery;"),
            std::string::npos)
      << reasons_of(knee, "R-neuro");
}

TEST(Assignment, MultiItemNeedsOneReviewerWhoFitsEveryItem) {
  const Reviewer pain = reviewer("R-pain", {"Pain Medicine"});
  const Reviewer psych = reviewer("R-psych", {"Psychiatry"});
  const Reviewer both = reviewer("R-both", {"Psychiatry"}, {"Pain Medicine", "Addiction Medicine"});
  const auto res = assign({opioid_item(), psych_item()}, {pain, psych, both});
  ASSERT_TRUE(res.reviewer_id);
  EXPECT_EQ(*res.reviewer_id, "R-both");
  EXPECT_NE(reasons_of(res, "R-pain").find("No specialty fitting 'Psychotherapy x 6 sessions'"), std::string::npos);
  EXPECT_NE(reasons_of(res, "R-psych").find("No specialty fitting 'Norco 10/325mg #120'"), std::string::npos);
  EXPECT_EQ(res.items.size(), 2u);

  // Without the dual-boarded reviewer nobody is assigned: the case needs a manual split.
  const auto split = assign({opioid_item(), psych_item()}, {pain, psych});
  EXPECT_FALSE(split.reviewer_id);
  EXPECT_NE(split.explanation.find("No single reviewer fits every disputed item"), std::string::npos)
      << split.explanation;
  EXPECT_NE(split.explanation.find("manual split"), std::string::npos);
  EXPECT_EQ(split.excluded.size(), 2u);
}

TEST(Assignment, NoReviewerFits) {
  Reviewer conflicted = reviewer("R-conf", {"Psychology"});
  conflicted.affiliations = {{"claims_administrator", "Sedgwick Claims Management Services, Inc."}};
  const std::vector<Reviewer> reg = {reviewer("R-pain", {"Pain Medicine"}), conflicted,
                                     reviewer("R-ortho", {"Orthopedic Surgery"})};
  const auto res = assign({psych_item()}, reg, true);
  EXPECT_FALSE(res.reviewer_id.has_value());
  EXPECT_EQ(res.required_specialties, (std::vector<std::string>{"Psychiatry", "Psychology"}));
  ASSERT_EQ(res.excluded.size(), reg.size());
  for (size_t i = 0; i < reg.size(); ++i) {
    EXPECT_EQ(res.excluded[i].reviewer_id, reg[i].id);  // registry order
    EXPECT_FALSE(res.excluded[i].reasons.empty());
  }
  EXPECT_EQ(reasons_of(res, "R-conf"),
            "Affiliated with the claims administrator (Sedgwick Claims Management Services).");
  EXPECT_NE(res.explanation.find("No reviewer was assigned"), std::string::npos);
  EXPECT_NE(res.explanation.find("Psychiatry or Psychology"), std::string::npos) << res.explanation;
}

TEST(Assignment, UnmappedItemAssignsNobody) {
  const auto res = assign({{"Mystery device", "", "", ""}}, {reviewer("R-a", {"Pain Medicine"})});
  EXPECT_FALSE(res.reviewer_id);
  EXPECT_TRUE(res.required_specialties.empty());
  EXPECT_NE(reasons_of(res, "R-a").find("the specialty map does not cover it"), std::string::npos);
  EXPECT_NE(res.explanation.find("not covered by the specialty map"), std::string::npos);
}

TEST(Assignment, NoItemsAssignsNobody) {
  const auto res = assign({}, {reviewer("R-a", {"Pain Medicine"})});
  EXPECT_FALSE(res.reviewer_id);
  ASSERT_EQ(res.excluded.size(), 1u);
}

TEST(Assignment, LoadOrderingExpeditedAndRegular) {
  const std::vector<Reviewer> reg = {reviewer("R-a", {"Pain Medicine"}), reviewer("R-b", {"Pain Medicine"}),
                                     reviewer("R-c", {"Pain Medicine"})};
  const std::map<std::string, ReviewerLoad> load = {
      {"R-a", {3, 4}},  // few cases in all, many expedited
      {"R-b", {0, 9}},  // no expedited, many in all
      {"R-c", {1, 5}}};
  EXPECT_EQ(*assign({opioid_item()}, reg, true, load).reviewer_id, "R-b");
  EXPECT_EQ(*assign({opioid_item()}, reg, false, load).reviewer_id, "R-a");
  // Regular: equal totals -> fewer expedited wins.
  const std::map<std::string, ReviewerLoad> equal_total = {{"R-a", {3, 5}}, {"R-b", {2, 5}}, {"R-c", {4, 5}}};
  EXPECT_EQ(*assign({opioid_item()}, reg, false, equal_total).reviewer_id, "R-b");
  // Expedited: equal expedited -> fewer in all wins.
  const std::map<std::string, ReviewerLoad> equal_exp = {{"R-a", {1, 7}}, {"R-b", {1, 6}}, {"R-c", {1, 8}}};
  EXPECT_EQ(*assign({opioid_item()}, reg, true, equal_exp).reviewer_id, "R-b");
  // No load given counts as none.
  const std::map<std::string, ReviewerLoad> only_a = {{"R-a", {0, 1}}, {"R-b", {0, 1}}};
  EXPECT_EQ(*assign({opioid_item()}, reg, false, only_a).reviewer_id, "R-c");
}

TEST(Assignment, TiesGoToTheEarlierIdAndSayWhy) {
  const auto res = assign({opioid_item()}, {reviewer("R-2", {"Pain Medicine"}), reviewer("R-1", {"Pain Medicine"})});
  ASSERT_TRUE(res.reviewer_id);
  EXPECT_EQ(*res.reviewer_id, "R-1");
  EXPECT_NE(reasons_of(res, "R-2").find("the tie goes to the earlier reviewer id"), std::string::npos);
}

TEST(Assignment, DeterministicWhateverTheRegistryOrder) {
  std::vector<Reviewer> reg = {reviewer("R-c", {"Pain Medicine"}), reviewer("R-a", {"Family Medicine"}),
                               reviewer("R-b", {"Occupational Medicine"}), reviewer("R-d", {"Psychiatry"})};
  const std::map<std::string, ReviewerLoad> load = {{"R-c", {1, 2}}, {"R-a", {1, 2}}, {"R-b", {1, 2}}};
  const auto first = assign({opioid_item()}, reg, true, load);
  const auto again = assign({opioid_item()}, reg, true, load);
  EXPECT_EQ(first.explanation, again.explanation);
  ASSERT_EQ(first.excluded.size(), again.excluded.size());
  for (size_t i = 0; i < first.excluded.size(); ++i) EXPECT_EQ(first.excluded[i].reasons, again.excluded[i].reasons);
  std::sort(reg.begin(), reg.end(), [](const Reviewer& x, const Reviewer& y) { return x.id > y.id; });
  do {
    EXPECT_EQ(*assign({opioid_item()}, reg, true, load).reviewer_id, "R-a");
  } while (std::prev_permutation(reg.begin(), reg.end(),
                                 [](const Reviewer& x, const Reviewer& y) { return x.id < y.id; }));
}

TEST(Assignment, SpecialtiesCompareCaseInsensitively) {
  // A registry parsed without the map keeps names as written.
  const auto res = assign({opioid_item()}, {reviewer("R-a", {"pain medicine"})});
  EXPECT_TRUE(res.reviewer_id);
}

// The example registry is built to conflict with the example applications' parties.
TEST(Assignment, ExampleRegistryConflictsWithAnExampleApplication) {
  const auto app = nlohmann::json::parse(
      read_file(std::string(IMR_SOURCE_DIR) + "/examples/applications/regular-eligible.json"));
  CaseParties p;
  p.worker = app.at("worker").at("name").get<std::string>();
  p.employer = app.at("employer").at("name").get<std::string>();
  p.claims_administrator = app.at("claims_administrator").at("name").get<std::string>();
  p.insurer = app.value("insurer", "");
  p.requesting_physician = app.at("requesting_physician").at("name").get<std::string>();
  p.medical_group = app.at("requesting_physician").value("medical_group", "");
  const std::string request = app.at("ur_decision").at("items").at(0).at("request").get<std::string>();
  const auto reg = load_reviewer_registry(std::string(IMR_SOURCE_DIR) + "/examples/reviewers.json", bundled_map());
  const auto res = assign_reviewer({{request, "physical_medicine", "", "physical therapy"}}, p, false, reg, {},
                                   bundled_map());
  ASSERT_TRUE(res.reviewer_id) << res.explanation;
  EXPECT_NE(reasons_of(res, "REV-106").find("Affiliated with the claims administrator"), std::string::npos)
      << reasons_of(res, "REV-106");
  EXPECT_NE(reasons_of(res, "REV-102").find("Affiliated with the insurer"), std::string::npos);
  EXPECT_NE(reasons_of(res, "REV-111").find("Affiliated with the requesting physician"), std::string::npos);
  EXPECT_NE(reasons_of(res, "REV-108").find("more than five years are required"), std::string::npos);
  std::string all = res.explanation;
  for (const auto& e : res.excluded) all += join(e.reasons, " ");
  EXPECT_EQ(all.find(p.worker), std::string::npos);
}

TEST(PartyNames, NormalizeAndMatch) {
  EXPECT_EQ(normalize_party_name("  Dr. Jane  Roe, M.D. "), "jane roe");
  EXPECT_EQ(normalize_party_name("Acme Foods, Inc."), "acme foods");
  EXPECT_EQ(normalize_party_name("ACME FOODS LLC"), "acme foods");
  EXPECT_EQ(normalize_party_name("Dr."), "");
  EXPECT_TRUE(names_match("Roe, Jane", "Dr. Jane Roe", false));
  EXPECT_TRUE(names_match("O'Brien Medical Group", "OBrien Medical Group", true));
  EXPECT_TRUE(names_match("Sedgwick", "Sedgwick Claims Management Services", true));
  EXPECT_FALSE(names_match("Sedgwick", "Sedgwick Claims Management Services", false));
  EXPECT_FALSE(names_match("Roe", "Jane Roe", false));
  EXPECT_FALSE(names_match("", "", true));
  EXPECT_FALSE(names_match("Inc.", "LLC", true));  // nothing left to compare
}

}  // namespace
}  // namespace imr
