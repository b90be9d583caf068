// ModuleLoader: reads and parses Terraform files and groups them into modules (one per directory).
//
// LoadFile turns one path into a SourceFile + ConfigFile, rejecting (with a FL-ENG-0002 finding)
// files that are unreadable, over the size limit, binary (a NUL byte) or not valid UTF-8, and
// reporting syntax errors as FL-ENG-0001. The loader owns every SourceFile it creates.
// Files are registered up front (AddDiscovered) and read and parsed when their directory is first
// used, so the scan parses a root module right before evaluating it. Modules for directories that
// were not discovered (a local module outside the scan paths, a module installed under
// .terraform/modules) are loaded on first use. A root module's syntax can be dropped once it has
// been evaluated (DropSyntax), which bounds memory by the modules in flight rather than by the
// whole tree; a directory some module call uses keeps its syntax until the loader dies.
// Thread-safe: different directories are parsed concurrently.
#ifndef FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_
#define FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "engine/config/discovery.h"
#include "engine/file_provider.h"
#include "engine/finding.h"
#include "engine/limits.h"
#include "engine/source_file.h"
#include "parsers/hcl/syntax.h"

namespace faultline::engine::config {

struct LoadedFile {
  std::unique_ptr<SourceFile> source;                // always set (empty text when unreadable)
  std::unique_ptr<parsers::hcl::ConfigFile> config;  // null when the file was rejected
  FileKind kind = FileKind::kOther;
  std::vector<Finding> findings;  // FL-ENG-0001 / FL-ENG-0002
};

// Reads and parses one file. Thread-safe; never throws.
LoadedFile LoadFile(const std::string& path, FileKind kind, const FileProvider& files,
                    const Limits& limits);

// Parses the text of an already read file again (no findings: LoadFile reported them).
std::unique_ptr<parsers::hcl::ConfigFile> ReparseFile(const SourceFile& source, FileKind kind,
                                                      const Limits& limits);

// The parsed files of one directory and an index of its top-level blocks.
struct Module {
  std::string dir;
  std::vector<const parsers::hcl::ConfigFile*> files;   // .tf and .tf.json, sorted by path
  std::vector<const parsers::hcl::ConfigFile*> tfvars;  // auto-loaded tfvars, Terraform order
  std::vector<const parsers::hcl::Block*> blocks;       // every top-level block, file order
  bool empty() const { return files.empty(); }
};

class ModuleLoader {
 public:
  ModuleLoader(const FileProvider& files, const Limits& limits);
  ~ModuleLoader();

  // Registers files found by discovery (paths normalised); they are read and parsed when their
  // directory is first used (Get), or at the latest by Release.
  void AddDiscovered(const std::vector<DiscoveredFile>& discovered);
  // Takes ownership of files loaded up front (e.g. placeholders carrying discovery problems).
  void AddLoaded(std::vector<LoadedFile> loaded);
  // The module in `dir` (normalised), parsed now if needed. Directories not registered are listed
  // and parsed on first use. Returns an empty module when the directory has no Terraform files or
  // does not exist. With `keep` (a module call uses the directory) the syntax is never dropped;
  // the reference stays valid until the loader dies, or until DropSyntax(dir) for `keep=false`.
  const Module& Get(const std::string& dir, bool keep = true);
  // Reads every registered file now, on `jobs` threads (parsing still waits for first use).
  // Their texts are kept until the loader dies anyway; reading them together, before the parses
  // churn the heap, makes reading cheaper. Call before any Get.
  void ReadAhead(int jobs);
  // Frees the syntax of `dir` unless a module call uses it or the syntax held in all is within
  // kSyntaxBudgetBytes of source text (then keeping it is cheaper than parsing it again when a
  // caller evaluated later needs it); a later Get parses the kept text again (without repeating
  // its findings).
  void DropSyntax(const std::string& dir);
  // Directories that hold .tf/.tf.json files among those registered, sorted.
  std::vector<std::string> LoadedModuleDirs() const;

  // Parses what was never used, then moves out every SourceFile (sorted by path) and the
  // findings produced while loading. Call once, after every evaluation.
  void Release(std::vector<std::unique_ptr<SourceFile>>* sources, std::vector<Finding>* findings);

 private:
  struct PendingFile {
    std::string path;
    FileKind kind = FileKind::kOther;
    std::unique_ptr<LoadedFile> read;  // set by ReadAhead: the text, not parsed yet
    bool readable = false;             // ReadAhead accepted the text (ReadTextFile's result)
  };
  struct Directory {
    std::mutex mutex;
    bool listed = false;               // files known: registered, or listed from disk
    std::vector<PendingFile> pending;  // registered, not read yet
    std::vector<LoadedFile> files;     // read (syntax may have been dropped)
    std::vector<char> parseable;       // files[i] produced syntax when first read
    std::unique_ptr<Module> module;    // null until built, and after DropSyntax
    bool keep = false;                 // a module call uses it: never dropped
    uint64_t syntax_bytes = 0;         // source bytes of the files whose syntax is held
  };
  // Source bytes whose syntax DropSyntax keeps anyway (the real-world corpus's 7 MB fits).
  static constexpr uint64_t kSyntaxBudgetBytes = uint64_t{8} << 20;

  Directory& DirectoryFor(const std::string& dir);
  void LoadPendingLocked(Directory& d);
  void BuildModuleLocked(const std::string& dir, Directory& d);

  const FileProvider& files_;
  const Limits& limits_;
  mutable std::mutex mutex_;  // guards dirs_ (the map, not the entries)
  std::map<std::string, std::unique_ptr<Directory>> dirs_;
  std::atomic<uint64_t> held_syntax_bytes_{0};  // sum of the directories' syntax_bytes
};

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_
