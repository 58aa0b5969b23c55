#include "tools/secret_file.hpp"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <random>

namespace parley::tools {
namespace {

bool from_hex(const std::string& hex, std::string* out) {
  if (hex.empty() || hex.size() % 2) return false;
  out->clear();
  for (size_t i = 0; i < hex.size(); i += 2) {
    unsigned v = 0;
    if (std::sscanf(hex.c_str() + i, "%2x", &v) != 1) return false;
    out->push_back(static_cast<char>(v));
  }
  return true;
}

}  // namespace

bool load_or_create_secret(const std::string& path, size_t bytes, std::string* secret,
                           std::string* error) {
  std::ifstream in(path);
  std::string hex;
  if (in) {
    // An existing file is never replaced: a new key would void every link
    // already sent (an empty file was silently replaced: our probe).
    if (std::getline(in, hex) && from_hex(hex, secret)) return true;
    *error = path + " holds no hex secret; restore it, or remove it to make a new one";
    return false;
  }
  std::random_device rd;  // getrandom(2)
  secret->clear();
  hex.clear();
  char two[3];
  for (size_t i = 0; i < bytes; ++i) {
    const auto b = static_cast<unsigned char>(rd() & 0xff);
    secret->push_back(static_cast<char>(b));
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    *error = "cannot write " + path;
    return false;
  }
  fchmod(fileno(f), 0600);
  const bool written = std::fprintf(f, "%s\n", hex.c_str()) > 0;
  if (std::fclose(f) != 0 || !written) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

}  // namespace parley::tools
