"""Seconds from `make run`'s first command to the first answered search, on a checkout.

    python -m benchmarks.first_search --src /tmp/fresh-clone [--port 18080]

Runs what `make run` runs (`benefit-finder index build`, then `benefit-finder serve`) with the
checkout's own .venv, from the checkout, with no BF_INDEX_DIR: on a fresh clone that is the
committed index, or none (before issue 11: a build of ~150 passages first). Polls
GET /api/search until it answers with results; prints the seconds and where they went.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import time
from pathlib import Path

import httpx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, required=True)
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()
    cli = str(args.src / ".venv" / "bin" / "benefit-finder")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BF_")}
    started = time.monotonic()
    build = subprocess.run([cli, "index", "build"], cwd=args.src, env=env, capture_output=True, text=True, check=True)
    built = time.monotonic() - started
    serve = subprocess.Popen([cli, "serve", "--port", str(args.port)], cwd=args.src, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    served = time.monotonic()
    url = f"http://127.0.0.1:{args.port}/api/search"
    try:
        while True:
            try:
                r = httpx.get(url, params={"q": "給食費は無料？", "k": 3}, timeout=60)
                if r.status_code == 200 and r.json()["results"]:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() - started > 600:
                raise SystemExit("no answer in 600 s")
            time.sleep(0.2)
        answered = time.monotonic()
    finally:
        serve.terminate()
        serve.wait(20)
    row = {"src": str(args.src), "index_build": build.stdout.strip().split(":")[0],
           "index_build_s": round(built, 1), "server_start_to_first_search_s": round(answered - served, 1),
           "make_run_to_first_search_s": round(answered - started, 1)}
    print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
