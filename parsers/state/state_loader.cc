#include "parsers/state/state_loader.h"

#include <string.h>

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "engine/engine_rules.h"
#include "parsers/state/address.h"
#include "parsers/state/diagnostic_sink.h"
#include "parsers/state/json_cursor.h"
#include "parsers/state/masks.h"
#include "parsers/state/value_reader.h"

namespace faultline::parsers::state {

namespace {

using engine::Resource;
using engine::ResourceKind;
using engine::SourceRange;
using engine::Value;
using Kind = JsonCursor::Kind;
using Paths = std::vector<std::vector<std::string>>;

// Nesting the document structure itself may use around attribute values: the state's own
// levels plus `child_modules` nested up to this many modules deep (two JSON levels each).
constexpr uint32_t kMaxModuleNesting = 64;
constexpr uint32_t kStructureDepth = 8 + 2 * kMaxModuleNesting;

// Real instances take hundreds of bytes of JSON, but `{}` takes two and each costs a few hundred
// bytes of memory: a file may hold at most one instance per kMinBytesPerInstance bytes (and
// kMinInstanceLimit in any case), which no real file reaches and which bounds how much memory a
// hostile file can make the loader allocate per byte.
constexpr uint64_t kMinBytesPerInstance = 64;
constexpr uint64_t kMinInstanceLimit = 1024;

std::string_view KindWord(Kind kind) {
  switch (kind) {
    case Kind::kObject:
      return "an object";
    case Kind::kArray:
      return "an array";
    case Kind::kString:
      return "a string";
    case Kind::kNumber:
      return "a number";
    case Kind::kTrue:
    case Kind::kFalse:
      return "a boolean";
    case Kind::kNull:
      return "null";
    default:
      return "invalid";
  }
}

// The attributes of an instance: a map, or an empty map located at the instance when the file
// has none (or something else than an object).
Value FinishAttributes(bool present, const Value& read, SourceRange object_range) {
  if (present && read.is_map()) return read;
  SourceRange at = present ? read.range() : object_range;
  return Value::Map({}, at);
}

// `address` without its leading module calls (`module.a["k"].module.b[0].`).
std::string_view WithoutModulePath(std::string_view address) {
  while (address.substr(0, 7) == "module.") {
    size_t i = 7;
    while (i < address.size() && address[i] != '.' && address[i] != '[') ++i;
    if (i < address.size() && address[i] == '[') {
      bool quoted = false;
      for (++i; i < address.size(); ++i) {
        if (quoted && address[i] == '\\') {
          ++i;
        } else if (address[i] == '"') {
          quoted = !quoted;
        } else if (!quoted && address[i] == ']') {
          ++i;
          break;
        }
      }
    }
    if (i >= address.size() || address[i] != '.') break;
    address.remove_prefix(i + 1);
  }
  return address;
}

// The kind a `mode` names; nullopt for an unknown mode. Terraform always writes the mode; when
// it is missing (hand-made or third-party files), a data source is recognised by its address
// and anything else is a managed resource.
std::optional<ResourceKind> ModeKind(std::string_view mode, std::string_view address = {}) {
  if (mode == "managed") return ResourceKind::kManaged;
  if (mode == "data") return ResourceKind::kData;
  if (!mode.empty()) return std::nullopt;
  return WithoutModulePath(address).substr(0, 5) == "data." ? ResourceKind::kData
                                                            : ResourceKind::kManaged;
}

ChangeAction ParseAction(std::string_view action) {
  if (action == "no-op") return ChangeAction::kNoOp;
  if (action == "create") return ChangeAction::kCreate;
  if (action == "read") return ChangeAction::kRead;
  if (action == "update") return ChangeAction::kUpdate;
  if (action == "delete") return ChangeAction::kDelete;
  if (action == "forget") return ChangeAction::kForget;
  return ChangeAction::kOther;
}

// state v4 `sensitive_attributes`: a list of paths, each a list of steps
// {"type": "get_attr", "value": "name"} or {"type": "index", "value": {"value": K, "type": T}}.
// Paths with steps of another shape are left out.
Paths SensitiveAttributePaths(const Value& list) {
  Paths out;
  if (!list.is_list()) return out;
  for (const Value& path : list.as_list()) {
    if (!path.is_list()) continue;
    std::vector<std::string> steps;
    bool valid = true;
    for (const Value& step : path.as_list()) {
      const Value* type = step.Get("type");
      const Value* value = step.Get("value");
      if (type == nullptr || value == nullptr || !type->is_string()) {
        valid = false;
        break;
      }
      if (type->as_string() == "get_attr" && value->is_string()) {
        steps.push_back(value->as_string());
        continue;
      }
      if (type->as_string() == "index") {
        const Value* key = value->is_map() ? value->Get("value") : value;
        if (key != nullptr && key->is_string()) {
          steps.push_back(key->as_string());
          continue;
        }
        if (key != nullptr && key->is_number()) {
          steps.push_back(engine::FormatNumber(key->as_number()));
          continue;
        }
      }
      valid = false;
      break;
    }
    if (valid && !steps.empty()) out.push_back(std::move(steps));
  }
  return out;
}

std::vector<std::string> StringList(const Value& list) {
  std::vector<std::string> out;
  if (!list.is_list()) return out;
  for (const Value& item : list.as_list()) {
    if (item.is_string()) out.push_back(item.as_string());
  }
  return out;
}

// The major number of a format_version such as "1.2"; -1 when it does not start with digits.
int FormatMajor(std::string_view version) {
  int major = -1;
  for (char c : version) {
    if (c < '0' || c > '9') break;
    major = (major < 0 ? 0 : major * 10) + (c - '0');
    if (major > 1000) break;
  }
  return major;
}

// The interner's table grows with the file (one slot per 64 bytes, between 2^8 and 2^15
// slots), so small files do not pay for a large table.
uint32_t InternerSlotsLog2(uint32_t file_size) {
  uint32_t bits = 8;
  while (bits < 15 && (uint64_t{1} << bits) * 64 < file_size) ++bits;
  return bits;
}

struct PendingInstance {
  Value index_key;
  Value attributes;
  bool has_attributes = false;
  Value attributes_flat;
  bool has_attributes_flat = false;
  Paths sensitive;
  std::vector<std::string> dependencies;
  bool deposed = false;
  SourceRange range;
};

// A resource object of show/plan `values`, before its module's address is known.
struct PendingShowResource {
  std::string address;
  bool has_address = false;
  std::string mode;
  std::string type;
  std::string name;
  Value index_key;
  Value values;
  bool has_values = false;
  Paths sensitive;
  std::vector<std::string> dependencies;
  bool deposed = false;
  SourceRange range;
};

// Decodes the deferred attributes of one file's `resources` (Resource::deferred_attributes).
class StateAttributeDecoder final : public engine::AttributeDecoder {
 public:
  StateAttributeDecoder(const engine::SourceFile& file, StateFormat format,
                        const StateLimits& limits)
      : file_(file), format_(format), limits_(limits) {}
  Value Decode(const Resource& resource) const override {
    return LoadStateAttributes(file_, format_, resource, limits_);
  }

