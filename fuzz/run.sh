#!/usr/bin/env bash
# Builds the fuzz targets (fuzz/CMakeLists.txt, clang) and runs each one after
# the other on its seed corpus for SECONDS seconds; fails if any finds a crash,
# a leak, a timeout or a sanitizer report. One line per target on stdout.
#   fuzz/run.sh [BUILD_DIR [SECONDS [TARGET…]]]     (make fuzz-smoke: 20 s each)
# FUZZ_CORPUS names the directory new inputs go to (BUILD_DIR/corpus by
# default, one subdirectory a target); FUZZ_FLAGS adds libFuzzer flags, e.g.
# "-jobs=1" (the fuzzer then runs in a child that logs to fuzz-0.log, which is
# appended to the target's log). Findings go to BUILD_DIR/findings/; fuzz/corpus/
# is only read, so the checkout stays clean.
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(realpath -m "${1:-build-fuzz}")
seconds=${2:-20}
shift $(($# > 2 ? 2 : $#))
out=$(realpath -m "${FUZZ_CORPUS:-$build/corpus}")
seeds=$(pwd)/fuzz/corpus
read -r -a flags <<<"${FUZZ_FLAGS:-}"

# A main build's trained models (PARLEY_MAIN_BUILD, build/ by default) are
# used as they are, when there are some, instead of training again here.
models=$(realpath -m "${PARLEY_MAIN_BUILD:-build}/brain/trained_models.cpp")
[ -f "$models" ] || models=""
if [ ! -f "$build/build.ninja" ]; then
  cmake -S fuzz -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DPARLEY_TRAINED_MODELS="$models" >/dev/null
fi
cmake --build "$build" -j "$(nproc)"
# FUZZ_BUILD_ONLY=1: the targets and the sanitizer suites built, nothing run
# (make check-sanitize-ci runs the suites from here).
[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0

targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets <"$build/targets.txt"
# Symbolised stacks for UBSan reports too; leaks are checked (libFuzzer's default).
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
mkdir -p "$build/findings" "$build/logs"
failed=()
printf '%-18s %12s %9s %7s %7s %6s\n' target execs exec/s cov ft corpus
for t in "${targets[@]}"; do
  mkdir -p "$out/$t" "$build/work/$t"
  rm -f "$build/work/$t"/fuzz-*.log
  log="$build/logs/$t.log"
  status=0
  (cd "$build/work/$t" && "$build/$t" -max_total_time="$seconds" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$build/findings/$t-" "${flags[@]}" "$out/$t" \
    "$seeds/$t") >"$log" 2>&1 || status=$?
  cat "$build/work/$t"/fuzz-*.log >>"$log" 2>/dev/null || true
  # The last status line: "#N DONE cov: C ft: F corp: K/…b … exec/s: E …".
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  field() { sed -nE "s/.* $1: ([0-9]+).*/\1/p" <<<"$last"; }
  execs=$(sed -nE 's/^stat::number_of_executed_units: +([0-9]+)/\1/p' "$log" | tail -n 1)
  rate=$(sed -nE 's/^stat::average_exec_per_sec: +([0-9]+)/\1/p' "$log" | tail -n 1)
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<<"$last")
  printf '%-18s %12s %9s %7s %7s %6s' "$t" "${execs:-?}" "${rate:-?}" "$(field cov)" \
    "$(field ft)" "${corp:-?}"
  if [ "$status" -ne 0 ]; then
    printf '  FAILED (exit %s, %s)\n' "$status" "$log"
    failed+=("$t")
  else
    printf '\n'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  for t in "${failed[@]}"; do
    echo "---- $t ($build/logs/$t.log)"
    grep -E -A12 'ERROR|runtime error|fuzz: |Assertion|SUMMARY' "$build/logs/$t.log" | head -n 40
  done
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}; reproducers in $build/findings/" >&2
  exit 1
fi
