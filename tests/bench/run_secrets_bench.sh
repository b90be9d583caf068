#!/usr/bin/env bash
# Secret scanning benchmark: faultline's scanner (tests/bench/secrets_bench) beside secretlint
# with @secretlint/secretlint-rule-preset-recommend, on the planted-secrets corpus and on the
# real-world corpus of ../shared.
#
#   tests/bench/run_secrets_bench.sh BUILD_DIR [SHARED_DIR]
#
# Prints, for each tool and corpus: wall time, MB/s, peak RSS, findings, and recall on the
# planted set (secretlint twice: its default configuration, which skips AWS access key IDs,
# and with the AWS rule's enableIDScanRule on). Results and the finding lists are written to
# BUILD_DIR/secrets-bench/. secretlint needs node >= 20 and `npm ci` (it is a devDependency);
# without them its half is skipped with a message. SECRETS_BENCH_SKIP_SECRETLINT_REALWORLD=1
# skips secretlint on the real-world corpus (several minutes per run).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
build="${1:?usage: run_secrets_bench.sh BUILD_DIR [SHARED_DIR]}"
shared="${2:-$repo/../shared}"
planted="$shared/corpus/secrets/files"
expected="$shared/corpus/secrets/expected.json"
realworld="$shared/corpus/realworld"
out="$build/secrets-bench"
mkdir -p "$out"

bench="$(find "$build" -type f -name secrets_bench -perm -u+x | head -n 1)"
if [[ -z "$bench" ]]; then
  echo "secrets_bench not found under $build (build the secrets_bench target first)" >&2
  exit 2
fi
for path in "$planted" "$expected" "$realworld"; do
  [[ -e "$path" ]] || { echo "missing $path" >&2; exit 2; }
done

# Runs a command under GNU time; prints "wall_s rss_mb cpu_s" (user + system), the command's
# stdout going to $1.
timed() {
  local stdout="$1"
  shift
  local stats="$out/time.txt"
  /usr/bin/time -f '%e %M %U %S' -o "$stats" "$@" >"$stdout" 2>"$out/stderr.txt" || true
  # The last line: GNU time puts "Command exited with non-zero status N" first when it is.
  tail -n 1 "$stats" | awk '{ printf "%s %.1f %.2f\n", $1, $2 / 1024, $3 + $4 }'
}

echo "== faultline secret scanner ($(nproc) cores)"
printf '%-10s %-7s %-7s %8s %8s %9s %10s %8s %9s  %s\n' corpus mode threads proc_s scan_s \
  MB/s MB/cpu-s rss_MB findings recall
for corpus in planted realworld; do
  dir="$planted"
  extra=()
  if [[ $corpus == planted ]]; then extra=(--expected "$expected"); else dir="$realworld"; fi
  for threads in 1 2; do
    for mode in e2e memory; do
      repeat=1
      [[ $mode == memory ]] && repeat=5
      report="$out/faultline-$corpus-$mode-$threads.txt"
      read -r wall rss _ < <(timed "$report" "$bench" --mode "$mode" --repeat "$repeat" \
        --threads "$threads" --findings "$out/faultline-$corpus.jsonl" "${extra[@]}" "$dir")
      mbps="$(sed -n 's/.* MB\/s=\([0-9.]*\).*/\1/p' "$report")"
      mbpcpu="$(sed -n 's/.*MB\/cpu-s=\([0-9.]*\).*/\1/p' "$report")"
      scan_ms="$(sed -n 's/.*wall_ms=\([0-9.]*\).*/\1/p' "$report")"
      findings="$(sed -n 's/.*findings=\([0-9]*\).*/\1/p' "$report")"
      recall="$(sed -n 's/^recall=\([^ ]*\).*clean_lines_flagged=\([0-9]*\)/\1 clean-flagged=\2/p' \
        "$report")"
      if [[ $mode != e2e ]]; then
        rss="-"
        wall="-"
      fi
      if [[ $corpus == realworld && $mode == e2e ]]; then
        declare "fl_mbps_$threads=$mbps" "fl_cpu_$threads=$mbpcpu"
      fi
      printf '%-10s %-7s %-7s %8s %8s %9s %10s %8s %9s  %s\n' "$corpus" "$mode" "$threads" \
        "$wall" "$(awk -v ms="$scan_ms" 'BEGIN { printf "%.3f", ms / 1000 }')" "$mbps" \
        "$mbpcpu" "$rss" "$findings" "${recall:--}"
    done
  done
done
echo "(proc_s: whole process under /usr/bin/time; scan_s and MB/s: e2e = read + line index +"
echo " scan of every file, memory = scan only of preloaded files, mean of 5 runs; MB/cpu-s: the"
echo " same bytes per CPU-second of all threads, unaffected by other load; rss: peak RSS of the"
echo " e2e process)"

