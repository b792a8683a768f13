"""Whom a resident asks: the ward office's contact, set by whoever deploys the assistant.

The document prints no phone number, counter, web page or opening hours, so none of that is
catalog data: it comes from the deployment's settings (`BF_OFFICE_*`, knowledge/settings.py),
empty by default. Every "how / where / who / contact" answer, the results text, the LINE cards
and the printed handout (`lines`, sent with /api/eligibility) show it when set; when it is empty
they say to ask at the ward office counter (区の窓口) and invent nothing.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from knowledge.languages import Lang
from knowledge.messages import message


class Contact(BaseModel):
    """The ward office as the deployment names it; every field may be empty."""

    model_config = ConfigDict(frozen=True, str_strip_whitespace=True)

    name: str = ""  # 千代田区役所
    counter: str = ""  # 子ども支援課（4階）
    phone: str = ""
    url: str = ""
    hours: str = ""

    @property
    def configured(self) -> bool:
        return any((self.name, self.counter, self.phone, self.url, self.hours))

    def place(self, lang: Lang) -> str:
        """「千代田区役所 子ども支援課（4階）」, or 「区の窓口」 when no name or counter is set."""
        return " ".join(p for p in (self.name, self.counter) if p) or message("contact.counter", lang)

    def details(self, lang: Lang) -> list[str]:
        """「電話 03-…」「受付時間 …」「ホームページ …」: only what is set."""
        return [message("contact.detail", lang, label=message(f"contact.{key}", lang), value=value)
                for key, value in (("phone", self.phone), ("hours", self.hours), ("url", self.url)) if value]

    def line(self, lang: Lang) -> str:
        """One line naming whom to ask: 「お問い合わせ：千代田区役所 子ども支援課（電話 03-…／受付時間 …）」.
        Empty when nothing is configured (the caller then says 区の窓口 in its own sentence)."""
        if not self.configured:
            return ""
        details = self.details(lang)
        inner = message("contact.details", lang, items=message("contact.details_sep", lang).join(details)) \
            if details else ""
        return message("contact.line", lang, place=self.place(lang), details=inner)

    def lines(self, lang: Lang) -> list[str]:
        """The same, one item a line, as the printed handout sets it: 「お問い合わせ：千代田区役所 …」, then
        「電話 03-…」「受付時間 …」「ホームページ …」. [] when nothing is configured (区の窓口 is then the
        handout's own sentence). Served with /api/eligibility, so the page composes no contact text."""
        if not self.configured:
            return []
        return [message("contact.line", lang, place=self.place(lang), details=""), *self.details(lang)]

    def ask_line(self, lang: Lang, otherwise: str | None = None) -> str:
        """Whom to ask: the configured contact's line, or when none is set `otherwise` — the caller's own
        sentence naming 区の窓口 (「申請方法は、区の窓口でおたずねください。」), by default
        「区の窓口でおたずねください。」. The one place that chooses between the two."""
        if self.configured:
            return self.line(lang)
        return otherwise if otherwise is not None else message("contact.ask_counter", lang)
