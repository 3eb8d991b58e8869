#!/usr/bin/env bash
# Personalimport at scale (issue 17): a generated HR export of BENCH_ANSTALLDA employees (default 50 000, one unit per 100,
# a tree ten wide) imported into Kalix, then the same file again, on SQLite and on PostgreSQL. Prints both times, the SQL
# commands each import sent, and the test process's peak memory. Goal: first import ≤ 60 s, the same file again ≤ 20 s.
#   bench/personalimport.sh
#   BENCH_ANSTALLDA=5000 bench/personalimport.sh
#   BENCH_DATABASER=postgres bench/personalimport.sh
# PostgreSQL: the server in CHEFS_TEST_POSTGRES (or the one /tmp/chefsrekrytering-services/env names, as infra/services.sh
# leaves it), else a throwaway one this script starts with infra/services.sh on ports of its own. Either way the bench
# imports into a fresh database of its own, created and dropped by the test (PortalFactory).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${BENCH_ANSTALLDA:-50000}"
DATABASES="${BENCH_DATABASER:-sqlite postgres}"
work="$(mktemp -d /tmp/chefs-bench-import.XXXXXX)"
chmod 755 "$work"   # the postgres user must reach a cluster below it
cleanup() {
  [ -f "$work/services/env" ] && CHEFS_SERVICES_DIR="$work/services" infra/services.sh stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if [[ " $DATABASES " == *" postgres "* ]] && [ -z "${CHEFS_TEST_POSTGRES:-}" ]; then
  if [ -f /tmp/chefsrekrytering-services/env ] && source /tmp/chefsrekrytering-services/env \
     && pg_isready -q -d "$(awk -F';' '{for (i = 1; i <= NF; i++) {split($i, kv, "="); o[kv[1]] = kv[2]}} END {printf "host=%s port=%s", o["Host"], o["Port"]}' <<<"$CHEFS_TEST_POSTGRES")"; then
    :
  else
    echo "bench: startar en egen PostgreSQL (infra/services.sh, port 55449)" >&2
    CHEFS_SERVICES_DIR="$work/services" CHEFS_PG_PORT=55449 CHEFS_AZURITE_PORT=10019 CHEFS_SMTP_PORT=2549 CHEFS_CLAMD_PORT=3319 \
      CHEFS_OIDC_PORT=5586 infra/services.sh start >"$work/services.log" 2>&1 || { cat "$work/services.log" >&2; exit 1; }
    source "$work/services/env"
  fi
fi

echo "== Personalimport: $N anställda, $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) kärnor; last före: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build ChefsRekrytering.sln -c Release -v q -nologo >"$work/build.log" 2>&1 || { grep -E "error" "$work/build.log" | sort -u >&2; exit 1; }
for db in $DATABASES; do
  BENCH_PERSONALIMPORT="$N" BENCH_PERSONALIMPORT_DB="$db" dotnet test tests/ChefsRekrytering.Tests -c Release --no-build \
    --filter "FullyQualifiedName~PersonalimportBench" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "^ *(Första importen|Samma fil igen)|Test Run (Successful|Failed)|Error Message" | sed 's/^ *//' | awk '!seen[$0]++' || true
done
echo "last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Mål: första importen ≤ 60 s, samma fil igen ≤ 20 s med 0 ändringar, på båda databaserna."
