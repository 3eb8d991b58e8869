#!/usr/bin/env bash
# The signed-in recruitment list under load, with 1,000 recruitments and 20,000 applicants, beside a bare
# `dotnet new webapp` page measured in the same run on the same machine; and the SQL commands per page at two
# data sizes, which must be the same. Goal: ratio at least 0.25, constant command count.
#   bench/rekrytering-lista.sh            (DURATION=15s WARMUP=40s CONNECTIONS=32 to change the load)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
DURATION=${DURATION:-15s}
# The portal's JIT reaches its steady state only after about 30 s of load on two cores (measured: 341, 333, 570, 954,
# 1,020, 1,089 requests/s in successive 8-s runs); the bare page within a second. Both get the same warm-up.
WARMUP=${WARMUP:-40s}
CONNECTIONS=${CONNECTIONS:-32}
work=$(mktemp -d /tmp/chefs-bench-lista.XXXXXX)
cleanup() { for p in "$work"/*.pid; do stop_pid_file "$p"; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib.sh

infra/install.sh >/dev/null
echo "Bygger (Release) ..."
dotnet publish bench/ChefsRekrytering.Bench -c Release -o "$work/app" >/dev/null
dotnet new webapp -o "$work/bare-src" --no-https >/dev/null
dotnet publish "$work/bare-src" -c Release -o "$work/bare" >/dev/null

# SQL commands are counted from EF Core's own log of executed commands (event 20101, parameters never logged), with
# nothing else running in the portal (no scheduler, no mail dispatcher): no counting code in the portal itself.
executed() { grep -c 'Database.Command\[20101\]' "$work/portal-$1.log" || true; }
measure_sql() { # <recruitments> <port>: SQL commands for the list page at that data size
  start_portal "$2" "$work/data-$1" Bench__Rekryteringar="$1" Bench__KandidaterPerRekrytering=20 \
    Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information
  sign_in "http://127.0.0.1:$2" hr@kalix.example "$work/jar-$2"
  curl -fs -b "$work/jar-$2" "http://127.0.0.1:$2/" -o /dev/null   # first request after sign-in may refresh the cookie
  sleep 0.5; local before; before=$(executed "$2")
  curl -fs -b "$work/jar-$2" -o /dev/null "http://127.0.0.1:$2/rekrytering"
  sleep 0.5; echo $(( $(executed "$2") - before ))
}

echo "Sår data och mäter SQL-kommandon per sida ..."
small=$(measure_sql 100 5301)
stop_pid_file "$work/portal-5301.pid"
large=$(measure_sql 1000 5302)

stop_pid_file "$work/portal-5302.pid"

echo "Lastar listan ($DURATION, $CONNECTIONS anslutningar) ..."
# Started again without the command log: the same database, so the session signed in above is still valid.
start_portal 5304 "$work/data-1000" Bench__Rekryteringar=1000 Bench__KandidaterPerRekrytering=20
cookie=$(cookie_header "$work/jar-5302")
status=$(curl -s -o "$work/lista.html" -w '%{http_code}' -H "Cookie: $cookie" http://127.0.0.1:5304/rekrytering)
[ "$status" = 200 ] && grep -q "BENCH" "$work/lista.html" || { echo "Listan svarade $status utan rekryteringar: inloggningen fungerar inte." >&2; exit 1; }
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "Cookie: $cookie" "http://127.0.0.1:5304/rekrytering" >/dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:5304/rekrytering" >"$work/wrk-lista.txt"
# The floor under any signed-in page: the same process, the same cookie, a page that reads nothing but the session
# (the error page, with the full layout). The list can come no closer to the bare page than this.
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -H "Cookie: $cookie" "http://127.0.0.1:5304/fel/404" >"$work/wrk-tom.txt"
stop_pid_file "$work/portal-5304.pid"

echo "Lastar en tom webapp-sida ..."
start_bare 5303
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:5303/" >/dev/null   # warm-up
wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:5303/" >"$work/wrk-bare.txt"

read -r list_rps list_p99 list_err < <(wrk_figures "$work/wrk-lista.txt")
read -r bare_rps bare_p99 bare_err < <(wrk_figures "$work/wrk-bare.txt")
read -r tom_rps tom_p99 tom_err < <(wrk_figures "$work/wrk-tom.txt")
ratio=$(awk -v a="$list_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", a / b}')
floor=$(awk -v a="$tom_rps" -v b="$bare_rps" 'BEGIN {printf "%.2f", a / b}')
cat <<REPORT

Rekryteringslistan (inloggad HR, 1 000 rekryteringar, 20 000 sökande, SQLite): varje förfrågan läser databasen
  förfrågningar/s   $list_rps
  p99               $list_p99 ms
  fel (ej 2xx/3xx)  $list_err
Tom inloggad sida i portalen (/fel/404: sessionen och sidmallen, ingen annan läsning), samma process
  förfrågningar/s   $tom_rps
  p99               $tom_p99 ms
Tom webapp-sida (dotnet new webapp), samma körning
  förfrågningar/s   $bare_rps
  p99               $bare_p99 ms
Kvot lista / tom sida: $ratio (mål minst 0,25)
Kvot tom inloggad sida / tom sida: $floor (taket för varje inloggad sida)
SQL-kommandon per sida: $small vid 100 rekryteringar, $large vid 1 000 (mål: lika)
Maskinens last: $(cut -d' ' -f1-3 /proc/loadavg)
REPORT
[ "$small" = "$large" ] || { echo "SQL-kommandona växer med datamängden." >&2; exit 1; }
