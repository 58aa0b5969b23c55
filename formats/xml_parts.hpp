// Reading the XML parts of Office files with pugixml: elements and attributes
// by their local name (Word and Excel write "w:" and no prefix, other writers
// bind the same namespaces to other prefixes), and a parse that names the part
// and line of the first error. pugixml expands no DOCTYPE or external entity,
// so a part cannot make the reader fetch a file or grow without bound.
#pragma once

#include <pugixml.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "formats/file_error.hpp"

namespace parley::formats::xml {

inline std::string_view local_name(std::string_view name) {
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

inline std::string_view local(const pugi::xml_node& n) {
  return local_name(n.name());
}

inline pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
  for (auto c : n.children())
    if (local(c) == name) return c;
  return {};
}

inline std::string_view attribute(const pugi::xml_node& n, std::string_view name) {
  for (auto a : n.attributes())
    if (local_name(a.name()) == name) return a.value();
  return {};
}

// The error, if `text` is not well-formed XML: the part and the line.
inline std::optional<FileError> parse(pugi::xml_document* doc, const std::string& text,
                                      const std::string& part) {
  const auto parsed =
      doc->load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
  if (parsed) return std::nullopt;
  uint32_t line = 1;
  for (ptrdiff_t i = 0; i < parsed.offset && i < static_cast<ptrdiff_t>(text.size()); ++i)
    line += text[static_cast<size_t>(i)] == '\n' ? 1 : 0;
  return FileError{part, line, std::string("the XML is broken: ") + parsed.description()};
}

}  // namespace parley::formats::xml
