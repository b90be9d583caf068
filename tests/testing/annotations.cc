#include "tests/testing/annotations.h"

#include <algorithm>
#include <cctype>

namespace faultline::testing {

namespace {

struct Line {
  std::string_view text;
  uint32_t number = 0;  // 1-based
};

std::vector<Line> SplitLines(std::string_view text) {
  std::vector<Line> lines;
  uint32_t number = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, number++});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

size_t SkipSpaces(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// An annotation comment, before its target line is known.
struct Annotation {
  std::optional<uint32_t> column;
  std::optional<int> offset;  // expect@-N / expect@+N
  std::string rule_id;
  std::string substring;
  std::string error;  // non-empty when malformed
};

// Recognises `<ws>#|//<ws>[^<ws>]expect:<rest>`; nullopt when the line is not an annotation.
std::optional<Annotation> ParseAnnotation(std::string_view line) {
  size_t i = SkipSpaces(line, 0);
  if (line.substr(i, 1) == "#") {
    i += 1;
  } else if (line.substr(i, 2) == "//") {
    i += 2;
  } else {
    return std::nullopt;
  }
  i = SkipSpaces(line, i);
  Annotation annotation;
  if (i < line.size() && line[i] == '^') {
    annotation.column = static_cast<uint32_t>(i + 1);
    i = SkipSpaces(line, i + 1);
  }
  constexpr std::string_view kKeyword = "expect";
  if (line.substr(i, kKeyword.size()) != kKeyword) return std::nullopt;
  i += kKeyword.size();
  if (i < line.size() && line[i] == '@') {
    ++i;
    int sign = 0;
    if (i < line.size() && (line[i] == '-' || line[i] == '+')) sign = line[i++] == '-' ? -1 : 1;
    int magnitude = 0;
    size_t digits = i;
    while (i < line.size() && std::isdigit(static_cast<unsigned char>(line[i])) &&
           magnitude < 100000) {
      magnitude = magnitude * 10 + (line[i++] - '0');
    }
    if (sign == 0 || i == digits || magnitude == 0) {
      annotation.error = "expected expect@-N: or expect@+N: with N > 0";
      return annotation;
    }
    annotation.offset = sign * magnitude;
  }
  if (i >= line.size() || line[i] != ':') return std::nullopt;
  i = SkipSpaces(line, i + 1);
  size_t id_start = i;
  while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
  annotation.rule_id = std::string(line.substr(id_start, i - id_start));
  if (annotation.rule_id.empty()) {
    annotation.error = "expectation without a rule ID";
    return annotation;
  }
  for (char c : annotation.rule_id) {
    if (!(std::isupper(static_cast<unsigned char>(c)) ||
          std::isdigit(static_cast<unsigned char>(c)) || c == '-')) {
      annotation.error = "malformed rule ID \"" + annotation.rule_id + "\"";
      return annotation;
    }
  }
  i = SkipSpaces(line, i);
  if (i == line.size()) return annotation;
  if (line[i] != '"') {
    annotation.error = "expected a double-quoted message after the rule ID";
    return annotation;
  }
  ++i;
  bool closed = false;
  while (i < line.size()) {
    char c = line[i++];
    if (c == '\\' && i < line.size()) {
      annotation.substring += line[i++];
    } else if (c == '"') {
      closed = true;
      break;
    } else {
      annotation.substring += c;
    }
  }
  if (!closed) {
    annotation.error = "unterminated message string";
    return annotation;
  }
  if (SkipSpaces(line, i) != line.size()) {
    annotation.error = "unexpected text after the message string";
    return annotation;
  }
  if (annotation.substring.empty()) annotation.error = "empty message string";
  return annotation;
}

int Specificity(const Expectation& e) {
  return (e.column.has_value() ? 2 : 0) + (e.message_substring.empty() ? 0 : 1);
}

bool Matches(const Expectation& e, const ActualFinding& f) {
  return e.file == f.file && e.line == f.line && e.rule_id == f.rule_id &&
         (!e.column.has_value() || *e.column == f.column) &&
         f.message.find(e.message_substring) != std::string::npos;
}

}  // namespace

ParsedExpectations ParseExpectations(std::string_view path, std::string_view text) {
  ParsedExpectations result;
  std::optional<uint32_t> target;  // the last line that is not an annotation
  const std::vector<Line> lines = SplitLines(text);
  for (const Line& line : lines) {
    std::optional<Annotation> annotation = ParseAnnotation(line.text);
    if (!annotation.has_value()) {
      target = line.number;
      continue;
    }
    std::string where = std::string(path) + ":" + std::to_string(line.number) + ": ";
    if (!annotation->error.empty()) {
      result.errors.push_back(where + annotation->error);
      continue;
    }
    uint32_t line_number = 0;
    if (annotation->offset.has_value()) {
      int64_t refers_to = static_cast<int64_t>(line.number) + *annotation->offset;
      if (refers_to < 1) {
        result.errors.push_back(where + "expectation refers to a line before the file start");
        continue;
      }
      if (refers_to > static_cast<int64_t>(lines.size())) {
        result.errors.push_back(where + "expectation refers to a line past the file end");
        continue;
      }
      line_number = static_cast<uint32_t>(refers_to);
    } else if (target.has_value()) {
      line_number = *target;
    } else {
      result.errors.push_back(where + "expectation has no line above it to refer to");
      continue;
    }
    Expectation expectation;
    expectation.file = std::string(path);
    expectation.line = line_number;
    expectation.column = annotation->column;
    expectation.rule_id = std::move(annotation->rule_id);
    expectation.message_substring = std::move(annotation->substring);
    expectation.annotation_line = line.number;
    result.expectations.push_back(std::move(expectation));
  }
  return result;
}

MatchResult MatchFindings(const std::vector<Expectation>& expectations,
                          const std::vector<ActualFinding>& findings) {
  std::vector<size_t> order(expectations.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return Specificity(expectations[a]) > Specificity(expectations[b]);
  });
  std::vector<bool> used(findings.size(), false);
  std::vector<bool> found(expectations.size(), false);
  for (size_t index : order) {
    for (size_t j = 0; j < findings.size(); ++j) {
      if (!used[j] && Matches(expectations[index], findings[j])) {
        used[j] = true;
        found[index] = true;
        break;
      }
    }
  }
  MatchResult result;
  for (size_t i = 0; i < expectations.size(); ++i) {
    if (!found[i]) result.missing.push_back(expectations[i]);
  }
  for (size_t j = 0; j < findings.size(); ++j) {
    if (!used[j]) result.unexpected.push_back(findings[j]);
  }
  return result;
}

std::string Describe(const Expectation& e) {
  std::string text = e.file + ":" + std::to_string(e.line);
  if (e.column.has_value()) text += ":" + std::to_string(*e.column);
  text += ": " + e.rule_id;
  if (!e.message_substring.empty()) text += " \"" + e.message_substring + "\"";
  text += " (annotation on line " + std::to_string(e.annotation_line) + ")";
  return text;
}

std::string Describe(const ActualFinding& f) {
  return f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " + f.rule_id +
         " " + f.message;
}

}  // namespace faultline::testing
