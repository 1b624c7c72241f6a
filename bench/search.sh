#!/usr/bin/env bash
# Benchmark: search across citizens (udsøgning) over the whole country, on the national-scale world.
#
#   bench/search.sh                  (see bench/README.md; needs the joblog_world database, see the README's
#                                     "National-scale world")
#
# 1. builds the app (Release) and starts it on joblog_world in the private cluster (attaching to a running one),
#    with a benchmark jobcenter 'jc-bench' whose searches cover every municipality
#    (Joblog__Search__BenchmarkNationalOrganisation) and a case-system key of its own;
# 2. gives every citizen with a duty to log today an open requirement set (1.5 applications a week) from jc-bench, so
#    "requirements not met" has work to do;
# 3. runs the four standard searches through POST /api/v1/searches, $RUNS times each after a warm-up: p50 and p95;
#    and the same answer computed straight from the logs (a sequential scan, PostgreSQL's default plan) $SEQ_RUNS
#    times; checks the two totals agree; PASS/FAIL: p95 < 1 s and the scan at least 10 x slower than p50;
# 4. downloads the CSV of a national search of >= 100,000 citizens (Accept: text/csv), timing the last byte and
#    sampling the app's resident memory (/proc) while it streams; PASS/FAIL: < 5 s and peak RSS < 200 MB;
# 5. removes everything it added (requirement sets, searches, the key, the organisation), stops the app — and the
#    cluster only if the app started it — also on failure or Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATABASE="${DATABASE:-joblog_world}"
DATA="${JOBLOG_DATA_DIR:-$HOME/.local/share/joblog/postgres}"
PORT="${PORT:-5393}"
RUNS="${RUNS:-10}"                      # API calls per search (after one warm-up)
SEQ_RUNS="${SEQ_RUNS:-1}"               # sequential scans per search (each reads the 30 M logs)
GOAL_MS="${GOAL_MS:-1000}"
GOAL_RATIO="${GOAL_RATIO:-10}"
GOAL_CSV_ROWS="${GOAL_CSV_ROWS:-100000}"
GOAL_CSV_S="${GOAL_CSV_S:-5}"
GOAL_RSS_MB="${GOAL_RSS_MB:-200}"
ORG="jc-bench"
KEY="bench-search-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"

# shellcheck source=lib.sh
. "$ROOT/bench/lib.sh"
command -v dotnet >/dev/null || die "dotnet is missing"
command -v curl >/dev/null || die "curl is missing"
command -v psql >/dev/null || die "psql is missing"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then die "port $PORT is taken; set PORT=..."; fi

TMP="$(mktemp -d /tmp/joblog-search-bench.XXXXXX)"
STARTED="$(date -u +'%F %T')"
APP_PID=""
SETUP_DONE=""

pg_port() { sed -n 4p "$DATA/pgdata/postmaster.pid" 2>/dev/null; }
sql() { PGPASSWORD="$(cat "$DATA/password")" psql -h 127.0.0.1 -p "$(pg_port)" -U postgres -d "$DATABASE" -X -q -v ON_ERROR_STOP=1 "$@"; }

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$SETUP_DONE" ]; then
    say "removing the benchmark's rows"
    sql -c "delete from search_requirements where organisation_id = '$ORG'; delete from searches where organisation_id = '$ORG';
            delete from api_keys where organisation_id = '$ORG'; delete from organisations where id = '$ORG';
            delete from searches where organisation_id = 'jc-0751' and actor_kind = 'system' and at >= '$STARTED+00'" >/dev/null 2>&1 || true
  fi
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    say "stopping the app (pid $APP_PID; it stops the cluster only if it started it)"
    stop_app "$APP_PID"
  fi
  if [ "$rc" -ne 0 ] && [ -f "$TMP/app.log" ]; then
    echo "--- last lines of the app log ---" >&2; tail -n 30 "$TMP/app.log" >&2 || true
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- 1. build and start -----------------------------------------------------------------------------------
build_web

