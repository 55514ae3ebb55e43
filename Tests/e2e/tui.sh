#!/usr/bin/env bash
# End-to-end test of the reviewer's workstation: the real binary in tmux, driven with send-keys
# and read with capture-pane, on a copy of the sample store.
#
#   CITYCERT_BIN=path/to/citycert bash Tests/e2e/tui.sh
#
# Prints "N passed, N failed" and exits non-zero on any failure.
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CITYCERT_BIN:-$here/.build/debug/citycert}
[ -x "$bin" ] || { echo "no binary at $bin (build first or set CITYCERT_BIN)"; exit 2; }
command -v tmux >/dev/null || { echo "tmux is missing"; exit 2; }

work=$(mktemp -d)
store=$work/store
cp -r "$here/sample-data" "$store"
# The sample store requires signatures: lim signs with the sample committee's key (sample data,
# copied owner-only: citycert refuses a key file others can read).
mkdir -m 700 "$work/keys" && install -m 600 "$here/sample-data-keys/lim.ed25519" "$work/keys/"
sock=citycert-e2e-$$
session=e2e
. "$here/Tests/e2e/lib.sh"
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
alt_on() { tm display -p -t e2e '#{alternate_on}'; }
# The display column of the first "│" on each screen row that has one: all equal when Hangul is aligned.
separator_columns() {
  screen | python3 -c '
import sys, unicodedata
def w(s): return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
rows = sys.stdin.read().splitlines()[3:-3]   # the panes, below the header and above the status line
cols = {w(l[:l.index("│")]) for l in rows if "│" in l and "┌" not in l and "└" not in l}
print(" ".join(map(str, sorted(cols))))'
}

# A plain shell in a 100×30 terminal; the program runs inside it, so we see what it leaves behind.
tm new-session -d -s e2e -x 100 -y 30 "env -i PATH=$PATH HOME=$work CITYCERT_KEY=$work/keys/lim.ed25519 TERM=xterm-256color LANG=C.UTF-8 USER=e2e HISTFILE=/dev/null bash --norc --noprofile"
sleep 0.5
keys "PS1='e2e\$ '" Enter
keys clear Enter

# 1. No --as and no member with login e2e: the committee list.
keys "$bin --store $store --lang ko; echo exit=\$?" Enter
if wait_for "위원 선택"; then ok "without --as the committee list opens"; else fail "committee list" "$(screen)"; fi
check "the terminal is in the alternate screen while running" '[ "$(alt_on)" = 1 ]'

# 2. Choose 임소영 (lim, the 8th member).
keys Down Down Down Down Down Down Down Enter
if wait_for "시작: 임소영 (위원)"; then ok "chose a member"; else fail "choose member" "$(screen)"; fi
check "the list shows Korean and English names aligned" 'screen | grep -q "김해시 Gimhae-si"'

# 3. Open 2025-gimhae (4th by id) and score in the written phase.
keys Down Down Down Enter
if wait_for "IN-01  "; then ok "opened 2025-gimhae"; else fail "open application" "$(screen)"; fi
check "the written phase is current" 'screen | grep -q "\[서면평가\]"'
keys a
if wait_for "저장됨"; then ok "accepting a value is saved at once"; else fail "saved status" "$(screen)"; fi
check "the entry shows as accepted" 'screen | grep -q "제출값 인정"'
keys Down Down 4
check "a qualitative level is chosen" 'screen | grep -q "내 평가   수준 4"'
keys Up e C-u 1 0 Enter
check "a corrected value is saved" 'screen | grep -q "10 → 0.00점 (수정)"'
check "the pane separator stays in one column with Hangul" '[ "$(separator_columns)" = "$(separator_columns | cut -d" " -f1)" ] && [ -n "$(separator_columns)" ]'
check "the running total is shown" 'screen | grep -qE "[0-9]+\.[0-9]{2}/2000\.00점"'

# 4. Kill the program mid-edit: the last change is on disk, and is there when reopened.
keys Down n
keys "증빙 확인 완료" Enter
sleep 0.5
pid=$(pgrep -f "citycert --store $store" | head -1)
kill -KILL "$pid"; sleep 0.5
keys "stty sane; clear" Enter
python3 - "$store/scores/lim/2025-gimhae.json" <<'PY' && ok "after SIGKILL the last change is on disk" || fail "sheet after SIGKILL"
import json, sys
e = json.load(open(sys.argv[1]))["phases"]["written"]["entries"]
assert e["IN-03"]["note"] == "증빙 확인 완료", e.get("IN-03")
assert e["IN-03"]["level"] == 4, e.get("IN-03")
assert str(e["IN-02"]["value"]) == "10", e["IN-02"]
PY
keys "$bin --store $store --as lim --lang ko; echo exit=\$?" Enter
wait_for "지자체" && keys Down Down Down Enter
if wait_for "IN-01  "; then ok "reopened after the kill"; else fail "reopen after kill" "$(screen)"; fi
keys Down Down
check "the note typed before the kill is shown" 'screen | grep -q "메모      증빙 확인 완료"'

