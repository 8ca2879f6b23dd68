#!/usr/bin/env bash
# `robson serve` under load against its floor, in one run on one machine (issue 12): CONCURRENCY clients on loopback send
# a fixed number of requests (after a warm-up) to
#   - robson-server: POST /v1/plans/{id}/execute {} with a trader's token, a DRY-RUN of one validated plan; each request
#     is a full guarded simulation (the token looked up, the command run in process, every guard, the paper book) that
#     stores the execution and its audit event; any answer that is not 2xx with Robson-Exit-Code 0 (SUCCESS) is an error;
#   - bench/BareEndpoint: a bare minimal-API POST that does one durable insert with Robson's store settings (SQLite: WAL,
#     the default synchronous, busy timeout 30 s, a connection per request with one kept open, as robson serve's pool
#     keeps its connections; PostgreSQL: Npgsql's pool, as robson serve's).
# Prints a markdown block for docs/benchmarks.md: machine, date, cores, load average, the two rows, the ratio of the
# throughputs and whether the goals are met (robson ≥ 70 % of the bare endpoint's requests/s, p99 < 5 ms on SQLite).
# Both servers are the Release (JIT) builds, started with `dotnet`; the load generator shares the machine with them.
#   --postgres        start a throwaway PostgreSQL (initdb + pg_ctl, 127.0.0.1 and a free port only, fsync on, deleted
#                     at the end) and run both against it; or set ROBSON_DATABASE_URL=postgresql://USER@HOST:PORT/DB to
#                     use a server of your own (databases robson_serve_bench and robson_serve_bare are created there with
#                     psql and dropped at the end)
#   REQUESTS      measured requests per endpoint (default 2000)
#   WARMUP        warm-up requests per endpoint, not measured (default 200)
#   CONCURRENCY   concurrent clients (default 32)
#   ROUNDS        rounds, each bare then robson (default 1); with more, the ratio is of the medians
#   NO_BUILD=1    use the Release builds already there
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${REQUESTS:-2000}
warmup=${WARMUP:-200}
concurrency=${CONCURRENCY:-32}
rounds=${ROUNDS:-1}
engine=sqlite
[ "${1:-}" = "--postgres" ] && engine=postgres
[ -n "${ROBSON_DATABASE_URL:-}" ] && engine=postgres

work=$(mktemp -d)
chmod 755 "$work"
pids=()
pg_data=""
pg_run=()
admin_url=""
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  if [ -n "$admin_url" ] && [ -z "$pg_data" ]; then
    psql "$admin_url" -qc "DROP DATABASE IF EXISTS robson_serve_bench" -c "DROP DATABASE IF EXISTS robson_serve_bare" >/dev/null 2>&1 || true
  fi
  if [ -n "$pg_data" ]; then "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_up() { # URL LOG
  for _ in $(seq 1 600); do curl -fs "$1" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "serve.sh: $1 did not answer; its log:" >&2; tail -n 20 "$2" >&2; exit 1
}

if [ "${NO_BUILD:-0}" != 1 ]; then
  for p in src/Robson.Cli src/Robson.Server bench/BareEndpoint bench/ServeLoad; do
    dotnet build "$p" -c Release -nologo -v quiet >/dev/null
  done
fi
robson_dll=$PWD/src/Robson.Cli/bin/Release/net10.0/robson.dll
server_dll=$PWD/src/Robson.Server/bin/Release/net10.0/robson-server.dll
bare_dll=$PWD/bench/BareEndpoint/bin/Release/net10.0/BareEndpoint.dll
load_dll=$PWD/bench/ServeLoad/bin/Release/net10.0/ServeLoad.dll
robson() { dotnet "$robson_dll" "$@"; }

export ROBSON_HOME="$work/home" NO_COLOR=1
unset ROBSON_CLIENT_ID

