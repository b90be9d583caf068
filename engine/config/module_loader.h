// ModuleLoader: reads and parses Terraform files and groups them into modules (one per directory).
//
// LoadFile turns one path into a SourceFile + ConfigFile, rejecting (with a FL-ENG-0002 finding)
// files that are unreadable, over the size limit, binary (a NUL byte) or not valid UTF-8, and
// reporting syntax errors as FL-ENG-0001. The loader owns every SourceFile it creates.
// Modules for directories that were not discovered (a local module outside the scan paths, a
// module installed under .terraform/modules) are loaded on first use. Thread-safe.
#ifndef FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_
#define FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_

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

  // Takes ownership of files loaded up front (discovered by the scan).
  void AddLoaded(std::vector<LoadedFile> loaded);
  // The module in `dir` (normalised). Directories not yet loaded are listed and parsed now.
  // Returns an empty module when the directory has no Terraform files or does not exist.
  const Module& Get(const std::string& dir);
  // Directories that hold .tf/.tf.json files among those added with AddLoaded, sorted.
  std::vector<std::string> LoadedModuleDirs() const;

  // Moves out every SourceFile (sorted by path) and the findings produced while loading.
  void Release(std::vector<std::unique_ptr<SourceFile>>* sources, std::vector<Finding>* findings);

 private:
  Module& BuildModuleLocked(const std::string& dir);

  const FileProvider& files_;
  const Limits& limits_;
  mutable std::mutex mutex_;
  std::vector<LoadedFile> loaded_;
  std::map<std::string, std::vector<size_t>> files_by_dir_;  // indexes into loaded_
  std::map<std::string, std::unique_ptr<Module>> modules_;
};

}  // namespace faultline::engine::config

#endif  // FAULTLINE_ENGINE_CONFIG_MODULE_LOADER_H_
