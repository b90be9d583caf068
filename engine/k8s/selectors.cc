#include "engine/k8s/selectors.h"

#include <algorithm>
#include <limits>

namespace faultline::engine::k8s {

namespace {

using Operator = LabelRequirement::Operator;

std::optional<Operator> ParseOperator(std::string_view name) {
  if (name == "In") return Operator::kIn;
  if (name == "NotIn") return Operator::kNotIn;
  if (name == "Exists") return Operator::kExists;
  if (name == "DoesNotExist") return Operator::kDoesNotExist;
  return std::nullopt;
}

bool IsAbsent(const Value* value) { return value == nullptr || value->is_null(); }

// Reads the requirements of a `key: value` map into `out`. Returns "" or why the map is invalid.
std::string ReadEqualities(const Value& map, std::string_view field,
                           std::vector<LabelRequirement>* out) {
  for (const auto& [key, value] : map.as_map()) {
    if (key.empty()) return std::string(field) + " has an empty key";
    LabelRequirement requirement;
    requirement.key = key;
    requirement.op = Operator::kIn;
    if (value.is_string()) {
      requirement.values.push_back(value.as_string());
    } else if (value.is_unknown()) {
      requirement.values_unknown = true;
    } else {
      return std::string(field) + " value for \"" + key + "\" is a " +
             std::string(Value::KindName(value.kind())) + ", not a string";
    }
    out->push_back(std::move(requirement));
  }
  return "";
}

// Reads one matchExpressions entry. Returns "" or why it is invalid.
std::string ReadExpression(const Value& entry, size_t index, LabelRequirement* out) {
  const std::string where = "matchExpressions[" + std::to_string(index) + "]";
  if (entry.is_unknown()) {
    out->unknown = true;
    return "";
  }
  if (!entry.is_map()) return where + " is not a map";
  const Value* key = entry.Get("key");
  const Value* op = entry.Get("operator");
  const Value* values = entry.Get("values");
  if (IsAbsent(key)) return where + " has no key";
  if (IsAbsent(op)) return where + " has no operator";
  if ((key != nullptr && key->is_unknown()) || op->is_unknown()) {
    out->unknown = true;
    return "";
  }
  if (!key->is_string() || key->as_string().empty()) {
    return where + ".key is not a non-empty string";
  }
  if (!op->is_string()) return where + ".operator is not a string";
  std::optional<Operator> parsed = ParseOperator(op->as_string());
  if (!parsed.has_value()) {
    return where + ".operator \"" + op->as_string() + "\" is not a label selector operator";
  }
  out->key = key->as_string();
  out->op = *parsed;
  const bool set_based = *parsed == Operator::kIn || *parsed == Operator::kNotIn;
  if (values != nullptr && values->is_unknown()) {
    if (!set_based) return where + ": " + op->as_string() + " takes no values";
    out->values_unknown = true;
    return "";
  }
  if (!IsAbsent(values) && !values->is_list()) return where + ".values is not a list";
  const size_t count = IsAbsent(values) ? 0 : values->size();
  if (set_based && count == 0) return where + ": " + op->as_string() + " needs values";
  if (!set_based && count != 0) return where + ": " + op->as_string() + " takes no values";
  for (size_t i = 0; i < count; ++i) {
    const Value& value = values->as_list()[i];
    if (value.is_string()) {
      out->values.push_back(value.as_string());
    } else if (value.is_unknown()) {
      out->values_unknown = true;
    } else {
      return where + ".values[" + std::to_string(i) + "] is not a string";
    }
  }
  return "";
}

void Normalize(std::vector<LabelRequirement>* requirements) {
  for (LabelRequirement& r : *requirements) {
    std::sort(r.values.begin(), r.values.end());
    r.values.erase(std::unique(r.values.begin(), r.values.end()), r.values.end());
  }
  std::stable_sort(requirements->begin(), requirements->end(),
                   [](const LabelRequirement& a, const LabelRequirement& b) {
                     return std::tie(a.key, a.op) < std::tie(b.key, b.op);
                   });
}

bool IsOpaque(const LabelRequirement& r) { return r.unknown; }

std::string JoinValues(const LabelRequirement& r) {
  std::string text = "(";
  for (size_t i = 0; i < r.values.size(); ++i) {
    if (i > 0) text += ",";
    text += r.values[i];
  }
  if (r.values_unknown) text += r.values.empty() ? "<unknown>" : ",<unknown>";
  return text + ")";
}

}  // namespace

Match MatchAnd(Match a, Match b) {
  if (a == Match::kNo || b == Match::kNo) return Match::kNo;
  if (a == Match::kUnknown || b == Match::kUnknown) return Match::kUnknown;
  return Match::kYes;
}

// --- Labels --------------------------------------------------------------------------------

Labels Labels::FromValue(const Value* labels) {
  Labels result;
  if (IsAbsent(labels)) return result;
  if (!labels->is_map()) return Unknown();  // Unknown, or not a map (invalid)
  result.entries_.reserve(labels->size());
  for (const auto& [key, value] : labels->as_map()) {
    if (value.is_string()) {
      result.entries_.emplace_back(key, value.as_string());
    } else {
      result.entries_.emplace_back(key, std::nullopt);
    }
  }
  return result;  // ValueMap iterates in key order: entries_ is sorted
}

Labels Labels::Unknown() {
  Labels result;
  result.unknown_ = true;
  return result;
}

Labels Labels::Of(std::vector<std::pair<std::string, std::string>> pairs) {
  Labels result;
  std::sort(pairs.begin(), pairs.end());
  for (auto& [key, value] : pairs) {
    if (!result.entries_.empty() && result.entries_.back().first == key) {
      result.entries_.back().second = std::move(value);
      continue;
    }
    result.entries_.emplace_back(std::move(key), std::move(value));
  }
  return result;
}

const std::optional<std::string>* Labels::Find(std::string_view key) const {
  auto it = std::lower_bound(entries_.begin(), entries_.end(), key,
                             [](const auto& entry, std::string_view k) { return entry.first < k; });
  if (it == entries_.end() || it->first != key) return nullptr;
  return &it->second;
}

// --- LabelRequirement ----------------------------------------------------------------------

std::string_view OperatorName(LabelRequirement::Operator op) {
  switch (op) {
    case Operator::kIn:
      return "In";
    case Operator::kNotIn:
      return "NotIn";
    case Operator::kExists:
      return "Exists";
    case Operator::kDoesNotExist:
      return "DoesNotExist";
  }
  return "In";
}

Match LabelRequirement::Matches(const Labels& labels) const {
  if (IsOpaque(*this) || labels.unknown()) return Match::kUnknown;
  const std::optional<std::string>* value = labels.Find(key);
  switch (op) {
    case Operator::kExists:
      return value != nullptr ? Match::kYes : Match::kNo;
    case Operator::kDoesNotExist:
      return value != nullptr ? Match::kNo : Match::kYes;
    case Operator::kIn:
    case Operator::kNotIn: {
      const bool in = op == Operator::kIn;
      if (value == nullptr) return in ? Match::kNo : Match::kYes;
      if (!value->has_value()) return Match::kUnknown;
      if (std::binary_search(values.begin(), values.end(), **value)) {
        return in ? Match::kYes : Match::kNo;
      }
      if (values_unknown) return Match::kUnknown;
      return in ? Match::kNo : Match::kYes;
    }
  }
  return Match::kUnknown;
}

// --- LabelSelector -------------------------------------------------------------------------

LabelSelector LabelSelector::Everything() {
  LabelSelector s;
  s.scope_ = Scope::kEverything;
  return s;
}

LabelSelector LabelSelector::Nothing() { return LabelSelector(); }

LabelSelector LabelSelector::Of(std::vector<LabelRequirement> requirements) {
  if (requirements.empty()) return Everything();
  LabelSelector s;
  s.scope_ = Scope::kRequirements;
  s.requirements_ = std::move(requirements);
  Normalize(&s.requirements_);
  return s;
}

LabelSelector LabelSelector::MakeUnknown(std::string reason) {
  LabelSelector s;
  s.scope_ = Scope::kUnknown;
  s.unknown_reason_ = std::move(reason);
  return s;
}

namespace {

LabelSelector Empty(SelectorAbsence absence) {
  return absence == SelectorAbsence::kNothing ? LabelSelector::Nothing()
                                              : LabelSelector::Everything();
}

LabelSelector Absent(SelectorAbsence absence) {
  return absence == SelectorAbsence::kEverything ? LabelSelector::Everything()
                                                 : LabelSelector::Nothing();
}

}  // namespace

LabelSelector LabelSelector::FromLabelSelector(const Value* selector, SelectorAbsence absence) {
  if (IsAbsent(selector)) return Absent(absence);
  if (selector->is_unknown()) return MakeUnknown("the selector is unknown");
  if (!selector->is_map()) return MakeUnknown("the selector is not a map");
  std::vector<LabelRequirement> requirements;
  const Value* match_labels = selector->Get("matchLabels");
  if (!IsAbsent(match_labels)) {
    if (match_labels->is_unknown()) return MakeUnknown("matchLabels is unknown");
    if (!match_labels->is_map()) return MakeUnknown("matchLabels is not a map");
    std::string error = ReadEqualities(*match_labels, "matchLabels", &requirements);
    if (!error.empty()) return MakeUnknown(std::move(error));
  }
  const Value* expressions = selector->Get("matchExpressions");
  if (!IsAbsent(expressions)) {
    if (expressions->is_unknown()) return MakeUnknown("matchExpressions is unknown");
    if (!expressions->is_list()) return MakeUnknown("matchExpressions is not a list");
    for (size_t i = 0; i < expressions->size(); ++i) {
      LabelRequirement requirement;
      std::string error = ReadExpression(expressions->as_list()[i], i, &requirement);
      if (!error.empty()) return MakeUnknown(std::move(error));
      requirements.push_back(std::move(requirement));
    }
  }
  if (requirements.empty()) return Empty(absence);
  return Of(std::move(requirements));
}

LabelSelector LabelSelector::FromMap(const Value* selector, SelectorAbsence absence) {
  if (IsAbsent(selector)) return Absent(absence);
  if (selector->is_unknown()) return MakeUnknown("the selector is unknown");
  if (!selector->is_map()) return MakeUnknown("the selector is not a map");
  std::vector<LabelRequirement> requirements;
  std::string error = ReadEqualities(*selector, "selector", &requirements);
  if (!error.empty()) return MakeUnknown(std::move(error));
  if (requirements.empty()) return Empty(absence);
  return Of(std::move(requirements));
}

Match LabelSelector::Matches(const Labels& labels) const {
  switch (scope_) {
    case Scope::kNothing:
      return Match::kNo;
    case Scope::kEverything:
      return Match::kYes;
    case Scope::kUnknown:
      return Match::kUnknown;
    case Scope::kRequirements:
      break;
  }
  Match result = Match::kYes;
  for (const LabelRequirement& requirement : requirements_) {
    result = MatchAnd(result, requirement.Matches(labels));
    if (result == Match::kNo) return result;
  }
  return result;
}

std::string LabelSelector::ToString() const {
  switch (scope_) {
    case Scope::kNothing:
      return "<none>";
    case Scope::kEverything:
      return "<all>";
    case Scope::kUnknown:
      return "<unknown>";
    case Scope::kRequirements:
      break;
  }
  std::string text;
  for (const LabelRequirement& r : requirements_) {
    if (!text.empty()) text += ",";
    if (IsOpaque(r)) {
      text += "<unknown>";
      continue;
    }
    switch (r.op) {
      case Operator::kIn:
        if (r.values.size() == 1 && !r.values_unknown) {
          text += r.key + "=" + r.values[0];
        } else {
          text += r.key + " in " + JoinValues(r);
        }
        break;
      case Operator::kNotIn:
        text += r.key + " notin " + JoinValues(r);
        break;
      case Operator::kExists:
        text += r.key;
        break;
      case Operator::kDoesNotExist:
        text += "!" + r.key;
        break;
    }
  }
  return text;
}

// --- LabelIndex ----------------------------------------------------------------------------

namespace {

std::string PairKey(std::string_view key, std::string_view value) {
  std::string text;
  text.reserve(key.size() + 1 + value.size());
  text.append(key);
  text.push_back('\0');
  text.append(value);
  return text;
}

}  // namespace

void LabelIndex::Add(uint32_t item, Labels labels) {
  const uint32_t position = static_cast<uint32_t>(items_.size());
  all_.push_back(position);
  if (labels.unknown()) {
    unknown_labels_.push_back(position);
  } else {
    for (const auto& [key, value] : labels.entries()) {
      by_key_[key].push_back(position);
      if (value.has_value()) {
        by_pair_[PairKey(key, *value)].push_back(position);
      } else {
        by_unknown_value_[key].push_back(position);
      }
    }
  }
  items_.emplace_back(item, std::move(labels));
}

size_t LabelIndex::Candidates(const LabelRequirement& requirement,
                              std::vector<const std::vector<uint32_t>*>* lists) const {
  lists->clear();
  size_t total = 0;
  auto add = [&](const Postings& postings, std::string_view key) {
    auto it = postings.find(key);
    if (it == postings.end()) return;
    lists->push_back(&it->second);
    total += it->second.size();
  };
  if (requirement.op == Operator::kExists || requirement.values_unknown) {
    add(by_key_, requirement.key);
    return total;
  }
  for (const std::string& value : requirement.values)
    add(by_pair_, PairKey(requirement.key, value));
  add(by_unknown_value_, requirement.key);
  return total;
}

void LabelIndex::Select(const LabelSelector& selector,
                        const std::function<void(uint32_t item, Match match)>& visit) const {
  for (const auto& [item, match] : Select(selector)) visit(item, match);
}

std::vector<std::pair<uint32_t, Match>> LabelIndex::Select(const LabelSelector& selector) const {
  std::vector<std::pair<uint32_t, Match>> result;
  SelectBounded(selector, std::numeric_limits<size_t>::max(), &result);
  return result;
}

bool LabelIndex::SelectBounded(const LabelSelector& selector, size_t max_candidates,
                               std::vector<std::pair<uint32_t, Match>>* out) const {
  std::vector<std::pair<uint32_t, Match>>& result = *out;
  result.clear();
  switch (selector.scope()) {
    case LabelSelector::Scope::kNothing:
      return true;
    case LabelSelector::Scope::kEverything:
    case LabelSelector::Scope::kUnknown: {
      if (items_.size() > max_candidates) return false;
      const Match match =
          selector.scope() == LabelSelector::Scope::kEverything ? Match::kYes : Match::kUnknown;
      result.reserve(items_.size());
      for (const auto& entry : items_) result.emplace_back(entry.first, match);
      std::sort(result.begin(), result.end());
      return true;
    }
    case LabelSelector::Scope::kRequirements:
      break;
  }

  // The positive requirement with the fewest candidates bounds the work.
  std::vector<const std::vector<uint32_t>*> best, lists;
  size_t best_size = 0;
  bool have_best = false;
  for (const LabelRequirement& requirement : selector.requirements()) {
    if (IsOpaque(requirement)) continue;
    if (requirement.op != Operator::kIn && requirement.op != Operator::kExists) continue;
    size_t size = Candidates(requirement, &lists);
    if (!have_best || size < best_size) {
      best.swap(lists);
      best_size = size;
      have_best = true;
      if (size == 0) break;
    }
  }
  size_t candidates = have_best ? best_size + unknown_labels_.size() : all_.size();
  if (candidates > max_candidates) return false;

  auto consider = [&](uint32_t position) {
    const auto& [item, labels] = items_[position];
    Match match = selector.Matches(labels);
    if (match != Match::kNo) result.emplace_back(item, match);
  };
  if (!have_best) {
    for (uint32_t position : all_) consider(position);
  } else {
    // The lists of one requirement are disjoint (one value per key), and items with unknown
    // labels are in none of them.
    for (const std::vector<uint32_t>* list : best) {
      for (uint32_t position : *list) consider(position);
    }
    for (uint32_t position : unknown_labels_) consider(position);
  }
  std::sort(result.begin(), result.end());
  return true;
}

}  // namespace faultline::engine::k8s
