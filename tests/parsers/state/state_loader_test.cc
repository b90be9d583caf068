#include "parsers/state/state_loader.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "engine/engine_rules.h"
#include "engine/source_file.h"
#include "engine/value.h"

namespace faultline::parsers::state {
namespace {

using engine::Finding;
using engine::Resource;
using engine::ResourceKind;
using engine::SourceFile;
using engine::Value;

struct Loaded {
  std::unique_ptr<SourceFile> file;
  StateLoadResult result;
};

Loaded Load(std::string text, const StateLimits& limits = {}) {
  Loaded loaded;
  loaded.file = std::make_unique<SourceFile>("terraform.tfstate", std::move(text));
  loaded.result = LoadTerraformState(*loaded.file, limits);
  return loaded;
}

std::vector<std::string> Addresses(const std::vector<Resource>& resources) {
  std::vector<std::string> out;
  for (const Resource& r : resources) out.push_back(r.address);
  return out;
}

const Resource* Find(const std::vector<Resource>& resources, const std::string& address) {
  for (const Resource& r : resources) {
    if (r.address == address) return &r;
  }
  return nullptr;
}

// The text a range covers.
std::string_view Text(const engine::SourceRange& range) {
  return std::string_view(range.file->text()).substr(range.begin, range.end - range.begin);
}

// "line:col", 1-based, of a range's start.
std::string LineCol(const engine::SourceRange& range) {
  engine::Position p = range.start();
  return std::to_string(p.line + 1) + ":" + std::to_string(p.column + 1);
}

std::vector<std::string> RuleIds(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings) out.push_back(f.rule_id);
  return out;
}

constexpr char kV4State[] = R"({
  "version": 4,
  "terraform_version": "1.5.7",
  "serial": 12,
  "lineage": "0b1c7c3a-1f1e-4f8d-9d55-3a7c5d2c9e10",
  "outputs": {},
  "resources": [
    {
      "mode": "data",
      "type": "aws_ami",
      "name": "ubuntu",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [
        {
          "schema_version": 0,
          "attributes": {
            "id": "ami-0c55b159cbfe1f0ef",
            "most_recent": true
          },
          "sensitive_attributes": []
        }
      ]
    },
    {
      "mode": "managed",
      "type": "aws_instance",
      "name": "web",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [
        {
          "index_key": 0,
          "schema_version": 1,
          "attributes": {
            "ami": "ami-0c55b159cbfe1f0ef",
            "ebs_block_device": [],
            "root_block_device": [
              {
                "encrypted": false,
                "volume_size": 8
              }
            ],
            "tags": {
              "Name": "web-0"
            },
            "user_data": null
          },
          "sensitive_attributes": [],
          "dependencies": [
            "data.aws_ami.ubuntu"
          ]
        },
        {
          "index_key": 1,
          "schema_version": 1,
          "attributes": {
            "ami": "ami-0c55b159cbfe1f0ef",
            "tags": {
              "Name": "web-1"
            }
          },
          "sensitive_attributes": []
        }
      ]
    },
    {
      "module": "module.db[\"eu\"].module.inner",
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "main",
      "provider": "provider[\"registry.terraform.io/hashicorp/aws\"]",
      "instances": [
        {
          "index_key": "primary",
          "schema_version": 2,
          "attributes": {
            "identifier": "db-primary",
            "multi_az": false,
            "password": "hunter2",
            "tags": {"secret": "s"}
          },
          "sensitive_attributes": [
            [
              {
                "type": "get_attr",
                "value": "password"
              }
            ],
            [
              {"type": "get_attr", "value": "tags"},
              {"type": "index", "value": {"value": "secret", "type": "string"}}
            ]
          ],
          "private": "eyJzY2hlbWFfdmVyc2lvbiI6IjIifQ=="
        },
        {
          "index_key": "old",
          "deposed": "a1b2c3d4",
          "schema_version": 2,
          "attributes": {
            "identifier": "db-old"
          }
        }
      ]
    }
  ],
  "check_results": null
}
)";

