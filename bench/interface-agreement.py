#!/usr/bin/env python3
"""interface-agreement.py - compare oxidize's inferred ownership with CRUST-bench's
human-written Rust interfaces.

For every project present in both CBench/ (C) and RBench/ (human Rust), run
`oxidize report --format json --no-check` over the project's library C sources,
parse the Rust interface files with a small tokenizer, pair functions by name,
pair parameters, classify the human Rust type, and compare it with oxidize's
class (owned / borrowed / shared / raw) and mutability.

Stdlib only.  Usage:

    interface-agreement.py [--crust DIR] [--oxidize BIN] [-j N] [--json OUT]
                           [--reports DIR [--reuse]] [--max-list N] [PROJECT...]

MATCHING RULES (kept deliberately simple; none of them looks at oxidize's answer)

C sources.  Every *.c under CBench/<p>/ except: files under a directory named
  test(s)/testing/unit_tests/example(s)/bench(mark)(s)/fuzz/build/CMakeFiles/
  deps/dev-deps, and files whose name contains test/bench/example/fuzz.  A
  remaining file that defines main() is kept only if the Rust crate has a module
  with the same stem (emlang main.c <-> main.rs); other program files are
  dropped.  A project with no remaining .c file but with headers (header-only
  libraries) is analysed through a generated stub .c that #defines every
  *_IMPL* macro the headers test for and #includes every non-test header.
  Include dirs: every directory of the project holding a .h file, plus its
  ancestors up to the project root; when clang reports "'a/b.h' file not
  found" and the project holds exactly one b.h, it is linked as
  WORKDIR/inc/a/b.h.  If the whole-project run fails, every file is run alone
  to find the failing ones, and the others are analysed together again (or,
  if that fails too, each alone and merged).  Failures are listed as partial.

Rust sources.  RBench/<p>/src/**/*.rs except src/bin/ (the tests).  Recorded:
  free functions at module level (also inside inline `mod`), and methods of
  `impl` blocks (inherent or trait impls; the impl's self type is remembered).
  Functions inside bodies, trait declarations and extern blocks are ignored.
  `type` aliases, and which structs/enums are Copy (derive or `impl Copy`), are
  collected crate-wide.

Function pairing (tiers, tried in order; each C and Rust function pairs at most
  once; several candidates in one tier are broken by equal file stem (C file vs
  Rust module), else the C function is left unpaired as ambiguous):
  T1 exact:   Rust name == C name (free function or method).
  T2 norm:    lower-case, underscores removed, names equal (snake/camel case).
  T3 method:  Rust method m of impl T with norm(T)+norm(m) == norm(C name)
              (cJSON_GetArraySize <-> impl CJson { fn get_array_size }).
  T4 suffix:  C name = PREFIX_REST with norm(REST) == norm(Rust name), PREFIX
              non-empty, split at an underscore; used only when it is unique in
              both directions (ht_insert <-> impl HashTable { fn insert }).

Parameter pairing (per paired function):
  1. a method receiver (self, &self, &mut self, self: Box<Self>, ...) pairs with
     the first C pointer parameter whose type is compatible (below) with the
     impl type, else with the first C pointer parameter;
  2. remaining parameters pair by normalised name when unique on both sides;
  3. when the C and Rust arities are equal, the rest pair by order;
     otherwise every C pointer left over is RESHAPED (arity differs: e.g.
     (buf, len) became one slice, or an out-parameter became the return).
  A paired slot whose Rust type is a scalar/unit, a Copy type by value, an array
  or tuple by value is RESHAPED too (the pointer was replaced by a value), and
  so is one whose types are incompatible: C pointee category (void / char-like
  / number / other, after resolving one-line C typedefs and, for typedef names,
  oxidize's Rust rendering) against the innermost named Rust type (after &,
  *, [..], Option, Box, Vec, Rc, RefCell, ...): char-like needs str/String/u8/
  Path..., number needs a number, other needs a non-text non-number type; void
  and Rust generics fit anything.  These checks never look at ownership.
  The C return pairs with the Rust return, after unwrapping Option<> and the
  Ok side of Result<>; a unit/scalar/Copy/tuple Rust return is RESHAPED.

C slots: parameters/returns that oxidize classes owned/borrowed/shared/raw,
  plus parameters whose C type contains '*' or '[' that oxidize reports as
  `value` (array parameters; row "value").  Function pointers (Rust type
  containing fn(...)) are excluded and counted.

Human class of a Rust type (outermost constructor decides; Option<> is
  transparent, Result<T,E> means T):
  borrowed  &T, &[T], &str, &dyn Tr, &mut ..., (also `&self`, `&mut self`);
            generic T: AsRef<..>/Borrow<..>.
            Exception: &Rc<..>, &Arc<..>, &Weak<..> (a borrowed counted
            handle) count as shared.
  owned     Box, Vec, String, any other non-Copy type by value (user structs
            without Copy, HashMap, File, ...), `self` by value of a non-Copy
            type, generic T by value (incl. T: Into<String>).
  shared    Rc, Arc, Weak (and Rc<RefCell<..>> etc.)
  raw       *const T, *mut T
  other     impl Trait / dyn Trait by value, fn pointers, Cow: listed, not
            counted in the agreement.
Human mutability: borrowed -> `&mut` or not; raw -> `*mut` vs `*const`;
  shared -> mutable iff RefCell/Cell/Mutex/RwLock appears inside; owned ->
  undefined (ownership grants mutation; a `mut` binding is not an interface
  property), so owned slots are left out of the mutability comparison.
Oxidize mutability is the report's `mutable`.
"""

import argparse
import concurrent.futures as cf
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

CLASSES = ["borrowed", "owned", "shared", "raw"]

# --------------------------------------------------------------------------
# generic helpers


def norm(s):
    return re.sub(r"[^a-z0-9]", "", s.lower())


def norm_project(name):
    n = name.replace("-", "_")
    if n.startswith("proj_"):
        n = n[5:]
    return n.lower()


# --------------------------------------------------------------------------
# C side: choosing sources and running oxidize

EXCL_DIRS = re.compile(
    r"^(tests?|testing|unit_tests?|examples?|bench|benchmarks?|fuzz|build|"
    r"cmakefiles|deps|dev-deps|\.git)$", re.I)
EXCL_FILE = re.compile(r"(test|bench|example|fuzz)", re.I)
MAIN_RE = re.compile(r"^[ \t]*(?:static\s+)?(?:int|void)\s+main\s*\(", re.M)


def walk_files(root):
    for dp, dns, fns in os.walk(root):
        rel = os.path.relpath(dp, root)
        parts = [] if rel == "." else rel.split(os.sep)
        if any(EXCL_DIRS.match(p) for p in parts):
            continue
        for fn in fns:
            yield os.path.join(dp, fn), parts


def read_text(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "replace")


def select_c_sources(cdir, rust_stems):
    srcs, dropped = [], []
    for path, parts in walk_files(cdir):
        if not path.endswith(".c"):
            continue
        base = os.path.basename(path)
        if EXCL_FILE.search(base):
            dropped.append((os.path.relpath(path, cdir), "test/bench/example name"))
            continue
        text = read_text(path)
        if MAIN_RE.search(text) and norm(base[:-2]) not in rust_stems:
            dropped.append((os.path.relpath(path, cdir), "defines main, no Rust module"))
            continue
        srcs.append(os.path.relpath(path, cdir))
    return sorted(srcs), dropped


