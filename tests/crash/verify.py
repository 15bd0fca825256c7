"""Checks a project file after a SIGKILL against the edits the killed child reported.

Called by scripts/crash-torture.sh after each kill, with the ledger (JSON, carried from
kill to kill), the child's output and the project file. The file must pass SQLite's
integrity check, and hold every edit the child reported committed (`ok N`); the one edit
it had begun (`try N` without `ok N`) may or may not be there. Exits non-zero, saying
what is wrong, otherwise rewrites the ledger with what the file now holds.
"""
import json
import sqlite3
import sys

ledger_path, log_path, project_path = sys.argv[1:4]
ledger = json.load(open(ledger_path))  # {"present": {K: body}, "next": N}
present = ledger["present"]

tried, done = {}, set()
for line in open(log_path, encoding="utf-8", errors="replace"):
    line = line.rstrip("\n")
    if line.startswith("try "):
        parts = line.split(" ", 4)
        n, op, k = int(parts[1]), parts[2], parts[3]
        tried[n] = (op, k, parts[4] if len(parts) > 4 else None)
    elif line.startswith("ok "):
        done.add(int(line.split()[1]))

def apply(state, op, k, text):
    if op == "add":
        state[k] = f"first text of {k}"
    elif op == "del":
        state.pop(k, None)
    elif op == "body":
        state[k] = text

pending = None
for n in sorted(tried):
    op, k, text = tried[n]
    if n in done:
        apply(present, op, k, text)
    else:
        pending = (op, k, text)
        break  # the child stops at its first unfinished edit: it was killed there

conn = sqlite3.connect(f"file:{project_path}?mode=ro", uri=True)
problems = conn.execute("PRAGMA integrity_check").fetchall()
if problems != [("ok",)]:
    sys.exit(f"integrity check failed: {problems}")
found = {
    title[5:]: body
    for title, body in conn.execute("SELECT title, body FROM block WHERE title LIKE 'edit %'")
}
conn.close()

if found != present:
    with_pending = dict(present)
    if pending:
        apply(with_pending, *pending)
    if found != with_pending:
        missing = {k: v[:40] for k, v in present.items() if found.get(k) != v}
        extra = {k: v[:40] for k, v in found.items() if present.get(k) != v}
        sys.exit(f"the file does not hold the committed edits: expected but not found {missing}, "
                 f"found but not committed {extra} (pending {pending and pending[:2]})")
    present = with_pending

ledger["present"] = present
ledger["next"] = max([ledger["next"], *tried.keys()]) + 1 if tried else ledger["next"]
json.dump(ledger, open(ledger_path, "w"))
print(len(done))
