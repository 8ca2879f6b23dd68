#!/usr/bin/env bash
# Smoke test of `robson serve` from published binaries: $ROBSON (robson-server beside it) against $ROBSON_HOME (after
# quickstart.sh: strategy 1 exists). Starts the server on a free loopback port, walks plan -> validate -> execute
# (DRY-RUN) over HTTP with a trader's token, checks a role refusal, problem+json, /readyz, the dashboard's sign-in and
# `robson mcp` over stdio, then stops the server with SIGTERM and expects exit 0. Prints one line per check; exits 1 on the first failure.
set -uo pipefail
: "${ROBSON:?set ROBSON to the robson binary}" "${ROBSON_HOME:?set ROBSON_HOME}"
export ROBSON_HOME
fail() { echo "FAIL: $*"; [ -f "${log:-}" ] && tail -20 "$log"; exit 1; }
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
api="http://127.0.0.1:$port"
log=$(mktemp)
trader=$("$ROBSON" token create --client-id 1 --role trader --name smoke --json | sed -n 's/.*"token": "\(rbs_[0-9a-f]*\)".*/\1/p')
viewer=$("$ROBSON" token create --client-id 1 --role viewer --json | sed -n 's/.*"token": "\(rbs_[0-9a-f]*\)".*/\1/p')
[ -n "$trader" ] && [ -n "$viewer" ] || fail "token create printed no token"

"$ROBSON" serve --urls "$api" >"$log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "$api/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "$api/readyz" | grep -q '"ready"' || fail "/readyz is not ready"
echo "ok: robson serve answers on $api"

call() { # METHOD PATH TOKEN [BODY] -> prints "STATUS BODY"
  curl -s -o /tmp/robson-serve-smoke.out -w '%{http_code}' -X "$1" "$api$2" -H "Authorization: Bearer $3" \
    -H 'Content-Type: application/json' ${4:+-d "$4"}; }
status=$(call POST /v1/plans "$trader" '{"side":"buy","symbol":"BTCUSDT","quantity":"0.001","stop_loss":"57300","strategy_id":1}')
[ "$status" = 201 ] || fail "POST /v1/plans answered $status: $(cat /tmp/robson-serve-smoke.out)"
plan=$(sed -n 's/.*"plan_id": "\([0-9a-f]*\)".*/\1/p' /tmp/robson-serve-smoke.out)
echo "ok: POST /v1/plans -> 201 ($plan)"
status=$(call POST "/v1/plans/$plan/validate" "$trader")
[ "$status" = 200 ] || fail "validate answered $status"
echo "ok: POST /v1/plans/$plan/validate -> 200"
status=$(call POST "/v1/plans/$plan/execute" "$trader" '{}')
[ "$status" = 200 ] && grep -q '"status": "SUCCESS"' /tmp/robson-serve-smoke.out && grep -q '"mode": "DRY_RUN"' /tmp/robson-serve-smoke.out \
  || fail "execute answered $status: $(cat /tmp/robson-serve-smoke.out)"
echo "ok: POST /v1/plans/$plan/execute -> 200 DRY_RUN SUCCESS"
status=$(call POST "/v1/plans/$plan/execute" "$viewer" '{}')
[ "$status" = 403 ] && grep -q '"code": "FORBIDDEN"' /tmp/robson-serve-smoke.out || fail "a viewer's execute answered $status"
echo "ok: a viewer's execute -> 403 FORBIDDEN"
status=$(call GET /v1/plans/nosuchplan "$trader")
[ "$status" = 404 ] && grep -q '"code": "NOT_FOUND"' /tmp/robson-serve-smoke.out || fail "an unknown plan answered $status"
echo "ok: an unknown plan -> 404 NOT_FOUND (problem+json)"
jar=$(mktemp)
status=$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" --data-urlencode "token=$trader" "$api/login")
[ "$status" = 303 ] || fail "dashboard sign-in answered $status"
status=$(curl -s -D /tmp/robson-serve-smoke.head -o /tmp/robson-serve-smoke.out -w '%{http_code}' -b "$jar" "$api/")
[ "$status" = 200 ] && grep -q 'id="today-live"' /tmp/robson-serve-smoke.out && grep -qi "^content-security-policy: default-src 'none'" /tmp/robson-serve-smoke.head \
  || fail "the dashboard's Today page answered $status"
curl -fs "$api/assets/robson.css" | grep -q ':root' || fail "the dashboard's stylesheet is not served from the binary"
grep -q "$trader" /tmp/robson-serve-smoke.out && fail "the dashboard shows the token"
rm -f "$jar"
echo "ok: dashboard: sign-in, Today page with its CSP, assets from the binary"
grep -q "$trader" "$log" && fail "the server log shows a token"

mcp_out=$(mktemp)
{ printf '%s\n' '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"smoke","version":"1"}}}'
  sleep 1
  printf '%s\n' '{"jsonrpc":"2.0","method":"notifications/initialized"}' '{"jsonrpc":"2.0","id":2,"method":"tools/list"}' \
    '{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_status","arguments":{}}}'
  sleep 3; } | timeout 30 "$ROBSON" mcp --client-id 1 --agent smoke-agent >"$mcp_out" 2>"$mcp_out.err"
code=$?
[ "$code" = 0 ] || { cat "$mcp_out.err"; fail "robson mcp exited $code when its input ended"; }
grep -q '"execute_dry_run"' "$mcp_out" && grep -q 'trading_state' "$mcp_out" && ! grep -Eq 'acknowledge_risk|with_account' "$mcp_out" \
  || { cat "$mcp_out" "$mcp_out.err"; fail "robson mcp did not list its tools or answer get_status"; }
rm -f "$mcp_out" "$mcp_out.err"
echo "ok: robson mcp (stdio): tools/list without acknowledge_risk, get_status answers"

kill -TERM "$server"
wait "$server"
code=$?
[ "$code" = 0 ] || fail "robson serve exited $code after SIGTERM"
echo "ok: SIGTERM -> exit 0"
rm -f "$log"
