"""Many residents at once over HTTP: throughput, latency, errors, and session integrity.

    python -m benchmarks.load [--concurrency 10 50] [--seconds 20] [--mode single|workers|instances]
                              [--think 0] [--out benchmarks/results/load.json]
    python -m benchmarks.load --mix questions [--concurrency 40] [--server-src DIR]

`--mix questions` measures, against one server in one run: a free question on an idle server
(first time and repeated), then at each concurrency the plain script alone and the same
conversations with one turn in four a free question (hot questions many residents repeat,
distinct questions from the retrieval dev sets, and 1,000-character messages), reporting
plain-turn and free-question latencies separately. `--server-src` serves another checkout (the
code before a change) with this client, for before/after tables.

Starts the server itself (`single`: one process, in-memory sessions; `workers`: uvicorn with two
workers sharing a redis-server it starts; `instances`: two servers sharing that Redis, residents
alternating between them). Each simulated resident runs a scripted conversation (an opening from
benchmarks/data/dialogue_households.yaml, then わからない to every question, then 結果を見せて) for a
bounded time. Integrity: every conversation's final measures must equal an in-process replay of
the same script; a mismatch would be a mix-up between sessions. Only loopback addresses are used.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import yaml

from benchmarks import load_questions as lq
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog

HERE = Path(__file__).parent
ANSWERS = 5


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def script(opening: str) -> list[str]:
    return [opening, *["わからない"] * ANSWERS, "結果を見せて"]


def plain_scripts(dialogue: Dialogue, openings: list[str]) -> list[lq.Script]:
    """Each opening's script with its expected final measures (an in-process replay): no free question."""
    return [lq.Script(texts, [False] * len(texts), lq.replay(dialogue, texts)) for texts in map(script, openings)]


def rss_kib(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the process has gone
        return 0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def server_rss_kib(pid: int) -> int:
    """RSS of a server and its children (uvicorn --workers forks them; the parent is small)."""
    return rss_kib(pid) + sum(rss_kib(child) for child in children(pid))


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of the server processes and their children (uvicorn's workers)."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        for proc in [pid, *children(pid)]:
            try:
                fields = Path(f"/proc/{proc}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def start_servers(mode: str, work: Path, overrides: dict[str, str] | None = None, src: Path | None = None,
                  ) -> tuple[list[str], list[subprocess.Popen[bytes]]]:
    """The servers for `mode` on free loopback ports, ready (index loaded). Rate limits are lifted:
    every simulated resident comes from 127.0.0.1, which would otherwise be one very busy IP. The
    committed index is copied to `work` (so nothing is built); `src` serves another checkout."""
    shipped = (src or Path.cwd()) / "knowledge" / "index"
    if shipped.is_dir():
        shutil.copytree(shipped, work / "index", dirs_exist_ok=True)
    env = {**os.environ, "BF_INDEX_DIR": str(work / "index"), "BF_RATE_LIMIT_PER_IP_PER_MINUTE": "1000000",
           "BF_RATE_LIMIT_PER_SESSION_PER_MINUTE": "1000000", "BF_SESSION_TTL_SECONDS": "600",
           "BF_RATE_LIMIT_ENCODER_TOKENS_PER_IP_PER_MINUTE": "1000000000", **(overrides or {})}
    if src is not None:
        env["PYTHONPATH"] = str(src)
    procs: list[subprocess.Popen[bytes]] = []
    if mode != "single":
        redis_port = free_port()
        procs.append(subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(redis_port),
                                       "--save", "", "--appendonly", "no"], stdout=subprocess.DEVNULL))
        env.update(BF_SESSION_STORE="redis", BF_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0")
    subprocess.run([sys.executable, "-m", "api.cli", "index", "build"], env=env, check=True, capture_output=True,
                   cwd=src)
    ports = [free_port() for _ in range(2 if mode == "instances" else 1)]
    for port in ports:
        cmd = [sys.executable, "-m", "uvicorn", "api.main:create_app", "--factory", "--host", "127.0.0.1",
               "--port", str(port), "--no-access-log", "--log-level", "warning"]
        if mode == "workers":
            cmd += ["--workers", "2"]
        procs.append(subprocess.Popen(cmd, env=env, cwd=src))
    urls = [f"http://127.0.0.1:{p}" for p in ports]
    for url in urls:
        for _ in range(240):
            try:
                if httpx.get(f"{url}/healthz", timeout=1).json()["index"]["status"] == "ready":
                    break
            except (httpx.HTTPError, KeyError, ValueError):
                pass
            time.sleep(0.5)
    return urls, procs


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[10, 50])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--mode", choices=["single", "workers", "instances"], default="single")
    parser.add_argument("--think", type=float, default=0.0,
                        help="mean seconds a resident pauses before each message (0: back to back)")
    parser.add_argument("--out", type=Path, default=None, help="default benchmarks/results/load[_questions].json")
    parser.add_argument("--mix", choices=["plain", "questions"], default="plain",
                        help="questions: idle free questions, then plain-only and one turn in four a free question")
    parser.add_argument("--server-src", type=Path, default=None, help="serve this checkout (e.g. the code before)")
    parser.add_argument("--rounds", type=int, default=4, help="--mix questions: alternations of the two phases")
    args = parser.parse_args()
    out = args.out or HERE / "results" / ("load_questions.json" if args.mix == "questions" else "load.json")
    households = yaml.safe_load((HERE / "data" / "dialogue_households.yaml").read_text(encoding="utf-8"))["households"]
    dialogue = Dialogue(default_catalog())
    openings = [str(h["opening"]) for h in households]
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp:
        urls, procs = start_servers(args.mode, Path(tmp), src=args.server_src)
        server_pid = procs[-1].pid
        server_pids = [p.pid for p in procs if p.args[0] != (shutil.which("redis-server") or "redis-server")]
        try:
            rss_start = server_rss_kib(server_pid)
            if args.mix == "questions":
                rows = question_mix(args, urls, server_pids, openings, dialogue)
            for n in (args.concurrency if args.mix == "plain" else []):
                started = time.monotonic()
                cpu_before = cpu_seconds(server_pids)
                tally = asyncio.run(lq.residents(n, urls, plain_scripts(dialogue, openings), args.seconds, args.think))
                latencies = tally.plain
                counts = {key: tally.counts[key] for key in ("turns", "errors", "conversations", "mixups")}
                elapsed = time.monotonic() - started
                server_cpu = cpu_seconds(server_pids) - cpu_before
                row = {"mode": args.mode, "concurrency": n, "think_s": args.think, "seconds": round(elapsed, 1),
                       **counts,
                       "turns_per_s": round(counts["turns"] / elapsed, 1), "p50_ms": round(pct(latencies, .5), 1),
                       "p95_ms": round(pct(latencies, .95), 1), "p99_ms": round(pct(latencies, .99), 1),
                       "mean_ms": round(statistics.fmean(latencies), 1) if latencies else 0.0,
                       "server_cpu_ms_per_turn": round(server_cpu * 1000 / max(1, counts["turns"]), 2)}
                rows.append(row)
                print(json.dumps(row, ensure_ascii=False), flush=True)
            print(f"server RSS: {rss_start // 1024} MiB at start, {server_rss_kib(server_pid) // 1024} MiB at end")
        finally:
            for p in procs:
                p.terminate()
            for p in procs:
                p.wait(timeout=20)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")


