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

from knowledge.languages import Lang
from knowledge.messages import message
from knowledge.source import Document, document

Clock = Callable[[], date]


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

    def year_name(self, lang: Lang) -> str:
        return year_name(self.fiscal_year, self.fiscal_year_ja, lang)

    def notice(self, lang: Lang) -> str | None:
        """The plain-words notice, or None while the document's fiscal year is still running."""
        if not self.outdated:
            return None
        return message("dated.notice", lang, year=self.year_name(lang), start_year=self.period_start.year,
                       end_year=self.period_end.year)

    def short_notice(self, lang: Lang) -> str | None:
        """The notice in one short line, for small places (a LINE card's footer)."""
        if not self.outdated:
            return None
        return message("dated.short_notice", lang, year=self.year_name(lang))


def year_name(fiscal_year: int, fiscal_year_ja: str, lang: Lang) -> str:
    """The fiscal year as the ward's papers name it (令和6年度: the notices and answers in Chinese and
    Korean give the western years of the period beside it), or 2024 in English."""
    return str(fiscal_year) if lang == "en" else fiscal_year_ja


def dating(today: date, source: Document | None = None) -> Dating:
    doc = source or document()
    return Dating(fiscal_year=doc.fiscal_year, fiscal_year_ja=doc.fiscal_year_ja, today=today)


def notice(clock: Clock, lang: Lang, short: bool = False) -> str | None:
    """The notice for now (by `clock`), in `lang`; None inside the fiscal year."""
    dated = dating(clock())
    return dated.short_notice(lang) if short else dated.notice(lang)
