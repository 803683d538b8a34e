#!/usr/bin/env bash
# Writes the PrometheusRule of this component from deploy/prometheus/alerts.yml, the one source of the alert rules: its spec
# is that file from `groups:` on, indented, comments and all. Run it after changing alerts.yml (a test fails while the two
# differ):
#
#   deploy/kubernetes/prometheus-operator/generate.sh [OUTPUT]     # OUTPUT: prometheusrule.yaml beside this script
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
output=${1:-$here/prometheusrule.yaml}
{
  cat <<'HEADER'
# Generated from deploy/prometheus/alerts.yml by generate.sh beside this file: change alerts.yml, then run generate.sh.
# What each alert means and what to do about it: docs/deploy.md.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: balances
  labels:
    app.kubernetes.io/name: balances
spec:
HEADER
  sed -n -e '/^groups:/,$p' "$here/../../prometheus/alerts.yml" | sed -e 's/^\(.\)/  \1/'
} > "$output"
