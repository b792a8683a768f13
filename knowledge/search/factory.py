"""Builds the searcher the settings describe; the one place encoder, index and ranking meet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from knowledge.catalog import Catalog, default_catalog
from knowledge.search.corpus import build_passages
from knowledge.search.encoders import encoder_from_settings
from knowledge.search.index import ensure_index
from knowledge.search.searcher import Ranking, Searcher
from knowledge.settings import Settings, get_settings


def searcher_from_settings(settings: Settings | None = None, catalog: Catalog | None = None,
                           progress: Callable[[int, int], None] | None = None) -> tuple[Searcher, str]:
    """The configured searcher, and how its index was obtained ("reused" / "rebuilt (…)")."""
    settings = settings or get_settings()
    catalog = catalog or default_catalog()
    encoder = encoder_from_settings(settings)
    index, how = ensure_index(settings.index_dir, encoder, build_passages(catalog), settings.index_type, progress)
    ranking = Ranking()
    if settings.search_min_score is not None:
        ranking = replace(ranking, min_score=settings.search_min_score)
    return Searcher(catalog, encoder, index, ranking), how
