// `imr users add|list|passwd|deactivate|activate` — workbench users (auth/). Passwords come from standard input
// (--password-stdin) or are generated and printed once (--generate); never from the command
// line, where other users of the machine could read them. There is no default user or
// password: the first administrator is added here.
#include <cstdlib>
#include <iostream>
#include <istream>

#include <fmt/format.h>

#include "auth/auth_service.h"
#include "auth/password.h"
#include "cli/service_setup.h"
#include "core/error.h"

namespace imr::cli {

namespace {

// The first line of standard input, without its line ending; bounded.
std::string read_password(std::istream& in) {
  std::string line;
  char c;
  while (in.get(c) && c != '\n') {
    if (line.size() > auth::kMaxPasswordLength) throw InputError("password", "longer than 1024 characters");
    line += c;
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw InputError("password", "standard input held no password");
  return line;
}

struct PasswordSource {
  bool from_stdin = false;
  bool generate = false;
};

void add_password_options(CLI::App* cmd, PasswordSource& source) {
  auto* in = cmd->add_flag("--password-stdin", source.from_stdin, "Read the password from the first line of stdin");
  auto* gen = cmd->add_flag("--generate", source.generate, "Generate a password and print it once");
  in->excludes(gen);
  gen->excludes(in);
}

// The password to set, and whether it was generated (and so must be shown once).
std::string obtain_password(const PasswordSource& source) {
  if (source.generate) return auth::generate_password();
  if (source.from_stdin) return read_password(std::cin);
  throw InputError("password", "give --password-stdin (and the password on stdin) or --generate");
}

}  // namespace

Action add_users_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("users", "Workbench users: add, list, change a password");
  cmd->require_subcommand(1);
  struct Opts {
    ServiceOptions service;
    std::string id, role, reviewer_id;
    PasswordSource password;
  };
  auto o = std::make_shared<Opts>();
  auto* add = cmd->add_subcommand("add", "Add a user (the first administrator is created this way)");
  add_service_options(add, o->service);
  add->add_option("id", o->id, "User id")->required();
  add->add_option("--role", o->role, "administrator, intake or reviewer")
      ->required()
      ->check(CLI::IsMember({"administrator", "intake", "reviewer"}));
  add->add_option("--reviewer-id", o->reviewer_id, "For a reviewer: the registry id the user acts as");
  add_password_options(add, o->password);
  auto* list = cmd->add_subcommand("list", "List users (never their passwords)");
  add_service_options(list, o->service);
  auto* passwd = cmd->add_subcommand("passwd", "Set a user's password");
  add_service_options(passwd, o->service);
  passwd->add_option("id", o->id, "User id")->required();
  add_password_options(passwd, o->password);
  auto* deactivate = cmd->add_subcommand("deactivate", "Deactivate a user: no login, sessions end at once");
  add_service_options(deactivate, o->service);
  deactivate->add_option("id", o->id, "User id")->required();
  auto* activate = cmd->add_subcommand("activate", "Reactivate a deactivated user");
  add_service_options(activate, o->service);
  activate->add_option("id", o->id, "User id")->required();

  return [o, add, passwd, deactivate, activate, &global]() {
    (void)global;
    const std::string actor = acting_user(o->service);
    const auto clock = service_clock(o->service);
    auto store = open_store(o->service.store.empty() ? "imr.db" : o->service.store);
    auth::AuthService auth(*store, clock);

    if (deactivate->parsed() || activate->parsed()) {
      const bool active = activate->parsed();
      auth.set_active(o->id, active, actor);
      print(o->service, nlohmann::json{{"id", o->id}, {"active", active}},
            fmt::format("{} {}.\n", active ? "Reactivated" : "Deactivated", o->id));
      return kExitOk;
    }
    if (add->parsed() || passwd->parsed()) {
      const std::string password = obtain_password(o->password);
      std::string text;
      nlohmann::json json{{"id", o->id}};
      if (add->parsed()) {
        auto user = auth.add_user({o->id, *auth::parse_role(o->role), o->reviewer_id}, password, actor);
        text = fmt::format("Added {} ({}).\n", user.id, auth::role_name(user.role));
        json["role"] = auth::role_name(user.role);
      } else {
        auth.set_password(o->id, password, actor);
        text = fmt::format("Changed the password of {}.\n", o->id);
      }
      if (o->password.generate) {  // shown once, here; never stored
        text += fmt::format("Password (shown once): {}\n", password);
        json["password"] = password;
      }
      print(o->service, json, text);
      return kExitOk;
    }

    nlohmann::json all = nlohmann::json::array();
    std::string text;
    for (const auto& u : auth.users()) {
      all.push_back(auth::to_json(u));
      text += fmt::format("{:<20} {:<14} {:<10} {}{}\n", u.id, auth::role_name(u.role), u.reviewer_id, u.created_at,
                          u.active ? "" : " (inactive)");
    }
    if (all.empty()) text = "No users. Add the first administrator with: imr users add ID --role administrator --generate\n";
    print(o->service, all, text);
    return kExitOk;
  };
}

}  // namespace imr::cli
