// The rules' logic over hand-built resources: where findings point, their attribute paths and
// related locations, and silence on Unknown. (End-to-end behaviour through the engine is covered
// by the fixtures in rules/*/*/testdata.)
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "engine/rule.h"
#include "rules/aws/rds_single_az/rds_single_az.h"
#include "rules/iam/wildcard_action/wildcard_action.h"
#include "rules/net/public_admin_ingress/public_admin_ingress.h"
#include "rules/net/public_all_ports_ingress/public_all_ports_ingress.h"

namespace faultline::rules {
namespace {

using engine::Finding;
using engine::Resource;
using engine::ResourceKind;
using engine::SourceRange;
using engine::Value;
using engine::ValueList;
using engine::ValueMap;

// A source file whose text places each attribute, so ranges can be found by substring.
class Source {
 public:
  explicit Source(std::string text) : file_("main.tf", std::move(text)) {}
  SourceRange Range(std::string_view needle) const {
    size_t at = file_.text().find(needle);
    EXPECT_NE(at, std::string::npos) << needle;
    return SourceRange{&file_, static_cast<uint32_t>(at),
                       static_cast<uint32_t>(at + needle.size())};
  }

 private:
  engine::SourceFile file_;
};

Value Str(std::string text, SourceRange range = {}) {
  return Value::String(std::move(text), range);
}
Value Strings(std::vector<std::string> items, SourceRange range = {}) {
  ValueList list;
  for (auto& item : items) list.push_back(Str(std::move(item)));
  return Value::List(std::move(list), range);
}
Value MapOf(std::vector<std::pair<std::string, Value>> entries, SourceRange range = {}) {
  ValueMap map;
  for (auto& [k, v] : entries) map.emplace(k, std::move(v));
  return Value::Map(std::move(map), range);
}

Resource MakeResource(ResourceKind kind, std::string type, std::string name, Value attributes,
                      SourceRange header) {
  Resource r;
  r.kind = kind;
  r.type = std::move(type);
  r.name = std::move(name);
  r.address = (kind == ResourceKind::kData ? "data." : "") + r.type + "." + r.name;
  r.module_dir = ".";
  r.attributes = std::move(attributes);
  r.header = header;
  r.range = header;
  return r;
}

std::vector<Finding> CheckRule(const engine::Rule& rule, const Resource& resource) {
  std::vector<Finding> findings;
  if (!engine::RuleApplies(rule.metadata(), resource)) return findings;
  engine::ResourceGraph graph;
  engine::FindingSink sink(rule.metadata(), resource, &findings);
  rule.Check(engine::RuleContext{graph, resource, {}}, sink);
  return findings;
}

// --- FL-AWS-0001 -------------------------------------------------------------------------

TEST(RdsSingleAzRuleTest, AbsentMultiAzIsReportedAtTheHeader) {
  Source src("resource \"aws_db_instance\" \"main\" {\n  engine = \"postgres\"\n}\n");
  Resource db = MakeResource(ResourceKind::kManaged, "aws_db_instance", "main",
                             MapOf({{"engine", Str("postgres")}}),
                             src.Range("resource \"aws_db_instance\" \"main\""));
  std::vector<Finding> findings = CheckRule(RdsSingleAzRule(), db);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].rule_id, "FL-AWS-0001");
  EXPECT_EQ(findings[0].range, db.header);
  EXPECT_EQ(findings[0].attribute_path, "");
  EXPECT_EQ(findings[0].resource_address, "aws_db_instance.main");
  EXPECT_EQ(findings[0].message,
            "aws_db_instance \"main\" is not Multi-AZ (multi_az is not set and defaults to "
            "false): a single-AZ outage takes the database down");
}

