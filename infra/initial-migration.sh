#!/usr/bin/env bash
# Nothing is released yet, so the schema is one initial migration per provider: this script regenerates both from the
# model (SQLite and PostgreSQL never drift apart). After the first release, add migrations instead of regenerating.
# Usage: infra/initial-migration.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
rm -rf src/ChefsRekrytering.Core/Data/Migrations
# Built without the old migration, so the tool sees the model alone.
dotnet build src/ChefsRekrytering.Core -v q -nologo >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add Initial --no-build --project src/ChefsRekrytering.Core --startup-project src/ChefsRekrytering.Core \
    --context "${ctx}AppDbContext" --output-dir "Data/Migrations/$ctx"
done
