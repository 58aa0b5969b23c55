// The XML inside an uploaded .docx or .xlsx (formats/docx_text.cpp,
// formats/xlsx_rows.cpp): the input, after one byte choosing which, is put
// into a real ZIP archive as word/document.xml or as a sheet (with a shared
// strings part from its first line), so the fuzzer works on our walkers over
// the XML, not on libzip's checks. Besides "no crash": a Word text stays within
// its cap and splits into valid passages; rows come in increasing row order,
// no wider than the column cap, and within the cell cap.
#include <string>

#include "domain/knowledge_text.hpp"
#include "formats/docx_text.hpp"
#include "formats/xlsx_rows.hpp"
#include "fuzz/fuzz.hpp"
#include "tests/formats/made_zip.hpp"

using namespace parley;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string xml(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] % 2 == 0) {
    constexpr size_t kCap = 64 * 1024;
    auto text = formats::docx_text(testing::make_zip({{"word/document.xml", xml}}), kCap);
    if (!text) return 0;
    if (text.value().size() > kCap) fuzz::fail("docx text past its cap");
    auto split = domain::knowledge::split(domain::knowledge::Format::docx, text.value(), "en");
    for (const auto& p : split.passages)
      if (p.text.empty() || p.text.size() > domain::knowledge::kMaxPassageBytes)
        fuzz::fail("a docx passage empty or over its cap");
    return 0;
  }
  const size_t nl = xml.find('\n');
  const std::string strings = nl == std::string::npos ? "" : xml.substr(0, nl);
  auto rows = formats::xlsx_rows(testing::make_zip(
      {{"xl/sharedStrings.xml", strings}, {"xl/worksheets/sheet1.xml", xml.substr(nl + 1)}}));
  if (!rows) return 0;
  size_t last = 0, cells = 0;
  for (const auto& r : rows.value()) {
    if (r.line <= last) fuzz::fail("rows out of order");
    last = r.line;
    if (r.fields.size() > formats::kMaxXlsxColumns) fuzz::fail("a row past the column cap");
    cells += r.fields.size();
  }
  if (cells > formats::kMaxXlsxCells + formats::kMaxXlsxColumns * rows.value().size())
    fuzz::fail("more cells than the cap");
  return 0;
}
