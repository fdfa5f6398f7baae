// Login throttling, held in the server process's memory and exact under concurrency.
//
// Three counts of failed logins within LoginPolicy::window_seconds, each checked before the
// (deliberately slow) password check is allowed to start:
//   - per user id and client address (max_failures): guessing one user's password from one
//     place;
//   - per client address (max_failures_per_address), whatever the user id: guessing many
//     users' passwords, or unknown ids, from one place. IPv6 addresses count by their /64;
//   - per user id from every address (max_failures_per_user): guessing from many places.
//     It is not applied at the user's known addresses (a successful login from there within
//     known_address_days), so a stranger who knows a user id can lock out only themselves
//     and addresses the user has never used, never the user at their usual place.
// An attempt in progress counts as a failure until it ends, so N concurrent attempts can
// never get more checks through than the limit (the race the store-based count had).
//
// An administrator's password reset clears the user's counts: directly when it runs in this
// process (forget_user), and from any other process (`imr users passwd`) through the
// credential fingerprint that admit() compares with the one it saw last.
//
// Counts are per server process and forgotten on restart; memory is bounded by the number
// of existing users and by max_tracked_addresses (oldest idle entries swept first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "auth/sessions.h"
#include "core/limits.h"
#include "core/timestamp.h"

namespace imr::auth {

struct LoginPolicy {
  // The defaults are core/limits.h's (docs/limits.md).
  int max_failures = limits::kMaxLoginFailures;                       // per user id and address
  int max_failures_per_address = limits::kMaxLoginFailuresPerAddress;  // per address, any user id
  int max_failures_per_user = limits::kMaxLoginFailuresPerUser;        // per user id, not at known addresses
  int64_t window_seconds = limits::kLoginWindowSeconds;
  int known_address_days = limits::kKnownAddressDays;  // a successful login makes its address known
  int max_concurrent_checks = limits::kPasswordChecksAtOnce;  // Argon2id checks at once (64 MiB each)
  int check_wait_seconds = limits::kPasswordCheckWaitSeconds;  // waiting longer for a slot: "busy"
  size_t max_tracked_addresses = 100'000;
  int64_t session_seconds = kDefaultSessionSeconds;
};

// The client address as the limiter counts it: IPv6 by its /64 prefix (one host owns a
// whole /64), IPv4 and anything else as given; "" (a local caller) as "local".
std::string address_key(const std::string& address);

class LoginLimiter {
 public:
  explicit LoginLimiter(const LoginPolicy& policy);

  // Before a password check. `user_exists` and `credential` (a fingerprint of the stored
  // hash; 0 when the user is unknown) come from the store. Returns "" when the attempt may
  // go on (it then counts as in progress until finish()), else which limit refused it.
  std::string admit(const std::string& user_id, const std::string& address, bool user_exists,
                    uint64_t credential, Timestamp now);
  enum class Outcome { succeeded, failed, not_checked };
  // After the check: every admit() that returned "" is finished exactly once. A failure
  // counts; a success clears the user's count at that address and makes the address known.
  void finish(const std::string& user_id, const std::string& address, bool user_exists, Outcome outcome,
              Timestamp now);
  // Clears the user's counts (an administrator reset the password or reactivated the user).
  void forget_user(const std::string& user_id);

  // Password checks admitted and not yet finished (for tests and the health figures).
  int in_progress() const;

 private:
  struct Count {
    std::vector<Timestamp> failures;  // within the window (older ones dropped on use)
    int in_progress = 0;
    int recent(Timestamp since);      // drops failures before `since`, returns the rest + in progress
  };
  struct UserState {
    uint64_t credential = 0;
    Count everywhere;
    std::map<std::string, Count> by_address;
    std::map<std::string, Timestamp> known_addresses;  // address -> last successful login
  };

  void sweep(Timestamp now);

  LoginPolicy policy_;
  mutable std::mutex mutex_;
  std::map<std::string, UserState> users_;   // existing users only
  std::map<std::string, Count> addresses_;
  int in_progress_ = 0;
};

}  // namespace imr::auth
