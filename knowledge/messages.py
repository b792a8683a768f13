"""Everything a resident reads that is not catalog data, as data: one YAML file per part of the
product (`knowledge/messages/<part>.yaml`), each message in every language of `knowledge.languages`.

Wording lives beside its translations, never in code, so a new language is a data change and a
missing translation is a failing health test (tests/test_messages.py), not a KeyError in a chat.
A message may hold `{name}` placeholders; every language must use the same ones.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml

from knowledge.languages import LANGS, Lang

MESSAGES_DIR = Path(__file__).parent / "messages"


class MessageError(ValueError):
    """A message file is incomplete or inconsistent (raised at load, so a bad file never serves)."""


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def problems(part: str, raw: object) -> list[str]:
    """What is wrong with one message file's content: missing languages, placeholders that differ."""
    if not isinstance(raw, dict):
        return [f"{part}: not a mapping of message keys"]
    out: list[str] = []
    for key, texts in raw.items():
        if not isinstance(texts, dict):
            out.append(f"{part}.{key}: not a mapping of languages")
            continue
        missing = [lang for lang in LANGS if not str(texts.get(lang) or "").strip()]
        if missing:
            out.append(f"{part}.{key}: missing {', '.join(missing)}")
        extra = set(texts) - set(LANGS)
        if extra:
            out.append(f"{part}.{key}: unknown languages {', '.join(sorted(extra))}")
        names = {lang: placeholders(str(texts[lang])) for lang in LANGS if texts.get(lang)}
        if len({frozenset(n) for n in names.values()}) > 1:
            out.append(f"{part}.{key}: placeholders differ between languages {names}")
    return out


@cache
def catalog(directory: Path = MESSAGES_DIR) -> dict[str, dict[str, str]]:
    """`part.key` → {lang: text}, for every message file, checked once."""
    out: dict[str, dict[str, str]] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        errors += problems(path.stem, raw)
        if isinstance(raw, dict):
            out.update({f"{path.stem}.{key}": {k: str(v) for k, v in texts.items()}
                        for key, texts in raw.items() if isinstance(texts, dict)})
    if errors:
        raise MessageError("; ".join(errors))
    return out


def message(key: str, lang: Lang, **values: object) -> str:
    """The message `part.key` in `lang`, with its placeholders filled."""
    template = catalog()[key][lang]
    return template.format(**values) if values else template


def messages(key: str) -> dict[Lang, str]:
    """One message in every language (quick-reply labels a resident may tap in any of them)."""
    return {lang: catalog()[key][lang] for lang in LANGS}
