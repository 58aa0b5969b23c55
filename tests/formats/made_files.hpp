// Real files made by the tests, the way a shop's tools would write them: a
// ZIP archive (so a .docx or .xlsx) written with libzip (made_zip.hpp), and a PDF drawn with
// cairo. Header-only; the test binary links libzip and cairo.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "tests/formats/made_zip.hpp"

namespace parley::testing {

// A paragraph of a Word document: its style id ("Heading1", "" for body
// text) and whether it is a list item.
struct WordParagraph {
  std::string text;
  std::string style = "";
  bool list_item = false;
};

inline std::string xml_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '&')
      out += "&amp;";
    else if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else
      out += c;
  }
  return out;
}

// word/document.xml as Word writes it (namespace "w", runs in paragraphs);
// each paragraph's text in two runs, so a reader must join runs.
inline std::string word_document_xml(const std::vector<WordParagraph>& paragraphs) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:body>";
  for (const auto& p : paragraphs) {
    xml += "<w:p>";
    if (!p.style.empty() || p.list_item) {
      xml += "<w:pPr>";
      if (!p.style.empty()) xml += "<w:pStyle w:val=\"" + p.style + "\"/>";
      if (p.list_item) xml += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>";
      xml += "</w:pPr>";
    }
    const size_t half = p.text.find(' ') == std::string::npos ? p.text.size() : p.text.find(' ');
    xml += "<w:r><w:t xml:space=\"preserve\">" + xml_escaped(p.text.substr(0, half)) +
           "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" +
           xml_escaped(p.text.substr(half)) + "</w:t></w:r></w:p>\n";
  }
  return xml + "<w:sectPr/></w:body></w:document>";
}

inline std::string make_docx(const std::vector<WordParagraph>& paragraphs) {
  return make_zip({{"[Content_Types].xml",
                    "<?xml version=\"1.0\"?><Types "
                    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"},
                   {"word/document.xml", word_document_xml(paragraphs)}});
}

// An Excel workbook of one sheet, as Excel writes it: text in the shared
// strings table, numbers as numbers (a cell whose text parses whole as one),
// empty cells not written at all, and a first sheet found through the
// workbook's relationships.
inline std::string xlsx_column(size_t col) {
  std::string name;
  for (++col; col > 0; col = (col - 1) / 26) name.insert(name.begin(), char('A' + (col - 1) % 26));
  return name;
}

inline std::string make_xlsx(const std::vector<std::vector<std::string>>& rows,
                             const std::string& sheet_part = "worksheets/data.xml") {
  std::vector<std::string> strings;
  std::string sheet =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet "
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\n";
  for (size_t r = 0; r < rows.size(); ++r) {
    const std::string row_number = std::to_string(r + 1);
    sheet += "<row r=\"" + row_number + "\">";
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const std::string& v = rows[r][c];
      if (v.empty()) continue;
      const std::string ref = xlsx_column(c) + row_number;
      char* end = nullptr;
      std::strtod(v.c_str(), &end);
      if (*end == '\0' && v.find_first_not_of("0123456789.-") == std::string::npos) {
        sheet += "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
      } else {
        sheet += "<c r=\"" + ref + "\" t=\"s\"><v>" + std::to_string(strings.size()) + "</v></c>";
        strings.push_back(v);
      }
    }
    sheet += "</row>\n";
  }
  sheet += "</sheetData></worksheet>";
  std::string sst = "<?xml version=\"1.0\"?><sst xmlns=\"x\">";
  for (const auto& s : strings) sst += "<si><t>" + xml_escaped(s) + "</t></si>";
  sst += "</sst>";
  return make_zip(
      {{"xl/workbook.xml",
        "<?xml version=\"1.0\"?><workbook xmlns=\"x\" xmlns:r=\"r\"><sheets><sheet "
        "name=\"Stock\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>"},
       {"xl/_rels/workbook.xml.rels",
        "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId7\" Type=\"worksheet\" "
        "Target=\"" +
            sheet_part + "\"/></Relationships>"},
       {"xl/sharedStrings.xml", sst},
       {"xl/" + sheet_part, sheet}});
}

// A PDF of A4 pages, each a list of paragraphs of lines, drawn in DejaVu Sans
// 11 pt: lines 14 pt apart, paragraphs 28 pt apart.
inline std::string make_pdf(const std::vector<std::vector<std::vector<std::string>>>& pages) {
  std::string out;
  auto write = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  };
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(write, &out, 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 11);
  for (const auto& page : pages) {
    double y = 60;
    for (const auto& paragraph : page) {
      for (const auto& line : paragraph) {
        cairo_move_to(cr, 50, y);
        cairo_show_text(cr, line.c_str());
        y += 14;
      }
      y += 14;
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

}  // namespace parley::testing
