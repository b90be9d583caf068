#include "engine/secrets/keyword_matcher.h"

#include <algorithm>
#include <deque>
#include <limits>

namespace faultline::engine::secrets {

namespace {

uint8_t FoldCase(uint8_t c) { return (c >= 'A' && c <= 'Z') ? static_cast<uint8_t>(c + 32) : c; }

}  // namespace

KeywordMatcher::KeywordMatcher(const std::vector<std::string>& keywords) {
  // Byte classes: one per distinct (case-folded) byte used by a keyword, plus class 0 for all
  // other bytes. Upper- and lowercase letters share a class.
  std::array<int, 256> folded_class;
  folded_class.fill(-1);
  uint32_t classes = 1;
  for (const std::string& keyword : keywords) {
    for (unsigned char c : keyword) {
      uint8_t f = FoldCase(c);
      if (folded_class[f] < 0) folded_class[f] = static_cast<int>(classes++);
    }
  }
  for (int b = 0; b < 256; ++b) {
    int cls = folded_class[FoldCase(static_cast<uint8_t>(b))];
    byte_class_[b] = static_cast<uint8_t>(cls < 0 ? 0 : cls);
  }
  num_classes_ = classes;

  // Trie with goto transitions (-1 = none) and per-state keyword lists.
  std::vector<std::vector<int>> go(1, std::vector<int>(classes, -1));
  std::vector<std::vector<uint32_t>> out(1);
  for (uint32_t index = 0; index < keywords.size(); ++index) {
    const std::string& keyword = keywords[index];
    if (keyword.empty()) continue;
    max_keyword_ = std::max(max_keyword_, keyword.size());
    int state = 0;
    for (unsigned char c : keyword) {
      uint8_t cls = byte_class_[c];
      if (go[state][cls] < 0) {
        go[state][cls] = static_cast<int>(go.size());
        go.emplace_back(classes, -1);
        out.emplace_back();
      }
      state = go[state][cls];
    }
    out[state].push_back(index);
  }

  // Breadth-first: failure links, inherited outputs, and the dense transition function.
  const size_t states = go.size();
  std::vector<int> fail(states, 0);
  std::vector<std::vector<int>> delta(states, std::vector<int>(classes, 0));
  std::deque<int> queue;
  for (uint32_t cls = 0; cls < classes; ++cls) {
    int child = go[0][cls];
    if (child >= 0) {
      fail[child] = 0;
      delta[0][cls] = child;
      queue.push_back(child);
    } else {
      delta[0][cls] = 0;
    }
  }
  while (!queue.empty()) {
    int state = queue.front();
    queue.pop_front();
    const std::vector<uint32_t>& inherited = out[fail[state]];
    out[state].insert(out[state].end(), inherited.begin(), inherited.end());
    for (uint32_t cls = 0; cls < classes; ++cls) {
      int child = go[state][cls];
      if (child >= 0) {
        fail[child] = delta[fail[state]][cls];
        delta[state][cls] = child;
        queue.push_back(child);
      } else {
        delta[state][cls] = delta[fail[state]][cls];
      }
    }
  }

  // Renumber: states without outputs first (the root stays 0), then states with outputs.
  std::vector<uint32_t> order;
  order.reserve(states);
  for (size_t s = 0; s < states; ++s) {
    if (out[s].empty()) order.push_back(static_cast<uint32_t>(s));
  }
  const uint32_t first_output_state = static_cast<uint32_t>(order.size());
  for (size_t s = 0; s < states; ++s) {
    if (!out[s].empty()) order.push_back(static_cast<uint32_t>(s));
  }
  std::vector<uint32_t> new_id(states);
  for (uint32_t i = 0; i < states; ++i) new_id[order[i]] = i;

  next_.assign(states * classes, 0);
  output_begin_.assign(states + 1, 0);
  for (uint32_t i = 0; i < states; ++i) {
    const uint32_t old = order[i];
    for (uint32_t cls = 0; cls < classes; ++cls) {
      next_[static_cast<size_t>(i) * classes + cls] =
          new_id[static_cast<size_t>(delta[old][cls])] * classes;
    }
    std::vector<uint32_t>& list = out[old];
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    output_begin_[i] = static_cast<uint32_t>(outputs_.size());
    outputs_.insert(outputs_.end(), list.begin(), list.end());
  }
  output_begin_[states] = static_cast<uint32_t>(outputs_.size());
  first_output_row_ = first_output_state * classes;
  if (first_output_state == states) first_output_row_ = std::numeric_limits<uint32_t>::max();
}

void KeywordMatcher::MatchInterleaved(std::string_view text, size_t begin, size_t end,
                                      std::vector<Hit> (&hits)[kStreams]) const {
  const uint8_t* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const uint32_t* next = next_.data();
  const uint8_t* byte_class = byte_class_.data();
  const uint32_t first_output = first_output_row_;
  const size_t overlap = max_keyword_ > 0 ? max_keyword_ - 1 : 0;
  const size_t slice = (end - begin) / kStreams;

  // Slice s covers [start[s], stop[s]) and reports matches ending after report_from[s].
  size_t start[kStreams], stop[kStreams], report_from[kStreams], pos[kStreams];
  uint32_t row[kStreams];
  for (size_t s = 0; s < kStreams; ++s) {
    report_from[s] = begin + s * slice;
    start[s] = report_from[s] > overlap ? report_from[s] - overlap : 0;
    stop[s] = s + 1 == kStreams ? end : begin + (s + 1) * slice;
    pos[s] = start[s];
    row[s] = 0;
  }
  auto emit = [&](size_t s, uint32_t state_row, size_t match_end) {
    if (match_end <= report_from[s]) return;
    const uint32_t state = state_row / num_classes_;
    for (uint32_t k = output_begin_[state]; k < output_begin_[state + 1]; ++k) {
      hits[s].push_back(Hit{outputs_[k], match_end});
    }
  };
  // Lockstep while every slice has bytes left.
  size_t steps = stop[0] - start[0];
  for (size_t s = 1; s < kStreams; ++s) steps = std::min(steps, stop[s] - start[s]);
  for (size_t i = 0; i < steps; ++i) {
    uint32_t r0 = next[row[0] + byte_class[bytes[pos[0] + i]]];
    uint32_t r1 = next[row[1] + byte_class[bytes[pos[1] + i]]];
    uint32_t r2 = next[row[2] + byte_class[bytes[pos[2] + i]]];
    uint32_t r3 = next[row[3] + byte_class[bytes[pos[3] + i]]];
    row[0] = r0;
    row[1] = r1;
    row[2] = r2;
    row[3] = r3;
    if ((r0 >= first_output) | (r1 >= first_output) | (r2 >= first_output) | (r3 >= first_output))
        [[unlikely]] {
      if (r0 >= first_output) emit(0, r0, pos[0] + i + 1);
      if (r1 >= first_output) emit(1, r1, pos[1] + i + 1);
      if (r2 >= first_output) emit(2, r2, pos[2] + i + 1);
      if (r3 >= first_output) emit(3, r3, pos[3] + i + 1);
    }
  }
  // The remaining tail of each slice, one at a time.
  for (size_t s = 0; s < kStreams; ++s) {
    uint32_t r = row[s];
    for (size_t i = pos[s] + steps; i < stop[s]; ++i) {
      r = next[r + byte_class[bytes[i]]];
      if (r >= first_output) [[unlikely]]
        emit(s, r, i + 1);
    }
  }
}

}  // namespace faultline::engine::secrets
