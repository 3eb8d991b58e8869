#!/usr/bin/env bash
# Does the sign-in answer tell whether an address has an account? Times the answer to a known address with a wrong
# password and to an unknown address, alternating, on the published build, and prints the medians and their ratio.
# The goal is a ratio near 1 (before the fix: 5–10 ms unknown against 100+ ms known).
#   bench/inloggning.sh            (FORSOK=40 to change the number of tries of each)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
FORSOK=${FORSOK:-40}
work=$(mktemp -d /tmp/chefs-bench-inloggning.XXXXXX)
cleanup() { for p in "$work"/*.pid; do stop_pid_file "$p"; done; rm -rf "$work"; }
trap cleanup EXIT
source bench/lib.sh

echo "Bygger (Release) ..."
dotnet publish bench/ChefsRekrytering.Bench -c Release -o "$work/app" >/dev/null
# The brake would answer "wait" after five failures: here every attempt must reach the password check.
start_portal 5311 "$work/data" Security__Inloggningsbroms__FriaForsok=1000000
base=http://127.0.0.1:5311

attempt() { # <address>: seconds for one failed sign-in, form token fetched first (not timed)
  local jar="$work/jar-$RANDOM" token
  token=$(curl -fs -c "$jar" -b "$jar" "$base/konto/logga-in" | antiforgery_token)
  curl -s -o /dev/null -w '%{time_total}\n' -c "$jar" -b "$jar" --data-urlencode "Input.Epost=$1" \
    --data-urlencode "Input.Losenord=fel-losenord-123" --data-urlencode "__RequestVerificationToken=$token" "$base/konto/logga-in"
  rm -f "$jar"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2) * 1000}'; }

attempt hr@kalix.example >/dev/null; attempt ingen@kalix.example >/dev/null   # warm-up
for _ in $(seq 1 "$FORSOK"); do
  attempt hr@kalix.example >>"$work/kand.txt"
  attempt "okand$RANDOM@kalix.example" >>"$work/okand.txt"
done
known=$(median <"$work/kand.txt")
unknown=$(median <"$work/okand.txt")
cat <<REPORT

Inloggning med fel lösenord, median av $FORSOK försök var (ms)
  känd adress (hr@kalix.example)   $known
  okänd adress                     $unknown
  kvot okänd / känd                $(awk -v a="$unknown" -v b="$known" 'BEGIN {printf "%.2f", a / b}')   (mål: nära 1)
REPORT
