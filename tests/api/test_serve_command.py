"""`benefit-finder serve` as a real subprocess: it prints its URLs and answers on its port."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.api.conftest import free_port


def test_serve_prints_the_urls_and_answers(index_dir: Path) -> None:
    port = free_port()
    command = shutil.which("benefit-finder", path=str(Path(sys.executable).parent))
    assert command is not None
    env = {**os.environ, "BF_INDEX_DIR": str(index_dir), "BF_SESSION_STORE": "memory"}
    proc = subprocess.Popen([command, "serve", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert proc.stdout is not None
        banner = [proc.stdout.readline() for _ in range(4)]
        base = f"http://127.0.0.1:{port}"
        assert banner[0].split() == ["API", "docs:", f"{base}/docs"]
        assert banner[1].split() == ["Widget", "demo:", f"{base}/"]
        assert banner[2].split() == ["Staff", "console:", f"{base}/staff"]
        deadline = time.monotonic() + 30
        while True:
            try:
                health = httpx.get(f"{base}/healthz", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.1)
        assert health["measures"] == 46
        assert httpx.get(f"{base}/api/measures/diaper_provision").json()["page"] == "P80"
    finally:
        proc.terminate()
        proc.wait(15)
