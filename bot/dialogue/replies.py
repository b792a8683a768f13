"""Everything the bot says, composed from the message catalog (knowledge/messages/replies.yaml):
plain, kind Japanese, English, やさしい日本語, 中文 and 한국어.

The wording lives in data beside its translations; this module only chooses which message and
fills it in, so the logic can be reviewed (and snapshot-tested) apart from the words.
"""

from __future__ import annotations

from knowledge.languages import NAMES, Lang
from knowledge.messages import message, messages
from knowledge.relevance import MAYBE_IN_TEXT, fold_line
from knowledge.results import Match, Results, folded, shown_maybe
from knowledge.search.searcher import Hit

# The plain sentences, by key, in every language (the Rasa actions say them too: the domain keeps no copy).
SAID = ("welcome", "notice", "restart", "erased", "not_understood", "trouble", "skip", "thanks", "help", "empty",
        "no_hits", "counter", "nothing")
TEXT: dict[str, dict[Lang, str]] = {key: messages(f"replies.{key}") for key in SAID}

# The quick reply on every question that ends the questions and shows the results with what is known.
FINISH: dict[Lang, str] = messages("replies.finish")
CHOSEN_BY_OTHERS: dict[Lang, str] = messages("replies.chosen_by_others")
FOLD_PREFIX: dict[Lang, str] = messages("results.fold_prefix")


def _m(key: str, lang: Lang, **values: object) -> str:
    return message(f"replies.{key}", lang, **values)


def say(key: str, lang: Lang) -> str:
    return TEXT[key][lang]


def language_replies(lang: Lang) -> list[str]:
    """The other languages, each named in itself (「中文」「한국어」…): tapped, the conversation switches."""
    return [name for code, name in NAMES.items() if code != lang]


def welcome_text(lang: Lang, notice: str | None = None) -> str:
    """The greeting; after the document's fiscal year it says the information may be out of date."""
    return say("welcome", lang) + (f"\n{notice}" if notice else "")


def check_line(match: Match, lang: Lang) -> str | None:
    """窓口で確認すること in one line: the first point, and how many more (the catalog's words)."""
    checks = match.check_yourself
    if not checks:
        return None
    more = len(checks) - 1
    return _m("check_line", lang, point=checks[0]) + (_m("check_more", lang, more=more) if more else "")


def waits_lines(match: Match, lang: Lang, with_missing: bool = True) -> list[str]:
    """For a maybe: whether we need a fact from the resident, and what the document leaves open
    (only the counter can answer); a maybe may wait on both."""
    lines = []
    if with_missing and match.status == "maybe" and match.missing:
        lines.append(_m("waits_missing", lang))
    if match.unsettled:
        lines.append(_m("waits_unsettled", lang, points=_m("points_sep", lang).join(match.unsettled)))
    return lines


def _item(match: Match, lang: Lang) -> str:
    if match.status == "later" and match.later:
        lines = [match.later]
    elif match.status == "related":
        lines = [_m("how_chosen", lang, how=match.how_chosen) if match.how_chosen else ""]
    else:  # the engine's reason already asks for a missing fact (「…が分かれば判定できます」)
        lines = [match.reasons[0] if match.reasons else "", *waits_lines(match, lang, with_missing=False)]
    if match.status in ("eligible", "related"):  # a maybe's lines already say what is open (kept short)
        lines.append(check_line(match, lang) or "")
    return "\n".join([_m("item_title", lang, title=match.title, page=match.page),
                      *(_m("item_line", lang, line=line) for line in lines if line)])


