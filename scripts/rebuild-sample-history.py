#!/usr/bin/env python3
"""Rebuild sample-data/'s sheets, decision and audit.log through the program itself.

The bundled sample store's sheets were first written by a generator, so they had no history and
`citycert verify` could not pass. This script replays every sheet through `citycert score` (the
same door as the workstation: each sheet phase is one command, logged as one `sheet-batch` record
with its entries and the submission), in the
order of the original timestamps, finalizes 2025-suwon as the chair `kim`, checks that every sheet
has exactly the entries and statuses it had, and only then replaces scores/, decisions/ and
audit.log in sample-data/. Timestamps become the time of the run.

The round is sealed first by the secretary `han` (every authored file as it is now), and every
record is signed by its actor with the sample committee's private keys (`sample-data-keys/`,
copied to a private temporary folder, mode 0600, because citycert refuses a key file others can
read). Those keys are sample data: never a real member's key, never used for another store.

Usage (from the repository root, after `swift build`):
    python3 scripts/rebuild-sample-history.py [--bin .build/debug/citycert] [--store sample-data]

Acting as `kim` (login `kminsu`) requires being that OS user, or root: run it as root (CI does) or
as kminsu.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile

FINALIZE = [("2025-suwon", "kim", "서면평가·현장실사 결과 전원 합의로 확정 (샘플 데이터)")]


def run(cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stdout}{r.stderr}")
    return r.stdout


def entries_and_status(path):
    d = json.load(open(path, encoding="utf-8"))
    out = {}
    for phase, ps in d["phases"].items():
        entries = {}
        for ind, e in ps["entries"].items():
            entries[ind] = (e.get("value"), e.get("level"), e.get("note") or None, e.get("clarification") or None)
        out[phase] = (ps["status"], entries)
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("CITYCERT_BIN", ".build/debug/citycert"))
    ap.add_argument("--store", default="sample-data")
    ap.add_argument("--keys", default="sample-data-keys")
    args = ap.parse_args()
    src = os.path.abspath(args.store)
    work = tempfile.mkdtemp(prefix="citycert-sample-")
    store = os.path.join(work, "store")
    shutil.copytree(src, store, ignore=shutil.ignore_patterns("scores", "decisions", "audit.log", ".*.lock", ".audit.lock"))
    keys = os.path.join(work, "keys")
    os.mkdir(keys, 0o700)
    for name in os.listdir(args.keys):
        if name.endswith(".ed25519"):
            shutil.copyfile(os.path.join(args.keys, name), os.path.join(keys, name))
            os.chmod(os.path.join(keys, name), 0o600)

    def key(member):
        return ["--key", os.path.join(keys, f"{member}.ed25519")]

    # The secretary seals the round once the applications are in.
    print(run([args.bin, "seal", "--store", store, "--as", "han"] + key("han")), end="")

    # Every phase of every sheet, in the order of its original timestamps.
    phases = []
    for path in sorted(glob.glob(os.path.join(src, "scores", "*", "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        for phase, ps in d["phases"].items():
            when = ps.get("submitted_at") or ps.get("updated_at") or ""
            phases.append((when, phase != "written", d["member"], d["application"], phase, ps))
    phases.sort(key=lambda p: p[:4])

    for _, _, member, app, phase, ps in phases:
        cmd = [args.bin, "score", "--store", store, "--as", member, "--application", app, "--phase", phase] + key(member)
        for ind, e in ps["entries"].items():
            if e.get("value") is not None:
                cmd += ["--set", f"{ind}={e['value']}"]
            elif e.get("level") is not None:
                cmd += ["--set", f"{ind}={e['level']}"]
            if e.get("note"):
                cmd += ["--note", f"{ind}={e['note']}"]
            if e.get("clarification"):
                cmd += ["--ask", f"{ind}={e['clarification']}"]
        if ps["status"] == "submitted":
            cmd.append("--submit")
        if len(cmd) > 11:
            run(cmd)

    for app, chair, note in FINALIZE:
        print(run([args.bin, "finalize", "--store", store, "--as", chair, "--application", app, "--note", note] + key(chair)), end="")

    # Same entries and statuses as before, sheet by sheet.
    for path in sorted(glob.glob(os.path.join(src, "scores", "*", "*.json"))):
        rel = os.path.relpath(path, src)
        new = os.path.join(store, rel)
        if entries_and_status(path) != entries_and_status(new):
            sys.exit(f"{rel}: the rebuilt sheet differs from the original")
    new_sheets = sorted(os.path.relpath(p, store) for p in glob.glob(os.path.join(store, "scores", "*", "*.json")))
    old_sheets = sorted(os.path.relpath(p, src) for p in glob.glob(os.path.join(src, "scores", "*", "*.json")))
    if new_sheets != old_sheets:
        sys.exit("the rebuilt store has other sheets than the original")
    print(run([args.bin, "verify", "--store", store]), end="")
    print(run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "verify-log.py"), store]), end="")

    # Replace the history-bearing parts of the sample store; lock files are not kept.
    for name in ("scores", "decisions"):
        shutil.rmtree(os.path.join(src, name), ignore_errors=True)
        shutil.copytree(os.path.join(store, name), os.path.join(src, name),
                        ignore=shutil.ignore_patterns(".*.lock", ".*.tmp"))
    shutil.copy2(os.path.join(store, "audit.log"), os.path.join(src, "audit.log"))
    for lock in glob.glob(os.path.join(src, ".*.lock")):
        os.remove(lock)
    shutil.rmtree(work)
    print(f"rebuilt {len(new_sheets)} sheets, {len(FINALIZE)} decision(s) and audit.log in {args.store}")


if __name__ == "__main__":
    main()
