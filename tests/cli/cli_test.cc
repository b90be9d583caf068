// The built `faultline` binary, run as a user would: exit codes, formats, --output, variables,
// rule selection, determinism across --jobs, and colour only on a terminal.
#include <fcntl.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace faultline::cli {
namespace {

namespace fs = std::filesystem;

const std::string kBinary = FAULTLINE_BINARY;
const std::string kTestdata = FAULTLINE_CLI_TESTDATA;
const std::string kSourceDir = FAULTLINE_SOURCE_DIR;

struct RunResult {
  int status = -1;
  std::string out;
  std::string err;
};

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "faultline-cli-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(const_cast<char*>(kBinary.c_str()));
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

// Runs the binary in `cwd` with `env` added to (or, for "NAME=", removed from) the environment;
// stdout and stderr go to files, so nothing can block.
RunResult RunFaultline(std::vector<std::string> args, const std::string& cwd = kTestdata,
                       std::vector<std::string> env = {}) {
  TempDir temp;
  fs::path out = temp.path() / "stdout", err = temp.path() / "stderr";
  std::vector<char*> argv = Argv(args);
  pid_t pid = fork();
  if (pid == 0) {
    int out_fd = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err_fd = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    if (chdir(cwd.c_str()) != 0) _exit(127);
    unsetenv("NO_COLOR");
    for (const std::string& entry : env) {
      size_t equals = entry.find('=');
      std::string name = entry.substr(0, equals), value = entry.substr(equals + 1);
      if (value.empty()) {
        unsetenv(name.c_str());
      } else {
        setenv(name.c_str(), value.c_str(), 1);
      }
    }
    execv(kBinary.c_str(), argv.data());
    _exit(127);
  }
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  RunResult result;
  result.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
  result.out = ReadFile(out);
  result.err = ReadFile(err);
  return result;
}

// Runs the binary with stdout and stderr on a pseudo-terminal; returns what it printed.
std::string RunOnTerminal(std::vector<std::string> args, std::vector<std::string> env = {}) {
  std::vector<char*> argv = Argv(args);
  int master = -1;
  pid_t pid = forkpty(&master, nullptr, nullptr, nullptr);
  if (pid == 0) {
    if (chdir(kTestdata.c_str()) != 0) _exit(127);
    unsetenv("NO_COLOR");
    for (const std::string& entry : env) {
      size_t equals = entry.find('=');
      setenv(entry.substr(0, equals).c_str(), entry.substr(equals + 1).c_str(), 1);
    }
    execv(kBinary.c_str(), argv.data());
    _exit(127);
  }
  std::string output;
  char buffer[4096];
  for (;;) {
    ssize_t n = read(master, buffer, sizeof buffer);
    if (n <= 0) break;  // EIO once the child has exited and closed the terminal
    output.append(buffer, static_cast<size_t>(n));
  }
  close(master);
  int wstatus = 0;
  waitpid(pid, &wstatus, 0);
  return output;
}

nlohmann::json ParseJson(const std::string& text) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(doc.is_discarded()) << text;
  return doc;
}

std::vector<std::string> RuleIds(const nlohmann::json& doc) {
  std::vector<std::string> ids;
  for (const auto& finding : doc["findings"]) ids.push_back(finding["rule_id"]);
  return ids;
}

// --- exit codes -----------------------------------------------------------------------------

TEST(CliExitCodeTest, CleanDirectoryExitsZero) {
  RunResult r = RunFaultline({"scan", "clean"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "no findings in 1 file\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliExitCodeTest, NoPathScansTheCurrentDirectory) {
  RunResult r = RunFaultline({"scan"}, kTestdata + "/clean");
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "no findings in 1 file\n");
}

TEST(CliExitCodeTest, FindingsExitOne) {
  RunResult r = RunFaultline({"scan", "findings"});
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.out.find("findings/main.tf:5:3: high: aws_db_instance \"main\" is not Multi-AZ"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("[FL-AWS-0001]\n  multi_az       = false\n  ^~~~~~~~~~~~~~~~~~~~~~\n"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("findings/main.tf:15:3: high: aws_security_group_rule \"ssh\" allows SSH"),
            std::string::npos)
      << r.out;
  EXPECT_TRUE(r.out.ends_with("2 findings (2 high) in 1 file\n")) << r.out;
}

TEST(CliExitCodeTest, UsageErrorsExitTwo) {
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"scan", "--no-such-flag", "clean"},
           {"scan", "--format", "xml", "clean"},
           {"scan", "--jobs", "-1", "clean"},
           {"scan", "--fail-on", "sometimes", "clean"},
           {"scan", "--var", "novalue", "clean"},
           {"scan", "--rule", "FL-NOPE-0001", "clean"},
           {"scan", "--max-file-size", "lots", "clean"},
           {"scan", "--max-parse-memory", "0", "clean"},
           {"scan", "--max-parse-memory", "lots", "clean"},
           {"frobnicate"},
           {},
           {"rules"},
           {"rules", "show"},
           {"rules", "show", "FL-NOPE-9999"},
       }) {
    std::string joined;
    for (const std::string& a : args) joined += a + " ";
    RunResult r = RunFaultline(args);
    EXPECT_EQ(r.status, 2) << joined << "\n" << r.out << r.err;
    EXPECT_FALSE(r.err.empty()) << joined;
  }
}

