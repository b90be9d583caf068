// String functions: format, formatlist, join, split, replace (plain and /regex/), regex,
// regexall, case, trimming, substr (grapheme clusters), indent, chomp and friends.
#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>

#include "engine/eval/builtins.h"
#include "engine/eval/format.h"
#include "engine/eval/text.h"

namespace faultline::engine::eval {

namespace {

// ---- regular expressions (RE2 is the engine Go's regexp package mirrors) ----

// Go accepts both (?P<name>...) and (?<name>...); this RE2 release only the former.
std::string NormalizePattern(std::string_view pattern) {
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      out += pattern[i];
      out += pattern[++i];
      continue;
    }
    if (pattern.compare(i, 3, "(?<") == 0 && i + 3 < pattern.size() && pattern[i + 3] != '=' &&
        pattern[i + 3] != '!') {
      out += "(?P<";
      i += 2;
      continue;
    }
    out += pattern[i];
  }
  return out;
}

std::unique_ptr<RE2> Compile(Call& call, std::string_view pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_encoding(RE2::Options::EncodingUTF8);
  auto re = std::make_unique<RE2>(NormalizePattern(pattern), options);
  if (!re->ok()) {
    call.Fail("invalid regular expression pattern: " + re->error());
    return nullptr;
  }
  return re;
}

// Go's FindAllStringSubmatchIndex iteration: empty matches right after a previous match are
// skipped, and the search always advances by at least one character.
template <typename Visit>
void ForEachMatch(const RE2& re, std::string_view text, int groups, Visit visit) {
  std::vector<re2::StringPiece> match(static_cast<size_t>(groups) + 1);
  size_t pos = 0;
  ptrdiff_t previous_end = -1;
  re2::StringPiece input(text.data(), text.size());
  while (pos <= text.size()) {
    if (!re.Match(input, pos, text.size(), RE2::UNANCHORED, match.data(), groups + 1)) break;
    size_t begin = static_cast<size_t>(match[0].data() - text.data());
    size_t end = begin + match[0].size();
    bool accept = true;
    if (end == pos) {
      if (static_cast<ptrdiff_t>(begin) == previous_end) accept = false;
      if (pos < text.size()) {
        char32_t cp;
        pos += DecodeUtf8(text, pos, &cp);
      } else {
        pos = text.size() + 1;
      }
    } else {
      pos = end;
    }
    previous_end = static_cast<ptrdiff_t>(end);
    if (accept && !visit(match)) return;
  }
}

// Builds regex()'s result for one match: the whole match, a list of groups or a map of named
// groups. Unmatched optional groups are null.
Value MatchResult(Call& call, const RE2& re, const std::vector<re2::StringPiece>& match) {
  int groups = re.NumberOfCapturingGroups();
  auto piece = [&](int i) {
    const re2::StringPiece& p = match[static_cast<size_t>(i)];
    if (p.data() == nullptr) return Value::Null(call.range());
    return Derived(Value::String(std::string(p.data(), p.size()), call.range()));
  };
  if (groups == 0) return piece(0);
  const auto& names = re.CapturingGroupNames();
  if (!names.empty()) {
    ValueMap map;
    for (const auto& [index, name] : names) map.emplace(name, piece(index));
    return Derived(Value::Map(std::move(map), call.range()));
  }
  ValueList list;
  for (int i = 1; i <= groups; ++i) list.push_back(piece(i));
  return Derived(Value::List(std::move(list), call.range()));
}

bool CheckGroups(Call& call, const RE2& re) {
  int groups = re.NumberOfCapturingGroups();
  size_t named = re.NamedCapturingGroups().size();
  if (named != 0 && named != static_cast<size_t>(groups)) {
    call.Fail(
        "invalid regular expression pattern: cannot mix both named and unnamed capture "
        "groups");
    return false;
  }
  return true;
}

Value Regex(Call& call) {
  std::string pattern, text;
  if (!call.ArgString(0, &pattern) || !call.ArgString(1, &text)) return call.Failed();
  auto re = Compile(call, pattern);
  if (re == nullptr || !CheckGroups(call, *re)) return call.Failed();
  int groups = re->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> match(static_cast<size_t>(groups) + 1);
  if (!re->Match(text, 0, text.size(), RE2::UNANCHORED, match.data(), groups + 1)) {
    return call.Fail("pattern did not match any part of the given string");
  }
  return MatchResult(call, *re, match);
}

