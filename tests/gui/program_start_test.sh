#!/usr/bin/env bash
# The traza program itself, its main() and memory settings included (the window
# tests drive the frame from their own main), opens a file and shows its
# analysis: each startup milestone printed once, in order. The chain JSON is
# made a .traza project first (traza-cli import), the file a user opens.
# It also checks that no OpenGL library was loaded: the workbench never draws
# with GL, and GTK's visual probe for it (the GL driver, with Mesa's software
# one all of LLVM) took 150-200 ms of every start; main() sets GDK_GL=disable.
# Nor PostgreSQL's: libpq and its libraries (13-16 ms) are loaded only when the
# window opens a server location (model/store/server/server_store.h).
#   program_start_test.sh TRAZA TRAZA-CLI CHAIN.json   (under a display: xvfb-run)
set -euo pipefail
traza=$1 cli=$2 json=$3
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
file=$home/$(basename "${json%.json}").traza
"$cli" import "$json" -o "$file" >/dev/null
mkdir "$home/loader"
if ! trace=$(HOME=$home XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data TRAZA_STARTUP_TRACE=exit \
             LD_DEBUG=files LD_DEBUG_OUTPUT=$home/loader/log \
             timeout 120 "$traza" "$file" 2>&1 >/dev/null); then
  echo "traza $file failed:"; printf '%s\n' "$trace"; exit 1
fi
got=$(printf '%s\n' "$trace" | sed -n 's/^traza-startup: \([a-z-]*\) [0-9]* ms$/\1/p' | tr '\n' ' ')
want="frame-shown file-read layout-done chain-painted analysis-shown "
if [ "$got" != "$want" ]; then
  echo "milestones: '$got', expected '$want'"; printf '%s\n' "$trace"; exit 1
fi
# The dynamic loader's log of the workbench (one file per process it started).
logs=$(grep -l 'libwx_gtk3u_core' "$home"/loader/log.* || true)
if [ -z "$logs" ]; then
  echo "no loader log of traza in $home/loader"; exit 1
fi
if gl=$(grep -ho 'file=[^ ;]*lib\(GL\|GLX\|EGL\)[._][^ ;]*' $logs | sort -u | tr '\n' ' ') && [ -n "$gl" ]; then
  echo "traza loaded OpenGL at start: $gl"; exit 1
fi
if pq=$(grep -ho 'file=[^ ;]*\(libpq\|libtraza-server\)[._][^ ;]*' $logs | sort -u | tr '\n' ' ') && [ -n "$pq" ]; then
  echo "traza loaded PostgreSQL support at start: $pq"; exit 1
fi
echo "traza opened $(basename "$file"): $got"
