"""Shared dependencies as `Annotated` aliases; everything lives on `app.state`, built once in
`api.main.create_app`, so tests can build an app with their own settings and stores.

They are `async def` although they never await: FastAPI runs a plain `def` dependency in its
thread pool, and two thread hops per request for an attribute lookup cost more than the turn."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.chat import ChatService
from api.errors import ApiError
from api.line.bot import LineBot
from api.search import SearchProvider
from api.sessions import SessionStore
from knowledge.catalog import Catalog
from knowledge.dated import Clock
from knowledge.settings import Settings


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _catalog(request: Request) -> Catalog:
    catalog: Catalog = request.app.state.catalog
    return catalog


async def _search(request: Request) -> SearchProvider:
    provider: SearchProvider = request.app.state.search
    return provider


async def _store(request: Request) -> SessionStore:
    store: SessionStore = request.app.state.sessions
    return store


async def _chat(request: Request) -> ChatService:
    chat: ChatService = request.app.state.chat
    return chat


async def _clock(request: Request) -> Clock:
    clock: Clock = request.app.state.clock
    return clock


async def _line(request: Request) -> LineBot:
    line: LineBot | None = request.app.state.line
    if line is None:
        raise ApiError(503, "line_not_configured")
    return line


SettingsDep = Annotated[Settings, Depends(_settings)]
CatalogDep = Annotated[Catalog, Depends(_catalog)]
SearchDep = Annotated[SearchProvider, Depends(_search)]
StoreDep = Annotated[SessionStore, Depends(_store)]
ChatDep = Annotated[ChatService, Depends(_chat)]
LineDep = Annotated[LineBot, Depends(_line)]
ClockDep = Annotated[Clock, Depends(_clock)]
