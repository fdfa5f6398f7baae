// The login throttle (auth/login_limiter.h, auth/login.h): exact under concurrency, per user
// and address, per address, per user except at the user's known addresses (a stranger cannot
// lock a user out), cleared by an administrator's reset (from this process or another), and
// password checks capped in number at once.
#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "auth/auth_service.h"
#include "auth/login.h"
#include "auth/login_limiter.h"
#include "store/store.h"
#include "support/test_store.h"

namespace imr::auth {
namespace {

const std::string kGood = "correct horse 42";
const std::string kWrong = "wrong password 1";

class LoginLimit : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(location_.create("sqlite"));
    store_ = open_store(location_.location());
  }
  AuthService& service(LoginPolicy policy = {}) {
    if (!service_) service_.emplace(*store_, [this] { return now_; }, policy);
    return *service_;
  }
  void add(const std::string& id) { service().add_user({id, Role::intake, ""}, kGood, "admin"); }

  // `n` logins at once, each from its own thread; the outcomes.
  std::vector<LoginOutcome> concurrently(int n, const std::function<LoginResult(int)>& attempt) {
    std::vector<LoginOutcome> out(n);
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i)
      threads.emplace_back([&, i] {
        while (!go) std::this_thread::yield();
        out[i] = attempt(i).outcome;
      });
    go = true;
    for (auto& t : threads) t.join();
    return out;
  }

  testing::TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  Timestamp now_ = *parse_timestamp("2026-11-23T09:00:00");
  std::optional<AuthService> service_;
};

long count(const std::vector<LoginOutcome>& v, LoginOutcome o) { return std::count(v.begin(), v.end(), o); }

TEST_F(LoginLimit, ConcurrentWrongPasswordsGetExactlyTheLimitOfChecks) {
  LoginPolicy policy;
  policy.check_wait_seconds = 600;
  service(policy);
  add("amy");
  const auto outcomes = concurrently(40, [&](int) { return service().login("amy", kWrong, "10.0.0.2"); });
  EXPECT_EQ(count(outcomes, LoginOutcome::refused), 5);  // the limit, not one more
  EXPECT_EQ(count(outcomes, LoginOutcome::rate_limited), 35);
  int64_t recorded = 0;
  store_->transact([&](StoreTx& tx) { recorded = tx.count_failed_logins_since("amy", "2026-01-01T00:00:00"); });
  EXPECT_EQ(recorded, 5);
}

TEST_F(LoginLimit, ConcurrentUnknownIdsFromOneAddressGetExactlyTheAddressLimit) {
  LoginPolicy policy;
  policy.max_failures_per_address = 6;
  policy.check_wait_seconds = 600;
  service(policy);
  const auto outcomes = concurrently(30, [&](int i) {
    return service().login("nobody" + std::to_string(i), kWrong, "192.0.2.7");
  });
  EXPECT_EQ(count(outcomes, LoginOutcome::refused), 6);
  EXPECT_EQ(count(outcomes, LoginOutcome::rate_limited), 24);
  // Another address is not affected.
  EXPECT_EQ(service().login("nobody", kWrong, "192.0.2.8").outcome, LoginOutcome::refused);
}

TEST_F(LoginLimit, PasswordChecksAtOnceAreCapped) {
  LoginPolicy policy;
  policy.max_concurrent_checks = 2;
  policy.check_wait_seconds = 600;  // on a busy machine (or under a sanitizer) a wait may be long
  service(policy);
  // Sixteen unknown ids from sixteen addresses: no limit refuses them, so each is checked.
  const auto outcomes = concurrently(16, [&](int i) {
    return service().login("ghost" + std::to_string(i), kWrong, "198.51.100." + std::to_string(i + 1));
  });
  EXPECT_EQ(count(outcomes, LoginOutcome::refused), 16);
  EXPECT_GE(service().login_gate().peak_checks(), 1);
  EXPECT_LE(service().login_gate().peak_checks(), 2);
}

