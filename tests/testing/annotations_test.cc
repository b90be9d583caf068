#include "tests/testing/annotations.h"

#include <gtest/gtest.h>

namespace faultline::testing {
namespace {

TEST(ParseExpectationsTest, RefersToTheNearestLineAbove) {
  ParsedExpectations parsed = ParseExpectations("a.tf",
                                                "resource \"x\" \"y\" {\n"
                                                "  multi_az = false\n"
                                                "  # expect: FL-AWS-0001 \"not Multi-AZ\"\n"
                                                "}\n");
  ASSERT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.expectations.size(), 1u);
  const Expectation& e = parsed.expectations[0];
  EXPECT_EQ(e.file, "a.tf");
  EXPECT_EQ(e.line, 2u);
  EXPECT_FALSE(e.column.has_value());
  EXPECT_EQ(e.rule_id, "FL-AWS-0001");
  EXPECT_EQ(e.message_substring, "not Multi-AZ");
  EXPECT_EQ(e.annotation_line, 3u);
}

TEST(ParseExpectationsTest, StackedExpectationsShareTheirTarget) {
  ParsedExpectations parsed = ParseExpectations("a.tf",
                                                "x = 1\n"
                                                "y = 2\n"
                                                "# expect: FL-NET-0001\n"
                                                "// expect: FL-IAM-0001 \"b\"\n"
                                                "z = 3\n"
                                                "   #expect: FL-AWS-0001\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0];
  ASSERT_EQ(parsed.expectations.size(), 3u);
  EXPECT_EQ(parsed.expectations[0].line, 2u);
  EXPECT_EQ(parsed.expectations[0].message_substring, "");
  EXPECT_EQ(parsed.expectations[1].line, 2u);
  EXPECT_EQ(parsed.expectations[1].rule_id, "FL-IAM-0001");
  EXPECT_EQ(parsed.expectations[2].line, 5u);
}

TEST(ParseExpectationsTest, CaretPinsTheColumn) {
  ParsedExpectations parsed = ParseExpectations("a.tf",
                                                "  multi_az = false\n"
                                                "# ^ expect: FL-AWS-0001\n"
                                                "  #          ^ expect: FL-AWS-0001 \"m\"\n");
  ASSERT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.expectations.size(), 2u);
  ASSERT_TRUE(parsed.expectations[0].column.has_value());
  EXPECT_EQ(*parsed.expectations[0].column, 3u);  // under the `m` of multi_az
  EXPECT_EQ(parsed.expectations[0].line, 1u);
  ASSERT_TRUE(parsed.expectations[1].column.has_value());
  EXPECT_EQ(*parsed.expectations[1].column, 14u);  // under the `f` of false
  EXPECT_EQ(parsed.expectations[1].line, 1u);
}

TEST(ParseExpectationsTest, RelativeLineOffsets) {
  ParsedExpectations parsed = ParseExpectations("a.tf",
                                                "# expect@+1: FL-IAM-0001 \"every action\"\n"
                                                "policy = <<EOF\n"
                                                "{}\n"
                                                "EOF\n"
                                                "# expect@-3: FL-IAM-0001\n");
  ASSERT_TRUE(parsed.errors.empty()) << parsed.errors[0];
  ASSERT_EQ(parsed.expectations.size(), 2u);
  EXPECT_EQ(parsed.expectations[0].line, 2u);
  EXPECT_EQ(parsed.expectations[1].line, 2u);
}

TEST(ParseExpectationsTest, EscapesInTheMessage) {
  ParsedExpectations parsed =
      ParseExpectations("a.tf", "x = 1\n# expect: FL-IAM-0001 \"allows \\\"*\\\" and \\\\\"\n");
  ASSERT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.expectations.size(), 1u);
  EXPECT_EQ(parsed.expectations[0].message_substring, "allows \"*\" and \\");
}

TEST(ParseExpectationsTest, OrdinaryCommentsAreNotExpectations) {
  ParsedExpectations parsed = ParseExpectations(
      "a.tf", "# expected to pass\n# we expect: nothing\nx = 1 # expect: FL-AWS-0001\n");
  EXPECT_TRUE(parsed.errors.empty());
  EXPECT_TRUE(parsed.expectations.empty());
}

