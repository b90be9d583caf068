#!/usr/bin/env bash
# bootstrap.sh: install what is missing, build faultline, then run the demo or the test suite.
#
#   bash bootstrap.sh example   build, then `faultline scan examples/` (prints real findings)
#   bash bootstrap.sh test      build everything, run ctest, then a 60 s smoke run of each fuzzer
#
# Written for Debian 12 as root (a fresh minimal install works: compilers, cmake, node and the
# libraries are installed with apt-get when they are missing). Also fine on a machine that has
# everything already: then nothing is installed and nothing is downloaded except, once per
# package-lock.json, the pinned npm packages (tree-sitter runtime and grammars, reference tools
# the tests compare against).
#
# Environment: BUILD_DIR (default build), FUZZ_BUILD_DIR (default build-fuzz),
# FUZZ_SECONDS (default 60), JOBS (default: all cores).
set -euo pipefail

readonly kStart=$SECONDS
cd "$(dirname "${BASH_SOURCE[0]}")"
readonly kBuildDir=${BUILD_DIR:-build}
readonly kFuzzBuildDir=${FUZZ_BUILD_DIR:-build-fuzz}
readonly kFuzzSeconds=${FUZZ_SECONDS:-60}
readonly kJobs=${JOBS:-$(nproc 2>/dev/null || echo 2)}
export DEBIAN_FRONTEND=noninteractive

say() { printf '\n==> [%4d s] %s\n' "$((SECONDS - kStart))" "$*"; }
die() { printf 'bootstrap.sh: error: %s\n' "$*" >&2; exit 1; }

usage() {
  cat <<'EOF'
usage: bash bootstrap.sh example | test

  example  install what is missing, build, and run `faultline scan examples/`
  test     install what is missing, build everything, run the test suite (ctest)
           and a 60-second libFuzzer smoke run of each fuzz target (fuzz/)
EOF
}

# --- dependencies -------------------------------------------------------------------------------
# Each entry is "package:kind:probe". kind "cmd" probes for a command on PATH (so a node or a
# compiler installed some other way counts), kind "pkg" asks dpkg whether the package is installed.
readonly kBuildDeps=(
  "build-essential:cmd:g++"
  "cmake:cmd:cmake"
  "ninja-build:cmd:ninja"
  "pkg-config:cmd:pkg-config"
  "git:cmd:git"
  "ca-certificates:pkg:ca-certificates"
  "nodejs:cmd:node"
  "npm:cmd:npm"
  "nlohmann-json3-dev:pkg:nlohmann-json3-dev"
  "libre2-dev:pkg:libre2-dev"
  "libcli11-dev:pkg:libcli11-dev"
  "libyaml-dev:pkg:libyaml-dev"
  "libmimalloc-dev:pkg:libmimalloc-dev"
)
readonly kTestDeps=(
  "libgtest-dev:pkg:libgtest-dev"
  "libbenchmark-dev:pkg:libbenchmark-dev"
  "clang-14:cmd:clang++-14"
  "libclang-rt-14-dev:pkg:libclang-rt-14-dev"
  "python3:cmd:python3"
  "pre-commit:cmd:pre-commit"
)

is_present() {
  local kind=$1 probe=$2
  case $kind in
    cmd) command -v "$probe" >/dev/null 2>&1 ;;
    pkg) dpkg-query -W -f='${Status}' "$probe" 2>/dev/null | grep -q 'ok installed' ;;
    *) die "unknown dependency kind: $kind" ;;
  esac
}

install_missing() {
  local entry package kind probe
  local missing=()
  for entry in "$@"; do
    IFS=: read -r package kind probe <<<"$entry"
    is_present "$kind" "$probe" || missing+=("$package")
  done
  if ((${#missing[@]} == 0)); then
    echo "all system dependencies are present"
    return
  fi
  echo "missing: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then
    die "not running as root: install these packages first (apt-get install ${missing[*]})"
  fi
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing[*]} by hand"
  apt-get update
  apt-get install -y --no-install-recommends "${missing[@]}"
}

# --- npm sources (tree-sitter runtime and grammars, reference tools for the tests) --------------
# `npm ci` runs only when node_modules is missing or was installed from another package-lock.json.
ensure_node_modules() {
  local stamp=node_modules/.faultline-lock.sha256
  local want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [[ -d node_modules && -f $stamp && $(cat "$stamp") == "$want" ]]; then
    echo "node_modules is up to date with package-lock.json"
    return
  fi
  echo "node $(node --version), npm $(npm --version)"
  npm ci --ignore-scripts --no-audit --no-fund
  echo "$want" >"$stamp"
}

# --- build --------------------------------------------------------------------------------------
configure_and_build() {
  local with_tests=$1
  shift
  cmake -S . -B "$kBuildDir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DFAULTLINE_BUILD_TESTS="$with_tests" -DFAULTLINE_BUILD_BENCHMARKS="$with_tests"
  cmake --build "$kBuildDir" -j "$kJobs" "$@"
}

# --- commands -----------------------------------------------------------------------------------
# Note: run_fuzz_smoke is called as `run_fuzz_smoke || ...`, where bash ignores `set -e`, so every
# step in it checks its own status.
run_example() {
  say "Installing missing system packages"
  install_missing "${kBuildDeps[@]}"
  say "Fetching pinned npm sources"
  ensure_node_modules
  say "Configuring and building faultline (Release) in $kBuildDir/"
  configure_and_build OFF --target faultline

  say "Running: $kBuildDir/faultline scan examples/"
  local status=0
  "$kBuildDir/faultline" scan examples/ || status=$?
  echo
  case $status in
    1)
      echo "faultline exited with status 1: it found the problems planted in examples/ (see"
      echo "examples/README.md). Status 1 means 'findings at or above --fail-on'; this is the"
      echo "expected result of the demo."
      ;;
    0) die "faultline exited 0 (no findings), but examples/ contains known problems" ;;
    *) die "faultline exited with status $status (usage or input error)" ;;
  esac
  echo "bootstrap.sh example: done in $((SECONDS - kStart)) s"
}

