"""Two checkouts timed alternately in subprocesses (same venv, each tree first on PYTHONPATH), so both see the
same load on a shared machine; what to read is the ratio of the medians (this / old), not the milliseconds.
Shared by `engine_speed` and `understanding_speed`."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).parents[1]


def measure(tree: Path, script: str, args: list[str], package: str, threads: bool = False) -> dict[str, float]:
    """Run `script` under `tree`; its last stdout line is a JSON object with "module" (the imported package's
    file, checked to lie in `tree`) and the figures."""
    env = {**os.environ, "PYTHONPATH": str(tree), **({"OMP_NUM_THREADS": "1"} if threads else {})}
    out = subprocess.run([sys.executable, "-c", script, *args], env=env, cwd=tree, capture_output=True, text=True,
                         check=True).stdout
    data: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    assert str(data.pop("module")).startswith(str(tree)), f"the tree's own {package} was not imported"  # type: ignore[arg-type]
    return data


def compare(old: Path, rounds: int, run: Callable[[Path], dict[str, float]], keys: tuple[str, ...], out: Path,
            counts: tuple[str, ...] = ()) -> None:
    """`run(tree)` → figures, alternately for `old` and this tree, `rounds` times; prints each key's medians and
    ratio and writes them to `out` (with `counts`, sizes of the workload, as this tree's first run gave them)."""
    runs: dict[str, list[dict[str, float]]] = {"old": [], "new": []}
    for _ in range(rounds):
        runs["old"].append(run(old.resolve()))
        runs["new"].append(run(ROOT))
    report: dict[str, object] = {"old": str(old), "rounds": rounds, **{k: runs["new"][0][k] for k in counts}}
    for key in keys:
        before = statistics.median(r[key] for r in runs["old"])
        now = statistics.median(r[key] for r in runs["new"])
        report[key] = {"old": round(before, 3), "new": round(now, 3), "ratio": round(now / before, 3)}
        print(f"{key:14} old {before:8.3f} ms   this {now:8.3f} ms   ratio {now / before:.3f}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
