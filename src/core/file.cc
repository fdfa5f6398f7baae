#include "core/file.h"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <cstdint>
#include <fstream>

#include "core/error.h"
#include "core/limits.h"

namespace imr {

static_assert(kMaxInputBytes == limits::kMaxFileBytes, "core/limits.h is the one place for limits");

std::string read_file(const std::string& path, bool allow_empty) {
  const size_t max_bytes = kMaxInputBytes;
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  if (!S_ISREG(st.st_mode)) throw InputError(path, "is not a regular file (a device, FIFO or socket): refused");
  const std::string too_large = "file is too large (the limit is " + std::to_string(max_bytes) + " bytes)";
  if (static_cast<uint64_t>(st.st_size) > max_bytes) throw InputError(path, too_large);
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  std::string data;
  data.reserve(static_cast<size_t>(st.st_size));
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError(path, std::string("cannot read: ") + std::strerror(errno));
    if (n == 0) break;
    if (data.size() + static_cast<size_t>(n) > max_bytes) throw InputError(path, too_large);  // it grew
    data.append(buffer, static_cast<size_t>(n));
  }
  if (!allow_empty && data.find_first_not_of(" \t\r\n\f") == std::string::npos)
    throw InputError(path, "file is empty");
  return data;
}

void write_file_atomic(const std::string& path, const std::string& content) {
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, std::string("cannot write: ") + std::strerror(errno));
    out << content;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      throw InputError(path, "write failed");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    throw InputError(path, std::string("cannot write: ") + std::strerror(errno));
  }
}

}  // namespace imr
