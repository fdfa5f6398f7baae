// Clean letters: every example case (examples/cases) taken through the case service to its
// signed letter — a reviewer who answers every criterion that decided the draft, accepts it,
// and writes the decision, citation and rationale of an item no rule pack covers — and the
// letter holds nothing of the engine's internals: no reviewer-facing note of the draft, no
// rules or drug-table version line, no rule pack or criterion id, no draft marker, no sentence
// the engine writes only for the reviewer. The claimant's sex comes from the records.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/file.h"
#include "core/text.h"
#include "intake/case.h"
#include "render/claimant_sex.h"
#include "service/case_service.h"
#include "support/knowledge.h"
#include "support/service_fixtures.h"
#include "support/test_store.h"

namespace imr {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

const std::string kReviewer = "R-PMR-2";

// The words of a text with every run of whitespace as one space (letters are wrapped).
std::string squashed(const std::string& s) { return collapse_whitespace(s); }

// The day utilization review decided (the case's UR date, else its latest record's).
Date ur_date(const Case& c) { return *c.request_date(); }

// The engine's case file as an application to the review organization, received three days
// after utilization review (which denied each request when the case file does not say).
json application_for(const Case& c) {
  json items = json::array();
  if (c.ur && !c.ur->items.empty()) {
    for (const auto& i : c.ur->items)
      items.push_back({{"request", i.request}, {"action", i.action}, {"certified", i.certified}, {"guideline", i.guideline}});
  } else {
    for (const auto& r : c.requests) items.push_back({{"request", r}, {"action", "denied"}});
  }
  const std::string decided = ur_date(c).iso();
  json app = {{"application_id", "APP-" + c.case_id},
              {"received", civil_from_days(ur_date(c).first_day() + 3).iso()},
              {"signed", true},
              {"signed_by", "worker"},
              {"worker", {{"name", "Example Worker " + c.case_id}}},
              {"claims_administrator", {{"name", "Harbor Light Claims"}}},
              {"requesting_physician", {{"name", "Dr. Example Physician"}, {"specialty", "Pain Medicine"}}},
              {"ur_decision",
               {{"date", decided},
                {"served", decided},
                {"service_method", "electronic"},
                {"items", items}}}};
  if (c.date_of_injury) app["date_of_injury"] = c.date_of_injury->iso();
  if (c.claimant.age) app["worker"]["date_of_birth"] = civil_from_days(ur_date(c).first_day() - 365 * *c.claimant.age - 100).iso();
  return app;
}

class SignedLetterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(location_.create("sqlite"));
    store_ = open_store(location_.location());
    context_ = testing::bundled_service_context();
    context_.clock = [this] { return now_; };
    service_ = std::make_unique<CaseService>(*store_, context_);
    service_->import_reviewers(testing::service_fixture("reviewers.json"), "reviewers.json", "admin");
  }

  // The case through to its signed letter; the draft it was signed from in `review`.
  std::string signed_letter(const Case& c, json& review) {
    now_ = Timestamp::at(civil_from_days(ur_date(c).first_day() + 3), 9);
    const Application app = parse_application_json(application_for(c).dump(), c.case_id);
    const SubmitResult submitted = service_->submit(app, "intake-1");
    EXPECT_TRUE(submitted.finding.eligible) << c.case_id;
    const std::string id = submitted.case_id;
    for (const auto& r : c.records) {
      IncomingRecord in;
      in.title = r.title.empty() ? "Progress report" : r.title;
      in.date = r.date;
      in.sender = "requesting physician";
      in.source_name = "record.txt";
      in.media_type = "text/plain";
      in.text = r.text;
      service_->attach_record(id, in, "intake-1");
    }
    std::string reviewer = service_->assign(id, "intake-1").reviewer_id.value_or("");
    if (reviewer.empty()) {
      service_->assign_by_hand(id, kReviewer, "Nearest specialty on the panel for this request.", "intake-1");
      reviewer = kReviewer;
    }
    service_->notice_sent(id, "electronic", "intake-1");
    service_->records_complete(id, "intake-1");
    review = service_->draft(id, reviewer);
    for (size_t i = 0; i < review["items"].size(); ++i) {
      const json& item = review["items"][i];
      ItemEdit edit{i, std::nullopt, std::nullopt, "", std::nullopt};
      for (const auto& criterion : item["criteria"])
        if (criterion.value("decided", false)) edit.answers.push_back({criterion.value("id", ""), true, ""});
      if (item.value("status", "") == "no_rule") {
        edit.decision = Decision::kUpheld;
        edit.rationale = "The reviewer's own rationale: the record does not show the need for this request.";
        edit.citations = std::vector<std::string>{"MTUS ACOEM Practice Guidelines, Chapter 12, Page(s): 303-305"};
      }
      service_->decide(id, edit, reviewer);
    }
    return service_->sign(id, reviewer, Signature{true, ""}).letter_text;
  }

  testing::TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  ServiceContext context_;
  std::unique_ptr<CaseService> service_;
  Timestamp now_;
};