 private:
  const engine::SourceFile& file_;
  const StateFormat format_;
  const StateLimits limits_;
};

class Loader {
 public:
  Loader(const engine::SourceFile& file, const StateLimits& limits)
      : file_(file),
        limits_(limits),
        load_attributes_(limits.attributes == AttributeLoading::kEager ||
                         (limits.attributes == AttributeLoading::kAuto &&
                          file.size() <= limits.eager_max_bytes)),
        cursor_(file.text(), limits.max_depth + kStructureDepth),
        sink_(&file, &result_.diagnostics),
        instance_limit_(std::min<uint64_t>(
            limits.max_instances,
            std::max<uint64_t>(kMinInstanceLimit, file.size() / kMinBytesPerInstance))),
        interner_(InternerSlotsLog2(file.size())),
        reader_(&cursor_, &file, &sink_, &interner_, limits.max_depth, limits.max_string_bytes) {}

  StateLoadResult Run();

 private:
  SourceRange Range(uint32_t begin, uint32_t end) const { return SourceRange{&file_, begin, end}; }
  size_t InstanceCount() const {
    return v4_resources_.size() + result_.resources.size() + result_.planned.size() +
           result_.changes.size();
  }
  // False (and stop_) once the instance limit is reached, counting the instances read but not
  // yet added (their resource or module object is still open).
  bool RoomForInstance();
  void StructureError(uint32_t begin, uint32_t end, std::string message) {
    sink_.Add(engine::kSyntaxErrorId, begin, end, "invalid Terraform JSON: " + message);
  }
  // Skips the value at the cursor after reporting that it is not what `what` should be.
  void SkipUnexpected(std::string_view what, std::string_view expected);
  bool ReadStringMember(std::string_view what, std::string* out);
  bool ReadValue(Value* out) { return reader_.Read(out); }
  bool ReadEntry(uint32_t key_begin, Value* out);

  void ReadStateVersion();
  void ReadFormatVersion();

  void ParseV4Resources();
  void ParseV4Resource();
  void ParseV4Instance(std::vector<PendingInstance>* pending);
  void FinishV4Resource(uint32_t begin, const std::string& mode, const std::string& type,
                        const std::string& name, const std::string& module,
                        std::vector<PendingInstance>* pending);

  void ParseValues(bool planned);
  void ParseModule(bool planned, uint32_t nesting);
  void ParseShowResource(bool planned, std::vector<PendingShowResource>* pending);
  void FinishShowResources(bool planned, bool has_module_address, const std::string& module,
                           std::vector<PendingShowResource>* pending);

  void ParsePriorState();
  void ParseChanges();
  void ParseChange();
  void ParseChangeBody(ResourceChange* change, Value* after_unknown);

  void ReportCursorError();
  StateFormat DecideFormat();

