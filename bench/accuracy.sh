#!/usr/bin/env bash
# Runs `oxidize check` on Debian's zlib and lua5.4 sources (and sqlite3.c when bench/sqlite.sh
# built it) and prints every finding with its source line, for the review in docs/accuracy.md.
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
# Debian's lua patch includes a generated multiarch header.
echo '#define DEB_HOST_MULTIARCH "x86_64-linux-gnu"' > "$work/inc/lua5.4-deb-multiarch.h"
(cd "$zlib" && "$bin" check --fail-on never --format json -o "$work/zlib.check.json" *.c -- -I. -DZ_HAVE_UNISTD_H -D_LARGEFILE64_SOURCE=1)
(cd "$lua" && "$bin" check --fail-on never --format json -o "$work/lua.check.json" src/*.c -- -Isrc -I"$work/inc" -DLUA_USE_LINUX)
sets=("zlib:$zlib:$work/zlib.check.json" "lua5.4:$lua:$work/lua.check.json")
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
    text = open(f"{root}/{d['file']}").read().split("\n")[d["line"] - 1].strip()
    print(f"  {d['id']} ({d['certainty']}) {d['file']}:{d['line']} in {d['function']}: {text}")
PY
done
