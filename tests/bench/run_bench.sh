#!/usr/bin/env bash
# run_bench.sh: runs scan_bench in a fresh process per mode and corpus, prints a table of the
# figures and checks them against the performance bars of docs/benchmarks.md.
#
# usage: tests/bench/run_bench.sh [BUILD_DIR]        (default: build; build it in Release first)
# Run it on an otherwise idle machine: wall times (and above all the --jobs 2 speed-up) mean
# little while other processes compete for the cores; `uptime` is printed first to tell.
# Environment: SHARED_DIR (default: ../shared beside the repository), REPEAT (default 3: each
# figure is the best wall time and the largest peak RSS of REPEAT runs), SYNTHETIC_FILES (10000).
# The modes of a corpus are run in turn (tsparse, parse, scan j1, scan j2, tsparse, ...), not
# each REPEAT times in a row, so that a slow period of a noisy host hits every mode alike and
# the ratios stay fair.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
build_dir=${1:-build}
bench="$build_dir/tests/bench/scan_bench"
shared_dir=${SHARED_DIR:-../shared}
repeat=${REPEAT:-3}
synthetic_files=${SYNTHETIC_FILES:-10000}

[[ -x $bench ]] || { echo "run_bench.sh: $bench not found; build target scan_bench first" >&2; exit 2; }
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_dir/CMakeCache.txt" 2>/dev/null || true)
[[ $build_type == Release ]] || echo "warning: $build_dir is a '$build_type' build; figures are meaningful only for Release"

echo "load: $(uptime)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" generate "$tmp/synthetic" --files "$synthetic_files" >"$tmp/generate.txt"
echo "synthetic tree: $(cat "$tmp/generate.txt")"

# field NAME LINE: the value of NAME=... in a scan_bench output line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p; s/^$1=\([^ ]*\).*/\1/p" <<<" $2" | head -n 1; }

# measure CORPUS_DIR MODE [ARGS...]: over $repeat runs, the best wall_ms, the best cpu_ms and the
# largest peak_rss_mb. Prints "wall_ms cpu_ms rss_mb line-of-the-best-run".
measure() {
  local dir=$1 mode=$2
  shift 2
  local best="" cpu="" rss=0 line="" out wall c r
  for ((i = 0; i < repeat; i++)); do
    out=$("$bench" "$mode" "$dir" "$@")
    wall=$(field wall_ms "$out")
    c=$(field cpu_ms "$out")
    r=$(field peak_rss_mb "$out")
    if [[ -z $best ]] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then
      best=$wall
      line=$out
    fi
    if [[ -z $cpu ]] || awk -v a="$c" -v b="$cpu" 'BEGIN { exit !(a < b) }'; then cpu=$c; fi
    rss=$(awk -v a="$r" -v b="$rss" 'BEGIN { print (a > b) ? a : b }')
  done
  echo "$best $cpu $rss $line"
}

# measure_round_robin CORPUS_DIR: runs the four modes of one corpus in turn, $repeat rounds, and
# sets best_wall[MODE], best_cpu[MODE], max_rss[MODE] and best_line[MODE] (MODE: tsparse, parse,
# scan1, scan2).
declare -A best_wall best_cpu max_rss best_line
measure_round_robin() {
  local dir=$1 mode out wall c r
  best_wall=() best_cpu=() max_rss=() best_line=()
  for ((i = 0; i < repeat; i++)); do
    for mode in tsparse parse scan1 scan2; do
      case $mode in
        tsparse | parse) out=$("$bench" "$mode" "$dir") ;;
        scan1) out=$("$bench" scan "$dir" --jobs 1) ;;
        scan2) out=$("$bench" scan "$dir" --jobs 2) ;;
      esac
      wall=$(field wall_ms "$out")
      c=$(field cpu_ms "$out")
      r=$(field peak_rss_mb "$out")
      if [[ -z ${best_wall[$mode]:-} ]] || awk -v a="$wall" -v b="${best_wall[$mode]}" 'BEGIN { exit !(a < b) }'; then
        best_wall[$mode]=$wall
        best_line[$mode]=$out
      fi
      if [[ -z ${best_cpu[$mode]:-} ]] || awk -v a="$c" -v b="${best_cpu[$mode]}" 'BEGIN { exit !(a < b) }'; then
        best_cpu[$mode]=$c
      fi
      max_rss[$mode]=$(awk -v a="$r" -v b="${max_rss[$mode]:-0}" 'BEGIN { print (a > b) ? a : b }')
    done
  done
}

declare -A corpus_dirs=(
  [realworld]="$shared_dir/corpus/realworld"
  [cloudposse]="$shared_dir/corpus/realworld/cloudposse__terraform-aws-components"
  [synthetic]="$tmp/synthetic"
)
verdicts=()
verdict() {  # verdict DESCRIPTION OK(0|1)
  if [[ $2 == 1 ]]; then verdicts+=("PASS  $1"); else verdicts+=("MISS  $1"); fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0) ? a / b : 0 }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? 1 : 0 }'; }

