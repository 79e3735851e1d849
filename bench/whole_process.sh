#!/bin/bash
# Whole-process timings of traza-cli, as a user runs it (issue #15): wall time
# (best and median of R runs, hyperfine, one warm-up run) and peak memory
# (maximum resident set of the best of R runs, /usr/bin/time) of
#   analyze --json, analyze, info, export -o chain.json, report
# on one national chain (.traza). Output goes to a scratch folder on the same
# file system as the chain; stdout of `analyze` goes to /dev/null.
#   bench/whole_process.sh [--flows N | --file F.traza] [--runs R] [--cli PATH]
#                          [--only 'analyze-json info ...'] [--genchain PATH]
# Prints one table row per command. Needs hyperfine and GNU time.
set -euo pipefail

flows=85000
file=""
runs=5
cli=""
genchain=""
only="analyze-json analyze info export-json report"
here="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --genchain) genchain="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "whole_process.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
for d in "$here/../build-bench" "$here/../build"; do
  [ -z "$cli" ] && [ -x "$d/cli/traza-cli" ] && cli="$d/cli/traza-cli"
  [ -z "$genchain" ] && [ -x "$d/bench/traza-genchain" ] && genchain="$d/bench/traza-genchain"
done
[ -x "$cli" ] || { echo "whole_process.sh: build traza-cli first or pass --cli" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "whole_process.sh: needs hyperfine" >&2; exit 2; }
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$file" ]; then
  [ -x "$genchain" ] || { echo "whole_process.sh: pass --file or build traza-genchain (-DTRAZA_BENCH=ON)" >&2; exit 2; }
  file="$work/national.traza"
  "$genchain" --flows "$flows" -o "$file" 2>/dev/null
fi

command_of() {
  case "$1" in
    analyze-json) echo "'$cli' analyze '$file' --json > '$work/analysis.json'" ;;
    analyze) echo "'$cli' analyze '$file' > /dev/null" ;;
    info) echo "'$cli' info '$file' > /dev/null" ;;
    export-json) echo "'$cli' export '$file' -o '$work/chain.json'" ;;
    report) echo "'$cli' report '$file' -o '$work/report.xlsx'" ;;
    *) echo "whole_process.sh: unknown command $1" >&2; exit 2 ;;
  esac
}

printf '%-14s %9s %9s %10s\n' command "best s" "median s" "peak MB"
for name in $only; do
  cmd="$(command_of "$name")"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$work/h.json" "$cmd" >/dev/null 2>&1 ||
    { echo "whole_process.sh: $name failed: $cmd" >&2; exit 1; }
  read -r best median < <(/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f %.3f" % (r["min"], r["median"]))' "$work/h.json")
  peak=""
  for _ in $(seq "$runs"); do  # peak resident memory, the smallest of R runs (kB)
    kb=$(/usr/bin/time -f '%M' bash -c "$cmd" 2>&1 >/dev/null | tail -1)
    [ -z "$peak" ] || [ "$kb" -lt "$peak" ] && peak=$kb
  done
  printf '%-14s %9s %9s %10d\n' "$name" "$best" "$median" $((peak * 1024 / 1000000))
done
echo "(best and median of $runs runs, hyperfine; peak = maximum resident set, MB = 10^6 bytes; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
