// LoadYaml: structure, exact ranges, anchors and merge keys, multi-document streams, error
// recovery, limits and JSON manifests.
#include "parsers/yaml/yaml_loader.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "engine/engine_rules.h"
#include "parsers/yaml/mark_offsets.h"
#include "tests/parsers/yaml/yaml_test_helpers.h"

namespace faultline::parsers::yaml {
namespace {

using engine::Value;
using testing::Load;
using testing::Loaded;
using testing::Span;
using testing::StartOf;
using testing::TextOf;

TEST(YamlLoaderTest, MappingEntryRangeRunsFromKeyToValueAndOriginIsTheValue) {
  Loaded loaded = Load(
      "apiVersion: apps/v1\n"
      "spec:\n"
      "  replicas: 3\n"
      "  template:\n"
      "    metadata: {labels: {app: web}}\n"
      "  list:\n"
      "    - a\n"
      "    - name: b\n"
      "      port: 80\n"
      "# trailing comment\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  const Value& root = loaded.Root();
  EXPECT_EQ(Span(root.range()), "1:1-9:15");
  const Value* replicas = root.Find({"spec", "replicas"});
  ASSERT_NE(replicas, nullptr);
  EXPECT_EQ(TextOf(replicas->range()), "replicas: 3");
  EXPECT_EQ(StartOf(replicas->range()), "3:3");
  EXPECT_EQ(TextOf(replicas->origin()), "3");
  EXPECT_EQ(StartOf(replicas->origin()), "3:13");
  // A block mapping value: key to the end of its last entry (not into the next line).
  const Value* spec = root.Get("spec");
  EXPECT_EQ(Span(spec->range()), "2:1-9:15");
  EXPECT_EQ(StartOf(spec->origin()), "3:3");
  const Value* metadata = root.Find({"spec", "template", "metadata"});
  EXPECT_EQ(TextOf(metadata->range()), "metadata: {labels: {app: web}}");
  EXPECT_EQ(TextOf(metadata->origin()), "{labels: {app: web}}");
  EXPECT_EQ(TextOf(root.Find({"spec", "template", "metadata", "labels", "app"})->range()),
            "app: web");
  // Sequence elements: their own node.
  const Value* list = root.Find({"spec", "list"});
  ASSERT_TRUE(list->is_list());
  EXPECT_EQ(TextOf(list->At(0)->range()), "a");
  EXPECT_EQ(TextOf(list->At(1)->range()), "name: b\n      port: 80");
  EXPECT_EQ(TextOf(root.Find({"spec", "list", "1", "port"})->range()), "port: 80");
  EXPECT_EQ(TextOf(root.Get("apiVersion")->range()), "apiVersion: apps/v1");
}

TEST(YamlLoaderTest, RangesAreByteOffsetsAfterMultiByteCharacters) {
  // é is 2 bytes, 日本 6 bytes, 😀 4 bytes: libyaml counts characters, ranges count bytes.
  Loaded loaded = Load(
      "name: café\n"
      "desc: \"日本 😀\"\n"
      "x: {é: 1, k: v}\n"
      "after: 日本語テキスト\n"
      "next: ok\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  EXPECT_EQ(TextOf(root.Get("name")->range()), "name: café");
  EXPECT_EQ(TextOf(root.Get("desc")->origin()), "\"日本 😀\"");
  EXPECT_EQ(root.Get("desc")->as_string(), "日本 😀");
  EXPECT_EQ(TextOf(root.Find({"x", "k"})->range()), "k: v");
  EXPECT_EQ(StartOf(root.Find({"x", "k"})->range()), "3:12");  // byte column
  EXPECT_EQ(TextOf(root.Get("after")->origin()), "日本語テキスト");
  EXPECT_EQ(TextOf(root.Get("next")->range()), "next: ok");
  EXPECT_EQ(StartOf(root.Get("next")->range()), "5:1");
}

TEST(YamlLoaderTest, ByteOrderMarkAndCrlfLineEnds) {
  Loaded loaded = Load("\xEF\xBB\xBFkind: Pod\r\nname: é\r\nnext: 1\r\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  EXPECT_EQ(TextOf(root.Get("kind")->range()), "kind: Pod");
  EXPECT_EQ(StartOf(root.Get("kind")->range()), "1:4");
  EXPECT_EQ(TextOf(root.Get("next")->range()), "next: 1");
  EXPECT_EQ(StartOf(root.Get("next")->range()), "3:1");
}

TEST(YamlLoaderTest, MarkOffsetsConvertCharactersToBytesBothWays) {
  std::string text = "aé日😀b";  // 1 + 2 + 3 + 4 + 1 bytes
  MarkOffsets marks(text, 100);
  EXPECT_EQ(marks.ToByte(4), 110u);
  EXPECT_EQ(marks.ToByte(0), 100u);
  EXPECT_EQ(marks.ToByte(3), 106u);
  EXPECT_EQ(marks.ToByte(2), 103u);
  EXPECT_EQ(marks.ToByte(5), 111u);
  EXPECT_EQ(marks.ToByte(99), 111u);  // clamped
  MarkOffsets ascii("abc", 7);
  EXPECT_EQ(ascii.ToByte(2), 9u);
  EXPECT_EQ(ascii.ToByte(50), 10u);
  std::string invalid = "\xC3(\xE2\x82";  // a broken sequence counts byte by byte
  MarkOffsets broken(invalid, 0);
  EXPECT_EQ(broken.ToByte(2), 2u);
  EXPECT_EQ(broken.ToByte(1), 1u);
  EXPECT_EQ(broken.ToByte(10), 4u);
}

TEST(YamlLoaderTest, BlockAndFoldedScalarsHaveExactValuesAndRanges) {
  Loaded loaded = Load(
      "script: |\n"
      "  echo one\n"
      "  echo two\n"
      "\n"
      "folded: >-\n"
      "  a long\n"
      "  line\n"
      "\n"
      "  next paragraph\n"
      "keep: |+\n"
      "  kept\n"
      "\n"
      "strip: |-\n"
      "  stripped\n"
      "indented: |2\n"
      "    two extra\n"
      "end: 1\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  EXPECT_EQ(root.Get("script")->as_string(), "echo one\necho two\n");
  EXPECT_EQ(Span(root.Get("script")->range()), "1:1-3:11");
  EXPECT_EQ(TextOf(root.Get("script")->origin()), "|\n  echo one\n  echo two");
  EXPECT_EQ(root.Get("folded")->as_string(), "a long line\nnext paragraph");
  EXPECT_EQ(Span(root.Get("folded")->range()), "5:1-9:17");
  EXPECT_EQ(root.Get("keep")->as_string(), "kept\n\n");
  EXPECT_EQ(root.Get("strip")->as_string(), "stripped");
  EXPECT_EQ(root.Get("indented")->as_string(), "  two extra\n");
  EXPECT_EQ(StartOf(root.Get("end")->range()), "17:1");
  // Block scalars are strings even when they look typed.
  Loaded typed = Load("a: |\n  true\nb: >\n  42\n");
  EXPECT_EQ(typed.Root().Get("a")->as_string(), "true\n");
  EXPECT_EQ(typed.Root().Get("b")->as_string(), "42\n");
}

TEST(YamlLoaderTest, EmptyValuesPointAtTheirKey) {
  Loaded loaded = Load("a:\nb: 1\nc:   # comment\nlist:\n- \n- x\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  EXPECT_TRUE(root.Get("a")->is_null());
  EXPECT_EQ(TextOf(root.Get("a")->range()), "a:");
  EXPECT_EQ(TextOf(root.Get("c")->range()), "c:");
  EXPECT_TRUE(root.Find({"list", "0"})->is_null());
}

TEST(YamlLoaderTest, AnchorsAndAliasesShareValues) {
  Loaded loaded = Load(
      "base: &labels\n"
      "  app: web\n"
      "  tier: frontend\n"
      "copy: *labels\n"
      "scalar: &port 8080\n"
      "ports: [*port, 9090]\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  const Value* copy = root.Get("copy");
  ASSERT_TRUE(copy->is_map());
  EXPECT_TRUE(copy->Equals(*root.Get("base")));
  EXPECT_EQ(TextOf(copy->range()), "copy: *labels");
  // Where the datum was written: the anchored node.
  EXPECT_EQ(StartOf(copy->origin()), "1:7");
  EXPECT_EQ(TextOf(root.Find({"copy", "app"})->range()), "app: web");
  EXPECT_EQ(root.Find({"ports", "0"})->as_number(), 8080);
  EXPECT_EQ(TextOf(root.Find({"ports", "0"})->range()), "*port");
  EXPECT_EQ(TextOf(root.Find({"ports", "0"})->origin()), "&port 8080");
}

TEST(YamlLoaderTest, MergeKeysWithExplicitKeysWinning) {
  Loaded loaded = Load(
      "defaults: &defaults\n"
      "  cpu: 100m\n"
      "  memory: 128Mi\n"
      "extra: &extra\n"
      "  memory: 1Gi\n"
      "  gpu: 1\n"
      "single:\n"
      "  cpu: 200m\n"
      "  <<: *defaults\n"
      "multi:\n"
      "  <<: [*extra, *defaults]\n"
      "  zone: a\n"
      "inline:\n"
      "  <<: {a: 1, b: 2}\n"
      "  b: 3\n"
      "quoted:\n"
      "  \"<<\": not-a-merge\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  const Value* single = root.Get("single");
  EXPECT_EQ(single->size(), 2u);
  EXPECT_EQ(single->Get("cpu")->as_string(), "200m");  // explicit, even though written first
  EXPECT_EQ(single->Get("memory")->as_string(), "128Mi");
  EXPECT_EQ(TextOf(single->Get("memory")->range()), "memory: 128Mi");  // where it was written
  const Value* multi = root.Get("multi");
  EXPECT_EQ(multi->Get("memory")->as_string(), "1Gi");  // earlier map in the list wins
  EXPECT_EQ(multi->Get("cpu")->as_string(), "100m");
  EXPECT_EQ(multi->Get("gpu")->as_number(), 1);
  EXPECT_EQ(multi->Get("zone")->as_string(), "a");
  EXPECT_EQ(multi->Get("<<"), nullptr);
  EXPECT_EQ(root.Find({"inline", "a"})->as_number(), 1);
  EXPECT_EQ(root.Find({"inline", "b"})->as_number(), 3);
  EXPECT_EQ(root.Find({"quoted", "<<"})->as_string(), "not-a-merge");
}

TEST(YamlLoaderTest, BadMergeValueAndUnknownAliasAreReported) {
  Loaded loaded = Load("a:\n  <<: 5\n  b: 1\nc: *missing\n");
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  EXPECT_EQ(loaded.Root().Find({"a", "b"})->as_number(), 1);
  EXPECT_TRUE(loaded.Root().Get("c")->is_null());
  auto errors = loaded.Diagnostics(engine::kSyntaxErrorId);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0]->message.find("merge key"), std::string::npos);
  EXPECT_EQ(StartOf(errors[0]->range), "2:7");
  EXPECT_NE(errors[1]->message.find("*missing"), std::string::npos);
  EXPECT_EQ(StartOf(errors[1]->range), "4:4");
}

TEST(YamlLoaderTest, TagsOnCollectionsAndNonSpecificTags) {
  Loaded loaded = Load("set: !!set {a, b}\nomap: !!omap [x: 1]\nbin: !!binary aGVsbG8=\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  const Value& root = loaded.Root();
  EXPECT_TRUE(root.Get("set")->is_map());
  EXPECT_TRUE(root.Find({"set", "a"})->is_null());
  EXPECT_EQ(root.Find({"omap", "0", "x"})->as_number(), 1);
  EXPECT_EQ(root.Get("bin")->as_string(), "aGVsbG8=");
}

TEST(YamlLoaderTest, MultiDocumentStreamsKeepDocumentRanges) {
  Loaded loaded = Load(
      "# leading comment\n"
      "kind: A\n"
      "---\n"
      "kind: B\n"
      "--- \n"
      "---\n"
      "# only a comment\n"
      "--- [1, 2]\n"
      "...\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  // Empty documents (`--- ` alone, or holding only a comment) are null documents.
  ASSERT_EQ(loaded.stream.documents.size(), 5u);
  EXPECT_EQ(TextOf(loaded.stream.documents[0].range), "kind: A");
  EXPECT_EQ(TextOf(loaded.stream.documents[1].range), "---\nkind: B");
  EXPECT_TRUE(loaded.Root(2).is_null());
  EXPECT_TRUE(loaded.Root(3).is_null());
  EXPECT_EQ(TextOf(loaded.stream.documents[4].range), "--- [1, 2]");
  EXPECT_EQ(loaded.Root(4).size(), 2u);
}

TEST(YamlLoaderTest, MalformedMiddleDocumentKeepsTheOthers) {
  Loaded loaded = Load(
      "kind: First\n"
      "---\n"
      "kind: Broken\n"
      "spec:\n"
      "  a: [1, 2\n"
      "  b: 3\n"
      "---\n"
      "kind: Third\n"
      "---\n"
      "kind: Fourth\n"
      "  bad: indentation\n"
      "---\n"
      "kind: Fifth\n");
  ASSERT_EQ(loaded.stream.documents.size(), 3u);
  EXPECT_EQ(loaded.Root(0).Get("kind")->as_string(), "First");
  EXPECT_EQ(loaded.Root(1).Get("kind")->as_string(), "Third");
  EXPECT_EQ(loaded.Root(2).Get("kind")->as_string(), "Fifth");
  // Ranges after a resynchronisation are still offsets of the original file.
  EXPECT_EQ(StartOf(loaded.Root(1).Get("kind")->range()), "8:1");
  EXPECT_EQ(TextOf(loaded.stream.documents[2].range), "---\nkind: Fifth");
  auto errors = loaded.Diagnostics(engine::kSyntaxErrorId);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0]->range.file->path(), "test.yaml");
  EXPECT_EQ(errors[0]->range.start().line, 5u);  // 0-based: line 6, where `,` or `]` was missing
  EXPECT_NE(errors[0]->message.find("did not find expected ',' or ']'"), std::string::npos)
      << errors[0]->message;
  EXPECT_EQ(StartOf(errors[1]->range), "11:6");
  EXPECT_NE(errors[1]->fingerprint, errors[0]->fingerprint);
}

TEST(YamlLoaderTest, ErrorInTheLastDocumentAndUnterminatedQuotes) {
  Loaded loaded = Load("a: 1\n---\nb: \"unterminated\nc: 2\n");
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  EXPECT_EQ(loaded.Root().Get("a")->as_number(), 1);
  ASSERT_EQ(loaded.Diagnostics(engine::kSyntaxErrorId).size(), 1u);
  // An unterminated quote that swallows a `---`: the document after it still loads.
  Loaded swallowed = Load("a: 'open\n---\nb: 2\n---\nc: 3\n");
  ASSERT_GE(swallowed.stream.documents.size(), 1u);
  EXPECT_EQ(swallowed.stream.documents.back().root.Get("c")->as_number(), 3);
}

TEST(YamlLoaderTest, ErrorOnTheFirstLineDoesNotLoop) {
  for (std::string text :
       {"[", "]\n---\na: 1\n", "--- [\n---\n---\n", "{{{{\n", "---\n- a\nb: c\n", "\t- a\n",
        "a: b: c\n", "*\n", "!<>\n", "%YAML 9.9\n---\na\n", "%TAG\n---\n"}) {
    Loaded loaded = Load(text);
    EXPECT_FALSE(loaded.Diagnostics(engine::kSyntaxErrorId).empty()) << text;
  }
  Loaded resumed = Load("]\n---\na: 1\n");
  ASSERT_EQ(resumed.stream.documents.size(), 1u);
  EXPECT_EQ(resumed.Root().Get("a")->as_number(), 1);
}

TEST(YamlLoaderTest, DuplicateKeysWarnAtTheSecondKeyAndTheLastWins) {
  Loaded loaded = Load(
      "spec:\n"
      "  replicas: 1\n"
      "  containers:\n"
      "  - name: a\n"
      "    image: nginx\n"
      "    image: redis\n"
      "  replicas: 5\n");
  const Value& root = loaded.Root();
  EXPECT_EQ(root.Find({"spec", "replicas"})->as_number(), 5);
  EXPECT_EQ(root.Find({"spec", "containers", "0", "image"})->as_string(), "redis");
  auto warnings = loaded.Diagnostics(engine::kDuplicateKeyId);
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(Span(warnings[0]->range), "6:5-6:10");
  EXPECT_EQ(warnings[0]->message,
            "duplicate key \"image\" in spec.containers[0]; the last value is used");
  EXPECT_EQ(warnings[0]->severity, engine::Severity::kLow);
  EXPECT_EQ(Span(warnings[1]->range), "7:3-7:11");
  EXPECT_EQ(warnings[1]->message, "duplicate key \"replicas\" in spec; the last value is used");
  // Keys that only become equal once typed: `true` and `yes` are both "true".
  Loaded typed = Load("true: 1\nyes: 2\n");
  EXPECT_EQ(typed.Diagnostics(engine::kDuplicateKeyId).size(), 1u);
  EXPECT_EQ(typed.Root().Get("true")->as_number(), 2);
}

TEST(YamlLoaderTest, BillionLaughsIsBoundedAndReported) {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; ++name) {
    text += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) text += std::string(i ? "," : "") + "*" + previous;
    text += "]\n";
    previous = name;
  }
  text += "---\nsafe: document\n";
  auto start = std::chrono::steady_clock::now();
  Loaded loaded = Load(text);
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_LT(elapsed, std::chrono::seconds(2));
  auto limits = loaded.Diagnostics(engine::kLimitExceededId);
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_NE(limits[0]->message.find("alias"), std::string::npos);
  // The bomb document is dropped; the next one loads.
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  EXPECT_EQ(loaded.Root().Get("safe")->as_string(), "document");

  // Under the limit, aliases expand normally.
  YamlLimits generous;
  generous.max_alias_expansion_nodes = 1'000'000'000'000;
  Loaded expanded = Load("a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n", generous);
  EXPECT_TRUE(expanded.stream.diagnostics.empty());
  EXPECT_EQ(expanded.Root().Find({"c", "1", "0", "1"})->as_number(), 2);
}

TEST(YamlLoaderTest, AliasLimitCountsExpandedNodesAcrossTheFile) {
  YamlLimits limits;
  limits.max_alias_expansion_nodes = 10;
  Loaded loaded = Load("a: &a [1, 2, 3]\nb: *a\nc: *a\n---\nd: &d 1\ne: *d\n", limits);
  // Each *a expands 4 nodes (the list and 3 elements): 8 fits, then the second document's *d
  // is still under 10 (9 in all).
  EXPECT_TRUE(loaded.Diagnostics(engine::kLimitExceededId).empty());
  ASSERT_EQ(loaded.stream.documents.size(), 2u);
  Loaded over =
      Load("a: &a [1, 2, 3]\nb: *a\nc: *a\nd: *a\n---\nx: 1\n---\nf: &f 1\ng: *f\n", limits);
  EXPECT_EQ(over.Diagnostics(engine::kLimitExceededId).size(), 2u);
  ASSERT_EQ(over.stream.documents.size(), 1u);
  EXPECT_EQ(over.Root().Get("x")->as_number(), 1);
}

TEST(YamlLoaderTest, DeepNestingIsDroppedWithoutExhaustingTheStack) {
  auto start = std::chrono::steady_clock::now();
  std::string flow(100'000, '[');
  flow += std::string(100'000, ']');
  flow += "\n---\nok: 1\n";
  Loaded loaded = Load(flow);
  auto limits = loaded.Diagnostics(engine::kLimitExceededId);
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_NE(limits[0]->message.find("deeper than 256"), std::string::npos);
  EXPECT_EQ(limits[0]->range.start().line, 0u);
  EXPECT_LT(limits[0]->range.start().column, 2000u);
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  EXPECT_EQ(loaded.Root().Get("ok")->as_number(), 1);

  // Block nesting, and a map of maps written as flow.
  std::string block;
  for (int i = 0; i < 300; ++i) block += std::string(i * 2, ' ') + "k:\n";
  Loaded nested = Load(block);
  EXPECT_EQ(nested.Diagnostics(engine::kLimitExceededId).size(), 1u);
  EXPECT_TRUE(nested.stream.documents.empty());
  std::string maps;
  for (int i = 0; i < 100'000; ++i) maps += "{a: ";
  maps += "1" + std::string(100'000, '}');
  EXPECT_EQ(Load(maps).Diagnostics(engine::kLimitExceededId).size(), 1u);
  // libyaml alone is quadratic in flow nesting (minutes for 100,000 levels): reading stops early.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  // A deep flow collection written over many lines, with a document after it.
  std::string lines;
  for (int i = 0; i < 20'000; ++i) lines += "[\n";
  lines += "---\nafter: 1\n";
  Loaded multiline = Load(lines);
  EXPECT_EQ(multiline.Diagnostics(engine::kLimitExceededId).size(), 1u);
  ASSERT_EQ(multiline.stream.documents.size(), 1u);
  EXPECT_EQ(multiline.Root().Get("after")->as_number(), 1);

  // Exactly at the limit loads.
  YamlLimits limits4;
  limits4.max_depth = 4;
  EXPECT_EQ(Load("[[[[1]]]]", limits4).stream.documents.size(), 1u);
  EXPECT_TRUE(Load("[[[[[1]]]]]", limits4).stream.documents.empty());
}

TEST(YamlLoaderTest, DocumentCountIsLimited) {
  YamlLimits limits;
  limits.max_documents = 3;
  Loaded loaded = Load("a: 1\n---\nb: 2\n---\nc: 3\n---\nd: 4\n---\ne: 5\n", limits);
  EXPECT_EQ(loaded.stream.documents.size(), 3u);
  auto errors = loaded.Diagnostics(engine::kLimitExceededId);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(StartOf(errors[0]->range), "6:1");
}

TEST(YamlLoaderTest, NonUtf8InputIsAnErrorAtTheBadByte) {
  Loaded loaded = Load("a: 1\n---\nb: caf\xE9\n---\nc: 3\n");
  auto errors = loaded.Diagnostics(engine::kSyntaxErrorId);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(StartOf(errors[0]->range), "3:7");
  EXPECT_NE(errors[0]->message.find("UTF-8"), std::string::npos) << errors[0]->message;
  ASSERT_EQ(loaded.stream.documents.size(), 2u);
  EXPECT_EQ(loaded.Root(1).Get("c")->as_number(), 3);
  // UTF-16 (with its byte order mark) and NUL bytes.
  EXPECT_FALSE(Load(std::string("\xFF\xFEk\0:\0 \0v\0", 10)).stream.diagnostics.empty());
  EXPECT_FALSE(Load(std::string("a: \0b\n", 6)).stream.diagnostics.empty());
}

TEST(YamlLoaderTest, JsonManifestsWithTabsAndEscapes) {
  Loaded loaded = Load(
      "{\n"
      "\t\"apiVersion\": \"v1\",\n"
      "\t\"kind\": \"ConfigMap\",\n"
      "\t\"metadata\": {\"name\": \"cm\", \"labels\": {\"a\":\"b\"}},\n"
      "\t\"data\": {\n"
      "\t\t\"emoji\": \"\\ud83d\\ude00\",\n"
      "\t\t\"slash\": \"a\\/b\",\n"
      "\t\t\"yes\": \"yes\",\n"
      "\t\t\"n\": [1, 2.5, true, null, -0]\n"
      "\t}\n"
      "}\n",
      {}, "cm.json");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  ASSERT_EQ(loaded.stream.documents.size(), 1u);
  const Value& root = loaded.Root();
  EXPECT_EQ(root.Get("kind")->as_string(), "ConfigMap");
  EXPECT_EQ(TextOf(root.Get("kind")->range()), "\"kind\": \"ConfigMap\"");
  EXPECT_EQ(StartOf(root.Get("kind")->range()), "3:2");
  EXPECT_EQ(TextOf(root.Get("kind")->origin()), "\"ConfigMap\"");
  EXPECT_EQ(root.Find({"data", "emoji"})->as_string(), "\xF0\x9F\x98\x80");
  EXPECT_EQ(root.Find({"data", "slash"})->as_string(), "a/b");
  EXPECT_EQ(root.Find({"data", "yes"})->as_string(), "yes");
  EXPECT_TRUE(root.Find({"data", "n", "2"})->as_bool());
  EXPECT_TRUE(root.Find({"data", "n", "3"})->is_null());
  EXPECT_EQ(TextOf(loaded.stream.documents[0].range).front(), '{');

  // Minified JSON, and JSON with a duplicate key.
  Loaded minified = Load("[{\"a\":1,\"b\":{\"c\":[]}},{\"a\":1,\"a\":2}]");
  EXPECT_EQ(minified.Root().Find({"1", "a"})->as_number(), 2);
  auto duplicates = minified.Diagnostics(engine::kDuplicateKeyId);
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(TextOf(duplicates[0]->range), "\"a\"");
  EXPECT_EQ(duplicates[0]->message, "duplicate key \"a\" in [1]; the last value is used");
}

TEST(YamlLoaderTest, JsonThatLibyamlAloneRejects) {
  // libyaml 0.2.5 fails on each of these valid JSON files: a tab before the top-level brace
  // ("found character that cannot start any token"), a surrogate-pair escape ("found invalid
  // Unicode character escape code") and a key longer than 1024 characters (a stale simple key).
  Loaded tab = Load("\t{\"kind\": \"Pod\"}\n");
  EXPECT_TRUE(tab.stream.diagnostics.empty());
  EXPECT_EQ(tab.Root().Get("kind")->as_string(), "Pod");
  Loaded emoji = Load("{\"e\": \"\\ud83d\\ude00\"}");
  EXPECT_TRUE(emoji.stream.diagnostics.empty());
  EXPECT_EQ(emoji.Root().Get("e")->as_string(), "\xF0\x9F\x98\x80");
  std::string key(1100, 'k');
  Loaded long_key = Load("{\"" + key + "\": 1}");
  EXPECT_TRUE(long_key.stream.diagnostics.empty());
  EXPECT_EQ(long_key.Root().Get(key)->as_number(), 1);
  // A byte order mark before JSON, and ranges after it.
  Loaded bom = Load("\xEF\xBB\xBF{\"a\": 1}");
  EXPECT_EQ(TextOf(bom.Root().Get("a")->range()), "\"a\": 1");
}

TEST(YamlLoaderTest, JsonLikeYamlFallsBackToLibyaml) {
  // Not strict JSON (unquoted keys, trailing comma, a second document): read as YAML flow.
  Loaded loaded = Load("{a: 1, b: [x, z,],}\n---\n{c: yes}\n");
  ASSERT_TRUE(loaded.stream.diagnostics.empty());
  ASSERT_EQ(loaded.stream.documents.size(), 2u);
  EXPECT_EQ(loaded.Root().Find({"b", "1"})->as_string(), "z");
  EXPECT_TRUE(loaded.Root(1).Get("c")->as_bool());
  // A broken JSON file is reported by libyaml at its line and column.
  Loaded broken = Load("{\n  \"a\": 1\n  \"b\": 2\n}\n");
  auto errors = broken.Diagnostics(engine::kSyntaxErrorId);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(StartOf(errors[0]->range), "3:6");  // `1 "b"` is one plain scalar to libyaml
  // JSON nested deeper than the limit: the YAML path reports the limit.
  std::string deep(300, '[');
  deep += std::string(300, ']');
  EXPECT_EQ(Load(deep).Diagnostics(engine::kLimitExceededId).size(), 1u);
}

TEST(YamlLoaderTest, EmptyAndCommentOnlyFiles) {
  EXPECT_TRUE(Load("").stream.documents.empty());
  EXPECT_TRUE(Load("# nothing\n\n").stream.documents.empty());
  EXPECT_TRUE(Load("").stream.diagnostics.empty());
  Loaded scalar = Load("just a string\n");
  ASSERT_EQ(scalar.stream.documents.size(), 1u);
  EXPECT_EQ(scalar.Root().as_string(), "just a string");
}

}  // namespace
}  // namespace faultline::parsers::yaml