printf '\n%-10s %6s %6s | %8s %8s | %8s %8s | %8s %8s | %7s %7s | %9s %8s %5s | %7s %7s\n' \
  corpus files MB ts_ms ts_cpu parse_ms scan1_ms scan2_ms scan1cpu MB/s_j1 MB/s_j2 \
  scan1/ts cpu_rat j1/j2 rss1_MB rss2_MB
for corpus in realworld cloudposse synthetic; do
  dir=${corpus_dirs[$corpus]}
  if [[ ! -d $dir ]]; then
    echo "$corpus: $dir not found, skipped"
    continue
  fi
  measure_round_robin "$dir"
  ts_ms=${best_wall[tsparse]} ts_cpu=${best_cpu[tsparse]} ts_line=${best_line[tsparse]}
  parse_ms=${best_wall[parse]}
  scan1_ms=${best_wall[scan1]} scan1_cpu=${best_cpu[scan1]} rss1=${max_rss[scan1]}
  scan1_line=${best_line[scan1]}
  scan2_ms=${best_wall[scan2]} rss2=${max_rss[scan2]} scan2_line=${best_line[scan2]}
  files=$(field files "$ts_line")
  mb=$(awk -v b="$(field bytes "$ts_line")" 'BEGIN { printf "%.1f", b / 1e6 }')
  printf '%-10s %6s %6s | %8s %8s | %8s %8s | %8s %8s | %7s %7s | %9s %8s %5s | %7s %7s\n' \
    "$corpus" "$files" "$mb" "$ts_ms" "$ts_cpu" "$parse_ms" "$scan1_ms" "$scan2_ms" "$scan1_cpu" \
    "$(field mb_per_s "$scan1_line")" "$(field mb_per_s "$scan2_line")" \
    "$(ratio "$scan1_ms" "$ts_ms")" "$(ratio "$scan1_cpu" "$ts_cpu")" \
    "$(ratio "$scan1_ms" "$scan2_ms")" "$rss1" "$rss2"
  echo "           scan j2: ${scan2_line#mode=* }"

  verdict "$corpus: full scan at --jobs 1 <= 1.5x tree-sitter parse-only ($(ratio "$scan1_ms" "$ts_ms")x wall, $(ratio "$scan1_cpu" "$ts_cpu")x CPU)" \
    "$(le "$(ratio "$scan1_ms" "$ts_ms")" 1.5)"
  verdict "$corpus: --jobs 2 >= 1.7x faster than --jobs 1 ($(ratio "$scan1_ms" "$scan2_ms")x)" \
    "$(le 1.7 "$(ratio "$scan1_ms" "$scan2_ms")")"
  case $corpus in
    cloudposse) verdict "cloudposse: full scan at --jobs 2 <= 250 ms (${scan2_ms} ms)" "$(le "$scan2_ms" 250)" ;;
    synthetic)
      verdict "synthetic: full scan at --jobs 2 < 5000 ms (${scan2_ms} ms)" "$(le "$scan2_ms" 4999.9)"
      verdict "synthetic: peak RSS at --jobs 2 < 1024 MB (${rss2} MB)" "$(le "$rss2" 1023.9)"
      ;;
  esac
done

# Issue 4: the whole rule pack must add at most 30% to the scan with the foundation's three
# rules (realworld, one thread). Secrets are measured apart (they read every text file).
if [[ -d ${corpus_dirs[realworld]} ]]; then
  read -r base_ms base_cpu _ _ < <(measure "${corpus_dirs[realworld]}" scan --jobs 1 --rules foundation)
  read -r pack_ms pack_cpu _ _ < <(measure "${corpus_dirs[realworld]}" scan --jobs 1 --rules no-secrets)
  echo
  echo "rule pack (realworld, --jobs 1): 3 foundation rules ${base_ms} ms (${base_cpu} ms CPU);" \
    "every rule but FL-SEC ${pack_ms} ms (${pack_cpu} ms CPU): $(ratio "$pack_cpu" "$base_cpu")x CPU"
  verdict "realworld: the rule pack adds <= 30% to the foundation rules' scan ($(ratio "$pack_cpu" "$base_cpu")x CPU)" \
    "$(le "$(ratio "$pack_cpu" "$base_cpu")" 1.3)"
fi

echo
echo "Bars (best of $repeat runs each; ts = raw tree-sitter parse, one thread; cpu_rat = the same"
echo "ratio in CPU time, which load from other processes disturbs less than wall time):"
printf '  %s\n' "${verdicts[@]}"
