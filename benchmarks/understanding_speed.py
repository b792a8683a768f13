"""The cost of reading one message (`understand`), this tree against another, side by side.

    git worktree add /tmp/old main            # or any checkout
    python -m benchmarks.understanding_speed --old /tmp/old [--rounds 5]

Understanding is rules only (no encoder), but every round of issue 16 added patterns, so its cost is
watched as a ratio: each round runs the same measurement in a subprocess for the old tree (first on
PYTHONPATH, same venv) and for this tree, alternately, so both see the same load. Two paths are timed:
`short`, every labelled text of the dev set and the committed dev batches (what residents type), and
`long`, messages of 1,000 characters (the API's default cap, `BF_MAX_MESSAGE_CHARS`) built by joining
those texts — the path whose cost must stay bounded. Prints the figures and writes
benchmarks/results/understanding_speed.json. A figure, not a test.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.side_by_side import ROOT, compare, measure

RESULTS = ROOT / "benchmarks" / "results" / "understanding_speed.json"
CAP = 1000

MEASURE = """
import json, sys, time
from pathlib import Path
import yaml
import bot.understanding
from bot.understanding.model import Context
from bot.understanding.understand import understand
from knowledge.household import Household

data = Path(sys.argv[1]) / "benchmarks" / "data"
files = [data / "understanding_set.yaml", *sorted((data / "understanding_batches").glob("*.yaml"))]
texts = [item["text"] for f in files for item in yaml.safe_load(f.read_text(encoding="utf-8"))["items"]]
cap, repeat = int(sys.argv[2]), int(sys.argv[3])
long, cur = [], ""
for t in texts:
    cur = f"{cur}　{t}" if cur else t
    if len(cur) >= cap:
        long.append(cur[:cap])
        cur = ""
empty = Context(household=Household())
for t in texts[:50]:
    understand(t, empty)

def per_message(batch, n):
    start = time.perf_counter()
    for _ in range(n):
        for t in batch:
            understand(t, empty)
    return (time.perf_counter() - start) / (n * len(batch)) * 1000

short = per_message(texts, repeat)
long_ms = per_message(long, max(1, repeat // 2))
worst = 0.0
for t in long:
    s = time.perf_counter()
    understand(t, empty)
    worst = max(worst, (time.perf_counter() - s) * 1000)
print(json.dumps({"module": bot.understanding.__file__, "short_ms": short, "long_ms": long_ms,
                  "long_worst_ms": worst, "n_short": len(texts), "n_long": len(long)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, required=True, help="the other checkout (e.g. main)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts per round")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    compare(args.old, args.rounds, lambda tree: measure(tree, MEASURE, [str(ROOT), str(CAP), str(args.repeat)], "bot/"),
            ("short_ms", "long_ms", "long_worst_ms"), args.out, counts=("n_short", "n_long"))


if __name__ == "__main__":
    main()
