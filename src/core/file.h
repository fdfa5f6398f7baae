// Reading files at the edge: bounded size, clear errors naming the file.
#pragma once

#include <cstddef>
#include <string>

namespace imr {

// Files larger than this are refused rather than read (bounded memory on untrusted input).
inline constexpr size_t kMaxInputBytes = 32u << 20;

// Reads a whole regular file, counting bytes while reading (a link to /dev/zero or a FIFO
// never makes it read past the limit or block). Throws InputError naming the file if it
// cannot be opened, is not a regular file (device, FIFO, socket), is a
// directory, is larger than kMaxInputBytes, or (when allow_empty is false) is empty.
std::string read_file(const std::string& path, bool allow_empty = false);

// Writes a file atomically: to a temporary beside it, then renamed over the target, so a
// crash never leaves a half-written file. Throws InputError on failure.
void write_file_atomic(const std::string& path, const std::string& content);

}  // namespace imr
