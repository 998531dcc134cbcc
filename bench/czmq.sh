#!/usr/bin/env bash
# A whole project: Debian's czmq, through its compile_commands.json.
#   bench/czmq.sh      prints wall times of -j 1, -j 2 (cold, no cache) and a cached re-run
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}
src=$("$here/scripts/fetch-debian-source.sh" "$work/src" czmq | tail -n 1)
cmake -S "$src" -B "$work/czmq-build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
(cd "$here" && swift build -c release >/dev/null)
bin=$here/.build/release/oxidize
t() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); python3 -c "print('%.3f' % ($e - $s))"; }
rm -rf "$work/czmq-cache"
j1=$(t "$bin" report -p "$work/czmq-build" --format json -o "$work/czmq.j1.json" -j 1 --no-cache)
j2=$(t "$bin" report -p "$work/czmq-build" --format json -o "$work/czmq.j2.json" -j 2 --no-cache)
first=$(t "$bin" report -p "$work/czmq-build" --format json -o "$work/czmq.first.json" --cache-dir "$work/czmq-cache")
cached=$(t "$bin" report -p "$work/czmq-build" --format json -o "$work/czmq.cached.json" --cache-dir "$work/czmq-cache")
cmp -s "$work/czmq.j1.json" "$work/czmq.j2.json" && same=identical || same=DIFFERENT
n=$(python3 -c "import json; r=json.load(open('$work/czmq.j1.json')); print(len(r['files']), 'units,', len(r['functions']), 'functions,', r['summary']['pointers'], 'pointers, safe share', r['summary']['safe_share'])")
echo "czmq: $n"
echo "-j 1: $j1 s   -j 2: $j2 s ($(python3 -c "print('%.2f' % ($j2 / $j1))") of -j 1; outputs $same)"
echo "first run with cache (default -j): $first s   cached re-run: $cached s ($(python3 -c "print('%.3f' % ($cached / $first))") of the first)"
