// The access-control service the server and `imr users` call: users, logins and sessions
// over a Store, each operation one transaction with its audit entry (case_id "", actor the
// acting user, never a password or hash). Like CaseService it holds no mutable state and may
// be shared by threads when its Store is.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/access.h"
#include "auth/login.h"
#include "auth/sessions.h"
#include "core/timestamp.h"
#include "store/store.h"

namespace imr::auth {

struct NewUser {
  std::string id;           // 1-64 characters: letters, digits, '.', '_', '-', '@'
  Role role = Role::intake;
  std::string reviewer_id;  // required for a reviewer (a registry id in the store), else ""
};

// A valid session and its (active) user.
struct Session {
  User user;
  SessionRow row;
};

class AuthService {
 public:
  explicit AuthService(Store& store, std::function<Timestamp()> clock = now_local, LoginPolicy policy = {});

  // Adds a user. Throws InputError for a bad id, a password that fails the policy, or a
  // reviewer id missing, unknown, or given for another role; ConflictError for a known id.
  User add_user(const NewUser& user, std::string_view password, const std::string& actor);
  // Replaces a user's password (same policy) and clears the user's failed-login counts.
  // Throws NotFoundError for an unknown user.
  void set_password(const std::string& id, std::string_view password, const std::string& actor);

  // Deactivates or reactivates a user. An inactive user cannot log in, and its sessions stop
  // working at once. Throws NotFoundError for an unknown user, InputError when `actor`
  // deactivates itself (an administrator must not lock the last door by accident).
  void set_active(const std::string& id, bool active, const std::string& actor);

  std::vector<User> users() const;
  std::optional<User> find_user(const std::string& id) const;

  // A login from `client_address` ("" for a local caller), throttled by this service's
  // LoginGate (auth/login.h): one per process, shared by every thread.
  LoginResult login(const std::string& id, std::string_view password, const std::string& client_address = "") const;
  LoginGate& login_gate() const { return *gate_; }
  // The session for a token: nullopt when unknown, expired, revoked, or its user inactive.
  std::optional<Session> session(std::string_view token) const;
  bool logout(std::string_view token) const;

 private:
  Store& store_;
  std::function<Timestamp()> clock_;
  LoginPolicy policy_;
  std::shared_ptr<LoginGate> gate_;
};

// Throws InputError("user", ...) when id is not 1-64 of [A-Za-z0-9._@-].
void check_user_id(const std::string& id);

}  // namespace imr::auth
