#include "server/transport.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <mutex>
#include <set>
#include <sstream>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace imr::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

http::response<http::string_body> to_beast(const Response& res, const TransportOptions& options, bool keep_alive) {
  http::response<http::string_body> out;
  out.result(static_cast<unsigned>(res.status));
  out.version(11);
  for (const auto& [name, value] : options.default_headers) out.set(name, value);
  for (const auto& [name, value] : res.headers) out.set(name, value);
  out.body() = res.body;
  out.keep_alive(keep_alive);
  out.prepare_payload();
  return out;
}

}  // namespace

struct Session;

struct HttpTransport::Impl : std::enable_shared_from_this<HttpTransport::Impl> {
  Impl(TransportOptions o, Application& a, std::function<void(const std::string&)> log)
      : options(std::move(o)), app(a), log_error(std::move(log)) {}

  TransportOptions options;
  Application& app;
  std::function<void(const std::string&)> log_error;
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  std::unique_ptr<asio::thread_pool> workers;
  int bound_port = -1;
  std::string full_answer;  // the 503 sent to a connection over the limit

  std::mutex mutex;  // guards what follows (sessions end on the I/O thread, but cheaply safe)
  std::map<std::string, int> per_address;
  std::set<Session*> sessions;
  std::atomic<int> open{0};
  std::atomic<bool> stopping{false};

  bool trusted(const std::string& peer) const {
    return std::find(options.trusted_proxies.begin(), options.trusted_proxies.end(), peer) !=
           options.trusted_proxies.end();
  }
  void accept();
  void close_idle();
  // Runs f on a worker, then done() on the I/O thread; the I/O loop stays alive meanwhile.
  template <typename F, typename Done>
  void on_worker(F f, Done done) {
    auto guard = asio::make_work_guard(ioc);
    asio::post(*workers, [this, f = std::move(f), done = std::move(done), guard = std::move(guard)]() mutable {
      f();
      asio::post(ioc, std::move(done));
    });
  }
};

struct Session : std::enable_shared_from_this<Session> {
  Session(std::shared_ptr<HttpTransport::Impl> t, tcp::socket socket, std::string peer_address)
      : transport(std::move(t)), stream(std::move(socket)), peer(std::move(peer_address)) {}

  ~Session() {
    std::lock_guard lock(transport->mutex);
    transport->sessions.erase(this);
    if (--transport->per_address[peer] <= 0) transport->per_address.erase(peer);
    --transport->open;
  }

  std::shared_ptr<HttpTransport::Impl> transport;
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
  std::optional<http::request_parser<http::string_body>> parser;
  std::string peer;
  Request req;
  Response res;
  Clock::time_point head_started;
  bool waiting_for_head = false;
  bool close_after = false;
  std::shared_ptr<http::response<http::string_body>> out;

  const TransportOptions& options() const { return transport->options; }

  void read_head() {
    parser.emplace();
    parser->header_limit(static_cast<std::uint32_t>(options().max_header_bytes));
    parser->body_limit(std::numeric_limits<std::uint64_t>::max());  // the route's cap is set after the head
    req = Request{};
    res = Response{};
    close_after = false;
    head_started = Clock::now();
    stream.expires_after(std::chrono::seconds(options().head_seconds));
    waiting_for_head = true;
    if (transport->stopping) return close();
    http::async_read_header(stream, buffer, *parser,
                            [self = shared_from_this()](beast::error_code ec, size_t) { self->on_head(ec); });
  }

  void on_head(beast::error_code ec) {
    waiting_for_head = false;
    if (ec == http::error::header_limit) return refuse(431, "the request line and headers are larger than the server accepts");
    if (ec == http::error::end_of_stream || ec == beast::error::timeout || ec == asio::error::operation_aborted ||
        ec == asio::error::connection_reset || ec == asio::error::eof)
      return close();
    if (ec) return refuse(400, "the request could not be read");
    const auto& head = parser->get();
    req.method = std::string(head.method_string());
    req.target = std::string(head.target());
    const size_t q = req.target.find('?');
    req.path = percent_decode(std::string_view(req.target).substr(0, q), false);
    if (q != std::string::npos)
      req.params = parse_query(std::string_view(req.target).substr(q + 1), options().max_query_params);
    for (const auto& field : head) req.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    req.remote_addr = peer;
    auto self = shared_from_this();
    auto plan = std::make_shared<std::optional<BodyPlan>>();
    // A request without a body is headed and handled in one trip to a worker.
    const bool bodyless = parser->is_done();
    auto handled = std::make_shared<bool>(false);
    transport->on_worker(
        [self, plan, bodyless, handled] {
          try {
            *plan = self->transport->app.head(self->req, self->res);
          } catch (const std::exception& e) {
            self->transport->log_error(e.what());
            self->transport->app.refuse(self->res, 500, "internal error (logged)");
            plan->reset();
          }
          if (*plan && bodyless) {
            self->run_handler();
            *handled = true;
          }
        },
        [self, plan, handled] {
          if (*handled) return self->write();
          self->on_plan(*plan);
        });
  }

  // On a worker: the application's answer to the complete request (multipart parts first).
  void run_handler() {
    try {
      if (req.is_multipart_form_data())
        req.files = parse_multipart(req.get_header_value("Content-Type"), req.body, options().max_form_parts);
    } catch (const std::invalid_argument& e) {
      transport->app.refuse(res, 400, std::string("the upload could not be read: ") + e.what());
      return;
    }
    try {
      transport->app.handle(req, res);
    } catch (const std::exception& e) {
      transport->log_error(e.what());
      res = Response{};
      transport->app.refuse(res, 500, "internal error (logged)");
    }
  }

