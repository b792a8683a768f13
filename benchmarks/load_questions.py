"""The conversations of benchmarks/load.py: scripted residents over HTTP (`residents`, `converse`), the
plain scripts and (`--mix questions`) residents who also ask free questions.

One turn in four is a free question: 40 % are hot questions many residents repeat (after an
announcement), 45 % distinct questions from the retrieval dev set, 15 % 1,000-character messages
(the web chat's cap: a long story, then the question). Plain turns (the opening, わからない, 結果を見せて)
and free questions are timed apart. Integrity as in load.py: a free question changes no household
fact, so every conversation's final measures must equal an in-process replay of the same script.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml

from bot.dialogue.conversation import Dialogue

DATA = Path(__file__).parent / "data"
HOT = ["給食費は無料ですか", "おむつの支援はありますか？", "男の子もHPVワクチンを無料で打てますか",
       "ベビーシッターの補助はありますか", "妊婦健診のエコーは何回まで無料？"]
PREAMBLE = ("こんにちは。千代田区に住んでいて、毎日仕事と子育てでとても忙しくしています。"
            "区のお知らせを読んだのですが、よく分かりませんでした。")
LONG_CHARS = 1000
BUSY_TEXTS = ("ただいま質問が混み合っています", "Many questions are arriving right now")


@dataclass(frozen=True)
class Script:
    texts: list[str]
    questions: list[bool]  # True where the turn is a free question
    want: list[str]


@dataclass
class Tally:
    plain: list[float] = field(default_factory=list)
    question: list[float] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"turns": 0, "errors": 0, "conversations": 0,
                                                            "mixups": 0, "busy": 0})

    def merge(self, other: Tally) -> None:
        self.plain += other.plain
        self.question += other.question
        for key, value in other.counts.items():
            self.counts[key] += value


def dev_questions(name: str) -> list[str]:
    return [str(q["q"]) for q in yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["queries"]]


def long_message(question: str) -> str:
    story = PREAMBLE * (LONG_CHARS // len(PREAMBLE) + 1)
    return story[: LONG_CHARS - len(question)] + question


def replay(dialogue: Dialogue, texts: list[str]) -> list[str]:
    """Final measures in-process, as /api/chat lists them (eligible, maybe, related programmes); search
    only words replies, so a dialogue without it suffices."""
    state, turn = dialogue.start()
    for text in texts:
        state, turn = dialogue.respond(state, text)
    return sorted(m.id for m in turn.results.eligible + turn.results.maybe + turn.results.related)


def mixed_scripts(plain_scripts: list[list[str]], dialogue: Dialogue, n: int = 400, seed: int = 11) -> list[Script]:
    """`n` conversations: each plain script with 2 or 3 free questions (one turn in four overall)."""
    rng = random.Random(seed)
    distinct = dev_questions("retrieval_devset.yaml")
    rng.shuffle(distinct)
    out = []
    for i in range(n):
        texts = list(plain_scripts[i % len(plain_scripts)])
        flags = [False] * len(texts)
        for _ in range(3 if i % 3 == 0 else 2):
            roll = rng.random()
            if roll < 0.40:
                question = rng.choice(HOT)
            elif roll < 0.85:
                question = distinct[(i * 3 + len(texts)) % len(distinct)]
            else:
                question = long_message(distinct[rng.randrange(len(distinct))])
            at = rng.randrange(1, len(texts))  # after the opening, before or between the answers
            texts.insert(at, question)
            flags.insert(at, True)
        out.append(Script(texts, flags, replay(dialogue, texts)))
    return out


async def converse(client: httpx.AsyncClient, urls: list[str], script: Script, think: float, tally: Tally) -> None:
    session, measures = None, None
    for i, (text, is_question) in enumerate(zip(script.texts, script.questions, strict=True)):
        url = urls[i % len(urls)]
        body = {"text": text, **({"session_id": session} if session else {})}
        if think:
            await asyncio.sleep(random.uniform(0.5 * think, 1.5 * think))
        started = time.perf_counter()
        try:
            r = await client.post(f"{url}/api/chat", json=body)
        except httpx.HTTPError:
            tally.counts["errors"] += 1
            return
        (tally.question if is_question else tally.plain).append((time.perf_counter() - started) * 1000)
        tally.counts["turns"] += 1
        if r.status_code != 200:
            tally.counts["errors"] += 1
            return
        data = r.json()
        if is_question and any(b in reply["text"] for reply in data["replies"] for b in BUSY_TEXTS):
            tally.counts["busy"] += 1
        session, measures = data["session_id"], sorted(m["id"] for m in data["measures"])
    tally.counts["conversations"] += 1
    if measures != script.want:
        tally.counts["mixups"] += 1


async def residents(n: int, urls: list[str], scripts: list[Script], seconds: float, think: float) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds
    order = iter(range(10**9))

    async def one() -> None:
        if think:
            await asyncio.sleep(random.uniform(0, think))
        async with httpx.AsyncClient(timeout=60) as client:
            while time.monotonic() < deadline:
                await converse(client, urls, scripts[next(order) % len(scripts)], think, tally)

    await asyncio.gather(*(one() for _ in range(n)))
    return tally


async def idle_questions(url: str, n: int = 20) -> dict[str, list[float]]:
    """One resident on an idle server: distinct held-out questions, each asked twice in a row (the
    second time it is a repeat), and a few 1,000-character messages."""
    questions = dev_questions("retrieval_heldout.yaml")[:n]
    timings: dict[str, list[float]] = {"first": [], "repeat": [], "long": [], "search_first": [], "search_repeat": []}
    async with httpx.AsyncClient(timeout=60) as client:
        session = (await client.post(f"{url}/api/chat", json={"text": "こんにちは"})).json()["session_id"]

        async def ask(text: str) -> float:
            started = time.perf_counter()
            r = await client.post(f"{url}/api/chat", json={"text": text, "session_id": session})
            r.raise_for_status()
            return (time.perf_counter() - started) * 1000

        for q in questions:
            timings["first"].append(await ask(q))
            timings["repeat"].append(await ask(q))
        for q in dev_questions("retrieval_heldout.yaml")[n:n + 5]:
            timings["long"].append(await ask(long_message(q)))
        for q in dev_questions("retrieval_heldout.yaml")[n + 5:2 * n + 5]:  # GET /api/search: no dialogue around it
            for kind in ("search_first", "search_repeat"):
                started = time.perf_counter()
                (await client.get(f"{url}/api/search", params={"q": q, "k": 3})).raise_for_status()
                timings[kind].append((time.perf_counter() - started) * 1000)
    return timings


def cache_counts(url: str) -> tuple[int, int]:
    """(hits, misses) of the server's question cache so far (None-safe for a server without one)."""
    questions = httpx.get(f"{url}/healthz", timeout=10).json()["index"].get("questions") or {}
    return int(questions.get("cache_hits", 0)), int(questions.get("cache_misses", 0))
