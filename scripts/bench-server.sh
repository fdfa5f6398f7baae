#!/usr/bin/env bash
# Load benchmark of `imr serve` (the workbench API) on loopback with wrk, SQLite store.
#
# Prepares a fresh store with the CLI (the scripts/run.sh steps: reviewers, one eligible case,
# assigned to REV-101, notice, one record, records complete) plus a reviewer user for REV-101,
# starts `imr serve --api-only` on a free port with a fixed clock, signs in, makes the draft,
# then measures, REPEATS times each (medians reported):
#   read        GET /api/cases/{id} (the case view with its draft), unpaced, wrk -t2 -c8
#   write       PUT /api/cases/{id}/items/1 (accept the draft), unpaced, ONE connection: each
#               request carries the version the previous one returned, so none is stale
#   mixed       paced at RATE req/s in total for DURATION_MIXED: (100-WRITE_PCT)% reads on
#               READ_CONNS connections, WRITE_PCT% writes on one connection (two wrk processes
#               at once; their latency histograms are merged for the "mixed all" row)
# Plain wrk has no rate option; bench/wrk/imr-api.lua paces requests itself (see there).
#
#   scripts/bench-server.sh [results.json]
#   IMR=build-x/src/imr REPEATS=1 scripts/bench-server.sh /tmp/r.json
#
# Environment: IMR (default build/src/imr), REPEATS (3), RATE (500), WRITE_PCT (10),
# READ_CONNS (9), DURATION_READ (20s), DURATION_WRITE (20s), DURATION_MIXED (30s),
# SERVER_THREADS (the server's default when unset), P99_TARGET_MS (20).
# Prints a table and writes the results as JSON (default: bench-server-results.json in the
# work directory, which is kept with only that file in it). Exits 1 when the server does not
# start, 2 when the mixed run misses the target (rate, p99 or errors), 0 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"

IMR="${IMR:-build/src/imr}"
REPEATS="${REPEATS:-3}"
RATE="${RATE:-500}"
WRITE_PCT="${WRITE_PCT:-10}"
READ_CONNS="${READ_CONNS:-9}"
DURATION_READ="${DURATION_READ:-20s}"
DURATION_WRITE="${DURATION_WRITE:-20s}"
DURATION_MIXED="${DURATION_MIXED:-30s}"
SERVER_THREADS="${SERVER_THREADS:-}"
P99_TARGET_MS="${P99_TARGET_MS:-20}"
LUA="$ROOT/bench/wrk/imr-api.lua"

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "bench-server: $tool is not installed" >&2; exit 1; }
done
[ -x "$IMR" ] || { echo "bench-server: no imr binary at $IMR (build it, or set IMR)" >&2; exit 1; }
IMR="$(cd "$(dirname "$IMR")" && pwd)/$(basename "$IMR")"

work="$(mktemp -d -t imr-bench-server.XXXXXX)"
RESULTS="${1:-$work/bench-server-results.json}"
server_pid=""
cleanup() {
  local rc=$?
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  # Keep the work directory only when the results file is in it, and then only that file.
  if [ "$(dirname "$RESULTS")" -ef "$work" ]; then
    find "$work" -mindepth 1 ! -path "$RESULTS" -delete 2>/dev/null || true
  else
    rm -rf "$work"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export IMR_STORE="$work/cases.db"
PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"

echo "== preparing a SQLite store in $work (imr: $IMR)"
{
  "$IMR" reviewers import examples/reviewers.json --as admin
  IMR_NOW=2026-11-10T09:00 "$IMR" case create examples/applications/regular-eligible.json --as intake \
    --format json >"$work/created.json"
} >/dev/null
CASE="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["case_id"])' "$work/created.json")"
{
  IMR_NOW=2026-11-10T10:00 "$IMR" case assign "$CASE" --as intake
  IMR_NOW=2026-11-10T10:05 "$IMR" case notice "$CASE" --method electronic --as intake
  IMR_NOW=2026-11-12T14:00 "$IMR" case attach "$CASE" examples/records/delgado-pr2-2026-10-02.txt \
    --title "PR-2 progress report" --date 2026-10-02 --sender "requesting physician" --as intake
  IMR_NOW=2026-11-12T14:05 "$IMR" case records-complete "$CASE" --as intake
  printf '%s\n' "$PASSWORD" | IMR_NOW=2026-11-12T14:10 "$IMR" users add rev101 --role reviewer \
    --reviewer-id REV-101 --password-stdin --as admin
} >/dev/null

echo "== starting imr serve"
serve_args=(serve --api-only --quiet --port 0 --port-file "$work/port" --store "$IMR_STORE" --now 2026-11-13T08:00)
[ -n "$SERVER_THREADS" ] && serve_args+=(--threads "$SERVER_THREADS")
"$IMR" "${serve_args[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  [ -s "$work/port" ] && break
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [ ! -s "$work/port" ] || ! kill -0 "$server_pid" 2>/dev/null; then
  echo "bench-server: the server did not start; its log:" >&2
  cat "$work/server.log" >&2
  exit 1
fi
PORT="$(tr -d '[:space:]' <"$work/port")"
BASE="http://127.0.0.1:$PORT"
curl -fsS "$BASE/api/health" >/dev/null || { echo "bench-server: /api/health failed" >&2; cat "$work/server.log" >&2; exit 1; }

# Sign in as the reviewer, keep the session cookie and the CSRF token.
curl -fsS -c "$work/jar" -H 'Content-Type: application/json' \
  --data-binary @- "$BASE/api/login" >"$work/login.json" \
  <<<"$(python3 -c 'import json,sys; print(json.dumps({"user": "rev101", "password": sys.argv[1]}))' "$PASSWORD")"
CSRF="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/login.json")"
COOKIE="imr_session=$(awk '$6 == "imr_session" { print $7 }' "$work/jar")"
[ "$COOKIE" != "imr_session=" ] || { echo "bench-server: no session cookie from /api/login" >&2; exit 1; }

