// Shared by the case-service commands: options every one of them takes (--store, --as,
// --now, --format) and opening the store and the service from them.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "service/case_service.h"
#include "store/store.h"

namespace imr::cli {

struct ServiceOptions {
  std::string store;        // --store / $IMR_STORE; default imr.db in the working directory
  std::string actor;        // --as / $IMR_USER; default the login name
  std::string now;          // --now / $IMR_NOW: a fixed clock (tests, back-dated entry)
  std::string format = "text";
};

// Adds --store, --as, --now and --format to a subcommand.
void add_service_options(CLI::App* cmd, ServiceOptions& opts);

// The store's location: --store / $IMR_STORE, else imr.db in the working directory.
std::string store_location(const ServiceOptions& opts);
// Who is acting: --as / $IMR_USER, else the login name, else "cli".
std::string acting_user(const ServiceOptions& opts);
// The clock: fixed by --now / $IMR_NOW (InputError when it is not a time), else the real one.
std::function<Timestamp()> service_clock(const ServiceOptions& opts);

// Everything a case command works with, opened from the options.
struct ServiceHandle {
  std::unique_ptr<Store> store;
  ServiceContext context;
  std::unique_ptr<CaseService> service;
  std::string actor;
};
ServiceHandle open_service(const ServiceOptions& opts, const GlobalOptions& global);

// Prints JSON (pretty) or text.
void print(const ServiceOptions& opts, const nlohmann::json& json, const std::string& text);

}  // namespace imr::cli
