#!/usr/bin/env bash
# End-to-end test of the chair's screens: the real binary in tmux on a copy of the sample store.
# The chair is picked by login (USER=kminsu), opens the consensus screen of a complete application
# (2025-goyang) whose range crosses the certification line, finalizes it with a note and the typed
# id, checks the decision and the report, and reopens it with a reason.
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
mkdir -m 700 "$work/keys" && install -m 600 "$here/sample-data-keys/kim.ed25519" "$here/sample-data-keys/park.ed25519" "$work/keys/"
sock=citycert-chair-$$
session=chair
. "$here/Tests/e2e/lib.sh"
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT

# Park lowers ST-09 to level 1 in his written sheet: 2025-goyang keeps 1418.33 (grade 3, certified)
# but its range (spec §3.9) now reaches 1381.33, below the certification line of 1400.
"$bin" score --store "$store" --as park --key "$work/keys/park.ed25519" --application 2025-goyang --phase written --reopen --set ST-09=1 --submit >/dev/null \
  && ok "park's lower ST-09 is saved through score" || fail "score --set ST-09=1"

tm new-session -d -s chair -x 110 -y 32 "env -i PATH=$PATH HOME=$work CITYCERT_KEY=$work/keys/kim.ed25519 TERM=xterm-256color LANG=ko_KR.UTF-8 USER=kminsu LOGNAME=kminsu HISTFILE=/dev/null bash --norc --noprofile"
sleep 0.5
keys "$bin --store $store; echo exit=\$?" Enter
expect "the chair is recognised by login and starts on the overview" "위원장 종합"
expect "the overview lists who is missing, by phase" "서면 윤재현 임소영"
expect "the overview shows the grades goyang's range can reach" "3 (4–3)"
check "goyang's range crosses the certification line: first, certified with a question mark" "screen | grep -A1 '대도시' | grep -q '고양시.*인증?'"
keys Enter
expect "the consensus screen of 2025-goyang opens, grade and certification first" "3등급 · 인증 · 총점 1418.33 / 2000.00 (70.92%) · 범위 4–3등급"
expect "the matrix has a column per member" "김민수 이서연 박준호 최지은 정우진 강수빈 윤재현 임소영"
keys f
expect "f jumps to a flagged indicator" "⚑ 편차 경고"
keys h
expect "how solid: the range across the certification line" "범위 1381.33–1436.53 → 4–3등급 · 인증선을 넘나듦"
expect "how solid: the flags that move it most" "범위를 가장 크게 움직이는 지표: ST-09"
keys F
expect "finalize asks for a note, required here" "의결 메모 (필수"
keys Enter
expect "an empty note is refused" "메모가 필요합니다"
keys "ST-09 현장 재확인, 3등급 유지" Enter
expect "the confirmation shows the range and warns" "인증 여부가 아직 바뀔 수 있습니다"
keys y
expect "y alone does not finalize: the id is asked for" "확정하려면 2025-goyang 입력"
keys "2025-goyang" Enter
expect "the application is final" "✓ 2025-goyang: 확정 · 1418.33 / 2000.00"
expect "the consensus screen says who finalized, when, and the note" "확정: 김민수"
if python3 - "$store/decisions/2025-goyang.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["finalized_by"] == "kim" and d["total"] == "1418.33" and d["grade"] == 3 and d["certified"] is True, d
assert d["note"] == "ST-09 현장 재확인, 3등급 유지", d
PY
then ok "the decision file holds the chair's note"; else fail "decision file"; fi
if "$bin" report --store "$store" --format json | python3 -c '
import json, sys
d = json.load(sys.stdin)
a = next(a for a in d["applications"] if a["id"] == "2025-goyang")
assert a["status"] == "final" and a["total"] == "1418.33", a["status"]
assert a["decision"]["note"] == "ST-09 현장 재확인, 3등급 유지" and a["range"]["certified_low"] is False, a["range"]'; then ok "report --format json: final, with its decision and range"; else fail "json report after finalize"; fi
if "$bin" report --store "$store" --format text --application 2025-goyang | grep -q "인증선을 넘나듦"; then ok "the text report shows the range"; else fail "text report range"; fi
keys O
expect "reopen asks for a reason" "확정 취소 사유"
keys "이의신청 접수" Enter
expect "the reason is confirmed" "사유: 이의신청 접수"
keys y
expect "the application is reopened" "확정 취소됨"
expect "the consensus screen shows who reopened it and why" "사유: 이의신청 접수"
if grep '"action":"reopen"' "$store/audit.log" | grep -q '"reason":"이의신청 접수"'; then ok "the reason is in the audit log"; else fail "reopen reason in the audit log"; fi
[ ! -e "$store/decisions/2025-goyang.json" ] && ok "the decision is removed" || fail "decision still there"
keys q
expect "back on the overview" "위원장 종합"
keys q
expect "q quits" "exit=0"

summary
