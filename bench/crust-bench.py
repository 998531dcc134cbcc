#!/usr/bin/env python3
"""CRUST-bench, whole projects: C tests built with gcc against the same tests translated by oxidize.

For each project of CBench (CRUST-bench's 100 C projects):
  1. C, built the way the project's Makefiles and CMakeLists.txt build it (see build_c): every .c
     file compiled alone with the project's -D and -m flags, those without `main` gathered in a
     static library; a file defining `main` under a test folder (or with "test" in its name) is
     a test program, linked against that library (which gives it the files it needs) and the
     project's libraries. Each program runs twice (stdin /dev/null, C_TIMEOUT, in a copy of the
     project's folder); one whose output differs between runs is not deterministic and does not
     count.
  2. Rust: the same files (the test programs and the library files they linked) go to
     `oxidize translate FILES --cargo DIR -- -I... -D...` (one crate: the library's modules and
     a binary per test program), `cargo build --offline`, and each binary runs the way its C
     did.
  3. Same behaviour: same stdout and exit code, for every test program of the project.

Usage: bench/crust-bench.py CBENCH_DIR [--oxidize BIN] [--work DIR] [-j N] [PROJECT...]
Prints one line per project and the totals; writes results.json into the work folder.
"""
import argparse, concurrent.futures, json, os, re, shutil, subprocess, sys, tempfile, time

C_TIMEOUT = 60   # seconds for a C test program's run (built unoptimised, as the translation is; rhbloom's takes 11-15 s)


def run(cmd, cwd=None, timeout=600, env=None, input=None):
    try:
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env,
                           **({'input': input} if input is not None else {'stdin': subprocess.DEVNULL}))
        return r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired as e:
        return 'timeout', e.stdout or b'', e.stderr or b''


# Test frameworks that some projects download while they build (CMake's FetchContent) and
# others ship: a project that includes the header and lacks it gets the shipping project's copy
# (header and source) in a folder `vendored/`.
VENDORED = {
    'unity.h': 'cfsm/tests/Unity-2.5.2/src',
}

# Libraries that CMake names by an imported target.
CMAKE_TARGET_LIBRARIES = {'OpenSSL::Crypto': 'crypto', 'OpenSSL::SSL': 'ssl', 'Threads::Threads': 'pthread'}


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
    for d in ('src', 'include', 'inc', SHIM):
        if os.path.isdir(os.path.join(project, d)):
            hdirs.add(os.path.join(project, d))
    return cfiles, ['-I' + h for h in sorted(hdirs)]


def is_test(rel):
    return re.search(r'(^|/)(tests?|testing|unit[-_]?tests?)(/|$)', rel, re.I) or re.search(r'test', os.path.basename(rel), re.I)


INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]', re.M)
SHIM = '.include'   # headers included under a folder they are not in: symlinks, in the copy


def c_files(project):
    for dp, dn, fn in os.walk(project):
        dn[:] = sorted(d for d in dn if not d.startswith('.'))
        for f in sorted(fn):
            if f.endswith(('.c', '.h')):
                with open(os.path.join(dp, f), 'rb') as fh:
                    yield dp, f, fh.read().decode('latin-1')


SYSTEM_DIRS = []


def system_header(inc):
    if not SYSTEM_DIRS:
        _, _, err = run(['gcc', '-x', 'c', '-E', '-v', '-'], input=b'')
        SYSTEM_DIRS.extend(re.findall(r'^ (/\S+)$', err.decode(errors='replace'), re.M))
    return any(os.path.exists(os.path.join(d, inc)) for d in SYSTEM_DIRS)


