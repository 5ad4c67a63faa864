#!/usr/bin/env bash
# The one command that runs every test on a fresh Debian 12 machine (as root, or with sudo):
# installs the real servers the tests start (Chromium for browser tests, aiosmtpd for mail, PostgreSQL, Redis and
# HAProxy for several servers),
# then restores, builds warning-free and tests.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

packages=(chromium python3-aiosmtpd postgresql redis-server haproxy)
missing=()
for package in "${packages[@]}"; do
  # dpkg -s also lists removed-but-configured packages; only "install ok installed" counts.
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "Installing missing packages: ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update
  "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi

dotnet restore
dotnet build -c Release --no-restore
mkdir -p TestResults
log=TestResults/test-output.log
status=0
# The hang timeout turns a stuck test into a failure with a dump instead of a CI job that never ends.
dotnet test -c Release --no-build \
  --logger "console;verbosity=normal" \
  --blame-hang-timeout 10m 2>&1 | tee "$log" || status=$?

# A CI log is often read from its end, where 400 passing lines hide the one failure. Repeat each failure
# (its message and the top of its stack) and then the failed tests' names as the last lines.
if ((status != 0)); then
  echo
  echo "==== Failures, repeated from above ===="
  awk '
    /^  Failed / { showing = 1; lines = 0 }
    /^  (Passed|Skipped) / || /^\[xUnit/ || /^Test Run/ { showing = 0 }
    showing && lines++ < 40 { print }
  ' "$log"
  echo "==== Failed tests ===="
  grep -E '^  Failed ' "$log" || echo "(no test failed; dotnet test exited with $status)"
fi
exit "$status"
