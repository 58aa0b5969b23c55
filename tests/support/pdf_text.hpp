// Test helpers for documents: the text of a PDF as pdftotext (poppler-utils)
// reads it, and the attachment of a MIME message.
#pragma once

#include <cstdio>
#include <fstream>
#include <string>

#include "tests/support/temp_dir.hpp"

namespace parley::testing {

// pdftotext's reading of `pdf` ("" if it cannot read it).
inline std::string pdf_text(const std::string& pdf) {
  TempDir dir;
  const std::string path = dir.sub("doc.pdf");
  {
    std::ofstream out(path, std::ios::binary);
    out.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  }
  std::string cmd = "pdftotext -enc UTF-8 -layout '" + path + "' - 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return "";
  std::string text;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  pclose(p);
  return text;
}

inline std::string base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  // Only the bits not yet written are kept (fewer than 8, then 6 more): a
  // growing int would overflow past five characters.
  unsigned bits = 0, acc = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;  // line breaks, padding
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
      acc &= (1u << bits) - 1;
    }
  }
  return out;
}

// The decoded body of the first base64 part with `Content-Disposition:
// attachment` in a MIME message ("" if there is none).
inline std::string mime_attachment(const std::string& message, std::string* filename = nullptr) {
  const auto at = message.find("Content-Disposition: attachment");
  if (at == std::string::npos) return "";
  if (filename) {
    const auto f = message.find("filename=\"", at);
    if (f != std::string::npos) {
      const auto end = message.find('"', f + 10);
      *filename = message.substr(f + 10, end - f - 10);
    }
  }
  const auto start = message.find("\r\n\r\n", at);
  if (start == std::string::npos) return "";
  const auto end = message.find("\r\n--", start + 4);
  return base64_decode(
      message.substr(start + 4, end == std::string::npos ? std::string::npos : end - start - 4));
}

}  // namespace parley::testing
