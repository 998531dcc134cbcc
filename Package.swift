// swift-tools-version:6.0
import PackageDescription
import Foundation

// Debian's LLVM 19. Headers and library come from the same LLVM: the Swift toolchain
// ships its own libclang, which must never be the one linked (see docs/architecture.md).
let llvmInclude = "/usr/lib/llvm-19/include"
let clangHeaders: [SwiftSetting] = [.unsafeFlags(["-Xcc", "-I\(llvmInclude)"])]
// The hot stages work on flat arrays they own alone; dynamic exclusivity checks cost ~10% there.
let hotLoop: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
// CI (.ci/run) sets OXIDIZE_WERROR=1: a warning in our own targets fails the build there, while a
// newer compiler's new deprecation does not break a user's build.
let strict: [SwiftSetting] = ProcessInfo.processInfo.environment["OXIDIZE_WERROR"] == nil ? [] : [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "oxidize",
    platforms: [.macOS(.v15)],   // Synchronization's Atomic and Mutex
    products: [
        .executable(name: "oxidize", targets: ["oxidize"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Stage 0: the libclang C API (system library, links libclang-19).
        .systemLibrary(name: "CClang", path: "Sources/CClang"),
        // The guard that turns a parser out of stack into an error message (C: a signal handler).
        .target(name: "CStackGuard"),
        // The compact C model every stage after the front end works on.
        .target(name: "CModel", swiftSettings: strict),
        // The complete typed C syntax tree the faithful translation tier reads.
        .target(name: "CSyntax", swiftSettings: strict),
        // The Rust syntax tree both translation tiers build, printed once.
        .target(name: "RustSyntax", swiftSettings: strict),
        // Front end: the only target that imports CClang.
        .target(name: "ClangFrontend", dependencies: ["CClang", "CStackGuard", "CModel", "CSyntax"],
                swiftSettings: clangHeaders + hotLoop + strict),
        // The catalog of findings (ids, severities, Rust rules) shared by the checker and reports.
        .target(name: "Diagnostics", swiftSettings: strict),
        // Ownership inference: pure Swift over CModel, library knowledge from model files.
        .target(name: "Ownership", dependencies: ["CModel"],
                resources: [.copy("Models")], swiftSettings: hotLoop + strict),
        // The checker: path-sensitive object-state walk per function, over CModel + Ownership.
        .target(name: "Checker", dependencies: ["CModel", "Diagnostics", "Ownership"], swiftSettings: hotLoop + strict),
        // Versioned report (Codable), formatters.
        .target(name: "Reporting", dependencies: ["CModel", "Diagnostics"], swiftSettings: strict),
        // The emitter: C model + ownership decisions + findings -> idiomatic Rust.
        .target(name: "Emitter", dependencies: ["CModel", "CSyntax", "RustSyntax", "Diagnostics", "Ownership"], swiftSettings: strict),
        // Orders the stages.
        .target(name: "Pipeline", dependencies: ["ClangFrontend", "CModel", "CSyntax", "Ownership", "Checker", "Diagnostics", "Reporting", "Emitter"],
                swiftSettings: clangHeaders + hotLoop + strict),
        .executableTarget(name: "oxidize", dependencies: [
            "Pipeline", "Reporting", "ClangFrontend", "CModel", "Diagnostics", "Emitter",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: clangHeaders + strict),
        .testTarget(name: "OxidizeTests", dependencies: ["Pipeline", "Ownership", "CModel", "Reporting", "Diagnostics", "Emitter", "oxidize"],
                    swiftSettings: clangHeaders + strict),
    ],
    swiftLanguageModes: [.v6]
)
