// A Word document and a PDF read into the text a knowledge document keeps,
// split into passages that know their paragraph or page; and the damaged
// ones, refused whole with the part that is wrong.
#include <gtest/gtest.h>

#include "domain/knowledge_text.hpp"
#include "formats/docx_text.hpp"
#include "formats/knowledge_file.hpp"
#include "formats/pdf_text.hpp"
#include "tests/formats/made_files.hpp"

namespace parley::formats {
namespace {

namespace knowledge = domain::knowledge;
using testing::make_docx;
using testing::make_pdf;
using testing::make_zip;
using testing::WordParagraph;

constexpr size_t kCap = knowledge::kMaxDocumentBytes;

std::vector<WordParagraph> handbook() {
  return {{"Shop handbook", "Title"},
          {"Delivery", "Heading1"},
          {"We deliver across Indonesia in 2 to 4 working days."},
          {"We ship with:"},
          {"JNE", "", true},
          {"SiCepat", "", true},
          {"Returns", "Heading2"},
          {"You can return anything within 30 days & get your money back."}};
}

TEST(DocxText, ReadsParagraphsInOrderWithRunsJoinedHeadingsAndListItems) {
  auto text = docx_text(make_docx(handbook()), kCap);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(text.value(),
            "# Shop handbook\n"
            "# Delivery\n"
            "We deliver across Indonesia in 2 to 4 working days.\n"
            "We ship with:\n"
            "- JNE\n"
            "- SiCepat\n"
            "## Returns\n"
            "You can return anything within 30 days & get your money back.\n");
}

TEST(DocxText, EachPassageKnowsItsParagraphNumberAndHeading) {
  auto text = docx_text(make_docx(handbook()), kCap);
  ASSERT_TRUE(text.ok());
  auto split = knowledge::split(knowledge::Format::docx, text.value(), "en");
  ASSERT_TRUE(split.errors.empty());
  ASSERT_EQ(split.passages.size(), 3u);
  EXPECT_EQ(split.passages[0].line, 3u);
  EXPECT_EQ(split.passages[0].heading, "Delivery");
  // A paragraph that ends with ':' keeps the items below it.
  EXPECT_EQ(split.passages[1].text, "We ship with:\nJNE\nSiCepat");
  EXPECT_EQ(split.passages[1].line, 4u);
  EXPECT_EQ(split.passages[2].heading, "Returns");
  EXPECT_EQ(split.passages[2].line, 8u);
}

TEST(DocxText, AParagraphThatOnlyLooksLikeAHeadingStaysText) {
  auto text = docx_text(make_docx({{"# not a heading"}, {"- nor an item"}}), kCap);
  ASSERT_TRUE(text.ok());
  auto split = knowledge::split(knowledge::Format::docx, text.value(), "en");
  ASSERT_EQ(split.passages.size(), 2u);
  EXPECT_EQ(split.passages[0].text, "# not a heading");
  EXPECT_EQ(split.passages[0].heading, "");
  EXPECT_EQ(split.passages[1].text, "- nor an item");
}

TEST(DocxText, AFileThatIsNotAZipIsRefusedWhole) {
  auto text = docx_text("Dear customer, this is plain text.", kCap);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().part, "");
  EXPECT_NE(text.error().message.find("not a .docx"), std::string::npos) << text.error().message;
}

TEST(DocxText, AZipWithoutTheDocumentPartNamesThatPart) {
  auto text = docx_text(make_zip({{"xl/workbook.xml", "<workbook/>"}}), kCap);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().part, "word/document.xml");
}

TEST(DocxText, BrokenXmlNamesThePartAndItsLine) {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"w\">\n<w:body>\n<w:p><w:r><w:t>Hi</w:r>\n";
  auto text = docx_text(make_zip({{"word/document.xml", xml}}), kCap);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().part, "word/document.xml");
  EXPECT_EQ(text.error().line, 4u);
}

TEST(DocxText, ACutOffArchiveIsRefused) {
  const std::string whole = make_docx(handbook());
  auto text = docx_text(std::string_view(whole).substr(0, whole.size() / 2), kCap);
  EXPECT_FALSE(text.ok());
}

