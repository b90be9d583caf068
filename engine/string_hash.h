// StringHash: a transparent hash for unordered containers keyed by std::string, so that find()
// takes a std::string_view without building a string (pair it with std::equal_to<>).
#ifndef FAULTLINE_ENGINE_STRING_HASH_H_
#define FAULTLINE_ENGINE_STRING_HASH_H_

#include <cstddef>
#include <functional>
#include <string_view>

namespace faultline::engine {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

}  // namespace faultline::engine

#endif  // FAULTLINE_ENGINE_STRING_HASH_H_
