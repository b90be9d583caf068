// Parallel parsing of YAML streams (YamlLimits::jobs): a stream cut at its `---` lines and parsed
// in parts gives exactly the documents, ranges and diagnostics of the one-thread parse, whatever
// the part size: clean streams, malformed documents in the middle, `---` inside block scalars,
// comments, a BOM, unreadable bytes, directives, and the file-wide limits. Also AvailableJobs,
// which gives the loader its threads inside a ParallelFor.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/parallel.h"
#include "engine/value.h"
#include "parsers/yaml/yaml_loader.h"
#include "tests/parsers/yaml/yaml_test_helpers.h"

namespace faultline::parsers::yaml {
namespace {

using engine::Value;
using testing::Load;
using testing::Loaded;

// Describes a Value with every location, so two loads can be compared exactly.
void Describe(const Value& value, std::string* out) {
  *out += std::string(Value::KindName(value.kind())) + "@" + std::to_string(value.range().begin) +
          "-" + std::to_string(value.range().end) + "/" + std::to_string(value.origin().begin) +
          "-" + std::to_string(value.origin().end);
  switch (value.kind()) {
    case Value::Kind::kList:
      *out += "[";
      for (const Value& element : value.as_list()) {
        Describe(element, out);
        *out += ",";
      }
      *out += "]";
      break;
    case Value::Kind::kMap:
      *out += "{";
      for (const auto& [key, entry] : value.as_map()) {
        *out += key + ":";
        Describe(entry, out);
        *out += ",";
      }
      *out += "}";
      break;
    default:
      *out += "=" + value.ToDisplayString(1000);
      break;
  }
}

std::string Describe(const YamlStream& stream) {
  std::string out;
  for (const YamlDocument& document : stream.documents) {
    out += "doc " + std::to_string(document.range.begin) + "-" +
           std::to_string(document.range.end) + ": ";
    Describe(document.root, &out);
    out += "\n";
  }
  for (const engine::Finding& finding : stream.diagnostics) {
    engine::Position at = finding.range.start();
    out += "diag " + finding.rule_id + " " + std::to_string(at.line + 1) + ":" +
           std::to_string(at.column + 1) + " [" + std::to_string(finding.range.begin) + "-" +
           std::to_string(finding.range.end) + "] " + finding.message + " " + finding.fingerprint +
           "\n";
  }
  return out;
}

YamlLimits Split(YamlLimits limits, uint64_t chunk_bytes, int jobs = 3) {
  limits.jobs = jobs;
  limits.parallel_min_bytes = 0;
  limits.parallel_chunk_bytes = chunk_bytes;
  return limits;
}

// Loads `text` whole and split into parts of several sizes; all must agree. Returns the whole
// load's description.
std::string ExpectSameSplit(const std::string& text, const YamlLimits& limits = {}) {
  Loaded whole = Load(text, limits);
  std::string expected = Describe(whole.stream);
  for (uint64_t chunk : {0, 1, 16, 100}) {
    for (int jobs : {2, 4}) {
      Loaded split = Load(text, Split(limits, chunk, jobs));
      EXPECT_EQ(Describe(split.stream), expected) << "chunk " << chunk << " jobs " << jobs;
    }
  }
  return expected;
}

TEST(YamlParallelTest, CleanStreamSplitsIntoTheSameDocumentsAndRanges) {
  std::string text =
      "# leading comment\n"
      "apiVersion: v1\n"
      "kind: ConfigMap\n"
      "metadata: {name: a}\n"
      "---\n"
      "# comment\n"
      "apiVersion: apps/v1\n"
      "kind: Deployment\n"
      "metadata:\n"
      "  name: b  # é non-ASCII comment\n"
      "  labels: &l {app: b}\n"
      "spec:\n"
      "  selector: {matchLabels: *l}\n"
      "  script: |\n"
      "    echo one\n"
      "    ---\n"
      "    echo two\n"
      "\n"
      "--- # marker with a comment\n"
      "base: &b {x: 1}\n"
      "derived: {<<: *b, y: ünïcode}\n"
      "...\n"
      "---\n"
      "---\n"
      "--- |\n"
      " root literal\n"
      " ---\n"
      "--- >\n"
      " folded\n"
      "---\t[1, 2.5, true, null, \"q\"]\n";
  Loaded whole = Load(text);
  ASSERT_TRUE(whole.stream.diagnostics.empty()) << Describe(whole.stream);
  ASSERT_EQ(whole.stream.documents.size(), 8u);
  EXPECT_EQ(whole.Root(1).Find({"spec", "script"})->as_string(), "echo one\n---\necho two\n");
  ExpectSameSplit(text);
}

TEST(YamlParallelTest, ByteOrderMarkAndCrLfLineEnds) {
  std::string text =
      "\xEF\xBB\xBF"
      "a: 1\r\n---\r\nb: 2\r\n---\r\nc: [x,\r\n  y]\r\n";
  Loaded whole = Load(text);
  ASSERT_EQ(whole.stream.documents.size(), 3u);
  ExpectSameSplit(text);
}

TEST(YamlParallelTest, MalformedDocumentInTheMiddleGivesTheSameDiagnostics) {
  std::string text =
      "a: 1\n"
      "---\n"
      "b: [1, 2\n"  // unclosed flow sequence: the error is at the next `---`
      "---\n"
      "c: \"unclosed\n"
      "---\n"
      "d: 4\n"
      "  bad: indentation\n"
      "---\n"
      "e: {dup: 1, dup: 2}\n"
      "---\n"
      "f: *nowhere\n"
      "---\n"
      "g: {x: [1, {y: 2}]}\n";
  std::string expected = ExpectSameSplit(text);
  Loaded whole = Load(text);
  EXPECT_GE(whole.Diagnostics("FL-ENG-0001").size(), 3u);
  EXPECT_EQ(whole.Diagnostics("FL-ENG-0006").size(), 1u);
  EXPECT_NE(expected.find("doc "), std::string::npos);
  // The documents after the errors still load.
  ASSERT_FALSE(whole.stream.documents.empty());
  EXPECT_NE(whole.stream.documents.back().root.Get("g"), nullptr);
}

TEST(YamlParallelTest, UnreadableBytesAndControlCharacters) {
  std::string text = "a: 1\n---\nb: \"x\xFFy\"\n---\nc: 3\n---\nd: \x01\n---\ne: 5\n";
  Loaded whole = Load(text);
  EXPECT_FALSE(whole.Diagnostics("FL-ENG-0001").empty());
  ExpectSameSplit(text);
}

TEST(YamlParallelTest, DirectivesAreNotSplitAndStillMatch) {
  std::string text =
      "a: 1\n"
      "...\n"
      "%TAG !e! tag:example.com,2000:\n"
      "---\n"
      "b: !e!x 2\n"
      "---\n"
      "c: 3\n";
  Loaded whole = Load(text);
  ASSERT_TRUE(whole.stream.diagnostics.empty());
  ExpectSameSplit(text);
}

TEST(YamlParallelTest, FileWideLimitsCountAcrossParts) {
  std::string text;
  for (int i = 0; i < 12; ++i) {
    text += "---\nbase: &a [1, 2, 3, 4]\nuse: [*a, *a]\nn: " + std::to_string(i) + "\n";
  }
  YamlLimits limits;
  limits.max_documents = 7;
  Loaded few = Load(text, limits);
  EXPECT_EQ(few.stream.documents.size(), 7u);
  EXPECT_EQ(few.Diagnostics("FL-ENG-0004").size(), 1u);
  ExpectSameSplit(text, limits);

  YamlLimits expansion;
  expansion.max_alias_expansion_nodes = 40;  // each document expands 10 nodes
  Loaded bounded = Load(text, expansion);
  EXPECT_EQ(bounded.stream.documents.size(), 4u);
  EXPECT_FALSE(bounded.Diagnostics("FL-ENG-0004").empty());
  ExpectSameSplit(text, expansion);

  YamlLimits shallow;
  shallow.max_depth = 3;
  std::string deep = "a: 1\n---\nb: [[[[1]]]]\n---\nc: {d: {e: {f: 1}}}\n---\ng: 2\n";
  EXPECT_FALSE(Load(deep, shallow).Diagnostics("FL-ENG-0004").empty());
  ExpectSameSplit(deep, shallow);
}

TEST(YamlParallelTest, JsonIsNotSplit) {
  std::string text = "{\"apiVersion\": \"v1\", \"kind\": \"List\", \"items\": [\n---\n]}\n";
  ExpectSameSplit(text);
}

// Every manifest of the shared corpus, alone and joined into one stream, loads the same split.
TEST(YamlParallelTest, SharedCorpusLoadsTheSameSplit) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(FAULTLINE_TEST_SHARED_DIR) / "corpus";
  std::error_code error;
  if (!fs::is_directory(root, error)) GTEST_SKIP() << "no shared corpus at " << root;
  std::vector<std::string> paths;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, error);
  for (; !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    std::string ext = it->path().extension().string();
    if (it->is_regular_file(error) && (ext == ".yaml" || ext == ".yml")) {
      paths.push_back(it->path().string());
    }
  }
  std::sort(paths.begin(), paths.end());
  ASSERT_FALSE(paths.empty());
  std::string joined;
  size_t compared = 0;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string content = text.str();
    if (content.size() > (4u << 20)) continue;
    Loaded whole = Load(content);
    Loaded split = Load(content, Split({}, 64));
    EXPECT_EQ(Describe(split.stream), Describe(whole.stream)) << path;
    ++compared;
    if (joined.size() < (8u << 20)) {
      joined += content;
      if (!joined.empty() && joined.back() != '\n') joined += '\n';
      joined += "---\n";
    }
  }
  EXPECT_GT(compared, 100u);
  Loaded whole = Load(joined);
  EXPECT_GT(whole.stream.documents.size(), 100u);
  for (uint64_t chunk : {0, 4096, 65536}) {
    Loaded split = Load(joined, Split({}, chunk, 2));
    EXPECT_EQ(Describe(split.stream), Describe(whole.stream)) << "chunk " << chunk;
  }
}

