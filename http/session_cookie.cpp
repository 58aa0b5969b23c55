#include "http/session_cookie.hpp"

#include <cctype>

namespace parley::http {

namespace {

std::string header(const HttpRequest& req, const char* name) {
  auto it = req.headers.find(name);
  return it == req.headers.end() ? std::string() : it->second;
}

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
  return s.substr(b, e - b);
}

// "https://shop.example:8443" -> "shop.example:8443"; "" if not a URL.
std::string origin_host(const std::string& origin) {
  const auto scheme = origin.find("://");
  if (scheme == std::string::npos) return "";
  auto host = origin.substr(scheme + 3);
  if (auto slash = host.find('/'); slash != std::string::npos) host.resize(slash);
  return host;
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// RFC 6265's cookie-octet, less '%' (the escape itself).
bool plain_cookie_octet(unsigned char c) {
  return c == 0x21 || (c >= 0x23 && c <= 0x2B && c != 0x25) || (c >= 0x2D && c <= 0x3A) ||
         (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

// Member tokens are hex and pass as they are; an admin token of any bytes
// (PARLEY_ADMIN_TOKEN may hold spaces or ';') is %XX-escaped so it cannot end
// the value early or add attributes.
std::string encode_value(const std::string& token) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : token) {
    if (plain_cookie_octet(c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::string decode_value(const std::string& value) {
  std::string out;
  for (size_t i = 0; i < value.size(); ++i) {
    int hi = -1, lo = -1;
    if (value[i] == '%' && i + 2 < value.size() && (hi = hex_digit(value[i + 1])) >= 0 &&
        (lo = hex_digit(value[i + 2])) >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += value[i];
    }
  }
  return out;
}

std::string attributes(bool secure) {
  return std::string("; Path=/; HttpOnly; SameSite=Strict") + (secure ? "; Secure" : "");
}

}  // namespace

std::string session_cookie(const HttpRequest& req) {
  const std::string cookies = header(req, "cookie");
  const std::string wanted = kSessionCookie;
  size_t start = 0;
  while (start < cookies.size()) {
    auto end = cookies.find(';', start);
    if (end == std::string::npos) end = cookies.size();
    const auto pair = trim(cookies.substr(start, end - start));
    const auto eq = pair.find('=');
    if (eq != std::string::npos && pair.compare(0, eq, wanted) == 0 && eq == wanted.size())
      return decode_value(pair.substr(eq + 1));
    start = end + 1;
  }
  return "";
}

std::string session_set_cookie(const std::string& token, int64_t max_age_s, bool secure) {
  return std::string(kSessionCookie) + "=" + encode_value(token) + attributes(secure) +
         "; Max-Age=" + std::to_string(max_age_s);
}

std::string session_clear_cookie(bool secure) {
  return std::string(kSessionCookie) + "=" + attributes(secure) + "; Max-Age=0";
}

bool forwarded_https(const HttpRequest& req) {
  return lower(header(req, "x-forwarded-proto")) == "https";
}

bool csrf_safe(const HttpRequest& req) {
  if (req.method == "GET" || req.method == "HEAD") return true;
  if (header(req, kCsrfHeader) != "1") return false;
  const auto origin = header(req, "origin");
  if (origin.empty()) return true;  // same-origin fetches may omit it; the header is the proof
  return lower(origin_host(origin)) == lower(header(req, "host"));
}

}  // namespace parley::http
