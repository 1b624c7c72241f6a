#!/usr/bin/env bash
# Benchmark: the joblog statistics on the national-scale world (issue 7) — the recompute, and the read of every
# municipality × target group × month of the history (98 × 5 × 60 cells and the country's 5 × 60) in under 500 ms.
#
#   bench/statistics.sh                  (see bench/README.md; DATABASE=joblog_world by default)
#
# 1. builds the app (Release) unless NO_BUILD=1;
# 2. `refresh-statistics --database $DATABASE --read-runs $RUNS` on the app's private cluster (or ConnectionStrings__Joblog):
#    applies pending migrations (0014 on a world made before it), recomputes the whole history (RECOMPUTE=full, the
#    default; RECOMPUTE=recent: the last 3 months; RECOMPUTE=none: read only) and keeps it, printing the time around the
#    recompute; then reads the whole history $RUNS times in-process, printing p50/p95 of the SQL alone (both tables, all
#    rows fetched) and of the read with suppression (UsageQuery.ReadAsync, what the API and the page call);
# 3. starts the app on $DATABASE (Production, demo mode for /test-login, daily jobs off) on 127.0.0.1:$PORT, signs in as
#    Stine (the agency: no agency API key exists in the demo world, so the API is called with her session cookie), and
#    times $RUNS calls of GET /api/v1/statistics/joblog-usage for the whole history (curl's time_total: request to last
#    byte, JSON of ~29,700 rows) after one warm-up call, and of the page /statistik with the 60-month trend;
# 4. prints PASS/FAIL against GOAL_MS (500) for the p95 of each read, and the load average before and after (the machine
#    is shared: times move with other people's load); stops the app it started (never anything else).
# Exit code: 0 whether the goal passes or not, non-zero if the benchmark itself could not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASE="${DATABASE:-joblog_world}"
GOAL_MS="${GOAL_MS:-500}"
RUNS="${RUNS:-20}"
PORT="${PORT:-5291}"
RECOMPUTE="${RECOMPUTE:-full}"
DLL="$ROOT/src/Joblog.Web/bin/Release/net10.0/Joblog.Web.dll"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'statistics.sh: %s\n' "$*" >&2; exit 2; }

command -v dotnet >/dev/null || die "dotnet is missing"
command -v curl >/dev/null || die "curl is missing"
if [ "${NO_BUILD:-0}" != "1" ]; then
  say "building (Release)"
  dotnet build "$ROOT/src/Joblog.Web" -c Release -nologo -v quiet >/dev/null || die "build failed"
fi
[ -f "$DLL" ] || die "$DLL not found (build first)"

OUT="$(mktemp -d /tmp/joblog-statistics.XXXXXX)"
APP_PID=""
cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  fi
  rm -rf "$OUT"
}
trap cleanup EXIT

say "database $DATABASE; load average before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
case "$RECOMPUTE" in
  full) ARGS=() ;;
  recent) ARGS=(--months 3) ;;
  none) ARGS=(--no-recompute) ;;
  *) die "RECOMPUTE must be full, recent or none" ;;
esac
if ! dotnet "$DLL" refresh-statistics --database "$DATABASE" "${ARGS[@]}" --read-runs "$RUNS" 2>&1 | tee "$OUT/command.txt"; then
  die "refresh-statistics failed"
fi
grep -q 'read with suppression' "$OUT/command.txt" || die "no timings in the output (does $DATABASE exist? generate-world makes it)"

say "starting the app on $DATABASE at 127.0.0.1:$PORT"
(
  cd "$ROOT/src/Joblog.Web"
  exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    Joblog__LocalDatabase="$DATABASE" Joblog__DemoMode=true Joblog__Statistics__DailyAt=off Joblog__Notices__DailyAt=off \
    Logging__LogLevel__Default=Warning dotnet "$DLL"
) >"$OUT/app.txt" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$OUT/app.txt" >&2; die "the app stopped"; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/health" >/dev/null || die "the app did not answer /health"
curl -fs -o /dev/null -c "$OUT/jar" -b "$OUT/jar" -d persona=stine "http://127.0.0.1:$PORT/test-login" || die "could not sign in as stine"

# The months of the history: the 60 up to the last that has ended (Danish time).
read -r FROM TO < <(TZ=Europe/Copenhagen date +'%Y %m' | awk '{ y = $1; m = $2 - 1; if (m == 0) { m = 12; y-- }
  fy = y; fm = m - 59; while (fm < 1) { fm += 12; fy-- } printf "%04d-%02d %04d-%02d\n", fy, fm, y, m }')
API="http://127.0.0.1:$PORT/api/v1/statistics/joblog-usage?from=$FROM&to=$TO"
PAGE="http://127.0.0.1:$PORT/statistik?Periode=60&Kommune=0751"
curl -fs -b "$OUT/jar" -o "$OUT/answer.json" "$API" || die "the API call failed"
ROWS=$(grep -o '"month"' "$OUT/answer.json" | wc -l)
say "one answer: $ROWS rows ($(wc -c <"$OUT/answer.json") bytes of JSON) for $FROM..$TO"

time_urls() { # url → the times in ms, one a line
  curl -fs -b "$OUT/jar" -o /dev/null "$1" # warm-up
  for _ in $(seq 1 "$RUNS"); do curl -fs -b "$OUT/jar" -o /dev/null -w '%{time_total}\n' "$1"; done | awk '{ printf "%.1f\n", $1 * 1000 }'
}
percentiles() { sort -n | awk '{ v[NR] = $1 } END { i50 = int(NR * 0.5 + 0.999); i95 = int(NR * 0.95 + 0.999); printf "%.1f %.1f\n", v[i50], v[i95] }'; }
read -r API50 API95 < <(time_urls "$API" | percentiles)
read -r PAGE50 PAGE95 < <(time_urls "$PAGE" | percentiles)
say "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

verdict() { awk -v v="$1" -v g="$GOAL_MS" 'BEGIN { print (v + 0 < g + 0) ? "PASS" : "FAIL" }'; }
echo
echo "statistics on $DATABASE: the whole history, 98 municipalities × 5 target groups × 60 months ($RUNS runs each; goal: p95 < $GOAL_MS ms)"
grep '^recomputed' "$OUT/command.txt" | sed 's/^/  /' || true
sed -n 's/^  SQL only (both tables, rows fetched): p50 \([0-9.]*\) ms, p95 \([0-9.]*\) ms$/\1 \2/p' "$OUT/command.txt" |
  while read -r p50 p95; do printf '  %-58s p50 %7.1f ms  p95 %7.1f ms  %s\n' "SQL (both tables, every row fetched)" "$p50" "$p95" "$(verdict "$p95")"; done
sed -n 's/^  read with suppression (UsageQuery.ReadAsync): p50 \([0-9.]*\) ms, p95 \([0-9.]*\) ms$/\1 \2/p' "$OUT/command.txt" |
  while read -r p50 p95; do printf '  %-58s p50 %7.1f ms  p95 %7.1f ms  %s\n' "read with suppression, in process" "$p50" "$p95" "$(verdict "$p95")"; done
printf '  %-58s p50 %7.1f ms  p95 %7.1f ms  %s\n' "HTTP GET /api/v1/statistics/joblog-usage ($ROWS rows)" "$API50" "$API95" "$(verdict "$API95")"
printf '  %-58s p50 %7.1f ms  p95 %7.1f ms  %s\n' "HTTP GET /statistik (98 ranked, 60-month trend)" "$PAGE50" "$PAGE95" "$(verdict "$PAGE95")"