TEST(RdsSingleAzRuleTest, FalseFromAVariableDefaultPointsAtBoth) {
  Source src(
      "variable \"ha\" { default = false }\n"
      "resource \"aws_db_instance\" \"main\" {\n  multi_az = var.ha\n}\n");
  Value multi_az = Value::Bool(false, src.Range("false")).WithRange(src.Range("multi_az = var.ha"));
  Resource db = MakeResource(ResourceKind::kManaged, "aws_db_instance", "main",
                             MapOf({{"multi_az", multi_az}}),
                             src.Range("resource \"aws_db_instance\" \"main\""));
  db.index_key = Value::String("eu");
  db.module_address = "module.db";
  std::vector<Finding> findings = CheckRule(RdsSingleAzRule(), db);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].range, src.Range("multi_az = var.ha"));
  EXPECT_EQ(findings[0].attribute_path, "multi_az");
  EXPECT_EQ(findings[0].message,
            "aws_db_instance \"main\"[\"eu\"] in module.db is not Multi-AZ: a single-AZ outage "
            "takes the database down");
  ASSERT_EQ(findings[0].related.size(), 1u);
  EXPECT_EQ(findings[0].related[0].range, src.Range("false"));
}

TEST(RdsSingleAzRuleTest, SilentWhenMultiAzTrueUnknownOrNotApplicable) {
  Source src("resource \"aws_db_instance\" \"main\" {}\n");
  SourceRange header = src.Range("resource");
  auto check = [&](Value attributes) {
    return CheckRule(RdsSingleAzRule(), MakeResource(ResourceKind::kManaged, "aws_db_instance",
                                                     "main", std::move(attributes), header));
  };
  EXPECT_TRUE(check(MapOf({{"multi_az", Value::Bool(true)}})).empty());
  EXPECT_TRUE(check(MapOf({{"multi_az", Str("true")}})).empty());
  EXPECT_TRUE(check(MapOf({{"multi_az", Value::Unknown("var.ha")}})).empty());
  EXPECT_TRUE(check(MapOf({{"replicate_source_db", Str("primary")}})).empty());
  EXPECT_TRUE(check(MapOf({{"replicate_source_db", Value::Unknown("id")}})).empty());
  EXPECT_TRUE(check(MapOf({{"engine", Str("aurora-postgresql")}})).empty());
  EXPECT_TRUE(check(MapOf({{"engine", Str("Aurora")}})).empty());
  EXPECT_TRUE(check(MapOf({{"engine", Value::Unknown("var.engine")}})).empty());
  EXPECT_TRUE(check(MapOf({{"cluster_identifier", Str("orders")}})).empty());
  EXPECT_EQ(check(MapOf({{"replicate_source_db", Value::Null()}})).size(), 1u);
  EXPECT_EQ(check(MapOf({{"multi_az", Str("false")}})).size(), 1u);

  EXPECT_TRUE(CheckRule(RdsSingleAzRule(), MakeResource(ResourceKind::kData, "aws_db_instance", "x",
                                                        MapOf({}), header))
                  .empty());
  EXPECT_TRUE(CheckRule(RdsSingleAzRule(), MakeResource(ResourceKind::kManaged, "aws_rds_cluster",
                                                        "x", MapOf({}), header))
                  .empty());
}

// --- FL-IAM-0001 -------------------------------------------------------------------------

TEST(IamWildcardActionRuleTest, JsonPolicyReportsAtThePolicyAttribute) {
  Source src("resource \"aws_iam_policy\" \"admin\" {\n  policy = jsonencode({...})\n}\n");
  SourceRange policy_range = src.Range("policy = jsonencode({...})");
  Value policy = Str(R"({"Statement": [{"Effect": "Allow", "Action": "s3:*"},
                                       {"Sid": "All", "Effect": "Allow", "Action": ["*"]}]})",
                     policy_range);
  Resource r = MakeResource(ResourceKind::kManaged, "aws_iam_policy", "admin",
                            MapOf({{"policy", policy}}), src.Range("resource"));
  std::vector<Finding> findings = CheckRule(IamWildcardActionRule(), r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, engine::Severity::kCritical);
  EXPECT_EQ(findings[0].range, policy_range);
  EXPECT_EQ(findings[0].attribute_path, "policy");
  EXPECT_EQ(findings[0].message,
            "aws_iam_policy \"admin\" allows every action (\"*\") in policy statement 2 (Sid "
            "\"All\")");
  EXPECT_TRUE(findings[0].related.empty());
}