echo
# The integrated paths, as a user runs them (discovery with .gitignore, binary sniffing, the
# JSON report):
#  - `faultline scan --secrets-only`: the regex secret rules on every text file, nothing parsed
#    (the pre-commit `faultline-secrets` hook, a repository-wide secrets gate);
#  - `faultline scan --rule <every FL-SEC rule>`: the same plus the structural FL-SEC rules,
#    which need the Terraform, Kubernetes and state files parsed and evaluated (what a full
#    `faultline scan` spends on secrets). --no-kustomize: kubectl renders are not secret work.
cli="$(find "$build" -maxdepth 2 -type f -name faultline -perm -u+x | head -n 1)"
if [[ -z "$cli" ]]; then
  echo "== faultline scan skipped: no faultline binary under $build (build the faultline target)"
else
  sec_rules=()
  while read -r rule; do sec_rules+=(--rule "$rule"); done < <("$cli" rules list --format json |
    node -e 'const d = JSON.parse(require("fs").readFileSync(0, "utf8"));
             for (const r of d) if (r.id.startsWith("FL-SEC-")) console.log(r.id);')
  echo "== faultline scan --jobs 2 --format json: --secrets-only, and the $((${#sec_rules[@]} / 2)) FL-SEC rules"
  printf '%-10s %-13s %8s %9s %10s %8s %9s  %s\n' corpus mode wall_s MB/s MB/cpu-s rss_MB \
    findings recall
  for run in planted:secrets-only realworld:secrets-only planted:fl-sec-rules \
    realworld:fl-sec-rules; do
    corpus="${run%%:*}"
    mode="${run#*:}"
    dir="$planted"
    [[ $corpus == realworld ]] && dir="$realworld"
    mode_args=(--secrets-only)
    [[ $mode == fl-sec-rules ]] && mode_args=(--no-kustomize "${sec_rules[@]}")
    result="$out/faultline-scan-$mode-$corpus.json"
    read -r wall rss cpu < <(timed "$result" "$cli" scan --jobs 2 --format json \
      "${mode_args[@]}" "$dir")
    bytes="$(find "$dir" -type f -not -path '*/.git/*' -printf '%s\n' |
      awk '{ s += $1 } END { print s + 0 }')"
    summary="$(node -e '
      const fs = require("fs");
      const [result, root, expectedPath, corpus] = process.argv.slice(1);
      const report = JSON.parse(fs.readFileSync(result, "utf8"));
      const flagged = new Set();
      let findings = 0;
      for (const f of report.findings) {
        if (!f.rule_id.startsWith("FL-SEC-")) continue;
        findings++;
        if (f.file && f.range) flagged.add(f.file.replace(root + "/", "") + ":" + f.range.start.line);
      }
      let recall = "-";
      if (corpus === "planted") {
        const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
        const found = expected.planted.filter(p => flagged.has(p.file + ":" + p.line)).length;
        const clean = expected.clean.filter(c => flagged.has(c.file + ":" + c.line)).length;
        recall = `${found}/${expected.planted.length} clean-flagged=${clean}`;
      }
      console.log(findings, recall);' "$result" "$dir" "$expected" "$corpus")"
    read -r findings recall_count recall_clean <<<"$summary"
    mbps="$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')"
    mbpcpu="$(awk -v b="$bytes" -v s="$cpu" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')"
    printf '%-10s %-13s %8s %9s %10s %8s %9s  %s %s\n' "$corpus" "$mode" "$wall" "$mbps" \
      "$mbpcpu" "$rss" "$findings" "$recall_count" "${recall_clean:-}"
    if [[ $corpus == realworld && $mode == secrets-only ]]; then
      scan_mbps="$mbps"
    fi
  done
  echo "(whole process under /usr/bin/time; MB/s over every file's bytes under the corpus)"
fi

echo
echo "== faultline findings on the real-world corpus ($out/faultline-realworld.jsonl)"
node -e '
  const fs = require("fs");
  const rows = fs.readFileSync(process.argv[1], "utf8").trim().split("\n").filter(Boolean)
      .map(JSON.parse);
  const byRule = {};
  for (const r of rows) byRule[r.rule_id] = (byRule[r.rule_id] || 0) + 1;
  console.log("total", rows.length, JSON.stringify(byRule));
  for (const r of rows) {
    console.log(`${r.file.replace(process.argv[2] + "/", "")}:${r.line}:${r.column} ` +
                `${r.rule_id} ${r.severity} ${r.message}`);
  }' "$out/faultline-realworld.jsonl" "$realworld" >"$out/faultline-realworld.txt" 2>/dev/null ||
  cp "$out/faultline-realworld.jsonl" "$out/faultline-realworld.txt"
head -n 1 "$out/faultline-realworld.txt"
echo "(full list: $out/faultline-realworld.txt)"

