#!/usr/bin/env bash
# Unpacks the Debian source of C projects for benchmarks and tests (nothing fetched is committed).
#
#   scripts/fetch-debian-source.sh DEST PACKAGE...      e.g. scripts/fetch-debian-source.sh ~/.cache/oxidize-sources bzip2 libcsv
#
# Prints the unpacked folder of each package, one per line. A package already under DEST is not
# fetched again. apt's deb-src index is kept in a private folder (the machine's apt configuration
# is not touched); the archive is the first one the machine's apt sources name.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 DEST PACKAGE..." >&2; exit 2; }
dest=$1; shift
mkdir -p "$dest"; dest=$(cd "$dest" && pwd)
command -v dpkg-source >/dev/null || { echo "$0: dpkg-source is missing (apt-get install dpkg-dev)" >&2; exit 1; }

lists=${XDG_CACHE_HOME:-$HOME/.cache}/oxidize/apt-source-lists
mkdir -p "$lists/state/partial" "$lists/sources"
archive=$(grep -hoE '^(URIs:[[:space:]]*|deb[[:space:]]+)(\[[^]]*\][[:space:]]+)?[^[:space:]]+' \
            /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
          | awk '{print $NF}' | grep -v -- '-security' | head -n 1 || true)
[ -n "$archive" ] || { echo "$0: no Debian archive in the apt configuration" >&2; exit 1; }
suite=$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")
printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
  "$archive" "$suite" > "$lists/sources/oxidize-src.sources"
apt=(apt-get -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$lists/sources"
     -o "Dir::State::Lists=$lists/state" -o APT::Sandbox::User=root)
if ! ls "$lists/state" | grep -q Sources; then
  "${apt[@]}" update -qq >&2 || { echo "$0: apt-get update failed (network?)" >&2; exit 1; }
fi
for package in "$@"; do
  found=$(find "$dest" -mindepth 1 -maxdepth 1 -type d -name "$package-[0-9]*" | sort | head -n 1)
  if [ -n "$found" ]; then echo "$found"; continue; fi
  scratch=$(mktemp -d "$dest/.fetching-$package.XXXXXX")
  if ! (cd "$scratch" && "${apt[@]}" source -qq "$package" >/dev/null 2>&1); then
    rm -rf "$scratch"; echo "$0: cannot fetch the source of $package" >&2; exit 1
  fi
  unpacked=$(find "$scratch" -mindepth 1 -maxdepth 1 -type d | head -n 1)
  mv "$unpacked" "$dest/"
  rm -rf "$scratch"
  echo "$dest/$(basename "$unpacked")"
done
