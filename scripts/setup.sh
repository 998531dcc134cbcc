#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test oxidize, then builds it.
# Idempotent: packages already present are not reinstalled.
set -euo pipefail
packages=(libclang-19-dev clang-19 clang-tools-19 libzmq3-dev librust-zmq-dev csmith libcsmith-dev dpkg-dev cmake)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "setup: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
# The JSON-schema test uses Python's jsonschema.
if ! python3 -c "import jsonschema" 2>/dev/null; then
  echo "setup: installing python jsonschema" >&2
  python3 -m pip install -q jsonschema 2>/dev/null || {
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-jsonschema >/dev/null; }
fi
# `oxidize translate` is checked by compiling its output: rustc and cargo (Debian's, when no
# toolchain is on PATH or in ~/.cargo/bin; the emitted Rust builds with Debian's rustc 1.63).
if ! command -v rustc >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/rustc" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  echo "setup: installing rustc cargo rustfmt" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq rustc cargo rustfmt >/dev/null
fi
