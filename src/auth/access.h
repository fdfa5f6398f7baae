// Who may do what in the workbench: pure rules over plain structs, called by the server
// before every operation (and tested one by one, so removing a rule fails a test).
//
//   intake         reads every case, creates cases and attaches records; never signs
//   reviewer       reads and signs only the cases assigned to the registry id it acts as
//   administrator  reads every case, creates cases, manages users; never signs
//
// An inactive user may do nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "store/store.h"

namespace imr::auth {

enum class Role { intake, reviewer, administrator };

// "intake" | "reviewer" | "administrator" (the store's spelling); nullopt for anything else.
std::optional<Role> parse_role(std::string_view text);
std::string role_name(Role role);

struct User {
  std::string id;
  Role role = Role::intake;
  std::string reviewer_id;  // reviewers: the registry id they act as; "" otherwise
  bool active = true;
  std::string created_at;
};

// The user in a store row; throws StoreError for a role the store should never hold.
User user_from_row(const UserRow& row);
// {"id", "role", "reviewer_id", "active", "created_at"}: what `imr users list` and the API show.
nlohmann::json to_json(const User& user);

bool can_read_case(const User& user, const CaseRow& c);
bool can_sign(const User& user, const CaseRow& c);
bool can_create_case(const User& user);
bool can_manage_users(const User& user);

}  // namespace imr::auth
