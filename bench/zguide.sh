#!/usr/bin/env bash
# The zeromq guide's plain-libzmq C examples (no czmq) through oxidize: translate each with
# --cargo, build it offline, and run the Rust programs against their C peers.
#
#   bash bench/zguide.sh ZGUIDE_EXAMPLES_C_DIR
#
# ZGUIDE_EXAMPLES_C_DIR is the examples/C folder of a checkout of the zeromq guide
# (https://github.com/booksbyus/zguide): the folder that holds hwserver.c, zhelpers.h, ...
# Nothing is downloaded. Environment:
#   OXIDIZE     the oxidize binary (default: .build/release/oxidize in this repository)
#   ZGUIDE_DIR  the work folder (default: a new mktemp -d folder, printed at the end)
# Needs gcc, libzmq (headers and library), cargo/rustc, coreutils' timeout and stdbuf, and for the
# interoperation runs `unshare -n` (root): every run happens in its own loopback-only network
# namespace, so the examples' fixed TCP ports neither clash with each other nor touch the host.
#
# For every example: the C is built with gcc; the translation is built with
# `cargo build --offline --release` (crates, if the translation needs any, from Debian's local
# registry /usr/share/cargo/registry); then every scenario below is run with all-C programs
# (the reference) and with the Rust translation on one side, on the other side, and on both.
# An example behaves the same when, in every run in which its Rust translation took part, every
# program printed (stdout) what it printed in the all-C run and exited the same way.
# Prints a table and `zguide: translated T/N, built B/N, same behaviour S/N`; exits 0 if S >= 25.
set -euo pipefail

self=$(readlink -f "$0")
here=$(cd "$(dirname "$self")/.." && pwd)

# The plain-libzmq examples (they include only zmq.h or the guide's zhelpers.h).
EXAMPLES=(
  hwserver hwclient hwserver2 hwclient2 hwserver3 hwclient3 hwserver4 hwclient4
  version identity interrupt mtrelay mtserver lpserver
  rrclient rrworker rrbroker msgqueue rtreq rtdealer lbbroker
  wuserver wuclient wuproxy
  taskvent taskwork tasksink taskwork2 tasksink2
  mspoller msreader psenvpub psenvsub syncpub syncsub
)
# wuproxy connects to 192.168.55.210 and binds 10.1.1.0: it is built, never run.

# Scenarios: the programs that run together. A role is SIDE:EXAMPLE:MODE:DELAY:TIMEOUT[:COUNT[:SIGNAL]]
#   SIDE     S or K. A scenario runs as cc (all C, the reference), rc (Rust S side, C K side),
#            cr and rr; a scenario with S roles only runs as c and r.
#   MODE     fg: waited for, must exit 0; fgt: waited for, is stopped by its timeout (rc 124);
#            bg: a server, killed (TERM) once the fg roles have ended (rc 143).
#   DELAY    seconds before it starts; TIMEOUT bounds it (timeout(1), sending SIGNAL, default TERM).
#   COUNT    instances (default 1).
# Every program runs under `stdbuf -oL`, so that a server killed at the end has its output on disk.
declare -A SCEN=(
  # request-reply
  [hw]="S:hwserver:bg:0:60 K:hwclient:fg:0.3:40"
  [hw2]="S:hwserver2:bg:0:60 K:hwclient2:fg:0.3:40"      # DEALER client, REP server
  [hw3]="S:hwserver3:bg:0:60 K:hwclient3:fg:0.3:40"      # REQ with identity, ROUTER server
  [hw4]="S:hwserver4:bg:0:60 K:hwclient4:fg:0.3:40"      # DEALER with identity, ROUTER server
  [mtserver]="S:mtserver:bg:0:60 K:hwclient:fg:0.3:40"
  [lpserver]="S:lpserver:bg:0:30 K:hwclient:fg:0.3:16"   # lpserver crashes at random: see norm
  [rrbroker]="S:rrbroker:bg:0:60 K:rrworker:bg:0.2:60 K:rrclient:fg:0.4:40"
  [msgqueue]="S:msgqueue:bg:0:60 K:rrworker:bg:0.2:60 K:rrclient:fg:0.4:40"
  # pipeline
  [task]="K:taskwork:bg:0:60 S:tasksink:fg:0.3:45 S:taskvent:fg:0.8:45"
  [task2]="K:taskwork2:fg:0:60 S:tasksink2:fg:0.3:45 S:taskvent:fg:0.8:45"
  # publish-subscribe
  [wu]="S:wuserver:bg:0:90 K:wuclient:fg:0.3:80"
  [psenv]="S:psenvpub:bg:0:30 K:psenvsub:fgt:0.3:4.5"
  [sync]="K:syncsub:fg:0:90:10 S:syncpub:fg:0.5:90"
  # several sockets: they print nothing; the check is that they keep running (rc 124) and print nothing
  [mspoller]="S:tasksink:bg:0:30 S:wuserver:bg:0:30 K:mspoller:fgt:0.3:4 S:taskvent:fg:0.8:20"
  [msreader]="S:tasksink:bg:0:30 S:wuserver:bg:0:30 K:msreader:fgt:0.3:4 S:taskvent:fg:0.8:20"
  # standalone (threads and inproc/ipc, or a broker with its own worker threads)
  [version]="S:version:fg:0:10"
  [identity]="S:identity:fg:0:10"
  [mtrelay]="S:mtrelay:fg:0:10"
  [lbbroker]="S:lbbroker:fg:0:20"
  [rtreq]="S:rtreq:fg:0:30"
  [rtdealer]="S:rtdealer:fg:0:30"
  [interrupt]="S:interrupt:fgt:0:1:1:INT"                # SIGINT after 1 s: it must clean up and say so
)
# CPU-bound scenarios run one at a time; the others (they mostly sleep) run in parallel beside them.
HEAVY=(wu sync mspoller msreader)
NORC=(lpserver)   # lpserver exits on its simulated crash or is killed: exit codes are not compared

