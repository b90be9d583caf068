// Collection functions: length, lookup, element, merge, concat, flatten, keys/values, zipmap,
// set operations, slices, sorting and the boolean/number aggregates.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "engine/eval/builtins.h"
#include "engine/eval/text.h"

namespace faultline::engine::eval {

namespace {

bool IsOpen(const Value& v) { return v.is_map() && !v.open_address().empty(); }

Value OpenUnknown(Call& call, const Value& v) {
  return Value::Unknown("computed attributes of " + v.open_address(), call.range(),
                        v.open_address());
}

Value Length(Call& call) {
  const Value& v = call.arg(0);
  switch (v.kind()) {
    case Value::Kind::kString:
      return call.Number(static_cast<double>(GraphemeCount(v.as_string())));
    case Value::Kind::kList:
      return call.Number(static_cast<double>(v.as_list().size()));
    case Value::Kind::kMap:
      if (IsOpen(v)) return OpenUnknown(call, v);
      return call.Number(static_cast<double>(v.as_map().size()));
    case Value::Kind::kNull:
      return call.Fail("argument must not be null");
    default:
      return call.Fail("argument must be a string, a collection type, or a structural type, not " +
                       TypeName(v));
  }
}

Value Lookup(Call& call) {
  const Value& map = call.arg(0);
  const Value& key = call.arg(1);
  if (map.is_unknown()) return call.Propagate(map);
  if (key.is_unknown()) return call.Propagate(key);
  const ValueMap* entries;
  if (!call.ArgMap(0, &entries)) return call.Failed();
  std::string name;
  if (!call.ArgString(1, &name)) return call.Failed();
  if (const Value* found = map.Get(name)) return *found;
  if (IsOpen(map)) {
    return Value::Unknown("computed attribute " + map.open_address() + "." + name, call.range(),
                          map.open_address(), name);
  }
  if (call.size() == 3) return call.arg(2);
  return call.Fail("the given key \"" + name + "\" does not identify an element in this map");
}

Value Element(Call& call) {
  const ValueList* list;
  int64_t index;
  if (!call.ArgList(0, &list) || !call.ArgInteger(1, &index)) return call.Failed();
  if (list->empty()) return call.Fail("cannot use element function with an empty list");
  if (index < 0) return call.Fail("cannot use element function with a negative index");
  return (*list)[static_cast<size_t>(index) % list->size()];
}

Value Merge(Call& call) {
  ValueMap out;
  std::string open;
  for (size_t i = 0; i < call.size(); ++i) {
    const Value& v = call.arg(i);
    if (v.is_null()) continue;
    if (!v.is_map()) {
      return call.Fail("arguments must be maps or objects, got " + TypeName(v));
    }
    if (IsOpen(v)) open = v.open_address();
    for (const auto& [key, element] : v.as_map()) out.insert_or_assign(key, element);
  }
  if (!call.CheckElements(out.size()) || !call.Charge(out.size())) return call.Failed();
  return Derived(Value::Map(std::move(out), call.range(), open));
}

Value Concat(Call& call) {
  if (call.size() == 0) return call.Fail("at least one argument is required");
  ValueList out;
  for (size_t i = 0; i < call.size(); ++i) {
    const ValueList* list;
    if (!call.ArgList(i, &list)) {
      return call.Failed();
    }
    if (!call.CheckElements(out.size() + list->size())) return call.Failed();
    out.insert(out.end(), list->begin(), list->end());
  }
  return call.List(std::move(out));
}

// Appends the flattened elements of `list`; false when an unknown element makes the result
// unknown (`*unknown` set) or a limit is hit.
bool FlattenInto(Call& call, const ValueList& list, uint32_t depth, ValueList* out,
                 Value* unknown) {
  if (depth > call.limits().max_expression_depth) {
    call.LimitFail("flatten: the list is nested too deeply");
    return false;
  }
  for (const Value& element : list) {
    if (element.is_unknown()) {
      *unknown = element;
      return false;
    }
    if (element.is_list()) {
      if (!FlattenInto(call, element.as_list(), depth + 1, out, unknown)) return false;
    } else {
      out->push_back(element);
      if (!call.CheckElements(out->size())) return false;
    }
  }
  return true;
}

Value Flatten(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_unknown()) return call.Propagate(v);
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  ValueList out;
  Value unknown;
  if (!FlattenInto(call, *list, 0, &out, &unknown)) {
    if (call.failed()) return call.Failed();
    return call.Propagate(unknown);
  }
  return call.List(std::move(out));
}

Value Keys(Call& call) {
  const Value& v = call.arg(0);
  const ValueMap* map;
  if (!call.ArgMap(0, &map)) return call.Failed();
  if (IsOpen(v)) return OpenUnknown(call, v);
  ValueList out;
  out.reserve(map->size());
  for (const auto& [key, element] : *map) {
    out.push_back(Derived(Value::String(key, call.range())));
  }
  return call.List(std::move(out));
}

Value Values(Call& call) {
  const Value& v = call.arg(0);
  const ValueMap* map;
  if (!call.ArgMap(0, &map)) return call.Failed();
  if (IsOpen(v)) return OpenUnknown(call, v);
  ValueList out;
  out.reserve(map->size());
  for (const auto& [key, element] : *map) out.push_back(element);
  return call.List(std::move(out));
}

Value Zipmap(Call& call) {
  const ValueList* keys;
  const ValueList* values;
  if (!call.ArgList(0, &keys) || !call.ArgList(1, &values)) return call.Failed();
  Value unknown;
  if (FindUnknown(call.arg(0), true, &unknown)) return call.Propagate(unknown);
  if (keys->size() != values->size()) {
    return call.Fail("number of keys (" + std::to_string(keys->size()) +
                     ") does not match number of values (" + std::to_string(values->size()) + ")");
  }
  ValueMap out;
  for (size_t i = 0; i < keys->size(); ++i) {
    std::string key, error;
    if (!ToStringValue((*keys)[i], &key, &error)) {
      return call.Fail("invalid key at index " + std::to_string(i) + ": " + error);
    }
    out.insert_or_assign(std::move(key), (*values)[i]);
  }
  return call.Map(std::move(out));
}

Value Contains(Call& call) {
  const Value& list_value = call.arg(0);
  const Value& needle = call.arg(1);
  if (list_value.is_unknown()) return call.Propagate(list_value);
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  Value unknown;
  if (FindUnknown(needle, true, &unknown)) return call.Propagate(unknown);
  bool maybe = false;
  Value first_unknown;
  for (const Value& element : *list) {
    Tri t = EqualsTri(element, needle);
    if (t == Tri::kTrue) return call.Bool(true);
    if (t == Tri::kUnknown && !maybe) {
      maybe = true;
      if (!FindUnknown(element, true, &first_unknown))
        first_unknown = Value::Unknown("unknown element");
    }
  }
  if (maybe) return call.Propagate(first_unknown);
  return call.Bool(false);
}

Value Index(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  for (size_t i = 0; i < list->size(); ++i) {
    if ((*list)[i].Equals(call.arg(1))) return call.Number(static_cast<double>(i));
  }
  return call.Fail("item not found");
}

Value Distinct(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  ValueList out;
  for (const Value& element : *list) {
    if (!call.Charge(out.size() / 8 + 1)) return call.Failed();
    bool seen =
        std::any_of(out.begin(), out.end(), [&](const Value& v) { return v.Equals(element); });
    if (!seen) out.push_back(element);
  }
  return call.List(std::move(out));
}

Value Compact(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  ValueList out;
  for (const Value& element : *list) {
    if (element.is_null()) continue;
    std::string text, error;
    if (!ToStringValue(element, &text, &error)) return call.Fail("invalid element: " + error);
    if (text.empty()) continue;
    out.push_back(element.is_string() ? element
                                      : Derived(Value::String(std::move(text), element.range())));
  }
  return call.List(std::move(out));
}

Value Coalesce(Call& call) {
  bool mixed_primitives = false;
  {
    bool s = false, n = false, b = false;
    for (const Value& v : call.args()) {
      s |= v.is_string();
      n |= v.is_number();
      b |= v.is_bool();
    }
    mixed_primitives = int(s) + int(n) + int(b) > 1;
  }
  for (const Value& v : call.args()) {
    if (v.is_unknown()) return call.Propagate(v);
    if (v.is_null()) continue;
    if (v.is_string() && v.as_string().empty()) continue;
    if (mixed_primitives && (v.is_number() || v.is_bool())) {
      std::string text, error;
      ToStringValue(v, &text, &error);
      return Derived(Value::String(std::move(text), v.range()));
    }
    return v;
  }
  return call.Fail("no non-null, non-empty-string arguments");
}

Value CoalesceList(Call& call) {
  for (size_t i = 0; i < call.size(); ++i) {
    const Value& v = call.arg(i);
    if (v.is_unknown()) return call.Propagate(v);
    if (v.is_null()) continue;
    if (!v.is_list()) return call.Fail("coalescelist arguments must be lists, not " + TypeName(v));
    if (!v.as_list().empty()) return v;
  }
  return call.Fail("no non-null, non-empty arguments");
}

Value One(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_null()) return call.Fail("argument must not be null");
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  if (list->empty()) return Value::Null(call.range());
  if (list->size() == 1) return list->front();
  return call.Fail("must be a list, set, or tuple value with either zero or one elements");
}

