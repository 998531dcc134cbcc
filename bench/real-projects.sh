#!/usr/bin/env bash
# Whole-project translation of two real C projects (Debian sources, fetched at run time):
#   bzip2:  the translated `bzip2` compresses sample1..3.ref and decompresses sample1..3.bz2
#           exactly as the project's own `make test` checks (cmp against the shipped files);
#   libcsv: the translated test program (test_csv.c with libcsv.c) passes, and csvinfo from its
#           examples gives the C's output on every file of tests/.
# Prints, per project: files, functions, safe share, translate and build time, and the checks.
#
#   bench/real-projects.sh [SOURCES_DIR]     (default ~/.cache/oxidize/sources)
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
oxidize=${OXIDIZE:-$here/.build/release/oxidize}
[ -x "$oxidize" ] || { echo "build first: swift build -c release" >&2; exit 2; }
command -v cargo >/dev/null || PATH=$HOME/.cargo/bin:$PATH
command -v cargo >/dev/null || { echo "cargo not found" >&2; exit 2; }
sources=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/oxidize/sources}
dirs=$("$here/scripts/fetch-debian-source.sh" "$sources" bzip2 libcsv) || { echo "cannot fetch the sources: skipped" >&2; exit 2; }
bzip2_src=$(echo "$dirs" | sed -n 1p); csv_src=$(echo "$dirs" | sed -n 2p)
work=$(mktemp -d /tmp/oxidize-projects.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0

translate() {   # NAME SRC_DIR FILES... -- CLANG_ARGS
  local name=$1 src=$2; shift 2
  local start=$(date +%s.%N)
  (cd "$src" && "$oxidize" translate --quiet --cargo "$work/$name" "$@") 2>"$work/$name.log" || { cat "$work/$name.log" >&2; return 1; }
  local mid=$(date +%s.%N)
  (cd "$work/$name" && CARGO_TARGET_DIR="$work/$name-target" cargo build --offline --release -q) 2>"$work/$name.cargo" \
    || { head -20 "$work/$name.cargo" >&2; return 1; }
  local end=$(date +%s.%N)
  local summary=$(grep -o '[0-9]* files, [0-9]* binaries, [0-9]* functions ([0-9]* safe, [0-9]* unsafe' "$work/$name.log")
  printf '%s: %s); translate %.1f s, cargo build --release %.1f s\n' "$name" "$summary" "$(echo "$mid - $start" | bc)" "$(echo "$end - $mid" | bc)"
}

# ---- bzip2 -------------------------------------------------------------------------------------
if translate bzip2 "$bzip2_src" blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c bzip2.c \
     -- -D_FILE_OFFSET_BITS=64; then
  b=$work/bzip2-target/release/bzip2; ok=0
  for i in 1 2 3; do
    "$b" -$i < "$bzip2_src/sample$i.ref" > "$work/s$i.rb2" && cmp -s "$bzip2_src/sample$i.bz2" "$work/s$i.rb2" && ok=$((ok + 1))
    flag=-d; [ $i = 3 ] && flag=-ds
    "$b" $flag < "$bzip2_src/sample$i.bz2" > "$work/s$i.tst" && cmp -s "$bzip2_src/sample$i.ref" "$work/s$i.tst" && ok=$((ok + 1))
  done
  echo "bzip2: make test's comparisons byte-identical: $ok/6"
  [ $ok = 6 ] || failed=1
else
  echo "bzip2: translation or build failed"; failed=1
fi

# ---- libcsv ------------------------------------------------------------------------------------
if translate libcsv "$csv_src" libcsv.c test_csv.c examples/csvinfo.c -- -I.; then
  t=$work/libcsv-target/release
  out=$("$t/test_csv"); status=$?
  echo "libcsv: test_csv: $out (exit $status)"
  [ $status = 0 ] || failed=1
  gcc -w -O0 -I"$csv_src" "$csv_src/libcsv.c" "$csv_src/examples/csvinfo.c" -o "$work/csvinfo_c" || failed=1
  same=0; total=0
  for f in "$csv_src"/tests/*.csv; do
    total=$((total + 1))
    [ "$("$work/csvinfo_c" "$f" 2>&1; echo $?)" = "$("$t/csvinfo" "$f" 2>&1; echo $?)" ] && same=$((same + 1))
  done
  echo "libcsv: csvinfo same output as C on tests/*.csv: $same/$total"
  [ $same = $total ] || failed=1
else
  echo "libcsv: translation or build failed"; failed=1
fi
exit $failed
