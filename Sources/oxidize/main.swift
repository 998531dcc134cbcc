import ArgumentParser
import Foundation

/// Runs the command and exits; usage errors exit with 2 (not ArgumentParser's 64), like input errors.
func runCommand() -> Never {
    do {
        var (ours, clang) = ClangArguments.split(Array(CommandLine.arguments.dropFirst()))
        ClangArguments.value = clang
        // A C file whose name starts with `-` (`-dash.c`) would read as options (`-h` among
        // them): an argument that names an existing C file is that file.
        ours = ours.map { a in
            a.hasPrefix("-") && [".c", ".h", ".i"].contains(where: a.hasSuffix) && FileManager.default.fileExists(atPath: a) ? "./" + a : a
        }
        var command = try Oxidize.parseAsRoot(ours)
        try command.run()
        // Everything is written; what is left at exit is libLLVM's and libclang's teardown of
        // state the process no longer needs. Skip it, as clang's own driver does.
        fflush(nil)   // every output stream (stdout is a C global Swift 6 will not touch)
        _exit(0)
    } catch let exit as ExitCode {
        Foundation.exit(exit.rawValue)
    } catch {
        let code = Oxidize.exitCode(for: error)
        let message = Oxidize.fullMessage(for: error)
        if code == .success {
            print(message)
            Foundation.exit(0)
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(2)
    }
}

// C nested thousands of levels deep needs more stack than a default thread has, both in
// clang's parser and in our recursive walk: parse on this process's own big-stack thread
// (LIBCLANG_NOTHREADS keeps libclang from moving the parse to an 8 MiB thread of its own).
setenv("LIBCLANG_NOTHREADS", "1", 1)
Interruption.install()
let worker = Thread { runCommand() }
worker.stackSize = 1 << 30
worker.start()
while true { sleep(1000) }
