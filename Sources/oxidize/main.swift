import ArgumentParser
import Foundation

// Usage errors exit with 2 (not ArgumentParser's 64), like input errors.
do {
    let (ours, clang) = ClangArguments.split(Array(CommandLine.arguments.dropFirst()))
    ClangArguments.value = clang
    var command = try Oxidize.parseAsRoot(ours)
    try command.run()
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
