// Logging in: the throttle, the password check, the attempt record and the new session.
//
// Before the password check, the attempt must be admitted by the LoginLimiter
// (auth/login_limiter.h: per user id and client address, per address, and per user id except
// at the user's known addresses; exact under concurrency); refused attempts get
// `rate_limited` without a check, even with the right password. Admitted checks then wait for
// one of LoginPolicy::max_concurrent_checks slots (each Argon2id check takes 64 MiB), and a
// login that waits longer than check_wait_seconds gets `busy`. Attempts on unknown ids count
// against the address and cost the same password check, so timing does not reveal which ids
// exist. Every attempt is audited (case_id "", actor the user id, never a password) and
// recorded in the store's login_attempts with its outcome.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

#include "auth/access.h"
#include "auth/login_limiter.h"
#include "auth/sessions.h"
#include "core/timestamp.h"
#include "store/store.h"

namespace imr::auth {

enum class LoginOutcome {
  ok,            // session created
  refused,       // unknown user, wrong password or inactive user (one message for all three)
  rate_limited,  // too many recent failures: refused without checking the password
  busy,          // every password-check slot stayed taken for check_wait_seconds
};

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::refused;
  std::string message;                // for the user; "" when ok
  std::optional<User> user;           // when ok
  std::optional<NewSession> session;  // when ok
  bool ok() const { return outcome == LoginOutcome::ok; }
};

inline constexpr size_t kMaxUserIdLength = 64;

// The process's throttle and password-check slots, shared by every login.
class LoginGate {
 public:
  explicit LoginGate(const LoginPolicy& policy);
  LoginLimiter& limiter() { return limiter_; }
  // Takes a check slot, waiting up to check_wait_seconds; false when none came free.
  bool acquire_check();
  void release_check();
  // The most checks that ran at once since construction (tests and figures).
  int peak_checks() const { return peak_.load(); }

 private:
  LoginPolicy policy_;
  LoginLimiter limiter_;
  std::counting_semaphore<1024> slots_;
  std::atomic<int> running_{0};
  std::atomic<int> peak_{0};
};

// `client_address` is the address the attempt came from ("" for a local caller).
LoginResult login(Store& store, LoginGate& gate, const std::string& user_id, std::string_view password,
                  const std::string& client_address, const std::function<Timestamp()>& clock,
                  const LoginPolicy& policy = {});

}  // namespace imr::auth
