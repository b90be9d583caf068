// Kubernetes label selectors: parsing, three-valued matching, and an inverted label index.
//
// Two selector forms are read from located Values:
//  - a metav1.LabelSelector (`matchLabels` + `matchExpressions` with In, NotIn, Exists,
//    DoesNotExist; all requirements ANDed), used by PodDisruptionBudget `spec.selector` and
//    NetworkPolicy `spec.podSelector`;
//  - a plain `key: value` map, used by Service `spec.selector`.
// What an absent, null or empty selector means depends on the field, so the caller says it
// (`SelectorAbsence`): a policy/v1 PDB with a null selector selects no pods and with `{}` every pod
// in its namespace; policy/v1beta1 selects no pods with `{}`; a NetworkPolicy `podSelector` that
// is absent or `{}` selects every pod in its namespace; a Service without a selector (absent,
// null or `{}`) selects no pods (its endpoints are managed elsewhere).
//
// Matching is three-valued (`Match`). A selector built from Unknown values, or one the API server
// would reject (an unknown operator, In without values, a non-string label value), never matches
// and never "does not match": it yields kUnknown wherever the known part of it does not already
// decide, and callers must treat that as "cannot tell". The same holds for labels: a label whose
// value is Unknown or not a string matches Exists but leaves In/NotIn undecided.
//
// LabelIndex answers "which of these label sets does this selector match" in time proportional to
// the smallest posting list among the selector's positive requirements (In, Exists), not to the
// number of label sets. All types here are immutable after construction (LabelIndex after its
// last Add) and safe to read from many threads.
#ifndef FAULTLINE_ENGINE_K8S_SELECTORS_H_
#define FAULTLINE_ENGINE_K8S_SELECTORS_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/string_hash.h"
#include "engine/value.h"

namespace faultline::engine::k8s {

enum class Match : uint8_t { kNo, kYes, kUnknown };

// AND of three-valued results: kNo wins, then kUnknown.
Match MatchAnd(Match a, Match b);

// The labels of one object (or pod template). Keys are always known; a value is nullopt when it
// is Unknown or not a string (Kubernetes would reject such a label). `unknown` marks a label map
// that is itself Unknown: nothing is known about it.
class Labels {
 public:
  Labels() = default;
  // From a `labels` map Value: nullptr and null are no labels; an Unknown value gives unknown().
  static Labels FromValue(const Value* labels);
  static Labels Unknown();
  // From known string pairs (tests, benchmarks).
  static Labels Of(std::vector<std::pair<std::string, std::string>> pairs);

  bool unknown() const { return unknown_; }
  // The value of `key`: nullptr when the key is absent; an empty optional when its value is not
  // known. Meaningless when unknown().
  const std::optional<std::string>* Find(std::string_view key) const;
  const std::vector<std::pair<std::string, std::optional<std::string>>>& entries() const {
    return entries_;
  }

 private:
  bool unknown_ = false;
  std::vector<std::pair<std::string, std::optional<std::string>>> entries_;  // sorted by key
};

// One requirement of a selector.
struct LabelRequirement {
  enum class Operator : uint8_t { kIn, kNotIn, kExists, kDoesNotExist };
  std::string key;
  Operator op = Operator::kIn;
  std::vector<std::string> values;  // known values, sorted and unique (In, NotIn)
  bool values_unknown = false;      // some value of In/NotIn is Unknown
  bool unknown = false;             // nothing is known of it (Unknown key or operator)

  Match Matches(const Labels& labels) const;
};

std::string_view OperatorName(LabelRequirement::Operator op);

// What an absent, null or empty selector selects; see the file comment.
enum class SelectorAbsence : uint8_t {
  kNullNothingEmptyEverything,  // PodDisruptionBudget policy/v1 `spec.selector`
  kNothing,                     // PDB policy/v1beta1; Service `spec.selector`
  kEverything,                  // NetworkPolicy `spec.podSelector`
};

class LabelSelector {
 public:
  enum class Scope : uint8_t {
    kNothing,       // selects no object
    kEverything,    // selects every object (in the namespace)
    kRequirements,  // selects the objects that satisfy every requirement
    kUnknown,       // cannot be evaluated (Unknown or invalid); see unknown_reason()
  };

  LabelSelector() = default;  // selects nothing
  // A metav1.LabelSelector (matchLabels + matchExpressions). `selector` may be nullptr (absent).
  static LabelSelector FromLabelSelector(const Value* selector, SelectorAbsence absence);
  // A Service-style `key: value` map. `selector` may be nullptr (absent).
  static LabelSelector FromMap(const Value* selector, SelectorAbsence absence);
  static LabelSelector Everything();
  static LabelSelector Nothing();
  static LabelSelector Of(std::vector<LabelRequirement> requirements);
  static LabelSelector MakeUnknown(std::string reason);

  Scope scope() const { return scope_; }
  // Known requirements (kRequirements), sorted by key then operator. A selector of scope
  // kRequirements with partly Unknown values keeps its requirements, marked values_unknown.
  const std::vector<LabelRequirement>& requirements() const { return requirements_; }
  // Why the selector is kUnknown ("" otherwise).
  const std::string& unknown_reason() const { return unknown_reason_; }

  Match Matches(const Labels& labels) const;
  // kubectl's rendering: "app=web,tier in (a,b),!canary"; "<none>" for kNothing, "<all>" for
  // kEverything, "<unknown>" for kUnknown.
  std::string ToString() const;

 private:
  Scope scope_ = Scope::kNothing;
  std::vector<LabelRequirement> requirements_;
  std::string unknown_reason_;
};

// An inverted index over label sets, each identified by a caller-chosen uint32_t item. Add every
// item, then query. Not thread-safe while adding; const members are safe from many threads.
class LabelIndex {
 public:
  // Adds an item (items need not be dense nor sorted; each should be added once).
  void Add(uint32_t item, Labels labels);
  size_t size() const { return items_.size(); }

  // Calls `visit(item, match)` for every item the selector matches (kYes) or may match
  // (kUnknown), in increasing item order. Cost: the smallest candidate list among the selector's
  // positive requirements (every item when it has none), plus the items with unknown labels.
  void Select(const LabelSelector& selector,
              const std::function<void(uint32_t item, Match match)>& visit) const;
  // The same, collected: (item, kYes or kUnknown) pairs in item order.
  std::vector<std::pair<uint32_t, Match>> Select(const LabelSelector& selector) const;
  // The same, unless more than `max_candidates` items would have to be checked: then false and
  // `*result` is left empty (callers fall back to Select, e.g. to bound memory when selections
  // are computed ahead in parallel).
  bool SelectBounded(const LabelSelector& selector, size_t max_candidates,
                     std::vector<std::pair<uint32_t, Match>>* result) const;

 private:
  using Postings =
      std::unordered_map<std::string, std::vector<uint32_t>, StringHash, std::equal_to<>>;

  // Candidates for one positive requirement (postings to union), and their total size.
  size_t Candidates(const LabelRequirement& requirement,
                    std::vector<const std::vector<uint32_t>*>* lists) const;

  std::vector<std::pair<uint32_t, Labels>> items_;  // in insertion order
  std::vector<uint32_t> all_;                       // positions in items_ of every item
  std::vector<uint32_t> unknown_labels_;            // positions of items whose labels are unknown
  Postings by_pair_;                                // "key\0value" -> positions with that label
  Postings by_key_;                                 // "key" -> positions having the key (any value)
  Postings by_unknown_value_;  // "key" -> positions whose value for the key is not known
};

}  // namespace faultline::engine::k8s

#endif  // FAULTLINE_ENGINE_K8S_SELECTORS_H_
