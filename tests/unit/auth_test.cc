// Access control (auth/): password hashing and policy, sessions and CSRF, the login rate
// limit, the role rules and AuthService over a real (SQLite) store.
#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <string>

#include "auth/access.h"
#include "auth/auth_service.h"
#include "auth/login.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "core/error.h"
#include "core/hash.h"
#include "service/case_service.h"
#include "store/store.h"
#include "support/test_store.h"

namespace imr::auth {
namespace {

const std::string kGood = "correct horse 42";

// ---- passwords ------------------------------------------------------------------------

TEST(AuthPassword, HashIsArgon2idAndVerifies) {
  const std::string hash = hash_password(kGood);
  EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
  EXPECT_EQ(hash.find(kGood), std::string::npos);
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;  // memory-hard: 64 MiB
  EXPECT_TRUE(verify_password(kGood, hash));
  EXPECT_FALSE(verify_password("correct horse 43", hash));
  EXPECT_FALSE(verify_password("", hash));
  EXPECT_NE(hash_password(kGood), hash);  // a fresh salt each time
}

TEST(AuthPassword, VerifyRejectsForeignHashes) {
  EXPECT_FALSE(verify_password(kGood, ""));
  EXPECT_FALSE(verify_password(kGood, kGood));
  EXPECT_FALSE(verify_password(kGood, sha256_hex(kGood)));
}

TEST(AuthPassword, Policy) {
  EXPECT_TRUE(password_problem("short1A"));                  // too short
  EXPECT_TRUE(password_problem("abcdefghijkl"));             // 12, one kind
  EXPECT_TRUE(password_problem("123456789012345"));          // one kind
  EXPECT_TRUE(password_problem(std::string(1025, 'a') + "1"));  // too long
  EXPECT_FALSE(password_problem("abcdefghijk1"));
  EXPECT_FALSE(password_problem(kGood));
  try {
    check_password_policy("abc");
    FAIL() << "accepted a 3-character password";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "password");
    EXPECT_NE(std::string(e.what()).find("12"), std::string::npos) << e.what();
  }
}

TEST(AuthPassword, GeneratedPasswordsMeetThePolicyAndDiffer) {
  const std::string a = generate_password(), b = generate_password();
  EXPECT_EQ(a.size(), 20u);
  EXPECT_FALSE(password_problem(a));
  EXPECT_NE(a, b);
}

// ---- access rules ---------------------------------------------------------------------

User make(Role role, const std::string& reviewer_id = "") { return User{"u", role, reviewer_id, true, ""}; }
CaseRow assigned_to(const std::string& reviewer_id) {
  CaseRow c;
  c.id = "IMR-2026-000001";
  c.reviewer_id = reviewer_id;
  return c;
}

TEST(AuthAccess, ReviewerReadsOnlyOwnCases) {
  const User r = make(Role::reviewer, "rev-1");
  EXPECT_TRUE(can_read_case(r, assigned_to("rev-1")));
  EXPECT_FALSE(can_read_case(r, assigned_to("rev-2")));
  EXPECT_FALSE(can_read_case(r, assigned_to("")));
  // A reviewer user without a registry id does not match unassigned cases.
  EXPECT_FALSE(can_read_case(make(Role::reviewer, ""), assigned_to("")));
}

TEST(AuthAccess, IntakeAndAdministratorReadAllCases) {
  for (Role role : {Role::intake, Role::administrator}) {
    EXPECT_TRUE(can_read_case(make(role), assigned_to("rev-1")));
    EXPECT_TRUE(can_read_case(make(role), assigned_to("")));
  }
}

TEST(AuthAccess, OnlyTheAssignedReviewerSigns) {
  EXPECT_TRUE(can_sign(make(Role::reviewer, "rev-1"), assigned_to("rev-1")));
  EXPECT_FALSE(can_sign(make(Role::reviewer, "rev-1"), assigned_to("rev-2")));
  EXPECT_FALSE(can_sign(make(Role::intake), assigned_to("rev-1")));
  EXPECT_FALSE(can_sign(make(Role::administrator), assigned_to("rev-1")));
  EXPECT_FALSE(can_sign(make(Role::intake, "rev-1"), assigned_to("rev-1")));  // role, not only the id
}

TEST(AuthAccess, CreateCasesAndManageUsers) {
  EXPECT_TRUE(can_create_case(make(Role::intake)));
  EXPECT_TRUE(can_create_case(make(Role::administrator)));
  EXPECT_FALSE(can_create_case(make(Role::reviewer, "rev-1")));
  EXPECT_TRUE(can_manage_users(make(Role::administrator)));
  EXPECT_FALSE(can_manage_users(make(Role::intake)));
  EXPECT_FALSE(can_manage_users(make(Role::reviewer, "rev-1")));
}

TEST(AuthAccess, InactiveUsersMayDoNothing) {
  User admin = make(Role::administrator), rev = make(Role::reviewer, "rev-1");
  admin.active = rev.active = false;
  EXPECT_FALSE(can_read_case(admin, assigned_to("rev-1")));
  EXPECT_FALSE(can_read_case(rev, assigned_to("rev-1")));
  EXPECT_FALSE(can_sign(rev, assigned_to("rev-1")));
  EXPECT_FALSE(can_create_case(admin));
  EXPECT_FALSE(can_manage_users(admin));
}

TEST(AuthAccess, RoleNames) {
  for (Role role : {Role::intake, Role::reviewer, Role::administrator}) EXPECT_EQ(parse_role(role_name(role)), role);
  EXPECT_FALSE(parse_role("admin"));
  EXPECT_FALSE(parse_role(""));
}

// ---- over a store ---------------------------------------------------------------------

class AuthStore : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(location_.create("sqlite"));
    store_ = open_store(location_.location());
    store_->transact([](StoreTx& tx) { tx.upsert_reviewer({"rev-1", "{}", true}); });
  }
  // One service for the test, as a server process has: the login throttle lives in it.
  AuthService& service() {
    if (!service_) service_.emplace(*store_, [this] { return now_; });
    return *service_;
  }
  AuthService service_with(LoginPolicy policy) { return AuthService(*store_, [this] { return now_; }, policy); }
  void add(const std::string& id, Role role, const std::string& reviewer_id = "") {
    service().add_user({id, role, reviewer_id}, kGood, "admin");
  }
  // No store method deactivates a user yet: set the column directly.
  void raw_deactivate(const std::string& id) {
    SQLite::Database db(location_.sqlite_path(), SQLite::OPEN_READWRITE);
    SQLite::Statement s(db, "UPDATE users SET active = 0 WHERE id = ?");
    s.bind(1, id);
    ASSERT_EQ(s.exec(), 1);
  }
  void advance(int64_t seconds) { now_ = now_.plus_seconds(seconds); }

  testing::TestStoreLocation location_;
  std::unique_ptr<Store> store_;
  Timestamp now_ = *parse_timestamp("2026-11-23T09:00:00");
  std::optional<AuthService> service_;
};

