#include "rules/k8s/image_latest_tag/image_latest_tag.h"

#include <optional>
#include <string>

#include "engine/k8s/graph.h"
#include "rules/common/k8s_workloads.h"

namespace faultline::rules {

namespace {

namespace ek = engine::k8s;

engine::RuleMetadata MakeMetadata() {
  engine::RuleMetadata m;
  m.id = "FL-K8S-0014";
  m.name = "k8s-image-latest-tag";
  m.severity = engine::Severity::kMedium;
  m.title = "Image without a pinned tag";
  m.summary = "A container image has no tag or the tag latest, and no digest.";
  m.why =
      "An image without a tag means `:latest`, which moves: two replicas of one Deployment can "
      "run different code after a node pulls a newer image, a rollback redeploys whatever "
      "latest is now, and nothing records which version was running when an incident began.";
  m.remediation =
      "Reference an immutable version: a release tag (`web:1.4.2`), or better a digest "
      "(`web@sha256:...`, optionally with the tag for readability).";
  m.example_fix =
      "containers:\n"
      "  - name: web\n"
      "    image: registry.example.com/web:1.4.2@sha256:"
      "4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945\n";
  m.references = {
      "https://kubernetes.io/docs/concepts/containers/images/#image-names",
      "https://kubernetes.io/docs/concepts/configuration/overview/#container-images",
  };
  m.peers = {
      {"kube-linter", "latest-tag"},
      {"polaris", "tagNotSpecified"},
      {"kube-score", "container-image-tag"},
      {"checkov", "CKV_K8S_14"},
      {"kics", "583053b7-e632-46f0-b989-f81ff8045385"},
      {"trivy", "KSV013"},
  };
  m.scope.origins = {engine::Origin::kConfig};
  m.scope.kinds = {engine::ResourceKind::kObject};
  m.scope.types = kube::PodTemplateTypes();
  return m;
}

// The tag of an image reference without a digest: "" when it has none, nullopt when the
// reference has a digest (pinned).
std::optional<std::string> TagOf(const std::string& image) {
  if (image.find('@') != std::string::npos) return std::nullopt;
  size_t slash = image.rfind('/');
  size_t colon = image.rfind(':');
  if (colon == std::string::npos || (slash != std::string::npos && colon < slash)) return "";
  return image.substr(colon + 1);
}

}  // namespace

const engine::RuleMetadata& ImageLatestTagRule::metadata() const {
  static const engine::RuleMetadata kMetadata = MakeMetadata();
  return kMetadata;
}

void ImageLatestTagRule::Check(const engine::RuleContext& context,
                               engine::FindingSink& sink) const {
  const engine::Resource& resource = context.resource;
  if (ek::HasController(resource)) return;
  std::optional<kube::PodTemplate> pod = kube::PodTemplateOf(resource);
  if (!pod.has_value() || pod->spec == nullptr || !pod->spec->is_map()) return;
  for (const kube::ContainerRef& c : kube::ContainersOf(*pod->spec, pod->spec_path, true)) {
    const engine::Value* image = c.container->Get("image");
    if (image == nullptr || !image->is_string()) continue;
    const std::string& text = image->as_string();
    if (text.empty() || text.find_first_of(" \t{}$") != std::string::npos) continue;
    std::optional<std::string> tag = TagOf(text);
    if (!tag.has_value() || (!tag->empty() && *tag != "latest")) continue;
    sink.Report(c.path + ".image", image,
                c.label + " of " + ek::ObjectLabel(resource) + " uses image \"" + text + "\" " +
                    (tag->empty() ? std::string("without a tag (it pulls :latest)")
                                  : std::string("with the tag latest")) +
                    ": the version it runs can change under it");
  }
}

}  // namespace faultline::rules
