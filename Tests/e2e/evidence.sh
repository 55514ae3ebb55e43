#!/usr/bin/env bash
# End-to-end test of the evidence viewer: the real binary in tmux on a copy of the sample store.
# Opens IN-02 of 2025-gimhae, whose evidence is {file: evidence/plan.pdf, page: 2}: page 2's text is
# on the screen and page 1's is not; PgUp/PgDn turn pages; `a` scores from inside the viewer; `q`
# returns to the sheet; a Markdown evidence opens inline; `/` and `n` search; a level key scores a
# qualitative indicator from its evidence; an indicator with several files lists them first.
#
#   CITYCERT_BIN=path/to/citycert bash Tests/e2e/evidence.sh
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CITYCERT_BIN:-$here/.build/debug/citycert}
[ -x "$bin" ] || { echo "no binary at $bin (build first or set CITYCERT_BIN)"; exit 2; }
command -v tmux >/dev/null || { echo "tmux is missing"; exit 2; }
command -v pdftotext >/dev/null || { echo "pdftotext is missing (apt-get install poppler-utils)"; exit 2; }

work=$(mktemp -d)
store=$work/store
cp -r "$here/sample-data" "$store"
# The sample store requires signatures: lim signs with the sample committee's key (sample data,
# copied owner-only because citycert refuses a key file others can read).
mkdir -m 700 "$work/keys" && install -m 600 "$here/sample-data-keys/lim.ed25519" "$work/keys/"
sock=citycert-e2e-evidence-$$
session=ev
. "$here/Tests/e2e/lib.sh"
cleanup() { tm kill-server 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
entry() {   # entry INDICATOR KEY: the written entry's key (value/level) in lim's sheet for gimhae
  python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["phases"]["written"]["entries"].get(sys.argv[2],{}); print(e.get(sys.argv[3],""))' \
    "$store/scores/lim/2025-gimhae.json" "$1" "$2" 2>/dev/null
}

tm new-session -d -s ev -x 80 -y 24 "env -i PATH=$PATH HOME=$work CITYCERT_KEY=$work/keys/lim.ed25519 TERM=xterm-256color LANG=C.UTF-8 USER=e2e HISTFILE=/dev/null bash --norc --noprofile"
sleep 0.5
keys "$bin --store $store --as lim --lang ko; echo exit=\$?" Enter
wait_for "지자체" >/dev/null
keys Down Down Down Enter
expect "opened 2025-gimhae" "IN-01  "

# 1. IN-02: one PDF evidence, page 2 named: the viewer opens at page 2.
keys Down o
expect "o opens the PDF at the page the applicant named" "plan.pdf · 2/4쪽"
check "page 2's text is on the screen" 'screen | grep -q "표 2-1 공공데이터 개방 실적"'
check "page 1's text is not" '! screen | grep -q "목차"'
check "the submitted value is on the page" 'screen | grep -qE "오픈API 제공 건수 +28 +건"'
check "the viewer's indicator and the member's entry are shown" 'screen | grep -q "IN-02 오픈API 제공 건수 · 제출 28 건 · 내 평가: 미입력"'
keys PageUp
expect "PgUp turns to page 1" "plan.pdf · 1/4쪽"
check "page 1 shows the contents, not page 2's table" 'screen | grep -q "목차" && ! screen | grep -q "표 2-1"'
keys PageDown
expect "PgDn turns back to page 2" "plan.pdf · 2/4쪽"

# 2. Score from inside the viewer.
keys a
expect "a accepts the value from inside the viewer" "내 평가 28 → "
check "the entry is saved in the sheet file" '[ "$(entry IN-02 value)" = 28 ]'
check "the viewer is still open after scoring" 'screen | grep -q "plan.pdf · 2/4쪽"'

# 3. q returns to the sheet.
keys q
check "q returns to the sheet" '! screen | grep -q "plan.pdf ·" && screen | grep -q "IN-02  오픈API 제공 건수"'

# 4. A Markdown evidence inline: IN-08 names citizen-participation.md.
keys / C-u "IN-08" Enter
expect "found IN-08" "IN-08  "
keys o
expect "the Markdown evidence opens inline" "시민참여 운영 실적 보고서 (2024)"
check "Hangul table rows are shown" 'screen | grep -q "시민참여 프로그램 참여자 수: 인구 1만 명당 63명"'
keys / "시민" Enter
expect "/ finds a word in the document" "“시민”"
keys n
expect "n goes to the next match" "건 중 2"
keys q

# 5. A qualitative indicator scored with a level key from its evidence (IN-07, citizen-participation.md p.3).
keys / C-u "IN-07" Enter
wait_for "IN-07  " >/dev/null
keys o
expect "IN-07's evidence opens" "citizen-participation.md"
keys 4
expect "a level key scores the viewer's indicator" "내 평가 수준 4 → "
check "the level is saved" '[ "$(entry IN-07 level)" = 4 ]'
keys q

# 6. Several files: a list first, with type, size and page.
keys g o
expect "several evidence files are listed first" "증빙 · 2건"
check "the list shows the PDF with its size and page" 'screen | grep -qE "evidence/plan.pdf +PDF +[0-9]+ KB +2쪽"'
check "and the text file" 'screen | grep -qE "evidence/open-data-portal.txt +텍스트 +[0-9]+ B"'
keys Down Enter
expect "Enter opens the chosen file" "plan.pdf · 2/4쪽"
keys q
expect "q goes back to the list" "증빙 · 2건"
keys q
check "q again closes the viewer" '! screen | grep -q "증빙 · 2건"'

# 7. Quit.
keys q
wait_for "지자체" >/dev/null && keys q
expect "q quits with status 0" "exit=0"

summary
