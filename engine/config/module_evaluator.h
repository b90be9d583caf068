// EvaluateRootModule: turns one root module (and the local modules it calls, recursively) into
// graph nodes, Terraform-style.
//
// Variables take their values from (lowest to highest precedence) defaults, TF_VAR_* environment
// values, terraform.tfvars, terraform.tfvars.json, *.auto.tfvars(.json) in name order, then
// --var-file / --var in the order given. Locals, resource attributes, module inputs and outputs
// are evaluated lazily with memoisation, so declaration order never matters; a cycle between
// locals is reported (FL-ENG-0003) and yields Unknown, never a hang. count and for_each expand
// into instances (`aws_instance.web[0]`, `aws_instance.web["a"]`); an unknown count/for_each
// gives one instance whose count.index/each.* are Unknown, so literal violations in its body are
// still seen. dynamic blocks expand. Local modules ("./x", "../x") and modules listed in
// `.terraform/modules/modules.json` are instantiated with their inputs (addresses
// `module.net.aws_subnet.a`) up to Limits::max_module_depth; other sources are opaque (their
// outputs Unknown) with a FL-ENG-0005 notice.
//
// Output node ids are local (0..n-1) and edges use them; the caller offsets them when merging
// roots. Not thread-safe per call, but separate calls may run concurrently (the loader is
// thread-safe).
#ifndef FAULTLINE_ENGINE_CONFIG_MODULE_EVALUATOR_H_
#define FAULTLINE_ENGINE_CONFIG_MODULE_EVALUATOR_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/config/module_loader.h"
#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/limits.h"
#include "engine/resource.h"
#include "engine/resource_graph.h"
#include "parsers/hcl/syntax.h"

namespace faultline::engine::config {

// Values for root module variables supplied from outside the module directory.
struct RootInputs {
  std::vector<const parsers::hcl::ConfigFile*> var_files;  // --var-file, in order
  // --var values and TF_VAR_* values, already parsed; names without prefixes.
  std::vector<std::pair<std::string, std::string>> vars;
  std::map<std::string, std::string> environment;
};

struct EvaluationOutput {
  std::vector<Resource> resources;  // ids 0..n-1 (Resource::id set to the local index)
  std::vector<Edge> edges;          // between local ids
  std::vector<Finding> findings;    // FL-ENG-0003/0004/0005 diagnostics
};

EvaluationOutput EvaluateRootModule(const std::string& dir, ModuleLoader& loader,
                                    const RootInputs& inputs, const Limits& limits,
                                    const FileProvider& files);

// Formats an instance key as Terraform prints it: [0] or ["a"] (with escapes).
std::string FormatInstanceKey(const Value& key);

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_MODULE_EVALUATOR_H_
