// JSON, YAML, CSV, base64, URL encoding and hash functions.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace faultline::engine::eval::testing {
namespace {

class EncodingFunctionsTest : public EvalTest {
 protected:
  EncodingFunctionsTest() {
    resolver_.vars["unknown"] =
        Value::Unknown("computed attribute aws_s3_bucket.b.arn", {}, "aws_s3_bucket.b", "arn");
    resolver_.resources["aws_instance.web"] = Value::Map({}, {}, "aws_instance.web");
  }
};

TEST_F(EncodingFunctionsTest, JsonEncode) {
  EXPECT_EQ(Ok("jsonencode({ hello = \"world\" })"), "\"{\"hello\":\"world\"}\"");
  EXPECT_EQ(Ok("jsonencode({ b = 1, a = [true, null, \"x<y>&\"] })"),
            "\"{\"a\":[true,null,\"x\\u003cy\\u003e\\u0026\"],\"b\":1}\"");
  EXPECT_EQ(Ok("jsonencode(1.5)"), "\"1.5\"");
  EXPECT_EQ(Ok("jsonencode(1.0e21)"), "\"1000000000000000000000\"");
  EXPECT_EQ(Ok("jsonencode(\"line\\n\\t\\\"q\\\"\")"), "\"\"line\\n\\t\\\"q\\\"\"\"");
  EXPECT_EQ(Ok("jsonencode([])"), "\"[]\"");
  EXPECT_EQ(Ok("jsonencode({})"), "\"{}\"");
  EXPECT_EQ(Ok("jsonencode({ Statement = [{ Action = \"*\", Effect = \"Allow\" }] })"),
            "\"{\"Statement\":[{\"Action\":\"*\",\"Effect\":\"Allow\"}]}\"");
  EXPECT_FALSE(Unk("jsonencode({ a = var.unknown })").empty());
  EXPECT_FALSE(Unk("jsonencode(aws_instance.web)").empty());
}

TEST_F(EncodingFunctionsTest, JsonDecode) {
  EXPECT_EQ(Ok("jsondecode(\"{\\\"hello\\\": \\\"world\\\"}\")"), "{hello=\"world\"}");
  EXPECT_EQ(Ok("jsondecode(\"true\")"), "true");
  EXPECT_EQ(Ok("jsondecode(\"[1, 2.5, null, \\\"\\\\u00e9\\\"]\")"), "[1,2.5,null,\"é\"]");
  EXPECT_EQ(Ok("jsondecode(\"18446744073709551615\")"), "18446744073709551616");
  EXPECT_NE(Err("jsondecode(\"{\\\"a\\\": 1, \\\"a\\\": 2}\")").find("duplicate"),
            std::string::npos);
  EXPECT_FALSE(Err("jsondecode(\"{\")").empty());
  EXPECT_FALSE(Err("jsondecode(\"[1] x\")").empty());
  // Round trip through both directions.
  EXPECT_EQ(Ok("jsondecode(jsonencode({ a = [1, \"b\", { c = null }] }))"),
            "{a=[1,\"b\",{c=null}]}");
  Value v = Eval("jsondecode(\"{\\\"Action\\\": \\\"*\\\"}\")");
  ASSERT_TRUE(v.is_map());
  EXPECT_EQ(v.Get("Action")->range().begin, 0u);  // decoded values sit at the call
  EXPECT_FALSE(Unk("jsondecode(var.unknown)").empty());
}

TEST_F(EncodingFunctionsTest, YamlDecodeScalarsFollowTerraform) {
  EXPECT_EQ(Ok("yamldecode(\"hello: world\")"), "{hello=\"world\"}");
  EXPECT_EQ(Ok("yamldecode(\"true\")"), "true");
  EXPECT_EQ(Ok("yamldecode(\"\")"), "null");
  EXPECT_EQ(Ok("yamldecode(\"~\")"), "null");
  EXPECT_EQ(Ok("yamldecode(\"[x, 2.5, null, yes, \\\"no\\\", 0x1F, 0o17, 1_000, 2001-12-14, "
               "-3, .5, 'true', off, 1e3, 0755]\")"),
            "[\"x\",2.5,null,true,\"no\",31,15,1000,\"2001-12-14T00:00:00Z\",-3,0.5,\"true\","
            "false,1000,755]");
  EXPECT_EQ(Ok("yamldecode(\"t: 2001-12-14t21:59:43.10+05:30\")"),
            "{t=\"2001-12-14T21:59:43+05:30\"}");
  EXPECT_EQ(
      Ok("yamldecode(\"- !!str 123\\n- !!int 7\\n- !!float 1\\n- !!bool true\\n- !!null x\")"),
      "[\"123\",7,1,true,null]");
  EXPECT_EQ(Ok("yamldecode(\"1: one\\ntrue: yes\")"), "{1=\"one\",true=true}");
  EXPECT_NE(Err("yamldecode(\".nan\")").find("NaN"), std::string::npos);
  EXPECT_NE(Err("yamldecode(\"!Ref x\")").find("unsupported tag"), std::string::npos);
}

TEST_F(EncodingFunctionsTest, YamlDecodeStructures) {
  EXPECT_EQ(Ok("yamldecode(\"a: &x {k: 1}\\nb: *x\\nc:\\n  <<: *x\\n  j: 2\\n  k: 9\")"),
            "{a={k=1},b={k=1},c={j=2,k=9}}");
  EXPECT_EQ(Ok("yamldecode(\"text: |\\n  line1\\n  line2\\nfolded: >-\\n  a\\n  b\\n\")"),
            "{folded=\"a b\",text=\"line1\nline2\n\"}");
  EXPECT_EQ(Ok("yamldecode(\"list:\\n- a\\n- b: 1\\n  c: [1, 2]\")"),
            "{list=[\"a\",{b=1,c=[1,2]}]}");
  EXPECT_NE(Err("yamldecode(\"a: 1\\n---\\nb: 2\")").find("single document"), std::string::npos);
  EXPECT_NE(Err("yamldecode(\"a: *missing\")").find("undefined anchor"), std::string::npos);
  EXPECT_NE(Err("yamldecode(\"a: [\")").find("invalid YAML"), std::string::npos);
  EXPECT_NE(Err("yamldecode(\"? [a]\\n: 1\")").find("mapping keys"), std::string::npos);
}

TEST_F(EncodingFunctionsTest, YamlAliasBombIsBounded) {
  std::string bomb =
      "a: &a [x, x, x, x, x, x, x, x, x, x]\\n"
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\\n"
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\\n"
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\\n"
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\\n"
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\\n"
      "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\\n"
      "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\\n";
  Value v = Eval("yamldecode(\"" + bomb + "\")");
  EXPECT_TRUE(v.is_unknown());
  EXPECT_TRUE(HasLimitDiagnostic());
}

TEST_F(EncodingFunctionsTest, YamlEncode) {
  EXPECT_EQ(Ok("yamlencode({ a = \"b\", c = \"d\" })"), "\"\"a\": \"b\"\n\"c\": \"d\"\n\"");
  EXPECT_EQ(Ok("yamlencode({ foo = [1, 2, 3], bar = \"baz\" })"),
            "\"\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n\"");
  EXPECT_EQ(Ok("yamlencode({ foo = [1, { a = \"b\", c = \"d\" }, 3], bar = \"baz\" })"),
            "\"\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n\"");
  EXPECT_EQ(Ok("yamldecode(yamlencode({ a = { b = [true, null, \"x\\ny\"] }, e = [] }))"),
            "{a={b=[true,null,\"x\ny\"]},e=[]}");
}

TEST_F(EncodingFunctionsTest, CsvDecode) {
  EXPECT_EQ(Ok("csvdecode(\"a,b,c\\n1,2,3\\n4,5,6\")"),
            "[{a=\"1\",b=\"2\",c=\"3\"},{a=\"4\",b=\"5\",c=\"6\"}]");
  EXPECT_EQ(Ok("csvdecode(\"a,b\\n\\\"x,y\\\",\\\"q\\\"\\\"q\\\"\\n\")"),
            "[{a=\"x,y\",b=\"q\"q\"}]");
  EXPECT_NE(Err("csvdecode(\"a,b\\n1\")").find("wrong number of fields"), std::string::npos);
}

TEST_F(EncodingFunctionsTest, Base64AndUrl) {
  EXPECT_EQ(Ok("base64encode(\"Hello World\")"), "\"SGVsbG8gV29ybGQ=\"");
  EXPECT_EQ(Ok("base64decode(\"SGVsbG8gV29ybGQ=\")"), "\"Hello World\"");
  EXPECT_EQ(Ok("base64decode(base64encode(\"☃ snow\"))"), "\"☃ snow\"");
  EXPECT_NE(Err("base64decode(\"!!!\")").find("base64"), std::string::npos);
  EXPECT_NE(Err("base64decode(\"/w==\")").find("UTF-8"), std::string::npos);
  EXPECT_EQ(Ok("textencodebase64(\"Hello World\", \"UTF-16LE\")"),
            "\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\"");
  EXPECT_EQ(Ok("textdecodebase64(\"SABlAGwAbABvACAAVwBvAHIAbABkAA==\", \"UTF-16LE\")"),
            "\"Hello World\"");
  EXPECT_EQ(Ok("urlencode(\"Hello World!\")"), "\"Hello+World%21\"");
  EXPECT_EQ(Ok("urlencode(\"☃\")"), "\"%E2%98%83\"");
}

TEST_F(EncodingFunctionsTest, Hashes) {
  EXPECT_EQ(Ok("md5(\"hello world\")"), "\"5eb63bbbe01eeed093cb22bb8f5acdc3\"");
  EXPECT_EQ(Ok("sha1(\"hello world\")"), "\"2aae6c35c94fcfb415dbe95f408b9ce91ee846ed\"");
  EXPECT_EQ(Ok("sha256(\"hello world\")"),
            "\"b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9\"");
  EXPECT_EQ(Ok("sha512(\"hello world\")"),
            "\"309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff4996"
            "70da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f\"");
  EXPECT_EQ(Ok("base64sha256(\"hello world\")"),
            "\"uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=\"");
  EXPECT_EQ(Ok("base64sha512(\"hello world\")"),
            "\"MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzX"
            "bw==\"");
  EXPECT_EQ(Ok("md5(\"\")"), "\"d41d8cd98f00b204e9800998ecf8427e\"");
  std::string long_input(1000, 'a');
  EXPECT_EQ(Ok("sha256(\"" + long_input + "\")"),
            "\"41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3\"");
  EXPECT_EQ(Ok("uuidv5(\"dns\", \"www.terraform.io\")"),
            "\"a5008fae-b28c-5ba5-96cd-82b4c53552d6\"");
  EXPECT_FALSE(Unk("sha256(var.unknown)").empty());
}

TEST_F(EncodingFunctionsTest, NonDeterministicFunctionsAreUnknown) {
  EXPECT_FALSE(Unk("uuid()").empty());
  EXPECT_FALSE(Unk("timestamp()").empty());
  EXPECT_FALSE(Unk("bcrypt(\"x\")").empty());
  EXPECT_FALSE(Unk("\"name-${uuid()}\"").empty());
}

}  // namespace
}  // namespace faultline::engine::eval::testing
