#include "auth/login.h"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "auth/password.h"
#include "core/hash.h"

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

// Which stored credential an attempt was judged against: a reset changes it.
uint64_t credential_fingerprint(const std::optional<UserRow>& row) {
  if (!row) return 0;
  const std::string digest = sha256_hex(row->password_hash + (row->active ? "+" : "-"));
  return std::stoull(digest.substr(0, 15), nullptr, 16) + 1;
}

}  // namespace

LoginGate::LoginGate(const LoginPolicy& policy)
    : policy_(policy), limiter_(policy), slots_(std::clamp(policy.max_concurrent_checks, 1, 1024)) {}

bool LoginGate::acquire_check() {
  if (!slots_.try_acquire_for(std::chrono::seconds(policy_.check_wait_seconds))) return false;
  const int now = ++running_;
  int seen = peak_.load();
  while (now > seen && !peak_.compare_exchange_weak(seen, now)) {
  }
  return true;
}

void LoginGate::release_check() {
  --running_;
  slots_.release();
}

LoginResult login(Store& store, LoginGate& gate, const std::string& user_id, std::string_view password,
                  const std::string& client_address, const std::function<Timestamp()>& clock,
                  const LoginPolicy& policy) {
  LoginResult result;
  result.message = kRefused;
  if (user_id.empty() || user_id.size() > kMaxUserIdLength || password.size() > kMaxPasswordLength) return result;

  const Timestamp now = clock();
  std::optional<UserRow> row;
  store.transact([&](StoreTx& tx) { row = tx.find_user(user_id); });
  const bool exists = row.has_value();
  const std::string refused_by = gate.limiter().admit(user_id, client_address, exists, credential_fingerprint(row), now);
  if (!refused_by.empty()) {
    store.transact([&](StoreTx& tx) { audit(tx, user_id, now, "login_refused", "rate_limited: " + refused_by); });
    result.outcome = LoginOutcome::rate_limited;
    result.message = "too many failed logins; try again in " + std::to_string((policy.window_seconds + 59) / 60) +
                     " minutes";
    return result;
  }

  if (!gate.acquire_check()) {
    gate.limiter().finish(user_id, client_address, exists, LoginLimiter::Outcome::not_checked, now);
    result.outcome = LoginOutcome::busy;
    result.message = "the server is busy checking other logins; try again in a moment";
    return result;
  }
  bool verified = false;
  try {
    verified = verify_password(password, row ? row->password_hash : dummy_hash());
  } catch (...) {
    gate.release_check();
    gate.limiter().finish(user_id, client_address, exists, LoginLimiter::Outcome::failed, now);
    throw;
  }
  gate.release_check();
  const bool ok = verified && row && row->active;
  gate.limiter().finish(user_id, client_address, exists,
                        ok ? LoginLimiter::Outcome::succeeded : LoginLimiter::Outcome::failed, now);

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
