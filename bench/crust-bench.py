#!/usr/bin/env python3
"""CRUST-bench, whole projects: C tests built with gcc against the same tests translated by oxidize.

For each project of CBench (CRUST-bench's 100 C projects):
  1. C: every .c file that defines `main` and lies under a test folder (or has "test" in its
     name) is a test program; it is linked with every .c file of the project that defines no
     `main`. Each program is built with gcc and run twice (stdin /dev/null, 10 s, in a copy of
     the project's folder); one whose output differs between runs is not deterministic and
     does not count.
  2. Rust: the same files go to `oxidize translate FILES --cargo DIR -- -I...` (one crate: the
     library's modules and a binary per test program), `cargo build --offline`, and each
     binary runs the way its C did.
  3. Same behaviour: same stdout and exit code, for every test program of the project.

Usage: bench/crust-bench.py CBENCH_DIR [--oxidize BIN] [--work DIR] [-j N] [PROJECT...]
Prints one line per project and the totals; writes results.json into the work folder.
"""
import argparse, concurrent.futures, json, os, re, shutil, subprocess, sys, time

MAIN = re.compile(rb'^\s*(?:int|void|static\s+int)\s+main\s*\(', re.M)


def run(cmd, cwd=None, timeout=600, env=None):
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env, stdin=subprocess.DEVNULL)
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as e:
        return 'timeout', e.stdout or b'', e.stderr or b''


def sources(project):
    cfiles, hdirs = [], {project}
    for dp, dn, fn in os.walk(project):
        dn[:] = sorted(d for d in dn if not d.startswith('.'))
        for f in sorted(fn):
            path = os.path.join(dp, f)
            if f.endswith('.h'):
                d = dp
                while True:
                    hdirs.add(d)
                    if os.path.samefile(d, project):
                        break
                    d = os.path.dirname(d)
            elif f.endswith('.c'):
                cfiles.append(os.path.relpath(path, project))
    for d in ('src', 'include', 'inc'):
        if os.path.isdir(os.path.join(project, d)):
            hdirs.add(os.path.join(project, d))
    return cfiles, ['-I' + h for h in sorted(hdirs)]


def has_main(path):
    with open(path, 'rb') as f:
        return MAIN.search(f.read()) is not None


def is_test(rel):
    return re.search(r'(^|/)(tests?|testing|unit[-_]?tests?)(/|$)', rel, re.I) or re.search(r'test', os.path.basename(rel), re.I)


INCLUDE = re.compile(r'^\s*#\s*include\s*"([^"]+)"', re.M)


def fix_include_names(project):
    """Some projects include `CircularBuffer.h` where the file is `circular_buffer.h` (they were
    written on case-insensitive file systems): a symlink of the included name, in the copy."""
    def key(n):
        return re.sub(r'[_\-]', '', n.lower())
    for dp, _, fn in os.walk(project):
        for f in fn:
            if not f.endswith(('.c', '.h')):
                continue
            with open(os.path.join(dp, f), 'rb') as fh:
                text = fh.read().decode('latin-1')
            for inc in INCLUDE.findall(text):
                want = os.path.normpath(os.path.join(dp, inc))
                folder = os.path.dirname(want)
                if os.path.exists(want) or not os.path.isdir(folder):
                    continue
                match = [c for c in os.listdir(folder) if key(c) == key(os.path.basename(want))]
                if match:
                    os.symlink(match[0], want)


