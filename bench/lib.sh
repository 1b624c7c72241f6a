# Shared pieces of the benchmark scripts (source it after setting ROOT and TMP).

say() { printf '== %s\n' "$*" >&2; }
die() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; exit 2; }

# Builds src/Joblog.Web in Release (errors only, the log in $TMP/build.log) and sets DLL to the app's assembly.
build_web() {
  say "building (Release)"
  dotnet build "$ROOT/src/Joblog.Web" -c Release -nologo -clp:ErrorsOnly -v:quiet >"$TMP/build.log" 2>&1 \
    || { cat "$TMP/build.log" >&2; die "build failed"; }
  DLL="$(ls "$ROOT"/src/Joblog.Web/bin/Release/net*/Joblog.Web.dll | sort -V | tail -1)"
}

# Stops the app of pid $1 with SIGTERM (it stops a cluster it started), then SIGKILL after 30 s.
stop_app() {
  kill -TERM "$1" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$1" 2>/dev/null; then kill -KILL "$1" 2>/dev/null || true; fi
}