TEST_F(LoginLimit, ALoginThatFindsNoFreeCheckIsBusyAndNotCounted) {
  LoginPolicy policy;
  policy.max_concurrent_checks = 1;
  policy.check_wait_seconds = 0;
  policy.max_failures = 1;
  service(policy);
  add("amy");
  ASSERT_TRUE(service().login_gate().acquire_check());  // another login is being checked
  const LoginResult busy = service().login("amy", kWrong, "10.0.0.1");
  EXPECT_EQ(busy.outcome, LoginOutcome::busy);
  EXPECT_NE(busy.message.find("busy"), std::string::npos);
  service().login_gate().release_check();
  // The busy attempt was not a failure: the one failure allowed is still there.
  EXPECT_EQ(service().login("amy", kWrong, "10.0.0.1").outcome, LoginOutcome::refused);
  EXPECT_EQ(service().login("amy", kGood, "10.0.0.1").outcome, LoginOutcome::rate_limited);
}

TEST_F(LoginLimit, AStrangerCannotLockAUserOutOfTheirKnownAddress) {
  LoginPolicy policy;
  policy.max_failures = 3;
  policy.max_failures_per_user = 6;
  service(policy);
  add("amy");
  ASSERT_TRUE(service().login("amy", kGood, "10.0.0.1").ok());  // amy's usual place
  // A stranger guesses from two addresses until each is refused and the user-wide limit is hit.
  for (const char* where : {"203.0.113.5", "203.0.113.6"})
    for (int i = 0; i < 3; ++i) EXPECT_EQ(service().login("amy", kWrong, where).outcome, LoginOutcome::refused);
  EXPECT_EQ(service().login("amy", kGood, "203.0.113.5").outcome, LoginOutcome::rate_limited);
  EXPECT_EQ(service().login("amy", kGood, "203.0.113.9").outcome, LoginOutcome::rate_limited);  // a new place
  // amy, at her usual address, with her password: in.
  EXPECT_TRUE(service().login("amy", kGood, "10.0.0.1").ok());
}

TEST_F(LoginLimit, AnAdministratorsResetClearsTheUsersCounts) {
  LoginPolicy policy;
  policy.max_failures = 3;
  policy.max_failures_per_user = 3;
  service(policy);
  add("amy");
  for (int i = 0; i < 3; ++i) service().login("amy", kWrong, "203.0.113.5");
  ASSERT_EQ(service().login("amy", kGood, "10.0.0.1").outcome, LoginOutcome::rate_limited);  // not known yet
  service().set_password("amy", "a new password 7", "admin");
  EXPECT_TRUE(service().login("amy", "a new password 7", "10.0.0.1").ok());
}

TEST_F(LoginLimit, AResetFromAnotherProcessClearsTheCountsToo) {
  LoginPolicy policy;
  policy.max_failures = 3;
  service(policy);
  add("amy");
  for (int i = 0; i < 3; ++i) service().login("amy", kWrong, "10.0.0.1");
  ASSERT_EQ(service().login("amy", kGood, "10.0.0.1").outcome, LoginOutcome::rate_limited);
  // `imr users passwd` runs in its own process, with its own service over the same store.
  AuthService other(*store_, [this] { return now_; });
  other.set_password("amy", "a new password 7", "admin");
  EXPECT_TRUE(service().login("amy", "a new password 7", "10.0.0.1").ok());
}

TEST_F(LoginLimit, CountsAgeOutOfTheWindow) {
  add("amy");
  for (int i = 0; i < 5; ++i) service().login("amy", kWrong, "10.0.0.1");
  ASSERT_EQ(service().login("amy", kGood, "10.0.0.1").outcome, LoginOutcome::rate_limited);
  now_ = now_.plus_seconds(15 * 60 + 1);
  EXPECT_TRUE(service().login("amy", kGood, "10.0.0.1").ok());
}

TEST(LoginAddressKey, IPv6CountsByItsSlash64AndMappedIPv4AsIPv4) {
  EXPECT_EQ(address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"), "2001:db8:1:2::/64");
  EXPECT_EQ(address_key("2001:db8:1:2::1"), address_key("2001:db8:1:2:ffff::9"));
  EXPECT_NE(address_key("2001:db8:1:2::1"), address_key("2001:db8:1:3::1"));
  EXPECT_EQ(address_key("::ffff:192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(address_key("192.0.2.1"), "192.0.2.1");
  EXPECT_EQ(address_key(""), "local");
}

}  // namespace
}  // namespace imr::auth
