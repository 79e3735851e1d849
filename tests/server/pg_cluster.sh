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
ctl() { as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" "$@"; }
case $action in
  start)
    [ -f "$dir/data/postmaster.pid" ] && ctl -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U traza_admin --auth=trust -E UTF8 --locale=C >"$dir/initdb.log"
    printf 'local all traza_admin trust\nlocal all all scram-sha-256\n' >"$dir/data/pg_hba.conf"
    # In the configuration, so a later start (up) listens the same way.
    printf "listen_addresses = ''\nunix_socket_directories = '%s'\nfsync = off\nmax_connections = 60\n" "$dir" >>"$dir/data/postgresql.conf"
    ctl -w start >/dev/null
    as_pg "$bin/psql" -h "$dir" -U traza_admin -d postgres -q -c "CREATE DATABASE traza"
    ;;
  stop) ctl -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$dir" ;;
  restart) ctl -m fast -w restart >/dev/null ;;
  down) ctl -m fast -w stop >/dev/null ;;
  up) ctl -w start >/dev/null ;;
  *) echo "usage: $0 start|stop|restart|down|up DIR" >&2; exit 2 ;;
esac
