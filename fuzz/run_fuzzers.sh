#!/usr/bin/env bash
# Bounded fuzz run: configures and builds the libFuzzer targets in BUILD, then
# runs each for SECONDS, TRAZA_FUZZ_JOBS of them at once (default 2). Fails
# (exit 1) on any crash, leak, sanitizer report, timeout or out-of-memory; the
# reproducer lands in BUILD/artifacts/<target>/ and belongs, once fixed, in
# tests/security/regressions/<target>/.
#
#   bash fuzz/run_fuzzers.sh SRC BUILD SECONDS [TARGET...]
#
# Seeds: fuzz/corpus/<target>/ and the saved reproducers. What the fuzzer
# learns stays in BUILD/corpus/<target>/, so later runs in the same BUILD
# continue where the last one stopped. Needs clang-14, libclang-rt-14-dev
# (libFuzzer and the sanitizer runtimes) and, for stack traces, llvm-14.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 SRC BUILD SECONDS [TARGET...]" >&2
  exit 2
fi
SRC=$(cd "$1" && pwd)
BUILD=$2
SECONDS_EACH=$3
shift 3
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(json_import csv_import project_open analyze xlsx_import questionnaire_answers tsv_paste server_location period_range server_object)

CC=${TRAZA_FUZZ_CC:-clang-14}
CXX=${TRAZA_FUZZ_CXX:-clang++-14}
mkdir -p "$BUILD"
BUILD=$(cd "$BUILD" && pwd)

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
  -DTRAZA_FUZZ=ON -DTRAZA_BUILD_GUI=OFF -DTRAZA_BUILD_TESTS=OFF -DTRAZA_UNITY=ON >/dev/null
cmake --build "$BUILD" --target fuzzers -j"${TRAZA_FUZZ_JOBS:-2}"

export TRAZA_DATA_DIR="$SRC/data"
# Sanitizer findings must stop the run so that libFuzzer saves the input.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# Readable stack traces on a machine where only llvm-14 provides the symbolizer.
if [ -z "${ASAN_SYMBOLIZER_PATH:-}" ] && [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then
  export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer
fi

# One target per core at a time: each still gets SECONDS of one core, and the
# run takes half the wall time on CI's two cores (it was 9 x 45 s one after another).
JOBS=${TRAZA_FUZZ_JOBS:-2}
RESULTS="$BUILD/results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# Runs one target; writes its summary line to $RESULTS/<target>.ok or .failed.
fuzz_one() {
  local target=$1
  local fuzzer="$BUILD/fuzz/${target}_fuzzer"
  local work="$BUILD/corpus/$target"
  local artifacts="$BUILD/artifacts/$target"
  local log="$BUILD/logs/$target.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  local seeds=("$SRC/fuzz/corpus/$target")
  [ -d "$SRC/tests/security/regressions/$target" ] && seeds+=("$SRC/tests/security/regressions/$target")
  local dict=()
  local dictionary="$SRC/fuzz/$target.dict"
  [ "$target" = analyze ] && dictionary="$SRC/fuzz/json_import.dict"  # same input format
  [ "$target" = questionnaire_answers ] && dictionary="$SRC/fuzz/xlsx_import.dict"  # a workbook too
  [ -f "$dictionary" ] && dict=(-dict="$dictionary")
  local before after status=0
  before=$(find "$artifacts" -type f | wc -l)
  echo "==== fuzzing $target for ${SECONDS_EACH}s (log: $log)"
  "$fuzzer" "${dict[@]}" -max_total_time="$SECONDS_EACH" -detect_leaks=1 -timeout=60 -rss_limit_mb=2560 \
    -max_len=131072 -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "$work" "${seeds[@]}" >"$log" 2>&1 || status=$?
  after=$(find "$artifacts" -type f | wc -l)
  local runs rate line
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  line="$target: ${runs:-?} executions in ${SECONDS_EACH}s (${rate:-?}/s), exit $status"
  if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ] ||
     grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: ' "$log"; then
    echo "$line" >"$RESULTS/$target.failed"
  else
    echo "$line" >"$RESULTS/$target.ok"
  fi
}

for target in "${TARGETS[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
  fuzz_one "$target" &
done
wait

failed=()
echo "==== fuzz summary"
for target in "${TARGETS[@]}"; do
  if [ -f "$RESULTS/$target.failed" ]; then
    failed+=("$target")
    echo "  $(cat "$RESULTS/$target.failed")"
  elif [ -f "$RESULTS/$target.ok" ]; then
    echo "  $(cat "$RESULTS/$target.ok")"
  else
    failed+=("$target")
    echo "  $target: no result (the run did not finish)"
  fi
done
for target in "${failed[@]}"; do
  echo "---- $target FAILED; last lines of $BUILD/logs/$target.log:"
  tail -n 60 "$BUILD/logs/$target.log" 2>/dev/null || true
  ls -l "$BUILD/artifacts/$target" 2>/dev/null || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]}" >&2
  exit 1
fi
