"""Household understanding on labelled sets: exact households, per-fact precision and recall,
impossible households, by language; each set reported apart.

    python -m benchmarks.understanding                    # dev and the committed held-out sets A–D
    python -m benchmarks.understanding --set benchmarks/data/understanding_set.yaml --failures

For every item the extractor sees the text with its context. Exact match: the whole household
after the message equals the expected one (members in any order, `relation` ignored). Facts:
those the message adds or changes, compared with the labelled ones, members aligned by their
facts so a child found in another order is not counted twice. Impossible: a household the
extractor produced that cannot exist (bot/understanding/consistency.py), on the items marked
`contradictory: true` and everywhere. Held-out sets are measured, never read to fix rules:
their failures are written only with --failures (do not use it on them).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot.understanding import Context, Expecting, understand
from bot.understanding.consistency import problems, stated_child_count
from bot.understanding.language import detect
from bot.understanding.normalise import normalise
from knowledge.household import Household

HERE = Path(__file__).parent
DEFAULT_SETS = ["understanding_set.yaml", "understanding_heldout.yaml", "understanding_heldout2.yaml",
                "understanding_heldout3.yaml", "understanding_heldout4.yaml"]
# Fields the labelled sets do not mark: `relation` (ご主人, あなた …) only changes wording.
UNLABELLED = {"relation"}


def _align(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    free = list(range(len(predicted)))
    out: list[dict[str, Any] | None] = []
    for want in expected:
        best = max(free, key=lambda i: sum(predicted[i].get(k) == v for k, v in want.items()), default=None)
        out.append(predicted[best] if best is not None else None)
        if best is not None:
            free.remove(best)
    return out + [predicted[i] for i in free]


def facts(household: dict[str, Any]) -> set[tuple[str, str, Any]]:
    """(fact type, member, value) triples."""
    out: set[tuple[str, str, Any]] = set()
    for key, value in household.items():
        if value is None:
            continue
        if key in ("children", "adults"):
            scope = "child" if key == "children" else "adult"
            if value == []:
                out.add((key, "-", "[]"))
            for i, member in enumerate(value):
                for field, v in (member or {}).items():
                    if v is not None and field not in UNLABELLED:
                        out.add((f"{scope}.{field}", f"{key}.{i}", json.dumps(v)))
        else:
            out.add((key, "-", json.dumps(value)))
    return out


def canonical(household: dict[str, Any]) -> str:
    """The household as one comparable string: members sorted, unlabelled fields dropped."""
    data = dict(household)
    for key in ("children", "adults"):
        if data.get(key) is not None:
            data[key] = sorted(json.dumps({k: v for k, v in m.items() if k not in UNLABELLED}, sort_keys=True)
                               for m in data[key])
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def _context(item: dict[str, Any]) -> Context:
    exp = item.get("expecting")
    return Context(household=Household.model_validate(item.get("context") or {}),
                   expecting=Expecting(exp["key"], exp.get("member")) if exp else None,
                   last_changed=tuple(item.get("last_changed") or ()), lang=item.get("lang"))


class Tally:
    """Counts for one group of items (a language, or all)."""

    def __init__(self) -> None:
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.fn: Counter[str] = Counter()
        self.n = self.exact = self.intents = self.impossible = 0
        self.contradictory = self.impossible_on_contradictory = 0

    def report(self) -> dict[str, Any]:
        table = {}
        for kind in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            tp, fp, fn = self.tp[kind], self.fp[kind], self.fn[kind]
            table[kind] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
                           "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0, "tp": tp, "fp": fp, "fn": fn}
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        table["ALL"] = {"precision": round(tp / max(tp + fp, 1), 3), "recall": round(tp / max(tp + fn, 1), 3),
                        "tp": tp, "fp": fp, "fn": fn}
        return {"n": self.n, "exact_match": round(self.exact / max(self.n, 1), 3), "exact": self.exact,
                "intent_accuracy": round(self.intents / max(self.n, 1), 3), "impossible": self.impossible,
                "contradictory_items": self.contradictory,
                "impossible_on_contradictory": self.impossible_on_contradictory, "facts": table}


def evaluate(items: list[dict[str, Any]]) -> tuple[dict[str, dict[str, Any]], list[str]]:
    groups = {"all": Tally(), "ja": Tally(), "en": Tally(), "ja-easy": Tally(), "zh": Tally(), "ko": Tally()}
    failures = []
    for item in items:
        context = _context(item)
        before = context.household
        got = understand(item["text"], context)
        lang = detect(normalise(item["text"]), item.get("lang"))  # `lang`: the conversation's, when given
        want = Household.model_validate(item.get("expected") or item.get("context") or {}).model_dump(exclude_none=True)
        have = got.household.model_dump(exclude_none=True)
        exact = canonical(want) == canonical(have)
        added = len(have.get("children") or []) - len(before.children or [])
        bad = problems(got.household.model_dump(), added, stated_child_count(normalise(item["text"])))
        for key in ("children", "adults"):
            if key in want and key in have:
                have[key] = [m for m in _align(want[key], have[key]) if m is not None]
        base = facts(before.model_dump(exclude_none=True))
        want_f, have_f = facts(want) - base, facts(have) - base
        for tally in (groups["all"], groups[lang]):
            tally.n += 1
            tally.exact += exact
            tally.intents += got.intent == item["intent"]
            tally.impossible += bool(bad)
            tally.contradictory += bool(item.get("contradictory"))
            tally.impossible_on_contradictory += bool(bad) and bool(item.get("contradictory"))
            for kind, _, _ in have_f & want_f:
                tally.tp[kind] += 1
            for kind, _, _ in have_f - want_f:
                tally.fp[kind] += 1
            for kind, _, _ in want_f - have_f:
                tally.fn[kind] += 1
        if not exact or got.intent != item["intent"] or bad:
            failures.append(f"{item['text']!r}: intent {got.intent}/{item['intent']}; "
                            f"extra {sorted(have_f - want_f)}; missed {sorted(want_f - have_f)}"
                            + (f"; impossible {[p.kind for p in bad]}" if bad else ""))
    return {name: tally.report() for name, tally in groups.items() if tally.n or name in ("all", "ja", "en")}, failures


def _print(name: str, report: dict[str, dict[str, Any]]) -> None:
    print(f"\n== {name}")
    print(f"{'lang':<6}{'n':>5}{'exact':>8}{'P':>7}{'R':>7}{'intent':>8}{'impossible':>12}{'(contradictory)':>17}")
    for lang, r in report.items():
        f = r["facts"]["ALL"]
        print(f"{lang:<6}{r['n']:>5}{r['exact_match']:>8.3f}{f['precision']:>7.3f}{f['recall']:>7.3f}"
              f"{r['intent_accuracy']:>8.3f}{r['impossible']:>12}"
              f"{str(r['impossible_on_contradictory']) + '/' + str(r['contradictory_items']):>17}")
    print(f"{'fact type':<32}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind, row in report["all"]["facts"].items():
        print(f"{kind:<32}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['tp']:>6}{row['fp']:>5}{row['fn']:>5}")


def out_path(set_path: Path) -> Path:
    """One results file per set, whatever its path: understanding_set.yaml → results/understanding.json,
    understanding_heldout.yaml → …_heldout.json; a set elsewhere is named by its folder and file
    (data/understanding_batches/batch_1.yaml → understanding_batches_batch_1.json, /x/c/set.yaml →
    understanding_c_set.json), so two sets with the same file name never share a results file."""
    path = set_path.resolve()
    data = (HERE / "data").resolve()
    parts = list(path.relative_to(data).with_suffix("").parts) if path.is_relative_to(data) \
        else [path.parent.name, path.stem]
    name = "_".join(p for p in parts if p).replace("understanding_set", "understanding")
    name = re.sub(r"[^\w.-]+", "_", name)
    return HERE / "results" / f"{name if name.startswith('understanding') else 'understanding_' + name}.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="paths", type=Path, action="append",
                        help="A labelled set (repeat for several); default: dev and every held-out set present.")
    parser.add_argument("--failures", action="store_true",
                        help="List (and write) every item not fully right. Never on a held-out set.")
    args = parser.parse_args()
    paths = args.paths or [p for name in DEFAULT_SETS if (p := HERE / "data" / name).exists()]
    for path in paths:
        items = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
        report, failures = evaluate(items)
        _print(path.name, report)
        result: dict[str, Any] = {"set": path.name, **report}
        if args.failures:
            print("\n".join(failures))
            result["failures"] = failures
        out = out_path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"wrote {out}")


if __name__ == "__main__":
    main()