// Streams assembled from fragments that end documents in every way the loader knows (clean,
// syntax errors, quotes and flow collections running into the next `---`, unreadable bytes,
// aliases, duplicate keys, `...`, directives), in a fixed pseudo-random order.
TEST(YamlParallelTest, AssembledStreamsLoadTheSameSplit) {
  const std::vector<std::string> fragments = {
      "a: 1\n",
      "kind: Deployment\nspec:\n  replicas: 3\n  x: [1, 2]\n",
      "# only a comment\n",
      "",
      "s: |\n  line\n---\n",
      "s: |\n  keep\n  ---\n  more\n\n\n",
      "q: \"open\n",
      "f: [1,\n",
      "m: {a: 1,\n",
      "bad: - x\n",
      "  indented: wrong\nb: 2\n",
      "u: \"\xC3\x28\"\n",
      "c: \x07\n",
      "r: &r {x: [1, 2, 3]}\nt: [*r, *r, *r]\n",
      "z: *missing\n",
      "d: 1\nd: 2\n",
      "e: é\nf: \"ünï\"\n",
      "...\n",
      "l:\n- a\n- b: c\n",
      "? complex\n: value\n",
      "<<: {a: 1}\nb: 2\n",
      "t: !!int 12\nu: !custom x\n",
      "w: >\n  folded\n\n  text\n",
      "x: 1\r\ny: 2\r\n",
  };
  const std::vector<std::string> separators = {"---\n", "--- \n", "---\r\n", "--- # c\n", ""};
  uint64_t state = 12345;
  auto next = [&](size_t bound) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<size_t>((state >> 33) % bound);
  };
  YamlLimits limits;
  limits.max_alias_expansion_nodes = 60;
  limits.max_documents = 9;
  for (int round = 0; round < 300; ++round) {
    std::string text = next(4) == 0 ? "\xEF\xBB\xBF" : "";
    size_t documents = 1 + next(12);
    for (size_t d = 0; d < documents; ++d) {
      text += separators[next(separators.size())];
      text += fragments[next(fragments.size())];
      if (next(3) == 0) text += fragments[next(fragments.size())];
    }
    YamlLimits round_limits = round % 2 == 0 ? limits : YamlLimits{};
    std::string expected = Describe(Load(text, round_limits).stream);
    for (uint64_t chunk : {0, 8}) {
      EXPECT_EQ(Describe(Load(text, Split(round_limits, chunk, 2)).stream), expected)
          << "round " << round << " chunk " << chunk << "\n"
          << text;
    }
  }
}