TEST(IamWildcardActionRuleTest, RolePoliciesAndInlineBlocks) {
  Source src("resource \"aws_iam_role\" \"r\" { assume inline }");
  std::string admin = R"({"Statement": [{"Action": "*"}]})";
  Value inline_policies =
      Value::List({MapOf({{"name", Str("a")}, {"policy", Str("{}")}}),
                   MapOf({{"name", Str("b")}, {"policy", Str(admin, src.Range("inline"))}})});
  Resource r = MakeResource(ResourceKind::kManaged, "aws_iam_role", "r",
                            MapOf({{"assume_role_policy", Str(admin, src.Range("assume"))},
                                   {"inline_policy", inline_policies}}),
                            src.Range("resource"));
  std::vector<Finding> findings = CheckRule(IamWildcardActionRule(), r);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].attribute_path, "assume_role_policy");
  EXPECT_EQ(findings[0].range, src.Range("assume"));
  EXPECT_EQ(findings[1].attribute_path, "inline_policy[1].policy");
  EXPECT_EQ(findings[1].range, src.Range("inline"));
}

TEST(IamWildcardActionRuleTest, StatementsOfOneDocumentAreOneFinding) {
  Source src("resource policy");
  Value policy = Str(R"({"Statement": [{"Action": "*"}, {"Action": "s3:*"}, {"Action": ["*"]},
                                       {"Action": "*", "Effect": "Allow"}]})",
                     src.Range("policy"));
  Resource r = MakeResource(ResourceKind::kManaged, "aws_s3_bucket_policy", "b",
                            MapOf({{"policy", policy}}), src.Range("resource"));
  std::vector<Finding> findings = CheckRule(IamWildcardActionRule(), r);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "aws_s3_bucket_policy \"b\" allows every action (\"*\") in policy statements 1, 3 "
            "and 4");
}

TEST(IamWildcardActionRuleTest, PolicyDocumentReportsAtTheActionsAttribute) {
  Source src(
      "data \"aws_iam_policy_document\" \"d\" {\n  statement {\n    actions = [\"*\"]\n  }\n}");
  SourceRange actions_range = src.Range("actions = [\"*\"]");
  Value statements = Value::List({MapOf({{"actions", Strings({"*"}, actions_range)}})});
  Resource d = MakeResource(ResourceKind::kData, "aws_iam_policy_document", "d",
                            MapOf({{"statement", statements}}), src.Range("data"));
  std::vector<Finding> findings = CheckRule(IamWildcardActionRule(), d);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].range, actions_range);
  EXPECT_EQ(findings[0].attribute_path, "statement[0].actions");
  EXPECT_EQ(findings[0].resource_address, "data.aws_iam_policy_document.d");
  EXPECT_EQ(findings[0].message,
            "data \"aws_iam_policy_document\" \"d\" allows every action (\"*\") in statement 1");
}

