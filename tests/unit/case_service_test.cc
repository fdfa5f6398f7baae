// The case service end to end, on SQLite and on PostgreSQL: application -> eligible ->
// assigned (with reasons) -> records -> draft -> the reviewer changes one item with a reason
// -> signed -> letter PDF (its text read back with poppler matches the text letter) ->
// redacted copy; and the sign-off rules, each refusal audited.
#include <gtest/gtest.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "core/file.h"
#include "service/case_service.h"
#include "service/reviewer.h"
#include "support/knowledge.h"
#include "support/service_fixtures.h"
#include "support/test_store.h"

namespace imr {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using testing::TestStoreLocation;

std::string fixture(const std::string& name) { return testing::service_fixture(name); }

const ServiceContext& bundled_context() { return testing::bundled_service_context(); }

// Collapses all whitespace runs to one space.
std::string squash(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string pdf_text(const std::string& bytes) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return "";
  std::string out;
  for (int i = 0; i < doc->pages(); ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    const auto utf8 = page->text().to_utf8();
    out += std::string(utf8.begin(), utf8.end()) + "\n";
  }
  return out;
}

bool has_action(const std::vector<AuditRow>& trail, const std::string& action) {
  return std::any_of(trail.begin(), trail.end(), [&](const AuditRow& a) { return a.action == action; });
}

size_t count_refused(const std::vector<AuditRow>& trail, const std::string& attempted) {
  return std::count_if(trail.begin(), trail.end(), [&](const AuditRow& a) {
    return a.action == "refused" && json::parse(a.detail).value("attempted", "") == attempted;
  });
}

class CaseServiceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!location_.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    store_ = open_store(location_.location());
    context_ = bundled_context();
    context_.clock = [this] { return now_; };
    service_ = std::make_unique<CaseService>(*store_, context_);
    service_->import_reviewers(fixture("reviewers.json"), "reviewers.json", "admin");
  }

  void at(const std::string& when) { now_ = *parse_timestamp(when); }

  Application application(const std::string& name = "application.json") {
    return parse_application_json(fixture(name), name);
  }

  IncomingRecord note() {
    IncomingRecord r;
    r.title = "PR-2 progress report";
    r.date = Date::ymd(2026, 10, 6);
    r.sender = "requesting physician";
    r.source_name = "progress-note.txt";
    r.media_type = "text/plain";
    r.text = fixture("progress-note.txt");
    return r;
  }

  // A case brought to review: created, assigned, notice sent, records complete, drafted.
  std::string case_in_review() {
    at("2026-11-02T09:00");
    const auto submitted = service_->submit(application(), "intake-1");
    at("2026-11-03T09:00");
    service_->assign(submitted.case_id, "intake-1");
    service_->notice_sent(submitted.case_id, "electronic", "intake-1");
    at("2026-11-06T15:00");
    service_->attach_record(submitted.case_id, note(), "intake-1");
    service_->records_complete(submitted.case_id, "intake-1");
    at("2026-11-09T08:00");
    service_->draft(submitted.case_id, assigned_reviewer);
    return submitted.case_id;
  }

  // The reviewer agrees with every criterion that decided item i's draft (deciding nothing).
  void agree_with_draft(const std::string& id, size_t i) {
    const CaseView v = service_->view(id, assigned_reviewer);
    ItemEdit e;
    e.item = i;
    e.keep_decision = true;
    for (const auto& c : v.file.doc.draft->decided_criteria(v.file.doc.items[i].id)) e.answers.push_back({c, true, ""});
    if (!e.answers.empty()) service_->decide(id, e, assigned_reviewer);
  }

  // Item i's draft accepted, each criterion that decided it agreed with.
  void accept(const std::string& id, size_t i) {
    agree_with_draft(id, i);
    service_->decide(id, {i, std::nullopt, std::nullopt, "", std::nullopt}, assigned_reviewer);
  }

  SignedRow sign(const std::string& id, const std::string& actor) { return service_->sign(id, actor, Signature{true, ""}); }

  // The fixture's parties rule out R-PAIN-1 (affiliated with the physician's group) and the
  // psychiatrist does not fit; R-PMR-2 is the one.
  const std::string assigned_reviewer = "R-PMR-2";

  TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  ServiceContext context_;
  std::unique_ptr<CaseService> service_;
  Timestamp now_ = *parse_timestamp("2026-11-02T09:00");
};

