#!/usr/bin/env bash
# Pathological but valid C: oxidize's time against clang-19 -fsyntax-only on the same input
# (docs/reliability.md). clang runs with an unlimited stack (with the default 8 MB it crashes on
# the else-if chain); oxidize parses on threads with 512 MB stacks of its own.
#
#   bench/adversarial.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${OXIDIZE_BIN:-$PWD/.build/release/oxidize}"
[ -x "$BIN" ] || swift build -c release --product oxidize >&2
dir=$(mktemp -d); trap 'rm -rf "$dir"' EXIT
python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/elif.c", "w").write("int f(int x){\n" + "".join(("else " if i else "") + f"if (x=={i}) return {i};\n" for i in range(20000)) + "return 0;}\n")
open(f"{d}/plus.c", "w").write("int f(int x){return " + "+".join(["x"] * 40000) + ";}\n")
open(f"{d}/minus50k.c", "w").write("int f(int x){return " + "- " * 50000 + "x;}\n")
open(f"{d}/minus1m.c", "w").write("int f(int x){return " + "- " * 1000000 + "x;}\n")
open(f"{d}/parens.c", "w").write("int f(int *p){return " + "(" * 5000 + "*p" + ")" * 5000 + ";}\n")
PY
now() { date +%s.%N; }
printf "%-14s %10s %10s %7s  %s\n" input oxidize clang ratio "oxidize result"
for f in elif plus minus50k parens minus1m; do
  t0=$(now); set +e; "$BIN" report --no-cache -j 1 "$dir/$f.c" >/dev/null 2>"$dir/err"; rc=$?; set -e; t1=$(now)
  c0=$(now); (ulimit -s unlimited; clang-19 -fsyntax-only -fbracket-depth=8192 -w "$dir/$f.c" >/dev/null 2>&1) || true; c1=$(now)
  result="exit $rc"; [ $rc -eq 2 ] && result="exit 2: $(head -c 80 "$dir/err" | sed "s|$dir/||")"
  python3 -c "o=$t1-$t0; c=$c1-$c0; print(f'%-14s %9.2fs %9.2fs %6.1fx  %s' % ('$f.c', o, c, o/c, '''$result'''))"
done