TEST(DocxText, APartThatInflatesPastTheCapIsRefusedNotRead) {
  // 40 MiB of spaces deflate to a few dozen KiB: a "zip bomb" for the reader.
  const std::string bomb = "<w:document><w:body>" + std::string(40u << 20, ' ');
  const std::string file = make_zip({{"word/document.xml", bomb}});
  ASSERT_LT(file.size(), 1u << 20);
  auto text = docx_text(file, kCap);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().part, "word/document.xml");
  EXPECT_NE(text.error().message.find("larger than"), std::string::npos);
}

TEST(DocxText, TextPastTheDocumentCapIsRefused) {
  std::vector<WordParagraph> many(2000, WordParagraph{std::string(100, 'a')});
  auto text = docx_text(make_docx(many), 100'000);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("split it"), std::string::npos);
}

TEST(PdfText, ReadsEachPageIntoParagraphsThatKnowTheirPage) {
  const std::string pdf = make_pdf({
      {{"Opening hours"}, {"We are open Monday to Friday,", "from 9 am to 6 pm."}},
      {{"Payment"}, {"We take cards and bank transfer."}},
  });
  auto text = pdf_text(pdf, kCap);
  ASSERT_TRUE(text.ok()) << text.error().message;
  auto split = knowledge::split(knowledge::Format::pdf, text.value(), "en");
  ASSERT_TRUE(split.errors.empty());
  ASSERT_EQ(split.passages.size(), 2u) << text.value();
  EXPECT_EQ(split.passages[0].text, "We are open Monday to Friday, from 9 am to 6 pm.");
  EXPECT_EQ(split.passages[0].page, 1u);
  EXPECT_EQ(split.passages[0].heading, "Opening hours") << "a title-like line names what follows";
  EXPECT_EQ(split.passages[1].text, "We take cards and bank transfer.");
  EXPECT_EQ(split.passages[1].page, 2u);
  EXPECT_EQ(split.passages[1].heading, "Payment");
}

TEST(PdfText, ATitleThatNothingFollowsIsAPassageAfterAll) {
  auto text = pdf_text(make_pdf({{{"Terms of sale"}}, {{"Returns"}, {"Within 30 days."}}}), kCap);
  ASSERT_TRUE(text.ok());
  auto split = knowledge::split(knowledge::Format::pdf, text.value(), "en");
  ASSERT_EQ(split.passages.size(), 2u);
  EXPECT_EQ(split.passages[0].text, "Terms of sale");
  EXPECT_EQ(split.passages[1].heading, "Returns");
}

TEST(DocxText, ABoldLineInPlaceOfAHeadingStyleNamesThePassagesBelowIt) {
  auto text = docx_text(make_docx({{"Delivery"}, {"We deliver in 2 days."}}), kCap);
  ASSERT_TRUE(text.ok());
  auto split = knowledge::split(knowledge::Format::docx, text.value(), "en");
  ASSERT_EQ(split.passages.size(), 1u);
  EXPECT_EQ(split.passages[0].heading, "Delivery");
  EXPECT_EQ(split.passages[0].line, 2u);
}

TEST(PdfText, JoinsAWordHyphenatedAtTheEndOfALine) {
  auto text = pdf_text(make_pdf({{{"Free deli-", "very over 50 EUR."}}}), kCap);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text.value(), "Free delivery over 50 EUR.");
}

TEST(PdfText, AFileThatIsNotAPdfIsRefused) {
  EXPECT_FALSE(pdf_text("hello, this is not a PDF", kCap).ok());
  EXPECT_FALSE(pdf_text("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog", kCap).ok());
}

TEST(PdfText, APdfWithNoTextIsRefusedAsAScan) {
  auto text = pdf_text(make_pdf({{}}), kCap);
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.error().message.find("no text"), std::string::npos);
}

TEST(KnowledgeFile, TextFormatsPassThroughAndTheExtensionNamesTheFormat) {
  auto same = knowledge_text_of(knowledge::Format::markdown, "# Hours\nNine to six.");
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same.value(), "# Hours\nNine to six.");
  knowledge::Format f = knowledge::Format::text;
  EXPECT_TRUE(knowledge_format_of_name("Handbook.DOCX", &f));
  EXPECT_EQ(f, knowledge::Format::docx);
  EXPECT_TRUE(knowledge_format_of_name("terms.pdf", &f));
  EXPECT_EQ(f, knowledge::Format::pdf);
  EXPECT_TRUE(knowledge_format_of_name("faq.csv", &f));
  EXPECT_EQ(f, knowledge::Format::faq_csv);
  EXPECT_FALSE(knowledge_format_of_name("README", &f));
}

}  // namespace
}  // namespace parley::formats
