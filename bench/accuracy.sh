#!/usr/bin/env bash
# Runs `oxidize check` on Debian's bzip2, libcsv, czmq (through its CMake compile database),
# zlib and lua5.4 sources (and sqlite3.c when bench/sqlite.sh built it) and prints every finding
# with its source line, for the review in docs/accuracy.md.
#   bench/accuracy.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=${OXIDIZE_BENCH_DIR:-/tmp/oxidize-bench}
fetch=$here/scripts/fetch-debian-source.sh
mkdir -p "$work/src" "$work/inc"
(cd "$here" && swift build -c release >/dev/null)
bin=$here/.build/release/oxidize
zlib=$("$fetch" "$work/src" zlib | tail -n 1)
lua=$("$fetch" "$work/src" lua5.4 | tail -n 1)
bzip2=$("$fetch" "$work/src" bzip2 | tail -n 1)
libcsv=$("$fetch" "$work/src" libcsv | tail -n 1)
czmq=$("$fetch" "$work/src" czmq | tail -n 1)
cmake -S "$czmq" -B "$work/czmq-build" -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -Wno-dev >/dev/null 2>&1
# Debian's lua patch includes a generated multiarch header.
echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' > "$work/inc/lua5.4-deb-multiarch.h"
(cd "$zlib" && "$bin" check --fail-on never --format json -o "$work/zlib.check.json" *.c -- -I. -DZ_HAVE_UNISTD_H -D_LARGEFILE64_SOURCE=1)
(cd "$lua" && "$bin" check --fail-on never --format json -o "$work/lua.check.json" src/*.c -- -Isrc -I"$work/inc" -DLUA_USE_LINUX)
(cd "$bzip2" && "$bin" check --fail-on never --format json -o "$work/bzip2.check.json" \
   blocksort.c huffman.c crctable.c randtable.c compress.c decompress.c bzlib.c bzip2.c bzip2recover.c -- -D_FILE_OFFSET_BITS=64)
(cd "$libcsv" && "$bin" check --fail-on never --format json -o "$work/libcsv.check.json" libcsv.c test_csv.c examples/*.c -- -I.)
"$bin" check -p "$work/czmq-build" --fail-on never --format json -o "$work/czmq.check.json"
sets=("bzip2:$bzip2:$work/bzip2.check.json" "libcsv:$libcsv:$work/libcsv.check.json" "czmq:$czmq:$work/czmq.check.json"
      "zlib:$zlib:$work/zlib.check.json" "lua5.4:$lua:$work/lua.check.json")
if [ -f "$work/build/sqlite3.c" ]; then
  (cd "$work/build" && "$bin" check --fail-on never --format json -o "$work/sqlite3.check.json" sqlite3.c)
  sets+=("sqlite3:$work/build:$work/sqlite3.check.json")
fi
for s in "${sets[@]}"; do
  IFS=: read -r name root json <<<"$s"
  python3 - "$name" "$root" "$json" <<'PY'
import json, sys, collections
name, root, path = sys.argv[1:]
r = json.load(open(path))
ids = collections.Counter(d["id"] for d in r["diagnostics"])
print(f"{name}: {r['summary']['functions']} functions, {r['summary']['pointers']} pointers, "
      f"safe share {r['summary']['safe_share']}, {len(r['diagnostics'])} findings {dict(ids)}")
for d in r["diagnostics"]:
    path = d["file"] if d["file"].startswith("/") else f"{root}/{d['file']}"
    text = open(path, errors="replace").read().split("\n")[d["line"] - 1].strip()
    shown = path[len(root) + 1:] if path.startswith(root + "/") else d["file"]
    print(f"  {d['id']} ({d['certainty']}) {shown}:{d['line']} in {d['function']}: {text}")
PY
done
