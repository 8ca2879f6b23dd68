#!/usr/bin/env bash
# Start-up against the floor, in one hyperfine run on one machine: a native AOT hello world (generated and published
# here with the same SDK and runtime, offline), `robson --version`, and a cold DRY-RUN `robson execute PLAN` (paper
# venue, SQLite; each run is a whole process: start, open robson.db, load the plan, evaluate every guard, simulate
# against the paper book, store the execution and its audit event, print the report). Prints the ratios of the means
# to the hello world, peak RSS of each, the binary's size and the machine, as a markdown block for docs/benchmarks.md.
# Needs hyperfine, GNU time and python3 (to read hyperfine's JSON).
#   RUNS      runs per command (default 30)
#   ROBSON_BIN  an already published robson to measure instead of publishing this tree
#   HELLO_BIN   an already published hello world
#   JIT=1     also measure the JIT build (`dotnet robson.dll`) of the DRY-RUN
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-30}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

. bench/aot.sh

if [ -z "${HELLO_BIN:-}" ]; then
  HELLO_BIN=$(publish_hello "$work/hello")
fi
if [ -z "${ROBSON_BIN:-}" ]; then
  publish src/Robson.Cli artifacts/aot
  ROBSON_BIN="$PWD/artifacts/aot/robson"
fi

export ROBSON_HOME="$work/home" NO_COLOR=1
unset ROBSON_DATABASE_URL ROBSON_CLIENT_ID
"$ROBSON_BIN" strategy create --client-id 1 --name bench --max-drawdown-percent 20 --stop-loss-percent 5 \
  --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 --json >/dev/null
plan=$("$ROBSON_BIN" plan buy BTCUSDT 0.001 --stop-loss 58200 --client-id 1 --strategy-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p')
"$ROBSON_BIN" validate "$plan" --client-id 1 >/dev/null

jit=()
if [ "${JIT:-0}" = 1 ]; then
  dotnet build src/Robson.Cli -c Release -nologo -v quiet >/dev/null
  jit=(-n "DRY-RUN execute, JIT (dotnet robson.dll)" "dotnet $PWD/src/Robson.Cli/bin/Release/net10.0/robson.dll execute $plan --client-id 1")
fi

hyperfine -N --warmup 5 --runs "$runs" --export-json "$work/run.json" --export-markdown "$work/run.md" \
  -n "hello world (native AOT)" "$HELLO_BIN" \
  -n "robson --version" "$ROBSON_BIN --version" \
  -n "DRY-RUN execute" "$ROBSON_BIN execute $plan --client-id 1" \
  "${jit[@]}" >&2

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
kib() { echo "$(( ($1 + 512) / 1024 )) MiB ($1 KiB)"; }
echo "### Start-up: $(date -u +%Y-%m-%d) — $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$work/run.md"
echo
python3 - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
floor = r[0]["mean"]
targets = {"robson --version": 1.5, "DRY-RUN execute": 3.0}
for x in r[1:]:
    t = targets.get(x["command"])
    goal = f" (target ≤ {t}x: {'met' if x['mean'] / floor <= t else 'not met'})" if t else ""
    print(f"- {x['command']}: {x['mean'] / floor:.2f}x the hello world's mean, median {x['median'] / r[0]['median']:.2f}x{goal}")
PY
echo
echo "Peak RSS: hello world $(kib "$(peak "$HELLO_BIN")"); \`robson --version\` $(kib "$(peak "$ROBSON_BIN" --version)"); DRY-RUN execute $(kib "$(peak "$ROBSON_BIN" execute "$plan" --client-id 1)") (target < 40 MiB)."
echo
echo "Binary: robson $(stat -c %s "$ROBSON_BIN") bytes (+ $(stat -c %s "$(dirname "$ROBSON_BIN")/libe_sqlite3.so" 2>/dev/null || echo '?') bytes libe_sqlite3.so); hello world $(stat -c %s "$HELLO_BIN") bytes."
