#!/bin/sh
# End-to-end tests of the secret scan through the faultline binary (registered with ctest by
# tests/e2e/CMakeLists.txt, one case per test):
#   never-leak   every output format (text, json, --output FILE) of a scan of the planted corpus
#                holds no planted value in full
#   acceptance   every planted secret is reported on its line, no clean line is flagged
#   pre-commit   the repository's .pre-commit-hooks.yaml, run by the real pre-commit binary in a
#                temporary repository, blocks a commit that stages a secret (exit 1, redacted)
#   history      --git-history reports the secrets added by each commit (commit, path, line)
#   secrets-only --secrets-only finds every planted secret, parses nothing (no infrastructure,
#                structural or parse findings), honours suppressions, refuses conflicting flags
# Usage: secrets_e2e.sh CASE FAULTLINE_BINARY SHARED_DIR SOURCE_DIR. Exit 77 = skipped.
set -eu
case_name=$1
bin=$2
shared=$3
source_dir=$4
corpus="$shared/corpus/secrets"
[ -f "$corpus/expected.json" ] || { echo "skipped: no planted corpus at $corpus"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

planted_values() {
  python3 -c 'import json,sys; [print(p["secret"]) for p in json.load(open(sys.argv[1]))["planted"]]' \
    "$corpus/expected.json"
}

# Fails when a file holds a planted value in full.
assert_no_leak() {
  planted_values | while IFS= read -r secret; do
    if grep -F -q -- "$secret" "$1"; then fail "$1 contains the planted value ${secret%"${secret#????}"}..."; fi
  done
}

export GIT_AUTHOR_NAME=faultline GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=faultline GIT_COMMITTER_EMAIL=test@example.com
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home"
mkdir -p "$HOME"

case "$case_name" in
never-leak)
  status=0
  "$bin" scan --no-color "$corpus/files" >"$work/report.txt" || status=$?
  [ "$status" -eq 1 ] || fail "text scan exit $status, expected 1"
  "$bin" scan --format json "$corpus/files" >"$work/report.json" || true
  "$bin" scan --no-color --output "$work/out.txt" "$corpus/files" || true
  "$bin" scan --format json --output "$work/out.json" "$corpus/files" || true
  "$bin" scan --no-color --rule FL-SEC-0070 "$corpus/files" >"$work/one-rule.txt" || true
  for f in report.txt report.json out.txt out.json one-rule.txt; do
    [ -s "$work/$f" ] || fail "$f is empty"
    grep -q "FL-SEC-" "$work/$f" || fail "$f reports no secret"
    assert_no_leak "$work/$f"
  done
  echo "ok: no planted value in text, json and --output reports"
  ;;
acceptance)
  "$bin" scan --format json --jobs 2 "$corpus/files" >"$work/report.json" || true
  python3 - "$corpus/expected.json" "$work/report.json" <<'PY'
import json, os, sys
expected = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
found = set()
for f in report["findings"]:
    if f["rule_id"].startswith("FL-SEC-"):
        found.add((os.path.basename(f["file"]), f["range"]["start"]["line"]))
missed = [(p["file"], p["line"]) for p in expected["planted"] if (p["file"], p["line"]) not in found]
flagged = [(c["file"], c["line"]) for c in expected["clean"] if (c["file"], c["line"]) in found]
print("planted %d, found %d; clean lines %d, flagged %d" % (
    len(expected["planted"]), len(expected["planted"]) - len(missed), len(expected["clean"]), len(flagged)))
if missed or flagged:
    print("missed:", missed, "flagged:", flagged)
    sys.exit(1)
PY
  ;;
