// file, fileexists, fileset, templatefile and friends, read through an in-memory FileProvider
// relative to the module directory ("mod").
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class FileFunctionsTest : public EvalTest {
 protected:
  FileFunctionsTest() {
    files_.files["mod/hello.txt"] = "Hello World";
    files_.files["mod/greet.tpl"] = "Hello ${name}!%{ for i in items } [${i}]%{ endfor }";
    files_.files["mod/policy.json.tpl"] = "${jsonencode({ Action = action })}";
    files_.files["mod/bad_ref.tpl"] = "line one\n${missing}";
    files_.files["mod/recursive.tpl"] = "${templatefile(\"recursive.tpl\", {})}";
    files_.files["mod/list.tpl"] = "${items}";
    files_.files["mod/binary.bin"] = std::string("\xff\xfe\x00\x01", 4);
    files_.files["mod/policies/a.json"] = "{}";
    files_.files["mod/policies/b.json"] = "{}";
    files_.files["mod/policies/nested/c.json"] = "{}";
    files_.files["mod/policies/readme.md"] = "x";
    files_.files["other/outside.txt"] = "outside";
    resolver_.vars["unknown"] = Value::Unknown("computed attribute aws_iam_role.r.arn");
  }
};

TEST_F(FileFunctionsTest, File) {
  EXPECT_EQ(Ok("file(\"hello.txt\")"), "\"Hello World\"");
  EXPECT_EQ(Ok("file(\"./hello.txt\")"), "\"Hello World\"");
  EXPECT_EQ(Ok("file(\"../other/outside.txt\")"), "\"outside\"");
  EXPECT_EQ(Ok("file(\"mod/hello.txt\")"), "\"Hello World\"");  // already module-qualified
  EXPECT_NE(Err("file(\"missing.txt\")").find("no file exists"), std::string::npos);
  EXPECT_NE(Err("file(\"binary.bin\")").find("UTF-8"), std::string::npos);
  EXPECT_EQ(Ok("filebase64(\"binary.bin\")"), "\"//4AAQ==\"");
  EXPECT_EQ(Ok("filemd5(\"hello.txt\")"), "\"b10a8db164e0754105b7a99be72e3fe5\"");
  EXPECT_EQ(Ok("filesha256(\"hello.txt\")"),
            "\"a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e\"");
  EXPECT_FALSE(Unk("file(var.unknown)").empty());
}

TEST_F(FileFunctionsTest, FileSizeIsBounded) {
  limits_.max_template_file_bytes = 4;
  Value v = Eval("file(\"hello.txt\")");
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
}

TEST_F(FileFunctionsTest, FileExistsAndFileSet) {
  EXPECT_EQ(Ok("fileexists(\"hello.txt\")"), "true");
  EXPECT_EQ(Ok("fileexists(\"nope.txt\")"), "false");
  EXPECT_NE(Err("fileexists(\"policies\")").find("regular file"), std::string::npos);
  EXPECT_EQ(Ok("fileset(\".\", \"policies/*.json\")"), "[\"policies/a.json\",\"policies/b.json\"]");
  EXPECT_EQ(Ok("fileset(\"policies\", \"**/*.json\")"),
            "[\"a.json\",\"b.json\",\"nested/c.json\"]");
  EXPECT_EQ(Ok("fileset(\"policies\", \"{a,readme}.*\")"), "[\"a.json\",\"readme.md\"]");
  EXPECT_EQ(Ok("fileset(\"nowhere\", \"*\")"), "[]");
}

TEST_F(FileFunctionsTest, TemplateFile) {
  EXPECT_EQ(Ok("templatefile(\"greet.tpl\", { name = \"x\", items = [\"a\", \"b\"] })"),
            "\"Hello x! [a] [b]\"");
  EXPECT_EQ(Ok("templatefile(\"policy.json.tpl\", { action = \"s3:*\" })"),
            "\"{\"Action\":\"s3:*\"}\"");
  Value list = Eval("templatefile(\"list.tpl\", { items = [1, 2] })");
  EXPECT_TRUE(diagnostics_.empty());
  EXPECT_EQ(Render(list), "[1,2]");
  // Everything the template produced is located at the call, not in the temporary source.
  Value v = Eval("  templatefile(\"greet.tpl\", { name = \"x\", items = [] })");
  ASSERT_TRUE(v.is_string());
  EXPECT_EQ(v.range().begin, 2u);
  EXPECT_EQ(v.range().file, sources_.back().get());
  EXPECT_FALSE(Unk("templatefile(\"greet.tpl\", { name = var.unknown, items = [] })").empty());
}

TEST_F(FileFunctionsTest, TemplateFileErrors) {
  std::string message = Err("templatefile(\"bad_ref.tpl\", {})");
  EXPECT_NE(message.find("mod/bad_ref.tpl:2:3"), std::string::npos) << message;
  EXPECT_NE(message.find("missing"), std::string::npos) << message;
  ASSERT_FALSE(diagnostics_.empty());
  EXPECT_EQ(diagnostics_[0].range.file, sources_.back().get());  // never the temporary file
  EXPECT_NE(Err("templatefile(\"recursive.tpl\", {})").find("recursively"), std::string::npos);
  EXPECT_NE(Err("templatefile(\"nope.tpl\", {})").find("no file exists"), std::string::npos);
  EXPECT_NE(Err("templatefile(\"greet.tpl\", [1])").find("map"), std::string::npos);
}

TEST_F(FileFunctionsTest, TemplateString) {
  EXPECT_EQ(Ok("templatestring(\"Hello $${name}\", { name = \"x\" })"), "\"Hello x\"");
  EXPECT_NE(Err("templatestring(\"$${nope}\", {})").find("nope"), std::string::npos);
}

TEST_F(FileFunctionsTest, PathFunctions) {
  EXPECT_EQ(Ok("basename(\"foo/bar/baz.txt\")"), "\"baz.txt\"");
  EXPECT_EQ(Ok("basename(\"foo/bar/\")"), "\"bar\"");
  EXPECT_EQ(Ok("dirname(\"foo/bar/baz.txt\")"), "\"foo/bar\"");
  EXPECT_EQ(Ok("dirname(\"baz.txt\")"), "\".\"");
}

TEST_F(FileFunctionsTest, WithoutAFileProviderFileFunctionsAreUnknown) {
  context_.files = nullptr;
  EXPECT_FALSE(Unk("file(\"hello.txt\")").empty());
  EXPECT_FALSE(Unk("templatefile(\"greet.tpl\", {})").empty());
  EXPECT_FALSE(Unk("fileexists(\"hello.txt\")").empty());
}

}  // namespace
}  // namespace faultline::engine::eval::testing
