// Replays every input kept in fuzz/regressions/hcl_load/ through the body of the HCL load fuzz
// target (fuzz/hcl_load_entry.h) in the normal build, without libFuzzer: each must scan without a
// crash or a hang and keep every invariant CheckHclLoad checks.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fuzz/hcl_load_entry.h"

namespace {

std::vector<std::string> RegressionInputs() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(FAULTLINE_FUZZ_REGRESSIONS_DIR, error)) {
    if (entry.is_regular_file()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class FuzzRegressionTest : public testing::TestWithParam<std::string> {};

TEST_P(FuzzRegressionTest, KeepsScanInvariants) {
  std::string input = ReadFile(std::string(FAULTLINE_FUZZ_REGRESSIONS_DIR) + "/" + GetParam());
  ASSERT_FALSE(input.empty()) << GetParam();
  EXPECT_EQ(faultline::fuzz::RunHclLoad(input).violation, "");
}

INSTANTIATE_TEST_SUITE_P(Regressions, FuzzRegressionTest, testing::ValuesIn(RegressionInputs()),
                         [](const testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param;
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(FuzzRegressionInputsTest, DirectoryIsNotEmpty) {
  EXPECT_GE(RegressionInputs().size(), 10u) << FAULTLINE_FUZZ_REGRESSIONS_DIR;
}

TEST(FuzzEntryTest, ScansTheInputWithEveryRule) {
  // The fuzz target must really reach the rules through its in-memory file: a literal
  // single-AZ database and an SSH rule open to the world are reported, a clean input is not.
  faultline::fuzz::HclLoadOutcome outcome = faultline::fuzz::RunHclLoad(
      "resource \"aws_db_instance\" \"a\" {\n  multi_az = false\n"
      "  backup_retention_period = 7\n  deletion_protection = true\n}\n"
      "resource \"aws_security_group_rule\" \"ssh\" {\n"
      "  type        = \"ingress\"\n  from_port   = 22\n  to_port     = 22\n"
      "  protocol    = \"tcp\"\n  cidr_blocks = [\"0.0.0.0/0\"]\n}\n");
  EXPECT_EQ(outcome.violation, "");
  EXPECT_EQ(outcome.rule_ids, (std::vector<std::string>{"FL-AWS-0001", "FL-NET-0001"}));

  outcome =
      faultline::fuzz::RunHclLoad("resource \"aws_db_instance\" \"a\" {\n  multi_az = true\n"
                                  "  backup_retention_period = 7\n  deletion_protection = true\n}\n");
  EXPECT_EQ(outcome.violation, "");
  EXPECT_TRUE(outcome.rule_ids.empty());
}

}  // namespace
