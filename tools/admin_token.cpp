#include <sys/stat.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "tools/commands.hpp"
#include "tools/embedded_file.hpp"

namespace parley::tools {

std::string demo_catalog_csv() {
  return std::string(demo_catalog_files().front().bytes);  // data/demo_catalog.csv
}

bool admin_token(const Settings& settings, std::string* token, std::string* error) {
  if (const char* env = std::getenv("PARLEY_ADMIN_TOKEN"); env && *env) {
    *token = env;
    return true;
  }
  const std::string path = settings.data_dir + "/admin-token";
  std::ifstream in(path);
  if (in && std::getline(in, *token) && !token->empty()) return true;

  std::random_device rd;
  char buf[65];
  for (int i = 0; i < 32; ++i) std::snprintf(buf + 2 * i, 3, "%02x", rd() & 0xff);
  *token = buf;
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) {
    *error = "cannot write " + path;
    return false;
  }
  fchmod(fileno(f), 0600);
  std::fprintf(f, "%s\n", token->c_str());
  std::fclose(f);
  std::fprintf(stderr, "parley: generated the admin token %s (saved in %s, mode 0600)\n",
               token->c_str(), path.c_str());
  return true;
}

}  // namespace parley::tools
