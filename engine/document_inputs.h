// Document inputs: the files that are not Terraform configuration — Kubernetes manifests,
// Terraform state and plan JSON, and live-state exports — loaded into graph resources.
//
// LoadDocumentFile reads one file and decides what it is by content, not by name alone:
//  - *.tfstate, and JSON whose first bytes are a state, `show -json` or plan document:
//    Terraform state (origin kState; a plan's prior state);
//  - files under a --live path, and JSON that looks like a kubectl or aws CLI export: live
//    resources (origin kLive);
//  - *.yaml, *.yml and other JSON: a YAML stream whose documents with apiVersion and kind are
//    Kubernetes objects (origin kConfig). Documents without them are not objects (no
//    diagnostics) and stay available to the secrets scanner.
// Unreadable, oversized, binary and non-UTF-8 files are FL-ENG-0002 findings, as for Terraform.
// Thread-safe: calls share no state.
#ifndef FAULTLINE_ENGINE_DOCUMENT_INPUTS_H_
#define FAULTLINE_ENGINE_DOCUMENT_INPUTS_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/config/discovery.h"
#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/limits.h"
#include "engine/resource.h"
#include "engine/source_file.h"

namespace faultline::engine {

enum class DocumentKind : uint8_t {
  kNone,                 // nothing to load (not a known document, or rejected)
  kKubernetesManifests,  // YAML or JSON manifests
  kTerraformState,       // state v4, show -json, or plan JSON
  kLiveExport,           // kubectl or aws CLI output
};

struct DocumentContext {
  std::string module_dir;  // the scan (or --live / --state) path the file was found under
  std::string default_namespace = "default";
  bool live = false;   // found under a --live path
  bool state = false;  // named with --state
};

struct DocumentFile {
  std::unique_ptr<SourceFile> source;  // always set
  DocumentKind kind = DocumentKind::kNone;
  std::vector<Resource> resources;  // ids unset; module_dir set from the context
  std::vector<Finding> findings;
};

// Reads `path` through `files` and loads it as described above.
DocumentFile LoadDocumentFile(const std::string& path, config::FileKind kind,
                              const DocumentContext& context, const FileProvider& files,
                              const Limits& limits);

// Loads text that is already in memory (e.g. a manifest stream read from standard input, or
// the output of `kubectl kustomize`) as Kubernetes manifests.
DocumentFile LoadManifestText(std::string display_path, std::string text,
                              const DocumentContext& context, const Limits& limits);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_DOCUMENT_INPUTS_H_
