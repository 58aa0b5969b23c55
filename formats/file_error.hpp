// Why an uploaded file could not be read, and where: the part of the file
// (a .docx's "word/document.xml", a PDF's "page 3", an .xlsx's sheet) and the
// line in that part when there is one, so an admin can find what to fix.
#pragma once

#include <cstdint>
#include <string>

namespace parley::formats {

struct FileError {
  std::string part;   // "" when it is about the file as a whole
  uint32_t line = 0;  // 1-based line in `part`; 0 when it has none
  std::string message;
};

}  // namespace parley::formats
