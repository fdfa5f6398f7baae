#include "server/server.h"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "core/error.h"
#include "core/file.h"
#include "core/limits.h"
#include "server/api.h"
#include "server/static_files.h"
#include "server/transport.h"

namespace imr::server {

using nlohmann::json;

namespace {

// /api/cases/{id}/items/{n} -> ^/api/cases/([A-Za-z0-9._@-]+)/items/([A-Za-z0-9._@-]+)$
std::string template_regex(const std::string& path) {
  static const std::regex placeholder(R"(\{[a-z_]+\})");
  return std::regex_replace(path, placeholder, "([A-Za-z0-9._@-]+)");
}

// The routes whose bodies are uploads (a file, an application, a batch, a registry): they
// get ServerOptions::max_body_bytes and limits::kUploadSeconds; every other session route
// a command's cap, and the public routes (login) the small pre-login cap.
const std::set<std::string>& upload_routes() {
  static const std::set<std::string> routes = {"POST /api/cases", "POST /api/cases/import",
                                               "POST /api/cases/{id}/records", "POST /api/reviewers"};
  return routes;
}

std::string utc_now_iso() {
  const auto now = std::chrono::system_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

// The library's errors as HTTP answers. Messages of 4xx go to the client; a 5xx gets a
// generic message and its detail goes to the log only.
void answer_exception(Response& res, std::exception_ptr error, std::string& log_detail) {
  try {
    std::rethrow_exception(error);
  } catch (const HttpError& e) {
    send_error(res, e.status(), e.code(), e.what());
  } catch (const InputError& e) {
    send_error(res, 400, "bad_request", e.what());
  } catch (const json::exception& e) {
    send_error(res, 400, "bad_request", std::string("malformed JSON value: ") + e.what());
  } catch (const NotFoundError& e) {
    send_error(res, 404, "not_found", e.what());
  } catch (const RefusedError& e) {
    send_error(res, 409, "refused", e.what());
  } catch (const ConflictError& e) {
    send_error(res, 409, "stale", e.what());
  } catch (const StoreError& e) {
    log_detail = e.what();
    send_error(res, 503, "store_unavailable", "the case store is unavailable; try again");
  } catch (const std::exception& e) {
    log_detail = e.what();
    send_error(res, 500, "internal", "internal error (logged)");
  } catch (...) {
    log_detail = "unknown exception";
    send_error(res, 500, "internal", "internal error (logged)");
  }
}

}  // namespace

std::string Call::actor() const {
  const auth::User& u = user();
  return u.role == auth::Role::reviewer ? u.reviewer_id : u.id;
}

void require(bool allowed, const std::string& message) {
  if (!allowed) throw HttpError(403, "forbidden", message);
}

CaseRow readable_case(Api& api, const Call& call, const std::string& case_id, const std::string& attempted) {
  CaseRow row = api.cases.case_row(case_id);
  if (!auth::can_read_case(call.user(), row)) {
    const std::string why = "case " + case_id + " is not assigned to you";
    try {
      api.cases.refuse_access(case_id, call.actor(), attempted, why);
    } catch (const RefusedError&) {
    }
    throw HttpError(403, "forbidden", why);
  }
  return row;
}

struct WorkbenchServer::Impl : Application {
  struct RegisteredRoute {
    Route route;
    std::regex pattern;
    Handler handler;
    BodyPlan body;
  };
  // One API request between its head and its answer (Request::context).
  struct Pending {
    const RegisteredRoute* route = nullptr;
    std::optional<auth::Session> session;
    std::string client;
    std::chrono::steady_clock::time_point start;
  };

  Impl(Store& store, CaseService& cases, auth::AuthService& auth, ServerOptions opts, std::ostream& log_stream)
      : options(std::move(opts)),
        log(log_stream),
        api{store, cases, auth, options, "", options.rules_version, {}, {}},
        transport(transport_options(options), *this, [this](const std::string& e) {
          log_line({{"at", utc_now_iso()}, {"level", "error"}, {"error", e}});
        }) {}

