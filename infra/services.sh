#!/usr/bin/env bash
# Starts/stops the real services the test suite talks to, all on 127.0.0.1:
#   PostgreSQL (throwaway cluster, port 55432), Azurite blob (10000), SMTP sink (2525),
#   clamd (ClamAV's scanner daemon, 3310) with its own test signature database,
#   two OpenID Providers (npm oidc-provider; 5556 and 5557), one per municipality.
# State (pid files, logs, data, received mail, env file) lives in $CHEFS_SERVICES_DIR.
#
#   infra/services.sh start|stop|status
#
# `start` always stops whatever an earlier run left (including stale pid files after a
# kill -9) and starts from scratch: a fresh database and an empty mail folder each time.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/tools"
sink_js="$here/smtp-sink/sink.js"

STATE="${CHEFS_SERVICES_DIR:-/tmp/chefsrekrytering-services}"
case "$STATE" in /*) ;; *) STATE="$PWD/$STATE" ;; esac   # we cd around: keep it absolute
# Overridable so two checkouts (or a session and its CI check) can run side by side.
PG_PORT="${CHEFS_PG_PORT:-55432}"
AZ_PORT="${CHEFS_AZURITE_PORT:-10000}"
SMTP_PORT="${CHEFS_SMTP_PORT:-2525}"
CLAMD_PORT="${CHEFS_CLAMD_PORT:-3310}"
OIDC_PORT="${CHEFS_OIDC_PORT:-5556}"   # and OIDC_PORT+1 for the second provider
TIMEOUT="${CHEFS_SERVICES_TIMEOUT:-60}"   # seconds per service to become ready

log() { echo "services: $*"; }
die() { echo "services: ERROR: $*" >&2; exit 1; }

# --- helpers -------------------------------------------------------------------

# Is $1 a live process whose command line contains $2? Guards against pid reuse:
# a stale pid file must never make us signal an unrelated process.
is_ours() {
  local pid="$1" pattern="$2" cmd
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmd" == *"$pattern"* ]]
}

# Is process $1 alive? Unlike kill -0, a zombie counts as dead: PID 1 on these machines
# reaps orphans only every ~2 s, and a child that died during start stays a zombie.
alive() {
  local s
  s="$(cat "/proc/$1/stat" 2>/dev/null)" || return 1
  s="${s##*) }"
  [ "${s%% *}" != Z ]
}

# Does something accept TCP connections on 127.0.0.1:$1?
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

port_owner() { command -v ss >/dev/null && ss -ltnpH "sport = :$1" 2>/dev/null || true; }

# Refuse to start if a foreign process holds the port: our TCP readiness check would
# otherwise pass against the wrong server.
require_free_port() {
  local name="$1" port="$2"
  if port_open "$port"; then
    die "$name: port 127.0.0.1:$port is already in use by a process we did not start: $(port_owner "$port")"
  fi
}

# Wait until $check succeeds, failing early if the process died. Prints the log tail
# and names the service on failure.
wait_ready() {
  local name="$1" pid="$2" logfile="$3"; shift 3
  local deadline=$((SECONDS + TIMEOUT))
  until "$@"; do
    if ! alive "$pid"; then
      tail -n 30 "$logfile" >&2 || true
      die "$name did not come up: process $pid exited (log: $logfile)"
    fi
    if ((SECONDS >= deadline)); then
      tail -n 30 "$logfile" >&2 || true
      die "$name did not come up within ${TIMEOUT}s (log: $logfile)"
    fi
    sleep 0.1
  done
}

# Stop the process in pid file $2 (if it is really ours), TERM then KILL.
stop_pidfile() {
  local name="$1" pidfile="$2" pattern="$3" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  if is_ours "$pid" "$pattern"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do alive "$pid" || break; sleep 0.1; done
    if alive "$pid"; then
      log "$name: did not stop on TERM, killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "$name: stopped (pid $pid)"
  else
    log "$name: not running (removing stale pid file)"
  fi
  rm -f "$pidfile"
}

# --- PostgreSQL ------------------------------------------------------------------

pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$d" ] && [ -x "$d/pg_ctl" ] || die "postgres: no pg_ctl under /usr/lib/postgresql/*/bin (run infra/install.sh)"
  echo "$d"
}

# initdb/pg_ctl refuse to run as root: run them as postgres when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() {
  local pid
  [ -f "$STATE/pg/data/postmaster.pid" ] || return 1
  pid="$(head -n 1 "$STATE/pg/data/postmaster.pid" 2>/dev/null || true)"
  is_ours "$pid" postgres
}

