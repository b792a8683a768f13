"""A question about one clear measure whose kind could not be read (「HPVワクチンについて教えて」,
"Tell me about the sick child care"): what the document prints about it, and what it does not.

A clear question is never answered with "I did not understand" (issue 15, round 2). When the
measure is clear but the kind of question is not, the resident gets the measure's summary, whom
it is for, its printed figures, 新規/拡充 and the page, and a plain list of what the document does
not print (how to apply, what to bring, where, whom to call …), judged with the same evidence
patterns as the kind answers (answering.evidence), so the two never disagree.
"""

from __future__ import annotations

from bot.dialogue.answering import Answer, evidence, status_line, who_takes_part
from bot.understanding.question_kind import Asked, specs
from knowledge.contact import Contact
from knowledge.languages import Lang
from knowledge.measure import Measure
from knowledge.messages import message
from knowledge.reasons import text_in
from knowledge.results import title_in

# The kinds listed as "not printed" when the passage does not answer them, in this order.
SILENT_KINDS = ("procedure", "documents", "where", "contact")


def not_printed(measure: Measure, lang: Lang) -> list[str]:
    """What the document does not print for this measure, as each kind's `missing` wording."""
    found = []
    for spec in specs():
        if spec.name in SILENT_KINDS and not evidence(measure, Asked(kind=spec.name, spec=spec)):  # type: ignore[arg-type]
            found.append((SILENT_KINDS.index(spec.name), spec.missing.get(lang, "")))
    return [text for _, text in sorted(found) if text]


def overview(measure: Measure, lang: Lang, contact: Contact, notice: str | None = None) -> Answer:
    """The measure's printed facts in `lang` (catalog texts in that language, title with the Japanese beside)."""
    lines = [message("answers.overview_head", lang, title=title_in(measure, lang), page=measure.page),
             text_in(measure.summary, lang), message("answers.who_for", lang, audience=text_in(measure.audience, lang))]
    lines += [message("answers.figure", lang, label=text_in(f.label, lang), text=f.text) for f in measure.figures]
    if status := status_line(measure, lang):
        lines.append(status)
    lines += who_takes_part(measure, lang)
    silent = not_printed(measure, lang)
    if silent:
        lines.append(message("answers.not_printed", lang, items=message("answers.not_printed_sep", lang).join(silent)))
    lines.append(contact.ask_line(lang, message("answers.ask_else", lang)))
    if notice:
        lines.append(notice)
    return Answer(kind="overview", measure_id=measure.id, page=measure.page, in_document=None, text="\n".join(lines))