  const engine::SourceFile& file_;
  const StateLimits& limits_;
  const bool load_attributes_;
  StateLoadResult result_;
  JsonCursor cursor_;
  DiagnosticSink sink_;
  const uint64_t instance_limit_;
  StringInterner interner_;
  ValueReader reader_;

  std::vector<Resource> v4_resources_;          // kept apart until the format is certain
  std::map<std::string, Value> unknown_masks_;  // plan: address -> after_unknown
  size_t pending_instances_ = 0;  // read, in a resource or module object not yet closed
  bool stop_ = false;
  bool unsupported_ = false;
  bool limit_reported_ = false;
  bool saw_version_ = false;
  bool saw_format_version_ = false;
  bool saw_values_ = false;
  bool saw_plan_key_ = false;
  bool saw_other_key_ = false;
};

bool Loader::RoomForInstance() {
  if (InstanceCount() + pending_instances_ < instance_limit_) return true;
  if (!limit_reported_) {
    limit_reported_ = true;
    std::string why =
        instance_limit_ < limits_.max_instances
            ? " (at most one per " + std::to_string(kMinBytesPerInstance) + " bytes of file)"
            : "";
    sink_.Add(engine::kLimitExceededId, cursor_.offset(), cursor_.offset(),
              "more than " + std::to_string(instance_limit_) + " resource instances" + why +
                  ": the rest of the file was not loaded");
  }
  stop_ = true;
  return false;
}

void Loader::SkipUnexpected(std::string_view what, std::string_view expected) {
  Kind kind = cursor_.Peek();
  uint32_t begin = 0, end = 0;
  if (!cursor_.SkipValue(&begin, &end)) return;
  StructureError(begin, end,
                 std::string(what) + " should be " + std::string(expected) + ", not " +
                     std::string(KindWord(kind)));
}

bool Loader::ReadStringMember(std::string_view what, std::string* out) {
  if (cursor_.Peek() != Kind::kString) {
    SkipUnexpected(what, "a string");
    return false;
  }
  std::string_view text;
  uint32_t begin = 0, end = 0;
  if (!cursor_.ReadString(&text, &begin, &end)) return false;
  out->assign(text);
  return true;
}

bool Loader::ReadEntry(uint32_t key_begin, Value* out) {
  Value value;
  if (!reader_.Read(&value)) return false;
  *out = value.WithRange(Range(key_begin, value.range().end));
  return true;
}

void Loader::ReadStateVersion() {
  saw_version_ = true;
  Kind kind = cursor_.Peek();
  uint32_t begin = cursor_.offset(), end = 0;
  std::string shown;
  if (kind == Kind::kNumber) {
    double version = 0;
    if (!cursor_.ReadNumber(&version, &begin, &end)) return;
    if (version == 4) return;
    shown = engine::FormatNumber(version);
  } else {
    if (!cursor_.SkipValue(&begin, &end)) return;
    shown = std::string(file_.text().substr(begin, std::min<uint32_t>(end - begin, 40)));
  }
  std::string message = "unsupported Terraform state format version " + shown +
                        ": faultline reads " + "version 4, written by Terraform 0.12 and later";
  if (kind == Kind::kNumber && FormatMajor(shown) >= 0 && FormatMajor(shown) < 4) {
    message +=
        "; run `terraform state pull > upgraded.tfstate` with Terraform 0.12 or later to "
        "upgrade it";
  } else {
    message += "; was this state written by a newer Terraform, or is it not a state file?";
  }
  sink_.Add(engine::kFileSkippedId, begin, end, std::move(message));
  unsupported_ = true;
  stop_ = true;
}

void Loader::ReadFormatVersion() {
  saw_format_version_ = true;
  uint32_t begin = cursor_.offset();
  std::string version;
  if (!ReadStringMember("\"format_version\"", &version)) return;
  int major = FormatMajor(version);
  if (major == 0 || major == 1) return;
  sink_.Add(engine::kFileSkippedId, begin, cursor_.offset(),
            "unsupported Terraform JSON format_version \"" + version +
                "\": faultline reads `terraform show -json` state and plan output of format "
                "versions 0.x and 1.x (Terraform 0.12 to 1.x)");
  unsupported_ = true;
  stop_ = true;
}

// ---- state v4 ----

void Loader::ParseV4Resources() {
  if (cursor_.Peek() != Kind::kArray) return SkipUnexpected("\"resources\"", "an array");
  if (!cursor_.EnterArray()) return;
  while (!stop_ && cursor_.NextElement()) ParseV4Resource();
}

void Loader::ParseV4Resource() {
  if (cursor_.Peek() != Kind::kObject) return SkipUnexpected("a resource", "an object");
  const uint32_t begin = cursor_.offset();
  if (!cursor_.EnterObject()) return;
  std::string mode, type, name, module;
  std::vector<PendingInstance> pending;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (!stop_ && cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "mode") {
      ReadStringMember("a resource's \"mode\"", &mode);
    } else if (key == "type") {
      ReadStringMember("a resource's \"type\"", &type);
    } else if (key == "name") {
      ReadStringMember("a resource's \"name\"", &name);
    } else if (key == "module") {
      ReadStringMember("a resource's \"module\"", &module);
    } else if (key == "instances") {
      if (cursor_.Peek() != Kind::kArray) {
        SkipUnexpected("a resource's \"instances\"", "an array");
        continue;
      }
      if (!cursor_.EnterArray()) break;
      while (RoomForInstance() && cursor_.NextElement()) ParseV4Instance(&pending);
    } else {
      cursor_.SkipValue();
    }
  }
  // Also after an error or a cut: the instances read completely are kept.
  FinishV4Resource(begin, mode, type, name, module, &pending);
}

void Loader::ParseV4Instance(std::vector<PendingInstance>* pending) {
  if (cursor_.Peek() != Kind::kObject) return SkipUnexpected("a resource instance", "an object");
  PendingInstance instance;
  const uint32_t begin = cursor_.offset();
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  Value value;
  while (cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "attributes") {
      instance.has_attributes = true;
      if (load_attributes_) {
        if (!ReadEntry(key_begin, &instance.attributes)) return;
      } else if (!cursor_.SkipValue()) {
        return;
      }
    } else if (key == "attributes_flat") {
      instance.has_attributes_flat = true;
      if (load_attributes_) {
        if (!ReadEntry(key_begin, &instance.attributes_flat)) return;
      } else if (!cursor_.SkipValue()) {
        return;
      }
    } else if (key == "index_key") {
      if (!ReadValue(&value)) return;
      if (value.is_number() || value.is_string()) instance.index_key = value;
    } else if (key == "sensitive_attributes") {
      if (!ReadValue(&value)) return;
      instance.sensitive = SensitiveAttributePaths(value);
    } else if (key == "dependencies") {
      if (!ReadValue(&value)) return;
      instance.dependencies = StringList(value);
    } else if (key == "deposed") {
      instance.deposed = true;
      if (!cursor_.SkipValue()) return;
    } else if (!cursor_.SkipValue()) {
      return;
    }
  }
  if (!cursor_.ok()) return;
  instance.range = Range(begin, cursor_.offset());
  pending->push_back(std::move(instance));
  ++pending_instances_;
}

