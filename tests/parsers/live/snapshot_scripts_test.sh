#!/usr/bin/env bash
# Tests scripts/snapshot-aws.sh and scripts/snapshot-k8s.sh without a cloud: argument handling,
# the "CLI missing" path (PATH restricted to a directory without aws/kubectl), and a full run
# against fake `aws`/`kubectl` commands that print the testdata fixtures and log their arguments.
#
# usage: snapshot_scripts_test.sh SCRIPTS_DIR TESTDATA_DIR
set -uo pipefail

scripts="$1"
testdata="$2"
work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT

failed=0
fail() {
  echo "FAIL: $*" >&2
  failed=1
}

# A bin directory with the tools the scripts use, but neither aws nor kubectl.
tools="$work/tools"
mkdir -p "$tools"
for tool in bash cat grep mkdir mv rm tr; do
  ln -s "$(command -v "$tool")" "$tools/$tool"
done

# run_script NAME PATH_DIRS ARGS...: runs a script with PATH restricted; sets status/out/err.
run_script() {
  local script="$1" path="$2"
  shift 2
  env -i PATH="$path" HOME="$work" FAKE_LOG="$work/fake.log" FIXTURES="$testdata" \
    FAKE_FAIL="${FAKE_FAIL:-}" AWS_ACCESS_KEY_ID=AKIAFAKEFAKEFAKE1234 \
    AWS_SECRET_ACCESS_KEY=do-not-print-this-secret-value \
    "$tools/bash" "$scripts/$script" "$@" >"$work/out" 2>"$work/err"
  status=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}

expect_status() {
  local want="$1" what="$2"
  [[ "$status" -eq "$want" ]] || fail "$what: exit status $status, want $want (stderr: $err)"
}

expect_in() {
  local needle="$1" haystack="$2" what="$3"
  [[ "$haystack" == *"$needle"* ]] || fail "$what: '$needle' not in: $haystack"
}

# ---- argument handling, for both scripts ----
for script in snapshot-aws.sh snapshot-k8s.sh; do
  run_script "$script" "$tools" --help
  expect_status 0 "$script --help"
  expect_in "usage: $script" "$out" "$script --help"

  run_script "$script" "$tools"
  expect_status 2 "$script without DIR"
  expect_in "missing the snapshot directory DIR" "$err" "$script without DIR"

  run_script "$script" "$tools" --bogus "$work/x"
  expect_status 2 "$script --bogus"
  expect_in "unknown option: --bogus" "$err" "$script --bogus"

  run_script "$script" "$tools" "$work/a" "$work/b"
  expect_status 2 "$script with two DIRs"
  expect_in "expected exactly one DIR" "$err" "$script with two DIRs"
done
run_script snapshot-aws.sh "$tools" "$work/x" --region
expect_status 2 "snapshot-aws.sh --region without a value"
expect_in "--region needs a value" "$err" "snapshot-aws.sh --region"
run_script snapshot-k8s.sh "$tools" --context= "$work/x"
expect_status 2 "snapshot-k8s.sh --context="

# ---- the CLI is missing ----
run_script snapshot-aws.sh "$tools" "$work/no-aws"
expect_status 3 "snapshot-aws.sh without aws"
expect_in "the aws CLI is not installed" "$err" "snapshot-aws.sh without aws"
[[ ! -e "$work/no-aws" ]] || fail "snapshot-aws.sh created DIR although aws is missing"
run_script snapshot-k8s.sh "$tools" "$work/no-kubectl"
expect_status 3 "snapshot-k8s.sh without kubectl"
expect_in "kubectl is not installed" "$err" "snapshot-k8s.sh without kubectl"
[[ ! -e "$work/no-kubectl" ]] || fail "snapshot-k8s.sh created DIR although kubectl is missing"

# ---- fake CLIs ----
fake="$work/fake"
mkdir -p "$fake"
cat >"$fake/aws" <<'EOF'
#!/usr/bin/env bash
echo "aws $*" >>"$FAKE_LOG"
service="$1" operation="$2"
[[ -n "$FAKE_FAIL" && "$operation" == "$FAKE_FAIL" ]] && { echo "An error occurred (AccessDenied)" >&2; exit 254; }
case "$operation" in
  list-clusters) printf 'prod\tstaging\n'; exit 0 ;;
  list-nodegroups)
    [[ "$*" == *"--cluster-name prod"* ]] && printf 'general\n'
    exit 0 ;;
esac
cat "$FIXTURES/aws/${service}_${operation//-/_}.json"
EOF
cat >"$fake/kubectl" <<'EOF'
#!/usr/bin/env bash
echo "kubectl $*" >>"$FAKE_LOG"
case "$1" in
  api-resources) printf 'analysisruns.argoproj.io\nrollouts.argoproj.io\n'; exit 0 ;;
  get)
    [[ -n "$FAKE_FAIL" && "$2" == "$FAKE_FAIL" ]] && { echo "Error from server (Forbidden)" >&2; exit 1; }
    cat "$FIXTURES/k8s/kubectl_empty_list.json" ;;
esac
EOF
chmod +x "$fake/aws" "$fake/kubectl"
for tool in env; do ln -s "$(command -v "$tool")" "$tools/$tool"; done