Value Range(Call& call) {
  double args[3];
  for (size_t i = 0; i < call.size(); ++i) {
    if (!call.ArgNumber(i, &args[i])) return call.Failed();
  }
  double start = 0, end = 0, step = 1;
  if (call.size() == 1) {
    end = args[0];
    step = end < 0 ? -1 : 1;
  } else if (call.size() == 2) {
    start = args[0];
    end = args[1];
    step = end < start ? -1 : 1;
  } else {
    start = args[0];
    end = args[1];
    step = args[2];
  }
  if (step == 0) return call.Fail("step must not be zero");
  if (step < 0 && end > start)
    return call.Fail("end must be less than start when step is negative");
  if (step > 0 && end < start) {
    return call.Fail("end must be greater than start when step is positive");
  }
  double count = std::ceil((end - start) / step);
  if (!(count >= 0)) count = 0;
  if (count > static_cast<double>(call.limits().max_collection_elements)) {
    return call.LimitFail("range would produce " + FormatNumber(count) +
                          " values, over the limit of " +
                          std::to_string(call.limits().max_collection_elements) + " elements");
  }
  if (count > 1024) {
    return call.Fail(
        "more than 1024 values were generated; either decrease the difference "
        "between start and end or use a smaller step");
  }
  ValueList out;
  double value = start;
  while (step > 0 ? value < end : value > end) {
    out.push_back(Derived(Value::Number(value, call.range())));
    value += step;
  }
  return call.List(std::move(out));
}

