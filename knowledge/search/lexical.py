"""BM25 over character n-grams: no dictionary needed, robust to Japanese without spaces.

Kept as a measured alternative to dense search (see benchmarks/retrieval.py); the shipped
ranking uses it only if the numbers say so.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter

import numpy as np

_WORD = re.compile(r"[a-z0-9]+")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def tokens(text: str, n: tuple[int, ...] = (2, 3)) -> list[str]:
    """Latin words whole; everything else as character n-grams."""
    text = normalise(text)
    words = _WORD.findall(text)
    rest = _SPACE.sub("", _WORD.sub(" ", text))
    grams = [rest[i:i + size] for size in n for i in range(len(rest) - size + 1)]
    return words + grams


class BM25:
    def __init__(self, documents: list[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.docs = [Counter(tokens(d)) for d in documents]
        self.lengths = np.array([sum(c.values()) for c in self.docs], dtype=np.float32)
        self.avg = float(self.lengths.mean()) if len(self.docs) else 0.0
        df: Counter[str] = Counter()
        for counts in self.docs:
            df.update(counts.keys())
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(self, query: str) -> np.ndarray:
        out = np.zeros(len(self.docs), dtype=np.float32)
        terms = set(tokens(query))
        for i, counts in enumerate(self.docs):
            norm = self.k1 * (1 - self.b + self.b * self.lengths[i] / self.avg)
            s = 0.0
            for t in terms:
                f = counts.get(t)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + norm)
            out[i] = s
        return out
