// Value: the engine's dynamic value, as Terraform and Kubernetes values are evaluated.
//
// Kinds: null, bool, number, string, list, map, and Unknown. Unknown stands for anything the
// engine cannot resolve (a computed attribute, a remote module output, a data source); it carries
// a reason and, when it comes from a reference, the referenced resource address and attribute.
// Every operation on Unknown yields Unknown. Rules never report on Unknown.
//
// Maps are ordered by key (as Terraform iterates maps and objects). A map can be "open": it stands
// for a resource instance whose unlisted attributes are computed, so the evaluator's attribute
// access on a missing key yields Unknown instead of an error (`Get` still returns nullptr).
//
// Location: `range()` is where the value sits in the thing that holds it (for a resource
// attribute, the whole `name = expr` attribute); `origin()` is where the datum was written (e.g.
// a variable's default). Values are immutable and cheap to copy (payloads are shared); they are
// safe to read from many threads at once.
#ifndef FAULTLINE_ENGINE_VALUE_H_
#define FAULTLINE_ENGINE_VALUE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/source_range.h"
#include "engine/value_map.h"

namespace faultline::engine {

class Value;
using ValueList = std::vector<Value>;

// Why a value is Unknown, and which reference produced it (empty when not from a reference).
struct UnknownInfo {
  std::string reason;     // e.g. "computed attribute aws_subnet.a.id"
  std::string address;    // e.g. "aws_subnet.a" or "module.vpc" (may be empty)
  std::string attribute;  // e.g. "id" (may be empty)
  // What is known of a value that is only partly unknown, for rules that must not miss a
  // literal violation beside an unknown part: for jsonencode(x), the value x (with Unknown
  // inside); for a template, its text with each unknown part replaced by kUnknownText.
  // Null when nothing useful is known.
  std::shared_ptr<const Value> partial;
};

// Stands for an unknown part inside the partial text of a template (UnknownInfo::partial).
inline constexpr std::string_view kUnknownText = "(known after apply)";

class Value {
 public:
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kList, kMap, kUnknown };
  // kExplicit: written in a file. kDefaulted: a default the engine or a variable supplied.
  // kDerived: computed by an expression or function from other values.
  enum class Provenance : uint8_t { kExplicit, kDefaulted, kDerived };

  Value() = default;  // null, nowhere
  Value(const Value& other) noexcept
      : kind_(other.kind_),
        provenance_(other.provenance_),
        bool_(other.bool_),
        slot_(other.slot_),
        range_(other.range_),
        origin_(other.origin_) {
    if (HasPayload()) slot_.payload->references.fetch_add(1, std::memory_order_relaxed);
  }
  Value(Value&& other) noexcept
      : kind_(other.kind_),
        provenance_(other.provenance_),
        bool_(other.bool_),
        slot_(other.slot_),
        range_(other.range_),
        origin_(other.origin_) {
    other.kind_ = Kind::kNull;  // the payload reference moved here
  }
  Value& operator=(const Value& other) noexcept {
    Value copy(other);
    return *this = std::move(copy);
  }
  Value& operator=(Value&& other) noexcept {
    if (this != &other) {
      ReleasePayload();
      kind_ = other.kind_;
      provenance_ = other.provenance_;
      bool_ = other.bool_;
      slot_ = other.slot_;
      range_ = other.range_;
      origin_ = other.origin_;
      other.kind_ = Kind::kNull;
    }
    return *this;
  }
  ~Value() { ReleasePayload(); }
  static Value Null(SourceRange range = {});
  static Value Bool(bool value, SourceRange range = {});
  static Value Number(double value, SourceRange range = {});
  static Value String(std::string value, SourceRange range = {});
  static Value List(ValueList elements, SourceRange range = {});
  // `open_address` non-empty makes an open map standing for that resource instance.
  static Value Map(ValueMap entries, SourceRange range = {}, std::string open_address = {});
  static Value Unknown(std::string reason, SourceRange range = {}, std::string address = {},
                       std::string attribute = {});
  // An Unknown that remembers what is known of it (see UnknownInfo::partial).
  static Value PartlyUnknown(std::string reason, Value partial, SourceRange range = {},
                             std::string address = {}, std::string attribute = {});