def fix_includes(project, cbench):
    """Make the copy's includes resolve the way the project's own build made them resolve:
    - "CircularBuffer.h" where the file is `circular_buffer.h`, "tibs.tsp.h" for `tibs_tsp.h`
      (written on case-insensitive file systems, or renamed since): a symlink of the included name;
    - <gfc/gfc.h> where the header is `src/gfc.h` (an install layout): a symlink in `.include/gfc/`;
    - a test framework's header that the build downloads: see VENDORED."""
    def key(n):
        stem, ext = os.path.splitext(n.lower())
        return re.sub(r'[_\-.]', '', stem) + ext
    hdirs = [h[2:] for h in sources(project)[1]]
    headers = {}
    for dp, f, _ in c_files(project):
        headers.setdefault(key(f), []).append(os.path.join(dp, f))
    for dp, f, text in list(c_files(project)):
        for delimiter, inc in INCLUDE.findall(text):
            if any(os.path.exists(os.path.join(d, inc)) for d in [dp] + hdirs) or system_header(inc):
                continue
            want = os.path.normpath(os.path.join(dp, inc))
            folder = os.path.dirname(want)
            if delimiter == '"' and want.startswith(project + '/') and os.path.isdir(folder):
                match = [c for c in os.listdir(folder) if key(c) == key(os.path.basename(want))]
                if match:
                    os.symlink(match[0], want)
                    continue
            name = os.path.basename(inc)
            found = headers.get(key(name), [])
            if '/' in inc and not inc.startswith('.') and len(found) == 1:
                shim = os.path.join(project, SHIM, inc)
                if not os.path.lexists(shim):
                    os.makedirs(os.path.dirname(shim), exist_ok=True)
                    os.symlink(found[0], shim)
            elif not found and name in VENDORED:
                dest = os.path.join(project, 'vendored', os.path.splitext(name)[0])
                shutil.copytree(os.path.join(cbench, VENDORED[name]), dest)
                headers[key(name)] = [os.path.join(dest, name)]
                hdirs.append(dest)


CUTEST_CASE = re.compile(r'^void (Test\w+)\s*\(\s*CuTest\s*\*', re.M)


def cutest_runner(project):
    """CuTest's tests have no main: the build generates one (CuTest's make-tests.sh) that runs
    every `void TestX(CuTest *tc)`. Written beside the tests when no file builds a suite itself."""
    cases, folder = [], None
    for dp, f, text in sorted(c_files(project)):
        if re.search(r'=\s*CuSuiteNew\s*\(', text):
            return
        found = CUTEST_CASE.findall(text) if f.endswith('.c') else []
        if found:
            cases += found
            folder = folder or dp
    if not cases:
        return
    with open(os.path.join(folder, 'AllTests.c'), 'w') as f:
        f.write('/* Generated as CuTest\'s make-tests.sh does. */\n#include <stdio.h>\n#include "CuTest.h"\n\n')
        f.write(''.join(f'extern void {c}(CuTest *);\n' for c in cases))
        f.write('\nvoid RunAllTests(void)\n{\n    CuString *output = CuStringNew();\n    CuSuite *suite = CuSuiteNew();\n\n')
        f.write(''.join(f'    SUITE_ADD_TEST(suite, {c});\n' for c in cases))
        f.write('\n    CuSuiteRun(suite);\n    CuSuiteSummary(suite, output);\n    CuSuiteDetails(suite, output);\n'
                '    printf("%s\\n", output->buffer);\n}\n\nint main()\n{\n    RunAllTests();\n    return 0;\n}\n')


def expand(value, variables):
    return re.sub(r'\$[({](\w+)[)}]', lambda m: variables.get(m.group(1), ''), value)


def makefile_lines(text):
    """The lines of a Makefile that a plain `make` reads: continuations joined, comments cut, and
    of each conditional the branch its test selects, the variables it tests being as the file
    sets them (unset otherwise)."""
    variables, stack, lines = {}, [], []   # stack: [enclosing branch active, a branch was taken, active]
    def holds(kind, arg):
        arg = expand(arg.strip(), variables)
        if kind in ('ifdef', 'ifndef'):
            return (variables.get(arg, '') != '') == (kind == 'ifdef')
        m = re.match(r'\((.*?),(.*)\)$', arg) or re.match(r'["\'](.*?)["\']\s+["\'](.*?)["\']$', arg)
        return bool(m) and (m.group(1).strip() == m.group(2).strip()) == (kind == 'ifeq')
    for line in re.sub(r'\\\n', ' ', text).split('\n'):
        line = re.sub(r'(?<!\\)#.*', '', line)
        words = line.split(None, 1) + ['']
        active = all(s[2] for s in stack)
        if words[0] in ('ifeq', 'ifneq', 'ifdef', 'ifndef'):
            on = active and holds(words[0], words[1])
            stack.append([active, on, on])
        elif words[0] == 'else' and stack:
            top = stack[-1]
            rest = words[1].split(None, 1) + ['']
            on = top[0] and not top[1] and (holds(rest[0], rest[1]) if rest[0].startswith('if') else True)
            top[1], top[2] = top[1] or on, on
        elif words[0] == 'endif' and stack:
            stack.pop()
        elif active:
            lines.append(line)
            m = re.match(r'^(\w+)\s*(\?|:|::|\+)?=\s*(.*)$', line)
            if m and not (m.group(2) == '?' and m.group(1) in variables):
                value = expand(m.group(3).strip(), variables)
                variables[m.group(1)] = (variables.get(m.group(1), '') + ' ' + value).strip() if m.group(2) == '+' else value
    return lines


