#!/bin/bash
# Whole-process timings of traza-cli, as a user runs it (issue #15): wall time
# (best and median of R runs, hyperfine, one warm-up run) and peak memory
# (maximum resident set of the best of R runs, /usr/bin/time) of
#   analyze --json, analyze, info, export -o chain.json, report
# on one national chain (.traza). Output goes to a scratch folder on the same
# file system as the chain; stdout of `analyze` goes to /dev/null.
#   bench/whole_process.sh [--flows N | --file F.traza] [--runs R] [--cli PATH]
#                          [--baseline OTHER-CLI] [--only 'analyze-json info ...'] [--genchain PATH]
#                          [--cold SECONDS]
# Prints one table row per command: wall, CPU (user + system, mean of the
# runs, every thread) and peak memory. With --baseline, each command of the
# other traza-cli is timed right before the same command of this one, so both
# see the same load on a shared machine. Needs hyperfine and GNU time.
# --cold S waits S seconds before each run (hyperfine --prepare) and makes no
# warm-up run: on a virtual machine that reports freed memory to its host
# (virtio-balloon free page reporting), memory a run freed is taken back after
# about 2 s, and a run that follows later, as a user's single command does,
# pays for every fresh page again (docs/performance.md, "Cold runs").
set -euo pipefail

flows=85000
file=""
runs=5
cli=""
baseline=""
genchain=""
cold=""
only="analyze-json analyze info export-json report"
here="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --genchain) genchain="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    --cold) cold="$2"; shift 2 ;;
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

command_of() {  # command_of NAME CLI
  case "$1" in
    analyze-json) echo "'$2' analyze '$file' --json > '$work/analysis.json'" ;;
    analyze) echo "'$2' analyze '$file' > /dev/null" ;;
    info) echo "'$2' info '$file' > /dev/null" ;;
    export-json) echo "'$2' export '$file' -o '$work/chain.json'" ;;
    report) echo "'$2' report '$file' -o '$work/report.xlsx'" ;;
    *) echo "whole_process.sh: unknown command $1" >&2; exit 2 ;;
  esac
}

row() {  # row LABEL COMMAND
  local pace=(--warmup 1)
  [ -n "$cold" ] && pace=(--warmup 0 --prepare "sleep $cold")
  hyperfine --style none "${pace[@]}" --runs "$runs" --export-json "$work/h.json" "$2" >/dev/null 2>&1 ||
    { echo "whole_process.sh: $1 failed: $2" >&2; exit 1; }
  read -r best median cpu < <(/usr/bin/python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.3f %.3f %.3f" % (r["min"], r["median"], r["user"] + r["system"]))' "$work/h.json")
  local peak="" kb
  for _ in $(seq "$runs"); do  # peak resident memory, the smallest of R runs (kB)
    kb=$(/usr/bin/time -f '%M' bash -c "$2" 2>&1 >/dev/null | tail -1)
    if [ -z "$peak" ] || [ "$kb" -lt "$peak" ]; then peak=$kb; fi
  done
  printf '%-24s %9s %9s %9s %10d\n' "$1" "$best" "$median" "$cpu" $((peak * 1024 / 1000000))
}

printf '%-24s %9s %9s %9s %10s\n' command "best s" "median s" "CPU s" "peak MB"
for name in $only; do
  [ -n "$baseline" ] && row "$name (baseline)" "$(command_of "$name" "$baseline")"
  row "$name" "$(command_of "$name" "$cli")"
done
echo "(wall: best and median of $runs runs${cold:+, each after $cold s idle}, hyperfine; CPU: mean user + system; peak: maximum resident set, MB = 10^6 bytes; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