TEST_F(AuthStore, NoUsersUntilOneIsAdded) { EXPECT_TRUE(service().users().empty()); }

TEST_F(AuthStore, AddUserStoresOnlyTheHashAndAudits) {
  add("amy", Role::reviewer, "rev-1");
  store_->transact([&](StoreTx& tx) {
    auto row = tx.find_user("amy");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->role, "reviewer");
    EXPECT_EQ(row->reviewer_id, "rev-1");
    EXPECT_EQ(row->password_hash.rfind("$argon2id$", 0), 0u);
    EXPECT_TRUE(verify_password(kGood, row->password_hash));
    auto audit = tx.audit("");
    ASSERT_EQ(audit.size(), 1u);
    EXPECT_EQ(audit[0].action, "user_added");
    EXPECT_EQ(audit[0].actor, "admin");
    EXPECT_EQ(audit[0].detail.find(kGood), std::string::npos);
    EXPECT_EQ(audit[0].detail.find("argon2"), std::string::npos);
  });
}

TEST_F(AuthStore, AddUserRefusals) {
  auto s = service();
  EXPECT_THROW(s.add_user({"amy", Role::intake, ""}, "short", "admin"), InputError);
  EXPECT_THROW(s.add_user({"bad id", Role::intake, ""}, kGood, "admin"), InputError);
  EXPECT_THROW(s.add_user({"rev", Role::reviewer, ""}, kGood, "admin"), InputError);        // no reviewer id
  EXPECT_THROW(s.add_user({"rev", Role::reviewer, "rev-9"}, kGood, "admin"), InputError);   // not in registry
  EXPECT_THROW(s.add_user({"int", Role::intake, "rev-1"}, kGood, "admin"), InputError);     // not a reviewer
  EXPECT_TRUE(s.users().empty());
  s.add_user({"amy", Role::intake, ""}, kGood, "admin");
  EXPECT_THROW(s.add_user({"amy", Role::administrator, ""}, kGood, "admin"), ConflictError);
}