  static TransportOptions transport_options(const ServerOptions& o) {
    TransportOptions t;
    t.host = o.host;
    t.port = o.port;
    t.workers = std::max(2, o.threads);
    t.max_connections = o.max_connections;
    t.max_connections_per_address = o.max_connections_per_address;
    t.trusted_proxies = o.trusted_proxies;
    t.max_header_bytes = limits::kMaxHeaderBytes;
    t.max_query_params = limits::kMaxQueryParams;
    t.max_form_parts = limits::kMaxFormParts;
    t.head_seconds = o.head_seconds;
    t.write_seconds = limits::kWriteSeconds;
    t.default_headers = {{"X-Content-Type-Options", "nosniff"},
                         {"X-Frame-Options", "DENY"},
                         {"Referrer-Policy", "no-referrer"},
                         {"Content-Security-Policy",
                          "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                          "frame-ancestors 'none'; form-action 'self'"}};
    return t;
  }

  void log_line(const json& line) {
    const std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard lock(log_mutex);
    log << text << '\n' << std::flush;
  }

  void authenticate(Call& call, bool state_changing) {
    const std::string token = cookie_value(call.req, kSessionCookie);
    if (token.empty()) throw HttpError(401, "unauthenticated", "sign in first");
    call.session = api.auth.session(token);
    if (!call.session) throw HttpError(401, "unauthenticated", "your session has expired or ended: sign in again");
    if (state_changing && !auth::csrf_matches(call.session->row, call.req.get_header_value(kCsrfHeader)))
      throw HttpError(403, "csrf", std::string("missing or wrong ") + kCsrfHeader + " header");
  }

  void add(const Route& route, Handler handler) {
    if (route.method != "GET" && route.method != "POST" && route.method != "PUT")
      throw std::logic_error("unsupported method " + route.method);
    BodyPlan body{limits::kMaxCommandBodyBytes, limits::kCommandSeconds};
    if (route.auth == Auth::none) body = {limits::kMaxPublicBodyBytes, limits::kCommandSeconds};
    if (upload_routes().count(route.method + " " + route.path)) body = {options.max_body_bytes, limits::kUploadSeconds};
    routes.push_back({route, std::regex(template_regex(route.path)), std::move(handler), body});
  }

  void log_request(const Pending& p, const Response& res, const std::string& detail) {
    if (!options.log_requests && res.status < 500 && detail.empty()) return;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - p.start).count();
    json line = {{"at", utc_now_iso()}, {"method", p.route->route.method}, {"route", p.route->route.path},
                 {"status", res.status}, {"ms", std::round(ms * 100) / 100}};
    if (p.session) line["user"] = p.session->user.id;
    if (!detail.empty()) line["error"] = detail;
    log_line(line);
  }

  // After the head: the route, the session and the CSRF check, before any body is read.
  std::optional<BodyPlan> head(Request& req, Response& res) override {
    if (req.path.rfind("/api/", 0) != 0) {
      if (req.method == "GET" && !options.web_dir.empty() && serve_static_file(options.web_dir, req.path, res))
        return std::nullopt;
      send_error(res, 404, "not_found", "no such path: " + req.path.substr(0, 200));
      return std::nullopt;
    }
    const RegisteredRoute* found = nullptr;
    for (const auto& r : routes)
      if (r.route.method == req.method && std::regex_match(req.path, req.matches, r.pattern)) {
        found = &r;
        break;
      }
    if (!found) {
      send_error(res, 404, "not_found", "no such path: " + req.method + " " + req.path.substr(0, 200));
      return std::nullopt;
    }
    auto pending = std::make_shared<Pending>();
    pending->route = found;
    pending->start = std::chrono::steady_clock::now();
    pending->client = client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), options.trusted_proxies);
    req.context = pending;
    if (found->route.auth == Auth::session) {
      Call call{req, res, std::nullopt, pending->client};
      std::string detail;
      try {
        authenticate(call, found->route.method != "GET");
      } catch (...) {
        answer_exception(res, std::current_exception(), detail);
        res.set_header("Cache-Control", "no-store");
        log_request(*pending, res, detail);
        return std::nullopt;
      }
      pending->session = std::move(call.session);
    }
    return found->body;
  }