say "starting the app on http://127.0.0.1:$PORT (Production, database $DATABASE in $DATA)"
(
  cd "$ROOT/src/Joblog.Web"
  exec env ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    JOBLOG_DATA_DIR="$DATA" Joblog__LocalDatabase="$DATABASE" Joblog__Search__BenchmarkNationalOrganisation="$ORG" \
    Logging__LogLevel__Default=Warning dotnet "$DLL"
) >"$TMP/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 1200); do      # the first start on a world migrates it (0012's backfill: minutes)
  kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)" = "200" ]; then break; fi
  [ "$i" -eq 1200 ] && die "no healthy app after 20 minutes"
  sleep 1
done
rss_mb() { awk -v f="$1" '$1 == f":" { printf "%.1f", $2 / 1024 }' "/proc/$APP_PID/status"; }
say "app healthy; resident $(rss_mb VmRSS) MB (peak so far $(rss_mb VmHWM) MB)"

# --- 2. the benchmark organisation, its key and requirement sets -----------------------------------------------
TODAY="$(TZ=Europe/Copenhagen date +%F)"
FROM="$(TZ=Europe/Copenhagen date -d "$(date +%Y-%m-01) -2 months" +%F)"   # the default period: this month and the two before
TARGET_GROUPS='{dagpenge,dimittend,jobready,educationready,ledighedsydelse}'
SETUP_DONE=1
sql -v org="$ORG" -v key="$KEY" -v today="$TODAY" -v groups="$TARGET_GROUPS" >/dev/null <<'SQL'
insert into organisations (id, kind, name, municipality_code) values (:'org', 'jobcenter', 'Benchmark (hele landet)', null);
insert into api_keys (key_hash, organisation_id, name) values (sha256(convert_to(:'key', 'UTF8')), :'org', 'bench/search.sh');
insert into search_requirements (id, citizen_id, organisation_id, applications_per_week, starts_on, created_at, updated_at,
                                 actor_kind, actor_id, actor_name, channel)
select gen_random_uuid(), citizen_id, :'org', 1.5, :'today'::date - 60, now(), now(), 'system', 'bench', 'bench/search.sh', 'jobcenter'
from (select distinct citizen_id from target_group_periods
      where starts_on <= :'today' and (ends_on is null or ends_on >= :'today') and target_group = any(:'groups')) p;
analyze search_requirements;
SQL
say "$(sql -At -c "select count(*) from search_requirements where organisation_id = '$ORG'") requirement sets from $ORG; today $TODAY, period $FROM .. $TODAY"

# --- 3. the four standard searches ------------------------------------------------------------------------------
# The same answer straight from the logs: the app's rules (today's group, the past-period rule, exemptions) with the
# figures computed from the logs table instead of the aggregates.
reference_sql() {  # $1: the extra predicate on m (applications, titles, km) or r (recent)
  cat <<SQL
set search_path = public;
with current_period as (
    select p.citizen_id, p.target_group, p.starts_on from target_group_periods p
    where p.starts_on <= :'today' and (p.ends_on is null or p.ends_on >= :'today') and p.target_group = any(:'groups')
      and not exists (select 1 from target_group_periods later where later.citizen_id = p.citizen_id and later.starts_on > p.starts_on
                        and later.starts_on <= :'today' and (later.ends_on is null or later.ends_on >= :'today'))
), m as (
    select l.citizen_id, count(*) as applications,
           count(distinct nullif(lower(btrim(regexp_replace(l.job_title, '\s+', ' ', 'g'))), '')) as titles,
           max(distance_km(h.lat, h.lon, w.lat, w.lon)) as km,
           count(*) filter (where coalesce(l.applied_on, (l.created_at at time zone 'Europe/Copenhagen')::date) >= :'today'::date - 27) as recent
    from logs l join citizens c on c.id = l.citizen_id
    left join postal_codes h on h.number = c.postal_code left join postal_codes w on w.number = l.employer_postal_code
    where l.kind = 'jobSearch' and l.status <> 'notApplied'
      and coalesce(l.applied_on, (l.created_at at time zone 'Europe/Copenhagen')::date) between least(:'from'::date, :'today'::date - 27) and :'today'
    group by l.citizen_id
)
select count(*) from current_period p
left join m on m.citizen_id = p.citizen_id
where not exists (select 1 from exemptions e where e.citizen_id = p.citizen_id and e.starts_on <= :'today' and (e.ends_on is null or e.ends_on >= :'from'))
  and (p.starts_on <= :'from' or exists (select 1 from target_group_periods q where q.citizen_id = p.citizen_id and q.target_group = p.target_group
        having range_agg(daterange(q.starts_on, q.ends_on, '[]')) @> daterange(:'from', :'today', '[]')))
  and $1;
SQL
}
NAMES=("few distinct job titles (<= 2)" "all workplaces within 10 km" "fewer than 3 applications" "requirements not met")
BODIES=('{"targetGroups":["dagpenge","dimittend","jobready","educationready","ledighedsydelse"],"maxDistinctJobTitles":2}'
        '{"targetGroups":["dagpenge","dimittend","jobready","educationready","ledighedsydelse"],"maxDistanceKm":10}'
        '{"targetGroups":["dagpenge","dimittend","jobready","educationready","ledighedsydelse"],"maxApplications":2}'
        '{"targetGroups":["dagpenge","dimittend","jobready","educationready","ledighedsydelse"],"requirementsNotMet":true}')