TEST(CliExitCodeTest, MissingPathExitsTwo) {
  RunResult r = RunFaultline({"scan", "clean", "no/such/dir"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("no/such/dir"), std::string::npos) << r.err;
}

TEST(CliExitCodeTest, MissingVarFileExitsTwo) {
  RunResult r = RunFaultline({"scan", "--var-file", "variables/absent.tfvars", "variables"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("absent.tfvars"), std::string::npos) << r.err;
}

TEST(CliExitCodeTest, UnwritableOutputExitsTwo) {
  RunResult r = RunFaultline({"scan", "--output", "/nonexistent-dir/report.json", "clean"});
  EXPECT_EQ(r.status, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("/nonexistent-dir/report.json"), std::string::npos) << r.err;
}

TEST(CliExitCodeTest, FailOnThreshold) {
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "high", "findings"}).status, 1);
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "critical", "findings"}).status, 0);
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "CRITICAL", "critical"}).status, 1);
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "none", "critical"}).status, 0);
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "never", "findings"}).status, 0);
  EXPECT_EQ(RunFaultline({"scan", "--fail-on", "info", "clean"}).status, 0);
}

// --- variables, rule selection, exclusion, limits --------------------------------------------

TEST(CliScanTest, VariablesFromFlagsFilesAndEnvironment) {
  EXPECT_EQ(RunFaultline({"scan", "variables"}).status, 0);
  EXPECT_EQ(RunFaultline({"scan", "--var", "multi_az=false", "variables"}).status, 1);
  EXPECT_EQ(RunFaultline({"scan", "--var-file", "variables/single_az.tfvars", "variables"}).status,
            1);
  EXPECT_EQ(RunFaultline({"scan", "variables"}, kTestdata, {"TF_VAR_multi_az=false"}).status, 1);
  // --var wins over TF_VAR_*, as in Terraform.
  EXPECT_EQ(RunFaultline({"scan", "--var", "multi_az=true", "variables"}, kTestdata,
                         {"TF_VAR_multi_az=false"})
                .status,
            0);
}

TEST(CliScanTest, RuleSelectsRulesByIdOrName) {
  RunResult r = RunFaultline({"scan", "--format", "json", "--rule", "FL-NET-0001", "findings"});
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(RuleIds(ParseJson(r.out)), std::vector<std::string>{"FL-NET-0001"});
  r = RunFaultline({"scan", "--format", "json", "--rule", "aws-rds-single-az", "--rule",
                    "FL-IAM-0001", "findings"});
  EXPECT_EQ(RuleIds(ParseJson(r.out)), std::vector<std::string>{"FL-AWS-0001"});
  EXPECT_EQ(RunFaultline({"scan", "--rule", "iam-wildcard-action", "findings"}).status, 0);
}

TEST(CliScanTest, ExcludeSkipsMatchingFiles) {
  RunResult r = RunFaultline({"scan", "--exclude", "main.tf", "findings"});
  EXPECT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.out, "no findings in 0 files\n");
}

TEST(CliScanTest, MaxFileSizeSkipsLargeFiles) {
  RunResult r = RunFaultline({"scan", "--format", "json", "--max-file-size", "16", "findings"});
  nlohmann::json doc = ParseJson(r.out);
  EXPECT_EQ(RuleIds(doc), std::vector<std::string>{"FL-ENG-0002"}) << r.out;
  EXPECT_EQ(r.status, 1) << "a skipped file is a medium finding";
}

