#!/usr/bin/env bash
# Process-level benchmark of this tree against an earlier commit, in one hyperfine run on one machine: a native AOT
# hello world (the floor), `robson --version`, and a cold DRY-RUN `execute` (paper venue, SQLite) with the base and
# the current binary. Prints a markdown block for docs/benchmarks.md. Needs hyperfine and GNU time.
#   BASE_REV   the commit to compare with (default: 8d52dd4, main before issue 8)
#   BASE_BIN / NEW_BIN   reuse already published binaries instead of publishing
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-50}
base_rev=${BASE_REV:-8d52dd4}
work=$(mktemp -d)

. bench/aot.sh

if [ -z "${NEW_BIN:-}" ]; then publish src/Robson.Cli "$work/new"; NEW_BIN="$work/new/robson"; fi
if [ -z "${BASE_BIN:-}" ]; then
  git worktree add -q "$work/base-src" "$base_rev"
  publish "$work/base-src/src/Robson.Cli" "$work/base"; BASE_BIN="$work/base/robson"
  git worktree remove --force "$work/base-src"
fi
hello=$(publish_hello "$work/hello")

export NO_COLOR=1
setup() { # $1 binary, $2 home: a strategy, a validated plan; prints the plan id
  ROBSON_HOME="$2" "$1" strategy create --client-id 1 --name bench --max-drawdown-percent 20 --stop-loss-percent 5 \
    --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 --json >/dev/null
  local plan
  plan=$(ROBSON_HOME="$2" "$1" plan buy BTCUSDT 0.001 --stop-loss 58200 --client-id 1 --strategy-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p')
  ROBSON_HOME="$2" "$1" validate "$plan" --client-id 1 >/dev/null
  echo "$plan"
}
base_plan=$(setup "$BASE_BIN" "$work/home-base")
new_plan=$(setup "$NEW_BIN" "$work/home-new")

hyperfine --warmup 3 --runs "$runs" -N --export-markdown "$work/bench.md" \
  -n "hello world (native AOT)" "$hello" \
  -n "robson --version" "$NEW_BIN --version" \
  -n "DRY-RUN execute, base ($base_rev)" "env ROBSON_HOME=$work/home-base $BASE_BIN execute $base_plan --client-id 1" \
  -n "DRY-RUN execute, this tree" "env ROBSON_HOME=$work/home-new $NEW_BIN execute $new_plan --client-id 1" >&2

peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1; }
echo "### $(date -u +%Y-%m-%d) — $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), dotnet $(dotnet --version)"
echo
cat "$work/bench.md"
echo
echo "Peak RSS of a DRY-RUN: base $(ROBSON_HOME=$work/home-base peak "$BASE_BIN" execute "$base_plan" --client-id 1) KiB;" \
  "this tree $(ROBSON_HOME=$work/home-new peak "$NEW_BIN" execute "$new_plan" --client-id 1) KiB; hello world $(peak "$hello") KiB."
rm -rf "$work"
