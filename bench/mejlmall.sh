#!/usr/bin/env bash
# Rendering the Årets chef invitation through a municipality's mail template (issue 18): BENCH_MEJL mails (default
# 50 000, after 5 000 to warm up) rendered by MailComposer in the test process, then the Liquid template alone and the
# plain-text part alone, each as ms per mail. The ordinary test run renders 20 (MejlmallBench), so the path stays checked.
#   bench/mejlmall.sh
#   BENCH_MEJL=5000 bench/mejlmall.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N="${BENCH_MEJL:-50000}"
work="$(mktemp -d /tmp/chefs-bench-mejl.XXXXXX)"
trap 'rm -rf "$work"' EXIT

echo "== Mejlmallar: $N mejl, $(date -u '+%Y-%m-%d %H:%M') UTC; $(nproc) kärnor; last före: $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet build ChefsRekrytering.sln -c Release -v q -nologo >"$work/build.log" 2>&1 || { grep -E "error" "$work/build.log" | sort -u >&2; exit 1; }
BENCH_MEJL="$N" dotnet test tests/ChefsRekrytering.Tests -c Release --no-build \
  --filter "FullyQualifiedName~MejlmallBench" --logger "console;verbosity=detailed" 2>&1 \
  | grep -E "^ *Liquid \(Fluid\)|Test Run (Successful|Failed)|Error Message" | sed 's/^ *//' | awk '!seen[$0]++' || true
echo "last efter: $(cut -d' ' -f1-3 /proc/loadavg)"