Value RegexAll(Call& call) {
  std::string pattern, text;
  if (!call.ArgString(0, &pattern) || !call.ArgString(1, &text)) return call.Failed();
  auto re = Compile(call, pattern);
  if (re == nullptr || !CheckGroups(call, *re)) return call.Failed();
  ValueList results;
  bool ok = true;
  ForEachMatch(*re, text, re->NumberOfCapturingGroups(),
               [&](const std::vector<re2::StringPiece>& match) {
                 if (!call.CheckElements(results.size() + 1) || !call.Charge(1)) {
                   ok = false;
                   return false;
                 }
                 results.push_back(MatchResult(call, *re, match));
                 return true;
               });
  if (!ok) return call.Failed();
  return call.List(std::move(results));
}

// Go's regexp.Expand: $1, ${1}, $name, ${name}, $$.
void Expand(const RE2& re, std::string_view replacement, const std::vector<re2::StringPiece>& match,
            std::string* out) {
  const auto& names = re.NamedCapturingGroups();
  size_t i = 0;
  while (i < replacement.size()) {
    size_t dollar = replacement.find('$', i);
    if (dollar == std::string_view::npos) {
      out->append(replacement.substr(i));
      return;
    }
    out->append(replacement.substr(i, dollar - i));
    i = dollar + 1;
    if (i < replacement.size() && replacement[i] == '$') {
      out->push_back('$');
      ++i;
      continue;
    }
    size_t j = i;
    bool brace = j < replacement.size() && replacement[j] == '{';
    if (brace) ++j;
    size_t name_begin = j;
    while (j < replacement.size()) {
      char32_t cp;
      size_t len = DecodeUtf8(replacement, j, &cp);
      if (!(cp == '_' || IsLetterOrDigit(cp))) break;
      j += len;
    }
    if (j == name_begin || (brace && (j >= replacement.size() || replacement[j] != '}'))) {
      out->push_back('$');  // malformed: the $ is literal text
      continue;
    }
    std::string_view name = replacement.substr(name_begin, j - name_begin);
    if (brace) ++j;
    i = j;
    long number = 0;
    bool numeric = true;
    for (char c : name) {
      if (c < '0' || c > '9' || number >= 100000000) {
        numeric = false;
        break;
      }
      number = number * 10 + (c - '0');
    }
    if (name.size() > 1 && name[0] == '0') numeric = false;
    int group = -1;
    if (numeric) {
      group = static_cast<int>(number);
    } else {
      auto it = names.find(std::string(name));
      if (it != names.end()) group = it->second;
    }
    if (group >= 0 && static_cast<size_t>(group) < match.size() &&
        match[static_cast<size_t>(group)].data() != nullptr) {
      out->append(match[static_cast<size_t>(group)].data(),
                  match[static_cast<size_t>(group)].size());
    }
  }
}

Value Replace(Call& call) {
  std::string text, search, replacement;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &search) ||
      !call.ArgString(2, &replacement)) {
    return call.Failed();
  }
  std::string out;
  if (search.size() > 1 && search.front() == '/' && search.back() == '/') {
    auto re = Compile(call, search.substr(1, search.size() - 2));
    if (re == nullptr) return call.Failed();
    int groups = re->NumberOfCapturingGroups();
    std::vector<re2::StringPiece> match(static_cast<size_t>(groups) + 1);
    re2::StringPiece input(text.data(), text.size());
    size_t last_end = 0, search_pos = 0;
    bool ok = true;
    while (search_pos <= text.size()) {
      if (!re->Match(input, search_pos, text.size(), RE2::UNANCHORED, match.data(), groups + 1)) {
        break;
      }
      size_t begin = static_cast<size_t>(match[0].data() - text.data());
      size_t end = begin + match[0].size();
      out.append(text, last_end, begin - last_end);
      if (end > last_end || begin == 0) Expand(*re, replacement, match, &out);
      last_end = end;
      if (out.size() > call.limits().max_string_bytes || !call.Charge(1)) {
        ok = false;
        break;
      }
      size_t width = 1;
      if (search_pos < text.size()) {
        char32_t cp;
        width = DecodeUtf8(text, search_pos, &cp);
      }
      if (search_pos + width > end) {
        search_pos += width;
      } else if (search_pos + 1 > end) {
        ++search_pos;
      } else {
        search_pos = end;
      }
    }
    if (!ok) {
      if (call.failed()) return call.Failed();
      return call.LimitFail("result of replace exceeds the limit of " +
                            std::to_string(call.limits().max_string_bytes) + " bytes");
    }
    out.append(text, last_end, std::string::npos);
    return call.String(std::move(out));
  }
  if (search.empty()) {
    // Go's strings.Replace with an empty old string inserts at every character boundary.
    uint64_t count = 0;
    for (size_t i = 0; i < text.size(); ++count) {
      char32_t cp;
      i += DecodeUtf8(text, i, &cp);
    }
    if (!call.CheckStringSize(text.size() + (count + 1) * replacement.size())) return call.Failed();
    out += replacement;
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      size_t len = DecodeUtf8(text, i, &cp);
      out.append(text, i, len);
      out += replacement;
      i += len;
    }
    return call.String(std::move(out));
  }
  size_t pos = 0;
  while (true) {
    size_t found = text.find(search, pos);
    if (found == std::string::npos) break;
    out.append(text, pos, found - pos);
    out += replacement;
    pos = found + search.size();
    if (out.size() > call.limits().max_string_bytes) {
      return call.LimitFail("result of replace exceeds the limit of " +
                            std::to_string(call.limits().max_string_bytes) + " bytes");
    }
  }
  out.append(text, pos, std::string::npos);
  return call.String(std::move(out));
}

