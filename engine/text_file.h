// ReadTextFile: reads one input file as text, with the checks every loader shares.
//
// A file is rejected with a FL-ENG-0002 finding (and an empty SourceFile, so the finding has a
// file to point at) when it cannot be read, is over Limits::max_file_bytes, holds a NUL byte
// (binary), or is not valid UTF-8 (the finding points at the first bad byte). Thread-safe.
#ifndef FAULTLINE_ENGINE_TEXT_FILE_H_
#define FAULTLINE_ENGINE_TEXT_FILE_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/limits.h"
#include "engine/source_file.h"

namespace faultline::engine {

// Returns true with `*source` holding the text, or false with `*source` empty and a finding
// appended to `*findings`.
bool ReadTextFile(const std::string& path, const FileProvider& files, const Limits& limits,
                  std::unique_ptr<SourceFile>* source, std::vector<Finding>* findings);

// Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included), or
// std::string::npos when `text` is valid.
size_t FirstInvalidUtf8(std::string_view text);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_TEXT_FILE_H_