TEST(StateLoaderTest, LoadsStateV4) {
  Loaded loaded = Load(kV4State);
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kStateV4);
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  EXPECT_EQ(r.terraform_version, "1.5.7");
  // The deposed object is not the current state and is left out.
  EXPECT_EQ(
      Addresses(r.resources),
      (std::vector<std::string>{"data.aws_ami.ubuntu", "aws_instance.web[0]", "aws_instance.web[1]",
                                "module.db[\"eu\"].module.inner.aws_db_instance.main["
                                "\"primary\"]"}));
  EXPECT_TRUE(r.planned.empty());
  EXPECT_TRUE(r.changes.empty());

  const Resource& ami = r.resources[0];
  EXPECT_EQ(ami.origin, engine::Origin::kState);
  EXPECT_EQ(ami.kind, ResourceKind::kData);
  EXPECT_EQ(ami.type, "aws_ami");
  EXPECT_EQ(ami.name, "ubuntu");
  EXPECT_EQ(ami.module_address, "");
  EXPECT_TRUE(ami.index_key.is_null());

  const Resource& web0 = r.resources[1];
  EXPECT_EQ(web0.kind, ResourceKind::kManaged);
  ASSERT_TRUE(web0.index_key.is_number());
  EXPECT_EQ(web0.index_key.as_number(), 0);
  ASSERT_TRUE(web0.attributes.is_map());
  EXPECT_EQ(web0.Get("ami")->as_string(), "ami-0c55b159cbfe1f0ef");
  EXPECT_TRUE(web0.Get("user_data")->is_null());
  EXPECT_EQ(web0.Get("ebs_block_device")->size(), 0u);
  EXPECT_EQ(web0.Find({"root_block_device", "0", "volume_size"})->as_number(), 8);
  EXPECT_EQ(web0.Find({"tags", "Name"})->as_string(), "web-0");
  EXPECT_TRUE(web0.attributes.IsWhollyKnown());

  const Resource& db = r.resources[3];
  EXPECT_EQ(db.module_address, "module.db[\"eu\"].module.inner");
  EXPECT_EQ(db.index_key.as_string(), "primary");
  EXPECT_FALSE(db.Get("multi_az")->as_bool());

  ASSERT_EQ(r.sensitive_paths.count(db.address), 1u);
  EXPECT_EQ(r.sensitive_paths.at(db.address),
            (std::vector<std::vector<std::string>>{{"password"}, {"tags", "secret"}}));
  EXPECT_EQ(r.sensitive_paths.count(web0.address), 0u);
  EXPECT_EQ(r.dependencies.at("aws_instance.web[0]"),
            std::vector<std::string>{"data.aws_ami.ubuntu"});
}

TEST(StateLoaderTest, RangesPointIntoTheFile) {
  Loaded loaded = Load(kV4State);
  const Resource& web0 = loaded.result.resources[1];
  // The instance object, from its '{' to its '}'.
  EXPECT_EQ(LineCol(web0.range), "30:9");
  EXPECT_EQ(Text(web0.range).substr(0, 1), "{");
  EXPECT_EQ(Text(web0.range).back(), '}');
  EXPECT_NE(Text(web0.range).find("\"index_key\": 0"), std::string_view::npos);
  EXPECT_EQ(web0.header.begin, web0.range.begin);
  // An attribute spans from its key to the end of its value; origin() is the value itself.
  const Value* ami = web0.Get("ami");
  EXPECT_EQ(Text(ami->range()), "\"ami\": \"ami-0c55b159cbfe1f0ef\"");
  EXPECT_EQ(Text(ami->origin()), "\"ami-0c55b159cbfe1f0ef\"");
  EXPECT_EQ(LineCol(ami->range()), "34:13");
  const Value* size = web0.Find({"root_block_device", "0", "volume_size"});
  EXPECT_EQ(Text(size->range()), "\"volume_size\": 8");
  EXPECT_EQ(Text(web0.attributes.range()).substr(0, 14), "\"attributes\": ");
  // Strings shared between instances keep their own locations.
  const Value* ami1 = loaded.result.resources[2].Get("ami");
  EXPECT_EQ(LineCol(ami1->range()), "56:13");
}

TEST(StateLoaderTest, DeferredAttributesDecodeToTheSameValues) {
  StateLimits lazy;
  lazy.attributes = AttributeLoading::kDeferred;
  Loaded eager = Load(kV4State);
  Loaded deferred = Load(kV4State, lazy);
  ASSERT_EQ(Addresses(deferred.result.resources), Addresses(eager.result.resources));
  EXPECT_EQ(deferred.result.sensitive_paths, eager.result.sensitive_paths);
  for (size_t i = 0; i < eager.result.resources.size(); ++i) {
    const Resource& d = deferred.result.resources[i];
    EXPECT_TRUE(d.attributes.is_null());
    Value attributes = LoadStateAttributes(*deferred.file, deferred.result.format, d);
    const Value& expected = eager.result.resources[i].attributes;
    EXPECT_TRUE(attributes.Equals(expected)) << d.address;
    EXPECT_EQ(attributes.range().begin, expected.range().begin);
    for (const auto& [key, value] : expected.as_map()) {
      ASSERT_NE(attributes.Get(key), nullptr) << key;
      // (Two loads, two SourceFiles: compare the offsets.)
      EXPECT_EQ(attributes.Get(key)->range().begin, value.range().begin) << key;
      EXPECT_EQ(attributes.Get(key)->range().end, value.range().end) << key;
      EXPECT_EQ(attributes.Get(key)->origin().begin, value.origin().begin) << key;
    }
  }
  EXPECT_TRUE(deferred.result.attributes_deferred);
  EXPECT_FALSE(eager.result.attributes_deferred);
  // Already decoded attributes are returned as they are.
  const Resource& web0 = eager.result.resources[1];
  Value same = LoadStateAttributes(*eager.file, eager.result.format, web0);
  EXPECT_EQ(same.Get("ami"), web0.Get("ami")) << "the same payload, not a copy";
  // A resource of another file is refused.
  Resource foreign = deferred.result.resources[0];
  SourceFile other("other.tfstate", kV4State);
  EXPECT_TRUE(LoadStateAttributes(other, StateFormat::kStateV4, foreign).is_null());
}

