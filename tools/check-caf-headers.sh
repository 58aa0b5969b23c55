#!/usr/bin/env bash
# CAF stays in actors/: no header outside it may reach a CAF header, directly
# or through what it includes (docs/ARCHITECTURE.md). Run by ctest as
# layers.caf_stays_in_actors. Usage: check-caf-headers.sh <c++ compiler> <source dir>
set -euo pipefail
cxx=${1:-c++}
root=${2:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$root"
bad=0
checked=0
while IFS= read -r header; do
  checked=$((checked + 1))
  if ! deps=$(echo "#include \"$header\"" | "$cxx" -std=gnu++17 -I"$root" -M -x c++ - 2>&1); then
    echo "cannot read the includes of $header:"
    echo "$deps" | head -5
    bad=1
    continue
  fi
  if grep -q "/caf/" <<<"$deps"; then
    echo "$header reaches CAF: $(grep -o '[^ ]*/caf/[^ ]*' <<<"$deps" | head -1)"
    bad=1
  fi
done < <(find . -name '*.hpp' -not -path './actors/*' -not -path './tests/*' -not -path './fuzz/*' \
           -not -path './build*' -not -path './web/*' -not -path './node_modules/*' | sed 's|^\./||' | sort)
echo "$checked headers outside actors/ checked"
exit $bad
