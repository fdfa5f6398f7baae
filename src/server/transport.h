// The HTTP/1.1 transport of `imr serve` (Boost.Beast over Boost.Asio): it accepts
// connections, reads each request within the limits of docs/limits.md, hands it to the
// application on a worker thread, and writes the answer. What it guarantees, whatever a
// client sends or how slowly:
//   - the request line and headers are at most max_header_bytes (else 431) and arrive within
//     head_seconds of the connection being ready for a request (else the connection closes);
//   - the body is at most the route's cap however it is sent (Content-Length or chunked:
//     413 as soon as the cap is passed, the rest never read) and arrives within the route's
//     deadline: a deadline for the whole request, not a timeout that restarts with each byte;
//   - reading and writing never hold a worker: a slow client costs a socket and a buffer,
//     and the workers stay free for everyone else;
//   - at most max_connections connections are open (max_connections_per_address from one
//     peer that is not a trusted proxy); more are answered 503 at once and closed.
// The application decides per request, after the head and before the body, what body it
// accepts (or answers at once: unknown route, no session), then handles the complete request.
// stop() closes the listening socket and idle connections; requests already being read or
// handled are answered first, then run() returns.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/message.h"

namespace imr::server {

struct TransportOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0 = any free port
  int workers = 16;
  int max_connections = 256;
  int max_connections_per_address = 32;
  std::vector<std::string> trusted_proxies;  // exempt from the per-address connection limit
  size_t max_header_bytes = 16u << 10;
  size_t max_query_params = 32;
  size_t max_form_parts = 16;
  int head_seconds = 10;  // also how long a kept-alive connection may wait for its next request
  int write_seconds = 60;
  // Every response carries these (security headers).
  std::vector<std::pair<std::string, std::string>> default_headers;
};

// What the application says after reading a request's head.
struct BodyPlan {
  size_t max_bytes = 0;  // the largest body accepted (413 past it)
  int seconds = 10;      // the whole request (head included) must be in within this
};

class Application {
 public:
  virtual ~Application() = default;
  // On a worker thread, after the head (no body yet). Either returns the BodyPlan, or fills
  // `res` (e.g. 404, 401) and returns nullopt: then the body is not read and, if the client
  // announced one, the connection closes after the answer.
  virtual std::optional<BodyPlan> head(Request& req, Response& res) = 0;
  // On a worker thread, with the complete request.
  virtual void handle(Request& req, Response& res) = 0;
  // An answer the transport gives by itself (400 malformed, 413, 431, 503 full).
  virtual void refuse(Response& res, int status, const std::string& message) = 0;
};

class HttpTransport {
 public:
  HttpTransport(TransportOptions options, Application& app, std::function<void(const std::string&)> log_error);
  ~HttpTransport();
  HttpTransport(const HttpTransport&) = delete;
  HttpTransport& operator=(const HttpTransport&) = delete;

  // Binds host:port; false (with the reason logged) when it cannot.
  bool bind();
  int port() const;
  // Serves until stop(); returns when every request being read or handled is answered.
  void run();
  // Safe from any thread, before or during run().
  void stop();
  // Connections open now (tests and figures).
  int connections() const;

  struct Impl;  // transport.cc (its connections refer to it)

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace imr::server