// Found by the fuzzer: a v4 instance with `values` (a show-json member) and no `attributes`.
TEST(StateLoaderTest, DeferredDecodingReadsTheMembersTheLoadReads) {
  StateLimits lazy;
  lazy.attributes = AttributeLoading::kDeferred;
  for (const char* text :
       {R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n",
           "instances": [{"values": {"a": 1}}]}]})",
        R"({"format_version": "1.0", "values": {"root_module": {"resources": [
           {"address": "t.n", "mode": "managed", "type": "t", "name": "n",
            "attributes": {"a": 1}}]}}})"}) {
    Loaded eager = Load(text);
    Loaded deferred = Load(text, lazy);
    ASSERT_EQ(eager.result.resources.size(), 1u) << text;
    EXPECT_EQ(eager.result.resources[0].attributes.size(), 0u) << text;
    Value decoded =
        LoadStateAttributes(*deferred.file, deferred.result.format, deferred.result.resources[0]);
    ASSERT_TRUE(decoded.is_map()) << text;
    EXPECT_EQ(decoded.size(), 0u) << text;
  }
}

TEST(StateLoaderTest, LargeFilesDeferAttributesByDefault) {
  StateLimits limits;             // kAuto
  limits.eager_max_bytes = 1000;  // kV4State is larger
  Loaded big = Load(kV4State, limits);
  EXPECT_TRUE(big.result.attributes_deferred);
  ASSERT_EQ(big.result.resources.size(), 4u);
  EXPECT_TRUE(big.result.resources[1].attributes.is_null());
  EXPECT_EQ(LoadStateAttributes(*big.file, big.result.format, big.result.resources[1])
                .Get("ami")
                ->as_string(),
            "ami-0c55b159cbfe1f0ef");
  // What is not attributes is all there.
  EXPECT_EQ(big.result.sensitive_paths.size(), 1u);
  EXPECT_EQ(big.result.dependencies.size(), 1u);
  EXPECT_EQ(big.result.resources[1].index_key.as_number(), 0);

  limits.eager_max_bytes = 1u << 20;
  Loaded small = Load(kV4State, limits);
  EXPECT_FALSE(small.result.attributes_deferred);
  EXPECT_TRUE(small.result.resources[1].attributes.is_map());
}

TEST(StateLoaderTest, RejectsOlderStateVersionsWithAnUpgradeHint) {
  Loaded loaded = Load(R"({
  "version": 3,
  "terraform_version": "0.11.14",
  "serial": 4,
  "lineage": "2f0d0f0e-5c1b-2c3a-8c1d-0e2f8e8a7b6c",
  "modules": [
    {
      "path": ["root"],
      "outputs": {},
      "resources": {
        "aws_instance.web": {"type": "aws_instance", "primary": {"id": "i-1", "attributes": {}}}
      }
    }
  ]
}
)");
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kStateV4);
  EXPECT_TRUE(r.resources.empty());
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Finding& f = r.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kFileSkippedId);
  EXPECT_NE(f.message.find("unsupported Terraform state format version 3"), std::string::npos)
      << f.message;
  EXPECT_NE(f.message.find("terraform state pull"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("Terraform 0.12 or later"), std::string::npos) << f.message;
  EXPECT_EQ(LineCol(f.range), "2:14");
}

TEST(StateLoaderTest, RejectsNewerStateVersionsEvenAfterResources) {
  // "version" after "resources": what was read tentatively is dropped.
  Loaded loaded = Load(R"({"resources": [{"mode": "managed", "type": "t", "name": "n",
    "instances": [{"attributes": {}}]}], "version": 5, "lineage": "x"})");
  EXPECT_TRUE(loaded.result.resources.empty());
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.result.diagnostics[0].rule_id, engine::kFileSkippedId);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("version 5"), std::string::npos);
}

TEST(StateLoaderTest, RejectsUnsupportedFormatVersions) {
  Loaded loaded = Load(R"({"format_version": "2.0", "terraform_version": "2.0.0",
    "values": {"root_module": {"resources": [{"address": "a.b", "mode": "managed", "type": "a",
    "name": "b", "values": {}}]}}})");
  EXPECT_TRUE(loaded.result.resources.empty());
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.result.diagnostics[0].rule_id, engine::kFileSkippedId);
  EXPECT_NE(loaded.result.diagnostics[0].message.find("format_version \"2.0\""), std::string::npos);
  // 0.x is the pre-1.0 spelling of the same format (Terraform 0.12 to 1.0) and is read.
  Loaded old = Load(R"({"format_version": "0.1", "values": {"root_module": {"resources": [
    {"address": "a.b", "mode": "managed", "type": "a", "name": "b", "values": {"x": 1}}]}}})");
  EXPECT_EQ(old.result.format, StateFormat::kShowJson);
  EXPECT_TRUE(old.result.diagnostics.empty());
  EXPECT_EQ(Addresses(old.result.resources), std::vector<std::string>{"a.b"});
}

