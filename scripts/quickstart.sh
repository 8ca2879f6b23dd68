#!/usr/bin/env bash
# The main workflow on the embedded default (SQLite + the paper venue, offline):
# strategy -> plan -> validate -> execute (DRY-RUN). Uses a fresh temporary ROBSON_HOME unless one is set.
# Set ROBSON to a published binary to use it instead of building from source.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${ROBSON:-}" ]; then
  dotnet build src/Robson.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null
  robson() { dotnet src/Robson.Cli/bin/Release/net10.0/robson.dll "$@"; }
else
  robson() { "$ROBSON" "$@"; }
fi
export ROBSON_HOME="${ROBSON_HOME:-$(mktemp -d /tmp/robson-quickstart.XXXXXX)}"
echo "ROBSON_HOME=$ROBSON_HOME"
step() { printf '\n$ robson %s\n' "$*" >&2; }

step strategy create --client-id 1 --name quickstart ...
robson strategy create --client-id 1 --name quickstart --max-drawdown-percent 20 --stop-loss-percent 5 \
  --max-position-size-percent 25 --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 \
  --max-notional-per-order 5000 --live-enabled --json >/dev/null
echo "strategy 1 created (LIVE allowed, 10 orders / 10,000 USDT / 500 USDT loss per day)"

step plan buy BTCUSDT 0.001 --limit 60010 --stop-loss 57100 --client-id 1 --strategy-id 1
robson plan buy BTCUSDT 0.001 --limit 60010 --stop-loss 57100 --client-id 1 --strategy-id 1
plan_id=$(robson plans list --client-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p' | head -n 1)

step validate "$plan_id" --client-id 1
robson validate "$plan_id" --client-id 1

step execute "$plan_id" --client-id 1
robson execute "$plan_id" --client-id 1

step paper balance --client-id 1
robson paper balance --client-id 1
