// ValueMap: the entries of a map Value, ordered by key, stored in one contiguous array.
//
// It offers the part of std::map's interface the engine uses (find, try_emplace, emplace,
// insert_or_assign, operator[], erase, iteration in key order), with the same meaning: keys are
// unique, emplace and try_emplace keep an existing entry, insert_or_assign and operator[]
// replace or create it. Lookups are a binary search over contiguous entries, and a map costs one
// allocation rather than one per entry: maps are read far more often than they are built.
//
// Unlike std::map, an insertion or erasure invalidates iterators and references to entries.
// The member functions are defined in engine/value.h, where Value is complete.
//
// While a map is being built, keys that do not arrive in order collect in a short unsorted tail
// that is merged into the sorted part when it grows past about the square root of the map's size,
// so building a map of n keys in any order costs O(n sqrt n) moves at worst, never n squared.
// begin() and lower_bound first merge the tail (so they are not thread-safe on a map that still
// has one, and they invalidate iterators that find() returned into the tail); end() never moves
// anything, so `find(k) != end()` is always safe. Value::Map merges it before the map is shared, so
// the maps inside Values are fully sorted and every const operation on them is safe from many
// threads.
#ifndef FAULTLINE_ENGINE_VALUE_MAP_H_
#define FAULTLINE_ENGINE_VALUE_MAP_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace faultline::engine {

class Value;

class ValueMap {
 public:
  using key_type = std::string;
  using mapped_type = Value;
  using value_type = std::pair<std::string, Value>;
  using size_type = size_t;
  using iterator = std::vector<value_type>::iterator;
  using const_iterator = std::vector<value_type>::const_iterator;

  ValueMap() = default;
  // Entries in any order; the first of equal keys is kept (as std::map's range constructor).
  ValueMap(std::initializer_list<value_type> entries);
  template <typename It>
  ValueMap(It first, It last);

  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
  const_iterator cbegin() const;
  const_iterator cend() const;

  size_t size() const;
  bool empty() const;
  void clear();
  void reserve(size_t n);

  iterator find(std::string_view key);
  const_iterator find(std::string_view key) const;
  size_t count(std::string_view key) const;
  bool contains(std::string_view key) const;
  Value& at(std::string_view key);
  const Value& at(std::string_view key) const;
  // The first entry whose key is not less than `key`.
  iterator lower_bound(std::string_view key);
  const_iterator lower_bound(std::string_view key) const;

  // Inserts {key, Value(args...)} unless the key is present; returns the entry and whether it
  // was inserted.
  template <typename K, typename... Args>
  std::pair<iterator, bool> try_emplace(K&& key, Args&&... args);
  template <typename K, typename V>
  std::pair<iterator, bool> emplace(K&& key, V&& value);
  std::pair<iterator, bool> insert(const value_type& entry);
  std::pair<iterator, bool> insert(value_type&& entry);
  template <typename It>
  void insert(It first, It last);
  template <typename K, typename V>
  std::pair<iterator, bool> insert_or_assign(K&& key, V&& value);
  // The hint is only a hint (as std::map's): the entry goes where its key sorts.
  template <typename K, typename V>
  iterator insert_or_assign(const_iterator hint, K&& key, V&& value);
  template <typename K>
  Value& operator[](K&& key);

  size_t erase(std::string_view key);
  iterator erase(const_iterator position);

  // Merges the unsorted tail into the sorted part (see the top of this file). Value::Map calls
  // it before a map is shared between threads.
  void Consolidate() const;

  // Moves the entries, merged and sorted, into a new map whose storage fits them exactly. This
  // map is left empty but keeps its storage, so a builder can reuse it for its next map.
  ValueMap TakeCompact();

 private:
  // The position of `key` in the unsorted tail, or entries_.end().
  const_iterator FindInTail(std::string_view key) const;
  // Appends an entry whose key is known to be absent; returns it.
  template <typename K, typename... Args>
  iterator Append(std::string_view view, K&& key, Args&&... args);
  bool HasTail() const;

  // entries_[0, sorted_) are sorted by key; the rest is the unsorted tail. No key repeats.
  mutable std::vector<value_type> entries_;
  mutable size_t sorted_ = 0;
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_VALUE_MAP_H_
