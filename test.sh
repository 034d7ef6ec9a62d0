#!/usr/bin/env bash
# Runs every ExecutionHub test on a fresh Debian machine: installs Debian's Chromium (browser tests) and
# PostgreSQL (the tests' throwaway server) if missing, restores the local tools, builds once and runs both test projects.
# EXECUTIONHUB_TEST_DATABASE=PostgreSql runs the handler and component tests on PostgreSQL instead of SQLite files.
set -euo pipefail
cd "$(dirname "$0")"

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The PostgreSQL tests start a throwaway server of their own from the package's binaries (initdb, pg_ctl).
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian's ${missing[*]} for the tests…"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build ExecutionHub.sln -c Release -nologo -v quiet

log=$(mktemp)
status=0
dotnet test ExecutionHub.sln -c Release --no-build -nologo 2>&1 | tee "$log" || status=$?

# One closing line for the whole suite, summed over the test projects.
awk '/(Passed|Failed)! +- +Failed:/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