curl -fsS -H "Cookie: $COOKIE" -H "X-CSRF-Token: $CSRF" -H 'Content-Type: application/json' \
  -d '{}' "$BASE/api/cases/$CASE/draft" >/dev/null
# The reviewer's first view marks the case opened (a new version); read the version after it.
current_version() {
  curl -fsS -H "Cookie: $COOKIE" "$BASE/api/cases/$CASE" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["draft"] is not None, "no draft"; print(d["version"])'
}
current_version >/dev/null

export IMR_BENCH_CASE="$CASE" IMR_BENCH_COOKIE="$COOKIE" IMR_BENCH_CSRF="$CSRF" IMR_BENCH_ITEM=1
RAW="$work/runs.jsonl"
: >"$RAW"

# run NAME MODE THREADS CONNS DURATION RATE [VERSION]
run_wrk() {
  local name=$1 mode=$2 threads=$3 conns=$4 duration=$5 rate=$6 version=${7:-0}
  IMR_BENCH_NAME="$name" IMR_BENCH_MODE="$mode" IMR_BENCH_THREADS="$threads" IMR_BENCH_RATE="$rate" \
    IMR_BENCH_VERSION="$version" IMR_BENCH_OUT="$RAW" \
    wrk -t"$threads" -c"$conns" -d"$duration" --timeout 2s -s "$LUA" "$BASE" >"$work/wrk-$name.out" 2>&1 ||
    { echo "bench-server: wrk failed:" >&2; cat "$work/wrk-$name.out" >&2; return 1; }
  grep "^$name:" "$work/wrk-$name.out" | sed 's/^/   /'
}

write_rate=$(python3 -c "print(round($RATE * $WRITE_PCT / 100.0, 3))")
read_rate=$(python3 -c "print(round($RATE - $write_rate, 3))")
echo "== case $CASE on $BASE; $REPEATS repeats; mixed: $read_rate reads/s on $READ_CONNS connections + $write_rate writes/s on 1"
for rep in $(seq "$REPEATS"); do
  echo "-- repeat $rep"
  run_wrk read read 2 8 "$DURATION_READ" 0
  run_wrk write write 1 1 "$DURATION_WRITE" 0 "$(current_version)"
  v="$(current_version)"
  run_wrk mixed-write write 1 1 "$DURATION_MIXED" "$write_rate" "$v" &
  writer=$!
  run_wrk mixed-read read 1 "$READ_CONNS" "$DURATION_MIXED" "$read_rate"
  wait "$writer"
done

kill -0 "$server_pid" 2>/dev/null || { echo "bench-server: the server died during the benchmark" >&2; exit 1; }
server_errors=$(grep -c '"status":5\|"level":"error"' "$work/server.log" || true)
db_bytes=$(du -cb "$work"/cases.db* | tail -1 | cut -f1)

python3 - "$RAW" "$RESULTS" "$RATE" "$P99_TARGET_MS" "$REPEATS" "$server_errors" "$db_bytes" <<'PY'
import json, statistics, sys
raw, out, rate, target, repeats, server_errors, db_bytes = sys.argv[1:]
rate, target, server_errors = float(rate), float(target), int(server_errors)
runs = [json.loads(line) for line in open(raw)]

