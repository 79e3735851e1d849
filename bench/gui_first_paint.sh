#!/bin/bash
# GUI first paint: time from starting `traza FILE` under Xvfb until the main
# window shows the project (its title names the file) and the screen has
# stopped changing (two identical screen dumps 100 ms apart), i.e. the chain
# is laid out and painted. The workbench has no benchmark mode of its own,
# so this measures from outside, as a user would see it.
#   bench/gui_first_paint.sh [--flows N | --file F.traza] [--runs R] [--traza PATH] [--shot F.xwd]
# Prints one line per run ("run N: title after X ms, painted after Y ms")
# and the best and median of the painted times. Needs xvfb, xdotool, xwd.
set -euo pipefail

flows=85000
file=""
runs=3
shot=""
here="$(cd "$(dirname "$0")" && pwd)"
traza=""
while [ $# -gt 0 ]; do
  case "$1" in
    --flows) flows="$2"; shift 2 ;;
    --file) file="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --traza) traza="$2"; shift 2 ;;
    --shot) shot="$2"; shift 2 ;;
    --inner) inner=1; shift ;;
    *) echo "gui_first_paint.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
export TRAZA_DATA_DIR="${TRAZA_DATA_DIR:-$here/../data}"

now_ms() { date +%s%3N; }

# Inside the X server: one timed start of the workbench.
if [ "${inner:-0}" = 1 ]; then
  export HOME="$(mktemp -d)"  # fresh settings: no recent files, no first-run questions left over
  name="$(basename "$file")"
  start=$(now_ms)
  "$traza" "$file" >/dev/null 2>&1 &
  pid=$!
  # Poll every 20 ms: `xdotool search --sync` sleeps half a second between
  # tries, which rounded the title time up to the next 500 ms.
  until xdotool search --onlyvisible --name "${name%.traza}" >/dev/null 2>&1; do
    sleep 0.02
  done
  titled=$(now_ms)
  prev=""
  while :; do
    xwd -root -silent > "$HOME/screen.xwd"
    sum=$(md5sum < "$HOME/screen.xwd")
    t=$(now_ms)
    [ "$sum" = "$prev" ] && break
    prev="$sum"
    painted=$t
    sleep 0.1
  done
  [ -n "$shot" ] && cp "$HOME/screen.xwd" "$shot"  # what the user saw once it settled
  echo "title $((titled - start)) painted $((painted - start))"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$HOME"
  exit 0
fi

if [ -z "$traza" ]; then
  for d in "$here/../build-bench/gui" "$here/../build/gui"; do
    [ -x "$d/traza" ] && traza="$d/traza" && break
  done
fi
[ -x "$traza" ] || { echo "gui_first_paint.sh: no traza binary (build the gui target or pass --traza)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ -z "$file" ]; then
  bin_dir="$(dirname "$traza")/../bench"
  file="$work/national-$flows.traza"
  "$bin_dir/traza-genchain" --flows "$flows" -o "$file" 2>/dev/null
fi
times=()
for r in $(seq "$runs"); do
  line=$(xvfb-run -a -s "-screen 0 1600x1000x24" bash "$0" --inner --file "$file" --traza "$traza" ${shot:+--shot "$shot"})
  read -r _ titled _ painted <<<"$line"
  echo "run $r: title after $titled ms, painted after $painted ms"
  times+=("$painted")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "first paint of $(basename "$file"): best ${sorted[0]} ms, median ${sorted[$(( ${#sorted[@]} / 2 ))]} ms over $runs runs"
