// Module evaluation through the real parser and evaluator: variables, locals, count/for_each,
// modules, dynamic blocks, Unknown, edges, and the limits that keep hostile input bounded.
#include "engine/config/module_evaluator.h"

#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "tests/engine/scan_fixture.h"

namespace faultline::engine {
namespace {

using testing::FindResource;
using testing::ScanFiles;

const Value* Attr(const Resource* r, const std::string& name) {
  return r ? r->attributes.Get(name) : nullptr;
}

bool HasFinding(const ScanResult& result, const std::string& rule, const std::string& text) {
  for (const Finding& f : result.findings) {
    if (f.rule_id == rule && f.message.find(text) != std::string::npos) return true;
  }
  return false;
}

TEST(ModuleEvaluatorTest, VariablePrecedenceDefaultsTfvarsAutoVarFileAndVar) {
  std::map<std::string, std::string> files = {
      {"p/variables.tf",
       "variable \"a\" { default = \"default\" }\n"
       "variable \"b\" { default = \"default\" }\n"
       "variable \"c\" { default = \"default\" }\n"
       "variable \"d\" { default = \"default\" }\n"
       "variable \"e\" {}\n"
       "variable \"n\" { type = number }\n"},
      {"p/terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\n"},
      {"p/x.auto.tfvars", "c = \"auto\"\n"},
      {"p/main.tf",
       "resource \"null_resource\" \"r\" {\n  a = var.a\n  b = var.b\n  c = var.c\n"
       "  d = var.d\n  e = var.e\n  n = var.n + 1\n}\n"},
  };
  ScanOptions options;
  options.environment = {{"a", "env"}, {"n", "41"}};
  options.vars = {{"d", "cli"}};
  ScanResult result = ScanFiles(files, options);
  const Resource* r = FindResource(result, "p", "null_resource.r");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(Attr(r, "a")->as_string(), "env");
  EXPECT_EQ(Attr(r, "b")->as_string(), "tfvars");
  EXPECT_EQ(Attr(r, "c")->as_string(), "auto");
  EXPECT_EQ(Attr(r, "d")->as_string(), "cli");
  EXPECT_TRUE(Attr(r, "e")->is_unknown());
  EXPECT_EQ(Attr(r, "n")->as_number(), 42);
  // The value points at the attribute in the resource, and remembers where it was written.
  const Value* b = Attr(r, "b");
  EXPECT_EQ(b->range().file->path(), "/faultline-virtual/p/main.tf");
  EXPECT_EQ(b->origin().file->path(), "/faultline-virtual/p/terraform.tfvars");
}

TEST(ModuleEvaluatorTest, LocalsInAnyOrderAndCyclesAreReported) {
  ScanResult result = ScanFiles({
      {"main.tf",
       "locals {\n  c = \"${local.b}-c\"\n  b = \"${local.a}-b\"\n  a = \"a\"\n"
       "  x = local.y\n  y = local.x\n}\n"
       "resource \"null_resource\" \"r\" {\n  name = local.c\n  loop = local.x\n}\n"},
  });
  const Resource* r = FindResource(result, "", "null_resource.r");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(Attr(r, "name")->as_string(), "a-b-c");
  EXPECT_TRUE(Attr(r, "loop")->is_unknown());
  EXPECT_TRUE(HasFinding(result, kEvaluationErrorId, "depends on itself"));
}

TEST(ModuleEvaluatorTest, CountAndForEachExpandWithTerraformAddresses) {
  ScanResult result = ScanFiles({
      {"main.tf",
       "variable \"create\" { default = false }\n"
       "resource \"aws_subnet\" \"s\" {\n  count = 2\n  cidr_block = "
       "\"10.0.${count.index}.0/24\"\n}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  for_each = toset([\"logs\", \"data\"])\n"
       "  bucket = \"x-${each.key}\"\n}\n"
       "resource \"aws_instance\" \"off\" {\n  count = var.create ? 1 : 0\n}\n"
       "resource \"aws_instance\" \"unknown\" {\n  count = length(aws_subnet.s[0].id)\n"
       "  ami = \"ami-${count.index}\"\n  type = \"t3.micro\"\n}\n"},
  });
  EXPECT_EQ(Attr(FindResource(result, "", "aws_subnet.s[1]"), "cidr_block")->as_string(),
            "10.0.1.0/24");
  EXPECT_EQ(Attr(FindResource(result, "", "aws_s3_bucket.b[\"data\"]"), "bucket")->as_string(),
            "x-data");
  EXPECT_NE(FindResource(result, "", "aws_s3_bucket.b[\"logs\"]"), nullptr);
  EXPECT_EQ(result.graph.OfType("aws_instance").size(), 1u);  // "off" has no instance
  const Resource* unknown = FindResource(result, "", "aws_instance.unknown[*]");
  ASSERT_NE(unknown, nullptr);
  EXPECT_TRUE(Attr(unknown, "ami")->is_unknown());
  EXPECT_EQ(Attr(unknown, "type")->as_string(), "t3.micro");  // literals still seen
}

TEST(ModuleEvaluatorTest, ComputedAttributesAreUnknownWithTheirOrigin) {
  ScanResult result = ScanFiles({
      {"main.tf",
       "resource \"aws_subnet\" \"a\" { availability_zone = \"eu-west-1a\" }\n"
       "resource \"aws_subnet\" \"b\" { availability_zone = \"eu-west-1b\" }\n"
       "resource \"aws_db_subnet_group\" \"g\" {\n"
       "  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]\n"
       "  zone = aws_subnet.a.availability_zone\n}\n"},
  });
  const Resource* group = FindResource(result, "", "aws_db_subnet_group.g");
  ASSERT_NE(group, nullptr);
  const Value* ids = Attr(group, "subnet_ids");
  ASSERT_TRUE(ids->is_list());
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_TRUE(ids->At(0)->is_unknown());
  EXPECT_EQ(ids->At(0)->unknown().address, "aws_subnet.a");
  EXPECT_EQ(ids->At(0)->unknown().attribute, "id");
  EXPECT_EQ(Attr(group, "zone")->as_string(), "eu-west-1a");
  auto subnets = result.graph.Targets(group->id, EdgeKind::kReferences, "aws_subnet");
  ASSERT_EQ(subnets.size(), 2u);
  EXPECT_EQ(subnets[0]->address, "aws_subnet.a");
  EXPECT_EQ(subnets[1]->address, "aws_subnet.b");
}

TEST(ModuleEvaluatorTest, LocalModulesAreInstantiatedWithInputsAndOutputs) {
  ScanResult result = ScanFiles({
      {"root/main.tf",
       "module \"db\" {\n  source = \"../modules/db\"\n  multi_az = false\n}\n"
       "module \"many\" {\n  source = \"../modules/db\"\n  for_each = { a = true, b = false }\n"
       "  multi_az = each.value\n}\n"
       "resource \"null_resource\" \"use\" { id_from_module = module.db.name }\n"},
      {"modules/db/main.tf",
       "variable \"multi_az\" { default = true }\n"
       "resource \"aws_db_instance\" \"this\" {\n  multi_az = var.multi_az\n}\n"
       "output \"name\" { value = \"db-${var.multi_az}\" }\n"},
  });
  const Resource* db = FindResource(result, "root", "module.db.aws_db_instance.this");
  ASSERT_NE(db, nullptr);
  EXPECT_FALSE(Attr(db, "multi_az")->as_bool());
  EXPECT_EQ(db->module_address, "module.db");
  const Resource* b = FindResource(result, "root", "module.many[\"b\"].aws_db_instance.this");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(Attr(b, "multi_az")->as_bool());
  EXPECT_TRUE(
      Attr(FindResource(result, "root", "module.many[\"a\"].aws_db_instance.this"), "multi_az")
          ->as_bool());
  EXPECT_EQ(Attr(FindResource(result, "root", "null_resource.use"), "id_from_module")->as_string(),
            "db-false");
  // The module directory is also evaluated on its own, as a root with defaults.
  EXPECT_TRUE(
      Attr(FindResource(result, "modules/db", "aws_db_instance.this"), "multi_az")->as_bool());
}

TEST(ModuleEvaluatorTest, RemoteModulesAreOpaqueWithANotice) {
  ScanResult result = ScanFiles({
      {"main.tf",
       "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n"
       "resource \"aws_db_subnet_group\" \"g\" { subnet_ids = module.vpc.private_subnets }\n"},
  });
  const Value* ids = Attr(FindResource(result, "", "aws_db_subnet_group.g"), "subnet_ids");
  ASSERT_NE(ids, nullptr);
  EXPECT_TRUE(ids->is_unknown());
  EXPECT_EQ(ids->unknown().address, "module.vpc");
  EXPECT_TRUE(HasFinding(result, kModuleNotLoadedId, "terraform-aws-modules/vpc/aws"));
}

TEST(ModuleEvaluatorTest, InstalledModulesAreFoundThroughModulesJson) {
  ScanResult result = ScanFiles({
      {"main.tf", "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n}\n"},
      {".terraform/modules/modules.json",
       "{\"Modules\":[{\"Key\":\"\",\"Source\":\"\",\"Dir\":\".\"},"
       "{\"Key\":\"vpc\",\"Source\":\"registry\",\"Dir\":\".terraform/modules/vpc\"}]}"},
      {".terraform/modules/vpc/main.tf",
       "resource \"aws_vpc\" \"this\" { cidr_block = \"10.0.0.0/16\" }\n"},
  });
  EXPECT_NE(FindResource(result, "", "module.vpc.aws_vpc.this"), nullptr);
  EXPECT_FALSE(HasFinding(result, kModuleNotLoadedId, "vpc"));
}

TEST(ModuleEvaluatorTest, RecursiveModulesStopAtTheDepthLimit) {
  ScanResult result = ScanFiles({
      {"main.tf", "module \"self\" { source = \"./\" }\nresource \"null_resource\" \"r\" {}\n"},
  });
  EXPECT_TRUE(HasFinding(result, kLimitExceededId, "nested deeper"));
}

TEST(ModuleEvaluatorTest, DynamicBlocksExpand) {
  ScanResult result = ScanFiles({
      {"main.tf",
       "locals { ports = [22, 443] }\n"
       "resource \"aws_security_group\" \"sg\" {\n"
       "  ingress {\n    from_port = 80\n  }\n"
       "  dynamic \"ingress\" {\n    for_each = local.ports\n    iterator = p\n"
       "    content {\n      from_port = p.value\n      cidr_blocks = [\"0.0.0.0/0\"]\n    }\n  "
       "}\n}\n"},
  });
  const Value* ingress = Attr(FindResource(result, "", "aws_security_group.sg"), "ingress");
  ASSERT_NE(ingress, nullptr);
  ASSERT_EQ(ingress->size(), 3u);
  EXPECT_EQ(ingress->At(0)->Get("from_port")->as_number(), 80);
  EXPECT_EQ(ingress->At(1)->Get("from_port")->as_number(), 22);
  EXPECT_EQ(ingress->At(2)->Get("from_port")->as_number(), 443);
}

TEST(ModuleEvaluatorTest, RunawayCountIsCappedWithALimitFinding) {
  ScanOptions options;
  options.limits.max_instances = 100;
  ScanResult result = ScanFiles(
      {{"main.tf", "resource \"null_resource\" \"r\" { count = 1000000000 }\n"}}, options);
  EXPECT_EQ(result.graph.OfType("null_resource").size(), 100u);
  EXPECT_TRUE(HasFinding(result, kLimitExceededId, "over the limit"));
}

TEST(ModuleEvaluatorTest, InstanceKeysFormatLikeTerraform) {
  EXPECT_EQ(config::FormatInstanceKey(Value::Number(3)), "[3]");
  EXPECT_EQ(config::FormatInstanceKey(Value::String("a\"b")), "[\"a\\\"b\"]");
  EXPECT_EQ(config::FormatInstanceKey(Value::Unknown("x")), "[*]");
}

}  // namespace
}  // namespace faultline::engine

