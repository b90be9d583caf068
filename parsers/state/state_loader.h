// Terraform state and plan loading: what is deployed (state) and what is about to be (plans).
//
// Three JSON documents are read, recognised by their content, never by their file name:
//  - a state file, version 4 (`terraform.tfstate`, `terraform state pull`; Terraform 0.12+):
//    `resources[]` with mode, type, name, module, and `instances[]` with index_key, attributes,
//    sensitive_attributes and dependencies;
//  - `terraform show -json` of a state (format_version 0.x/1.x): `values.root_module` with
//    `resources[]` and nested `child_modules[]`;
//  - `terraform show -json PLANFILE` (plan JSON): `prior_state` (the state the plan started
//    from, same shape as show), `planned_values` (same shape, unknown attributes left out) and
//    `resource_changes[]`.
//
// Resources are engine::Resource nodes with origin kState, kind kManaged or kData, the Terraform
// type and name, the instance address exactly as Terraform prints it
// (`module.db.aws_db_instance.main["x"]`, `aws_instance.web[0]`, `data.aws_ami.ubuntu`),
// module_address ("" for the root module), index_key (number, string, or null), and attributes as
// a map Value whose every part carries its byte range in the file (a map entry spans from its key
// to the end of its value; origin() is the value itself). range is the instance's JSON object
// (v4) or the resource's object (show/plan); header is the first byte of that object.
// module_dir is left empty: the caller knows which root module a state belongs to.
// Deposed objects (left over by create_before_destroy) are not the current state and are left
// out.
//
// Streaming: the file is read in one pass with a pull parser that builds engine values only for
// what it keeps; no JSON tree of the file is ever built. Decoded attributes are engine Values,
// which take about four times the file's size (each map entry is a std::map node with a 64-byte
// Value), so for large files (StateLimits::attributes kAuto, above eager_max_bytes) the
// attributes of `resources` are deferred: `attributes` is left null and
// StateLoadResult::attributes_deferred is true, and each resource's `deferred_attributes` (one
// decoder shared by the file's resources) decodes its attributes on demand from the file (which
// stays in memory anyway: ranges point into it), as LoadStateAttributes does.
// A 200 MB state then loads in well under a second with a peak memory of 1.5 to 2 times its
// size, the file included (docs/state.md has the figures).
// Consumers that need attributes call LoadStateAttributes, which returns already decoded
// attributes as they are.
//
// Bad input never throws: problems become diagnostics (engine findings located in the file).
//  - FL-ENG-0001: malformed JSON, or a file cut short (at the line:col where it stops); resource
//    instances completed before the problem are kept.
//  - FL-ENG-0002: an unsupported version (state `version` other than 4; show/plan
//    `format_version` major other than 0 or 1), or a document that is not a state or plan at all
//    (format kNotState); nothing is loaded from it.
//  - FL-ENG-0004: a limit of StateLimits (nesting depth, string length, instance count).
// Thread-safe: functions hold no shared state; the SourceFile must outlive the result (ranges
// point into it).
#ifndef FAULTLINE_PARSERS_STATE_STATE_LOADER_H_
#define FAULTLINE_PARSERS_STATE_STATE_LOADER_H_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "engine/source_range.h"
#include "engine/value.h"

