// Scan: bad input never loses the rest of the scan, and output is the same for any --jobs.
#include "engine/scan.h"

#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine {
namespace {

using testing::FindResource;
using testing::ScanFiles;

TEST(ScanTest, BrokenFilesAreReportedAndTheRestIsScanned) {
  ScanOptions options;
  options.limits.max_file_bytes = 1000;
  ScanResult result = ScanFiles(
      {
          {"a/broken.tf", "resource \"aws_instance\" \"x\" {\n  ami = \n}\n"},
          {"a/good.tf", "resource \"aws_instance\" \"y\" { ami = \"ami-1\" }\n"},
          {"b/binary.tf", std::string("abc\0def", 7)},
          {"b/latin1.tf", "# caf\xe9\n"},
          {"b/huge.tf", std::string(2000, '#')},
          {"c/ok.tf", "resource \"aws_instance\" \"z\" {}\n"},
      },
      options);
  EXPECT_NE(FindResource(result, "a", "aws_instance.y"), nullptr);
  EXPECT_NE(FindResource(result, "c", "aws_instance.z"), nullptr);
  std::map<std::string, std::string> by_file;
  for (const Finding& f : result.findings) {
    by_file[f.range.file->path().substr(testing::kRoot.size() + 1)] = f.rule_id + " " + f.message;
  }
  EXPECT_EQ(by_file["a/broken.tf"].substr(0, 11), kSyntaxErrorId);
  EXPECT_NE(by_file["b/binary.tf"].find("binary"), std::string::npos);
  EXPECT_NE(by_file["b/latin1.tf"].find("UTF-8"), std::string::npos);
  EXPECT_NE(by_file["b/huge.tf"].find("size limit"), std::string::npos);
  EXPECT_TRUE(result.input_errors.empty());
  // The syntax error points at its line (1-based line 2 = 0-based 1 or the line after).
  for (const Finding& f : result.findings) {
    if (f.rule_id == kSyntaxErrorId) {
      EXPECT_GE(f.range.start().line, 1u);
    }
  }
}

TEST(ScanTest, MissingPathsAndVarFilesAreInputErrors) {
  ScanOptions options;
  options.paths = {"/faultline-virtual-nothing-here"};
  options.var_files = {"/faultline-virtual-nothing-here/x.tfvars"};
  OverlayFileProvider provider;
  ScanResult result = Scan(options, provider, RuleList{});
  EXPECT_EQ(result.input_errors.size(), 2u);
}

TEST(ScanTest, GraphAndFindingsAreIdenticalForAnyJobs) {
  std::map<std::string, std::string> files;
  for (int i = 0; i < 12; ++i) {
    std::string dir = "m" + std::to_string(i);
    files[dir + "/main.tf"] =
        "locals { n = " + std::to_string(i % 3) +
        " }\n"
        "resource \"aws_instance\" \"a\" {\n  count = local.n\n  ami = \"ami-${count.index}\"\n}\n"
        "resource \"aws_instance\" \"b\" {\n  ami = \n}\n";
  }
  auto render = [&](int jobs) {
    ScanOptions options;
    options.jobs = jobs;
    ScanResult result = ScanFiles(files, options);
    std::string out;
    for (const Resource& r : result.graph.resources()) out += r.module_dir + " " + r.address + "\n";
    for (const Edge& e : result.graph.edges()) {
      out += std::to_string(e.from) + "->" + std::to_string(e.to) + " " + e.attribute_path + "\n";
    }
    for (const Finding& f : result.findings) {
      out += f.range.file->path() + ":" + std::to_string(f.range.begin) + " " + f.rule_id + " " +
             f.fingerprint + "\n";
    }
    return out;
  };
  std::string one = render(1);
  EXPECT_EQ(one, render(2));
  EXPECT_EQ(one, render(4));
  EXPECT_NE(one.find("aws_instance.a[1]"), std::string::npos);
}

}  // namespace
}  // namespace faultline::engine