constexpr char kShowJson[] = R"({
  "format_version": "1.0",
  "terraform_version": "1.5.4",
  "values": {
    "outputs": {"x": {"sensitive": false, "value": "y"}},
    "root_module": {
      "resources": [
        {
          "address": "aws_s3_bucket.logs",
          "mode": "managed",
          "type": "aws_s3_bucket",
          "name": "logs",
          "provider_name": "registry.terraform.io/hashicorp/aws",
          "schema_version": 0,
          "values": {"bucket": "logs", "tags": null},
          "sensitive_values": {"tags_all": {}}
        }
      ],
      "child_modules": [
        {
          "resources": [
            {
              "address": "module.files.local_file.foo[\"file1.txt\"]",
              "mode": "managed",
              "type": "local_file",
              "name": "foo",
              "index": "file1.txt",
              "values": {"content": "hi", "sensitive_content": "pw", "rules": [{"a": 1}, {"b": 2}]},
              "sensitive_values": {"sensitive_content": true, "rules": [{}, {"b": true}]},
              "depends_on": ["aws_s3_bucket.logs"]
            },
            {
              "address": "module.files.data.local_file.src",
              "mode": "data",
              "type": "local_file",
              "name": "src",
              "values": {"filename": "src.txt"}
            }
          ],
          "address": "module.files",
          "child_modules": [
            {
              "address": "module.files.module.deep[0]",
              "resources": [
                {
                  "mode": "managed",
                  "type": "null_resource",
                  "name": "n",
                  "index": 3,
                  "values": {"id": "1"}
                }
              ]
            }
          ]
        }
      ]
    }
  }
}
)";

TEST(StateLoaderTest, LoadsShowJsonWithChildModules) {
  Loaded loaded = Load(kShowJson);
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kShowJson);
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  EXPECT_EQ(r.terraform_version, "1.5.4");
  EXPECT_EQ(
      Addresses(r.resources),
      (std::vector<std::string>{"aws_s3_bucket.logs", "module.files.local_file.foo[\"file1.txt\"]",
                                "module.files.data.local_file.src",
                                "module.files.module.deep[0].null_resource.n[3]"}));
  const Resource* foo = Find(r.resources, "module.files.local_file.foo[\"file1.txt\"]");
  ASSERT_NE(foo, nullptr);
  // The module's "address" comes after its resources in the file, and still applies.
  EXPECT_EQ(foo->module_address, "module.files");
  EXPECT_EQ(foo->index_key.as_string(), "file1.txt");
  EXPECT_EQ(foo->Get("content")->as_string(), "hi");
  EXPECT_EQ(Text(foo->range).substr(0, 1), "{");
  EXPECT_NE(Text(foo->range).find("\"address\": \"module.files.local_file.foo"),
            std::string_view::npos);
  EXPECT_EQ(r.sensitive_paths.at(foo->address),
            (std::vector<std::vector<std::string>>{{"rules", "1", "b"}, {"sensitive_content"}}));
  EXPECT_EQ(r.dependencies.at(foo->address), std::vector<std::string>{"aws_s3_bucket.logs"});
  EXPECT_EQ(r.sensitive_paths.count("aws_s3_bucket.logs"), 0u);  // an empty mask marks nothing

  const Resource* src = Find(r.resources, "module.files.data.local_file.src");
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->kind, ResourceKind::kData);
  // Without an "address" of its own, the address is built from the module's.
  const Resource* n = Find(r.resources, "module.files.module.deep[0].null_resource.n[3]");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->module_address, "module.files.module.deep[0]");
}

