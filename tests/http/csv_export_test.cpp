// CSV exports of the analytics routes (?format=csv).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/analytics_api.hpp"

namespace parley::http {
namespace {

using nlohmann::json;

// Issue 17, item 13: a cell a shopper or team member wrote could run as a
// formula when an analyst opened the export.
TEST(CsvExport, CellsThatWouldBeFormulasAreNeutralised) {
  json rows = json::array({{{"text", "=HYPERLINK(\"http://evil\",\"x\")"}, {"n", -5}},
                           {{"text", "+1 555"}, {"n", 3}},
                           {{"text", "-2+3"}, {"n", 0}},
                           {{"text", "@SUM(A1)"}, {"n", 1}},
                           {{"text", "plain, with comma"}, {"n", 2}}});
  const auto csv = to_csv(rows, {"text", "n"});
  EXPECT_EQ(csv,
            "text,n\r\n"
            "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",-5\r\n"
            "'+1 555,3\r\n"
            "'-2+3,0\r\n"
            "'@SUM(A1),1\r\n"
            "\"plain, with comma\",2\r\n");
}

}  // namespace
}  // namespace parley::http
