// The workbench HTTP API (src/server/), in process over loopback, on SQLite and PostgreSQL:
// every endpoint, every access rule and every refusal, each with a test that fails when the
// rule is removed; malformed input gets a 4xx JSON error, never a 500.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "auth/auth_service.h"
#include "core/file.h"
#include "server/server.h"
#include "service/case_service.h"
#include "support/knowledge.h"
#include "support/server_api_fixture.h"
#include "support/service_fixtures.h"
#include "support/synthetic_case.h"
#include "support/test_store.h"

namespace imr {
namespace {

using nlohmann::json;
using testing::Browser;
using testing::kOtherReviewer;
using testing::kPassword;
using testing::kReviewer;

std::string fixture(const std::string& name) { return testing::service_fixture(name); }

using ServerApiTest = testing::ServerApiFixture;

// --- Public endpoints and the OpenAPI document --------------------------------------------

TEST_P(ServerApiTest, HealthAndOpenApiArePublic) {
  json health = expect(request("GET", "/api/health"), 200);
  EXPECT_EQ(health.value("status", ""), "ok");
  EXPECT_EQ(health.value("store", ""), store_->backend());
  json doc = expect(request("GET", "/api/openapi.json"), 200);
  EXPECT_EQ(doc.value("openapi", "").substr(0, 2), "3.");
}

TEST_P(ServerApiTest, OpenApiDocumentDescribesEveryRoute) {
  const json doc = json::parse(read_file(std::string(IMR_SOURCE_DIR) + "/data/openapi.json"));
  ASSERT_TRUE(doc.contains("paths"));
  const auto routes = server_->routes();
  EXPECT_GE(routes.size(), 25u);
  size_t documented = 0;
  for (const auto& route : routes) {
    const std::string method = route.substr(0, route.find(' '));
    const std::string path = route.substr(route.find(' ') + 1);
    std::string lower = method;
    for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const bool found = doc["paths"].contains(path) && doc["paths"][path].contains(lower);
    EXPECT_TRUE(found) << route << " is not in data/openapi.json";
    documented += found ? 1 : 0;
  }
  // And nothing documented that the server does not serve.
  size_t operations = 0;
  for (const auto& [path, ops] : doc["paths"].items())
    for (const auto& [method, op] : ops.items())
      if (method == "get" || method == "post" || method == "put" || method == "delete") ++operations;
  EXPECT_EQ(operations, routes.size());
}

TEST_P(ServerApiTest, UnknownPathsAndBadMethodsGetJsonErrors) {
  expect(request("GET", "/api/nothing-here"), 404, "not_found");
  const Browser admin = login("admin1");
  expect(request("GET", "/api/cases/CM26-9999999", "", &admin), 404, "not_found");
  expect(request("DELETE", "/api/cases", "", &admin), 404);
}

// --- Sessions ----------------------------------------------------------------------------

TEST_P(ServerApiTest, LoginSetsAnHttpOnlySameSiteCookieAndReturnsTheCsrfToken) {
  const auto r = request("POST", "/api/login", json{{"user", "intake1"}, {"password", kPassword}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("imr_session="), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos) << cookie;
  const json body = json_of(r);
  EXPECT_EQ(body["user"].value("role", ""), "intake");
  EXPECT_EQ(body.value("csrf_token", "").size(), 64u);
  EXPECT_EQ(r.body.find(kPassword), std::string::npos);
}

TEST_P(ServerApiTest, WrongPasswordAndUnknownUserGet401WithTheSameMessage) {
  const json wrong = expect(request("POST", "/api/login", R"({"user":"intake1","password":"not the password"})"), 401,
                            "unauthenticated");
  const json unknown = expect(request("POST", "/api/login", R"({"user":"nobody","password":"not the password"})"),
                              401, "unauthenticated");
  EXPECT_EQ(wrong["error"]["message"], unknown["error"]["message"]);
}

TEST_P(ServerApiTest, LoginIsRateLimitedAfterRepeatedFailures) {
  for (int i = 0; i < 5; ++i)
    expect(request("POST", "/api/login", R"({"user":"intake1","password":"wrong wrong 1"})"), 401);
  // Refused even with the right password while the failures are recent.
  expect(request("POST", "/api/login", json{{"user", "intake1"}, {"password", kPassword}}.dump()), 429,
         "rate_limited");
}

TEST_P(ServerApiTest, EverySessionRouteRefusesRequestsWithoutASession) {
  const Browser forged{"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "x"};
  int checked = 0;
  for (const auto& route : server_->routes()) {
    const std::string method = route.substr(0, route.find(' '));
    std::string path = route.substr(route.find(' ') + 1);
    if (path == "/api/health" || path == "/api/openapi.json" || path == "/api/login") continue;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"{id}", "CM26-0000001"}, {"{rid}", "1"}, {"{n}", "1"}})
      if (auto at = path.find(from); at != std::string::npos) path.replace(at, from.size(), to);
    if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, "someone");
    expect(request(method, path, "{}"), 401, "unauthenticated");
    expect(request(method, path, "{}", &forged), 401, "unauthenticated");
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST_P(ServerApiTest, EveryStateChangingRouteNeedsTheCsrfToken) {
  const Browser admin = login("admin1");
  Browser wrong = admin;
  wrong.csrf = std::string(64, 'a');
  int checked = 0;
  for (const auto& route : server_->routes()) {
    const std::string method = route.substr(0, route.find(' '));
    std::string path = route.substr(route.find(' ') + 1);
    if (method == "GET" || path == "/api/login") continue;
    for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
             {"{id}", "CM26-0000001"}, {"{rid}", "1"}, {"{n}", "1"}})
      if (auto at = path.find(from); at != std::string::npos) path.replace(at, from.size(), to);
    expect(request(method, path, "{}", &admin, /*csrf=*/false), 403, "csrf");
    expect(request(method, path, "{}", &wrong), 403, "csrf");
    ++checked;
  }
  EXPECT_GE(checked, 12);
  // Nothing was created by the refused requests.
  expect(request("GET", "/api/session", "", &admin), 200);
  EXPECT_EQ(expect(request("GET", "/api/dashboard", "", &admin), 200)["cases"].size(), 0u);
}

