// `imr serve`: the case service and the access rules behind a JSON API (docs/api.md, with the
// OpenAPI document at /api/openapi.json), and the web workbench (web/dist) on the same origin.
//
// Every /api request is one call into CaseService or AuthService; the server adds only what
// HTTP needs: sessions from the HttpOnly cookie, the CSRF header on every state-changing
// request, the role rules of auth/access.h before each operation, and the mapping of the
// library's errors to 4xx answers (a 500 is a bug). Request logs are JSON lines on stderr with
// the route's template (never a case's contents, a body or a name), the user id, the status
// and the time taken.
//
// Transport (server/transport.h, Boost.Beast): every request within docs/limits.md — capped
// headers and bodies (chunked too), a deadline for the whole request, a connection limit,
// reading and writing off the worker threads — and a session route's session is checked
// before its body is read.
//
// Shutdown: stop() (the SIGTERM handler calls it) closes the listening socket; requests
// already accepted run to completion before listen() returns, and every write is a store
// transaction, so nothing accepted is lost or half-written.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "auth/auth_service.h"
#include "core/limits.h"
#include "intake/drug_table.h"
#include "intake/request_services.h"
#include "service/case_service.h"
#include "store/sql.h"
#include "store/store.h"

namespace imr::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;                       // 0 = any free port (see WorkbenchServer::port)
  // Defaults from core/limits.h (docs/limits.md).
  size_t max_body_bytes = limits::kMaxBodyBytes;  // uploads; larger get 413 (commands and login less)
  int threads = limits::kWorkerThreads;           // requests handled at once (reading and writing hold none)
  int max_connections = limits::kMaxConnections;  // more are answered 503 at once
  int max_connections_per_address = limits::kMaxConnectionsPerAddress;
  int head_seconds = limits::kHeadSeconds;        // to send the request line and headers
  std::string web_dir;                   // the built workbench (index.html, assets/); "" = API only
  std::string openapi_path;              // the OpenAPI document served at /api/openapi.json
  bool log_requests = true;
  bool secure_cookies = false;           // add "Secure" to the session cookie (behind TLS)
  std::string rules_version;             // reported by /api/health
  // Peers whose X-Forwarded-For is believed (a reverse proxy in front: docs/deployment.md).
  // The client address the login throttle counts is then the last forwarded address that is
  // not itself a trusted proxy; from any other peer the header is ignored.
  std::vector<std::string> trusted_proxies;
};

class WorkbenchServer {
 public:
  // The services must outlive the server. Throws DataError when the OpenAPI document cannot
  // be read or is not JSON, InputError when web_dir is given but holds no index.html.
  WorkbenchServer(Store& store, CaseService& cases, auth::AuthService& auth, ServerOptions options,
                  std::ostream& log);
  ~WorkbenchServer();
  WorkbenchServer(const WorkbenchServer&) = delete;
  WorkbenchServer& operator=(const WorkbenchServer&) = delete;

  // The decision corpus /api/corpus/ reads (docs/corpus.md): its database, with the corpus
  // tables made (corpus::open_corpus; `imr serve` reads through sql::open_database_reader), and
  // the tables requests are parsed with for precedents; all must outlive the server.
  // Call before listen(). Without it, /api/corpus/ answers 503.
  void attach_corpus(sql::Database& corpus, const DrugTable& drugs, const ServiceTable& services);

  // Binds host:port; false (with the reason logged) when the address is taken or invalid.
  bool bind();
  int port() const;
  // Every API route registered: "GET /api/cases/{id}", ... (the OpenAPI document must list
  // each; a test checks).
  std::vector<std::string> routes() const;
  // Serves until stop(); returns when every accepted request has been answered.
  void listen();
  // Safe from any thread (not from a signal handler: call it from a thread that waited on
  // the signal).
  void stop();
  // Requests being handled right now (read, not yet answered).
  int in_flight() const;
  // Connections open right now.
  int connections() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace imr::server
