// The HMACs platforms sign webhooks with (OpenSSL), compared in constant time.
#pragma once

#include <map>
#include <string>

namespace parley::channels {

std::string hmac_sha256_hex(const std::string& key, const std::string& data);
std::string hmac_sha1_base64(const std::string& key, const std::string& data);
std::string base64_encode(const std::string& bytes);
// Constant time in the length of `a` (CRYPTO_memcmp); false when lengths differ.
bool constant_time_equal(const std::string& a, const std::string& b);

// WhatsApp Cloud API: X-Hub-Signature-256 is "sha256=" + hex HMAC-SHA256 of
// the raw body keyed by the app secret.
bool whatsapp_signature_valid(const std::string& app_secret, const std::string& body,
                              const std::string& header);
// Twilio: base64 HMAC-SHA1, keyed by the auth token, of the full URL Twilio
// called followed by every POST parameter's name and value, sorted by name.
std::string twilio_signature(const std::string& auth_token, const std::string& url,
                             const std::map<std::string, std::string>& params);

}  // namespace parley::channels
