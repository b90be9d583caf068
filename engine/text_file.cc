#include "engine/text_file.h"

#include <cstdint>
#include <cstring>

#include "engine/engine_rules.h"

namespace faultline::engine {

size_t FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    // ASCII fast path: eight bytes at a time while none has its high bit set.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, sizeof(word));
      if ((word & 0x8080808080808080ull) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + len > n) return i;
    uint32_t cp = c & (0xFF >> (len + 1));
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string::npos;
}

bool ReadTextFile(const std::string& path, const FileProvider& files, const Limits& limits,
                  std::unique_ptr<SourceFile>* source, std::vector<Finding>* findings) {
  ReadResult read = files.ReadFile(path, limits.max_file_bytes);
  if (read.status != ReadResult::Status::kOk) {
    *source = std::make_unique<SourceFile>(path, "");
    std::string message;
    if (read.status == ReadResult::Status::kTooLarge) {
      message = "file skipped: " + std::to_string(read.size) + " bytes is over the " +
                std::to_string(limits.max_file_bytes) + "-byte size limit";
    } else {
      message = "file skipped: cannot read: " + read.error;
    }
    findings->push_back(
        MakeEngineFinding(kFileSkippedId, SourceRange{source->get(), 0, 0}, message));
    return false;
  }
  size_t nul = read.text.find('\0');
  size_t bad = nul == std::string::npos ? FirstInvalidUtf8(read.text) : std::string::npos;
  *source = std::make_unique<SourceFile>(path, std::move(read.text));
  if (nul != std::string::npos) {
    // Binary text is not kept: no reporter should print it as a source line.
    *source = std::make_unique<SourceFile>(path, "");
    findings->push_back(MakeEngineFinding(
        kFileSkippedId, SourceRange{source->get(), 0, 0},
        "file skipped: binary content (NUL byte at offset " + std::to_string(nul) + ")"));
    return false;
  }
  if (bad != std::string::npos) {
    auto at = static_cast<uint32_t>(bad);
    findings->push_back(MakeEngineFinding(kFileSkippedId, SourceRange{source->get(), at, at + 1},
                                          "file skipped: not valid UTF-8"));
    return false;
  }
  return true;
}

}  // namespace faultline::engine