namespace faultline::engine {
namespace {

TEST(ModuleEvaluatorTest, VariablesAreConvertedToObjectTypesWithOptionalDefaults) {
  ScanResult result = testing::ScanFiles({
      {"main.tf",
       "variable \"db\" {\n"
       "  type = object({\n"
       "    multi_az = optional(bool, true)\n"
       "    size     = optional(number)\n"
       "    tags     = optional(map(string), {})\n"
       "    ports    = list(number)\n"
       "  })\n"
       "  default = { ports = [\"5432\"], extra = 1 }\n"
       "}\n"
       "resource \"aws_db_instance\" \"x\" {\n"
       "  multi_az = var.db.multi_az\n"
       "  size     = var.db.size\n"
       "  port     = var.db.ports[0] + 1\n"
       "  tags     = var.db.tags\n"
       "}\n"},
  });
  const Resource* db = testing::FindResource(result, "", "aws_db_instance.x");
  ASSERT_NE(db, nullptr);
  EXPECT_TRUE(db->Get("multi_az")->as_bool());
  EXPECT_TRUE(db->Get("size")->is_null());
  EXPECT_EQ(db->Get("port")->as_number(), 5433);
  EXPECT_EQ(db->Get("tags")->size(), 0u);
  for (const Finding& f : result.findings) ADD_FAILURE() << f.rule_id << " " << f.message;
}

}  // namespace
}  // namespace faultline::engine
