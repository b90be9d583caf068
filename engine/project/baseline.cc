#include "engine/project/baseline.h"

#include <nlohmann/json.hpp>

namespace faultline::engine::project {

using Json = nlohmann::ordered_json;

std::string RenderBaseline(const std::vector<Finding>& findings) {
  Json document;
  document["schema_version"] = kBaselineSchemaVersion;
  Json entries = Json::array();
  std::set<std::string, std::less<>> seen;
  for (const Finding& f : findings) {
    if (!seen.insert(f.fingerprint).second) continue;
    Json entry;
    entry["fingerprint"] = f.fingerprint;
    entry["rule_id"] = f.rule_id;
    entry["file"] = f.range.valid() ? Json(f.range.file->path()) : Json(nullptr);
    entry["resource"] = f.resource_address.empty() ? Json(nullptr) : Json(f.resource_address);
    entry["message"] = f.message;
    entries.push_back(std::move(entry));
  }
  document["findings"] = std::move(entries);
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

BaselineLoadResult ParseBaseline(const std::string& path, const std::string& text) {
  BaselineLoadResult result;
  auto fail = [&](const std::string& message) {
    result.errors.push_back(path + ": " + message);
    return result;
  };
  Json document = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return fail("not a JSON document (expected a faultline baseline)");
  if (!document.is_object()) return fail("a baseline must be a JSON object");
  auto version = document.find("schema_version");
  if (version == document.end() || !version->is_number_integer() ||
      version->get<int64_t>() != kBaselineSchemaVersion) {
    return fail("unsupported baseline schema_version (expected " +
                std::to_string(kBaselineSchemaVersion) + ")");
  }
  auto findings = document.find("findings");
  if (findings == document.end() || !findings->is_array()) {
    return fail("a baseline needs a \"findings\" array");
  }
  size_t index = 0;
  for (const Json& entry : *findings) {
    auto fingerprint = entry.is_object() ? entry.find("fingerprint") : entry.end();
    if (!entry.is_object() || fingerprint == entry.end() || !fingerprint->is_string()) {
      return fail("findings[" + std::to_string(index) + "] has no \"fingerprint\" string");
    }
    result.baseline.fingerprints.insert(fingerprint->get<std::string>());
    ++index;
  }
  return result;
}

size_t ApplyBaseline(const Baseline& baseline, std::vector<Finding>* findings) {
  return std::erase_if(
      *findings, [&](const Finding& f) { return baseline.fingerprints.count(f.fingerprint) > 0; });
}

}  // namespace faultline::engine::project
