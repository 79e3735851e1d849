#!/usr/bin/env bash
# Real file-system failures while saving: mounts small tmpfs file systems and
# runs the hidden Catch2 cases of security_tests against them (disk full at
# every fill level, a read-only file system, no free inodes), then checks that
# traza-cli's chain JSON export on a full disk fails naming the file and
# leaves the previous export as it was. Exits 77 (skipped) when this machine
# refuses to mount (not root, or no CAP_SYS_ADMIN in a container).
#
#   small_fs_test.sh SECURITY_TESTS TRAZA_CLI
set -euo pipefail
TESTS=$1
CLI=$2
MNT=$(mktemp -d "${TMPDIR:-/tmp}/traza-small-fs.XXXXXX")
cleanup() {
  umount "$MNT" 2>/dev/null || true
  rmdir "$MNT"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! mount -t tmpfs -o size=3m tmpfs "$MNT" 2>/dev/null; then
  echo "SKIP: cannot mount a tmpfs here (needs root / CAP_SYS_ADMIN)"
  exit 77
fi
export TRAZA_TEST_FS="$MNT"

echo "== disk full (3 MiB tmpfs)"
"$TESTS" "[small-fs]"

echo "== chain JSON export on a full disk"
rm -rf "${MNT:?}"/*
"$CLI" import "$TRAZA_DATA_DIR/samples/care-pilot-2025.json" -o "$MNT/care.traza"
printf '{"previous": "export"}\n' >"$MNT/care.json"
free=$(($(stat -f -c '%a * %S' "$MNT")))
head -c "$((free - 4096))" /dev/zero >"$MNT/filler" || true
status=0
"$CLI" export "$MNT/care.traza" -o "$MNT/care.json" 2>"$MNT/../traza-cli-stderr.$$" || status=$?
message=$(cat "$MNT/../traza-cli-stderr.$$"); rm -f "$MNT/../traza-cli-stderr.$$"
[ "$status" -eq 1 ] || fail "export on a full disk exited $status, not 1 ($message)"
case "$message" in *"$MNT/care.json"*) ;; *) fail "the message does not name the file: $message" ;; esac
[ "$(cat "$MNT/care.json")" = '{"previous": "export"}' ] || fail "the previous export was changed"
leftover=$(find "$MNT" -name '.care.json.*' | wc -l)
[ "$leftover" -eq 0 ] || fail "a temporary file was left behind"
echo "export refused: $message"

echo "== read-only file system"
rm -rf "${MNT:?}"/*
"$CLI" import "$TRAZA_DATA_DIR/samples/care-pilot-2025.json" -o "$MNT/chain.traza"
mount -o remount,ro "$MNT"
"$TESTS" "[readonly-fs]"
umount "$MNT"

echo "== no free inodes (tmpfs with 64 inodes)"
mount -t tmpfs -o size=3m,nr_inodes=64 tmpfs "$MNT"
"$TESTS" "[no-inodes]"