# The libFuzzer targets of fuzz/ (NAME_fuzzer; seeds in $kFuzzBuildDir/fuzz/seeds/NAME, regression
# inputs in fuzz/regressions/NAME): the HCL load + evaluate target for $kFuzzSeconds seconds, the
# other input formats (YAML manifests, state/plan JSON, live exports) for half that each.
readonly kFuzzTargets=(hcl_load yaml_load state_load live_load)
fuzz_seconds_for() { if [[ $1 == hcl_load ]]; then echo "$kFuzzSeconds"; else echo $((kFuzzSeconds / 2)); fi; }

run_fuzz_smoke() {
  say "Building the libFuzzer targets with clang-14 in $kFuzzBuildDir/"
  cmake -S . -B "$kFuzzBuildDir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DFAULTLINE_BUILD_FUZZERS=ON -DFAULTLINE_BUILD_TESTS=OFF -DFAULTLINE_BUILD_BENCHMARKS=OFF ||
    { echo "configuring the fuzz build FAILED"; return 1; }
  local name targets=()
  for name in "${kFuzzTargets[@]}"; do targets+=("${name}_fuzzer"); done
  cmake --build "$kFuzzBuildDir" -j "$kJobs" --target "${targets[@]}" ||
    { echo "building the fuzz targets FAILED"; return 1; }

  local failed=0
  for name in "${kFuzzTargets[@]}"; do
    local work="$kFuzzBuildDir/fuzz/run/$name"
    local seeds="$kFuzzBuildDir/fuzz/seeds/$name"
    local seconds
    seconds=$(fuzz_seconds_for "$name")
    say "Fuzzing ${name} for ${seconds} s (seeds: $seeds, fuzz/regressions/$name)"
    rm -rf "$work" && mkdir -p "$work/corpus" "$work/artifacts" "$seeds" || return 1
    local corpora=("$work/corpus" "$seeds")
    if [[ -d fuzz/regressions/$name ]]; then corpora+=("fuzz/regressions/$name"); fi
    local status=0
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
      ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
      "$kFuzzBuildDir/fuzz/${name}_fuzzer" -max_total_time="$seconds" -rss_limit_mb=2048 \
      -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/" \
      "${corpora[@]}" >"$work/fuzz.log" 2>&1 || status=$?
    grep -E '^(INFO: seed corpus|#[0-9]+[[:space:]]+(INITED|DONE)|stat::(number_of_executed_units|new_units_added|peak_rss_mb)|Done )' \
      "$work/fuzz.log" || true
    if ((status != 0)); then
      tail -n 80 "$work/fuzz.log"
      echo "fuzzing ${name} FAILED (status $status); crash inputs are in $work/artifacts/."
      echo "Minimise one with -minimize_crash=1 and add it to fuzz/regressions/$name/."
      failed=1
    else
      echo "fuzzing ${name} passed (log: $work/fuzz.log)"
    fi
  done
  return "$failed"
}

run_test() {
  say "Installing missing system packages"
  install_missing "${kBuildDeps[@]}" "${kTestDeps[@]}"
  say "Fetching pinned npm sources"
  ensure_node_modules
  say "Configuring and building everything (Release) in $kBuildDir/"
  configure_and_build ON

  say "Running the test suite"
  local ctest_status=0
  ctest --test-dir "$kBuildDir" --output-on-failure -j2 2>&1 | tee "$kBuildDir/ctest.log" ||
    ctest_status=$?
  local line total=0 failed=0
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of [0-9]+' "$kBuildDir/ctest.log" |
    tail -n 1 || true)
  if [[ $line =~ ([0-9]+)\ tests?\ failed\ out\ of\ ([0-9]+) ]]; then
    failed=${BASH_REMATCH[1]}
    total=${BASH_REMATCH[2]}
  fi
  if ((total == 0)); then
    echo "ctest ran no tests"
    ctest_status=1
  fi

  local fuzz_status=0
  run_fuzz_smoke || fuzz_status=1

  local passed=$((total - failed + (fuzz_status == 0 ? 1 : 0)))
  failed=$((failed + fuzz_status + (total == 0 ? 1 : 0)))
  echo
  echo "bootstrap.sh test: ctest status $ctest_status, fuzz smoke status $fuzz_status," \
    "$((SECONDS - kStart)) s in all"
  echo "bootstrap: $passed passed, $failed failed"
  ((ctest_status == 0 && fuzz_status == 0))
}

main() {
  [[ $# -eq 1 ]] || { usage >&2; exit 2; }
  case $1 in
    example) run_example ;;
    test) run_test ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