TEST_P(CaseServiceTest, ApplicationToSignedLetterAndRedactedCopy) {
  at("2026-11-02T09:00");
  const SubmitResult submitted = service_->submit(application(), "intake-1");
  ASSERT_TRUE(submitted.created);
  EXPECT_TRUE(submitted.finding.eligible) << (submitted.finding.reasons.empty() ? "" : submitted.finding.reasons[0].text);
  const std::string id = submitted.case_id;
  EXPECT_EQ(id, "CM26-0000001");

  // Assignment, with its reasons.
  at("2026-11-03T09:00");
  const AssignmentResult assigned = service_->assign(id, "intake-1");
  ASSERT_TRUE(assigned.reviewer_id.has_value()) << assigned.explanation;
  EXPECT_EQ(*assigned.reviewer_id, assigned_reviewer);
  EXPECT_NE(assigned.explanation.find("Physical Medicine and Rehabilitation"), std::string::npos) << assigned.explanation;
  ASSERT_EQ(assigned.excluded.size(), 2u);
  for (const auto& e : assigned.excluded) {
    ASSERT_FALSE(e.reasons.empty()) << e.reviewer_id;
    if (e.reviewer_id == "R-PAIN-1") {
      EXPECT_NE(e.reasons[0].find("medical group"), std::string::npos) << e.reasons[0];
    }
    if (e.reviewer_id == "R-PSY-3") {
      EXPECT_NE(e.reasons[0].find("specialty"), std::string::npos) << e.reasons[0];
    }
  }
  service_->notice_sent(id, "electronic", "intake-1");

  // Records, then the draft.
  at("2026-11-06T15:00");
  service_->attach_record(id, note(), "intake-1");
  EXPECT_EQ(service_->attach_record(id, note(), "intake-1"), 1) << "the same file twice is one record";
  service_->records_complete(id, "intake-1");
  at("2026-11-09T08:00");
  const json review = service_->draft(id, assigned_reviewer);
  ASSERT_EQ(review["items"].size(), 2u);
  EXPECT_FALSE(review["facts"].empty()) << "the draft keeps the facts with their evidence";

  // The reviewer accepts item 2 and changes item 1, with a reason.
  CaseView view = service_->view(id, assigned_reviewer);
  ASSERT_EQ(view.file.doc.items.size(), 2u);
  ASSERT_TRUE(view.file.doc.items[0].engine_decision.has_value());
  const Decision engine_first = *view.file.doc.items[0].engine_decision;
  const Decision changed_to = engine_first == Decision::kUpheld ? Decision::kOverturned : Decision::kUpheld;
  at("2026-11-09T09:30");
  accept(id, 1);
  agree_with_draft(id, 0);
  service_->decide(id,
                   {0, changed_to, std::string("The reviewer's own rationale, written for the changed decision."),
                    "The record supports a different reading of the functional benefit.", std::nullopt},
                   assigned_reviewer);
  at("2026-11-09T10:00");
  const SignedRow signed_row = sign(id, assigned_reviewer);
  EXPECT_EQ(signed_row.sequence, 0);
  EXPECT_NE(signed_row.letter_text.find("The reviewer's own rationale"), std::string::npos);
  EXPECT_NE(signed_row.letter_text.find("HOW THE IMR FINAL DETERMINATION WAS MADE"), std::string::npos);
  EXPECT_NE(signed_row.letter_text.find("Physical Medicine and Rehabilitation"), std::string::npos)
      << "the letter shows the reviewer's credentials";
  EXPECT_EQ(signed_row.letter_text.find("Test Reviewer Two"), std::string::npos) << "never the reviewer's name";
  EXPECT_EQ(signed_row.letter_text.find("DRAFT"), std::string::npos);
  EXPECT_EQ(signed_row.letter_text.find("Rules:"), std::string::npos) << "no engine versions in a signed letter";

  view = service_->view(id, "intake-1");
  EXPECT_EQ(view.file.status, CaseStatus::kSigned);
  EXPECT_FALSE(view.file.open);
  EXPECT_TRUE(view.file.doc.items[0].changed());
  EXPECT_FALSE(view.file.doc.items[1].changed());

  // The letter out: PDF text matches the text letter; the redacted copy drops identifiers.
  const LetterFiles letter = service_->letter(id, std::nullopt, "intake-1");
  EXPECT_EQ(letter.text, signed_row.letter_text);
  ASSERT_EQ(letter.pdf.rfind("%PDF-", 0), 0u);
  const std::string from_pdf = squash(pdf_text(letter.pdf));
  const std::string want = squash(letter.text);
  EXPECT_NE(from_pdf.find(want.substr(0, 200)), std::string::npos) << from_pdf.substr(0, 400);
  for (const char* section : {"HOW THE IMR FINAL DETERMINATION WAS MADE", "CLINICAL CASE SUMMARY",
                              "IMR ISSUES, DECISIONS AND RATIONALES", "The reviewer's own rationale"})
    EXPECT_NE(from_pdf.find(section), std::string::npos) << section;
  for (const char* identifier : {"Quintero", "Marisol", "ZX-4410-55821", "Okafor", "209-555-0166", "Larkspur"})
    EXPECT_EQ(letter.redacted_text.find(identifier), std::string::npos) << identifier;
  EXPECT_NE(letter.redacted_text.find("Norco 10/325mg #120"), std::string::npos) << "clinical content kept";
  EXPECT_EQ(squash(pdf_text(letter.redacted_pdf)).find("Quintero"), std::string::npos);

  // The audit trail: who did what, with the engine's rules version and the timing.
  const auto trail = service_->audit_trail(id, "auditor");
  for (const char* action : {"created", "screened", "assigned", "notice_sent", "record_attached", "records_complete",
                             "opened", "drafted", "edited", "signed", "letter_written"})
    EXPECT_TRUE(has_action(trail, action)) << action;
  for (const auto& a : trail) {
    EXPECT_EQ(a.detail.find("Quintero"), std::string::npos) << "no PHI in the audit detail: " << a.action;
    if (a.action == "drafted") {
      EXPECT_EQ(json::parse(a.detail)["rules_version"], context_.knowledge->rules.version());
    }
    if (a.action == "signed") {
      const json detail = json::parse(a.detail);
      EXPECT_EQ(detail["minutes_from_opening_to_signing"], 120);
      EXPECT_EQ(detail["changed_from_draft"], 1);
      EXPECT_EQ(detail["attested"], true);
      // Time on the case: the reviewer acted at 08:00, 09:30 and 10:00; each gap is longer than
      // 15 minutes and counts as 15.
      EXPECT_EQ(detail["active_minutes"], 30);
      EXPECT_EQ(detail["evidence_opened"], 0);
      EXPECT_FALSE(detail["accepted_unchanged"].get<bool>());
    }
  }
}