namespace faultline::parsers::state {

enum class StateFormat : uint8_t {
  kStateV4,   // a Terraform state file (`version` 4; other versions are rejected with FL-ENG-0002)
  kShowJson,  // `terraform show -json` of a state
  kPlanJson,  // `terraform show -json PLANFILE`
  kNotState,  // anything else
};

// "state", "show-json", "plan-json", "not-state".
std::string_view StateFormatName(StateFormat format);

// When the attributes of `resources` (the current state) are decoded. planned and changes are
// always decoded (plans are rarely large, and their Unknowns are merged from several places).
enum class AttributeLoading : uint8_t {
  kAuto,      // kEager for files up to StateLimits::eager_max_bytes, kDeferred above
  kEager,     // decode every instance's attributes during the load
  kDeferred,  // leave `attributes` null; LoadStateAttributes decodes them on demand
};

struct StateLimits {
  uint32_t max_depth = 128;                 // nesting of objects and arrays in one value
  uint64_t max_string_bytes = 16ull << 20;  // one string; longer ones become Unknown
  // Resources + planned + changes kept; also at most one per 64 bytes of file (at least 1024),
  // so that a hostile file of `{}` instances cannot multiply its size in memory.
  uint64_t max_instances = 10'000'000;
  AttributeLoading attributes = AttributeLoading::kAuto;
  uint64_t eager_max_bytes = 32ull << 20;  // kAuto: largest file decoded eagerly
};

// One element of a plan's `change.actions`. A replacement is {kDelete, kCreate} or
// {kCreate, kDelete} (create_before_destroy).
enum class ChangeAction : uint8_t { kNoOp, kCreate, kRead, kUpdate, kDelete, kForget, kOther };

// "no-op", "create", "read", "update", "delete", "forget", "other".
std::string_view ChangeActionName(ChangeAction action);

// One element of a plan's `resource_changes`.
struct ResourceChange {
  std::string address;           // as Terraform prints it
  std::string previous_address;  // the address it was moved from ("" when not moved)
  std::string module_address;    // "" for the root module
  engine::ResourceKind kind = engine::ResourceKind::kManaged;  // kManaged or kData
  std::string type;
  std::string name;
  engine::Value index_key;  // number, string or null
  std::string deposed;      // deposed object key ("" for the current object)
  std::vector<ChangeAction> actions;
  std::string action_reason;  // e.g. "replace_because_tainted" ("" when absent)
  engine::Value before;       // the prior value (null when created)
  // The planned value; parts `after_unknown` marks are Unknown ("known after apply").
  engine::Value after;
  std::vector<std::vector<std::string>> after_sensitive;  // paths marked by `after_sensitive`
  engine::SourceRange range;                              // the element's JSON object

  bool IsReplace() const;
};

struct StateLoadResult {
  StateFormat format = StateFormat::kNotState;
  // The current state: state v4 instances, show -json values, or a plan's prior_state.
  std::vector<engine::Resource> resources;
  // A plan's planned_values, with attributes that are unknown until apply set to Unknown (taken
  // from the matching resource change's after_unknown).
  std::vector<engine::Resource> planned;
  std::vector<ResourceChange> changes;  // a plan's resource_changes
  // Instance address -> sensitive attribute paths of `resources` (state v4
  // `sensitive_attributes`, show/prior_state `sensitive_values`). Paths follow Value::Find:
  // {"tags", "secret"}, {"rule", "0", "password"}.
  std::map<std::string, std::vector<std::vector<std::string>>> sensitive_paths;
  // Instance address -> the resources it depends on (state v4 `dependencies`, show
  // `depends_on`), as Terraform records them (resource addresses without instance keys).
  std::map<std::string, std::vector<std::string>> dependencies;
  std::string terraform_version;  // the Terraform version that wrote the file ("" if absent)
  // True when the attributes of `resources` were not decoded (see AttributeLoading); each
  // resource's `attributes` is then null and its `deferred_attributes` decodes them
  // (Resource::DecodedAttributes, or LoadStateAttributes).
  bool attributes_deferred = false;
  std::vector<engine::Finding> diagnostics;
};

// Classifies a file from its first bytes (the first few KB are enough; a cut-off prefix is
// fine): a JSON object whose top-level keys include `version` and one of `terraform_version`,
// `lineage`, `serial` (kStateV4, whatever the version number, so that the loader can explain
// an unsupported one), `format_version` with `values` (kShowJson) or with `planned_values`,
// `resource_changes`, `prior_state`, `variables`, `configuration`, `resource_drift` or
// `output_changes` (kPlanJson); `{"format_version": ...}` alone, as Terraform prints for an empty
// state, is kShowJson. Anything else is kNotState (provider schemas, other JSON, not JSON).
StateFormat SniffStateFormat(std::string_view first_bytes);

// Loads `file` (see the file comment). Never throws.
StateLoadResult LoadTerraformState(const engine::SourceFile& file, const StateLimits& limits = {});

// The attributes of `resource`, an element of the `resources` (or `planned`) that
// LoadTerraformState returned for `file` in a result of format `format` (with the same
// `limits`): `resource.attributes` when they were decoded during the load, else decoded now from
// the file, giving the same map Value an eager load gives (diagnostics about limits are not
// repeated). Returns null when `resource` does not come from `file`. Cost: one parse of the
// resource's own JSON object.
engine::Value LoadStateAttributes(const engine::SourceFile& file, StateFormat format,
                                  const engine::Resource& resource, const StateLimits& limits = {});

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_STATE_LOADER_H_