constexpr char kPlanJson[] = R"({
  "format_version": "1.2",
  "terraform_version": "1.6.0",
  "variables": {"region": {"value": "eu-west-1"}},
  "planned_values": {
    "root_module": {
      "resources": [
        {
          "address": "aws_instance.web",
          "mode": "managed",
          "type": "aws_instance",
          "name": "web",
          "values": {"ami": "ami-2", "ebs_block_device": [{"device_name": "/dev/sdb", "volume_id": null}], "tags": null},
          "sensitive_values": {}
        },
        {
          "address": "aws_db_instance.db",
          "mode": "managed",
          "type": "aws_db_instance",
          "name": "db",
          "values": {"multi_az": true}
        }
      ]
    }
  },
  "resource_changes": [
    {
      "address": "aws_instance.web",
      "mode": "managed",
      "type": "aws_instance",
      "name": "web",
      "provider_name": "registry.terraform.io/hashicorp/aws",
      "change": {
        "actions": ["delete", "create"],
        "before": {"ami": "ami-1", "id": "i-123", "ebs_block_device": [], "tags": null},
        "after": {"ami": "ami-2", "ebs_block_device": [{"device_name": "/dev/sdb", "volume_id": null}], "tags": null},
        "after_unknown": {"id": true, "arn": true, "ebs_block_device": [{"volume_id": true}], "tags": false},
        "before_sensitive": {},
        "after_sensitive": {"ebs_block_device": [{}], "user_data": true},
        "replace_paths": [["ami"]]
      },
      "action_reason": "replace_because_cannot_update"
    },
    {
      "address": "aws_db_instance.db",
      "mode": "managed",
      "type": "aws_db_instance",
      "name": "db",
      "change": {
        "actions": ["update"],
        "before": {"multi_az": false},
        "after": {"multi_az": true},
        "after_unknown": {}
      }
    },
    {
      "address": "aws_s3_bucket.old",
      "mode": "managed",
      "type": "aws_s3_bucket",
      "name": "old",
      "change": {"actions": ["delete"], "before": {"bucket": "old"}, "after": null, "after_unknown": {}}
    },
    {
      "address": "module.m.data.aws_caller_identity.me",
      "module_address": "module.m",
      "mode": "data",
      "type": "aws_caller_identity",
      "name": "me",
      "change": {"actions": ["read"], "before": null, "after": {}, "after_unknown": true}
    }
  ],
  "prior_state": {
    "format_version": "1.0",
    "terraform_version": "1.6.0",
    "values": {
      "root_module": {
        "resources": [
          {
            "address": "aws_instance.web",
            "mode": "managed",
            "type": "aws_instance",
            "name": "web",
            "values": {"ami": "ami-1", "id": "i-123"},
            "sensitive_values": {"user_data": true}
          },
          {
            "address": "aws_s3_bucket.old",
            "mode": "managed",
            "type": "aws_s3_bucket",
            "name": "old",
            "values": {"bucket": "old"}
          }
        ]
      }
    }
  },
  "configuration": {"root_module": {}}
}
)";

TEST(StateLoaderTest, LoadsPlanJson) {
  Loaded loaded = Load(kPlanJson);
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kPlanJson);
  EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
  EXPECT_EQ(Addresses(r.resources),
            (std::vector<std::string>{"aws_instance.web", "aws_s3_bucket.old"}));
  EXPECT_EQ(Addresses(r.planned),
            (std::vector<std::string>{"aws_instance.web", "aws_db_instance.db"}));
  EXPECT_EQ(r.sensitive_paths.at("aws_instance.web"),
            std::vector<std::vector<std::string>>{{"user_data"}});
  ASSERT_EQ(r.changes.size(), 4u);

  const ResourceChange& web = r.changes[0];
  EXPECT_EQ(web.address, "aws_instance.web");
  EXPECT_EQ(web.actions, (std::vector<ChangeAction>{ChangeAction::kDelete, ChangeAction::kCreate}));
  EXPECT_TRUE(web.IsReplace());
  EXPECT_EQ(web.action_reason, "replace_because_cannot_update");
  EXPECT_EQ(web.before.Get("id")->as_string(), "i-123");
  // Unknown after apply: absent attributes are added as Unknown, marked ones replaced.
  ASSERT_NE(web.after.Get("id"), nullptr);
  EXPECT_TRUE(web.after.Get("id")->is_unknown());
  EXPECT_EQ(web.after.Get("id")->unknown().reason, "known after apply");
  EXPECT_EQ(web.after.Get("id")->unknown().address, "aws_instance.web");
  EXPECT_EQ(web.after.Get("id")->unknown().attribute, "id");
  EXPECT_EQ(Text(web.after.Get("id")->range()), "\"id\": true");
  EXPECT_TRUE(web.after.Get("arn")->is_unknown());
  const Value* volume = web.after.Find({"ebs_block_device", "0", "volume_id"});
  ASSERT_NE(volume, nullptr);
  EXPECT_TRUE(volume->is_unknown());
  EXPECT_EQ(volume->unknown().attribute, "ebs_block_device[0].volume_id");
  EXPECT_EQ(Text(volume->range()), "\"volume_id\": null");  // where `after` has it
  EXPECT_EQ(Text(volume->origin()), "true");                // where after_unknown says so
  EXPECT_EQ(web.after.Find({"ebs_block_device", "0", "device_name"})->as_string(), "/dev/sdb");
  EXPECT_TRUE(web.after.Get("tags")->is_null());  // `false` in the mask: known
  EXPECT_EQ(web.after.Get("ami")->as_string(), "ami-2");
  EXPECT_FALSE(web.after.IsWhollyKnown());
  EXPECT_EQ(web.after_sensitive, (std::vector<std::vector<std::string>>{{"user_data"}}));

  const ResourceChange& db = r.changes[1];
  EXPECT_EQ(db.actions, std::vector<ChangeAction>{ChangeAction::kUpdate});
  EXPECT_FALSE(db.IsReplace());
  EXPECT_TRUE(db.after.IsWhollyKnown());
  EXPECT_TRUE(db.after.Get("multi_az")->as_bool());

  const ResourceChange& old = r.changes[2];
  EXPECT_EQ(old.actions, std::vector<ChangeAction>{ChangeAction::kDelete});
  EXPECT_TRUE(old.after.is_null());

  const ResourceChange& me = r.changes[3];
  EXPECT_EQ(me.kind, ResourceKind::kData);
  EXPECT_EQ(me.module_address, "module.m");
  EXPECT_EQ(me.actions, std::vector<ChangeAction>{ChangeAction::kRead});
  EXPECT_TRUE(me.after.is_unknown());  // after_unknown: true covers the whole value

  // planned_values leave unknown attributes out; the change's after_unknown puts them back.
  const Resource* planned_web = Find(r.planned, "aws_instance.web");
  ASSERT_NE(planned_web, nullptr);
  EXPECT_TRUE(planned_web->Get("id")->is_unknown());
  EXPECT_TRUE(planned_web->Find({"ebs_block_device", "0", "volume_id"})->is_unknown());
  EXPECT_EQ(planned_web->Get("ami")->as_string(), "ami-2");
  EXPECT_NE(Text(planned_web->Get("ami")->range()).find("ami-2"), std::string_view::npos);
  EXPECT_LT(planned_web->Get("ami")->range().begin, r.changes[0].range.begin);
  const Resource* planned_db = Find(r.planned, "aws_db_instance.db");
  EXPECT_TRUE(planned_db->attributes.IsWhollyKnown());
}

