#include "engine/kustomize.h"

#include <cctype>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <vector>

extern char** environ;

namespace faultline::engine {

namespace {

// kubectl logs errors with a klog header ("E1122 19:04:57.967166    1104 run.go:72] "): a time
// and a process id that would make the scan's output differ from run to run. Drops it.
std::string WithoutLogPrefix(const std::string& line) {
  if (line.size() < 2 || std::string("IWEF").find(line[0]) == std::string::npos ||
      !std::isdigit(static_cast<unsigned char>(line[1]))) {
    return line;
  }
  size_t end = line.find("] ");
  return end == std::string::npos ? line : line.substr(end + 2);
}

}  // namespace

std::string FindOnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (path == nullptr) return "";
  std::string all = path;
  size_t start = 0;
  while (start <= all.size()) {
    size_t end = all.find(':', start);
    if (end == std::string::npos) end = all.size();
    std::string dir = all.substr(start, end - start);
    if (!dir.empty()) {
      std::string candidate = dir + "/" + program;
      struct stat st;
      if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
          ::access(candidate.c_str(), X_OK) == 0) {
        return candidate;
      }
    }
    start = end + 1;
  }
  return "";
}

KustomizeResult RenderKustomization(const std::string& kubectl, const std::string& directory,
                                    uint64_t max_bytes, int timeout_ms) {
  KustomizeResult result;
  int out_pipe[2], err_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.error = "cannot create a pipe";
    return result;
  }
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
    ::close(out_pipe[0]);
    ::close(out_pipe[1]);
    result.error = "cannot create a pipe";
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> args = {kubectl, "kustomize", directory};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  int spawn_error = ::posix_spawn(&pid, kubectl.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  if (spawn_error != 0) {
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    result.error = "cannot run " + kubectl;
    return result;
  }
  std::string err;
  bool too_large = false, timed_out = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_fds = 2;
  char buffer[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      timed_out = true;
      break;
    }
    int n = ::poll(fds, 2, static_cast<int>(left));
    if (n < 0) break;
    for (pollfd& p : fds) {
      if (p.fd < 0 || !(p.revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = ::read(p.fd, buffer, sizeof buffer);
      if (got <= 0) {
        ::close(p.fd);
        p.fd = -1;
        --open_fds;
        continue;
      }
      std::string& sink = p.fd == out_pipe[0] ? result.output : err;
      sink.append(buffer, static_cast<size_t>(got));
      if (result.output.size() > max_bytes) too_large = true;
      if (err.size() > 65536) err.erase(0, err.size() - 65536);
    }
    if (too_large) break;
  }
  for (pollfd& p : fds) {
    if (p.fd >= 0) ::close(p.fd);
  }
  if (timed_out || too_large) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (timed_out) {
    result.error = "kubectl kustomize timed out";
  } else if (too_large) {
    result.error = "kubectl kustomize output is over the size limit";
  } else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    while (!err.empty() && (err.back() == '\n' || err.back() == '\r')) err.pop_back();
    size_t last = err.rfind('\n');
    result.error = "kubectl kustomize failed: " +
                   WithoutLogPrefix(last == std::string::npos ? err : err.substr(last + 1));
  } else {
    result.ok = true;
    return result;
  }
  result.output.clear();
  return result;
}

}  // namespace faultline::engine
