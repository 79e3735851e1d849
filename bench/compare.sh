#!/bin/bash
# Side by side: Traza's full analysis (C++) and the same core analysis in
# Python + networkx (bench/networkx_analysis.py) on one generated chain, in
# the same run. Prints both times and their ratio; with traza-cli present the
# Python figures are also checked against `traza-cli analyze --json`.
#   bench/compare.sh [--flows N] [--cycles] [--runs R] [--bin-dir BUILD/bench]
# Times are the best of R runs of each (default 3). Needs /usr/bin/python3
# with networkx (Debian python3-networkx).
set -euo pipefail

flows=85000
cycles=""
runs=3
here="$(cd "$(dirname "$0")" && pwd)"
bin_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --cycles) cycles="--cycles"; shift ;;
    --runs) runs="$2"; shift 2 ;;
    --bin-dir) bin_dir="$2"; shift 2 ;;
    *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$bin_dir" ]; then
  for d in "$here/../build-bench/bench" "$here/../build/bench"; do
    [ -x "$d/traza-pipeline" ] && bin_dir="$d" && break
  done
fi
[ -x "$bin_dir/traza-pipeline" ] || { echo "compare.sh: build traza-pipeline first (-DTRAZA_BENCH=ON) or pass --bin-dir" >&2; exit 2; }
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chain="$work/chain.json"
"$bin_dir/traza-genchain" --flows "$flows" $cycles -o "$chain" 2>/dev/null

best() { sort -g | head -1; }
cpp_wall=(); cpp_cpu=(); py_wall=(); py_cpu=()
for _ in $(seq "$runs"); do
  read -r w c < <("$bin_dir/traza-pipeline" "$chain" --out-dir "$work" --steps analyze |
                  awk -F'\t' '$1=="analyze" { print $2, $4 }')
  cpp_wall+=("$w"); cpp_cpu+=("$c")
  read -r w c < <(/usr/bin/python3 "$here/networkx_analysis.py" "$chain" |
                  /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["analysis_ms"], d["analysis_cpu_ms"])')
  py_wall+=("$w"); py_cpu+=("$c")
done
cw=$(printf '%s\n' "${cpp_wall[@]}" | best); cc=$(printf '%s\n' "${cpp_cpu[@]}" | best)
pw=$(printf '%s\n' "${py_wall[@]}" | best); pc=$(printf '%s\n' "${py_cpu[@]}" | best)

# Same figures? (traza-cli analyze --json, when it is built next to us)
cli="$bin_dir/../cli/traza-cli"
check="not checked (traza-cli not built)"
if [ -x "$cli" ]; then
  "$cli" analyze "$chain" --json >"$work/analysis.json"
  diffs=$(/usr/bin/python3 "$here/networkx_analysis.py" "$chain" --check "$work/analysis.json" |
          /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["differences"])') || true
  check="$diffs differences in flow shares, dominators and traceability"
fi

echo "chain: $flows flows ${cycles:+(with cycles)}; best of $runs runs; wall ms (CPU ms)"
echo "traza (C++, full analysis):         $cw ($cc)   [${cpp_wall[*]}]"
echo "networkx (Python, core analysis):   $pw ($pc)   [${py_wall[*]}]"
awk -v pw="$pw" -v cw="$cw" -v pc="$pc" -v cc="$cc" 'BEGIN {
  if (cw > 0 && cc > 0) printf "ratio networkx / traza:             %.0fx wall, %.0fx CPU\n", pw / cw, pc / cc }'
echo "figures: $check"
[ "${check%% *}" = "0" ] || [ "${check#not}" != "$check" ]
