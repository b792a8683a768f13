#!/usr/bin/env bash
# Installs Rasa Open Source 3.6 into its own virtualenv (Rasa 3.6 supports Python 3.8-3.10; the
# project runs on 3.11), plus SudachiPy for bot/'s Japanese tokenizer. Idempotent.
# Usage: scripts/install-rasa.sh [VENV_DIR]     (default: .venv-rasa)
set -euo pipefail
venv=${1:-.venv-rasa}
if [ -x "$venv/bin/rasa" ] && "$venv/bin/python" -c "import sudachipy, sudachidict_core" 2>/dev/null; then
  echo "rasa already in $venv"; exit 0
fi
py=""
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for cand in "$root"/versions/3.10*/bin/python3.10 python3.10; do
  if "$cand" --version >/dev/null 2>&1; then py=$cand; break; fi
done
if [ -z "$py" ]; then echo "install-rasa: no Python 3.10 found (Rasa 3.6 needs 3.8-3.10)" >&2; exit 2; fi
[ -x "$venv/bin/python" ] || "$py" -m venv "$venv"
"$venv/bin/pip" install -q --upgrade pip wheel >/dev/null
"$venv/bin/pip" install -q "rasa==3.6.21" sudachipy sudachidict-core
RASA_TELEMETRY_ENABLED=false "$venv/bin/rasa" --version 2>/dev/null | grep -E "Rasa Version|Python Version" || true
