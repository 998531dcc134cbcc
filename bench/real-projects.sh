#!/usr/bin/env bash
# Whole-project translation of real C projects (Debian sources, fetched at run time):
#   bzip2:  the translated `bzip2` compresses sample1..3.ref and decompresses sample1..3.bz2
#           exactly as the project's own `make test` checks (cmp against the shipped files);
#   libcsv: the translated test program (test_csv.c with libcsv.c) passes, and csvinfo from its
#           examples gives the C's output on every file of tests/;
#   zlib:   the library with its test/example.c and test/minigzip.c: example prints what its C
#           prints, and minigzip compresses (levels 1, 6, 9) byte-identically and decompresses;
#   lua5.4: the interpreter (core, libraries and lua.c, its VM's computed-goto jump table
#           included) runs each script of bench/lua/ with the C's stdout, stderr and exit code.
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
dirs=$("$here/scripts/fetch-debian-source.sh" "$sources" bzip2 libcsv zlib lua5.4) || { echo "cannot fetch the sources: skipped" >&2; exit 2; }
bzip2_src=$(echo "$dirs" | sed -n 1p); csv_src=$(echo "$dirs" | sed -n 2p); zlib_src=$(echo "$dirs" | sed -n 3p)
lua_src=$(echo "$dirs" | sed -n 4p)
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
# ---- zlib --------------------------------------------------------------------------------------
zlib_files="adler32.c compress.c crc32.c deflate.c gzclose.c gzlib.c gzread.c gzwrite.c infback.c inffast.c inflate.c inftrees.c trees.c uncompr.c zutil.c"
zlib_flags="-I. -DHAVE_UNISTD_H -DHAVE_STDARG_H"
if translate zlib "$zlib_src" $zlib_files test/example.c test/minigzip.c -- $zlib_flags; then
  t=$work/zlib-target/release
  (cd "$zlib_src" && gcc -w -O0 $zlib_flags $zlib_files test/example.c -o "$work/example_c" \
                  && gcc -w -O0 $zlib_flags $zlib_files test/minigzip.c -o "$work/minigzip_c") || failed=1
  (cd "$work" && ./example_c > example_c.out; echo "exit $?" >> example_c.out)
  (cd "$work" && "$t/example" > example_rs.out; echo "exit $?" >> example_rs.out)
  if cmp -s "$work/example_c.out" "$work/example_rs.out"; then echo "zlib: example: same output and exit code as C"; else echo "zlib: example differs"; failed=1; fi
  ok=0
  for level in 1 6 9; do
    "$work/minigzip_c" -$level < "$bzip2_src/sample1.ref" > "$work/c$level.gz"
    "$t/minigzip" -$level < "$bzip2_src/sample1.ref" > "$work/r$level.gz"
    cmp -s "$work/c$level.gz" "$work/r$level.gz" && ok=$((ok + 1))
  done
  "$t/minigzip" -d < "$work/c6.gz" > "$work/back" && cmp -s "$work/back" "$bzip2_src/sample1.ref" && ok=$((ok + 1))
  echo "zlib: minigzip compress (levels 1, 6, 9) byte-identical and decompress: $ok/4"
  [ $ok = 4 ] || failed=1
else
  echo "zlib: translation or build failed"; failed=1
fi
# ---- lua5.4 ------------------------------------------------------------------------------------
# Debian's luaconf.h includes a header its debian/rules writes at build time: written here.
mkdir -p "$work/lua-include"
echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' > "$work/lua-include/lua5.4-deb-multiarch.h"
lua_files="lapi.c lcode.c lctype.c ldebug.c ldo.c ldump.c lfunc.c lgc.c llex.c lmem.c lobject.c lopcodes.c lparser.c lstate.c
  lstring.c ltable.c ltm.c lundump.c lvm.c lzio.c lauxlib.c lbaselib.c lcorolib.c ldblib.c liolib.c lmathlib.c loadlib.c
  loslib.c lstrlib.c ltablib.c lutf8lib.c linit.c lua.c"
lua_flags="-I$work/lua-include -DLUA_COMPAT_5_3 -DLUA_USE_LINUX"
if translate lua "$lua_src/src" $lua_files -- $lua_flags; then
  (cd "$lua_src/src" && gcc -w -O0 $lua_flags $lua_files -o "$work/lua_c" -lm -ldl -Wl,-E) || failed=1
  same=0; total=0
  for s in "$here"/bench/lua/*.lua; do
    total=$((total + 1))
    # The program's name starts its error messages: the same placeholder for both.
    (cd "$here/bench/lua" && timeout 60 "$work/lua_c" "$s" < input.txt > "$work/lua.c.out" 2>&1; echo "exit $?" >> "$work/lua.c.out")
    (cd "$here/bench/lua" && timeout 60 "$work/lua-target/release/lua" "$s" < input.txt > "$work/lua.rs.out" 2>&1; echo "exit $?" >> "$work/lua.rs.out")
    sed -i "s#$work/lua_c#LUA#g" "$work/lua.c.out"; sed -i "s#$work/lua-target/release/lua#LUA#g" "$work/lua.rs.out"
    cmp -s "$work/lua.c.out" "$work/lua.rs.out" && same=$((same + 1))
  done
  echo "lua: bench/lua scripts with the C's output and exit code: $same/$total"
  [ $same = $total ] || failed=1
else
  echo "lua: translation or build failed"; failed=1
fi
exit $failed
