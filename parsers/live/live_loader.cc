#include "parsers/live/live_loader.h"

#include <string>
#include <utility>

#include "engine/engine_rules.h"
#include "parsers/live/aws_attributes.h"
#include "parsers/live/aws_export.h"
#include "parsers/live/json_value_reader.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::parsers::live {

namespace {

using engine::Value;

constexpr size_t kMaxKeysInNotice = 10;

bool IsKubernetesObject(const Value& root) {
  const Value* api_version = root.Get("apiVersion");
  const Value* kind = root.Get("kind");
  return api_version != nullptr && api_version->is_string() && kind != nullptr && kind->is_string();
}

std::string DescribeUnknownShape(const Value& root) {
  if (!root.is_map()) {
    return "unrecognised live export (the top-level value is a " +
           std::string(Value::KindName(root.kind())) + ", not an object); skipped";
  }
  if (root.size() == 0) return "unrecognised live export (an empty object); skipped";
  std::string keys;
  size_t count = 0;
  for (const auto& [key, value] : root.as_map()) {
    if (count == kMaxKeysInNotice) {
      keys += ", ...";
      break;
    }
    if (count++ > 0) keys += ", ";
    keys += key;
  }
  return "unrecognised live export (top-level keys: " + keys + "); skipped";
}

constexpr std::string_view kServerMetadataKeys[] = {
    "resourceVersion", "uid", "creationTimestamp", "managedFields", "selfLink", "generation",
};

}  // namespace

LiveLoadResult LoadLiveExport(const engine::SourceFile& file, const LiveOptions& options) {
  LiveLoadResult result;
  JsonReadOptions read_options;
  read_options.max_depth = options.max_depth;
  Value root;
  if (!ReadJsonValue(file, read_options, &root, &result.diagnostics)) return result;

  if (root.is_map() && IsKubernetesObject(root)) {
    result.kind = LiveExportKind::kKubernetesList;
    yaml::YamlStream stream;
    stream.documents.push_back(yaml::YamlDocument{root, root.range()});
    engine::k8s::KubernetesOptions k8s_options;
    k8s_options.origin = engine::Origin::kLive;
    k8s_options.default_namespace = options.default_namespace;
    k8s_options.module_dir = options.module_dir;
    k8s_options.crd_scopes = options.crd_scopes;
    engine::k8s::CollectCrdScopes(stream, &k8s_options.crd_scopes);
    result.resources = engine::k8s::KubernetesObjects(stream, k8s_options, &result.diagnostics);
    return result;
  }

  result.kind = DetectAwsExport(root);
  if (result.kind == LiveExportKind::kUnknown) {
    result.diagnostics.push_back(engine::MakeEngineFinding(engine::kFileSkippedId, root.range(),
                                                           DescribeUnknownShape(root)));
    return result;
  }
  AwsMapContext ctx;
  ctx.file = &file;
  ctx.module_dir = options.module_dir;
  ctx.kind = result.kind;
  ctx.resources = &result.resources;
  ctx.diagnostics = &result.diagnostics;
  MapAwsExport(root, ctx);
  return result;
}

bool LooksLikeLiveExport(std::string_view bytes) {
  size_t pos = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
  while (pos < bytes.size() &&
         (bytes[pos] == ' ' || bytes[pos] == '\t' || bytes[pos] == '\n' || bytes[pos] == '\r')) {
    ++pos;
  }
  if (pos >= bytes.size() || bytes[pos] != '{') return false;

  bool has_api_version = false, has_kind_or_items = false, has_server_metadata = false;
  int depth = 0;  // a string followed by ':' at depth 1 is a top-level key
  while (pos < bytes.size()) {
    const char c = bytes[pos];
    if (c == '"') {
      const size_t begin = ++pos;
      while (pos < bytes.size() && bytes[pos] != '"') pos += bytes[pos] == '\\' ? 2 : 1;
      if (pos >= bytes.size()) break;  // the prefix ends inside a string
      const std::string_view text = bytes.substr(begin, pos - begin);
      ++pos;
      size_t after = pos;
      while (after < bytes.size() && (bytes[after] == ' ' || bytes[after] == '\t' ||
                                      bytes[after] == '\n' || bytes[after] == '\r')) {
        ++after;
      }
      const bool is_key = after < bytes.size() && bytes[after] == ':';
      if (!is_key) continue;
      if (depth == 1) {
        if (IsAwsExportKey(text)) return true;
        if (text == "apiVersion") has_api_version = true;
        if (text == "kind" || text == "items") has_kind_or_items = true;
      }
      for (std::string_view key : kServerMetadataKeys) {
        if (text == key) has_server_metadata = true;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (--depth <= 0) break;
    }
    ++pos;
  }
  return has_api_version && has_kind_or_items && has_server_metadata;
}

}  // namespace faultline::parsers::live
