"""axe-core for the browser tests: where its script is, and a run that keeps what matters.

axe-core comes from npm into a project-local, gitignored folder (no CDN):
`npm install --prefix .cache/axe axe-core@4`, which `scripts/install-browser-test-deps.sh` runs.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parents[2]
AXE_SCRIPT = ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = ROOT / "test-output" / "axe"
BLOCKING = ("serious", "critical")


def locate() -> Path:
    """axe.min.js, or a failure that says how to install it (missing axe is a broken setup, not a skip)."""
    if not AXE_SCRIPT.is_file():
        raise AssertionError(f"{AXE_SCRIPT} is missing: run scripts/install-browser-test-deps.sh")
    return AXE_SCRIPT


def run(page: Any, name: str) -> list[dict[str, Any]]:
    """Runs axe on the whole document (open shadow roots included: the widget lives in one), writes
    every violation to test-output/axe/<name>.json, and returns the serious and critical ones."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(locate()))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "targets": [n["target"] for n in v["nodes"]][:10]}
        for v in result["violations"]
    ]
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(
        {"axe": result["testEngine"]["version"], "url": result["url"], "violations": violations},
        ensure_ascii=False, indent=2), encoding="utf-8")
    return [v for v in violations if v["impact"] in BLOCKING]
