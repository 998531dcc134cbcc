#!/usr/bin/env python3
"""Side by side on the checker fixtures: oxidize, clang-19 --analyze and gcc -fanalyzer.

Every function of Fixtures/checker/*.c is a case: positive when it carries a `// expect diag`
line, negative otherwise. A tool finds a positive case when it reports anything inside that
function, misses it when it reports nothing there, and is false on a negative case when it
reports anything inside it. (Function-level scoring: the analyzers report some bugs at other
lines than oxidize does, e.g. a leak at the closing brace.)

    python3 bench/compare_analyzers.py [--markdown]
"""
import json, os, re, shutil, subprocess, sys, collections

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Fixtures", "checker")
OXIDIZE = os.path.join(ROOT, ".build", "release", "oxidize")

FUNC = re.compile(r"^[A-Za-z_][\w \*]*?\b([A-Za-z_]\w*)\s*\([^;]*$")

def functions(path):
    """(name, first line, last line, positive?) for each function defined at column 0."""
    lines = open(path).read().split("\n")
    starts = []
    for i, l in enumerate(lines, 1):
        m = FUNC.match(l)
        if m and not l.startswith(("typedef", "struct", "static const", "#")) and "=" not in l.split("(")[0]:
            starts.append((m.group(1), i))
    out = []
    for k, (name, start) in enumerate(starts):
        end = starts[k + 1][1] - 1 if k + 1 < len(starts) else len(lines)
        # the expectation comments sit inside the body, above the reported line
        positive = any("// expect diag" in lines[j - 1] for j in range(start, end + 1))
        out.append((name, start, end, positive))
    return out

def in_function(funcs, line):
    for f in funcs:
        if f[1] <= line <= f[2]:
            return f[0]
    return None

def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.stdout + p.stderr

WARN = re.compile(r"^(.*?):(\d+):(\d+): warning: (.*)$")

def clang_findings(path):
    out = run(["clang-19", "--analyze", "-Xanalyzer", "-analyzer-output=text", path, "-o", "/dev/null"])
    return [(int(m.group(2)), m.group(4)) for m in map(WARN.match, out.splitlines())
            if m and os.path.samefile(m.group(1), path)]

def gcc_findings(path):
    out = run(["gcc", "-fanalyzer", "-c", "-o", "/dev/null", "-fdiagnostics-plain-output", path])
    return [(int(m.group(2)), m.group(4)) for m in map(WARN.match, out.splitlines())
            if m and "[-Wanalyzer" in m.group(4) and os.path.samefile(m.group(1), path)]

def oxidize_findings(path):
    out = subprocess.run([OXIDIZE, "check", "--format", "json", path], capture_output=True, text=True).stdout
    return [(d["line"], d["id"]) for d in json.loads(out)["diagnostics"]]

def score(funcs, findings):
    hit = collections.defaultdict(int)
    for line, _ in findings:
        f = in_function(funcs, line)
        if f: hit[f] += 1
    found = sum(1 for f in funcs if f[3] and hit[f[0]])
    missed = sum(1 for f in funcs if f[3] and not hit[f[0]])
    false = sum(1 for f in funcs if not f[3] and hit[f[0]])
    return found, missed, false

def main():
    tools = [("oxidize", oxidize_findings)]
    if shutil.which("clang-19"): tools.append(("clang-19 --analyze", clang_findings))
    if shutil.which("gcc"): tools.append(("gcc -fanalyzer", gcc_findings))
    rows = []
    totals = {t: [0, 0, 0] for t, _ in tools}
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith(".c"): continue
        path = os.path.join(FIXTURES, name)
        funcs = functions(path)
        positives = sum(1 for f in funcs if f[3])
        cells = []
        for tool, finder in tools:
            s = score(funcs, finder(path))
            cells.append("%d / %d / %d" % s)
            for i in range(3): totals[tool][i] += s[i]
        rows.append((name[:-2], positives, len(funcs) - positives, cells))
    header = "| fixture | positive cases | negative cases | " + " | ".join("%s (found / missed / false)" % t for t, _ in tools) + " |"
    print(header)
    print("|" + "---|" * (3 + len(tools)))
    for r in rows:
        print("| %s | %d | %d | %s |" % (r[0], r[1], r[2], " | ".join(r[3])))
    print("| **total** | %d | %d | %s |" % (sum(r[1] for r in rows), sum(r[2] for r in rows),
          " | ".join("**%d / %d / %d**" % tuple(totals[t]) for t, _ in tools)))

if __name__ == "__main__":
    main()
