#!/usr/bin/env bash
# Fetches the source of the CAF release Debian installed (libcaf-dev) into
# DIR, for a ThreadSanitizer build of libcaf_core (tools/sanitizers/caf_core.cmake).
# Why: Debian's libcaf_core is not instrumented, so TSan cannot see the
# atomics that hand a message from one thread's send to another thread's
# actor, and reports every message as a race (733 reports in actors_tests).
#
# Only the upstream tarball is fetched (apt-get source --tar-only), through a
# private apt state: the machine's own apt sources, as deb-src, in DIR/apt.
# The system's apt configuration is not touched. Refuses a tarball whose core
# headers differ from the installed ones: the library must match the headers
# Parley compiles against.
set -euo pipefail

dir=${1:?usage: caf-source.sh DIR}
mkdir -p "$(dirname "$dir")"
dir="$(cd "$(dirname "$dir")" && pwd)/$(basename "$dir")"  # apt-get runs in another directory
if [ -f "$dir/libcaf_core/src/actor_system.cpp" ]; then exit 0; fi

pkg=$(dpkg-query -W -f='${source:Package}' libcaf-dev)
version=$(dpkg-query -W -f='${source:Version}' libcaf-dev)
upstream=${version%-*}
work="$dir.tmp"
rm -rf "$work"
mkdir -p "$work/apt/lists/partial" "$work/apt/parts"

# The machine's sources, as source entries (one-line and deb822 formats).
[ -f /etc/apt/sources.list ] && sed -n 's/^deb /deb-src /p' /etc/apt/sources.list >"$work/apt/parts/system.list"
for f in /etc/apt/sources.list.d/*.sources; do
  [ -f "$f" ] && sed 's/^Types: deb$/Types: deb-src/' "$f" >"$work/apt/parts/$(basename "$f")"
done
apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/apt/parts"
  -o "Dir::State::Lists=$work/apt/lists" -o APT::Sandbox::User=root)

echo "caf-source: fetching $pkg $upstream (the source of the installed libcaf-dev $version)"
apt-get "${apt_opts[@]}" -qq update
(cd "$work" && apt-get "${apt_opts[@]}" -qq source --tar-only "$pkg=$version" >/dev/null)
tar -xzf "$work/${pkg}_${upstream}.orig.tar.gz" -C "$work"
src="$work/$pkg-$upstream"
[ -d "$src" ] || src=$(find "$work" -maxdepth 1 -type d -name "*-$upstream" | head -1)

inc=$(dirname "$(dpkg -L libcaf-dev | grep '/caf/all.hpp$')")
# Headers only in the installed tree (io, openssl, the generated build_config.hpp) are fine.
differ=$(diff -rq "$src/libcaf_core/caf" "$inc" | grep -v "^Only in $inc" || true)
if [ -n "$differ" ]; then
  echo "caf-source: the tarball's core headers differ from the installed ones:" >&2
  echo "$differ" >&2
  exit 1
fi
rm -rf "$dir"
mv "$src" "$dir"
rm -rf "$work"