void Loader::FinishV4Resource(uint32_t begin, const std::string& mode, const std::string& type,
                              const std::string& name, const std::string& module,
                              std::vector<PendingInstance>* pending) {
  pending_instances_ -= pending->size();
  if (pending->empty()) return;
  std::optional<ResourceKind> kind = ModeKind(mode);
  if (type.empty() || name.empty() || !kind) {
    StructureError(begin, begin + 1,
                   !kind ? "resource with mode \"" + mode + "\" (neither managed nor data) skipped"
                         : "resource without a type or a name skipped");
    return;
  }
  for (PendingInstance& instance : *pending) {
    if (instance.deposed) continue;
    if (!RoomForInstance()) return;
    Resource resource;
    resource.origin = engine::Origin::kState;
    resource.kind = *kind;
    resource.type = type;
    resource.name = name;
    resource.module_address = module;
    resource.index_key = std::move(instance.index_key);
    resource.address =
        FormatResourceAddress(module, *kind == ResourceKind::kData, type, name, resource.index_key);
    if (load_attributes_) {
      resource.attributes = instance.has_attributes
                                ? FinishAttributes(true, instance.attributes, instance.range)
                                : FinishAttributes(instance.has_attributes_flat,
                                                   instance.attributes_flat, instance.range);
    }
    resource.range = instance.range;
    resource.header = Range(instance.range.begin, instance.range.begin + 1);
    if (!instance.sensitive.empty()) {
      result_.sensitive_paths[resource.address] = std::move(instance.sensitive);
    }
    if (!instance.dependencies.empty()) {
      result_.dependencies[resource.address] = std::move(instance.dependencies);
    }
    v4_resources_.push_back(std::move(resource));
  }
  pending->clear();
}

// ---- show -json / plan values ----

void Loader::ParseValues(bool planned) {
  if (cursor_.Peek() != Kind::kObject) {
    if (cursor_.Peek() == Kind::kNull) {
      cursor_.SkipValue();
      return;
    }
    return SkipUnexpected(planned ? "\"planned_values\"" : "\"values\"", "an object");
  }
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (!stop_ && cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "root_module") {
      ParseModule(planned, 0);
    } else {
      cursor_.SkipValue();
    }
  }
}

