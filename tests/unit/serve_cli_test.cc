// `imr serve` as a process: it starts on the store the other commands use, answers on
// loopback, exits 0 on SIGTERM after logging that it stopped, and refuses a bad setup with one
// clear message.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>

#include <chrono>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/cli.h"

namespace imr {
namespace {

using testing::quoted;
using testing::read_all;
using testing::run_imr;
using testing::scratch_dir;

TEST(ServeCli, AnswersOnLoopbackAndExitsCleanlyOnSigterm) {
  const auto dir = scratch_dir();
  const std::string store = (dir / "cases.db").string(), port_file = (dir / "port").string(),
                    log = (dir / "serve.log").string();
  ASSERT_EQ(run_imr("reviewers import " + quoted(std::string(IMR_SOURCE_DIR) + "/examples/reviewers.json") +
                    " --store " + quoted(store) + " --as setup")
                .code,
            0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    execl(IMR_BINARY, IMR_BINARY, "serve", "--store", store.c_str(), "--port", "0", "--port-file",
          port_file.c_str(), "--api-only", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::string port;
  for (int i = 0; i < 300 && port.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    port = read_all(port_file);
  }
  // A failed assertion below must not leave the server running (it would hold the test
  // runner's output open): stop it on every way out.
  struct StopServer {
    pid_t pid;
    bool reaped = false;
    ~StopServer() {
      if (reaped) return;
      kill(pid, SIGKILL);
      waitpid(pid, nullptr, 0);
    }
  } stop_server{pid};
  ASSERT_FALSE(port.empty()) << read_all(log);
  httplib::Client client("127.0.0.1", std::stoi(port));
  // Generous: on a loaded 2-core machine the first connection can take more than httplib's
  // default 300 ms.
  client.set_connection_timeout(std::chrono::seconds(20));
  client.set_read_timeout(std::chrono::seconds(60));
  auto health = client.Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(nlohmann::json::parse(health->body).value("store", ""), "sqlite");
  auto unauthenticated = client.Get("/api/cases");
  ASSERT_TRUE(unauthenticated);
  EXPECT_EQ(unauthenticated->status, 401);

  // A second server on the same port is refused (not silently sharing it on another store).
  const auto second = run_imr("serve --api-only --store " + quoted((dir / "other.db").string()) + " --port " +
                              port.substr(0, port.find('\n')));
  EXPECT_EQ(second.code, 1);
  EXPECT_NE(second.err.find("cannot listen"), std::string::npos) << second.err;

  ASSERT_EQ(kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  stop_server.reaped = true;
  ASSERT_TRUE(WIFEXITED(status)) << "killed by a signal instead of stopping";
  EXPECT_EQ(WEXITSTATUS(status), 0);
  const std::string logged = read_all(log);
  EXPECT_NE(logged.find("\"event\":\"listening\""), std::string::npos) << logged;
  EXPECT_NE(logged.find("\"event\":\"stopped\""), std::string::npos) << logged;
  EXPECT_NE(logged.find("\"route\":\"/api/cases\""), std::string::npos) << logged;
}

TEST(ServeCli, AMissingWorkbenchBuildIsOneClearError) {
  const auto dir = scratch_dir();
  const auto r = run_imr("serve --store " + quoted((dir / "cases.db").string()) + " --port 0 --web " +
                         quoted((dir / "no-such-dist").string()));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("no index.html"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace imr
