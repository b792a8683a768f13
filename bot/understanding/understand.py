"""`understand(text, context)`: intent, language and the household updated by the text."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from bot.understanding import language, words
from bot.understanding.answers import short_answer
from bot.understanding.consistency import school_year_ages, without_impossible
from bot.understanding.corrections import correct
from bot.understanding.facts import segment_facts
from bot.understanding.model import Conflict, Context, Intent, Understanding
from bot.understanding.normalise import normalise
from bot.understanding.people import CHILD_NOUN, Person, Segment, noun_sex, pronoun_sex, segments
from bot.understanding.pivot import to_japanese
from knowledge.household import Household

KIDS = re.compile(r"子ども|子供|こども|きょうだい|兄弟|姉妹|息子|娘|\bkids?\b|children|\bchild\b|\bboys\b|\bgirls\b|"
                  r"\bsons\b|daughters|twins")
NAMED = re.compile(words.CHILD_NOUNS + "|" + words.ADULT_NOUNS)
PEOPLE_KEYS = {"children", "adults", "child.age", "adult.age", "child.school_year"}


def _paths(data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key in ("children", "adults") and value is not None:
            out[key] = len(value)
            for i, member in enumerate(value):
                for field, v in member.items():
                    out[f"{key}.{i}.{field}"] = v
        else:
            out[key] = value
    return out


def _changed(before: Household, after: Household) -> tuple[str, ...]:
    a, b = _paths(before.model_dump()), _paths(after.model_dump())
    return tuple(k for k in b if b[k] != a.get(k) and b[k] is not None)


class _Builder:
    """Applies people and facts to a mutable copy of the household, then validates it once."""

    def __init__(self, household: Household) -> None:
        data = household.model_dump()
        self.children: list[dict[str, Any]] | None = data["children"]
        self.adults: list[dict[str, Any]] | None = data["adults"]
        self.rest = {k: v for k, v in data.items() if k not in ("children", "adults")}
        self.last_adult: int | None = None  # the adult the latest fact went to

    def add_person(self, person: Person) -> tuple[str, int]:
        if person.kind == "adult":
            self.adults = self.adults or []
            ageless = [i for i, a in enumerate(self.adults) if a.get("age") is None and not a.get("_new")]
            if len(ageless) == 1 and person.age is not None:  # 「夫に重い障害が…」 then 「40歳です」: the same person
                self.adults[ageless[0]]["age"] = person.age
                return "adults", ageless[0]
            for _ in range(2 if person.twins else 1):  # twins of adults: a pair named together (両親とも)
                self.adults.append({"age": person.age if person.age is None or 15 <= person.age <= 120 else None,
                                    **({"age_band": person.age_band} if person.age_band else {})})
            return "adults", len(self.adults) - 1
        self.children = self.children or []
        age = min(max(person.age or 0, 0), 22)
        same = [i for i, c in enumerate(self.children) if c["age"] == age and not c.get("_new")
                and (person.sex is None or c.get("sex") in (None, person.sex))]
        last = self.children[-1] if self.children else None
        child: dict[str, Any] = {"age": age, "_new": True}
        if len(same) == 1 and not person.twins:  # 「4歳の子は…」 names a child we know: update, don't duplicate
            child = self.children[same[0]]
        elif (last is not None and last.get("_inferred") and not person.inferred_age and not person.school_year
              and person.sex is None and age - last["age"] in (0, 1)):
            child = last  # 「小2で、もう8歳です」: the stated age replaces the one inferred from the school year
            child.pop("_inferred")
        else:
            self.children.append(child)
            if person.inferred_age:
                child["_inferred"] = True
            if person.twins:
                twin = {"age": age, "_new": True, **({"sex": person.sex} if person.sex else {}),
                        **({"school_year": person.school_year} if person.school_year else {}),
                        **({"school": "kudan"} if person.kudan else {})}
                self.children.append(twin)
        child["age"] = age
        if person.school_year:
            child["school_year"] = person.school_year
        if person.sex:
            child["sex"] = person.sex
        if person.kudan:
            child["school"] = "kudan"
        return "children", self.children.index(child)

    def name_adult(self, index: int | None, who: str | None) -> None:
        """Remember who an adult is (ご主人, あなた …), for wording; the first name given stays."""
        if who and index is not None and self.adults and index < len(self.adults) \
                and self.adults[index].get("relation") is None:
            self.adults[index]["relation"] = who

    def child_by(self, reference: str, sex: str | None = None) -> int | None:
        """The child a reference names; with a sex (長男, "my daughter") among the children of that sex:
        「娘は私立、息子は区立」 names each child by its sex when the sexes tell them apart."""
        if not self.children:
            return None
        order = sorted(range(len(self.children)), key=lambda i: -self.children[i]["age"])  # type: ignore[index]
        if sex is not None and (same := [i for i in order if self.children[i].get("sex") == sex]):
            if reference == "child":
                return same[0] if len(same) == 1 else None
            order = same
        if reference == "older":
            return order[0]
        if reference == "younger":
            return order[-1]
        if reference == "middle" and len(order) == 3:
            return order[1]
        return 0 if len(self.children) == 1 else None

    def set(self, key: str, index: int | None, field: str, value: object) -> None:
        if key == "household":
            if field == "business" and value != "none":  # kinds of business add up (an SME that is a startup)
                value = sorted({*(self.rest.get(field) or []), value} - {"none"})
            self.rest[field] = value
            return
        people = self.children if key == "children" else self.adults
        if people is None or index is None:
            if key == "adults":  # 「母が物忘れ」 with no age: an adult of unknown age
                self.adults = (self.adults or []) + [{}]
                self.adults[-1][field] = value
                self.last_adult = len(self.adults) - 1
            return
        people[index][field] = value
        if key == "adults":
            self.last_adult = index

    def household(self) -> Household:
        for people in (self.children or [], self.adults or []):
            for p in people:
                p.pop("_new", None)
                p.pop("_inferred", None)
        data = {**self.rest, "children": self.children, "adults": self.adults}
        return Household.model_validate(data)


def _who(text: str) -> str | None:
    return next((who for pattern, who in words.ADULT_WHO if pattern.search(text)), None)


def _resolve(builder: _Builder, scope: str, segment_ref: str | None, current: tuple[str, int | None] | None,
             context: Context, sex: str | None = None) -> tuple[str, int | None]:
    """Which member a fact of this segment belongs to."""
    if scope == "adult" or (scope == "member" and segment_ref == "adult"):
        if current and current[0] == "adults":
            return current  # index None: a person this message names for the first time
        if builder.adults:
            return "adults", len(builder.adults) - 1
        return "adults", None
    if current and (scope == "member" or current[0] == "children"):
        return current
    if segment_ref in ("older", "younger", "middle", "child"):
        return "children", builder.child_by(segment_ref, sex)
    if context.expecting and context.expecting.key.startswith("child.") and context.expecting.member is not None:
        return "children", context.expecting.member
    return "children", builder.child_by("only")


def _grade_of_current(builder: _Builder, person: Person, text: str,
                      current: tuple[str, int | None] | None) -> list[int]:
    """The children a bare school year belongs to: the child just named in this message (and its
    twin), when it has no school year yet and its age fits; [] when the year names a new child."""
    if (person.kind != "child" or person.school_year is None or not person.inferred_age or NAMED.search(text)
            or re.search(r"grader\b", text)  # "a 7-year-old and a 2nd grader": someone else
            or current is None or current[0] != "children" or current[1] is None or not builder.children):
        return []
    low, high = school_year_ages(person.school_year)
    fits = [i for i, c in enumerate(builder.children)
            if c.get("_new") and not c.get("school_year") and low <= c["age"] <= high]
    if not fits:
        return []
    # the child just named first; else, in a list ("they are 8 and 10, in 3rd and 5th grade"), the
    # first child of this message whose age fits
    first = current[1] if current[1] in fits else fits[0]
    return [i for i in fits if builder.children[i]["age"] == builder.children[first]["age"]]


def _preschool_of_current(builder: _Builder, person: Person, text: str,
                          current: tuple[str, int | None] | None) -> bool:
    """A kindergarten year said apart from the child just named (its age fits): that child, no one new."""
    if (person.kind != "child" or not person.preschool or not person.inferred_age or person.school_year
            or NAMED.search(text) or current is None or current[0] != "children" or current[1] is None
            or not builder.children):
        return False
    child = builder.children[current[1]]
    return bool(child.get("_new")) and person.age is not None and abs(child["age"] - person.age) <= 1


def _restated(builder: _Builder, person: Person, reference: str | None) -> int | None:
    """「下の子は3歳です」 when the household already has children: the younger one known before this
    message is meant (its age restated), not a new child. None when the reference names nobody known."""
    if person.kind != "child" or reference not in ("older", "younger", "middle") or not builder.children:
        return None
    if any(c.get("_new") for c in builder.children) or len(builder.children) < 2:
        return None
    return builder.child_by(reference)


def _stated(person: Person) -> dict[str, Any]:
    out: dict[str, Any] = {"age": min(max(person.age or 0, 0), 22)}
    if person.school_year:
        out["school_year"] = person.school_year
    if person.sex:
        out["sex"] = person.sex
    return out


def _extract(text: str, context: Context) -> Household:
    builder = _Builder(context.household)
    if words.NO_CHILDREN.search(text) and not builder.children:
        builder.children = []
    # Bare ages are people when we asked about people, or when the message talks about children
    # (「子どもが3人います。8歳、5歳、2歳です」).
    answering = bool(context.expecting and context.expecting.key in PEOPLE_KEYS) or bool(KIDS.search(text))
    current: tuple[str, int | None] | None = None
    named: dict[str, int] = {}  # adults named in this message → their index
    later: list[tuple[str, str, object]] = []  # facts of 上の子/下の子 said before their ages
    just_named = False  # the segment before named the current child (he/she may then refer to it)
    waiting: list[tuple[str, object]] = []  # "my daughter goes to a public school, she's in 2nd grade": facts
    waiting_sex: str | None = None          # of a child named before anything that makes it a person
    for_all: list[tuple[str, object]] = []  # said of all the children before any is named
    run: list[int] = []  # children named one after another ("my daughters, aged 3 and 5, are at …")
    listed: list[int] = []  # children of a 「と」 list without facts of their own (「9歳の息子と6歳の娘は区立」)
    for seg in segments(text, answering):
        named_before, just_named = just_named, seg.person is not None and seg.person.kind == "child"
        who = _who(seg.text) if seg.reference == "adult" or (seg.person and seg.person.kind == "adult") else None
        if seg.person is not None and words.HYPOTHETICAL.search(seg.text) and not NAMED.search(seg.text):
            continue  # 「75歳以上の…って何？」: an age in a question is not a family member
        if seg.person is not None and (same := _grade_of_current(builder, seg.person, seg.text, current)):
            for i in same:  # "my twins are 6 and in first grade": the grade of the child just named
                builder.children[i]["school_year"] = seg.person.school_year  # type: ignore[index]
                if seg.person.sex and not builder.children[i].get("sex"):  # type: ignore[index]
                    builder.children[i]["sex"] = seg.person.sex  # type: ignore[index]
        elif seg.person is not None and _preschool_of_current(builder, seg.person, seg.text, current):
            pass  # "my son is 5 and in his last year of kindergarten": the child just named, no one new
        elif seg.person is not None and (known := _restated(builder, seg.person, seg.reference)) is not None:
            builder.children[known].update(_stated(seg.person))  # type: ignore[index]
            current = ("children", known)
        elif seg.person is not None:
            current = builder.add_person(seg.person)
            if who and current[0] == "adults":
                named[who] = current[1]  # type: ignore[assignment]
                builder.name_adult(current[1], who)
            if waiting and current[0] == "children" and builder.children:
                child = builder.children[current[1]]  # type: ignore[index]
                if child.get("_new") and (waiting_sex in (None, child.get("sex")) or child.get("sex") is None):
                    child.update({"sex": child.get("sex") or waiting_sex} if waiting_sex else {})
                    for field, value in waiting:
                        builder.set("children", current[1], field, value)
                waiting, waiting_sex = [], None
        elif seg.reference in ("older", "younger", "middle"):
            index = builder.child_by(seg.reference, noun_sex(seg.text))
            current = ("children", index) if index is not None else current
        elif seg.reference == "child" and (index := builder.child_by("child", noun_sex(seg.text))) is not None:
            current = ("children", index)  # 「娘は私立」: the one daughter
        elif seg.reference == "adult" and who in named:
            current = ("adults", named[who])
        elif seg.reference == "adult" and who and named:
            current = ("adults", None)  # someone else than the adults named so far: a new person
        elif seg.reference == "adult" and builder.adults:
            current = ("adults", len(builder.adults) - 1)
        if seg.person is None and seg.reference is None and current and current[0] == "children" and named_before \
                and current[1] is not None and builder.children and builder.children[current[1]].get("_new") \
                and builder.children[current[1]].get("sex") is None and (sex := pronoun_sex(seg.text)):
            builder.children[current[1]]["sex"] = sex  # "my 4 year old is in daycare and he loves it"
        if seg.person is None and words.HYPOTHETICAL.search(seg.text):
            continue  # 「妊娠したら…」「教育ローンの利子補給って何？」 ask about a fact; they do not state it
        listed = _listed(builder, seg, current, listed)
        run = _run(seg, current, run)
        if len(run) >= 2 and seg.person is None and seg.reference is None and PLURAL_PREDICATE.match(seg.text):
            for scope, field, value in segment_facts(seg.text):
                for i in run if scope in ("child", "member") else []:
                    builder.set("children", i, field, value)
                if scope == "household":
                    builder.set("household", None, field, value)
            continue
        for _, field, value in _shared(seg, listed):
            for i in listed[:-1]:
                builder.set("children", i, field, value)
        for scope, field, value in segment_facts(seg.text):
            if scope == "household":
                builder.set("household", None, field, value)
                continue
            if scope in ("child", "member") and words.ALL_CHILDREN.search(seg.text) and builder.children:
                for i in range(len(builder.children)):
                    builder.set("children", i, field, value)
                continue
            if scope == "child" and words.ALL_CHILDREN.search(seg.text) and KIDS.search(seg.text):
                for_all.append((field, value))  # 「子どもは二人とも区立の小学校に…10歳と7歳です」: ages follow
                continue
            key, index = _resolve(builder, scope, seg.reference, current, context, noun_sex(seg.text))
            if key == "children" and index is None and seg.reference in ("older", "younger", "middle"):
                later.append((seg.reference, field, value))  # 「上の子は私立の中学…上の子は14歳」: ages come later
                continue
            if key == "children" and index is None and seg.person is None \
                    and (seg.reference == "child" or (seg.reference is None and scope == "child"
                                                      and pronoun_sex(seg.text))) \
                    and not any(c.get("_new") for c in builder.children or []):
                waiting.append((field, value))  # the child is made a person by what follows
                waiting_sex = noun_sex(seg.text) or pronoun_sex(seg.text)  # "she goes to a hoikuen …; she's 2"
                continue
            builder.set(key, index, field, value)
            if key == "adults" and builder.last_adult is not None:
                current = ("adults", builder.last_adult)
                if who:
                    named.setdefault(who, builder.last_adult)
                    builder.name_adult(builder.last_adult, who)
    for field, value in for_all:
        for i, child in enumerate(builder.children or []):
            if child.get("_new"):
                builder.set("children", i, field, value)
    for reference, field, value in later:
        if (index := builder.child_by(reference)) is not None and len(builder.children or []) > 1:
            builder.set("children", index, field, value)
    return builder.household()


# 「9歳の息子と6歳の娘は区立小学校」: what follows the last member of a 「と」 list, after は/も/が, is
# said of every member of the list; a fact before the noun (「区立小学校に通う6歳の娘」) is not.
_TOPIC = re.compile(r"^(?:さん|ちゃん|くん|君)?(?:は|も|が|とも)")


# "… aged 3 and 5, are at a nursery in another ward": a predicate whose subject is the list just named.
PLURAL_PREDICATE = re.compile(r"\s*(?:are|were|both|they|they're|all|go|attend)\b")


def _run(seg: Segment, current: tuple[str, int | None] | None, run: list[int]) -> list[int]:
    """The children named one segment after another, up to this one (a person or a noun restarts it)."""
    if seg.person is not None and seg.person.kind == "child" and current and current[0] == "children" \
            and current[1] is not None:
        return [*run, current[1]] if current[1] not in run else run
    if seg.person is not None or seg.reference is not None:
        return []
    return run


def _listed(builder: _Builder, seg: Segment, current: tuple[str, int | None] | None, listed: list[int]) -> list[int]:
    """The children of the 「と」 list this segment continues (its own child last), else []."""
    if seg.person is None or seg.person.kind != "child" or current is None or current[0] != "children" \
            or current[1] is None:
        return []
    if seg.joined_by_to and listed:
        return [*listed, current[1]]
    return [] if segment_facts(seg.text) else [current[1]]


def _shared(seg: Segment, listed: list[int]) -> list[tuple[str, str, object]]:
    """The child facts of the list's last segment said after its member (see _TOPIC)."""
    if len(listed) < 2 or not seg.joined_by_to:
        return []
    nouns = list(CHILD_NOUN.finditer(seg.text))
    if not nouns:
        return []
    tail = seg.text[nouns[-1].end():]
    if not _TOPIC.match(tail):
        return []
    return [(scope, field, value) for scope, field, value in segment_facts(tail) if scope in ("child", "member")]


