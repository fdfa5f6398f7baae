#include "auth/password.h"

#include <sodium.h>

#include <stdexcept>

#include "core/error.h"

namespace imr::auth {

namespace {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;  // once, thread-safe; idempotent
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

int char_class(unsigned char c) {
  if (c >= 'a' && c <= 'z') return 0;
  if (c >= 'A' && c <= 'Z') return 1;
  if (c >= '0' && c <= '9') return 2;
  return 3;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw std::runtime_error("not enough memory to hash a password");
  return out;
}

bool verify_password(std::string_view password, const std::string& hash) {
  ensure_sodium();
  if (hash.size() >= crypto_pwhash_STRBYTES || hash.rfind("$argon2id$", 0) != 0) return false;
  if (password.size() > kMaxPasswordLength) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::optional<std::string> password_problem(std::string_view password) {
  static const std::string kRule =
      "a password needs 12 to 1024 characters and more than one kind of character "
      "(lower-case, upper-case, digits, symbols)";
  if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) return kRule;
  bool kinds[4] = {false, false, false, false};
  for (unsigned char c : password) kinds[char_class(c)] = true;
  if (kinds[0] + kinds[1] + kinds[2] + kinds[3] < 2) return kRule;
  return std::nullopt;
}

void check_password_policy(std::string_view password) {
  if (auto problem = password_problem(password)) throw InputError("password", *problem);
}

std::string generate_password() {
  ensure_sodium();
  static constexpr std::string_view kAlphabet =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";  // no 0/O, 1/l/I look-alikes
  for (;;) {
    std::string out;
    for (int i = 0; i < 20; ++i)
      out += kAlphabet[randombytes_uniform(static_cast<uint32_t>(kAlphabet.size()))];
    if (!password_problem(out)) return out;  // all one kind: vanishingly rare, draw again
  }
}

}  // namespace imr::auth
