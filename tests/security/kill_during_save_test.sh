#!/usr/bin/env bash
# kill -9 in the middle of saving: a helper saves two large projects (A, B)
# over the same file in a loop and is killed at a random moment, ROUNDS times.
# After every kill the file must open and equal A or B, and the other file in
# the folder (the project beside an autosave, or the autosave beside the
# project) must be byte-identical to what it was. Temporary files a killed
# save leaves behind are counted and reported; they are never the project.
#
#   kill_during_save_test.sh HELPER ROUNDS
set -euo pipefail
HELPER=$1
ROUNDS=${2:-12}
DIR=$(mktemp -d "${TMPDIR:-/tmp}/traza-kill-test.XXXXXX")
trap 'rm -rf "$DIR"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

PROJECT="$DIR/chain.traza"
AUTOSAVE="$DIR/chain.autosave.traza"  # gui::autosavePathFor
"$HELPER" init "$PROJECT"
"$HELPER" init "$AUTOSAVE"

seen_a=0; seen_b=0; leftovers=0
for target in "$PROJECT" "$AUTOSAVE"; do
  other=$([ "$target" = "$PROJECT" ] && echo "$AUTOSAVE" || echo "$PROJECT")
  for round in $(seq 1 "$ROUNDS"); do
    other_sum=$(sha256sum "$other" | cut -d' ' -f1)
    log="$DIR/loop.log"
    "$HELPER" loop "$target" >"$log" 2>&1 &
    pid=$!
    for _ in $(seq 1 1200); do grep -q ready "$log" && break; sleep 0.1; done
    grep -q ready "$log" || fail "the helper did not get ready: $(cat "$log")"
    # Let one or two saves complete (so the file holds B or A), then kill at a
    # random moment of the next save: a fraction (0-150%) of a save's duration,
    # measured from the first save, so the test works on fast and slow builds.
    complete=$((1 + RANDOM % 2))
    started=$(date +%s%N)
    for _ in $(seq 1 6000); do [ "$(grep -c '^saved' "$log")" -ge "$complete" ] && break; sleep 0.01; done
    [ -n "${save_ns:-}" ] || save_ns=$(( ($(date +%s%N) - started) / complete ))
    sleep "$(awk -v ns="$save_ns" -v r="$RANDOM" 'BEGIN { printf "%.3f", ns / 1e9 * 1.5 * r / 32768 }')"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    saves=$(grep -c '^saved' "$log" || true)
    which=$("$HELPER" check "$target") || fail "round $round on $(basename "$target") after $saves saves: $which"
    [ "$which" = A ] && seen_a=$((seen_a + 1)) || seen_b=$((seen_b + 1))
    [ "$(sha256sum "$other" | cut -d' ' -f1)" = "$other_sum" ] || fail "$(basename "$other") changed while $(basename "$target") was saved"
    n=$(find "$DIR" -name '*.tmp-*' | wc -l)
    leftovers=$((leftovers + n))
    find "$DIR" -name '*.tmp-*' -delete
    echo "round $round, $(basename "$target"): killed after $saves complete saves; the file holds project $which; $n temporary file(s) left"
  done
done
echo "after $((2 * ROUNDS)) kills: project A $seen_a times, project B $seen_b times; $leftovers temporary files left by killed saves"
[ "$seen_a" -gt 0 ] && [ "$seen_b" -gt 0 ] || fail "every kill found the same project: the kills did not land between saves"
[ "$leftovers" -gt 0 ] || fail "no kill landed inside a save (no temporary file was ever left): the test proved nothing"
