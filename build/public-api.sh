#!/usr/bin/env bash
# Declares the library's public API as it now stands, generated clients included: what the build reports as public but
# undeclared (RS0016) is added to src/BalanceClients/PublicAPI.Unshipped.txt, and what is declared but gone (RS0017) is
# removed from both files. Run it after changing the public API or a spec, and review the two files' diff.
# (The IDE's code fix for RS0016 does the same for hand-written code, but never for generated code.)
set -euo pipefail
cd "$(dirname "$0")/.."
project=src/BalanceClients
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$project" -c Release --no-incremental -nologo -v:q -clp:NoSummary > "$log" 2>&1 || true
python3 - "$log" "$project/PublicAPI.Shipped.txt" "$project/PublicAPI.Unshipped.txt" <<'PY'
import re, sys
log, shipped, unshipped = sys.argv[1:]
text = open(log, encoding="utf-8").read()
added = set(re.findall(r"RS0016: Symbol '(.*?)' is not part of the declared public API", text))
removed = set(re.findall(r"RS0017: Symbol '(.*?)' is part of the declared API", text))
header = "#nullable enable"
def declare(path, extra):
    lines = {line for line in open(path, encoding="utf-8").read().splitlines() if line and line != header}
    open(path, "w", encoding="utf-8").write("".join(line + "\n" for line in [header, *sorted((lines | extra) - removed)]))
declare(shipped, set())
declare(unshipped, added)
print(f"public API: {len(added)} added to {unshipped}, {len(removed)} removed")
others = sorted(set(re.findall(r"error (?!RS0016|RS0017)\w+", text)))
if others:
    print(f"the build reports other errors too ({', '.join(others)}): see dotnet build {sys.argv[2].rsplit('/', 1)[0]}", file=sys.stderr)
PY
