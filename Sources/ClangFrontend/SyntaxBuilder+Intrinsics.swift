import CClang
import CSyntax

// SSE/AVX intrinsics written as macros (`_mm_shuffle_epi32(a, 3)`, `_mm_slli_si128(x, 4)`)
// reach the AST only as their expansion: builtins on the header's internal vector types, which
// have no Rust form. The expansion is recognised by where its tokens come from (spelled in a
// system header, expanded at one point of the user's file, under a macro named `_mm...`) and
// kept as the macro's name and the caller's arguments: the subexpressions spelled in the user's
// file (or expanded from another macro written inside an argument), in the order written.
extension SyntaxBuilder {
    func intrinsicMacro(_ c: CXCursor) -> (name: String, arguments: [CXCursor])? {
        guard usesIntrinsics, let point = expansionPoint(clang_getCursorLocation(c)),
              let name = identifier(in: point.file, at: point.offset), name.hasPrefix("_mm") else { return nil }
        // The whole expression is the invocation `NAME(...)` (not `NAME(...) + x`, whose first
        // token also comes from the macro): its extent, in the file, ends at the invocation's `)`.
        var file: CXFile?
        var from: UInt32 = 0, to: UInt32 = 0
        let extent = clang_getCursorExtent(c)
        clang_getFileLocation(clang_getRangeStart(extent), &file, nil, nil, &from)
        clang_getFileLocation(clang_getRangeEnd(extent), nil, nil, nil, &to)
        guard from == point.offset, let close = writtenArguments(in: point.file, at: Int(from))?.close, close + 1 == Int(to) else { return nil }
        var found: [(offset: UInt32, cursor: CXCursor)] = []
        var seen = Set<UInt32>()
        func collect(_ x: CXCursor) {
            for ch in expressionChildren(x) {
                // Where the token is in the user's file: the macro's own tokens are at its name
                // (their arguments are further down); an argument's, including a macro written
                // in an argument (`_MM_HINT_T0`), where the argument is written.
                var file: CXFile?
                var offset: UInt32 = 0
                clang_getFileLocation(clang_getCursorLocation(ch), &file, nil, nil, &offset)
                if offset == point.offset, let file, clang_File_isEqual(file, point.file) != 0 {
                    collect(ch)
                } else if seen.insert(offset).inserted {
                    found.append((offset, ch))
                }
            }
        }
        collect(c)
        return (name, found.sorted { $0.offset < $1.offset }.map(\.cursor))
    }

    /// For a token spelled in a system header and expanded in a file that is not one: where
    /// in that file the macro was expanded. nil for anything else (a token the user wrote).
    private func expansionPoint(_ l: CXSourceLocation) -> ExpansionPoint? {
        var spelled: CXFile?
        clang_getSpellingLocation(l, &spelled, nil, nil, nil)
        guard let spelled, isSystem(spelled) else { return nil }
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getFileLocation(l, &file, nil, nil, &offset)
        guard let file, !isSystem(file) else { return nil }
        return ExpansionPoint(file: file, offset: offset)
    }

    private struct ExpansionPoint: Equatable {
        var file: CXFile
        var offset: UInt32
        static func == (a: Self, b: Self) -> Bool { a.offset == b.offset && clang_File_isEqual(a.file, b.file) != 0 }
    }

    private func isSystem(_ f: CXFile) -> Bool {
        if let known = systemFiles[f] { return known }
        let answer = clang_Location_isInSystemHeader(clang_getLocationForOffset(unit, f, 0)) != 0
        systemFiles[f] = answer
        return answer
    }

    /// The identifier that starts at `offset` in the file as clang holds it.
    private func identifier(in f: CXFile, at offset: UInt32) -> String? {
        var size = 0
        guard let buffer = clang_getFileContents(unit, f, &size), Int(offset) < size else { return nil }
        var end = Int(offset)
        while end < size, Self.isIdentifierByte(UInt8(bitPattern: buffer[end])) { end += 1 }
        guard end > Int(offset) else { return nil }
        let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(buffer).advanced(by: Int(offset)), count: end - Int(offset))
        return String(decoding: bytes, as: UTF8.self)
    }
}