TEST_F(AuthStore, SetPassword) {
  add("amy", Role::intake);
  auto s = service();
  s.set_password("amy", "a new password 7", "amy");
  EXPECT_FALSE(s.login("amy", kGood).ok());
  EXPECT_TRUE(s.login("amy", "a new password 7").ok());
  EXPECT_THROW(s.set_password("amy", "weak", "amy"), InputError);
  EXPECT_THROW(s.set_password("nobody", "a new password 7", "amy"), NotFoundError);
}

TEST_F(AuthStore, LoginCreatesASessionStoringOnlyTheTokenHash) {
  add("amy", Role::intake);
  auto result = service().login("amy", kGood);
  ASSERT_TRUE(result.ok()) << result.message;
  ASSERT_TRUE(result.session);
  ASSERT_TRUE(result.user);
  EXPECT_EQ(result.user->id, "amy");
  const auto& token = result.session->token;
  EXPECT_EQ(token.size(), 64u);
  EXPECT_NE(result.session->csrf_token, token);
  store_->transact([&](StoreTx& tx) {
    EXPECT_FALSE(tx.find_session(token));  // the token itself is not a key
    auto row = tx.find_session(sha256_hex(token));
    ASSERT_TRUE(row);
    EXPECT_EQ(row->token_hash, sha256_hex(token));
    EXPECT_EQ(row->user_id, "amy");
    EXPECT_EQ(row->expires_at, "2026-11-23T17:00:00");
  });
  auto session = service().session(token);
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user.id, "amy");
  EXPECT_EQ(session->row.csrf_token, result.session->csrf_token);
}

TEST_F(AuthStore, SessionsExpireAndAreRevoked) {
  add("amy", Role::intake);
  const auto token = service().login("amy", kGood).session->token;
  advance(8 * 3600 - 1);
  EXPECT_TRUE(service().session(token));
  advance(1);
  EXPECT_FALSE(service().session(token));  // expired at expires_at

  now_ = *parse_timestamp("2026-11-24T09:00:00");
  const auto second = service().login("amy", kGood).session->token;
  EXPECT_TRUE(service().session(second));
  EXPECT_TRUE(service().logout(second));
  EXPECT_FALSE(service().session(second));
  EXPECT_FALSE(service().logout(std::string(64, 'z')));  // not a token
  EXPECT_FALSE(service().session(""));
  EXPECT_FALSE(service().session(second.substr(1)));
  EXPECT_FALSE(service().session(random_token()));  // well-formed, unknown
}

TEST_F(AuthStore, SessionOfAnInactiveUserIsRefused) {
  add("amy", Role::intake);
  const auto token = service().login("amy", kGood).session->token;
  raw_deactivate("amy");
  EXPECT_FALSE(service().session(token));
}