# A DIR that is a file.
: >"$work/a-file"
run_script snapshot-aws.sh "$fake:$tools" "$work/a-file"
expect_status 2 "snapshot-aws.sh with a file as DIR"
expect_in "is not a directory" "$err" "snapshot-aws.sh with a file as DIR"

# A full AWS snapshot.
: >"$work/fake.log"
run_script snapshot-aws.sh "$fake:$tools" --region eu-west-1 --profile=prod "$work/aws"
expect_status 0 "snapshot-aws.sh full run"
for pair in rds-describe-db-instances:rds_describe_db_instances \
  rds-describe-db-clusters:rds_describe_db_clusters \
  ec2-describe-instances:ec2_describe_instances \
  ec2-describe-security-groups:ec2_describe_security_groups \
  ec2-describe-subnets:ec2_describe_subnets ec2-describe-vpcs:ec2_describe_vpcs \
  elasticache-describe-replication-groups:elasticache_describe_replication_groups \
  autoscaling-describe-auto-scaling-groups:autoscaling_describe_auto_scaling_groups \
  eks-describe-nodegroup-prod-general:eks_describe_nodegroup \
  iam-get-account-authorization-details:iam_get_account_authorization_details \
  s3api-list-buckets:s3api_list_buckets; do
  file="$work/aws/${pair%%:*}.json"
  if [[ ! -f "$file" ]]; then
    fail "snapshot-aws.sh did not write $file"
  elif [[ "$(cat "$file")" != "$(cat "$testdata/aws/${pair#*:}.json")" ]]; then
    fail "$file is not the command's output"
  fi
done
count="$(ls -A "$work/aws" | grep -c .)"
[[ "$count" -eq 11 ]] || fail "snapshot-aws.sh wrote $count entries, want 11: $(ls -A "$work/aws")"
while IFS= read -r line; do
  case "$line" in
    "aws eks list-nodegroups"*|"aws eks list-clusters"*)
      expect_in "--output text --region eu-west-1 --profile prod" "$line" "list call" ;;
    *) expect_in "--output json --region eu-west-1 --profile prod" "$line" "aws call" ;;
  esac
done <"$work/fake.log"
expect_in "aws eks describe-nodegroup --cluster-name prod --nodegroup-name general" \
  "$(cat "$work/fake.log")" "describe-nodegroup call"
expect_in "aws iam get-account-authorization-details --filter User Role Group LocalManagedPolicy" \
  "$(cat "$work/fake.log")" "iam call"
if grep -rq -e do-not-print-this-secret-value -e AKIAFAKEFAKEFAKE1234 "$work/out" "$work/err" "$work/aws"; then
  fail "snapshot-aws.sh printed or wrote credentials"
fi

# One command fails: the others are written, the failed one is not, nothing partial is left.
FAKE_FAIL=get-account-authorization-details run_script snapshot-aws.sh "$fake:$tools" --no-eks "$work/aws-partial"
expect_status 1 "snapshot-aws.sh with a failing command"
expect_in "'aws iam get-account-authorization-details' failed" "$err" "failing command"
[[ -f "$work/aws-partial/s3api-list-buckets.json" ]] || fail "files after the failure not written"
[[ ! -e "$work/aws-partial/iam-get-account-authorization-details.json" ]] || fail "failed output written"
if ls -A "$work/aws-partial" | grep -q -e partial -e eks; then
  fail "leftover or unwanted files: $(ls -A "$work/aws-partial")"
fi

# A Kubernetes snapshot: chosen kinds, secrets refused, --context passed, Argo added by default.
: >"$work/fake.log"
run_script snapshot-k8s.sh "$fake:$tools" --context staging --kinds deployments.apps,Secrets,pods "$work/k8s"
expect_status 0 "snapshot-k8s.sh with --kinds"
expect_in "not exporting Secrets" "$err" "secrets refused"
[[ -f "$work/k8s/k8s-deployments.apps.json" && -f "$work/k8s/k8s-pods.json" ]] ||
  fail "snapshot-k8s.sh files missing: $(ls -A "$work/k8s")"
[[ "$(ls -A "$work/k8s" | grep -c .)" -eq 2 ]] || fail "unexpected files: $(ls -A "$work/k8s")"
expect_in "kubectl get deployments.apps --all-namespaces -o json --context staging" \
  "$(cat "$work/fake.log")" "kubectl call"
if grep -q "secret" -i "$work/fake.log"; then fail "kubectl was asked for secrets"; fi

run_script snapshot-k8s.sh "$fake:$tools" "$work/k8s-default"
expect_status 0 "snapshot-k8s.sh defaults"
[[ -f "$work/k8s-default/k8s-rollouts.argoproj.io.json" ]] || fail "Argo rollouts not exported"
[[ -f "$work/k8s-default/k8s-poddisruptionbudgets.policy.json" ]] || fail "PDBs not exported"

FAKE_FAIL=pods run_script snapshot-k8s.sh "$fake:$tools" --kinds pods,services "$work/k8s-partial"
expect_status 1 "snapshot-k8s.sh with a failing kind"
[[ -f "$work/k8s-partial/k8s-services.json" && ! -e "$work/k8s-partial/k8s-pods.json" ]] ||
  fail "partial k8s snapshot wrong: $(ls -A "$work/k8s-partial")"

if [[ $failed -ne 0 ]]; then
  exit 1
fi
echo "snapshot scripts: all checks passed"
