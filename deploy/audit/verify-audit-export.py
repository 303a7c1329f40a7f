#!/usr/bin/env python3
"""Re-verifies a Podloop audit export (GET /api/audit/export.jsonl) offline, with nothing but Python 3.

Each line is one entry, oldest first. An entry's hash is the lower-case hex SHA-256 over its fields, each as
UTF-8 text followed by the byte 0x1F (an absent value counts as the text "null"). Format 1 entries (written
before entries named their team): previousHash, recordedAt, kind, loopId, actor, content. Format 2: the text
"2", previousHash, recordedAt, kind, loopId, team, actor, actorRoles, content. The first entry's previousHash
is empty, and every later one's is the hash of the entry before it. This is AuditEntry.computeHash().

Usage: python3 verify-audit-export.py podloop-audit.jsonl   (or "-" for standard input)
Prints "intact: N entries, last hash H" and exits 0, or names the first entry that does not verify and exits 1.
Memory stays flat: the file is read line by line.
"""
import hashlib
import json
import sys

FORMAT_1 = ("previousHash", "recordedAt", "kind", "loopId", "actor", "content")
FORMAT_2 = ("format", "previousHash", "recordedAt", "kind", "loopId", "team", "actor", "actorRoles", "content")


def entry_hash(entry):
    digest = hashlib.sha256()
    for field in FORMAT_2 if entry.get("format") == 2 else FORMAT_1:
        value = entry.get(field)
        digest.update(("null" if value is None else str(value)).encode("utf-8"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def verify(lines):
    expected_previous = ""
    newest_format = 1
    count = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        entry = json.loads(line)
        entry_format = entry.get("format", 1)
        if entry_format not in (1, 2):
            return False, count, "line %d (entry %s) has the unknown format %r" % (number, entry.get("id"), entry_format)
        if entry_format == 1 and newest_format == 2:
            return False, count, "line %d (entry %s) is of format 1 after one of format 2" % (number, entry.get("id"))
        newest_format = max(newest_format, entry_format)
        if entry.get("previousHash") != expected_previous:
            return False, count, "line %d (entry %s) does not link to the entry before it" % (number, entry.get("id"))
        if entry_hash(entry) != entry.get("hash"):
            return False, count, "line %d (entry %s): its content does not match its hash" % (number, entry.get("id"))
        expected_previous = entry["hash"]
        count += 1
    return True, count, expected_previous


def main(argv):
    if len(argv) != 2:
        print("usage: verify-audit-export.py podloop-audit.jsonl  (or - for standard input)", file=sys.stderr)
        return 2
    source = sys.stdin if argv[1] == "-" else open(argv[1], encoding="utf-8")
    with source:
        intact, count, detail = verify(source)
    if intact:
        print("intact: %d entries, last hash %s" % (count, detail or "(none)"))
        return 0
    print("BROKEN after %d intact entries: %s" % (count, detail))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
