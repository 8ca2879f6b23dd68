#!/usr/bin/env bash
# Does a cold DRY-RUN cost the same after years of history? Seeds one store with COUNT LIVE executions (each with its
# plan, FILLED order, fill and PLAN_CREATED/PLAN_EXECUTED audit events, written by the store's own code through
# bench/HistorySeed), leaves a second store empty, gives both the same strategy and a validated plan, then times a
# cold `robson execute PLAN --client-id 1` DRY-RUN (the published Native AOT binary, one process per run) on each,
# alternating empty/seeded for RUNS rounds after WARMUP rounds, and prints the ratio seeded/empty (target ≤ 1.2) as a
# markdown block for docs/benchmarks.md. Wall time is the figure; CPU time (user + sys, from bash's `time`) is shown
# beside it because it moves less when other work shares the machine.
#   COUNT     executions to seed (default 1000000)     DAYS  days of history, ending yesterday (default 1000)
#   RUNS      measured rounds (default 40)             WARMUP  rounds not measured (default 5)
#   BIN       an already published robson binary (default: publish this tree to artifacts/aot)
#   SEEDED_HOME  SQLite: a home seeded earlier, reused (its database is copied, never changed); if it has no robson.db
#             yet, it is seeded first and kept (seeding takes minutes; RUNS=0 only seeds)
#   ROBSON_DATABASE_URL  a postgresql:// URL: run against PostgreSQL instead (databases robson_history_* are created on
#             its server, owned by its user); with SEEDED_HOME the seeded one is filled by `robson db copy` from that SQLite home
#   SEEDED_URL  PostgreSQL: a database seeded earlier (e.g. by a previous run's db copy), used as it is
# Needs: dotnet, GNU coreutils; bash ≥ 5 (EPOCHREALTIME). Uses about 4.5 GB of disk for 1,000,000 executions on SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${COUNT:-1000000} days=${DAYS:-1000} runs=${RUNS:-40} warmup=${WARMUP:-5}
engine=sqlite
[ "${1:-}" = "--postgres" ] && engine=postgres
[ -n "${ROBSON_DATABASE_URL:-}" ] && engine=postgres
work=$(mktemp -d "${TMPDIR:-/tmp}/robson-history.XXXXXX")
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1

if [ -z "${BIN:-}" ]; then
  dotnet publish src/Robson.Cli -c Release -r linux-x64 -p:PublishAot=true -o artifacts/aot -nologo -v quiet >/dev/null
  BIN="$PWD/artifacts/aot/robson"
fi
dotnet build bench/HistorySeed -c Release -nologo -v quiet >/dev/null
seed="dotnet bench/HistorySeed/bin/Release/net10.0/HistorySeed.dll"

# A store is named by what selects it: the environment a robson process gets. SQLite: a ROBSON_HOME of its own.
# PostgreSQL: a database of its own on the server of ROBSON_DATABASE_URL (created here, dropped at the end); the seeder
# takes the same environment, so both engines are seeded by their own store code.
sqlite_store() { mkdir -p "$work/$1"; echo "ROBSON_HOME=$work/$1"; }
pg_store() {
  # Needs the PostgreSQL store (ROBSON_DATABASE_URL support in robson and in HistorySeed) and psql.
  "$BIN" db status >/dev/null 2>&1 || { echo "history.sh --postgres: this robson has no PostgreSQL store (robson db status)" >&2; exit 2; }
  local url="${ROBSON_DATABASE_URL%/*}/robson_history_$1"
  psql "$ROBSON_DATABASE_URL" -qc "DROP DATABASE IF EXISTS robson_history_$1" -c "CREATE DATABASE robson_history_$1" >&2
  robson "ROBSON_HOME=$work/$1 ROBSON_DATABASE_URL=$url" db migrate >/dev/null
  echo "ROBSON_HOME=$work/$1 ROBSON_DATABASE_URL=$url"
}
store() { if [ "$engine" = postgres ]; then mkdir -p "$work/$1"; pg_store "$1"; else sqlite_store "$1"; fi; }
robson() { local envs=$1; shift; ( export $envs; exec "$BIN" "$@" ); } # one fork and one exec, like any command

