// Test helper: scans a string with the built-in secret rules and keeps the SourceFile alive
// beside the findings that point into it.
#ifndef FAULTLINE_TESTS_ENGINE_SECRETS_SCAN_TEXT_H_
#define FAULTLINE_TESTS_ENGINE_SECRETS_SCAN_TEXT_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/finding.h"
#include "engine/secrets/secret_scanner.h"
#include "engine/source_file.h"

namespace faultline::engine::secrets::testing {

inline const SecretScanner& BuiltinScanner() {
  static const SecretScanner scanner;
  return scanner;
}

struct Scanned {
  std::unique_ptr<SourceFile> file;
  std::vector<Finding> findings;
  SecretScanSummary summary;
};

inline Scanned ScanText(std::string text, const SecretScanOptions& options = {},
                        std::string path = "example.txt") {
  Scanned scanned;
  scanned.file = std::make_unique<SourceFile>(std::move(path), std::move(text));
  scanned.summary = BuiltinScanner().Scan(*scanned.file, &scanned.findings, options);
  return scanned;
}

}  // namespace faultline::engine::secrets::testing

#endif  // FAULTLINE_TESTS_ENGINE_SECRETS_SCAN_TEXT_H_