  void on_plan(const std::optional<BodyPlan>& plan) {
    if (!plan) {
      if (!parser->is_done()) close_after = true;  // a body was announced and will not be read
      return write();
    }
    const auto length = parser->content_length();
    if (length && *length > plan->max_bytes) return refuse(413, "the request body is larger than the server accepts");
    parser->body_limit(plan->max_bytes);
    stream.expires_at(head_started + std::chrono::seconds(plan->seconds));
    if (parser->is_done()) return handle();
    if (beast::iequals(parser->get()[http::field::expect], "100-continue")) {
      auto interim = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      return http::async_write(stream, *interim, [self = shared_from_this(), interim](beast::error_code ec, size_t) {
        if (ec) return self->close();
        self->read_body();
      });
    }
    read_body();
  }

  void read_body() {
    http::async_read(stream, buffer, *parser, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec == http::error::body_limit) return self->refuse(413, "the request body is larger than the server accepts");
      if (ec == beast::error::timeout) return self->refuse(408, "the request took longer than the server waits");
      if (ec) return self->close();
      self->handle();
    });
  }

  void handle() {
    req.body = std::move(parser->get().body());
    auto self = shared_from_this();
    transport->on_worker([self] { self->run_handler(); }, [self] { self->write(); });
  }

  void refuse(int status, const std::string& message) {
    res = Response{};
    transport->app.refuse(res, status, message);
    close_after = true;
    write();
  }

  void write() {
    const bool keep_alive = !close_after && !transport->stopping && parser && parser->is_header_done() &&
                            parser->get().keep_alive();
    out = std::make_shared<http::response<http::string_body>>(to_beast(res, options(), keep_alive));
    stream.expires_after(std::chrono::seconds(options().write_seconds));
    http::async_write(stream, *out, [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
      self->out.reset();
      if (ec || !keep_alive) return self->close();
      self->read_head();
    });
  }

  void close() {
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
  }
};

void HttpTransport::Impl::accept() {
  acceptor.async_accept(ioc, [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted || !self->acceptor.is_open()) return;
    if (!ec) {
      beast::error_code peer_ec;
      const auto endpoint = socket.remote_endpoint(peer_ec);
      const std::string peer = peer_ec ? "" : endpoint.address().to_string();
      bool over = false;
      {
        std::lock_guard lock(self->mutex);
        over = self->open >= self->options.max_connections ||
               (!self->trusted(peer) && self->per_address[peer] >= self->options.max_connections_per_address);
        if (!over) {
          ++self->open;
          ++self->per_address[peer];
        }
      }
      if (over) {
        // Refused at once: the answer fits the socket's buffer, so this never blocks.
        socket.non_blocking(true, peer_ec);
        ::send(socket.native_handle(), self->full_answer.data(), self->full_answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        socket.shutdown(tcp::socket::shutdown_both, peer_ec);
        socket.close(peer_ec);
      } else {
        socket.set_option(tcp::no_delay(true), peer_ec);
        auto session = std::make_shared<Session>(self, std::move(socket), peer);
        {
          std::lock_guard lock(self->mutex);
          self->sessions.insert(session.get());
        }
        session->read_head();
      }
    }
    self->accept();
  });
}

void HttpTransport::Impl::close_idle() {
  std::vector<Session*> idle;
  {
    std::lock_guard lock(mutex);
    for (Session* s : sessions)
      if (s->waiting_for_head) idle.push_back(s);
  }
  for (Session* s : idle) s->stream.cancel();  // its read ends with operation_aborted: closed
}

HttpTransport::HttpTransport(TransportOptions options, Application& app, std::function<void(const std::string&)> log_error)
    : impl_(std::make_shared<Impl>(std::move(options), app, std::move(log_error))) {
  Response full;
  app.refuse(full, 503, "the server has too many connections; try again in a moment");
  full.set_header("Retry-After", "1");
  std::ostringstream text;
  text << to_beast(full, impl_->options, false);
  impl_->full_answer = text.str();
}

HttpTransport::~HttpTransport() {
  stop();
  if (impl_->workers) impl_->workers->join();
}

bool HttpTransport::bind() {
  Impl& s = *impl_;
  beast::error_code ec;
  const auto address = asio::ip::make_address(s.options.host, ec);
  if (ec) {
    s.log_error("cannot listen on " + s.options.host + ": not an address");
    return false;
  }
  const tcp::endpoint endpoint(address, static_cast<unsigned short>(s.options.port));
  s.acceptor.open(endpoint.protocol(), ec);
  // SO_REUSEADDR only (not SO_REUSEPORT): a port in use is an error, and a restart does not
  // wait out TIME_WAIT.
  if (!ec) s.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    s.log_error("cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) + ": " + ec.message());
    beast::error_code ignored;
    s.acceptor.close(ignored);
    return false;
  }
  s.bound_port = s.acceptor.local_endpoint().port();
  return true;
}

int HttpTransport::port() const { return impl_->bound_port; }

void HttpTransport::run() {
  Impl& s = *impl_;
  if (!s.acceptor.is_open() || s.stopping) return;
  s.workers = std::make_unique<asio::thread_pool>(static_cast<size_t>(std::max(1, s.options.workers)));
  s.accept();
  s.ioc.run();
  s.workers->join();
}

void HttpTransport::stop() {
  // A raw pointer: the handler lives in Impl's own io_context, so it never outlives Impl (a
  // shared_ptr here would keep Impl alive forever when the handler never runs).
  Impl* s = impl_.get();
  if (s->stopping.exchange(true)) return;
  asio::post(s->ioc, [s] {
    beast::error_code ignored;
    s->acceptor.close(ignored);
    s->close_idle();
  });
}

int HttpTransport::connections() const { return impl_->open.load(); }

}  // namespace imr::server