TEST(IamWildcardActionRuleTest, SilentOnUnknownDenyAndOtherShapes) {
  Source src("resource");
  auto run = [&](ResourceKind kind, std::string type, Value attributes) {
    return CheckRule(
        IamWildcardActionRule(),
        MakeResource(kind, std::move(type), "x", std::move(attributes), src.Range("resource")));
  };
  EXPECT_TRUE(run(ResourceKind::kManaged, "aws_iam_policy",
                  MapOf({{"policy", Value::Unknown("data.aws_iam_policy_document.x.json")}}))
                  .empty());
  EXPECT_TRUE(run(ResourceKind::kManaged, "aws_iam_policy",
                  MapOf({{"policy", Str(R"({"Statement": [{"Effect": "Deny", "Action": "*"}]})")}}))
                  .empty());
  EXPECT_TRUE(run(ResourceKind::kManaged, "aws_iam_policy",
                  MapOf({{"policy", Str(R"({"Statement": [{"NotAction": "*"}]})")}}))
                  .empty());
  EXPECT_TRUE(run(ResourceKind::kData, "aws_iam_policy",
                  MapOf({{"policy", Str(R"({"Statement": [{"Action": "*"}]})")}}))
                  .empty());
  EXPECT_TRUE(run(ResourceKind::kData, "aws_iam_policy_document",
                  MapOf({{"statement", Value::List({MapOf({{"effect", Value::Unknown("v")},
                                                           {"actions", Strings({"*"})}})})}}))
                  .empty());
  EXPECT_TRUE(run(ResourceKind::kManaged, "aws_organizations_policy",
                  MapOf({{"content", Str(R"({"Statement": [{"Action": "*"}]})")}}))
                  .empty());
  // A known "*" next to an Unknown element is still a literal violation.
  EXPECT_EQ(
      run(ResourceKind::kData, "aws_iam_policy_document",
          MapOf({{"statement", Value::List({MapOf({{"actions", Value::List({Value::Unknown("v"),
                                                                            Str("*")})}})})}}))
          .size(),
      1u);
}

// --- FL-NET-0001 -------------------------------------------------------------------------

Value Ingress(Value protocol, Value from, Value to, Value cidrs, Value ipv6 = Value()) {
  std::vector<std::pair<std::string, Value>> entries = {{"protocol", std::move(protocol)},
                                                        {"from_port", std::move(from)},
                                                        {"to_port", std::move(to)},
                                                        {"cidr_blocks", std::move(cidrs)}};
  if (!ipv6.is_null()) entries.emplace_back("ipv6_cidr_blocks", std::move(ipv6));
  return MapOf(std::move(entries));
}

TEST(PublicAdminIngressRuleTest, InlineIngressReportsAtTheCidrAttribute) {
  Source src("resource \"aws_security_group\" \"sg\" { web ssh }");
  Value ingress = Value::List({
      Ingress(Str("tcp"), Value::Number(443), Value::Number(443), Strings({"0.0.0.0/0"})),
      Ingress(Str("tcp"), Value::Number(20), Value::Number(3389),
              Strings({"10.0.0.0/8", " 0.0.0.0/0 "}, src.Range("ssh")), Strings({"::/0"})),
  });
  Resource sg = MakeResource(ResourceKind::kManaged, "aws_security_group", "sg",
                             MapOf({{"ingress", ingress}}), src.Range("resource"));
  std::vector<Finding> findings = CheckRule(PublicAdminIngressRule(), sg);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].attribute_path, "ingress[1].cidr_blocks");
  EXPECT_EQ(findings[0].range, src.Range("ssh"));
  EXPECT_EQ(findings[0].message,
            "aws_security_group \"sg\" ingress rule 2 allows SSH (port 22), Telnet (port 23) and "
            "RDP (port 3389) from the whole internet ( 0.0.0.0/0 )");
  EXPECT_EQ(findings[1].attribute_path, "ingress[1].ipv6_cidr_blocks");
  EXPECT_EQ(findings[1].range, sg.header) << "an unlocated value falls back to the header";
}

