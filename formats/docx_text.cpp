#include "formats/docx_text.hpp"

#include "formats/xml_parts.hpp"
#include "formats/zip_reader.hpp"

namespace parley::formats {
namespace {

using domain::fail;
constexpr const char* kPart = "word/document.xml";

using xml::attribute;
using xml::child;
using xml::local;

// 1..6 for a heading paragraph, 0 otherwise.
int heading_level(const pugi::xml_node& properties) {
  if (!properties) return 0;
  if (auto style = child(properties, "pStyle")) {
    std::string_view v = attribute(style, "val");
    if (v == "Title") return 1;
    if (v.size() == 8 && v.substr(0, 7) == "Heading" && v[7] >= '1' && v[7] <= '6')
      return v[7] - '0';
  }
  if (auto outline = child(properties, "outlineLvl")) {
    std::string_view v = attribute(outline, "val");
    if (v.size() == 1 && v[0] >= '0' && v[0] <= '5') return v[0] - '0' + 1;
  }
  return 0;
}

// The paragraph's text: its runs' text, tabs and breaks as spaces. Deleted
// text (tracked changes) and field instructions are not what the reader sees.
void gather(const pugi::xml_node& n, std::string* out) {
  for (auto c : n.children()) {
    const std::string_view name = local(c);
    if (name == "t") {
      out->append(c.text().get());
    } else if (name == "tab" || name == "br" || name == "cr") {
      out->push_back(' ');
    } else if (name == "del" || name == "instrText" || name == "pPr" || name == "rPr") {
      continue;
    } else if (c.type() == pugi::node_element) {
      gather(c, out);
    }
  }
}

// One line: collapsed whitespace, and no line breaks of its own.
std::string one_line(const std::string& text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) <= 0x20) {
      gap = !out.empty();
    } else {
      if (gap) out.push_back(' ');
      gap = false;
      out.push_back(c);
    }
  }
  return out;
}

class Writer {
 public:
  explicit Writer(size_t max) : max_(max) {}
  void paragraph(const pugi::xml_node& p) {
    std::string text;
    gather(p, &text);
    text = one_line(text);
    const auto properties = child(p, "pPr");
    if (!text.empty()) {
      if (int level = heading_level(properties)) {
        out_.append(static_cast<size_t>(level), '#').push_back(' ');
      } else if (properties && child(properties, "numPr")) {
        out_.append("- ");
      } else if (text[0] == '#' || (text.size() > 1 && text[0] == '-' && text[1] == ' ')) {
        out_.push_back(' ');  // a paragraph that only looks like a heading or list item
      }
    }
    out_.append(text).push_back('\n');
  }
  // Paragraphs in document order, in the body and in its tables, however
  // deep; a paragraph's own content (text boxes) is gathered with it.
  void walk(const pugi::xml_node& n) {
    for (auto c : n.children()) {
      if (c.type() != pugi::node_element) continue;
      if (local(c) == "p")
        paragraph(c);
      else
        walk(c);
      if (out_.size() > max_) return;
    }
  }
  bool over() const { return out_.size() > max_; }
  std::string take() { return std::move(out_); }

 private:
  size_t max_;
  std::string out_;
};

}  // namespace

domain::Result<std::string, FileError> docx_text(std::string_view bytes, size_t max_text) {
  auto zip = ZipReader::open(bytes);
  if (!zip) {
    FileError e = zip.error();
    e.message = "not a .docx file (" + e.message + ")";
    return fail(std::move(e));
  }
  if (!zip.value()->has(kPart))
    return fail(FileError{kPart, 0, "not a .docx file: it has no word/document.xml"});
  auto xml = zip.value()->read(kPart, kMaxDocxXmlBytes);
  if (!xml) return fail(xml.error());
  pugi::xml_document doc;
  if (auto bad = xml::parse(&doc, xml.value(), kPart)) return fail(*bad);
  pugi::xml_node body = child(doc.document_element(), "body");
  if (local(doc.document_element()) != "document" || !body)
    return fail(FileError{kPart, 1, "not a Word document body"});
  Writer writer(max_text);
  writer.walk(body);
  if (writer.over())
    return fail(FileError{"", 0,
                          "the document's text is over " + std::to_string(max_text >> 20) +
                              " MiB; split it into several documents"});
  return writer.take();
}

}  // namespace parley::formats