TEST_P(CaseServiceTest, SignOffRefusalsAreClearAndAudited) {
  const std::string id = case_in_review();
  // Signing with items undecided.
  EXPECT_THROW(
      {
        try {
          sign(id, assigned_reviewer);
        } catch (const RefusedError& e) {
          EXPECT_NE(std::string(e.what()).find("not yet decided"), std::string::npos) << e.what();
          throw;
        }
      },
      RefusedError);
  service_->decide(id, {0, std::nullopt, std::nullopt, "", std::nullopt}, assigned_reviewer);
  service_->decide(id, {1, std::nullopt, std::nullopt, "", std::nullopt}, assigned_reviewer);
  // Every item decided, but the criteria that decided the drafts are not answered.
  try {
    sign(id, assigned_reviewer);
    FAIL() << "signed with the decisive criteria unanswered";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("agree or disagree with each criterion that decided the draft"),
              std::string::npos)
        << e.what();
  }
  agree_with_draft(id, 0);
  agree_with_draft(id, 1);
  // Without the attestation.
  try {
    service_->sign(id, assigned_reviewer, Signature{false, ""});
    FAIL() << "signed without the attestation";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("attestation"), std::string::npos) << e.what();
  }
  // Not the letter the reviewer previewed.
  EXPECT_THROW(service_->sign(id, assigned_reviewer, Signature{true, std::string(64, '0')}), RefusedError);
  // A change without a reason.
  EXPECT_THROW(service_->decide(id, {0, Decision::kOverturned, std::string("x"), "", std::nullopt}, assigned_reviewer),
               RefusedError);

  // The wrong reviewer.
  try {
    sign(id, "R-PSY-3");
    FAIL() << "a signature by another reviewer was accepted";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("only the reviewer assigned"), std::string::npos) << e.what();
  }
  sign(id, assigned_reviewer);
  // A second signature.
  try {
    sign(id, assigned_reviewer);
    FAIL() << "a second signature was accepted";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("already signed"), std::string::npos) << e.what();
  }
  // An edit after signing.
  try {
    service_->decide(id, {0, std::nullopt, std::nullopt, "", std::nullopt}, assigned_reviewer);
    FAIL() << "an edit after signing was accepted";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("locked"), std::string::npos) << e.what();
  }
  const auto trail = service_->audit_trail(id, "auditor");
  EXPECT_EQ(count_refused(trail, "sign"), 6u);
  EXPECT_EQ(count_refused(trail, "edit"), 2u);
  // Refused attempts record who tried.
  EXPECT_TRUE(std::any_of(trail.begin(), trail.end(),
                          [](const AuditRow& a) { return a.action == "refused" && a.actor == "R-PSY-3"; }));
  EXPECT_EQ(store_->backend(), GetParam());
}