# m is null for a citizen without applications: no titles or workplaces to judge (as in the app).
PREDICATES=("m.titles <= 2"
            "m.km <= 10"
            "coalesce(m.applications, 0) <= 2"
            "exists (select 1 from search_requirements r where r.citizen_id = p.citizen_id and r.starts_on <= :'today' and (r.ends_on is null or r.ends_on >= :'today') and coalesce(m.recent, 0) < 4 * r.applications_per_week)")

percentile() { sort -n | awk -v q="$1" '{ v[NR] = $1 } END { i = int((q * NR) + 0.999999); if (i < 1) i = 1; printf "%.0f", v[i] }'; }
RESULTS=()
for i in "${!NAMES[@]}"; do
  name="${NAMES[$i]}"; body="${BODIES[$i]}"
  say "search: $name"
  curl -s -o /dev/null -H "Authorization: Bearer $KEY" -H 'content-type: application/json' -d "$body" "http://127.0.0.1:$PORT/api/v1/searches"
  : >"$TMP/times"
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o "$TMP/answer.json" -w '%{time_total}\n' -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
      -d "$body" "http://127.0.0.1:$PORT/api/v1/searches" | awk '{ printf "%.0f\n", $1 * 1000 }' >>"$TMP/times"
  done
  total="$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$TMP/answer.json")"
  [ -n "$total" ] || die "no total in the answer: $(head -c 300 "$TMP/answer.json")"
  p50="$(percentile 0.5 <"$TMP/times")"; p95="$(percentile 0.95 <"$TMP/times")"
  reference_sql "${PREDICATES[$i]}" >"$TMP/reference.sql"
  : >"$TMP/seq"
  for _ in $(seq 1 "$SEQ_RUNS"); do
    start=$(date +%s%N)
    ref="$(sql -At -v today="$TODAY" -v from="$FROM" -v groups="$TARGET_GROUPS" -f "$TMP/reference.sql")"
    echo $(( ($(date +%s%N) - start) / 1000000 )) >>"$TMP/seq"
  done
  if [ "$SEQ_RUNS" -gt 0 ]; then
    seq_ms="$(percentile 0.5 <"$TMP/seq")"
    same=$([ "$ref" = "$total" ] && echo yes || echo "NO ($ref from the logs)")
  else
    seq_ms=0; same="not checked (SEQ_RUNS=0)"
  fi
  verdict=$(awk -v p95="$p95" -v p50="$p50" -v s="$seq_ms" -v g="$GOAL_MS" -v r="$GOAL_RATIO" -v same="$same" \
    'BEGIN { print (p95 < g && s >= r * p50 && same == "yes") ? "PASS" : "FAIL" }')
  RESULTS+=("$(printf '%-32s found %7s  p50 %5s ms  p95 %5s ms  scan of logs %6s ms  x%5.1f  same answer: %s  %s' \
    "$name" "$total" "$p50" "$p95" "$seq_ms" "$(awk -v s="$seq_ms" -v p="$p50" 'BEGIN { printf "%.1f", s / (p > 0 ? p : 1) }')" "$same" "$verdict")")
  echo "${RESULTS[-1]}"
done