# PostgreSQL: a throwaway cluster (as tests/Shared/Postgres/PostgresServer.cs starts one, but durable: fsync on), or the
# server of ROBSON_DATABASE_URL; Robson and the bare endpoint each get a database owned by an ordinary role (row-level
# security applies to Robson, as on a shared server).
bare_store=(--sqlite "$work/bare.db" --keep-open true) # as robson serve does: one connection held open, so closes skip the checkpoint
if [ "$engine" = postgres ]; then
  if [ -z "${ROBSON_DATABASE_URL:-}" ]; then
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    [ -x "$pg_bin/initdb" ] || { echo "serve.sh --postgres: no PostgreSQL binaries in /usr/lib/postgresql/*/bin" >&2; exit 2; }
    pg_user=$(id -un)
    if [ "$(id -u)" = 0 ]; then pg_user=postgres; pg_run=(runuser -u postgres --); chown postgres: "$work"; fi
    pg_data=$work/pg
    pg_port=$(free_port)
    "${pg_run[@]}" "$pg_bin/initdb" -D "$pg_data" -U "$pg_user" --auth=trust -E UTF8 --locale=C --no-instructions >/dev/null
    printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = '%s'\nmax_connections = 200\n" "$pg_port" "$pg_data" \
      >> "$pg_data/postgresql.auto.conf"
    "${pg_run[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_data/server.log" -w -t 60 start >/dev/null
    admin_url="postgresql://$pg_user@127.0.0.1:$pg_port/postgres"
    psql "$admin_url" -qc "CREATE ROLE robson_bench LOGIN NOSUPERUSER NOBYPASSRLS" >/dev/null
  else
    admin_url=$ROBSON_DATABASE_URL
    psql "$admin_url" -qc "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'robson_bench') THEN CREATE ROLE robson_bench LOGIN NOSUPERUSER NOBYPASSRLS; END IF; END \$\$" >/dev/null
  fi
  psql "$admin_url" -qc "DROP DATABASE IF EXISTS robson_serve_bench" -c "DROP DATABASE IF EXISTS robson_serve_bare" \
    -c "CREATE DATABASE robson_serve_bench OWNER robson_bench" -c "CREATE DATABASE robson_serve_bare OWNER robson_bench" >/dev/null
  base=${admin_url%/*}
  base="postgresql://robson_bench@${base#postgresql://*@}"
  export ROBSON_DATABASE_URL="$base/robson_serve_bench"
  bare_store=(--postgres "$base/robson_serve_bare")
  robson db migrate >/dev/null
  pg_version=$(psql "$admin_url" -Atc "SHOW server_version")
  pg_sync="fsync $(psql "$admin_url" -Atc "SHOW fsync"), synchronous_commit $(psql "$admin_url" -Atc "SHOW synchronous_commit")"
fi

robson strategy create --client-id 1 --name bench --max-drawdown-percent 20 --stop-loss-percent 5 \
  --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 --json >/dev/null
token=$(robson token create --client-id 1 --role trader --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

server_port=$(free_port)
dotnet "$server_dll" --urls "http://127.0.0.1:$server_port" >"$work/server.log" 2>&1 &
pids+=($!)
bare_port=$(free_port)
dotnet "$bare_dll" --urls "http://127.0.0.1:$bare_port" "${bare_store[@]}" >"$work/bare.log" 2>&1 &
pids+=($!)
wait_up "http://127.0.0.1:$server_port/healthz" "$work/server.log"
wait_up "http://127.0.0.1:$bare_port/healthz" "$work/bare.log"

api() { # METHOD PATH BODY: the answer's JSON
  curl -fsS -X "$1" "http://127.0.0.1:$server_port$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$3"
}
plan=$(api POST /v1/plans '{"side":"buy","symbol":"BTCUSDT","quantity":"0.001","limit":"60010","stop_loss":"57100","strategy_id":1}' \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["plan_id"])')
validation=$(api POST "/v1/plans/$plan/validate" '{}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["status"])')
[ "$validation" = PASS ] || [ "$validation" = WARNING ] || { echo "serve.sh: plan $plan validated $validation" >&2; exit 1; }
status=$(api POST "/v1/plans/$plan/execute" '{}' | python3 -c 'import json, sys; d = json.load(sys.stdin); print(d["mode"], d["status"])')
[ "$status" = "DRY_RUN SUCCESS" ] || { echo "serve.sh: a DRY-RUN of plan $plan answered $status" >&2; exit 1; }

load_avg_before=$(cut -d' ' -f1-3 /proc/loadavg)
load() { dotnet "$load_dll" --requests "$requests" --warmup "$warmup" --concurrency "$concurrency" "$@"; }
: >"$work/rows.tsv"
for round in $(seq 1 "$rounds"); do
  load --label "bare endpoint (one insert)" --url "http://127.0.0.1:$bare_port/insert" --body '{"plan_id":"'"$plan"'"}' >>"$work/rows.tsv"
  load --label "robson serve: DRY-RUN execute" --url "http://127.0.0.1:$server_port/v1/plans/$plan/execute" --body '{}' \
    --header "Authorization: Bearer $token" --expect-header "Robson-Exit-Code: 0" >>"$work/rows.tsv"
done
load_avg_after=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$engine" = postgres ]; then
  store="PostgreSQL $pg_version on 127.0.0.1 ($pg_sync), a role without BYPASSRLS"
else
  sync=$(python3 -c 'import re, sys; m = re.search(r"synchronous (\w+)", open(sys.argv[1]).read()); print(m.group(1) if m else "?")' "$work/bare.log")
  store="SQLite (WAL, synchronous $sync [2 = FULL], one fsync per commit or more)"
fi
echo "#### $(date -u +%Y-%m-%d) — serve, $engine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version)"
echo
echo "$concurrency concurrent clients on loopback (one HttpClient, keep-alive), $requests requests per row after $warmup warm-up requests, $rounds round(s) (bare endpoint, then robson). Store: $store. Load average before $load_avg_before, after $load_avg_after."
echo
python3 - "$work/rows.tsv" "$engine" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if l.strip()]
sqlite = sys.argv[2] == "sqlite"
print("| Endpoint | Requests | Errors | Requests/s | p50 [ms] | p90 [ms] | p99 [ms] | max [ms] |")
print("|:---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r[0]} | {r[1]} | {r[2]} | {float(r[4]):.1f} | {float(r[5]):.2f} | {float(r[6]):.2f} | {float(r[7]):.2f} | {float(r[8]):.2f} |")
bare = [r for r in rows if r[0].startswith("bare")]
robson = [r for r in rows if r[0].startswith("robson")]
med = lambda rs, i: statistics.median(float(r[i]) for r in rs)
ratio = med(robson, 4) / med(bare, 4)
p99 = med(robson, 7)
errors = sum(int(r[2]) for r in rows)
print()
what = "of the medians over the rounds" if len(robson) > 1 else "in this run"
print(f"- Throughput of robson serve / bare endpoint ({what}): **{ratio:.2f}** (goal ≥ 0.70: {'met' if ratio >= 0.70 and errors == 0 else 'not met'})")
if sqlite:
    print(f"- robson serve p99: {p99:.2f} ms (goal < 5 ms on SQLite: {'met' if p99 < 5 and errors == 0 else 'not met'}); bare endpoint p99 {med(bare, 7):.2f} ms")
else:
    print(f"- robson serve p99: {p99:.2f} ms (the 5 ms goal is SQLite's; reported); bare endpoint p99 {med(bare, 7):.2f} ms")
if errors:
    print(f"- **{errors} errors** (non-2xx, or not Robson-Exit-Code 0): the goals are not met; see stderr for examples")
PY