// The service fixture's case of 2026 (UR modified the opioid; the MTUS formulary applies) with
// a third request no rule pack covers: its drafts carry notes of every kind.
Case fixture_case() {
  Case c;
  c.case_id = "FIXTURE-2026";
  c.claimant = {58, "female"};  // the record says "she"
  c.date_of_injury = Date::ymd(2019, 3, 8);
  c.records.push_back({Date::ymd(2026, 10, 6), "PR-2 progress report", testing::service_fixture("progress-note.txt")});
  c.requests = {"Norco 10/325mg #120", "Flexeril 10mg #60",
                "Open reduction and internal fixation, left distal radius, with 1-day inpatient stay"};
  c.ur = UrDecision{Date::ymd(2026, 10, 20),
                    {{c.requests[0], "modified", "Norco 10/325mg #60", ""},
                     {c.requests[1], "denied", "", ""},
                     {c.requests[2], "denied", "", ""}}};
  return c;
}

TEST_F(SignedLetterTest, NoEngineNoteOrVersionLineInAnySignedLetter) {
  const fs::path dir = fs::path(IMR_SOURCE_DIR) / "examples" / "cases";
  std::vector<std::pair<std::string, Case>> all = {{"the service fixture", fixture_case()}};
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".json")
      all.emplace_back(entry.path().filename().string(),
                       parse_case_json(read_file(entry.path().string()), entry.path().string()));
  int cases = 0, notes = 0, sexed = 0, no_rule = 0;
  for (const auto& [name, c] : all) {
    json review;
    const std::string letter = signed_letter(c, review);
    ASSERT_FALSE(letter.empty()) << name;
    ++cases;
    const std::string flat = squashed(letter);
    // No version lines, no draft marker, nothing about rule packs.
    for (const std::string& banned : {std::string("Rules:"), std::string("drug table"), std::string("DRAFT"),
                                     std::string("rule pack"), std::string("Referred to the physician reviewer"),
                                     review.value("rules_version", "?"), review.value("drugs_version", "?")})
      EXPECT_EQ(flat.find(banned), std::string::npos) << name << ": '" << banned << "' in the letter";
    for (const auto& item : review["items"]) {
      // The reviewer-facing notes of the draft.
      for (const auto& note : item["notes"]) {
        ++notes;
        const std::string n = squashed(note.get<std::string>());
        EXPECT_EQ(flat.find(n.substr(0, std::min<size_t>(n.size(), 60))), std::string::npos)
            << name << ": a note of the draft is in the letter: " << n;
      }
      // The engine's own sentence for an item no rule covers, and every rule and criterion id.
      if (item.value("status", "") == "no_rule") {
        ++no_rule;
        EXPECT_NE(flat.find("The reviewer's own rationale"), std::string::npos) << name;
        EXPECT_NE(flat.find("MTUS ACOEM Practice Guidelines, Chapter 12, Page(s): 303-305"), std::string::npos) << name;
        const std::string r = squashed(item.value("rationale", ""));
        EXPECT_EQ(flat.find(r.substr(0, std::min<size_t>(r.size(), 60))), std::string::npos) << name;
      }
      if (!item.value("rule_pack", "").empty()) {
        EXPECT_EQ(flat.find(item.value("rule_pack", "")), std::string::npos) << name;
      }
      for (const auto& criterion : item["criteria"])
        EXPECT_EQ(flat.find(criterion.value("id", "")), std::string::npos) << name << ": " << criterion["id"];
    }
    // The claimant's age from the application and sex from the records (the application has
    // none): never "person" when the record says he or she, never the wrong one.
    if (!claimant_sex_from_records(c.records).empty()) {
      ++sexed;
      EXPECT_NE(flat.find("-year-old " + c.claimant.sex), std::string::npos) << name << ": " << flat.substr(0, 1500);
    }
  }
  EXPECT_GE(cases, 10);
  EXPECT_GE(notes, 4) << "the drafts hold notes for the reviewer, and none reached a letter";
  EXPECT_GE(no_rule, 1);
  EXPECT_GE(sexed, 5);
}

}  // namespace
}  // namespace imr
