// The rule API: metadata (data) plus logic (Check), run by the rule runner over the graph.
//
// A rule's scope says which resources it can apply to; the runner calls Check once per matching
// resource, from any thread (rules hold no mutable state). Check reads the graph only and reports
// through the FindingSink, against a located value (the finding inherits the attribute's range)
// or, when the attribute is absent, against the resource's block header. Rules never report on
// Unknown values.
#ifndef FAULTLINE_ENGINE_RULE_H_
#define FAULTLINE_ENGINE_RULE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "engine/rule_options.h"
#include "engine/severity.h"
#include "engine/value.h"

namespace faultline::engine {

// The equivalent check of a peer tool, to help users migrate ("checkov", "CKV_AWS_157").
struct PeerCheck {
  std::string tool;
  std::string id;
};

struct RuleScope {
  std::vector<Origin> origins = {Origin::kConfig};
  std::vector<ResourceKind> kinds = {ResourceKind::kManaged};
  std::vector<std::string> types;  // resource types; empty = every type
};

struct RuleMetadata {
  std::string id;    // "FL-AWS-0001": stable, never renumbered or reused
  std::string name;  // "aws-rds-single-az": matches the rule's directory
  Severity severity = Severity::kMedium;
  std::string title;        // short title for listings
  std::string summary;      // one sentence; also opens the class comment and the docs
  std::string why;          // the failure mode, one to three sentences
  std::string remediation;  // full sentences
  std::string example_fix;  // a corrected snippet
  std::vector<std::string> references;
  std::vector<PeerCheck> peers;
  RuleScope scope;
  std::vector<RuleOptionSpec> options;  // settings users may override in .faultline.yaml
  // Retired ids and names this rule replaces: still accepted wherever a rule is selected
  // (--rule, enabled_rules, `rules show`), never reused.
  std::vector<std::string> aliases;
};

// Collects the findings of one rule on one resource. Not thread-safe: one sink per worker.
class FindingSink {
 public:
  FindingSink(const RuleMetadata& rule, const Resource& resource, std::vector<Finding>* out)
      : rule_(rule), resource_(resource), out_(out) {}

  // Reports at `at`'s range when `at` is non-null and located, else at the resource header.
  // `attribute_path` names the attribute ("multi_az", "ingress[0].cidr_blocks"; "" for the
  // block). When `at` was defined elsewhere (its origin differs, e.g. a variable default), the
  // origin is added as a related location.
  void Report(std::string_view attribute_path, const Value* at, std::string message,
              std::vector<RelatedLocation> related = {});

 private:
  const RuleMetadata& rule_;
  const Resource& resource_;
  std::vector<Finding>* out_;
};

struct RuleContext {
  const ResourceGraph& graph;
  const Resource& resource;
  RuleOptions options;  // this rule's options: configured values over declared defaults
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMetadata& metadata() const = 0;
  virtual void Check(const RuleContext& context, FindingSink& sink) const = 0;
};

using RuleList = std::vector<std::unique_ptr<Rule>>;

// True when the rule's scope admits the resource.
bool RuleApplies(const RuleMetadata& rule, const Resource& resource);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_RULE_H_
