#include "engine/config/gitignore.h"

#include "engine/config/discovery.h"

namespace faultline::engine::config {

namespace {

// Trailing spaces are trimmed unless escaped with a backslash.
std::string_view TrimTrailingSpaces(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) {
    if (line.size() >= 2 && line[line.size() - 2] == '\\') break;
    line.remove_suffix(1);
  }
  return line;
}

// Removes backslash escapes ("\ " -> " ", "\#" -> "#"), keeping those inside [...] classes and
// before glob characters (which GlobMatch does not unescape; a literal match of the escaped
// character is approximated by the character class "[c]").
std::string Unescape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      if (next == '*' || next == '?' || next == '[') {
        out += '[';
        out += next;
        out += ']';
      } else {
        out += next;
      }
      continue;
    }
    out += text[i];
  }
  return out;
}

}  // namespace

void GitignoreRules::AddFile(std::string_view directory, std::string_view text) {
  std::string base(directory);
  while (base.starts_with("./")) base.erase(0, 2);
  if (base == ".") base.clear();
  while (!base.empty() && base.back() == '/') base.pop_back();
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = TrimTrailingSpaces(line);
    if (line.empty() || line[0] == '#') continue;
    Pattern pattern;
    pattern.base = base;
    if (line[0] == '!') {
      pattern.negated = true;
      line.remove_prefix(1);
    }
    if (line.size() >= 2 && line[0] == '\\' && (line[1] == '!' || line[1] == '#')) {
      line.remove_prefix(1);
    }
    if (!line.empty() && line.back() == '/') {
      pattern.directory_only = true;
      while (!line.empty() && line.back() == '/') line.remove_suffix(1);
    }
    if (line.empty()) continue;
    // A slash at the start or in the middle anchors the pattern to `base`.
    pattern.anchored = line.find('/') != std::string_view::npos;
    while (!line.empty() && line[0] == '/') line.remove_prefix(1);
    if (line.empty()) continue;
    pattern.glob = Unescape(line);
    patterns_.push_back(std::move(pattern));
    if (end == text.size()) break;
  }
}

bool GitignoreRules::Ignored(std::string_view path, bool is_directory) const {
  while (path.starts_with("./")) path.remove_prefix(2);
  size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // The last matching pattern decides.
  for (auto it = patterns_.rbegin(); it != patterns_.rend(); ++it) {
    const Pattern& pattern = *it;
    if (pattern.directory_only && !is_directory) continue;
    std::string_view relative = path;
    if (!pattern.base.empty()) {
      if (!(path.size() > pattern.base.size() && path.starts_with(pattern.base) &&
            path[pattern.base.size()] == '/')) {
        continue;
      }
      relative = path.substr(pattern.base.size() + 1);
    }
    const bool matched =
        pattern.anchored ? GlobMatch(pattern.glob, relative) : GlobMatch(pattern.glob, name);
    if (matched) return !pattern.negated;
  }
  return false;
}

}  // namespace faultline::engine::config