  Kind kind() const { return kind_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_number() const { return kind_ == Kind::kNumber; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_list() const { return kind_ == Kind::kList; }
  bool is_map() const { return kind_ == Kind::kMap; }
  bool is_unknown() const { return kind_ == Kind::kUnknown; }
  // True when neither this value nor anything inside it is Unknown.
  bool IsWhollyKnown() const;

  // Accessors; each requires the matching kind (checked with assert; returns an empty/zero
  // value on a mismatch in release builds).
  bool as_bool() const;
  double as_number() const;
  const std::string& as_string() const;
  const ValueList& as_list() const;
  const ValueMap& as_map() const;
  const UnknownInfo& unknown() const;
  // For Unknown values, the partly known value (UnknownInfo::partial); nullptr otherwise.
  const Value* partial() const;
  // Non-empty for open maps (resource instances): the instance address.
  const std::string& open_address() const;

  // Map entry by key; nullptr when this is not a map or the key is absent.
  const Value* Get(std::string_view key) const;
  // List element; nullptr when this is not a list or the index is out of range.
  const Value* At(size_t index) const;
  // Follows a path such as {"ingress", "0", "cidr_blocks"}: map keys, and decimal list indexes.
  const Value* Find(const std::vector<std::string>& path) const;
  // Number of elements of a list or map, characters of a string; 0 otherwise.
  size_t size() const;

  // The address of the stored string, list or map this value shares with its copies (null for
  // null, bool and number): equal non-null identities mean the same stored content.
  const void* identity() const { return HasPayload() ? slot_.payload : nullptr; }

  SourceRange range() const { return range_; }
  SourceRange origin() const { return origin_; }
  Provenance provenance() const { return provenance_; }
  // Copies with a new location or provenance. WithRange keeps the origin (or sets it to the old
  // range when the origin was empty) so "written here, defined there" survives.
  Value WithRange(SourceRange range) const&;
  Value WithRange(SourceRange range) &&;
  Value WithOrigin(SourceRange origin) const;
  Value WithProvenance(Provenance provenance) const;

  // Structural equality of known values, ignoring locations. Unknown equals nothing.
  bool Equals(const Value& other) const;
  // A short human-readable rendering for messages: strings quoted, lists/maps abbreviated.
  std::string ToDisplayString(size_t max_length = 80) const;
  // Kind name as Terraform's type system says it: "null", "bool", "number", "string", "list",
  // "map", "unknown".
  static std::string_view KindName(Kind kind);

 private:
  // The shared, immutable content of a string, list, map or Unknown, with its reference count;
  // each kind has its own derived type (value.cc), so `kind_` says which one a payload is.
  struct Payload {
    mutable std::atomic<uint32_t> references{1};
    struct Text;
    struct Elements;
    struct Entries;
    struct Unresolved;
  };
  // A number, or the payload reference of a kind that has one (HasPayload).
  union Slot {
    double number;
    const Payload* payload;
  };
  bool HasPayload() const { return kind_ >= Kind::kString; }
  void ReleasePayload() {
    if (HasPayload() && slot_.payload->references.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      DestroyPayload(kind_, slot_.payload);
    }
  }
  static void DestroyPayload(Kind kind, const Payload* payload);

  // 48 bytes: kind, provenance and bool share a word; a number and a payload share the slot.
  Kind kind_ = Kind::kNull;
  Provenance provenance_ = Provenance::kExplicit;
  bool bool_ = false;
  Slot slot_{0.0};
  SourceRange range_;
  SourceRange origin_;
};

// Formats a number as Terraform does: integers without a decimal point, others shortest
// round-trip ("1.5", "1e+21" stays "1e+21").
std::string FormatNumber(double number);

// ValueMap's inline and template members, which need the complete Value.

inline ValueMap::const_iterator ValueMap::cbegin() const { return begin(); }
inline ValueMap::const_iterator ValueMap::cend() const { return end(); }
inline size_t ValueMap::size() const { return entries_.size(); }
inline bool ValueMap::empty() const { return entries_.empty(); }
inline void ValueMap::clear() {
  entries_.clear();
  sorted_ = 0;
}
inline void ValueMap::reserve(size_t n) { entries_.reserve(n); }
inline bool ValueMap::HasTail() const { return sorted_ != entries_.size(); }
inline size_t ValueMap::count(std::string_view key) const {
  return find(key) != entries_.cend() ? 1 : 0;
}
inline bool ValueMap::contains(std::string_view key) const { return find(key) != entries_.cend(); }

template <typename It>
ValueMap::ValueMap(It first, It last) {
  for (; first != last; ++first) try_emplace(first->first, first->second);
}

template <typename K, typename V>
std::pair<ValueMap::iterator, bool> ValueMap::emplace(K&& key, V&& value) {
  return try_emplace(std::forward<K>(key), std::forward<V>(value));
}
inline std::pair<ValueMap::iterator, bool> ValueMap::insert(const value_type& entry) {
  return try_emplace(entry.first, entry.second);
}
inline std::pair<ValueMap::iterator, bool> ValueMap::insert(value_type&& entry) {
  return try_emplace(std::move(entry.first), std::move(entry.second));
}
template <typename It>
void ValueMap::insert(It first, It last) {
  for (; first != last; ++first) try_emplace(first->first, first->second);
}
template <typename K>
Value& ValueMap::operator[](K&& key) {
  return try_emplace(std::forward<K>(key)).first->second;
}
template <typename K, typename V>
ValueMap::iterator ValueMap::insert_or_assign(const_iterator /*hint*/, K&& key, V&& value) {
  return insert_or_assign(std::forward<K>(key), std::forward<V>(value)).first;
}

template <typename K, typename... Args>
ValueMap::iterator ValueMap::Append(std::string_view view, K&& key, Args&&... args) {
  // A tail longer than about the square root of the map is merged first (see value_map.h).
  size_t tail = entries_.size() - sorted_;
  if (tail >= 8 && tail * tail >= entries_.size()) Consolidate();
  bool in_order = !HasTail() && (entries_.empty() || entries_.back().first.compare(view) < 0);
  entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::forward<K>(key)),
                        std::forward_as_tuple(std::forward<Args>(args)...));
  if (in_order) ++sorted_;
  return entries_.end() - 1;
}

template <typename K, typename... Args>
std::pair<ValueMap::iterator, bool> ValueMap::try_emplace(K&& key, Args&&... args) {
  std::string_view view(key);
  if (!HasTail() && (entries_.empty() || entries_.back().first.compare(view) < 0)) {
    // Keys in order (the common case): extends the sorted part, nothing to search or merge.
    entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(std::forward<K>(key)),
                          std::forward_as_tuple(std::forward<Args>(args)...));
    ++sorted_;
    return {entries_.end() - 1, true};
  }
  iterator found = find(view);
  if (found != entries_.end()) return {found, false};
  return {Append(view, std::forward<K>(key), std::forward<Args>(args)...), true};
}

template <typename K, typename V>
std::pair<ValueMap::iterator, bool> ValueMap::insert_or_assign(K&& key, V&& value) {
  std::string_view view(key);
  iterator found = find(view);
  if (found != entries_.end()) {
    found->second = std::forward<V>(value);
    return {found, false};
  }
  return {Append(view, std::forward<K>(key), std::forward<V>(value)), true};
}

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_VALUE_H_
