// Limits: every bound that keeps a scan from running away on hostile input.
// Exceeding one ends in a FL-ENG diagnostic, never in an OOM or a hang.
#ifndef FAULTLINE_ENGINE_LIMITS_H_
#define FAULTLINE_ENGINE_LIMITS_H_

#include <cstdint>

namespace faultline::engine {

struct Limits {
  uint64_t max_file_bytes = 10ull << 20;          // larger files are skipped with a diagnostic
  uint32_t max_module_depth = 16;                 // nested local module calls
  uint32_t max_expression_depth = 256;            // nesting of expressions being evaluated
  uint64_t max_eval_steps = 20'000'000;           // evaluation steps per root module
  uint64_t max_collection_elements = 1'000'000;   // elements one function call may produce
  uint64_t max_string_bytes = 16ull << 20;        // bytes one string value may hold
  uint64_t max_instances = 100'000;               // count / for_each instances per block
  uint64_t max_template_file_bytes = 1ull << 20;  // file() and templatefile() inputs
  uint64_t max_parse_memory_bytes = 2ull << 30;   // tree-sitter memory per parse (parser.h)
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_LIMITS_H_
