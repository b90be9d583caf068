#include "engine/config/module_loader.h"

#include <algorithm>
#include <cstring>

#include "engine/engine_rules.h"
#include "engine/parallel.h"
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

namespace {

parsers::hcl::ConfigFile ParseAs(const SourceFile& source, FileKind kind, const Limits& limits) {
  parsers::hcl::ParseLimits parse_limits;
  parse_limits.max_nesting_depth = limits.max_expression_depth;
  parse_limits.max_parse_memory_bytes = limits.max_parse_memory_bytes;
  switch (kind) {
    case FileKind::kTerraformJson:
      return parsers::hcl::ParseTfJson(source, parse_limits);
    case FileKind::kTfvarsJson:
      return parsers::hcl::ParseTfvarsJson(source, parse_limits);
    default:
      return parsers::hcl::ParseHcl(source, parse_limits);
  }
}

}  // namespace

namespace {

// LoadFile's second half: parses a file read by ReadTextFile into `out`.
void ParseRead(FileKind kind, const Limits& limits, LoadedFile& out) {
  parsers::hcl::ConfigFile config = ParseAs(*out.source, kind, limits);
  if (!config.diagnostics.empty()) {
    // One finding per file: the first error; the rest of the file is still used as recovered.
    const parsers::hcl::ParseDiagnostic& first = config.diagnostics.front();
    SourceRange range = first.range;
    if (range.file == nullptr) range = SourceRange{out.source.get(), 0, 0};
    out.findings.push_back(MakeEngineFinding(first.file_skipped ? kFileSkippedId : kSyntaxErrorId,
                                             range, first.message, "syntax"));
  }
  out.config = std::make_unique<parsers::hcl::ConfigFile>(std::move(config));
}

}  // namespace

LoadedFile LoadFile(const std::string& path, FileKind kind, const FileProvider& files,
                    const Limits& limits) {
  LoadedFile out;
  out.kind = kind;
  if (!ReadTextFile(path, files, limits, &out.source, &out.findings)) return out;
  ParseRead(kind, limits, out);
  return out;
}

std::unique_ptr<parsers::hcl::ConfigFile> ReparseFile(const SourceFile& source, FileKind kind,
                                                      const Limits& limits) {
  return std::make_unique<parsers::hcl::ConfigFile>(ParseAs(source, kind, limits));
}

ModuleLoader::ModuleLoader(const FileProvider& files, const Limits& limits)
    : files_(files), limits_(limits) {}

ModuleLoader::~ModuleLoader() = default;

ModuleLoader::Directory& ModuleLoader::DirectoryFor(const std::string& dir) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::unique_ptr<Directory>& d = dirs_[dir];
  if (!d) d = std::make_unique<Directory>();
  return *d;
}

void ModuleLoader::AddDiscovered(const std::vector<DiscoveredFile>& discovered) {
  for (const DiscoveredFile& file : discovered) {
    Directory& d = DirectoryFor(DirectoryOf(file.path));
    std::lock_guard<std::mutex> lock(d.mutex);
    d.listed = true;
    d.pending.push_back(PendingFile{file.path, file.kind, nullptr, false});
  }
}

void ModuleLoader::AddLoaded(std::vector<LoadedFile> loaded) {
  for (LoadedFile& file : loaded) {
    Directory& d = DirectoryFor(DirectoryOf(file.source->path()));
    std::lock_guard<std::mutex> lock(d.mutex);
    d.listed = true;
    d.parseable.push_back(file.config != nullptr);
    d.files.push_back(std::move(file));
  }
}

std::vector<std::string> ModuleLoader::LoadedModuleDirs() const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<std::string> dirs;
  for (const auto& [dir, d] : dirs_) {
    std::lock_guard<std::mutex> dir_lock(d->mutex);
    bool terraform = false;
    for (const PendingFile& f : d->pending) {
      terraform = terraform || f.kind == FileKind::kTerraform || f.kind == FileKind::kTerraformJson;
    }
    for (const LoadedFile& f : d->files) {
      terraform = terraform || f.kind == FileKind::kTerraform || f.kind == FileKind::kTerraformJson;
    }
    if (terraform) dirs.push_back(dir);
  }
  return dirs;
}

void ModuleLoader::ReadAhead(int jobs) {
  std::vector<PendingFile*> pending;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [dir, d] : dirs_) {
      std::lock_guard<std::mutex> dir_lock(d->mutex);
      for (PendingFile& f : d->pending) {
        if (!f.read) pending.push_back(&f);
      }
    }
  }
  ParallelFor(pending.size(), jobs, [&](size_t i) {
    PendingFile& f = *pending[i];
    auto read = std::make_unique<LoadedFile>();
    read->kind = f.kind;
    f.readable = ReadTextFile(f.path, files_, limits_, &read->source, &read->findings);
    f.read = std::move(read);
  });
}