# What is compared of a program's stdout. Only random values and timings are normalised.
norm() { # SCENARIO EXAMPLE < stdout
  case $1:$2 in
    lpserver:lpserver) head -n 3 ;;               # from cycle 4 on it crashes/stalls at random (srandom(time))
    lpserver:hwclient) head -n 7 ;;               # the first 3 replies are certain, the rest depend on that
    *:wuclient) sed -E 's/was -?[0-9]+F$/was <n>F/' ;;            # average of random temperatures
    *:taskvent) sed -E 's/cost: [0-9]+ msec/cost: <n> msec/' ;;    # sum of random workloads
    *:tasksink|*:tasksink2) sed -E 's/time: [0-9]+ msec/time: <n> msec/' ;;   # a timing
    *:taskwork|*:taskwork2) sed -E 's/[0-9]+/<n>/g' ;;             # the random workloads it got
    *:psenvsub) sort -u ;;                        # one line a second: how many depends on timing
    # Tasks per worker are random (5 s of random sleeps), and main returns as soon as it has sent the
    # last "Fired!", so a worker thread may not have printed yet (the C prints 9 or 10 lines).
    *:rtreq|*:rtdealer) sed -E 's/[0-9]+/<n>/' | sort -u ;;
    # 13 threads print in any order; the 10 "Worker:" lines are certain, but main returns once the
    # last reply is sent, so the last "Client:" line may be missing (in the C too).
    *:lbbroker) sort | awk '!/^Client: / || !seen[$0]++' ;;
    *) cat ;;
  esac
}

combos() { # SCENARIO -> the runs, reference first
  if [[ " ${SCEN[$1]}" == *" K:"* ]]; then echo cc rc cr rr; else echo c r; fi
}

# ---- one run, inside its network namespace ------------------------------------------------------
if [[ ${1:-} == __run ]]; then
  scen=$2 combo=$3 d=$ZGUIDE_DIR/runs/$scen.$combo
  rm -rf "$d"; mkdir -p "$d"; cd "$d"
  fgs=() bgs=() idx=0
  for spec in ${SCEN[$scen]}; do
    IFS=: read -r side ex mode delay tmo count sig <<<"$spec"
    count=${count:-1} sig=${sig:-TERM}
    if [[ $side == S ]]; then impl=${combo:0:1}; else impl=${combo:1:1}; fi
    [[ $impl == r ]] && bin=$ZGUIDE_DIR/bin/$ex.rs || bin=$ZGUIDE_DIR/bin/$ex.c
    for i in $(seq "$count"); do
      f=$idx.$ex.$i.$impl
      echo "$mode" >"$f.mode"
      (
        sleep "$delay"
        if [[ -x $bin ]]; then
          timeout -s "$sig" "$tmo" stdbuf -oL "$bin" </dev/null >"$f.out" 2>"$f.err" &
          echo $! >"$f.pid"; rc=0; wait $! || rc=$?
        else
          echo "no binary $bin" >"$f.err"; : >"$f.out"; : >"$f.pid"; rc=127
        fi
        echo "$rc" >"$f.rc"
      ) &
      if [[ $mode == bg ]]; then bgs+=("$f"); else fgs+=($!); fi
    done
    idx=$((idx + 1))
  done
  for p in "${fgs[@]}"; do wait "$p" || true; done
  for f in "${bgs[@]}"; do
    while [[ ! -e $f.pid ]]; do sleep 0.1; done
    p=$(cat "$f.pid"); [[ -n $p ]] && kill -TERM "$p" 2>/dev/null || true
  done
  wait || true
  exit 0
