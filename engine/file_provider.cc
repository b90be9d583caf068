#include "engine/file_provider.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace faultline::engine {

namespace {

// True when NormalizePath would return `path` unchanged: no empty, "." or ".." segment and no
// trailing slash (but "/" and "." themselves). Paths the walkers build are nearly all like this.
bool IsNormalizedPath(std::string_view path) {
  if (path.empty()) return false;
  if (path == "/" || path == ".") return true;
  if (path.back() == '/') return false;
  size_t start = path[0] == '/' ? 1 : 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part.empty() || part == "." || part == "..") return false;
    start = end + 1;
  }
  return true;
}

// A single path segment that joins by plain concatenation.
bool IsPlainName(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos;
}

}  // namespace

std::string NormalizePath(const std::string& path) {
  if (IsNormalizedPath(path)) return path;
  if (path.empty()) return ".";
  bool absolute = path[0] == '/';
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    std::string part = path.substr(i, j - i);
    if (part.empty() || part == ".") {
      // skip
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!absolute) {
        parts.push_back(part);
      }
    } else {
      parts.push_back(std::move(part));
    }
    i = j + 1;
  }
  std::string out;
  if (absolute) out.push_back('/');
  for (size_t k = 0; k < parts.size(); ++k) {
    if (k > 0) out += '/';
    out += parts[k];
  }
  if (out.empty()) out.push_back(absolute ? '/' : '.');
  return out;
}

