// Severity of a finding, ordered from least to most severe.
#ifndef FAULTLINE_ENGINE_SEVERITY_H_
#define FAULTLINE_ENGINE_SEVERITY_H_

#include <optional>
#include <string_view>

namespace faultline::engine {

enum class Severity : int { kInfo = 0, kLow = 1, kMedium = 2, kHigh = 3, kCritical = 4 };

// "info", "low", "medium", "high", "critical".
std::string_view SeverityName(Severity severity);
// Parses the names above (case-insensitive); nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view text);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_SEVERITY_H_
