"""The ward's document as the corpus we cite: its identity and the passage of every measure.

A measure's passage is its title line (the one carrying `（P80）`) and the paragraph under it,
plus any following paragraph that continues it with 「また、」 — that is how the document
continues a measure instead of starting the next one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from knowledge.measure import Measure

SOURCE_DIR = Path(__file__).parent / "source"
PAGE_REF = re.compile(r"\s*[（(]\s*(P[0-9]+)\s*[）)]\s*$")


class Document(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    file: str
    title: str
    title_en: str
    publisher: str
    fiscal_year: int
    fiscal_year_ja: str
    sha256: str

    @property
    def path(self) -> Path:
        return SOURCE_DIR / self.file

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    def actual_sha256(self) -> str:
        return hashlib.sha256(self.path.read_bytes()).hexdigest()


@dataclass(frozen=True)
class Passage:
    """One measure as printed: its title, page and the paragraphs that describe it."""

    page: str
    title: str
    body: str
    line: int

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"


@cache
def document() -> Document:
    data = yaml.safe_load((SOURCE_DIR / "document.yaml").read_text(encoding="utf-8"))
    return Document.model_validate(data)


def _title(line: str) -> str:
    return PAGE_REF.sub("", line).lstrip("#").strip()


def _paragraphs(lines: list[str]) -> list[str]:
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append("".join(current))
            current = []
    if current:
        paragraphs.append("".join(current))
    return paragraphs


def passages(text: str | None = None) -> list[Passage]:
    """Every measure passage of the document, in document order."""
    lines = (text if text is not None else document().text()).splitlines()
    heads = [i for i, line in enumerate(lines) if PAGE_REF.search(line)]
    found = []
    for n, i in enumerate(heads):
        end = heads[n + 1] if n + 1 < len(heads) else len(lines)
        paras = _paragraphs(lines[i + 1:end])
        body = paras[:1] + [p for p in paras[1:2] if p.startswith("また")]
        match = PAGE_REF.search(lines[i])
        assert match is not None
        found.append(Passage(page=match.group(1), title=_title(lines[i]), body="\n".join(body), line=i + 1))
    return found


def keyed(found: list[Passage]) -> dict[tuple[str, str], Passage]:
    """Passages by (page, title as printed): a measure file names its passage by its `page` and `title`."""
    return {(p.page, p.title): p for p in found}


@cache
def _shipped() -> dict[tuple[str, str], Passage]:
    return keyed(passages())


def passage_of(measure: Measure, among: dict[tuple[str, str], Passage] | None = None) -> Passage | None:
    """The measure's passage in the shipped document (or `among`, another document's `keyed` passages),
    None when the document prints no such title on that page. The one lookup of a measure's words."""
    return (_shipped() if among is None else among).get((measure.page, measure.title))


def chunks(text: str | None = None, size: int = 200) -> list[tuple[int, str]]:
    """The whole document cut into paragraph-aligned chunks of about `size` characters, with line numbers."""
    lines = (text if text is not None else document().text()).splitlines()
    out: list[tuple[int, str]] = []
    start, buf = 0, ""
    for i, line in enumerate(lines):
        piece = line.strip().lstrip("#").strip()
        if not piece:
            continue
        if buf and len(buf) + len(piece) > size:
            out.append((start + 1, buf))
            buf = ""
        if not buf:
            start = i
        buf = f"{buf}\n{piece}" if buf else piece
    if buf:
        out.append((start + 1, buf))
    return out
