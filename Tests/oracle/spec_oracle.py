#!/usr/bin/env python3
"""An independent implementation of spec §3 and §4 (../shared/spec.md), written from the spec alone.

Reads a store and prints, per valid application, every figure of the JSON report that spec §3
defines (scores, totals, grade, status, flags, range, missing, decision). `compare` runs citycert's
`report --format json` on the same store and fails, naming the first difference, when they disagree.

    spec_oracle.py compare CITYCERT_BIN STORE

It shares no code with citycert: Python's Decimal with ROUND_HALF_UP, PyYAML, json.
"""
import json
import os
import subprocess
import sys
from decimal import Decimal, ROUND_HALF_UP

import yaml


def round2(x):
    return Decimal(x).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fmt(x):
    return str(round2(x))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def dec(v):
    return Decimal(str(v))


def share_of(ind, entry):
    if "quantitative" in ind:
        v = entry.get("value")
        if v is None:
            return None
        v = dec(v)
        for band in ind["quantitative"]["bands"]:
            if "at_least" in band and v >= dec(band["at_least"]):
                return dec(band["share"])
            if "at_most" in band and v <= dec(band["at_most"]):
                return dec(band["share"])
        return Decimal(0)
    level = entry.get("level")
    if level is None:
        return None
    for lv in ind["qualitative"]["levels"]:
        if lv["level"] == level:
            return dec(lv["share"])
    return None


