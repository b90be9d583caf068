#!/usr/bin/env bash
# run_yaml_bench.sh: runs yaml_bench (libyaml alone, LoadYaml, LoadYaml + KubernetesObjects) in a
# fresh process per mode over the shared Kubernetes corpus and a generated 20,000-object stream,
# and prints a table: wall and CPU MB/s, the ratio to libyaml alone, and peak RSS.
#
# usage: tests/bench/run_yaml_bench.sh [BUILD_DIR]     (default: build; build it in Release first)
# Environment: SHARED_DIR (default: ../shared beside the repository), REPEAT (default 3: each
# figure is the best of REPEAT runs; peak RSS the largest), OBJECTS (generated objects, 20000).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build_dir=${1:-build}
bench=$(find "$build_dir" -name yaml_bench -type f -perm -u+x | head -n 1)
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
  local mode=$1 best="" rss=0 line="" out cpu r
  shift
  for ((i = 0; i < repeat; i++)); do
    out=$("$bench" "$mode" "$@")
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
  for mode in libyaml load objects; do
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
if ((${#k8s[@]})); then run corpus "${k8s[@]}"; else echo "corpus: $shared_dir/corpus/realworld not found, skipped"; fi
run generated "$tmp/generated.yaml"