# 5. Score every remaining indicator (a for quantitative, 3 for qualitative) and submit.
keys g
for _ in $(seq 1 55); do tm send-keys -t e2e m a 3; done
sleep 1.5
keys S
if wait_for "평가표 제출"; then ok "submit asks for confirmation"; else fail "submit confirmation" "$(screen)"; fi
keys y
if wait_for "제출 완료"; then ok "the sheet is submitted"; else fail "submitted" "$(screen)"; fi
check "after submitting, the committee's points are visible" 'screen | grep -q "위원 점수 · 서면평가"'
python3 - "$store/scores/lim/2025-gimhae.json" <<'PY' && ok "the sheet file is submitted with 55 entries" || fail "sheet file after submit"
import json, sys
w = json.load(open(sys.argv[1]))["phases"]["written"]
assert w["status"] == "submitted" and w["submitted_at"], w["status"]
assert len([e for e in w["entries"].values() if "value" in e or "level" in e]) == 55, len(w["entries"])
PY
check "the site phase is refused for a member outside the site team" 'keys Tab; screen | grep -q "현장실사 위원이 아닙니다"'

# 6. Quit: q back to the list, q quits; the terminal is restored.
keys q
wait_for "지자체" && keys q
if wait_for "exit=0"; then ok "q quits with status 0"; else fail "quit" "$(screen)"; fi
check "the terminal left the alternate screen after quit" '[ "$(alt_on)" = 0 ]'

# 7. SIGTERM restores the terminal too.
keys clear Enter
keys "$bin --store $store --as lim; echo exit=\$?" Enter
wait_for "Gimhae-si" >/dev/null
pid=$(pgrep -f "citycert --store $store --as lim" | head -1)
kill -TERM "$pid"
if wait_for "exit=143"; then ok "SIGTERM ends the program (143)"; else fail "SIGTERM exit" "$(screen)"; fi
check "the terminal left the alternate screen after SIGTERM" '[ "$(alt_on)" = 0 ]'
check "the shell prompt is back and usable" 'keys "echo alive-\$((1+1))" Enter; screen | grep -q "alive-2"'

# 8. A tiny terminal shows the enlarge message, not a broken screen.
tm resize-window -t e2e -x 50 -y 12 2>/dev/null || tm resize-pane -t e2e -x 50 -y 12
keys clear Enter
keys "$bin --store $store --as lim --lang en" Enter
if wait_for "Please enlarge the window"; then ok "a small terminal asks to enlarge"; else fail "small terminal" "$(screen)"; fi
keys q

# 9. The audit log recorded the session.
python3 - "$store/audit.log" <<'PY' && ok "the audit log records entries and the submit" || fail "audit log"
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
mine = [l for l in lines if l["actor"] == "lim" and l["application"] == "2025-gimhae"]
assert any(l["action"] == "submit" for l in mine), "no submit"
assert sum(l["action"] == "entry" for l in mine) >= 55, len(mine)
assert all(l["seq"] == i + 1 for i, l in enumerate(lines)), "seq"
PY

