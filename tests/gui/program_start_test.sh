#!/usr/bin/env bash
# The traza program itself, its main() and memory settings included (the window
# tests drive the frame from their own main), opens a file and shows its
# analysis: each startup milestone printed once, in order. The chain JSON is
# made a .traza project first (traza-cli import), the file a user opens.
#   program_start_test.sh TRAZA TRAZA-CLI CHAIN.json   (under a display: xvfb-run)
set -euo pipefail
traza=$1 cli=$2 json=$3
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
file=$home/$(basename "${json%.json}").traza
"$cli" import "$json" -o "$file" >/dev/null
if ! trace=$(HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data TRAZA_STARTUP_TRACE=exit \
             timeout 120 "$traza" "$file" 2>&1 >/dev/null); then
  echo "traza $file failed:"; printf '%s\n' "$trace"; exit 1
fi
got=$(printf '%s\n' "$trace" | sed -n 's/^traza-startup: \([a-z-]*\) [0-9]* ms$/\1/p' | tr '\n' ' ')
want="frame-shown file-read layout-done chain-painted analysis-shown "
if [ "$got" != "$want" ]; then
  echo "milestones: '$got', expected '$want'"; printf '%s\n' "$trace"; exit 1
fi
echo "traza opened $(basename "$file"): $got"