TEST(PublicAdminIngressRuleTest, ProtocolsPortsAndCidrs) {
  Source src("resource");
  auto count = [&](Value protocol, Value from, Value to, Value cidrs) {
    Value ingress = Value::List(
        {Ingress(std::move(protocol), std::move(from), std::move(to), std::move(cidrs))});
    return CheckRule(PublicAdminIngressRule(),
                     MakeResource(ResourceKind::kManaged, "aws_security_group", "sg",
                                  MapOf({{"ingress", ingress}}), src.Range("resource")))
        .size();
  };
  Value world = Strings({"0.0.0.0/0"});
  // All traffic is FL-NET-0003's (one finding per problem).
  EXPECT_EQ(count(Str("-1"), Value::Number(0), Value::Number(0), world), 0u);
  EXPECT_EQ(count(Value::Number(-1), Value::Number(0), Value::Number(0), world), 0u);
  EXPECT_EQ(count(Str("all"), Value(), Value(), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(0), Value::Number(65535), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(23), Value::Number(23), world), 1u);
  EXPECT_EQ(count(Str("udp"), Value::Number(3389), Value::Number(3389), world), 1u);
  EXPECT_EQ(count(Str("6"), Str("22"), Str("22"), world), 1u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(3389), Value::Number(3389), Strings({"::0/0"})), 1u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(0), Value::Number(0), world), 0u);
  EXPECT_EQ(count(Str("udp"), Value::Number(22), Value::Number(22), world), 0u);
  EXPECT_EQ(count(Str("icmp"), Value::Number(-1), Value::Number(-1), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(24), Value::Number(3388), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(22), Value::Number(22), Strings({"1.0.0.0/0"})), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(22), Value::Number(22), Strings({"0.0.0.0/1"})), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(22), Value::Number(22), Strings({"fc00::/0x"})), 0u);
  // Unknown protocol, ports or CIDRs decide nothing.
  EXPECT_EQ(count(Value::Unknown("p"), Value::Number(22), Value::Number(22), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Unknown("f"), Value::Number(22), world), 0u);
  EXPECT_EQ(count(Str("tcp"), Value::Number(22), Value::Number(22), Value::Unknown("c")), 0u);
  EXPECT_EQ(
      count(Str("tcp"), Value::Number(22), Value::Number(22), Value::List({Value::Unknown("c")})),
      0u);
}

TEST(PublicAdminIngressRuleTest, StandaloneRules) {
  Source src("resource cidr");
  Resource rule = MakeResource(ResourceKind::kManaged, "aws_security_group_rule", "r",
                               MapOf({{"type", Str("ingress")},
                                      {"protocol", Str("tcp")},
                                      {"from_port", Value::Number(22)},
                                      {"to_port", Value::Number(22)},
                                      {"cidr_blocks", Strings({"0.0.0.0/0"}, src.Range("cidr"))}}),
                               src.Range("resource"));
  std::vector<Finding> findings = CheckRule(PublicAdminIngressRule(), rule);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute_path, "cidr_blocks");
  EXPECT_EQ(findings[0].message,
            "aws_security_group_rule \"r\" allows SSH (port 22) from the whole internet "
            "(0.0.0.0/0)");

  Resource egress = rule;
  egress.attributes = MapOf(
      {{"type", Str("egress")}, {"protocol", Str("-1")}, {"cidr_blocks", Strings({"0.0.0.0/0"})}});
  EXPECT_TRUE(CheckRule(PublicAdminIngressRule(), egress).empty());

  Resource vpc_rule = MakeResource(
      ResourceKind::kManaged, "aws_vpc_security_group_ingress_rule", "v",
      MapOf({{"ip_protocol", Str("-1")}, {"cidr_ipv6", Str("::/0", src.Range("cidr"))}}),
      src.Range("resource"));
  EXPECT_TRUE(CheckRule(PublicAdminIngressRule(), vpc_rule).empty());
  findings = CheckRule(PublicAllPortsIngressRule(), vpc_rule);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].attribute_path, "cidr_ipv6");
  EXPECT_EQ(findings[0].range, src.Range("cidr"));
  EXPECT_EQ(findings[0].message,
            "aws_vpc_security_group_ingress_rule \"v\" allows all traffic (every protocol and "
            "port) from the whole internet (::/0)");
}

}  // namespace
}  // namespace faultline::rules
