#include "engine/value_map.h"

#include "engine/value.h"

namespace faultline::engine {

namespace {
bool KeyLess(const ValueMap::value_type& a, const ValueMap::value_type& b) {
  return a.first.compare(b.first) < 0;
}
}  // namespace

ValueMap::ValueMap(std::initializer_list<value_type> entries) {
  for (const value_type& entry : entries) try_emplace(entry.first, entry.second);
}

ValueMap::iterator ValueMap::begin() {
  Consolidate();
  return entries_.begin();
}
ValueMap::iterator ValueMap::end() { return entries_.end(); }
ValueMap::const_iterator ValueMap::begin() const {
  Consolidate();
  return entries_.cbegin();
}
ValueMap::const_iterator ValueMap::end() const { return entries_.cend(); }

ValueMap::const_iterator ValueMap::FindInTail(std::string_view key) const {
  for (auto it = entries_.cbegin() + static_cast<ptrdiff_t>(sorted_); it != entries_.cend(); ++it) {
    if (it->first == key) return it;
  }
  return entries_.cend();
}

ValueMap::const_iterator ValueMap::find(std::string_view key) const {
  auto sorted_end = entries_.cbegin() + static_cast<ptrdiff_t>(sorted_);
  if (sorted_ <= 8) {
    // Small maps (most of them): a scan that compares lengths first costs fewer string
    // comparisons than a binary search.
    for (auto it = entries_.cbegin(); it != sorted_end; ++it) {
      if (it->first.size() == key.size() && it->first.compare(key) == 0) return it;
    }
    return HasTail() ? FindInTail(key) : entries_.cend();
  }
  auto it = std::lower_bound(
      entries_.cbegin(), sorted_end, key,
      [](const value_type& e, std::string_view k) { return e.first.compare(k) < 0; });
  if (it != sorted_end && it->first == key) return it;
  return HasTail() ? FindInTail(key) : entries_.cend();
}

ValueMap::iterator ValueMap::find(std::string_view key) {
  const_iterator it = std::as_const(*this).find(key);
  return entries_.begin() + (it - entries_.cbegin());
}

Value& ValueMap::at(std::string_view key) {
  auto it = find(key);
  if (it == entries_.end()) throw std::out_of_range("ValueMap::at: no key " + std::string(key));
  return it->second;
}

const Value& ValueMap::at(std::string_view key) const {
  auto it = find(key);
  if (it == entries_.cend()) throw std::out_of_range("ValueMap::at: no key " + std::string(key));
  return it->second;
}

ValueMap::iterator ValueMap::lower_bound(std::string_view key) {
  Consolidate();
  return std::lower_bound(
      entries_.begin(), entries_.end(), key,
      [](const value_type& e, std::string_view k) { return e.first.compare(k) < 0; });
}

ValueMap::const_iterator ValueMap::lower_bound(std::string_view key) const {
  Consolidate();
  return std::lower_bound(
      entries_.cbegin(), entries_.cend(), key,
      [](const value_type& e, std::string_view k) { return e.first.compare(k) < 0; });
}

size_t ValueMap::erase(std::string_view key) {
  auto it = std::as_const(*this).find(key);
  if (it == entries_.cend()) return 0;
  erase(it);
  return 1;
}

ValueMap::iterator ValueMap::erase(const_iterator position) {
  size_t index = static_cast<size_t>(position - entries_.cbegin());
  if (index < sorted_) --sorted_;
  return entries_.erase(position);
}

void ValueMap::Consolidate() const {
  if (!HasTail()) return;
  if (entries_.size() <= 32) {
    // Small maps (most of them): insertion sort, without std::inplace_merge's buffer.
    for (size_t i = sorted_; i < entries_.size(); ++i) {
      auto it = entries_.begin() + static_cast<ptrdiff_t>(i);
      auto to = std::upper_bound(entries_.begin(), it, *it, KeyLess);
      std::rotate(to, it, it + 1);
    }
    sorted_ = entries_.size();
    return;
  }
  auto middle = entries_.begin() + static_cast<ptrdiff_t>(sorted_);
  std::sort(middle, entries_.end(), KeyLess);
  std::inplace_merge(entries_.begin(), middle, entries_.end(), KeyLess);
  sorted_ = entries_.size();
}

ValueMap ValueMap::TakeCompact() {
  Consolidate();
  ValueMap compact;
  compact.entries_.reserve(entries_.size());
  for (value_type& entry : entries_) compact.entries_.push_back(std::move(entry));
  compact.sorted_ = compact.entries_.size();
  clear();
  return compact;
}

}  // namespace faultline::engine