std::string JoinPath(const std::string& directory, const std::string& relative) {
  if (!relative.empty() && relative[0] == '/') return NormalizePath(relative);
  if (directory.empty() || directory == ".") return NormalizePath(relative);
  if (IsPlainName(relative) && IsNormalizedPath(directory)) {
    std::string joined;
    joined.reserve(directory.size() + 1 + relative.size());
    joined += directory;
    if (directory != "/") joined += '/';
    joined += relative;
    return joined;
  }
  return NormalizePath(directory + "/" + relative);
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

EntryType DiskFileProvider::Stat(const std::string& path) const {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return EntryType::kMissing;
  if (S_ISREG(st.st_mode)) return EntryType::kFile;
  if (S_ISDIR(st.st_mode)) return EntryType::kDirectory;
  return EntryType::kOther;
}

std::vector<DirectoryEntry> DiskFileProvider::ListDirectory(const std::string& path,
                                                            std::string* error) const {
  std::vector<DirectoryEntry> entries;
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) {
    if (error) *error = std::strerror(errno);
    return entries;
  }
  while (struct dirent* entry = ::readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    DirectoryEntry e;
    e.name = name;
    // Most file systems report the type in the entry itself: no system call per entry then.
    if (entry->d_type == DT_REG) {
      e.type = EntryType::kFile;
    } else if (entry->d_type == DT_DIR) {
      e.type = EntryType::kDirectory;
    } else {
      std::string full = path == "." ? name : path + "/" + name;
      struct stat lst;
      if (::lstat(full.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) e.is_symlink = true;
      e.type = Stat(full);
    }
    entries.push_back(std::move(e));
  }
  ::closedir(dir);
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return entries;
}

namespace {

// Reserves `size` bytes in `text`. A large file's buffer (megabytes, one mmap of its own) is
// first written by the read below: ask the kernel for transparent huge pages there, so filling
// it takes a 2 MB fault per 2 MB instead of a fault per 4 KB page (reading a 19 MB manifest
// stream: about 15 ms -> 6 ms). Only advice: where THP is off the kernel ignores it.
void ReserveLargeBuffer(std::string* text, uint64_t size) {
  constexpr uint64_t kHugePage = 2u << 20;
  if (size < 2 * kHugePage) return;
  text->reserve(size);
  auto begin = reinterpret_cast<uintptr_t>(text->data());
  uintptr_t first = (begin + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t last = (begin + size) & ~(kHugePage - 1);
  if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

}  // namespace

ReadResult DiskFileProvider::ReadFile(const std::string& path, uint64_t max_bytes) const {
  ReadResult result;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.status = errno == ENOENT ? ReadResult::Status::kMissing : ReadResult::Status::kError;
    result.error = std::strerror(errno);
    return result;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    result.status = ReadResult::Status::kError;
    result.error = S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file";
    ::close(fd);
    return result;
  }
  result.size = static_cast<uint64_t>(st.st_size);
  if (result.size > max_bytes) {
    result.status = ReadResult::Status::kTooLarge;
    ::close(fd);
    return result;
  }
  ReserveLargeBuffer(&result.text, result.size);
  result.text.resize(result.size);
  size_t done = 0;
  while (done < result.text.size()) {
    ssize_t n = ::read(fd, result.text.data() + done, result.text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      result.status = ReadResult::Status::kError;
      result.error = std::strerror(errno);
      result.text.clear();
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  result.text.resize(done);
  // A file that grew while we read it: read the rest, still bounded by max_bytes.
  char extra[4096];
  for (;;) {
    ssize_t n = ::read(fd, extra, sizeof extra);
    if (n <= 0) break;
    if (result.text.size() + static_cast<size_t>(n) > max_bytes) {
      result.status = ReadResult::Status::kTooLarge;
      result.text.clear();
      ::close(fd);
      return result;
    }
    result.text.append(extra, static_cast<size_t>(n));
  }
  ::close(fd);
  result.size = result.text.size();
  result.status = ReadResult::Status::kOk;
  return result;
}

std::string DiskFileProvider::CanonicalPath(const std::string& path) const {
  char buffer[PATH_MAX];
  if (::realpath(path.c_str(), buffer) == nullptr) return NormalizePath(path);
  return buffer;
}

void OverlayFileProvider::Set(const std::string& path, std::string text) {
  std::lock_guard<std::mutex> lock(mutex_);
  overlays_[NormalizePath(path)] = std::move(text);
}

void OverlayFileProvider::Remove(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  overlays_.erase(NormalizePath(path));
}

EntryType OverlayFileProvider::Stat(const std::string& path) const {
  std::string key = NormalizePath(path);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (overlays_.count(key)) return EntryType::kFile;
    std::string prefix = key == "." ? "" : key + "/";
    for (const auto& [p, text] : overlays_) {
      if (prefix.empty() ? p[0] != '/' : p.compare(0, prefix.size(), prefix) == 0) {
        return EntryType::kDirectory;
      }
    }
  }
  return disk_.Stat(path);
}

std::vector<DirectoryEntry> OverlayFileProvider::ListDirectory(const std::string& path,
                                                               std::string* error) const {
  std::string disk_error;
  std::vector<DirectoryEntry> entries = disk_.ListDirectory(path, &disk_error);
  bool any_overlay = false;
  std::string key = NormalizePath(path);
  std::string prefix = key == "." ? "" : key + "/";
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [p, text] : overlays_) {
      if (!prefix.empty() && p.compare(0, prefix.size(), prefix) != 0) continue;
      if (prefix.empty() && !p.empty() && p[0] == '/') continue;
      std::string rest = p.substr(prefix.size());
      size_t slash = rest.find('/');
      DirectoryEntry e;
      e.name = slash == std::string::npos ? rest : rest.substr(0, slash);
      e.type = slash == std::string::npos ? EntryType::kFile : EntryType::kDirectory;
      any_overlay = true;
      auto it = std::find_if(entries.begin(), entries.end(),
                             [&](const DirectoryEntry& x) { return x.name == e.name; });
      if (it == entries.end()) entries.push_back(std::move(e));
    }
  }
  if (!any_overlay && !disk_error.empty() && error) *error = disk_error;
  std::sort(entries.begin(), entries.end(),
            [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
  return entries;
}

ReadResult OverlayFileProvider::ReadFile(const std::string& path, uint64_t max_bytes) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = overlays_.find(NormalizePath(path));
    if (it != overlays_.end()) {
      ReadResult result;
      result.size = it->second.size();
      if (result.size > max_bytes) {
        result.status = ReadResult::Status::kTooLarge;
        return result;
      }
      result.status = ReadResult::Status::kOk;
      result.text = it->second;
      return result;
    }
  }
  return disk_.ReadFile(path, max_bytes);
}

std::string OverlayFileProvider::CanonicalPath(const std::string& path) const {
  if (disk_.Stat(path) == EntryType::kMissing) return NormalizePath(path);
  return disk_.CanonicalPath(path);
}

}  // namespace faultline::engine
