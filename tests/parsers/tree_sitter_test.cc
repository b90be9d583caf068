// parsers/tree_sitter: RAII handles, bounded parsing, queries.
#include "parsers/tree_sitter/handles.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "parsers/tree_sitter/language.h"

namespace faultline::parsers::tree_sitter {
namespace {

std::string RootSExpression(const Tree& tree) {
  char* text = ts_node_string(ts_tree_root_node(tree.get()));
  std::string result(text);
  free(text);
  return result;
}

TEST(TreeSitterTest, ParsesHcl) {
  ParseResult result = Parse(HclLanguage(), "a = 1\n", 0);
  ASSERT_EQ(result.status, ParseStatus::kOk);
  ASSERT_NE(result.tree, nullptr);
  TSNode root = ts_tree_root_node(result.tree.get());
  EXPECT_STREQ(ts_node_type(root), "config_file");
  EXPECT_FALSE(ts_node_has_error(root));
  EXPECT_EQ(RootSExpression(result.tree),
            "(config_file (body (attribute (identifier) (expression (literal_value "
            "(numeric_lit))))))");
}

TEST(TreeSitterTest, SyntaxErrorsStayInTheTree) {
  ParseResult result = Parse(HclLanguage(), "a = \n}", 0);
  ASSERT_EQ(result.status, ParseStatus::kOk);
  EXPECT_TRUE(ts_node_has_error(ts_tree_root_node(result.tree.get())));
}

TEST(TreeSitterTest, TreeCursorWalksAndMoves) {
  ParseResult result = Parse(HclLanguage(), "a = 1\nb = 2\n", 0);
  TSNode body = ts_node_named_child(ts_tree_root_node(result.tree.get()), 0);
  TreeCursor cursor(body);
  ASSERT_TRUE(cursor.GotoFirstChild());
  EXPECT_STREQ(ts_node_type(cursor.node()), "attribute");
  ASSERT_TRUE(cursor.GotoNextSibling());
  EXPECT_EQ(ts_node_start_byte(cursor.node()), 6u);
  EXPECT_FALSE(cursor.GotoNextSibling());
  TreeCursor moved(std::move(cursor));
  EXPECT_EQ(ts_node_start_byte(moved.node()), 6u);
  ASSERT_TRUE(moved.GotoParent());
  EXPECT_STREQ(ts_node_type(moved.node()), "body");
  TreeCursor other(body);
  other = std::move(moved);
  EXPECT_STREQ(ts_node_type(other.node()), "body");
  other.Reset(ts_tree_root_node(result.tree.get()));
  EXPECT_STREQ(ts_node_type(other.node()), "config_file");
}

TEST(TreeSitterTest, ProgressCallbackCancelsLongParses) {
  std::string big;
  for (int i = 0; i < 50000; ++i)
    big.append("attr_").append(std::to_string(i)).append(" = [1, 2, 3]\n");
  ParseResult cancelled = Parse(HclLanguage(), big, 1);
  EXPECT_EQ(cancelled.status, ParseStatus::kTimedOut);
  EXPECT_EQ(cancelled.tree, nullptr);
  // The thread's parser was reset: the next parse starts from scratch and succeeds.
  ParseResult next = Parse(HclLanguage(), "x = 1\n", 0);
  ASSERT_EQ(next.status, ParseStatus::kOk);
  EXPECT_EQ(ts_node_end_byte(ts_tree_root_node(next.tree.get())), 6u);
  ParseResult unlimited = Parse(HclLanguage(), big, 0);
  EXPECT_EQ(unlimited.status, ParseStatus::kOk);
}

TEST(TreeSitterTest, ParsingIsThreadSafe) {
  std::string text;
  for (int i = 0; i < 200; ++i)
    text.append("resource \"r\" \"n").append(std::to_string(i)).append("\" { a = 1 }\n");
  std::string expected = RootSExpression(Parse(HclLanguage(), text, 0).tree);
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 10; ++round) {
        results[t] = RootSExpression(Parse(HclLanguage(), text, 0).tree);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (const std::string& result : results) EXPECT_EQ(result, expected);
}

TEST(TreeSitterTest, QueriesCompileRunAndAreCached) {
  QueryError error;
  Query bad = CompileQuery(HclLanguage(), "(block (nonexistent_node))", &error);
  EXPECT_EQ(bad, nullptr);
  EXPECT_EQ(error.message, "unknown node type");
  EXPECT_EQ(error.offset, 8u);
  EXPECT_EQ(CompileQuery(HclLanguage(), "(block", &error), nullptr);
  EXPECT_EQ(error.message, "query syntax error");

  const char* source = "(block (identifier) @type)";
  const TSQuery* query = CachedQuery(HclLanguage(), source);
  ASSERT_NE(query, nullptr);
  EXPECT_EQ(CachedQuery(HclLanguage(), std::string(source)), query);
  EXPECT_EQ(CachedQuery(HclLanguage(), "(nope)"), nullptr);

  std::string text = "resource \"a\" \"b\" {}\nmodule \"m\" {}\n";
  ParseResult result = Parse(HclLanguage(), text, 0);
  QueryCursor cursor = NewQueryCursor();
  ts_query_cursor_exec(cursor.get(), query, ts_tree_root_node(result.tree.get()));
  std::vector<std::string> types;
  TSQueryMatch match;
  while (ts_query_cursor_next_match(cursor.get(), &match)) {
    TSNode node = match.captures[0].node;
    types.push_back(
        text.substr(ts_node_start_byte(node), ts_node_end_byte(node) - ts_node_start_byte(node)));
  }
  EXPECT_EQ(types, (std::vector<std::string>{"resource", "module"}));
}

TEST(TreeSitterTest, NewParserHasTheLanguage) {
  Parser parser = NewParser(HclLanguage());
  EXPECT_EQ(ts_parser_language(parser.get()), HclLanguage());
}

// What ForEachChild reports for one node: (start byte, end byte, symbol, is extra) per child.
struct ChildFacts {
  uint32_t start, end;
  TSSymbol symbol;
  bool extra;
  bool operator==(const ChildFacts&) const = default;
};

std::vector<ChildFacts> ChildrenByIndex(TSNode node, bool skip_extras) {
  std::vector<ChildFacts> out;
  for (uint32_t i = 0; i < ts_node_child_count(node); ++i) {
    TSNode child = ts_node_child(node, i);
    if (skip_extras && ts_node_is_extra(child)) continue;
    out.push_back({ts_node_start_byte(child), ts_node_end_byte(child), ts_node_symbol(child),
                   ts_node_is_extra(child)});
  }
  return out;
}

std::vector<ChildFacts> ChildrenByWalk(TSNode node, bool skip_extras) {
  std::vector<ChildFacts> out;
  ForEachChild(
      node, skip_extras,
      [](void* context, TSNode child, TSSymbol symbol) {
        auto* facts = static_cast<std::vector<ChildFacts>*>(context);
        // The node handed over must be a full node: its own accessors agree with the symbol.
        EXPECT_EQ(ts_node_symbol(child), symbol);
        facts->push_back(
            {ts_node_start_byte(child), ts_node_end_byte(child), symbol, ts_node_is_extra(child)});
      },
      &out);
  return out;
}

// Compares ForEachChild with ts_node_child(i) on every node of `text`'s tree; returns the
// number of nodes compared.
size_t CompareEveryNode(const std::string& text, const std::string& what) {
  ParseResult result = Parse(HclLanguage(), text, 0);
  EXPECT_EQ(result.status, ParseStatus::kOk) << what;
  if (result.status != ParseStatus::kOk) return 0;
  std::vector<TSNode> pending{ts_tree_root_node(result.tree.get())};
  size_t nodes = 0;
  while (!pending.empty()) {
    TSNode node = pending.back();
    pending.pop_back();
    ++nodes;
    for (bool skip_extras : {false, true}) {
      std::vector<ChildFacts> by_index = ChildrenByIndex(node, skip_extras);
      std::vector<ChildFacts> by_walk = ChildrenByWalk(node, skip_extras);
      EXPECT_EQ(by_index, by_walk) << what << ": node " << ts_node_type(node) << " at byte "
                                   << ts_node_start_byte(node) << " skip_extras=" << skip_extras;
      if (by_index != by_walk) return nodes;
    }
    for (uint32_t i = 0; i < ts_node_child_count(node); ++i)
      pending.push_back(ts_node_child(node, i));
  }
  return nodes;
}

TEST(TreeSitterTest, ForEachChildMatchesChildByIndexOnHandWrittenInput) {
  const std::string text =
      "# leading comment\n"
      "resource \"aws_instance\" \"web\" { // trailing\n"
      "  count = var.n > 1 ? 2 : 1 /* inline */\n"
      "  tags  = { Name = \"web-${count.index}\", \"k\" = [for s in var.l : upper(s) if s != \"\"] "
      "}\n"
      "  ami   = data.aws_ami.x.id\n"
      "  ids   = aws_subnet.a[*].id\n"
      "  user_data = <<-EOT\n    hello ${var.name}\n    %{ if true }yes%{ endif }\n  EOT\n"
      "  dynamic \"ebs\" {\n    for_each = var.disks\n    content { size = ebs.value }\n  }\n"
      "}\n"
      "broken = (1 + \n";  // an ERROR node too
  EXPECT_GT(CompareEveryNode(text, "hand-written"), 100u);
}

TEST(TreeSitterTest, ForEachChildMatchesChildByIndexOnRealWorldTerraform) {
  const std::filesystem::path root =
      std::filesystem::path(FAULTLINE_TEST_SHARED_DIR) / "corpus/realworld";
  if (!std::filesystem::is_directory(root)) GTEST_SKIP() << root << " not found";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file() && entry.path().extension() == ".tf") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GT(files.size(), 100u);
  // Every 10th file: a few hundred files of every style, in well under a second.
  size_t nodes = 0;
  for (size_t i = 0; i < files.size(); i += 10) {
    std::ifstream in(files[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nodes += CompareEveryNode(text.str(), files[i].string());
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_GT(nodes, 100000u);
}

}  // namespace
}  // namespace faultline::parsers::tree_sitter
