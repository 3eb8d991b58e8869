#!/usr/bin/env bash
# The one command that runs every test: installs what is missing, starts the real
# services (PostgreSQL, Azurite, SMTP sink, clamd), runs `dotnet test`, always stops the services.
#   infra/test.sh [extra dotnet test args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

infra/install.sh
trap 'infra/services.sh stop' EXIT   # set before start, so a half-started run is cleaned up too
infra/services.sh start
source "${CHEFS_SERVICES_DIR:-/tmp/chefsrekrytering-services}/env"
# Hundreds of test hosts would each take inotify instances (128 per user); polling watchers take none.
export DOTNET_USE_POLLING_FILE_WATCHER=1

# Not exec: the EXIT trap must run after the tests; keep dotnet test's exit code.
rc=0
dotnet test ChefsRekrytering.sln -c Release "$@" || rc=$?
exit "$rc"
