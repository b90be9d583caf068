// Encoding and hashing functions: jsonencode/jsondecode, yamlencode/yamldecode, csvdecode,
// base64, urlencode, md5/sha*, uuidv5; and the non-deterministic functions (uuid, timestamp,
// bcrypt, plantimestamp), which are known but always Unknown.
#include <string>

#include "engine/eval/builtins.h"
#include "engine/eval/hash.h"
#include "engine/eval/json_codec.h"
#include "engine/eval/text.h"
#include "engine/eval/yaml_codec.h"

namespace faultline::engine::eval {

namespace {

Value FromStatus(Call& call, const CodecStatus& status) {
  return status.limit_exceeded ? call.LimitFail(status.error) : call.Fail(status.error);
}

Value JsonEncode(Call& call) {
  std::string out;
  CodecStatus status;
  if (!EncodeJson(call.arg(0), call.limits(), &out, &status)) return FromStatus(call, status);
  return call.String(std::move(out));
}

Value JsonDecode(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  Value out;
  CodecStatus status;
  if (!DecodeJson(text, call.range(), call.limits(), &out, &status)) {
    return FromStatus(call, status);
  }
  if (!call.Charge(text.size() / 16)) return call.Failed();
  return Derived(out);
}

Value YamlDecode(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  Value out;
  CodecStatus status;
  if (!DecodeYaml(text, call.range(), call.limits(), &out, &status)) {
    return FromStatus(call, status);
  }
  if (!call.Charge(text.size() / 16)) return call.Failed();
  return Derived(out);
}

Value YamlEncode(Call& call) {
  std::string out;
  CodecStatus status;
  if (!EncodeYaml(call.arg(0), call.limits(), &out, &status)) return FromStatus(call, status);
  return call.String(std::move(out));
}

// RFC 4180 CSV with a header row; every row becomes a map from header to field.
Value CsvDecode(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool in_quotes = false, field_started = false, any = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    bool end = i == text.size();
    char c = end ? '\n' : text[i];
    if (in_quotes) {
      if (end) return call.Fail("parse error: extraneous or missing \" in quoted-field");
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"' && !field_started) {
      in_quotes = true;
      field_started = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      field_started = false;
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || field_started || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      field_started = false;
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
    if (rows.size() > call.limits().max_collection_elements) {
      return call.LimitFail("csvdecode: too many rows");
    }
  }
  if (rows.empty()) return call.Fail("missing header line");
  const std::vector<std::string>& header = rows[0];
  ValueList out;
  for (size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].size() != header.size()) {
      return call.Fail("record on line " + std::to_string(r + 1) + ": wrong number of fields");
    }
    ValueMap map;
    for (size_t k = 0; k < header.size(); ++k) {
      map.insert_or_assign(header[k], Derived(Value::String(rows[r][k], call.range())));
    }
    out.push_back(Derived(Value::Map(std::move(map), call.range())));
    if (!call.Charge(header.size())) return call.Failed();
  }
  return call.List(std::move(out));
}

Value Base64EncodeFn(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  if (!call.CheckStringSize(text.size() / 3 * 4 + 4)) return call.Failed();
  return call.String(Base64Encode(text));
}

Value Base64DecodeFn(Call& call) {
  std::string text, out;
  if (!call.ArgString(0, &text)) return call.Failed();
  if (!Base64Decode(text, &out)) {
    return call.Fail("failed to decode base64 data \"" + text.substr(0, 60) + "\"");
  }
  if (!IsValidUtf8(out)) {
    return call.Fail("the result of decoding the provided string is not valid UTF-8");
  }
  return call.String(std::move(out));
}

Value TextEncodeBase64(Call& call) {
  std::string text, encoding;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &encoding)) return call.Failed();
  std::string upper = UpperCase(encoding);
  if (upper == "UTF-8" || upper == "UTF8") return call.String(Base64Encode(text));
  if (upper == "UTF-16LE" || upper == "UTF-16BE") {
    bool little = upper == "UTF-16LE";
    std::string bytes;
    for (size_t i = 0; i < text.size();) {
      char32_t cp;
      i += DecodeUtf8(text, i, &cp);
      auto unit = [&](uint32_t u) {
        char hi = static_cast<char>((u >> 8) & 0xFF), lo = static_cast<char>(u & 0xFF);
        bytes.push_back(little ? lo : hi);
        bytes.push_back(little ? hi : lo);
      };
      if (cp >= 0x10000) {
        cp -= 0x10000;
        unit(0xD800 + (cp >> 10));
        unit(0xDC00 + (cp & 0x3FF));
      } else {
        unit(cp);
      }
    }
    return call.String(Base64Encode(bytes));
  }
  return call.UnknownResult("textencodebase64 with encoding " + encoding + " is not supported");
}

