// `imr users add|list|passwd`: passwords only from stdin or generated, never echoed; no
// default administrator.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "auth/auth_service.h"
#include "store/store.h"
#include "support/cli.h"

namespace imr {
namespace {


using testing::run_imr;
using testing::scratch_dir;
using testing::scratch_file;

const std::string kPassword = "Admin password 2026";

class UsersCli : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = (scratch_dir() / "users.db").string();
    std::filesystem::remove(store_);
  }
  // Runs `imr users ARGS --store S`, with stdin from a file holding `input` when given.
  testing::CliRun users(const std::string& args, const std::string& input = "") {
    std::string redirect;
    if (!input.empty()) redirect = " <" + testing::quoted(scratch_file("stdin", input));
    else redirect = " </dev/null";
    return run_imr("users " + args + " --store " + testing::quoted(store_) + " --as root --now 2026-11-23T09:00" + redirect);
  }
  std::string store_;
};

TEST_F(UsersCli, NoUsersUntilTheFirstAdministratorIsAdded) {
  auto list = users("list --format json");
  ASSERT_EQ(list.code, 0) << list.err;
  EXPECT_EQ(nlohmann::json::parse(list.out), nlohmann::json::array());
  auto text = users("list");
  EXPECT_NE(text.out.find("No users"), std::string::npos) << text.out;
}

TEST_F(UsersCli, AddFromStdinListAndLogIn) {
  auto add = users("add boss --role administrator --password-stdin", kPassword + "\n");
  ASSERT_EQ(add.code, 0) << add.err;
  EXPECT_EQ(add.out, "Added boss (administrator).\n");
  EXPECT_EQ(add.out.find(kPassword), std::string::npos);
  EXPECT_EQ(add.err.find(kPassword), std::string::npos);

  auto list = users("list --format json");
  ASSERT_EQ(list.code, 0) << list.err;
  auto all = nlohmann::json::parse(list.out);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["id"], "boss");
  EXPECT_EQ(all[0]["role"], "administrator");
  EXPECT_EQ(all[0]["created_at"], "2026-11-23T09:00:00");
  EXPECT_EQ(list.out.find("argon2"), std::string::npos);  // no hash either

  auto store = open_store(store_);
  auth::AuthService auth(*store, [] { return *parse_timestamp("2026-11-23T10:00"); });
  EXPECT_TRUE(auth.login("boss", kPassword).ok());
}

TEST_F(UsersCli, GeneratedPasswordIsPrintedOnceAndWorks) {
  auto add = users("add desk --role intake --generate --format json");
  ASSERT_EQ(add.code, 0) << add.err;
  const std::string password = nlohmann::json::parse(add.out)["password"];
  EXPECT_EQ(password.size(), 20u);
  auto store = open_store(store_);
  auth::AuthService auth(*store, [] { return *parse_timestamp("2026-11-23T10:00"); });
  EXPECT_TRUE(auth.login("desk", password).ok());
  EXPECT_EQ(users("list").out.find(password), std::string::npos);
}

TEST_F(UsersCli, PasswordMustComeFromStdinOrBeGenerated) {
  // Without a source: refused, nothing stored.
  auto none = users("add boss --role administrator");
  EXPECT_EQ(none.code, 1);
  EXPECT_NE(none.err.find("--password-stdin"), std::string::npos) << none.err;
  // No option takes a password on the command line.
  auto argv = users("add boss --role administrator --password " + testing::quoted(kPassword));
  EXPECT_EQ(argv.code, 2);
  EXPECT_EQ(argv.out.find(kPassword), std::string::npos);
  // Both sources at once: a usage error.
  EXPECT_EQ(users("add boss --role administrator --password-stdin --generate", kPassword).code, 2);
  // Empty stdin, weak password.
  EXPECT_EQ(users("add boss --role administrator --password-stdin").code, 1);
  auto weak = users("add boss --role administrator --password-stdin", "password\n");
  EXPECT_EQ(weak.code, 1);
  EXPECT_NE(weak.err.find("12"), std::string::npos) << weak.err;
  EXPECT_EQ(nlohmann::json::parse(users("list --format json").out).size(), 0u);
}

TEST_F(UsersCli, RoleAndReviewerIdAreChecked) {
  EXPECT_EQ(users("add x --role superuser --generate").code, 2);
  auto no_registry = users("add doc --role reviewer --reviewer-id T-1 --generate");
  EXPECT_EQ(no_registry.code, 1);
  EXPECT_NE(no_registry.err.find("registry"), std::string::npos) << no_registry.err;
  EXPECT_EQ(users("add doc --role reviewer --generate").code, 1);
  auto reg = run_imr("reviewers import --store " + testing::quoted(store_) + " " +
                     testing::quoted(std::string(IMR_FIXTURES_DIR) + "/reviewers/registry.json"));
  ASSERT_EQ(reg.code, 0) << reg.err;
  auto ok = users("add doc --role reviewer --reviewer-id T-1 --password-stdin", kPassword);
  ASSERT_EQ(ok.code, 0) << ok.err;
  auto all = nlohmann::json::parse(users("list --format json").out);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["reviewer_id"], "T-1");
  // A second user with the same id: conflict.
  EXPECT_EQ(users("add doc --role intake --generate").code, 5);
}

TEST_F(UsersCli, DeactivateLocksTheUserOutAndActivateLetsItBackIn) {
  auto add = users("add desk --role intake --generate --format json");
  ASSERT_EQ(add.code, 0) << add.err;
  const std::string password = nlohmann::json::parse(add.out)["password"];
  ASSERT_EQ(users("deactivate desk").code, 0);
  EXPECT_FALSE(nlohmann::json::parse(users("list --format json").out)[0].value("active", true));
  auto store = open_store(store_);
  auth::AuthService auth(*store, [] { return *parse_timestamp("2026-11-23T10:00"); });
  EXPECT_FALSE(auth.login("desk", password).ok());
  ASSERT_EQ(users("activate desk").code, 0);
  EXPECT_TRUE(auth.login("desk", password).ok());
  auto unknown = users("deactivate nobody");
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
}

TEST_F(UsersCli, Passwd) {
  ASSERT_EQ(users("add boss --role administrator --password-stdin", kPassword).code, 0);
  auto changed = users("passwd boss --password-stdin", "Another password 9\r\n");
  ASSERT_EQ(changed.code, 0) << changed.err;
  EXPECT_EQ(changed.out, "Changed the password of boss.\n");
  EXPECT_EQ(changed.out.find("Another"), std::string::npos);
  auto store = open_store(store_);
  auth::AuthService auth(*store, [] { return *parse_timestamp("2026-11-23T10:00"); });
  EXPECT_FALSE(auth.login("boss", kPassword).ok());
  EXPECT_TRUE(auth.login("boss", "Another password 9").ok());
  auto unknown = users("passwd nobody --password-stdin", kPassword);
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
}

}  // namespace
}  // namespace imr
