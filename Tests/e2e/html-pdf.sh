#!/usr/bin/env bash
# End-to-end check of the reports a ministry files, on the sample store and on a store generated for
# the run (`citycert generate`, which the program has never seen):
# - `report --format pdf` (the html printed by headless Chromium): every page's text (pdftotext)
#   holds `N / M`; every valid application's government and total are in it; the pages of a city
#   that is not final say 잠정 and hold no signature block, the pages of a final city do not say
#   잠정 and its last page holds the signature block; invalid applications are in the annex.
# - `report --format xlsx`: read by openpyxl, every total and indicator score is a number cell equal
#   to the JSON report's figure, shown with 0.00; header rows frozen.
# - `report --format csv`: with --lang ko it starts with a byte order mark, and read as Excel reads
#   it (UTF-8 with a BOM, else the Korean code page cp949) the Hangul is right.
#
# Needs chromium, pdftotext (poppler-utils), a Korean font (fonts-noto-cjk) and openpyxl; they are
# installed (apt-get, pip) only when missing. Prints "N passed, N failed" last; exits non-zero on any
# failure.
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
python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl >"$work/pip.log" 2>&1 ||
    { tail -5 "$work/pip.log" >&2; fail_setup "pip install openpyxl failed"; }
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

# --- build and reports ---------------------------------------------------------------------------
bin="${CITYCERT_BIN:-}"
if [ -z "$bin" ]; then
    swift build --scratch-path "$scratch" --product citycert >"$work/build.log" 2>&1 ||
        { tail -30 "$work/build.log" >&2; fail_setup "swift build failed"; }
    bin="$scratch/debug/citycert"
fi
[ -x "$bin" ] || fail_setup "no binary at $bin"
export CITYCERT_CHROMIUM="$chromium_bin"

# A store this program has never seen: 5 applications, two of them final, the others not.
"$bin" generate --out "$work/gen" --applications 5 --seed 6 2>"$work/generate.log" || fail_setup "generate failed"

for name in sample gen; do
    s="$store"; [ "$name" = gen ] && s="$work/gen"
    "$bin" report --store "$s" --format json >"$work/$name.json" || fail_setup "$name: report --format json failed ($?)"
    "$bin" report --store "$s" --format pdf --out "$work/$name.pdf" --issued 2025-11-30 --annex members --annex notes \
        2>"$work/$name-pdf.log" || { cat "$work/$name-pdf.log" >&2; fail_setup "$name: report --format pdf failed"; }
    pdftotext -enc UTF-8 -layout "$work/$name.pdf" "$work/$name.txt" || fail_setup "pdftotext failed"
    pdftotext -enc UTF-8 "$work/$name.pdf" "$work/$name.raw.txt" || fail_setup "pdftotext failed"
    "$bin" report --store "$s" --format xlsx --out "$work/$name.xlsx" --annex members 2>/dev/null || fail_setup "$name: report --format xlsx failed"
    "$bin" report --store "$s" --format csv >"$work/$name.csv" || fail_setup "$name: report --format csv failed"
    "$bin" report --store "$s" --format csv --no-bom >"$work/$name-nobom.csv" || fail_setup "$name: report --format csv --no-bom failed"
done

# --- checks --------------------------------------------------------------------------------------
python3 - "$work" <<'PY'
import json, re, sys
from openpyxl import load_workbook

work = sys.argv[1]
passed = failed = 0

def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}")