TEST_P(ServerApiTest, LogoutEndsTheSession) {
  const Browser intake = login("intake1");
  expect(request("GET", "/api/session", "", &intake), 200);
  const auto r = request("POST", "/api/logout", "{}", &intake);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  expect(request("GET", "/api/session", "", &intake), 401, "unauthenticated");
}

// --- The review, end to end over HTTP -------------------------------------------------------

TEST_P(ServerApiTest, IntakeToSignedLetterOverHttp) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);

  const Browser reviewer = login("pmr");
  json queue = expect(request("GET", "/api/cases", "", &reviewer), 200);
  ASSERT_EQ(queue["cases"].size(), 1u);
  EXPECT_EQ(queue["cases"][0].value("case_id", ""), id);
  EXPECT_FALSE(queue["cases"][0]["requests"].empty());

  json drafted = expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200);
  ASSERT_TRUE(drafted["draft"].contains("items"));
  json view = expect(request("GET", "/api/cases/" + id, "", &reviewer), 200);
  ASSERT_TRUE(view["draft"].is_object());
  ASSERT_EQ(view["records"].size(), 1u);

  // Every criterion's evidence is the record's text at the stated offsets.
  const int64_t record_id = view["records"][0].value("id", int64_t{0});
  json record = expect(request("GET", "/api/cases/" + id + "/records/" + std::to_string(record_id), "", &reviewer), 200);
  const std::string text = record.value("text", "");
  int evidence_checked = 0, not_documented = 0;
  for (const auto& item : view["draft"]["items"])
    for (const auto& criterion : item["criteria"]) {
      const std::string state = criterion.value("state", "");
      EXPECT_TRUE(state == "met" || state == "not_met" || state == "not_documented") << state;
      if (state == "not_documented") {
        ++not_documented;
        EXPECT_FALSE(criterion.value("looked_for", "").empty()) << criterion.dump();
      }
      for (const auto& e : criterion["evidence"]) {
        if (e.value("record", -1) != 0) continue;
        const size_t start = e.value("start", size_t{0}), end = e.value("end", size_t{0});
        ASSERT_LE(end, text.size());
        EXPECT_EQ(text.substr(start, end - start), e.value("text", ""));
        ++evidence_checked;
      }
    }
  EXPECT_GT(evidence_checked, 0);

  // Change item 1 (a reason and a rationale are required), accept the rest, agreeing with every
  // criterion that decided each draft; evidence opened; preview; sign with the attestation.
  const size_t items = view["items"].size();
  ASSERT_GE(items, 1u);
  int64_t version = view.value("version", int64_t{0});
  const std::string engine = view["items"][0].value("engine_decision", "");
  const std::string changed = engine == "upheld" ? "overturned" : "upheld";
  expect(request("PUT", "/api/cases/" + id + "/items/1",
                 json{{"version", version}, {"decision", changed}}.dump(), &reviewer),
         409, "refused");
  json saved = expect(request("PUT", "/api/cases/" + id + "/items/1",
                              json{{"version", version},
                                   {"decision", changed},
                                   {"rationale", "The reviewer's own reading of the record, in full."},
                                   {"reason", "The record shows a benefit the draft did not weigh."},
                                   {"criteria", agree_with(view["draft"]["items"][0])}}
                                  .dump(),
                              &reviewer),
                      200);
  version = saved.value("version", int64_t{0});
  for (size_t n = 2; n <= items; ++n) {
    saved = expect(request("PUT", "/api/cases/" + id + "/items/" + std::to_string(n),
                           json{{"version", version}, {"decision", nullptr}, {"criteria", agree_with(view["draft"]["items"][n - 1])}}
                               .dump(),
                           &reviewer),
                   200);
    version = saved.value("version", int64_t{0});
  }
  // The reviewer opens the evidence of a criterion (audited; no new version).
  for (const auto& c : view["draft"]["items"][0]["criteria"])
    if (!c["evidence"].empty()) {
      expect(request("POST", "/api/cases/" + id + "/evidence",
                     json{{"item", "item-1"}, {"criterion", c["id"]}, {"record", c["evidence"][0]["record"]}}.dump(),
                     &reviewer),
             200);
      break;
    }
  EXPECT_EQ(version_of(id, reviewer), version);
  at("2026-11-02T11:00");
  json preview = expect(request("GET", "/api/cases/" + id + "/preview", "", &reviewer), 200);
  EXPECT_TRUE(preview["blocking"].empty()) << preview["blocking"].dump();
  EXPECT_NE(preview.value("text", "").find("The reviewer's own reading of the record"), std::string::npos);
  EXPECT_EQ(preview.value("engine_text", "").find("The reviewer's own reading of the record"), std::string::npos);
  EXPECT_EQ(preview.value("unwrapped", "").find("\nThe reviewer's own"), std::string::npos);
  bool decision_change = false;
  for (const auto& c : preview["changes"]) decision_change |= c.value("what", "") == "decision" && c.value("item", 0) == 1;
  EXPECT_TRUE(decision_change) << preview["changes"].dump();
  expect(request("POST", "/api/cases/" + id + "/sign", json{{"version", version}}.dump(), &reviewer), 409, "refused");
  json signed_row = expect(request("POST", "/api/cases/" + id + "/sign",
                                   json{{"version", version},
                                        {"attestation", true},
                                        {"letter_sha256", preview["letter_sha256"]}}
                                       .dump(),
                                   &reviewer),
                           200);
  EXPECT_EQ(signed_row.value("signed_by", ""), kReviewer);
  expect(request("POST", "/api/cases/" + id + "/sign",
                 json{{"version", signed_row.value("version", int64_t{0})}, {"attestation", true}}.dump(), &reviewer),
         409, "refused");

  // The letter: text inline, PDF as a download; the reviewer's rationale is in it.
  const auto letter = request("GET", "/api/cases/" + id + "/letter", "", &reviewer);
  EXPECT_EQ(letter.status, 200);
  EXPECT_NE(letter.body.find("The reviewer's own reading of the record"), std::string::npos);
  const auto pdf = request("GET", "/api/cases/" + id + "/letter?format=pdf", "", &reviewer);
  EXPECT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(pdf.get_header_value("Content-Type"), "application/pdf");
  EXPECT_NE(pdf.get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  const auto redacted = request("GET", "/api/cases/" + id + "/letter?format=redacted-text", "", &intake);
  EXPECT_EQ(redacted.status, 200);
  EXPECT_EQ(redacted.body.find("Quintero"), std::string::npos) << "the published copy drops the worker's name";
  expect(request("GET", "/api/cases/" + id + "/letter?format=docx", "", &reviewer), 400, "bad_request");

  // The audit trail over HTTP: the signature with the time on the case, the evidence opened
  // and what changed.
  json trail = expect(request("GET", "/api/cases/" + id + "/audit", "", &intake), 200);
  bool signed_seen = false, evidence_seen = false;
  for (const auto& a : trail["audit"]) {
    evidence_seen |= a.value("action", "") == "evidence_opened" && a.value("actor", "") == kReviewer;
    if (a.value("action", "") != "signed") continue;
    signed_seen = true;
    EXPECT_EQ(a["detail"].value("evidence_opened", -1), 1);
    EXPECT_EQ(a["detail"].value("attested", false), true);
    EXPECT_GE(a["detail"].value("active_minutes", -1), 15);
    EXPECT_FALSE(a["detail"]["changes"].empty());
  }
  EXPECT_TRUE(signed_seen);
  EXPECT_TRUE(evidence_seen);

  // Amendment: a corrected item after signing is a new signed determination.
  const int64_t after = version_of(id, reviewer);
  expect(request("POST", "/api/cases/" + id + "/amend",
                 json{{"version", after - 1},
                      {"reason", "Stale."},
                      {"edits", json::array({{{"item", 1}, {"rationale", "x"}}})}}
                     .dump(),
                 &reviewer),
         409, "stale");
  json amended = expect(request("POST", "/api/cases/" + id + "/amend",
                                json{{"version", after},
                                     {"reason", "A transcription error in item 1's rationale."},
                                     {"edits", json::array({{{"item", 1},
                                                             {"decision", changed},
                                                             {"rationale", "Corrected rationale for item 1."},
                                                             {"reason", "Correction."}}})}}
                                    .dump(),
                                &reviewer),
                        200);
  EXPECT_EQ(amended.value("sequence", 0), 1);

  // Statistics count the change from the draft.
  const Browser admin = login("admin1");
  json stats = expect(request("GET", "/api/stats", "", &admin), 200);
  EXPECT_EQ(stats.value("signed_cases", 0), 1);
  EXPECT_GE(stats.value("changed_from_draft", 0), 1);
  EXPECT_EQ(stats["cases_by_status"].value("signed", 0), 1);
}