def results_text(results: Results, lang: Lang, notice: str | None = None, contact: str | None = None) -> str:
    """The dated notice first (when given), then eligible, maybe, later and related measures.
    Eligible and related ones carry one line of what to check at the counter; a maybe says what it
    waits on (the engine's reason asks for a missing fact; a point only the counter can settle gets
    its own line); a maybe's points to check are on its card (widget, LINE), so the text stays
    short. Related programmes sit under their own heading, never worded as 「対象です」. `contact`: the
    ward office's line when the deployment sets one (knowledge/contact.py), after 「区の窓口で…」.
    Relevance before completeness: at most MAYBE_IN_TEXT maybes about the members the resident
    described, a line saying how many more, and one line for the areas they never mentioned."""
    near, other = shown_maybe(results), folded(results)
    sections = (
        ("eligible", results.eligible),
        ("maybe", near[:MAYBE_IN_TEXT]),
        ("later", results.later),
        ("related", results.related),
    )
    head = [notice] if notice else []  # first: a long text may be clipped (LINE: 5,000 characters)
    lines: list[str] = []
    tail: list[str] = []  # the folded areas, when nothing near comes before them: last, not first
    for section, items in sections:
        if items:
            lines.append(_m(f"head_{section}", lang, count=len(items)))
            if section == "related":  # chosen by others: say so before any title
                lines.append(CHOSEN_BY_OTHERS[lang])
            lines += [_item(m, lang) for m in items]
            if section == "maybe":
                lines += more_lines(len(near) - len(items), other, lang)
        elif section == "maybe" and other:
            tail += more_lines(0, other, lang)
    if not results.eligible and not near:  # say so first, even when related or folded ones follow
        head.append(say("nothing", lang))
    if not lines and not tail:
        return "\n".join(head)
    return "\n".join([*head, *lines, *tail, say("counter", lang), *([contact] if contact else [])])


def more_lines(hidden: int, other: list[Match], lang: Lang) -> list[str]:
    """What the results text leaves out, and how to see it: 「ほかn件」 near maybes (on the cards),
    and one line for the areas the resident never mentioned (also a quick reply)."""
    lines = []
    if hidden > 0:
        lines.append(_m("more_hidden", lang, hidden=hidden))
    if other:
        lines.append(_m("fold_mark", lang, line=fold_line([m.area for m in other], len(other), lang)))
    return lines


def is_fold_request(text: str) -> bool:
    """The fold line sent back (a quick reply, a widget button, or typed), in any language."""
    text = text.strip().lstrip("▶ ")
    return any(text.startswith(prefix) for prefix in FOLD_PREFIX.values())


def fold_reply(results: Results, lang: Lang) -> list[str]:
    """The quick reply that reveals the folded measures (none when nothing is folded)."""
    other = folded(results)
    return [fold_line([m.area for m in other], len(other), lang)] if other else []


def folded_text(results: Results, lang: Lang, contact: str | None = None) -> str:
    """The measures of areas the resident never mentioned, when they ask to see them."""
    other = folded(results)
    if not other:
        return say("nothing", lang)
    return "\n".join([_m("head_folded", lang, count=len(other)), *(_item(m, lang) for m in other),
                      say("counter", lang), *([contact] if contact else [])])


def unaged_text(count: int, lang: Lang) -> str:
    """The one question about children a message named without an age (「上は小学生」, "a little brother")."""
    return _m("unaged_one", lang) if count == 1 else _m("unaged_many", lang, count=count)


def progress_text(results: Results, lang: Lang) -> str:
    """Counts of what the resident sees at once: maybes about areas they never mentioned are not counted."""
    related = len(results.related)
    key = "progress" if not related else "progress_related_one" if related == 1 else "progress_related_many"
    return _m(key, lang, eligible=len(results.eligible), maybe=len(shown_maybe(results)),
              **({"related": related} if related else {}))


def answer_text(hits: list[Hit], lang: Lang, titles: dict[str, str], summaries: dict[str, str]) -> str:
    if not hits:
        return say("no_hits", lang)
    lines = [_m("answer_head", lang)]
    for hit in hits:
        lines.append("\n".join([_m("item_title", lang, title=titles.get(hit.id, hit.title), page=hit.page),
                                _m("item_line", lang, line=summaries.get(hit.id, hit.snippet))]))
    return "\n".join(lines)