def cmake_commands(text):
    """(command, arguments) of a CMakeLists.txt, with the branches a default configuration takes:
    every if() and elseif() false, else() taken."""
    text = re.sub(r'#.*', '', text)
    stack, commands = [], []   # stack: [enclosing branch active, active]
    for name, args in re.findall(r'(\w+)\s*\(((?:[^()]|\([^()]*\))*)\)', text):
        name = name.lower()
        active = all(s[1] for s in stack)
        if name == 'if':
            stack.append([active, False])
        elif name == 'elseif' and stack:
            stack[-1][1] = False
        elif name == 'else' and stack:
            stack[-1][1] = stack[-1][0]
        elif name == 'endif' and stack:
            stack.pop()
        elif active:
            commands.append((name, args.replace('"', ' ').split()))
    return commands


LINKABLE = {}


def linkable(lib):
    if lib not in LINKABLE:
        with tempfile.TemporaryDirectory() as tmp:   # not -o /dev/null: the linker replaces its output
            rc, _, _ = run(['gcc', '-x', 'c', '-', '-o', os.path.join(tmp, 'a.out'), '-l' + lib], input=b'int main(void) { return 0; }')
        LINKABLE[lib] = rc == 0
    return LINKABLE[lib]


def build_flags(project):
    """What the project's Makefiles and CMakeLists.txt give the compiler and linker beyond sources
    and headers: -D and -m (machine) flags of the flag variables (CFLAGS, CPPFLAGS, DEFINES; CMake's
    definitions, compile options, CMAKE_C_FLAGS); -l libraries and -Wl,--wrap from anywhere in the
    default build, for the libraries this machine has. Returns (compile flags, link flags)."""
    cflags, libs, wraps = [], [], []
    def take(words, compile_too):
        for w in words:
            if '$' in w or "'" in w:
                continue
            if compile_too and re.match(r'-D[A-Za-z_]\w*(=\S+)?$|-m(arch=|tune=)?[a-z]', w) and not w.startswith('-DCMAKE_'):
                cflags.append(w)
            elif re.match(r'-l[\w+-]+$', w):
                libs.append(w[2:])
            elif re.match(r'-Wl,--wrap[=,]\w+$', w):
                wraps.append(w)
    for dp, dn, fn in os.walk(project):
        dn[:] = sorted(d for d in dn if not d.startswith('.') and not os.path.exists(os.path.join(dp, d, 'CMakeCache.txt'))
                       and not os.path.isdir(os.path.join(dp, d, 'CMakeFiles')))
        for f in sorted(fn):
            path = os.path.join(dp, f)
            if f in ('Makefile', 'makefile', 'GNUmakefile') or f.endswith('.mk'):
                with open(path, errors='replace') as fh:
                    for line in makefile_lines(fh.read()):
                        m = re.match(r'^\s*(?:override\s+)?(\w+)\s*[?:+]?=(.*)$', line)
                        take(line.split(), bool(m) and re.match(r'(C|CPP)FLAGS$|DEF(INE)?S$', m.group(1)))
            elif f == 'CMakeLists.txt':
                with open(path, errors='replace') as fh:
                    for name, args in cmake_commands(fh.read()):
                        args = args[1:] if name.startswith('target_') else args   # the target's name
                        if name in ('add_compile_definitions', 'target_compile_definitions'):
                            take(['-D' + a for a in args if a not in ('PUBLIC', 'PRIVATE', 'INTERFACE')], True)
                        elif name in ('add_definitions', 'add_compile_options', 'target_compile_options') or \
                                (name in ('set', 'string') and 'CMAKE_C_FLAGS' in args):
                            take(args, True)
                        elif name in ('target_link_libraries', 'link_libraries', 'target_link_options'):
                            args = [CMAKE_TARGET_LIBRARIES.get(a, a) for a in args]
                            take(['-l' + a if re.match(r'[a-z]\w*$', a) else a for a in args], False)
    libs = [l for l in dict.fromkeys(libs + ['m', 'pthread']) if linkable(l)]
    return list(dict.fromkeys(cflags)), list(dict.fromkeys(wraps)) + ['-l' + l for l in libs]


def defines_main(obj):
    rc, out, _ = run(['nm', '--defined-only', obj])
    return rc == 0 and re.search(rb'^\S* T main$', out, re.M) is not None


MAIN = re.compile(rb'^\s*(?:int|void|static\s+int)\s+main\s*\(', re.M)


