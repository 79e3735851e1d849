#!/usr/bin/env bash
# PostgreSQL support is loaded only by a command that talks to a server
# (model/store/server/server_store.h): libpq and the twenty libraries it brings
# took 13-16 ms of every start.
#  1. A command on a file loads neither the module nor libpq.
#  2. A command on a server location loads both (here the server is absent,
#     so the error is libpq's, named by the location).
#  3. With the module missing, a server command fails with status 2 and says
#     what could not be loaded and where it looked; so it does when another
#     library, or a module of another build, is found in its place.
#   server_module_test.sh TRAZA-CLI CHAIN.json OTHER-LIBRARY.so OTHER-VERSION-MODULE.so
set -uo pipefail
cli=$1 chain=$2 other_library=$3 other_version=$4
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
loaded() {  # the module and libpq files the loader opened, from the log in $1
  grep -ho 'file=[^ ;]*\(libpq\|libtraza-server\)[._][^ ;]*' "$1".* 2>/dev/null | sed 's|.*/||' | sort -u | tr '\n' ' '
}

LD_DEBUG=files LD_DEBUG_OUTPUT=$dir/file "$cli" info "$chain" >/dev/null || fail "info $chain failed"
ls "$dir"/file.* >/dev/null 2>&1 || fail "no loader log"
[ -z "$(loaded "$dir/file")" ] || fail "info on a file loaded $(loaded "$dir/file")"

location='postgresql:///traza_absent?host=/nonexistent/socket&project=p'
out=$(LD_DEBUG=files LD_DEBUG_OUTPUT=$dir/server "$cli" info "$location" 2>&1)
status=$?
[ $status -eq 2 ] || fail "info on an absent server: status $status, expected 2: $out"
case "$(loaded "$dir/server")" in
  *libpq*libtraza-server*) ;;
  *) fail "info on a server location loaded '$(loaded "$dir/server")', expected the module and libpq" ;;
esac
grep -q "could not be loaded" <<<"$out" && fail "the module was there but: $out"

missing=$dir/nowhere/libtraza-server.so
out=$(TRAZA_SERVER_MODULE=$missing "$cli" info "$location" 2>&1)
status=$?
[ $status -eq 2 ] || fail "with the module missing: status $status, expected 2: $out"
grep -q "PostgreSQL support could not be loaded" <<<"$out" || fail "no reason given: $out"
grep -qF "$missing: not found" <<<"$out" || fail "the place looked in is not named: $out"
refused() {  # refused MODULE REASON
  out=$(TRAZA_SERVER_MODULE=$1 "$cli" info "$location" 2>&1)
  status=$?
  [ $status -eq 2 ] || fail "with $1 as the module: status $status, expected 2: $out"
  grep -qF "$1: $2" <<<"$out" || fail "with $1 as the module, expected '$2': $out"
}
refused "$other_library" "not a Traza server module"
refused "$other_version" "built by another version of Traza"
echo "ok: a file loads no PostgreSQL library; a server location loads the module; a missing or foreign module is named"
