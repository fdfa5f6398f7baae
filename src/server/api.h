// The API's routes, registered by subsystem (routes_auth.cc, routes_cases.cc,
// routes_admin.cc, routes_corpus.cc) on a Router that turns path templates into matchers and
// wraps every handler with authentication, the CSRF check, error mapping and the request log.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "auth/auth_service.h"
#include "server/http.h"
#include "server/server.h"
#include "service/case_service.h"
#include "store/sql.h"

namespace imr::server {

inline constexpr const char* kSessionCookie = "imr_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// One request as a handler sees it.
struct Call {
  const Request& req;
  Response& res;
  std::optional<auth::Session> session;  // set on every route that needs a session
  std::string client_address;            // the peer, or the client behind a trusted proxy

  const auth::User& user() const { return session->user; }
  // Who the case service sees acting: a reviewer acts as its registry id (the id cases are
  // assigned to), everyone else as their user id.
  std::string actor() const;
  // The path template's i-th placeholder ({id}, {n}, ...), 1-based.
  std::string param(size_t i) const { return req.matches[i].str(); }
};

enum class Auth { none, session };

using Handler = std::function<void(Call&)>;

struct Route {
  std::string method;    // GET | POST | PUT
  std::string path;      // template: /api/cases/{id}/items/{n}
  Auth auth = Auth::session;
};

// The decision corpus the /api/corpus routes read (WorkbenchServer::attach_corpus), with the
// request parser's tables precedents read requests with. Unset: those routes answer 503.
struct CorpusSource {
  sql::Database* db = nullptr;
  const DrugTable* drugs = nullptr;
  const ServiceTable* services = nullptr;
};

// What the routes work with. The services are shared by every worker thread.
struct Api {
  Store& store;
  CaseService& cases;
  auth::AuthService& auth;
  const ServerOptions& options;
  std::string openapi;        // the document, as served
  std::string rules_version;  // of the loaded knowledge

  // Registers a handler; placeholders {name} match one path segment of [A-Za-z0-9._@-].
  std::function<void(const Route&, Handler)> add;

  CorpusSource corpus;  // set before listening, read-only after
};

void add_auth_routes(Api& api);
void add_case_routes(Api& api);
void add_admin_routes(Api& api);
void add_corpus_routes(Api& api);

// 403 unless `allowed`; the message says what the role may not do.
void require(bool allowed, const std::string& message);

// The case for a read by the caller: 404 when unknown; 403 (audited as a refused attempt)
// when the caller may not read it (a reviewer and another reviewer's case).
CaseRow readable_case(Api& api, const Call& call, const std::string& case_id, const std::string& attempted);

}  // namespace imr::server
