#!/usr/bin/env bash
# Speed of `oxidize report --format json` against the floor of any libclang tool,
# `clang-19 -fsyntax-only`, on the sqlite3 amalgamation (~244k lines).
#   bench/sqlite.sh [RUNS]      prints the best-of-RUNS times (the commands taking turns) and their ratio
# Fetches Debian's sqlite3 source (scripts/fetch-debian-source.sh) and builds sqlite3.c
# under ${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}; nothing is committed.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}
mkdir -p "$work"
fetch=$here/scripts/fetch-debian-source.sh
amalg=$work/build/sqlite3.c
if [ ! -f "$amalg" ]; then
  [ -x "$fetch" ] || { echo "bench: $fetch not found; cannot fetch sqlite3" >&2; exit 2; }
  src=$("$fetch" "$work/src" sqlite3 | tail -n 1)
  mkdir -p "$work/build"
  (cd "$work/build" && "$src/configure" >/dev/null && make sqlite3.c >/dev/null)
fi
# The release binary as it ships: Swift's runtime and Foundation linked in (no Swift needed where
# it runs, and 5-8 ms less start-up than loading them dynamically).
(cd "$here" && swift build -c release --static-swift-stdlib >/dev/null)
bin=$here/.build/release/oxidize
flags=(-DSQLITE_THREADSAFE=1)

lines=$(wc -l < "$amalg")
# The three commands take turns in every round; each keeps its best time.
read -r clang_t ox_t full_t < <(python3 "$here/bench/race.py" "$runs" \
  clang-19 -fsyntax-only "${flags[@]}" "$amalg" --- \
  "$bin" report --no-cache --no-check --format json "$amalg" -o "$work/sqlite3.report.json" -- "${flags[@]}" --- \
  "$bin" report --no-cache --format json "$amalg" -o "$work/sqlite3.full.json" -- "${flags[@]}")
# Lowered in shares (the default with two or more cores) or whole (-j 1): the same report.
"$bin" report -j 1 --no-cache --no-check --format json "$amalg" -o "$work/sqlite3.whole.json" -- "${flags[@]}"
cmp -s "$work/sqlite3.report.json" "$work/sqlite3.whole.json" || { echo "bench: the report in shares differs from the whole unit's" >&2; exit 1; }
functions=$(python3 -c "import json; r=json.load(open('$work/sqlite3.report.json')); print(len(r['functions']), r['summary']['pointers'], r['summary']['safe_share'])")
read -r nfun nptr share <<<"$functions"
printf 'sqlite3.c: %s lines, %s functions, %s pointers (safe share %s)\n' "$lines" "$nfun" "$nptr" "$share"
printf 'clang-19 -fsyntax-only        %.3f s\n' "$clang_t"
printf 'oxidize report --no-check     %.3f s   (ownership report)\n' "$ox_t"
printf 'oxidize report (with checker) %.3f s\n' "$full_t"
python3 -c "print('ratio %.2fx (ownership report; target <= 1.5x), %.2fx with the checker' % ($ox_t / $clang_t, $full_t / $clang_t))"
