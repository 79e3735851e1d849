#!/bin/bash
# traza-cli reading a national chain from PostgreSQL (issue #22): wall time,
# best and median of R runs (and the best run's user CPU), of `analyze --json` and `report` on a project read
# from a private cluster on a unix socket (tests/server/pg_cluster.sh), next to
# the same commands on the .traza file; and the time of the first push.
#   bench/server_process.sh [--flows N] [--runs R] --cli PATH --genchain PATH [--work DIR]
# Target (issue #22): analysis and report of 85 000 flows from the server <= 2 s each.
set -euo pipefail
flows=85000
runs=3
cli=""
genchain=""
work=""
here="$(cd "$(dirname "$0")" && pwd)"
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --cli) cli="$2"; shift 2 ;;
    --genchain) genchain="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    *) echo "server_process.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$cli" ] && [ -x "$genchain" ] || { echo "server_process.sh: give --cli and --genchain" >&2; exit 2; }
[ -n "$work" ] || work="$(dirname "$cli")/server-bench"
rm -rf "$work"
mkdir -p "$work"
work="$(cd "$work" && pwd)"  # the server runs elsewhere: its socket folder must be absolute
cluster="$work/cluster"
trap 'bash "$here/../tests/server/pg_cluster.sh" stop "$cluster"' EXIT
bash "$here/../tests/server/pg_cluster.sh" start "$cluster"
uri="postgresql://traza_admin@/traza?host=$cluster&project=national"
"$cli" server init "$uri" -q
"$genchain" --flows "$flows" -o "$work/national.traza" >/dev/null

# best and median wall seconds of R runs of "$@", then the best run's user CPU
# seconds (the machine may be shared: CPU time shows what waiting hides)
timed() {
  local lines=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U' -o "$work/time.txt" "$@" >/dev/null
    lines+=("$(cat "$work/time.txt")")
  done
  printf '%s\n' "${lines[@]}" | sort -n | awk '{w[NR]=$1; u[NR]=$2} END {printf "%.2f / %.2f (user %.2f)", w[1], w[int((NR+1)/2)], u[1]}'
}

t0=$(date +%s.%N)
"$cli" push "$work/national.traza" "$uri" -q
push=$(echo "$(date +%s.%N) - $t0" | bc)
echo "flows: $flows; first push: $(printf '%.2f' "$push") s"
echo "| command | file: best / median s (user CPU) | server: best / median s (user CPU) |"
echo "|---|---|---|"
echo "| analyze --json | $(timed "$cli" analyze "$work/national.traza" --json) | $(timed "$cli" analyze "$uri" --json) |"
echo "| report | $(timed "$cli" report "$work/national.traza" -o "$work/f.xlsx") | $(timed "$cli" report "$uri" -o "$work/s.xlsx") |"
echo "| info | $(timed "$cli" info "$work/national.traza") | $(timed "$cli" info "$uri") |"