TEST(StateLoaderTest, TruncatedFileKeepsWhatCameBeforeTheCut) {
  const std::string full = kV4State;
  // Cut inside the second instance of aws_instance.web (after web[0] is complete).
  const size_t cut = full.find("\"web-1\"");
  ASSERT_NE(cut, std::string::npos);
  Loaded loaded = Load(full.substr(0, cut + 3));
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(r.format, StateFormat::kStateV4);
  EXPECT_EQ(Addresses(r.resources),
            (std::vector<std::string>{"data.aws_ami.ubuntu", "aws_instance.web[0]"}));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  const Finding& f = r.diagnostics[0];
  EXPECT_EQ(f.rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(f.range.begin, loaded.file->size());
  EXPECT_EQ(LineCol(f.range), "58:26");  // where the file stops
  EXPECT_NE(f.message.find("truncated"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("the 2 resource instances before it were loaded"), std::string::npos)
      << f.message;

  // Every cut point: never a crash, always one FL-ENG-0001 at the end, never more instances.
  for (size_t n = 1; n < full.size() - 2; n += 7) {
    Loaded part = Load(full.substr(0, n));
    ASSERT_FALSE(part.result.diagnostics.empty()) << n;
    EXPECT_LE(part.result.resources.size(), 4u);
    if (part.result.format == StateFormat::kStateV4) {
      EXPECT_EQ(part.result.diagnostics.back().rule_id, engine::kSyntaxErrorId) << n;
      EXPECT_EQ(part.result.diagnostics.back().range.begin, n) << n;
    }
  }
}

TEST(StateLoaderTest, NotJsonIsASyntaxError) {
  Loaded loaded = Load("hello: world\n");
  EXPECT_EQ(loaded.result.format, StateFormat::kNotState);
  ASSERT_EQ(loaded.result.diagnostics.size(), 1u);
  EXPECT_EQ(loaded.result.diagnostics[0].rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(loaded.result.diagnostics[0].message, "not JSON: expected an object, found 'h'");
  EXPECT_EQ(LineCol(loaded.result.diagnostics[0].range), "1:1");

  Loaded garbage = Load("{\"version\": 4, \"resources\": []}\n{}");
  EXPECT_EQ(garbage.result.format, StateFormat::kStateV4);
  ASSERT_EQ(garbage.result.diagnostics.size(), 1u);
  EXPECT_EQ(garbage.result.diagnostics[0].rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(LineCol(garbage.result.diagnostics[0].range), "2:1");

  Loaded bad = Load("{\"version\": 4, \"resources\": [}");
  ASSERT_EQ(bad.result.diagnostics.size(), 1u);
  EXPECT_EQ(bad.result.diagnostics[0].rule_id, engine::kSyntaxErrorId);
  EXPECT_EQ(LineCol(bad.result.diagnostics[0].range), "1:30");
}

TEST(StateLoaderTest, OtherJsonIsNotState) {
  for (std::string text :
       {std::string("[{\"Id\": \"x\", \"Type\": \"aws_instance\"}]"),
        std::string("{\"format_version\": \"1.0\", \"provider_schemas\": {}}"),
        std::string("{\"name\": \"x\"}"), std::string("\"just a string\""), std::string("")}) {
    Loaded loaded = Load(text);
    EXPECT_EQ(loaded.result.format, StateFormat::kNotState) << text;
    EXPECT_TRUE(loaded.result.resources.empty());
    ASSERT_EQ(loaded.result.diagnostics.size(), 1u) << text;
    EXPECT_EQ(loaded.result.diagnostics[0].rule_id, engine::kFileSkippedId) << text;
    EXPECT_NE(loaded.result.diagnostics[0].message.find("not a Terraform state"),
              std::string::npos);
  }
  // `terraform show -json` of an empty state.
  Loaded empty = Load("{\"format_version\":\"1.0\"}\n");
  EXPECT_EQ(empty.result.format, StateFormat::kShowJson);
  EXPECT_TRUE(empty.result.diagnostics.empty());
}

std::string Nested(size_t levels) {
  return std::string(levels, '[') + "1" + std::string(levels, ']');
}

TEST(StateLoaderTest, DeepNestingIsBoundedAndTheRestStillLoads) {
  std::string text = R"({"version": 4, "resources": [
    {"mode": "managed", "type": "t", "name": "deep", "instances": [
      {"attributes": {"ok": 1, "deep": )" +
                     Nested(100000) + R"(, "after": "x"}}]},
    {"mode": "managed", "type": "t", "name": "next", "instances": [{"attributes": {"a": 2}}]}]})";
  Loaded loaded = Load(text);
  const StateLoadResult& r = loaded.result;
  EXPECT_EQ(Addresses(r.resources), (std::vector<std::string>{"t.deep", "t.next"}));
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule_id, engine::kLimitExceededId);
  EXPECT_NE(r.diagnostics[0].message.find("deeper than 128 levels"), std::string::npos);
  const Value* deep = r.resources[0].Get("deep");
  ASSERT_NE(deep, nullptr);
  EXPECT_FALSE(deep->IsWhollyKnown());
  EXPECT_EQ(r.resources[0].Get("after")->as_string(), "x");
  EXPECT_EQ(r.resources[1].Get("a")->as_number(), 2);

  // Within the limit, nesting is kept as is.
  Loaded fine = Load(R"({"version": 4, "resources": [{"mode": "managed", "type": "t",
    "name": "n", "instances": [{"attributes": {"v": )" +
                     Nested(100) + "}}]}]}");
  EXPECT_TRUE(fine.result.diagnostics.empty());
  EXPECT_TRUE(fine.result.resources[0].attributes.IsWhollyKnown());

  // Structure nested without end (child_modules in child_modules) is bounded too.
  std::string modules = "{\"format_version\": \"1.0\", \"values\": {\"root_module\": ";
  for (int i = 0; i < 200; ++i) modules += "{\"child_modules\": [";
  modules += "{}";
  for (int i = 0; i < 200; ++i) modules += "]}";
  modules += "}}";
  Loaded deep_modules = Load(modules);
  EXPECT_EQ(RuleIds(deep_modules.result.diagnostics),
            std::vector<std::string>{engine::kLimitExceededId});
}

TEST(StateLoaderTest, HugeStrings) {
  const std::string big(20u << 20, 'x');  // 20 MiB, over the default 16 MiB limit
  const std::string text =
      R"({"version": 4, "resources": [{"mode": "managed", "type": "helm_release",
    "name": "app", "instances": [{"attributes": {"manifest": ")" +
      big + R"(", "small": "s"}}]}]})";
  Loaded loaded = Load(text);
  ASSERT_EQ(loaded.result.resources.size(), 1u);
  const Value* manifest = loaded.result.resources[0].Get("manifest");
  ASSERT_NE(manifest, nullptr);
  EXPECT_TRUE(manifest->is_unknown());
  EXPECT_NE(manifest->unknown().reason.find("longer than the limit"), std::string::npos);
  EXPECT_EQ(loaded.result.resources[0].Get("small")->as_string(), "s");
  EXPECT_EQ(RuleIds(loaded.result.diagnostics), std::vector<std::string>{engine::kLimitExceededId});

  StateLimits generous;
  generous.max_string_bytes = 32u << 20;
  Loaded kept = Load(text, generous);
  EXPECT_TRUE(kept.result.diagnostics.empty());
  EXPECT_EQ(kept.result.resources[0].Get("manifest")->as_string().size(), big.size());
}

TEST(StateLoaderTest, InstanceLimit) {
  std::string text = R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n",
    "instances": [)";
  for (int i = 0; i < 10; ++i) {
    text += (i ? "," : "") + std::string("{\"index_key\": ") + std::to_string(i) +
            ", \"attributes\": {}}";
  }
  text += "]}]}";
  StateLimits limits;
  limits.max_instances = 4;
  Loaded loaded = Load(text, limits);
  EXPECT_EQ(loaded.result.resources.size(), 4u);
  EXPECT_EQ(RuleIds(loaded.result.diagnostics), std::vector<std::string>{engine::kLimitExceededId});
}

TEST(StateLoaderTest, TinyInstancesAreBoundedByTheFileSize) {
  // 20,000 empty instances in 60 KB: at most one per 64 bytes (and 1,024 in any case).
  std::string text = R"({"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n",
    "instances": [)";
  for (int i = 0; i < 20000; ++i) text += i ? ",{}" : "{}";
  text += "]}]}";
  Loaded loaded = Load(text);
  EXPECT_EQ(loaded.result.resources.size(), 1024u);
  ASSERT_EQ(RuleIds(loaded.result.diagnostics), std::vector<std::string>{engine::kLimitExceededId});
  EXPECT_NE(loaded.result.diagnostics[0].message.find("at most one per 64 bytes"),
            std::string::npos);
}

TEST(StateLoaderTest, StructuralProblemsAreReportedAndSkipped) {
  Loaded loaded = Load(R"({"version": 4, "resources": [
    {"mode": "managed", "type": 7, "name": "n", "instances": [{"attributes": {}}]},
    {"mode": "ephemeral", "type": "t", "name": "e", "instances": [{"attributes": {}}]},
    "not an object",
    {"mode": "managed", "type": "t", "name": "ok", "instances": [{"attributes": null}]}]})");
  EXPECT_EQ(Addresses(loaded.result.resources), std::vector<std::string>{"t.ok"});
  // null attributes: an empty map, located at the null.
  EXPECT_EQ(loaded.result.resources[0].attributes.size(), 0u);
  EXPECT_TRUE(loaded.result.resources[0].attributes.is_map());
  EXPECT_EQ(RuleIds(loaded.result.diagnostics),
            (std::vector<std::string>{engine::kSyntaxErrorId, engine::kSyntaxErrorId,
                                      engine::kSyntaxErrorId, engine::kSyntaxErrorId}));
}

