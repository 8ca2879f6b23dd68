#!/usr/bin/env bash
# The main workflow on the embedded default (SQLite + the paper venue, offline):
# strategy -> plan -> validate -> execute (DRY-RUN). Uses a fresh temporary ROBSON_HOME unless one is set.
# Set ROBSON to a published binary to use it instead of building from source.
set -euo pipefail
cd "$(dirname "$0")/.."

# Progress goes to stderr, the reports to stdout. A build that fails shows its errors and the script exits non-zero.
say() { printf '\n==> %s\n' "$*" >&2; }
step() { printf '$ robson %s\n' "$*" >&2; }

if [ -z "${ROBSON:-}" ]; then
  say "Building robson from source (Release; the first build restores packages: 30 s or more)..."
  build_log=$(mktemp)
  if ! dotnet build src/Robson.Cli -c Release -nologo -v quiet -clp:ErrorsOnly >"$build_log" 2>&1; then
    cat "$build_log" >&2
    rm -f "$build_log"
    say "Build failed: see the errors above"
    exit 1
  fi
  rm -f "$build_log"
  echo "Built src/Robson.Cli/bin/Release/net10.0/robson.dll" >&2
  robson() { dotnet src/Robson.Cli/bin/Release/net10.0/robson.dll "$@"; }
else
  echo "Using $ROBSON" >&2
  robson() { "$ROBSON" "$@"; }
fi
export ROBSON_HOME="${ROBSON_HOME:-$(mktemp -d /tmp/robson-quickstart.XXXXXX)}"
echo "ROBSON_HOME=$ROBSON_HOME"

say "1/5 Create a strategy: risk settings, daily limits, LIVE allowed"
step strategy create --client-id 1 --name quickstart ...
robson strategy create --client-id 1 --name quickstart --max-drawdown-percent 20 --stop-loss-percent 5 \
  --max-position-size-percent 25 --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 \
  --max-notional-per-order 5000 --live-enabled --json >/dev/null
echo "strategy 1 created (LIVE allowed, 10 orders / 10,000 USDT / 500 USDT loss per day)"

say "2/5 Plan a limit buy with a stop-loss (stored, nothing sent)"
step plan buy BTCUSDT 0.001 --limit 60010 --stop-loss 57100 --client-id 1 --strategy-id 1
robson plan buy BTCUSDT 0.001 --limit 60010 --stop-loss 57100 --client-id 1 --strategy-id 1
plan_id=$(robson plans list --client-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p' | head -n 1)

say "3/5 Validate it: the paper-trading checks"
step validate "$plan_id" --client-id 1
robson validate "$plan_id" --client-id 1

say "4/5 Execute it as a DRY-RUN: every guard, a simulated fill, nothing changed"
step execute "$plan_id" --client-id 1
robson execute "$plan_id" --client-id 1

say "5/5 The paper balance is untouched"
step paper balance --client-id 1
robson paper balance --client-id 1

say "Done: the database and the audit trail of this run are in $ROBSON_HOME"
