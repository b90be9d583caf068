// SourceRange: a half-open byte range [begin, end) inside one SourceFile.
//
// Ranges are 16 bytes and cheap to copy. A default-constructed range has no file and means
// "nowhere" (used for values that were never written in a file, e.g. function results).
// Lines and columns are derived from the file's line index when needed.
#ifndef FAULTLINE_ENGINE_SOURCE_RANGE_H_
#define FAULTLINE_ENGINE_SOURCE_RANGE_H_

#include <cstdint>

#include "engine/source_file.h"

namespace faultline::engine {

struct SourceRange {
  const SourceFile* file = nullptr;  // not owned; SourceFiles live as long as the scan result
  uint32_t begin = 0;                // byte offset, inclusive
  uint32_t end = 0;                  // byte offset, exclusive

  bool valid() const { return file != nullptr; }
  Position start() const { return file ? file->PositionAt(begin) : Position{}; }
  Position end_position() const { return file ? file->PositionAt(end) : Position{}; }
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_SOURCE_RANGE_H_
