// aws CLI exports: recognition by shape, and mapping to Terraform-typed live resources.
//
// Each supported command's JSON output (`--output json`) is recognised by its top-level key and
// each item becomes an engine::Resource with origin kLive, kind kManaged, the Terraform type it
// corresponds to, name = the identifier Terraform imports it by, address
// "live:<type>/<identifier>", and attributes named as Terraform names them (for the fields
// Terraform has) plus the untouched AWS object under "aws". docs/live-state.md lists the mapping.
// Thread-safe (no shared state).
#ifndef FAULTLINE_PARSERS_LIVE_AWS_EXPORT_H_
#define FAULTLINE_PARSERS_LIVE_AWS_EXPORT_H_

#include <string_view>

#include "engine/value.h"
#include "parsers/live/aws_attributes.h"
#include "parsers/live/live_export_kind.h"

namespace faultline::parsers::live {

// The aws CLI command whose output `root` is, by its top-level keys; kUnknown when none matches.
// Never returns kKubernetesList.
LiveExportKind DetectAwsExport(const engine::Value& root);

// True when `key`, as a top-level key, identifies one of the supported commands' outputs.
bool IsAwsExportKey(std::string_view key);

// Maps every item of an export of kind `ctx.kind` (as returned by DetectAwsExport for `root`)
// into ctx.resources; malformed items become FL-ENG-0002 diagnostics in ctx.diagnostics.
void MapAwsExport(const engine::Value& root, AwsMapContext& ctx);

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_AWS_EXPORT_H_
