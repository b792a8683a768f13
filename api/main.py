"""The FastAPI application: settings, catalog, stores and services built once, routers mounted.

`create_app()` is the factory (`uvicorn api.main:create_app --factory`, or `benefit-finder
serve`); tests call it with their own settings and stores and serve it on a loopback port.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from api import errors
from api.chat import ChatService
from api.line.bot import LineBot
from api.middleware import BodyLimitMiddleware, JsonCORSMiddleware, SafetyNetMiddleware
from api.rate_limit import (
    RateLimitMiddleware,
    RedisCostWindow,
    RedisWindow,
    cost_window_from_settings,
    windows_from_settings,
)
from api.routes import chat, eligibility, health, line, measures, messages, pages, search, source
from api.search import SearchProvider
from api.sessions import SessionStore, store_from_settings
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.settings import Settings, get_settings

log = logging.getLogger("api")
LINE_WEBHOOK = "/line/webhook"
SWEEP_SECONDS = 60.0


async def freeze_startup_heap(provider: SearchProvider) -> None:
    """Once the catalog, encoder and index are loaded, move them out of the garbage collector's
    view (`gc.freeze`). They live as long as the process, yet every full collection walked them
    all: under load that was the long tail (p95 of paced residents 122 ms → 17 ms, CPU per turn
    −12 %; benchmarks/load.py --think 1)."""
    while provider.status == "loading" and not provider.wait(0):
        await asyncio.sleep(0.2)  # polled, not a thread: shutdown never waits on it
    gc.collect()
    gc.freeze()


async def sweep_forever(stores: tuple[SessionStore, ...], every: float = SWEEP_SECONDS) -> None:
    """Drop expired sessions even when nobody writes: an expired household (要配慮個人情報) should
    leave memory on time, not when traffic or the size cap happens to push it out. Redis expires
    keys itself; only stores with a `sweep` take part."""
    while True:
        await asyncio.sleep(every)
        for store in stores:
            sweep = getattr(store, "sweep", None)
            if sweep is not None:
                sweep()


def create_app(settings: Settings | None = None, sessions: SessionStore | None = None,
               replays: SessionStore | None = None, static_dir: Path = pages.STATIC_DIR) -> FastAPI:
    settings = settings or get_settings()
    catalog = default_catalog()
    if sessions is None:  # not `or`: an empty MemoryStore is falsy (it has __len__)
        sessions = store_from_settings(settings, "session")
    if replays is None:
        replays = store_from_settings(settings, "line-event")
    provider = SearchProvider(settings, catalog)
    clock = settings.clock()  # the one clock: greeting, results and handout say when 令和6年度 is over
    service = ChatService(Dialogue(catalog, provider.search_or_nothing, clock, settings.contact()), sessions,
                          settings.session_ttl_seconds)
    line_bot = LineBot.from_settings(settings, service, catalog, replays)
    encoder_limit = cost_window_from_settings(settings.session_store, settings.redis_url,
                                              settings.rate_limit_encoder_tokens_per_ip_per_minute)
    ip_limit, session_limit = windows_from_settings(settings.session_store, settings.redis_url,
                                                    settings.rate_limit_per_ip_per_minute,
                                                    settings.rate_limit_per_session_per_minute)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.index_preload:
            provider.start()
        background = [asyncio.create_task(sweep_forever((sessions, replays))),
                      asyncio.create_task(freeze_startup_heap(provider))]
        yield
        for task in background:
            task.cancel()
        for task in background:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if line_bot is not None:
            line_bot.close()
        sessions.close()
        replays.close()
        for window in (ip_limit, session_limit, encoder_limit):
            if isinstance(window, RedisWindow | RedisCostWindow):
                await window.aclose()

    app = FastAPI(
        title="千代田区 支援さがし API / Chiyoda benefit finder API",
        version="0.1.0",
        description="Which of Chiyoda ward's FY2024 measures a household qualifies for, why, and on which page. "
                    "Every error is `{\"error\": {\"code\", \"message\", \"message_ja\", \"details\"?}}`.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.catalog = catalog
    app.state.search = provider
    app.state.sessions = sessions
    app.state.chat = service
    app.state.clock = clock
    app.state.line = line_bot
    app.state.static_dir = static_dir

    errors.install(app)
    for router in (health.router, measures.router, search.router, eligibility.router, chat.router, line.router,
                   messages.router, source.router, pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=static_dir, check_dir=False), name="static")

    if settings.cors_origins:
        app.add_middleware(JsonCORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Content-Type"], max_age=600)
    app.add_middleware(RateLimitMiddleware, window=ip_limit)
    app.state.session_limit = session_limit
    app.state.encoder_limit = encoder_limit
    app.add_middleware(BodyLimitMiddleware, default_limit=settings.max_body_bytes,
                       limits={LINE_WEBHOOK: settings.line_max_body_bytes})
    app.add_middleware(SafetyNetMiddleware)  # added last = outermost: it sees every other failure
    return app