TEST_P(ServerApiTest, AStaleEditIs409AndTheFirstEditStands) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser tab1 = login("pmr"), tab2 = login("pmr");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &tab1), 200);
  const int64_t read = version_of(id, tab1);
  ASSERT_EQ(version_of(id, tab2), read + 0) << "both tabs read the same version";
  expect(request("PUT", "/api/cases/" + id + "/items/1", json{{"version", read}, {"decision", nullptr}}.dump(), &tab1),
         200);
  json stale = expect(request("PUT", "/api/cases/" + id + "/items/1",
                              json{{"version", read},
                                   {"decision", "overturned"},
                                   {"rationale", "A different reading."},
                                   {"reason", "Disagree."}}
                                  .dump(),
                              &tab2),
                      409, "stale");
  json view = expect(request("GET", "/api/cases/" + id, "", &tab1), 200);
  EXPECT_FALSE(view["items"][0].value("changed", true)) << "the second, stale edit changed nothing";
  // Signing against a stale version is refused too.
  expect(request("POST", "/api/cases/" + id + "/sign", json{{"version", read}}.dump(), &tab1), 409, "stale");
  // A write that must carry its version is refused without one.
  expect(request("PUT", "/api/cases/" + id + "/items/1", R"({"decision":null})", &tab1), 400, "bad_request");
}

// --- Access rules -----------------------------------------------------------------------------

