import CClang
import CSyntax

// `_Generic(x, int: a, double: b, default: c)`: clang has picked the association, but libclang
// does not say which; its children are the controlling expression and every association's
// expression, in order. The association types are read from the source as written (`unsigned
// long`, `const char *`, a typedef name) and compared with the controlling expression's type
// after C's lvalue conversion (arrays and functions decay to pointers). A type it cannot read
// makes the selection refused, never guessed.
extension SyntaxBuilder {
    func genericSelection(_ c: CXCursor) -> CXCursor? {
        let parts = expressionChildren(c)
        guard parts.count >= 2 else { return nil }
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getSpellingLocation(clang_getCursorLocation(c), &file, nil, nil, &offset)
        guard let file, let names = associationTypeNames(in: file, at: Int(offset)), names.count == parts.count - 1 else { return nil }
        let wanted = decayed(type(clang_getCursorType(parts[0])))
        var fallback: CXCursor?
        for (i, name) in names.enumerated() {
            if name == "default" { fallback = parts[i + 1]; continue }
            guard let t = typeNamed(name) else { return nil }
            if t == wanted { return parts[i + 1] }
        }
        return fallback
    }

    private func decayed(_ t: CTy) -> CTy {
        switch t {
        case .array(let e, _): return .pointer(e, constPointee: false)
        case .function: return .pointer(t, constPointee: false)
        default: return t
        }
    }

    /// The association types of the `_Generic(` at `offset`, as written (`default` for the
    /// default association).
    private func associationTypeNames(in f: CXFile, at offset: Int) -> [String]? {
        guard let parts = writtenArguments(in: f, at: offset)?.parts, parts.count >= 2 else { return nil }
        return parts.dropFirst().map { s in
            guard let colon = s.firstIndex(of: ":") else { return "" }
            return s[..<colon].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).joined(separator: " ")
        }
    }

    /// A type written as C spells it: the basic types in any order of their keywords, a typedef
    /// seen earlier, then `*`s with their qualifiers. nil for anything else.
    func typeNamed(_ spelled: String) -> CTy? {
        var words: [String] = []
        var word = ""
        for ch in spelled {
            if ch.isLetter || ch.isNumber || ch == "_" { word.append(ch); continue }
            if !word.isEmpty { words.append(word); word = "" }
            if ch == "*" { words.append("*") }
        }
        if !word.isEmpty { words.append(word) }
        let qualifiers: Set<String> = ["const", "volatile", "restrict", "__restrict", "_Atomic"]
        let firstStar = words.firstIndex(of: "*") ?? words.count
        let base = words[..<firstStar]
        let constBase = base.contains("const")
        let keywords = base.filter { !qualifiers.contains($0) }
        var t: CTy
        if keywords.count == 1, let td = typedefs[keywords[0]] {
            t = type(clang_getTypedefDeclUnderlyingType(td))
        } else {
            guard let basic = Self.basicType(Array(keywords)) else { return nil }
            t = basic
        }
        // Each `*` makes a pointer to what is before it; `const` before the first one qualifies
        // the pointee, a `const` after a `*` the pointer itself (no part of the C type's
        // identity here: a qualified controlling value is unqualified first).
        var pointeeConst = constBase
        for w in words[firstStar...] {
            if w == "*" { t = .pointer(t, constPointee: pointeeConst); pointeeConst = false }
            else if w == "const" { pointeeConst = true }
            else if !qualifiers.contains(w) { return nil }
        }
        return t
    }

    static func basicType(_ words: [String]) -> CTy? {
        var counts: [String: Int] = [:]
        for w in words { counts[w, default: 0] += 1 }
        let unsigned = counts["unsigned"] != nil, signed = counts["signed"] != nil
        let longs = counts["long"] ?? 0
        let rest = Set(words).subtracting(["unsigned", "signed", "long", "int"])
        switch (rest, longs) {
        case ([], 0): return unsigned || signed || counts["int"] != nil ? .int(unsigned ? .uint : .int) : nil
        case ([], 1): return .int(unsigned ? .ulong : .long)
        case ([], 2): return .int(unsigned ? .ulonglong : .longlong)
        case (["short"], 0): return .int(unsigned ? .ushort : .short)
        case (["char"], 0) where counts["int"] == nil: return .int(unsigned ? .uchar : signed ? .schar : .char)
        case (["float"], 0) where !unsigned && !signed: return .float(.float)
        case (["double"], 0) where !unsigned && !signed: return .float(.double)
        case (["double"], 1) where !unsigned && !signed: return .float(.longDouble)
        case (["_Bool"], 0), (["bool"], 0): return .int(.bool)
        case (["void"], 0): return .void
        default: return nil
        }
    }
}
