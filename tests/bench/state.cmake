# Terraform state loader benchmark (include from tests/bench/CMakeLists.txt). Not run by ctest:
# run `state_bench` from a Release build; it generates a 100,000-instance state (about 200 MB)
# in the temp directory and measures each load in a fresh process (see state_bench.cc);
# `state_bench --scan FILE` measures the scan path (engine::Scan with --state, RunRules).
add_executable(state_bench ${CMAKE_CURRENT_LIST_DIR}/state_bench.cc)
target_include_directories(state_bench PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_options(state_bench PRIVATE ${FAULTLINE_WARNINGS})
# --scan runs the whole scan (engine, rules), as `faultline scan --state` does.
target_link_libraries(state_bench PRIVATE faultline_engine faultline_parsers faultline_rules
  faultline_state tree_sitter_hcl tree_sitter_runtime nlohmann_json::nlohmann_json)
