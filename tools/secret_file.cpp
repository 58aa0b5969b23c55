#include "tools/secret_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
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

// Written whole and synced, file and directory, before anything is sealed
// with it: a secret lost to a power cut would void every link it signed, or
// for the master key every sealed record.
bool write_new(const std::string& path, const std::string& text, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    *error = "cannot create " + path + ": " + std::strerror(errno);
    return false;
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ok = ::fsync(fd) == 0 && ok;
  ok = ::close(fd) == 0 && ok;
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  if (const int d = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); d >= 0) {
    ok = ::fsync(d) == 0 && ok;
    ::close(d);
  }
  if (!ok) *error = "cannot write " + path;
  return ok;
}

}  // namespace

bool make_private_dir(const std::string& dir, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    *error = "cannot create " + dir + ": " + ec.message();
    return false;
  }
  const auto perms = fs::status(dir, ec).permissions();
  if (ec) {
    *error = "cannot read " + dir + ": " + ec.message();
    return false;
  }
  constexpr auto kOthers = fs::perms::group_all | fs::perms::others_all;
  if ((perms & kOthers) == fs::perms::none) return true;
  fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) {
    *error = "cannot make " + dir + " private (mode 0700): " + ec.message();
    return false;
  }
  std::fprintf(stderr, "parley: %s was open to other users; it is now mode 0700\n", dir.c_str());
  return true;
}

bool load_secret(const std::string& path, std::string* secret, std::string* error) {
  std::ifstream in(path);
  std::string hex;
  if (!in) {
    *error = "no secret at " + path;
    return false;
  }
  if (std::getline(in, hex) && from_hex(hex, secret)) return true;
  *error = path + " holds no hex secret; restore it, or remove it to make a new one";
  return false;
}

bool load_or_create_secret(const std::string& path, size_t bytes, std::string* secret,
                           std::string* error) {
  // An existing file is never replaced: a new key would void every link
  // already sent (an empty file was silently replaced: our probe).
  if (std::ifstream(path)) return load_secret(path, secret, error);
  std::random_device rd;  // getrandom(2)
  secret->clear();
  std::string hex;
  char two[3];
  for (size_t i = 0; i < bytes; ++i) {
    const auto b = static_cast<unsigned char>(rd() & 0xff);
    secret->push_back(static_cast<char>(b));
    std::snprintf(two, sizeof two, "%02x", b);
    hex += two;
  }
  return write_new(path, hex + "\n", error);
}

}  // namespace parley::tools