// A file whose parse needs more than --max-parse-memory is skipped with a diagnostic naming the
// flag; the other files of the scan are still scanned.
TEST(CliScanTest, MaxParseMemorySkipsFilesThatNeedMore) {
  TempDir dir;
  {
    std::ofstream big(dir.path() / "big.tf");
    big << "locals {\n";
    for (int i = 0; i < 20000; ++i) big << "  v" << i << " = \"value number " << i << "\"\n";
    big << "}\n";
    std::ofstream small(dir.path() / "small.tf");
    small << "resource \"aws_db_instance\" \"db\" {\n  engine = \"postgres\"\n}\n";
  }
  RunResult r = RunFaultline({"scan", "--format", "json", "--max-parse-memory", "1", "."},
                             dir.path().string());
  nlohmann::json doc = ParseJson(r.out);
  std::vector<std::string> ids = RuleIds(doc);
  EXPECT_NE(std::find(ids.begin(), ids.end(), "FL-ENG-0002"), ids.end()) << r.out;
  EXPECT_NE(std::find(ids.begin(), ids.end(), "FL-AWS-0001"), ids.end())
      << "small.tf must still be scanned: " << r.out;
  EXPECT_NE(r.out.find("--max-parse-memory"), std::string::npos) << r.out;
  RunResult plenty = RunFaultline({"scan", "--format", "json", "."}, dir.path().string());
  std::vector<std::string> default_ids = RuleIds(ParseJson(plenty.out));
  EXPECT_EQ(std::find(default_ids.begin(), default_ids.end(), "FL-ENG-0002"), default_ids.end())
      << plenty.out;
}

// --- formats and output ----------------------------------------------------------------------