void Loader::ParseModule(bool planned, uint32_t nesting) {
  if (cursor_.Peek() != Kind::kObject) return SkipUnexpected("a module", "an object");
  if (nesting > kMaxModuleNesting) {
    uint32_t begin = 0, end = 0;
    if (!cursor_.SkipValue(&begin, &end)) return;
    sink_.Add(engine::kLimitExceededId, begin, end,
              "modules nested more than " + std::to_string(kMaxModuleNesting) +
                  " levels deep were not loaded");
    return;
  }
  if (!cursor_.EnterObject()) return;
  std::string module_address;
  bool has_address = false;
  std::vector<PendingShowResource> pending;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (!stop_ && cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "address") {
      has_address = ReadStringMember("a module's \"address\"", &module_address);
    } else if (key == "resources") {
      if (cursor_.Peek() != Kind::kArray) {
        SkipUnexpected("a module's \"resources\"", "an array");
        continue;
      }
      if (!cursor_.EnterArray()) break;
      while (RoomForInstance() && cursor_.NextElement()) ParseShowResource(planned, &pending);
    } else if (key == "child_modules") {
      if (cursor_.Peek() != Kind::kArray) {
        SkipUnexpected("\"child_modules\"", "an array");
        continue;
      }
      if (!cursor_.EnterArray()) break;
      while (!stop_ && cursor_.NextElement()) ParseModule(planned, nesting + 1);
    } else {
      cursor_.SkipValue();
    }
  }
  FinishShowResources(planned, has_address, module_address, &pending);
}

void Loader::ParseShowResource(bool planned, std::vector<PendingShowResource>* pending) {
  if (cursor_.Peek() != Kind::kObject) return SkipUnexpected("a resource", "an object");
  PendingShowResource resource;
  const uint32_t begin = cursor_.offset();
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  Value value;
  const bool load_values = planned || load_attributes_;
  while (cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "address") {
      resource.has_address = ReadStringMember("a resource's \"address\"", &resource.address);
    } else if (key == "mode") {
      ReadStringMember("a resource's \"mode\"", &resource.mode);
    } else if (key == "type") {
      ReadStringMember("a resource's \"type\"", &resource.type);
    } else if (key == "name") {
      ReadStringMember("a resource's \"name\"", &resource.name);
    } else if (key == "index") {
      if (!ReadValue(&value)) return;
      if (value.is_number() || value.is_string()) resource.index_key = value;
    } else if (key == "values") {
      resource.has_values = true;
      if (load_values) {
        if (!ReadEntry(key_begin, &resource.values)) return;
      } else if (!cursor_.SkipValue()) {
        return;
      }
    } else if (key == "sensitive_values" && !planned) {
      if (!ReadValue(&value)) return;
      resource.sensitive = MaskPaths(value);
    } else if (key == "depends_on") {
      if (!ReadValue(&value)) return;
      resource.dependencies = StringList(value);
    } else if (key == "deposed_key") {
      resource.deposed = true;
      if (!cursor_.SkipValue()) return;
    } else if (!cursor_.SkipValue()) {
      return;
    }
  }
  if (!cursor_.ok()) return;
  resource.range = Range(begin, cursor_.offset());
  pending->push_back(std::move(resource));
  ++pending_instances_;
}

void Loader::FinishShowResources(bool planned, bool has_module_address, const std::string& module,
                                 std::vector<PendingShowResource>* pending) {
  pending_instances_ -= pending->size();
  for (PendingShowResource& pr : *pending) {
    if (pr.deposed) continue;
    if (pr.address.empty()) pr.has_address = false;  // an empty "address" counts as absent
    std::optional<ResourceKind> kind = ModeKind(pr.mode, pr.address);
    if (pr.type.empty() || pr.name.empty() || !kind) {
      StructureError(
          pr.range.begin, pr.range.begin + 1,
          !kind ? "resource with mode \"" + pr.mode + "\" (neither managed nor data) skipped"
                : "resource without a type or a name skipped");
      continue;
    }
    if (!RoomForInstance()) return;
    Resource resource;
    resource.origin = engine::Origin::kState;
    resource.kind = *kind;
    resource.type = std::move(pr.type);
    resource.name = std::move(pr.name);
    resource.index_key = std::move(pr.index_key);
    const bool data = *kind == ResourceKind::kData;
    if (has_module_address) {
      resource.module_address = module;
    } else if (pr.has_address) {
      // The module part is what precedes the resource's own part of its address.
      std::string own =
          FormatResourceAddress("", data, resource.type, resource.name, resource.index_key);
      if (pr.address.size() > own.size() + 1 &&
          pr.address.compare(pr.address.size() - own.size(), own.size(), own) == 0 &&
          pr.address[pr.address.size() - own.size() - 1] == '.') {
        resource.module_address = pr.address.substr(0, pr.address.size() - own.size() - 1);
      }
    }
    resource.address = pr.has_address
                           ? std::move(pr.address)
                           : FormatResourceAddress(resource.module_address, data, resource.type,
                                                   resource.name, resource.index_key);
    if (planned || load_attributes_) {
      resource.attributes = FinishAttributes(pr.has_values, pr.values, pr.range);
    }
    resource.range = pr.range;
    resource.header = Range(pr.range.begin, pr.range.begin + 1);
    if (planned) {
      result_.planned.push_back(std::move(resource));
      continue;
    }
    if (!pr.sensitive.empty()) result_.sensitive_paths[resource.address] = std::move(pr.sensitive);
    if (!pr.dependencies.empty()) {
      result_.dependencies[resource.address] = std::move(pr.dependencies);
    }
    result_.resources.push_back(std::move(resource));
  }
  pending->clear();
}

