import CClang
import CStackGuard
import CModel
import CSyntax
import Foundation

/// Converts and disposes a CXString in one place.
@inline(__always)
func consume(_ s: CXString) -> String {
    defer { clang_disposeString(s) }
    guard let c = clang_getCString(s) else { return "" }
    return String(cString: c)
}

/// libclang's version string, e.g. "Debian clang version 19.1.7 (3)".
public func clangVersion() -> String { consume(clang_getClangVersion()) }

/// Owns one CXIndex; parses translation units into `CModel.TranslationUnit`.
public final class ClangIndex {
    private let index: CXIndex

    /// Create on the thread that parses with it: the thread gets the stack-exhaustion guard.
    /// Threads that parse must be made with `stackSize` (the guard needs to know their stack).
    public init(stackSize: Int = 1 << 29) {
        Self.processSetUp
        index = clang_createIndex(0, 0)
        Self.faultHandler
        // The lowest address of this thread's stack, from a local's address and the size it
        // was made with (this frame is within a page or two of the top).
        var here = 0
        let top = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
        oxidize_guard_thread(top > UInt(stackSize) ? top - UInt(stackSize) + 65536 : 0)
    }

    /// libclang parses on the calling thread (made with a deep stack and the guard) instead of
    /// a helper thread of its own with 8 MB of stack and no guard.
    private static let processSetUp: Void = { setenv("LIBCLANG_NOTHREADS", "1", 1) }()
    /// After the first index: libclang's crash recovery has installed its handlers by then.
    private static let faultHandler: Void = { oxidize_install_fault_handler() }()
    deinit { clang_disposeIndex(index) }

    /// Parses `path` with the given clang arguments and lowers it into the compact model.
    /// Errors (unreadable input, parse errors, missing headers) come back as `InputError`s.
    /// With `share` k of n, only the function bodies dealt to share k are lowered (see
    /// `TranslationUnit.share`); the unit's errors are reported by share 0 alone.
    public func parse(path: String, arguments: [String], share: Int = 0, of shareCount: Int = 1) -> Result<TranslationUnit, ParseFailure> {
        withUnit(path: path, arguments: arguments) { tu in
            let t0 = DispatchTime.now().uptimeNanoseconds
            let walker = CursorWalker(unit: tu, mainFile: path, share: Int32(share), of: Int32(shareCount))
            var model = walker.run()
            model.inputs = Self.inclusions(of: tu)
            if ProcessInfo.processInfo.environment["OXIDIZE_TIMINGS"] != nil {
                FileHandle.standardError.write(Data("oxidize: walk \(path) \(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9) s, \(model.nodes.count) nodes\n".utf8))
            }
            return model
        }.mapError { ParseFailure(errors: share == 0 ? $0.errors : []) }
    }

    /// For `translate`: parses `path` once and lowers it twice, into the compact model the
    /// analysis reads and into the complete syntax tree the faithful tier reads.
    public func parseForTranslation(path: String, arguments: [String]) -> Result<(TranslationUnit, Program), ParseFailure> {
        withUnit(path: path, arguments: arguments) { tu in
            var model = CursorWalker(unit: tu, mainFile: path).run()
            model.inputs = Self.inclusions(of: tu)
            return (model, SyntaxBuilder(unit: tu, mainFile: path).run())
        }
    }

