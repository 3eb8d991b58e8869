#!/usr/bin/env bash
# Two instances of the portal behind haproxy (round-robin, no sticky sessions, TLS ended at the proxy) on one PostgreSQL
# and one Azurite, both with the mail dispatcher and the scheduler on. See README, "Benchmarks".
#
#   bench/tva-instanser.sh                                  # 400 employees, 10 s burst through the proxy, 16 connections
#   BENCH_ANSTALLDA=1000 BENCH_SEKUNDER=15 bench/tva-instanser.sh
#
# Shows, and fails (exit 1) when one does not hold:
#  1. both instances start at the same moment on a new database (Startlas: one seeds, the other waits);
#  2. signed in on instance 1, the same cookie is signed in on instance 2, and instance 1's form token is accepted there
#     (the data-protection keys are in the database);
#  3. X-Forwarded-For/Proto from the proxy are honoured: cookies are Secure through the proxy's https, the sign-in rate
#     limit counts the client's address (a second client is not refused), and an X-Forwarded-For the client wrote is not;
#  4. a nomination burst through the proxy alternates instances and gets no 400 (antiforgery) and no 5xx;
#  5. every mail is sent once: each outbox row's Message-ID is in exactly one .eml file in the SMTP sink, none extra;
#  6. every job runs once: one invitation per employee (the opening job ran once), and each recurring job ran once and
#     has one pending next run per municipality, with both schedulers polling every second.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

N="${BENCH_ANSTALLDA:-400}"
RUN_SECONDS="${BENCH_SEKUNDER:-10}"
CONNS="${BENCH_ANSLUTNINGAR:-16}"
PREP_PARALLEL="${BENCH_PARALLELLT:-8}"
PORT1="${BENCH_PORT:-5711}"; PORT2=$((PORT1 + 1)); PROXY_PORT=$((PORT1 + 2)); STATS_PORT=$((PORT1 + 3))
PG_PORT="${BENCH_PG_PORT:-55711}"
AZ_PORT="${BENCH_AZURITE_PORT:-10711}"
SMTP_PORT="${BENCH_SMTP_PORT:-2711}"
CLAMD_PORT="${BENCH_CLAMD_PORT:-3711}"
OIDC_PORT="${BENCH_OIDC_PORT:-5716}"   # and the next port
LIMIT=10   # Security:InloggningarPerMinut, the production default: sign-in posts per client address and minute

work="$(mktemp -d /tmp/chefs-bench-tva.XXXXXX)"
chmod 755 "$work"   # the postgres user must reach the cluster below it
PROXY="https://127.0.0.1:$PROXY_PORT"
source bench/lib.sh
failed=0
check() {   # check <what> <condition-exit-code>: prints the verdict, remembers a failure
  if [ "$2" -eq 0 ]; then echo "  ok: $1"; else echo "  INTE: $1"; failed=1; fi
}

