// `imr case ...` and `imr reviewers ...` end to end: the real binary against a SQLite store in
// the test's scratch directory, with the clock fixed by --now. The whole flow from
// application to signed letter, every refusal with its exit code and one line on stderr, bulk
// import (idempotent, stopping at a bad line with the lines before it kept) and the reviewer list.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "render/letter_pdf.h"
#include "support/cli.h"
#include "support/synthetic_case.h"

namespace imr {
namespace {

using nlohmann::json;
using testing::CliRun;
using testing::read_all;
using testing::run_imr;
using testing::scratch_dir;
using testing::scratch_file;

std::string fixture(const std::string& name) { return std::string(IMR_FIXTURES_DIR) + "/service/" + name; }

// Shell-quoted (a qualified call: plain `quoted` would find std::quoted by ADL).
std::string q(const std::string& s) { return testing::quoted(s); }

int lines(const std::string& s) { return static_cast<int>(std::count(s.begin(), s.end(), '\n')); }

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The fixture's parties rule out R-PAIN-1 (same medical group as the requesting physician)
// and R-PSY-3 (psychiatry fits neither item): R-PMR-2 is the one.
const std::string kReviewer = "R-PMR-2";
const std::string kCase = "CM26-0000001";

class CaseCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = (scratch_dir() / "cases.db").string();
    std::filesystem::remove(store_);
  }

  // Runs `imr COMMAND --store S --now NOW --as ACTOR ARGS`.
  CliRun imr(const std::string& command, const std::string& now, const std::string& actor, const std::string& args) {
    return run_imr(command + " --store " + q(store_) + " --now " + now + " --as " + q(actor) + " " + args);
  }

  // Parses stdout as JSON (a failure names the command's output).
  static json parsed(const CliRun& r) {
    json j = json::parse(r.out, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << r.out << r.err;
    return j;
  }

  // A refusal: its exit code, nothing on stdout, one line on stderr containing `message`.
  static void expect_refused(const CliRun& r, int code, const std::string& message) {
    EXPECT_EQ(r.code, code) << r.out << r.err;
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(lines(r.err), 1) << r.err;
    EXPECT_TRUE(contains(r.err, message)) << r.err;
  }

  void import_reviewers() {
    const auto r = imr("reviewers import", "2026-11-02T09:00", "admin", q(fixture("reviewers.json")));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "Imported 3 reviewers.\n");
  }

  // A case brought to review: created, assigned, notice sent, a record, records complete, drafted.
  void case_in_review() {
    import_reviewers();
    ASSERT_EQ(imr("case create", "2026-11-02T09:00", "intake-1", q(fixture("application.json"))).code, 0);
    ASSERT_EQ(imr("case assign", "2026-11-03T09:00", "intake-1", kCase).code, 0);
    ASSERT_EQ(imr("case notice", "2026-11-03T09:00", "intake-1", "--method electronic " + kCase).code, 0);
    ASSERT_EQ(imr("case attach", "2026-11-06T15:00", "intake-1", kCase + " " + q(fixture("progress-note.txt"))).code, 0);
    ASSERT_EQ(imr("case records-complete", "2026-11-06T15:00", "intake-1", kCase).code, 0);
    const auto draft = imr("case draft", "2026-11-09T08:00", kReviewer, kCase);
    ASSERT_EQ(draft.code, 0) << draft.err;
  }

  std::string store_;
};