pre-commit)
  command -v pre-commit >/dev/null 2>&1 || { echo "skipped: pre-commit is not installed"; exit 77; }
  command -v git >/dev/null 2>&1 || { echo "skipped: git is not installed"; exit 77; }
  export PRE_COMMIT_HOME="$work/pre-commit-cache"
  mkdir -p "$work/bin" "$work/hooks"
  ln -s "$bin" "$work/bin/faultline"
  export PATH="$work/bin:$PATH"
  # A hooks repository holding this repository's .pre-commit-hooks.yaml.
  cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
  git -C "$work/hooks" init -q
  git -C "$work/hooks" add .pre-commit-hooks.yaml
  git -C "$work/hooks" commit -q -m hooks
  rev=$(git -C "$work/hooks" rev-parse HEAD)
  mkdir "$work/project"
  cd "$work/project"
  git init -q
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: faultline\n' \
    "$work/hooks" "$rev" >.pre-commit-config.yaml
  printf '# demo\n' >README.md
  git add .pre-commit-config.yaml README.md
  git commit -q -m initial
  pre-commit install >/dev/null
  # A clean change commits.
  printf 'echo hello\n' >run.sh
  git add run.sh
  git commit -q -m clean >"$work/clean.log" 2>&1 || { cat "$work/clean.log"; fail "clean commit blocked"; }
  # A staged secret blocks the commit; the working tree copy is clean, the index is not.
  secret=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p
  printf 'export GITHUB_TOKEN=%s\n' "$secret" >deploy.sh
  git add deploy.sh
  printf 'export GITHUB_TOKEN="$GITHUB_TOKEN_FROM_VAULT"\n' >deploy.sh
  status=0
  git commit -m "add deploy" >"$work/commit.log" 2>&1 || status=$?
  cat "$work/commit.log"
  [ "$status" -eq 1 ] || fail "git commit exited $status, expected 1 (blocked)"
  [ "$(git rev-list --count HEAD)" -eq 2 ] || fail "the commit was recorded"
  grep -q "deploy.sh:1:21: high: github personal access token: ghp_" "$work/commit.log" ||
    fail "the finding is not in the hook output"
  grep -F -q "$secret" "$work/commit.log" && fail "the hook output shows the secret in full"
  # The hook command itself: exit 1, the same redacted finding.
  status=0
  pre-commit run faultline >"$work/run.log" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "pre-commit run exited $status, expected 1"
  grep -F -q "$secret" "$work/run.log" && fail "pre-commit run shows the secret in full"
  # The secrets-only hook blocks the same commit.
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: faultline-secrets\n' \
    "$work/hooks" "$rev" >.pre-commit-config.yaml
  git add .pre-commit-config.yaml
  status=0
  pre-commit run faultline-secrets >"$work/secrets-only.log" 2>&1 || status=$?
  cat "$work/secrets-only.log"
  [ "$status" -eq 1 ] || fail "pre-commit run faultline-secrets exited $status, expected 1"
  grep -q "deploy.sh:1:21: high: github personal access token: ghp_" "$work/secrets-only.log" ||
    fail "the finding is not in the faultline-secrets hook output"
  grep -F -q "$secret" "$work/secrets-only.log" && fail "faultline-secrets shows the secret in full"
  echo "ok: commit blocked with a redacted finding (both hooks)"
  ;;
history)
  command -v git >/dev/null 2>&1 || { echo "skipped: git is not installed"; exit 77; }
  mkdir "$work/repo"
  cd "$work/repo"
  git init -q
  printf 'line one\nGITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n' >first.env
  git add first.env
  git commit -q -m "add a token"
  first=$(git rev-parse HEAD)
  git rm -q first.env
  printf 'clean\n' >notes.txt
  git add notes.txt
  git commit -q -m "remove the token"
  mkdir ci
  printf 'a\nb\nexport SLACK_BOT_TOKEN=xoxb-2718281828-3141592653-Z5nXeF0cGbq9LrV1mTsKw8Ho\n' >ci/job.sh
  git add ci/job.sh
  git commit -q -m "add a job"
  third=$(git rev-parse HEAD)
  # The working tree holds one secret; history holds two.
  status=0
  "$bin" scan --no-color --git-history >"$work/history.txt" 2>&1 || status=$?
  cat "$work/history.txt"
  [ "$status" -eq 1 ] || fail "--git-history exited $status, expected 1"
  short1=$(echo "$first" | cut -c1-12)
  short3=$(echo "$third" | cut -c1-12)
  grep -q "^first.env:2:14: high: github personal access token: ghp_.*(added in commit $short1)" "$work/history.txt" ||
    fail "the removed token is not reported with its commit"
  grep -q "^ci/job.sh:3:.*slack bot token.*(added in commit $short3)" "$work/history.txt" ||
    fail "the slack token is not reported with its commit"
  grep -q "ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p" "$work/history.txt" && fail "history output leaks"
  # A range: only the last commit.
  "$bin" scan --format json --git-history HEAD~1..HEAD >"$work/range.json" || true
  python3 - "$work/range.json" <<'PY'
import json, sys
findings = [f for f in json.load(open(sys.argv[1]))["findings"] if f["rule_id"].startswith("FL-SEC-")]
assert [(f["file"], f["range"]["start"]["line"]) for f in findings] == [("ci/job.sh", 3)], findings
PY
  # A bad range is a usage error (exit 2), and a range cannot smuggle an option.
  status=0
  "$bin" scan --git-history no-such-ref >/dev/null 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "a bad range exited $status, expected 2"
  status=0
  "$bin" scan --git-history=--output=/tmp/x >/dev/null 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "an option-like range exited $status, expected 2"
  echo "ok: history findings with commits and lines"
  ;;
secrets-only)
  # The planted corpus: every planted secret on its line, no clean line, nothing but regex
  # secret rules, no leak, the same bytes for --jobs 1 and 2.
  "$bin" scan --format json --secrets-only --jobs 2 "$corpus/files" >"$work/planted.json" || true
  "$bin" scan --format json --secrets-only --jobs 1 "$corpus/files" >"$work/planted-1.json" || true
  cmp -s "$work/planted.json" "$work/planted-1.json" || fail "--jobs 1 and 2 differ"
  "$bin" scan --no-color --secrets-only "$corpus/files" >"$work/planted.txt" || true
  assert_no_leak "$work/planted.json"
  assert_no_leak "$work/planted.txt"
  python3 - "$corpus/expected.json" "$work/planted.json" <<'PY'
