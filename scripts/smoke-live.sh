#!/usr/bin/env bash
# Smoke test of a robson binary ($ROBSON) against $ROBSON_HOME (after quickstart.sh): LIVE on the paper venue,
# the exit-code contract and the audit trail. Prints one line per check; exits 1 on the first failure.
set -uo pipefail
: "${ROBSON:?set ROBSON to the robson binary}" "${ROBSON_HOME:?set ROBSON_HOME}"
export ROBSON_HOME
check() { local want=$1; shift; "$ROBSON" "$@" >/tmp/robson-smoke.out 2>&1; local got=$?;
  if [ "$got" -ne "$want" ]; then echo "FAIL: robson $* exited $got, expected $want"; cat /tmp/robson-smoke.out; exit 1; fi
  echo "ok: robson $* -> $got"; }

plan=$("$ROBSON" plan buy ETHUSDT 0.01 --stop-loss 2910 --client-id 1 --strategy-id 1 --json | sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p')
check 1 execute "$plan" --client-id 1 --live
check 0 validate "$plan" --client-id 1
check 0 execute "$plan" --client-id 1 --live --acknowledge-risk
check 1 execute "$plan" --client-id 1 --live --acknowledge-risk
check 2 execute "$plan" --client-id 2
check 2 execute "$plan" --client-id abc
check 2 plan buy ETHUSDT -1 --client-id 1
check 0 report --client-id 1 --json
grep -q '"orders": 1' /tmp/robson-smoke.out || { echo "FAIL: report does not show 1 order"; exit 1; }
check 0 audit list --client-id 1
grep -q PLAN_EXECUTED /tmp/robson-smoke.out || { echo "FAIL: audit has no PLAN_EXECUTED"; exit 1; }
