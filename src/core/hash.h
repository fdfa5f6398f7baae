// Content hashes (libsodium's SHA-256): identify a stored file by its bytes, so attaching
// the same record twice is recognised.
#pragma once

#include <string>
#include <string_view>

namespace imr {

// Lower-case hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);

}  // namespace imr
