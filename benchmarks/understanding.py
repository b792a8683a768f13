"""Precision and recall of household-fact extraction, per fact type, on the labelled set.

    python -m benchmarks.understanding [--set benchmarks/data/understanding_set.yaml]

For every item the extractor sees the text with its context; the facts it adds or changes are
compared with the labelled ones. Members are aligned by their facts before comparing, so a
child found in another order is not counted twice.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from bot.understanding import Context, Expecting, understand
from knowledge.household import Household

HERE = Path(__file__).parent


def _align(expected: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> list[dict[str, Any] | None]:
    free = list(range(len(predicted)))
    out: list[dict[str, Any] | None] = []
    for want in expected:
        best = max(free, key=lambda i: sum(predicted[i].get(k) == v for k, v in want.items()), default=None)
        out.append(predicted[best] if best is not None else None)
        if best is not None:
            free.remove(best)
    return out + [predicted[i] for i in free]


# Fields the labelled set does not mark: `relation` (ご主人, あなた …) only changes wording.
UNLABELLED = {"relation"}


def facts(household: dict[str, Any], order: list[dict[str, Any]] | None = None) -> set[tuple[str, str, Any]]:
    """(fact type, member, value) triples; `order` aligns members to the expected ones."""
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


def evaluate(items: list[dict[str, Any]]) -> tuple[dict[str, dict[str, float]], float, list[str]]:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    intents_right, failures = 0, []
    for item in items:
        before = Household.model_validate(item.get("context") or {})
        exp = item.get("expecting")
        context = Context(household=before, expecting=Expecting(exp["key"], exp.get("member")) if exp else None,
                          last_changed=tuple(item.get("last_changed") or ()))
        got = understand(item["text"], context)
        intents_right += got.intent == item["intent"]
        want = Household.model_validate(item.get("expected") or item.get("context") or {}).model_dump(exclude_none=True)
        have = got.household.model_dump(exclude_none=True)
        for key in ("children", "adults"):
            if key in want and key in have:
                have[key] = [m for m in _align(want[key], have[key]) if m is not None]
        base = facts(before.model_dump(exclude_none=True))
        want_f, have_f = facts(want) - base, facts(have) - base
        for kind, _, _ in have_f & want_f:
            tp[kind] += 1
        for kind, _, _ in have_f - want_f:
            fp[kind] += 1
        for kind, _, _ in want_f - have_f:
            fn[kind] += 1
        if have_f != want_f or got.intent != item["intent"]:
            failures.append(f"{item['text']!r}: intent {got.intent}/{item['intent']}; "
                            f"extra {sorted(have_f - want_f)}; missed {sorted(want_f - have_f)}")
    table = {}
    for kind in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[kind] / (tp[kind] + fp[kind]) if tp[kind] + fp[kind] else 1.0
        r = tp[kind] / (tp[kind] + fn[kind]) if tp[kind] + fn[kind] else 1.0
        table[kind] = {"precision": round(p, 3), "recall": round(r, 3), "tp": tp[kind], "fp": fp[kind], "fn": fn[kind]}
    total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    table["ALL"] = {"precision": round(total_tp / max(total_tp + total_fp, 1), 3),
                    "recall": round(total_tp / max(total_tp + total_fn, 1), 3),
                    "tp": total_tp, "fp": total_fp, "fn": total_fn}
    return table, intents_right / len(items), failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="path", type=Path, default=HERE / "data" / "understanding_set.yaml")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "understanding.json")
    parser.add_argument("--failures", action="store_true", help="List every item that was not fully right.")
    args = parser.parse_args()
    items = yaml.safe_load(args.path.read_text(encoding="utf-8"))["items"]
    table, intent_accuracy, failures = evaluate(items)
    print(f"{len(items)} utterances; intent accuracy {intent_accuracy:.3f}; fully right {len(items) - len(failures)}")
    print(f"{'fact type':<32}{'precision':>10}{'recall':>8}{'tp':>6}{'fp':>5}{'fn':>5}")
    for kind, row in table.items():
        print(f"{kind:<32}{row['precision']:>10.3f}{row['recall']:>8.3f}{row['tp']:>6}{row['fp']:>5}{row['fn']:>5}")
    if args.failures:
        print("\n".join(failures))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"n": len(items), "intent_accuracy": intent_accuracy, "facts": table,
                                    "failures": failures}, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
