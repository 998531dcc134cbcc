import CClang
import CModel
import Foundation

/// One translation unit of a project: what to parse and with which flags.
public struct CompileUnit: Sendable, Equatable {
    /// The source file, absolute.
    public var file: String
    /// The folder the compiler ran in.
    public var directory: String
    /// Flags for the front end (compiler, -c, -o and the file itself removed).
    public var arguments: [String]
}

/// `compile_commands.json` read through libclang's compilation-database API (like clang-tidy -p).
public enum CompilationDatabase {
    public static func load(buildDirectory: String) -> Result<[CompileUnit], InputError> {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: buildDirectory, isDirectory: &isDir), isDir.boolValue else {
            return .failure(InputError(file: buildDirectory, message: "is not a folder (-p takes the build folder holding compile_commands.json)"))
        }
        let json = (buildDirectory as NSString).appendingPathComponent("compile_commands.json")
        guard FileManager.default.fileExists(atPath: json) else {
            return .failure(InputError(file: json, message: "no such file (configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or use bear)"))
        }
        // libclang prints its YAML parser's complaints about broken JSON to stderr: checked first.
        guard let data = FileManager.default.contents(atPath: json) else {
            return .failure(InputError(file: json, message: "cannot be read"))
        }
        do {
            guard try JSONSerialization.jsonObject(with: data) is [Any] else {
                return .failure(InputError(file: json, message: "not a compilation database (a JSON array of {directory, file, command or arguments})"))
            }
        } catch {
            return .failure(InputError(file: json, message: "not valid JSON (truncated or damaged?): regenerate it with the build system"))
        }
        var err = CXCompilationDatabase_NoError
        guard let db = clang_CompilationDatabase_fromDirectory(buildDirectory, &err), err == CXCompilationDatabase_NoError else {
            return .failure(InputError(file: json, message: "cannot be read as a compilation database"))
        }
        defer { clang_CompilationDatabase_dispose(db) }
        guard let commands = clang_CompilationDatabase_getAllCompileCommands(db) else { return .success([]) }
        defer { clang_CompileCommands_dispose(commands) }
        var units: [CompileUnit] = []
        for i in 0..<clang_CompileCommands_getSize(commands) {
            let cmd = clang_CompileCommands_getCommand(commands, i)
            let dir = consume(clang_CompileCommand_getDirectory(cmd))
            var file = consume(clang_CompileCommand_getFilename(cmd))
            if !file.hasPrefix("/") { file = (dir as NSString).appendingPathComponent(file) }
            file = (file as NSString).standardizingPath
            var args: [String] = []
            for k in 0..<clang_CompileCommand_getNumArgs(cmd) { args.append(consume(clang_CompileCommand_getArg(cmd, k))) }
            units.append(CompileUnit(file: file, directory: dir, arguments: frontEndArguments(args, file: file, directory: dir)))
        }
        return .success(units)
    }

    /// Drops what a front end must not see: the compiler itself, -c, the output and dependency
    /// files, and the source file; relative paths keep working through -working-directory.
    static func frontEndArguments(_ args: [String], file: String, directory: String) -> [String] {
        var out: [String] = []
        var i = 1
        let withValue: Set<String> = ["-o", "-MF", "-MT", "-MQ"]
        while i < args.count {
            let a = args[i]
            if withValue.contains(a) { i += 2; continue }
            if a == "-c" || a == "-MD" || a == "-MMD" || a == "--" { i += 1; continue }
            let resolved = a.hasPrefix("/") ? a : (directory as NSString).appendingPathComponent(a)
            if (resolved as NSString).standardizingPath == file { i += 1; continue }
            out.append(a)
            i += 1
        }
        return out + ["-working-directory", directory]
    }
}
