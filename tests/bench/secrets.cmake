# Secret scanner benchmark (include from tests/bench/CMakeLists.txt). Not run by ctest:
# tests/bench/run_secrets_bench.sh runs it beside secretlint and prints the comparison.
add_executable(secrets_bench ${CMAKE_CURRENT_LIST_DIR}/secrets_bench.cc)
target_compile_options(secrets_bench PRIVATE ${FAULTLINE_WARNINGS})
target_link_libraries(secrets_bench PRIVATE faultline_secrets nlohmann_json::nlohmann_json
                      Threads::Threads)
