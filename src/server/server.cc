#include "server/server.h"

#include <chrono>
#include <filesystem>
#include <mutex>
#include <regex>
#include <thread>

#include <fmt/format.h>

#include "core/error.h"
#include "core/file.h"
#include "server/api.h"

namespace imr::server {

using nlohmann::json;

namespace {

// /api/cases/{id}/items/{n} -> ^/api/cases/([A-Za-z0-9._@-]+)/items/([A-Za-z0-9._@-]+)$
std::string template_regex(const std::string& path) {
  static const std::regex placeholder(R"(\{[a-z_]+\})");
  return std::regex_replace(path, placeholder, "([A-Za-z0-9._@-]+)");
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
void answer_exception(httplib::Response& res, std::exception_ptr error, std::string& log_detail) {
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

struct WorkbenchServer::Impl {
  Impl(Store& store, CaseService& cases, auth::AuthService& auth, ServerOptions opts, std::ostream& log_stream)
      : options(std::move(opts)), log(log_stream), api{store, cases, auth, options, "", options.rules_version, {}} {}

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
    routes.push_back(route);
    auto wrapped = [this, route, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      ++in_flight;
      Call call{req, res, std::nullopt,
                client_address(req.remote_addr, req.get_header_value("X-Forwarded-For"), options.trusted_proxies)};
      std::string detail;
      try {
        if (route.auth == Auth::session) authenticate(call, route.method != "GET");
        handler(call);
      } catch (...) {
        answer_exception(res, std::current_exception(), detail);
      }
      res.set_header("Cache-Control", "no-store");
      --in_flight;
      if (!options.log_requests && res.status < 500) return;
      const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
      json line = {{"at", utc_now_iso()}, {"method", route.method}, {"route", route.path},
                   {"status", res.status}, {"ms", std::round(ms * 100) / 100}};
      if (call.session) line["user"] = call.session->user.id;
      if (!detail.empty()) line["error"] = detail;
      log_line(line);
    };
    const std::string pattern = template_regex(route.path);
    if (route.method == "GET") http.Get(pattern, wrapped);
    else if (route.method == "POST") http.Post(pattern, wrapped);
    else if (route.method == "PUT") http.Put(pattern, wrapped);
    else throw std::logic_error("unsupported method " + route.method);
  }

  ServerOptions options;
  std::ostream& log;
  std::mutex log_mutex;
  httplib::Server http;
  std::vector<Route> routes;
  int bound_port = -1;
  std::atomic<int> in_flight{0};
  // stop() may come before listen() has started (a test that makes no request): it must not
  // be lost, or listen() would never return.
  std::mutex run_mutex;
  bool stop_requested = false;
  bool listen_entered = false;
  std::atomic<bool> listen_returned{false};
  Api api;
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

  const size_t threads = static_cast<size_t>(std::max(2, s.options.threads));
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_payload_max_length(s.options.max_body_bytes);
  // Without TCP_NODELAY a response written as headers then body waits ~40 ms on the client's
  // delayed ACK (Nagle): every keep-alive request would take 40 ms.
  s.http.set_tcp_nodelay(true);
  // cpp-httplib's default is SO_REUSEPORT, which lets a second `imr serve` bind the same port
  // and silently take half the requests (on another store). SO_REUSEADDR only: a port in use
  // is an error, and a restart does not wait out TIME_WAIT.
  s.http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  s.http.set_keep_alive_max_count(1000);
  s.http.set_keep_alive_timeout(5);
  s.http.set_read_timeout(10);
  s.http.set_write_timeout(10);
  s.http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"},
                              {"Content-Security-Policy",
                               "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "frame-ancestors 'none'; form-action 'self'"}});
  if (!s.options.web_dir.empty()) {
    if (!std::filesystem::exists(std::filesystem::path(s.options.web_dir) / "index.html"))
      throw InputError(s.options.web_dir, "no index.html: build the workbench first (scripts/build-web.sh)");
    s.http.set_mount_point("/", s.options.web_dir);
    s.http.set_file_extension_and_mimetype_mapping("js", "text/javascript");
    s.http.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  }
  // cpp-httplib 0.11.4 applies the body limit to Content-Length only and reads a chunked
  // body whole, however large: refuse chunked request bodies before they are read.
  s.http.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Transfer-Encoding")) {
      send_error(res, 411, "length_required", "send the request body with a Content-Length");
      res.set_header("Connection", "close");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Anything no route answered (an unknown path, a body over the limit) still gets the JSON
  // error shape.
  s.http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req,
                                                                    httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413)
      send_error(res, 413, "too_large", "the request body is larger than the server accepts");
    else if (res.status == 404)
      send_error(res, 404, "not_found", "no such path: " + req.path.substr(0, 200));
    else
      send_error(res, res.status, "bad_request", "the request could not be read");
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.http.set_exception_handler([&s](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
    std::string detail;
    answer_exception(res, error, detail);
    if (!detail.empty()) s.log_line({{"at", utc_now_iso()}, {"level", "error"}, {"error", detail}});
  });

  add_auth_routes(s.api);
  add_case_routes(s.api);
  add_admin_routes(s.api);
}

WorkbenchServer::~WorkbenchServer() = default;

bool WorkbenchServer::bind() {
  Impl& s = *impl_;
  s.bound_port = s.options.port == 0 ? s.http.bind_to_any_port(s.options.host)
                                     : (s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1);
  if (s.bound_port <= 0) {
    s.log_line({{"at", utc_now_iso()}, {"level", "error"},
                {"error", fmt::format("cannot listen on {}:{}", s.options.host, s.options.port)}});
    return false;
  }
  return true;
}

int WorkbenchServer::port() const { return impl_->bound_port; }

std::vector<std::string> WorkbenchServer::routes() const {
  std::vector<std::string> out;
  for (const auto& r : impl_->routes) out.push_back(r.method + " " + r.path);
  return out;
}

void WorkbenchServer::listen() {
  Impl& s = *impl_;
  {
    std::lock_guard lock(s.run_mutex);
    if (s.stop_requested) return;
    s.listen_entered = true;
  }
  s.log_line({{"at", utc_now_iso()}, {"level", "info"}, {"event", "listening"}, {"host", s.options.host},
              {"port", s.bound_port}, {"store", s.api.store.backend()}});
  s.http.listen_after_bind();
  s.listen_returned = true;
  s.log_line({{"at", utc_now_iso()}, {"level", "info"}, {"event", "stopped"}});
}

void WorkbenchServer::stop() {
  Impl& s = *impl_;
  bool entered = false;
  {
    std::lock_guard lock(s.run_mutex);
    s.stop_requested = true;
    entered = s.listen_entered;
  }
  if (!entered) return;  // listen() will see stop_requested and not start
  // listen() has been entered: wait until the accept loop runs (or has failed), then stop it.
  while (!s.http.is_running() && !s.listen_returned) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  s.http.stop();
}

int WorkbenchServer::in_flight() const { return impl_->in_flight.load(); }

}  // namespace imr::server