# 10. Every keystroke means what the member meant (issue 11), on 2025-andong (lim has no sheet there).
tm resize-window -t e2e -x 100 -y 30 2>/dev/null || tm resize-pane -t e2e -x 100 -y 30
keys clear Enter
sheet=$store/scores/lim/2025-andong.json
sum() { md5sum "$sheet" | cut -d" " -f1; }
keys "$bin --store $store --as lim --lang ko; echo exit=\$?" Enter
wait_for "Andong-si" >/dev/null && keys Enter
if wait_for "IN-01  "; then ok "opened 2025-andong"; else fail "open 2025-andong" "$(screen)"; fi
keys Down Down 3
wait_for "저장됨" >/dev/null
keys n
wait_for "IN-03 메모" >/dev/null
# 10a. A multi-line paste with S, y, digits and line breaks goes whole into the note.
note=$'증빙과 일치함.\nSee p.3 of the catalogue.\nS\ny\n4 5 1\n끝'
tm set-buffer -b note -- "$note"
tm paste-buffer -p -b note -t e2e; sleep 0.5
check "the pasted lines are in the open note" 'screen | grep -q "│ See p.3 of the catalogue." && screen | grep -q "IN-03 메모"'
keys Enter
wait_for "저장됨" >/dev/null
python3 - "$sheet" "$note" <<'PY' && ok "the pasted note is saved whole; nothing else changed; still a draft" || fail "sheet after the paste" "$(cat "$sheet")"
import json, sys
w = json.load(open(sys.argv[1]))["phases"]["written"]
assert w["status"] == "draft", w["status"]
assert w["entries"] == {"IN-03": {"level": 3, "note": sys.argv[2]}}, w["entries"]
PY
check "the note keeps its lines on the sheet" 'screen | grep -q "메모      증빙과 일치함." && screen | grep -qE "^ .*│ +See p.3 of the catalogue.$"'
# 10b. Home, End and F1 in every common encoding: on the sheet, then inside a prompt.
home="1b5b317e 1b5b48 1b4f48 1b5b377e 1b5b313b3548"
end="1b5b347e 1b5b46 1b4f46 1b5b387e 1b5b313b3546"
f1="1b4f50 1b5b31317e 1b5b5b41 1b5b4d 1b5b313b3250"
send_all() { for seq in $home $end $f1; do tm send-keys -t e2e -H $(echo "$seq" | sed 's/../& /g'); sleep 0.1; done; sleep 0.3; }
before=$(sum)
send_all
keys Escape
check "Home, End and F1 in every encoding change no entry on the sheet" '[ "$(sum)" = "$before" ]'
check "and leave the member on the sheet, End last: on its last indicator" 'screen | grep -q "Andong-si" && screen | grep -q "│ ST-22  "'
keys g Down Down Down n
wait_for "IN-04 메모" >/dev/null
keys abc
send_all
check "inside a prompt they keep its text" 'screen | grep -q "│ abc " && screen | grep -q "IN-04 메모"'
keys Z
check "and End put the cursor at its end" 'screen | grep -q "│ abcZ"'
keys Escape
check "no entry changed meanwhile" '[ "$(sum)" = "$before" ]'
# 10c. 5,000 characters pasted into a question are saved, quickly.
python3 -c 'import sys; t = ("가나다 abc 123 S y 3\n" * 300)[:5000]; sys.stdout.write(t)' > "$work/long.txt"
tm load-buffer -b long "$work/long.txt"
keys c
wait_for "IN-04 신청기관 질의" >/dev/null
start=$(date +%s%N)
tm paste-buffer -p -b long -t e2e
keys Enter
if wait_for "저장됨"; then ok "a paste of 5,000 characters is saved ($(( ($(date +%s%N) - start) / 1000000 )) ms)"; else fail "long paste" "$(screen)"; fi
python3 - "$sheet" "$work/long.txt" <<'PY' && ok "the 5,000 characters are in the sheet" || fail "sheet after the long paste"
import json, sys
e = json.load(open(sys.argv[1]))["phases"]["written"]["entries"]
assert e["IN-04"]["clarification"] == open(sys.argv[2]).read().strip(), len(e["IN-04"].get("clarification", ""))
assert len(e["IN-04"]["clarification"]) >= 4990
PY
# 10d. Killed mid-note: the text is offered back when the sheet is opened again.
keys Down Down n
keys "중단 전 메모" M-Enter "둘째 줄"
sleep 0.5
pid=$(pgrep -f "citycert --store $store --as lim" | head -1)
kill -KILL "$pid"; sleep 0.5
keys "stty sane; clear" Enter
check "the draft is kept in the member's state folder, not in the store" '[ -n "$(find "$work/.local/state/citycert/drafts" -name 2025-andong.json)" ] && ! grep -rq "중단 전" "$store"'
keys "$bin --store $store --as lim --lang ko; echo exit=\$?" Enter
wait_for "Andong-si" >/dev/null && keys Enter
if wait_for "저장하지 않은 글"; then ok "the unsaved note is offered back after the kill"; else fail "draft offered" "$(screen)"; fi
check "the offer shows the text" 'screen | grep -q "중단 전 메모"'
keys y
check "y opens the note again with its text" 'screen | grep -q "IN-06 메모" && screen | grep -q "│ 둘째 줄"'
keys Enter
wait_for "저장됨" >/dev/null
python3 - "$sheet" <<'PY' && ok "the recovered note is saved with its line break" || fail "recovered note"
import json, sys
e = json.load(open(sys.argv[1]))["phases"]["written"]["entries"]
assert e["IN-06"]["note"] == "중단 전 메모\n둘째 줄", e.get("IN-06")
PY
check "no draft is left once saved" '[ -z "$(find "$work/.local/state/citycert/drafts" -name 2025-andong.json)" ]'
# 10e. A paste with no field open is ignored with a message.
before=$(sum)
tm paste-buffer -p -b note -t e2e; sleep 0.5
check "a paste on the sheet changes nothing and says so" '[ "$(sum)" = "$before" ] && screen | grep -q "붙여넣기를 무시했습니다"'
keys q
wait_for "지자체" >/dev/null && keys q
wait_for "exit=0" >/dev/null

summary
