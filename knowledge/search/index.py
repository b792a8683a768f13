"""A FAISS index of passage vectors on disk, with a manifest that says what built it.

The manifest (encoder, prefixes, dimension, metric, ids, corpus hash, FAISS version, build
time) lets a process reuse an index that matches, rebuild one that is stale, and refuse one
built by another encoder instead of returning nonsense scores.
"""

from __future__ import annotations

import json
import logging
import math
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import faiss
import numpy as np

from knowledge.search.corpus import Passage, corpus_hash
from knowledge.search.encoders import Encoder, EncoderInfo

log = logging.getLogger(__name__)

INDEX_FILE, MANIFEST_FILE, PASSAGES_FILE = "passages.faiss", "manifest.json", "passages.json"
FORMAT_VERSION = 1


class IndexProblem(RuntimeError):
    """Base for index problems that a rebuild can cure."""


class IndexMissing(IndexProblem):
    pass


class IndexCorrupt(IndexProblem):
    pass


class IndexStale(IndexProblem):
    """The corpus changed since the index was built."""


class IndexMismatch(IndexProblem):
    """The index was built by another encoder (or dimension / index type)."""


@dataclass(frozen=True)
class Manifest:
    format: int
    encoder: dict[str, object]
    dim: int
    metric: str
    index_type: str
    ids: list[str]
    corpus_hash: str
    faiss_version: str
    built_at: str
    build_seconds: float


def _new_faiss_index(index_type: str, dim: int, n: int) -> faiss.Index:
    if index_type == "hnsw":
        hnsw = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efSearch = 64
        return hnsw
    if index_type == "ivf":
        nlist = max(1, int(math.sqrt(n)))
        ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.nprobe = max(1, nlist // 8)
        return ivf
    return faiss.IndexFlatIP(dim)


def new_faiss_index(index_type: str, vectors: np.ndarray) -> faiss.Index:
    """An inner-product index over normalised vectors (so scores are cosine similarities)."""
    index = _new_faiss_index(index_type, vectors.shape[1], len(vectors))
    if not index.is_trained:
        index.train(vectors)
    index.add(vectors)
    return index


class VectorIndex:
    def __init__(self, index: faiss.Index, passages: list[Passage], manifest: Manifest) -> None:
        self.index = index
        self.passages = passages
        self.manifest = manifest

    @classmethod
    def build(cls, passages: list[Passage], encoder: Encoder, index_type: str = "flat",
              progress: Callable[[int, int], None] | None = None, batch: int = 16) -> VectorIndex:
        started = time.perf_counter()
        chunks = []
        for start in range(0, len(passages), batch):
            chunks.append(encoder.encode_passages([p.text for p in passages[start:start + batch]]))
            if progress:
                progress(min(start + batch, len(passages)), len(passages))
        vectors = np.vstack(chunks).astype(np.float32)
        index = new_faiss_index(index_type, vectors)
        manifest = Manifest(
            format=FORMAT_VERSION, encoder=asdict(encoder.info), dim=encoder.info.dim, metric="inner_product",
            index_type=index_type, ids=[p.id for p in passages], corpus_hash=corpus_hash(passages),
            faiss_version=faiss.__version__, built_at=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            build_seconds=round(time.perf_counter() - started, 3),
        )
        return cls(index, passages, manifest)

    def save(self, directory: Path) -> None:
        """Write atomically: a crash mid-write leaves the previous index, never a torn one."""
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=directory) as tmp:
            faiss.write_index(self.index, str(Path(tmp) / INDEX_FILE))
            (Path(tmp) / PASSAGES_FILE).write_text(
                json.dumps([asdict(p) for p in self.passages], ensure_ascii=False), encoding="utf-8")
            (Path(tmp) / MANIFEST_FILE).write_text(
                json.dumps(asdict(self.manifest), ensure_ascii=False, indent=1), encoding="utf-8")
            for name in (INDEX_FILE, PASSAGES_FILE, MANIFEST_FILE):  # manifest last: it vouches for the rest
                os.replace(Path(tmp) / name, directory / name)

    @classmethod
    def load(cls, directory: Path, encoder: Encoder, passages: list[Passage], index_type: str = "flat") -> VectorIndex:
        """Load an index that fits this encoder and corpus, or say precisely why not."""
        paths = [directory / n for n in (MANIFEST_FILE, PASSAGES_FILE, INDEX_FILE)]
        if not all(p.exists() for p in paths):
            raise IndexMissing(f"no index in {directory}")
        try:
            manifest = Manifest(**json.loads(paths[0].read_text(encoding="utf-8")))
            stored = [Passage(**p) for p in json.loads(paths[1].read_text(encoding="utf-8"))]
            index = faiss.read_index(str(paths[2]))
        except (ValueError, TypeError, RuntimeError, OSError) as exc:
            raise IndexCorrupt(f"unreadable index in {directory}: {exc}") from exc
        if manifest.format != FORMAT_VERSION:
            raise IndexStale(f"index format {manifest.format}, expected {FORMAT_VERSION}")
        if EncoderInfo(**manifest.encoder) != encoder.info or manifest.index_type != index_type:  # type: ignore[arg-type]
            raise IndexMismatch(
                f"index built with {manifest.encoder.get('backend')}:{manifest.encoder.get('model')} "
                f"({manifest.index_type}), but {encoder.info.key} ({index_type}) is configured")
        if index.d != manifest.dim or index.ntotal != len(manifest.ids) or [p.id for p in stored] != manifest.ids:
            raise IndexCorrupt(f"index in {directory} does not match its manifest")
        if manifest.corpus_hash != corpus_hash(passages):
            raise IndexStale("the catalog or source changed since the index was built")
        return cls(index, stored, manifest)

    def search(self, query: np.ndarray, k: int) -> list[tuple[Passage, float]]:
        """One query; single-threaded, since OpenMP start-up costs more than it saves per query and
        the server runs one search per request."""
        faiss.omp_set_num_threads(1)
        k = min(k, len(self.passages))
        scores, rows = self.index.search(np.asarray(query, dtype=np.float32).reshape(1, -1), k)
        return [(self.passages[r], float(s)) for r, s in zip(rows[0], scores[0], strict=True) if r >= 0]


def ensure_index(directory: Path, encoder: Encoder, passages: list[Passage], index_type: str = "flat",
                 progress: Callable[[int, int], None] | None = None) -> tuple[VectorIndex, str]:
    """Reuse the index on disk when it fits; otherwise rebuild it, log why, and save it."""
    try:
        return VectorIndex.load(directory, encoder, passages, index_type), "reused"
    except IndexProblem as exc:
        reason = type(exc).__name__
        log.warning("rebuilding the search index (%s): %s", reason, exc)
    index = VectorIndex.build(passages, encoder, index_type, progress)
    index.save(directory)
    return index, f"rebuilt ({reason})"