# One municipality, as a jobcenter searches day to day (Aarhus, with the demo world's jc-0751 key if it is there).
MUNICIPAL=""
if [ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer demo-jc-0751-system-key' -H 'content-type: application/json' \
      -d '{}' "http://127.0.0.1:$PORT/api/v1/searches")" = "200" ]; then
  : >"$TMP/times"
  for _ in $(seq 1 "$RUNS"); do
    curl -s -o "$TMP/answer.json" -w '%{time_total}\n' -H 'Authorization: Bearer demo-jc-0751-system-key' -H 'content-type: application/json' \
      -d "${BODIES[2]}" "http://127.0.0.1:$PORT/api/v1/searches" | awk '{ printf "%.0f\n", $1 * 1000 }' >>"$TMP/times"
  done
  MUNICIPAL="$(printf 'one municipality (0751 Aarhus, demo key): fewer than 3 applications  found %s  p50 %s ms  p95 %s ms' \
    "$(sed -n 's/.*"total":\([0-9]*\).*/\1/p' "$TMP/answer.json")" "$(percentile 0.5 <"$TMP/times")" "$(percentile 0.95 <"$TMP/times")")"
fi

# --- 4. the CSV of >= 100,000 citizens ---------------------------------------------------------------------------
say "CSV: a national search of every target group this month, exempt included, as text/csv"
CSV_BODY="{\"periodFrom\":\"$(TZ=Europe/Copenhagen date +%Y-%m)\",\"periodTo\":\"$(TZ=Europe/Copenhagen date +%Y-%m)\",\"includeExempt\":true,\"sort\":\"name\"}"
RSS_BEFORE="$(rss_mb VmRSS)"
curl -s -o "$TMP/result.csv" -w '%{time_total} %{size_download}\n' -H "Authorization: Bearer $KEY" -H 'content-type: application/json' \
  -H 'Accept: text/csv' -d "$CSV_BODY" "http://127.0.0.1:$PORT/api/v1/searches" >"$TMP/csv.time" &
CURL_PID=$!
: >"$TMP/rss"
while kill -0 "$CURL_PID" 2>/dev/null; do rss_mb VmRSS >>"$TMP/rss"; echo >>"$TMP/rss"; sleep 0.05; done
wait "$CURL_PID"
read -r csv_s csv_bytes <"$TMP/csv.time"
csv_rows=$(( $(wc -l <"$TMP/result.csv") - 1 ))
rss_peak="$(sort -n "$TMP/rss" | tail -1)"
csv_verdict=$(awk -v s="$csv_s" -v rows="$csv_rows" -v rss="$rss_peak" -v gs="$GOAL_CSV_S" -v gr="$GOAL_CSV_ROWS" -v gm="$GOAL_RSS_MB" \
  'BEGIN { print (s < gs && rows >= gr && rss < gm) ? "PASS" : "FAIL" }')
CSV_LINE="$(printf 'CSV: %s rows, %.1f MB in %.2f s (time to last byte); app resident %s MB before, peak %s MB while streaming (VmHWM since start %s MB)  %s' \
  "$csv_rows" "$(awk -v b="$csv_bytes" 'BEGIN { print b / 1048576 }')" "$csv_s" "$RSS_BEFORE" "$rss_peak" "$(rss_mb VmHWM)" "$csv_verdict")"
head -c 200 "$TMP/result.csv" | head -2 | sed 's/^\xEF\xBB\xBF/(BOM)/; s/[0-9]\{6\}-[0-9]\{4\}/dddddd-nnnn/' >&2

# --- 5. summary --------------------------------------------------------------------------------------------------
echo
echo "search across citizens, whole country ($DATABASE: $(sql -At -c "select to_char(count(*), 'FM999,999,999') from logs") logs," \
  "$(sql -At -c "select to_char(count(*), 'FM999,999') from citizens") citizens), $RUNS runs per search; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for line in "${RESULTS[@]}"; do echo "$line"; done
[ -n "$MUNICIPAL" ] && echo "$MUNICIPAL"
echo "$CSV_LINE"
echo "goals: each search p95 < ${GOAL_MS} ms and >= ${GOAL_RATIO} x faster than the scan of logs; CSV >= ${GOAL_CSV_ROWS} rows < ${GOAL_CSV_S} s, peak RSS < ${GOAL_RSS_MB} MB"
