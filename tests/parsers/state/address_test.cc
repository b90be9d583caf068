#include "parsers/state/address.h"

#include <gtest/gtest.h>

#include "engine/value.h"

namespace faultline::parsers::state {
namespace {

using engine::Value;

TEST(AddressTest, FormatsResourceAddressesAsTerraformPrintsThem) {
  EXPECT_EQ(FormatResourceAddress("", false, "aws_instance", "web", Value()), "aws_instance.web");
  EXPECT_EQ(FormatResourceAddress("", false, "aws_instance", "web", Value::Number(0)),
            "aws_instance.web[0]");
  EXPECT_EQ(FormatResourceAddress("", true, "aws_ami", "ubuntu", Value()), "data.aws_ami.ubuntu");
  EXPECT_EQ(
      FormatResourceAddress("module.db", false, "aws_db_instance", "main", Value::String("x")),
      "module.db.aws_db_instance.main[\"x\"]");
  EXPECT_EQ(FormatResourceAddress("module.a[\"k\"].module.b[2]", true, "aws_iam_policy_document",
                                  "p", Value::Number(12)),
            "module.a[\"k\"].module.b[2].data.aws_iam_policy_document.p[12]");
}

TEST(AddressTest, QuotesStringKeysLikeTerraform) {
  EXPECT_EQ(QuoteInstanceKey(""), "\"\"");
  EXPECT_EQ(QuoteInstanceKey("test.1"), "\"test.1\"");
  EXPECT_EQ(QuoteInstanceKey("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(QuoteInstanceKey("line\nnext\ttab\rcr"), "\"line\\nnext\\ttab\\rcr\"");
  // Template introducers are doubled; a lone $ or % is not.
  EXPECT_EQ(QuoteInstanceKey("${x} %{y} $ % $$"), "\"$${x} %%{y} $ % $$\"");
  // Printable non-ASCII stays as is; controls and format characters are escaped.
  EXPECT_EQ(QuoteInstanceKey("caf\xC3\xA9 \xE2\x82\xAC"), "\"caf\xC3\xA9 \xE2\x82\xAC\"");
  EXPECT_EQ(QuoteInstanceKey(std::string("a\x01"
                                         "b",
                                         3)),
            "\"a\\u0001b\"");
  EXPECT_EQ(QuoteInstanceKey("\xC2\xA0"), "\"\\u00a0\"");              // no-break space
  EXPECT_EQ(QuoteInstanceKey("\xE2\x80\x8B"), "\"\\u200b\"");          // zero-width space
  EXPECT_EQ(QuoteInstanceKey("\xF3\xB0\x80\x80"), "\"\\U000f0000\"");  // private use plane 15
  // Invalid UTF-8 decodes to U+FFFD (printable), byte by byte, as Go ranges over strings.
  EXPECT_EQ(QuoteInstanceKey("\xFF"
                             "a"),
            "\"\xEF\xBF\xBD"
            "a\"");
  EXPECT_EQ(QuoteInstanceKey("\xE2\x82"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(AddressTest, FormatsInstanceKeys) {
  EXPECT_EQ(FormatInstanceKey(Value()), "");
  EXPECT_EQ(FormatInstanceKey(Value::Number(3)), "[3]");
  EXPECT_EQ(FormatInstanceKey(Value::String("eu-west-1a")), "[\"eu-west-1a\"]");
  EXPECT_EQ(FormatInstanceKey(Value::Bool(true)), "");
}

}  // namespace
}  // namespace faultline::parsers::state