TEST_P(CaseServiceTest, AnAmendmentIsANewSignedDeterminationAndKeepsTheOriginal) {
  const std::string id = case_in_review();
  accept(id, 0);
  accept(id, 1);
  const SignedRow original = sign(id, assigned_reviewer);
  EXPECT_THROW(service_->amend(id, {{0, std::nullopt, std::string("x"), "", std::nullopt}}, "", assigned_reviewer),
               RefusedError);
  EXPECT_THROW(service_->amend(id, {{0, std::nullopt, std::string("x"), "", std::nullopt}}, "typo", "R-PSY-3"),
               RefusedError);
  at("2026-11-10T11:00");
  const SignedRow amendment = service_->amend(
      id, {{1, std::nullopt, std::string("Corrected rationale for the muscle relaxant."), "", std::nullopt}},
      "The rationale quoted the wrong visit date.", assigned_reviewer);
  EXPECT_EQ(amendment.sequence, 1);
  EXPECT_NE(amendment.letter_text.find("AMENDED DETERMINATION"), std::string::npos);
  EXPECT_NE(amendment.letter_text.find("Corrected rationale"), std::string::npos);
  const CaseView v = service_->view(id, "intake-1");
  ASSERT_EQ(v.signed_determinations.size(), 2u);
  EXPECT_EQ(v.signed_determinations[0].letter_text, original.letter_text) << "the original is kept unchanged";
  EXPECT_EQ(service_->letter(id, 0, "intake-1").text, original.letter_text);
  EXPECT_EQ(service_->letter(id, std::nullopt, "intake-1").sequence, 1);
}

TEST_P(CaseServiceTest, AStaleEditIsAConflict) {
  const std::string id = case_in_review();
  const int64_t read_version = service_->view(id, assigned_reviewer).file.version;
  service_->decide(id, {0, std::nullopt, std::nullopt, "", read_version}, assigned_reviewer);
  EXPECT_THROW(service_->decide(id, {1, std::nullopt, std::nullopt, "", read_version}, assigned_reviewer),
               ConflictError);
}

TEST_P(CaseServiceTest, ApplicationsOfTheSameDisputeAreConsolidatedAndDuplicatesRefused) {
  at("2026-11-05T09:00");
  const auto first = service_->submit(application(), "intake-1");
  const auto second = service_->submit(application("second-application.json"), "intake-1");
  EXPECT_TRUE(second.consolidated);
  EXPECT_EQ(second.case_id, first.case_id);
  EXPECT_EQ(service_->view(first.case_id, "intake-1").file.doc.items.size(), 3u);
  // The same application id again: nothing changes.
  const auto again = service_->submit(application(), "intake-1");
  EXPECT_TRUE(again.already_stored);
  EXPECT_EQ(service_->view(first.case_id, "intake-1").applications.size(), 2u);
  // The same dispute under a new application id: a duplicate, not eligible.
  json dup = json::parse(fixture("application.json"));
  dup["application_id"] = "TEST-APP-0009";
  const auto duplicate = service_->submit(parse_application_json(dup.dump(), "dup.json"), "intake-1");
  EXPECT_FALSE(duplicate.finding.eligible);
  ASSERT_FALSE(duplicate.finding.reasons.empty());
  EXPECT_EQ(duplicate.finding.reasons[0].code, "duplicate");
  EXPECT_NE(duplicate.case_id, first.case_id);
}

