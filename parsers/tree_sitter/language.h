// The tree-sitter grammars faultline links in (compiled from node_modules by CMake).
//
// Each accessor returns a static, immutable language object that is safe to share between
// threads and never freed.
#ifndef FAULTLINE_PARSERS_TREE_SITTER_LANGUAGE_H_
#define FAULTLINE_PARSERS_TREE_SITTER_LANGUAGE_H_

#include <tree_sitter/api.h>

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace faultline::parsers::tree_sitter {

// The HCL grammar (@tree-sitter-grammars/tree-sitter-hcl), which also covers Terraform.
inline const TSLanguage* HclLanguage() { return tree_sitter_hcl(); }

}  // namespace faultline::parsers::tree_sitter

#endif  // FAULTLINE_PARSERS_TREE_SITTER_LANGUAGE_H_
