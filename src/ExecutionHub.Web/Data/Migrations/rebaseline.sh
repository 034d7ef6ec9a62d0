#!/usr/bin/env bash
# Re-makes each provider's migrations as one Initial migration of today's model, and NewDatabase.sql from SQLite's.
# For a model no installation runs yet (every database made from the old migrations must be made again).
# Each provider's snapshot class is named after it (SqliteModelSnapshot, PostgreSqlModelSnapshot): dotnet ef finds a
# snapshot's file by its class name, so two files called AppDbContextModelSnapshot.cs would be taken for each other.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
web=src/ExecutionHub.Web
rm -rf "$web/Data/Migrations/Sqlite" "$web/Data/Migrations/PostgreSql"
dotnet tool restore >/dev/null
dotnet build "$web" -nologo -v quiet

for provider in Sqlite PostgreSql; do
  # Built once above, before either folder existed: each Initial is made from no previous model.
  dotnet tool run dotnet-ef migrations add Initial --no-build --project "$web" \
    --output-dir "Data/Migrations/$provider" --namespace "ExecutionHub.Web.Data.Migrations.$provider" -- -- --provider "$provider"
  made=$(find "$web" -name AppDbContextModelSnapshot.cs -not -path '*/obj/*')
  sed -i "s/class AppDbContextModelSnapshot /class ${provider}ModelSnapshot /" "$made"
  mv "$made" "$web/Data/Migrations/$provider/${provider}ModelSnapshot.cs"
  rmdir -p --ignore-fail-on-non-empty "$(dirname "$made")"
done

dotnet build "$web" -nologo -v quiet
dotnet tool run dotnet-ef migrations script --no-build --project "$web" -o "$web/Data/Sqlite/NewDatabase.sql" -- -- --provider Sqlite
