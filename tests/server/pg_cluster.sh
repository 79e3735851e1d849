#!/usr/bin/env bash
# A private PostgreSQL 15 cluster for the server tests (issue #22), listening
# only on a unix socket in DIR (listen_addresses=''). initdb refuses root, so
# as root the cluster runs as the postgres system user. The superuser role is
# traza_admin (trust on the socket); every other role must give its password.
#   pg_cluster.sh start|stop|restart|down|up DIR
set -euo pipefail
action=$1
dir=$2
bin=${TRAZA_PG_BIN:-/usr/lib/postgresql/15/bin}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
# The real folder: DIR itself, or what it links to (see start).
real() { readlink -f "$dir"; }
ctl() { as_pg "$bin/pg_ctl" -D "$(real)/data" -l "$(real)/server.log" "$@"; }
stop_and_remove() {
  [ -f "$dir/data/postmaster.pid" ] && { ctl -m fast -w stop >/dev/null 2>&1 || true; }
  [ -L "$dir" ] && rm -rf "$(readlink -f "$dir")"
  rm -rf "$dir"
}
case $action in
  start)
    stop_and_remove
    mkdir -p "$(dirname "$dir")"
    if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$(dirname "$dir")"; then
      # A build folder the postgres user cannot reach (a checkout under /root): the
      # cluster lives in /tmp and DIR is a link to it.
      ln -s "$(mktemp -d /tmp/traza-pg-XXXXXX)" "$dir"
    else
      mkdir -p "$dir"
    fi
    [ "$(id -u)" -eq 0 ] && chown postgres "$(real)"
    as_pg "$bin/initdb" -D "$(real)/data" -U traza_admin --auth=trust -E UTF8 --locale=C >"$dir/initdb.log"
    printf 'local all traza_admin trust\nlocal all all scram-sha-256\n' >"$dir/data/pg_hba.conf"
    # In the configuration, so a later start (up) listens the same way.
    printf "listen_addresses = ''\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 60\n" "$(real)" >>"$dir/data/postgresql.conf"
    ctl -w start >/dev/null
    as_pg "$bin/psql" -h "$(real)" -U traza_admin -d postgres -q -c "CREATE DATABASE traza"
    ;;
  stop) stop_and_remove ;;
  restart) ctl -m fast -w restart >/dev/null ;;
  down) ctl -m fast -w stop >/dev/null ;;
  up) ctl -w start >/dev/null ;;
  *) echo "usage: $0 start|stop|restart|down|up DIR" >&2; exit 2 ;;
esac
