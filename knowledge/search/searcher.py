"""Question → measures: dense retrieval over the passages, optional BM25 fusion, one hit per
measure, and an honest "nothing fits" below a calibrated score.

The shipped ranking and threshold are the ones `benchmarks/retrieval.py` measured best on the
team's dev set (see README, "Search quality").
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel

from knowledge.catalog import Catalog
from knowledge.search.corpus import OUT_OF_SCOPE, Passage, build_passages
from knowledge.search.encoders import Encoder, token_counter
from knowledge.search.index import VectorIndex, ensure_index
from knowledge.search.lexical import BM25, normalise
from knowledge.search.query import cap_tokens, question_part

VOCABULARY_FILE = Path(__file__).parent / "vocabulary.yaml"
Method = Literal["dense", "bm25", "rrf", "weighted"]


class Hit(BaseModel):
    id: str
    title: str
    page: str
    score: float
    snippet: str


@dataclass(frozen=True)
class Ranking:
    method: Method = "dense"
    # Calibrated on benchmarks/data/retrieval_devset.yaml (see README, "Search quality"):
    min_score: float = 0.84  # below this best measure score (cosine), the question is out of scope
    oos_margin: float | None = 0.0  # out of scope when a topic the document lacks scores at least as high
    weight: float = 0.5  # share of BM25 in the weighted fusion
    rrf_k: int = 60
    depth: int = 40  # passages read per question
    # Tokens the encoder reads per question: the longest dev / held-out question is 44 (see query.py)
    max_query_tokens: int = 64


def load_vocabulary(path: Path = VOCABULARY_FILE) -> dict[str, str]:
    """Residents' words → the document's words (子宮頸がんワクチン → HPVワクチン)."""
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {normalise(k): v for k, v in data.items()}


def expand(query: str, vocabulary: dict[str, str]) -> str:
    text = normalise(query)
    extra = [v for k, v in vocabulary.items() if k in text]
    return f"{query} {' '.join(extra)}" if extra else query


class Searcher:
    def __init__(self, catalog: Catalog, encoder: Encoder, index: VectorIndex, ranking: Ranking | None = None,
                 vocabulary: dict[str, str] | None = None) -> None:
        self.catalog = catalog
        self.encoder = encoder
        self.index = index
        self.ranking = ranking or Ranking()
        self.vocabulary = load_vocabulary() if vocabulary is None else vocabulary
        self.passages: list[Passage] = index.passages
        self._bm25: BM25 | None = None

    @classmethod
    def open(cls, catalog: Catalog, encoder: Encoder, index_dir: Path, index_type: str = "flat",
             ranking: Ranking | None = None) -> Searcher:
        index, _ = ensure_index(index_dir, encoder, build_passages(catalog), index_type)
        return cls(catalog, encoder, index, ranking)

    @property
    def bm25(self) -> BM25:
        if self._bm25 is None:
            self._bm25 = BM25([p.text for p in self.passages])
        return self._bm25

    def query_text(self, query: str) -> str:
        """What the encoder reads: the question part, expanded with the document's words, within
        `max_query_tokens` (a 5,000-character message costs no more than a short question)."""
        count, cap = token_counter(self.encoder), self.ranking.max_query_tokens
        return cap_tokens(expand(question_part(query, count, cap), self.vocabulary), count, cap)

    def dense_scores(self, query: str) -> dict[str, float]:
        vector = self.encoder.encode_queries([self.query_text(query)])[0]
        best: dict[str, float] = {}
        for passage, score in self.index.search(vector, self.ranking.depth):
            best[passage.measure_id] = max(score, best.get(passage.measure_id, -1.0))
        return best

    def lexical_scores(self, query: str) -> dict[str, float]:
        scores = self.bm25.scores(expand(query, self.vocabulary))
        best: dict[str, float] = {}
        for passage, score in zip(self.passages, scores, strict=True):
            if score > 0:
                best[passage.measure_id] = max(float(score), best.get(passage.measure_id, 0.0))
        return best

    def rank(self, query: str, method: Method | None = None) -> list[tuple[str, float]]:
        """Measure ids, best first, with the score the method ranks by (no threshold applied)."""
        return [(mid, s) for mid, s in self._rank(query, method) if mid != OUT_OF_SCOPE]

    def in_scope(self, dense: dict[str, float]) -> bool:
        """False when no measure is close enough, or a topic the document lacks is closer."""
        best = max((s for mid, s in dense.items() if mid != OUT_OF_SCOPE), default=-1.0)
        if best < self.ranking.min_score:
            return False
        margin = self.ranking.oos_margin
        return margin is None or dense.get(OUT_OF_SCOPE, -1.0) < best + margin

    def _rank(self, query: str, method: Method | None = None) -> list[tuple[str, float]]:
        method = method or self.ranking.method
        if method == "bm25":
            return _sorted(self.lexical_scores(query))
        dense = self.dense_scores(query)
        if method == "dense":
            return _sorted(dense)
        lexical = self.lexical_scores(query)
        if method == "rrf":
            fused: dict[str, float] = {}
            for ranked in (_sorted(dense), _sorted(lexical)):
                for rank, (mid, _) in enumerate(ranked):
                    fused[mid] = fused.get(mid, 0.0) + 1.0 / (self.ranking.rrf_k + rank + 1)
            return _sorted(fused)
        top = max(lexical.values(), default=0.0) or 1.0
        w = self.ranking.weight
        ids = set(dense) | set(lexical)
        return _sorted({i: (1 - w) * dense.get(i, 0.0) + w * lexical.get(i, 0.0) / top for i in ids})

    def search(self, query: str, k: int = 5) -> list[Hit]:
        """Up to k measures that answer the question; empty when nothing is relevant."""
        if not query.strip():
            return []
        dense = self.dense_scores(query)
        if not self.in_scope(dense):
            return []
        ranked = self.rank(query) if self.ranking.method != "dense" else _sorted(dense)
        hits = []
        for measure_id, _ in ranked:
            score = dense.get(measure_id, 0.0)
            if score < self.ranking.min_score or measure_id == OUT_OF_SCOPE:
                continue
            measure = self.catalog.measures[measure_id]
            hits.append(Hit(id=measure_id, title=measure.title, page=measure.page, score=round(score, 4),
                            snippet=measure.summary.ja))
            if len(hits) == k:
                break
        return hits


def _sorted(scores: dict[str, float]) -> list[tuple[str, float]]:
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
