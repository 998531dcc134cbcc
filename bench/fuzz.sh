#!/usr/bin/env bash
# Fuzzes every oxidize subcommand for a set time and prints the crashes and hangs it finds.
#
#   bench/fuzz.sh [SECONDS] [JOBS]        (default 60 s, 2 jobs; docs/reliability.md: 1800 s)
#
# Inputs are mutated from the repository's own C fixtures and examples (and csmith programs when
# csmith is installed): bytes flipped, ranges deleted, duplicated or spliced between files, C
# tokens inserted, nesting deepened, files truncated. Reports, SARIF logs and shard reports made
# from them are mutated the same way and fed to diff and merge. A crash is an exit by a signal or
# an exit code other than 0, 1 and 2, or a crash message on stderr; a hang is a run over its time
# limit (30 s). Each finding is kept under $FUZZ_OUT (default /tmp/oxidize-fuzz) with its command.
# Exit status: 0 when nothing was found, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TOTAL="${1:-60}"
JOBS="${2:-2}"
BIN="${OXIDIZE_BIN:-$PWD/.build/release/oxidize}"
if [ ! -x "$BIN" ]; then swift build -c release --product oxidize >&2; fi
OUT="${FUZZ_OUT:-/tmp/oxidize-fuzz}"
mkdir -p "$OUT"
exec python3 - "$BIN" "$SECONDS_TOTAL" "$JOBS" "$OUT" <<'PY'
import os, random, shutil, subprocess, sys, tempfile, time, glob, base64, json
from concurrent.futures import ThreadPoolExecutor

binary, total, jobs, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
seeds = sorted(glob.glob("Fixtures/**/*.c", recursive=True) + glob.glob("examples/*.c"))
csmith = shutil.which("csmith")
inc = next((d for d in ["/usr/include/csmith", "/usr/include/csmith-2.3.0"] if os.path.exists(d + "/csmith.h")), None)
TOKENS = [b"{", b"}", b"(", b")", b"[", b"]", b";", b"*", b"&", b"->", b".", b",", b"=", b"==", b"free(p);",
          b"malloc(8)", b"return", b"if (p)", b"while (1)", b"goto L;", b"L:", b"switch (x) { case 1: ; }",
          b"struct S", b"union U", b"typedef", b"static", b"const", b"volatile", b"...", b"#define M(x) x",
          b"#include <stdlib.h>", b"#if 1", b"#endif", b"\"str\\n\"", b"'c'", b"0x7fffffffffffffff", b"1e308",
          b"__attribute__((cleanup(f)))", b"_Generic(x, int: 1)", b"sizeof(int[n])", b"(int){0}", b"\x00", b"\xff",
          b"\x1b[2J", b"\r", b"??/", b"\\\n", b"int (*fp)(void);", b"char *s = \"\";", b"[[", b"asm(\"\")"]

rng = random.Random(int(os.environ.get("FUZZ_SEED", "0")) or None)

def mutate(data: bytes) -> bytes:
    b = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(8)
        n = len(b)
        if op == 0 and n:       # flip bytes
            for _ in range(rng.randint(1, 8)):
                b[rng.randrange(n)] = rng.randrange(256)
        elif op == 1 and n:     # delete a range
            i = rng.randrange(n); del b[i:i + rng.randint(1, 200)]
        elif op == 2 and n:     # duplicate a range
            i = rng.randrange(n); j = min(n, i + rng.randint(1, 400)); b[i:i] = b[i:j]
        elif op == 3:           # insert a token
            i = rng.randrange(n + 1); b[i:i] = b" " + rng.choice(TOKENS) + b" "
        elif op == 4 and n:     # splice another seed
            other = open(rng.choice(seeds), "rb").read()
            i = rng.randrange(n); k = rng.randrange(len(other) or 1); b[i:i] = other[k:k + rng.randint(1, 600)]
        elif op == 5:           # deepen nesting
            i = rng.randrange(n + 1); depth = rng.choice([10, 200, 3000])
            b[i:i] = b"(" * depth + b"x" + b")" * depth if rng.random() < .5 else b"{" * depth + b"}" * depth
        elif op == 6 and n:     # truncate
            del b[rng.randrange(n):]
        elif op == 7 and n:     # swap two lines
            lines = bytes(b).split(b"\n")
            if len(lines) > 2:
                i, j = rng.randrange(len(lines)), rng.randrange(len(lines)); lines[i], lines[j] = lines[j], lines[i]
                b = bytearray(b"\n".join(lines))
    return bytes(b)

