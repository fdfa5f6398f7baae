// Fuzz target: HTTP request handling, end to end. One `imr serve` runs in this process (the
// Boost.Beast transport, the routes, sessions, JSON bodies, multipart uploads) on a SQLite
// store in a temporary directory, with an administrator logged in; each input is sent as raw
// bytes over loopback, then the write side is shut and the answer read until the server
// closes. In an input, @SESSION@ and @CSRF@ are replaced with the live session's cookie and
// CSRF token, so the fuzzer reaches the routes behind a session.
//
// A finding is a crash or sanitizer report anywhere in the server, or a connection the server
// never closes after the client has finished sending: the harness waits for the close, so
// libFuzzer's -timeout reports it. (A fuzzer at nice 19 on a busy machine can be starved for
// that long too: reproduce such an input at normal priority before believing it.)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "auth/auth_service.h"
#include "core/file.h"
#include "core/utf8.h"
#include "server/server.h"
#include "service/case_service.h"
#include "store/store.h"

namespace {

struct LiveServer {
  LiveServer() {
    imr::set_warning_sink(nullptr);
    dir = std::filesystem::temp_directory_path() / ("imr_http_fuzz_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    store = imr::open_store("sqlite:" + (dir / "store.db").string());
    static const auto knowledge = imr::load_knowledge(IMR_SOURCE_DIR "/data");
    context = imr::load_service_context(IMR_SOURCE_DIR "/data", knowledge);
    cases = std::make_unique<imr::CaseService>(*store, context);
    auth = std::make_unique<imr::auth::AuthService>(*store);
    cases->import_reviewers(imr::read_file(IMR_SOURCE_DIR "/examples/reviewers.json"), "reviewers.json", "setup");
    auth->add_user({"admin1", imr::auth::Role::administrator, ""}, "correct horse 42", "setup");
    auth->add_user({"intake1", imr::auth::Role::intake, ""}, "correct horse 42", "setup");
    const auto login = auth->login("intake1", "correct horse 42", "203.0.113.1");
    session = login.session->token;
    csrf = login.session->csrf_token;
    imr::server::ServerOptions options;
    options.port = 0;
    options.threads = 4;
    options.log_requests = false;
    options.head_seconds = 2;
    options.max_connections_per_address = 1000;
    options.web_dir = IMR_SOURCE_DIR "/fuzz/web";
    options.openapi_path = IMR_SOURCE_DIR "/data/openapi.json";
    server = std::make_unique<imr::server::WorkbenchServer>(*store, *cases, *auth, options, log);
    if (!server->bind()) std::abort();
    listener = std::thread([this] { server->listen(); });
  }
  ~LiveServer() {
    server->stop();
    listener.join();
    std::filesystem::remove_all(dir);
  }

  std::filesystem::path dir;
  std::unique_ptr<imr::Store> store;
  imr::ServiceContext context;
  std::unique_ptr<imr::CaseService> cases;
  std::unique_ptr<imr::auth::AuthService> auth;
  std::string session, csrf;
  std::ostringstream log;
  std::unique_ptr<imr::server::WorkbenchServer> server;
  std::thread listener;
};

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

LiveServer& live_server() {
  static LiveServer live;
  return live;
}

}  // namespace

// The server starts before the first input (its start-up is not that input's time).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  live_server();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  LiveServer& live = live_server();
  std::string request(reinterpret_cast<const char*>(data), size);
  replace_all(request, "@SESSION@", live.session);
  replace_all(request, "@CSRF@", live.csrf);

  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(live.server->port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) != 0) std::abort();
  size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server answered and closed early: fine
    sent += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  char buffer[65536];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 1000) < 0) break;
    if ((p.revents & (POLLIN | POLLHUP | POLLERR)) && ::recv(fd, buffer, sizeof(buffer), 0) <= 0) break;
  }
  linger no_wait{1, 0};  // no TIME_WAIT: thousands of connections a second must not run out of ports
  ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &no_wait, sizeof(no_wait));
  ::close(fd);
  return 0;
}