TEST_P(ServerApiTest, AReviewerSeesOnlyTheCasesAssignedToThem) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser other = login("psy");
  EXPECT_EQ(expect(request("GET", "/api/cases", "", &other), 200)["cases"].size(), 0u);
  // Asking for another reviewer's queue still gives one's own.
  EXPECT_EQ(expect(request("GET", "/api/cases?reviewer=" + kReviewer, "", &other), 200)["cases"].size(), 0u);
  for (const std::string& path : {"/api/cases/" + id, "/api/cases/" + id + "/records/1",
                                 "/api/cases/" + id + "/records/1/content", "/api/cases/" + id + "/letter",
                                 "/api/cases/" + id + "/audit"})
    expect(request("GET", path, "", &other), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &other), 403, "forbidden");
  expect(request("PUT", "/api/cases/" + id + "/items/1", R"({"version":1})", &other), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/sign", R"({"version":1})", &other), 403, "forbidden");
  expect(request("GET", "/api/cases/" + id + "/preview", "", &other), 403, "forbidden");
  expect(request("PUT", "/api/cases/" + id + "/summary", R"({"version":1})", &other), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/evidence", R"({"item":"1","criterion":"x"})", &other), 403, "forbidden");
  // The refused read is audited with who tried.
  const auto trail = audit(id);
  EXPECT_TRUE(has(trail, kOtherReviewer, "refused"));
  EXPECT_FALSE(has(trail, kOtherReviewer, "viewed"));
}

TEST_P(ServerApiTest, IntakeAndAdministratorsCannotDecideOrSign) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200);
  const int64_t v = version_of(id, reviewer);
  const Browser admin = login("admin1");
  for (const Browser* b : {&intake, &admin}) {
    expect(request("PUT", "/api/cases/" + id + "/items/1", json{{"version", v}, {"decision", nullptr}}.dump(), b), 403,
           "forbidden");
    expect(request("POST", "/api/cases/" + id + "/sign", json{{"version", v}, {"attestation", true}}.dump(), b), 403,
           "forbidden");
    expect(request("GET", "/api/cases/" + id + "/preview", "", b), 403, "forbidden");
    expect(request("PUT", "/api/cases/" + id + "/summary", json{{"version", v}, {"summary", "x"}}.dump(), b), 403,
           "forbidden");
    expect(request("POST", "/api/cases/" + id + "/amend",
                   json{{"version", v}, {"reason", "x"}, {"edits", json::array({{{"item", 1}}})}}.dump(), b),
           403, "forbidden");
  }
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &intake), 403, "forbidden");
  EXPECT_EQ(version_of(id, reviewer), v) << "nothing changed";
}

TEST_P(ServerApiTest, ReviewersCannotDoIntakeOrAdministration) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  expect(request("POST", "/api/cases", fixture("second-application.json"), &reviewer), 403, "forbidden");
  expect(request("POST", "/api/cases/import", R"({"cases":[]})", &reviewer), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/records", R"({"text":"a note"})", &reviewer), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/records-complete", "{}", &reviewer), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/assign", "{}", &reviewer), 403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/assign-by-hand", R"({"reviewer_id":"R-PMR-2","reason":"x"})", &reviewer),
         403, "forbidden");
  expect(request("POST", "/api/cases/" + id + "/notice", "{}", &reviewer), 403, "forbidden");
  expect(request("GET", "/api/stats/export", "", &reviewer), 403, "forbidden");
  expect(request("GET", "/api/dashboard", "", &reviewer), 403, "forbidden");
  expect(request("GET", "/api/reviewers", "", &reviewer), 403, "forbidden");
  expect(request("GET", "/api/users", "", &reviewer), 403, "forbidden");
  expect(request("GET", "/api/stats", "", &reviewer), 403, "forbidden");
}

TEST_P(ServerApiTest, OnlyAdministratorsManageUsersReviewersAndSeeStatistics) {
  const Browser intake = login("intake1");
  expect(request("GET", "/api/users", "", &intake), 403, "forbidden");
  expect(request("POST", "/api/users", R"({"id":"x1","role":"intake"})", &intake), 403, "forbidden");
  expect(request("PUT", "/api/users/admin1/password", "{}", &intake), 403, "forbidden");
  expect(request("POST", "/api/reviewers", fixture("reviewers.json"), &intake), 403, "forbidden");
  expect(request("GET", "/api/stats", "", &intake), 403, "forbidden");
  EXPECT_EQ(expect(request("GET", "/api/reviewers", "", &intake), 200)["reviewers"].size(), 3u);

  const Browser admin = login("admin1");
  json created = expect(request("POST", "/api/users", R"({"id":"new.intake","role":"intake"})", &admin), 201);
  const std::string generated = created.value("password", "");
  EXPECT_GE(generated.size(), 12u);
  EXPECT_EQ(expect(request("POST", "/api/login", json{{"user", "new.intake"}, {"password", generated}}.dump()), 200)
                ["user"]
                    .value("role", ""),
            "intake");
  expect(request("POST", "/api/users", R"({"id":"new.intake","role":"intake"})", &admin), 409, "conflict");
  expect(request("POST", "/api/users", R"({"id":"r9","role":"reviewer","reviewer_id":"NOPE"})", &admin), 400);
  expect(request("POST", "/api/users", R"({"id":"x2","role":"superuser"})", &admin), 400, "bad_request");
  expect(request("POST", "/api/users", R"({"id":"x3","role":"intake","password":"short"})", &admin), 400);
  EXPECT_EQ(expect(request("GET", "/api/users", "", &admin), 200)["users"].size(), 5u);
  EXPECT_EQ(expect(request("POST", "/api/reviewers", fixture("reviewers.json"), &admin), 200).value("imported", 0), 3);
  // A user changes their own password; the old one stops working.
  expect(request("PUT", "/api/users/intake1/password", R"({"password":"a new long passphrase 7"})", &intake), 200);
  expect(request("POST", "/api/login", json{{"user", "intake1"}, {"password", kPassword}}.dump()), 401);
  expect(request("GET", "/api/stats", "", &admin), 200);
}