void Loader::ParsePriorState() {
  if (cursor_.Peek() != Kind::kObject) {
    if (cursor_.Peek() == Kind::kNull) {
      cursor_.SkipValue();
      return;
    }
    return SkipUnexpected("\"prior_state\"", "an object");
  }
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  std::string version;
  while (!stop_ && cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "values") {
      ParseValues(false);
    } else if (key == "terraform_version" && result_.terraform_version.empty()) {
      if (ReadStringMember("\"terraform_version\"", &version)) result_.terraform_version = version;
    } else {
      cursor_.SkipValue();
    }
  }
}

// ---- plan resource_changes ----

void Loader::ParseChanges() {
  if (cursor_.Peek() != Kind::kArray) {
    if (cursor_.Peek() == Kind::kNull) {
      cursor_.SkipValue();
      return;
    }
    return SkipUnexpected("\"resource_changes\"", "an array");
  }
  if (!cursor_.EnterArray()) return;
  while (!stop_ && cursor_.NextElement()) ParseChange();
}

void Loader::ParseChange() {
  if (cursor_.Peek() != Kind::kObject) return SkipUnexpected("a resource change", "an object");
  ResourceChange change;
  Value after_unknown;
  std::string mode;
  bool has_address = false;
  const uint32_t begin = cursor_.offset();
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  Value value;
  while (cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "address") {
      has_address = ReadStringMember("a change's \"address\"", &change.address);
    } else if (key == "previous_address") {
      ReadStringMember("a change's \"previous_address\"", &change.previous_address);
    } else if (key == "module_address") {
      ReadStringMember("a change's \"module_address\"", &change.module_address);
    } else if (key == "mode") {
      ReadStringMember("a change's \"mode\"", &mode);
    } else if (key == "type") {
      ReadStringMember("a change's \"type\"", &change.type);
    } else if (key == "name") {
      ReadStringMember("a change's \"name\"", &change.name);
    } else if (key == "index") {
      if (!ReadValue(&value)) return;
      if (value.is_number() || value.is_string()) change.index_key = value;
    } else if (key == "deposed") {
      ReadStringMember("a change's \"deposed\"", &change.deposed);
    } else if (key == "action_reason") {
      ReadStringMember("a change's \"action_reason\"", &change.action_reason);
    } else if (key == "change") {
      if (cursor_.Peek() != Kind::kObject) {
        SkipUnexpected("a change's \"change\"", "an object");
        continue;
      }
      ParseChangeBody(&change, &after_unknown);
    } else if (!cursor_.SkipValue()) {
      return;
    }
  }
  if (!cursor_.ok()) return;
  change.range = Range(begin, cursor_.offset());
  std::optional<ResourceKind> kind = ModeKind(mode, change.address);
  if (change.type.empty() || change.name.empty() || !kind) {
    StructureError(
        begin, begin + 1,
        !kind ? "resource change with mode \"" + mode + "\" (neither managed nor data) skipped"
              : "resource change without a type or a name skipped");
    return;
  }
  if (!RoomForInstance()) return;
  change.kind = *kind;
  if (!has_address || change.address.empty()) {  // an empty "address" counts as absent
    change.address = FormatResourceAddress(change.module_address, *kind == ResourceKind::kData,
                                           change.type, change.name, change.index_key);
  }
  change.after = ApplyUnknownMask(change.after, after_unknown, change.address);
  if (change.deposed.empty() && !after_unknown.is_null()) {
    unknown_masks_[change.address] = std::move(after_unknown);
  }
  result_.changes.push_back(std::move(change));
}

void Loader::ParseChangeBody(ResourceChange* change, Value* after_unknown) {
  if (!cursor_.EnterObject()) return;
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  Value value;
  while (cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "actions") {
      if (!ReadValue(&value)) return;
      for (const std::string& action : StringList(value)) {
        change->actions.push_back(ParseAction(action));
      }
    } else if (key == "before") {
      if (!ReadValue(&change->before)) return;
    } else if (key == "after") {
      if (!ReadValue(&change->after)) return;
    } else if (key == "after_unknown") {
      if (!ReadValue(after_unknown)) return;
    } else if (key == "after_sensitive") {
      if (!ReadValue(&value)) return;
      change->after_sensitive = MaskPaths(value);
    } else if (!cursor_.SkipValue()) {
      return;
    }
  }
}

// ---- the document ----