services() {
  CHEFS_SERVICES_DIR="$work/services" CHEFS_PG_PORT="$PG_PORT" CHEFS_AZURITE_PORT="$AZ_PORT" CHEFS_SMTP_PORT="$SMTP_PORT" \
    CHEFS_CLAMD_PORT="$CLAMD_PORT" CHEFS_OIDC_PORT="$OIDC_PORT" infra/services.sh "$1"
}
cleanup() {
  for p in "$work"/*.pid; do stop_pid_file "$p"; done
  [ -f "$work/services/env" ] && services stop >/dev/null 2>&1 || true
  if [ -n "${BENCH_BEHALL:-}" ]; then log "arbetsmapp kvar: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

infra/install.sh >/dev/null
for tool in wrk curl psql awk openssl haproxy; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool saknas"
done

echo "== Två instanser bakom haproxy, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "maskin: $(nproc) kärnor; last före: $(cut -d' ' -f1-3 /proc/loadavg)"

log "bygger Release"
dotnet publish bench/ChefsRekrytering.Bench -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; die "bygget av portalen misslyckades"; }

services start >"$work/services.log" 2>&1 || { cat "$work/services.log" >&2; die "tjänsterna startade inte"; }
source "$work/services/env"
pg=(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q)
"${pg[@]}" -d postgres -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET synchronous_commit = on" \
  -c "ALTER SYSTEM SET full_page_writes = on" -c "SELECT pg_reload_conf()" -c "CREATE DATABASE chefs_tva" >/dev/null
sql() { "${pg[@]}" -d chefs_tva -At -F ' ' -c "$1"; }

# --- the proxy: TLS ended here, X-Forwarded-For/Proto added, round-robin per request ---------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$work/proxy.key" -out "$work/proxy.crt" 2>/dev/null
cat "$work/proxy.crt" "$work/proxy.key" >"$work/proxy.pem"
cat >"$work/haproxy.cfg" <<EOF
global
  maxconn 2000
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option forwardfor
frontend portal
  bind 127.0.0.1:$PROXY_PORT ssl crt $work/proxy.pem
  http-request set-header X-Forwarded-Proto https
  default_backend instanser
backend instanser
  balance roundrobin
  http-response set-header X-Instans %[srv_name]
  server i1 127.0.0.1:$PORT1 check inter 2s
  server i2 127.0.0.1:$PORT2 check inter 2s
frontend statistik
  bind 127.0.0.1:$STATS_PORT
  stats enable
  stats uri /stats
EOF
(exec haproxy -db -f "$work/haproxy.cfg") >"$work/haproxy.log" 2>&1 &
echo $! >"$work/haproxy.pid"

# --- 1. both instances at once ------------------------------------------------------------------------------------
env_both=(Portal__Kommuner__0=alvsbyn Portal__SeedDemo=false "Portal__PublicUrl=$PROXY" "Bench__Anstallda=$N" Bench__Kommun=alvsbyn
  Scheduler__Enabled=true Scheduler__PollInterval=00:00:01 Mail__DispatcherEnabled=true Mail__PollInterval=00:00:01
  Mail__Delivery=Smtp Mail__Smtp__Host=127.0.0.1 "Mail__Smtp__Port=$SMTP_PORT" Mail__Smtp__Security=None
  Storage__Documents__Provider=AzureBlob "Storage__Documents__ConnectionString=$CHEFS_TEST_AZURITE"
  Security__ForwardedHeaders=true "Security__InloggningarPerMinut=$LIMIT"
  "ConnectionStrings__Portal=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres;Database=chefs_tva")
echo
echo "1. Start av båda samtidigt på en ny databas ($N anställda)"
t0=$SECONDS
start_portal "$PORT1" "$work/data-1" "${env_both[@]}" & s1=$!
start_portal "$PORT2" "$work/data-2" "${env_both[@]}" & s2=$!
r1=0; r2=0; wait "$s1" || r1=$?; wait "$s2" || r2=$?
check "båda instanserna svarar på /health efter $((SECONDS - t0)) s" $((r1 + r2))
[ $((r1 + r2)) -eq 0 ] || die "en instans startade inte"
for _ in $(seq 1 240); do
  [ "$(sql "SELECT COUNT(*) FROM \"AretsChefKampanjer\" WHERE \"State\" = 'NomineringOppen' AND \"InbjudningarSkickadeUtc\" IS NOT NULL")" = 1 ] && break
  sleep 0.5
done
invited="$(sql "SELECT COUNT(*) FROM \"OutboxMessage\" WHERE \"Topic\" LIKE 'AretsChef:%:Inbjudan'")"

# --- 2. sign in on one, use on the other ----------------------------------------------------------------------------
echo
echo "2. Inloggad på instans 1, samma kaka på instans 2"
jar="$work/direkt.jar"
email="$(sql "SELECT \"Epost\" FROM \"Personer\" WHERE \"Epost\" LIKE '%@bench.example' ORDER BY \"Id\" LIMIT 1")"
t="$(curl -sS -c "$jar" -b "$jar" "http://127.0.0.1:$PORT1/konto/logga-in" | antiforgery_token)"
code="$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Epost=$email" \
  --data-urlencode "Input.Losenord=$PASSWORD" --data-urlencode "__RequestVerificationToken=$t" "http://127.0.0.1:$PORT1/konto/logga-in")"
check "inloggning på instans 1 ($PORT1): $code" "$([ "$code" = 302 ]; echo $?)"
page="$(curl -sS -c "$jar" -b "$jar" "http://127.0.0.1:$PORT1/arets-chef")"
form="$(printf '%s' "$page" | antiforgery_token)"
nominee="$(printf '%s' "$page" | grep -o '<option value="[0-9][0-9]*"' | head -n 1 | tr -dc '0-9')"
code="$(curl -sS -o "$work/sida-2.html" -w '%{http_code}' -b "$jar" "http://127.0.0.1:$PORT2/arets-chef")"
check "GET /arets-chef på instans 2 ($PORT2) med instans 1:s kaka: $code, sidan har 'Logga ut'" \
  "$([ "$code" = 200 ] && grep -q 'Logga ut' "$work/sida-2.html"; echo $?)"
code="$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT2/arets-chef")"
check "utan kakan skickar instans 2 till inloggningen: $code" "$([ "$code" = 302 ]; echo $?)"
motivering="Chefen skapar ett tryggt arbetsklimat och når goda resultat tillsammans med oss."
code="$(curl -sS -o /dev/null -w '%{http_code}' -b "$jar" --data-urlencode "__RequestVerificationToken=$form" \
  --data-urlencode "Nominering.ChefPersonId=$nominee" --data-urlencode "Nominering.Motiveringar[resultat]=$motivering" \
  --data-urlencode "Nominering.Motiveringar[arbetsklimat]=$motivering" "http://127.0.0.1:$PORT2/arets-chef")"
rows="$(sql "SELECT COUNT(*) FROM \"AretsChefNomineringar\" n JOIN \"Personer\" p ON p.\"Id\" = n.\"NominatorPersonId\" WHERE p.\"Epost\" = '$email'")"
check "POST på instans 2 med formulärets token från instans 1: $code, nomineringsrader: $rows" "$([ "$code" = 302 ] && [ "$rows" = 1 ]; echo $?)"

# --- 3. forwarded headers and the sign-in rate limit through the proxy ---------------------------------------------------
echo
echo "3. X-Forwarded-For/Proto genom proxyn; inloggningsgränsen $LIMIT/min per klientadress"
secure_proxy="$(curl -sSk -D - -o /dev/null "$PROXY/konto/logga-in" | grep -ci '^set-cookie:.*; secure' || true)"
secure_direct="$(curl -sS -D - -o /dev/null "http://127.0.0.1:$PORT1/konto/logga-in" | grep -ci '^set-cookie:.*; secure' || true)"
check "kakor Secure genom proxyns https ($secure_proxy st), inte direkt över http ($secure_direct st)" \
  "$([ "$secure_proxy" -ge 1 ] && [ "$secure_direct" = 0 ]; echo $?)"
# One failed sign-in per request, each to another (unknown) address, so the database brake (per address and source)
# never answers; what refuses is the rate limiter. Client A (127.0.0.2) writes an X-Forwarded-For of its own each time.
attempt() {   # attempt <source address> <n> [forged X-Forwarded-For]: prints the status code
  local jar="$work/rate-$1.jar" t
  t="$(curl -sSk --interface "$1" -c "$jar" -b "$jar" "$PROXY/konto/logga-in" | antiforgery_token)"
  curl -sSk --interface "$1" -o /dev/null -w '%{http_code}\n' -c "$jar" -b "$jar" ${3:+-H "X-Forwarded-For: $3"} \
    --data-urlencode "Input.Epost=ingen$2@bench.example" --data-urlencode "Input.Losenord=fel-losenord-$2" \
    --data-urlencode "__RequestVerificationToken=$t" "$PROXY/konto/logga-in"
}
tries=$((3 * LIMIT))
for i in $(seq 1 "$tries"); do attempt 127.0.0.2 "$i" "10.9.$((i % 250)).$((i % 200 + 1))"; done >"$work/rate-a.txt"
a_ok="$(grep -c '^200$' "$work/rate-a.txt" || true)"; a_429="$(grep -c '^429$' "$work/rate-a.txt" || true)"
b="$(attempt 127.0.0.3 0)"
echo "  klient A: $tries försök med eget X-Forwarded-For: $a_ok besvarade (200), $a_429 nekade (429)"
check "A nekas efter gränsen, trots sitt X-Forwarded-For (högst $LIMIT per instans, gränsen hålls i varje instans minne)" \
  "$([ "$a_429" -ge $((tries - 2 * LIMIT)) ] && [ "$a_ok" -le $((2 * LIMIT)) ]; echo $?)"
check "klient B (127.0.0.3) genom samma proxy räknas för sig: $b" "$([ "$b" = 200 ]; echo $?)"

# --- 4. a nomination burst through the proxy -----------------------------------------------------------------------------
echo
echo "4. Nomineringar genom proxyn: $N anställda, wrk -t$CONNS -c$CONNS ${RUN_SECONDS} s"
# Each employee signs in through the proxy from an address of their own (the limit counts each client); sign-in, form
# and posts land on whichever instance the proxy picks.
prep_one() {
  local id="$1" email="$2" jar="$work/jars/$1" t code page form nominee addr
  addr="127.1.$((id / 250 % 250)).$((id % 250 + 1))"
  t="$(curl -sSk --interface "$addr" -c "$jar" -b "$jar" "$PROXY/konto/logga-in" | antiforgery_token)"
  code="$(curl -sSk --interface "$addr" -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Input.Epost=$email" \
    --data-urlencode "Input.Losenord=$PASSWORD" --data-urlencode "__RequestVerificationToken=$t" "$PROXY/konto/logga-in")"
  [ "$code" = 302 ] || { echo "bench: inloggningen för $email gav $code" >&2; return 1; }
  page="$(curl -sSk --interface "$addr" -c "$jar" -b "$jar" "$PROXY/arets-chef")"
  form="$(printf '%s' "$page" | antiforgery_token)"
  nominee="$(printf '%s' "$page" | grep -o '<option value="[0-9][0-9]*"' | tr -dc '0-9\n' | awk -v k="$id" '{a[NR]=$0} END {print a[k % NR + 1]}')"
  [ -n "$form" ] && [ -n "$nominee" ] || { echo "bench: inget nomineringsformulär för $email" >&2; return 1; }
  printf '%s\t%s\t%s\t%s\n' "$id" "$(cookie_header "$jar")" "$form" "$nominee" >"$work/sessions/$id"
}
export -f prep_one antiforgery_token cookie_header
export PROXY PASSWORD work
mkdir -p "$work/jars" "$work/sessions"
sql "SELECT \"Id\", \"Epost\" FROM \"Personer\" WHERE \"Epost\" LIKE '%@bench.example' ORDER BY \"Id\"" \
  | xargs -P "$PREP_PARALLEL" -n 2 bash -c 'prep_one "$@"' _ || die "förberedelsen genom proxyn misslyckades"
cat "$work"/sessions/* >"$work/sessions.tsv"
check "$(wc -l <"$work/sessions.tsv") av $N inloggade genom proxyn" "$([ "$(wc -l <"$work/sessions.tsv")" -eq "$N" ]; echo $?)"
stats() { curl -fsS "http://127.0.0.1:$STATS_PORT/stats;csv" | awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  $1 == "instanser" && ($2 == "i1" || $2 == "i2") { printf "%s %s %s %s ", $2, $c["hrsp_3xx"], $c["hrsp_4xx"], $c["hrsp_5xx"] }
  END { print "" }'; }
read -r _ b3_1 b4_1 b5_1 _ b3_2 b4_2 b5_2 < <(stats)
load="$(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t"$CONNS" -c"$CONNS" -d"${RUN_SECONDS}s" --latency -s bench/nominera.lua "$PROXY/arets-chef" -- "$work/sessions.tsv" "$work/ok.txt" "$CONNS" \
  >"$work/wrk.txt"
read -r _ a3_1 a4_1 a5_1 _ a3_2 a4_2 a5_2 < <(stats)
result() { grep '^RESULT' "$work/wrk.txt" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k {print $2}'; }
statuses="$(result statuses)"
echo "  $(result accepted_per_s) accepterade/s, p50 $(result p50_ms) ms, p99 $(result p99_ms) ms; svar: $statuses; socketfel: $(result errors); last: $load"
echo "  instans 1: $((a3_1 - b3_1)) 3xx, $((a4_1 - b4_1)) 4xx, $((a5_1 - b5_1)) 5xx; instans 2: $((a3_2 - b3_2)) 3xx, $((a4_2 - b4_2)) 4xx, $((a5_2 - b5_2)) 5xx"
check "båda instanserna tog del av skuren" "$([ $((a3_1 - b3_1)) -gt 0 ] && [ $((a3_2 - b3_2)) -gt 0 ]; echo $?)"
check "inga 400 (antiforgery) och inga 5xx: bara 302" "$([ "$(result other)" = 0 ] && [ "$(result errors)" = 0 ]; echo $?)"
sql "SELECT \"NominatorPersonId\", COUNT(*) FROM \"AretsChefNomineringar\" GROUP BY \"NominatorPersonId\" HAVING COUNT(*) > 1" >"$work/doubled.txt"
check "ingen anställd har mer än en nomineringsrad ($(sql "SELECT COUNT(*) FROM \"AretsChefNomineringar\"") rader)" "$([ ! -s "$work/doubled.txt" ]; echo $?)"

# --- 5. every mail once ----------------------------------------------------------------------------------------------------
echo
echo "5. Varje mejl en gång (båda instansernas utskick igång)"
t0=$SECONDS
until [ "$(sql "SELECT COUNT(*) FROM \"OutboxMessage\" WHERE \"Status\" = 'Pending' AND \"DueUtc\" <= now()")" = 0 ] || ((SECONDS - t0 > 180)); do sleep 1; done
sql "SELECT \"Status\", COUNT(*) FROM \"OutboxMessage\" GROUP BY \"Status\" ORDER BY 1" | sed 's/^/  utkorgen: /'
sql "SELECT replace(\"MessageId\"::text, '-', '') FROM \"OutboxMessage\" WHERE \"Status\" = 'Done'" | sort >"$work/outbox-ids.txt"
find "$work/services/mail" -name '*.eml' -print0 | xargs -0 -r grep -h -m 1 -i '^Message-ID:' \
  | sed 's/.*<\([0-9a-f]*\)@.*/\1/' | sort >"$work/eml-ids.txt"
emls="$(find "$work/services/mail" -name '*.eml' | wc -l)"
distinct="$(sort -u "$work/eml-ids.txt" | wc -l)"
rows="$(wc -l <"$work/outbox-ids.txt")"
twice="$(uniq -d "$work/eml-ids.txt" | wc -l)"
missing="$(comm -23 "$work/outbox-ids.txt" <(sort -u "$work/eml-ids.txt") | wc -l)"
extra="$(comm -13 "$work/outbox-ids.txt" <(sort -u "$work/eml-ids.txt") | wc -l)"
echo "  $invited inbjudningar i utkorgen för $N anställda; $rows skickade rader; $emls .eml-filer, $distinct olika Message-ID"
check "inbjudningar = anställda ($invited = $N)" "$([ "$invited" = "$N" ]; echo $?)"
check "varje skickad rad levererad exakt en gång: $missing saknas, $twice dubbla, $extra okända" \
  "$([ "$missing" = 0 ] && [ "$twice" = 0 ] && [ "$extra" = 0 ] && [ "$emls" = "$rows" ]; echo $?)"

# --- 6. every job once -----------------------------------------------------------------------------------------------------
echo
echo "6. Varje jobb en gång (båda schemaläggarna frågar varje sekund)"
sql "SELECT \"KommunId\", \"JobType\", SUM(CASE WHEN \"Status\" = 'Done' THEN 1 ELSE 0 END), SUM(CASE WHEN \"Status\" = 'Pending' THEN 1 ELSE 0 END),
       MAX(\"Attempts\") FROM \"ScheduledJob\" GROUP BY 1, 2 ORDER BY 1, 2" >"$work/jobs.txt"
awk '{ printf "  %-10s %-34s klara %s, väntande %s, flest försök %s\n", $1, $2, $3, $4, $5 }' "$work/jobs.txt"
# Recurring jobs run at start (due at once) and schedule their next run a day or more later: run twice, a type would show
# two done runs or two pending next runs.
over="$(sql "SELECT COUNT(*) FROM (SELECT 1 FROM \"ScheduledJob\" WHERE \"SubjectId\" IS NULL AND \"Status\" IN ('Done', 'Pending')
        GROUP BY \"KommunId\", \"JobType\", \"Status\" HAVING COUNT(*) > 1) d")"
check "ingen (kommun, jobbtyp) med mer än en klar körning eller mer än en väntande nästa körning ($over)" "$([ "$over" = 0 ]; echo $?)"

echo
echo "last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "$failed" = 0 ] && echo "resultat: allt uppnått" || echo "resultat: INTE allt uppnått"
exit "$failed"
