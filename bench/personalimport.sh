#!/usr/bin/env bash
# Personalimport at scale (issue 17): a generated HR export of BENCH_ANSTALLDA employees (default 50 000, one unit per 100,
# a tree ten wide) imported into Kalix on SQLite, then the same file again. Prints both times and the test process's peak
# memory. Goal: first import ≤ 60 s, the same file again ≤ 20 s.
#   bench/personalimport.sh
#   BENCH_ANSTALLDA=5000 bench/personalimport.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${BENCH_ANSTALLDA:-50000}"
dotnet build ChefsRekrytering.sln -c Release -v q -nologo >/dev/null
BENCH_PERSONALIMPORT="$N" dotnet test tests/ChefsRekrytering.Tests -c Release --no-build \
  --filter "FullyQualifiedName~PersonalimportBench" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "Första importen|Samma fil igen|Passed!|Failed!|Error Message" || true
echo "Mål: första importen ≤ 60 s, samma fil igen ≤ 20 s."
