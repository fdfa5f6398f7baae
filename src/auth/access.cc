#include "auth/access.h"

namespace imr::auth {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "intake") return Role::intake;
  if (text == "reviewer") return Role::reviewer;
  if (text == "administrator") return Role::administrator;
  return std::nullopt;
}

std::string role_name(Role role) {
  switch (role) {
    case Role::intake: return "intake";
    case Role::reviewer: return "reviewer";
    case Role::administrator: return "administrator";
  }
  return "intake";
}

User user_from_row(const UserRow& row) {
  auto role = parse_role(row.role);
  if (!role) throw StoreError("user " + row.id + " has an unknown role '" + row.role + "'");
  return User{row.id, *role, row.reviewer_id, row.active, row.created_at};
}

namespace {

// A reviewer's own case: assigned to the registry id it acts as (never an unassigned case).
bool own_case(const User& user, const CaseRow& c) {
  return user.role == Role::reviewer && !user.reviewer_id.empty() && c.reviewer_id == user.reviewer_id;
}

}  // namespace

bool can_read_case(const User& user, const CaseRow& c) {
  if (!user.active) return false;
  if (user.role == Role::reviewer) return own_case(user, c);
  return true;
}

bool can_sign(const User& user, const CaseRow& c) { return user.active && own_case(user, c); }

bool can_create_case(const User& user) {
  return user.active && (user.role == Role::intake || user.role == Role::administrator);
}

bool can_manage_users(const User& user) { return user.active && user.role == Role::administrator; }

nlohmann::json to_json(const User& user) {
  return {{"id", user.id},
          {"role", role_name(user.role)},
          {"reviewer_id", user.reviewer_id},
          {"active", user.active},
          {"created_at", user.created_at}};
}

}  // namespace imr::auth
