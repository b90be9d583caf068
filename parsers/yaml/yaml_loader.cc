#include "parsers/yaml/yaml_loader.h"

#include <yaml.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "engine/engine_rules.h"
#include "engine/parallel.h"
#include "engine/string_hash.h"
#include "parsers/yaml/json_document.h"
#include "parsers/yaml/mark_offsets.h"
#include "parsers/yaml/scalar_resolver.h"
#include "parsers/yaml/yaml_characters.h"

namespace faultline::parsers::yaml {
namespace {

using engine::SourceFile;
using engine::SourceRange;
using engine::StringHash;
using engine::Value;
using engine::ValueList;
using engine::ValueMap;

constexpr uint64_t kSaturated = std::numeric_limits<uint64_t>::max() / 2;

uint64_t SaturatingAdd(uint64_t a, uint64_t b) {
  return std::min(a + std::min(b, kSaturated), kSaturated);
}

std::string_view EventText(const yaml_char_t* text, size_t length) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text), length);
}

std::string_view EventText(const yaml_char_t* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// Owns a libyaml parser reading `text`.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (!ok_) return;
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
    // Read the bytes as UTF-8 whatever they look like: marks then count UTF-8 characters
    // (MarkOffsets), and UTF-16 input is a reader error instead of being transcoded.
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
  }
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_;
  bool ok_ = false;
};

