# Kubernetes selector benchmark (include from tests/bench/CMakeLists.txt). Not run by ctest:
# build in Release and run `k8s_selector_bench` (defaults: 20,000 Deployments and 20,000
# PodDisruptionBudgets in one namespace); it prints ms per phase and peak RSS.
add_executable(k8s_selector_bench ${CMAKE_CURRENT_LIST_DIR}/k8s_selector_bench.cc)
target_compile_options(k8s_selector_bench PRIVATE ${FAULTLINE_WARNINGS})
target_link_libraries(k8s_selector_bench PRIVATE faultline_rules faultline_k8s faultline_yaml)
