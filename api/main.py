"""The FastAPI application: settings, catalog, stores and services built once, routers mounted.

`create_app()` is the factory (`uvicorn api.main:create_app --factory`, or `benefit-finder
serve`); tests call it with their own settings and stores and serve it on a loopback port.
"""

from __future__ import annotations

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
from api.rate_limit import RateLimitMiddleware, SlidingWindow
from api.routes import chat, eligibility, health, line, measures, pages, search
from api.search import SearchProvider
from api.sessions import SessionStore, store_from_settings
from bot.dialogue.conversation import Dialogue
from knowledge.catalog import default_catalog
from knowledge.settings import Settings, get_settings

log = logging.getLogger("api")
LINE_WEBHOOK = "/line/webhook"


def create_app(settings: Settings | None = None, sessions: SessionStore | None = None,
               replays: SessionStore | None = None, static_dir: Path = pages.STATIC_DIR) -> FastAPI:
    settings = settings or get_settings()
    catalog = default_catalog()
    if sessions is None:  # not `or`: an empty MemoryStore is falsy (it has __len__)
        sessions = store_from_settings(settings, "session")
    if replays is None:
        replays = store_from_settings(settings, "line-event")
    provider = SearchProvider(settings, catalog)
    service = ChatService(Dialogue(catalog, provider.search_or_nothing), sessions, settings.session_ttl_seconds)
    line_bot = LineBot.from_settings(settings, service, catalog, replays)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.index_preload:
            provider.start()
        yield
        if line_bot is not None:
            line_bot.close()
        sessions.close()
        replays.close()

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
    app.state.line = line_bot
    app.state.static_dir = static_dir

    errors.install(app)
    for router in (health.router, measures.router, search.router, eligibility.router, chat.router, line.router,
                   pages.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=static_dir, check_dir=False), name="static")

    if settings.cors_origins:
        app.add_middleware(JsonCORSMiddleware, allow_origins=settings.cors_origins,
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Content-Type"], max_age=600)
    app.add_middleware(RateLimitMiddleware, per_minute=settings.rate_limit_per_ip_per_minute)
    app.state.session_limit = SlidingWindow(settings.rate_limit_per_session_per_minute)
    app.add_middleware(BodyLimitMiddleware, default_limit=settings.max_body_bytes,
                       limits={LINE_WEBHOOK: settings.line_max_body_bytes})
    app.add_middleware(SafetyNetMiddleware)  # added last = outermost: it sees every other failure
    return app