void Loader::ReportCursorError() {
  const size_t kept = InstanceCount();
  std::string tail;
  if (kept > 0) {
    tail = "; the " + std::to_string(kept) + " resource instance" + (kept == 1 ? "" : "s") +
           " before it " + (kept == 1 ? "was" : "were") + " loaded";
  }
  switch (cursor_.error_kind()) {
    case JsonCursor::ErrorKind::kUnexpectedEnd:
      sink_.Add(engine::kSyntaxErrorId, file_.size(), file_.size(),
                "file ends in the middle of the JSON document (truncated?)" + tail);
      break;
    case JsonCursor::ErrorKind::kDepth:
      sink_.Add(engine::kLimitExceededId, cursor_.error_offset(), cursor_.error_offset(),
                cursor_.error_message() + ": the rest of the file was not loaded" + tail);
      break;
    case JsonCursor::ErrorKind::kSyntax:
    case JsonCursor::ErrorKind::kNone:
      sink_.Add(engine::kSyntaxErrorId, cursor_.error_offset(), cursor_.error_offset(),
                "invalid JSON: " + cursor_.error_message() + tail);
      break;
  }
}

StateFormat Loader::DecideFormat() {
  if (saw_version_) return StateFormat::kStateV4;
  if (saw_format_version_) {
    if (saw_plan_key_) return StateFormat::kPlanJson;
    if (saw_values_ || !saw_other_key_) return StateFormat::kShowJson;
  }
  return StateFormat::kNotState;
}

// How many `"attributes"` keys `text` holds: the number of state v4 instances (or a little
// more, when attribute values have such keys too). A memmem pass costs a few percent of a load.
size_t CountAttributeKeys(std::string_view text) {
  static constexpr std::string_view kKey = "\"attributes\"";
  size_t count = 0;
  const char* p = text.data();
  const char* end = text.data() + text.size();
  while (p < end) {
    const void* hit = memmem(p, static_cast<size_t>(end - p), kKey.data(), kKey.size());
    if (hit == nullptr) break;
    ++count;
    p = static_cast<const char*>(hit) + kKey.size();
  }
  return count;
}

StateLoadResult Loader::Run() {
  if (!load_attributes_) {
    // Large file: reserve the instances up front, so that the vector's last doublings (the old
    // and the new buffer alive at once, the slack after) do not add to the memory peak. Real
    // instances take more than 256 bytes; the bound keeps a file of "attributes" strings from
    // reserving much (and untouched reserved pages are not resident anyway).
    v4_resources_.reserve(std::min<uint64_t>(
        {CountAttributeKeys(file_.text()), instance_limit_, file_.size() / 256}));
  }
  Kind first = cursor_.Peek();
  if (first == Kind::kEnd) {
    sink_.Add(engine::kFileSkippedId, 0, 0,
              "empty file: not a Terraform state, `terraform show -json` output or plan JSON");
    return std::move(result_);
  }
  if (first != Kind::kObject) {
    if (first == Kind::kInvalid || !cursor_.SkipValue()) {
      if (first == Kind::kInvalid) cursor_.EnterObject();  // records what was found
      sink_.Add(engine::kSyntaxErrorId, cursor_.error_offset(), cursor_.error_offset(),
                "not JSON: " + cursor_.error_message());
    } else {
      sink_.Add(engine::kFileSkippedId, cursor_.offset(), cursor_.offset(),
                "not a Terraform state, `terraform show -json` output or plan JSON: the document "
                "is " +
                    std::string(KindWord(first)) + ", not an object");
    }
    return std::move(result_);
  }
  cursor_.EnterObject();
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  while (!stop_ && cursor_.NextMember(&key, &key_begin, &key_end)) {
    if (key == "version") {
      ReadStateVersion();
    } else if (key == "format_version") {
      ReadFormatVersion();
    } else if (key == "terraform_version") {
      ReadStringMember("\"terraform_version\"", &result_.terraform_version);
    } else if (key == "resources") {
      ParseV4Resources();
    } else if (key == "values") {
      saw_values_ = true;
      ParseValues(false);
    } else if (key == "prior_state") {
      saw_plan_key_ = true;
      ParsePriorState();
    } else if (key == "planned_values") {
      saw_plan_key_ = true;
      ParseValues(true);
    } else if (key == "resource_changes") {
      saw_plan_key_ = true;
      ParseChanges();
    } else if (key == "variables" || key == "configuration" || key == "resource_drift" ||
               key == "output_changes" || key == "relevant_attributes") {
      saw_plan_key_ = true;
      cursor_.SkipValue();
    } else {
      if (key != "outputs" && key != "check_results" && key != "checks") saw_other_key_ = true;
      cursor_.SkipValue();
    }
  }
  if (!cursor_.ok()) {
    ReportCursorError();
  } else if (!stop_ && cursor_.Peek() != Kind::kEnd) {
    sink_.Add(engine::kSyntaxErrorId, cursor_.offset(), cursor_.offset(),
              "invalid JSON: unexpected content after the end of the document");
  }

  result_.format = DecideFormat();
  if (result_.format == StateFormat::kNotState && !unsupported_) {
    std::string why = saw_format_version_
                          ? "it has a format_version but no values, planned_values or "
                            "resource_changes (provider schemas or other Terraform JSON?)"
                          : "its top-level object has neither a state \"version\" nor a "
                            "\"format_version\"";
    sink_.Add(engine::kFileSkippedId, 0, 0,
              "not a Terraform state, `terraform show -json` output or plan JSON: " + why);
  }
  if (result_.format == StateFormat::kStateV4) {
    result_.resources = std::move(v4_resources_);
  } else {
    // Modules are finished when their object closes, so a child module's resources come before
    // the rest of its parent's: restore the order of the file.
    auto by_position = [](const Resource& a, const Resource& b) {
      return a.range.begin < b.range.begin;
    };
    std::stable_sort(result_.resources.begin(), result_.resources.end(), by_position);
    std::stable_sort(result_.planned.begin(), result_.planned.end(), by_position);
  }
  result_.attributes_deferred = !load_attributes_;
  if (result_.format == StateFormat::kNotState || unsupported_) {
    result_.resources.clear();
    result_.planned.clear();
    result_.changes.clear();
    result_.sensitive_paths.clear();
    result_.dependencies.clear();
  }
  if (!load_attributes_ && !result_.resources.empty()) {
    auto decoder = std::make_shared<const StateAttributeDecoder>(file_, result_.format, limits_);
    for (Resource& resource : result_.resources) resource.deferred_attributes = decoder;
  }
  for (Resource& resource : result_.planned) {
    auto it = unknown_masks_.find(resource.address);
    if (it != unknown_masks_.end()) {
      resource.attributes = ApplyUnknownMask(resource.attributes, it->second, resource.address);
    }
    // Attributes are always a map. A mask that makes the whole object unknown (an
    // `after_unknown` of `true`, or of another shape) leaves an open map: every attribute is
    // then "known after apply".
    if (!resource.attributes.is_map()) {
      resource.attributes = Value::Map({}, resource.range, resource.address);
    }
  }
  sink_.Finish();
  return std::move(result_);
}

}  // namespace

