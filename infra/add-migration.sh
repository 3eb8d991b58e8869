#!/usr/bin/env bash
# Adds one EF Core migration for each database provider, so SQLite and PostgreSQL never drift apart.
# Usage: infra/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: infra/add-migration.sh <MigrationName>}
dotnet tool restore >/dev/null
for ctx in Sqlite Postgres; do
  dotnet ef migrations add "$name" --project src/ChefsRekrytering.Core --startup-project src/ChefsRekrytering.Core \
    --context "${ctx}AppDbContext" --output-dir "Data/Migrations/$ctx"
done
