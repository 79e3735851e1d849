#!/bin/bash
# Side by side, as a user runs them: Traza's full analysis (`traza-cli analyze
# CHAIN.json --json`, the JSON written to a file) and the same core analysis in
# Python + networkx (bench/networkx_analysis.py CHAIN.json) on one generated
# chain. Both are timed as whole processes by hyperfine (start-up, reading and
# parsing the chain JSON, the analysis and writing the result included), best
# of R runs; the Traza project file (.traza) is timed too. The Python figures
# are then checked against Traza's output.
#   bench/compare.sh [--flows N] [--cycles] [--runs R] [--bin-dir BUILD/bench]
# Needs hyperfine and /usr/bin/python3 with networkx (Debian python3-networkx).
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
    [ -x "$d/traza-genchain" ] && bin_dir="$d" && break
  done
fi
cli="$bin_dir/../cli/traza-cli"
[ -x "$bin_dir/traza-genchain" ] && [ -x "$cli" ] ||
  { echo "compare.sh: build traza-genchain and traza-cli first (-DTRAZA_BENCH=ON) or pass --bin-dir" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "compare.sh: needs hyperfine" >&2; exit 2; }
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
chain="$work/chain.json"
"$bin_dir/traza-genchain" --flows "$flows" $cycles -o "$chain" 2>/dev/null
"$bin_dir/traza-genchain" --flows "$flows" $cycles -o "$work/chain.traza" 2>/dev/null

# One whole-process timing: prints "best-wall-ms mean-cpu-ms".
timed() {
  hyperfine --style none --runs "$runs" --export-json "$work/h.json" "$1" >/dev/null 2>&1 ||
    { echo "compare.sh: failed: $1" >&2; exit 1; }
  /usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.0f %.0f" % (r["min"] * 1000, (r["user"] + r["system"]) * 1000))' "$work/h.json"
}
read -r cw cc < <(timed "'$cli' analyze '$chain' --json > '$work/analysis.json'")
read -r tw tc < <(timed "'$cli' analyze '$work/chain.traza' --json > '$work/analysis-traza.json'")
read -r pw pc < <(timed "/usr/bin/python3 '$here/networkx_analysis.py' '$chain' > '$work/networkx.json'")

# Same figures?
diffs=$(/usr/bin/python3 "$here/networkx_analysis.py" "$chain" --check "$work/analysis.json" |
        /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["differences"])') || true

echo "chain: $flows flows ${cycles:+(with cycles)}; whole processes, best wall of $runs runs, ms (mean CPU ms, all threads)"
echo "traza-cli analyze chain.json --json (full analysis, JSON written):   $cw ($cc)"
echo "traza-cli analyze chain.traza --json (the project file):            $tw ($tc)"
echo "networkx_analysis.py chain.json (core analysis, load included):     $pw ($pc)"
awk -v pw="$pw" -v cw="$cw" -v pc="$pc" -v cc="$cc" 'BEGIN {
  if (cw > 0 && cc > 0) printf "ratio networkx / traza (both from chain.json): %.1fx wall, %.1fx CPU\n", pw / cw, pc / cc }'
echo "figures: $diffs differences in flow shares, dominators and traceability"
[ "$diffs" = "0" ]