std::string_view StateFormatName(StateFormat format) {
  switch (format) {
    case StateFormat::kStateV4:
      return "state";
    case StateFormat::kShowJson:
      return "show-json";
    case StateFormat::kPlanJson:
      return "plan-json";
    case StateFormat::kNotState:
      break;
  }
  return "not-state";
}

std::string_view ChangeActionName(ChangeAction action) {
  switch (action) {
    case ChangeAction::kNoOp:
      return "no-op";
    case ChangeAction::kCreate:
      return "create";
    case ChangeAction::kRead:
      return "read";
    case ChangeAction::kUpdate:
      return "update";
    case ChangeAction::kDelete:
      return "delete";
    case ChangeAction::kForget:
      return "forget";
    case ChangeAction::kOther:
      break;
  }
  return "other";
}

bool ResourceChange::IsReplace() const {
  return actions.size() == 2 &&
         ((actions[0] == ChangeAction::kDelete && actions[1] == ChangeAction::kCreate) ||
          (actions[0] == ChangeAction::kCreate && actions[1] == ChangeAction::kDelete));
}

StateLoadResult LoadTerraformState(const engine::SourceFile& file, const StateLimits& limits) {
  Loader loader(file, limits);
  return loader.Run();
}

Value LoadStateAttributes(const engine::SourceFile& file, StateFormat format,
                          const Resource& resource, const StateLimits& limits) {
  if (resource.range.file != &file || resource.range.begin >= file.size()) return Value();
  if (!resource.attributes.is_null()) return resource.attributes;
  if (format == StateFormat::kNotState) return Value();
  // The members the load reads: a v4 instance's attributes (or, in states upgraded from v3,
  // attributes_flat), a show/plan resource's values.
  const bool v4 = format == StateFormat::kStateV4;
  std::vector<engine::Finding> ignored;
  DiagnosticSink sink(&file, &ignored);
  JsonCursor cursor(file.text(), limits.max_depth + kStructureDepth, resource.range.begin);
  ValueReader reader(&cursor, &file, &sink, nullptr, limits.max_depth, limits.max_string_bytes);
  if (!cursor.EnterObject()) return Value();
  std::string_view key;
  uint32_t key_begin = 0, key_end = 0;
  Value attributes, flat;
  bool has_attributes = false, has_flat = false;
  auto read_entry = [&](Value* out) {
    Value value;
    if (!reader.Read(&value)) return false;
    *out = value.WithRange(SourceRange{&file, key_begin, value.range().end});
    return true;
  };
  while (cursor.NextMember(&key, &key_begin, &key_end)) {
    if (key == (v4 ? "attributes" : "values")) {
      if (!read_entry(&attributes)) return Value();
      has_attributes = true;
    } else if (v4 && key == "attributes_flat") {
      if (!read_entry(&flat)) return Value();
      has_flat = true;
    } else if (!cursor.SkipValue()) {
      return Value();
    }
  }
  if (!cursor.ok()) return Value();
  if (has_attributes) return FinishAttributes(true, attributes, resource.range);
  return FinishAttributes(has_flat, flat, resource.range);
}

}  // namespace faultline::parsers::state
