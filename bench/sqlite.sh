#!/usr/bin/env bash
# Speed of `oxidize report --format json` against the floor of any libclang tool,
# `clang-19 -fsyntax-only`, on the sqlite3 amalgamation (~244k lines).
#   bench/sqlite.sh [RUNS]      prints the best-of-RUNS times and their ratio
# Fetches Debian's sqlite3 source (../shared/corpus/fetch-debian-source) and builds sqlite3.c
# under ${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}; nothing is committed.
set -euo pipefail
runs=${1:-5}
here=$(cd "$(dirname "$0")/.." && pwd)
work=${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}
mkdir -p "$work"
fetch=$here/../shared/corpus/fetch-debian-source
amalg=$work/build/sqlite3.c
if [ ! -f "$amalg" ]; then
  [ -x "$fetch" ] || { echo "bench: $fetch not found; cannot fetch sqlite3" >&2; exit 2; }
  src=$("$fetch" "$work/src" sqlite3 | tail -n 1)
  mkdir -p "$work/build"
  (cd "$work/build" && "$src/configure" >/dev/null && make sqlite3.c >/dev/null)
fi
(cd "$here" && swift build -c release >/dev/null)
bin=$here/.build/release/oxidize
flags=(-DSQLITE_THREADSAFE=1)

source "$here/bench/lib.sh"

lines=$(wc -l < "$amalg")
clang_t=$(best clang-19 -fsyntax-only "${flags[@]}" "$amalg")
ox_t=$(best "$bin" report --no-cache --no-check --format json "$amalg" -o "$work/sqlite3.report.json" -- "${flags[@]}")
full_t=$(best "$bin" report --no-cache --format json "$amalg" -o "$work/sqlite3.full.json" -- "${flags[@]}")
functions=$(python3 -c "import json; r=json.load(open('$work/sqlite3.report.json')); print(len(r['functions']), r['summary']['pointers'], r['summary']['safe_share'])")
read -r nfun nptr share <<<"$functions"
printf 'sqlite3.c: %s lines, %s functions, %s pointers (safe share %s)\n' "$lines" "$nfun" "$nptr" "$share"
printf 'clang-19 -fsyntax-only        %.3f s\n' "$clang_t"
printf 'oxidize report --no-check     %.3f s   (ownership report)\n' "$ox_t"
printf 'oxidize report (with checker) %.3f s\n' "$full_t"
python3 -c "print('ratio %.2fx (ownership report; target <= 1.5x), %.2fx with the checker' % ($ox_t / $clang_t, $full_t / $clang_t))"
