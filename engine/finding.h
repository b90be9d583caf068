// Finding: one reported problem, located at the exact attribute (or block header) it concerns.
//
// Engine problems (parse errors, unreadable files, limits, evaluation errors) are findings too,
// with FL-ENG-* rule IDs, so every front end reports them the same way.
// The fingerprint identifies a finding across edits: a hash of rule id, module directory,
// resource address and attribute path, never of line numbers.
#ifndef FAULTLINE_ENGINE_FINDING_H_
#define FAULTLINE_ENGINE_FINDING_H_

#include <string>
#include <vector>

#include "engine/severity.h"
#include "engine/source_range.h"

namespace faultline::engine {

struct RelatedLocation {
  SourceRange range;
  std::string message;  // e.g. "multi_az comes from the default of var.ha"
};

struct Finding {
  std::string rule_id;    // "FL-AWS-0001"
  std::string rule_name;  // "aws-rds-single-az"
  Severity severity = Severity::kMedium;
  std::string message;           // lowercase, specific, names the resource, no trailing period
  SourceRange range;             // primary location; always has a file
  std::string module_dir;        // directory of the root module ("" for non-Terraform inputs)
  std::string resource_address;  // "module.db.aws_db_instance.main[\"a\"]" ("" when none)
  std::string attribute_path;    // "ingress[0].cidr_blocks" ("" when at the block)
  std::vector<RelatedLocation> related;
  std::string fingerprint;  // 16 lowercase hex digits, see ComputeFingerprint
};

// hash(rule_id, module_dir, resource_address, attribute_path) as 16 hex digits (FNV-1a 64).
// For findings without a resource (e.g. parse errors), the caller passes the file path as
// module_dir and a stable discriminator (such as the message) as attribute_path. A module_dir
// under the fingerprint root (SetFingerprintRoot) is hashed relative to it.
std::string ComputeFingerprint(const std::string& rule_id, const std::string& module_dir,
                               const std::string& resource_address,
                               const std::string& attribute_path);

// Makes fingerprints independent of where a scan runs from and of how its paths are spelled
// (`faultline scan .` inside a repository and `faultline scan repo/` outside it give the same
// fingerprints): paths passed to ComputeFingerprint that lie under `directory` are hashed
// relative to it ("." for the directory itself); relative paths are taken from `working_dir`.
// Front ends call it once, before any scan, with the project root (the git work tree root, else
// the scan path); the default (never called, or "") hashes paths as given. Not thread-safe with
// concurrent ComputeFingerprint calls.
void SetFingerprintRoot(std::string directory, std::string working_dir);

// Deterministic order: file path, start offset, end offset, rule id, resource address, message.
bool FindingLess(const Finding& a, const Finding& b);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_FINDING_H_