import json, os, sys
expected = json.load(open(sys.argv[1]))
report = json.load(open(sys.argv[2]))
found = set()
structural = {"FL-SEC-00%02d" % n for n in range(69, 75)}
for f in report["findings"]:
    assert f["rule_id"].startswith("FL-SEC-") and f["rule_id"] not in structural, f["rule_id"]
    found.add((os.path.basename(f["file"]), f["range"]["start"]["line"]))
missed = [(p["file"], p["line"]) for p in expected["planted"] if (p["file"], p["line"]) not in found]
flagged = [(c["file"], c["line"]) for c in expected["clean"] if (c["file"], c["line"]) in found]
print("planted %d, found %d; clean lines %d, flagged %d" % (
    len(expected["planted"]), len(expected["planted"]) - len(missed), len(expected["clean"]), len(flagged)))
assert not missed and not flagged, (missed, flagged)
PY
  # A project with a syntax error, an infrastructure problem, a secret and a suppressed one.
  mkdir "$work/project"
  printf 'resource "aws_db_instance" "db" {\n  engine = "postgres"\n  auth_token = "eWPFlRX0c0KAdJ1L46zh"\n}\n' \
    >"$work/project/main.tf"
  printf 'resource "aws_s3_bucket" "b" {\n  bucket = \n' >"$work/project/broken.tf"
  printf '# faultline:ignore FL-SEC-0068 -- a revoked test token\nAPI_TOKEN=ZymYWU7otMdRzDTn7qLWaYyD\n' \
    >"$work/project/test.env"
  printf 'plain notes\n' >"$work/project/notes.txt"
  status=0
  "$bin" scan --format json --secrets-only "$work/project" >"$work/project.json" || status=$?
  [ "$status" -eq 1 ] || fail "--secrets-only exited $status, expected 1"
  "$bin" scan --format json "$work/project" >"$work/full.json" || true
  python3 - "$work/project.json" "$work/full.json" <<'PY'
import json, os, sys
report = json.load(open(sys.argv[1]))
full = json.load(open(sys.argv[2]))
got = [(os.path.basename(f["file"]), f["range"]["start"]["line"], f["rule_id"]) for f in report["findings"]]
assert got == [("main.tf", 3, "FL-SEC-0068")], got
assert report["summary"]["files_scanned"] == 4, report["summary"]
assert report["summary"]["suppressed"] == 1, report["summary"]
# The full scan of the same project does parse: the syntax error and the database finding.
rules = {f["rule_id"] for f in full["findings"]}
assert "FL-ENG-0001" in rules and any(r.startswith("FL-AWS-") for r in rules), rules
assert full["summary"]["files_scanned"] == 4, full["summary"]
PY
  # Flags that need parsing, or contradict it, are usage errors; so is a missing path.
  for args in "--no-secrets" "--state $work/project" "--var x=1" "--var-file $work/x.tfvars"; do
    status=0
    # shellcheck disable=SC2086
    "$bin" scan --secrets-only $args "$work/project" >/dev/null 2>"$work/err.txt" || status=$?
    [ "$status" -eq 2 ] || fail "--secrets-only $args exited $status, expected 2"
  done
  status=0
  "$bin" scan --secrets-only "$work/missing" >/dev/null 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "--secrets-only on a missing path exited $status, expected 2"
  # A symlink loop is reported (file:line:col diagnostic) and the rest is still searched.
  mkdir "$work/looped"
  ln -s .. "$work/looped/loop"
  printf 'GITHUB_TOKEN=ghp_Q7sL2mN9xK4vB8cR1tY6wE3zA5dF0gH2jK7p\n' >"$work/looped/deploy.sh"
  "$bin" scan --secrets-only --no-color "$work/looped" >"$work/looped.txt" || true
  grep -q "looped/loop/looped:1:1: medium: skipped: symlink loop" "$work/looped.txt" ||
    fail "the symlink loop is not reported"
  grep -q "looped/deploy.sh:1:14: high: github personal access token" "$work/looped.txt" ||
    fail "the file beside the loop is not searched"
  # More secrets in one file than the per-file limit (100): the unreported ones never appear in
  # a snippet, not even on the line the capped-findings notice points at.
  python3 - "$work/capped.env" <<'PY'
import random, sys
random.seed(7)
alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
with open(sys.argv[1], "w") as out:
    for i in range(150):
        key = "AKIA" + "".join(random.choice(alphabet) for _ in range(16))
        out.write("K%d=%s\n" % (i, key))
PY
  "$bin" scan --secrets-only --no-color "$work/capped.env" >"$work/capped.txt" || true
  grep -q "FL-SEC-0000" "$work/capped.txt" || fail "no capped-findings notice"
  cut -d= -f2 "$work/capped.env" | while IFS= read -r key; do
    if grep -F -q -- "$key" "$work/capped.txt"; then fail "capped report shows ${key%????????????}..."; fi
  done
  echo "ok: secrets only: planted set found, nothing parsed, suppressions, usage errors"
  ;;
*)
  fail "unknown case $case_name"
  ;;
esac
