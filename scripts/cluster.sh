#!/usr/bin/env bash
# A local ChatCrm cluster from Debian's packages, for trying several servers (README "Several servers") and for the
# tests that go through a load balancer: one PostgreSQL, one Redis, two app servers and HAProxy in front.
#
#   bash scripts/cluster.sh start [folder]   start everything (folder: /tmp/chatcrm-cluster unless given)
#   bash scripts/cluster.sh stop [folder]    stop everything started there
#   bash scripts/cluster.sh stop-app N       stop app server N (1 or 2) only, as a crash would
#   bash scripts/cluster.sh start-app N      start app server N again
#
# Ports from the environment (defaults): CHATCRM_LB_PORT (5100), CHATCRM_APP1_PORT (5101), CHATCRM_APP2_PORT (5102),
# CHATCRM_PG_PORT (55432), CHATCRM_REDIS_PORT (56379). CHATCRM_APP_DLL runs an app already built instead of
# publishing one into the folder. CHATCRM_ADMIN_EMAIL and CHATCRM_ADMIN_PASSWORD create the first admin; without
# them the setup link is printed. Mail goes to each server's pickup folder (data/outbox) unless ChatCrm__Email__Smtp__*
# is set in the environment.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command="${1:-}"
case "$command" in
  start|stop) dir="${2:-/tmp/chatcrm-cluster}" ;;
  stop-app|start-app) app="${2:?which app server, 1 or 2}"; dir="${3:-/tmp/chatcrm-cluster}" ;;
  *) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac

lb_port="${CHATCRM_LB_PORT:-5100}"
app_ports=("" "${CHATCRM_APP1_PORT:-5101}" "${CHATCRM_APP2_PORT:-5102}")
pg_port="${CHATCRM_PG_PORT:-55432}"
redis_port="${CHATCRM_REDIS_PORT:-56379}"
pg_bin=/usr/lib/postgresql/15/bin

# PostgreSQL will not run as root: as root, its commands run as the postgres user.
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_for() { # url, what
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not answer at $1; see its log in $dir." >&2
  return 1
}

start_app() {
  local n="$1" port="${app_ports[$1]}"
  local dll="${CHATCRM_APP_DLL:-$dir/app/ChatCrm.Web.dll}"
  # shellcheck disable=SC1091
  source "$dir/secrets.env"
  mkdir -p "$dir/app$n-data"
  (
    cd "$(dirname "$dll")"
    export ASPNETCORE_ENVIRONMENT=Production
    export ASPNETCORE_URLS="http://127.0.0.1:$port"
    export ChatCrm__DatabaseProvider=PostgreSql
    export ConnectionStrings__ChatCrm="Host=127.0.0.1;Port=$pg_port;Database=chatcrm;Username=postgres"
    export ConnectionStrings__Redis="127.0.0.1:$redis_port"
    export ChatCrm__DataDirectory="$dir/app$n-data"
    export ChatCrm__UploadsDirectory="$dir/uploads"
    export ChatCrm__Accounts__CodeHashKey="$CODE_HASH_KEY"
    export ChatCrm__Campaigns__UnsubscribeKey="$UNSUBSCRIBE_KEY"
    export ChatCrm__Email__PublicBaseUrl="http://localhost:$lb_port"
    if [[ -n "${CHATCRM_ADMIN_EMAIL:-}" ]]; then
      export ChatCrm__Bootstrap__AdminEmail="$CHATCRM_ADMIN_EMAIL" ChatCrm__Bootstrap__AdminPassword="$CHATCRM_ADMIN_PASSWORD"
    fi
    nohup dotnet "$dll" >"$dir/app$n.log" 2>&1 &
    echo $! >"$dir/app$n.pid"
  )
  wait_for "http://127.0.0.1:$port/health" "App server $n"
}

stop_pid() { # pid file
  [[ -f "$1" ]] || return 0
  kill "$(cat "$1")" 2>/dev/null || true
  rm -f "$1"
}

case "$command" in
  start)
    for tool in "$pg_bin/initdb" /usr/bin/redis-server /usr/sbin/haproxy /usr/bin/curl; do
      [[ -x "$tool" ]] || { echo "$tool is missing: apt-get install postgresql redis-server haproxy curl" >&2; exit 1; }
    done
    mkdir -p "$dir/uploads"
    if [[ ! -f "$dir/secrets.env" ]]; then
      # The keys every server must share, made once for this cluster (README "Several servers").
      umask 077
      printf 'CODE_HASH_KEY=%s\nUNSUBSCRIBE_KEY=%s\n' "$(head -c 32 /dev/urandom | base64)" "$(head -c 32 /dev/urandom | base64)" >"$dir/secrets.env"
    fi

    if [[ ! -d "$dir/pg" ]]; then
      mkdir -p "$dir/pg"
      [[ $(id -u) -eq 0 ]] && chown postgres "$dir/pg"
      as_postgres "$pg_bin/initdb" -D "$dir/pg" -U postgres --auth=trust >/dev/null
    fi
    [[ $(id -u) -eq 0 ]] && chmod 755 "$dir"
    as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -l "$dir/pg/server.log" -w \
      -o "-p $pg_port -k $dir/pg -c listen_addresses=127.0.0.1" start >/dev/null
    as_postgres "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'chatcrm'" | grep -q 1 \
      || as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres chatcrm

    redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir" --save "" --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"

    if [[ -z "${CHATCRM_APP_DLL:-}" ]]; then
      echo "Publishing the app into $dir/app …"
      dotnet publish "$repo/ChatCrm.Web" -c Release -o "$dir/app" --nologo -v quiet >/dev/null
    fi
    # One after the other: the first migrates the database.
    start_app 1
    start_app 2

    CHATCRM_LB_BIND="127.0.0.1:$lb_port" CHATCRM_APP1="127.0.0.1:${app_ports[1]}" CHATCRM_APP2="127.0.0.1:${app_ports[2]}" \
      haproxy -f "$repo/deploy/haproxy.cfg" -D -p "$dir/haproxy.pid"
    wait_for "http://127.0.0.1:$lb_port/health" "HAProxy"

    echo "ChatCrm runs at http://localhost:$lb_port (servers :${app_ports[1]} and :${app_ports[2]}; logs and data in $dir)."
    if link=$(grep -ho '/setup?token=[0-9a-f]*' "$dir/app2.log" | tail -1); then
      echo "First admin: http://localhost:$lb_port$link"
    fi
    ;;
  stop)
    stop_pid "$dir/haproxy.pid"
    stop_pid "$dir/app1.pid"
    stop_pid "$dir/app2.pid"
    stop_pid "$dir/redis.pid"
    if [[ -f "$dir/pg/postmaster.pid" ]]; then as_postgres "$pg_bin/pg_ctl" -D "$dir/pg" -m fast stop >/dev/null; fi
    echo "Stopped the cluster in $dir."
    ;;
  stop-app)
    [[ -f "$dir/app$app.pid" ]] && kill -9 "$(cat "$dir/app$app.pid")" 2>/dev/null || true
    rm -f "$dir/app$app.pid"
    ;;
  start-app)
    start_app "$app"
    ;;
esac
