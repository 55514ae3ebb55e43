#!/usr/bin/env bash
# End-to-end check of the printable report: build the debug binary, print the HTML report of
# sample-data/ to PDF with headless Chromium, extract the text with pdftotext, and check that every
# valid application's government name and total (from `report --format json`) are in the PDF, and
# that the PDF has a page per application (cover + summary + one or more per application).
#
# Needs chromium, pdftotext (poppler-utils) and a Korean font (fonts-noto-cjk); they are installed
# with apt-get only when missing. Prints "N passed, N failed" last; exits non-zero on any failure.
#
# Environment: SCRATCH_PATH (default .build) is the SwiftPM build folder; CITYCERT_BIN skips the
# build and uses that binary; KEEP_OUTPUT=1 keeps the temporary folder with the HTML, PDF and text.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root" || exit 1
scratch="${SCRATCH_PATH:-.build}"
store="${STORE:-sample-data}"
work="$(mktemp -d "${TMPDIR:-/tmp}/citycert-html-pdf.XXXXXX")"
if [ "${KEEP_OUTPUT:-0}" = 1 ]; then echo "output kept in $work"; else trap 'rm -rf "$work"' EXIT; fi

fail_setup() {
    echo "html-pdf: $*" >&2
    echo "0 passed, 1 failed"
    exit 1
}

# --- tools -------------------------------------------------------------------------------------
chromium_bin=""
find_chromium() {
    for c in chromium chromium-browser google-chrome-stable google-chrome; do
        if command -v "$c" >/dev/null 2>&1; then chromium_bin="$(command -v "$c")"; return 0; fi
    done
    return 1
}
have_korean_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=ko family 2>/dev/null)" ]; }

missing=()
find_chromium || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 || missing+=(poppler-utils)
have_korean_font || missing+=(fonts-noto-cjk)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "html-pdf: installing ${missing[*]}"
    sudo=""
    if [ "$(id -u)" != 0 ]; then
        command -v sudo >/dev/null 2>&1 || fail_setup "missing ${missing[*]} and not root (no sudo)"
        sudo="sudo"
    fi
    start=$(date +%s)
    $sudo apt-get update -qq >"$work/apt.log" 2>&1 &&
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >>"$work/apt.log" 2>&1 ||
        { tail -20 "$work/apt.log" >&2; fail_setup "apt-get install ${missing[*]} failed"; }
    echo "html-pdf: installed in $(( $(date +%s) - start )) s"
    find_chromium || fail_setup "chromium still missing after the install"
fi

# --- build and report --------------------------------------------------------------------------
bin="${CITYCERT_BIN:-}"
if [ -z "$bin" ]; then
    swift build --scratch-path "$scratch" --product citycert >"$work/build.log" 2>&1 ||
        { tail -30 "$work/build.log" >&2; fail_setup "swift build failed"; }
    bin="$scratch/debug/citycert"
fi
[ -x "$bin" ] || fail_setup "no binary at $bin"

"$bin" report --store "$store" --format json >"$work/report.json" || fail_setup "report --format json failed ($?)"
"$bin" report --store "$store" --format html >"$work/report.html" || fail_setup "report --format html failed ($?)"

# --- print to PDF --------------------------------------------------------------------------------
timeout 180 "$chromium_bin" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --user-data-dir="$work/profile" --print-to-pdf="$work/report.pdf" "file://$work/report.html" \
    >"$work/chromium.log" 2>&1
[ -s "$work/report.pdf" ] || { tail -20 "$work/chromium.log" >&2; fail_setup "chromium wrote no PDF"; }
pdftotext -enc UTF-8 "$work/report.pdf" "$work/report.txt" || fail_setup "pdftotext failed"
pages="$(pdfinfo "$work/report.pdf" | awk '/^Pages:/ {print $2}')"

# --- checks --------------------------------------------------------------------------------------
python3 - "$work/report.json" "$work/report.txt" "$pages" <<'PY'
import json, sys

report = json.load(open(sys.argv[1], encoding="utf-8"))
text = open(sys.argv[2], encoding="utf-8").read()
pages = int(sys.argv[3] or 0)
squeezed = "".join(text.split())   # pdftotext may break a line inside a long cell
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}")

apps = report["applications"]
check(len(apps) > 0, f"the store has valid applications ({len(apps)})")
for a in apps:
    check(a["government"] in text or a["government"] in squeezed, f"{a['id']}: government {a['government']} in the PDF")
    check(a["total"] in text, f"{a['id']}: total {a['total']} in the PDF")
check(pages >= 2 + len(apps), f"{pages} pages: cover, summary and a page per application ({2 + len(apps)} at least)")
for p in report["invalid"]:
    check(p["path"] in squeezed, f"invalid {p['path']} listed in the PDF")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
