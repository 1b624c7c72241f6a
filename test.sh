#!/usr/bin/env bash
# Runs every Joblog test — unit, integration (real PostgreSQL) and browser (Debian Chromium + axe) —
# installing first what a fresh machine lacks. The tests start their own private PostgreSQL cluster.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
need_apt() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "== installing PostgreSQL"; need_apt postgresql postgresql-contrib
fi
if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing Chromium (Debian)"; need_apt chromium fonts-liberation
fi
export JOBLOG_CHROMIUM="${JOBLOG_CHROMIUM:-$(command -v chromium)}"

echo "== building"
dotnet build Joblog.sln -c Release -nologo -clp:ErrorsOnly

results="$(mktemp -d)"
echo "== testing"
status=0
dotnet test Joblog.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" "$@" || status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
  p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  t="$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")"
  e="$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
rm -rf "$results"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then echo "no test ran"; exit 1; fi
exit "$status"
