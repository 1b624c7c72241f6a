#!/usr/bin/env bash
# Benchmark: creating logs through the API vs. PostgreSQL's raw single-row insert rate, on one machine.
#
#   bench/create-logs.sh            (see bench/README.md for the knobs)
#
# 1. builds the app (Release) and starts it on a fresh private cluster in a temp folder, waits for /health;
# 2. (a) wrk: POST /api/v1/citizens/{id}/logs at $CONNECTIONS connections, warm-up then a fixed duration;
# 3. (b) pgbench on the SAME server: one-row insert into the real `logs` table per transaction;
# 4. prints (a)/(b) and the goal lines with PASS/FAIL;
# 5. stops the app (which stops its cluster) and removes the temp folder — also on failure or Ctrl-C.
# Only loopback traffic; every loop is bounded. Exit code: 0 whether the goal passes or not, non-zero if the
# benchmark itself could not run (build, start, a failed sanity request, a missing tool).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"

CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"                 # wrk threads and pgbench -j
WARMUP="${WARMUP:-5}"                   # seconds
DURATION="${DURATION:-30}"              # seconds
PORT="${PORT:-5087}"                    # the app's HTTP port on 127.0.0.1
APP_ENV="${APP_ENV:-Production}"        # Production + Joblog__DemoMode=true (demo world, production pipeline)
LOG_LEVEL="${LOG_LEVEL:-Warning}"       # Logging__LogLevel__Default for the run
GOAL_RATIO="${GOAL_RATIO:-20}"          # percent of the raw rate
GOAL_P99_MS="${GOAL_P99_MS:-25}"
API_KEY="${API_KEY:-demo-ak-01-system-key}"
CPR="${CPR:-610190-0001}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"

# shellcheck source=lib.sh
. "$ROOT/bench/lib.sh"

# --- tools -------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    say "installing wrk (Debian)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    die "wrk is missing: sudo apt-get install -y wrk"
  fi
fi
[ -x "$PG_BIN/pgbench" ] || die "pgbench not found under $PG_BIN (apt-get install postgresql)"
command -v dotnet >/dev/null || die "dotnet is missing"
command -v curl >/dev/null || die "curl is missing"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is taken; set PORT=..."; fi

# --- temp folder and cleanup ---------------------------------------------------------------------------
TMP="$(mktemp -d /tmp/joblog-bench.XXXXXX)"
chmod 0755 "$TMP"                       # the cluster runs as postgres when we are root: it must traverse this
DATA="$TMP/data"                        # JOBLOG_DATA_DIR: a fresh private cluster
APP_PID=""

pg_port() { sed -n 4p "$DATA/pgdata/postmaster.pid" 2>/dev/null; }