fi

if [[ ${1:-} == __ns ]]; then # SCENARIO COMBO: one run in a fresh loopback-only namespace
  exec unshare -n sh -c 'ip link set lo up && exec bash "$0" __run "$1" "$2"' "$self" "$2" "$3"
fi

# ---- set-up -------------------------------------------------------------------------------------
src=${1:-}
if [[ -z $src || ! -f $src/zhelpers.h || ! -f $src/hwserver.c ]]; then
  echo "usage: bash bench/zguide.sh ZGUIDE_EXAMPLES_C_DIR" >&2
  echo "  ZGUIDE_EXAMPLES_C_DIR is the folder examples/C of a checkout of the zeromq guide" >&2
  echo "  (git clone https://github.com/booksbyus/zguide; then pass zguide/examples/C)." >&2
  [[ -n $src ]] && echo "  '$src' has no hwserver.c and zhelpers.h." >&2
  exit 2
fi
src=$(readlink -f "$src")
OXIDIZE=${OXIDIZE:-$here/.build/release/oxidize}
if [[ ! -x $OXIDIZE ]]; then
  echo "no oxidize binary at $OXIDIZE: run 'swift build -c release' in $here (or set OXIDIZE)" >&2
  exit 2
fi
command -v cargo >/dev/null || PATH=$HOME/.cargo/bin:$PATH
command -v cargo >/dev/null || { echo "cargo not found (PATH or ~/.cargo/bin)" >&2; exit 2; }
export ZGUIDE_DIR=${ZGUIDE_DIR:-$(mktemp -d /tmp/zguide.XXXXXX)}
ZGUIDE_DIR=$(mkdir -p "$ZGUIDE_DIR" && readlink -f "$ZGUIDE_DIR")
export CARGO_TARGET_DIR=$ZGUIDE_DIR/target
W=$ZGUIDE_DIR
mkdir -p "$W/bin" "$W/c" "$W/rs" "$W/log" "$W/runs"
start=$(date +%s)

# ---- build: C with gcc, Rust through oxidize and cargo -------------------------------------------
declare -A TR BUILT CRATES
for ex in "${EXAMPLES[@]}"; do
  gcc -w -I "$src" "$src/$ex.c" -o "$W/bin/$ex.c" -lzmq -lpthread 2>"$W/log/$ex.gcc" || rm -f "$W/bin/$ex.c"
  rm -rf "$W/rs/$ex"
  if timeout 120 "$OXIDIZE" translate "$src/$ex.c" --cargo "$W/rs/$ex" --registry /usr/share/cargo/registry \
      -- -I "$src" >"$W/log/$ex.translate" 2>&1 && [[ -f $W/rs/$ex/Cargo.toml ]]; then
    TR[$ex]=yes
    CRATES[$ex]=$(sed -n '/^\[dependencies\]/,/^\[/{/^[A-Za-z0-9_-]* *=/s/ *=.*//p}' "$W/rs/$ex/Cargo.toml" | paste -sd, -)
    if (cd "$W/rs/$ex" && timeout 600 cargo build --offline --release -q) >"$W/log/$ex.cargo" 2>&1 \
        && cp "$CARGO_TARGET_DIR/release/$ex" "$W/bin/$ex.rs"; then
      BUILT[$ex]=yes
    else
      BUILT[$ex]=no
    fi
  else
    TR[$ex]=no BUILT[$ex]=no CRATES[$ex]=
  fi
  echo "built $ex: translated ${TR[$ex]}, cargo ${BUILT[$ex]}, C $([[ -x $W/bin/$ex.c ]] && echo yes || echo no)" >&2
done
built_at=$(date +%s)

# ---- runs ---------------------------------------------------------------------------------------
if unshare -n sh -c 'ip link set lo up' 2>/dev/null; then
  netns=yes
  heavy=() light=()
  for s in "${!SCEN[@]}"; do
    for c in $(combos "$s"); do
      if [[ " ${HEAVY[*]} " == *" $s "* ]]; then heavy+=("$s $c"); else light+=("$s $c"); fi
    done
  done
  ( for r in "${heavy[@]}"; do bash "$self" __ns $r || true; done ) &
  heavy_pid=$!
  printf '%s\n' "${light[@]}" | xargs -P 16 -L 1 bash "$self" __ns || true
  wait "$heavy_pid" || true