// Owns one event.
class Event {
 public:
  Event() = default;
  ~Event() {
    if (filled_) yaml_event_delete(&event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  bool Next(yaml_parser_t* parser) {
    if (filled_) yaml_event_delete(&event_);
    filled_ = yaml_parser_parse(parser, &event_) != 0;
    return filled_;
  }
  const yaml_event_t& get() const { return event_; }

 private:
  yaml_event_t event_;
  bool filled_ = false;
};

// A collection being built.
struct Frame {
  bool is_map = false;
  bool flow = false;
  uint32_t begin = 0;
  uint32_t end = 0;  // end of the last child so far (block), or of the closing bracket (flow)
  uint64_t nodes = 1;
  std::string anchor;
  ValueList elements;
  ValueMap entries;
  // Merge sources (`<<` values), in the order written; each a map or a list of maps.
  std::vector<Value> merges;
  // The key waiting for its value.
  bool has_key = false;
  bool key_is_merge = false;
  std::string key;
  uint32_t key_begin = 0;
  uint32_t key_end = 0;

  // Makes the frame a fresh one; its buffers keep their capacity.
  void Reset() {
    is_map = flow = has_key = key_is_merge = false;
    begin = end = key_begin = key_end = 0;
    nodes = 1;
    anchor.clear();
    elements.clear();
    entries.clear();
    merges.clear();
    key.clear();
  }
};

// The collections being built, innermost last. A frame is not destroyed when its collection
// ends: the next collection at that depth reuses it, so building a document does not allocate
// (and grow) a fresh entry buffer per collection; the finished collection is copied out at its
// exact size. Pushing may move the frames (references to them do not survive it).
class FrameStack {
 public:
  bool empty() const { return depth_ == 0; }
  size_t size() const { return depth_; }
  Frame& back() { return frames_[depth_ - 1]; }
  const Frame& operator[](size_t i) const { return frames_[i]; }
  Frame& Push() {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.Reset();
    return frame;
  }
  void Pop() { --depth_; }
  void clear() {
    for (size_t i = 0; i < depth_; ++i) frames_[i].Reset();  // drops the values they hold
    depth_ = 0;
  }

 private:
  std::vector<Frame> frames_;
  size_t depth_ = 0;
};

struct Anchor {
  Value value;
  uint64_t nodes = 1;
};

// How a completed node may serve as a mapping key.
struct KeyInfo {
  bool is_merge = false;  // plain `<<` or !!merge
  std::string text;       // the key string
};

// The byte where a stream's content starts: a UTF-8 byte order mark is not content.
uint32_t ContentBegin(std::string_view text) { return text.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

// True when `text` (after `begin`) is read by the JSON reader first.
bool LooksLikeJson(std::string_view text, uint32_t begin) {
  size_t first = text.find_first_not_of(" \t\r\n", begin);
  return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// True when a line starting at `pos` begins with a `---` document marker (as libyaml reads it:
// `---` followed by a blank, a line break or the end of the text).
bool IsDocumentMarker(std::string_view text, size_t pos) {
  if (text.compare(pos, 3, "---") != 0) return false;
  if (pos + 3 == text.size()) return true;
  char c = text[pos + 3];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

class Loader {
 public:
  Loader(const SourceFile& file, const YamlLimits& limits, YamlStream* out)
      : file_(file), text_(file.text()), limits_(limits), out_(out) {}

  void Run() {
    uint32_t begin = ContentBegin(text_);
    if (TryJson(begin)) return;
    RunFrom(begin);
  }

  // Part mode (parallel parsing): parses text_[begin, end) alone, as if the stream ended at
  // `end`, and stops at the first problem. Returns true when the part parsed cleanly (no
  // diagnostic, no unreadable byte); then documents_seen() and expanded_nodes() are its counts.
  bool RunPart(uint32_t begin, uint32_t end) {
    part_mode_ = true;
    SegmentEnd result = ParseSegment(begin, end, /*reader_error_is_final=*/false);
    return !failed_ && !result.reader_error && out_->diagnostics.empty();
  }

  // Resumption mode (parallel parsing): continues the whole-file parse at `begin` (a part start
  // where that parse starts a document afresh) with the file-wide counts so far, and stops at the
  // first later part start in `part_starts` (sorted) where it starts a document afresh again;
  // returns that part start, or nullopt when it read to the end of the file.
  std::optional<uint32_t> Resume(uint32_t begin, uint32_t documents_seen, uint64_t expanded_nodes,
                                 const std::vector<uint32_t>& part_starts) {
    documents_seen_ = documents_seen;
    expanded_nodes_ = expanded_nodes;
    part_starts_ = &part_starts;
    return RunFrom(begin);
  }

  uint32_t documents_seen() const { return documents_seen_; }
  uint64_t expanded_nodes() const { return expanded_nodes_; }

 private:
  // True when `offset` is a part start after the one this resumption began at.
  bool IsLaterPartStart(uint32_t offset) const {
    return part_starts_ != nullptr && offset > run_begin_ &&
           std::binary_search(part_starts_->begin(), part_starts_->end(), offset);
  }

  // The whole-file parse from `begin` (see Run and Resume).
  std::optional<uint32_t> RunFrom(uint32_t begin) {
    run_begin_ = begin;
    uint32_t pos = begin;
    // libyaml's reader decodes ahead of its parser, so an unreadable byte (not UTF-8, a control
    // character) fails whichever document is being parsed when the reader reaches it. Files are
    // read optimistically; after the first reader error the segment is read again, this time
    // only up to the first unreadable byte (FirstUnreadable), and so is the rest of the file.
    bool validate = false;
    Unreadable unreadable;  // the first unreadable byte at or after pos (cached: pos only grows)
    bool have_unreadable = false;
    while (true) {
      // After an error the parse resumes at a `---` line: at a part start, a fresh parse.
      if (!validate && IsLaterPartStart(pos)) return pos;
      uint32_t limit = static_cast<uint32_t>(text_.size());
      if (validate) {
        if (!have_unreadable ||
            (unreadable.offset != std::string_view::npos && unreadable.offset < pos)) {
          unreadable = FirstUnreadable(text_, pos);
          have_unreadable = true;
        }
        if (unreadable.offset != std::string_view::npos) {
          limit = static_cast<uint32_t>(unreadable.offset);
        }
      }
      size_t documents_before = out_->documents.size();
      size_t diagnostics_before = out_->diagnostics.size();
      uint32_t seen_before = documents_seen_;
      uint64_t expanded_before = expanded_nodes_;
      SegmentEnd end = ParseSegment(pos, limit, /*reader_error_is_final=*/validate);
      if (end.reader_error) {
        out_->documents.resize(documents_before);
        out_->diagnostics.resize(diagnostics_before);
        documents_seen_ = seen_before;
        expanded_nodes_ = expanded_before;
        validate = true;
        continue;
      }
      if (end.part_start.has_value()) return end.part_start;
      if (end.stop) return std::nullopt;
      if (end.resume.has_value() && *end.resume < limit) {
        pos = *end.resume;
        continue;
      }
      if (limit < text_.size()) {
        // libyaml saw the text up to the bad byte; report it and resume after it.
        if (reported_unreadable_ != limit) {
          reported_unreadable_ = limit;
          Report(engine::kSyntaxErrorId, ErrorRange(limit),
                 "yaml syntax error: " + unreadable.problem, "unreadable " + unreadable.problem);
        }
        std::optional<uint32_t> next =
            NextDocumentMarker(std::max<uint32_t>(limit + 1, end.resume.value_or(0)));
        if (!next.has_value()) return std::nullopt;
        pos = *next;
        continue;
      }
      if (!end.resume.has_value()) return std::nullopt;
      pos = *end.resume;
    }
  }

  // How a segment ended: `stop` ends the file (a limit); otherwise `resume` is where to continue
  // after a syntax error (nullopt when the segment was read to its end or nothing follows).
  struct SegmentEnd {
    bool stop = false;
    std::optional<uint32_t> resume;
    bool reader_error = false;           // libyaml met an unreadable byte (nothing reported)
    std::optional<uint32_t> part_start;  // a resumption reached a later part start (see Resume)

    static SegmentEnd Stop() { return SegmentEnd{true, std::nullopt, false, std::nullopt}; }
    static SegmentEnd Resume(std::optional<uint32_t> at) {
      return SegmentEnd{false, at, false, std::nullopt};
    }
    static SegmentEnd ReaderError() { return SegmentEnd{false, std::nullopt, true, std::nullopt}; }
    static SegmentEnd AtPartStart(uint32_t at) {
      return SegmentEnd{false, std::nullopt, false, at};
    }
  };

  // --- JSON fast path --------------------------------------------------------------------------

  bool TryJson(uint32_t begin) {
    if (!LooksLikeJson(text_, begin)) return false;
    std::optional<YamlDocument> document =
        ReadJsonDocument(file_, begin, limits_.max_depth, &out_->diagnostics);
    if (!document.has_value()) return false;
    out_->documents.push_back(std::move(*document));
    return true;
  }

  // --- libyaml event loop -----------------------------------------------------------------------

  // Reads text_[begin, limit) as a YAML stream. When limit is before the end of the file (an
  // unreadable byte), the document running into the limit is incomplete: it is dropped, and an
  // error libyaml reports at the limit is left to the caller's report of the bad byte.
  SegmentEnd ParseSegment(uint32_t begin, uint32_t limit, bool reader_error_is_final) {
    std::string_view segment = text_.substr(begin, limit - begin);
    MarkOffsets marks(segment, begin);
    marks_ = &marks;
    segment_begin_ = begin;
    limit_ = limit;
    truncated_ = !part_mode_ && limit < text_.size();
    ResetDocument();
    Parser parser(segment);
    if (!parser.ok()) {
      Report(engine::kSyntaxErrorId, ErrorRange(begin), "could not start the YAML parser");
      return SegmentEnd::Stop();
    }
    Event event;
    while (true) {
      if (!event.Next(parser.get())) {
        if (part_mode_) {
          failed_ = true;
          return SegmentEnd::Stop();
        }
        if (parser.get()->error == YAML_READER_ERROR && !reader_error_is_final) {
          return SegmentEnd::ReaderError();
        }
        return SegmentEnd::Resume(ReportParserError(*parser.get()));
      }
      // libyaml checks every open flow level on each token (quadratic in flow nesting: 100,000
      // nested `[` take minutes), so stop reading as soon as flow nesting passes the depth limit.
      if (parser.get()->flow_level > static_cast<int>(limits_.max_depth)) {
        if (part_mode_) {
          failed_ = true;
          return SegmentEnd::Stop();
        }
        return SegmentEnd::Resume(StopTooDeep(*parser.get()));
      }
      const yaml_event_t& e = event.get();
      switch (e.type) {
        case YAML_STREAM_END_EVENT:
          return SegmentEnd::Resume(std::nullopt);
        case YAML_DOCUMENT_START_EVENT:
          // The previous document is complete and libyaml starts afresh at this `---` line.
          if (!reader_error_is_final && IsLaterPartStart(marks_->ToByte(e.start_mark.index))) {
            return SegmentEnd::AtPartStart(marks_->ToByte(e.start_mark.index));
          }
          if (!StartDocument(e)) return SegmentEnd::Stop();
          break;
        case YAML_DOCUMENT_END_EVENT:
          if (truncated_ && marks_->ToByte(e.start_mark.index) >= limit_) Drop();
          FinishDocument();
          break;
        case YAML_SCALAR_EVENT:
          if (!dropping_) OnScalar(e);
          break;
        case YAML_ALIAS_EVENT:
          if (!dropping_) OnAlias(e);
          break;
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT:
          if (!dropping_) OnCollectionStart(e);
          break;
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
          if (!dropping_) OnCollectionEnd(e);
          break;
        default:
          break;
      }
      if (failed_) return SegmentEnd::Stop();
    }
  }

  // Reports libyaml's error (unless it is only the truncation at limit_) and returns where to
  // resume: the next line starting with `---` after the error.
  std::optional<uint32_t> ReportParserError(const yaml_parser_t& parser) {
    uint32_t offset = segment_begin_;
    std::string message;
    switch (parser.error) {
      case YAML_MEMORY_ERROR:
        message = "out of memory while parsing YAML";
        break;
      case YAML_READER_ERROR:
        // Only when FirstUnreadable and libyaml disagree about a byte.
        offset = segment_begin_ +
                 static_cast<uint32_t>(std::min<size_t>(parser.problem_offset, text_.size()));
        message = parser.problem != nullptr ? parser.problem : "unreadable input";
        break;
      default: {
        offset = marks_->ToByte(parser.problem_mark.index);
        message = parser.problem != nullptr ? parser.problem : "syntax error";
        if (parser.context != nullptr) {
          engine::Position at = file_.PositionAt(marks_->ToByte(parser.context_mark.index));
          message += " (" + std::string(parser.context) + " at line " +
                     std::to_string(at.line + 1) + " column " + std::to_string(at.column + 1) + ")";
        }
        break;
      }
    }
    if (!truncated_ || offset < limit_) {
      Report(engine::kSyntaxErrorId, ErrorRange(offset), "yaml syntax error: " + message);
    }
    // Drop the document being built and resume at the next `---` line after the error.
    uint32_t failed_begin = in_document_ ? doc_begin_ : segment_begin_;
    ResetDocument();
    uint32_t line_start = file_.OffsetAt({file_.PositionAt(offset).line, 0});
    return NextDocumentMarker(std::max(line_start, failed_begin + 1));
  }

  // Ends a segment whose flow nesting passed the depth limit; returns where to resume.
  std::optional<uint32_t> StopTooDeep(const yaml_parser_t& parser) {
    uint32_t offset = marks_->ToByte(parser.mark.index);
    if (!depth_reported_) ReportTooDeep(offset);
    uint32_t failed_begin = in_document_ ? doc_begin_ : segment_begin_;
    ResetDocument();
    uint32_t line_start = file_.OffsetAt({file_.PositionAt(offset).line, 0});
    return NextDocumentMarker(std::max(line_start, failed_begin + 1));
  }

  void ReportTooDeep(uint32_t offset) {
    depth_reported_ = true;
    Report(engine::kLimitExceededId, ErrorRange(offset),
           "yaml nesting is deeper than " + std::to_string(limits_.max_depth) +
               " levels; the document is dropped");
  }

  // The first line starting at or after `from` that begins with a `---` document marker.
  std::optional<uint32_t> NextDocumentMarker(uint32_t from) const {
    size_t pos = from;
    // Move to a line start.
    if (pos > 0 && pos < text_.size() && text_[pos - 1] != '\n') {
      size_t newline = text_.find('\n', pos);
      if (newline == std::string_view::npos) return std::nullopt;
      pos = newline + 1;
    }
    while (pos < text_.size()) {
      if (IsDocumentMarker(text_, pos)) return static_cast<uint32_t>(pos);
      size_t newline = text_.find('\n', pos);
      if (newline == std::string_view::npos) return std::nullopt;
      pos = newline + 1;
    }
    return std::nullopt;
  }

  // --- documents -------------------------------------------------------------------------------

  void ResetDocument() {
    in_document_ = false;
    depth_reported_ = false;
    dropping_ = false;
    stack_.clear();
    root_.reset();
    anchors_.clear();
  }

  bool StartDocument(const yaml_event_t& e) {
    ResetDocument();
    if (documents_seen_ >= limits_.max_documents) {
      Report(engine::kLimitExceededId, ErrorRange(marks_->ToByte(e.start_mark.index)),
             "more than " + std::to_string(limits_.max_documents) +
                 " YAML documents in one file; the rest of the file is ignored");
      return false;
    }
    ++documents_seen_;
    in_document_ = true;
    doc_explicit_ = e.data.document_start.implicit == 0;
    doc_begin_ = marks_->ToByte(e.start_mark.index);
    return true;
  }

  void FinishDocument() {
    if (in_document_ && !dropping_ && root_.has_value()) {
      uint32_t begin = doc_explicit_ ? doc_begin_ : root_->range().begin;
      uint32_t end = std::max(begin, root_->range().end);
      out_->documents.push_back(YamlDocument{std::move(*root_), SourceRange{&file_, begin, end}});
    }
    ResetDocument();
  }

  void Drop() {
    dropping_ = true;
    stack_.clear();
    root_.reset();
  }

  // --- nodes -----------------------------------------------------------------------------------

  SourceRange Range(uint32_t begin, uint32_t end) const { return SourceRange{&file_, begin, end}; }

  // Last byte of a block scalar's content: libyaml's end mark includes trailing blank lines.
  uint32_t TrimTrailingSpace(uint32_t begin, uint32_t end) const {
    while (end > begin) {
      char c = text_[end - 1];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      --end;
    }
    return end;
  }

  void OnScalar(const yaml_event_t& e) {
    const auto& scalar = e.data.scalar;
    uint32_t begin = marks_->ToByte(e.start_mark.index);
    uint32_t end = marks_->ToByte(e.end_mark.index);
    if (scalar.style == YAML_LITERAL_SCALAR_STYLE || scalar.style == YAML_FOLDED_SCALAR_STYLE) {
      end = TrimTrailingSpace(begin, end);
    }
    std::string_view text = EventText(scalar.value, scalar.length);
    std::string_view tag = EventText(scalar.tag);
    bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;

    // Mapping key: only the key string is needed.
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().has_key) {
      KeyInfo key;
      if (plain && tag.empty() && text == "<<") {
        key.is_merge = true;
      } else if (tag == "tag:yaml.org,2002:merge") {
        key.is_merge = true;
      } else if (tag.empty() && (!plain || PlainScalarIsString(text))) {
        key.text = std::string(text);
      } else {
        key.text = KeyString(ResolveScalar(text, plain, tag, Range(begin, end)));
      }
      if (scalar.anchor != nullptr) {
        anchors_[std::string(EventText(scalar.anchor))] =
            Anchor{ResolveScalar(text, plain, tag, Range(begin, end)), 1};
      }
      SetKey(std::move(key), begin, end);
      return;
    }
    Value value = ResolveScalar(text, plain, tag, Range(begin, end));
    if (scalar.anchor != nullptr)
      anchors_[std::string(EventText(scalar.anchor))] = Anchor{value, 1};
    AddValue(std::move(value), end, 1);
  }

  void OnAlias(const yaml_event_t& e) {
    uint32_t begin = marks_->ToByte(e.start_mark.index);
    uint32_t end = marks_->ToByte(e.end_mark.index);
    std::string_view name = EventText(e.data.alias.anchor);
    auto it = anchors_.find(name);
    Value value;
    uint64_t nodes = 1;
    if (it == anchors_.end()) {
      Report(engine::kSyntaxErrorId, Range(begin, end),
             "yaml alias *" + std::string(name) + " refers to an unknown anchor; it reads as null");
      value = Value::Null(Range(begin, end));
    } else {
      nodes = it->second.nodes;
      expanded_nodes_ = SaturatingAdd(expanded_nodes_, nodes);
      if (expanded_nodes_ > limits_.max_alias_expansion_nodes) {
        Report(engine::kLimitExceededId, Range(begin, end),
               "yaml aliases expand to more than " +
                   std::to_string(limits_.max_alias_expansion_nodes) +
                   " nodes in this file (an alias expansion bomb?); the document is dropped");
        Drop();
        return;
      }
      value = it->second.value.WithRange(Range(begin, end));
    }
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().has_key) {
      KeyInfo key;
      key.text = KeyString(value);
      SetKey(std::move(key), begin, end);
      return;
    }
    AddValue(std::move(value), end, nodes);
  }

  void OnCollectionStart(const yaml_event_t& e) {
    uint32_t begin = marks_->ToByte(e.start_mark.index);
    if (stack_.size() >= limits_.max_depth) {
      ReportTooDeep(begin);
      Drop();
      return;
    }
    Frame& frame = stack_.Push();
    frame.is_map = e.type == YAML_MAPPING_START_EVENT;
    const yaml_char_t* anchor;
    if (frame.is_map) {
      frame.flow = e.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
      anchor = e.data.mapping_start.anchor;
    } else {
      frame.flow = e.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
      anchor = e.data.sequence_start.anchor;
    }
    if (anchor != nullptr) frame.anchor = std::string(EventText(anchor));
    frame.begin = begin;
    frame.end = marks_->ToByte(e.end_mark.index);
  }

  void OnCollectionEnd(const yaml_event_t& e) {
    if (stack_.empty()) return;  // cannot happen with a well-formed event stream
    Frame& frame = stack_.back();
    uint32_t begin = frame.begin;
    uint32_t end = frame.flow ? marks_->ToByte(e.end_mark.index) : frame.end;
    end = std::max(end, begin);
    uint64_t nodes = frame.nodes;
    SourceRange range = Range(begin, end);
    Value value;
    if (frame.is_map) {
      ApplyMerges(&frame);
      value = Value::Map(frame.entries.TakeCompact(), range);
    } else {
      value = Value::List(ValueList(std::make_move_iterator(frame.elements.begin()),
                                    std::make_move_iterator(frame.elements.end())),
                          range);
      frame.elements.clear();
    }
    if (!frame.anchor.empty()) anchors_[frame.anchor] = Anchor{value, nodes};
    stack_.Pop();
    if (!stack_.empty() && stack_.back().is_map && !stack_.back().has_key) {
      // A collection used as a key (`? [a, b]`): sigs.k8s.io/yaml cannot convert it to JSON;
      // keep it under its printed form so nothing is silently lost.
      KeyInfo key;
      key.text = KeyString(value);
      SetKey(std::move(key), begin, end);
      return;
    }
    AddValue(std::move(value), end, nodes);
  }

  void SetKey(KeyInfo key, uint32_t begin, uint32_t end) {
    Frame& frame = stack_.back();
    frame.has_key = true;
    frame.key_is_merge = key.is_merge;
    frame.key = std::move(key.text);
    frame.key_begin = begin;
    frame.key_end = end;
    frame.end = std::max(frame.end, end);
    frame.nodes = SaturatingAdd(frame.nodes, 1);
  }

  // A completed value node: the document root, a sequence element or a mapping value.
  void AddValue(Value value, uint32_t end, uint64_t nodes) {
    if (stack_.empty()) {
      if (!root_.has_value()) root_ = std::move(value);
      return;
    }
    Frame& frame = stack_.back();
    frame.nodes = SaturatingAdd(frame.nodes, nodes);
    frame.end = std::max(frame.end, end);
    if (!frame.is_map) {
      frame.elements.push_back(std::move(value));
      return;
    }
    frame.has_key = false;
    if (frame.key_is_merge) {
      frame.merges.push_back(std::move(value));
      return;
    }
    Value entry =
        std::move(value).WithRange(Range(frame.key_begin, std::max(end, frame.key_begin)));
    // try_emplace moves neither the key nor the value when the key is already there.
    auto [it, inserted] = frame.entries.try_emplace(std::move(frame.key), std::move(entry));
    if (!inserted) {
      std::string path = CurrentPath();
      std::string where = path.empty() ? "" : " in " + path;
      Report(engine::kDuplicateKeyId, Range(frame.key_begin, frame.key_end),
             "duplicate key \"" + frame.key + "\"" + where + "; the last value is used",
             "duplicate key " + std::to_string(documents_seen_) + ":" + path + "." + frame.key);
      it->second = std::move(entry);
    }
  }

  // Adds the merged entries of `frame`: written keys win, then earlier merge sources.
  void ApplyMerges(Frame* frame) {
    for (const Value& source : frame->merges) {
      if (source.is_map()) {
        for (const auto& [key, value] : source.as_map()) frame->entries.try_emplace(key, value);
        continue;
      }
      bool ok = source.is_list();
      if (ok) {
        for (const Value& element : source.as_list()) {
          if (!element.is_map()) {
            ok = false;
            break;
          }
          for (const auto& [key, value] : element.as_map()) frame->entries.try_emplace(key, value);
        }
      }
      if (!ok) {
        Report(engine::kSyntaxErrorId, source.range(),
               "yaml merge key << needs a mapping or a list of mappings; it is ignored");
      }
    }
  }

  // The path of the mapping being built, e.g. "spec.template.spec.containers[0]".
  std::string CurrentPath() const {
    std::string path;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& frame = stack_[i];
      if (frame.is_map) {
        if (!path.empty()) path += '.';
        path += frame.key;
      } else {
        path += "[" + std::to_string(frame.elements.size()) + "]";
      }
    }
    return path;
  }

  // --- diagnostics -----------------------------------------------------------------------------

  // A one-character range at `offset` (empty at the end of a line or of the file).
  SourceRange ErrorRange(uint32_t offset) const {
    offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text_.size()));
    uint32_t end = offset;
    if (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    return Range(offset, end);
  }

  void Report(std::string_view id, SourceRange range, std::string message,
              std::string discriminator = {}) {
    if (part_mode_) {  // a part with a problem is parsed again in file order
      failed_ = true;
      return;
    }
    out_->diagnostics.push_back(
        engine::MakeEngineFinding(id, range, std::move(message), std::move(discriminator)));
  }

  const SourceFile& file_;
  std::string_view text_;
  const YamlLimits& limits_;
  YamlStream* out_;

  bool part_mode_ = false;
  bool failed_ = false;                                 // part mode: the part is not clean
  const std::vector<uint32_t>* part_starts_ = nullptr;  // resumption: where it may stop
  uint32_t run_begin_ = 0;

  MarkOffsets* marks_ = nullptr;
  uint32_t segment_begin_ = 0;
  uint32_t limit_ = 0;
  bool truncated_ = false;
  uint32_t reported_unreadable_ = std::numeric_limits<uint32_t>::max();

  bool in_document_ = false;
  bool doc_explicit_ = false;
  bool dropping_ = false;
  bool depth_reported_ = false;
  uint32_t doc_begin_ = 0;
  uint32_t documents_seen_ = 0;
  uint64_t expanded_nodes_ = 0;
  FrameStack stack_;
  std::optional<Value> root_;
  std::unordered_map<std::string, Anchor, StringHash, std::equal_to<>> anchors_;
};

// Where to cut `text` for parallel parsing: part starts (the first is the content start), or
// fewer than two when the stream is parsed whole.
std::vector<uint32_t> PartStarts(const SourceFile& file, const YamlLimits& limits) {
  std::vector<uint32_t> starts;
  std::string_view text = file.text();
  if (limits.jobs <= 1 || text.size() < limits.parallel_min_bytes) return starts;
  uint32_t begin = ContentBegin(text);
  if (LooksLikeJson(text, begin)) return starts;
  if (text.size() > begin && text[begin] == '%') return starts;
  starts.push_back(begin);
  size_t part_begin = begin;
  // The file's line index already holds every line start.
  for (uint32_t line : file.line_starts()) {
    if (line <= begin) continue;
    if (line >= text.size()) break;
    if (text[line] == '%') return {};  // a directive binds to the next document
    if (text[line] == '-' && line - part_begin >= limits.parallel_chunk_bytes &&
        IsDocumentMarker(text, line)) {
      starts.push_back(line);
      part_begin = line;
    }
  }
  return starts;
}

}  // namespace

