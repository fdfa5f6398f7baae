// Passwords of workbench users: hashed with Argon2id (libsodium's crypto_pwhash_str, the
// "interactive" cost: 2 passes over 64 MiB, memory-hard so guessing on GPUs stays expensive),
// verified in constant time, and held to a simple policy. Passwords are never stored, logged
// or echoed; only the self-describing hash string ("$argon2id$v=19$m=...") is kept.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace imr::auth {

inline constexpr size_t kMinPasswordLength = 12;
inline constexpr size_t kMaxPasswordLength = 1024;  // bounds the work an attacker can ask for

// The Argon2id hash string of the password (a fresh random salt each call). Throws
// std::runtime_error when libsodium cannot allocate the memory.
std::string hash_password(std::string_view password);

// True when the password matches the hash string; false for a wrong password or a hash
// string that is not one of ours.
bool verify_password(std::string_view password, const std::string& hash);

// The policy: at least 12 characters, at most 1024, and not all of one kind (lower-case
// letters, upper-case letters, digits, other characters). nullopt when the password is
// acceptable, else one sentence saying what a password needs.
std::optional<std::string> password_problem(std::string_view password);

// Throws InputError("password", problem) when password_problem() finds one.
void check_password_policy(std::string_view password);

// A random password that meets the policy (20 characters from letters and digits), for
// `imr users add --generate`.
std::string generate_password();

}  // namespace imr::auth