pg_ready() { "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; }

start_pg() {
  PGBIN="$(pg_bin)"
  require_free_port postgres "$PG_PORT"
  rm -rf "$STATE/pg"
  mkdir -p "$STATE/pg"
  # The postgres user owns its folder; cd there so runuser does not complain about
  # an unreadable cwd (e.g. /root).
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$STATE/pg"; fi
  (cd "$STATE/pg" && as_pg test -w "$STATE/pg") \
    || die "postgres: $STATE/pg is not writable by the postgres user (is a parent folder private?)"
  (cd "$STATE/pg" && as_pg "$PGBIN/initdb" -D "$STATE/pg/data" -U postgres --auth=trust \
      -E UTF8 --locale=C.UTF-8 >"$STATE/pg/initdb.log" 2>&1) \
    || { tail -n 30 "$STATE/pg/initdb.log" >&2; die "postgres: initdb failed"; }
  # Throwaway test cluster: durability off for speed; enough connections for parallel tests.
  cat >>"$STATE/pg/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$STATE/pg'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
  (cd "$STATE/pg" && as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/data" -l "$STATE/pg/postgres.log" \
      -w -t "$TIMEOUT" start >/dev/null) \
    || { tail -n 30 "$STATE/pg/postgres.log" >&2; die "postgres did not come up (log: $STATE/pg/postgres.log)"; }
  wait_ready postgres "$(head -n 1 "$STATE/pg/data/postmaster.pid")" "$STATE/pg/postgres.log" pg_ready
  log "postgres: ready on 127.0.0.1:$PG_PORT (pid $(head -n 1 "$STATE/pg/data/postmaster.pid"))"
}

stop_pg() {
  if pg_running; then
    PGBIN="$(pg_bin)"
    local pid; pid="$(head -n 1 "$STATE/pg/data/postmaster.pid")"
    if ! (cd "$STATE/pg" && as_pg "$PGBIN/pg_ctl" -D "$STATE/pg/data" -m fast -w -t 30 stop >/dev/null); then
      log "postgres: pg_ctl stop failed, killing"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "postgres: stopped (pid $pid)"
  else
    log "postgres: not running"
  fi
}

# --- Azurite (blob only) -----------------------------------------------------------

launch_azurite() {
  local bin="$tools/node_modules/.bin/azurite-blob"
  [ -x "$bin" ] || die "azurite: $bin missing (run infra/install.sh)"
  require_free_port azurite "$AZ_PORT"
  mkdir -p "$STATE/azurite"
  # Started directly (never via npx) and with exec, so $! is the server itself.
  (cd "$STATE/azurite"; exec "$bin" --blobHost 127.0.0.1 --blobPort "$AZ_PORT" \
      --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --silent) \
      </dev/null >"$STATE/azurite.log" 2>&1 &
  echo $! >"$STATE/azurite.pid"
}

# --- SMTP sink ---------------------------------------------------------------------

launch_smtp() {
  [ -f "$sink_js" ] || die "smtp-sink: $sink_js missing"
  require_free_port smtp-sink "$SMTP_PORT"
  rm -rf "$STATE/mail"
  mkdir -p "$STATE/mail"
  (cd "$STATE"; exec node "$sink_js" --port "$SMTP_PORT" --dir "$STATE/mail") \
      </dev/null >"$STATE/smtp-sink.log" 2>&1 &
  echo $! >"$STATE/smtp-sink.pid"
}

# --- OpenID Providers -------------------------------------------------------------

launch_oidc() {
  local js="$here/oidc/provider.mjs"
  [ -d "$tools/node_modules/oidc-provider" ] || die "oidc: oidc-provider missing (run infra/install.sh)"
  require_free_port oidc "$OIDC_PORT"
  require_free_port oidc "$((OIDC_PORT + 1))"
  (cd "$STATE"; exec node "$js" --port "$OIDC_PORT") </dev/null >"$STATE/oidc.log" 2>&1 &
  echo $! >"$STATE/oidc.pid"
}

oidc_ready() { port_open "$OIDC_PORT" && port_open "$((OIDC_PORT + 1))"; }

# --- clamd (ClamAV) -----------------------------------------------------------------

# The EICAR test string in hex, the way ClamAV's .ndb signatures are written. Hex, so this file itself is no
# test virus; freshclam cannot reach its mirrors here, and this one signature is all the tests need.
EICAR_HEX=58354f2150254041505b345c505a58353428505e2937434329377d2445494341522d5354414e444152442d414e544956495255532d544553542d46494c452124482b482a

launch_clamd() {
  local bin=/usr/sbin/clamd dir="$STATE/clamd"
  [ -x "$bin" ] || die "clamd: $bin missing (run infra/install.sh)"
  require_free_port clamd "$CLAMD_PORT"
  rm -rf "$dir"
  mkdir -p "$dir/db" "$dir/tmp"
  echo "Eicar-Test-Signature:0:*:$EICAR_HEX" >"$dir/db/chefs-test.ndb"
  # A private config: TCP on loopback only, no local socket (none is named), no pid file, no syslog;
  # Foreground so $! is clamd itself. User root: the Debian default drops to a 'clamav' user that may not exist.
  cat >"$dir/clamd.conf" <<EOF
Foreground yes
TCPSocket $CLAMD_PORT
TCPAddr 127.0.0.1
User root
DatabaseDirectory $dir/db
TemporaryDirectory $dir/tmp
LogTime yes
EOF
  (cd "$dir"; exec "$bin" --config-file="$dir/clamd.conf") </dev/null >"$STATE/clamd.log" 2>&1 &
  echo $! >"$STATE/clamd.pid"
}

# Ready means it answers PING with PONG (the port opens only once the signatures are loaded, but ask anyway).
clamd_ready() {
  local reply
  reply="$(timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "nPING\n" >&3 && head -n 1 <&3' _ "$CLAMD_PORT" 2>/dev/null)" || return 1
  [ "$reply" = PONG ]
}

# --- env for the tests ---------------------------------------------------------------

write_env() {
  case "$STATE$sink_js" in *[\"\$\`\\]*) die "paths must not contain \" \$ \` or \\: $STATE $sink_js";; esac
  cat >"$STATE/env.tmp" <<EOF
export CHEFS_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=postgres"
export CHEFS_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$AZ_PORT/devstoreaccount1;"
export CHEFS_TEST_SMTP_HOST=127.0.0.1
export CHEFS_TEST_SMTP_PORT=$SMTP_PORT
export CHEFS_TEST_SMTP_DIR="$STATE/mail"
export CHEFS_SMTP_SINK_SCRIPT="$sink_js"
export CHEFS_CHROMIUM=/usr/bin/chromium
export CHEFS_TEST_CLAMD_HOST=127.0.0.1
export CHEFS_TEST_CLAMD_PORT=$CLAMD_PORT
export CHEFS_TEST_OIDC_A=http://127.0.0.1:$OIDC_PORT
export CHEFS_TEST_OIDC_B=http://127.0.0.1:$((OIDC_PORT + 1))
EOF
  mv "$STATE/env.tmp" "$STATE/env"
  cat "$STATE/env"
  log "env written to $STATE/env"
}

# --- commands -------------------------------------------------------------------------

do_stop() {
  [ -d "$STATE" ] || { log "nothing to stop ($STATE does not exist)"; return 0; }
  # match any checkout's sink: a pid file from another clone of the repo still names our sink
  stop_pidfile smtp-sink "$STATE/smtp-sink.pid" "smtp-sink/sink.js"
  stop_pidfile oidc "$STATE/oidc.pid" "oidc/provider.mjs"
  stop_pidfile azurite "$STATE/azurite.pid" azurite-blob
  # the config path names this state folder: another checkout's clamd is never ours
  stop_pidfile clamd "$STATE/clamd.pid" "$STATE/clamd/clamd.conf"
  stop_pg
  rm -f "$STATE/env"
}

do_start() {
  local t0=$SECONDS
  mkdir -p "$STATE"
  chmod 755 "$STATE"   # the postgres user must be able to reach $STATE/pg
  do_stop               # clean slate, whatever a previous (possibly killed) run left
  # If one service fails, stop the ones already started before failing.
  trap 'echo "services: start failed, stopping what was started" >&2; do_stop >&2 || true' EXIT
  # Launch the node servers first so they boot while initdb runs (~1 s saved).
  launch_azurite
  launch_smtp
  launch_oidc
  launch_clamd
  start_pg
  wait_ready azurite "$(cat "$STATE/azurite.pid")" "$STATE/azurite.log" port_open "$AZ_PORT"
  log "azurite: ready on 127.0.0.1:$AZ_PORT (pid $(cat "$STATE/azurite.pid"))"
  wait_ready smtp-sink "$(cat "$STATE/smtp-sink.pid")" "$STATE/smtp-sink.log" port_open "$SMTP_PORT"
  log "smtp-sink: ready on 127.0.0.1:$SMTP_PORT (pid $(cat "$STATE/smtp-sink.pid"))"
  wait_ready oidc "$(cat "$STATE/oidc.pid")" "$STATE/oidc.log" oidc_ready
  log "oidc: ready on 127.0.0.1:$OIDC_PORT and :$((OIDC_PORT + 1)) (pid $(cat "$STATE/oidc.pid"))"
  wait_ready clamd "$(cat "$STATE/clamd.pid")" "$STATE/clamd.log" clamd_ready
  log "clamd: ready on 127.0.0.1:$CLAMD_PORT (pid $(cat "$STATE/clamd.pid"))"
  trap - EXIT
  write_env
  log "all services ready in $((SECONDS - t0))s (state: $STATE)"
}

do_status() {
  local rc=0
  if pg_running; then log "postgres: running (pid $(head -n 1 "$STATE/pg/data/postmaster.pid"))"
  else log "postgres: stopped"; rc=3; fi
  local name pidfile pattern pid
  for spec in "azurite:$STATE/azurite.pid:azurite-blob" "smtp-sink:$STATE/smtp-sink.pid:smtp-sink/sink.js" \
              "oidc:$STATE/oidc.pid:oidc/provider.mjs" "clamd:$STATE/clamd.pid:$STATE/clamd/clamd.conf"; do
    IFS=: read -r name pidfile pattern <<<"$spec"
    pid="$(cat "$pidfile" 2>/dev/null || true)"
    if is_ours "$pid" "$pattern"; then log "$name: running (pid $pid)"
    else log "$name: stopped"; rc=3; fi
  done
  return $rc
}

case "${1:-}" in
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