TEST_P(ServerApiTest, ADeactivatedUserIsLockedOutAtOnce) {
  const Browser intake = login("intake1");
  const Browser admin = login("admin1");
  expect(request("PUT", "/api/users/admin1/active", R"({"active":false})", &intake), 403, "forbidden");
  expect(request("PUT", "/api/users/admin1/active", R"({"active":false})", &admin), 400, "bad_request");
  expect(request("PUT", "/api/users/intake1/active", R"({"active":"no"})", &admin), 400, "bad_request");
  expect(request("PUT", "/api/users/nobody/active", R"({"active":false})", &admin), 404, "not_found");
  json off = expect(request("PUT", "/api/users/intake1/active", R"({"active":false})", &admin), 200);
  EXPECT_FALSE(off.value("active", true));
  // The session already open stops working, and a new login is refused.
  expect(request("GET", "/api/session", "", &intake), 401, "unauthenticated");
  expect(request("POST", "/api/login", json{{"user", "intake1"}, {"password", kPassword}}.dump()), 401);
  expect(request("PUT", "/api/users/intake1/active", R"({"active":true})", &admin), 200);
  login("intake1");
}

TEST_P(ServerApiTest, EveryReadOfACaseIsAnAuditEvent) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser admin = login("admin1");
  expect(request("GET", "/api/cases/" + id, "", &admin), 200);
  expect(request("GET", "/api/cases/" + id + "/records/1", "", &admin), 200);
  const auto content = request("GET", "/api/cases/" + id + "/records/1/content", "", &admin);
  EXPECT_EQ(content.status, 200);
  expect(request("GET", "/api/cases/" + id + "/audit", "", &admin), 200);
  const auto trail = audit(id);
  EXPECT_TRUE(has(trail, "admin1", "viewed"));
  EXPECT_TRUE(has(trail, "admin1", "record_viewed"));
  EXPECT_TRUE(has(trail, "admin1", "audit_viewed"));
  int record_reads = 0;
  for (const auto& a : trail) record_reads += a.actor == "admin1" && a.action == "record_viewed";
  EXPECT_EQ(record_reads, 2) << "the text and the original bytes are two reads";
}

// --- Intake over HTTP ---------------------------------------------------------------------

TEST_P(ServerApiTest, IntakeCreatesConsolidatesAndImports) {
  const Browser intake = login("intake1");
  json first = expect(request("POST", "/api/cases", fixture("application.json"), &intake), 201);
  EXPECT_TRUE(first["eligibility"].value("eligible", false));
  json again = expect(request("POST", "/api/cases", fixture("application.json"), &intake), 200);
  EXPECT_TRUE(again.value("already_stored", false));
  json batch = {{"cases", json::array()}};
  for (int i = 0; i < 3; ++i)
    batch["cases"].push_back({{"application", testing::synthetic_application("HTTP-" + std::to_string(i),
                                                                             testing::letters(i) + " Worker")},
                              {"records", json::array({{{"title", "Note"}, {"text", "Back pain 6/10."}}})}});
  json summary = expect(request("POST", "/api/cases/import", batch.dump(), &intake), 200);
  EXPECT_EQ(summary.value("imported", 0), 3);
  EXPECT_EQ(summary.value("records", 0), 3);
  // Records named by file path are refused over HTTP (no reading the server's disk).
  batch["cases"][0]["records"][0] = {{"file", "/etc/passwd"}};
  batch["cases"][0]["application"]["application_id"] = "HTTP-X";
  expect(request("POST", "/api/cases/import", batch.dump(), &intake), 400, "bad_request");
  json dashboard = expect(request("GET", "/api/dashboard", "", &intake), 200);
  EXPECT_EQ(dashboard["cases"].size(), 4u);
  EXPECT_TRUE(dashboard.contains("counts"));
}

TEST_P(ServerApiTest, AssignmentWithNobodyFittingIs409WithTheReasons) {
  const Browser admin = login("admin1");
  // Every reviewer inactive: nobody fits.
  json registry = json::parse(fixture("reviewers.json"));
  for (auto& r : registry["reviewers"]) r["active"] = false;
  expect(request("POST", "/api/reviewers", registry.dump(), &admin), 200);
  const std::string id = expect(request("POST", "/api/cases", fixture("application.json"), &admin), 201)
                             .value("case_id", "");
  json refused = expect(request("POST", "/api/cases/" + id + "/assign", "{}", &admin), 409, "refused");
  EXPECT_EQ(refused["excluded"].size(), 3u);
  EXPECT_TRUE(refused["reviewer_id"].is_null());
}

