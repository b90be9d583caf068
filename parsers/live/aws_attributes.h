// Helpers shared by the aws CLI export mappers (internal to parsers/live).
//
// Mapped attributes keep the location of the AWS field they come from: a value copied from
// `"MultiAZ": false` keeps that entry's range, so a finding on `multi_az` points at it. Values
// computed from several fields (a tags map, a list of subnet zones, an "enabled" status read as a
// bool) get the range of the field they were computed from and Provenance::kDerived.
#ifndef FAULTLINE_PARSERS_LIVE_AWS_ATTRIBUTES_H_
#define FAULTLINE_PARSERS_LIVE_AWS_ATTRIBUTES_H_

#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/finding.h"
#include "engine/resource.h"
#include "engine/source_file.h"
#include "engine/value.h"
#include "parsers/live/live_export_kind.h"

namespace faultline::parsers::live {

// Where mapped resources and diagnostics go, and what they are attributed to.
struct AwsMapContext {
  const engine::SourceFile* file = nullptr;
  std::string module_dir;
  LiveExportKind kind = LiveExportKind::kUnknown;
  std::vector<engine::Resource>* resources = nullptr;
  std::vector<engine::Finding>* diagnostics = nullptr;
};

// The entry `key` of a map value; nullptr when `value` is null, not a map, or lacks the key.
const engine::Value* Field(const engine::Value* value, std::string_view key);
// Follows map keys; nullptr when any step is missing.
const engine::Value* FieldPath(const engine::Value* value,
                               std::initializer_list<std::string_view> path);
// The string at `value`, or "" when it is not a string.
std::string StringOf(const engine::Value* value);

// A value computed by faultline, located at `from` (or nowhere when `from` is null).
engine::Value Derived(engine::Value value, const engine::Value* from);
engine::Value DerivedString(std::string text, const engine::Value* from);
engine::Value DerivedBool(bool flag, const engine::Value* from);
engine::Value DerivedNumber(double number, const engine::Value* from);

// AWS tags `[{"Key": k, "Value": v}, ...]` -> a map k -> v (each value keeps its location).
// Elements without a string Key are left out; a missing Value maps to "". Null when `tags` is
// not a list.
engine::Value TagsToMap(const engine::Value* tags);
// The field `key` of each map element of `list` (e.g. VpcSecurityGroups[].VpcSecurityGroupId),
// as a list of the elements that are present. Null when `list` is not a list.
engine::Value Pluck(const engine::Value* list, std::string_view key);
// The last segment of an ARN path ("arn:aws:iam::1:instance-profile/a/b" -> "b").
std::string ArnResourceName(std::string_view arn);

// Collects Terraform-named attributes for one AWS object.
class AttributeBuilder {
 public:
  explicit AttributeBuilder(const engine::Value& item) : item_(item) {}

  // Copies item[aws_key] (or the value at a nested path) under `name` when present.
  AttributeBuilder& Copy(std::string_view name, std::string_view aws_key);
  AttributeBuilder& CopyPath(std::string_view name, std::initializer_list<std::string_view> path);
  // Sets `name` to `value` unless `value` is null and has no location (nothing was found).
  AttributeBuilder& Set(std::string_view name, engine::Value value);
  bool Has(std::string_view name) const { return entries_.count(name) != 0; }

  // The attributes map, with the untouched AWS object under "aws".
  engine::Value Build() &&;

 private:
  const engine::Value& item_;
  engine::ValueMap entries_;
};

// Calls `fn(item, path)` for each element of root[key] (path like "DBInstances[3]", after
// `prefix`, e.g. "Reservations[0]."). A missing key does nothing; a key that is not a list, or an
// element that is not an object, yields an FL-ENG-0002 diagnostic and is skipped.
void ForEachItem(AwsMapContext& ctx, const engine::Value& root, std::string_view key,
                 const std::function<void(const engine::Value&, const std::string&)>& fn,
                 std::string_view prefix = {});

// Adds a live resource of `type` for `item`, named `identifier` (address
// "live:<type>/<identifier>"), with header at `identifier_field` (or the item when null).
// An empty identifier adds nothing and reports "<path> has no <what>; skipped" (FL-ENG-0002).
void AddResource(AwsMapContext& ctx, std::string_view type, const engine::Value& item,
                 const std::string& path, std::string_view what, const std::string& identifier,
                 const engine::Value* identifier_field, engine::Value attributes);

// A skip diagnostic (FL-ENG-0002) at `at` (or at the start of the file when `at` is nowhere).
void ReportSkipped(AwsMapContext& ctx, const engine::Value* at, std::string message);

}  // namespace faultline::parsers::live

#endif  // FAULTLINE_PARSERS_LIVE_AWS_ATTRIBUTES_H_
