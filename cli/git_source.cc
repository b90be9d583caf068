#include "cli/git_source.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include "engine/parallel.h"
#include "engine/secrets/secret_scanner.h"

extern char** environ;

namespace faultline::cli {

namespace {

constexpr size_t kCommitShown = 12;

// Reads both pipes until they close, keeping at most `max_output` bytes of stdout.
void Drain(int out_fd, int err_fd, uint64_t max_output, GitOutput* result) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  char buffer[65536];
  int open = 2;
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::string& sink = i == 0 ? result->out : result->err;
      const uint64_t cap = i == 0 ? max_output : 1 << 20;
      if (sink.size() < cap) {
        sink.append(buffer, std::min<size_t>(static_cast<size_t>(n), cap - sink.size()));
      }
      if (i == 0 && static_cast<uint64_t>(sink.size()) >= cap) result->truncated = true;
    }
  }
}

std::vector<std::string> SplitNul(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\0', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string FirstLine(std::string_view text) {
  size_t end = text.find('\n');
  return std::string(text.substr(0, end));
}

std::string GitError(const GitOutput& git, const std::string& what) {
  if (!git.started) return what + ": git could not be run (is it installed and on PATH?)";
  std::string detail = FirstLine(git.err);
  return what + ": git exited with status " + std::to_string(git.exit_code) +
         (detail.empty() ? "" : " (" + detail + ")");
}

// Unquotes a C-style quoted path as git prints it ("a\tb", "\303\251").
std::string UnquotePath(std::string_view text) {
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') return std::string(text);
  std::string out;
  for (size_t i = 1; i + 1 < text.size(); ++i) {
    char c = text[i];
    if (c != '\\' || i + 2 >= text.size()) {
      out += c;
      continue;
    }
    char next = text[++i];
    if (next >= '0' && next <= '7' && i + 2 < text.size()) {
      int value = (next - '0') * 64 + (text[i + 1] - '0') * 8 + (text[i + 2] - '0');
      out += static_cast<char>(value);
      i += 2;
      continue;
    }
    switch (next) {
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        out += next;
        break;
    }
  }
  return out;
}

}  // namespace

