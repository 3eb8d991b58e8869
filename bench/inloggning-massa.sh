#!/usr/bin/env bash
# The morning a campaign opens (issue 17, item 5): BENCH_ANSTALLDA employees (default 2 000) sign in at once, BENCH_SAMTIDIGA
# (default 64) at a time, first with e-mail and password (Identity's own PBKDF2 cost, not the lowered bench cost), then
# through the municipality's OpenID Provider (the whole code flow with PKCE and PAR, over HTTP), then through it again
# (already linked). Prints sign-ins per second for each, each part's time per sign-in (p50/p99), the time inside the
# provider per endpoint, and the CPU seconds the portal and the provider each spent: the portal's share of an OIDC
# sign-in (its challenge and callback) must not be what limits it.
#   bench/inloggning-massa.sh
#   BENCH_ANSTALLDA=500 BENCH_SAMTIDIGA=32 bench/inloggning-massa.sh
# The CPU split per part is a difference between rounds: it needs thousands of sign-ins. With a few dozen, the JIT and the
# process's own background work dominate, and a part can even come out negative.
# The portal runs the published Release build on SQLite (bench/ChefsRekrytering.Bench: the employees of BenchSeeder in
# Älvsbyn, each with an account and an employee number); the provider is bench/oidc-leverantor.mjs, started here on its
# own port with the same employees. Clients: bench/inloggning-massa.mjs (node, one cookie jar per employee).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${BENCH_ANSTALLDA:-2000}"
C="${BENCH_SAMTIDIGA:-64}"
APP_PORT="${BENCH_PORT:-5381}"
OIDC_PORT="${BENCH_OIDC_PORT:-5596}"
work="$(mktemp -d /tmp/chefs-bench-massa.XXXXXX)"
cleanup() { for p in "$work"/*.pid; do stop_pid_file "$p"; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib.sh

infra/install.sh >/dev/null   # oidc-provider in infra/tools/node_modules
for port in "$APP_PORT" "$OIDC_PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && die "port $port är upptagen (BENCH_PORT / BENCH_OIDC_PORT)"
done

echo "== Inloggning en morgon: $N anställda, $C samtidiga, $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) kärnor; last före: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet publish bench/ChefsRekrytering.Bench -c Release -o "$work/app" --nologo -v q >"$work/build.log" 2>&1 \
  || { grep -E "error" "$work/build.log" | sort -u >&2; die "bygget misslyckades"; }

(exec node bench/oidc-leverantor.mjs --port "$OIDC_PORT") >"$work/oidc.log" 2>&1 &
echo $! >"$work/oidc.pid"
wait_http "http://127.0.0.1:$OIDC_PORT/.well-known/openid-configuration" 60 || { cat "$work/oidc.log"; die "leverantören startade inte"; }

k=Portal__Oidc__Kommuner__alvsbyn
start_portal "$APP_PORT" "$work/data" "Portal__Kommuner__0=alvsbyn" "Portal__PublicUrl=http://127.0.0.1:$APP_PORT" \
  "Bench__Anstallda=$N" Bench__Kommun=alvsbyn Bench__FullHashkostnad=true \
  "${k}__Authority=http://127.0.0.1:$OIDC_PORT" "${k}__ClientId=chefsrekrytering" "${k}__ClientSecret=bench-hemlighet" \
  "${k}__AnstallningsnummerClaim=employee_number" "${k}__TillatHttp=true" \
  || die "portalen startade inte"
portal_pid=$(cat "$work/portal-$APP_PORT.pid")
oidc_pid=$(cat "$work/oidc.pid")

cpu_s() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }   # user + system CPU seconds of a process (USER_HZ 100)

declare -A cpu_portal cpu_oidc
runda() { # <key> <label> <satt> [more arguments to inloggning-massa.mjs]
  local key=$1 label=$2 satt=$3; shift 3
  local p0 o0 load
  p0=$(cpu_s "$portal_pid"); o0=$(cpu_s "$oidc_pid")
  echo
  node bench/inloggning-massa.mjs --satt "$satt" --portal "http://127.0.0.1:$APP_PORT" --antal "$N" --samtidiga "$C" "$@" \
    | sed "1s/^[^:]*:/$label:/" || failed=1
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu_portal[$key]=$(awk -v a="$p0" -v b="$(cpu_s "$portal_pid")" 'BEGIN {printf "%.2f", b - a}')
  cpu_oidc[$key]=$(awk -v a="$o0" -v b="$(cpu_s "$oidc_pid")" 'BEGIN {printf "%.2f", b - a}')
  echo "  CPU-sekunder under rundan: portalen ${cpu_portal[$key]}, leverantören ${cpu_oidc[$key]} (node, en tråd); last efter: $load"
}
per() { awk -v s="$1" -v n="$N" 'BEGIN {printf "%6.1f", s * 1000 / n}'; }         # CPU seconds of a round → ms per sign-in
skillnad() { awk -v a="$1" -v b="$2" -v n="$N" 'BEGIN {printf "%6.1f", (a - b) * 1000 / n}'; }

failed=0
# Warm-up: a few of each, so the first JIT and the provider's discovery document are not in the figures.
node bench/inloggning-massa.mjs --satt losenord --portal "http://127.0.0.1:$APP_PORT" --antal 4 --samtidiga 2 --forst "$((N - 3))" >/dev/null || die "uppvärmningen (lösenord) misslyckades"
node bench/inloggning-massa.mjs --satt oidc --portal "http://127.0.0.1:$APP_PORT" --antal 4 --samtidiga 2 --forst "$((N - 3))" >/dev/null || die "uppvärmningen (OIDC) misslyckades"

lev=(--leverantor "http://127.0.0.1:$OIDC_PORT")
runda losenord "Lösenord (PBKDF2, Identitys egen kostnad)" losenord
runda oidc1 "OIDC, första inloggningen (kopplas via anställningsnumret)" oidc "${lev[@]}"
runda oidc2 "OIDC igen (redan kopplad, via subjektet)" oidc "${lev[@]}"

# The portal's CPU per part of an OIDC sign-in, from rounds that stop earlier: the page alone, the page and the challenge,
# the whole sign-in up to the callback's redirect. Each difference is one part's CPU; the provider's is its whole round's.
echo
echo "== Var CPU-tiden går i en OIDC-inloggning (rundor som slutar tidigare; $N var, $C samtidiga)"
runda sida "Bara inloggningssidan" sida
runda utmaning "Sidan och utmaningen (med PAR)" utmaning "${lev[@]}"
runda oidc3 "OIDC till återkomsten (utan första sidan)" oidc --hem nej "${lev[@]}"
echo
echo "CPU per inloggning, ms (processens user + system under rundan, delat med $N)"
t() { printf '  %-68s %s\n' "$1" "$2"; }
t "portalen: inloggningssidan" "$(per "${cpu_portal[sida]}")"
t "portalen: utmaningen (POST knappen, PAR)" "$(skillnad "${cpu_portal[utmaning]}" "${cpu_portal[sida]}")"
t "portalen: återkomsten /signin-oidc (token, koppling, sessionen, kakan)" "$(skillnad "${cpu_portal[oidc3]}" "${cpu_portal[utmaning]}")"
t "portalens andel (sida + utmaning + återkomst)" "$(per "${cpu_portal[oidc3]}")"
t "leverantören: hela inloggningen (PAR, authorize, formulär, token)" "$(per "${cpu_oidc[oidc3]}")"
t "portalen: första sidan inloggad (efter inloggningen)" "$(skillnad "${cpu_portal[oidc2]}" "${cpu_portal[oidc3]}")"
t "portalen: en lösenordsinloggning (sida, POST, första sidan)" "$(per "${cpu_portal[losenord]}")"
echo
echo "last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
