"""Dated answers: the document is 令和6年度 (to 2025-03-31); after that, answers say so."""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.dated import dating, fixed, notice, system_today
from knowledge.settings import Settings

LAST_DAY = date(2025, 3, 31)
NEXT_DAY = date(2025, 4, 1)


def test_the_fiscal_year_is_read_from_the_documents_identity() -> None:
    dated = dating(LAST_DAY)
    assert (dated.fiscal_year, dated.fiscal_year_ja) == (2024, "令和6年度")
    assert (dated.period_start, dated.period_end) == (date(2024, 4, 1), LAST_DAY)


@pytest.mark.parametrize("day", [date(2024, 4, 1), date(2024, 12, 1), LAST_DAY])
def test_inside_the_fiscal_year_there_is_no_notice(day: date) -> None:
    assert not dating(day).outdated
    assert notice(fixed(day), "ja") is None and notice(fixed(day), "en") is None
    assert notice(fixed(day), "ja", short=True) is None


@pytest.mark.parametrize("day", [NEXT_DAY, date(2026, 11, 30)])
def test_after_the_fiscal_year_the_notice_says_when_the_information_is_from(day: date) -> None:
    ja, en = notice(fixed(day), "ja"), notice(fixed(day), "en")
    assert ja == ("この情報は令和6年度（2024年4月〜2025年3月）の区の資料によるものです。"
                  "その後、内容が変わっているかもしれません。")
    assert en == ("This information comes from the ward's document for fiscal 2024 (April 2024 to March 2025). "
                  "It may have changed since.")
    assert notice(fixed(day), "ja", short=True) == "令和6年度の資料の情報です。その後変わっているかもしれません。"


def test_the_settings_clock_is_fixed_by_bf_today_and_else_is_the_system_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BF_TODAY", "2025-04-01")
    assert Settings(_env_file=None).clock()() == NEXT_DAY  # type: ignore[call-arg]
    monkeypatch.delenv("BF_TODAY")
    assert Settings(_env_file=None).clock() is system_today  # type: ignore[call-arg]
    assert Settings(_env_file=None, today=LAST_DAY).clock()() == LAST_DAY  # type: ignore[call-arg]
