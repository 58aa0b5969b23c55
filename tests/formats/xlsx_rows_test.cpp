// An Excel sheet read into the rows the CSV readers take: row numbers as
// lines, shared strings resolved, numbers as Excel shows them; a damaged
// workbook refused with the part and row that are wrong.
#include <gtest/gtest.h>

#include "formats/xlsx_rows.hpp"
#include "tests/formats/made_files.hpp"

namespace parley::formats {
namespace {

using testing::make_xlsx;
using testing::make_zip;

TEST(XlsxRows, ReadsTheFirstSheetWithSharedStringsNumbersAndEmptyCells) {
  auto rows = xlsx_rows(make_xlsx({{"sku", "name", "price", "stock"},
                                   {"HW-SCR-014", "Wood screw, 4 × 40", "12.5", ""},
                                   {},
                                   {"HW-TAP-006", "", "3", "120"}}));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows.value().size(), 3u) << "the empty row is no record";
  EXPECT_EQ(rows.value()[0].fields, (std::vector<std::string>{"sku", "name", "price", "stock"}));
  EXPECT_EQ(rows.value()[1].line, 2u);
  EXPECT_EQ(rows.value()[1].fields,
            (std::vector<std::string>{"HW-SCR-014", "Wood screw, 4 × 40", "12.5", ""}))
      << "a row ends where its last value does; it gets the header's width back";
  EXPECT_EQ(rows.value()[2].line, 4u) << "the row number Excel shows";
  EXPECT_EQ(rows.value()[2].fields, (std::vector<std::string>{"HW-TAP-006", "", "3", "120"}));
}

TEST(XlsxRows, ANumberIsWrittenTheShortWayExcelShowsIt) {
  const std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>12.300000000000001</v></c>"
      "<c r=\"B1\" t=\"b\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>hola</t></is></c>"
      "</row></sheetData></worksheet>";
  auto rows = xlsx_rows(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(rows.value()[0].fields, (std::vector<std::string>{"12.3", "TRUE", "hola"}));
}

TEST(XlsxRows, AFileThatIsNotAWorkbookIsRefusedWhole) {
  auto not_zip = xlsx_rows("sku,quantity\nA,1\n");
  ASSERT_FALSE(not_zip.ok());
  EXPECT_NE(not_zip.error().message.find("not an .xlsx"), std::string::npos);
  auto no_sheet = xlsx_rows(make_zip({{"word/document.xml", "<w:document/>"}}));
  ASSERT_FALSE(no_sheet.ok());
  EXPECT_EQ(no_sheet.error().part, "xl/worksheets/sheet1.xml");
}

TEST(XlsxRows, BrokenSheetXmlNamesThePartAndLine) {
  const std::string sheet = "<worksheet>\n<sheetData>\n<row r=\"1\"><c><v>1</v></row>\n";
  auto rows = xlsx_rows(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().part, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(rows.error().line, 3u);
}

TEST(XlsxRows, ACellNamingAMissingSharedStringNamesItsRow) {
  const std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>";
  auto rows = xlsx_rows(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("row 2"), std::string::npos) << rows.error().message;
}

TEST(XlsxRows, RowsOutOfOrderOrTwiceAreNotAnExcelSheetAndAreRefused) {
  const std::string sheet =
      "<worksheet><sheetData><row r=\"2\"><c r=\"A2\"><v>1</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>2</v></c></row></sheetData></worksheet>";
  auto rows = xlsx_rows(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  ASSERT_FALSE(rows.ok());
  EXPECT_NE(rows.error().message.find("row 2 comes after row 2"), std::string::npos)
      << rows.error().message;
}

TEST(XlsxRows, ACellFarOffToTheRightIsRefusedRatherThanPaddedForever) {
  const std::string sheet =
      "<worksheet><sheetData><row r=\"1\"><c r=\"XFD1\"><v>1</v></c></row></sheetData></worksheet>";
  auto rows = xlsx_rows(make_zip({{"xl/worksheets/sheet1.xml", sheet}}));
  EXPECT_FALSE(rows.ok());
}

}  // namespace
}  // namespace parley::formats
