"""The cost of one `Catalog.evaluate` and of one `Dialogue.respond`, this tree against another, side by side.

    git worktree add /tmp/old main            # or any checkout
    python -m benchmarks.engine_speed --old /tmp/old [--rounds 7]

Each round runs the same measurement in a subprocess for the old tree (first on PYTHONPATH, same venv)
and for this tree, alternately, so both see the same load on a shared machine; the figure to read is
the ratio of the medians (this / old), not the milliseconds. `evaluate`: the six example households
(knowledge/examples/) evaluated in turn; `respond`: a scripted conversation (a household sentence, a
checklist answer, "no", the results, a message nobody can read after them, a question about a measure)
through a fresh `Dialogue` without search. Prints the figures and writes benchmarks/results/engine_speed.json.
A figure, not a test.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from benchmarks.side_by_side import ROOT, compare, measure

RESULTS = ROOT / "benchmarks" / "results" / "engine_speed.json"

MEASURE = """
import json, sys, time
from pathlib import Path
import knowledge
from knowledge.catalog import default_catalog
from knowledge.household import Household
from bot.dialogue.conversation import Dialogue
from bot.dialogue.state import DialogueState
catalog = default_catalog()
households = [Household.model_validate(json.loads(p.read_text(encoding="utf-8")))
              for p in sorted(Path(sys.argv[1]).glob("*.json"))]
script = ["2歳の息子が区内の保育園に通っています", "あてはまるものはない", "いいえ", "結果を見せて", "ふにゃ",
          "おむつの申請方法を教えて"]
for h in households:
    catalog.evaluate(h)
dialogue = Dialogue(catalog)
state = DialogueState()
for text in script:
    state, _ = dialogue.respond(state, text)
n = int(sys.argv[2])
start = time.perf_counter()
for _ in range(n):
    for h in households:
        catalog.evaluate(h)
evaluate = (time.perf_counter() - start) / (n * len(households))
start = time.perf_counter()
turns = 0
for _ in range(max(1, n // 10)):
    state = DialogueState()
    for text in script:
        state, _ = dialogue.respond(state, text)
        turns += 1
respond = (time.perf_counter() - start) / turns
print(json.dumps({"module": knowledge.__file__, "evaluate_ms": evaluate * 1000, "respond_ms": respond * 1000}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--old", type=Path, required=True, help="the other checkout (e.g. main)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=100, help="evaluations of each household per round")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    examples = str(ROOT / "knowledge" / "examples")
    compare(args.old, args.rounds, lambda tree: measure(tree, MEASURE, [examples, str(args.repeat)], "knowledge/",
                                                        threads=True),
            ("evaluate_ms", "respond_ms"), args.out)


if __name__ == "__main__":
    main()
