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
#include <cstdio>
#include <memory>
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
  EXPECT_EQ(status, 413) << answer.substr(0, 300);
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

TEST(ServerLimits, AHealthCheckIsAnsweredWhileFortySlowSocketsAreOpen) {
  server::ServerOptions options;
  options.threads = 4;
  options.max_connections_per_address = 100;  // all on loopback here; the per-address limit has its own test
  options.head_seconds = 3;
  TestServer server(options);
  ASSERT_TRUE(server.running());
  std::vector<std::unique_ptr<RawSocket>> slow;
  for (int i = 0; i < 40; ++i) {
    slow.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(slow.back()->connected());
    ASSERT_TRUE(slow.back()->send_all("GET /api/health HTTP/1.1\r\nHost: x\r\n"));  // and then a byte a while
  }
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(healthy(server.port()));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);  // generous: httplib took 60 s here
  // A byte every second does not keep a request alive past the head deadline.
  bool all_closed = true;
  for (int tick = 0; tick < 5; ++tick) {
    for (auto& s : slow) s->send_all("X");
    std::this_thread::sleep_for(1s);
  }
  for (auto& s : slow) all_closed = all_closed && s->closed_within(3s);
  EXPECT_TRUE(all_closed);
  EXPECT_TRUE(healthy(server.port()));
}

TEST(ServerLimits, ConnectionsOverTheLimitAreRefusedAtOnce) {
  server::ServerOptions options;
  options.max_connections = 20;
  options.max_connections_per_address = 10;
  TestServer server(options);
  ASSERT_TRUE(server.running());
  std::vector<std::unique_ptr<RawSocket>> held;
  for (int i = 0; i < 10; ++i) {
    held.push_back(std::make_unique<RawSocket>(server.port()));
    ASSERT_TRUE(held.back()->connected());
  }
  for (int i = 0; i < 200 && server.server().connections() < 10; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(server.server().connections(), 10);
  // The eleventh from this address gets 503 straight away, without sending anything.
  RawSocket extra(server.port());
  ASSERT_TRUE(extra.connected());
  const auto start = std::chrono::steady_clock::now();
  const std::string answer = extra.read_some(5s);
  EXPECT_EQ(status_of(answer), 503) << answer;
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_TRUE(extra.closed_within(2s));
  held.clear();  // and once they close, the address is served again
  for (int i = 0; i < 200 && server.server().connections() > 0; ++i) std::this_thread::sleep_for(10ms);
  EXPECT_TRUE(healthy(server.port()));
}

TEST(ServerLimits, AFloodOfHeadersIsRefused) {
  TestServer server;
  ASSERT_TRUE(server.running());
  RawSocket s(server.port());
  std::string head = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 100000; ++i) head += "X-H" + std::to_string(i) + ": y\r\n";
  head += "\r\n";
  s.send_all(head);
  const std::string answer = s.read_some(10s);
  EXPECT_EQ(status_of(answer), 431) << answer.substr(0, 200);
  // A request line alone over the limit too.
  RawSocket t(server.port());
  t.send_all("GET /api/health?" + std::string(64 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(t.read_some(10s)), 431);
  EXPECT_TRUE(healthy(server.port()));
}

TEST(ServerLimits, ABodyIsNotReadForARouteThatNeedsASessionWithoutOne) {
  TestServer server;
  ASSERT_TRUE(server.running());
  RawSocket s(server.port());
  // 30 MiB announced to an upload route without a session: 401 at once, the body never read.
  ASSERT_TRUE(s.send_all("POST /api/cases/import HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Content-Length: 31457280\r\n\r\n"));
  const std::string answer = s.read_some(5s);
  EXPECT_EQ(status_of(answer), 401) << answer;
  EXPECT_TRUE(s.closed_within(2s));
}

TEST(ServerLimits, APreLoginBodyIsCappedSmall) {
  TestServer server;
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  auto r = client.Post("/api/login", std::string(64 * 1024, ' '), "application/json");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST(ServerLimits, AChunkedUploadWithinTheCapIsAccepted) {
  TestServer server;
  ASSERT_TRUE(server.running());
  RawSocket s(server.port());
  const std::string body = login_body("intake1", testing::kTestPassword);
  std::string chunked;
  for (size_t at = 0; at < body.size(); at += 7) {
    const std::string part = body.substr(at, 7);
    char size[16];
    std::snprintf(size, sizeof(size), "%zx", part.size());
    chunked += std::string(size) + "\r\n" + part + "\r\n";
  }
  chunked += "0\r\n\r\n";
  ASSERT_TRUE(s.send_all("POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n" + chunked));
  EXPECT_EQ(status_of(s.read_some(10s)), 200);
}

TEST(ServerLimits, ALargeRecordIsServedByPageAndTheCaseReadCarriesNoText) {
  TestServer server;
  ASSERT_TRUE(server.running());
  httplib::Client client("127.0.0.1", server.port());
  client.set_read_timeout(60);
  auto login = client.Post("/api/login", login_body("intake1", testing::kTestPassword), "application/json");
  ASSERT_TRUE(login && login->status == 200);
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const httplib::Headers headers = {{"Cookie", cookie},
                                    {"X-CSRF-Token", json::parse(login->body).value("csrf_token", "")}};
  auto created = client.Post("/api/cases", headers, testing::service_fixture("application.json"), "application/json");
  ASSERT_TRUE(created && created->status == 201) << (created ? created->body : "");
  const std::string id = json::parse(created->body).value("case_id", "");
  // 600 KB of text with a two-byte character every 10 bytes: pages must not cut one.
  std::string text;
  while (text.size() < 600 * 1024) text += "Pain 7/10 \xC3\xA9. ";
  auto attached = client.Post("/api/cases/" + id + "/records", headers,
                              json{{"text", text}, {"title", "long note"}, {"date", "2026-10-02"}}.dump(),
                              "application/json");
  ASSERT_TRUE(attached && attached->status == 201) << (attached ? attached->body : "");
  const int64_t record = json::parse(attached->body).value("record_id", int64_t{0});
  std::string joined;
  int pages = 0;
  for (json next = 0; !next.is_null(); ++pages) {
    auto page = client.Get("/api/cases/" + id + "/records/" + std::to_string(record) +
                               "?limit=100000&offset=" + std::to_string(next.get<int64_t>()),
                           headers);
    ASSERT_TRUE(page && page->status == 200);
    const json j = json::parse(page->body);  // valid JSON: no character was cut
    EXPECT_LE(j["text"].get<std::string>().size(), 100000u);
    EXPECT_EQ(j.value("total_bytes", size_t{0}), text.size());
    joined += j["text"].get<std::string>();
    next = j["next_offset"];
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(joined, text);
  EXPECT_GE(pages, 7);
  auto whole = client.Get("/api/cases/" + id + "/records/" + std::to_string(record), headers);  // default page
  ASSERT_TRUE(whole && whole->status == 200);
  EXPECT_LT(whole->body.size(), 300u * 1024);
  auto view = client.Get("/api/cases/" + id, headers);
  ASSERT_TRUE(view && view->status == 200);
  EXPECT_LT(view->body.size(), 64u * 1024) << "the case read carries record text";
  EXPECT_EQ(client.Get("/api/cases/" + id + "/records/" + std::to_string(record) + "?limit=0", headers)->status, 400);
}

}  // namespace
}  // namespace imr
