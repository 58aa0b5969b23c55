#include "payments/stripe_signature.hpp"

#include <cstdlib>
#include <vector>

#include "channels/signatures.hpp"

namespace parley::payments {

const char* to_string(SignatureCheck c) {
  switch (c) {
    case SignatureCheck::ok:
      return "ok";
    case SignatureCheck::missing:
      return "missing";
    case SignatureCheck::malformed:
      return "malformed";
    case SignatureCheck::mismatch:
      return "mismatch";
    case SignatureCheck::outside_window:
      return "outside_window";
  }
  return "malformed";
}

SignatureCheck check_stripe_signature(const std::string& secret, const std::string& header,
                                      const std::string& body, int64_t now_seconds,
                                      int64_t tolerance_seconds) {
  if (secret.empty() || header.empty()) return SignatureCheck::missing;
  std::string t;
  std::vector<std::string> v1;
  for (size_t start = 0; start <= header.size();) {
    size_t comma = header.find(',', start);
    if (comma == std::string::npos) comma = header.size();
    const std::string part = header.substr(start, comma - start);
    const size_t eq = part.find('=');
    if (eq != std::string::npos) {
      const std::string key = part.substr(0, eq), value = part.substr(eq + 1);
      if (key == "t") t = value;
      if (key == "v1") v1.push_back(value);
    }
    start = comma + 1;
  }
  if (t.empty() || v1.empty()) return SignatureCheck::malformed;
  char* end = nullptr;
  const long long at = std::strtoll(t.c_str(), &end, 10);
  if (*end != '\0' || t[0] == '-') return SignatureCheck::malformed;
  const std::string expected = channels::hmac_sha256_hex(secret, t + "." + body);
  bool matched = false;
  for (const auto& candidate : v1)
    matched = channels::constant_time_equal(candidate, expected) || matched;
  if (!matched) return SignatureCheck::mismatch;
  const int64_t skew = now_seconds - static_cast<int64_t>(at);
  if (skew > tolerance_seconds || -skew > tolerance_seconds) return SignatureCheck::outside_window;
  return SignatureCheck::ok;
}

std::string stripe_signature_header(const std::string& secret, const std::string& body, int64_t t) {
  return "t=" + std::to_string(t) +
         ",v1=" + channels::hmac_sha256_hex(secret, std::to_string(t) + "." + body);
}

}  // namespace parley::payments
