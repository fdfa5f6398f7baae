#include "auth/auth_service.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "auth/password.h"
#include "core/error.h"
#include "service/case_service.h"

namespace imr::auth {

void check_user_id(const std::string& id) {
  auto allowed = [](unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-' || c == '@';
  };
  if (id.empty() || id.size() > kMaxUserIdLength || !std::all_of(id.begin(), id.end(), allowed))
    throw InputError("user", "a user id is 1 to 64 letters, digits, '.', '_', '-' or '@': '" +
                                 id.substr(0, kMaxUserIdLength) + "'");
}

AuthService::AuthService(Store& store, std::function<Timestamp()> clock, LoginPolicy policy)
    : store_(store), clock_(std::move(clock)), policy_(policy), gate_(std::make_shared<LoginGate>(policy)) {}

User AuthService::add_user(const NewUser& user, std::string_view password, const std::string& actor) {
  check_user_id(user.id);
  if (user.role == Role::reviewer && user.reviewer_id.empty())
    throw InputError("user " + user.id, "a reviewer user needs the registry id it acts as (--reviewer-id)");
  if (user.role != Role::reviewer && !user.reviewer_id.empty())
    throw InputError("user " + user.id, "only a reviewer user has a reviewer id");
  check_password_policy(password);
  UserRow row{user.id, role_name(user.role), user.reviewer_id, hash_password(password), true, clock_().iso()};
  store_.transact([&](StoreTx& tx) {
    if (user.role == Role::reviewer) {
      auto all = tx.reviewers();
      if (std::none_of(all.begin(), all.end(), [&](const ReviewerRow& r) { return r.id == user.reviewer_id; }))
        throw InputError("user " + user.id, "no reviewer '" + user.reviewer_id + "' in the registry (imr reviewers list)");
    }
    tx.insert_user(row);
    nlohmann::json detail{{"user", row.id}, {"role", row.role}};
    if (!row.reviewer_id.empty()) detail["reviewer_id"] = row.reviewer_id;
    tx.append_audit(AuditRow{0, "", row.created_at, actor, "user_added", detail.dump()});
  });
  return user_from_row(row);
}

void AuthService::set_password(const std::string& id, std::string_view password, const std::string& actor) {
  check_password_policy(password);
  const std::string hash = hash_password(password);
  const std::string now = clock_().iso();
  store_.transact([&](StoreTx& tx) {
    if (!tx.update_user_password(id, hash)) throw NotFoundError("no user '" + id + "'");
    tx.append_audit(AuditRow{0, "", now, actor, "password_changed", nlohmann::json{{"user", id}}.dump()});
  });
  gate_->limiter().forget_user(id);
}

void AuthService::set_active(const std::string& id, bool active, const std::string& actor) {
  if (!active && id == actor) throw InputError("user", "you cannot deactivate yourself");
  const std::string now = clock_().iso();
  store_.transact([&](StoreTx& tx) {
    if (!tx.update_user_active(id, active)) throw NotFoundError("no user '" + id + "'");
    tx.append_audit(AuditRow{0, "", now, actor, active ? "user_activated" : "user_deactivated",
                             nlohmann::json{{"user", id}}.dump()});
  });
  if (active) gate_->limiter().forget_user(id);
}

std::vector<User> AuthService::users() const {
  std::vector<User> out;
  store_.transact([&](StoreTx& tx) {
    for (const auto& row : tx.list_users()) out.push_back(user_from_row(row));
  });
  return out;
}

std::optional<User> AuthService::find_user(const std::string& id) const {
  std::optional<User> out;
  store_.transact([&](StoreTx& tx) {
    if (auto row = tx.find_user(id)) out = user_from_row(*row);
  });
  return out;
}

LoginResult AuthService::login(const std::string& id, std::string_view password,
                               const std::string& client_address) const {
  return auth::login(store_, *gate_, id, password, client_address, clock_, policy_);
}

std::optional<Session> AuthService::session(std::string_view token) const {
  std::optional<Session> out;
  const Timestamp now = clock_();
  store_.transact([&](StoreTx& tx) {
    auto row = check_session(tx, token, now);
    if (!row) return;
    auto user = tx.find_user(row->user_id);
    if (!user || !user->active) return;
    out = Session{user_from_row(*user), *row};
  });
  return out;
}

bool AuthService::logout(std::string_view token) const {
  bool revoked = false;
  store_.transact([&](StoreTx& tx) { revoked = revoke_session(tx, token); });
  return revoked;
}

}  // namespace imr::auth