TEST_F(AuthStore, CsrfMustMatchExactly) {
  add("amy", Role::intake);
  auto result = service().login("amy", kGood);
  auto session = service().session(result.session->token);
  ASSERT_TRUE(session);
  const std::string csrf = result.session->csrf_token;
  EXPECT_TRUE(csrf_matches(session->row, csrf));
  std::string wrong = csrf;
  wrong[10] = wrong[10] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(csrf_matches(session->row, wrong));
  EXPECT_FALSE(csrf_matches(session->row, ""));
  EXPECT_FALSE(csrf_matches(session->row, csrf.substr(0, 63)));
  EXPECT_FALSE(csrf_matches(session->row, result.session->token));
  SessionRow empty;
  EXPECT_FALSE(csrf_matches(empty, ""));
}

TEST_F(AuthStore, WrongPasswordAndUnknownUserGetTheSameRefusal) {
  add("amy", Role::intake);
  auto wrong = service().login("amy", "correct horse 43");
  auto unknown = service().login("nobody", kGood);
  EXPECT_EQ(wrong.outcome, LoginOutcome::refused);
  EXPECT_EQ(unknown.outcome, LoginOutcome::refused);
  EXPECT_EQ(wrong.message, unknown.message);
  EXPECT_FALSE(wrong.session);
  store_->transact([&](StoreTx& tx) {
    EXPECT_EQ(tx.count_failed_logins_since("amy", "2026-01-01T00:00:00"), 1);
    EXPECT_EQ(tx.count_failed_logins_since("nobody", "2026-01-01T00:00:00"), 1);
    for (const auto& a : tx.audit("")) EXPECT_EQ(a.detail.find("horse"), std::string::npos);
  });
}

TEST_F(AuthStore, RateLimitAfterFiveFailuresThenResetAfterTheWindow) {
  add("amy", Role::intake);
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(service().login("amy", "wrong password 1").outcome, LoginOutcome::refused);
    advance(60);
  }
  // Five failures within 15 minutes: refused even with the right password.
  auto limited = service().login("amy", kGood);
  EXPECT_EQ(limited.outcome, LoginOutcome::rate_limited);
  EXPECT_FALSE(limited.session);
  EXPECT_NE(limited.message.find("too many failed logins"), std::string::npos) << limited.message;
  // Another user is not affected.
  add("bob", Role::intake);
  EXPECT_TRUE(service().login("bob", kGood).ok());
  // The first failure was at 09:00:00: still inside the 15-minute window at 09:15:00, out of
  // it one second later (4 remain). Refused attempts are not counted as failures.
  now_ = *parse_timestamp("2026-11-23T09:15:00");
  EXPECT_EQ(service().login("amy", kGood).outcome, LoginOutcome::rate_limited);
  now_ = *parse_timestamp("2026-11-23T09:15:01");
  EXPECT_EQ(service().login("amy", kGood).outcome, LoginOutcome::ok);
}

TEST_F(AuthStore, FourFailuresDoNotLockTheUser) {
  add("amy", Role::intake);
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(service().login("amy", "wrong password 1").ok());
  EXPECT_TRUE(service().login("amy", kGood).ok());
}

TEST_F(AuthStore, LoginPolicyIsConfigurable) {
  add("amy", Role::intake);
  LoginPolicy strict;
  strict.max_failures = 1;
  auto s = service_with(strict);
  EXPECT_FALSE(s.login("amy", "wrong password 1").ok());
  EXPECT_EQ(s.login("amy", kGood).outcome, LoginOutcome::rate_limited);
}

TEST_F(AuthStore, InactiveUserCannotLogIn) {
  add("amy", Role::intake);
  raw_deactivate("amy");
  EXPECT_EQ(service().login("amy", kGood).outcome, LoginOutcome::refused);
}

}  // namespace
}  // namespace imr::auth