void ModuleLoader::LoadPendingLocked(Directory& d) {
  for (PendingFile& f : d.pending) {
    LoadedFile file;
    if (f.read) {
      file = std::move(*f.read);
      f.read.reset();
      if (f.readable) ParseRead(f.kind, limits_, file);
    } else {
      file = LoadFile(f.path, f.kind, files_, limits_);
    }
    if (file.config != nullptr) {
      d.syntax_bytes += file.source->size();
      held_syntax_bytes_ += file.source->size();
    }
    d.parseable.push_back(file.config != nullptr);
    d.files.push_back(std::move(file));
  }
  d.pending.clear();
}

const Module& ModuleLoader::Get(const std::string& raw_dir, bool keep) {
  std::string dir = NormalizePath(raw_dir);
  Directory& d = DirectoryFor(dir);
  std::lock_guard<std::mutex> lock(d.mutex);
  d.keep = d.keep || keep;
  if (d.module) return *d.module;
  if (!d.listed) {
    // Not discovered: load the directory's Terraform files now (not its subdirectories).
    d.listed = true;
    std::string error;
    std::vector<DirectoryEntry> entries = files_.ListDirectory(dir, &error);
    for (const DirectoryEntry& entry : entries) {
      if (entry.type != EntryType::kFile) continue;
      std::string path = JoinPath(dir, entry.name);
      FileKind kind = ClassifyFile(path);
      if (IsTerraformKind(kind)) d.pending.push_back(PendingFile{path, kind, nullptr, false});
    }
  }
  LoadPendingLocked(d);
  // Syntax dropped earlier: parse the kept text again.
  for (size_t i = 0; i < d.files.size(); ++i) {
    LoadedFile& file = d.files[i];
    if (d.parseable[i] && !file.config) {
      file.config = ReparseFile(*file.source, file.kind, limits_);
      d.syntax_bytes += file.source->size();
      held_syntax_bytes_ += file.source->size();
    }
  }
  BuildModuleLocked(dir, d);
  return *d.module;
}

void ModuleLoader::DropSyntax(const std::string& raw_dir) {
  std::string dir = NormalizePath(raw_dir);
  Directory& d = DirectoryFor(dir);
  std::lock_guard<std::mutex> lock(d.mutex);
  if (d.keep || !d.module || held_syntax_bytes_.load() <= kSyntaxBudgetBytes) return;
  d.module.reset();
  for (LoadedFile& file : d.files) file.config.reset();
  held_syntax_bytes_ -= d.syntax_bytes;
  d.syntax_bytes = 0;
}

void ModuleLoader::BuildModuleLocked(const std::string& dir, Directory& d) {
  auto module = std::make_unique<Module>();
  module->dir = dir;
  std::vector<size_t> indexes(d.files.size());
  for (size_t i = 0; i < indexes.size(); ++i) indexes[i] = i;
  std::sort(indexes.begin(), indexes.end(), [&](size_t a, size_t b) {
    return d.files[a].source->path() < d.files[b].source->path();
  });
  std::vector<size_t> tfvars;
  for (size_t i : indexes) {
    const LoadedFile& file = d.files[i];
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
    const std::string& pa = d.files[a].source->path();
    const std::string& pb = d.files[b].source->path();
    int ra = TfvarsRank(pa), rb = TfvarsRank(pb);
    if (ra != rb) return ra < rb;
    return BaseName(pa) < BaseName(pb);
  });
  for (size_t i : tfvars) module->tfvars.push_back(d.files[i].config.get());
  d.module = std::move(module);
}

void ModuleLoader::Release(std::vector<std::unique_ptr<SourceFile>>* sources,
                           std::vector<Finding>* findings) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto& [dir, d] : dirs_) {
    std::lock_guard<std::mutex> dir_lock(d->mutex);
    LoadPendingLocked(*d);
    for (LoadedFile& file : d->files) {
      for (Finding& f : file.findings) findings->push_back(std::move(f));
      file.findings.clear();
      if (file.source) sources->push_back(std::move(file.source));
    }
  }
  std::sort(sources->begin(), sources->end(),
            [](const auto& a, const auto& b) { return a->path() < b->path(); });
}

}  // namespace faultline::engine::config