for name in ("sample", "gen"):
    report = json.load(open(f"{work}/{name}.json", encoding="utf-8"))
    apps = report["applications"]
    pages = open(f"{work}/{name}.txt", encoding="utf-8").read().split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    m = len(pages)
    # Text in reading order, without spaces: a cell's text broken over lines is whole again.
    squeezed = "".join(open(f"{work}/{name}.raw.txt", encoding="utf-8").read().split())

    # Every page carries its number, the round's title and the issue date.
    for i, p in enumerate(pages, 1):
        check(re.search(rf"(?<!\d){i} / {m}(?!\d)", p) is not None, f"{name}: page {i} holds '{i} / {m}'")
        check("발행일 2025. 11. 30." in p, f"{name}: page {i} holds the issue date")
    check(m >= 2 + len(apps), f"{name}: {m} pages, cover, summary and a page per application at least")
    # No heading is left alone at the bottom of a page (its chart or table on the next).
    headings = ("분야별 득점", "편차 큰 지표", "서명", "도시별 득점률 비교", "평가위원회")
    for i, p in enumerate(pages, 1):
        body = [l.strip() for l in p.splitlines() if l.strip() and not re.search(r"\d+ / \d+$", l.strip())
                and "발행일" not in l and "문서번호" not in l]
        check(not body or body[-1] not in headings, f"{name}: page {i} does not end with the heading '{body[-1] if body else ''}'")
    for a in apps:
        check(a["government"] in squeezed, f"{name}: {a['id']}: government {a['government']} in the PDF")
        check(a["total"] in squeezed, f"{name}: {a['id']}: total {a['total']} in the PDF")
    for p in report["invalid"]:
        check(p["path"] in squeezed, f"{name}: invalid {p['path']} in the annex")
    check(not any("contradicts" in p for p in pages), f"{name}: no English diagnostic in the Korean report")

    # Each city's pages: from the page that starts with its heading to the next city's or the annexes.
    starts = {}
    for a in apps:
        heading = [i for i, p in enumerate(pages) if re.search(rf"^\s*\S.*\s{re.escape(a['id'])}\s*$", p, re.M)
                   and "광역" in p]
        check(len(heading) >= 1, f"{name}: {a['id']} has a page")
        if heading:
            starts[a["id"]] = heading[0]
    annex = next((i for i, p in enumerate(pages) if re.search(r"^\s*부록 [A-Z]\.", p, re.M)), m)
    order = sorted(starts.items(), key=lambda kv: kv[1])
    finals = provisionals = 0
    for k, (app_id, first) in enumerate(order):
        last = (order[k + 1][1] if k + 1 < len(order) else annex) - 1
        own = pages[first:last + 1]
        status = next(a["status"] for a in apps if a["id"] == app_id)
        if status == "final":
            finals += 1
            check(all("잠정" not in p for p in own), f"{name}: {app_id} is final: no page says 잠정")
            check("위 평가 결과를 확인합니다" in own[-1] and "서명" in own[-1] and "위원장" in own[-1],
                  f"{name}: {app_id} is final: its last page holds the signature block")
        else:
            provisionals += 1
            check(all("잠정 (확정 전)" in p for p in own), f"{name}: {app_id} is {status}: every page says 잠정 (확정 전) ({len(own)} pages)")
            check(all("서명" not in p and "위 평가 결과를 확인합니다" not in p for p in own),
                  f"{name}: {app_id} is {status}: no signature block")
    if name == "gen":
        check(finals >= 1 and provisionals >= 1, f"gen: final ({finals}) and not final ({provisionals}) cities")

    # The workbook, read by an independent reader.
    wb = load_workbook(f"{work}/{name}.xlsx")
    check(wb.sheetnames[:2] == ["종합", "지표"] and "위원별 평가표" in wb.sheetnames, f"{name}: xlsx sheets {wb.sheetnames}")
    summary, indicators = wb["종합"], wb["지표"]
    check(summary.freeze_panes == "A2" and indicators.freeze_panes == "A2", f"{name}: header rows frozen")
    check(summary.column_dimensions["B"].width > 0 and indicators.column_dimensions["F"].width == 44, f"{name}: column widths set")
    head = [c.value for c in summary[1]]
    check(head[:6] == ["신청 ID", "지자체", "광역", "유형", "상태", "총점"], f"{name}: Korean headers {head[:6]}")
    rows = {r[0].value: r for r in summary.iter_rows(min_row=2)}
    check(len(rows) == len(apps), f"{name}: a summary row per application ({len(rows)})")
    for a in apps:
        r = rows.get(a["id"])
        if r is None:
            check(False, f"{name}: {a['id']} in the summary sheet"); continue
        for col, key in ((5, "total"), (6, "max"), (7, "percent")):
            cell = r[col]
            check(isinstance(cell.value, (int, float)) and abs(cell.value - float(a[key])) < 1e-9 and cell.number_format == "0.00",
                  f"{name}: {a['id']} {key} is a 0.00 number cell equal to {a[key]} (got {cell.value!r}, {cell.number_format})")
        check(r[8].value == a["grade"], f"{name}: {a['id']} grade {a['grade']}")
        check(abs(r[10].value - float(a["range"]["low"])) < 1e-9 and abs(r[11].value - float(a["range"]["high"])) < 1e-9,
              f"{name}: {a['id']} range as numbers")
    scores = {(r[0].value, r[4].value): r for r in indicators.iter_rows(min_row=2)}
    n = sum(len(a["indicators"]) for a in apps)
    check(len(scores) == n, f"{name}: an indicator row per application and indicator ({len(scores)} of {n})")
    bad = 0
    for a in apps:
        for ind in a["indicators"]:
            r = scores.get((a["id"], ind["id"]))
            ok = r is not None and isinstance(r[6].value, (int, float)) and abs(r[6].value - float(ind["score"])) < 1e-9 \
                and r[6].number_format == "0.00" and abs(r[7].value - float(ind["max"])) < 1e-9
            for col, key in ((8, "written"), (9, "site")):
                ok = ok and (r[col].value is None if ind[key] is None else abs(r[col].value - float(ind[key])) < 1e-9)
            ok = ok and abs(r[12].value - float(ind["spread"])) < 1e-9 and (r[13].value == "!") == ind["flagged"]
            bad += not ok
    check(bad == 0, f"{name}: every indicator's score, max, written, site, spread and flag equal the JSON ({bad} differ)")

    # The CSV as Excel opens it: UTF-8 when it starts with a BOM, else the system's code page (cp949).
    def as_excel(path):
        raw = open(path, "rb").read()
        return raw[3:].decode("utf-8") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("cp949", errors="replace")
    text = as_excel(f"{work}/{name}.csv")
    check(open(f"{work}/{name}.csv", "rb").read(3) == b"\xef\xbb\xbf", f"{name}: csv starts with a BOM with --lang ko")
    check(text.startswith("회차,신청 ID,지자체,"), f"{name}: csv headers in Korean")
    check(all(a["government"] in text for a in apps), f"{name}: csv Hangul right as Excel reads it")
    check(not open(f"{work}/{name}-nobom.csv", "rb").read(3) == b"\xef\xbb\xbf", f"{name}: --no-bom leaves it out")

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
