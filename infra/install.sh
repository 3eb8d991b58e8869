#!/usr/bin/env bash
# Installs what the test suite needs on a fresh Debian 12 machine that has only the
# .NET SDK, Node 20/npm and apt. Idempotent: installs only what is missing, so it is
# cheap to run before every test run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tools="$here/tools"

log() { echo "install: $*"; }
die() { echo "install: ERROR: $*" >&2; exit 1; }
trap 'echo "install: FAILED (line $LINENO)" >&2' ERR

# Root on the CI/dev machines; use sudo elsewhere if it is there.
if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  die "not root and no sudo: cannot install apt packages"
fi

# --- apt packages ------------------------------------------------------------
# chromium: real-browser tests; postgresql: real database; wrk: load tests;
# clamav-daemon: the malware scanner uploads go through (clamd, started with our own signatures);
# haproxy: the reverse proxy in front of two portal instances (bench/tva-instanser.sh).
apt_packages=(chromium postgresql wrk clamav-daemon haproxy)
missing=()
for p in "${apt_packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    log "apt: $p already installed"
  else
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  # Update the lists only when something must be installed: it is the slow part.
  log "apt: installing ${missing[*]}"
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  for p in "${missing[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
      || die "apt: $p still not installed"
  done
fi
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || die "no initdb under /usr/lib/postgresql/*/bin"
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing"
[ -x /usr/sbin/clamd ] || die "/usr/sbin/clamd missing"
[ -x /usr/sbin/haproxy ] || die "/usr/sbin/haproxy missing"

# --- npm tools (Azurite, smtp-server, oidc-provider) ----------------------------------------
# Reinstall when node_modules is missing or was installed from another lock file;
# the stamp holds the hash of the lock file we last installed from.
command -v npm >/dev/null 2>&1 || die "npm not found (Node 20 + npm expected)"
stamp="$tools/node_modules/.chefs-lock.sha256"
want="$(sha256sum "$tools/package-lock.json" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && [ -x "$tools/node_modules/.bin/azurite-blob" ] && [ -d "$tools/node_modules/smtp-server" ] \
   && [ -d "$tools/node_modules/oidc-provider" ]; then
  log "npm: infra/tools/node_modules up to date"
else
  log "npm: npm ci in infra/tools"
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
fi

log "done"
