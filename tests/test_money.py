import pytest

from knowledge.money import parse_yen


@pytest.mark.parametrize(
    ("text", "yen"),
    [
        ("58億4,465万円", 5_844_650_000),
        ("754万円", 7_540_000),
        ("2,500万円", 25_000_000),
        ("1億49万円", 100_490_000),
        ("3億421万円", 304_210_000),
        ("10万円", 100_000),
        ("１万円", 10_000),
        ("500円", 500),
    ],
)
def test_parses_amounts_as_printed(text: str, yen: int) -> None:
    assert parse_yen(text) == yen


@pytest.mark.parametrize("text", ["", "円", "万円", "abc", "1,00万円", "12345万円", "3億421万", "-5万円"])
def test_rejects_what_is_not_an_amount(text: str) -> None:
    with pytest.raises(ValueError):
        parse_yen(text)