def include_dirs(cdir):
    dirs = set()
    for dp, dns, fns in os.walk(cdir):
        if any(f.endswith(".h") for f in fns):
            d = os.path.relpath(dp, cdir)
            while True:
                dirs.add(d)
                if d in (".", ""):
                    break
                d = os.path.dirname(d) or "."
    dirs.add(".")
    return sorted(dirs)


TESTED_RE = re.compile(r"^[ \t]*#\s*(?:ifdef|ifndef|if|elif)\b([^\n]*)", re.M)
DEFINE_RE = re.compile(r"^[ \t]*#\s*define\s+([A-Za-z_][A-Za-z_0-9]*)", re.M)


def header_stub(cdir, workdir):
    """A .c for header-only libraries: #define the configuration macros that the
    headers test and some project .c file (usually a test) #defines, or whose
    name contains IMPL, then #include every non-test header."""
    hdrs, tested, hdefined, cdefined = [], set(), set(), set()
    for path, parts in walk_files(cdir):
        if path.endswith(".h") and not EXCL_FILE.search(os.path.basename(path)):
            hdrs.append(path)
            text = read_text(path)
            for m in TESTED_RE.finditer(text):
                tested.update(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", m.group(1)))
            hdefined.update(DEFINE_RE.findall(text))
    for dp, dns, fns in os.walk(cdir):
        for fn in fns:
            if fn.endswith(".c"):
                cdefined.update(DEFINE_RE.findall(read_text(os.path.join(dp, fn))))
    if not hdrs:
        return None
    macros = {m for m in tested if (m in cdefined or "IMPL" in m) and m not in hdefined
              and m != "defined"}
    os.makedirs(workdir, exist_ok=True)
    stub = os.path.join(workdir, "ia_stub.c")
    with open(stub, "w") as f:
        for m in sorted(macros):
            f.write("#define %s\n" % m)
        for h in sorted(hdrs):
            f.write('#include "%s"\n' % os.path.abspath(h))
    return stub


def fix_missing_include(cdir, workdir, err):
    """For "'a/b.h' file not found": when the project holds exactly one b.h,
    link it as WORKDIR/inc/a/b.h and return that include dir."""
    m = re.search(r"'([^']+\.h)' file not found", err or "")
    if not m or "/" not in m.group(1):
        return None
    want = m.group(1)
    found = [os.path.join(dp, f) for dp, dns, fns in os.walk(cdir) for f in fns
             if f == os.path.basename(want)]
    if len(found) != 1:
        return None
    inc = os.path.join(workdir, "inc")
    dst = os.path.join(inc, want)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if not os.path.exists(dst):
        os.symlink(os.path.abspath(found[0]), dst)
    return os.path.abspath(inc)


def run_oxidize(binary, cwd, files, incs, timeout):
    cmd = [binary, "report"] + files + ["--format", "json", "--no-check", "-q",
                                         "--no-cache", "-j", "1", "--"]
    cmd += ["-I" + d for d in incs]
    try:
        p = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timeout after %ds" % timeout
    except OSError as e:
        return None, str(e)
    if p.returncode != 0:
        err = p.stderr.decode("utf-8", "replace").strip().splitlines()
        errs = [l for l in err if "error" in l] or err
        return None, "rc=%d: %s" % (p.returncode, (errs[0] if errs else "")[:300])
    try:
        return json.loads(p.stdout.decode("utf-8", "replace")), None
    except ValueError as e:
        return None, "bad json: %s" % e


def c_report(args, cdir, project, rust_stems):
    """Returns (functions, info dict)."""
    info = {"c_sources": [], "dropped": [], "file_failures": [], "error": None,
            "stub": False}
    cache = None
    if args.reports:
        cache = os.path.join(args.reports, project + ".json")
        if args.reuse and os.path.exists(cache):
            with open(cache) as f:
                saved = json.load(f)
            return saved["functions"], saved["info"]
    srcs, dropped = select_c_sources(cdir, rust_stems)
    info["dropped"] = dropped
    incs = include_dirs(cdir)
    if not srcs:
        stub = header_stub(cdir, os.path.join(args.workdir, project))
        if stub is None:
            info["error"] = "no C sources"
            return None, info
        srcs = [stub]
        info["stub"] = True
    info["c_sources"] = srcs
    rep, err = run_oxidize(args.oxidize, cdir, srcs, incs, args.timeout)
    for _ in range(5):
        if rep is not None:
            break
        extra = fix_missing_include(cdir, os.path.join(args.workdir, project), err)
        if not extra or extra in incs:
            break
        incs = incs + [extra]
        info["linked_include"] = extra
        rep, err = run_oxidize(args.oxidize, cdir, srcs, incs, args.timeout)
    funcs = None
    if rep is not None:
        funcs = rep["functions"]
    else:
        # find the files that fail alone, then analyse the others together
        info["project_error"] = err
        funcs = []
        good = []
        for s in srcs:
            r1, e1 = run_oxidize(args.oxidize, cdir, [s], incs, args.timeout)
            if r1 is None:
                info["file_failures"].append((s, e1))
            else:
                good.append((s, r1))
        if not good:
            info["error"] = "oxidize failed: " + err
            funcs = None
        else:
            rep2 = None
            if len(good) > 1:
                rep2, err2 = run_oxidize(args.oxidize, cdir, [s for s, _ in good], incs,
                                         args.timeout)
            if rep2 is not None:
                funcs = rep2["functions"]
                info["mode"] = "project minus failing files"
            else:
                info["mode"] = "each file alone"
                for s, r1 in good:
                    funcs.extend(r1["functions"])
    # de-duplicate functions reported twice (same file, line, name)
    if funcs is not None:
        seen, out = set(), []
        for f in funcs:
            k = (f["file"], f["line"], f["name"])
            if k not in seen:
                seen.add(k)
                out.append(f)
        funcs = out
    if cache:
        os.makedirs(args.reports, exist_ok=True)
        with open(cache, "w") as f:
            json.dump({"functions": funcs, "info": info}, f)
    return funcs, info


# --------------------------------------------------------------------------
# Rust side: tokenizer and a small item parser

PUNCT3 = ("..=", "...")
PUNCT2 = ("->", "::", "=>", "..")


def rust_tokens(src):
    toks = []
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in " \t\r\n":
            i += 1
            continue
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j + 1
            continue
        if src.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if src.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif src.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            continue
        m = re.match(r'(b?r)(#*)"', src[i:i + 40])
        if m:
            hashes = m.group(2)
            end = src.find('"' + hashes, i + len(m.group(0)))
            i = n if end < 0 else end + 1 + len(hashes)
            toks.append('"str"')
            continue
        if c == '"' or (c == "b" and src.startswith('b"', i)):
            i += 1 if c == '"' else 2
            while i < n and src[i] != '"':
                i += 2 if src[i] == "\\" else 1
            i += 1
            toks.append('"str"')
            continue
        if c == "'" or (c == "b" and src.startswith("b'", i)):
            k = i + (1 if c == "'" else 2)
            if k < n and src[k] == "\\":
                e = src.find("'", k + 2)
                i = n if e < 0 else e + 1
                toks.append("'c'")
                continue
            if k + 1 < n and src[k + 1] == "'":
                i = k + 2
                toks.append("'c'")
                continue
            if c == "'":
                m = re.match(r"'[A-Za-z_][A-Za-z_0-9]*", src[i:])
                if m:  # lifetime
                    toks.append(m.group(0))
                    i += len(m.group(0))
                    continue
            # non-ASCII char literal such as 'é'
            e = src.find("'", k + 1)
            if e > 0 and e - k <= 4:
                i = e + 1
                toks.append("'c'")
                continue
            toks.append("'")
            i += 1
            continue
        if c.isalpha() or c == "_" or ord(c) > 127:
            m = re.match(r"(r#)?[A-Za-z_0-9\u0080-\uffff]+", src[i:])
            w = m.group(0)
            toks.append(w[2:] if w.startswith("r#") else w)
            i += len(w)
            continue
        if c.isdigit():
            m = re.match(r"[0-9][0-9A-Za-z_]*(\.[0-9][0-9A-Za-z_]*)?", src[i:])
            toks.append(m.group(0))
            i += len(m.group(0))
            continue
        for p in PUNCT3 + PUNCT2:
            if src.startswith(p, i):
                toks.append(p)
                i += len(p)
                break
        else:
            toks.append(c)
            i += 1
    return toks


OPEN = {"(": ")", "[": "]", "<": ">"}


def skip_balanced(toks, i):
    """toks[i] is an opening ( [ < ; return the index after its closer."""
    stack = []
    n = len(toks)
    while i < n:
        t = toks[i]
        if t in ("(", "[", "<", "{"):
            stack.append(t)
        elif t in (")", "]", ">", "}"):
            if stack:
                stack.pop()
            if not stack:
                return i + 1
        i += 1
    return n


def split_top(toks, sep=","):
    out, cur, depth = [], [], 0
    for t in toks:
        if t in ("(", "[", "<", "{"):
            depth += 1
        elif t in (")", "]", ">", "}"):
            depth -= 1
        if t == sep and depth == 0:
            out.append(cur)
            cur = []
        else:
            cur.append(t)
    if cur:
        out.append(cur)
    return out


def top_level(toks, token):
    """The positions of `token` outside any brackets (`<>`, `()`, `[]`) in a token list."""
    depth, found = 0, []
    for k, t in enumerate(toks):
        if t in ("<", "(", "["):
            depth += 1
        elif t in (">", ")", "]"):
            depth -= 1
        elif t == token and depth == 0:
            found.append(k)
    return found


def type_text(toks):
    s = ""
    for t in toks:
        if s and (re.match(r"[A-Za-z_0-9']", t) and re.search(r"[A-Za-z_0-9']$", s)):
            s += " "
        s += t
        if t == ",":
            s += " "
        if t in ("dyn", "impl") and False:
            s += " "
    return s


# ---- type AST


def parse_type(toks):
    """Returns (ast, rest).  ast forms:
    ('ref', mut, inner) ('ptr', mut, inner) ('slice', inner) ('array', inner)
    ('tuple', [..]) ('trait', kind, text) ('fn', text) ('path', name, [args], text)
    ('never',)"""
    if not toks:
        return ("tuple", []), []
    t = toks[0]
    if t == "&" or t == "&&":
        rest = toks[1:]
        if rest and rest[0].startswith("'") and len(rest[0]) > 1:
            rest = rest[1:]
        mut = False
        if rest and rest[0] == "mut":
            mut, rest = True, rest[1:]
        inner, rest = parse_type(rest)
        return ("ref", mut, inner), rest
    if t == "*":
        mut = len(toks) > 1 and toks[1] == "mut"
        inner, rest = parse_type(toks[2:])
        return ("ptr", mut, inner), rest
    if t == "[":
        end = skip_balanced(toks, 0)
        body = toks[1:end - 1]
        parts = split_top(body, ";")
        inner, _ = parse_type(parts[0] if parts else [])
        return (("array", inner) if len(parts) > 1 else ("slice", inner)), toks[end:]
    if t == "(":
        end = skip_balanced(toks, 0)
        body = toks[1:end - 1]
        parts = split_top(body, ",")
        elems = [parse_type(p)[0] for p in parts if p]
        if len(elems) == 1 and "," not in body:
            return elems[0], toks[end:]
        return ("tuple", elems), toks[end:]
    if t == "!":
        return ("never",), toks[1:]
    if t in ("dyn", "impl"):
        # bounds up to a top-level ',' ; we keep all of it
        return ("trait", t, type_text(toks[1:])), []
    if t in ("fn", "unsafe", "extern"):
        return ("fn", type_text(toks)), []
    # path
    i, segs, args = 0, [], []
    if t == "::":
        i = 1
    while i < len(toks):
        if re.match(r"[A-Za-z_]", toks[i]):
            segs.append(toks[i])
            i += 1
            if i < len(toks) and toks[i] == "<":
                end = skip_balanced(toks, i)
                args = [parse_type(p)[0] for p in split_top(toks[i + 1:end - 1], ",")
                        if p and not (p[0].startswith("'") and len(p) == 1)]
                args = [a for a in args]
                i = end
            elif i < len(toks) and toks[i] == "::" and i + 1 < len(toks) and toks[i + 1] == "<":
                end = skip_balanced(toks, i + 1)
                args = [parse_type(p)[0] for p in split_top(toks[i + 2:end - 1], ",") if p]
                i = end
            if i < len(toks) and toks[i] == "::":
                i += 1
                continue
            if i < len(toks) and toks[i] == "(" and segs[-1] in ("Fn", "FnMut", "FnOnce"):
                return ("fn", type_text(toks)), []
            break
        else:
            break
    if not segs:
        return ("path", "?", [], type_text(toks)), []
    return ("path", segs[-1], args, "::".join(segs)), toks[i:]


class RustFn(object):
    def __init__(self, name, impl, file, params, ret, generics, line):
        self.name, self.impl, self.file = name, impl, file
        self.params, self.ret, self.generics, self.line = params, ret, generics, line

    def sig(self):
        ps = ", ".join(p["text"] for p in self.params)
        r = (" -> " + self.ret_text) if self.ret_text else ""
        return "%sfn %s(%s)%s" % ((self.impl + "::") if self.impl else "", self.name, ps, r)


def parse_generics(toks):
    g = {}
    for part in split_top(toks, ","):
        if not part or part[0].startswith("'") or part[0] == "const":
            continue
        name = part[0]
        bound = type_text(part[2:]) if len(part) > 2 and part[1] == ":" else ""
        g[name] = g.get(name, "") + " " + bound
    return g


def parse_where(toks, g):
    for part in split_top(toks, ","):
        if len(part) > 2 and part[1] == ":":
            g[part[0]] = g.get(part[0], "") + " " + type_text(part[2:])


def parse_rust_file(path, relname, fns, aliases, copy_types, structs):
    toks = rust_tokens(read_text(path))
    scopes = []  # entries: ('mod'|'impl'|'trait'|'body'|'other'|'extern', data)
    pending = None
    attrs = []
    i, n = 0, len(toks)

    def item_level():
        return not scopes or scopes[-1][0] in ("mod", "impl")

    while i < n:
        t = toks[i]
        if t == "{":
            scopes.append(pending or ("other", None))
            pending = None
            i += 1
            continue
        if t == "}":
            if scopes:
                scopes.pop()
            i += 1
            continue
        if t == ";":
            pending = None
            i += 1
            continue
        if not item_level():
            if not scopes or scopes[-1][0] in ("other", "body", "trait", "extern"):
                # trait/extern bodies: skip their items, but keep brace structure
                i += 1
                continue
        if t == "#" and i + 1 < n and toks[i + 1] in ("[", "!"):
            j = i + 1 if toks[i + 1] == "[" else i + 2
            end = skip_balanced(toks, j)
            attrs.append(toks[j:end])
            i = end
            continue
        if t == "mod" and i + 2 < n and toks[i + 2] == "{":
            pending = ("mod", toks[i + 1])
            i += 2
            continue
        if t == "extern" and i + 1 < n and toks[i + 1] == '"str"' and i + 2 < n and toks[i + 2] == "{":
            pending = ("extern", None)
            i += 2
            continue
        if t == "trait":
            pending = ("trait", None)
            i += 1
            continue
        if t in ("struct", "enum", "union") and i + 1 < n and re.match(r"[A-Za-z_]", toks[i + 1]):
            name = toks[i + 1]
            derives = " ".join(" ".join(a) for a in attrs)
            if re.search(r"\bderive\b.*\bCopy\b", derives):
                copy_types.add(name)
            structs.add(name)
            attrs = []
            # skip generics; body braces handled by the main loop as 'other'
            i += 2
            continue
        if t == "type" and i + 1 < n and re.match(r"[A-Za-z_]", toks[i + 1]):
            name = toks[i + 1]
            j = i + 2
            if j < n and toks[j] == "<":
                j = skip_balanced(toks, j)
            if j < n and toks[j] == "=":
                k = j + 1
                depth = 0
                while k < n and not (toks[k] == ";" and depth == 0):
                    if toks[k] in ("(", "[", "<", "{"):
                        depth += 1
                    elif toks[k] in (")", "]", ">", "}"):
                        depth -= 1
                    k += 1
                aliases[name] = parse_type(toks[j + 1:k])[0]
                i = k + 1
                continue
            i += 2
            continue
        if t == "impl" and item_level():
            j = i + 1
            if j < n and toks[j] == "<":
                j = skip_balanced(toks, j)
            k = j
            while k < n and toks[k] not in ("{", ";"):
                k += 1
            head = toks[j:k]
            wh = head.index("where") if "where" in head else len(head)
            head = head[:wh]
            trait = None
            fors = top_level(head, "for")
            if fors:
                trait = type_text(head[:fors[-1]])
                head = head[fors[-1] + 1:]
            ast = parse_type(head)[0]
            tname = ast[1] if ast[0] == "path" else type_text(head)
            if trait and trait.split("<")[0].split("::")[-1] == "Copy":
                copy_types.add(tname)
            pending = ("impl", tname)
            attrs = []
            i = k
            continue
        if t == "fn" and item_level() and i + 1 < n and re.match(r"[A-Za-z_]", toks[i + 1]):
            name = toks[i + 1]
            j = i + 2
            generics = {}
            if j < n and toks[j] == "<":
                end = skip_balanced(toks, j)
                generics = parse_generics(toks[j + 1:end - 1])
                j = end
            if j >= n or toks[j] != "(":
                i += 1
                continue
            end = skip_balanced(toks, j)
            ptoks = toks[j + 1:end - 1]
            j = end
            ret = None
            if j < n and toks[j] == "->":
                k = j + 1
                depth = 0
                while k < n:
                    tt = toks[k]
                    if tt in ("(", "[", "<"):
                        depth += 1
                    elif tt in (")", "]", ">"):
                        depth -= 1
                    elif depth == 0 and tt in ("{", ";", "where"):
                        break
                    k += 1
                ret = toks[j + 1:k]
                j = k
            if j < n and toks[j] == "where":
                k = j + 1
                while k < n and toks[k] not in ("{", ";"):
                    k += 1
                parse_where(toks[j + 1:k], generics)
                j = k
            params = []
            for p in split_top(ptoks, ","):
                if not p:
                    continue
                while p and p[0] == "#":  # parameter attributes
                    e = skip_balanced(p, 1)
                    p = p[e:]
                params.append(parse_param(p))
            impl = None
            if scopes and scopes[-1][0] == "impl":
                impl = scopes[-1][1]
            f = RustFn(name, impl, relname, params, None, generics, 0)
            f.ret_text = type_text(ret) if ret else ""
            f.ret = parse_type(ret)[0] if ret else None
            fns.append(f)
            attrs = []
            if j < n and toks[j] == "{":
                pending = ("body", None)
            i = j
            continue
        if t not in ("pub", "(", ")", "crate", "super", "in", "const", "unsafe",
                     "async", "default"):
            attrs = [] if t != "#" else attrs
        i += 1


def parse_param(p):
    """p: tokens of one parameter.  Returns dict(name, self, ast, text)."""
    text = type_text(p)
    # receivers
    q = list(p)
    if "self" in q[:4] and (len(q) <= 4 or q[q.index("self") + 1:q.index("self") + 2] == [":"]):
        si = q.index("self")
        pre = q[:si]
        if si + 1 < len(q) and q[si + 1] == ":":
            ast = parse_type(q[si + 2:])[0]
            return {"name": "self", "self": "typed", "ast": ast, "text": text}
        if "&" in pre:
            mut = "mut" in pre
            return {"name": "self", "self": "ref", "ast": ("ref", mut, ("path", "Self", [], "Self")),
                    "text": text}
        return {"name": "self", "self": "value", "ast": ("path", "Self", [], "Self"), "text": text}
    # pattern ':' type ; find the first top-level ':'
    colons = top_level(q, ":")
    if colons:
        k = colons[0]
        pat = [x for x in q[:k] if x not in ("mut", "ref")]
        name = pat[0] if len(pat) == 1 else type_text(pat)
        return {"name": name, "self": None, "ast": parse_type(q[k + 1:])[0], "text": text}
    return {"name": "?", "self": None, "ast": parse_type(q)[0], "text": text}


def parse_rust_crate(rdir):
    fns, aliases, copy_types, structs = [], {}, set(), set()
    errors = []
    src = os.path.join(rdir, "src")
    files = []
    for dp, dns, fnames in os.walk(src):
        rel = os.path.relpath(dp, src)
        if rel.split(os.sep)[0] in ("bin", "tests", "benches", "examples"):
            continue
        for f in fnames:
            if f.endswith(".rs"):
                files.append(os.path.join(dp, f))
    for path in sorted(files):
        rel = os.path.relpath(path, rdir)
        try:
            parse_rust_file(path, rel, fns, aliases, copy_types, structs)
        except Exception as e:  # pragma: no cover - robustness
            errors.append((rel, "%s: %s" % (type(e).__name__, e)))
    return fns, aliases, copy_types, structs, errors, files


# --------------------------------------------------------------------------
# classifying human Rust types

PRIMS = set("""i8 i16 i32 i64 i128 isize u8 u16 u32 u64 u128 usize f32 f64 bool char
c_int c_uint c_long c_ulong c_char c_uchar c_double c_float c_short c_ushort size_t
Ordering Duration Instant SystemTime NonZeroUsize NonZeroU32 NonZeroU64 Wrapping
TypeId IpAddr Ipv4Addr Ipv6Addr SocketAddr""".split())
SHARED = ("Rc", "Arc", "Weak")
INTERIOR = ("RefCell", "Cell", "Mutex", "RwLock", "UnsafeCell", "OnceCell", "AtomicUsize")


def ast_text(a):
    k = a[0]
    if k == "ref":
        return "&" + ("mut " if a[1] else "") + ast_text(a[2])
    if k == "ptr":
        return "*" + ("mut " if a[1] else "const ") + ast_text(a[2])
    if k == "slice":
        return "[" + ast_text(a[1]) + "]"
    if k == "array":
        return "[" + ast_text(a[1]) + "; N]"
    if k == "tuple":
        return "(" + ", ".join(ast_text(x) for x in a[1]) + ")"
    if k in ("trait",):
        return a[1] + " " + a[2]
    if k == "fn":
        return a[1]
    if k == "never":
        return "!"
    if k == "path":
        return a[1] + (("<" + ", ".join(ast_text(x) for x in a[2]) + ">") if a[2] else "")
    return str(a)


def contains_interior(a):
    if a[0] == "path":
        return a[1] in INTERIOR or any(contains_interior(x) for x in a[2])
    if a[0] in ("ref", "ptr"):
        return contains_interior(a[2])
    if a[0] in ("slice", "array"):
        return contains_interior(a[1])
    return False


class Ctx(object):
    def __init__(self, aliases, copy_types, generics, impl):
        self.aliases, self.copy_types = aliases, copy_types
        self.generics, self.impl = generics or {}, impl


def resolve(a, ctx, depth=0):
    """Expand Self and type aliases at the head."""
    while a[0] == "path" and depth < 8:
        if a[1] == "Self" and ctx.impl:
            a = ("path", ctx.impl, [], ctx.impl)
            depth += 1
            continue
        if a[1] in ctx.aliases and not a[2]:
            a = ctx.aliases[a[1]]
            depth += 1
            continue
        break
    return a


def classify(a, ctx, nullable=False):
    """-> dict(cls, mut, why) ; cls in CLASSES or 'reshaped' or 'other'."""
    a = resolve(a, ctx)
    k = a[0]
    if k == "ref":
        inner = resolve(a[2], ctx)
        while inner[0] == "path" and inner[1] == "Option" and inner[2]:
            inner = resolve(inner[2][0], ctx)
        if inner[0] == "path" and inner[1] in SHARED:
            return {"cls": "shared", "mut": contains_interior(inner), "why": "&Rc-like handle"}
        return {"cls": "borrowed", "mut": bool(a[1]), "why": "reference"}
    if k == "ptr":
        return {"cls": "raw", "mut": bool(a[1]), "why": "raw pointer"}
    if k == "tuple":
        if not a[1]:
            return {"cls": "reshaped", "mut": None, "why": "unit"}
        return {"cls": "reshaped", "mut": None, "why": "tuple by value"}
    if k == "never":
        return {"cls": "reshaped", "mut": None, "why": "never"}
    if k in ("slice", "array"):
        return {"cls": "reshaped", "mut": None, "why": "array by value"}
    if k == "fn":
        return {"cls": "other", "mut": None, "why": "function type"}
    if k == "trait":
        txt = a[2]
        if re.match(r"(Fn|FnMut|FnOnce)\b", txt):
            return {"cls": "other", "mut": None, "why": "closure"}
        return {"cls": "other", "mut": None, "why": a[1] + " Trait"}
    # path
    name, args = a[1], a[2]
    if name == "?":
        return {"cls": "other", "mut": None, "why": "unparsed type"}
    if name == "Option" and args:
        r = classify(args[0], ctx, True)
        r["why"] = "Option<" + r["why"] + ">"
        return r
    if name == "Result" and args:
        r = classify(args[0], ctx, nullable)
        r["why"] = "Result<" + r["why"] + ">"
        return r
    if name in SHARED:
        return {"cls": "shared", "mut": contains_interior(a), "why": name}
    if name in ("Box", "Vec", "String", "CString", "OsString", "PathBuf", "VecDeque",
                "HashMap", "BTreeMap", "HashSet", "BTreeSet", "LinkedList", "BinaryHeap"):
        return {"cls": "owned", "mut": None, "why": name}
    if name == "Cow":
        return {"cls": "other", "mut": None, "why": "Cow"}
    if name in PRIMS:
        return {"cls": "reshaped", "mut": None, "why": "scalar " + name}
    if name in ctx.generics:
        b = ctx.generics[name]
        if re.search(r"\b(AsRef|Borrow)\b", b):
            return {"cls": "borrowed", "mut": False, "why": "generic AsRef"}
        if re.search(r"\b(Fn|FnMut|FnOnce)\b", b):
            return {"cls": "other", "mut": None, "why": "generic closure"}
        if re.search(r"\bCopy\b", b):
            return {"cls": "reshaped", "mut": None, "why": "generic Copy"}
        return {"cls": "owned", "mut": None, "why": "generic by value"}
    if name in ctx.copy_types:
        return {"cls": "reshaped", "mut": None, "why": "Copy type by value"}
    return {"cls": "owned", "mut": None, "why": "non-Copy by value"}


def human_mut(h):
    if h["cls"] in ("borrowed", "raw", "shared"):
        return h["mut"]
    return None


# --------------------------------------------------------------------------
# pairing

def c_stem(path):
    return norm(os.path.splitext(os.path.basename(path))[0])


def r_stem(path):
    return norm(os.path.splitext(os.path.basename(path))[0])


def pair_functions(cfuncs, rfns):
    pairs = []  # (cf, rf, tier)
    c_used, r_used = set(), set()
    stats = Counter()

    def tier_candidates(tier):
        cand = defaultdict(list)
        for ci, c in enumerate(cfuncs):
            if ci in c_used:
                continue
            cn = norm(c["name"])
            for ri, r in enumerate(rfns):
                if ri in r_used:
                    continue
                ok = False
                if tier == 1:
                    ok = r.name == c["name"]
                elif tier == 2:
                    ok = norm(r.name) == cn
                elif tier == 3:
                    ok = bool(r.impl) and norm(r.impl) + norm(r.name) == cn
                elif tier == 4:
                    rn = norm(r.name)
                    parts = c["name"].split("_")
                    ok = rn != "" and any(norm("_".join(parts[k:])) == rn and norm("_".join(parts[:k]))
                                          for k in range(1, len(parts)))
                if ok:
                    cand[ci].append(ri)
        return cand

    for tier in (1, 2, 3, 4):
        cand = tier_candidates(tier)
        if tier == 4:
            # unique in both directions
            rev = defaultdict(list)
            for ci, rs in cand.items():
                for ri in rs:
                    rev[ri].append(ci)
            cand = {ci: rs for ci, rs in cand.items()
                    if len(rs) == 1 and len(rev[rs[0]]) == 1}
        chosen = {}
        for ci, rs in cand.items():
            if len(rs) > 1:
                same = [ri for ri in rs if r_stem(rfns[ri].file) == c_stem(cfuncs[ci]["file"])]
                if len(same) == 1:
                    rs = same
                else:
                    stats["ambiguous"] += 1
                    continue
            chosen[ci] = rs[0]
        rev = defaultdict(list)
        for ci, ri in chosen.items():
            rev[ri].append(ci)
        for ri, cis in rev.items():
            if len(cis) > 1:
                same = [ci for ci in cis if c_stem(cfuncs[ci]["file"]) == r_stem(rfns[ri].file)]
                if len(same) == 1:
                    cis = same
                else:
                    stats["ambiguous"] += len(cis)
                    continue
            ci = cis[0]
            c_used.add(ci)
            r_used.add(ri)
            pairs.append((cfuncs[ci], rfns[ri], "T%d" % tier))
            stats["T%d" % tier] += 1
    return pairs, stats, c_used, r_used


CHARISH = {"str", "String", "u8", "i8", "c_char", "c_uchar", "char", "CStr", "CString",
           "OsStr", "OsString", "Path", "PathBuf", "c_schar"}
NUMERIC = {"i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128",
           "usize", "f32", "f64", "bool", "c_int", "c_uint", "c_long", "c_ulong", "c_short",
           "c_ushort", "c_double", "c_float", "c_longlong", "c_ulonglong", "size_t"}
WRAPPERS = {"Option", "Box", "Rc", "Arc", "Weak", "RefCell", "Cell", "Mutex", "RwLock", "Vec",
            "VecDeque", "Result", "LinkedList", "NonNull", "BinaryHeap", "HashSet", "BTreeSet"}
C_CHAR = re.compile(r"\b(char|int8_t|uint8_t|u8|i8|byte|BYTE|gchar|guchar)\b")
C_NUM = re.compile(r"\b(short|int|long|unsigned|signed|float|double|size_t|ssize_t|u?int(16|32|64)_t|"
                   r"bool|_Bool|ptrdiff_t|intptr_t|uintptr_t|off_t)\b")


def rust_base(a, ctx, depth=0):
    """innermost named type of a Rust type AST (after refs, pointers, wrappers)."""
    while depth < 20:
        depth += 1
        a = resolve(a, ctx)
        if a[0] in ("ref", "ptr"):
            a = a[2]
        elif a[0] in ("slice", "array"):
            a = a[1]
        elif a[0] == "path" and a[1] in WRAPPERS and a[2]:
            a = a[2][0]
        elif a[0] == "path" and a[1] in ("HashMap", "BTreeMap") and len(a[2]) == 2:
            a = a[2][1]
        else:
            break
    if a[0] == "path":
        if a[1] in ctx.generics:
            b = ctx.generics[a[1]]
            if re.search(r"\b(str|String|Path|OsStr|PathBuf)\b", b):
                return "str"
            return "generic"
        return a[1]
    return a[0]  # tuple, trait, fn, never


TYPEDEF_RE = re.compile(r"\btypedef\s+([^;{}()]+?)\s*\b([A-Za-z_][A-Za-z_0-9]*)\s*;")


def c_typedefs(cdir):
    """name -> underlying text, for simple one-line typedefs (no braces)."""
    tds = {}
    for dp, dns, fns in os.walk(cdir):
        for fn in fns:
            if fn.endswith((".h", ".c")):
                for m in TYPEDEF_RE.finditer(read_text(os.path.join(dp, fn))):
                    tds.setdefault(m.group(2), m.group(1))
    return tds


def resolve_c_type(t, tds):
    for _ in range(6):
        words = re.findall(r"[A-Za-z_][A-Za-z_0-9]*", t)
        hit = [w for w in words if w in tds and tds[w] != w and not re.match(
            r"^(struct|union|enum)\s+%s$" % w, tds[w].strip())]
        if not hit:
            break
        t = re.sub(r"\b%s\b" % hit[0], tds[hit[0]], t, count=1)
    return t


def c_category(entry, tds=None):
    t = entry.get("type") or ""
    if tds:
        t = resolve_c_type(t, tds)
    if re.search(r"\bvoid\b", t):
        return "void"
    if C_CHAR.search(t):
        return "char"
    stripped = re.sub(r"\b(const|volatile|restrict|struct|union|enum)\b|[*\[\]0-9 ]", "", t)
    if C_NUM.search(t) and not re.search(r"[A-Za-z_]", re.sub(C_NUM, "", stripped)):
        return "num"
    # typedef names: ask oxidize's Rust rendering of the pointee
    r = entry.get("rust") or ""
    base = re.findall(r"[A-Za-z_][A-Za-z_0-9]*", r)
    base = [b for b in base if b not in ("mut", "const", "Option", "Box", "Rc", "Arc", "Vec",
                                         "RefCell", "std", "fs", "ffi")]
    if base:
        b = base[-1]
        if b == "c_void":
            return "void"
        if b in CHARISH:
            return "char"
        if b in NUMERIC:
            return "num"
    return "user"


def compatible(entry, a, ctx):
    """False when the Rust type cannot be a counterpart of the C pointer:
    a char pointer against a non-text type, a number pointer against a
    non-number, a struct pointer against a text/number type."""
    cc = c_category(entry, getattr(ctx, "typedefs", None))
    if cc == "void":
        return True
    rb = rust_base(a, ctx)
    if rb in ("generic", "trait", "fn"):
        return True
    if cc == "char":
        return rb in CHARISH or rb in NUMERIC
    if cc == "num":
        return rb in NUMERIC or rb in CHARISH
    return rb not in CHARISH and rb not in NUMERIC and rb not in ("tuple", "never")


def is_fnptr(entry):
    return "fn(" in (entry.get("rust") or "") or "(*" in (entry.get("type") or "")


def is_c_slot(entry):
    if entry is None:
        return False
    own = entry.get("ownership")
    if own in CLASSES:
        return True
    t = entry.get("type") or ""
    return own == "value" and ("*" in t or "[" in t)


def align_params(cparams, rparams, ctx=None):
    """Returns dict c_index -> (r_index or None, note)."""
    res = {}
    c_left = list(range(len(cparams)))
    r_left = list(range(len(rparams)))
    if rparams and rparams[0]["self"]:
        ptrs = [i for i in c_left if cparams[i]["ownership"] in CLASSES]
        fit = [i for i in ptrs if ctx is None or compatible(cparams[i], rparams[0]["ast"], ctx)]
        first_ptr = (fit or ptrs or [None])[0]
        if first_ptr is not None:
            res[first_ptr] = (0, "receiver")
            c_left.remove(first_ptr)
        r_left.remove(0)
    # names
    cn = defaultdict(list)
    for i in c_left:
        cn[norm(cparams[i].get("name") or "")].append(i)
    rn = defaultdict(list)
    for j in r_left:
        rn[norm(rparams[j]["name"])].append(j)
    for key, cis in cn.items():
        if key and len(cis) == 1 and len(rn.get(key, [])) == 1:
            res[cis[0]] = (rn[key][0], "name")
            c_left.remove(cis[0])
            r_left.remove(rn[key][0])
    if len(cparams) == len(rparams) and len(c_left) == len(r_left):
        for i, j in zip(c_left, r_left):
            res[i] = (j, "position")
        c_left = []
    for i in c_left:
        res[i] = (None, "arity differs (%d C vs %d Rust params)" % (len(cparams), len(rparams)))
    return res


def compare_project(project, cfuncs, rfns, aliases, copy_types, rows, pstats, cdir=""):
    typedefs = c_typedefs(cdir) if cdir else {}
    pairs, fstats, c_used, r_used = pair_functions(cfuncs, rfns)
    pstats["c_functions"] = len(cfuncs)
    pstats["rust_functions"] = len(rfns)
    pstats["paired"] = len(pairs)
    pstats["tiers"] = dict(fstats)
    unpaired_slots = 0
    for ci, c in enumerate(cfuncs):
        if ci not in c_used:
            unpaired_slots += sum(1 for p in c["params"] if is_c_slot(p) and not is_fnptr(p))
            unpaired_slots += 1 if is_c_slot(c.get("returns")) else 0
    pstats["unpaired_c_slots"] = unpaired_slots
    for c, r, tier in pairs:
        ctx = Ctx(aliases, copy_types, r.generics, r.impl)
        ctx.typedefs = typedefs
        al = align_params(c["params"], r.params, ctx)
        slots = [(i, p, "param") for i, p in enumerate(c["params"])]
        if c.get("returns"):
            slots.append((None, c["returns"], "return"))
        for i, p, kind in slots:
            if not is_c_slot(p):
                continue
            cfile = c["file"]
            if os.path.isabs(cfile) and cfile.startswith(cdir + os.sep):
                cfile = os.path.relpath(cfile, cdir)
            row = {
                "project": project, "function": c["name"], "rust_function": r.sig(),
                "c_file": cfile, "c_line": p.get("line") or c.get("line"),
                "rust_file": r.file, "tier": tier,
                "slot": p.get("name") if kind == "param" else "<return>",
                "c_type": p.get("type"), "ox_class": p["ownership"],
                "ox_mut": bool(p.get("mutable")), "ox_rust": p.get("rust"),
                "ox_evidence": [e["message"] for e in (p.get("evidence") or [])][:6],
                "human_type": None, "human_class": None, "human_mut": None,
                "human_why": None, "status": None, "note": None,
            }
            if is_fnptr(p):
                row["status"] = "fnptr"
                rows.append(row)
                continue
            if kind == "param":
                j, note = al[i]
                row["note"] = note
                if j is None:
                    row["status"] = "reshaped"
                    rows.append(row)
                    continue
                rp = r.params[j]
                row["human_type"] = rp["text"]
                h = classify(rp["ast"], ctx)
            else:
                if r.ret is None:
                    row["status"] = "reshaped"
                    row["note"] = "no Rust return value"
                    rows.append(row)
                    continue
                row["human_type"] = r.ret_text
                h = classify(r.ret, ctx)
            row["human_why"] = h["why"]
            rast = rp["ast"] if kind == "param" else r.ret
            if h["cls"] not in ("reshaped", "other") and not compatible(p, rast, ctx):
                row["status"] = "reshaped"
                row["note"] = (row["note"] + "; " if row["note"] else "") + \
                    "type mismatch (C %s vs Rust %s)" % (c_category(p, ctx.typedefs),
                                                         rust_base(rast, ctx))
            elif h["cls"] == "reshaped":
                row["status"] = "reshaped"
                row["note"] = (row["note"] + "; " if row["note"] else "") + h["why"]
            elif h["cls"] == "other":
                row["status"] = "other"
                row["human_class"] = "other"
            else:
                row["status"] = "compared"
                row["human_class"] = h["cls"]
                row["human_mut"] = human_mut(h)
            rows.append(row)


# --------------------------------------------------------------------------
# driver

def process(args, project, cdir, rdir):
    pstats = {"project": project, "error": None}
    rows = []
    try:
        rfns, aliases, copy_types, structs, rerrs, rfiles = parse_rust_crate(rdir)
        pstats["rust_parse_errors"] = rerrs
        if not rfiles:
            pstats["error"] = "no Rust files"
            return pstats, rows
        if rerrs and not rfns:
            pstats["error"] = "Rust did not parse: %s" % rerrs[0][1]
            return pstats, rows
        stems = {r_stem(f) for f in rfiles}
        cfuncs, info = c_report(args, cdir, project, stems)
        pstats["c_info"] = info
        if cfuncs is None:
            pstats["error"] = info.get("error") or "oxidize failed"
            return pstats, rows
        compare_project(project, cfuncs, rfns, aliases, copy_types, rows, pstats,
                        os.path.abspath(cdir))
    except Exception as e:  # robustness: never crash on one project
        import traceback
        pstats["error"] = "script error: %s: %s" % (type(e).__name__, e)
        pstats["traceback"] = traceback.format_exc()
    return pstats, rows


def matrix_text(title, rowsk, colsk, counts):
    w = max([len(str(x)) for x in rowsk + colsk] + [6]) + 2
    out = [title, "".ljust(w) + "".join(str(c).rjust(w) for c in colsk) + "total".rjust(w)]
    for rk in rowsk:
        tot = sum(counts[(rk, c)] for c in colsk)
        out.append(str(rk).ljust(w) + "".join(str(counts[(rk, c)]).rjust(w) for c in colsk)
                   + str(tot).rjust(w))
    out.append("total".ljust(w) + "".join(str(sum(counts[(r, c)] for r in rowsk)).rjust(w)
                                          for c in colsk)
               + str(sum(counts[(r, c)] for r in rowsk for c in colsk)).rjust(w))
    return "\n".join(out)


def spread(P, rows, agrees, what):
    """The agreement averaged over projects, and without the largest project."""
    byproj = defaultdict(list)
    for r in rows:
        byproj[r["project"]].append(r)
    rates = [sum(1 for r in v if agrees(r)) / float(len(v)) for v in byproj.values()]
    P("  macro average over %d %s: %.1f%%" % (len(rates), what, 100.0 * sum(rates) / max(1, len(rates))))
    if byproj:
        big = max(byproj, key=lambda k: len(byproj[k]))
        rest = [r for r in rows if r["project"] != big]
        a = sum(1 for r in rest if agrees(r))
        P("  without the largest project (%s, %d slots): %d/%d = %.1f%%" % (
            big, len(byproj[big]), a, len(rest), 100.0 * a / max(1, len(rest))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="See the module docstring for the matching rules.")
    ap.add_argument("projects", nargs="*", help="project names (CBench spelling or RBench spelling)")
    ap.add_argument("--crust", default=os.environ.get("CRUST_BENCH", "/tmp/crust/datasets/CRUST_bench"),
                    help="CRUST-bench's datasets/CRUST_bench folder (CBench and RBench); bench/crust-bench.py tells how to get it")
    ap.add_argument("--oxidize", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".build", "release", "oxidize"))
    ap.add_argument("-j", type=int, default=1, help="projects analysed in parallel")
    ap.add_argument("--json", help="write all rows and per-project stats here")
    ap.add_argument("--reports", help="directory to save oxidize reports in")
    ap.add_argument("--reuse", action="store_true", help="reuse reports saved in --reports")
    ap.add_argument("--workdir", default=None, help="where header-only stubs are written")
    ap.add_argument("--timeout", type=int, default=900)
    ap.add_argument("--max-list", type=int, default=100000,
                    help="print at most N disagreements")
    args = ap.parse_args()
    args.oxidize = os.path.abspath(args.oxidize)
    if args.workdir is None:
        args.workdir = tempfile.mkdtemp(prefix="ia-stubs-")
    cb = os.path.join(args.crust, "CBench")
    rb = os.path.join(args.crust, "RBench")
    if not os.path.isdir(cb) or not os.path.isdir(rb):
        sys.exit("CRUST-bench not found under %s" % args.crust)
    rmap = {norm_project(d): d for d in os.listdir(rb)}
    projects = []
    for d in sorted(os.listdir(cb)):
        k = norm_project(d)
        if k in rmap:
            projects.append((d, os.path.join(cb, d), os.path.join(rb, rmap[k])))
    if args.projects:
        want = {norm_project(p) for p in args.projects}
        projects = [p for p in projects if norm_project(p[0]) in want]
        missing = want - {norm_project(p[0]) for p in projects}
        if missing:
            print("unknown projects: %s" % ", ".join(sorted(missing)), file=sys.stderr)
    results = []
    with cf.ThreadPoolExecutor(max_workers=max(1, args.j)) as ex:
        futs = {ex.submit(process, args, p, c, r): p for p, c, r in projects}
        for fu in cf.as_completed(futs):
            results.append(fu.result())
            print("done %-45s (%d/%d)" % (futs[fu], len(results), len(projects)),
                  file=sys.stderr)
    results.sort(key=lambda x: x[0]["project"])
    allrows = [r for _, rows in results for r in rows]
    stats = [s for s, _ in results]
    report(args, stats, allrows)
    # A bug of this script on a project is no measurement: say so on stderr and fail, so that a
    # rate computed without the project is never taken for the whole benchmark's.
    broken = [s for s in stats if s.get("traceback")]
    for s in broken:
        print("interface-agreement.py: script error on %s:\n%s" % (s["project"], s["traceback"]), file=sys.stderr)
    if broken:
        sys.exit("interface-agreement.py: %d project(s) dropped by a script error (above); the rates do not cover them"
                 % len(broken))


def report(args, stats, rows):
    P = print
    failed = [s for s in stats if s["error"]]
    ok = [s for s in stats if not s["error"]]
    P("# interface agreement: oxidize vs CRUST-bench human Rust interfaces")
    P("projects: %d analysed, %d failed" % (len(ok), len(failed)))
    for s in failed:
        P("  FAILED %-40s %s" % (s["project"], s["error"]))
    partial = [s for s in ok if s.get("c_info", {}).get("file_failures")]
    for s in partial:
        ff = s["c_info"]["file_failures"]
        P("  partial %-39s %d C file(s) failed (%s), e.g. %s: %s" % (
            s["project"], len(ff), s["c_info"].get("mode", "?"), ff[0][0], ff[0][1][:110]))
    rp = [s for s in ok if s.get("rust_parse_errors")]
    for s in rp:
        P("  rust-parse %-36s %s" % (s["project"], s["rust_parse_errors"][0]))
    stubs = [s["project"] for s in ok if s.get("c_info", {}).get("stub")]
    if stubs:
        P("header-only (stub .c): %s" % ", ".join(stubs))
    cfn = sum(s.get("c_functions", 0) for s in ok)
    rfn = sum(s.get("rust_functions", 0) for s in ok)
    paired = sum(s.get("paired", 0) for s in ok)
    tiers = Counter()
    for s in ok:
        tiers.update(s.get("tiers", {}))
    P("functions: %d C, %d Rust, %d paired (%s)" % (
        cfn, rfn, paired, ", ".join("%s %d" % (k, tiers[k]) for k in sorted(tiers))))
    P("C pointer slots in unpaired C functions (not compared): %d" %
      sum(s.get("unpaired_c_slots", 0) for s in ok))
    st = Counter(r["status"] for r in rows)
    P("slots of paired functions: %d = compared %d + reshaped %d + human 'other' %d + fn pointers %d"
      % (len(rows), st["compared"], st["reshaped"], st["other"], st["fnptr"]))
    rs = Counter()
    for r in rows:
        if r["status"] == "reshaped":
            note = r["note"] or ""
            key = ("arity differs" if note.startswith("arity") else
                   "no Rust return" if "no Rust return" in note else
                   re.sub(r"^(name|position|receiver); ", "", note))
            key = re.sub(r"scalar \w+", "scalar", key)
            key = re.sub(r"type mismatch.*", "type mismatch", key)
            key = re.sub(r"^(Option|Result)<(.*)>$", r"\2", key)
            rs[key] += 1
    P("reshaped by reason: " + ", ".join("%s %d" % kv for kv in rs.most_common()))
    comp = [r for r in rows if r["status"] == "compared"]
    cm = Counter((r["ox_class"], r["human_class"]) for r in comp)
    rowk = CLASSES + (["value"] if any(r["ox_class"] == "value" for r in comp) else [])
    P("")
    P(matrix_text("class: oxidize (rows) vs human (columns)", rowk, CLASSES, cm))
    agree = sum(cm[(c, c)] for c in CLASSES)
    P("class agreement: %d/%d = %.1f%%" % (agree, len(comp), 100.0 * agree / max(1, len(comp))))
    spread(P, comp, lambda r: r["ox_class"] == r["human_class"], "projects with compared slots")
    for kind in ("param", "return"):
        sub = [r for r in comp if (r["slot"] == "<return>") == (kind == "return")]
        a = sum(1 for r in sub if r["ox_class"] == r["human_class"])
        P("  %ss: %d/%d = %.1f%%" % (kind, a, len(sub), 100.0 * a / max(1, len(sub))))
    oth = Counter(r["ox_class"] for r in rows if r["status"] == "other")
    if oth:
        P("  (human 'other' slots by oxidize class: %s)" % dict(oth))
    mrows = [r for r in comp if r["human_mut"] is not None]
    mm = Counter(("mut" if r["ox_mut"] else "immut", "mut" if r["human_mut"] else "immut")
                 for r in mrows)
    P("")
    P(matrix_text("mutability (slots where the human type has one): oxidize (rows) vs human",
                  ["immut", "mut"], ["immut", "mut"], mm))
    ma = mm[("immut", "immut")] + mm[("mut", "mut")]
    P("mutability agreement: %d/%d = %.1f%%" % (ma, len(mrows), 100.0 * ma / max(1, len(mrows))))
    spread(P, mrows, lambda r: r["ox_mut"] == r["human_mut"], "projects")
    both = [r for r in mrows if r["ox_class"] == r["human_class"]]
    b = sum(1 for r in both if r["ox_mut"] == r["human_mut"])
    P("  over slots whose class also agrees: %d/%d = %.1f%%" % (b, len(both), 100.0 * b / max(1, len(both))))
    P("")
    P("per project (compared slots, class agreement, mutability agreement):")
    byp = defaultdict(list)
    for r in comp:
        byp[r["project"]].append(r)
    for s in ok:
        rr = byp.get(s["project"], [])
        ca = sum(1 for r in rr if r["ox_class"] == r["human_class"])
        mr = [r for r in rr if r["human_mut"] is not None]
        ma2 = sum(1 for r in mr if r["ox_mut"] == r["human_mut"])
        P("  %-42s fns %3d/%-3d slots %4d  class %4d  mut %4d/%-4d" % (
            s["project"], s.get("paired", 0), s.get("c_functions", 0), len(rr), ca, ma2, len(mr)))
    dis = [r for r in comp if r["ox_class"] != r["human_class"]
           or (r["human_mut"] is not None and r["ox_mut"] != r["human_mut"])]
    P("")
    P("disagreements (%d; class and/or mutability):" % len(dis))
    for r in dis[:args.max_list]:
        what = []
        if r["ox_class"] != r["human_class"]:
            what.append("class")
        if r["human_mut"] is not None and r["ox_mut"] != r["human_mut"]:
            what.append("mut")
        P("  [%s] %s %s:%s %s %s | ox %s%s %s | human %s%s %s | %s" % (
            "+".join(what), r["project"], r["c_file"], r["c_line"], r["function"], r["slot"],
            r["ox_class"], "(mut)" if r["ox_mut"] else "", r["ox_rust"],
            r["human_class"], {True: "(mut)", False: "", None: "(mut n/a)"}[r["human_mut"]],
            r["human_type"], r["c_type"]))
    P("")
    P("reshaped slots (%d):" % st["reshaped"])
    for r in [r for r in rows if r["status"] == "reshaped"][:args.max_list]:
        P("  %s %s %s | C %s | ox %s | human %s | %s" % (
            r["project"], r["function"], r["slot"], r["c_type"], r["ox_class"],
            r["human_type"], r["note"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"projects": stats, "rows": rows}, f, indent=1)


if __name__ == "__main__":
    main()