def build_c(project, work, res):
    """Builds the project's C test programs the way its build does: every .c file compiled alone
    (a file that does not compile is left out: fuzz harnesses, fragments another file includes,
    programs of a dependency that is missing), the ones without main in one static library, and
    each test program (a file defining main in a test folder, or named test) linked against that
    library, which takes from it only the files the program needs. A test that includes its
    implementation itself and so clashes with it is linked alone.
    Returns {test: (executable, [library files it links])}, the C flags for the translation."""
    cfiles, incs = sources(project)
    cflags, ldflags = build_flags(project)
    cflags = incs + cflags
    objects, mains, library = {}, [], []
    os.makedirs(os.path.join(work, 'obj'), exist_ok=True)
    for i, c in enumerate(cfiles):
        obj = os.path.join(work, 'obj', f'{i}.o')
        rc, _, err = run(['gcc', '-std=gnu11', '-w', '-O0', '-c', '-o', obj, os.path.join(project, c)] + cflags, timeout=120)
        if rc == 0:
            objects[c] = obj
            (mains if defines_main(obj) else library).append(c)
        else:
            with open(obj + '.log', 'wb') as f:
                f.write(err)
            with open(os.path.join(project, c), 'rb') as f:
                if MAIN.search(f.read()) and is_test(c):
                    res['tests'] += 1
                    res['notes'].append(f'gcc fails on {c}: ' + err.decode(errors='replace').strip().split('\n')[-1][:200])
            res['left_out'].append(c)
    tests = [c for c in mains if is_test(c)]
    res['tests'] += len(tests)
    archive = os.path.join(work, 'obj', 'library.a')
    if library:
        run(['ar', 'rcs', archive] + [objects[c] for c in library])
    member = {os.path.basename(objects[c]): c for c in library}
    built = {}
    for t in tests:
        exe = os.path.join(work, 'c_' + re.sub(r'\W', '_', t))
        gcc = ['gcc', '-o', exe, objects[t]]
        rc, _, err = run(gcc + ([archive] if library else []) + ldflags + [f'-Wl,-Map,{exe}.map'], timeout=120)
        linked = []   # the link map lists the archive's members that the program took
        if rc == 0:
            with open(exe + '.map', errors='replace') as f:
                linked = sorted({member[m] for m in re.findall(r'^\S*library\.a\((\d+\.o)\)', f.read(), re.M)})
        if rc != 0 and b'multiple definition' in err:
            rc, _, err = run(gcc + ldflags, timeout=120)
            linked = []
        if rc != 0:
            with open(exe + '.gcc.log', 'wb') as f:
                f.write(err)
            res['notes'].append(f'gcc fails on {t}: ' + err.decode(errors='replace').strip().split('\n')[-1][:200])
            continue
        built[t] = (exe, linked)
    return built, cflags


def project_result(name, args):
    work = os.path.join(args.work, name)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    # A copy of the project: the C and the translation read the same, fixed-up, sources.
    project = os.path.join(work, 'src')
    shutil.copytree(os.path.join(args.cbench, name), project, symlinks=True)
    fix_includes(project, args.cbench)
    cutest_runner(project)
    res = dict(project=name, tests=0, c_built=0, c_deterministic=0, translated=False, built=False,
               same=0, functions=0, safe=0, notes=[], left_out=[])
    # C
    built, cflags = build_c(project, work, res)
    if not res['tests']:
        res['notes'].insert(0, 'no C test program')
        return res
    c_runs = {}
    for t, (exe, _) in built.items():
        res['c_built'] += 1
        outs = []
        for k in range(2):
            copy = os.path.join(work, f'run_c{k}')
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(project, copy, symlinks=True)
            outs.append(run([exe], cwd=copy, timeout=C_TIMEOUT)[:2])
        if outs[0] != outs[1] or outs[0][0] == 'timeout':
            res['notes'].append(f'{t}: C run not deterministic or too slow')
            continue
        res['c_deterministic'] += 1
        c_runs[t] = outs[0]
    if not c_runs:
        return res
    # Rust
    crate = os.path.join(work, 'crate')
    library = sorted({c for t in c_runs for c in built[t][1]})
    files = [os.path.join(project, c) for c in library + list(c_runs)]
    rc, out, err = run([args.oxidize, 'translate', '--quiet', '--cargo', crate] + files + ['--'] + cflags, timeout=600)
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
        got = run([os.path.join(work, 'target', 'debug', binary)], cwd=copy, timeout=C_TIMEOUT)[:2]
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
