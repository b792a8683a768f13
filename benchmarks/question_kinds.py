"""Questions residents actually ask (issue 15): kind of question, measure, and honesty about the document.

    python -m benchmarks.question_kinds [--set benchmarks/data/question_kinds.yaml] [--out FILE.json]
                                        [--no-search] [--failures]

Each question is sent as the first message of a fresh conversation through the real dialogue
(`Dialogue.respond`, the shipped search when the index is available), and the structured answer
of the turn (`Turn.answer`) is compared with the labels:

- kind accuracy: the answer's kind equals the labelled kind (no answer counts as wrong);
- right measure: the answer is about the labelled measure; for a question with no measure
  (`measure: null`) the answer must name none (asking which one, or answering in general);
- "not in the document" when it is not: among questions whose label says the document does not
  print the answer (`in_document: false`), the share the answer says so (`in_document` false);
- the converse, "not in the document" when it is: among `in_document: true` questions, the share
  the answer wrongly says the document does not print it (should be 0);
- overview: answers about a clear measure whose kind of question was not read (they count as a wrong
  kind, and as neither "in" nor "not in" the document).

Prints one table per language and overall, and writes the same figures as JSON
(benchmarks/results/question_kinds.json for the dev set, question_kinds_<set name>.json otherwise).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.contact import Contact
from knowledge.dated import fixed

HERE = Path(__file__).parent
DEV = HERE / "data" / "question_kinds.yaml"


def load_items(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    return items


def run(items: list[dict[str, Any]], dialogue: Dialogue) -> list[dict[str, Any]]:
    """One fresh conversation per question; what the answer said, next to the labels."""
    rows = []
    for item in items:
        state, _ = dialogue.start(item["lang"])
        _, turn = dialogue.respond(state, item["text"])
        answer = turn.answer
        rows.append({
            **item,
            "got_kind": answer.kind if answer else None,
            "got_topic": answer.topic if answer else None,
            "got_measure": answer.measure_id if answer else None,
            "got_in_document": answer.in_document if answer else None,
            "asked_which": bool(answer and answer.candidates),
        })
    return rows


def rate(hits: int, n: int) -> float | None:
    return round(hits / n, 3) if n else None


def metrics(rows: list[dict[str, Any]]) -> dict[str, Any]:
    absent = [r for r in rows if not r["in_document"]]
    present = [r for r in rows if r["in_document"]]
    return {
        "n": len(rows),
        "kind_accuracy": rate(sum(r["got_kind"] == r["kind"] for r in rows), len(rows)),
        "right_measure": rate(sum(r["got_measure"] == r["measure"] for r in rows), len(rows)),
        "right_measure_named": rate(sum(r["got_measure"] == r["measure"] for r in rows if r["measure"]),
                                    sum(1 for r in rows if r["measure"])),
        "not_in_document_said": rate(sum(r["got_in_document"] is False for r in absent), len(absent)),
        "not_in_document_n": len(absent),
        "wrongly_not_in_document": rate(sum(r["got_in_document"] is False for r in present), len(present)),
        "in_document_n": len(present),
        "asked_which": sum(r["asked_which"] for r in rows),
        "no_answer": sum(r["got_kind"] is None for r in rows),
        "overview": sum(r["got_kind"] == "overview" for r in rows),
    }


def failures(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows
            if (r["got_kind"], r["got_measure"], r["got_in_document"]) != (r["kind"], r["measure"], r["in_document"])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", dest="path", type=Path, default=DEV, help="labelled questions (YAML, `items:`)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--no-search", action="store_true", help="measure by name and context only (no encoder)")
    parser.add_argument("--failures", action="store_true", help="print every question that missed a label")
    args = parser.parse_args()

    catalog = default_catalog()
    calls: list[str] = []
    search: Callable[[str, int], list[Any]] | None = None
    if not args.no_search:
        from knowledge.search.factory import searcher_from_settings

        searcher = searcher_from_settings()[0]

        def search(text: str, k: int) -> list[Any]:  # counted: the per-message cost the answerer adds
            calls.append(text)
            return searcher.search(text, k)
    # A fixed clock and no contact: answers are the same on any day and in any deployment.
    dialogue = Dialogue(catalog, search, clock=fixed(date(2025, 3, 31)), contact=Contact())
    items = load_items(args.path)
    started = time.perf_counter()
    rows = run(items, dialogue)
    seconds = time.perf_counter() - started

    table = {lang: metrics([r for r in rows if r["lang"] == lang]) for lang in sorted({r["lang"] for r in rows})}
    table["all"] = metrics(rows)
    by_kind = {kind: metrics([r for r in rows if r["kind"] == kind]) for kind in sorted({r["kind"] for r in rows})}
    print(f"{args.path} ({len(rows)} questions, search {'off' if args.no_search else 'on'}, {seconds:.1f} s, "
          f"{len(calls)} searches: the others were named or asked no search)")
    head = ("| set | n | kind acc. | right measure | right measure (named) | says not in doc when not "
            "| says not in doc when it is | asked which | no answer | overview |")
    print(head)
    print("| --- " * 10 + "|")
    for name, m in [*table.items(), *((f"kind={k}", v) for k, v in by_kind.items())]:
        print(f"| {name} | {m['n']} | {m['kind_accuracy']} | {m['right_measure']} | {m['right_measure_named']} "
              f"| {m['not_in_document_said']} (n={m['not_in_document_n']}) "
              f"| {m['wrongly_not_in_document']} (n={m['in_document_n']}) | {m['asked_which']} | {m['no_answer']} "
              f"| {m['overview']} |")
    if args.failures:
        for r in failures(rows):
            which = " asked which" if r["asked_which"] else ""
            print(f"- {r['text']}\n  want {r['kind']} {r['measure']} {r['in_document']}  got {r['got_kind']}"
                  f"({r['got_topic']}) {r['got_measure']} {r['got_in_document']}{which}")
    out = args.out or HERE / "results" / ("question_kinds.json" if args.path.resolve() == DEV.resolve()
                                          else f"question_kinds_{args.path.stem}.json")
    out.write_text(json.dumps({"set": str(args.path), "search": not args.no_search, "searches": len(calls),
                               "by_language": table,
                               "by_kind": by_kind, "failures": failures(rows)},
                              ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
