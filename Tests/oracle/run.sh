#!/usr/bin/env bash
# Compares `citycert report --format json` with the independent oracle (spec_oracle.py) on generated
# stores under every aggregation method and phase combination. Usage: run.sh CITYCERT_BIN
set -euo pipefail
bin="$1"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
variants=(
  "weighted trimmed-mean"
  "weighted mean"
  "weighted median"
  "site-revises trimmed-mean"
  "site-revises median"
)
seed=11
for v in "${variants[@]}"; do
  set -- $v
  store="$work/s$seed"
  "$bin" generate --out "$store" --applications 40 --seed "$seed" >/dev/null 2>&1
  std="$(ls "$store"/standards/*.yaml)"
  if [ "$1" = site-revises ]; then
    sed -i 's/^\( *\)phases: .*/\1phases: {combine: site-revises}/' "$std"
  fi
  sed -i "s/^\( *\)aggregation: .*/\1aggregation: {method: $2, trim_min_members: 5}/" "$std"
  grep -q "combine: $1" "$std" && grep -q "method: $2" "$std" || { echo "could not set $v in $std"; exit 1; }
  printf '%-28s ' "$v:"
  python3 "$here/spec_oracle.py" compare "$bin" "$store"
  seed=$((seed + 1))
done
