#!/usr/bin/env bash
# Benchmark: the inactivity sweep (advisering) over the national-scale world.
#
#   bench/inactivity.sh                     (see bench/README.md; DATABASE=joblog_world by default)
#
# 1. builds the app (Release) unless NO_BUILD=1;
# 2. runs `sweep-inactivity --database $DATABASE --runs 2 --dry-run --from-scratch` on the app's private cluster
#    (or ConnectionStrings__Joblog): the command applies pending migrations first (on a world made before migration 0013
#    that builds the logs_changed index once: see bench/README.md), then, in ONE transaction that is rolled back at the end,
#    removes every notice, sweeps (the first sweep: every inactive citizen gets a notice) and sweeps again (the second: the
#    idempotent daily case), printing the time of each sweep as measured around it;
# 3. prints PASS/FAIL for each sweep (wall clock, around the sweep) against GOAL_SECONDS (10), the CPU time the database
#    backend spent on it (from /proc, when the cluster runs here), and the machine's load average before and after: on a
#    shared machine the wall-clock time moves with other people's load; the CPU time barely does.
# Nothing is kept in the database (apart from the migrations). Exit code: 0 whether the goal passes or not, non-zero if the
# benchmark itself could not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASE="${DATABASE:-joblog_world}"
GOAL_SECONDS="${GOAL_SECONDS:-10}"
DLL="$ROOT/src/Joblog.Web/bin/Release/net10.0/Joblog.Web.dll"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'inactivity.sh: %s\n' "$*" >&2; exit 2; }

command -v dotnet >/dev/null || die "dotnet is missing"
if [ "${NO_BUILD:-0}" != "1" ]; then
  say "building (Release)"
  dotnet build "$ROOT/src/Joblog.Web" -c Release -nologo -v quiet >/dev/null || die "build failed"
fi
[ -f "$DLL" ] || die "$DLL not found (build first)"

say "database $DATABASE; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
OUT="$(mktemp /tmp/joblog-inactivity.XXXXXX)"
trap 'rm -f "$OUT"' EXIT
started=$(date +%s.%N)
if ! dotnet "$DLL" sweep-inactivity --database "$DATABASE" --runs 2 --dry-run --from-scratch 2>&1 | tee "$OUT"; then
  die "sweep-inactivity failed"
fi
ended=$(date +%s.%N)
grep -q '^sweep 2 ' "$OUT" || die "no timings in the output (does $DATABASE exist? generate-world makes it)"
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg); the command took $(awk -v a="$started" -v b="$ended" 'BEGIN{printf "%.1f", b-a}') s in all (start, migrations, cluster)"

echo
echo "inactivity sweep over $DATABASE (goal: each sweep < ${GOAL_SECONDS} s)"
sed -n 's/^sweep \([0-9]*\) .*; \([0-9.]*\) s\(, database CPU \([0-9.]*\) s\)\{0,1\}$/\1 \2 \4/p' "$OUT" |
  while read -r n seconds cpu; do
    what="second sweep (idempotent: the daily case)"
    [ "$n" = 1 ] && what="first sweep (every inactive citizen gets a notice)"
    verdict=$(awk -v s="$seconds" -v g="$GOAL_SECONDS" 'BEGIN { print (s + 0 < g + 0) ? "PASS" : "FAIL" }')
    printf '  %-52s %7.2f s  %s   (database CPU %s s)\n' "$what" "$seconds" "$verdict" "${cpu:-?}"
  done
