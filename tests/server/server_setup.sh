#!/usr/bin/env bash
# ctest FIXTURES_SETUP "pg_cluster": a fresh private cluster, the test roles
# (alice and bob editors, rita reviewer, each with password NAME-pw) and the
# schema made by the one command a team runs: traza-cli server init.
#   server_setup.sh SOURCE_DIR CLUSTER_DIR TRAZA_CLI
set -euo pipefail
src=$1 dir=$2 cli=$3
bash "$src/pg_cluster.sh" start "$dir"
psql_admin() { /usr/lib/postgresql/15/bin/psql -h "$dir" -U traza_admin -d traza -q -v ON_ERROR_STOP=1 "$@"; }
for u in alice bob rita; do psql_admin -c "CREATE ROLE $u LOGIN PASSWORD '$u-pw'"; done
"$cli" server init "postgresql://traza_admin@/traza?host=$dir" --editor alice --editor bob --reviewer rita