def question_mix(args: argparse.Namespace, urls: list[str], server_pids: list[int], openings: list[str],
                 dialogue: Dialogue) -> list[dict[str, object]]:
    """Idle free questions, then per concurrency plain-only and the mix, on the same server."""
    idle = asyncio.run(lq.idle_questions(urls[0]))
    idle_row: dict[str, object] = {"phase": "idle", **{f"{k}_p50_ms": round(pct(v, .5), 1) for k, v in idle.items()},
                                   **{f"{k}_p95_ms": round(pct(v, .95), 1) for k, v in idle.items()}}
    idle_row["repeat_speedup_p50"] = round(pct(idle["first"], .5) / max(pct(idle["repeat"], .5), 1e-9), 1)
    idle_row["search_repeat_speedup_p50"] = round(pct(idle["search_first"], .5) /
                                                  max(pct(idle["search_repeat"], .5), 1e-9), 1)
    print(json.dumps(idle_row, ensure_ascii=False), flush=True)
    rows = [idle_row]
    plain = plain_scripts(dialogue, openings)
    mixed = lq.mixed_scripts([p.texts for p in plain], dialogue)
    for n in args.concurrency:
        pair = {}
        # Rounds alternate the two phases, so a burst of other work on the machine falls on both.
        tallies = {"plain only": lq.Tally(), "with questions": lq.Tally()}
        spent = {phase: [0.0, 0.0, 0, 0] for phase in tallies}  # seconds, server CPU, cache hits, misses
        for _ in range(args.rounds):
            for phase, scripts in (("plain only", plain), ("with questions", mixed)):
                cpu_before, started, cache_before = cpu_seconds(server_pids), time.monotonic(), lq.cache_counts(urls[0])
                tallies[phase].merge(asyncio.run(lq.residents(n, urls, scripts, args.seconds / args.rounds,
                                                              args.think)))
                cache_after = lq.cache_counts(urls[0])
                spent[phase][0] += time.monotonic() - started
                spent[phase][1] += cpu_seconds(server_pids) - cpu_before
                spent[phase][2] += cache_after[0] - cache_before[0]
                spent[phase][3] += cache_after[1] - cache_before[1]
        for phase, tally in tallies.items():
            elapsed, cpu, hits, misses = spent[phase]
            row: dict[str, object] = {
                "phase": phase, "concurrency": n, "think_s": args.think, "seconds": round(elapsed, 1), **tally.counts,
                "turns_per_s": round(tally.counts["turns"] / elapsed, 1),
                "free_question_share": round(len(tally.question) / max(1, tally.counts["turns"]), 3),
                **{f"plain_p{q}_ms": round(pct(tally.plain, q / 100), 1) for q in (50, 95, 99)},
                **{f"question_p{q}_ms": round(pct(tally.question, q / 100), 1) for q in (50, 95, 99)},
                "server_cpu_ms_per_turn": round(cpu * 1000 / max(1, tally.counts["turns"]), 2),
                "cache_hit_ratio": round(hits / max(1, hits + misses), 3), "rounds": args.rounds}
            pair[phase] = row
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
        mix, base = pair["with questions"], pair["plain only"]
        ratios = {"phase": "ratios", "concurrency": n,
                  "plain_p95_with_questions_over_without": round(float(mix["plain_p95_ms"]) /  # type: ignore[arg-type]
                                                                 max(float(base["plain_p95_ms"]), 1e-9), 2),  # type: ignore[arg-type]
                  "question_p95_over_idle_first_p50": round(float(mix["question_p95_ms"]) /  # type: ignore[arg-type]
                                                            max(pct(idle["first"], .5), 1e-9), 2),
                  "question_p95_over_idle_first_p95": round(float(mix["question_p95_ms"]) /  # type: ignore[arg-type]
                                                            max(pct(idle["first"], .95), 1e-9), 2)}
        rows.append(ratios)
        print(json.dumps(ratios, ensure_ascii=False), flush=True)
    return rows


if __name__ == "__main__":
    main()
