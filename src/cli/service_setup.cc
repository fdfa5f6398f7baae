#include "cli/service_setup.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "core/error.h"

namespace imr::cli {

void add_service_options(CLI::App* cmd, ServiceOptions& opts) {
  cmd->add_option("--store", opts.store, "Case store: a SQLite file, or a postgresql:// URL (default imr.db)")
      ->envname("IMR_STORE");
  cmd->add_option("--as", opts.actor, "Who is acting (user or reviewer id), for the audit trail")
      ->envname("IMR_USER");
  cmd->add_option("--now", opts.now, "Fixed current time, YYYY-MM-DDTHH:MM (default: the clock)")
      ->envname("IMR_NOW");
  cmd->add_option("--format", opts.format, "text or json")->check(CLI::IsMember({"text", "json"}));
}

std::string store_location(const ServiceOptions& opts) { return opts.store.empty() ? "imr.db" : opts.store; }

std::string acting_user(const ServiceOptions& opts) {
  if (!opts.actor.empty()) return opts.actor;
  const char* user = std::getenv("USER");
  return user && *user ? std::string(user) : "cli";
}

std::function<Timestamp()> service_clock(const ServiceOptions& opts) {
  if (opts.now.empty()) return now_local;
  auto fixed = parse_timestamp(opts.now);
  if (!fixed) throw InputError("--now", "not a time (YYYY-MM-DDTHH:MM): '" + opts.now + "'");
  return [t = *fixed] { return t; };
}

ServiceHandle open_service(const ServiceOptions& opts, const GlobalOptions& global) {
  ServiceHandle h;
  h.actor = acting_user(opts);
  h.context = load_service_context(data_dir(global), load_knowledge(data_dir(global)));
  h.context.clock = service_clock(opts);
  h.store = open_store(store_location(opts));
  h.service = std::make_unique<CaseService>(*h.store, h.context);
  return h;
}

void print(const ServiceOptions& opts, const nlohmann::json& json, const std::string& text) {
  if (opts.format == "json")
    std::cout << json.dump(2) << "\n";
  else
    std::cout << text;
}

}  // namespace imr::cli