YamlStream LoadYaml(const SourceFile& file, const YamlLimits& limits) {
  YamlStream stream;
  std::vector<uint32_t> starts = PartStarts(file, limits);
  if (starts.size() < 2) {
    Loader loader(file, limits, &stream);
    loader.Run();
    return stream;
  }
  // Parse the parts at once.
  struct Part {
    YamlStream stream;
    bool clean = false;
    uint32_t documents = 0;
    uint64_t expanded_nodes = 0;
  };
  std::vector<Part> parts(starts.size());
  engine::ParallelFor(parts.size(), limits.jobs, [&](size_t i) {
    uint32_t end = i + 1 < starts.size() ? starts[i + 1] : static_cast<uint32_t>(file.size());
    Loader loader(file, limits, &parts[i].stream);
    parts[i].clean = loader.RunPart(starts[i], end);
    parts[i].documents = loader.documents_seen();
    parts[i].expanded_nodes = loader.expanded_nodes();
  });
  // Join them in file order; a part that is not clean, or that would cross a file-wide limit, is
  // parsed again by the whole-file parse resumed at its start.
  uint32_t documents_seen = 0;
  uint64_t expanded_nodes = 0;
  size_t i = 0;
  while (i < parts.size()) {
    Part& part = parts[i];
    if (part.clean &&
        documents_seen + static_cast<uint64_t>(part.documents) <= limits.max_documents &&
        SaturatingAdd(expanded_nodes, part.expanded_nodes) <= limits.max_alias_expansion_nodes) {
      for (YamlDocument& d : part.stream.documents) stream.documents.push_back(std::move(d));
      documents_seen += part.documents;
      expanded_nodes = SaturatingAdd(expanded_nodes, part.expanded_nodes);
      part = Part();
      ++i;
      continue;
    }
    Loader loader(file, limits, &stream);
    std::optional<uint32_t> stop = loader.Resume(starts[i], documents_seen, expanded_nodes, starts);
    if (!stop.has_value()) break;
    documents_seen = loader.documents_seen();
    expanded_nodes = loader.expanded_nodes();
    size_t next =
        static_cast<size_t>(std::lower_bound(starts.begin(), starts.end(), *stop) - starts.begin());
    for (size_t k = i; k < next; ++k) parts[k] = Part();
    i = next;
  }
  return stream;
}

}  // namespace faultline::parsers::yaml
