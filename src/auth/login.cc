#include "auth/login.h"

#include <nlohmann/json.hpp>

#include "auth/password.h"

namespace imr::auth {

namespace {

const char* kRefused = "wrong user name or password";

// Checked when the user id is unknown, so an unknown id costs as much as a wrong password.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("no user has this password, it only spends time");
  return hash;
}

void audit(StoreTx& tx, const std::string& user_id, Timestamp now, const std::string& action,
           const std::string& reason) {
  nlohmann::json detail = nlohmann::json::object();
  if (!reason.empty()) detail["reason"] = reason;
  tx.append_audit(AuditRow{0, "", now.iso(), user_id, action, detail.dump()});
}

}  // namespace

LoginResult login(Store& store, const std::string& user_id, std::string_view password,
                  const std::function<Timestamp()>& clock, const LoginPolicy& policy) {
  LoginResult result;
  result.message = kRefused;
  if (user_id.empty() || user_id.size() > kMaxUserIdLength || password.size() > kMaxPasswordLength) return result;

  const Timestamp now = clock();
  const std::string since = now.plus_seconds(-policy.window_seconds).iso();
  int64_t failures = 0;
  std::optional<UserRow> row;
  store.transact([&](StoreTx& tx) {
    failures = tx.count_failed_logins_since(user_id, since);
    row = tx.find_user(user_id);
    if (failures >= policy.max_failures) audit(tx, user_id, now, "login_refused", "rate_limited");
  });
  if (failures >= policy.max_failures) {
    result.outcome = LoginOutcome::rate_limited;
    result.message = "too many failed logins for " + user_id + "; try again in " +
                     std::to_string((policy.window_seconds + 59) / 60) + " minutes";
    return result;
  }

  const bool verified = verify_password(password, row ? row->password_hash : dummy_hash());
  const bool ok = verified && row && row->active;
  std::optional<NewSession> session;
  store.transact([&](StoreTx& tx) {
    tx.record_login_attempt(user_id, now.iso(), ok);
    if (ok) {
      session = create_session(tx, user_id, now, policy.session_seconds);
      audit(tx, user_id, now, "login", "");
    } else {
      audit(tx, user_id, now, "login_refused", !row ? "unknown_user" : !verified ? "wrong_password" : "inactive");
    }
  });
  if (!ok) return result;
  result.outcome = LoginOutcome::ok;
  result.message.clear();
  result.user = user_from_row(*row);
  result.session = std::move(session);
  return result;
}

}  // namespace imr::auth
