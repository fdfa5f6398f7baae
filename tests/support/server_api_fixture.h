// Test support: the workbench HTTP API in process over loopback on a fresh store of either
// backend (the test's parameter: "sqlite" or "postgresql"), with the bundled knowledge, the
// fixture reviewer registry, one user of each role and a clock the test sets; an HTTP client,
// logins, and the fixture case taken by intake to "in review". Shared by the API's tests.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "auth/auth_service.h"
#include "server/server.h"
#include "service/case_service.h"
#include "support/service_fixtures.h"
#include "support/test_store.h"

namespace imr::testing {

using nlohmann::json;

inline const std::string kPassword = "correct horse 42";
inline const std::string kReviewer = "R-PMR-2";       // the fixture application's fitting reviewer
inline const std::string kOtherReviewer = "R-PSY-3";  // another reviewer in the registry

// A logged-in browser: its session cookie and CSRF token.
struct Browser {
  std::string cookie;
  std::string csrf;
};

class ServerApiFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (!location_.create(GetParam())) GTEST_SKIP() << "IMR_TEST_PG_URL not set";
    store_ = open_store(location_.location());
    context_ = bundled_service_context();
    context_.clock = [this] { return now_; };
    cases_ = std::make_unique<CaseService>(*store_, context_);
    auth_ = std::make_unique<auth::AuthService>(*store_, context_.clock);
    cases_->import_reviewers(service_fixture("reviewers.json"), "reviewers.json", "setup");
    auth_->add_user({"admin1", auth::Role::administrator, ""}, kPassword, "setup");
    auth_->add_user({"intake1", auth::Role::intake, ""}, kPassword, "setup");
    auth_->add_user({"pmr", auth::Role::reviewer, kReviewer}, kPassword, "setup");
    auth_->add_user({"psy", auth::Role::reviewer, kOtherReviewer}, kPassword, "setup");

