"""Which households move between eligible / maybe / related / not_eligible, per measure, between two commits.

    git worktree add /tmp/old 563ee70
    python -m benchmarks.verdict_changes --old /tmp/old

A fixed set of households (knowledge/examples/*.json, the hidden profiles of
benchmarks/data/dialogue_households*.yaml — the household each scripted conversation is about —
and the households of every rules-as-code case in tests/measures/) is evaluated by this tree's
engine and catalog, and by the old tree's, run in a subprocess with the old tree first on
PYTHONPATH (same venv). The old Household held one business value: a household running both an
SME and a startup is given to the old side as "startup" (what the issue's resident said). Prints
per measure the moves with their households, then totals; writes
benchmarks/results/verdict_changes.json. A figure, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "verdict_changes.json"

EVALUATE = """
import json, sys
import knowledge
from knowledge.catalog import Catalog
from knowledge.household import Household
catalog = Catalog.load()
out = {"module": knowledge.__file__, "verdicts": []}
for data in json.load(sys.stdin):
    household = Household.model_validate(data)
    out["verdicts"].append({m.id: o.verdict for m, o in catalog.evaluate(household)})
json.dump(out, sys.stdout)
"""


def households(cases: bool = True) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    for path in sorted((ROOT / "knowledge" / "examples").glob("*.json")):
        found.append((f"example {path.stem}", json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted((ROOT / "benchmarks" / "data").glob("dialogue_households*.yaml")):
        for h in yaml.safe_load(path.read_text(encoding="utf-8"))["households"]:
            found.append((f"{path.stem}: {h['name']}", h["profile"]))
    for path in sorted((ROOT / "tests" / "measures").glob("*/*.yaml")) if cases else []:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            found.append((f"case {data['measure']}: {case['name']}", case["household"]))
    return found


def for_old(household: dict[str, Any]) -> dict[str, Any]:
    business = household.get("business")
    if isinstance(business, list):
        kinds = [b for b in business if b != "none"] or ["none"]
        household = {**household, "business": "startup" if "startup" in kinds else kinds[0]}
    return household


def evaluate(tree: Path, items: list[dict[str, Any]]) -> list[dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", EVALUATE], input=json.dumps(items), capture_output=True,
                          text=True, cwd=tree, env=env, check=True)
    out = json.loads(done.stdout)
    if not out["module"].startswith(str(tree.resolve())):
        raise SystemExit(f"{tree}: evaluated {out['module']} instead")
    return out["verdicts"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old", type=Path, required=True, help="checkout of the old commit")
    parser.add_argument("--new", type=Path, default=ROOT)
    parser.add_argument("--names", type=int, default=6, help="households named per move (0: counts only)")
    parser.add_argument("--without-cases", action="store_true", help="examples and dialogue profiles only")
    args = parser.parse_args()
    named = households(cases=not args.without_cases)
    old = evaluate(args.old, [for_old(h) for _, h in named])
    new = evaluate(args.new, [h for _, h in named])
    moves: dict[str, dict[str, list[str]]] = {}
    totals: Counter[str] = Counter()
    for (name, _), before, after in zip(named, old, new, strict=True):
        for measure_id in sorted(set(before) | set(after)):
            a, b = before.get(measure_id, "absent"), after.get(measure_id, "absent")
            if a != b:
                moves.setdefault(measure_id, {}).setdefault(f"{a} → {b}", []).append(name)
                totals[f"{a} → {b}"] += 1
    print(f"{len(named)} households × {len(new[0])} measures = {len(named) * len(new[0])} verdicts; "
          f"{sum(totals.values())} changed\n")
    for measure_id, by_move in sorted(moves.items()):
        print(f"{measure_id}: " + ", ".join(f"{move} {len(names)}" for move, names in sorted(by_move.items())))
        for move, names in sorted(by_move.items()):
            for name in names[:args.names]:
                print(f"    {move}: {name}")
            if args.names and len(names) > args.names:
                print(f"    {move}: … {len(names) - args.names} more")
    print("\ntotals:")
    for move, count in totals.most_common():
        print(f"  {move}: {count}")
    if args.without_cases:
        return
    RESULTS.write_text(json.dumps({"households": len(named), "measures": len(new[0]), "totals": dict(totals),
                                   "moves": moves}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