Value TextDecodeBase64(Call& call) {
  std::string text, encoding, bytes;
  if (!call.ArgString(0, &text) || !call.ArgString(1, &encoding)) return call.Failed();
  if (!Base64Decode(text, &bytes))
    return call.Fail("the given value is has an invalid base64 symbol");
  std::string upper = UpperCase(encoding);
  if (upper == "UTF-8" || upper == "UTF8") return call.String(SanitizeUtf8(bytes));
  if (upper == "UTF-16LE" || upper == "UTF-16BE") {
    bool little = upper == "UTF-16LE";
    std::string out;
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
      auto b0 = static_cast<unsigned char>(bytes[i]), b1 = static_cast<unsigned char>(bytes[i + 1]);
      char32_t unit = little ? (b1 << 8 | b0) : (b0 << 8 | b1);
      if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
        auto c0 = static_cast<unsigned char>(bytes[i + 2]),
             c1 = static_cast<unsigned char>(bytes[i + 3]);
        char32_t low = little ? (c1 << 8 | c0) : (c0 << 8 | c1);
        if (low >= 0xDC00 && low < 0xE000) {
          unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
          i += 2;
        }
      }
      if (unit >= 0xD800 && unit < 0xE000) unit = 0xFFFD;
      AppendUtf8(unit, &out);
    }
    return call.String(std::move(out));
  }
  return call.UnknownResult("textdecodebase64 with encoding " + encoding + " is not supported");
}

// Go's url.QueryEscape.
Value UrlEncode(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return call.String(std::move(out));
}

template <std::string (*Digest)(std::string_view), bool kBase64>
Value HashFn(Call& call) {
  std::string text;
  if (!call.ArgString(0, &text)) return call.Failed();
  if (!call.Charge(text.size() / 64)) return call.Failed();
  std::string digest = Digest(text);
  return call.String(kBase64 ? Base64Encode(digest) : HexEncode(digest));
}

bool ParseUuid(std::string_view text, std::string* bytes) {
  std::string hex;
  for (char c : text) {
    if (c == '-') continue;
    hex.push_back(c);
  }
  if (hex.size() != 32) return false;
  bytes->clear();
  for (size_t i = 0; i < 32; i += 2) {
    auto nibble = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    int hi = nibble(hex[i]), lo = nibble(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    bytes->push_back(static_cast<char>(hi << 4 | lo));
  }
  return true;
}

Value UuidV5(Call& call) {
  std::string ns, name;
  if (!call.ArgString(0, &ns) || !call.ArgString(1, &name)) return call.Failed();
  std::string space;
  if (ns == "dns") {
    ns = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
  } else if (ns == "url") {
    ns = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
  } else if (ns == "oid") {
    ns = "6ba7b812-9dad-11d1-80b4-00c04fd430c8";
  } else if (ns == "x500") {
    ns = "6ba7b814-9dad-11d1-80b4-00c04fd430c8";
  }
  if (!ParseUuid(ns, &space)) {
    return call.Fail("uuidv5() doesn't support namespace " + ns);
  }
  std::string digest = Sha1(space + name).substr(0, 16);
  digest[6] = static_cast<char>((digest[6] & 0x0F) | 0x50);
  digest[8] = static_cast<char>((digest[8] & 0x3F) | 0x80);
  std::string hex = HexEncode(digest);
  return call.String(hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
                     hex.substr(16, 4) + "-" + hex.substr(20));
}

Value NotDeterministic(Call& call) {
  return call.UnknownResult(std::string(call.name()) + "() is not known until apply time");
}

constexpr BuiltinSpec kEncodingBuiltins[] = {
    {"base64decode", 1, 1, UnknownPolicy::kDeep, Base64DecodeFn},
    {"base64encode", 1, 1, UnknownPolicy::kDeep, Base64EncodeFn},
    {"base64sha256", 1, 1, UnknownPolicy::kDeep, HashFn<Sha256, true>},
    {"base64sha512", 1, 1, UnknownPolicy::kDeep, HashFn<Sha512, true>},
    {"bcrypt", 1, 2, UnknownPolicy::kCustom, NotDeterministic},
    {"csvdecode", 1, 1, UnknownPolicy::kDeep, CsvDecode},
    {"jsondecode", 1, 1, UnknownPolicy::kDeep, JsonDecode},
    {"jsonencode", 1, 1, UnknownPolicy::kDeep, JsonEncode},
    {"md5", 1, 1, UnknownPolicy::kDeep, HashFn<Md5, false>},
    {"plantimestamp", 0, 0, UnknownPolicy::kCustom, NotDeterministic},
    {"sha1", 1, 1, UnknownPolicy::kDeep, HashFn<Sha1, false>},
    {"sha256", 1, 1, UnknownPolicy::kDeep, HashFn<Sha256, false>},
    {"sha512", 1, 1, UnknownPolicy::kDeep, HashFn<Sha512, false>},
    {"textdecodebase64", 2, 2, UnknownPolicy::kDeep, TextDecodeBase64},
    {"textencodebase64", 2, 2, UnknownPolicy::kDeep, TextEncodeBase64},
    {"timestamp", 0, 0, UnknownPolicy::kCustom, NotDeterministic},
    {"urlencode", 1, 1, UnknownPolicy::kDeep, UrlEncode},
    {"uuid", 0, 0, UnknownPolicy::kCustom, NotDeterministic},
    {"uuidv5", 2, 2, UnknownPolicy::kDeep, UuidV5},
    {"yamldecode", 1, 1, UnknownPolicy::kDeep, YamlDecode},
    {"yamlencode", 1, 1, UnknownPolicy::kDeep, YamlEncode},
};

}  // namespace

std::span<const BuiltinSpec> EncodingBuiltins() { return kEncodingBuiltins; }

}  // namespace faultline::engine::eval