GitOutput RunGit(const std::vector<std::string>& args, uint64_t max_output) {
  GitOutput result;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0) return result;
  if (pipe(err_pipe) != 0) {
    close(out_pipe[0]);
    close(out_pipe[1]);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[0]);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[1]);
  posix_spawn_file_actions_addclose(&actions, err_pipe[1]);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> argv_storage = {"git", "--no-pager", "-c", "core.quotePath=true"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (spawned != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    return result;
  }
  Drain(out_pipe[0], err_pipe[0], max_output, &result);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  // posix_spawnp reports a missing executable through the child's exit status 127.
  result.started = !(WIFEXITED(status) && WEXITSTATUS(status) == 127 && result.out.empty());
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// ---- StagedFileProvider ----

std::unique_ptr<StagedFileProvider> StagedFileProvider::Create(std::string* error) {
  GitOutput cdup = RunGit({"rev-parse", "--show-cdup"});
  if (!cdup.started || cdup.exit_code != 0) {
    *error = GitError(cdup, "--staged needs a git work tree");
    return nullptr;
  }
  GitOutput names = RunGit({"diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"});
  if (!names.started || names.exit_code != 0) {
    *error = GitError(names, "cannot list the staged files");
    return nullptr;
  }
  auto provider = std::unique_ptr<StagedFileProvider>(new StagedFileProvider());
  std::string prefix = FirstLine(cdup.out);
  provider->root_ = engine::NormalizePath(prefix.empty() ? "." : prefix);
  std::set<std::pair<std::string, std::string>> entries;  // (directory, name) of directories
  for (const std::string& tree_path : SplitNul(names.out)) {
    const std::string path = engine::JoinPath(provider->root_, tree_path);
    provider->files_[path] = tree_path;
    // Register the file in its directory, and each directory in its parent, up to the root.
    std::string child = path;
    bool is_file = true;
    while (child != provider->root_) {
      const std::string parent = engine::DirectoryOf(child);
      if (parent == child) break;
      const size_t slash = child.rfind('/');
      const std::string name = slash == std::string::npos ? child : child.substr(slash + 1);
      if (is_file) {
        provider->directories_[parent].push_back(
            engine::DirectoryEntry{name, engine::EntryType::kFile, false});
      } else if (entries.insert({parent, name}).second) {
        provider->directories_[parent].push_back(
            engine::DirectoryEntry{name, engine::EntryType::kDirectory, false});
      }
      is_file = false;
      child = parent;
    }
  }
  provider->directories_[provider->root_];  // the root exists even with nothing staged
  for (auto& [dir, list] : provider->directories_) {
    std::sort(list.begin(), list.end(),
              [](const engine::DirectoryEntry& a, const engine::DirectoryEntry& b) {
                return a.name < b.name;
              });
  }
  return provider;
}

std::vector<std::string> StagedFileProvider::files() const {
  std::vector<std::string> out;
  for (const auto& [path, tree_path] : files_) out.push_back(path);
  return out;
}

engine::EntryType StagedFileProvider::Stat(const std::string& path) const {
  const std::string normal = engine::NormalizePath(path);
  if (files_.count(normal)) return engine::EntryType::kFile;
  if (directories_.count(normal)) return engine::EntryType::kDirectory;
  return engine::EntryType::kMissing;
}

std::vector<engine::DirectoryEntry> StagedFileProvider::ListDirectory(const std::string& path,
                                                                      std::string* error) const {
  auto it = directories_.find(engine::NormalizePath(path));
  if (it == directories_.end()) {
    *error = "not a directory in the index";
    return {};
  }
  return it->second;
}

engine::ReadResult StagedFileProvider::ReadFile(const std::string& path, uint64_t max_bytes) const {
  engine::ReadResult result;
  auto it = files_.find(engine::NormalizePath(path));
  if (it == files_.end()) {
    result.status = engine::ReadResult::Status::kMissing;
    result.error = "not staged";
    return result;
  }
  GitOutput git = RunGit({"show", ":" + it->second}, max_bytes + 1);
  if (!git.started || (git.exit_code != 0 && !git.truncated)) {
    result.status = engine::ReadResult::Status::kError;
    result.error = GitError(git, "git show :" + it->second);
    return result;
  }
  if (git.out.size() > max_bytes) {
    result.status = engine::ReadResult::Status::kTooLarge;
    result.size = git.out.size();
    return result;
  }
  result.status = engine::ReadResult::Status::kOk;
  result.size = git.out.size();
  result.text = std::move(git.out);
  return result;
}

std::string StagedFileProvider::CanonicalPath(const std::string& path) const {
  return "index:" + engine::NormalizePath(path);
}

// ---- history ----

std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> AddedLines(
    std::string_view patch) {
  std::map<std::string, std::vector<std::pair<uint32_t, uint32_t>>> out;
  std::string current;
  size_t start = 0;
  while (start < patch.size()) {
    size_t end = patch.find('\n', start);
    if (end == std::string_view::npos) end = patch.size();
    std::string_view line = patch.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("diff --git ")) {
      current.clear();
    } else if (line.starts_with("+++ ")) {
      std::string_view target = line.substr(4);
      if (target == "/dev/null") {
        current.clear();
      } else {
        std::string path = UnquotePath(target);
        current = path.starts_with("b/") ? path.substr(2) : path;
      }
    } else if (line.starts_with("@@ ") && !current.empty()) {
      // @@ -a[,b] +c[,d] @@
      size_t plus = line.find(" +");
      if (plus == std::string_view::npos) continue;
      size_t pos = plus + 2;
      uint64_t first = 0, count = 1;
      while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
        first = first * 10 + static_cast<uint64_t>(line[pos++] - '0');
        if (first > UINT32_MAX) break;
      }
      if (pos < line.size() && line[pos] == ',') {
        count = 0;
        ++pos;
        while (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') {
          count = count * 10 + static_cast<uint64_t>(line[pos++] - '0');
          if (count > UINT32_MAX) break;
        }
      }
      if (count == 0 || first == 0 || first > UINT32_MAX || first + count - 1 > UINT32_MAX) {
        continue;
      }
      out[current].emplace_back(static_cast<uint32_t>(first - 1),
                                static_cast<uint32_t>(first + count - 2));
    }
  }
  return out;
}