else
  netns=no
  echo "unshare -n is not permitted here (needs root or user namespaces): the runs are skipped," >&2
  echo "only translation and builds are measured." >&2
fi
ran_at=$(date +%s)

# ---- verdicts -----------------------------------------------------------------------------------
expect_rc() { case $1 in fg) echo 0 ;; fgt) echo 124 ;; bg) echo 143 ;; esac; }
declare -A RUNS_OK RUNS_ALL WHY
for s in $(printf '%s\n' "${!SCEN[@]}" | sort); do
  [[ $netns == yes ]] || break
  set -- $(combos "$s"); ref=$1; shift
  rd=$W/runs/$s.$ref
  norc=no; [[ " ${NORC[*]} " == *" $s "* ]] && norc=yes
  refbad=""
  for m in "$rd"/*.mode; do
    f=${m%.mode}; ex=$(basename "$f" | cut -d. -f2)
    [[ $norc == yes || $(cat "$f.rc" 2>/dev/null) == "$(expect_rc "$(cat "$m")")" ]] \
      || refbad="C $ex exited $(cat "$f.rc" 2>/dev/null), expected $(expect_rc "$(cat "$m")")"
  done
  for c in "$@"; do
    d=$W/runs/$s.$c why=""
    for m in "$rd"/*.mode; do
      base=$(basename "${m%.mode}"); base=${base%.c}; ex=$(cut -d. -f2 <<<"$base")
      f=$(ls "$d/$base".[cr].mode 2>/dev/null | head -n 1 || true); f=${f%.mode}
      if [[ -z $f ]]; then why="$why; $ex did not run"; continue; fi
      if ! cmp -s <(norm "$s" "$ex" <"${m%.mode}.out") <(norm "$s" "$ex" <"$f.out"); then
        why="$why; ${f##*.}:$ex stdout differs"
      elif [[ $norc == no && $(cat "${m%.mode}.rc") != $(cat "$f.rc" 2>/dev/null) ]]; then
        why="$why; ${f##*.}:$ex exited $(cat "$f.rc" 2>/dev/null), C $(cat "${m%.mode}.rc")"
      fi
    done
    [[ -n $refbad ]] && why="$why; reference run broken: $refbad"
    why=${why#; }
    echo "${why:-same}" >"$d.verdict"
    # Credit (or blame) every example whose Rust translation ran in this run.
    for ex in $(ls "$d" | sed -n 's/^[0-9]*\.\([^.]*\)\.[0-9]*\.r\.mode$/\1/p' | sort -u); do
      RUNS_ALL[$ex]=$((${RUNS_ALL[$ex]:-0} + 1))
      if [[ -z $why ]]; then RUNS_OK[$ex]=$((${RUNS_OK[$ex]:-0} + 1))
      else WHY[$ex]="${WHY[$ex]:-}${WHY[$ex]:+ | }$s.$c: $why"; fi
    done
  done
done

# ---- report -------------------------------------------------------------------------------------
N=${#EXAMPLES[@]} T=0 B=0 S=0
printf '%-10s %-10s %-6s %-6s %-10s %s\n' example translated built crates runs same-behaviour
for ex in "${EXAMPLES[@]}"; do
  all=${RUNS_ALL[$ex]:-0} ok=${RUNS_OK[$ex]:-0}
  [[ ${TR[$ex]} == yes ]] && T=$((T + 1))
  [[ ${BUILT[$ex]} == yes ]] && B=$((B + 1))
  if [[ $all -eq 0 ]]; then same="not run"
  elif [[ $ok -eq $all ]]; then same=yes; S=$((S + 1))
  else same=no; fi
  printf '%-10s %-10s %-6s %-6s %-10s %s\n' "$ex" "${TR[$ex]}" "${BUILT[$ex]}" "${CRATES[$ex]:--}" \
    "$ok/$all" "$same"
done
for ex in "${EXAMPLES[@]}"; do
  [[ -n ${WHY[$ex]:-} ]] && echo "  $ex: ${WHY[$ex]}"
done
end=$(date +%s)
echo "time: builds $((built_at - start)) s, runs $((ran_at - built_at)) s, total $((end - start)) s; network namespaces: $netns"
echo "work folder: $W (logs in log/, runs in runs/SCENARIO.RUN/)"
echo "zguide: translated $T/$N, built $B/$N, same behaviour $S/$N"
[[ $S -ge 25 ]]
