// DiagnosticSink: collects the FL-ENG findings of one state load, with a cap.
//
// Internal to parsers/state. Hostile input could otherwise produce one diagnostic per value
// (e.g. a million over-long strings); past `limit` findings, further ones are only counted and
// summarised by Finish() in one last finding. Not thread-safe; one sink per load.
#ifndef FAULTLINE_PARSERS_STATE_DIAGNOSTIC_SINK_H_
#define FAULTLINE_PARSERS_STATE_DIAGNOSTIC_SINK_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/engine_rules.h"
#include "engine/finding.h"
#include "engine/source_file.h"
#include "engine/source_range.h"

namespace faultline::parsers::state {

class DiagnosticSink {
 public:
  DiagnosticSink(const engine::SourceFile* file, std::vector<engine::Finding>* out,
                 uint32_t limit = 100)
      : file_(file), out_(out), limit_(limit) {}

  // A finding `id` at [begin, end) (clamped to the file; an empty range is widened to one byte
  // when the file has one there).
  void Add(std::string_view id, uint32_t begin, uint32_t end, std::string message) {
    if (out_->size() >= limit_) {
      ++dropped_;
      return;
    }
    out_->push_back(engine::MakeEngineFinding(id, Range(begin, end), std::move(message)));
  }

  engine::SourceRange Range(uint32_t begin, uint32_t end) const {
    const uint32_t size = file_->size();
    begin = std::min(begin, size);
    end = std::min(std::max(end, begin), size);
    if (end == begin && begin < size) end = begin + 1;
    return engine::SourceRange{file_, begin, end};
  }

  // Appends the summary of dropped findings, if any.
  void Finish() {
    if (dropped_ == 0) return;
    out_->push_back(engine::MakeEngineFinding(
        engine::kLimitExceededId, Range(0, 0),
        std::to_string(dropped_) + " more problems in this file were not reported (at most " +
            std::to_string(limit_) + " are)"));
    dropped_ = 0;
  }

 private:
  const engine::SourceFile* file_;
  std::vector<engine::Finding>* out_;
  uint32_t limit_;
  uint64_t dropped_ = 0;
};

}  // namespace faultline::parsers::state

#endif  // FAULTLINE_PARSERS_STATE_DIAGNOSTIC_SINK_H_
