#!/usr/bin/env bash
# End-to-end test of the chair's screens: the real binary in tmux on a copy of the sample store.
# The chair is picked by login (USER=kminsu), opens the consensus screen of a complete application
# (2025-goyang), finalizes it, and the report then shows it as final.
#
#   CITYCERT_BIN=path/to/citycert bash Tests/e2e/chair.sh
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CITYCERT_BIN:-$here/.build/debug/citycert}
[ -x "$bin" ] || { echo "no binary at $bin"; exit 2; }
work=$(mktemp -d)
store=$work/store
cp -r "$here/sample-data" "$store"
# The sample store requires signatures: kim signs with the sample committee's key (sample data,
# copied owner-only: citycert refuses a key file others can read).
mkdir -m 700 "$work/keys" && install -m 600 "$here/sample-data-keys/kim.ed25519" "$work/keys/"
sock=citycert-chair-$$
session=chair
. "$here/Tests/e2e/lib.sh"
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT

tm new-session -d -s chair -x 110 -y 32 "env -i PATH=$PATH HOME=$work CITYCERT_KEY=$work/keys/kim.ed25519 TERM=xterm-256color LANG=ko_KR.UTF-8 USER=kminsu LOGNAME=kminsu HISTFILE=/dev/null bash --norc --noprofile"
sleep 0.5
keys "$bin --store $store; echo exit=\$?" Enter
expect "the chair is recognised by login and starts on the overview" "위원장 종합"
expect "the overview lists who is missing, by phase" "서면 윤재현 임소영"
keys Down Enter
expect "the consensus screen of 2025-goyang opens" "총점 1418.33 / 2000.00 (70.92%) · 3등급 · 인증"
expect "the matrix has a column per member" "김민수 이서연 박준호 최지은 정우진 강수빈 윤재현 임소영"
keys f
expect "f jumps to a flagged indicator" "⚑ 편차 경고"
keys h
expect "how solid: the grade under each method" "집계 방법별: 평균 1418.69 → 3✓  중앙값 1424.47 → 3✓  절사평균 1418.33 → 3✓"
keys F
expect "finalize asks for a note" "의결 메모"
keys "전원 합의" Enter
expect "finalize asks for confirmation" "확정할까요?"
keys y
expect "the application is final" "✓ 2025-goyang: 확정 · 1418.33 / 2000.00"
keys q
expect "the overview shows it as final" "확정"
keys q
expect "q quits" "exit=0"

if "$bin" report --store "$store" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
a = next(a for a in d["applications"] if a["id"] == "2025-goyang")
assert a["status"] == "final" and a["total"] == "1418.33", a["status"]'; then ok "report --format json shows 2025-goyang as final"; else fail "json report after finalize"; fi
if "$bin" report --store "$store" --format text --application 2025-goyang | grep -q "확정"; then ok "the text report shows it as final"; else fail "text report after finalize"; fi
if python3 - "$store/decisions/2025-goyang.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["finalized_by"] == "kim" and d["total"] == "1418.33" and d["grade"] == 3 and d["certified"] is True and d["note"] == "전원 합의", d
PY
then ok "the decision file is written by the chair"; else fail "decision file"; fi

summary
