#!/usr/bin/env python3
"""Makes the sample store's PDF evidence: applications/<id>/evidence/plan.pdf, four pages of Korean
text per application, from HTML through headless Chromium. Run once; the PDFs are committed.

    python3 scripts/make-sample-evidence.py [sample-data]

Needs chromium and fonts-noto-cjk (apt-get install -y chromium fonts-noto-cjk; poppler-utils to check).
The figures come from each application.yaml, so that the page the applicant's lookup table names
(application.yaml: {file: evidence/plan.pdf, page: N}) holds the submitted value:

  page 1  cover and contents            (no figures)
  page 2  공공데이터 개방 현황 (표 2-1)   IN-01, IN-02
  page 3  스마트서비스 운영 현황 (표 3-1) ST-01, ST-07
  page 4  예산 및 재원 (표 4-1)           GV-11
Everything in it is invented sample data, like the rest of the sample store.
"""
import html, os, re, subprocess, sys, tempfile

store = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "sample-data")
chromium = next((c for c in ("chromium", "chromium-browser", "google-chrome") if subprocess.call(["which", c], stdout=subprocess.DEVNULL) == 0), None)
if not chromium:
    sys.exit("chromium is missing: apt-get install -y chromium fonts-noto-cjk")

CSS = """
@page { size: A4; margin: 22mm 20mm; }
body { font-family: 'Noto Sans CJK KR', sans-serif; font-weight: normal; font-size: 11pt; line-height: 1.6; }
section { page-break-after: always; }
section:last-child { page-break-after: auto; }
h1, h2, th { font-weight: normal; } h1, h2 { font-size: 11pt; text-decoration: underline; } h1 { margin-top: 60mm; }
table { border-collapse: collapse; margin: 6mm 0; } td, th { border: 1px solid #444; padding: 2mm 4mm; }
td.n { text-align: right; } .foot { color: #555; margin-top: 10mm; }
"""

def value(yaml_text, ind):
    m = re.search(r"^  %s: \{value: ([0-9.]+)" % re.escape(ind), yaml_text, re.M)
    return m.group(1) if m else "-"

def field(yaml_text, key):
    m = re.search(r"^%s: \{ko: ([^,}]+)" % key, yaml_text, re.M)
    return m.group(1).strip() if m else ""

def page(title, body):
    return "<section><h2>%s</h2>%s</section>" % (html.escape(title), body)

def table(caption, rows):
    trs = "".join("<tr><td>%s</td><td class=n>%s</td><td>%s</td></tr>" % tuple(map(html.escape, r)) for r in rows)
    return "<p>%s</p><table><tr><th>항목</th><th>실적</th><th>단위</th></tr>%s</table>" % (html.escape(caption), trs)

def document(app_id, y):
    gov, prov = field(y, "government"), field(y, "province")
    v = lambda i: value(y, i)
    cover = ("<section><h1>%s 스마트도시 추진 현황 자료</h1><p>%s %s · 2025년 스마트도시 인증 신청</p>"
             "<p>목차</p><ol><li>표지</li><li>공공데이터 개방</li><li>스마트서비스 운영</li><li>예산 및 재원</li></ol>"
             "<p class=foot>견본 자료: 이 문서의 모든 수치는 시험용으로 지어낸 것입니다. (%s)</p></section>") % (html.escape(gov), html.escape(prov), html.escape(gov), app_id)
    p2 = page("2. 공공데이터 개방 현황",
              "<p>%s는 공공데이터포털과 시 누리집을 통해 행정 데이터를 개방하고 있다. 아래 표는 2025년 6월 30일 기준 실적이다.</p>" % html.escape(gov)
              + table("표 2-1 공공데이터 개방 실적 (2025. 6. 30. 기준)",
                      [("공공데이터 개방 건수", v("IN-01"), "건"), ("오픈API 제공 건수", v("IN-02"), "건")])
              + "<p>개방 목록은 공공데이터포털의 기관 페이지에서 내려받을 수 있다.</p>")
    p3 = page("3. 스마트서비스 운영 현황",
              "<p>시민이 이용하는 스마트 도시서비스와 스마트 횡단보도 설치 현황이다.</p>"
              + table("표 3-1 스마트서비스 운영 실적 (2025. 6. 30. 기준)",
                      [("스마트 도시서비스 수", v("ST-01"), "개"), ("스마트 횡단보도 설치", v("ST-07"), "개소")]))
    p4 = page("4. 예산 및 재원",
              "<p>2025년 본예산 중 스마트도시 관련 사업 예산의 비율이다.</p>"
              + table("표 4-1 스마트도시 예산 비율 (2025년 본예산)", [("스마트도시 예산 비율", v("GV-11"), "%")])
              + "<p>유지관리비는 별도 항목으로 편성하였다.</p>")
    return "<!doctype html><html lang=ko><meta charset=utf-8><style>%s</style><body>%s%s%s%s</body></html>" % (CSS, cover, p2, p3, p4)

apps = os.path.join(store, "applications")
for app_id in sorted(os.listdir(apps)):
    yaml_path = os.path.join(apps, app_id, "application.yaml")
    if not os.path.exists(yaml_path):
        continue
    with open(yaml_path, encoding="utf-8") as f:
        y = f.read()
    out = os.path.abspath(os.path.join(apps, app_id, "evidence", "plan.pdf"))
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "plan.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(document(app_id, y))
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        "--user-data-dir=" + os.path.join(tmp, "profile"),
                        "--print-to-pdf=" + out, "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print("%s: %d bytes" % (os.path.relpath(out), os.path.getsize(out)))
