#include "core/file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>
#include <fstream>
#include <sstream>

#include "core/error.h"

namespace imr {

std::string read_file(const std::string& path, bool allow_empty) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  if (S_ISDIR(st.st_mode)) throw InputError(path, "is a directory, not a file");
  if (static_cast<size_t>(st.st_size) > kMaxInputBytes)
    throw InputError(path, "file is too large (" + std::to_string(st.st_size) +
                               " bytes; the limit is " + std::to_string(kMaxInputBytes) + ")");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, std::string("cannot open: ") + std::strerror(errno));
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string data = ss.str();
  if (data.size() > kMaxInputBytes) throw InputError(path, "file is too large");
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
