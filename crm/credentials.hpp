// Passwords and bearer tokens (libsodium).
//   Passwords: argon2id (crypto_pwhash_str_alg), the parameters inside the
//   hash string, so a stronger cost applies to new hashes without breaking old.
//   Tokens: 32 random bytes, hex, prefixed "plt_"; only their SHA-256 is
//   ever stored or logged (token_id).
// Hashing and verifying are slow by design (tens of ms, 64 MiB): call them
// from HTTP threads, never from a CAF handler.
#pragma once

#include <string>

namespace parley::crm {

enum class PasswordCost { interactive, moderate, minimum };
// "interactive" (default), "moderate" or "minimum" (tests only); false otherwise.
bool parse_password_cost(const std::string& text, PasswordCost* out);

// 8..256 bytes.
bool acceptable_password(const std::string& password);
// An argon2id hash string; "" if hashing failed (out of memory).
std::string hash_password(const std::string& password, PasswordCost cost);
// Constant-time with respect to the password; false for a malformed hash.
bool verify_password(const std::string& hash, const std::string& password);

std::string new_token();
std::string token_id(const std::string& token);  // SHA-256, hex

}  // namespace parley::crm
