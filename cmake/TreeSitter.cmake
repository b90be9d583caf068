# Compiles the tree-sitter C runtime and the HCL grammar straight from node_modules.
# Nothing from node_modules is copied into the repository.
set(_ts_root "${FAULTLINE_NODE_MODULES}/tree-sitter/vendor/tree-sitter/lib")
set(_hcl_root "${FAULTLINE_NODE_MODULES}/@tree-sitter-grammars/tree-sitter-hcl")
if(NOT EXISTS "${_ts_root}/src/lib.c" OR NOT EXISTS "${_hcl_root}/src/parser.c")
  message(FATAL_ERROR
    "tree-sitter sources not found under ${FAULTLINE_NODE_MODULES}. "
    "Run `npm ci --ignore-scripts` in the repository root first.")
endif()

# Position-independent (any executable can link them), but without semantic interposition: with
# plain -fPIC every call between the runtime's own global functions goes through the PLT and none
# can be inlined, which costs tree-sitter's parse ~6% of its instructions (callgrind, tsparse of
# cloudposse__terraform-aws-components: 2,895 M with, 2,727 M without) and ~8% of its time.
set(_ts_flags -w -fno-semantic-interposition)

add_library(tree_sitter_runtime STATIC "${_ts_root}/src/lib.c")
target_include_directories(tree_sitter_runtime PUBLIC "${_ts_root}/include"
                           PRIVATE "${_ts_root}/src" "${_ts_root}/src/wasm")
target_compile_options(tree_sitter_runtime PRIVATE ${_ts_flags})
target_compile_definitions(tree_sitter_runtime PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
set_target_properties(tree_sitter_runtime PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)

add_library(tree_sitter_hcl STATIC "${_hcl_root}/src/parser.c" "${_hcl_root}/src/scanner.c")
target_include_directories(tree_sitter_hcl PRIVATE "${_hcl_root}/src")
target_compile_options(tree_sitter_hcl PRIVATE ${_ts_flags})
set_target_properties(tree_sitter_hcl PROPERTIES C_STANDARD 11 POSITION_INDEPENDENT_CODE ON)
target_link_libraries(tree_sitter_hcl PUBLIC tree_sitter_runtime)