engine::ScanResult ScanGitHistory(const GitHistoryOptions& options) {
  engine::ScanResult result;
  if (options.range.starts_with("-")) {
    result.input_errors.push_back("--git-history: a revision range cannot start with '-': " +
                                  options.range);
    return result;
  }
  GitOutput list = RunGit({"rev-list", "--reverse", "--no-merges", options.range, "--"});
  if (!list.started || list.exit_code != 0) {
    result.input_errors.push_back(GitError(list, "--git-history " + options.range));
    return result;
  }
  std::vector<std::string> commits;
  size_t start = 0;
  while (start < list.out.size()) {
    size_t end = list.out.find('\n', start);
    if (end == std::string::npos) end = list.out.size();
    if (end > start) commits.push_back(list.out.substr(start, end - start));
    start = end + 1;
  }

  static const engine::secrets::SecretScanner* scanner = new engine::secrets::SecretScanner();
  struct CommitOutput {
    std::vector<std::unique_ptr<engine::SourceFile>> files;
    std::vector<engine::Finding> findings;
    std::string error;
    uint64_t bytes = 0;
  };
  std::vector<CommitOutput> outputs(commits.size());
  engine::ParallelFor(commits.size(), engine::ResolveJobs(options.jobs), [&](size_t i) {
    const std::string& commit = commits[i];
    CommitOutput& out = outputs[i];
    GitOutput diff =
        RunGit({"diff-tree", "-r", "--root", "--no-commit-id", "-p", "-U0", "--no-color",
                "--no-ext-diff", "--no-textconv", "--diff-filter=ACMR", commit, "--"});
    if (!diff.started || diff.exit_code != 0) {
      out.error = GitError(diff, "git diff-tree " + commit);
      return;
    }
    for (auto& [path, ranges] : AddedLines(diff.out)) {
      GitOutput show = RunGit({"show", commit + ":" + path}, options.max_file_bytes + 1);
      if (!show.started || show.exit_code != 0 || show.out.size() > options.max_file_bytes) {
        continue;  // too large or unreadable: the working-tree scan reports such files
      }
      out.bytes += show.out.size();
      auto file = std::make_unique<engine::SourceFile>(path, std::move(show.out));
      engine::secrets::SecretScanOptions scan_options;
      scan_options.enabled_rules = options.enabled_rules;
      scan_options.line_ranges = ranges;
      std::vector<engine::Finding> found;
      scanner->Scan(*file, &found, scan_options);
      if (found.empty()) continue;
      const std::string shown = commit.substr(0, kCommitShown);
      for (engine::Finding& f : found) {
        f.message += " (added in commit " + shown + ")";
        out.findings.push_back(std::move(f));
      }
      out.files.push_back(std::move(file));
    }
  });
  // A secret added again later (same rule, path and value: same fingerprint) is reported once,
  // at the commit that first added it.
  std::set<std::string> seen;
  for (CommitOutput& out : outputs) {
    if (!out.error.empty()) result.input_errors.push_back(out.error);
    result.bytes_scanned += out.bytes;
    for (engine::Finding& f : out.findings) {
      if (f.rule_id != engine::secrets::kFindingsCappedId && !seen.insert(f.fingerprint).second) {
        continue;
      }
      result.findings.push_back(std::move(f));
    }
    for (auto& file : out.files) result.files.push_back(std::move(file));
  }
  std::stable_sort(result.findings.begin(), result.findings.end(), engine::FindingLess);
  return result;
}

}  // namespace faultline::cli