def _answer(text: str, context: Context) -> Household | None:
    """A short reply to the pending question, applied to its member."""
    exp = context.expecting
    if exp is None:
        return None
    if exp.key in ("children", "adults") and words.NO.search(text) and not any(c.isdigit() for c in text):
        return context.household.model_copy(update={exp.key: []})
    value = short_answer(text, exp)
    if exp.key.endswith(".age") and (number := re.search(r"\d{1,3}", text)):
        value = int(number.group(0))
    if value is None:
        return None
    data = context.household.model_dump()
    scope, _, field = exp.key.partition(".")
    if not field:
        data[exp.key] = value
    else:
        people = data["children" if scope == "child" else "adults"] or []
        if exp.member is None or exp.member >= len(people):
            return None
        people[exp.member][field] = value
    return Household.model_validate(data)


def _intent(text: str, changed: bool, context: Context) -> Intent:
    if changed:
        return "inform"
    for name, pattern in words.INTENTS:
        if pattern.search(text) and (name not in ("greet", "thanks") or len(text) < 30):
            return name  # type: ignore[return-value]
    if words.QUESTION.search(text):
        return "question"
    return "other"


def understand(text: str, context: Context) -> Understanding:
    """Never raises: anything unreadable is `other` with the household unchanged."""
    t = normalise(text).strip()
    lang = language.detect(t, context.lang)
    before = context.household
    if (chosen := language.chosen(t)) is not None:  # 「中文」「한국어로」「やさしい にほんご」
        return Understanding("switch_language", before, (), chosen)
    if (japanese := to_japanese(t, lang)) != t:  # 「3岁的儿子」 → 「3歳の息子」 (bot/understanding/pivot.py)
        t = normalise(japanese).strip()
    if not t:
        return Understanding("other", before, (), lang)
    short = len(t) <= 40
    for name, pattern in words.INTENTS[:3]:  # erase, restart, results win over any fact in a short message
        if short and pattern.search(t):
            return Understanding(name, before, (), lang)  # type: ignore[arg-type]
    if short and words.DONT_KNOW.search(t):
        exp = context.expecting
        return Understanding("dont_know", before, (), lang, (exp.key,) if exp else ())
    try:
        fixed = correct(t, context) if words.CORRECTION.search(t) else None
        after = fixed or (_answer(t, context) if short else None) or _extract(t, context)
    except (ValidationError, ValueError, IndexError, KeyError, TypeError):
        after = before
    data, found = without_impossible(before.model_dump(), after.model_dump(), t)
    conflicts = tuple(Conflict(kind, tuple(children), stated) for kind, children, stated in found)
    if conflicts:  # an impossible child never reaches the engine: the dialogue asks instead
        after = Household.model_validate(data)
    changed = _changed(before, after)
    intent = "inform" if conflicts else _intent(t, bool(changed), context)
    return Understanding(intent, after, changed, lang, conflicts=conflicts)
