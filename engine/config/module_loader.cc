#include "engine/config/module_loader.h"

#include <algorithm>
#include <cstring>

#include "engine/engine_rules.h"
#include "engine/text_file.h"
#include "parsers/hcl/parser.h"

namespace faultline::engine::config {

namespace {

// Terraform's tfvars order: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars(.json)
// in lexical order of file name.
int TfvarsRank(const std::string& path) {
  std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  if (base == "terraform.tfvars") return 0;
  if (base == "terraform.tfvars.json") return 1;
  return 2;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

LoadedFile LoadFile(const std::string& path, FileKind kind, const FileProvider& files,
                    const Limits& limits) {
  LoadedFile out;
  out.kind = kind;
  if (!ReadTextFile(path, files, limits, &out.source, &out.findings)) return out;
  parsers::hcl::ParseLimits parse_limits;
  parse_limits.max_nesting_depth = limits.max_expression_depth;
  parsers::hcl::ConfigFile config;
  switch (kind) {
    case FileKind::kTerraformJson:
      config = parsers::hcl::ParseTfJson(*out.source, parse_limits);
      break;
    case FileKind::kTfvarsJson:
      config = parsers::hcl::ParseTfvarsJson(*out.source, parse_limits);
      break;
    default:
      config = parsers::hcl::ParseHcl(*out.source, parse_limits);
      break;
  }
  if (!config.diagnostics.empty()) {
    // One finding per file: the first error; the rest of the file is still used as recovered.
    const parsers::hcl::ParseDiagnostic& first = config.diagnostics.front();
    SourceRange range = first.range;
    if (range.file == nullptr) range = SourceRange{out.source.get(), 0, 0};
    out.findings.push_back(MakeEngineFinding(kSyntaxErrorId, range, first.message, "syntax"));
  }
  out.config = std::make_unique<parsers::hcl::ConfigFile>(std::move(config));
  return out;
}

ModuleLoader::ModuleLoader(const FileProvider& files, const Limits& limits)
    : files_(files), limits_(limits) {}

ModuleLoader::~ModuleLoader() = default;

void ModuleLoader::AddLoaded(std::vector<LoadedFile> loaded) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (LoadedFile& file : loaded) {
    std::string dir = DirectoryOf(file.source->path());
    files_by_dir_[dir].push_back(loaded_.size());
    loaded_.push_back(std::move(file));
  }
}

std::vector<std::string> ModuleLoader::LoadedModuleDirs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> dirs;
  for (const auto& [dir, indexes] : files_by_dir_) {
    for (size_t i : indexes) {
      FileKind kind = loaded_[i].kind;
      if (kind == FileKind::kTerraform || kind == FileKind::kTerraformJson) {
        dirs.push_back(dir);
        break;
      }
    }
  }
  return dirs;
}

const Module& ModuleLoader::Get(const std::string& raw_dir) {
  std::string dir = NormalizePath(raw_dir);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = modules_.find(dir);
  if (it != modules_.end()) return *it->second;
  if (!files_by_dir_.count(dir)) {
    // Not discovered: load the directory's Terraform files now (not its subdirectories).
    std::string error;
    std::vector<DirectoryEntry> entries = files_.ListDirectory(dir, &error);
    for (const DirectoryEntry& entry : entries) {
      if (entry.type != EntryType::kFile) continue;
      std::string path = JoinPath(dir, entry.name);
      FileKind kind = ClassifyFile(path);
      if (!IsTerraformKind(kind)) continue;
      files_by_dir_[dir].push_back(loaded_.size());
      loaded_.push_back(LoadFile(path, kind, files_, limits_));
    }
  }
  return BuildModuleLocked(dir);
}

Module& ModuleLoader::BuildModuleLocked(const std::string& dir) {
  auto module = std::make_unique<Module>();
  module->dir = dir;
  std::vector<size_t> indexes = files_by_dir_[dir];
  std::sort(indexes.begin(), indexes.end(), [&](size_t a, size_t b) {
    return loaded_[a].source->path() < loaded_[b].source->path();
  });
  std::vector<size_t> tfvars;
  for (size_t i : indexes) {
    const LoadedFile& file = loaded_[i];
    if (!file.config) continue;
    if (file.kind == FileKind::kTerraform || file.kind == FileKind::kTerraformJson) {
      module->files.push_back(file.config.get());
      for (const parsers::hcl::Block& block : file.config->body.blocks) {
        module->blocks.push_back(&block);
      }
    } else if (file.kind == FileKind::kTfvars || file.kind == FileKind::kTfvarsJson) {
      tfvars.push_back(i);
    }
  }
  std::sort(tfvars.begin(), tfvars.end(), [&](size_t a, size_t b) {
    const std::string& pa = loaded_[a].source->path();
    const std::string& pb = loaded_[b].source->path();
    int ra = TfvarsRank(pa), rb = TfvarsRank(pb);
    if (ra != rb) return ra < rb;
    return BaseName(pa) < BaseName(pb);
  });
  for (size_t i : tfvars) module->tfvars.push_back(loaded_[i].config.get());
  Module& ref = *module;
  modules_[dir] = std::move(module);
  return ref;
}

void ModuleLoader::Release(std::vector<std::unique_ptr<SourceFile>>* sources,
                           std::vector<Finding>* findings) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (LoadedFile& file : loaded_) {
    for (Finding& f : file.findings) findings->push_back(std::move(f));
    file.findings.clear();
    sources->push_back(std::move(file.source));
  }
  std::sort(sources->begin(), sources->end(),
            [](const auto& a, const auto& b) { return a->path() < b->path(); });
}

}  // namespace faultline::engine::config
