// The answer to an uploaded file that could not be read (formats/): refused
// whole, with the part and line that are wrong, so the admin can find them.
//   {"error":{"code":"unreadable_file","message":…,"errors":[{part,line,message}]}}
#pragma once

#include <nlohmann/json.hpp>

#include "formats/file_error.hpp"
#include "http/http_types.hpp"

namespace parley::http {

inline HttpResponse unreadable_file(int status, const formats::FileError& e) {
  using nlohmann::json;
  HttpResponse r = json_error(status, "unreadable_file", e.message);
  r.body = json{{"error",
                 {{"code", "unreadable_file"},
                  {"message", e.message},
                  {"errors",
                   json::array({{{"part", e.part}, {"line", e.line}, {"message", e.message}}})}}}}
               .dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

}  // namespace parley::http