Value Reverse(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  return call.List(ValueList(list->rbegin(), list->rend()));
}

Value Slice(Call& call) {
  const ValueList* list;
  int64_t start, end;
  if (!call.ArgList(0, &list) || !call.ArgInteger(1, &start) || !call.ArgInteger(2, &end)) {
    return call.Failed();
  }
  if (start < 0) return call.Fail("the start index must not be less than zero");
  if (end > static_cast<int64_t>(list->size())) {
    return call.Fail("the end index must not be greater than the length of the list");
  }
  if (start > end) return call.Fail("the start index must not be greater than the end index");
  return call.List(ValueList(list->begin() + start, list->begin() + end));
}

Value Sort(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  std::vector<std::string> strings;
  for (const Value& element : *list) {
    std::string text, error;
    if (!ToStringValue(element, &text, &error)) return call.Fail("invalid element: " + error);
    strings.push_back(std::move(text));
  }
  std::sort(strings.begin(), strings.end());
  ValueList out;
  for (std::string& s : strings) out.push_back(Derived(Value::String(std::move(s), call.range())));
  return call.List(std::move(out));
}

Value Sum(Call& call) {
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  if (list->empty()) return call.Fail("cannot sum an empty list");
  double total = 0;
  for (const Value& element : *list) {
    double n;
    std::string error;
    if (!ToNumberValue(element, &n, &error)) return call.Fail("invalid element: " + error);
    total += n;
  }
  return call.Number(total);
}

Value AllTrue(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_unknown()) return call.Propagate(v);
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  Value unknown;
  bool any_unknown = false;
  for (const Value& element : *list) {
    if (element.is_unknown()) {
      if (!any_unknown) unknown = element;
      any_unknown = true;
      continue;
    }
    if (element.is_null()) return call.Bool(false);
    bool b;
    std::string error;
    if (!ToBoolValue(element, &b, &error)) return call.Fail("invalid element: " + error);
    if (!b) return call.Bool(false);
  }
  if (any_unknown) return call.Propagate(unknown);
  return call.Bool(true);
}

