// Login sessions and CSRF tokens.
//
// A session token is 32 random bytes (libsodium randombytes_buf) in hex; the client keeps it
// in an HttpOnly, SameSite cookie and the store keeps only its SHA-256, so a copy of the
// store cannot be replayed as a login. Each session also has its own random CSRF token, which
// the client must send back (in a header or form field) with every state-changing request;
// it is compared in constant time (sodium_memcmp). A session ends when it expires or is
// revoked (logout).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/timestamp.h"
#include "store/store.h"

namespace imr::auth {

inline constexpr int64_t kDefaultSessionSeconds = 8 * 3600;  // one working day

// A session just created: the token goes to the client once and is never stored.
struct NewSession {
  std::string token;       // 64 hex characters
  std::string csrf_token;  // 64 hex characters
  SessionRow row;          // as stored (token_hash, not token)
};

// 32 random bytes as lower-case hex.
std::string random_token();

// Hex SHA-256 of a token: the key the store keeps.
std::string token_hash(std::string_view token);

// Creates and stores a session for user_id, valid for lifetime_seconds from now.
NewSession create_session(StoreTx& tx, const std::string& user_id, Timestamp now,
                          int64_t lifetime_seconds = kDefaultSessionSeconds);

// The stored session for a token, or nullopt when unknown, revoked or expired (at or after
// expires_at). Tokens that are not 64 hex characters are refused without a lookup.
std::optional<SessionRow> check_session(StoreTx& tx, std::string_view token, Timestamp now);

// Revokes the session (logout); false when the token names no session.
bool revoke_session(StoreTx& tx, std::string_view token);

// True only when `given` equals the session's CSRF token (constant time, never empty).
bool csrf_matches(const SessionRow& session, std::string_view given);

}  // namespace imr::auth
