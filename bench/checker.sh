#!/usr/bin/env bash
# What the checker adds to `oxidize report` on the sqlite3 amalgamation (target: at most 50%).
#   bench/checker.sh [RUNS]     best-of-RUNS wall times of `report --no-check` and `report`
# Uses the sqlite3.c that bench/sqlite.sh builds (run that first, or this fetches it the same way).
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}
amalg=$work/build/sqlite3.c
[ -f "$amalg" ] || bash "$here/bench/sqlite.sh" 1 >/dev/null
(cd "$here" && swift build -c release >/dev/null)
bin=$here/.build/release/oxidize
source "$here/bench/lib.sh"
without=$(best "$bin" report --no-cache --no-check --format json "$amalg" -o "$work/nocheck.json")
with=$(best "$bin" report --no-cache --format json "$amalg" -o "$work/check.json")
n=$(python3 -c "import json; print(len(json.load(open('$work/check.json'))['diagnostics']))")
printf 'oxidize report --no-check   %.3f s\n' "$without"
printf 'oxidize report (checker)    %.3f s   (%s findings)\n' "$with" "$n"
python3 -c "print('checker adds %.0f%% (target <= 50%%)' % (($with / $without - 1) * 100))"