def seed_text() -> bytes:
    if csmith and inc and rng.random() < 0.15:
        with tempfile.NamedTemporaryFile(suffix=".c", delete=False) as f: path = f.name
        subprocess.run([csmith, "--seed", str(rng.randrange(1 << 30)), "-o", path], capture_output=True, timeout=60)
        data = open(path, "rb").read(); os.unlink(path); return data
    return open(rng.choice(seeds), "rb").read()

CRASH_MARKS = [b"Fatal error", b"Stack dump", b"Segmentation fault", b"PLEASE submit a bug report", b"Illegal instruction"]
stats = {"runs": 0, "crashes": 0, "hangs": 0}
by_command = {}

def run(cmd, cwd, env=None):
    t0 = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=30, env=env, stdin=subprocess.DEVNULL)
        return p.returncode, p.stderr, time.time() - t0
    except subprocess.TimeoutExpired:
        return None, b"", time.time() - t0

def keep(kind, work, cmd, err):
    dest = tempfile.mkdtemp(prefix=kind + "-", dir=out)
    for f in os.listdir(work):
        src = os.path.join(work, f)
        if os.path.isfile(src): shutil.copy(src, dest)
    with open(os.path.join(dest, "COMMAND"), "w") as f:
        f.write(" ".join(cmd) + "\n\n" + err.decode("utf-8", "replace")[-4000:])
    return dest

def one(_):
    work = tempfile.mkdtemp(prefix="oxidize-fuzz-")
    try:
        a, b = os.path.join(work, "a.c"), os.path.join(work, "b.c")
        open(a, "wb").write(mutate(seed_text()))
        open(b, "wb").write(mutate(open(a, "rb").read()) if rng.random() < .5 else mutate(seed_text()))
        extra = ["--", "-I", inc, "-w"] if inc else []
        env = dict(os.environ, OXIDIZE_RUSTC="") if rng.random() < 0.8 else None
        cache = ["--cache-dir", os.path.join(work, "cache")] if rng.random() < .5 else ["--no-cache"]
        commands = [
            ["report", "--format", rng.choice(["json", "text", "html"])] + cache + [a] + extra,
            ["check", "--format", rng.choice(["text", "sarif", "github", "json"]), "--fail-on", "never"] + cache + [a] + extra,
            ["translate", "--no-rustfmt", a, "-o", os.path.join(work, "a.rs")] + extra,
            ["diff", a, b] + extra,
        ]
        # Reports and shards, then mutated: diff and merge must read them or refuse them.
        ra, sh = os.path.join(work, "ra.json"), os.path.join(work, "shard.json")
        run([binary, "report", "--format", "json", "--no-cache", a, "-o", ra] + extra, work)
        run([binary, "report", "--format", "json", "--no-cache", "--shard", "1/1", a, "-o", sh] + extra, work)
        for f in (ra, sh):
            if os.path.exists(f) and rng.random() < .7:
                open(f, "wb").write(mutate(open(f, "rb").read()))
        commands += [["diff", ra, b] + extra, ["merge", sh], ["merge", sh, ra]]
        found = []
        for c in commands:
            cmd = [binary] + c
            code, err, _ = run(cmd, work, env)
            name = c[0]
            by_command[name] = by_command.get(name, 0) + 1
            stats["runs"] += 1
            if code is None:
                stats["hangs"] += 1; found.append(("hang", keep("hang", work, cmd, err)))
            elif code < 0 or code not in (0, 1, 2) or any(m in err for m in CRASH_MARKS):
                stats["crashes"] += 1; found.append(("crash", keep("crash", work, cmd, err)))
        return found
    finally:
        shutil.rmtree(work, ignore_errors=True)

start = time.time()
findings = []
with ThreadPoolExecutor(max_workers=jobs) as pool:
    futures = []
    k = 0
    while time.time() - start < total:
        futures = [f for f in futures if not f.done()] + [pool.submit(one, k)]
        k += 1
        while len([f for f in futures if not f.done()]) >= jobs * 2:
            time.sleep(0.05)
        for f in [f for f in futures if f.done()]:
            findings += f.result()
    for f in futures: findings += f.result()
elapsed = time.time() - start
print(f"fuzz: {elapsed:.0f} s, {stats['runs']} runs ({', '.join(f'{k} {v}' for k, v in sorted(by_command.items()))}): "
      f"{stats['crashes']} crashes, {stats['hangs']} hangs")
for kind, where in findings: print(f"  {kind}: {where}")
sys.exit(1 if findings else 0)
PY
