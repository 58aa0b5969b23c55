// application/x-www-form-urlencoded, as Twilio posts and expects it.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace parley::channels {

std::string url_encode(const std::string& s);
// Name/value pairs; a repeated name keeps its last value. False on a malformed escape.
bool parse_form(const std::string& body, std::map<std::string, std::string>* out);
std::string encode_form(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace parley::channels