TEST_P(ServerApiTest, WhenNobodyFitsIntakeAssignsByHandWithAReasonAndTheDashboardFlagsIt) {
  const Browser intake = login("intake1");
  json app = json::parse(fixture("application.json"));
  app["ur_decision"]["items"] = json::array({{{"request", "Lumbar fusion L4-5"}, {"action", "denied"}}});
  const std::string id = expect(request("POST", "/api/cases", app.dump(), &intake), 201).value("case_id", "");
  // Not before the automatic assignment has found nobody.
  expect(request("POST", "/api/cases/" + id + "/assign-by-hand", R"({"reviewer_id":"R-PMR-2","reason":"x"})", &intake),
         409, "refused");
  json refused = expect(request("POST", "/api/cases/" + id + "/assign", "{}", &intake), 409, "refused");
  EXPECT_EQ(refused["error"].value("message", "").find(".yaml"), std::string::npos) << "no server file in a message";
  // The dashboard flags it instead of calling it on track.
  json dash = expect(request("GET", "/api/dashboard", "", &intake), 200);
  EXPECT_EQ(dash["counts"].value("no reviewer fits", 0), 1);
  EXPECT_EQ(dash["counts"].value("on track", 0), 0);
  EXPECT_TRUE(dash["cases"][0].value("no_reviewer_fits", false));
  // A reason is required; a reviewer with a conflict is refused; an unknown one is 404.
  expect(request("POST", "/api/cases/" + id + "/assign-by-hand", R"({"reviewer_id":"R-PMR-2","reason":""})", &intake),
         409, "refused");
  json conflicted = expect(request("POST", "/api/cases/" + id + "/assign-by-hand",
                                   R"({"reviewer_id":"R-PAIN-1","reason":"Spine: nearest specialty"})", &intake),
                           409, "refused");
  EXPECT_NE(conflicted["error"].value("message", "").find("medical group"), std::string::npos);
  expect(request("POST", "/api/cases/" + id + "/assign-by-hand", R"({"reviewer_id":"R-NOBODY","reason":"x"})", &intake),
         404, "not_found");
  json assigned = expect(request("POST", "/api/cases/" + id + "/assign-by-hand",
                                 R"({"reviewer_id":"R-PMR-2","reason":"Spine surgery: PM&R is the nearest specialty"})",
                                 &intake),
                         200);
  EXPECT_EQ(assigned.value("reviewer_id", ""), "R-PMR-2");
  json view = expect(request("GET", "/api/cases/" + id, "", &intake), 200);
  EXPECT_EQ(view.value("status", ""), "assigned");
  EXPECT_TRUE(view["assignment"].value("manual", false));
  EXPECT_EQ(view["assignment"].value("by", ""), "intake1");
  EXPECT_FALSE(view.value("no_reviewer_fits", true));
  EXPECT_TRUE(has(audit(id), "intake1", "assigned_by_hand"));
}

TEST_P(ServerApiTest, ASignatureIsRefusedWhileADecisiveCriterionIsUnanswered) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  const json draft = expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200)["draft"];
  int64_t version = version_of(id, reviewer);
  // Every item decided, no criterion answered.
  for (size_t n = 1; n <= draft["items"].size(); ++n)
    version = expect(request("PUT", "/api/cases/" + id + "/items/" + std::to_string(n),
                             json{{"version", version}, {"decision", nullptr}}.dump(), &reviewer),
                     200)
                  .value("version", int64_t{0});
  json view = expect(request("GET", "/api/cases/" + id, "", &reviewer), 200);
  EXPECT_FALSE(view["blocking"].empty()) << "the case view says what stands in the way";
  json refused = expect(request("POST", "/api/cases/" + id + "/sign",
                                json{{"version", version}, {"attestation", true}}.dump(), &reviewer),
                        409, "refused");
  EXPECT_NE(refused["error"].value("message", "").find("agree or disagree"), std::string::npos) << refused.dump();
  // A disagreement without a note is refused; with one, its note flows into the rationale.
  const json first = draft["items"][0];
  const json decided = agree_with(first);
  ASSERT_FALSE(decided.empty());
  const std::string criterion = decided[0]["id"];
  expect(request("PUT", "/api/cases/" + id + "/items/1",
                 json{{"version", version}, {"criteria", json::array({{{"id", criterion}, {"agree", false}}})}}.dump(),
                 &reviewer),
         409, "refused");
  expect(request("PUT", "/api/cases/" + id + "/items/1",
                 json{{"version", version}, {"criteria", json::array({{{"id", "no.such"}, {"agree", true}}})}}.dump(),
                 &reviewer),
         404, "not_found");
  expect(request("PUT", "/api/cases/" + id + "/items/1",
                 json{{"version", version}, {"criteria", json::array({{{"id", criterion}, {"agree", "yes"}}})}}.dump(),
                 &reviewer),
         400, "bad_request");
  json answers = decided;
  answers[0] = {{"id", criterion}, {"agree", false}, {"note", "The record dates this from 2019, not from last month"}};
  version = expect(request("PUT", "/api/cases/" + id + "/items/1",
                           json{{"version", version}, {"criteria", answers}}.dump(), &reviewer),
                   200)
                .value("version", int64_t{0});
  view = expect(request("GET", "/api/cases/" + id, "", &reviewer), 200);
  EXPECT_NE(view["items"][0].value("rationale", "").find("The record dates this from 2019, not from last month."),
            std::string::npos)
      << view["items"][0].value("rationale", "");
  EXPECT_EQ(view["items"][0].value("decision", ""), view["items"][0].value("engine_decision", "")) << "kept";
  // Still refused while item 2's criteria are unanswered; signed once they are.
  expect(request("POST", "/api/cases/" + id + "/sign", json{{"version", version}, {"attestation", true}}.dump(), &reviewer),
         409, "refused");
  for (size_t n = 2; n <= draft["items"].size(); ++n)
    version = expect(request("PUT", "/api/cases/" + id + "/items/" + std::to_string(n),
                             json{{"version", version}, {"criteria", agree_with(draft["items"][n - 1])}}.dump(), &reviewer),
                     200)
                  .value("version", int64_t{0});
  // The summary and the citations, edited before signing.
  version = expect(request("PUT", "/api/cases/" + id + "/summary",
                           json{{"version", version}, {"summary", "The reviewer's summary of the case."}}.dump(), &reviewer),
                   200)
                .value("version", int64_t{0});
  version = expect(request("PUT", "/api/cases/" + id + "/items/1",
                           json{{"version", version}, {"citations", json::array({"MTUS Chronic Pain, Opioids, Page(s): 80"})}}
                               .dump(),
                           &reviewer),
                   200)
                .value("version", int64_t{0});
  json preview = expect(request("GET", "/api/cases/" + id + "/preview", "", &reviewer), 200);
  EXPECT_TRUE(preview["blocking"].empty()) << preview["blocking"].dump();
  EXPECT_NE(preview.value("text", "").find("The reviewer's summary of the case."), std::string::npos);
  EXPECT_NE(preview.value("unwrapped", "").find("Decision based on MTUS Chronic Pain, Opioids, Page(s): 80."),
            std::string::npos);
  std::set<std::string> kinds;
  for (const auto& c : preview["changes"]) kinds.insert(c.value("what", ""));
  EXPECT_EQ(kinds, (std::set<std::string>{"criterion", "rationale", "citations", "summary"}));
  // Signing a letter other than the one previewed is refused.
  expect(request("POST", "/api/cases/" + id + "/sign",
                 json{{"version", version}, {"attestation", true}, {"letter_sha256", std::string(64, 'a')}}.dump(),
                 &reviewer),
         409, "refused");
  json signed_row = expect(request("POST", "/api/cases/" + id + "/sign",
                                   json{{"version", version}, {"attestation", true}, {"letter_sha256", preview["letter_sha256"]}}
                                       .dump(),
                                   &reviewer),
                           200);
  const auto letter = request("GET", "/api/cases/" + id + "/letter?format=paragraphs", "", &reviewer);
  EXPECT_EQ(letter.status, 200);
  EXPECT_NE(letter.body.find("The reviewer's summary of the case."), std::string::npos);
  EXPECT_EQ(letter.body.find("Rules:"), std::string::npos);
}

