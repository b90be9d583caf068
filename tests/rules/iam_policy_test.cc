// engine/helpers/iam_policy over hand-made Values.
#include "engine/helpers/iam_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace faultline::engine {
namespace {

Value Str(std::string text) { return Value::String(std::move(text)); }
Value Strings(std::vector<std::string> items) {
  ValueList list;
  for (auto& item : items) list.push_back(Str(std::move(item)));
  return Value::List(std::move(list));
}
Value MapOf(std::vector<std::pair<std::string, Value>> entries) {
  ValueMap map;
  for (auto& [k, v] : entries) map.emplace(k, std::move(v));
  return Value::Map(std::move(map));
}

TEST(IamStatementsInTest, ParsesAJsonPolicy) {
  Value policy = Str(R"({
    "Version": "2012-10-17",
    "Statement": [
      {"Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": ["a", "b"]},
      {"Effect": "Deny", "NotAction": ["iam:*"], "NotResource": "*",
       "Principal": {"AWS": ["arn:aws:iam::1:root"], "Service": "ec2.amazonaws.com"},
       "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
      {"Action": ["*"], "Principal": "*", "NotPrincipal": {"AWS": "x"}}
    ]
  })");
  IamPolicy parsed = IamStatementsIn(policy, "policy");
  ASSERT_EQ(parsed.status, IamPolicyStatus::kOk);
  ASSERT_EQ(parsed.statements.size(), 3u);

  const IamStatement& read = parsed.statements[0];
  EXPECT_EQ(read.index, 0u);
  EXPECT_EQ(read.sid, "Read");
  EXPECT_EQ(read.effect, IamEffect::kAllow);
  EXPECT_EQ(read.actions.values, std::vector<std::string>{"s3:GetObject"});
  EXPECT_EQ(read.resources.values, (std::vector<std::string>{"a", "b"}));
  EXPECT_FALSE(read.not_actions.present);
  EXPECT_FALSE(read.has_condition);
  EXPECT_EQ(read.at, &policy);
  EXPECT_EQ(read.attribute_path, "policy.Statement[0]");
  EXPECT_EQ(read.policy_path, "policy");
  EXPECT_EQ(read.actions.at, &policy);
  EXPECT_EQ(read.actions.attribute_path, "policy.Statement[0].Action");

  const IamStatement& deny = parsed.statements[1];
  EXPECT_EQ(deny.effect, IamEffect::kDeny);
  EXPECT_FALSE(deny.actions.present);
  EXPECT_TRUE(deny.not_actions.Contains("iam:*"));
  EXPECT_TRUE(deny.not_resources.Contains("*"));
  EXPECT_TRUE(deny.has_condition);
  ASSERT_EQ(deny.principals.entries.size(), 2u);
  EXPECT_EQ(deny.principals.entries[0].type, "AWS");
  EXPECT_TRUE(deny.principals.entries[0].identifiers.Contains("arn:aws:iam::1:root"));
  EXPECT_EQ(deny.principals.entries[1].type, "Service");
  EXPECT_EQ(deny.principals.attribute_path, "policy.Statement[1].Principal");

  const IamStatement& implicit = parsed.statements[2];
  EXPECT_EQ(implicit.effect, IamEffect::kAllow) << "an absent Effect counts as Allow";
  EXPECT_TRUE(implicit.actions.Contains("*"));
  ASSERT_EQ(implicit.principals.entries.size(), 1u);
  EXPECT_EQ(implicit.principals.entries[0].type, "*");
  EXPECT_TRUE(implicit.not_principals.present);
}

TEST(IamStatementsInTest, SingleStatementObjectAndEffectSpelling) {
  IamPolicy parsed =
      IamStatementsIn(Str(R"({"Statement": {"Effect": "deny", "Action": "*"}})"), "p");
  ASSERT_EQ(parsed.status, IamPolicyStatus::kOk);
  ASSERT_EQ(parsed.statements.size(), 1u);
  EXPECT_EQ(parsed.statements[0].effect, IamEffect::kDeny);
  EXPECT_EQ(parsed.statements[0].actions.attribute_path, "p.Statement[0].Action");

  IamPolicy odd = IamStatementsIn(Str(R"({"Statement": [{"Effect": "Maybe"}]})"));
  ASSERT_EQ(odd.statements.size(), 1u);
  EXPECT_EQ(odd.statements[0].effect, IamEffect::kUnknown) << "an invalid effect decides nothing";
}

TEST(IamStatementsInTest, WhatIsNotAPolicy) {
  for (const char* text : {"", "not json", "[1, 2]", "\"text\"", R"({"Version": "2012-10-17"})",
                           R"({"Statement": "x"})", R"({"Statement": [)", "{\"Statement\": 5}"}) {
    EXPECT_EQ(IamStatementsIn(Str(text)).status, IamPolicyStatus::kNotAPolicy) << text;
  }
  EXPECT_EQ(IamStatementsIn(Value::Null()).status, IamPolicyStatus::kNotAPolicy);
  EXPECT_EQ(IamStatementsIn(Value::Number(3)).status, IamPolicyStatus::kNotAPolicy);
  EXPECT_EQ(IamStatementsIn(Value::Unknown("computed")).status, IamPolicyStatus::kUnknown);
}

TEST(IamStatementsInTest, DeepNestingIsRejectedWithoutRecursion) {
  std::string deep = "{\"Statement\": [{\"Condition\": ";
  for (int i = 0; i < 100000; ++i) deep += "[";
  for (int i = 0; i < 100000; ++i) deep += "]";
  deep += "}]}";
  EXPECT_EQ(IamStatementsIn(Str(deep)).status, IamPolicyStatus::kNotAPolicy);
  // Brackets inside strings do not count.
  std::string quoted = "{\"Statement\": [{\"Action\": \"" + std::string(500, '[') + "\"}]}";
  EXPECT_EQ(IamStatementsIn(Str(quoted)).status, IamPolicyStatus::kOk);
}

TEST(IamStatementsInTest, MapShapedPolicyKeepsUnknownElements) {
  Value policy = MapOf({{"Statement", Value::List({MapOf({
                                          {"Effect", Str("Allow")},
                                          {"Action", Value::List({Str("*"), Value::Unknown("x")})},
                                          {"Resource", Value::Unknown("arn")},
                                      })})}});
  IamPolicy parsed = IamStatementsIn(policy, "policy");
  ASSERT_EQ(parsed.status, IamPolicyStatus::kOk);
  ASSERT_EQ(parsed.statements.size(), 1u);
  const IamStatement& s = parsed.statements[0];
  EXPECT_TRUE(s.actions.Contains("*"));
  EXPECT_TRUE(s.actions.has_unknown);
  EXPECT_TRUE(s.resources.present);
  EXPECT_TRUE(s.resources.has_unknown);
  EXPECT_TRUE(s.resources.values.empty());

  Value unknown_statements = MapOf({{"Statement", Value::Unknown("computed")}});
  EXPECT_EQ(IamStatementsIn(unknown_statements).status, IamPolicyStatus::kUnknown);
  Value unknown_effect =
      MapOf({{"Statement",
              Value::List({MapOf({{"Effect", Value::Unknown("x")}, {"Action", Str("*")}})})}});
  EXPECT_EQ(IamStatementsIn(unknown_effect).statements[0].effect, IamEffect::kUnknown);
}

Value DocumentStatement(std::vector<std::pair<std::string, Value>> entries) {
  return MapOf(std::move(entries));
}

TEST(IamDocumentStatementsInTest, ReadsStatementBlocks) {
  Value statements = Value::List({
      DocumentStatement({{"actions", Strings({"s3:GetObject"})},
                         {"resources", Strings({"*"})},
                         {"principals", Value::List({MapOf({{"type", Str("AWS")},
                                                            {"identifiers", Strings({"*"})}})})},
                         {"condition", Value::List({MapOf({{"test", Str("Bool")}})})}}),
      DocumentStatement({{"sid", Str("Deny")},
                         {"effect", Str("Deny")},
                         {"not_actions", Strings({"*"})},
                         {"principals", Value::List({MapOf({{"type", Value::Unknown("t")},
                                                            {"identifiers", Strings({"x"})}})})}}),
      Value::Unknown("a dynamic block"),
  });
  IamPolicy parsed = IamDocumentStatementsIn(statements, "statement");
  ASSERT_EQ(parsed.status, IamPolicyStatus::kOk);
  ASSERT_EQ(parsed.statements.size(), 2u);
  const IamStatement& first = parsed.statements[0];
  EXPECT_EQ(first.effect, IamEffect::kAllow);
  EXPECT_EQ(first.attribute_path, "statement[0]");
  EXPECT_EQ(first.policy_path, "statement");
  EXPECT_EQ(first.at, &statements.as_list()[0]);
  EXPECT_EQ(first.actions.attribute_path, "statement[0].actions");
  EXPECT_EQ(first.actions.at, statements.as_list()[0].Get("actions"));
  EXPECT_TRUE(first.has_condition);
  ASSERT_EQ(first.principals.entries.size(), 1u);
  EXPECT_EQ(first.principals.entries[0].type, "AWS");
  EXPECT_TRUE(first.principals.entries[0].identifiers.Contains("*"));
  EXPECT_EQ(first.principals.attribute_path, "statement[0].principals");

  const IamStatement& second = parsed.statements[1];
  EXPECT_EQ(second.index, 1u);
  EXPECT_EQ(second.sid, "Deny");
  EXPECT_EQ(second.effect, IamEffect::kDeny);
  EXPECT_TRUE(second.not_actions.Contains("*"));
  EXPECT_TRUE(second.principals.has_unknown);
  EXPECT_TRUE(second.principals.entries[0].type_unknown);

  EXPECT_EQ(IamDocumentStatementsIn(Value::Unknown("x")).status, IamPolicyStatus::kUnknown);
  EXPECT_EQ(IamDocumentStatementsIn(Value::Null()).status, IamPolicyStatus::kNotAPolicy);
}

TEST(IamPolicyDocumentStatementsTest, MergesSourceStatementsAndOverridesBySid) {
  Value document = MapOf({
      {"source_policy_documents", Value::List({Str(R"({"Statement": [
           {"Sid": "Main", "Effect": "Allow", "Action": "*"},
           {"Effect": "Allow", "Action": "s3:*"}]})")})},
      {"statement", Value::List({DocumentStatement(
                        {{"sid", Str("Main")}, {"actions", Strings({"s3:GetObject"})}})})},
      {"override_policy_documents",
       Value::List({Str(R"({"Statement": [{"Sid": "Extra", "Action": "ec2:*"}]})")})},
  });
  std::vector<IamStatement> merged = IamPolicyDocumentStatements(document);
  ASSERT_EQ(merged.size(), 3u);
  EXPECT_EQ(merged[0].sid, "Main");
  EXPECT_TRUE(merged[0].actions.Contains("s3:GetObject")) << "the block replaced the source";
  EXPECT_EQ(merged[0].actions.attribute_path, "statement[0].actions");
  EXPECT_TRUE(merged[1].actions.Contains("s3:*"));
  EXPECT_EQ(merged[1].actions.attribute_path, "source_policy_documents[0].Statement[1].Action");
  EXPECT_EQ(merged[1].at, &document.Get("source_policy_documents")->as_list()[0]);
  EXPECT_EQ(merged[1].policy_path, "source_policy_documents[0]");
  EXPECT_EQ(merged[2].sid, "Extra");
}

TEST(IamPolicyDocumentStatementsTest, UnknownSidsDropWhatTheyMightReplace) {
  Value document = MapOf({
      {"source_policy_documents", Value::List({Str(R"({"Statement": [
           {"Sid": "Main", "Action": "*"}, {"Action": "*"}]})")})},
      {"statement", Value::List({DocumentStatement(
                        {{"sid", Value::Unknown("x")}, {"actions", Strings({"s3:GetObject"})}})})},
  });
  std::vector<IamStatement> merged = IamPolicyDocumentStatements(document);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_TRUE(merged[0].sid.empty()) << "a statement without Sid cannot be replaced";
  EXPECT_TRUE(merged[0].actions.Contains("*"));
  EXPECT_TRUE(merged[1].sid_unknown);

  Value unknown_override = MapOf({
      {"statement",
       Value::List({DocumentStatement({{"sid", Str("A")}, {"actions", Strings({"*"})}}),
                    DocumentStatement({{"actions", Strings({"*"})}})})},
      {"override_policy_documents", Value::List({Value::Unknown("computed")})},
  });
  merged = IamPolicyDocumentStatements(unknown_override);
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_TRUE(merged[0].sid.empty());

  EXPECT_TRUE(IamPolicyDocumentStatements(Value::Unknown("x")).empty());
}

TEST(IamPolicyDocumentStatementsTest, ManyStatementsMergeInLinearTime) {
  constexpr int kCount = 20000;
  ValueList source_statements, blocks;
  std::string json = "{\"Statement\": [";
  for (int i = 0; i < kCount; ++i) {
    if (i > 0) json += ",";
    json += "{\"Sid\": \"S" + std::to_string(i) + "\", \"Action\": \"*\"}";
    blocks.push_back(
        DocumentStatement({{"sid", Str("B" + std::to_string(i))}, {"actions", Strings({"*"})}}));
  }
  json += "]}";
  Value document = MapOf({{"source_policy_documents", Value::List({Str(json)})},
                          {"statement", Value::List(std::move(blocks))}});
  std::vector<IamStatement> merged = IamPolicyDocumentStatements(document);
  EXPECT_EQ(merged.size(), 2u * kCount);
}

}  // namespace
}  // namespace faultline::engine
