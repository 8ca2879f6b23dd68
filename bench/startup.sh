#!/usr/bin/env bash
# Process-level benchmark: a cold `robson execute PLAN --client-id 1` DRY-RUN with the plan in SQLite,
# as the Native AOT binary and as the JIT build (`dotnet robson.dll`), measured in the same run.
# Needs hyperfine (apt-get install hyperfine). Prints a markdown block for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-50}

dotnet publish src/Robson.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot -nologo -v quiet >/dev/null
dotnet build src/Robson.Cli -c Release -nologo -v quiet >/dev/null
aot="$PWD/artifacts/aot/robson"
jit="dotnet $PWD/src/Robson.Cli/bin/Release/net10.0/robson.dll"

export ROBSON_HOME=$(mktemp -d) NO_COLOR=1
"$aot" strategy create --client-id 1 --name bench --max-drawdown-percent 20 --stop-loss-percent 5 \
  --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 --json >/dev/null
plan=$("$aot" plan buy BTCUSDT 0.001 --stop-loss 58200 --client-id 1 --strategy-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p')
"$aot" validate "$plan" --client-id 1 >/dev/null

hyperfine --warmup 3 --runs "$runs" -N --export-markdown /tmp/robson-bench.md \
  -n "native AOT" "$aot execute $plan --client-id 1" \
  -n "JIT (dotnet robson.dll)" "$jit execute $plan --client-id 1" >&2

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo "### $(date -u +%Y-%m-%d) — $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version)"
echo
cat /tmp/robson-bench.md
echo
echo "Peak RSS: native AOT $(peak $aot execute "$plan" --client-id 1) KiB; JIT $(peak $jit execute "$plan" --client-id 1) KiB."