def aggregate(values, method, trim_min):
    values = sorted(values)
    if method == "mean" or (method == "trimmed-mean" and (len(values) < trim_min or len(values) < 3)):
        return round2(sum(values) / len(values))
    if method == "median":
        n = len(values)
        if n % 2:
            return round2(values[n // 2])
        return round2((values[n // 2 - 1] + values[n // 2]) / 2)
    trimmed = values[1:-1]
    return round2(sum(trimmed) / len(trimmed))


def combine(w, s, phases):
    if w is None and s is None:
        return Decimal(0)
    if s is None:
        return w
    if w is None:
        return s
    if phases.get("combine", "weighted") == "site-revises":
        return s
    return round2(dec(phases["written"]) * w + dec(phases["site"]) * s)


def grade_of(total, mx, grades):
    for g in sorted(grades, key=lambda g: -dec(g["min_percent"])):
        if total * 100 >= dec(g["min_percent"]) * mx:
            return g["grade"]
    return sorted(grades, key=lambda g: -dec(g["min_percent"]))[-1]["grade"]


def evaluate(store):
    sy = load_yaml(os.path.join(store, "store.yaml"))
    st = load_yaml(os.path.join(store, sy["standards"]))
    cm = load_yaml(os.path.join(store, "committee.yaml"))
    members = cm["members"]
    order = [m["id"] for m in members]
    roles = {m["id"]: m["role"] for m in members}
    conflicts = {(c["member"], c["application"]) for c in (cm.get("conflicts") or [])}
    teams = cm.get("site_teams") or {}
    phases = st["phases"]
    agg = st["aggregation"]
    method, trim_min = agg["method"], agg.get("trim_min_members", 0)
    flag_share = dec(st["disagreement"]["flag_spread_share"])
    certified_grades = set(st["certified_grades"])
    threshold = st["large_city_min_population"]
    result = {}
    apps_dir = os.path.join(store, "applications")
    for app_id in sorted(os.listdir(apps_dir)):
        app = load_yaml(os.path.join(apps_dir, app_id, "application.yaml"))
        ctype = app.get("city_type") or ("large" if app["population"] >= threshold else "small")
        eligible = [m for m in order if roles[m] in ("chair", "member") and (m, app_id) not in conflicts]
        team = [m for m in eligible if m in teams[app_id]] if app_id in teams else eligible
        counts = {"written": eligible, "site": team}
        sheets = {}
        for m in order:
            p = os.path.join(store, "scores", m, app_id + ".json")
            if os.path.exists(p):
                with open(p, encoding="utf-8") as f:
                    sheets[m] = json.load(f)
        submitted = {ph: [m for m in counts[ph] if m in sheets
                          and sheets[m]["phases"].get(ph, {}).get("status") == "submitted"] for ph in ("written", "site")}
        indicators, fields, items = [], [], []
        total = mx = low = high = Decimal(0)
        for field in st["fields"]:
            f_score = f_max = Decimal(0)
            for item in field["items"]:
                i_score = i_max = Decimal(0)
                for ind in item["indicators"]:
                    pts_max = dec((ind.get("points") or {}).get(ctype) or 0)
                    if pts_max <= 0:
                        continue
                    per = {}
                    for ph in ("written", "site"):
                        vals = []
                        for m in submitted[ph]:
                            e = sheets[m]["phases"][ph]["entries"].get(ind["id"])
                            s = share_of(ind, e) if e else None
                            if s is not None:
                                vals.append(round2(pts_max * s))
                        per[ph] = vals
                    aggs = {ph: (aggregate(v, method, trim_min) if v else None) for ph, v in per.items()}
                    score = combine(aggs["written"], aggs["site"], phases)
                    spreads = {ph: (max(v) - min(v) if len(v) >= 2 else Decimal(0)) for ph, v in per.items()}
                    flagged = any(spreads[ph] > flag_share * pts_max for ph in spreads)
                    if flagged:
                        lo = combine(min(per["written"]) if per["written"] else None,
                                     min(per["site"]) if per["site"] else None, phases)
                        hi = combine(max(per["written"]) if per["written"] else None,
                                     max(per["site"]) if per["site"] else None, phases)
                    else:
                        lo = hi = score
                    low += lo
                    high += hi
                    indicators.append({
                        "id": ind["id"], "item": item["id"], "score": fmt(score), "max": fmt(pts_max),
                        "written": fmt(aggs["written"]) if aggs["written"] is not None else None,
                        "site": fmt(aggs["site"]) if aggs["site"] is not None else None,
                        "written_sheets": len(per["written"]), "site_sheets": len(per["site"]),
                        "spread": fmt(max(spreads.values())), "flagged": flagged})
                    i_score += score
                    i_max += pts_max
                if i_max > 0:
                    items.append({"id": item["id"], "field": field["id"], "score": fmt(i_score), "max": fmt(i_max)})
                    f_score += i_score
                    f_max += i_max
            if f_max > 0:
                fields.append({"id": field["id"], "score": fmt(f_score), "max": fmt(f_max)})
                total += f_score
                mx += f_max
        grade = grade_of(total, mx, st["grades"])
        g_low, g_high = grade_of(low, mx, st["grades"]), grade_of(high, mx, st["grades"])
        missing = {ph: [m for m in counts[ph] if m not in submitted[ph]] for ph in ("written", "site")}
        decision = None
        dp = os.path.join(store, "decisions", app_id + ".json")
        if os.path.exists(dp):
            with open(dp, encoding="utf-8") as f:
                d = json.load(f)
            decision = {k: d.get(k) for k in ("finalized_by", "finalized_at", "total", "grade", "note")}
        status = "final" if decision else ("complete" if not missing["written"] and not missing["site"] else "provisional")
        result[app_id] = {
            "id": app_id, "city_type": ctype, "status": status,
            "total": fmt(total), "max": fmt(mx), "percent": fmt(100 * total / mx),
            "grade": grade, "certified": grade in certified_grades,
            "fields": fields, "items": items, "indicators": indicators,
            "range": {"low": fmt(low), "high": fmt(high), "grade_low": g_low, "grade_high": g_high,
                      "certified_low": g_low in certified_grades, "certified_high": g_high in certified_grades},
            "missing": missing, "decision": decision}
    return result


def compare(binary, store):
    out = subprocess.run([binary, "report", "--store", store, "--format", "json"], check=True,
                         capture_output=True).stdout
    report = json.loads(out)
    expected = evaluate(store)
    got = {a["id"]: a for a in report["applications"]}
    if report["invalid"]:
        sys.exit("the store has invalid files: %s" % report["invalid"][:3])
    if sorted(got) != sorted(expected):
        sys.exit("applications differ: %s vs %s" % (sorted(got), sorted(expected)))
    checked = 0
    for app_id, exp in expected.items():
        for key, value in exp.items():
            if got[app_id].get(key) != value:
                sys.exit("%s: %s differs\n  citycert: %s\n  oracle:   %s" % (app_id, key, got[app_id].get(key), value))
            checked += 1
    crossing = sum(1 for e in expected.values() if e["range"]["certified_low"] != e["range"]["certified_high"])
    moving = sum(1 for e in expected.values() if e["range"]["grade_low"] != e["range"]["grade_high"])
    print("oracle: %d applications, %d figures agree (%d ranges cross a grade, %d the certification line)"
          % (len(expected), checked, moving, crossing))


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        compare(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