    /// Checks the input, parses it and hands the unit to `lower` when clang reported no error;
    /// the unit is disposed of afterwards.
    private func withUnit<T>(path: String, arguments: [String], _ lower: (CXTranslationUnit) -> T) -> Result<T, ParseFailure> {
        if let problem = InputCheck.problem(with: path) { return .failure(ParseFailure(errors: [problem])) }
        // What gcc accepts with a warning, clang 16 and later reject by default: implicit
        // function declarations and `int`, int/pointer and incompatible pointer conversions.
        // Real projects build with gcc, so these are warnings here too (before the user's
        // arguments, which may make them errors again).
        var args = ["-Wno-error=implicit-function-declaration", "-Wno-error=implicit-int", "-Wno-error=int-conversion",
                    "-Wno-error=incompatible-pointer-types", "-Wno-error=return-type"] + arguments
        // Deeply nested but valid C must still parse (clang's default limit is 256).
        if !args.contains(where: { $0.hasPrefix("-fbracket-depth") }) { args.append("-fbracket-depth=8192") }
        // Only errors are reported (warnings are not errors here), so clang need not compute
        // warnings: -w saves about a tenth of the parse. Errors, including warnings that are
        // errors by default (implicit function declarations in C99), still come.
        args.append("-w")
        var unit: CXTranslationUnit?
        oxidize_set_parsing("\(path.oneLine):1:1: error: the C is nested too deeply to parse (the parser ran out of stack); oxidize refuses it\n")
        defer { oxidize_set_parsing(nil) }
        let code: CXErrorCode = withCStrings(args) { argv in
            clang_parseTranslationUnit2(index, path, argv, Int32(args.count), nil, 0,
                                        CXTranslationUnit_None.rawValue, &unit)
        }
        guard code == CXError_Success, let tu = unit else {
            return .failure(ParseFailure(errors: [InputError(file: path, message: "clang could not parse the file (libclang error \(code.rawValue)); check the arguments after --")]))
        }
        defer { clang_disposeTranslationUnit(tu) }
        let errors = Self.errors(of: tu, path: path)
        if !errors.isEmpty { return .failure(ParseFailure(errors: errors)) }
        return .success(lower(tu))
    }

    /// Every file the unit read, as real paths, sorted.
    private static func inclusions(of tu: CXTranslationUnit) -> [String] {
        final class Box { var files: Set<String> = [] }
        let box = Box()
        clang_getInclusions(tu, { file, _, _, data in
            guard let file, let data else { return }
            let b = Unmanaged<Box>.fromOpaque(data).takeUnretainedValue()
            var name = consume(clang_File_tryGetRealPathName(file))
            if name.isEmpty { name = consume(clang_getFileName(file)) }
            b.files.insert(name)
        }, Unmanaged.passUnretained(box).toOpaque())
        return box.files.sorted()
    }

    private static func errors(of tu: CXTranslationUnit, path: String) -> [InputError] {
        var out: [InputError] = []
        let n = clang_getNumDiagnostics(tu)
        for i in 0..<n {
            guard let d = clang_getDiagnostic(tu, i) else { continue }
            defer { clang_disposeDiagnostic(d) }
            let sev = clang_getDiagnosticSeverity(d)
            guard sev == CXDiagnostic_Error || sev == CXDiagnostic_Fatal else { continue }
            var file: CXFile?
            var line: UInt32 = 0, col: UInt32 = 0
            clang_getSpellingLocation(clang_getDiagnosticLocation(d), &file, &line, &col, nil)
            let name = file.map { consume(clang_getFileName($0)) } ?? path
            out.append(InputError(file: name.isEmpty ? path : name, line: Int(line), column: Int(col),
                                  message: consume(clang_getDiagnosticSpelling(d))))
        }
        return out
    }
}

public struct ParseFailure: Error, Sendable {
    public var errors: [InputError]
}

func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buf in
        buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(buf.count, 1)) { body($0) }
    }
}

/// Checks a path before clang sees it, so that bad input gets one clear line.
enum InputCheck {
    static func problem(with path: String) -> InputError? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            return InputError(file: path, message: "no such file")
        }
        if isDir.boolValue { return InputError(file: path, message: "is a directory, not a C source file (use -p BUILD_DIR for projects)") }
        // A FIFO or a device would be read forever (or twice, by two readers): C comes from files.
        var st = stat()
        if stat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
            let what = (st.st_mode & S_IFMT) == S_IFIFO ? "a FIFO" : (st.st_mode & S_IFMT) == S_IFSOCK ? "a socket" : "a device"
            return InputError(file: path, message: "is \(what), not a regular file; save the C to a file first")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return InputError(file: path, message: "cannot be read (permission denied)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65536)) ?? Data()
        if head.contains(0) { return InputError(file: path, message: "is a binary file, not C source") }
        return nil
    }
}
