// Serves the console (web/): GET / is its page, GET /assets/{file} its
// bundle, from files the binary carries. The page is revalidated on every
// load (ETag, no-cache) and answers with a strict Content-Security-Policy;
// an asset's name holds its content's hash, so it is cached for a year.
// Compression is the server's (cpp-httplib gzips or brotlis text by the
// client's Accept-Encoding).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "http/router.hpp"

namespace parley::http {

struct ConsoleFile {
  std::string name;  // "index.html", "assets/app-3F2A.js"
  std::string_view bytes;
};

// "text/javascript; charset=utf-8" for "x.js" …; application/octet-stream if unknown.
std::string content_type_of(const std::string& name);

void register_console(Router& router, const std::vector<ConsoleFile>& files);

}  // namespace parley::http