TEST_F(CaseCliTest, ApplicationToSignedLetterFromTheCommandLine) {
  import_reviewers();

  // Intake, screened for eligibility.
  auto r = imr("case create", "2026-11-02T09:00", "intake-1", "--format json " + q(fixture("application.json")));
  ASSERT_EQ(r.code, 0) << r.err;
  json j = parsed(r);
  EXPECT_EQ(j["case_id"], kCase);
  EXPECT_EQ(j["created"], true);
  EXPECT_EQ(j["eligibility"]["eligible"], true) << j.dump();
  EXPECT_TRUE(j["eligibility"]["reasons"].empty());
  EXPECT_EQ(j["eligibility"]["filing_deadline"], "2026-11-20");

  // Assignment with the reasons for everyone not chosen.
  r = imr("case assign", "2026-11-03T09:00", "intake-1", "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  EXPECT_EQ(j["reviewer_id"], kReviewer);
  ASSERT_EQ(j["excluded"].size(), 2u) << j.dump();
  for (const auto& e : j["excluded"]) {
    ASSERT_FALSE(e["reasons"].empty()) << e.dump();
    const std::string first = e["reasons"][0];
    if (e["reviewer_id"] == "R-PAIN-1") {
      EXPECT_TRUE(contains(first, "medical group")) << first;
    } else {
      EXPECT_TRUE(contains(first, "specialty")) << first;
    }
  }

  r = imr("case notice", "2026-11-03T09:00", "intake-1", "--method electronic " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Notice sent by electronic. Records due 2026-11-16T23:59:59.\n");

  // Records: a text file and a PDF (its text extracted for the engine, its bytes kept).
  r = imr("case attach", "2026-11-06T15:00", "intake-1",
          "--date 2026-10-06 --sender 'requesting physician' " + kCase + " " + q(fixture("progress-note.txt")));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Attached progress-note.txt as record #1.\n");
  const std::string pdf = scratch_file(
      "ur-letter.pdf", render_letter_pdf("UTILIZATION REVIEW DETERMINATION\n\nThe requests for Norco 10/325mg #120 "
                                         "and Flexeril 10mg #60 were reviewed on 2026-10-20.\n",
                                         default_pdf_options()));
  r = imr("case attach", "2026-11-06T15:00", "intake-1",
          "--format json --title 'UR determination' --sender 'claims administrator' " + kCase + " " + q(pdf));
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  ASSERT_EQ(j["records"].size(), 1u);
  EXPECT_EQ(j["records"][0]["record_id"], 2);
  EXPECT_EQ(j["records"][0]["source_name"], "ur-letter.pdf");

  r = imr("case records-complete", "2026-11-06T15:00", "intake-1", "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  ASSERT_EQ(j["records"].size(), 2u) << j.dump();
  EXPECT_EQ(j["records"][0]["media_type"], "text/plain");
  EXPECT_EQ(j["records"][0]["date"], "2026-10-06");
  EXPECT_EQ(j["records"][1]["media_type"], "application/pdf");
  EXPECT_EQ(j["records"][1]["title"], "UR determination");
  EXPECT_GT(j["records"][1]["characters"].get<size_t>(), 20u) << "the PDF's text was extracted";

  // The work queue.
  r = imr("case list", "2026-11-06T16:00", "intake-1", "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  ASSERT_EQ(j.size(), 1u) << j.dump();
  EXPECT_EQ(j[0]["case_id"], kCase);
  EXPECT_EQ(j[0]["reviewer_id"], kReviewer);
  EXPECT_EQ(j[0]["due_what"], "determination");
  EXPECT_EQ(j[0]["due_state"], "on track");

  // The draft, with criteria for every item.
  r = imr("case draft", "2026-11-09T08:00", kReviewer, "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  ASSERT_EQ(j["items"].size(), 2u);
  for (const auto& item : j["items"]) {
    ASSERT_FALSE(item["criteria"].empty()) << item.value("request", "");
    for (const auto& c : item["criteria"]) EXPECT_TRUE(c.contains("state")) << c.dump();
  }
  ASSERT_TRUE(j["items"][0]["decision"].is_string()) << j["items"][0].dump();
  const std::string changed_to = j["items"][0]["decision"] == "upheld" ? "overturned" : "upheld";
  // The criteria that decided each item's draft, as --agree arguments.
  std::vector<std::string> agree(2);
  for (size_t i = 0; i < 2; ++i)
    for (const auto& c : j["items"][i]["criteria"])
      if (c.value("decided", false)) agree[i] += " --agree " + c.value("id", "");
  ASSERT_FALSE(agree[0].empty() || agree[1].empty()) << "every drafted item has criteria that decided it";

  // A wrong signature first: refused and audited.
  expect_refused(imr("case sign", "2026-11-09T09:00", "R-PSY-3", kCase), 4, "only the reviewer assigned");

  // Item 2 accepted, item 1 changed with a rationale (naming the worker and claim, which the
  // published copy must drop) and a reason.
  r = imr("case decide", "2026-11-09T09:30", kReviewer, "--format json " + kCase + " 2 --accept");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(parsed(r)["item"], 2);
  r = imr("case decide", "2026-11-09T09:30", kReviewer,
          kCase + " 1 --decision " + changed_to +
              " --rationale 'Reviewer rationale: Ms. Quintero (claim ZX-4410-55821) documents function.'"
              " --reason 'The record supports a different reading of function.'");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Item 1 decided (case version ")) << r.out;

  // Both items are decided, but not one criterion that decided a draft is answered: refused.
  expect_refused(imr("case sign", "2026-11-09T09:40", kReviewer, "--attest " + kCase), 4,
                 "agree or disagree with each criterion that decided the draft");
  // A disagreement needs its note.
  expect_refused(imr("case decide", "2026-11-09T09:40", kReviewer, kCase + " 2 --disagree " +
                                                                       agree[1].substr(agree[1].rfind(' ') + 1) + "="),
                 4, "say why you disagree");
  for (size_t i = 0; i < 2; ++i) {
    r = imr("case decide", "2026-11-09T09:45", kReviewer, kCase + " " + std::to_string(i + 1) + agree[i]);
    ASSERT_EQ(r.code, 0) << r.err;
  }
  // Every answer in, but no attestation: refused.
  expect_refused(imr("case sign", "2026-11-09T09:50", kReviewer, kCase), 4, "attestation");

  // The preview: the letter as it will go out and what differs from the draft; signing the
  // previewed letter.
  r = imr("case preview", "2026-11-09T10:00", kReviewer, "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  EXPECT_TRUE(j["blocking"].empty()) << j["blocking"].dump();
  EXPECT_TRUE(contains(j["text"], "Reviewer rationale: Ms. Quintero"));
  EXPECT_FALSE(contains(j["engine_text"], "Reviewer rationale"));
  EXPECT_TRUE(std::any_of(j["changes"].begin(), j["changes"].end(),
                          [](const json& c) { return c["what"] == "decision" && c["item"] == 1; }))
      << j["changes"].dump();
  const std::string previewed = j["letter_sha256"];
  r = imr("case sign", "2026-11-09T10:00", kReviewer, "--attest --letter-sha256 " + previewed + " " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Signed 2026-11-09T10:00:00. The determination is locked.\n");

  r = imr("case show", "2026-11-09T10:05", "intake-1", kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "status: signed")) << r.out;
  EXPECT_TRUE(contains(r.out, "reviewer: " + changed_to + " (changed)")) << r.out;
  EXPECT_TRUE(contains(r.out, "Signed 2026-11-09T10:00:00 by " + kReviewer + " (determination)")) << r.out;

  // The letter out: four files; the redacted text has no worker name or claim number.
  const auto out_dir = scratch_dir() / "letters";
  r = imr("case letter", "2026-11-09T10:10", "intake-1", "--out " + q(out_dir.string()) + " " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out), 5) << r.out;
  const std::string stem = (out_dir / kCase).string();
  for (const char* suffix : {"-letter.txt", "-letter.pdf", "-redacted.txt", "-redacted.pdf"})
    EXPECT_TRUE(std::filesystem::exists(stem + suffix)) << suffix;
  EXPECT_EQ(read_all(stem + "-letter.pdf").rfind("%PDF-", 0), 0u);
  EXPECT_EQ(read_all(stem + "-redacted.pdf").rfind("%PDF-", 0), 0u);
  const std::string letter = read_all(stem + "-letter.txt"), redacted = read_all(stem + "-redacted.txt");
  EXPECT_TRUE(contains(letter, "HOW THE IMR FINAL DETERMINATION WAS MADE"));
  EXPECT_FALSE(contains(letter, "Rules:")) << "no engine versions in a signed letter";
  EXPECT_TRUE(contains(letter, "Quintero")) << "the signed letter keeps the reviewer's words";
  for (const char* identifier : {"Quintero", "ZX-4410-55821", "Marisol"})
    EXPECT_FALSE(contains(redacted, identifier)) << identifier;
  EXPECT_TRUE(contains(redacted, "Norco 10/325mg #120")) << "clinical content kept";
  EXPECT_TRUE(contains(redacted, "Reviewer rationale")) << redacted;

  // The audit trail, with the refused signature and who tried it.
  r = imr("case audit", "2026-11-09T10:15", "intake-1", "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  ASSERT_TRUE(j.is_array());
  auto has = [&](const std::string& action, const std::string& actor) {
    return std::any_of(j.begin(), j.end(), [&](const json& a) {
      return a["action"] == action && (actor.empty() || a["actor"] == actor);
    });
  };
  for (const char* action : {"created", "screened", "assigned", "notice_sent", "record_attached", "records_complete",
                             "drafted", "edited", "signed", "letter_written"})
    EXPECT_TRUE(has(action, "")) << action;
  EXPECT_TRUE(has("refused", "R-PSY-3"));
  EXPECT_TRUE(has("signed", kReviewer));
  EXPECT_FALSE(contains(r.out, "Quintero")) << "no PHI in the audit trail";
}

TEST_F(CaseCliTest, EveryRefusalHasItsExitCodeAndOneLine) {
  case_in_review();
  if (HasFatalFailure()) return;

  // Neither --accept nor --decision, or both: wrong arguments.
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 1"), 2,
                 "give --accept or --decision upheld|overturned");
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 1 --accept --decision upheld"), 2,
                 "give --accept or --decision");
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 1 --decision maybe"), 1,
                 "--decision: must be upheld or overturned");
  // A change of decision without a reason.
  auto r = imr("case draft", "2026-11-09T09:00", kReviewer, "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  const json draft = parsed(r);
  const std::string other = draft["items"][0]["decision"] == "upheld" ? "overturned" : "upheld";
  // An answer to a criterion the draft does not have.
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 1 --agree no.such_criterion"), 1,
                 "no criterion 'no.such_criterion'");
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 1 --decision " + other + " --rationale x"),
                 4, "needs a reason");
  // The letter before signing.
  expect_refused(imr("case letter", "2026-11-09T09:00", "intake-1", "--out " + q(scratch_dir().string()) + " " + kCase),
                 4, "has no signed determination");
  EXPECT_FALSE(std::filesystem::exists(scratch_dir() / (kCase + "-letter.txt")));

  // A stale version is a conflict.
  r = imr("case show", "2026-11-09T09:00", kReviewer, "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  const int64_t version = parsed(r)["version"];
  r = imr("case decide", "2026-11-09T09:00", kReviewer, "--version " + std::to_string(version) + " " + kCase + " 1 --accept");
  ASSERT_EQ(r.code, 0) << r.err;
  expect_refused(imr("case decide", "2026-11-09T09:00", kReviewer,
                     "--version " + std::to_string(version) + " " + kCase + " 2 --accept"),
                 5, "changed since version " + std::to_string(version));
  ASSERT_EQ(imr("case decide", "2026-11-09T09:00", kReviewer, kCase + " 2 --accept").code, 0);

  // Signing: only with every criterion that decided a draft answered, only the assigned
  // reviewer, only with the attestation, only once; then the case is locked.
  expect_refused(imr("case sign", "2026-11-09T10:00", kReviewer, "--attest " + kCase), 4,
                 "agree or disagree with each criterion that decided the draft");
  for (size_t i = 0; i < draft["items"].size(); ++i) {
    std::string agree;
    for (const auto& c : draft["items"][i]["criteria"])
      if (c.value("decided", false)) agree += " --agree " + c.value("id", "");
    ASSERT_EQ(imr("case decide", "2026-11-09T09:55", kReviewer, kCase + " " + std::to_string(i + 1) + agree).code, 0);
  }
  expect_refused(imr("case sign", "2026-11-09T10:00", "R-PSY-3", "--attest " + kCase), 4, "only the reviewer assigned");
  expect_refused(imr("case sign", "2026-11-09T10:00", kReviewer, kCase), 4, "attestation");
  r = imr("case sign", "2026-11-09T10:00", kReviewer, "--attest " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  expect_refused(imr("case sign", "2026-11-09T10:01", kReviewer, "--attest " + kCase), 4, "already signed");
  expect_refused(imr("case decide", "2026-11-09T10:02", kReviewer, kCase + " 1 --accept"), 4, "signed and locked");

  // An unknown case names it.
  expect_refused(imr("case show", "2026-11-09T10:03", "intake-1", "CM26-0009999"), 1, "CM26-0009999");

  // Every refusal above is in the audit trail.
  r = imr("case audit", "2026-11-09T10:05", "intake-1", "--format json " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  const json trail = parsed(r);
  EXPECT_GE(std::count_if(trail.begin(), trail.end(), [](const json& a) { return a["action"] == "refused"; }), 5);
}

TEST_F(CaseCliTest, ABadApplicationFileNamesTheFileAndTheFieldAndStoresNothing) {
  json app = json::parse(read_all(fixture("application.json")));
  app["received"] = "someday";
  const std::string bad = scratch_file("bad-application.json", app.dump());
  // The good file first: it is not stored either, since all files are read before any is.
  const auto r = imr("case create", "2026-11-02T09:00", "intake-1", q(fixture("application.json")) + " " + q(bad));
  expect_refused(r, 1, bad + ": received");
  const auto broken = scratch_file("broken.json", "{\"application_id\": ");
  expect_refused(imr("case create", "2026-11-02T09:00", "intake-1", q(broken)), 1, broken + ": invalid JSON");
  expect_refused(imr("case create", "2026-11-02T09:00", "intake-1", "/nonexistent/application.json"), 1,
                 "/nonexistent/application.json: cannot open");
  const auto list = imr("case list", "2026-11-02T09:05", "intake-1", "--format json");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(parsed(list), json::array());
}

TEST_F(CaseCliTest, WhenNoReviewerFitsAssignIsRefusedWithTheReasons) {
  import_reviewers();
  json app = json::parse(read_all(fixture("application.json")));
  app["ur_decision"]["items"] = json::array({{{"request", "Lumbar fusion L4-5"}, {"action", "denied"}}});
  auto r = imr("case create", "2026-11-02T09:00", "intake-1", q(scratch_file("fusion.json", app.dump())));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(contains(r.out, "Created case " + kCase + ".\nEligible for Independent Medical Review.\n")) << r.out;
  r = imr("case assign", "2026-11-03T09:00", "intake-1", kCase);
  EXPECT_EQ(r.code, 4) << r.out << r.err;
  EXPECT_TRUE(contains(r.out, "No reviewer assigned.")) << r.out;
  EXPECT_TRUE(contains(r.out, "Not chosen:")) << r.out;
  for (const char* id : {"R-PAIN-1", "R-PMR-2", "R-PSY-3"}) EXPECT_TRUE(contains(r.out, std::string("  ") + id + ":\n")) << id;
  r = imr("case list", "2026-11-03T09:05", "intake-1", "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json rows = parsed(r);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["reviewer_id"], "");
  EXPECT_EQ(rows[0]["status"], "eligible");
  EXPECT_EQ(rows[0]["no_reviewer_fits"], true);

  // Intake assigns it by hand: a reason is needed, a conflicted reviewer is refused, a
  // qualified one without the specialty is accepted, and the audit says who and why.
  expect_refused(imr("case assign", "2026-11-03T09:10", "intake-1", "--reviewer R-PMR-2 " + kCase), 2,
                 "needs both --reviewer and --reason");
  expect_refused(imr("case assign", "2026-11-03T09:10", "intake-1",
                     "--reviewer R-PAIN-1 --reason 'Spine surgery; nearest specialty' " + kCase),
                 4, "medical group");
  r = imr("case assign", "2026-11-03T09:10", "intake-1",
          "--format json --reviewer R-PMR-2 --reason 'Spine surgery; PM&R is the nearest specialty on the panel' " + kCase);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(parsed(r)["reviewer_id"], "R-PMR-2");
  r = imr("case list", "2026-11-03T09:15", "intake-1", "--format json");
  EXPECT_EQ(parsed(r)[0]["no_reviewer_fits"], false);
  EXPECT_EQ(parsed(r)[0]["assigned_by_hand"], true);
  r = imr("case audit", "2026-11-03T09:20", "intake-1", "--format json " + kCase);
  const json trail = parsed(r);
  EXPECT_TRUE(std::any_of(trail.begin(), trail.end(), [](const json& a) {
    return a["action"] == "assigned_by_hand" && a["actor"] == "intake-1" &&
           contains(a["detail"].value("reason", ""), "nearest specialty");
  })) << trail.dump();
}

// One eligible application per line, each with one text record.
std::string jsonl_line(const std::string& id, const std::string& worker) {
  const json app = testing::synthetic_application(id, worker);
  const json records = json::array({{{"title", "Progress report"},
                                     {"date", "2026-10-01"},
                                     {"sender", "requesting physician"},
                                     {"text", "Progress note for " + id + ": low back pain, home exercise."}}});
  return json{{"application", app}, {"records", records}}.dump() + "\n";
}

TEST_F(CaseCliTest, ImportIsIdempotentAndStopsAtABadLineKeepingTheLinesBefore) {
  const std::string good = scratch_file("cases.jsonl", jsonl_line("JL-1", "Alma Fuentes") + "\n" +
                                                           jsonl_line("JL-2", "Bruno Castillo") +
                                                           jsonl_line("JL-3", "Carmen Ibarra"));
  auto r = imr("case import", "2026-11-02T09:00", "importer", "--format json " + q(good));
  ASSERT_EQ(r.code, 0) << r.err;
  json j = parsed(r);
  EXPECT_EQ(j["imported"], 3);
  EXPECT_EQ(j["records"], 3);
  EXPECT_EQ(j["skipped"], 0);
  r = imr("case import", "2026-11-02T09:10", "importer", q(good));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out, "Imported 0 applications (0 ineligible, 0 consolidated) with 0 records; 3 already stored.\n");

  // Line 3 is bad: the lines before it are imported, nothing from it on.
  const std::string bad = scratch_file("bad.jsonl", jsonl_line("JL-4", "Dario Mendez") +
                                                        jsonl_line("JL-5", "Elena Navarro") +
                                                        "{\"application\": {\"application_id\": \"JL-6\"}, \"records\": 7}\n" +
                                                        jsonl_line("JL-7", "Fabio Ortega"));
  r = imr("case import", "2026-11-02T09:20", "importer", q(bad));
  EXPECT_EQ(r.code, 1) << r.out << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(lines(r.err), 1) << r.err;
  EXPECT_TRUE(contains(r.err, bad + ":3")) << r.err;
  EXPECT_TRUE(contains(r.err, "2 new")) << r.err;

  r = imr("case list", "2026-11-02T09:30", "importer", "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  j = parsed(r);
  EXPECT_EQ(j.size(), 5u) << "JL-1..5 stored, nothing from line 3 on";

  // A broken JSON line names FILE:LINE too.
  const std::string broken = scratch_file("broken.jsonl", jsonl_line("JL-8", "Gloria Paredes") + "{not json\n");
  r = imr("case import", "2026-11-02T09:40", "importer", "--batch 1 " + q(broken));
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(contains(r.err, broken + ":2: not a JSON object")) << r.err;
}

TEST_F(CaseCliTest, ReviewersListAsJson) {
  import_reviewers();
  const auto r = imr("reviewers list", "2026-11-02T09:00", "admin", "--format json");
  ASSERT_EQ(r.code, 0) << r.err;
  const json j = parsed(r);
  ASSERT_EQ(j.size(), 3u) << j.dump();
  std::vector<std::string> ids;
  for (const auto& rev : j) ids.push_back(rev["id"]);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"R-PAIN-1", "R-PMR-2", "R-PSY-3"}));
  for (const auto& rev : j) {
    if (rev["id"] != "R-PMR-2") continue;
    EXPECT_EQ(rev["specialties"], json::array({"Physical Medicine and Rehabilitation"}));
    EXPECT_EQ(rev["subspecialties"], json::array({"Pain Medicine"}));
    EXPECT_EQ(rev["licensure_states"], json::array({"CA"}));
    EXPECT_EQ(rev["years_in_practice"], 9);
    EXPECT_EQ(rev["active"], true);
  }
  // IMR_STORE, IMR_NOW and IMR_USER work in place of the flags.
  ::setenv("IMR_STORE", store_.c_str(), 1);
  ::setenv("IMR_NOW", "2026-11-02T09:00", 1);
  ::setenv("IMR_USER", "admin", 1);
  const auto env = run_imr("reviewers list --format json");
  ::unsetenv("IMR_STORE");
  ::unsetenv("IMR_NOW");
  ::unsetenv("IMR_USER");
  ASSERT_EQ(env.code, 0) << env.err;
  EXPECT_EQ(parsed(env), j);
}

}  // namespace
}  // namespace imr