    server::ServerOptions options;
    options.port = 0;
    options.max_body_bytes = 256 * 1024;
    options.threads = 4;
    options.openapi_path = std::string(IMR_SOURCE_DIR) + "/data/openapi.json";
    options.rules_version = "test";
    server_ = std::make_unique<server::WorkbenchServer>(*store_, *cases_, *auth_, options, log_);
    before_listening(*server_);
    ASSERT_TRUE(server_->bind());
    listener_ = std::thread([this] { server_->listen(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(30);
  }

  // What a test adds to the server before it listens (the corpus: attach_corpus).
  virtual void before_listening(server::WorkbenchServer&) {}

  void TearDown() override {
    if (server_) server_->stop();
    if (listener_.joinable()) listener_.join();
  }

  void at(const std::string& when) { now_ = *parse_timestamp(when); }

  httplib::Headers headers(const Browser* b, bool csrf = true) {
    httplib::Headers h;
    if (b && !b->cookie.empty()) h.emplace("Cookie", "imr_session=" + b->cookie);
    if (b && csrf && !b->csrf.empty()) h.emplace("X-CSRF-Token", b->csrf);
    return h;
  }

  // One request; the response must exist (the server answered).
  httplib::Response request(const std::string& method, const std::string& path, const std::string& body = "",
                            const Browser* b = nullptr, bool csrf = true,
                            const std::string& type = "application/json") {
    auto send = [&]() -> httplib::Result {
      if (method == "GET") return client_->Get(path, headers(b, csrf));
      if (method == "POST") return client_->Post(path, headers(b, csrf), body, type);
      if (method == "PUT") return client_->Put(path, headers(b, csrf), body, type);
      return client_->Delete(path, headers(b, csrf));
    };
    httplib::Result r = send();
    if (!r) ADD_FAILURE() << method << " " << path << ": no response (" << httplib::to_string(r.error()) << ")";
    return r ? r.value() : httplib::Response{};
  }

  json json_of(const httplib::Response& r) {
    json j = json::parse(r.body, nullptr, false);
    EXPECT_FALSE(j.is_discarded()) << "not JSON: " << r.body.substr(0, 200);
    return j;
  }

  // Expects status and, for errors, the JSON error shape with `code`.
  json expect(const httplib::Response& r, int status, const std::string& code = "") {
    EXPECT_EQ(r.status, status) << r.body.substr(0, 400);
    json j = json_of(r);
    if (status >= 400) {
      EXPECT_TRUE(j.contains("error")) << r.body;
      if (j.contains("error")) {
        EXPECT_EQ(j["error"].value("status", 0), status);
        if (!code.empty()) {
          EXPECT_EQ(j["error"].value("code", ""), code) << r.body;
        }
        EXPECT_FALSE(j["error"].value("message", "").empty());
      }
    }
    return j;
  }

  Browser login(const std::string& user) {
    const auto r = request("POST", "/api/login", json{{"user", user}, {"password", kPassword}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    Browser b;
    const std::string set_cookie = r.get_header_value("Set-Cookie");
    const auto start = set_cookie.find("imr_session=");
    if (start != std::string::npos) b.cookie = set_cookie.substr(start + 12, set_cookie.find(';', start) - start - 12);
    b.csrf = json_of(r).value("csrf_token", "");
    EXPECT_FALSE(b.cookie.empty());
    EXPECT_FALSE(b.csrf.empty());
    return b;
  }

  // The fixture application taken by intake through the API to "in review" with one record,
  // all within one morning (sessions last 8 hours on the test's clock).
  std::string case_in_review(const Browser& intake) {
    at("2026-11-02T09:00");
    json created = expect(request("POST", "/api/cases", service_fixture("application.json"), &intake), 201);
    const std::string id = created.value("case_id", "");
    at("2026-11-02T09:10");
    json assigned = expect(request("POST", "/api/cases/" + id + "/assign", "{}", &intake), 200);
    EXPECT_EQ(assigned.value("reviewer_id", ""), kReviewer);
    expect(request("POST", "/api/cases/" + id + "/notice", R"({"method":"electronic"})", &intake), 200);
    at("2026-11-02T09:20");
    httplib::MultipartFormDataItems form = {
        {"file", service_fixture("progress-note.txt"), "progress-note.txt", "text/plain"},
        {"title", "PR-2 progress report", "", ""},
        {"date", "2026-10-06", "", ""},
        {"sender", "requesting physician", "", ""}};
    auto up = client_->Post("/api/cases/" + id + "/records", headers(&intake), form);
    EXPECT_TRUE(up);
    if (up) {
      EXPECT_EQ(up->status, 201) << up->body;
    }
    expect(request("POST", "/api/cases/" + id + "/records-complete", "{}", &intake), 200);
    at("2026-11-02T09:30");
    return id;
  }

  // Agreement with every criterion that decided an item's draft, as the API takes it.
  static json agree_with(const json& draft_item) {
    json answers = json::array();
    for (const auto& c : draft_item["criteria"])
      if (c.value("decided", false)) answers.push_back({{"id", c.value("id", "")}, {"agree", true}});
    return answers;
  }

  int64_t version_of(const std::string& id, const Browser& b) {
    return expect(request("GET", "/api/cases/" + id, "", &b), 200).value("version", int64_t{-1});
  }

  std::vector<AuditRow> audit(const std::string& id) {
    std::vector<AuditRow> out;
    store_->transact([&](StoreTx& tx) { out = tx.audit(id); });
    return out;
  }

  static bool has(const std::vector<AuditRow>& trail, const std::string& actor, const std::string& action) {
    for (const auto& a : trail)
      if (a.actor == actor && a.action == action) return true;
    return false;
  }

  TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  ServiceContext context_;
  std::unique_ptr<CaseService> cases_;
  std::unique_ptr<auth::AuthService> auth_;
  std::ostringstream log_;
  std::unique_ptr<server::WorkbenchServer> server_;
  std::thread listener_;
  std::unique_ptr<httplib::Client> client_;
  Timestamp now_ = *parse_timestamp("2026-11-02T09:00");
};

}  // namespace imr::testing