// ---- format ----

Value Format(Call& call) {
  std::string spec;
  if (!call.ArgString(0, &spec)) return call.Failed();
  std::vector<Value> values(call.args().begin() + 1, call.args().end());
  std::string out;
  CodecStatus status;
  if (!FormatValues(spec, values, call.limits(), &out, &status)) {
    return status.limit_exceeded ? call.LimitFail(status.error) : call.Fail(status.error);
  }
  return call.String(std::move(out));
}

Value FormatList(Call& call) {
  const Value& spec_value = call.arg(0);
  if (spec_value.is_unknown()) return call.Propagate(spec_value);
  std::string spec;
  if (!call.ArgString(0, &spec)) return call.Failed();
  size_t length = 0;
  bool have_list = false;
  for (size_t i = 1; i < call.size(); ++i) {
    const Value& arg = call.arg(i);
    if (arg.is_unknown()) return call.Propagate(arg);
    if (!arg.is_list()) continue;
    if (have_list && arg.as_list().size() != length) {
      return call.Fail("argument " + std::to_string(i + 1) + " has length " +
                       std::to_string(arg.as_list().size()) +
                       ", which is inconsistent with the other lists of length " +
                       std::to_string(length));
    }
    length = arg.as_list().size();
    have_list = true;
  }
  if (!have_list) length = 1;
  if (!call.CheckElements(length)) return call.Failed();
  ValueList results;
  results.reserve(length);
  uint64_t total_bytes = 0;
  for (size_t iteration = 0; iteration < length; ++iteration) {
    std::vector<Value> values;
    Value unknown;
    bool is_unknown = false;
    for (size_t i = 1; i < call.size(); ++i) {
      const Value& arg = call.arg(i);
      values.push_back(arg.is_list() ? arg.as_list()[iteration] : arg);
      if (!is_unknown && FindUnknown(values.back(), true, &unknown)) is_unknown = true;
    }
    if (is_unknown) {
      results.push_back(call.Propagate(unknown));
      continue;
    }
    std::string out;
    CodecStatus status;
    if (!FormatValues(spec, values, call.limits(), &out, &status)) {
      std::string message =
          "error on format iteration " + std::to_string(iteration) + ": " + status.error;
      return status.limit_exceeded ? call.LimitFail(message) : call.Fail(message);
    }
    total_bytes += out.size();
    if (!call.CheckStringSize(total_bytes) || !call.Charge(1 + out.size() / 16)) {
      return call.Failed();
    }
    results.push_back(Derived(Value::String(std::move(out), call.range())));
  }
  return call.List(std::move(results));
}

// ---- joining and splitting ----

