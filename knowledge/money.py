"""Budget amounts as printed (`58億4,465万円`, `754万円`, `1億49万円`) to yen."""

from __future__ import annotations

import re

_AMOUNT = re.compile(r"^(?:(?P<oku>[0-9][0-9,]*)億)?(?:(?P<man>[0-9][0-9,]*)万)?(?P<yen>[0-9][0-9,]*)?円$")


def parse_yen(text: str) -> int:
    """Parse a Japanese amount; raises ValueError on anything that is not one."""
    cleaned = text.strip().translate(str.maketrans("０１２３４５６７８９，", "0123456789,"))
    match = _AMOUNT.match(cleaned)
    if not match or not any(match.group(g) for g in ("oku", "man", "yen")):
        raise ValueError(f"not a yen amount: {text!r}")

    def part(name: str) -> int:
        raw = match.group(name)
        if raw is None:
            return 0
        if not re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})*|[0-9]+", raw):
            raise ValueError(f"misplaced comma in {text!r}")
        return int(raw.replace(",", ""))

    man, yen = part("man"), part("yen")
    if man >= 10_000 or (yen >= 10_000 and (match.group("oku") or match.group("man"))):
        raise ValueError(f"not a well-formed amount: {text!r}")
    return part("oku") * 100_000_000 + man * 10_000 + yen
