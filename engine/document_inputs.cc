#include "engine/document_inputs.h"

#include "engine/engine_rules.h"
#include "engine/k8s/objects.h"
#include "engine/parallel.h"
#include "engine/text_file.h"
#include "parsers/live/live_loader.h"
#include "parsers/state/state_loader.h"
#include "parsers/yaml/yaml_loader.h"

namespace faultline::engine {

namespace {

void LoadManifests(DocumentFile* out, const DocumentContext& context, const Limits& limits) {
  parsers::yaml::YamlLimits yaml_limits;
  yaml_limits.max_depth = limits.max_expression_depth;
  // A large manifest stream is parsed in parts on the threads the scan's ParallelFor leaves free
  // (e.g. one big file at --jobs 2); the result does not depend on it.
  yaml_limits.jobs = AvailableJobs();
  parsers::yaml::YamlStream stream = parsers::yaml::LoadYaml(*out->source, yaml_limits);
  for (Finding& f : stream.diagnostics) out->findings.push_back(std::move(f));
  k8s::KubernetesOptions options;
  options.origin = context.live ? Origin::kLive : Origin::kConfig;
  options.default_namespace = context.default_namespace;
  options.module_dir = context.module_dir;
  options.jobs = AvailableJobs();
  out->resources = k8s::KubernetesObjects(stream, options, &out->findings);
  out->kind = DocumentKind::kKubernetesManifests;
}

void LoadState(DocumentFile* out, const DocumentContext& context) {
  // Large states (over StateLimits::eager_max_bytes) keep their attributes deferred: decoded
  // values take about four times the file, so they are decoded where they are read
  // (Resource::deferred_attributes; the rule runner decodes them around a resource's rules).
  parsers::state::StateLoadResult state = parsers::state::LoadTerraformState(*out->source);
  for (Finding& f : state.diagnostics) out->findings.push_back(std::move(f));
  for (Resource& r : state.resources) r.module_dir = context.module_dir;
  out->resources = std::move(state.resources);  // moved whole: no second vector of them
  out->kind = DocumentKind::kTerraformState;
}

void LoadLive(DocumentFile* out, const DocumentContext& context) {
  parsers::live::LiveOptions options;
  options.module_dir = context.module_dir;
  options.default_namespace = context.default_namespace;
  parsers::live::LiveLoadResult live = parsers::live::LoadLiveExport(*out->source, options);
  for (Finding& f : live.diagnostics) out->findings.push_back(std::move(f));
  for (Resource& r : live.resources) {
    r.module_dir = context.module_dir;
    out->resources.push_back(std::move(r));
  }
  out->kind = DocumentKind::kLiveExport;
}

}  // namespace

DocumentFile LoadDocumentFile(const std::string& path, config::FileKind kind,
                              const DocumentContext& context, const FileProvider& files,
                              const Limits& limits) {
  DocumentFile out;
  if (!ReadTextFile(path, files, limits, &out.source, &out.findings)) return out;
  std::string_view head(out.source->text());
  head = head.substr(0, 4096);
  bool is_state = kind == config::FileKind::kState ||
                  (kind == config::FileKind::kJson && parsers::state::SniffStateFormat(head) !=
                                                          parsers::state::StateFormat::kNotState);
  if (is_state || context.state) {
    LoadState(&out, context);
    return out;
  }
  if (context.live ||
      (kind == config::FileKind::kJson && parsers::live::LooksLikeLiveExport(head))) {
    DocumentContext live_context = context;
    live_context.live = true;
    LoadLive(&out, live_context);
    return out;
  }
  if (kind == config::FileKind::kYaml || kind == config::FileKind::kJson) {
    LoadManifests(&out, context, limits);
  }
  return out;
}

DocumentFile LoadManifestText(std::string display_path, std::string text,
                              const DocumentContext& context, const Limits& limits) {
  DocumentFile out;
  if (text.size() > limits.max_file_bytes) {
    out.source = std::make_unique<SourceFile>(std::move(display_path), "");
    out.findings.push_back(
        MakeEngineFinding(kFileSkippedId, SourceRange{out.source.get(), 0, 0},
                          "input skipped: " + std::to_string(text.size()) + " bytes is over the " +
                              std::to_string(limits.max_file_bytes) + "-byte size limit"));
    return out;
  }
  size_t bad = text.find('\0') != std::string::npos ? 0 : FirstInvalidUtf8(text);
  out.source = std::make_unique<SourceFile>(std::move(display_path), std::move(text));
  if (bad != std::string::npos) {
    auto at = static_cast<uint32_t>(bad);
    out.findings.push_back(MakeEngineFinding(kFileSkippedId, SourceRange{out.source.get(), at, at},
                                             "input skipped: binary or not valid UTF-8"));
    return out;
  }
  LoadManifests(&out, context, limits);
  return out;
}

}  // namespace faultline::engine
