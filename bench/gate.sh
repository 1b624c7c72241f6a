#!/usr/bin/env bash
# Benchmark: what the access gate adds to a caseworker's read of a joblog (issue 5: "under 2 ms at p95").
#
#   bench/gate.sh            (see bench/README.md for the knobs)
#
# 1. builds bench/GateBench (Release; it references src/Joblog.Web and uses the app's own registrations);
# 2. runs it on the national-scale world: database joblog_world in the private cluster ($WORLD_DATA_DIR), which it
#    starts if it is not running and stops afterwards only if it started it (and nobody else is connected). By default
#    on a throwaway copy of that cluster (pg_basebackup into the temp folder; ~11 GB, about a minute), which the
#    benchmark has to itself — other sessions' WAL does not slow its commits, their locks do not block it — and which
#    is deleted afterwards: the world is not written at all. WORLD_COPY=0 measures in place: the benchmark then adds
#    jobcenter organisations for the run and records looks in access_log, and deletes both afterwards (rows marked as
#    the benchmark's, see GateBench/Readers.cs);
# 3. if joblog_world is not there: measures on the app's demo world instead, in a fresh private cluster in the temp
#    folder (migrations, reference data and demo world loaded as the app does in demo mode) — the report says so;
# 4. prints p50/p95/p99 of the gate, of the read with and without it, where the gate's time goes, access_log at scale
#    (a scratch database, dropped afterwards) and the goal line with PASS/FAIL.
# Only loopback traffic; every loop is bounded. Exit code: 0 whether the goal passes or not, 2 if the benchmark itself
# could not run (build, a database error, a missing tool).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

WORLD_DATA_DIR="${WORLD_DATA_DIR:-$HOME/.local/share/joblog/postgres}"
DATABASE="${DATABASE:-joblog_world}"
DEMO="${DEMO:-0}"                        # 1: skip the world, measure on a fresh demo world
WORLD_COPY="${WORLD_COPY:-1}"            # 1: on a throwaway copy of the world's cluster (pg_basebackup, ~11 GB); 0: in place
ITERATIONS="${ITERATIONS:-5000}"
WARMUP="${WARMUP:-500}"
READERS="${READERS:-4000}"               # distinct (caseworker, citizen) pairs
JOBCENTER_SHARE="${JOBCENTER_SHARE:-0.5}" # share of reads by jobcenter staff; the rest by a-kasse staff
ACCESS_LOG_ROWS="${ACCESS_LOG_ROWS:-10000000}" # rows in the scratch access_log; 0 skips that part
INSERT_SAMPLES="${INSERT_SAMPLES:-3000}"
GOAL_MS="${GOAL_MS:-2}"
SEED="${SEED:-1}"

say() { printf '== %s\n' "$*" >&2; }
die() { printf 'gate.sh: %s\n' "$*" >&2; exit 2; }

command -v dotnet >/dev/null || die "dotnet is missing"

TMP="$(mktemp -d /tmp/joblog-gatebench.XXXXXX)"
chmod 0755 "$TMP"                        # the cluster runs as postgres when we are root: it must traverse this

# GateBench stops and deletes the clusters it makes in $TMP; should it have been killed, stop what it left running
# there (a fast shutdown of that postmaster, by its pid) before removing the folder.
cleanup() {
  local rc=$? d pid
  trap - EXIT INT TERM
  for d in "$TMP/world-copy" "$TMP/demo"; do
    pid="$(head -1 "$d/pgdata/postmaster.pid" 2>/dev/null || true)"
    [ -n "$pid" ] || continue
    say "stopping the cluster left behind in $d (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  done
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say "building bench/GateBench (Release)"
dotnet build "$ROOT/bench/GateBench" -c Release -nologo -clp:ErrorsOnly -v:quiet >"$TMP/build.log" 2>&1 \
  || { cat "$TMP/build.log" >&2; die "build failed"; }
BENCH_DLL="$(ls "$ROOT"/bench/GateBench/bin/Release/net*/GateBench.dll | sort -V | tail -1)"

args=(--iterations "$ITERATIONS" --warmup "$WARMUP" --readers "$READERS" --jobcenter-share "$JOBCENTER_SHARE"
      --access-log-rows "$ACCESS_LOG_ROWS" --insert-samples "$INSERT_SAMPLES" --goal-ms "$GOAL_MS" --seed "$SEED")

if [ "$DEMO" != 1 ]; then
  say "measuring on $DATABASE in $WORLD_DATA_DIR$([ "$WORLD_COPY" = 1 ] && echo ' (on a copy)')"
  copy=(); [ "$WORLD_COPY" = 1 ] && copy=(--copy-to "$TMP/world-copy")
  rc=0
  env -u GATEBENCH_CONNECTION dotnet "$BENCH_DLL" --data-dir "$WORLD_DATA_DIR" --database "$DATABASE" "${copy[@]}" "${args[@]}" || rc=$?
  case "$rc" in
    0) exit 0 ;;
    3) say "$DATABASE is not there: falling back to a fresh demo world" ;;
    *) die "the benchmark could not run on $DATABASE (exit $rc)" ;;
  esac
  LABEL="demo world (fallback: $DATABASE not found in $WORLD_DATA_DIR)"
else
  LABEL="demo world (DEMO=1)"
fi

# --- fallback: the app's demo world in a fresh private cluster of our own ----------------------------------------
rc=0
env -u GATEBENCH_CONNECTION dotnet "$BENCH_DLL" --demo-in "$TMP/demo" --label "$LABEL" "${args[@]}" || rc=$?
[ "$rc" -eq 0 ] || die "the benchmark could not run on the demo world (exit $rc)"