def project_result(name, args):
    work = os.path.join(args.work, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # A copy of the project: the C and the translation read the same, fixed-up, sources.
    project = os.path.join(work, 'src')
    shutil.copytree(os.path.join(args.cbench, name), project, symlinks=True)
    fix_include_names(project)
    cfiles, incs = sources(project)
    mains = [c for c in cfiles if has_main(os.path.join(project, c))]
    tests = [c for c in mains if is_test(c)]
    library = [c for c in cfiles if c not in mains]
    res = dict(project=name, tests=len(tests), c_built=0, c_deterministic=0, translated=False, built=False,
               same=0, functions=0, safe=0, notes=[])
    if not tests:
        res['notes'].append('no C test program')
        return res
    # C
    c_runs = {}
    alone = set()   # tests that include the implementation themselves: built without the library
    for t in tests:
        exe = os.path.join(work, 'c_' + re.sub(r'\W', '_', t))
        gcc = ['gcc', '-std=gnu11', '-w', '-O0', '-o', exe, os.path.join(project, t)]
        rc, _, err = run(gcc + [os.path.join(project, c) for c in library] + incs + ['-lm', '-lpthread'], timeout=120)
        if rc != 0 and b'multiple definition' in err:
            rc, _, err = run(gcc + incs + ['-lm', '-lpthread'], timeout=120)
            alone.add(t)
        if rc != 0:
            with open(exe + '.gcc.log', 'wb') as f:
                f.write(err)
            res['notes'].append(f'gcc fails on {t}: ' + err.decode(errors='replace').strip().split('\n')[-1][:200])
            continue
        res['c_built'] += 1
        outs = []
        for k in range(2):
            copy = os.path.join(work, f'run_c{k}')
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(project, copy, symlinks=True)
            outs.append(run([exe], cwd=copy, timeout=10)[:2])
        if outs[0] != outs[1] or outs[0][0] == 'timeout':
            res['notes'].append(f'{t}: C run not deterministic or too slow')
            continue
        res['c_deterministic'] += 1
        c_runs[t] = outs[0]
    if not c_runs:
        return res
    # Rust
    crate = os.path.join(work, 'crate')
    files = [os.path.join(project, c) for c in (library if len(alone) < len(c_runs) else []) + list(c_runs)]
    rc, out, err = run([args.oxidize, 'translate', '--quiet', '--cargo', crate] + files + ['--'] + incs, timeout=600)
    summary = err.decode(errors='replace')
    with open(os.path.join(work, 'translate.log'), 'w') as f:
        f.write(summary)
    if rc != 0:
        res['notes'].append('translate: ' + summary.strip().split('\n')[-1][:300])
        return res
    res['translated'] = True
    m = re.search(r'(\d+) functions \((\d+) safe', summary)
    if m:
        res['functions'], res['safe'] = int(m.group(1)), int(m.group(2))
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(work, 'target'))
    rc, _, err = run(['cargo', 'build', '--offline', '--quiet'], cwd=crate, timeout=900, env=env)
    with open(os.path.join(work, 'cargo.log'), 'wb') as f:
        f.write(err)
    if rc != 0:
        first = [l for l in err.decode(errors='replace').split('\n') if l.startswith('error')][:1]
        res['notes'].append('cargo build: ' + (first[0][:300] if first else f'exit {rc}'))
        return res
    res['built'] = True
    with open(os.path.join(crate, 'Cargo.toml')) as f:
        manifest = f.read()
    # Each binary's file says which C file it was translated from.
    binary_of = {}
    for b, path in re.findall(r'\[\[bin\]\]\nname = "([^"]+)"\npath = "([^"]+)"', manifest):
        with open(os.path.join(crate, path)) as f:
            m = re.search(r'Translated from (.+?) by oxidize', f.read(4096))
        if m:
            binary_of[os.path.realpath(m.group(1))] = b
    if os.path.exists(os.path.join(crate, 'src', 'main.rs')) and len(c_runs) == 1:
        # One file: the single-file translation, a package whose binary is the package's name.
        binary_of[os.path.realpath(os.path.join(project, list(c_runs)[0]))] = re.search(r'name = "([^"]+)"', manifest).group(1)
    for t, expected in sorted(c_runs.items()):
        binary = binary_of.get(os.path.realpath(os.path.join(project, t)))
        if not binary:
            res['notes'].append(f'{t}: no binary in the crate')
            continue
        copy = os.path.join(work, 'run_rs')
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(project, copy, symlinks=True)
        got = run([os.path.join(work, 'target', 'debug', binary)], cwd=copy, timeout=10)[:2]
        if got == expected:
            res['same'] += 1
        else:
            res['notes'].append(f'{t}: differs (C exit {expected[0]}, Rust exit {got[0]}; '
                                f'stdout {len(expected[1])} vs {len(got[1])} bytes)')
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('cbench')
    ap.add_argument('projects', nargs='*')
    ap.add_argument('--oxidize', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '.build', 'release', 'oxidize'))
    ap.add_argument('--work', default='/tmp/oxidize-crust-bench')
    ap.add_argument('-j', type=int, default=2)
    args = ap.parse_args()
    args.cbench = os.path.abspath(args.cbench)
    args.oxidize = os.path.abspath(args.oxidize)
    os.makedirs(args.work, exist_ok=True)
    names = args.projects or sorted(d for d in os.listdir(args.cbench) if os.path.isdir(os.path.join(args.cbench, d)))
    start = time.time()
    results = []
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for res in pool.map(lambda n: project_result(n, args), names):
            results.append(res)
            counted = res['c_deterministic'] > 0
            ok = counted and res['same'] == res['c_deterministic']
            share = f"{100 * res['safe'] // res['functions']}%" if res['functions'] else '-'
            print(f"{res['project']:45} C tests {res['c_deterministic']}/{res['tests']}  translated {'yes' if res['translated'] else 'no '}  "
                  f"built {'yes' if res['built'] else 'no '}  same {res['same']}/{res['c_deterministic']}  safe fns {share:>4}"
                  f"{'  OK' if ok else ''}{'  (' + res['notes'][0] + ')' if res['notes'] and not ok else ''}", flush=True)
    with open(os.path.join(args.work, 'results.json'), 'w') as f:
        json.dump(results, f, indent=1)
    counted = [r for r in results if r['c_deterministic'] > 0]
    same = [r for r in counted if r['same'] == r['c_deterministic']]
    fns = sum(r['functions'] for r in counted)
    safe = sum(r['safe'] for r in counted)
    print(f"\nprojects {len(results)}; with a C test program that builds and runs deterministically: {len(counted)}")
    print(f"of those: translated {sum(r['translated'] for r in counted)}, built {sum(r['built'] for r in counted)}, "
          f"same behaviour {len(same)} ({100 * len(same) // max(len(counted), 1)}%)")
    print(f"functions {fns}, safe (no unsafe) {safe} ({100 * safe // max(fns, 1)}%); {time.time() - start:.0f} s")


if __name__ == '__main__':
    main()
