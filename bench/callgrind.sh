#!/bin/bash
# Instruction counts (valgrind --tool=callgrind) of one step on a generated
# chain: load-independent figures, so a regression shows even on a busy
# machine. Only the step's own function is counted (--toggle-collect).
#   bench/callgrind.sh [--flows N] [--cycles] [--step analyze|import|save|open|report]
#                      [--bin-dir BUILD/bench] [--keep FILE] [--national]
# --national: the report step writes the national layout (legend codes) whatever
# the chain's size, so the two layouts can be compared at 10 000 flows.
# Prints the total instructions (Ir) and the most expensive functions
# (inclusive). docs/performance.md keeps the totals for 10 000 and 85 000 flows.
set -euo pipefail

flows=85000
cycles=""
step=analyze
keep=""
pipeline_args=()
here="$(cd "$(dirname "$0")" && pwd)"
bin_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --cycles) cycles="--cycles"; shift ;;
    --step) step="$2"; shift 2 ;;
    --bin-dir) bin_dir="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    --national) pipeline_args=(--national-layout-flows 0); shift ;;
    *) echo "callgrind.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$bin_dir" ]; then
  for d in "$here/../build-bench/bench" "$here/../build/bench"; do
    [ -x "$d/traza-pipeline" ] && bin_dir="$d" && break
  done
fi
[ -x "$bin_dir/traza-pipeline" ] || { echo "callgrind.sh: build traza-pipeline first (-DTRAZA_BENCH=ON) or pass --bin-dir" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "callgrind.sh: needs valgrind (Debian package valgrind)" >&2; exit 2; }
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

case "$step" in
  analyze) fn='traza::risk::analyze(*'; input=traza; steps=analyze ;;
  open)    fn='traza::model::ProjectStore::open(*'; input=traza; steps=open ;;
  report)  fn='traza::reports::writeReport(*'; input=traza; steps=report ;;
  import)  fn='traza::model::projectFromJson(*'; input=json; steps=import ;;
  save)    fn='traza::model::ProjectStore::save(*'; input=json; steps=save ;;
  *) echo "callgrind.sh: unknown step $step" >&2; exit 2 ;;
esac

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chain="$work/chain.$input"
"$bin_dir/traza-genchain" --flows "$flows" $cycles -o "$chain" 2>/dev/null
out="${keep:-$work/callgrind.out}"
# The analysis runs part of its work on a second thread (risk/analysis.cpp):
# that thread's function is counted too, so the total is the work of both.
extra=()
[ "$step" = analyze ] && extra=(--toggle-collect='std::thread::_State_impl<*')
valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="$fn" "${extra[@]}" \
  "$bin_dir/traza-pipeline" "$chain" --out-dir "$work" --steps "$steps" "${pipeline_args[@]}" >/dev/null 2>"$work/valgrind.log"
callgrind_annotate --inclusive=yes --threshold=100 "$out" >"$work/annotated.txt" 2>/dev/null
total=$(awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }' "$work/annotated.txt")
echo "step: $step, chain: $flows flows ${cycles:+(with cycles)}"
echo "instructions (Ir): $total"
echo "most expensive Traza functions (inclusive Ir, share of the step):"
awk '/file:function/ { on = 1; next }
     on && /%\)  [^ ]*traza::/ {
       f = $0; sub(/^.*%\)  */, "", f); sub(/^[^:]*:/, "", f); gsub(/\(anonymous namespace\)/, "{anon}", f)
       sub(/\(.*/, "", f); pct = $0; sub(/^[^(]*\( */, "", pct); sub(/\).*/, "", pct)
       if (++n > 1 && n <= 16) printf "%15s %7s  %s\n", $1, pct, f }' "$work/annotated.txt"
echo "allocation (operator new, inclusive):"
awk '/:operator new\(unsigned long\)/ && !done { print $1, $2; done = 1 }' "$work/annotated.txt"
