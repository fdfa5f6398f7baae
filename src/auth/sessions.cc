#include "auth/sessions.h"

#include <sodium.h>

#include <stdexcept>

#include "core/hash.h"

namespace imr::auth {

namespace {

constexpr size_t kTokenBytes = 32;

bool well_formed(std::string_view token) {
  if (token.size() != 2 * kTokenBytes) return false;
  for (char c : token)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

std::string random_token() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
  unsigned char bytes[kTokenBytes];
  randombytes_buf(bytes, sizeof bytes);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero(bytes, sizeof bytes);
  return hex;
}

std::string token_hash(std::string_view token) { return sha256_hex(token); }

NewSession create_session(StoreTx& tx, const std::string& user_id, Timestamp now, int64_t lifetime_seconds) {
  NewSession s;
  s.token = random_token();
  s.csrf_token = random_token();
  s.row.token_hash = token_hash(s.token);
  s.row.user_id = user_id;
  s.row.csrf_token = s.csrf_token;
  s.row.created_at = now.iso();
  s.row.expires_at = now.plus_seconds(lifetime_seconds).iso();
  tx.insert_session(s.row);
  return s;
}

std::optional<SessionRow> check_session(StoreTx& tx, std::string_view token, Timestamp now) {
  if (!well_formed(token)) return std::nullopt;
  auto row = tx.find_session(token_hash(token));
  if (!row || row->revoked) return std::nullopt;
  auto expires = parse_timestamp(row->expires_at);
  if (!expires || now >= *expires) return std::nullopt;
  return row;
}

bool revoke_session(StoreTx& tx, std::string_view token) {
  if (!well_formed(token)) return false;
  return tx.revoke_session(token_hash(token));
}

bool csrf_matches(const SessionRow& session, std::string_view given) {
  const std::string& expected = session.csrf_token;
  if (expected.empty() || given.size() != expected.size()) return false;
  return sodium_memcmp(expected.data(), given.data(), expected.size()) == 0;
}

}  // namespace imr::auth
