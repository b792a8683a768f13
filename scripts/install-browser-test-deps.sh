#!/usr/bin/env bash
# What the browser tests need beyond pip: Debian's chromium (Playwright drives it; no browser
# download), Japanese fonts for readable screenshots, and axe-core from npm. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi
[ -f .cache/axe/node_modules/axe-core/axe.min.js ] || npm install --silent --prefix .cache/axe axe-core@4 >/dev/null