TEST(StateLoaderTest, DecodesStringsAndNumbers) {
  Loaded loaded = Load(R"({"version": 4, "resources": [{"mode": "managed", "type": "t",
    "name": "n", "instances": [{"index_key": "caf\u00e9 \"q\"", "attributes": {
      "s": "line\nnext \u2603 \ud83d\ude00", "n": -1.25e2, "big": 9007199254740993, "z": 0,
      "dup": 1, "dup": 2}}]}]})");
  ASSERT_EQ(loaded.result.resources.size(), 1u);
  const Resource& r = loaded.result.resources[0];
  EXPECT_EQ(r.address, "t.n[\"caf\xC3\xA9 \\\"q\\\"\"]");
  EXPECT_EQ(r.Get("s")->as_string(), "line\nnext \xE2\x98\x83 \xF0\x9F\x98\x80");
  EXPECT_EQ(r.Get("n")->as_number(), -125);
  EXPECT_EQ(r.Get("big")->as_number(), 9007199254740992.0);
  EXPECT_EQ(r.Get("dup")->as_number(), 2);  // the last one wins, as in Terraform
}

TEST(StateLoaderTest, SniffsTheFormatFromAPrefix) {
  EXPECT_EQ(SniffStateFormat(kV4State), StateFormat::kStateV4);
  EXPECT_EQ(SniffStateFormat(std::string_view(kV4State).substr(0, 40)), StateFormat::kStateV4);
  EXPECT_EQ(SniffStateFormat(kShowJson), StateFormat::kShowJson);
  EXPECT_EQ(SniffStateFormat(kPlanJson), StateFormat::kPlanJson);
  EXPECT_EQ(SniffStateFormat(std::string_view(kPlanJson).substr(0, 90)), StateFormat::kPlanJson);
  EXPECT_EQ(SniffStateFormat("{\"version\": 3, \"serial\": 1, \"modules\": []}"),
            StateFormat::kStateV4);
  EXPECT_EQ(SniffStateFormat("{\"format_version\":\"1.0\"}"), StateFormat::kShowJson);
  EXPECT_EQ(SniffStateFormat("{\"format_version\":\"1.0\",\"provider_schemas\":{}}"),
            StateFormat::kNotState);
  EXPECT_EQ(SniffStateFormat("{\"format_version\":\"1.0\",\"function_signatures\":{}}"),
            StateFormat::kNotState);
  EXPECT_EQ(SniffStateFormat("{\"name\": \"pkg\", \"version\": \"1.0.0\"}"),
            StateFormat::kNotState);
  EXPECT_EQ(SniffStateFormat("[{\"version\": 4}]"), StateFormat::kNotState);
  EXPECT_EQ(SniffStateFormat("apiVersion: v1\nkind: Pod\n"), StateFormat::kNotState);
  EXPECT_EQ(SniffStateFormat(""), StateFormat::kNotState);
  // A window cut before anything decisive is not enough.
  EXPECT_EQ(SniffStateFormat("{\"format_version\": \"1.0\", \"terraform_ver"),
            StateFormat::kNotState);
}

TEST(StateLoaderTest, NamesFormatsAndActions) {
  EXPECT_EQ(StateFormatName(StateFormat::kPlanJson), "plan-json");
  EXPECT_EQ(StateFormatName(StateFormat::kNotState), "not-state");
  EXPECT_EQ(ChangeActionName(ChangeAction::kNoOp), "no-op");
  EXPECT_EQ(ChangeActionName(ChangeAction::kForget), "forget");
}

}  // namespace
}  // namespace faultline::parsers::state