TEST_P(ServerApiTest, StatisticsPerReviewerAndTopicWithAPeriodAndCsv) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  const json draft = expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200)["draft"];
  int64_t version = version_of(id, reviewer);
  for (size_t n = 1; n <= draft["items"].size(); ++n)
    version = expect(request("PUT", "/api/cases/" + id + "/items/" + std::to_string(n),
                             json{{"version", version}, {"decision", nullptr}, {"criteria", agree_with(draft["items"][n - 1])}}
                                 .dump(),
                             &reviewer),
                     200)
                  .value("version", int64_t{0});
  at("2026-11-02T10:00");
  expect(request("POST", "/api/cases/" + id + "/sign", json{{"version", version}, {"attestation", true}}.dump(), &reviewer),
         200);
  const Browser admin = login("admin1");
  json stats = expect(request("GET", "/api/stats", "", &admin), 200);
  ASSERT_TRUE(stats["reviewers"].contains(kReviewer)) << stats.dump();
  const json r = stats["reviewers"][kReviewer];
  EXPECT_EQ(r.value("signed_cases", 0), 1);
  EXPECT_EQ(r.value("accepted_unchanged", 0), 1);
  EXPECT_EQ(r.value("accepted_unchanged_share", 0.0), 1.0);
  EXPECT_EQ(r.value("no_evidence_opened", 0), 1) << "signed without opening any evidence";
  EXPECT_EQ(r.value("on_time", 0), 1);
  EXPECT_EQ(stats["turnaround"]["regular"].value("on_time", 0), 1);
  EXPECT_FALSE(stats["items_by_topic"].contains("undrafted"));
  for (const auto& [code, t] : stats["items_by_topic"].items()) EXPECT_FALSE(t.value("label", "").empty()) << code;
  // The period: nothing received or signed in October.
  json october = expect(request("GET", "/api/stats?from=2026-10-01&to=2026-10-31", "", &admin), 200);
  EXPECT_EQ(october.value("cases", -1), 0);
  EXPECT_EQ(october.value("signed_cases", -1), 0);
  EXPECT_TRUE(october["reviewers"].empty());
  expect(request("GET", "/api/stats?from=2026-13-01", "", &admin), 400, "bad_request");
  expect(request("GET", "/api/stats?from=2026-11-05&to=2026-11-01", "", &admin), 400, "bad_request");
  // CSV, one table at a time.
  const auto csv = request("GET", "/api/stats/export?table=reviewers&from=2026-11-01", "", &admin);
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.get_header_value("Content-Type").find("text/csv"), std::string::npos);
  EXPECT_NE(csv.get_header_value("Content-Disposition").find("attachment"), std::string::npos);
  EXPECT_EQ(csv.body.rfind("reviewer_id,signed_cases,median_minutes_on_case,", 0), 0u) << csv.body;
  EXPECT_NE(csv.body.find("\r\n" + kReviewer + ",1,"), std::string::npos) << csv.body;
  const auto signatures = request("GET", "/api/stats/export?table=signatures", "", &admin);
  EXPECT_NE(signatures.body.find(id + "," + kReviewer), std::string::npos) << signatures.body;
  expect(request("GET", "/api/stats/export?table=nope", "", &admin), 400, "bad_request");
}

// --- Bad input: always a 4xx with a message, never a 500 -------------------------------------