TEST_P(CaseServiceTest, AnIneligibleApplicationIsClosedWithEveryReason) {
  json app = json::parse(fixture("application.json"));
  app["signed"] = false;
  app["signed_by"] = "";
  app["received"] = "2026-12-30";
  const auto r = service_->submit(parse_application_json(app.dump(), "late.json"), "intake-1");
  EXPECT_FALSE(r.finding.eligible);
  std::vector<std::string> codes;
  for (const auto& reason : r.finding.reasons) codes.push_back(reason.code);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "late"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "unsigned"), codes.end());
  const CaseView v = service_->view(r.case_id, "intake-1");
  EXPECT_EQ(v.file.status, CaseStatus::kIneligible);
  EXPECT_FALSE(v.file.open);
  EXPECT_THROW(service_->assign(r.case_id, "intake-1"), RefusedError);
}

TEST_P(CaseServiceTest, WhenNoReviewerFitsTheCaseStaysUnassignedWithReasons) {
  json app = json::parse(fixture("application.json"));
  app["ur_decision"]["items"] = json::array({{{"request", "Lumbar fusion L4-5"}, {"action", "denied"}}});
  const auto r = service_->submit(parse_application_json(app.dump(), "fusion.json"), "intake-1");
  const AssignmentResult a = service_->assign(r.case_id, "intake-1");
  EXPECT_FALSE(a.reviewer_id.has_value());
  EXPECT_EQ(a.excluded.size(), 3u);
  EXPECT_FALSE(a.explanation.empty());
  const CaseView v = service_->view(r.case_id, "intake-1");
  EXPECT_EQ(v.file.status, CaseStatus::kEligible);
  EXPECT_TRUE(v.file.reviewer_id.empty());
  EXPECT_TRUE(has_action(service_->audit_trail(r.case_id, "auditor"), "assignment_failed"));
}

TEST_P(CaseServiceTest, AssigningAgainBeforeTheNoticeIsAuditedAsAReassignment) {
  const auto r = service_->submit(application(), "intake-1");
  service_->assign(r.case_id, "intake-1");
  const AssignmentResult again = service_->assign(r.case_id, "intake-1");
  ASSERT_TRUE(again.reviewer_id.has_value());
  const auto trail = service_->audit_trail(r.case_id, "auditor");
  ASSERT_TRUE(has_action(trail, "reassigned"));
  for (const auto& a : trail) {
    if (a.action == "reassigned") {
      EXPECT_EQ(json::parse(a.detail)["previous_reviewer_id"], assigned_reviewer);
    }
  }
  // Once the notice is out, the assignment stands.
  service_->notice_sent(r.case_id, "mail", "intake-1");
  EXPECT_THROW(service_->assign(r.case_id, "intake-1"), RefusedError);
}

TEST_P(CaseServiceTest, OpenCasesAreListedByDueDateWithOverdueAndAtRiskMarked) {
  // Three cases reaching different stages on different days.
  at("2026-11-02T09:00");
  const auto a = service_->submit(application(), "intake-1");
  json other = json::parse(fixture("application.json"));
  other["application_id"] = "TEST-APP-0100";
  other["worker"]["name"] = "Another Worker";
  at("2026-11-04T09:00");
  const auto b = service_->submit(parse_application_json(other.dump(), "b.json"), "intake-1");
  // Case a's notice of assignment was due 2026-11-03 (one business day): overdue on the 5th;
  // case b's is due at the end of the 5th: at risk within its last 12 hours.
  at("2026-11-05T13:00");
  auto rows = service_->open_cases({});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].file.id, a.case_id);
  EXPECT_EQ(rows[0].file.due_what, "assignment_notice");
  EXPECT_EQ(rows[0].due_state, "overdue");
  EXPECT_EQ(rows[1].file.id, b.case_id);
  EXPECT_EQ(rows[1].due_state, "at risk") << rows[1].file.due;
  // Assigning and sending the notice moves case a to the records deadline: last in line.
  service_->assign(a.case_id, "intake-1");
  service_->notice_sent(a.case_id, "electronic", "intake-1");
  rows = service_->open_cases({});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].file.id, b.case_id);
  EXPECT_EQ(rows[1].file.due_what, "records");
  EXPECT_EQ(rows[1].file.due, "2026-11-17T23:59:59") << "12 days after an electronic notice on 2026-11-05";
  EXPECT_EQ(service_->open_cases({assigned_reviewer, 10, 0}).size(), 1u);
}