setup_strategy() {
  robson "$1" strategy create --client-id 1 --name bench --max-drawdown-percent 20 --stop-loss-percent 5 \
    --max-orders-per-day 10 --max-notional-per-day 10000 --max-loss-per-day 500 --json >/dev/null
}
setup_plan() { # a validated plan of today; prints its id
  local plan
  plan=$(robson "$1" plan buy BTCUSDT 0.001 --stop-loss 58200 --client-id 1 --strategy-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p')
  robson "$1" validate "$plan" --client-id 1 >/dev/null
  echo "$plan"
}

seed_into() { # $1: the environment of the store to seed
  setup_strategy "$1"
  local started=$EPOCHREALTIME
  ( export $1; exec $seed "$count" "$days" 1 1 ) 2>&1 | tr '\r' '\n' | tail -n 1 >&2
  echo "seeded $count executions in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s" >&2
}

if [ -n "${SEEDED_HOME:-}" ] && [ "$engine" = sqlite ] && [ ! -e "$SEEDED_HOME/robson.db" ]; then
  mkdir -p "$SEEDED_HOME"
  seed_into "ROBSON_HOME=$SEEDED_HOME"
fi
[ "$runs" -gt 0 ] || exit 0
empty=$(store empty)
setup_strategy "$empty"
if [ -n "${SEEDED_HOME:-}${SEEDED_URL:-}" ] && [ "$engine" = postgres ]; then
  mkdir -p "$work/seeded"; seeded="ROBSON_HOME=$work/seeded ROBSON_DATABASE_URL=${SEEDED_URL:-${ROBSON_DATABASE_URL%/*}/robson_history_seeded}"
else seeded=$(store seeded); fi
if [ -n "${SEEDED_URL:-}" ]; then
  echo "seeded store: $SEEDED_URL as it is" >&2
elif [ -n "${SEEDED_HOME:-}" ] && [ "$engine" = sqlite ]; then
  cp "$SEEDED_HOME"/robson.db* "$work/seeded/"
  echo "seeded store copied from $SEEDED_HOME" >&2
elif [ -n "${SEEDED_HOME:-}" ]; then
  # PostgreSQL from a seeded SQLite home: the bulk path is `robson db copy` (on a copy of the home, which stays unchanged).
  mkdir -p "$work/sqlite-seeded" && cp "$SEEDED_HOME"/robson.db* "$work/sqlite-seeded/" && chmod 700 "$work/sqlite-seeded"
  started=$EPOCHREALTIME
  psql "${ROBSON_DATABASE_URL}" -qc "DROP DATABASE IF EXISTS robson_history_seeded" -c "CREATE DATABASE robson_history_seeded" >&2
  robson "ROBSON_HOME=$work/sqlite-seeded" db copy --to "${ROBSON_DATABASE_URL%/*}/robson_history_seeded" >&2
  echo "seeded store copied from $SEEDED_HOME by robson db copy in $(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }') s" >&2
else
  seed_into "$seeded"
fi
# The first command on a store written by an older robson migrates it: done here, before anything is timed.
empty_plan=$(setup_plan "$empty")
seeded_plan=$(setup_plan "$seeded")

time_one() { # prints wall and CPU (user + sys) milliseconds of one cold DRY-RUN (exit 1, blocked, still counts)
  local TIMEFORMAT='%3R %3U %3S' t
  t=$( { time robson "$1" execute "$2" --client-id 1 >/dev/null 2>&1 || true; } 2>&1 )
  awk -v t="$t" 'BEGIN { split(t, v, " "); printf "%.1f %.1f\n", v[1] * 1000, (v[2] + v[3]) * 1000 }'
}
for _ in $(seq "$warmup"); do time_one "$empty" "$empty_plan" >/dev/null; time_one "$seeded" "$seeded_plan" >/dev/null; done
: >"$work/empty.ms"; : >"$work/seeded.ms"
for _ in $(seq "$runs"); do
  time_one "$empty" "$empty_plan" >>"$work/empty.ms"
  time_one "$seeded" "$seeded_plan" >>"$work/seeded.ms"
done

stats() { # $1 file, $2 column (1 wall, 2 CPU): mean median min max
  cut -d' ' -f"$2" "$1" | sort -n | awk '{ v[NR] = $1; s += $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f %.1f %.1f %.1f", s / NR, m, v[1], v[NR] }'
}
read -r e_mean e_median e_min e_max <<<"$(stats "$work/empty.ms" 1)"
read -r s_mean s_median s_min s_max <<<"$(stats "$work/seeded.ms" 1)"
read -r ec_mean ec_median ec_min ec_max <<<"$(stats "$work/empty.ms" 2)"
read -r sc_mean sc_median sc_min sc_max <<<"$(stats "$work/seeded.ms" 2)"
ratio=$(awk -v s="$s_median" -v e="$e_median" 'BEGIN { printf "%.2f", s / e }')
cpu_ratio=$(awk -v s="$sc_median" -v e="$ec_median" 'BEGIN { printf "%.2f", s / e }')
rows() { if [ "$engine" = sqlite ]; then du -sh "$work/seeded" | cut -f1; else echo "-"; fi; }

echo "### $(date -u +%Y-%m-%d) — history, $engine: $(uname -srm), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo
echo "Cold DRY-RUN \`execute\` (Native AOT, one process per run), $runs rounds alternating empty/seeded after $warmup warm-up rounds;"
echo "seeded: $(printf "%'d" "$count") LIVE executions over $days days, each with its plan, order, paper order, fill and 2 audit events (store $(rows))."
echo
echo "| Store | Mean [ms] | Median [ms] | Min [ms] | Max [ms] | CPU median [ms] | CPU min [ms] |"
echo "|:---|---:|---:|---:|---:|---:|---:|"
echo "| empty | $e_mean | $e_median | $e_min | $e_max | $ec_median | $ec_min |"
echo "| $(printf "%'d" "$count") executions | $s_mean | $s_median | $s_min | $s_max | $sc_median | $sc_min |"
echo
echo "Ratio seeded/empty (medians of wall time): **$ratio** (target ≤ 1.2); of CPU time (user + sys): $cpu_ratio. Load average: $(cut -d' ' -f1-3 /proc/loadavg)."