echo
secretlint="$repo/node_modules/.bin/secretlint"
node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [[ ! -x "$secretlint" || "$node_major" -lt 20 ]]; then
  echo "== secretlint skipped: needs node >= 20 (found ${node_major}) and npm ci in $repo"
  exit 0
fi
echo "== secretlint $("$secretlint" --version) with @secretlint/secretlint-rule-preset-recommend"
default_rc='{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend"}]}'
idscan_rc='{"rules":[{"id":"@secretlint/secretlint-rule-preset-recommend","rules":[{"id":"@secretlint/secretlint-rule-aws","options":{"enableIDScanRule":true}}]}]}'
printf '%-10s %-9s %9s %9s %10s %9s %9s  %s\n' corpus config wall_s MB/s MB/cpu-s rss_MB \
  findings recall
for corpus in planted realworld; do
  dir="$planted"
  [[ $corpus == realworld ]] && dir="$realworld"
  if [[ $corpus == realworld && "${SECRETS_BENCH_SKIP_SECRETLINT_REALWORLD:-0}" == 1 ]]; then
    echo "realworld  (skipped: SECRETS_BENCH_SKIP_SECRETLINT_REALWORLD=1)"
    continue
  fi
  for config in default idscan; do
    rc="$default_rc"
    [[ $config == idscan ]] && rc="$idscan_rc"
    result="$out/secretlint-$config-$corpus.json"
    read -r wall rss cpu < <(cd "$repo" && timed "$out/secretlint-stdout.txt" "$secretlint" \
      --secretlintrcJSON "$rc" --format json --output "$result" --no-color "$dir/**/*")
    summary="$(node -e '
      const fs = require("fs");
      const [result, root, expectedPath, corpus] = process.argv.slice(1);
      const files = JSON.parse(fs.readFileSync(result, "utf8"));
      let bytes = 0, findings = 0;
      const flagged = new Set();
      const lines = [];
      for (const f of files) {
        bytes += Buffer.byteLength(f.sourceContent || "");
        for (const m of f.messages) {
          findings++;
          const rel = f.filePath.replace(root + "/", "");
          flagged.add(rel + ":" + m.loc.start.line);
          lines.push(`${rel}:${m.loc.start.line} ${m.ruleId} ${m.messageId}`);
        }
      }
      fs.writeFileSync(result.replace(/\.json$/, ".txt"), lines.join("\n") + "\n");
      let recall = "-";
      if (corpus === "planted") {
        const expected = JSON.parse(fs.readFileSync(expectedPath, "utf8"));
        const found = expected.planted.filter(p => flagged.has(p.file + ":" + p.line)).length;
        const clean = expected.clean.filter(c => flagged.has(c.file + ":" + c.line)).length;
        recall = `${found}/${expected.planted.length} clean-flagged=${clean}`;
      }
      console.log(bytes, findings, recall);' "$result" "$dir" "$expected" "$corpus")"
    read -r bytes findings recall_count recall_clean <<<"$summary"
    mbps="$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }')"
    mbpcpu="$(awk -v b="$bytes" -v s="$cpu" 'BEGIN { printf "%.2f", (s > 0 ? b / 1e6 / s : 0) }')"
    if [[ $corpus == realworld && $config == default ]]; then
      sl_mbps="$mbps"
      sl_cpu="$mbpcpu"
    fi
    printf '%-10s %-9s %9s %9s %10s %9s %9s  %s %s\n' "$corpus" "$config" "$wall" "$mbps" \
      "$mbpcpu" "$rss" "$findings" "$recall_count" "${recall_clean:-}"
  done
done
echo "(secretlint: wall time, CPU time and peak RSS of the whole node process; MB/s over the"
echo " bytes of the files it read; finding lists in $out/secretlint-*.txt)"
if [[ -n "${sl_mbps:-}" ]]; then
  echo
  echo "== real-world corpus, faultline e2e vs secretlint (default configuration)"
  awk -v f1="$fl_mbps_1" -v f2="$fl_mbps_2" -v fc="$fl_cpu_1" -v s="$sl_mbps" -v sc="$sl_cpu" \
    -v cli="${scan_mbps:-0}" \
    'BEGIN {
      printf "wall MB/s: faultline %.1f (1 thread), %.1f (2 threads); secretlint %.2f: %.0fx\n",
             f1, f2, s, (s > 0 ? f2 / s : 0)
      if (cli > 0) printf "wall MB/s, faultline scan --secrets-only --jobs 2 (whole process): %.1f: %.0fx\n",
             cli, (s > 0 ? cli / s : 0)
      printf "MB per CPU-second: faultline %.1f; secretlint %.2f: %.0fx\n", fc, sc,
             (sc > 0 ? fc / sc : 0)
    }'
fi