TEST(AvailableJobsTest, FollowsTheEnclosingParallelFor) {
  EXPECT_EQ(engine::AvailableJobs(), 1);
  int inside_one = 0;
  engine::ParallelFor(1, 3, [&](size_t) { inside_one = engine::AvailableJobs(); });
  EXPECT_EQ(inside_one, 3);  // one item: the other two threads are free
  EXPECT_EQ(engine::AvailableJobs(), 1);
  int single = 0;
  engine::ParallelFor(4, 1, [&](size_t) { single = engine::AvailableJobs(); });
  EXPECT_EQ(single, 1);
  std::vector<int> seen(8, 0);
  engine::ParallelFor(8, 2, [&](size_t i) {
    seen[i] = engine::AvailableJobs();
    int nested = 0;
    engine::ParallelFor(1, seen[i], [&](size_t) { nested = engine::AvailableJobs(); });
    EXPECT_EQ(nested, seen[i]);
  });
  for (int jobs : seen) {
    EXPECT_GE(jobs, 1);
    EXPECT_LE(jobs, 2);
  }
}

// A large stream parsed inside a ParallelFor uses the free threads and gives the same result.
TEST(YamlParallelTest, LoadInsideParallelForMatchesOneThread) {
  std::string text;
  for (int i = 0; i < 3000; ++i) {
    text += "---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm" + std::to_string(i) +
            "}\ndata:\n  k: \"" + std::string(300, 'x') + "\"\n";
  }
  ASSERT_GT(text.size(), 1u << 20);
  Loaded whole = Load(text);
  std::string expected = Describe(whole.stream);
  std::string got;
  engine::ParallelFor(1, 2, [&](size_t) {
    YamlLimits limits;
    limits.jobs = engine::AvailableJobs();
    EXPECT_EQ(limits.jobs, 2);
    got = Describe(Load(text, limits).stream);
  });
  EXPECT_EQ(got, expected);
}

}  // namespace
}  // namespace faultline::parsers::yaml
