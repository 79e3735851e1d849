#!/bin/bash
# The whole `traza-cli import WORKBOOK.xlsx -o P.traza` command, as a user runs
# it (issue #14: a 300 000-flow workbook in ≤ 5 s and ≤ 600 MB): a chain made
# by traza-genchain is written as a workbook by `traza-cli export`, then
# imported R times under /usr/bin/time. Prints each run and the best (least
# wall time) with its peak resident memory, and the load average before each
# run (the figures mean little on a machine that other jobs keep busy).
#   bench/import_workbook.sh --cli PATH --genchain PATH [--flows N] [--seed S]
#                            [--runs R] [--workbook big.xlsx] [--baseline OTHER-CLI]
#                            [--realtime]
# With --workbook, that file is imported and nothing is generated. With
# --baseline, each run of the other traza-cli comes right before the same run
# of this one, so that both see the same load. With --realtime (root only),
# each import runs under `chrt -f 10` (SCHED_FIFO): the other jobs of a busy
# machine wait while it runs, which stands in for an idle machine (the kernel
# still keeps 5 % of each second for them). Needs GNU time.
set -euo pipefail

flows=300000
seed=7
runs=3
cli=""
genchain=""
workbook=""
baseline=""
realtime=()
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --genchain) genchain="$2"; shift 2 ;;
    --workbook) workbook="$2"; shift 2 ;;
    --baseline) baseline="$2"; shift 2 ;;
    --realtime) realtime=(chrt -f 10); shift ;;
    *) echo "import_workbook.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$cli" ] || { echo "import_workbook.sh: pass --cli (a built traza-cli)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "import_workbook.sh: needs GNU time (/usr/bin/time)" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$workbook" ]; then
  [ -x "$genchain" ] || { echo "import_workbook.sh: pass --workbook or --genchain" >&2; exit 2; }
  "$genchain" --flows "$flows" --seed "$seed" -o "$work/chain.traza" >/dev/null 2>&1
  "$cli" export "$work/chain.traza" -o "$work/chain.xlsx"
  workbook="$work/chain.xlsx"
fi

# One run: "wall_s peak_kb user_s sys_s load" on stdout; the import's own output is dropped.
one() {
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  "${realtime[@]}" /usr/bin/time -f "%e %M %U %S $load" -o "$work/time" "$1" import -q "$workbook" -o "$work/out.traza"
  cat "$work/time"
}

report() {  # name, file of runs
  sort -n "$2" | head -1 | awk -v n="$1" '{ printf "%-10s best of %d: %.2f s wall, %.0f MB (%.0f MiB) peak RSS (%.2f s user, %.2f s sys, load %s)\n", n, R, $1, $2 * 1.024 / 1000, $2 / 1024, $3, $4, $5 }' R="$runs"
}

: >"$work/runs-this"
: >"$work/runs-baseline"
for ((i = 1; i <= runs; i++)); do
  if [ -n "$baseline" ]; then
    one "$baseline" | tee -a "$work/runs-baseline" | sed 's/^/baseline run: /'
  fi
  one "$cli" | tee -a "$work/runs-this" | sed 's/^/this run:     /'
done
echo "(each run: wall s, peak KB, user s, sys s, load average before it)"
[ -n "$baseline" ] && report baseline "$work/runs-baseline"
report this "$work/runs-this"