Value AnyTrue(Call& call) {
  const Value& v = call.arg(0);
  if (v.is_unknown()) return call.Propagate(v);
  const ValueList* list;
  if (!call.ArgList(0, &list)) return call.Failed();
  Value unknown;
  bool any_unknown = false;
  for (const Value& element : *list) {
    if (element.is_unknown()) {
      if (!any_unknown) unknown = element;
      any_unknown = true;
      continue;
    }
    if (element.is_null()) continue;
    bool b;
    std::string error;
    if (!ToBoolValue(element, &b, &error)) return call.Fail("invalid element: " + error);
    if (b) return call.Bool(true);
  }
  if (any_unknown) return call.Propagate(unknown);
  return call.Bool(false);
}

Value ChunkList(Call& call) {
  const ValueList* list;
  int64_t size;
  if (!call.ArgList(0, &list) || !call.ArgInteger(1, &size)) return call.Failed();
  if (size < 0) return call.Fail("the size argument must be positive");
  ValueList out;
  if (list->empty()) return call.List(std::move(out));
  if (size == 0) {
    out.push_back(call.arg(0));
    return call.List(std::move(out));
  }
  for (size_t i = 0; i < list->size(); i += static_cast<size_t>(size)) {
    size_t end = std::min(list->size(), i + static_cast<size_t>(size));
    out.push_back(
        Derived(Value::List(ValueList(list->begin() + i, list->begin() + end), call.range())));
  }
  return call.List(std::move(out));
}

Value Transpose(Call& call) {
  const ValueMap* map;
  if (!call.ArgMap(0, &map)) return call.Failed();
  std::map<std::string, ValueList, std::less<>> out;
  for (const auto& [key, element] : *map) {
    if (!element.is_list())
      return call.Fail("the value of \"" + key + "\" must be a list of strings");
    for (const Value& item : element.as_list()) {
      std::string text, error;
      if (!ToStringValue(item, &text, &error)) {
        return call.Fail("invalid element in \"" + key + "\": " + error);
      }
      out[text].push_back(Derived(Value::String(key, call.range())));
      if (!call.Charge(1)) return call.Failed();
    }
  }
  ValueMap result;
  for (auto& [key, list] : out) {
    result.emplace(key, Derived(Value::List(std::move(list), call.range())));
  }
  return call.Map(std::move(result));
}

Value MatchKeys(Call& call) {
  const ValueList* values;
  const ValueList* keys;
  const ValueList* search;
  if (!call.ArgList(0, &values) || !call.ArgList(1, &keys) || !call.ArgList(2, &search)) {
    return call.Failed();
  }
  if (values->size() != keys->size()) {
    return call.Fail("length of keys and values should be equal");
  }
  ValueList out;
  for (size_t i = 0; i < keys->size(); ++i) {
    if (!call.Charge(search->size() / 8 + 1)) return call.Failed();
    for (const Value& s : *search) {
      if ((*keys)[i].Equals(s)) {
        out.push_back((*values)[i]);
        break;
      }
    }
  }
  return call.List(std::move(out));
}

// ---- sets ----

bool SetArg(Call& call, size_t i, ValueList* out) {
  const ValueList* list;
  if (!call.ArgList(i, &list)) return false;
  ValueList copy = *list;
  std::string error;
  if (!UnifyElements(&copy, &error)) {
    call.Fail(error);
    return false;
  }
  if (!call.Charge(copy.size())) return false;
  *out = SetElements(std::move(copy));
  return true;
}

bool SetContains(const ValueList& sorted, const Value& v) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), v, SetLess);
  return it != sorted.end() && it->Equals(v);
}

Value SetUnion(Call& call) {
  ValueList all;
  for (size_t i = 0; i < call.size(); ++i) {
    ValueList set;
    if (!SetArg(call, i, &set)) return call.Failed();
    all.insert(all.end(), set.begin(), set.end());
  }
  std::string error;
  if (!UnifyElements(&all, &error)) return call.Fail(error);
  return call.List(SetElements(std::move(all)));
}

Value SetIntersection(Call& call) {
  ValueList result;
  if (!SetArg(call, 0, &result)) return call.Failed();
  for (size_t i = 1; i < call.size(); ++i) {
    ValueList set;
    if (!SetArg(call, i, &set)) return call.Failed();
    ValueList kept;
    for (const Value& v : result) {
      if (SetContains(set, v)) kept.push_back(v);
    }
    result = std::move(kept);
  }
  return call.List(std::move(result));
}

