// Gitignore: the subset of git's ignore rules the secret scan's file discovery honours.
//
// Patterns follow gitignore(5): one per line; blank lines and `#` comments are skipped (`\#`
// and `\!` escape); trailing unescaped spaces are trimmed; `!` negates (re-includes); a pattern
// ending in `/` matches directories only; a pattern with a `/` at its start or in its middle is
// anchored to the directory of the .gitignore file holding it, otherwise it matches a name at any
// depth below that directory; `*`, `?` and `[...]` match within one path segment and `**`
// across segments (`**/x`, `x/**`, `a/**/b`). The last matching pattern decides, and patterns of
// deeper .gitignore files come after those of shallower ones. As in git, a file inside an
// ignored directory is ignored whatever a negation says (callers do not descend into ignored
// directories).
//
// Paths are relative to the work tree root, with `/` separators and no leading `./`.
// Not thread-safe while patterns are added; Ignored is const and may be called concurrently.
#ifndef FAULTLINE_ENGINE_CONFIG_GITIGNORE_H_
#define FAULTLINE_ENGINE_CONFIG_GITIGNORE_H_

#include <string>
#include <string_view>
#include <vector>

namespace faultline::engine::config {

class GitignoreRules {
 public:
  // Adds the patterns of a .gitignore file found in `directory` ("" for the work tree root).
  void AddFile(std::string_view directory, std::string_view text);
  // True when `path` (relative to the work tree root) is ignored. `is_directory` selects
  // whether directory-only patterns apply.
  bool Ignored(std::string_view path, bool is_directory) const;
  bool empty() const { return patterns_.empty(); }

 private:
  struct Pattern {
    std::string base;  // directory of the .gitignore, "" for the root
    std::string glob;  // without the leading '!', the anchoring '/' and a trailing '/'
    bool negated = false;
    bool directory_only = false;
    bool anchored = false;  // matched against the path below `base`, not any trailing name
  };
  std::vector<Pattern> patterns_;
};

// The work tree holding `directory`: the nearest ancestor (or `directory` itself) that holds a
// `.git` directory or file, as an absolute path; "" when there is none. `absolute_directory`
// must be absolute; `has_git_entry` says whether a given absolute directory holds a `.git`
// entry (injected so tests and in-memory file providers can answer).
template <typename HasGitEntry>
std::string FindWorkTreeRoot(std::string absolute_directory, HasGitEntry has_git_entry) {
  while (!absolute_directory.empty()) {
    if (has_git_entry(absolute_directory)) return absolute_directory;
    if (absolute_directory == "/") break;
    size_t slash = absolute_directory.rfind('/');
    absolute_directory = slash == 0 ? "/" : absolute_directory.substr(0, slash);
  }
  return "";
}

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_GITIGNORE_H_
