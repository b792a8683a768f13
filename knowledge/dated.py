"""Dated answers: the document speaks for one fiscal year; after it ends, every answer says so.

The ward's document covers 令和6年度 (1 April 2024 to 31 March 2025, `source/document.yaml`).
A resident reading our answer later must not take it for today's rules, so once the clock is past
the fiscal year the greeting, the results on every channel and the printed handout carry a plain
notice. The date comes from one clock (`Settings.clock()`), fixed in tests and demos with `BF_TODAY`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from knowledge.source import Document, document

Clock = Callable[[], date]
Lang = Literal["ja", "en"]


def system_today() -> date:
    """The only place the system date is read (everything else receives a `Clock`)."""
    return date.today()


def fixed(day: date) -> Clock:
    """A clock that always says `day` (tests, demos, `BF_TODAY`)."""
    return lambda: day


@dataclass(frozen=True)
class Dating:
    """How the document's fiscal year stands on `today`."""

    fiscal_year: int
    fiscal_year_ja: str
    today: date

    @property
    def period_start(self) -> date:
        return date(self.fiscal_year, 4, 1)  # a Japanese fiscal year runs April to March

    @property
    def period_end(self) -> date:
        return date(self.fiscal_year + 1, 3, 31)

    @property
    def outdated(self) -> bool:
        return self.today > self.period_end

    def notice(self, lang: Lang) -> str | None:
        """The plain-words notice, or None while the document's fiscal year is still running."""
        if not self.outdated:
            return None
        start, end = self.period_start, self.period_end
        if lang == "en":
            return (f"This information comes from the ward's document for fiscal {self.fiscal_year} "  # no locale
                    f"(April {start.year} to March {end.year}). It may have changed since.")
        return (f"この情報は{self.fiscal_year_ja}（{start.year}年{start.month}月〜{end.year}年{end.month}月）の"
                "区の資料によるものです。その後、内容が変わっているかもしれません。")

    def short_notice(self, lang: Lang) -> str | None:
        """The notice in one short line, for small places (a LINE card's footer)."""
        if not self.outdated:
            return None
        if lang == "en":
            return f"From the FY{self.fiscal_year} document; it may have changed since."
        return f"{self.fiscal_year_ja}の資料の情報です。その後変わっているかもしれません。"


def dating(today: date, source: Document | None = None) -> Dating:
    doc = source or document()
    return Dating(fiscal_year=doc.fiscal_year, fiscal_year_ja=doc.fiscal_year_ja, today=today)


def notice(clock: Clock, lang: Lang, short: bool = False) -> str | None:
    """The notice for now (by `clock`), in `lang`; None inside the fiscal year."""
    dated = dating(clock())
    return dated.short_notice(lang) if short else dated.notice(lang)