# CPU accounting (clock ticks) so the figures can be read even on a busy machine: the app, the cluster
# (postmaster + its children; reaped ones count in the postmaster's cutime), our own children (wrk, pgbench),
# and the whole machine (non-idle ticks of all cores) — what is left over is other people's load.
ticks() { local t=0 p; for p in "$@"; do
  [ -r "/proc/$p/stat" ] && t=$((t + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12+$13+$14+$15}' || echo 0))); done; echo "$t"; }
self_children_ticks() { sed 's/^.*) //' /proc/$$/stat | awk '{print $14+$15}'; }
machine_busy_ticks() { head -1 /proc/stat | awk '{print $2+$3+$4+$7+$8+$9}'; }
machine_all_ticks() { head -1 /proc/stat | awk '{print $2+$3+$4+$5+$6+$7+$8+$9}'; }
pg_pids() { local pm; pm="$(head -1 "$DATA/pgdata/postmaster.pid")"; echo "$pm" $(pgrep -P "$pm" || true); }
snapshot() { echo "$(ticks "$APP_PID") $(ticks $(pg_pids)) $(self_children_ticks) $(machine_busy_ticks) $(machine_all_ticks)"; }
# usage: cpu_report "<before>" "<after>" N -> "app pg generator other% busy%" (CPU ms per unit; % of the machine)
cpu_report() {
  awk -v b="$1" -v a="$2" -v n="$3" -v hz="$(getconf CLK_TCK)" 'BEGIN {
    split(b, x, " "); split(a, y, " "); ms = 1000 / hz
    app = (y[1]-x[1]); pg = (y[2]-x[2]); gen = (y[3]-x[3]); busy = (y[4]-x[4]); all = (y[5]-x[5])
    other = busy - app - pg - gen; if (other < 0) other = 0
    printf "%.3f %.3f %.3f %.0f %.0f", app*ms/n, pg*ms/n, gen*ms/n, 100*other/all, 100*busy/all }'
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping the app (pid $APP_PID; it stops its cluster)"
    stop_app "$APP_PID"
  fi
  if [ -f "$DATA/pgdata/postmaster.pid" ]; then
    say "stopping the cluster left behind"
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" stop -w -m fast -D "$DATA/pgdata" >/dev/null 2>&1 || true
    else
      "$PG_BIN/pg_ctl" stop -w -m fast -D "$DATA/pgdata" >/dev/null 2>&1 || true
    fi
  fi
  if [ "$rc" -ne 0 ] && [ -f "$TMP/app.log" ]; then
    echo "--- last lines of the app log ---" >&2; tail -n 30 "$TMP/app.log" >&2 || true
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. build and start ----------------------------------------------------------------------------------
build_web

say "starting the app on http://127.0.0.1:$PORT ($APP_ENV, log level $LOG_LEVEL, data $DATA)"
(
  cd "$ROOT/src/Joblog.Web"
  exec env ASPNETCORE_ENVIRONMENT="$APP_ENV" DOTNET_ENVIRONMENT="$APP_ENV" \
    ASPNETCORE_URLS="http://127.0.0.1:$PORT" JOBLOG_DATA_DIR="$DATA" \
    Joblog__DemoMode=true Logging__LogLevel__Default="$LOG_LEVEL" \
    dotnet "$DLL"
) >"$TMP/app.log" 2>&1 &
APP_PID=$!

for i in $(seq 1 240); do
  kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)" = "200" ]; then break; fi
  [ "$i" -eq 240 ] && die "no healthy app after 120 s"
  sleep 0.5
done
PGPORT_="$(pg_port)"
[ -n "$PGPORT_" ] || die "no postmaster.pid in $DATA/pgdata"
PGPASSWORD_="$(tr -d '[:space:]' <"$DATA/password")"
say "healthy; PostgreSQL on 127.0.0.1:$PGPORT_"

psql_() { PGPASSWORD="$PGPASSWORD_" "$PG_BIN/psql" -X -q -t -A -h 127.0.0.1 -p "$PGPORT_" -U postgres -d joblog -v ON_ERROR_STOP=1 "$@"; }

auth=(-H "Authorization: Bearer $API_KEY" -H "Content-Type: application/json")
CITIZEN_ID="$(curl -sf "${auth[@]}" -d "{\"cpr\":\"$CPR\"}" "http://127.0.0.1:$PORT/api/v1/citizens/lookup" \
  | sed -n 's/.*"citizenId":"\([0-9a-f-]*\)".*/\1/p')"
[ -n "$CITIZEN_ID" ] || die "citizen lookup failed"
URL="http://127.0.0.1:$PORT/api/v1/citizens/$CITIZEN_ID/logs"
code="$(curl -s -o "$TMP/first.json" -w '%{http_code}' "${auth[@]}" \
  -d '{"kind":"jobSearch","status":"applied","jobTitle":"Kontorassistent","employer":{"name":"Firma A/S","postalCode":"8000","city":"Aarhus C"}}' "$URL")"
[ "$code" = "201" ] || { cat "$TMP/first.json" >&2; die "sanity create answered $code, not 201"; }

# --- 2. (a) the API ------------------------------------------------------------------------------------
wrk_() { BENCH_API_KEY="$API_KEY" wrk -t "$THREADS" -c "$CONNECTIONS" -d "${1}s" --timeout 10s -s "$BENCH/create-logs.lua" "$URL"; }

say "(a) API warm-up ${WARMUP}s"
wrk_ "$WARMUP" >"$TMP/wrk-warmup.txt" 2>&1 || { cat "$TMP/wrk-warmup.txt" >&2; die "wrk failed"; }
psql_ -c checkpoint
before="$(psql_ -c 'select count(*) from logs')"
say "(a) API measured ${DURATION}s, $CONNECTIONS connections"
cpu0="$(snapshot)"
wrk_ "$DURATION" >"$TMP/wrk.txt" 2>&1 || { cat "$TMP/wrk.txt" >&2; die "wrk failed"; }
sleep 1; cpu1="$(snapshot)"
after="$(psql_ -c 'select count(*) from logs')"
RESULT="$(grep '^RESULT ' "$TMP/wrk.txt")" || { cat "$TMP/wrk.txt" >&2; die "no RESULT line from wrk"; }
read -r A_APP A_PG A_GEN A_OTHER A_BUSY <<<"$(cpu_report "$cpu0" "$cpu1" "$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$RESULT")")"
get() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $RESULT"; }
API_RPS="$(get rps)"; P50="$(get p50_ms)"; P90="$(get p90_ms)"; P99="$(get p99_ms)"; PMAX="$(get max_ms)"
NON201="$(get non201)"
SOCK_ERR=$(( $(get connect_err) + $(get read_err) + $(get write_err) + $(get timeouts) ))
grep '^FIRST_NON201' "$TMP/wrk.txt" >&2 || true

