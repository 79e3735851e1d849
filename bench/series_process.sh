#!/bin/bash
# Whole traza-cli commands on a national chain with a year of delivery records
# (issue #19, "Scale": import <= 8 s, open <= 1.5 s, analysis including the
# series <= 300 ms, peak memory <= 1 GB, as a user runs them):
#   import year.json -o year.traza     (chain JSON with its records -> project file)
#   info year.traza                    (opening the project file, and a summary)
#   analyze year.traza --json          (the analysis with the progress series; stdout to /dev/null)
# each the best of R runs by wall time, with that run's user CPU time and peak
# resident memory (GNU time). The chain JSON is written once by
# traza-series-bench --write-json and kept in --dir for later runs.
#   bench/series_process.sh [--flows N] [--runs R] [--cli PATH] [--series-bench PATH] [--dir DIR]
set -euo pipefail

flows=85000
runs=3
cli=""
seriesbench=""
dir="${TMPDIR:-/tmp}"
here="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --series-bench) seriesbench="$2"; shift 2 ;;
    --dir) dir="$2"; shift 2 ;;
    *) echo "series_process.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for d in "$here/../build-bench" "$here/../build"; do
  [ -z "$cli" ] && [ -x "$d/cli/traza-cli" ] && cli="$d/cli/traza-cli"
  [ -z "$seriesbench" ] && [ -x "$d/bench/traza-series-bench" ] && seriesbench="$d/bench/traza-series-bench"
done
[ -x "$cli" ] || { echo "series_process.sh: build traza-cli first or pass --cli" >&2; exit 2; }
[ -x "$seriesbench" ] || { echo "series_process.sh: build traza-series-bench (-DTRAZA_BENCH=ON) or pass --series-bench" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "series_process.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

json="$dir/traza-series-year-$flows.json"
"$seriesbench" --flows "$flows" --write-json "$json" >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
traza="$work/year.traza"
"$cli" import "$json" -o "$traza" >/dev/null

row() {  # row LABEL COMMAND...: the run with the least wall time
  local label="$1" best="" line wall
  shift
  for _ in $(seq "$runs"); do
    line=$(/usr/bin/time -f '%e %U %M' "$@" 2>&1 >/dev/null | tail -1) ||
      { echo "series_process.sh: $label failed: $*" >&2; exit 1; }
    wall=${line%% *}
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < ${best%% *}) }"; then best=$line; fi
  done
  read -r wall user kb <<<"$best"
  printf '%-10s %8s %8s %9d\n' "$label" "$wall" "$user" $((kb * 1024 / 1000000))
}

echo "national year: $flows flows, $(du -mL "$json" | cut -f1) MB of chain JSON ($json)"
printf '%-10s %8s %8s %9s\n' command "wall s" "user s" "peak MB"
row import "$cli" import "$json" -o "$work/again.traza"
row info "$cli" info "$traza"
row analyze "$cli" analyze "$traza" --json
echo "(best of $runs runs by wall time, with that run's user CPU time and peak resident memory, MB = 10^6 bytes; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
