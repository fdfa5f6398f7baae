// The server under hostile input and load (docs/limits.md): bodies capped however they are
// sent, the login throttle exact over HTTP and keyed by client address (trusted proxies
// only), slow sockets and floods that do not stall other clients. Every test is bounded in
// time and sockets and runs on loopback; speed itself is measured in bench/, not here.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/raw_socket.h"
#include "support/test_server.h"

namespace imr {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;
using testing::RawSocket;
using testing::status_of;
using testing::TestServer;

std::string login_body(const std::string& user, const std::string& password) {
  return json{{"user", user}, {"password", password}}.dump();
}

int post_login(int port, const std::string& user, const std::string& password, const std::string& forwarded = "") {
  httplib::Client client("127.0.0.1", port);
  client.set_read_timeout(60);
  httplib::Headers headers;
  if (!forwarded.empty()) headers.emplace("X-Forwarded-For", forwarded);
  // A connection the server's backlog dropped is retried, as a browser would.
  for (int attempt = 0; attempt < 3; ++attempt)
    if (auto r = client.Post("/api/login", headers, login_body(user, password), "application/json")) return r->status;
  return 0;
}

bool healthy(int port) {
  httplib::Client client("127.0.0.1", port);
  client.set_connection_timeout(5);
  client.set_read_timeout(10);
  auto r = client.Get("/api/health");
  return r && r->status == 200;
}

TEST(ServerLimits, AChunkedBodyOverTheLimitIsRefusedBeforeItIsRead) {
  server::ServerOptions options;
  options.max_body_bytes = 256 * 1024;
  TestServer server(options);
  ASSERT_TRUE(server.running());
  RawSocket s(server.port());
  ASSERT_TRUE(s.connected());
  ASSERT_TRUE(s.send_all("POST /api/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n"));
  // 64 MiB in 64 KiB chunks: the server must answer (and stop reading) long before the end.
  const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
  size_t sent = 0;
  while (sent < (64u << 20) && s.send_all(chunk)) sent += 0x10000;
  EXPECT_LT(sent, 64u << 20) << "the whole chunked body was read";
  const std::string answer = s.read_some(10s);
  const int status = status_of(answer);
  EXPECT_TRUE(status == 413 || status == 411) << answer.substr(0, 300);
  EXPECT_NE(answer.find("\"error\""), std::string::npos) << answer.substr(0, 300);
  EXPECT_TRUE(healthy(server.port()));
}

TEST(ServerLimits, ConcurrentWrongLoginsOverHttpGetExactlyTheLimit) {
  TestServer server;
  ASSERT_TRUE(server.running());
  std::vector<int> statuses(30);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < statuses.size(); ++i)
    threads.emplace_back([&, i] { statuses[i] = post_login(server.port(), "intake1", "wrong password 1"); });
  for (auto& t : threads) t.join();
  std::string all;
  for (int s : statuses) all += std::to_string(s) + " ";
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 401), 5) << all;
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 429), 25) << all;
}

TEST(ServerLimits, AStrangerElsewhereCannotLockAUserOut) {
  server::ServerOptions options;
  options.trusted_proxies = {"127.0.0.1"};  // a reverse proxy on this machine says who the client is
  TestServer server(options);
  ASSERT_TRUE(server.running());
  ASSERT_EQ(post_login(server.port(), "intake1", testing::kTestPassword, "10.1.1.1"), 200);  // the user's desk
  for (int i = 0; i < 5; ++i) EXPECT_EQ(post_login(server.port(), "intake1", "wrong password 1", "203.0.113.5"), 401);
  EXPECT_EQ(post_login(server.port(), "intake1", testing::kTestPassword, "203.0.113.5"), 429);  // the stranger
  EXPECT_EQ(post_login(server.port(), "intake1", testing::kTestPassword, "10.1.1.1"), 200);     // the user
}

TEST(ServerLimits, ForwardedAddressesFromAnUntrustedPeerAreIgnored) {
  TestServer server;  // no trusted proxies: X-Forwarded-For is the client's own claim
  ASSERT_TRUE(server.running());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(post_login(server.port(), "intake1", "wrong password 1", "203.0.113." + std::to_string(i)), 401);
  EXPECT_EQ(post_login(server.port(), "intake1", testing::kTestPassword, "10.9.9.9"), 429);
}

}  // namespace
}  // namespace imr
