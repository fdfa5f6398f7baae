#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: loopback only, trust auth, fsync off.
#
#   scripts/pg-test-cluster.sh start        -> prints the URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   scripts/pg-test-cluster.sh stop [URL]   -> stops that cluster (default: $IMR_TEST_PG_URL) and deletes it
#
# The cluster lives in ${TMPDIR:-/tmp}/imr-pg-test-PORT (the port names it, so `stop` finds it
# from the URL). Run as root, the server runs as the `postgres` system user (initdb refuses
# root); run as anyone else, it runs as that user. Uses the newest /usr/lib/postgresql/*/bin.
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "no PostgreSQL server found under /usr/lib/postgresql (install package postgresql)"
  echo "$dir"
}

base_dir() {
  # root hands the directory to `postgres`, who may not be able to enter root's TMPDIR.
  if [ "$(id -u)" -eq 0 ]; then echo /tmp; else echo "${TMPDIR:-/tmp}"; fi
}

# Runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd postgres >/dev/null || die "running as root needs the 'postgres' system user"
    if command -v runuser >/dev/null; then
      runuser -u postgres -- "$@"
    else
      su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

port_free() {
  # Connection refused on loopback: nothing listens there.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local bin base port dir log
  bin=$(bindir)
  base=$(base_dir)
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    port_free "$port" || continue
    dir="$base/imr-pg-test-$port"
    mkdir "$dir" 2>/dev/null || continue  # atomic: another run took this port
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    log="$dir/server.log"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
    cat >"$dir/data/pg_hba.conf" <<'EOF'
# Throwaway test cluster: trust, loopback and the private socket only.
local all all              trust
host  all all 127.0.0.1/32 trust
host  all all ::1/128      trust
EOF
    if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir/data/pg_hba.conf"; fi
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$log" -w -t 60 start \
         -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
         >/dev/null 2>&1; then
      echo "postgresql://postgres@127.0.0.1:$port/postgres"
      return 0
    fi
    # Lost a race for the port (or something worse): show why, then try another port.
    tail -n 5 "$log" >&2 2>/dev/null || true
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
  done
  die "could not start a PostgreSQL test cluster"
}

stop() {
  local url=${1:-${IMR_TEST_PG_URL:-}} port dir
  [ -n "$url" ] || die "stop: give the cluster's URL (or set IMR_TEST_PG_URL)"
  port=$(sed -n 's|.*@127\.0\.0\.1:\([0-9]\+\)/.*|\1|p' <<<"$url")
  [ -n "$port" ] || die "stop: $url is not a test cluster URL"
  dir="$(base_dir)/imr-pg-test-$port"
  [ -d "$dir/data" ] || die "stop: no test cluster in $dir"
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: $0 start | stop [URL]" >&2; exit 2 ;;
esac
