#!/usr/bin/env bash
# run_yaml_bench.sh: runs yaml_bench (libyaml alone, LoadYaml, LoadYaml + KubernetesObjects) in a
# fresh process per mode over the shared Kubernetes corpus and a generated 20,000-object stream,
# and prints a table: wall and CPU MB/s (CPU: all threads), the ratio to libyaml alone, and peak
# RSS; modes load-j2 and objects-j2 are the same allowed 2 threads (YamlLimits::jobs and
# KubernetesOptions::jobs = 2, as a scan at --jobs 2 of one large file). Then the end to
# end figures, what a user runs: `faultline scan --no-secrets --format json` at --jobs 1 and 2 on
# the generated stream and on the corpus manifests (kustomizations not rendered: kubectl's time is
# not YAML's), with wall and CPU (user + sys) MB/s, peak RSS, and whether --jobs 1 and 2 wrote the
# same JSON; once with every rule of the pack, once (rows *-3r) with only the issue's three rules.
#
# usage: tests/bench/run_yaml_bench.sh [BUILD_DIR]     (default: build; build it in Release first)
# Environment: SHARED_DIR (default: ../shared beside the repository), REPEAT (default 3: each
# figure is the best of REPEAT runs; peak RSS the largest), OBJECTS (generated objects, 20000).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build_dir=${1:-build}
bench=$(find "$build_dir" -name yaml_bench -type f -perm -u+x | head -n 1)
faultline=$build_dir/faultline
shared_dir=${SHARED_DIR:-../shared}
repeat=${REPEAT:-3}
objects=${OBJECTS:-20000}

[[ -n $bench ]] || { echo "run_yaml_bench.sh: yaml_bench not found under $build_dir" >&2; exit 2; }
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
[[ $build_type == Release ]] || echo "warning: $build_dir is a '$build_type' build; figures are meaningful only for Release"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" generate "$tmp/generated.yaml" --objects "$objects"

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p; s/^$1=\([^ ]*\).*/\1/p" <<<" $2" | head -n 1; }
best_of() {  # best_of MODE PATHS...: the run with the least CPU time; max peak RSS
  local mode=$1 best="" rss=0 line="" out cpu r jobs=1
  shift
  # load-j2: LoadYaml allowed 2 threads (large streams parsed in parts).
  [[ $mode == load-j2 ]] && mode=load && jobs=2
  [[ $mode == objects-j2 ]] && mode=objects && jobs=2
  for ((i = 0; i < repeat; i++)); do
    out=$("$bench" "$mode" "$@" --jobs "$jobs")
    cpu=$(field cpu_ms "$out")
    r=$(field peak_rss_mb "$out")
    if [[ -z $best ]] || awk -v a="$cpu" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$cpu
      line=$out
    fi
    rss=$(awk -v a="$r" -v b="$rss" 'BEGIN { print (a > b) ? a : b }')
  done
  echo "$rss $line"
}

k8s=()
for project in argoproj__argo-cd prometheus-operator__prometheus-operator \
               cert-manager__cert-manager GoogleCloudPlatform__microservices-demo; do
  [[ -d $shared_dir/corpus/realworld/$project ]] && k8s+=("$shared_dir/corpus/realworld/$project")
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (CPU MB/s is steadier than wall MB/s on a busy machine)"
printf '\n%-10s %-8s %6s %7s | %9s %9s | %8s %8s | %9s | %8s %8s\n' \
  input mode files MB wall_ms cpu_ms MB/s cpuMB/s cpu/libyaml rss_MB objects
