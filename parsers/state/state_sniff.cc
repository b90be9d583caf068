// SniffStateFormat (declared in state_loader.h): classification from the top-level keys of a
// possibly cut-off prefix of the file.
#include <string_view>

#include "parsers/state/json_cursor.h"
#include "parsers/state/state_loader.h"

namespace faultline::parsers::state {

StateFormat SniffStateFormat(std::string_view first_bytes) {
  JsonCursor cursor(first_bytes, /*max_depth=*/512);
  if (cursor.Peek() != JsonCursor::Kind::kObject || !cursor.EnterObject()) {
    return StateFormat::kNotState;
  }
  bool version = false, state_key = false, format_version = false, values = false;
  bool plan_key = false, other_key = false;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (cursor.NextMember(&key, &key_begin, &key_end)) {
    if (key == "version") {
      version = cursor.Peek() == JsonCursor::Kind::kNumber;
    } else if (key == "terraform_version") {
      state_key = true;  // also in show/plan output, where format_version decides
    } else if (key == "lineage" || key == "serial") {
      state_key = true;
    } else if (key == "format_version") {
      format_version = cursor.Peek() == JsonCursor::Kind::kString;
    } else if (key == "values") {
      values = true;
    } else if (key == "planned_values" || key == "resource_changes" || key == "prior_state" ||
               key == "variables" || key == "configuration" || key == "resource_drift" ||
               key == "output_changes" || key == "relevant_attributes") {
      plan_key = true;
    } else {
      other_key = true;
    }
    // Decided as soon as possible: the rest of the window may be cut anywhere.
    if (version && state_key) return StateFormat::kStateV4;
    if (format_version && plan_key) return StateFormat::kPlanJson;
    if (format_version && values) return StateFormat::kShowJson;
    if (!cursor.SkipValue()) break;
  }
  if (version && state_key) return StateFormat::kStateV4;
  // `terraform show -json` of an empty state prints {"format_version":"1.0"} (and nothing else).
  if (cursor.ok() && format_version && !version && !other_key) return StateFormat::kShowJson;
  return StateFormat::kNotState;
}

}  // namespace faultline::parsers::state
