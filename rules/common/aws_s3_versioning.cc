#include "rules/common/aws_s3_versioning.h"

#include <cctype>

#include "rules/common/aws_zones.h"
#include "rules/common/known_values.h"
#include "rules/common/nested_blocks.h"

namespace faultline::rules {

namespace {

enum class Link { kYes, kNo, kMaybe };

bool SameReference(const engine::Value& a, const engine::Value& b) {
  return a.is_unknown() && b.is_unknown() && !a.unknown().address.empty() &&
         a.unknown().address == b.unknown().address &&
         a.unknown().attribute == b.unknown().attribute;
}

// Whether some bucket of the module takes its name from the same reference as `name`.
bool SomeBucketShares(const engine::ResourceGraph& graph, const engine::Resource& versioning,
                      const engine::Value& name) {
  for (engine::ResourceId id : graph.OfTypeIn(versioning.module_dir, "aws_s3_bucket")) {
    const engine::Resource& bucket = graph.resource(id);
    if (bucket.module_dir != versioning.module_dir) continue;
    const engine::Value* bucket_name = bucket.Get("bucket");
    if (bucket_name != nullptr && SameReference(*bucket_name, name)) return true;
  }
  return false;
}

Link Linked(const engine::ResourceGraph& graph, const engine::Resource& bucket,
            const engine::Resource& versioning) {
  const engine::Value* target = versioning.Get("bucket");
  if (target == nullptr || target->is_null()) return Link::kNo;
  const engine::Value* own = bucket.Get("bucket");
  if (target->is_unknown()) {
    if (const engine::Resource* referenced = ReferencedResource(graph, versioning, *target);
        referenced != nullptr && referenced->type == "aws_s3_bucket") {
      return referenced->id == bucket.id ? Link::kYes : Link::kNo;
    }
    if (own != nullptr && SameReference(*own, *target)) return Link::kYes;
    if (!target->unknown().address.empty() && SomeBucketShares(graph, versioning, *target)) {
      return Link::kNo;  // it belongs to the bucket that shares its name's reference
    }
    return Link::kMaybe;
  }
  std::optional<std::string> name = KnownString(target);
  if (!name.has_value()) return Link::kMaybe;
  if (own == nullptr || own->is_null()) return Link::kNo;  // a generated name
  std::optional<std::string> own_name = KnownString(own);
  if (!own_name.has_value()) return Link::kMaybe;
  return *own_name == *name ? Link::kYes : Link::kNo;
}

}  // namespace

BucketVersioning VersioningOf(const engine::ResourceGraph& graph, const engine::Resource& bucket) {
  BucketVersioning result;
  bool unknown = false;
  const BucketVersioning::Status kEnabled = BucketVersioning::Status::kEnabled;
  // The inline block.
  if (BlocksUnknown(bucket.attributes, "versioning")) unknown = true;
  if (const engine::Value* block = FirstBlock(bucket.attributes, "versioning")) {
    const engine::Value* enabled = block->Get("enabled");
    if (enabled == nullptr || enabled->is_null()) {
      result.at = block;
      result.path = "versioning";
      result.reason = "its versioning block does not enable versioning";
    } else if (std::optional<bool> on = KnownBool(enabled); !on.has_value()) {
      unknown = true;
    } else if (*on) {
      result.status = kEnabled;
      return result;
    } else {
      result.at = enabled;
      result.path = "versioning.enabled";
      result.reason = "versioning is disabled";
    }
  }
  // aws_s3_bucket_versioning resources of the same module.
  for (engine::ResourceId id : graph.OfTypeIn(bucket.module_dir, "aws_s3_bucket_versioning")) {
    const engine::Resource& versioning = graph.resource(id);
    if (versioning.module_dir != bucket.module_dir || versioning.origin != bucket.origin ||
        versioning.kind != engine::ResourceKind::kManaged) {
      continue;
    }
    Link link = Linked(graph, bucket, versioning);
    if (link == Link::kNo) continue;
    if (link == Link::kMaybe) {
      unknown = true;
      continue;
    }
    if (BlocksUnknown(versioning.attributes, "versioning_configuration")) {
      unknown = true;
      continue;
    }
    const engine::Value* config = FirstBlock(versioning.attributes, "versioning_configuration");
    const engine::Value* status = config != nullptr ? config->Get("status") : nullptr;
    std::optional<std::string> text = KnownString(status);
    if (!text.has_value()) {
      unknown = true;
      continue;
    }
    if (*text == "Enabled") {
      result.status = kEnabled;
      return result;
    }
    result.at = status;
    result.path = "versioning_configuration.status";
    result.reason = "its aws_s3_bucket_versioning sets status \"" + *text + "\"";
  }
  if (unknown) {
    result.status = BucketVersioning::Status::kUnknown;
    return result;
  }
  result.status = BucketVersioning::Status::kNotEnabled;
  if (result.reason.empty()) result.reason = "it has no versioning configuration";
  return result;
}

std::optional<std::string> BucketName(const engine::Resource& bucket) {
  for (const char* attribute : {"bucket", "bucket_prefix"}) {
    const engine::Value* value = bucket.Get(attribute);
    if (!IsSet(value)) continue;
    return KnownString(value);
  }
  return std::nullopt;
}

bool GlobMatch(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  auto lower = [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  };
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string> SplitPatterns(std::string_view list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    std::string_view item = list.substr(start, end - start);
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.front()))) {
      item.remove_prefix(1);
    }
    while (!item.empty() && std::isspace(static_cast<unsigned char>(item.back()))) {
      item.remove_suffix(1);
    }
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

}  // namespace faultline::rules