TEST(ParseExpectationsTest, MalformedAnnotationsAreErrors) {
  for (const char* text :
       {"x = 1\n# expect:\n", "x = 1\n# expect: fl-aws-1\n",
        "x = 1\n# expect: FL-AWS-0001 unquoted\n", "x = 1\n# expect: FL-AWS-0001 \"open\n",
        "x = 1\n# expect: FL-AWS-0001 \"a\" trailing\n", "x = 1\n# expect: FL-AWS-0001 \"\"\n",
        "# expect: FL-AWS-0001\n", "x = 1\n# expect@-5: FL-AWS-0001\n",
        "x = 1\n# expect@+4: FL-AWS-0001\n", "x = 1\n# expect@3: FL-AWS-0001\n"}) {
    ParsedExpectations parsed = ParseExpectations("a.tf", text);
    EXPECT_EQ(parsed.errors.size(), 1u) << text;
    EXPECT_TRUE(parsed.expectations.empty()) << text;
  }
}

TEST(ParseExpectationsTest, CrlfLineEndings) {
  ParsedExpectations parsed = ParseExpectations("a.tf", "x = 1\r\n# expect: FL-AWS-0001 \"m\"\r\n");
  ASSERT_TRUE(parsed.errors.empty());
  ASSERT_EQ(parsed.expectations.size(), 1u);
  EXPECT_EQ(parsed.expectations[0].message_substring, "m");
}

Expectation Expect(uint32_t line, std::string rule, std::string substring = "",
                   std::optional<uint32_t> column = std::nullopt) {
  Expectation e;
  e.file = "a.tf";
  e.line = line;
  e.rule_id = std::move(rule);
  e.message_substring = std::move(substring);
  e.column = column;
  return e;
}

ActualFinding Found(uint32_t line, uint32_t column, std::string rule, std::string message) {
  return ActualFinding{"a.tf", line, column, std::move(rule), std::move(message)};
}

TEST(MatchFindingsTest, ExactMatchPasses) {
  MatchResult result = MatchFindings({Expect(2, "FL-AWS-0001", "Multi-AZ", 3)},
                                     {Found(2, 3, "FL-AWS-0001", "db is not Multi-AZ")});
  EXPECT_TRUE(result.ok());
}

TEST(MatchFindingsTest, MissingAndUnexpectedBothFail) {
  MatchResult result =
      MatchFindings({Expect(2, "FL-AWS-0001")}, {Found(3, 1, "FL-AWS-0001", "db is not Multi-AZ")});
  ASSERT_EQ(result.missing.size(), 1u);
  ASSERT_EQ(result.unexpected.size(), 1u);
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(Describe(result.missing[0]), "a.tf:2: FL-AWS-0001 (annotation on line 0)");
  EXPECT_EQ(Describe(result.unexpected[0]), "a.tf:3:1: FL-AWS-0001 db is not Multi-AZ");
}

TEST(MatchFindingsTest, RuleColumnMessageAndFileMustAllMatch) {
  ActualFinding finding = Found(2, 3, "FL-AWS-0001", "db is not Multi-AZ");
  EXPECT_FALSE(MatchFindings({Expect(2, "FL-IAM-0001")}, {finding}).ok());
  EXPECT_FALSE(MatchFindings({Expect(2, "FL-AWS-0001", "", 4)}, {finding}).ok());
  EXPECT_FALSE(MatchFindings({Expect(2, "FL-AWS-0001", "Multi-AZ!")}, {finding}).ok());
  Expectation other_file = Expect(2, "FL-AWS-0001");
  other_file.file = "b.tf";
  EXPECT_FALSE(MatchFindings({other_file}, {finding}).ok());
}

TEST(MatchFindingsTest, OneFindingSatisfiesOneExpectation) {
  MatchResult result = MatchFindings({Expect(2, "FL-AWS-0001"), Expect(2, "FL-AWS-0001")},
                                     {Found(2, 1, "FL-AWS-0001", "m")});
  EXPECT_EQ(result.missing.size(), 1u);
  EXPECT_TRUE(result.unexpected.empty());
}

TEST(MatchFindingsTest, SpecificExpectationsArePairedFirst) {
  // The general expectation must not take the finding the specific one needs.
  MatchResult result = MatchFindings(
      {Expect(2, "FL-NET-0001"), Expect(2, "FL-NET-0001", "::/0")},
      {Found(2, 3, "FL-NET-0001", "from ::/0"), Found(2, 3, "FL-NET-0001", "from 0.0.0.0/0")});
  EXPECT_TRUE(result.ok());
}

}  // namespace
}  // namespace faultline::testing
