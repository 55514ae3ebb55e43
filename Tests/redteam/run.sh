#!/usr/bin/env bash
# The red-team suite of issue 13: a committee on one server, real OS users in a temporary Unix
# group, and the attacks a dishonest member (or a stranger) with a shell would try. Each attack
# must be refused by the file system or citycert, or named by `citycert verify`.
#
# Run as root (it creates users and a group, and removes them afterwards):
#   CITYCERT_BIN=path/to/citycert bash Tests/redteam/run.sh
# .ci/run runs it; it is not part of `swift test`.
set -uo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${CITYCERT_BIN:-$here/.build/debug/citycert}
[ "$(id -u)" = 0 ] || { echo "redteam: skipped (needs root to create users)"; exit 0; }
command -v useradd >/dev/null || { echo "redteam: skipped (no useradd)"; exit 0; }
[ -x "$bin" ] || { echo "no binary at $bin"; exit 2; }
# root's own runs (verify after each attack) keep no trust-on-first-use state: the attacks are undone
# by putting back older copies of the store, which root's client would rightly call a rollback.
export CITYCERT_NO_KNOWN_STORES=1

tag="ccrt$$"
group="$tag"
users=(kim lee park han out)
work=$(mktemp -d /tmp/citycert-redteam.XXXXXX)
chmod 755 "$work"
store="$work/store"
pass=0; failed=0
ok() { echo "ok   - $1"; pass=$((pass + 1)); }
fail() { echo "FAIL - $1"; [ -n "${2:-}" ] && echo "$2" | sed 's/^/       /'; failed=$((failed + 1)); }
cleanup() {
  for u in "${users[@]}"; do userdel -r "$tag-$u" >/dev/null 2>&1; done
  groupdel "$group" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

groupadd "$group"
for u in "${users[@]}"; do
  useradd -m -d "$work/home-$u" -s /bin/bash "$tag-$u"
  [ "$u" = out ] || usermod -aG "$group" "$tag-$u"
done
# as USER CMD...: run a command as that member's OS account, with their own config and state.
as() {
  local u=$1; shift
  runuser -u "$tag-$u" -- env -i PATH="$PATH" HOME="$work/home-$u" LANG=C.UTF-8 \
    CITYCERT_LOCK_TIMEOUT="${CITYCERT_LOCK_TIMEOUT:-3}" "$@"
}
[ "$(as out id -un)" = "$tag-out" ] || { echo "redteam: cannot run as the test users"; exit 1; }

# The store: a small round, every member with a key made by themselves, signatures required.
mkdir -p "$store/standards" "$store/applications/app-a/evidence"
cat > "$store/store.yaml" <<EOF
round: "2025"
title: red team
standards: standards/t.yaml
signatures: required
EOF
cat > "$store/standards/t.yaml" <<'EOF'
id: t-1
title: t
large_city_min_population: 500000
phases: {combine: weighted, written: 0.7, site: 0.3}
aggregation: {method: mean}
disagreement: {flag_spread_share: 0.25}
grades:
  - {grade: 1, min_percent: 90}
  - {grade: 2, min_percent: 80}
  - {grade: 3, min_percent: 70}
  - {grade: 4, min_percent: 0}
certified_grades: [1, 2, 3]
fields:
  - id: f1
    name: f
    items:
      - id: i1
        name: i
        indicators:
          - id: Q1
            name: q
            points: {large: 40, small: 40}
            quantitative:
              unit: n
              bands: [{at_least: 10, share: 1.0}, {at_least: 0, share: 0.2}]
          - id: L1
            name: l
            points: {large: 60, small: 60}
            qualitative:
              levels: [{level: 5, share: 1.0, text: a}, {level: 1, share: 0.2, text: b}]
EOF
cat > "$store/applications/app-a/application.yaml" <<'EOF'
id: app-a
government: 가나시
province: 경기도
population: 600000
submitted_at: 2025-08-01
quantitative:
  Q1: {value: 7}
EOF
{
  echo "members:"
  for u in kim lee park han; do
    role=member; [ "$u" = kim ] && role=chair; [ "$u" = han ] && role=secretary
    line=$(as "$u" "$bin" key init --as "$u" | sed -n 's/^ *key: //p')
    echo "  - {id: $u, name: $u, role: $role, login: $tag-$u, key: \"$line\"}"
  done
  echo "site_teams: {app-a: []}   # no site inspection in this round"
} > "$store/committee.yaml"
"$bin" init-shared --store "$store" --group "$group" >/dev/null || { echo "init-shared failed"; exit 1; }
as han "$bin" seal --store "$store" >/dev/null || { echo "seal failed"; exit 1; }

# The honest round: lee scores and submits, park and kim keep drafts for now; verify passes.
as lee "$bin" score --store "$store" --application app-a --phase written --set Q1=7 --set L1=5 --submit >/dev/null \
  || fail "honest: lee scores" "$(as lee "$bin" score --store "$store" --application app-a --phase written --set Q1=7 2>&1)"
for u in park kim; do
  as "$u" "$bin" score --store "$store" --application app-a --phase written --set Q1=9 >/dev/null || fail "honest: $u scores"
done
as kim "$bin" verify --store "$store" >/dev/null && ok "the honest round verifies (every record signed, sealed)" \
  || fail "honest round" "$(as kim "$bin" verify --store "$store")"
head=$(tail -n 1 "$store/audit.log" | python3 -c 'import json,sys; print(json.loads(sys.stdin.read())["hash"])')
as lee "$bin" verify --store "$store" >/dev/null   # lee's client remembers this head

# Copies to restore after each attack that changes the store.
snapshot() { rm -rf "$work/snap"; cp -a "$store" "$work/snap"; }
restore() { rm -rf "$store"; cp -a "$work/snap" "$store"; }
verify_names() {   # verify_names NAME PATTERN: verify must fail and print PATTERN
  local out; out=$("$bin" verify --store "$store" 2>&1)
  if [ $? -ne 0 ] && grep -q -- "$2" <<<"$out"; then ok "$1"; else fail "$1" "$out"; fi
}
refused() {        # refused NAME CMD...: the command must fail
  local name=$1; shift
  if "$@" >/dev/null 2>&1; then fail "$name"; else ok "$name"; fi
}
snapshot

# 1. A stranger (not in the group) reads nothing and cannot freeze saves.
refused "a non-member cannot read a sheet" as out cat "$store/scores/lee/app-a.json"
refused "a non-member cannot list the store" as out ls "$store"
refused "a non-member cannot open .audit.lock to hold a flock on it" as out flock -s "$store/.audit.lock" true

# 2. A member appends a correctly chained entry in another member's name.
as lee python3 - "$store/audit.log" <<'PY'
import hashlib, json, sys
path = sys.argv[1]
last = json.loads(open(path, encoding="utf-8").read().splitlines()[-1])
rec = {"seq": last["seq"] + 1, "at": "2025-09-30T00:00:00Z", "actor": "park", "action": "reopen-sheet",
       "application": "app-a", "phase": "written", "detail": {"os_user": last["detail"]["os_user"]}, "prev": last["hash"]}
body = json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
rec["hash"] = hashlib.sha256(body.encode()).hexdigest()
open(path, "a", encoding="utf-8").write(json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")
PY
verify_names "a record appended in another member's name is named (unsigned)" "not signed, but park has a key"
restore

# 3. A member rewrites or plants another member's sheet.
refused "a member cannot rewrite another member's sheet" as lee sh -c "echo {} > '$store/scores/park/app-a.json'"
refused "a member cannot replace another member's sheet by rename" as lee sh -c "echo {} > '$store/scores/lee/x.json' && mv '$store/scores/lee/x.json' '$store/scores/park/app-a.json'"
refused "a member cannot plant a sheet in another member's folder" as lee sh -c "echo {} > '$store/scores/park/app-b.json'"

# 4. The committee, the standards, the applications: not by mv, not by edit.
refused "a member cannot mv committee.yaml away" as lee mv "$store/committee.yaml" "$store/c.yaml"
refused "a member cannot rename applications/" as lee mv "$store/applications" "$store/apps"
refused "a member cannot rename standards/" as lee mv "$store/standards" "$store/std"
refused "a member cannot edit an application" as lee sh -c "echo 'population: 1' >> '$store/applications/app-a/application.yaml'"
printf '\n# corrected\n' >> "$store/applications/app-a/application.yaml"
verify_names "an authored file changed after the seal is named (even by root)" "applications/app-a/application.yaml: changed after the last seal"
restore

# 4b. Lock files cannot be deleted to let two saves append at once (the log locks itself too).
refused "a member cannot delete .audit.lock" as lee rm -f "$store/.audit.lock"
refused "a member cannot delete an application's decision lock" as lee rm -f "$store/decisions/.app-a.lock"

# 5. A forged finalize by the chair with grade 1, and its decision file.
refused "a member cannot write a decision file" as lee sh -c "echo {} > '$store/decisions/app-a.json'"
as lee python3 - "$store/audit.log" <<'PY'
import hashlib, json, sys
path = sys.argv[1]
last = json.loads(open(path, encoding="utf-8").read().splitlines()[-1])
rec = {"seq": last["seq"] + 1, "at": "2025-09-30T00:00:00Z", "actor": "kim", "action": "finalize", "application": "app-a",
       "phase": None, "detail": {"total": "100.00", "max": "100.00", "grade": 1, "certified": True, "note": None,
       "os_user": last["detail"]["os_user"]}, "prev": last["hash"]}
rec["hash"] = hashlib.sha256(json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()
open(path, "a", encoding="utf-8").write(json.dumps(rec, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n")
PY
verify_names "a forged finalize in the chair's name is named (unsigned)" "not signed, but kim has a key"
verify_names "…and its grade is named against the sheets" "disagrees with the sheets"
restore

# 6. A member holds the log's lock: a save waits, names the holder, and gives up.
as lee flock -x "$store/.audit.lock" sleep 8 &
holder=$!
sleep 1
out=$(CITYCERT_LOCK_TIMEOUT=2 as park "$bin" score --store "$store" --application app-a --phase written --set Q1=8 2>&1)
rc=$?
wait $holder
if [ $rc -ne 0 ] && grep -q "held by process .* of user $tag-lee" <<<"$out" && grep -q "gave up after 2 s" <<<"$out"; then
  ok "a save behind a held lock names the holder and gives up"
else
  fail "held lock" "$out"
fi
restore

# 7. umask 077: first saves of a fresh member folder and a fresh lock still work for the others.
out=$(as park sh -c "umask 077; '$bin' score --store '$store' --application app-a --phase written --set L1=1" 2>&1) \
  && out=$(as kim sh -c "umask 077; '$bin' score --store '$store' --application app-a --phase written --set L1=5" 2>&1) \
  && "$bin" verify --store "$store" >/dev/null 2>&1 \
  && ok "umask 077: saves by two members one after the other" || fail "umask 077" "$out"
restore

# 8. A rolled-back log is said to the member whose client saw the head, and by --anchor.
python3 - "$store/audit.log" <<'PY'
import sys
p = sys.argv[1]; lines = open(p, encoding="utf-8").read().splitlines(True)
open(p, "w", encoding="utf-8").writelines(lines[:-1])
PY
out=$(as lee "$bin" report --store "$store" --format json 2>&1 >/dev/null)
grep -q "WARNING: the audit log of .* rolled back or rewritten" <<<"$out" && ok "a rolled-back log is said first to a member whose client saw it" || fail "trust on first use" "$out"
out=$("$bin" verify --store "$store" --anchor "$head" 2>&1)
grep -q "the anchored head $head is not in the log" <<<"$out" && ok "verify --anchor names a rolled-back log" || fail "anchor" "$out"
restore

# 9. The chair's decision, honestly: everyone submits, kim finalizes; the log verifies; the
# independent check agrees.
for u in park kim; do
  as "$u" "$bin" score --store "$store" --application app-a --phase written --set L1=5 --submit >/dev/null 2>&1 || fail "honest: $u submits"
done
as kim "$bin" finalize --store "$store" --application app-a >/dev/null 2>&1 && ok "the chair finalizes" || fail "finalize" "$(as kim "$bin" finalize --store "$store" --application app-a 2>&1)"
"$bin" verify --store "$store" >/dev/null && ok "the finalized round verifies" || fail "verify after finalize" "$("$bin" verify --store "$store")"
python3 "$here/scripts/verify-log.py" "$store" >/dev/null && ok "the independent check verifies every signature" || fail "independent check" "$(python3 "$here/scripts/verify-log.py" "$store")"

echo "$pass passed, $failed failed"
[ "$failed" = 0 ]
