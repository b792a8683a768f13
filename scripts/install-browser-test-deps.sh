#!/usr/bin/env bash
# What the browser tests (tests/browser/) need beyond `pip install -e '.[test]'`, installed only when
# missing (safe to run again):
#   - Debian's chromium (/usr/bin/chromium): Playwright drives it; no browser is ever downloaded
#     (never `playwright install`);
#   - Japanese fonts, so screenshots show text instead of boxes;
#   - axe-core from npm into .cache/axe (gitignored; tests/browser/axe.py finds it there);
#   - Playwright for Python in .venv (it is also in the `test` extra).
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK JP" || need+=(fonts-noto-cjk)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if [ ! -f .cache/axe/node_modules/axe-core/axe.min.js ]; then
  npm install --silent --no-audit --no-fund --prefix .cache/axe axe-core@4 >/dev/null
fi

PY=.venv/bin/python
[ -x "$PY" ] || python3 -m venv .venv
"$PY" -c "import playwright.sync_api" 2>/dev/null || "$PY" -m pip install -q "playwright>=1.40"
