// Internal: message digests (MD5, SHA-1, SHA-256, SHA-512) and base64/hex codecs for the
// encoding and hash functions. Self-contained; no crypto library dependency. Digests return raw
// bytes.
#ifndef FAULTLINE_ENGINE_EVAL_HASH_H_
#define FAULTLINE_ENGINE_EVAL_HASH_H_

#include <string>
#include <string_view>

namespace faultline::engine::eval {

std::string Md5(std::string_view data);
std::string Sha1(std::string_view data);
std::string Sha256(std::string_view data);
std::string Sha512(std::string_view data);

std::string HexEncode(std::string_view bytes);
std::string Base64Encode(std::string_view bytes);
// Standard alphabet with padding (Go's base64.StdEncoding, which ignores \r and \n); false on
// malformed input.
bool Base64Decode(std::string_view text, std::string* out);

}  // namespace faultline::engine::eval

#endif  // FAULTLINE_ENGINE_EVAL_HASH_H_