Value SetSubtract(Call& call) {
  ValueList a, b;
  if (!SetArg(call, 0, &a) || !SetArg(call, 1, &b)) return call.Failed();
  ValueList out;
  for (const Value& v : a) {
    if (!SetContains(b, v)) out.push_back(v);
  }
  return call.List(std::move(out));
}

Value SetProduct(Call& call) {
  std::vector<const ValueList*> lists;
  double total = 1;
  for (size_t i = 0; i < call.size(); ++i) {
    const ValueList* list;
    if (!call.ArgList(i, &list)) return call.Failed();
    lists.push_back(list);
    total *= static_cast<double>(list->size());
  }
  if (lists.size() < 2) return call.Fail("at least two arguments are required");
  if (total * static_cast<double>(lists.size()) >
      static_cast<double>(call.limits().max_collection_elements)) {
    return call.LimitFail("setproduct would produce " + FormatNumber(total) +
                          " combinations, over the limit of " +
                          std::to_string(call.limits().max_collection_elements) + " elements");
  }
  ValueList out;
  if (total == 0) return call.List(std::move(out));
  std::vector<size_t> index(lists.size(), 0);
  while (true) {
    ValueList combination;
    for (size_t i = 0; i < lists.size(); ++i) combination.push_back((*lists[i])[index[i]]);
    out.push_back(Derived(Value::List(std::move(combination), call.range())));
    size_t k = lists.size();
    while (k > 0) {
      --k;
      if (++index[k] < lists[k]->size()) break;
      index[k] = 0;
      if (k == 0) return call.List(std::move(out));
    }
  }
}

constexpr BuiltinSpec kCollectionBuiltins[] = {
    {"alltrue", 1, 1, UnknownPolicy::kCustom, AllTrue},
    {"anytrue", 1, 1, UnknownPolicy::kCustom, AnyTrue},
    {"chunklist", 2, 2, UnknownPolicy::kShallow, ChunkList},
    {"coalesce", 1, -1, UnknownPolicy::kCustom, Coalesce},
    {"coalescelist", 1, -1, UnknownPolicy::kCustom, CoalesceList},
    {"compact", 1, 1, UnknownPolicy::kDeep, Compact},
    {"concat", 0, -1, UnknownPolicy::kShallow, Concat},
    {"contains", 2, 2, UnknownPolicy::kCustom, Contains},
    {"distinct", 1, 1, UnknownPolicy::kDeep, Distinct},
    {"element", 2, 2, UnknownPolicy::kShallow, Element},
    {"flatten", 1, 1, UnknownPolicy::kCustom, Flatten},
    {"index", 2, 2, UnknownPolicy::kDeep, Index},
    {"keys", 1, 1, UnknownPolicy::kShallow, Keys},
    {"length", 1, 1, UnknownPolicy::kShallow, Length},
    {"lookup", 2, 3, UnknownPolicy::kCustom, Lookup},
    {"matchkeys", 3, 3, UnknownPolicy::kDeep, MatchKeys},
    {"merge", 0, -1, UnknownPolicy::kShallow, Merge},
    {"one", 1, 1, UnknownPolicy::kShallow, One},
    {"range", 1, 3, UnknownPolicy::kDeep, Range},
    {"reverse", 1, 1, UnknownPolicy::kShallow, Reverse},
    {"setintersection", 1, -1, UnknownPolicy::kDeep, SetIntersection},
    {"setproduct", 1, -1, UnknownPolicy::kDeep, SetProduct},
    {"setsubtract", 2, 2, UnknownPolicy::kDeep, SetSubtract},
    {"setunion", 1, -1, UnknownPolicy::kDeep, SetUnion},
    {"slice", 3, 3, UnknownPolicy::kShallow, Slice},
    {"sort", 1, 1, UnknownPolicy::kDeep, Sort},
    {"sum", 1, 1, UnknownPolicy::kDeep, Sum},
    {"transpose", 1, 1, UnknownPolicy::kDeep, Transpose},
    {"values", 1, 1, UnknownPolicy::kShallow, Values},
    {"zipmap", 2, 2, UnknownPolicy::kShallow, Zipmap},
};

}  // namespace

std::span<const BuiltinSpec> CollectionBuiltins() { return kCollectionBuiltins; }

}  // namespace faultline::engine::eval
