# Shared by the bench scripts: start the published portal, sign in, run wrk and read its figures.
# Sourced, not run. Expects $work (a scratch folder) and writes logs there.

# The bench employees' password (BenchOptions.Losenord: bench accounts only, refused in Production).
PASSWORD="Bench-2026-nominera"

log() { echo "bench: $*" >&2; }
die() { echo "bench: FEL: $*" >&2; exit 1; }

# start_portal <port> <data-folder> [extra env assignments...]: starts the Release build of the portal with the bench
# data (bench/ChefsRekrytering.Bench, published to $work/app), waits for /health (BENCH_START_TIMEOUT s, 600 by default:
# seeding a large municipality takes minutes).
# Environment "Bench": the production pipeline, but demo accounts and unencrypted keys, which Production refuses; and, as
# in the demo, HR signs in without an authenticator code (Security:Tvastegsverifiering:Kravs), so curl can sign in.
start_portal() {
  local port=$1 data=$2; shift 2
  (cd "$work/app"; exec env ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Bench \
      Storage__DataFolder="$data" Portal__SeedDemo=true Security__SecureCookies=false Security__InloggningarPerMinut=100000 Security__Tvastegsverifiering__Kravs=false Mail__DispatcherEnabled=false Scheduler__Enabled=false \
      Logging__LogLevel__Default=Warning "$@" dotnet ChefsRekrytering.Bench.dll) >"$work/portal-$port.log" 2>&1 &
  echo $! >"$work/portal-$port.pid"
  wait_http "http://127.0.0.1:$port/health" "${BENCH_START_TIMEOUT:-600}" || { tail -20 "$work/portal-$port.log"; return 1; }
}

# stop_pid_file <file>: stops that process and waits until it is gone, so what follows reads a quiet database.
stop_pid_file() {
  [ -f "$1" ] || return 0
  local pid; pid=$(cat "$1"); rm -f "$1"
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}

# wait_http <url> <seconds>
wait_http() {
  local deadline=$((SECONDS + $2))
  until curl -fs -o /dev/null "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}

# start_bare <port>: the baseline app published to $work/bare (from `dotnet new web` or `webapp`), ready when / answers.
start_bare() {
  (cd "$work/bare"; exec env ASPNETCORE_URLS="http://127.0.0.1:$1" Logging__LogLevel__Default=Warning dotnet bare-src.dll) >"$work/bare.log" 2>&1 &
  echo $! >"$work/bare.pid"
  wait_http "http://127.0.0.1:$1/" 120
}

# antiforgery_token: the first form token in the HTML on standard input.
antiforgery_token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }

# sign_in <base-url> <email> <cookie-jar> [password]: the portal's own sign-in form, antiforgery token and all; fails
# unless the portal answers with the redirect of a signed-in session (a wrong password shows the form again, with 200).
# The password is the demo accounts' unless given (the bench's employees have their own, BenchOptions.Losenord).
sign_in() {
  local token code
  token=$(curl -fsS -c "$3" -b "$3" "$1/konto/logga-in" | antiforgery_token)
  code=$(curl -sS -o /dev/null -w '%{http_code}' -c "$3" -b "$3" --data-urlencode "Input.Epost=$2" \
    --data-urlencode "Input.Losenord=${4:-Demo-2026-chef}" --data-urlencode "__RequestVerificationToken=$token" "$1/konto/logga-in")
  [ "$code" = 302 ] || { echo "bench: inloggningen för $2 gav $code" >&2; return 1; }
}

# wrk_result <file> <key>: a figure from the RESULT line bench/nominera.lua prints.
wrk_result() { grep '^RESULT' "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1 == k {print $2}'; }

# cookie_header <cookie-jar>: "name=value; name=value" for wrk's -H.
cookie_header() { awk '(!/^#/ || /^#HttpOnly_/) && NF==7 {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$1"; }

# wrk_figures <wrk output file>: prints "<requests/s> <p99 ms> <non-2xx/3xx>".
wrk_figures() {
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "$1")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$1")
  errors=$(awk '/Non-2xx or 3xx responses/ {print $5}' "$1")
  echo "${rps:-0} ${p99:-0} ${errors:-0}"
}

# bench_services start|stop: infra/services.sh with the bench's own state folder ($work/services) and ports
# (BENCH_PG_PORT, BENCH_AZURITE_PORT, BENCH_SMTP_PORT, BENCH_CLAMD_PORT, BENCH_OIDC_PORT), so a bench never meets the
# tests' services or another bench's. Received mail lands in $work/services/mail.
bench_services() {
  CHEFS_SERVICES_DIR="$work/services" CHEFS_PG_PORT="${BENCH_PG_PORT:-55439}" CHEFS_AZURITE_PORT="${BENCH_AZURITE_PORT:-10009}" \
    CHEFS_SMTP_PORT="${BENCH_SMTP_PORT:-2539}" CHEFS_CLAMD_PORT="${BENCH_CLAMD_PORT:-3319}" CHEFS_OIDC_PORT="${BENCH_OIDC_PORT:-5596}" \
    infra/services.sh "$1"
}

# peak_memory_mb <pid>: the process's peak resident memory so far (VmHWM), in MB.
peak_memory_mb() { awk '/^VmHWM:/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# wrk_p50 <wrk --latency output file>: the median in ms.
wrk_p50() {
  awk '$1=="50%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' "$1"
}

# cpu_seconds_tree <pid>: CPU time of a process, of its children running now and of those it has reaped, in seconds:
# how PostgreSQL's backends count, each a child of the postmaster, which reaps them when a connection closes.
cpu_seconds_tree() {
  { cat "/proc/$1/stat"; for c in $(pgrep -P "$1"); do cat "/proc/$c/stat" 2>/dev/null || true; done; } | sed 's/.*) //' \
    | awk -v hz="$(getconf CLK_TCK)" 'NR == 1 {s += $12 + $13 + $14 + $15; next} {s += $12 + $13} END {printf "%.1f", s / hz}'
}

# machine_cpu: "<busy> <total>" CPU seconds of the whole machine since boot (all cores), for the busy share of a window.
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '$1 == "cpu" {t = 0; for (i = 2; i <= 9; i++) t += $i; printf "%.1f %.1f", (t - $5 - $6) / hz, t / hz}' /proc/stat; }

# cpu_seconds <pid>: CPU time the process has used (user + system), in seconds; steadier than wall time on a busy machine.
cpu_seconds() {
  local stat; stat="$(cat "/proc/$1/stat")"; stat="${stat##*) }"
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($12 + $13) / hz}' <<<"$stat"
}