run() {  # run NAME PATHS...
  local name=$1 base_cpu=""
  shift
  for mode in libyaml load load-j2 objects objects-j2; do
    read -r rss line < <(best_of "$mode" "$@")
    local cpu
    cpu=$(field cpu_ms "$line")
    [[ $mode == libyaml ]] && base_cpu=$cpu
    printf '%-10s %-8s %6s %7s | %9s %9s | %8s %8s | %9s | %8s %8s\n' "$name" "$mode" \
      "$(field files "$line")" "$(awk -v b="$(field bytes "$line")" 'BEGIN { printf "%.1f", b / 1e6 }')" \
      "$(field wall_ms "$line")" "$cpu" "$(field mb_per_s "$line")" "$(field cpu_mb_per_s "$line")" \
      "$(awk -v a="$cpu" -v b="$base_cpu" 'BEGIN { printf "%.2fx", a / b }')" "$rss" \
      "$(field objects "$line")"
  done
}
if [[ ${E2E_ONLY:-} ]]; then :; elif ((${#k8s[@]})); then run corpus "${k8s[@]}"; else echo "corpus: $shared_dir/corpus/realworld not found, skipped"; fi
[[ ${E2E_ONLY:-} ]] || run generated "$tmp/generated.yaml"

# End to end: faultline scan, best wall time of REPEAT runs per --jobs value.
if [[ ! -x $faultline ]]; then
  echo "end to end: $faultline not found (build the faultline target), skipped"
  exit 0
fi
printf '\n%-10s %-6s %7s | %9s %9s | %8s %8s | %8s %9s %s\n' \
  input jobs MB wall_ms cpu_ms MB/s cpuMB/s rss_MB findings "jobs 1 vs 2"
scan() {  # scan NAME BYTES ARGS...: one line per --jobs value
  local name=$1 bytes=$2
  shift 2
  for jobs in 1 2; do
    local best="" best_cpu="" rss=0 t u s wall cpu r
    for ((i = 0; i < repeat; i++)); do
      /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$faultline" scan --jobs "$jobs" --no-secrets \
        --format json "$@" >"$tmp/scan$jobs.json" 2>/dev/null || true
      # (time prints "Command exited with non-zero status 1" first when findings were reported)
      read -r t u s r < <(tail -n 1 "$tmp/time")
      wall=$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')
      cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%d", (u + s) * 1000 }')
      if [[ -z $best ]] || ((wall < best)); then best=$wall; best_cpu=$cpu; fi
      ((r > rss)) && rss=$r
    done
    local same=""
    if [[ $jobs == 2 ]]; then
      cmp -s "$tmp/scan1.json" "$tmp/scan2.json" && same=identical || same=DIFFERENT
    fi
    printf '%-10s %-6s %7s | %9s %9s | %8s %8s | %8s %9s %s\n' "$name" "$jobs" \
      "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$best" "$best_cpu" \
      "$(awk -v b="$bytes" -v ms="$best" 'BEGIN { printf "%.1f", b / 1e3 / ms }')" \
      "$(awk -v b="$bytes" -v ms="$best_cpu" 'BEGIN { printf "%.1f", b / 1e3 / ms }')" \
      "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" \
      "$(grep -o '"rule_id"' "$tmp/scan$jobs.json" | wc -l)" "$same"
  done
}
manifest_bytes() { find "$@" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) -printf '%s\n' |
  awk '{ s += $1 } END { print s + 0 }'; }
# Every rule of the pack (what a user runs), then only the issue's three rules (load + graph +
# missing PDB, PDB selecting nothing, missing readiness probe: the scope the bar was set for).
three_rules=(--rule FL-K8S-0001 --rule FL-K8S-0002 --rule FL-K8S-0003)
if ((${#k8s[@]})); then
  scan corpus "$(manifest_bytes "${k8s[@]}")" --no-kustomize "${k8s[@]}"
  scan corpus-3r "$(manifest_bytes "${k8s[@]}")" --no-kustomize "${three_rules[@]}" "${k8s[@]}"
fi
generated_bytes=$(stat -c %s "$tmp/generated.yaml")
scan generated "$generated_bytes" --max-file-size 100000000 "$tmp/generated.yaml"
scan gen-3r "$generated_bytes" --max-file-size 100000000 "${three_rules[@]}" "$tmp/generated.yaml"
