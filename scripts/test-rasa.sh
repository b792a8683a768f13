#!/usr/bin/env bash
# Starts the action server and `rasa run` on free loopback ports, runs tests/rasa_live against
# them, and stops both whatever happens.
set -euo pipefail
rasa_venv=${1:-.venv-rasa}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
actions_port=$(free_port); rasa_port=$(free_port)
work=$(mktemp -d); logs=${RASA_LOGS:-$work}
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
printf 'action_endpoint:\n  url: "http://127.0.0.1:%s/webhook"\n' "$actions_port" > "$work/endpoints.yml"
BF_INDEX_DIR="$work/index" .venv/bin/python -m rasa_sdk --actions actions --port "$actions_port" \
  > "$logs/actions.log" 2>&1 & pids+=($!)
RASA_TELEMETRY_ENABLED=false "$rasa_venv/bin/rasa" run --enable-api -m bot/models/benefit-finder.tar.gz \
  --endpoints "$work/endpoints.yml" --credentials bot/credentials.yml --port "$rasa_port" \
  > "$logs/rasa.log" 2>&1 & pids+=($!)
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$rasa_port/status" >/dev/null && curl -sf "http://127.0.0.1:$actions_port/health" >/dev/null; then
    break
  fi
  sleep 2
done
RASA_URL="http://127.0.0.1:$rasa_port" .venv/bin/python -m pytest -q tests/rasa_live
