#!/usr/bin/env bash
# Differential test of `oxidize translate` against csmith programs, the way compilers are tested:
# each program is built with gcc and with oxidize + rustc, both are run, and their stdout
# (csmith's `checksum = ...` line) and exit codes must agree.
#   bash bench/csmith-diff.sh N [FIRST_SEED]        seeds FIRST_SEED .. FIRST_SEED+N-1 (default 1)
# Environment:
#   OXIDIZE          the oxidize binary (default .build/release/oxidize in the repo)
#   CSMITH_DIFF_DIR  work folder (default a new mktemp -d; kept and printed at the end)
#   JOBS             seeds run in parallel (default nproc)
#   CSMITH_OPTS      extra csmith options, e.g. "--no-bitfields --no-packed-struct"
# Per seed the folder holds S.c, S.c.out, S.translate.err, S.rs, S.rustc.err, S.rs.out, S.rs.err and
# S.result (one word: skipped|untranslated|uncompiled|different|timeout|same).
# Exit 0 when every program whose C ran gives the same output in Rust, 1 otherwise, 2 on setup errors.
set -euo pipefail

usage() { echo "usage: bash bench/csmith-diff.sh N [FIRST_SEED]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
count=$1
first=${2:-1}
[[ $count =~ ^[0-9]+$ && $count -ge 1 && $first =~ ^[0-9]+$ ]] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
oxidize=${OXIDIZE:-$root/.build/release/oxidize}
if [[ $oxidize != */* ]]; then oxidize=$(command -v "$oxidize" || echo "$oxidize"); fi
if [ ! -x "$oxidize" ]; then
  echo "csmith-diff: no oxidize binary at $oxidize; run \`swift build -c release\` in $root first (or set OXIDIZE)" >&2
  exit 2
fi
oxidize=$(cd "$(dirname "$oxidize")" && pwd)/$(basename "$oxidize")

csmith=$(command -v csmith || true)
include=""
for d in /usr/include/csmith /usr/include/csmith-2.3.0; do
  if [ -f "$d/csmith.h" ]; then include=$d; break; fi
done
if [ -z "$csmith" ] || [ -z "$include" ]; then
  echo "csmith-diff: csmith or its headers are not installed (apt-get install csmith libcsmith-dev, or bash scripts/setup.sh)" >&2
  exit 2
fi
command -v gcc >/dev/null || { echo "csmith-diff: gcc is not installed" >&2; exit 2; }
rustc=$(command -v rustc || true)
if [ -z "$rustc" ] && [ -x "$HOME/.cargo/bin/rustc" ]; then rustc=$HOME/.cargo/bin/rustc; fi
[ -n "$rustc" ] || { echo "csmith-diff: rustc is not installed (on PATH or in ~/.cargo/bin)" >&2; exit 2; }

dir=${CSMITH_DIFF_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/csmith-diff.XXXXXX")}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
jobs=${JOBS:-$(nproc)}
export dir oxidize csmith include rustc
export CSMITH_OPTS=${CSMITH_OPTS:-}

# One seed, from csmith to the comparison. Writes $s.result (one word) and $s.note (the detail
# shown in the summary); $s.translated and $s.compiled mark the stages it passed.
one_seed() {
  local s=$1 rc
  cd "$dir"
  rm -f "$s".*
  result() {
    echo "$1" >"$s.result"
    echo "${2:-}" >"$s.note"
    echo "seed $s: $1${2:+ ($2)}" >&2
  }
  # shellcheck disable=SC2086  # CSMITH_OPTS is a list of options
  if ! "$csmith" --seed "$s" $CSMITH_OPTS -o "$s.c" >"$s.csmith.log" 2>&1; then
    result skipped "csmith failed"; return 0
  fi
  if ! gcc -O1 -w -I"$include" "$s.c" -o "$s.c.bin" 2>"$s.gcc.err"; then
    result skipped "gcc failed: $(grep -m1 'error' "$s.gcc.err" || true)"; return 0
  fi
  rc=0; timeout -k 2 10 "./$s.c.bin" >"$s.c.out" 2>/dev/null || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then result skipped "C run did not end within 10 s"; return 0; fi
  echo "$rc" >"$s.c.exit"

  rc=0; timeout -k 5 60 "$oxidize" translate "$s.c" -o "$s.rs" --no-rustfmt -- -I"$include" \
    >/dev/null 2>"$s.translate.err" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then result timeout "translate did not end within 60 s"; return 0; fi
  if [ "$rc" -ne 0 ] || [ ! -s "$s.rs" ]; then
    local why
    why=$(grep -m1 -i 'error' "$s.translate.err" || head -n 1 "$s.translate.err" || true)
    result untranslated "exit $rc${why:+: ${why:0:160}}"; return 0
  fi
  touch "$s.translated"

  rc=0; timeout -k 5 300 "$rustc" -O --edition 2021 -o "$s.rs.bin" "$s.rs" 2>"$s.rustc.err" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then result timeout "rustc did not end within 300 s"; return 0; fi
  if [ "$rc" -ne 0 ]; then
    local err at
    err=$(grep -m1 '^error' "$s.rustc.err" || head -n 1 "$s.rustc.err" || true)
    at=$(grep -m1 -o -- '--> [^ ]*' "$s.rustc.err" | cut -c5- || true)
    result uncompiled "${err:0:160}${at:+ at $at}"; return 0
  fi
  touch "$s.compiled"

  rc=0; timeout -k 2 20 "./$s.rs.bin" >"$s.rs.out" 2>"$s.rs.err" || rc=$?
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then result timeout "Rust run did not end within 20 s"; return 0; fi
  echo "$rc" >"$s.rs.exit"
  local cexit
  cexit=$(cat "$s.c.exit")
  if [ "$rc" -ne "$cexit" ]; then
    local why
    why=$(grep -m1 'panicked' "$s.rs.err" || head -n 1 "$s.rs.err" || true)
    result different "exit $rc, C exit $cexit${why:+: ${why:0:160}}"; return 0
  fi
  if ! cmp -s "$s.c.out" "$s.rs.out"; then
    local want got
    want=$(grep -m1 checksum "$s.c.out" || head -n 1 "$s.c.out" || true)
    got=$(grep -m1 checksum "$s.rs.out" || head -n 1 "$s.rs.out" || true)
    result different "Rust: ${got:-no output}; C: ${want:-no output}"; return 0
  fi
  result same
}
export -f one_seed

echo "csmith-diff: seeds $first..$((first + count - 1)) in $dir ($jobs jobs)" >&2
seq "$first" "$((first + count - 1))" | xargs -P "$jobs" -I{} bash -c 'one_seed "$1"' _ {} || true

n=0 skipped=0 translated=0 compiled=0 same=0
for s in $(seq "$first" "$((first + count - 1))"); do
  r=$(cat "$dir/$s.result" 2>/dev/null || echo "lost")
  note=$(cat "$dir/$s.note" 2>/dev/null || true)
  if [ "$r" = skipped ]; then
    skipped=$((skipped + 1))
  else
    n=$((n + 1))
    [ -e "$dir/$s.translated" ] && translated=$((translated + 1))
    [ -e "$dir/$s.compiled" ] && compiled=$((compiled + 1))
    [ "$r" = same ] && same=$((same + 1))
  fi
  [ "$r" = same ] || echo "seed $s: $r${note:+ ($note)}"
done
echo "work folder: $dir"
echo "skipped $skipped"
echo "translated $translated/$n, compiled $compiled/$n, same checksum $same/$n"
[ "$same" -eq "$n" ]
