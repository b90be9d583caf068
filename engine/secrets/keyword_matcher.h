// KeywordMatcher: finds every occurrence of a fixed set of keywords in one pass (Aho-Corasick),
// ASCII case-insensitively.
//
// The automaton is a dense DFA over byte classes (bytes that no keyword distinguishes share a
// class), so the inner loop is one table load per input byte and runs at memory speed whatever
// the number of keywords. Immutable after construction: ForEachMatch is safe to call from many
// threads at once.
#ifndef FAULTLINE_ENGINE_SECRETS_KEYWORD_MATCHER_H_
#define FAULTLINE_ENGINE_SECRETS_KEYWORD_MATCHER_H_

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace faultline::engine::secrets {

class KeywordMatcher {
 public:
  // `keywords` are matched with ASCII letters folded to lowercase on both sides. Empty keywords
  // are ignored. Keyword indexes reported by ForEachMatch are positions in this vector.
  explicit KeywordMatcher(const std::vector<std::string>& keywords);

  // Calls on_match(keyword_index, end_offset) for every occurrence of every keyword, overlapping
  // ones included, in increasing order of end_offset (the byte offset just past the keyword;
  // occurrences ending at the same offset in increasing keyword index). Stops early when
  // on_match returns false.
  template <typename OnMatch>
  void ForEachMatch(std::string_view text, OnMatch&& on_match) const {
    // Chunks of kChunkBytes, each split into kStreams slices whose automata advance in
    // lockstep so that their dependent table loads overlap. A slice starts max_keyword_ - 1
    // bytes early (to catch keywords straddling its start) and keeps only the matches ending
    // inside it. Hits are buffered per chunk, so memory stays bounded on any input.
    const size_t overlap = max_keyword_ > 0 ? max_keyword_ - 1 : 0;
    std::vector<Hit> hits[kStreams];
    for (size_t chunk = 0; chunk < text.size(); chunk += kChunkBytes) {
      const size_t chunk_end = std::min(text.size(), chunk + kChunkBytes);
      if (chunk_end - chunk < kInterleaveMinBytes) {
        bool more = true;
        RunStream(text, chunk > overlap ? chunk - overlap : 0, chunk_end, chunk,
                  [&](uint32_t keyword, size_t end) { return more = on_match(keyword, end); });
        if (!more) return;
        continue;
      }
      for (std::vector<Hit>& stream : hits) stream.clear();
      MatchInterleaved(text, chunk, chunk_end, hits);
      for (const std::vector<Hit>& stream : hits) {
        for (const Hit& hit : stream) {
          if (!on_match(hit.keyword, hit.end)) return;
        }
      }
    }
  }

  size_t state_count() const { return output_begin_.size() - 1; }

 private:
  static constexpr size_t kStreams = 4;
  static constexpr size_t kInterleaveMinBytes = 4096;
  static constexpr size_t kChunkBytes = 256 * 1024;

  struct Hit {
    uint32_t keyword;
    size_t end;
  };

  // Runs the automaton over text[begin, end) starting in the root state, reporting matches
  // that end after `report_from`.
  template <typename OnMatch>
  void RunStream(std::string_view text, size_t begin, size_t end, size_t report_from,
                 OnMatch&& on_match) const {
    const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const uint32_t* next = next_.data();
    const uint8_t* byte_class = byte_class_.data();
    const uint32_t first_output = first_output_row_;
    uint32_t row = 0;
    for (size_t i = begin; i < end; ++i) {
      row = next[row + byte_class[bytes[i]]];
      if (row >= first_output) [[unlikely]] {
        if (i + 1 <= report_from) continue;
        const uint32_t state = row / num_classes_;
        for (uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
          if (!on_match(outputs_[k], i + 1)) return;
        }
      }
    }
  }

  // Appends to hits[s] the matches ending in slice s of text[begin, end), in order.
  void MatchInterleaved(std::string_view text, size_t begin, size_t end,
                        std::vector<Hit> (&hits)[kStreams]) const;

  size_t max_keyword_ = 0;
  std::array<uint8_t, 256> byte_class_{};
  uint32_t num_classes_ = 1;
  // next_[row + class] is the row of the next state; a row is state * num_classes_.
  std::vector<uint32_t> next_;
  // States are numbered so that every state with outputs comes after every state without.
  uint32_t first_output_row_ = 0;
  std::vector<uint32_t> output_begin_;  // per state, into outputs_; size state_count() + 1
  std::vector<uint32_t> outputs_;       // keyword indexes
};

}  // namespace faultline::engine::secrets

#endif  // FAULTLINE_ENGINE_SECRETS_KEYWORD_MATCHER_H_
