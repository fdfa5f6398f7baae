// Logging in: the rate limit, the password check, the attempt record and the new session.
//
// At most LoginPolicy::max_failures failed attempts per user id within window_seconds; past
// that, login is refused with a clear message even with the right password, until the
// failures age out of the window. Attempts on unknown ids count too (and cost the same
// password check, so timing does not reveal which ids exist). Every attempt is audited
// (case_id "", actor the user id, no password ever).
//
// The password check runs outside any store transaction (it is deliberately slow), so two
// attempts racing may both pass the limit check: the limit can be exceeded by the number of
// concurrent attempts, never more.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "auth/access.h"
#include "auth/sessions.h"
#include "core/timestamp.h"
#include "store/store.h"

namespace imr::auth {

struct LoginPolicy {
  int max_failures = 5;
  int64_t window_seconds = 15 * 60;
  int64_t session_seconds = kDefaultSessionSeconds;
};

enum class LoginOutcome {
  ok,            // session created
  refused,       // unknown user, wrong password or inactive user (one message for all three)
  rate_limited,  // too many recent failures: refused without checking the password
};

struct LoginResult {
  LoginOutcome outcome = LoginOutcome::refused;
  std::string message;                // for the user; "" when ok
  std::optional<User> user;           // when ok
  std::optional<NewSession> session;  // when ok
  bool ok() const { return outcome == LoginOutcome::ok; }
};

inline constexpr size_t kMaxUserIdLength = 64;

LoginResult login(Store& store, const std::string& user_id, std::string_view password,
                  const std::function<Timestamp()>& clock, const LoginPolicy& policy = {});

}  // namespace imr::auth
