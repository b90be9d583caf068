// FileProvider: how the engine reads files and directories.
//
// The CLI uses DiskFileProvider. The language server uses OverlayFileProvider, which serves
// unsaved editor buffers in place of the files on disk, so both front ends share one analysis
// path. Implementations must be safe to call from many threads at once.
// Paths are as the engine builds them from the user's scan paths ("examples/main.tf").
#ifndef FAULTLINE_ENGINE_FILE_PROVIDER_H_
#define FAULTLINE_ENGINE_FILE_PROVIDER_H_

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace faultline::engine {

enum class EntryType : uint8_t { kMissing, kFile, kDirectory, kOther };

struct DirectoryEntry {
  std::string name;  // the entry's name inside the directory, not a path
  EntryType type = EntryType::kMissing;
  bool is_symlink = false;
};

struct ReadResult {
  enum class Status : uint8_t { kOk, kMissing, kTooLarge, kError };
  Status status = Status::kError;
  std::string text;
  uint64_t size = 0;  // the file's size (set for kTooLarge too)
  std::string error;  // for kError / kMissing: the OS error or reason
};

class FileProvider {
 public:
  virtual ~FileProvider() = default;
  // Type of the entry at `path`, following symlinks.
  virtual EntryType Stat(const std::string& path) const = 0;
  // Entries of a directory sorted by name; an error message in `*error` on failure.
  virtual std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                                    std::string* error) const = 0;
  // Reads a whole file unless it is larger than `max_bytes` (then kTooLarge, no text).
  virtual ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const = 0;
  // A canonical identity for a directory (realpath), used to detect symlink loops.
  virtual std::string CanonicalPath(const std::string& path) const = 0;
};

class DiskFileProvider : public FileProvider {
 public:
  EntryType Stat(const std::string& path) const override;
  std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                            std::string* error) const override;
  ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const override;
  std::string CanonicalPath(const std::string& path) const override;
};

// Disk files, with some replaced (or added) by in-memory text. Keys are paths as the engine
// builds them (normalised with NormalizePath). Set/Remove may be called between scans.
class OverlayFileProvider : public FileProvider {
 public:
  void Set(const std::string& path, std::string text);
  void Remove(const std::string& path);

  EntryType Stat(const std::string& path) const override;
  std::vector<DirectoryEntry> ListDirectory(const std::string& path,
                                            std::string* error) const override;
  ReadResult ReadFile(const std::string& path, uint64_t max_bytes) const override;
  std::string CanonicalPath(const std::string& path) const override;

 private:
  DiskFileProvider disk_;
  mutable std::mutex mutex_;
  std::map<std::string, std::string> overlays_;
};

// Lexical normalisation: removes "." segments, resolves "a/.." pairs, collapses "//", drops a
// trailing "/". Leading ".." segments of relative paths are kept. "" becomes ".".
std::string NormalizePath(const std::string& path);
// Joins a directory and a relative path and normalises; an absolute `relative` wins.
std::string JoinPath(const std::string& directory, const std::string& relative);
// The directory part of a path ("." when there is none).
std::string DirectoryOf(const std::string& path);

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_FILE_PROVIDER_H_