TEST(CliFormatTest, JsonHasTheDocumentedSchema) {
  RunResult r = RunFaultline({"scan", "--format", "json", "findings"});
  EXPECT_EQ(r.status, 1) << r.err;
  nlohmann::json doc = ParseJson(r.out);
  EXPECT_EQ(doc["schema_version"], 1);
  EXPECT_EQ(doc["tool"]["name"], "faultline");
  EXPECT_EQ(doc["tool"]["version"], FAULTLINE_VERSION);
  ASSERT_EQ(doc["findings"].size(), 2u);
  const nlohmann::json& f = doc["findings"][0];
  EXPECT_EQ(f["rule_id"], "FL-AWS-0001");
  EXPECT_EQ(f["rule_name"], "aws-rds-single-az");
  EXPECT_EQ(f["severity"], "high");
  EXPECT_EQ(f["file"], "findings/main.tf") << "paths are as given, relative to the scan path";
  EXPECT_EQ(f["range"]["start"]["line"], 5);
  EXPECT_EQ(f["range"]["start"]["column"], 3);
  EXPECT_EQ(f["resource"], "aws_db_instance.main");
  EXPECT_EQ(f["attribute_path"], "multi_az");
  EXPECT_EQ(f["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_TRUE(f["related"].is_array());
  EXPECT_EQ(doc["summary"]["findings"], 2);
  EXPECT_EQ(doc["summary"]["by_severity"]["high"], 2);
  EXPECT_EQ(doc["summary"]["files_scanned"], 1);
  EXPECT_TRUE(doc["errors"].empty());
}

TEST(CliFormatTest, OutputWritesTheReportToAFile) {
  TempDir temp;
  fs::path report = temp.path() / "report.json";
  RunResult r = RunFaultline({"scan", "--format", "json", "--output", report.string(), "findings"});
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(r.out, "");
  nlohmann::json doc = ParseJson(ReadFile(report));
  EXPECT_EQ(doc["findings"].size(), 2u);
  RunResult stdout_run = RunFaultline({"scan", "--format", "json", "findings"});
  EXPECT_EQ(ReadFile(report), stdout_run.out);
}

TEST(CliFormatTest, DeterministicForAnyJobs) {
  for (const char* format : {"text", "json"}) {
    RunResult one = RunFaultline({"scan", "--format", format, "--jobs", "1", "multi"});
    RunResult two = RunFaultline({"scan", "--format", format, "--jobs", "2", "multi"});
    RunResult many = RunFaultline({"scan", "--format", format, "--jobs", "8", "multi"});
    EXPECT_EQ(one.status, 1) << one.err;
    EXPECT_EQ(one.out, two.out) << format;
    EXPECT_EQ(one.out, many.out) << format;
  }
  // The tree really exercises several modules, instances and the rules of each kind.
  nlohmann::json doc = ParseJson(RunFaultline({"scan", "--format", "json", "multi"}).out);
  std::set<std::string> ids, files;
  for (const auto& finding : doc["findings"]) {
    ids.insert(finding["rule_id"].get<std::string>());
    files.insert(finding["file"].get<std::string>());
  }
  EXPECT_EQ(ids,
            (std::set<std::string>{"FL-AWS-0001", "FL-IAM-0001", "FL-NET-0001", "FL-NET-0003"}));
  EXPECT_EQ(files.size(), 4u) << doc.dump(2);
  EXPECT_EQ(doc["summary"]["files_scanned"], 4);
}

TEST(CliFormatTest, ColourOnlyOnATerminal) {
  RunResult piped = RunFaultline({"scan", "findings"});
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos);
  std::string tty = RunOnTerminal({"scan", "findings"});
  EXPECT_NE(tty.find("\x1b["), std::string::npos) << tty;
  EXPECT_NE(tty.find("is not Multi-AZ"), std::string::npos) << tty;
  std::string no_color = RunOnTerminal({"scan", "--no-color", "findings"});
  EXPECT_EQ(no_color.find('\x1b'), std::string::npos) << no_color;
  EXPECT_NE(no_color.find("is not Multi-AZ"), std::string::npos) << no_color;
  std::string env_no_color = RunOnTerminal({"scan", "findings"}, {"NO_COLOR=1"});
  EXPECT_EQ(env_no_color.find('\x1b'), std::string::npos) << env_no_color;
}

// --- rules and version -----------------------------------------------------------------------

TEST(CliRulesTest, ListShowAndDocs) {
  RunResult text = RunFaultline({"rules", "list"});
  EXPECT_EQ(text.status, 0);
  for (const char* id : {"FL-AWS-0001", "FL-IAM-0001", "FL-NET-0001", "FL-ENG-0001"}) {
    EXPECT_NE(text.out.find(id), std::string::npos) << id;
  }
  RunResult markdown = RunFaultline({"rules", "list", "--format", "markdown"});
  EXPECT_EQ(markdown.status, 0);
  EXPECT_EQ(markdown.out, ReadFile(fs::path(kSourceDir) / "docs" / "rules.md"))
      << "docs/rules.md is stale: ./build/faultline rules list --format markdown > docs/rules.md";
  nlohmann::json list = ParseJson(RunFaultline({"rules", "list", "--format", "json"}).out);
  ASSERT_TRUE(list.is_array());
  EXPECT_EQ(list[0]["id"], "FL-AWS-0001");
  EXPECT_EQ(list[0]["peers"][0]["id"], "CKV_AWS_157");

  RunResult by_id = RunFaultline({"rules", "show", "fl-aws-0001"});
  EXPECT_EQ(by_id.status, 0);
  EXPECT_TRUE(by_id.out.starts_with("FL-AWS-0001  aws-rds-single-az  (high)\n")) << by_id.out;
  EXPECT_NE(by_id.out.find("multi_az       = true"), std::string::npos);
  EXPECT_EQ(RunFaultline({"rules", "show", "net-public-admin-ingress"}).out.substr(0, 11),
            "FL-NET-0001");
}

TEST(CliRulesTest, Version) {
  RunResult r = RunFaultline({"version"});
  EXPECT_EQ(r.status, 0);
  const std::string first_line = std::string("faultline ") + FAULTLINE_VERSION + "\n";
  EXPECT_TRUE(r.out.starts_with(first_line)) << r.out;
  EXPECT_EQ(RunFaultline({"--version"}).out, first_line);
  // The second line names the allocator the binary really runs on: with mimalloc linked, the
  // interposition of malloc must have taken effect in the shipped binary.
#ifdef FAULTLINE_EXPECT_MIMALLOC
  EXPECT_TRUE(r.out.starts_with(first_line + "allocator: mimalloc 2.")) << r.out;
  EXPECT_EQ(r.out.find("not mimalloc"), std::string::npos) << r.out;
#else
  EXPECT_EQ(r.out, first_line + "allocator: glibc malloc\n");
#endif
  RunResult help = RunFaultline({"--help"});
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("scan"), std::string::npos);
}

}  // namespace
}  // namespace faultline::cli