TEST_P(CaseServiceTest, BulkImportIsAllOrNothingPerBatchAndIdempotent) {
  std::vector<ImportCase> batch;
  for (int i = 0; i < 5; ++i) {
    json app = json::parse(fixture("application.json"));
    app["application_id"] = "BULK-" + std::to_string(i);
    app["worker"]["name"] = "Worker Number " + std::to_string(i);
    batch.push_back({parse_application_json(app.dump(), "bulk"), {note()}});
  }
  const ImportSummary first = service_->import_batch(batch, "importer");
  EXPECT_EQ(first.imported, 5u);
  EXPECT_EQ(first.records, 5u);
  const ImportSummary second = service_->import_batch(batch, "importer");
  EXPECT_EQ(second.imported, 0u);
  EXPECT_EQ(second.skipped, 5u);
  EXPECT_EQ(service_->open_cases({"", 100, 0}).size(), 5u);
}

TEST_P(CaseServiceTest, IntakeWritesCheckTheirVersionInTheirOwnTransaction) {
  at("2026-11-02T09:00");
  const std::string id = service_->submit(application(), "intake-1").case_id;
  const int64_t read = service_->view(id, "intake-1").file.version;
  at("2026-11-03T09:00");
  CaseWrite stale{read - 1};
  EXPECT_THROW(service_->assign(id, "intake-1", &stale), ConflictError);
  EXPECT_EQ(service_->view(id, "intake-1").file.status, CaseStatus::kEligible) << "nothing changed";
  CaseWrite write{read};
  service_->assign(id, "intake-1", &write);
  EXPECT_EQ(write.version, service_->view(id, "intake-1").file.version) << "the version the write made";

  CaseWrite stale_notice{read};
  EXPECT_THROW(service_->notice_sent(id, "mail", "intake-1", &stale_notice), ConflictError);
  EXPECT_EQ(service_->view(id, "intake-1").file.status, CaseStatus::kAssigned);
  CaseWrite notice{write.version};
  service_->notice_sent(id, "mail", "intake-1", &notice);
  EXPECT_EQ(service_->view(id, "intake-1").file.status, CaseStatus::kAwaitingRecords);

  CaseWrite attach;
  service_->attach_record(id, note(), "intake-1", &attach);
  CaseWrite stale_records{notice.version - 1};
  EXPECT_THROW(service_->records_complete(id, "intake-1", &stale_records), ConflictError);
  EXPECT_EQ(service_->view(id, "intake-1").file.status, CaseStatus::kAwaitingRecords);
  CaseWrite records{service_->view(id, "intake-1").file.version};
  service_->records_complete(id, "intake-1", &records);
  const CaseView v = service_->view(id, "intake-1");
  EXPECT_EQ(v.file.status, CaseStatus::kInReview);
  EXPECT_EQ(records.version, v.file.version);
}

TEST_P(CaseServiceTest, ItemsHaveStableIdsAndAnEditMayNameOne) {
  const std::string id = case_in_review();
  const CaseView before = service_->view(id, assigned_reviewer);
  ASSERT_EQ(before.file.doc.items.size(), 2u);
  EXPECT_EQ(before.file.doc.items[0].id, "item-1");
  EXPECT_EQ(before.file.doc.items[1].id, "item-2");
  ASSERT_TRUE(before.file.doc.draft);
  EXPECT_EQ(before.file.doc.draft->item_ids, (std::vector<std::string>{"item-1", "item-2"}));
  ItemEdit edit;
  edit.item_id = "item-2";
  service_->decide(id, edit, assigned_reviewer);
  const CaseView after = service_->view(id, assigned_reviewer);
  EXPECT_FALSE(after.file.doc.items[0].decision);
  EXPECT_EQ(after.file.doc.items[1].decision, after.file.doc.items[1].engine_decision);
  EXPECT_EQ(after.file.doc.items[1].decided_by, assigned_reviewer);
  edit.item_id = "item-9";
  EXPECT_THROW(service_->decide(id, edit, assigned_reviewer), NotFoundError);
}

// A document as stored before the schema had a version: items without ids, timestamps as
// text ("" for none), the draft matched to the items by position.
std::string as_schema_1(const std::string& stored) {
  json doc = json::parse(stored);
  doc.erase("schema");
  doc.erase("next_item");
  doc["eligibility"]["basis"] = doc["eligibility"]["filing_deadline_basis"];
  doc["eligibility"].erase("filing_deadline_basis");
  for (auto& item : doc["items"]) {
    item.erase("id");
    item.erase("topic");
    if (item["decided_at"].is_null()) item["decided_at"] = "";
  }
  if (doc.contains("draft")) {
    doc["draft"].erase("item_ids");
    doc["draft"].erase("stale");
  }
  return doc.dump();
}

