// Test support: an `imr serve` in process on a SQLite store and a free loopback port, with
// the bundled knowledge and one user of each role (password kTestPassword).
#pragma once

#include <memory>
#include <sstream>
#include <thread>

#include "auth/auth_service.h"
#include "server/server.h"
#include "service/case_service.h"
#include "support/service_fixtures.h"
#include "support/test_store.h"

namespace imr::testing {

inline const std::string kTestPassword = "correct horse 42";

class TestServer {
 public:
  static auth::LoginPolicy patient_policy() {
    auth::LoginPolicy p;
    p.check_wait_seconds = 600;
    return p;
  }

  // The password-check wait is long by default here: on a busy machine or under a sanitizer
  // a check takes seconds, and the tests are about limits, not about that wait.
  explicit TestServer(server::ServerOptions options = {}, auth::LoginPolicy policy = patient_policy()) {
    location_.create("sqlite");
    store_ = open_store(location_.location());
    cases_ = std::make_unique<CaseService>(*store_, bundled_service_context());
    auth_ = std::make_unique<auth::AuthService>(*store_, now_local, policy);
    cases_->import_reviewers(service_fixture("reviewers.json"), "reviewers.json", "setup");
    auth_->add_user({"admin1", auth::Role::administrator, ""}, kTestPassword, "setup");
    auth_->add_user({"intake1", auth::Role::intake, ""}, kTestPassword, "setup");
    options.port = 0;
    options.log_requests = false;
    server_ = std::make_unique<server::WorkbenchServer>(*store_, *cases_, *auth_, options, log_);
    if (server_->bind()) listener_ = std::thread([this] { server_->listen(); });
  }
  ~TestServer() {
    server_->stop();
    if (listener_.joinable()) listener_.join();
  }
  bool running() const { return listener_.joinable(); }
  int port() const { return server_->port(); }
  server::WorkbenchServer& server() { return *server_; }
  auth::AuthService& auth() { return *auth_; }
  CaseService& cases() { return *cases_; }
  Store& store() { return *store_; }

 private:
  TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CaseService> cases_;
  std::unique_ptr<auth::AuthService> auth_;
  std::ostringstream log_;
  std::unique_ptr<server::WorkbenchServer> server_;
  std::thread listener_;
};

}  // namespace imr::testing
