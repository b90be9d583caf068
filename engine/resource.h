// Resource: one node of the resource graph.
//
// A node is anything a rule may ask about: a Terraform resource or data instance, a module call,
// a variable, a local value, an output, a provider or terraform block (origin kConfig); later a
// Kubernetes object, a state instance (kState) or a live object (kLive).
//
// `attributes` is a map Value. For Terraform, nested blocks appear as lists of maps under the block
// type (`ingress = [{...}, {...}]`, dynamic blocks expanded); meta-arguments (count, for_each,
// depends_on, provider, lifecycle) are left out. Each attribute Value's range() is the whole
// `name = expr` attribute in the block, so a finding on it points at the attribute.
//
// Deferred attributes: a loader may leave `attributes` null and set `deferred_attributes`
// instead (large Terraform states), so that a scan does not hold every instance's decoded
// attributes at once. DecodedAttributes() gives them either way; the rule runner decodes them
// around the rules of the resource (engine/rule_runner.h).
#ifndef FAULTLINE_ENGINE_RESOURCE_H_
#define FAULTLINE_ENGINE_RESOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::engine {

using ResourceId = uint32_t;

enum class Origin : uint8_t { kConfig, kState, kLive };

enum class ResourceKind : uint8_t {
  kManaged,    // resource "type" "name"
  kData,       // data "type" "name"
  kModule,     // module "name"
  kVariable,   // variable "name"
  kLocal,      // one entry of a locals block
  kOutput,     // output "name"
  kProvider,   // provider "name"
  kTerraform,  // terraform {}
  kObject,     // a Kubernetes object (type "apps/v1/Deployment", address "Deployment/ns/name")
};

std::string_view OriginName(Origin origin);
std::string_view ResourceKindName(ResourceKind kind);

struct Resource;

// Decodes the attributes a loader deferred. Thread-safe; one decoder serves the resources of one
// file (which must outlive it: the decoded values' ranges point into the file).
class AttributeDecoder {
 public:
  virtual ~AttributeDecoder() = default;
  // The resource's attributes exactly as an eager load sets them (a map Value).
  virtual Value Decode(const Resource& resource) const = 0;
};

struct Resource {
  ResourceId id = 0;  // index in the graph, assigned by ResourceGraph::Add
  Origin origin = Origin::kConfig;
  ResourceKind kind = ResourceKind::kManaged;
  std::string type;            // "aws_db_instance"; provider name for kProvider; "" otherwise
  std::string name;            // "main"; variable/local/output/module name
  std::string address;         // "module.db.aws_db_instance.main[\"a\"]", "var.region"
  std::string module_address;  // "module.db" ("" for the root module)
  std::string module_dir;      // the root module's directory, as discovered
  Value index_key;             // count index (number) or for_each key (string); null if none
  Value attributes;            // a map (see the file comment)
  SourceRange range;           // the whole block
  SourceRange header;          // block type and labels: where block-level findings point
  // Live objects only: fields the server populates (Kubernetes status, managedFields, uid,
  // resourceVersion, creationTimestamp, generation), kept apart from `attributes` so that drift
  // analysis can ignore them. A map, or null.
  Value server_fields;
  // Set (and `attributes` null) when the loader deferred the attributes; null otherwise.
  std::shared_ptr<const AttributeDecoder> deferred_attributes;

  bool attributes_deferred() const {
    return deferred_attributes != nullptr && attributes.is_null();
  }
  // `attributes`, or the deferred attributes decoded now (a copy: costs one decode).
  Value DecodedAttributes() const {
    return attributes_deferred() ? deferred_attributes->Decode(*this) : attributes;
  }

  // The attribute at a path like {"ingress", "0", "from_port"}; nullptr when absent.
  const Value* Find(const std::vector<std::string>& path) const { return attributes.Find(path); }
  const Value* Get(std::string_view key) const { return attributes.Get(key); }
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_RESOURCE_H_
