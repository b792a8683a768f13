"""Memory over a long run with sessions expiring: does the server's RSS level off?

    python -m benchmarks.soak [--minutes 10] [--concurrency 50] [--think 1.0] [--ttl 60]

One server process with in-memory sessions and a short session TTL, driven by simulated
residents (benchmarks.load) who each start conversation after conversation, so sessions are
created and expire all the time. RSS is sampled every `--every` seconds. A leak shows as RSS that
keeps climbing after the first minutes; expiry working shows as RSS that levels off even though
the number of conversations ever started keeps growing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import threading
import time
from pathlib import Path

import yaml

from benchmarks.load import HERE, expected_measures, pct, rss_kib, run_all, start_servers
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0)
    parser.add_argument("--ttl", type=int, default=60, help="session TTL in seconds for this run")
    parser.add_argument("--every", type=float, default=30, help="seconds between RSS samples")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "soak.json")
    args = parser.parse_args()
    households = yaml.safe_load((HERE / "data" / "dialogue_households.yaml").read_text(encoding="utf-8"))["households"]
    dialogue = Dialogue(default_catalog())
    openings = [(h["opening"], expected_measures(dialogue, h["opening"])) for h in households]
    latencies: list[float] = []
    counts = {"turns": 0, "errors": 0, "conversations": 0, "mixups": 0}
    samples: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        urls, procs = start_servers("single", Path(tmp), {"BF_SESSION_TTL_SECONDS": str(args.ttl)})
        pid = procs[-1].pid
        started = time.monotonic()
        deadline = started + args.minutes * 60
        done = threading.Event()

        def sample() -> None:
            while True:
                samples.append({"t_s": round(time.monotonic() - started), "rss_mib": round(rss_kib(pid) / 1024, 1),
                                "turns": counts["turns"], "conversations": counts["conversations"]})
                print(json.dumps(samples[-1]), flush=True)
                if done.wait(args.every):
                    return

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            asyncio.run(run_all(args.concurrency, urls, openings, deadline, latencies, counts, args.think))
        finally:
            done.set()
            sampler.join()
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(timeout=20)
    elapsed = time.monotonic() - started
    rss = [s["rss_mib"] for s in samples]
    after_warmup = [s["rss_mib"] for s in samples if s["t_s"] >= min(120, elapsed / 3)]
    summary = {
        "minutes": round(elapsed / 60, 1), "concurrency": args.concurrency, "think_s": args.think,
        "session_ttl_s": args.ttl, **counts, "turns_per_s": round(counts["turns"] / elapsed, 1),
        "p95_ms": round(pct(latencies, .95), 1), "rss_start_mib": rss[0], "rss_end_mib": rss[-1],
        "rss_peak_mib": max(rss), "rss_growth_after_warmup_mib": round(after_warmup[-1] - after_warmup[0], 1)
        if after_warmup else None,
    }
    print(json.dumps(summary, ensure_ascii=False))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "samples": samples}, indent=2), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
