// libclang's C API from Debian's LLVM 19 (found through -I/usr/lib/llvm-19/include,
// set in Package.swift). Only the ClangFrontend target imports this module.
#include <clang-c/Index.h>
#include <clang-c/CXCompilationDatabase.h>