TEST_P(CaseServiceTest, ADocumentStoredBeforeTheSchemaVersionIsUpgradedWhenRead) {
  const std::string id = case_in_review();
  store_->transact([&](StoreTx& tx) {
    CaseRow row = *tx.find_case(id);
    row.document = as_schema_1(row.document);
    ASSERT_EQ(row.document.find("item-1"), std::string::npos);
    tx.update_case(row);
  });
  const CaseView v = service_->view(id, assigned_reviewer);
  ASSERT_EQ(v.file.doc.items.size(), 2u);
  EXPECT_EQ(v.file.doc.items[1].id, "item-2");
  ASSERT_TRUE(v.file.doc.draft_current());
  EXPECT_EQ(v.file.doc.draft->item_ids, (std::vector<std::string>{"item-1", "item-2"}));
  EXPECT_FALSE(v.file.doc.items[0].topic.empty()) << "the topic comes from the stored review";
  EXPECT_EQ(v.file.doc.next_item, 3);
  EXPECT_TRUE(v.file.doc.eligibility.eligible);
  EXPECT_FALSE(v.file.doc.eligibility.filing_deadline_basis.empty());
  // The review goes on as before, and the next write stores the current schema.
  for (size_t i = 0; i < 2; ++i) accept(id, i);
  sign(id, assigned_reviewer);
  std::string stored;
  store_->transact([&](StoreTx& tx) { stored = tx.find_case(id)->document; });
  const json upgraded = json::parse(stored);
  EXPECT_EQ(upgraded["schema"], kCaseDocumentSchema);
  EXPECT_EQ(upgraded["items"][1]["id"], "item-2");
  EXPECT_EQ(upgraded["next_item"], 3);
}

TEST_P(CaseServiceTest, AStoredDocumentThisProgramDoesNotKnowIsAStoreErrorNamingTheCase) {
  const std::string id = case_in_review();
  store_->transact([&](StoreTx& tx) {
    CaseRow row = *tx.find_case(id);
    json doc = json::parse(row.document);
    doc["schema"] = kCaseDocumentSchema + 1;
    row.document = doc.dump();
    tx.update_case(row);
  });
  try {
    service_->view(id, "intake-1");
    FAIL() << "a newer document was read";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find(id), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("upgrade imr"), std::string::npos) << e.what();
  }
}

// The bundled knowledge with the drug table's version changed (everything else as bundled).
std::shared_ptr<const Knowledge> knowledge_with_drug_version(const std::string& version, const fs::path& dir) {
  const fs::path data = fs::path(IMR_SOURCE_DIR) / "data";
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(data))
    if (entry.path().filename() != "drugs.yaml") fs::create_symlink(entry.path(), dir / entry.path().filename());
  std::string drugs = read_file((data / "drugs.yaml").string());
  const std::string key = "\nversion: \"";
  const size_t at = drugs.find(key);
  if (at == std::string::npos) throw std::runtime_error("data/drugs.yaml has no version line");
  const size_t end = drugs.find('"', at + key.size());
  drugs.replace(at + key.size(), end - at - key.size(), version);
  std::ofstream(dir / "drugs.yaml") << drugs;
  return load_knowledge(dir.string());
}

TEST_P(CaseServiceTest, SigningRefusesAChangedDrugTableAsItRefusesChangedRulePacks) {
  const std::string id = case_in_review();
  for (size_t i = 0; i < 2; ++i) accept(id, i);
  const fs::path dir = fs::temp_directory_path() / ("imr_drugs_" + testing::unique_suffix());
  ServiceContext changed = context_;
  changed.knowledge = knowledge_with_drug_version("2099.1.1", dir);
  CaseService later(*store_, changed);
  try {
    later.sign(id, assigned_reviewer, Signature{true, ""});
    FAIL() << "signed a draft made with another drug table";
  } catch (const RefusedError& e) {
    EXPECT_NE(std::string(e.what()).find("drug table changed"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("2099.1.1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(later.view(id, "intake-1").file.status, CaseStatus::kInReview);
  fs::remove_all(dir);
  // The same service that drafted signs.
  const SignedRow s = sign(id, assigned_reviewer);
  EXPECT_EQ(json::parse(s.determination)["drugs_version"], context_.knowledge->drugs.version());
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseServiceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace imr