  void handle(Request& req, Response& res) override {
    auto pending = std::any_cast<std::shared_ptr<Pending>>(req.context);
    ++in_flight;
    Call call{req, res, pending->session, pending->client};
    std::string detail;
    try {
      pending->route->handler(call);
    } catch (...) {
      answer_exception(res, std::current_exception(), detail);
    }
    res.set_header("Cache-Control", "no-store");
    --in_flight;
    log_request(*pending, res, detail);
  }

  void refuse(Response& res, int status, const std::string& message) override {
    static const std::map<int, std::string> kCodes = {{400, "bad_request"}, {408, "timeout"},
                                                      {413, "too_large"},   {431, "headers_too_large"},
                                                      {500, "internal"},    {503, "busy"}};
    auto it = kCodes.find(status);
    send_error(res, status, it == kCodes.end() ? "bad_request" : it->second, message);
    res.set_header("Cache-Control", "no-store");
  }

  ServerOptions options;
  std::ostream& log;
  std::mutex log_mutex;
  std::vector<RegisteredRoute> routes;
  std::atomic<int> in_flight{0};
  std::atomic<bool> listen_returned{false};
  Api api;
  HttpTransport transport;
};

WorkbenchServer::WorkbenchServer(Store& store, CaseService& cases, auth::AuthService& auth, ServerOptions options,
                                 std::ostream& log)
    : impl_(std::make_unique<Impl>(store, cases, auth, std::move(options), log)) {
  Impl& s = *impl_;
  if (!s.options.openapi_path.empty()) {
    s.api.openapi = read_file(s.options.openapi_path);
    if (json::parse(s.api.openapi, nullptr, false).is_discarded())
      throw DataError(s.options.openapi_path, 0, "the OpenAPI document is not valid JSON");
  }
  s.api.add = [&s](const Route& route, Handler handler) { s.add(route, std::move(handler)); };
  if (!s.options.web_dir.empty() && !std::filesystem::exists(std::filesystem::path(s.options.web_dir) / "index.html"))
    throw InputError(s.options.web_dir, "no index.html: build the workbench first (scripts/build-web.sh)");

  add_auth_routes(s.api);
  add_case_routes(s.api);
  add_admin_routes(s.api);
  add_corpus_routes(s.api);
}

void WorkbenchServer::attach_corpus(sql::Database& corpus, const DrugTable& drugs, const ServiceTable& services) {
  impl_->api.corpus = {&corpus, &drugs, &services};
}

WorkbenchServer::~WorkbenchServer() = default;

bool WorkbenchServer::bind() { return impl_->transport.bind(); }

int WorkbenchServer::port() const { return impl_->transport.port(); }

std::vector<std::string> WorkbenchServer::routes() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->routes) out.push_back(r.route.method + " " + r.route.path);
  return out;
}

void WorkbenchServer::listen() {
  Impl& s = *impl_;
  s.log_line({{"at", utc_now_iso()}, {"level", "info"}, {"event", "listening"}, {"host", s.options.host},
              {"port", s.transport.port()}, {"store", s.api.store.backend()}});
  s.transport.run();
  s.listen_returned = true;
  s.log_line({{"at", utc_now_iso()}, {"level", "info"}, {"event", "stopped"}});
}

void WorkbenchServer::stop() { impl_->transport.stop(); }

int WorkbenchServer::in_flight() const { return impl_->in_flight.load(); }

int WorkbenchServer::connections() const { return impl_->transport.connections(); }

}  // namespace imr::server
