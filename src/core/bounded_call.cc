#include "core/bounded_call.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <new>

#include "core/error.h"

namespace imr {

namespace {

// The child's report: one status byte, then the text or the message.
constexpr char kText = 'T';
constexpr char kInputError = 'E';
constexpr char kOutOfMemory = 'M';
constexpr char kFailed = 'X';

void write_all(int fd, const char* data, size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    data += n;
    size -= static_cast<size_t>(n);
  }
}

[[noreturn]] void run_child(int out, const std::function<std::string()>& work, const CallLimits& limits) {
  rlimit cpu{static_cast<rlim_t>(limits.cpu_seconds), static_cast<rlim_t>(limits.cpu_seconds) + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  if (kCallMemoryLimitApplies) {
    rlimit memory{static_cast<rlim_t>(limits.memory_bytes), static_cast<rlim_t>(limits.memory_bytes)};
    ::setrlimit(RLIMIT_AS, &memory);
  }
  char status = kText;
  std::string payload;
  try {
    payload = work();
  } catch (const InputError& e) {
    status = kInputError;
    payload = e.problem();
  } catch (const std::bad_alloc&) {
    status = kOutOfMemory;
    payload.clear();
  } catch (const std::exception& e) {
    status = kFailed;
    payload = e.what();
  } catch (...) {
    status = kFailed;
    payload = "unknown error";
  }
  write_all(out, &status, 1);
  write_all(out, payload.data(), payload.size());
  ::close(out);
  ::_exit(0);
}

}  // namespace

std::string bounded_call(const std::function<std::string()>& work, const CallLimits& limits, const std::string& name) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) throw InputError(name, std::string("cannot start: ") + std::strerror(errno));
  const pid_t child = ::fork();
  if (child < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw InputError(name, std::string("cannot start: ") + std::strerror(errno));
  }
  if (child == 0) {
    ::close(pipe_fds[0]);
    run_child(pipe_fds[1], work, limits);
  }
  ::close(pipe_fds[1]);
  const int in = pipe_fds[0];

  std::string report;
  bool too_large = false;
  bool timed_out = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds);
  char buffer[1 << 16];
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{in, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;  // the deadline check above ends the wait
    const ssize_t n = ::read(in, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    if (report.size() + static_cast<size_t>(n) > limits.max_result_bytes + 1) {
      too_large = true;
      break;
    }
    report.append(buffer, static_cast<size_t>(n));
  }
  ::close(in);
  if (timed_out || too_large) ::kill(child, SIGKILL);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }

  if (timed_out) throw InputError(name, "took longer than " + std::to_string(limits.wall_seconds) + " s to read: refused");
  if (too_large)
    throw InputError(name, "its text is larger than the limit of " + std::to_string(limits.max_result_bytes) + " bytes");
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU || sig == SIGKILL)
      throw InputError(name, "took more than " + std::to_string(limits.cpu_seconds) + " s of CPU to read: refused");
    throw InputError(name, "could not be read (the reader stopped with signal " + std::to_string(sig) + ")");
  }
  if (report.empty()) throw InputError(name, "could not be read (the reader ended without an answer)");
  const char kind = report[0];
  std::string payload = report.substr(1);
  if (kind == kText) return payload;
  if (kind == kInputError) throw InputError(name, payload);
  if (kind == kOutOfMemory)
    throw InputError(name, "needs more than " + std::to_string(limits.memory_bytes >> 20) + " MiB of memory to read: refused");
  throw InputError(name, "could not be read: " + payload);
}

}  // namespace imr
