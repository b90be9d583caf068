#!/usr/bin/env bash
# snapshot-aws.sh: write a live-state snapshot of one AWS account and region for
# `faultline scan --live DIR` (see docs/live-state.md).
#
# Runs the read-only aws CLI commands faultline maps to Terraform resources, one JSON file per
# command, into DIR. Credentials come from the aws CLI's usual chain (environment, profile, SSO,
# instance role); this script never prints, logs or writes them.
#
# Exit status: 0 every command succeeded; 1 some commands failed (the files of the others are
# written); 2 usage error; 3 the aws CLI is not installed.
set -euo pipefail

readonly PROG="snapshot-aws.sh"

usage() {
  cat <<'EOF'
usage: snapshot-aws.sh [--region REGION] [--profile PROFILE] [--no-eks] [--no-iam] [--no-s3] DIR

Writes the JSON output of these aws CLI commands into DIR (created if missing), one file each:
  rds describe-db-instances, rds describe-db-clusters, ec2 describe-instances,
  ec2 describe-security-groups, ec2 describe-subnets, ec2 describe-vpcs,
  elasticache describe-replication-groups, autoscaling describe-auto-scaling-groups,
  eks describe-nodegroup (every node group of every cluster),
  iam get-account-authorization-details, s3api list-buckets

  --region REGION    region to read (default: AWS_REGION, AWS_DEFAULT_REGION or the profile's)
  --profile PROFILE  named profile (default: AWS_PROFILE or "default")
  --no-eks           skip EKS node groups
  --no-iam           skip IAM (global; needs iam:GetAccountAuthorizationDetails)
  --no-s3            skip S3 buckets (global)
  -h, --help         show this help

Regional resources come from one region: run once per region, into one directory each.
EOF
}

die_usage() {
  echo "$PROG: $1" >&2
  echo "run '$PROG --help' for usage" >&2
  exit 2
}

region="" profile="" dir="" with_eks=1 with_iam=1 with_s3=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --region)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--region needs a value"
      region="$2"; shift 2 ;;
    --region=*) region="${1#--region=}"; [[ -n "$region" ]] || die_usage "--region needs a value"; shift ;;
    --profile)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--profile needs a value"
      profile="$2"; shift 2 ;;
    --profile=*) profile="${1#--profile=}"; [[ -n "$profile" ]] || die_usage "--profile needs a value"; shift ;;
    --no-eks) with_eks=0; shift ;;
    --no-iam) with_iam=0; shift ;;
    --no-s3) with_s3=0; shift ;;
    --) shift; [[ $# -eq 1 ]] || die_usage "expected exactly one DIR after --"; dir="$1"; shift ;;
    -*) die_usage "unknown option: $1" ;;
    *)
      [[ -z "$dir" ]] || die_usage "expected exactly one DIR, got '$dir' and '$1'"
      dir="$1"; shift ;;
  esac
done
[[ -n "$dir" ]] || die_usage "missing the snapshot directory DIR"

if ! command -v aws >/dev/null 2>&1; then
  echo "$PROG: the aws CLI is not installed or not on PATH" >&2
  echo "$PROG: install it (Debian/Ubuntu: apt-get install awscli) and configure credentials" >&2
  exit 3
fi

if [[ -e "$dir" && ! -d "$dir" ]]; then
  echo "$PROG: $dir exists and is not a directory" >&2
  exit 2
fi
mkdir -p -- "$dir"

# No pager, JSON output, and the chosen region/profile on every call.
export AWS_PAGER=""
scope=()
[[ -n "$region" ]] && scope+=(--region "$region")
[[ -n "$profile" ]] && scope+=(--profile "$profile")

failures=0
written=0

# run FILE SERVICE OPERATION [ARGS...]: the command's stdout goes to DIR/FILE (only when it
# succeeds); its error message is shown as the CLI prints it.
run() {
  local file="$1"; shift
  local tmp="$dir/.$file.partial"
  if aws "$@" --output json "${scope[@]}" </dev/null >"$tmp"; then
    mv -f -- "$tmp" "$dir/$file"
    written=$((written + 1))
    echo "$PROG: wrote $dir/$file"
  else
    rm -f -- "$tmp"
    failures=$((failures + 1))
    echo "$PROG: 'aws $1 $2' failed; $file not written" >&2
  fi
}

# list SERVICE OPERATION QUERY [ARGS...]: names printed by a list command, one per line.
list() {
  local service="$1" operation="$2" query="$3"; shift 3
  aws "$service" "$operation" "$@" --query "$query" --output text "${scope[@]}" </dev/null |
    tr '\t' '\n' |
    { grep -v -e '^None$' -e '^$' || true; }
}

run rds-describe-db-instances.json rds describe-db-instances
run rds-describe-db-clusters.json rds describe-db-clusters
run ec2-describe-instances.json ec2 describe-instances
run ec2-describe-security-groups.json ec2 describe-security-groups
run ec2-describe-subnets.json ec2 describe-subnets
run ec2-describe-vpcs.json ec2 describe-vpcs
run elasticache-describe-replication-groups.json elasticache describe-replication-groups
run autoscaling-describe-auto-scaling-groups.json autoscaling describe-auto-scaling-groups

if [[ $with_eks -eq 1 ]]; then
  if clusters="$(list eks list-clusters 'clusters[]')"; then
    while IFS= read -r cluster; do
      [[ -n "$cluster" ]] || continue
      if nodegroups="$(list eks list-nodegroups 'nodegroups[]' --cluster-name "$cluster")"; then
        while IFS= read -r nodegroup; do
          [[ -n "$nodegroup" ]] || continue
          run "eks-describe-nodegroup-$cluster-$nodegroup.json" eks describe-nodegroup \
            --cluster-name "$cluster" --nodegroup-name "$nodegroup"
        done <<<"$nodegroups"
      else
        failures=$((failures + 1))
        echo "$PROG: 'aws eks list-nodegroups' failed for cluster $cluster" >&2
      fi
    done <<<"$clusters"
  else
    failures=$((failures + 1))
    echo "$PROG: 'aws eks list-clusters' failed; no EKS node groups written" >&2
  fi
fi

if [[ $with_iam -eq 1 ]]; then
  # Customer-managed policies only: AWS-managed ones are not Terraform resources.
  run iam-get-account-authorization-details.json iam get-account-authorization-details \
    --filter User Role Group LocalManagedPolicy
fi
if [[ $with_s3 -eq 1 ]]; then
  run s3api-list-buckets.json s3api list-buckets
fi

echo "$PROG: $written file(s) written to $dir, $failures failure(s)"
[[ $failures -eq 0 ]] || exit 1