Value Join(Call& call) {
  std::string separator;
  if (!call.ArgString(0, &separator)) return call.Failed();
  if (call.size() < 2) return call.Fail("at least one list is required");
  std::string out;
  bool first = true;
  for (size_t i = 1; i < call.size(); ++i) {
    const ValueList* list;
    if (!call.ArgList(i, &list)) return call.Failed();
    for (size_t j = 0; j < list->size(); ++j) {
      const Value& element = (*list)[j];
      if (element.is_null()) {
        return call.Fail("element " + std::to_string(j) + " of list " + std::to_string(i) +
                         " is null; cannot concatenate null values");
      }
      std::string text, error;
      if (!ToStringValue(element, &text, &error)) {
        return call.Fail("invalid element " + std::to_string(j) + ": " + error);
      }
      if (!first) out += separator;
      first = false;
      out += text;
      if (out.size() > call.limits().max_string_bytes) {
        return call.LimitFail("result of join exceeds the limit of " +
                              std::to_string(call.limits().max_string_bytes) + " bytes");
      }
    }
  }
  return call.String(std::move(out));
}

Value Split(Call& call) {
  std::string separator, text;
  if (!call.ArgString(0, &separator) || !call.ArgString(1, &text)) return call.Failed();
  ValueList parts;
  auto add = [&](std::string piece) {
    parts.push_back(Derived(Value::String(std::move(piece), call.range())));
    return call.CheckElements(parts.size());
  };
  if (separator.empty()) {
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      size_t len = DecodeUtf8(text, i, &cp);
      if (!add(text.substr(i, len))) return call.Failed();
      i += len;
    }
    return call.List(std::move(parts));
  }
  size_t pos = 0;
  while (true) {
    size_t found = text.find(separator, pos);
    if (found == std::string::npos) break;
    if (!add(text.substr(pos, found - pos))) return call.Failed();
    pos = found + separator.size();
  }
  if (!add(text.substr(pos))) return call.Failed();
  return call.List(std::move(parts));
}

// ---- case and trimming ----

Value Lower(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  return call.String(LowerCase(text));
}

Value Upper(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  return call.String(UpperCase(text));
}

// Go's strings.Title: upper-cases the first letter of every word.
Value Title(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  std::string out;
  char32_t previous = ' ';
  auto is_separator = [](char32_t r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') ||
               r == '_');
    }
    if (IsLetterOrDigit(r)) return false;
    return IsUnicodeSpace(r);
  };
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    size_t len = DecodeUtf8(text, i, &cp);
    AppendUtf8(is_separator(previous) ? ToUpper(cp) : cp, &out);
    previous = cp;
    i += len;
  }
  return call.String(std::move(out));
}

std::vector<char32_t> CodePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp;
    i += DecodeUtf8(text, i, &cp);
    out.push_back(cp);
  }
  return out;
}

// Trims code points matching `drop` from the requested ends.
template <typename Drop>
std::string TrimWith(std::string_view text, Drop drop, bool left, bool right) {
  size_t begin = 0, end = text.size();
  if (left) {
    while (begin < end) {
      char32_t cp;
      size_t len = DecodeUtf8(text, begin, &cp);
      if (!drop(cp)) break;
      begin += len;
    }
  }
  if (right) {
    while (end > begin) {
      size_t start = end - 1;
      while (start > begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
      char32_t cp;
      DecodeUtf8(text, start, &cp);
      if (!drop(cp)) break;
      end = start;
    }
  }
  return std::string(text.substr(begin, end - begin));
}

Value Trim(Call& call) {
  std::string text, cutset;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &cutset)) return call.Failed();
  std::vector<char32_t> cut = CodePoints(cutset);
  auto drop = [&](char32_t cp) { return std::find(cut.begin(), cut.end(), cp) != cut.end(); };
  return call.String(TrimWith(text, drop, true, true));
}

Value TrimSpace(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  return call.String(TrimWith(text, IsUnicodeSpace, true, true));
}

Value TrimPrefix(Call& call) {
  std::string text, prefix;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &prefix)) return call.Failed();
  if (text.compare(0, prefix.size(), prefix) == 0) text.erase(0, prefix.size());
  return call.String(std::move(text));
}

Value TrimSuffix(Call& call) {
  std::string text, suffix;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &suffix)) return call.Failed();
  if (text.size() >= suffix.size() &&
      text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
    text.resize(text.size() - suffix.size());
  }
  return call.String(std::move(text));
}

Value Chomp(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return call.String(std::move(text));
}