TEST_P(ServerApiTest, MalformedInputGets4xxNever500) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200);
  const std::string item = "/api/cases/" + id + "/items/1";
  expect(request("PUT", item, "{not json", &reviewer), 400, "bad_request");
  expect(request("PUT", item, "[1,2]", &reviewer), 400, "bad_request");
  expect(request("PUT", item, R"({"version":"7"})", &reviewer), 400, "bad_request");
  expect(request("PUT", item, R"({"version":1.5})", &reviewer), 400, "bad_request");
  expect(request("PUT", item, R"({"version":1,"decision":"maybe"})", &reviewer), 400, "bad_request");
  expect(request("PUT", item, R"({"version":1,"rationale":42})", &reviewer), 400, "bad_request");
  expect(request("PUT", "/api/cases/" + id + "/items/99", json{{"version", version_of(id, reviewer)}}.dump(), &reviewer),
         404, "not_found");
  expect(request("PUT", "/api/cases/" + id + "/items/0", R"({"version":1})", &reviewer), 404, "not_found");
  expect(request("GET", "/api/cases/" + id + "/records/999", "", &reviewer), 404, "not_found");
  expect(request("GET", "/api/cases/" + id + "/records/abc", "", &reviewer), 404, "not_found");
  expect(request("GET", "/api/cases?limit=-3", "", &reviewer), 400, "bad_request");
  expect(request("GET", "/api/cases?limit=ten", "", &reviewer), 400, "bad_request");
  expect(request("POST", "/api/login", R"({"user":5,"password":"x"})"), 400, "bad_request");
  expect(request("POST", "/api/login", "\xff\xfe", &intake), 400, "bad_request");
  expect(request("POST", "/api/cases", R"({"application_id":"A-1"})", &intake), 400, "bad_request");
  expect(request("POST", "/api/cases", "not json at all", &intake), 400, "bad_request");
  expect(request("POST", "/api/cases/" + id + "/notice", R"({"method":"pigeon"})", &intake), 400, "bad_request");
  expect(request("POST", "/api/cases/" + id + "/records", R"({"text":""})", &intake), 400, "bad_request");
  expect(request("POST", "/api/cases/" + id + "/records", R"({"text":"x","date":"yesterday"})", &intake), 400);
  // A broken PDF upload names the file.
  httplib::MultipartFormDataItems bad_pdf = {{"file", "%PDF-1.4 this is not a PDF", "broken.pdf", "application/pdf"}};
  auto up = client_->Post("/api/cases/" + id + "/records", headers(&intake), bad_pdf);
  ASSERT_TRUE(up);
  EXPECT_EQ(up->status, 400) << up->body;
  EXPECT_NE(up->body.find("broken.pdf"), std::string::npos) << up->body;
  // Larger than the body limit.
  expect(request("POST", "/api/cases/import", std::string(300 * 1024, ' '), &intake), 413, "too_large");
  // The server is still answering, and logged no 500.
  expect(request("GET", "/api/health"), 200);
  EXPECT_EQ(log_.str().find("\"status\":500"), std::string::npos) << log_.str();
}

TEST_P(ServerApiTest, RequestLogsAreStructuredAndHoldNoPhi) {
  const Browser intake = login("intake1");
  const std::string id = case_in_review(intake);
  const Browser reviewer = login("pmr");
  expect(request("POST", "/api/cases/" + id + "/draft", "{}", &reviewer), 200);
  expect(request("GET", "/api/cases/" + id, "", &reviewer), 200);
  const std::string log = log_.str();
  std::istringstream lines(log);
  std::string line;
  int requests = 0;
  while (std::getline(lines, line)) {
    json entry = json::parse(line, nullptr, false);
    ASSERT_FALSE(entry.is_discarded()) << "not a JSON line: " << line;
    if (entry.contains("route")) ++requests;
  }
  EXPECT_GE(requests, 8);
  EXPECT_NE(log.find("/api/cases/{id}"), std::string::npos) << "routes are logged as templates";
  for (const char* phi : {"Quintero", "Marisol", "ZX-4410-55821", "Okafor", "progress", kPassword.c_str()})
    EXPECT_EQ(log.find(phi), std::string::npos) << phi << " in the log";
  EXPECT_EQ(log.find(id), std::string::npos) << "case ids are not logged";
}

// --- Shutdown ---------------------------------------------------------------------------------

TEST_P(ServerApiTest, StoppingFinishesAcceptedRequestsFirst) {
  const Browser intake = login("intake1");
  json batch = {{"cases", json::array()}};
  for (int i = 0; i < 400; ++i)
    batch["cases"].push_back({{"application", testing::synthetic_application("STOP-" + std::to_string(i),
                                                                             testing::letters(i) + " Worker")}});
  std::optional<httplib::Response> result;
  std::string failure;
  std::thread sender([&] {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(60);
    auto r = c.Post("/api/cases/import", headers(&intake), batch.dump(), "application/json");
    if (r) result = r.value();
    else failure = httplib::to_string(r.error());
  });
  // Stop while the import is being handled: it must still be answered and kept.
  for (int i = 0; i < 20000 && server_->in_flight() == 0; ++i) std::this_thread::sleep_for(std::chrono::microseconds(500));
  ASSERT_GT(server_->in_flight(), 0) << "the import never started";
  server_->stop();
  sender.join();
  listener_.join();
  ASSERT_TRUE(result.has_value()) << failure;
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(json::parse(result->body).value("imported", 0), 400);
  int64_t stored = 0;
  store_->transact([&](StoreTx& tx) { stored = tx.count_open_cases(""); });
  EXPECT_EQ(stored, 400);
}

TEST_P(ServerApiTest, AStopBeforeListeningIsNotLost) {
  server::ServerOptions options;
  options.port = 0;
  std::ostringstream log;
  server::WorkbenchServer early(*store_, *cases_, *auth_, options, log);
  ASSERT_TRUE(early.bind());
  early.stop();
  std::atomic<bool> returned{false};
  std::thread t([&] {
    early.listen();  // must return at once instead of serving forever
    returned = true;
  });
  for (int i = 0; i < 5000 && !returned; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  EXPECT_TRUE(returned) << "listen() kept serving after an earlier stop()";
  if (!returned) early.stop();  // the old behaviour: stop it now so the test can end
  t.join();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerApiTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace imr
