// `imr serve` — the workbench: the JSON API and the web app over the same store the other
// commands use. Runs until SIGTERM or SIGINT, then finishes the requests it accepted and
// exits 0.
#include <pthread.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "auth/auth_service.h"
#include "cli/service_setup.h"
#include "core/error.h"
#include "core/file.h"
#include "corpus/schema.h"
#include "server/server.h"

namespace imr::cli {

Action add_serve_command(CLI::App& app, const GlobalOptions& global) {
  auto* cmd = app.add_subcommand("serve", "Serve the reviewer workbench and its JSON API (docs/api.md)");
  struct Opts {
    ServiceOptions service;
    server::ServerOptions server;
    std::string port_file;
    size_t max_body_mb = limits::kMaxBodyBytes >> 20;
    bool quiet = false;
    bool api_only = false;
  };
  auto o = std::make_shared<Opts>();
  add_service_options(cmd, o->service);
  o->server.web_dir = IMR_DEFAULT_WEB_DIR;
  cmd->add_option("--host", o->server.host, "Address to listen on (default 127.0.0.1)");
  cmd->add_option("--port", o->server.port, "Port (default 8080; 0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--port-file", o->port_file, "Write the port listened on to this file once listening");
  cmd->add_option("--web", o->server.web_dir, "The built workbench (default: the source tree's web/dist)");
  cmd->add_flag("--api-only", o->api_only, "Serve the API without the web app");
  cmd->add_option("--max-body-mb", o->max_body_mb, "Largest upload accepted, MiB (default 40; docs/limits.md)")
      ->check(CLI::Range(1, 1024));
  cmd->add_option("--threads", o->server.threads, "Worker threads (default 16)")->check(CLI::Range(2, 256));
  cmd->add_option("--max-connections", o->server.max_connections, "Connections open at once (default 256)")
      ->check(CLI::Range(4, 100000));
  cmd->add_option("--max-connections-per-address", o->server.max_connections_per_address,
                  "Connections open at once from one client address (default 32)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--trusted-proxy", o->server.trusted_proxies,
                  "Address of a reverse proxy whose X-Forwarded-For is believed (repeatable; docs/deployment.md)");
  cmd->add_flag("--quiet", o->quiet, "Log errors only, not every request");
  cmd->add_flag("--secure-cookies", o->server.secure_cookies, "Mark the session cookie Secure (behind TLS)");

  return [o, &global]() {
    // SIGTERM and SIGINT are taken by one thread (sigwait), blocked in every other: the
    // worker threads inherit the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    ServiceHandle h = open_service(o->service, global);
    auth::AuthService auth(*h.store, h.context.clock);
    server::ServerOptions options = o->server;
    options.max_body_bytes = o->max_body_mb << 20;
    options.log_requests = !o->quiet;
    options.openapi_path = (std::filesystem::path(data_dir(global)) / "openapi.json").string();
    options.rules_version = h.context.knowledge->rules.version();
    if (o->api_only) options.web_dir.clear();
    // The decision corpus lives in the same store (`imr corpus add --store` the same location):
    // its tables made or upgraded once, then read through a connection that only reads, so a
    // long search never holds up a case's writes (every read of a case is an audit write).
    corpus::open_corpus(store_location(o->service));
    const std::unique_ptr<sql::Database> corpus = sql::open_database_reader(store_location(o->service));
    server::WorkbenchServer server(*h.store, *h.service, auth, options, std::cerr);
    server.attach_corpus(*corpus, h.context.knowledge->drugs, h.context.knowledge->services);
    if (!server.bind())
      throw InputError(fmt::format("{}:{}", options.host, options.port), "cannot listen there (in use?)");
    if (!o->port_file.empty()) write_file_atomic(o->port_file, std::to_string(server.port()) + "\n");

    std::thread waiter([&server, signals] {
      int received = 0;
      sigwait(&signals, &received);
      server.stop();
    });
    server.listen();
    // listen() also returns when the socket fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return kExitOk;
  };
}

}  // namespace imr::cli