def percentile(hist, q):
    # wrk's own rule (stats_percentile): the first value whose cumulative count reaches the rank.
    total = sum(c for _, c in hist)
    rank = round(q / 100.0 * total + 0.5)
    seen = 0
    for v, c in sorted(hist):
        seen += c
        if seen >= rank:
            return v / 1000.0
    return 0.0

# One merged "mixed-all" run per repeat: the reads and writes ran at the same time.
reads = [r for r in runs if r["name"] == "mixed-read"]
writes = [r for r in runs if r["name"] == "mixed-write"]
for r, w in zip(reads, writes):
    hist = r["hist"] + w["hist"]
    runs.append({
        "name": "mixed-all", "target_rate": r["target_rate"] + w["target_rate"],
        "requests": r["requests"] + w["requests"], "rps": r["rps"] + w["rps"],
        "p50_ms": percentile(hist, 50), "p90_ms": percentile(hist, 90), "p99_ms": percentile(hist, 99),
        "max_ms": max(r["max_ms"], w["max_ms"]), "non2xx": r["non2xx"] + w["non2xx"],
        "socket_errors": {k: r["socket_errors"][k] + w["socket_errors"][k] for k in r["socket_errors"]},
        "late": r["late"] + w["late"], "max_lag_ms": max(r["max_lag_ms"], w["max_lag_ms"]),
        "resyncs": r["resyncs"] + w["resyncs"]})

rows = []
for name in ["read", "write", "mixed-read", "mixed-write", "mixed-all"]:
    rs = [r for r in runs if r["name"] == name]
    if not rs:
        continue
    med = lambda key: statistics.median(r[key] for r in rs)
    rows.append({
        "name": name, "runs": len(rs), "target_rate": rs[0]["target_rate"] or None,
        "requests": int(med("requests")), "rps": round(med("rps"), 1),
        "p50_ms": round(med("p50_ms"), 2), "p90_ms": round(med("p90_ms"), 2), "p99_ms": round(med("p99_ms"), 2),
        "p99_ms_runs": [round(r["p99_ms"], 2) for r in rs], "max_ms": round(max(r["max_ms"] for r in rs), 2),
        "non2xx": sum(r["non2xx"] for r in rs),
        "socket_errors": sum(sum(r["socket_errors"].values()) for r in rs),
        "stale_resyncs": sum(r.get("resyncs", 0) for r in rs),
        "late": sum(r.get("late", 0) for r in rs), "max_lag_ms": max(r.get("max_lag_ms", 0) for r in rs)})

print()
print("medians of %s runs; non-2xx and socket errors are totals over the runs" % repeats)
fmt = "%-12s %9s %9s %8s %8s %8s %8s %8s"
print(fmt % ("name", "requests", "req/s", "p50 ms", "p99 ms", "non-2xx", "sock err", "late"))
for r in rows:
    print(fmt % (r["name"], r["requests"], "%.1f" % r["rps"], "%.2f" % r["p50_ms"], "%.2f" % r["p99_ms"],
                 r["non2xx"], r["socket_errors"], r["late"] if r["target_rate"] else "-"))

mixed = next((r for r in rows if r["name"] == "mixed-all"), None)
verdict = None
if mixed:
    problems = []
    if mixed["rps"] < 0.95 * rate:
        problems.append("achieved %.1f req/s of %.0f" % (mixed["rps"], rate))
    if mixed["p99_ms"] >= target:
        problems.append("p99 %.2f ms >= %.0f ms" % (mixed["p99_ms"], target))
    if mixed["non2xx"] or mixed["socket_errors"] or server_errors:
        problems.append("errors: %d non-2xx, %d socket, %d in the server log" %
                        (mixed["non2xx"], mixed["socket_errors"], server_errors))
    verdict = {"target_rate": rate, "p99_target_ms": target, "met": not problems, "problems": problems}
    print()
    print("target (p99 < %.0f ms at %.0f req/s, no errors): %s" %
          (target, rate, "MET" if not problems else "MISSED (" + "; ".join(problems) + ")"))
print("server log errors: %d; store size after the runs: %.1f MiB" % (server_errors, int(db_bytes) / 2**20))

with open(out, "w") as f:
    json.dump({"store": "sqlite", "results": rows, "target": verdict, "server_log_errors": server_errors,
               "store_bytes": int(db_bytes),
               "runs": [{k: v for k, v in r.items() if k != "hist"} for r in runs]}, f, indent=2)
    f.write("\n")
print("results: " + out)
sys.exit(0 if verdict is None or verdict["met"] else 2)
PY
