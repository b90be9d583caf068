#!/usr/bin/env bash
# snapshot-k8s.sh: write a live-state snapshot of one Kubernetes cluster for
# `faultline scan --live DIR` (see docs/live-state.md).
#
# Runs `kubectl get KIND -A -o json` for the kinds faultline's rules and drift analysis read, one
# JSON file per kind, into DIR. Secrets are never exported. The cluster comes from kubectl's
# usual configuration (KUBECONFIG, current context, or --context); this script never prints or
# writes credentials.
#
# Exit status: 0 every command succeeded; 1 some commands failed (the files of the others are
# written); 2 usage error; 3 kubectl is not installed.
set -euo pipefail

readonly PROG="snapshot-k8s.sh"
readonly DEFAULT_KINDS="deployments.apps,statefulsets.apps,daemonsets.apps,replicasets.apps,jobs.batch,cronjobs.batch,pods,services,poddisruptionbudgets.policy,horizontalpodautoscalers.autoscaling,networkpolicies.networking.k8s.io,ingresses.networking.k8s.io,serviceaccounts,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io,clusterroles.rbac.authorization.k8s.io,clusterrolebindings.rbac.authorization.k8s.io,configmaps,persistentvolumeclaims,namespaces"

usage() {
  cat <<EOF
usage: $PROG [--context CONTEXT] [--kinds KIND[,KIND...]] DIR

Writes 'kubectl get KIND -A -o json' into DIR (created if missing), one file per kind. Argo
Rollouts (rollouts.argoproj.io) are added when the cluster serves them.

  --context CONTEXT      kubeconfig context to read (default: the current context)
  --kinds KIND,...       kinds to export instead of the default list:
                         $DEFAULT_KINDS
  -h, --help             show this help

Secrets are never exported, even when listed in --kinds.
EOF
}

die_usage() {
  echo "$PROG: $1" >&2
  echo "run '$PROG --help' for usage" >&2
  exit 2
}

context="" kinds="$DEFAULT_KINDS" kinds_given=0 dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --context)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--context needs a value"
      context="$2"; shift 2 ;;
    --context=*) context="${1#--context=}"; [[ -n "$context" ]] || die_usage "--context needs a value"; shift ;;
    --kinds)
      [[ $# -ge 2 && -n "$2" ]] || die_usage "--kinds needs a value"
      kinds="$2"; kinds_given=1; shift 2 ;;
    --kinds=*) kinds="${1#--kinds=}"; kinds_given=1; [[ -n "$kinds" ]] || die_usage "--kinds needs a value"; shift ;;
    --) shift; [[ $# -eq 1 ]] || die_usage "expected exactly one DIR after --"; dir="$1"; shift ;;
    -*) die_usage "unknown option: $1" ;;
    *)
      [[ -z "$dir" ]] || die_usage "expected exactly one DIR, got '$dir' and '$1'"
      dir="$1"; shift ;;
  esac
done
[[ -n "$dir" ]] || die_usage "missing the snapshot directory DIR"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "$PROG: kubectl is not installed or not on PATH" >&2
  echo "$PROG: install it (Debian/Ubuntu: apt-get install kubectl, or see kubernetes.io) and configure access to the cluster" >&2
  exit 3
fi

if [[ -e "$dir" && ! -d "$dir" ]]; then
  echo "$PROG: $dir exists and is not a directory" >&2
  exit 2
fi
mkdir -p -- "$dir"

scope=()
[[ -n "$context" ]] && scope+=(--context "$context")

failures=0
written=0

# export_kind KIND: kubectl get KIND -A -o json > DIR/k8s-KIND.json (only when it succeeds).
export_kind() {
  local kind="$1"
  local base="${kind,,}"
  base="${base%%.*}"
  if [[ "$base" == "secret" || "$base" == "secrets" ]]; then
    echo "$PROG: not exporting $kind (secrets are never written to a snapshot)" >&2
    return
  fi
  if [[ ! "$kind" =~ ^[A-Za-z0-9.-]+$ ]]; then
    failures=$((failures + 1))
    echo "$PROG: '$kind' is not a kind name; skipped" >&2
    return
  fi
  local file="k8s-$kind.json"
  local tmp="$dir/.$file.partial"
  if kubectl get "$kind" --all-namespaces -o json "${scope[@]}" </dev/null >"$tmp"; then
    mv -f -- "$tmp" "$dir/$file"
    written=$((written + 1))
    echo "$PROG: wrote $dir/$file"
  else
    rm -f -- "$tmp"
    failures=$((failures + 1))
    echo "$PROG: 'kubectl get $kind' failed; $file not written" >&2
  fi
}

IFS=',' read -r -a kind_list <<<"$kinds"
for kind in "${kind_list[@]}"; do
  kind="${kind// /}"
  [[ -n "$kind" ]] && export_kind "$kind"
done

# Argo Rollouts, when the cluster has the CRD (and the user did not choose the kinds).
if [[ $kinds_given -eq 0 ]]; then
  argo="$(kubectl api-resources --api-group=argoproj.io -o name "${scope[@]}" </dev/null \
    2>/dev/null || true)"
  if grep -qx 'rollouts.argoproj.io' <<<"$argo"; then
    export_kind rollouts.argoproj.io
  fi
fi

echo "$PROG: $written file(s) written to $dir, $failures failure(s)"
[[ $failures -eq 0 ]] || exit 1