Value Indent(Call& call) {
  int64_t spaces;
  std::string text;
  if (!call.ArgInteger(0, &spaces) || !call.ArgString(1, &text)) return call.Failed();
  if (spaces < 0) spaces = 0;
  if (static_cast<uint64_t>(spaces) > call.limits().max_string_bytes) {
    return call.LimitFail("indent of " + std::to_string(spaces) + " spaces is over the limit of " +
                          std::to_string(call.limits().max_string_bytes) + " bytes");
  }
  uint64_t lines = static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
  if (!call.CheckStringSize(text.size() + lines * static_cast<uint64_t>(spaces))) {
    return call.Failed();
  }
  std::string pad(static_cast<size_t>(spaces), ' ');
  std::string out;
  out.reserve(text.size() + lines * pad.size());
  for (char c : text) {
    out.push_back(c);
    if (c == '\n') out += pad;
  }
  return call.String(std::move(out));
}

Value StrRev(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  std::vector<size_t> bounds = GraphemeBoundaries(text);
  std::string out;
  out.reserve(text.size());
  for (size_t i = bounds.size() - 1; i > 0; --i) {
    out.append(text, bounds[i - 1], bounds[i] - bounds[i - 1]);
  }
  return call.String(std::move(out));
}

Value Substr(Call& call) {
  std::string text;
  int64_t offset, length;
  if (!call.ArgString(0, &text) || !call.ArgInteger(1, &offset) || !call.ArgInteger(2, &length)) {
    return call.Failed();
  }
  std::vector<size_t> bounds = GraphemeBoundaries(text);
  int64_t total = static_cast<int64_t>(bounds.size()) - 1;
  if (offset < 0) {
    offset += total;
    if (offset < 0) offset = 0;
  } else if (length == 0) {
    return call.String("");
  }
  if (offset >= total) return call.String("");
  size_t begin = bounds[static_cast<size_t>(offset)];
  if (length < 0 || offset + length >= total) return call.String(text.substr(begin));
  size_t end = bounds[static_cast<size_t>(offset + length)];
  return call.String(text.substr(begin, end - begin));
}

Value StartsWith(Call& call) {
  std::string text, prefix;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &prefix)) return call.Failed();
  return call.Bool(text.compare(0, prefix.size(), prefix) == 0);
}

Value EndsWith(Call& call) {
  std::string text, suffix;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &suffix)) return call.Failed();
  return call.Bool(text.size() >= suffix.size() &&
                   text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0);
}

Value StrContains(Call& call) {
  std::string text, part;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &part)) return call.Failed();
  return call.Bool(text.find(part) != std::string::npos);
}

constexpr BuiltinSpec kStringBuiltins[] = {
    {"chomp", 1, 1, UnknownPolicy::kDeep, Chomp},
    {"endswith", 2, 2, UnknownPolicy::kDeep, EndsWith},
    {"format", 1, -1, UnknownPolicy::kDeep, Format},
    {"formatlist", 1, -1, UnknownPolicy::kCustom, FormatList},
    {"indent", 2, 2, UnknownPolicy::kDeep, Indent},
    {"join", 1, -1, UnknownPolicy::kDeep, Join},
    {"lower", 1, 1, UnknownPolicy::kDeep, Lower},
    {"regex", 2, 2, UnknownPolicy::kDeep, Regex},
    {"regexall", 2, 2, UnknownPolicy::kDeep, RegexAll},
    {"replace", 3, 3, UnknownPolicy::kDeep, Replace},
    {"split", 2, 2, UnknownPolicy::kDeep, Split},
    {"startswith", 2, 2, UnknownPolicy::kDeep, StartsWith},
    {"strcontains", 2, 2, UnknownPolicy::kDeep, StrContains},
    {"strrev", 1, 1, UnknownPolicy::kDeep, StrRev},
    {"substr", 3, 3, UnknownPolicy::kDeep, Substr},
    {"title", 1, 1, UnknownPolicy::kDeep, Title},
    {"trim", 2, 2, UnknownPolicy::kDeep, Trim},
    {"trimprefix", 2, 2, UnknownPolicy::kDeep, TrimPrefix},
    {"trimspace", 1, 1, UnknownPolicy::kDeep, TrimSpace},
    {"trimsuffix", 2, 2, UnknownPolicy::kDeep, TrimSuffix},
    {"upper", 1, 1, UnknownPolicy::kDeep, Upper},
};

}  // namespace

std::span<const BuiltinSpec> StringBuiltins() { return kStringBuiltins; }

}  // namespace faultline::engine::eval
