#!/usr/bin/env python3
"""An independent check of a citycert store's audit log, by the rules of the contract alone
(../shared/spec.md §2, audit.log, *Signatures* and *Seal*), without any of citycert's code.

  - each line is one JSON object (a key given twice is an error); `seq` is its line number,
    `prev` the previous line's `hash` ("" on the first);
  - `hash` is the lowercase hex SHA-256 of the line's JSON without the `hash` and `sig` keys,
    keys sorted (compact, UTF-8: json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False));
  - a record whose actor has `key: ed25519:<base64>` in committee.yaml carries `sig`, the base64
    Ed25519 signature of the ASCII bytes of `hash` by that key; with `signatures: required` in
    store.yaml, a record by a member without a key is an error;
  - after the last `seal` record, every authored file (store.yaml, committee.yaml, the standards
    file, every file under applications/) has the SHA-256 that `detail.files` gives for its path.

Usage: python3 scripts/verify-log.py STORE     (needs the `cryptography` and `PyYAML` packages)
Exit status 0 when every check passes, 1 otherwise.
"""
import base64
import hashlib
import json
import os
import sys

import yaml
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def no_duplicates(pairs):
    d = {}
    for k, v in pairs:
        if k in d:
            raise ValueError(f"key {k!r} appears twice")
        d[k] = v
    return d


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def authored_files(store, standards):
    paths = ["store.yaml", "committee.yaml", standards]
    for dirpath, _, files in os.walk(os.path.join(store, "applications")):
        for name in files:
            full = os.path.join(dirpath, name)
            if os.path.isfile(full):
                paths.append(os.path.relpath(full, store))
    return {p: sha256_file(os.path.join(store, p)) for p in sorted(set(paths)) if os.path.isfile(os.path.join(store, p))}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    store = sys.argv[1]
    config = yaml.safe_load(open(os.path.join(store, "store.yaml"), encoding="utf-8"))
    required = config.get("signatures", "optional") == "required"
    committee = yaml.safe_load(open(os.path.join(store, "committee.yaml"), encoding="utf-8"))
    keys = {}
    for m in committee["members"]:
        if m.get("key"):
            assert m["key"].startswith("ed25519:"), m["key"]
            keys[m["id"]] = Ed25519PublicKey.from_public_bytes(base64.b64decode(m["key"][len("ed25519:"):], validate=True))

    errors = []
    prev = ""
    signed = 0
    last_seal = None
    with open(os.path.join(store, "audit.log"), "rb") as f:
        data = f.read()
    if data and not data.endswith(b"\n"):
        errors.append("audit.log: the last line is incomplete")
    lines = data.split(b"\n")[:-1] if data else []
    for n, raw in enumerate(lines, start=1):
        where = f"audit.log:{n}"
        try:
            rec = json.loads(raw.decode("utf-8"), object_pairs_hook=no_duplicates)
        except ValueError as e:
            errors.append(f"{where}: not a JSON object: {e}")
            continue
        body = {k: v for k, v in rec.items() if k not in ("hash", "sig")}
        canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        if rec.get("seq") != n:
            errors.append(f"{where}: seq is {rec.get('seq')}, expected {n}")
        if rec.get("prev") != prev:
            errors.append(f"{where}: prev is not the previous line's hash")
        if hashlib.sha256(canonical).hexdigest() != rec.get("hash"):
            errors.append(f"{where}: hash does not match the line")
        prev = rec.get("hash", "")
        actor = rec.get("actor")
        if actor in keys:
            sig = rec.get("sig")
            if sig is None:
                errors.append(f"{where}: {actor} has a key but the record is not signed")
            else:
                try:
                    keys[actor].verify(base64.b64decode(sig, validate=True), rec["hash"].encode("ascii"))
                    signed += 1
                except (InvalidSignature, ValueError):
                    errors.append(f"{where}: sig is not {actor}'s signature of the hash")
        elif required:
            errors.append(f"{where}: signatures: required, but {actor} has no key")
        if rec.get("action") == "seal":
            if rec.get("application") is not None or rec.get("phase") is not None:
                errors.append(f"{where}: a seal record has application and phase null")
            last_seal = (n, rec.get("detail", {}).get("files", {}))

    sealed = "not sealed"
    if last_seal:
        n, files = last_seal
        now = authored_files(store, config["standards"])
        for path in sorted(set(files) | set(now)):
            if files.get(path) != now.get(path):
                what = "added" if path not in files else "removed" if path not in now else "changed"
                errors.append(f"{path}: {what} after the seal at audit.log:{n}")
        sealed = f"sealed at audit.log:{n} ({len(files)} files)"

    for e in errors:
        print(e)
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        sys.exit(1)
    print(f"independent check: {len(lines)} line(s) chained, {signed} signature(s) valid"
          f"{' (signatures required)' if required else ''}, {sealed}")


if __name__ == "__main__":
    main()
