"""Browser tests: the real `benefit-finder serve` in a subprocess, Debian's chromium (headless,
never a downloaded browser) driven by Playwright for Python.

Skipped, with the reason, only when /usr/bin/chromium is missing; a missing Playwright or axe-core
is a broken setup and fails (`scripts/install-browser-test-deps.sh` installs all three).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-output" / "screenshots"
# The server's clock, fixed after 令和6年度 (which ends 2025-03-31): pages must say the information may
# have changed. The API tests cover the day before (tests/api/test_dated_answers.py).
TODAY = "2025-04-01"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


if not CHROMIUM.exists():
    pytest.skip("/usr/bin/chromium is missing (Debian's chromium: scripts/install-browser-test-deps.sh installs it)",
                allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# "Another site" (the ward's own pages) embedding the widget: another origin, on loopback too, because
# chromium blocks a page on a public address from loading scripts from a loopback one.
SITE_PORT = _free_port()
SITE_ORIGIN = f"http://localhost:{SITE_PORT}"


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, search_index_dir: Path) -> Iterator[str]:
    """`benefit-finder serve` on a free port, reusing the run's one index; ready once search is loaded.
    CORS allows the embedding site's origin, as a deployment would allow the ward's site; the clock
    is fixed (`TODAY`)."""
    port = _free_port()
    tmp = tmp_path_factory.mktemp("browser-server")
    env = {**os.environ, "BF_INDEX_DIR": str(search_index_dir), "BF_CORS_ORIGINS": f'["{SITE_ORIGIN}"]',
           "BF_TODAY": TODAY}
    cli = Path(sys.executable).parent / "benefit-finder"
    log = (tmp / "serve.log").open("wb")
    proc = subprocess.Popen([str(cli), "serve", "--port", str(port)], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"benefit-finder serve exited ({proc.returncode}):\n{(tmp / 'serve.log').read_text()}")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).json()["index"]["status"] == "ready":
                    break
            except (httpx.HTTPError, KeyError, ValueError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"benefit-finder serve not ready in 180 s:\n{(tmp / 'serve.log').read_text()}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="session")
def embedding_site(server: str) -> Iterator[str]:
    """A page of another site whose only link to us is the one script tag (with data-api)."""
    page = (f'<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>区のページ</title>'
            f'<link rel="icon" href="data:,"></head><body><h1>区のお知らせ</h1>'
            f'<script src="{server}/widget.js" data-api="{server}/"></script></body></html>').encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(page)))
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args: Any) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", SITE_PORT), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"{SITE_ORIGIN}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


def _context(browser: Any, width: int, height: int) -> Any:
    return browser.new_context(locale="ja-JP", viewport={"width": width, "height": height},
                               is_mobile=width < 500, has_touch=width < 500, device_scale_factor=1)


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A desktop page (1280×900); script errors fail the test."""
    context = _context(browser, 1280, 900)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    yield p
    context.close()
    assert not errors, f"script errors in the page: {errors}"


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    """A phone-sized page (360×740, touch)."""
    context = _context(browser, 360, 740)
    p = context.new_page()
    yield p
    context.close()


def shoot(page: Any, name: str, full_page: bool = False) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def in_widget(page: Any, script: str) -> Any:
    """Evaluates `script` (an expression over `root`, the widget's shadow root) in the page."""
    return page.evaluate(f"(() => {{ const root = document.getElementById('chiyoda-benefit-finder').shadowRoot; "
                         f"return {script}; }})()")
