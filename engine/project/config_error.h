// ConfigError: a problem in a project configuration or custom rule file, at file:line:col.
//
// Configuration problems are errors with the request (front ends exit with status 2), not
// findings: a scan with a half-understood configuration would report the wrong things.
#ifndef FAULTLINE_ENGINE_PROJECT_CONFIG_ERROR_H_
#define FAULTLINE_ENGINE_PROJECT_CONFIG_ERROR_H_

#include <cstdint>
#include <string>

namespace faultline::engine::project {

// A place in a configuration file; line and column are 1-based (column in bytes), 0 = unknown.
struct ConfigLocation {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
};

struct ConfigError {
  ConfigLocation where;
  std::string message;  // lowercase, no trailing period
};

// "file:line:col: message" ("file: message" when the position is unknown).
std::string FormatConfigError(const ConfigError& error);

}  // namespace faultline::engine::project

#endif  // FAULTLINE_ENGINE_PROJECT_CONFIG_ERROR_H_
