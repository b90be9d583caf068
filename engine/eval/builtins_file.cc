// Filesystem functions: file, fileexists, filebase64, file hashes, fileset, templatefile,
// templatestring, basename, dirname. Files are read through EvalContext::files (so editor
// overlays apply) and bounded by Limits::max_template_file_bytes. A relative path is looked up
// relative to EvalContext::module_dir; when nothing exists there, the path is taken as given
// (so both "x.tpl" and "${path.module}/x.tpl" work when path.module is the module directory).
// Without a file provider these functions are Unknown.
#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <vector>

#include "engine/eval/builtins.h"
#include "engine/eval/hash.h"
#include "engine/eval/text.h"
#include "engine/file_provider.h"
#include "engine/source_file.h"
#include "parsers/hcl/parser.h"

namespace faultline::engine::eval {

namespace {

std::string ResolvePath(Call& call, const std::string& path) {
  const EvalContext& context = call.context();
  std::string in_module = JoinPath(context.module_dir.empty() ? "." : context.module_dir, path);
  if (context.files->Stat(in_module) != EntryType::kMissing) return in_module;
  std::string as_given = NormalizePath(path);
  if (as_given != in_module && context.files->Stat(as_given) != EntryType::kMissing) {
    return as_given;
  }
  return in_module;
}

Value FilesDisabled(Call& call) {
  return call.UnknownResult(std::string(call.name()) +
                            "() is not available without a file provider");
}

// Reads a file for `call`; false after recording an error.
bool ReadModuleFile(Call& call, const std::string& path, std::string* full_path,
                    std::string* text) {
  *full_path = ResolvePath(call, path);
  ReadResult result =
      call.context().files->ReadFile(*full_path, call.limits().max_template_file_bytes);
  switch (result.status) {
    case ReadResult::Status::kOk:
      *text = std::move(result.text);
      if (!call.Charge(text->size() / 64)) return false;
      return true;
    case ReadResult::Status::kMissing:
      call.Fail("no file exists at \"" + path + "\"");
      return false;
    case ReadResult::Status::kTooLarge:
      call.LimitFail("file \"" + path + "\" is " + std::to_string(result.size) +
                     " bytes, over the limit of " +
                     std::to_string(call.limits().max_template_file_bytes) + " bytes");
      return false;
    case ReadResult::Status::kError:
      call.Fail("failed to read \"" + path + "\": " + result.error);
      return false;
  }
  return false;
}

Value File(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path, full, text;
  if (!call.ArgString(0, &path)) return call.Failed();
  if (!ReadModuleFile(call, path, &full, &text)) return call.Failed();
  if (!IsValidUtf8(text)) {
    return call.Fail("contents of \"" + path +
                     "\" are not valid UTF-8; use the filebase64 "
                     "function to obtain the Base64 encoded contents or the other file functions "
                     "(e.g. filemd5, filesha256) to obtain file hashing results instead");
  }
  return call.String(std::move(text));
}

Value FileBase64(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path, full, text;
  if (!call.ArgString(0, &path)) return call.Failed();
  if (!ReadModuleFile(call, path, &full, &text)) return call.Failed();
  return call.String(Base64Encode(text));
}

template <std::string (*Digest)(std::string_view), bool kBase64>
Value FileHash(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path, full, text;
  if (!call.ArgString(0, &path)) return call.Failed();
  if (!ReadModuleFile(call, path, &full, &text)) return call.Failed();
  std::string digest = Digest(text);
  return call.String(kBase64 ? Base64Encode(digest) : HexEncode(digest));
}

Value FileExists(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path;
  if (!call.ArgString(0, &path)) return call.Failed();
  std::string full = ResolvePath(call, path);
  switch (call.context().files->Stat(full)) {
    case EntryType::kFile:
      return call.Bool(true);
    case EntryType::kMissing:
      return call.Bool(false);
    default:
      return call.Fail("\"" + path + "\" is not a regular file");
  }
}

// Converts a doublestar glob to an RE2 pattern: * and ? stay inside one path segment, **
// crosses segments, [...] and {a,b} are classes and alternatives.
bool GlobToRegex(std::string_view glob, std::string* out) {
  std::string re;
  int braces = 0;
  for (size_t i = 0; i < glob.size(); ++i) {
    char c = glob[i];
    if (c == '*') {
      if (i + 1 < glob.size() && glob[i + 1] == '*') {
        bool slash_after = i + 2 < glob.size() && glob[i + 2] == '/';
        bool at_segment_start = i == 0 || glob[i - 1] == '/';
        if (slash_after && at_segment_start) {
          re += "(?:.*/)?";
          i += 2;
        } else {
          re += ".*";
          ++i;
        }
      } else {
        re += "[^/]*";
      }
    } else if (c == '?') {
      re += "[^/]";
    } else if (c == '[') {
      size_t close = glob.find(']', i + 1);
      if (close == std::string_view::npos) return false;
      std::string_view body = glob.substr(i + 1, close - i - 1);
      re += '[';
      if (!body.empty() && (body[0] == '!' || body[0] == '^')) {
        re += '^';
        body.remove_prefix(1);
      }
      for (char b : body) {
        if (b == '\\' || b == '[' || b == ']') re += '\\';
        re += b;
      }
      re += ']';
      i = close;
    } else if (c == '{') {
      ++braces;
      re += "(?:";
    } else if (c == '}' && braces > 0) {
      --braces;
      re += ')';
    } else if (c == ',' && braces > 0) {
      re += '|';
    } else if (c == '\\' && i + 1 < glob.size()) {
      re += RE2::QuoteMeta(glob.substr(i + 1, 1));
      ++i;
    } else {
      re += RE2::QuoteMeta(glob.substr(i, 1));
    }
  }
  if (braces != 0) return false;
  *out = std::move(re);
  return true;
}

Value FileSet(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path, pattern;
  if (!call.ArgString(0, &path) || !call.ArgString(1, &pattern)) return call.Failed();
  std::string regex;
  if (!GlobToRegex(pattern, &regex)) return call.Fail("failed to glob pattern \"" + pattern + "\"");
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(regex, options);
  if (!re.ok()) return call.Fail("failed to glob pattern \"" + pattern + "\": " + re.error());
  std::string base = ResolvePath(call, path);
  const FileProvider& files = *call.context().files;
  if (files.Stat(base) != EntryType::kDirectory) return call.List({});
  std::vector<std::string> matches;
  // Breadth-first walk bounded in entries and depth.
  std::vector<std::pair<std::string, int>> pending = {{"", 0}};
  uint64_t visited = 0;
  while (!pending.empty()) {
    auto [relative, depth] = pending.back();
    pending.pop_back();
    std::string error;
    std::string directory = relative.empty() ? base : JoinPath(base, relative);
    for (const DirectoryEntry& entry : files.ListDirectory(directory, &error)) {
      if (++visited > call.limits().max_collection_elements || !call.Charge(1)) {
        return call.LimitFail("fileset visited too many files under \"" + path + "\"");
      }
      std::string child = relative.empty() ? entry.name : relative + "/" + entry.name;
      if (entry.type == EntryType::kDirectory) {
        if (depth < 32 && !entry.is_symlink) pending.emplace_back(child, depth + 1);
      } else if (entry.type == EntryType::kFile && RE2::FullMatch(child, re)) {
        matches.push_back(child);
      }
    }
  }
  std::sort(matches.begin(), matches.end());
  ValueList out;
  for (std::string& m : matches) out.push_back(Derived(Value::String(std::move(m), call.range())));
  return call.List(std::move(out));
}

// Parses and evaluates a template with `vars` as its only names; the template's source file is
// temporary, so results and errors are relocated to the call.
// ":line:col" (1-based) of a byte offset, appended piecewise (GCC 12 warns falsely on chains of
// string concatenations here).
std::string LineColumn(const SourceFile& source, uint32_t offset) {
  Position p = source.PositionAt(offset);
  std::string out = ":";
  out += std::to_string(p.line + 1);
  out += ":";
  out += std::to_string(p.column + 1);
  return out;
}

Value RenderTemplate(Call& call, const std::string& display_path, std::string text,
                     const ValueMap& vars) {
  SourceFile source(display_path, std::move(text));
  std::vector<parsers::hcl::ParseDiagnostic> parse_errors;
  parsers::hcl::ExpressionPtr expression = parsers::hcl::ParseTemplate(source, &parse_errors);
  if (!parse_errors.empty() || expression == nullptr ||
      expression->kind == parsers::hcl::ExpressionKind::kInvalid) {
    std::string message = "failed to parse template " + display_path;
    if (!parse_errors.empty()) {
      message += LineColumn(source, parse_errors.front().range.begin);
      message += ": ";
      message += parse_errors.front().message;
    }
    return call.Fail(message);
  }
  EvalContext& outer = call.context();
  std::vector<EvalDiagnostic> diagnostics;
  EvalContext inner = outer;
  inner.resolver = nullptr;
  inner.diagnostics = &diagnostics;
  Value result = EvaluateIsolated(*expression, inner, vars);
  outer.steps = inner.steps;
  for (const EvalDiagnostic& d : diagnostics) {
    std::string where = display_path;
    if (d.range.file == &source) where += LineColumn(source, d.range.begin);
    if (d.limit_exceeded) return call.LimitFail("in template " + where + ": " + d.message);
  }
  for (const EvalDiagnostic& d : diagnostics) {
    std::string where = display_path;
    if (d.range.file == &source) where += LineColumn(source, d.range.begin);
    return call.Fail("in template " + where + ": " + d.message);
  }
  return Derived(Relocate(result, call.range(), &source));
}

Value TemplateFile(Call& call) {
  if (call.context().files == nullptr) return FilesDisabled(call);
  std::string path, full, text;
  if (!call.ArgString(0, &path)) return call.Failed();
  const ValueMap* vars;
  if (!call.ArgMap(1, &vars)) return call.Failed();
  if (!ReadModuleFile(call, path, &full, &text)) return call.Failed();
  if (!IsValidUtf8(text)) return call.Fail("contents of \"" + path + "\" are not valid UTF-8");
  return RenderTemplate(call, full, std::move(text), *vars);
}

Value TemplateString(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  const ValueMap* vars;
  if (!call.ArgMap(1, &vars)) return call.Failed();
  if (text.size() > call.limits().max_template_file_bytes) {
    return call.LimitFail("template string is over the limit of " +
                          std::to_string(call.limits().max_template_file_bytes) + " bytes");
  }
  return RenderTemplate(call, "<templatestring>", std::move(text), *vars);
}

Value BaseName(Call& call) {
  std::string path;
  if (!call.ArgString(0, &path)) return call.Failed();
  if (path.empty()) return call.String(".");
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/") return call.String("/");
  size_t slash = path.rfind('/');
  return call.String(slash == std::string::npos ? path : path.substr(slash + 1));
}

Value DirName(Call& call) {
  std::string path;
  if (!call.ArgString(0, &path)) return call.Failed();
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return call.String(".");
  return call.String(NormalizePath(path.substr(0, slash + 1)));
}

constexpr BuiltinSpec kFileBuiltins[] = {
    {"basename", 1, 1, UnknownPolicy::kDeep, BaseName},
    {"dirname", 1, 1, UnknownPolicy::kDeep, DirName},
    {"file", 1, 1, UnknownPolicy::kDeep, File},
    {"filebase64", 1, 1, UnknownPolicy::kDeep, FileBase64},
    {"filebase64sha256", 1, 1, UnknownPolicy::kDeep, FileHash<Sha256, true>},
    {"filebase64sha512", 1, 1, UnknownPolicy::kDeep, FileHash<Sha512, true>},
    {"fileexists", 1, 1, UnknownPolicy::kDeep, FileExists},
    {"filemd5", 1, 1, UnknownPolicy::kDeep, FileHash<Md5, false>},
    {"fileset", 2, 2, UnknownPolicy::kDeep, FileSet},
    {"filesha1", 1, 1, UnknownPolicy::kDeep, FileHash<Sha1, false>},
    {"filesha256", 1, 1, UnknownPolicy::kDeep, FileHash<Sha256, false>},
    {"filesha512", 1, 1, UnknownPolicy::kDeep, FileHash<Sha512, false>},
    {"templatefile", 2, 2, UnknownPolicy::kShallow, TemplateFile},
    {"templatestring", 2, 2, UnknownPolicy::kShallow, TemplateString},
};

}  // namespace

std::span<const BuiltinSpec> FileBuiltins() { return kFileBuiltins; }

}  // namespace faultline::engine::eval
