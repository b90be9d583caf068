// parsers/tree_sitter: RAII handles, bounded parsing, queries.
#include "parsers/tree_sitter/handles.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace faultline::parsers::tree_sitter
