// LoadLiveExport: one live-state export file -> live resources (origin kLive).
//
// A live export is the JSON that `kubectl get <kinds> -A -o json` or the aws CLI (`--output
// json`) prints; docs/live-state.md gives the commands. The file is read with the strict,
// location-keeping JSON reader (json_value_reader.h) and recognised by its shape:
//   - a mapping with string `apiVersion` and `kind` (a kubectl List, or a single object) is a
//     Kubernetes export: its objects are recognised by engine/k8s/objects.h with origin kLive,
//     so status, metadata.managedFields/uid/resourceVersion/creationTimestamp/generation/selfLink
//     go to Resource::server_fields, apart from the spec that drift compares;
//   - a mapping with one of the top-level keys of the supported aws CLI commands is an AWS export
//     (aws_export.h): each item becomes a resource of the Terraform type it corresponds to,
//     named by the identifier Terraform imports it by, addressed "live:<type>/<identifier>";
//   - anything else is kind kUnknown with an FL-ENG-0002 notice
//     "unrecognised live export (top-level keys: ...); skipped", and no resources.
// Malformed JSON is an FL-ENG-0001 error at its line:col (kind kUnknown, no resources); other
// diagnostics are as json_value_reader.h and objects.h describe. An empty list gives no
// resources and no diagnostics.
//
// Never throws; thread-safe (calls share no state). `file` must outlive the result: resources and
// diagnostics point into it.
#ifndef FAULTLINE_PARSERS_LIVE_LIVE_LOADER_H_
#define FAULTLINE_PARSERS_LIVE_LIVE_LOADER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/k8s/objects.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "parsers/live/live_export_kind.h"

namespace faultline::parsers::live {

struct LiveOptions {
  std::string module_dir;                     // the --live path the file was found under
  std::string default_namespace = "default";  // for Kubernetes objects without a namespace
  engine::k8s::KindScopes crd_scopes;         // scopes of custom kinds (optional)
  uint32_t max_depth = 512;                   // JSON nesting limit (FL-ENG-0004 beyond it)
};

struct LiveLoadResult {
  LiveExportKind kind = LiveExportKind::kUnknown;
  std::vector<engine::Resource> resources;  // in file order
  std::vector<engine::Finding> diagnostics;
};

LiveLoadResult LoadLiveExport(const engine::SourceFile& file, const LiveOptions& options);

// A cheap test on the first bytes of a file (any prefix; 4 KiB is plenty) for classifying files
// found outside a --live path: true when they begin a JSON object whose top-level keys include
// one of the aws CLI exports' keys, or a Kubernetes object or List as kubectl prints it (a
// top-level `apiVersion` with `items` or `kind`, and server-populated metadata such as
// `resourceVersion`, `uid` or `creationTimestamp` in view). A hand-written JSON manifest has no
// server metadata and is not a live export. Never reads past `first_bytes`.
bool LooksLikeLiveExport(std::string_view first_bytes);

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_LIVE_LOADER_H_
