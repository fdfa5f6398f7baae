#include "core/hash.h"

#include <sodium.h>

#include <stdexcept>

namespace imr {

std::string sha256_hex(std::string_view bytes) {
  static const bool ready = sodium_init() >= 0;  // once, thread-safe; idempotent
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace imr
