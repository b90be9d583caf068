# YAML / Kubernetes manifest benchmark (include from tests/bench/CMakeLists.txt). Not run by
# ctest: tests/bench/run_yaml_bench.sh runs it in Release and prints the figures.
add_executable(yaml_bench ${CMAKE_CURRENT_LIST_DIR}/yaml_bench.cc)
target_compile_options(yaml_bench PRIVATE ${FAULTLINE_WARNINGS})
target_link_libraries(yaml_bench PRIVATE faultline_k8s faultline_yaml PkgConfig::YAML)
