#!/usr/bin/env bash
# Seal the sample store again after a deliberate change of its authored files (standards,
# committee, applications): the secretary `han` appends a new seal record, signed with the sample
# committee's key (sample data: copied owner-only to a temporary folder, because citycert refuses a
# key file others can read). The log keeps both seals, as for a real round's correction.
#   bash scripts/reseal-sample.sh [path/to/citycert]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CITYCERT_BIN:-.build/debug/citycert}}
keys=$(mktemp -d)
trap 'rm -rf "$keys"' EXIT
install -m 600 sample-data-keys/han.ed25519 "$keys/"
"$bin" seal --store sample-data --as han --key "$keys/han.ed25519"
rm -f sample-data/.audit.lock
"$bin" verify --store sample-data
