#!/usr/bin/env bash
# Runs the test suite. The tests run oxidize as a user does, hundreds of times (csmith programs,
# the corpus): they use a release build of it, built here first; the tests' programs run side by
# side (Tests/OxidizeTests/Spawn.swift). Extra arguments go to `swift test` (--filter NAME).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product oxidize
export OXIDIZE_BIN="$PWD/.build/release/oxidize"
exec swift test --disable-swift-testing "$@"