# --- 3. (b) raw inserts with pgbench, same server --------------------------------------------------------
cat >"$TMP/insert.sql" <<SQL
insert into logs (id, citizen_id, kind, status, job_title, employer_name, employer_postal_code, employer_city,
                  created_at, updated_at, channel, version)
values (gen_random_uuid(), '$CITIZEN_ID', 'jobSearch', 'applied', 'Kontorassistent', 'Firma A/S', '8000', 'Aarhus C',
        now(), now(), 'akasse', 1);
SQL
pgbench_() {
  PGPASSWORD="$PGPASSWORD_" "$PG_BIN/pgbench" -h 127.0.0.1 -p "$PGPORT_" -U postgres -n -M prepared \
    -c "$CONNECTIONS" -j "$THREADS" -T "$1" -f "$TMP/insert.sql" joblog
}
say "(b) pgbench warm-up ${WARMUP}s"
pgbench_ "$WARMUP" >"$TMP/pgbench-warmup.txt" 2>&1 || { cat "$TMP/pgbench-warmup.txt" >&2; die "pgbench failed"; }
psql_ -c checkpoint
say "(b) pgbench measured ${DURATION}s, -c $CONNECTIONS -j $THREADS"
cpu0="$(snapshot)"
pgbench_ "$DURATION" >"$TMP/pgbench.txt" 2>&1 || { cat "$TMP/pgbench.txt" >&2; die "pgbench failed"; }
sleep 1; cpu1="$(snapshot)"
RAW_TPS="$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time).*/\1/p' "$TMP/pgbench.txt")"
RAW_LAT="$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$TMP/pgbench.txt")"
RAW_FAILED="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$TMP/pgbench.txt")"
[ -n "$RAW_TPS" ] || { cat "$TMP/pgbench.txt" >&2; die "no tps from pgbench"; }
RAW_N="$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$TMP/pgbench.txt")"
read -r B_APP B_PG B_GEN B_OTHER B_BUSY <<<"$(cpu_report "$cpu0" "$cpu1" "$RAW_N")"

# --- 4. summary -----------------------------------------------------------------------------------------
RATIO="$(awk -v a="$API_RPS" -v b="$RAW_TPS" 'BEGIN { printf "%.1f", 100 * a / b }')"
pf() { if [ "$1" = 1 ]; then echo PASS; else echo FAIL; fi; }
RATIO_OK="$(awk -v r="$RATIO" -v g="$GOAL_RATIO" 'BEGIN { print (r >= g) ? 1 : 0 }')"
P99_OK="$(awk -v p="$P99" -v g="$GOAL_P99_MS" 'BEGIN { print (p < g) ? 1 : 0 }')"

cat <<EOF

==================== Joblog create-logs benchmark ====================
machine:  $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB; app, wrk and PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') share them
app:      Release, $APP_ENV + demo mode, Logging:LogLevel:Default=$LOG_LEVEL
(a) API   POST /api/v1/citizens/{id}/logs, wrk -t$THREADS -c$CONNECTIONS, warm-up ${WARMUP}s, measured ${DURATION}s
          requests/s:   $API_RPS
          latency:      p50 $P50 ms   p90 $P90 ms   p99 $P99 ms   max $PMAX ms
          non-201:      $NON201   socket errors/timeouts: $SOCK_ERR   rows added to logs: $((after - before))
          CPU/request:  app $A_APP ms, postgres $A_PG ms, wrk $A_GEN ms   (machine busy $A_BUSY %, other processes $A_OTHER %)
(b) raw   pgbench -M prepared -c $CONNECTIONS -j $THREADS -T $DURATION, one-row insert into logs per transaction
          tps:          $RAW_TPS   (latency average $RAW_LAT ms, failed ${RAW_FAILED:-0})
          CPU/txn:      postgres $B_PG ms, pgbench $B_GEN ms   (machine busy $B_BUSY %, other processes $B_OTHER %)
ratio     (a)/(b) = $RATIO %
goal: >= $GOAL_RATIO % of raw rate, p99 < $GOAL_P99_MS ms
          ratio $RATIO % >= $GOAL_RATIO %: $(pf "$RATIO_OK")
          p99 $P99 ms < $GOAL_P99_MS ms:   $(pf "$P99_OK")
======================================================================
EOF
if [ "$A_OTHER" -gt 10 ] || [ "$B_OTHER" -gt 10 ]; then
  echo "WARNING: other processes used more than 10 % of the machine during a measurement: the rates above are" \
       "lower than on a quiet machine (the CPU-per-request figures stay comparable)."
fi
