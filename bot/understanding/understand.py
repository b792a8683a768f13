"""`understand(text, context)`: intent, language and the household updated by the text."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from bot.understanding import language, words
from bot.understanding.answers import member_answers, short_answer
from bot.understanding.consistency import school_year_ages, stated_child_count, without_impossible
from bot.understanding.corrections import MARKER, correct, correction_start
from bot.understanding.facts import Fact, message_moving, segment_facts
from bot.understanding.model import Conflict, Context, Expecting, Intent, Understanding
from bot.understanding.normalise import normalise
from bot.understanding.people import (
    ADULT_NOUN,
    BOTH_NAMED,
    CHILD_NOUN,
    Person,
    Segment,
    bounded_band,
    composition,
    counted_kinds,
    noun_sex,
    pronoun_sex,
    range_band,
    rank_of,
    segments,
    stated_age,
)
from bot.understanding.pivot import to_japanese
from bot.understanding.pointing import (
    BACK,
    BOTH_SEX,
    EVERYONE,
    FEMALE_ADULTS,
    IF,
    MALE_ADULTS,
    ONE_TWIN,
    OTHER_TWIN,
    OTHERS,
    PLURAL_PREDICATE,
    SAME_PLACE,
    SIBLING_OF,
    SOON_WORD,
    THE_BABY,
    THE_TWINS,
    THEIR,
    THEY_ARE,
    TOPIC,
    TWO_OF,
    called,
    elided,
    given_name,
)
from bot.understanding.unaged import ANOTHER, STAGE, Mention, mention, names_several, take, unaged_children
from knowledge.household import AGE_BANDS, Adult, Household
from knowledge.languages import Lang

KIDS = re.compile(r"上から|年齢|\bages\b|子ども|子供|こども|きょうだい|兄弟|姉妹|息子|娘|\bkids?\b|children|\bchild\b|"
                  r"\bboys\b|\bgirls\b|\bsons\b|daughters|twins")
NAMED = re.compile(words.CHILD_NOUNS + "|" + words.ADULT_NOUNS)
# 「夫も」「私も」 "also", "too", "as well": the adult named is another one, not the one known with the same age.
ALSO = re.compile(rf"(?:{words.ADULT_NOUNS})(?:さん)?も|\balso\b|\btoo\b|\bas well\b")
# An adult named by a noun that is never the resident but gives no relation (「親は寝たきりです」 "my partner"):
# someone new when the last adult known is the resident.
SOMEONE_ELSE = re.compile(r"(?<![母父])親(?![子切族戚])|両親|\bparents?\b|grandparents|in-laws|\bspouse\b|\bpartner\b")
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
        self.born_with: dict[int, list[int]] = {}  # a twin → all the children born with it (facts go to each)
        self.singled: int | None = None  # a twin the words name apart (「双子の兄は…」): its facts are its own

    def add_person(self, person: Person, back: bool = False, who: str | None = None,
                   also: bool = False) -> tuple[str, int]:
        """Add (or find again) a person; `back`: the words point back at someone already named
        ("The 10-year-old has …", 「5歳の子は…」), so a child of that age named earlier in this message is meant;
        `also`: the words say this person is another one (「夫も40歳です」 "my husband is 40 too")."""
        if person.kind == "adult":
            self.adults = self.adults or []
            # the one adult known without an age, unless the words name someone else (「80代の母…私は55歳」)
            # or its band cannot hold this age
            ageless = [i for i, a in enumerate(self.adults) if a.get("age") is None and not a.get("_new")
                       and (who is None or a.get("relation") in (None, who))
                       and (person.age is None or not a.get("age_band")
                            or AGE_BANDS[a["age_band"]][0] <= person.age <= AGE_BANDS[a["age_band"]][1])]
            if len(ageless) == 1 and person.age is not None:  # 「夫に重い障害が…」 then 「40歳です」: the same person
                self.adults[ageless[0]]["age"] = person.age
                return "adults", ageless[0]
            # "I am 40 like I said": an adult known before this message with this very age is the same person
            # (unless the words name someone of another relation, or say it is someone else of that age too)
            again = [i for i, a in enumerate(self.adults) if person.age is not None and a.get("age") == person.age
                     and not a.get("_here") and not also and (who is None or a.get("relation") in (None, who))]
            if len(again) == 1:
                return "adults", again[0]
            for _ in range(2 if person.twins else 1):  # twins of adults: a pair named together (両親とも)
                self.adults.append({"age": person.age if person.age is None or 15 <= person.age <= 120 else None,
                                    **({"age_band": person.age_band} if person.age_band else {}), "_here": True})
            return "adults", len(self.adults) - 1
        self.children = self.children or []
        age = min(max(person.age or 0, 0), 22)
        same = [i for i, c in enumerate(self.children) if c["age"] == age and (back or not c.get("_new"))
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
            group = [len(self.children) - 1]
            for _ in range(person.multiple - 1 if person.twins else 0):  # 双子 two alike, 三つ子 three
                twin = {"age": age, "_new": True, **({"sex": person.sex} if person.sex else {}),
                        **({"school_year": person.school_year} if person.school_year else {}),
                        **({"school": "kudan"} if person.kudan else {})}
                self.children.append(twin)
                group.append(len(self.children) - 1)
            if len(group) > 1:
                self.born_with.update({i: group for i in group})
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

    def child_by(self, reference: str, sex: str | None = None, rank: int | None = None) -> int | None:
        """The child a reference names; with a sex (長男, "my daughter") among the children of that sex:
        「娘は私立、息子は区立」 names each child by its sex when the sexes tell them apart."""
        if not self.children:
            return None
        order = sorted(range(len(self.children)), key=lambda i: -self.children[i]["age"])  # type: ignore[index]
        if reference == "middle" and len(order) == 3 and self.children[order[1]].get("sex") in (None, sex):
            return order[1]  # 「真ん中の息子」: the middle one of three, who is a son
        if sex is not None and (same := [i for i in order if self.children[i].get("sex") == sex]):
            if rank is not None:  # 「次男は…」: the second son, when two sons are known
                return same[rank - 1] if len(same) >= rank else None
            if reference == "child":
                return same[0] if len(same) == 1 else None
            order = same
        elif sex is not None:  # 「兄は私立」 when only a daughter is known: someone else, not her
            order = [i for i in order if self.children[i].get("sex") is None]
            if not order:
                return None
        if reference == "older":
            return order[0]
        if reference == "younger":
            return order[-1]
        if reference == "middle" and len(order) == 3:
            return order[1]
        return order[0] if len(order) == 1 and len(self.children) == 1 else None

    def set(self, key: str, index: int | None, field: str, value: object, together: bool = False) -> None:
        if key == "household":
            if field == "business" and value != "none":  # kinds of business add up (an SME that is a startup)
                value = sorted({*(self.rest.get(field) or []), value} - {"none"})
            elif field == "business":
                value = ["none"]  # "I work for a company": the list the contract holds, not the bare word
            self.rest[field] = value
            return
        people = self.children if key == "children" else self.adults
        if people is not None and index is not None and index >= len(people):
            return  # a member asked about that is not there (a stale question): nobody to give it to
        if people is None or index is None:
            if key == "adults":  # 「母が物忘れ」 with no age: an adult of unknown age
                self.adults = (self.adults or []) + [{"_here": True}]
                self.adults[-1][field] = value
                self.last_adult = len(self.adults) - 1
            return
        for i in self.born_with.get(index, [index]) if key == "children" and (together or index != self.singled) \
                else [index]:
            if key == "children" and field == "daycare" and value == "none" \
                    and (people[i].get("school_year") or people[i]["age"] >= 7):
                continue  # "my youngest (9) is at home": a school child's day, not a daycare answer
            people[i][field] = value  # "our twins are 4 and go to a ward nursery": both go
        if key == "adults":
            self.last_adult = index

    def twin_named(self, index: int, seg: Segment) -> bool:
        """Whether the words name one of children born together apart from the others: by rank (兄/妹,
        上の子, "the older one", 次男) or by a sex the others do not share."""
        group = self.born_with.get(index, [])
        if len(group) < 2 or self.children is None:
            return False
        sexes = {self.children[i].get("sex") for i in group}
        return seg.reference in ("older", "younger", "middle") or rank_of(seg.text) is not None \
            or (noun_sex(seg.text) is not None and len(sexes) > 1)

    def other_twin(self, seg: Segment, current: tuple[str, int | None] | None) -> int | None:
        """「1人は特別支援学級、もう1人は通常学級」 "one is …, and his brother …": one of two children born
        together, then the other one, each named apart from the other."""
        if current is None or current[0] != "children" or current[1] is None:
            return None
        group = self.born_with.get(current[1], [])
        if len(group) == 2 and current[1] == self.singled and OTHER_TWIN.search(seg.text):
            return group[1] if current[1] == group[0] else group[0]
        if len(group) >= 2 and ONE_TWIN.search(seg.text) and not OTHER_TWIN.search(seg.text):
            return group[0]
        return None

    def household(self) -> Household:
        for people in (self.children or [], self.adults or []):
            for p in people:
                p.pop("_new", None)
                p.pop("_inferred", None)
                p.pop("_here", None)
        data = {**self.rest, "children": self.children, "adults": self.adults}
        return Household.model_validate(data)


def _related(builder: _Builder, who: str) -> list[int]:
    """The adults known to be `who` (the mother, "me"): the words naming them mean them, not the last adult."""
    return [i for i, a in enumerate(builder.adults or []) if a.get("relation") == who]


def _resolve(builder: _Builder, scope: str, segment_ref: str | None, current: tuple[str, int | None] | None,
             context: Context, sex: str | None = None) -> tuple[str, int | None]:
    """Which member a fact of this segment belongs to."""
    exp = context.expecting
    if exp and exp.key.startswith("adult.") and exp.member is not None and exp.member < len(builder.adults or []) \
            and current is None and segment_ref is None and scope in ("adult", "member"):
        return "adults", exp.member  # 「寝たきりです」「手帳を持っています」 answering about the adult asked of
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
    if context.expecting and context.expecting.key.startswith("child.") and context.expecting.member is not None \
            and context.expecting.member < len(builder.children or []):
        return "children", context.expecting.member
    return "children", builder.child_by("only")


def _pronoun_target(builder: _Builder, current: tuple[str, int | None] | None, sex: str, named: dict[str, int],
                    adult_named: dict[str, str], unnamed_who: str | None
                    ) -> tuple[tuple[str, int | None] | None, str | None]:
    """Who he/she is when the member just named cannot be: among the children, the one child of that sex
    (the child just named of the other sex is not "he"); among the adults, the adult of that sex named last
    ("my husband and I … He has a certificate")."""
    kids = builder.children or []
    if current and current[0] == "children" and current[1] is not None and current[1] < len(kids) \
            and kids[current[1]].get("sex") not in (None, sex):
        same = [i for i, c in enumerate(kids) if c.get("sex") == sex]
        return (("children", same[0]) if len(same) == 1 else current), unnamed_who
    if current and current[0] == "adults" and (who := adult_named.get(sex)) is not None:
        at = current[1]
        relation = (builder.adults or [])[at].get("relation") if at is not None and at < len(builder.adults or []) \
            else unnamed_who
        if relation in MALE_ADULTS | FEMALE_ADULTS and (relation in MALE_ADULTS) == (sex == "male"):
            return current, unnamed_who  # "my husband … he": the adult just named
        return (("adults", named[who]) if who in named else ("adults", None)), who
    return current, unnamed_who


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


_SAME_SUBJECT = re.compile(r"^\s*(?:and\s+)?(?:(?:is|he's|she's|he is|she is)\s+)?(?:now\s+)?"
                           r"in (?:his|her|the|\d{1,2}(?:st|nd|rd|th))\b")


def _clashes_with_current(builder: _Builder, seg: Segment, current: tuple[str, int | None] | None,
                          named_before: bool) -> str | None:
    """A school or kindergarten year said right after a child, of the same child ("… is 9 and in his
    last year of kindergarten"), that its age cannot have: "school_year" or "preschool"; None if it fits."""
    person = seg.person
    if person is None or person.kind != "child" or not person.inferred_age or not named_before \
            or not _SAME_SUBJECT.match(seg.text) or NAMED.search(seg.text) or current is None \
            or current[0] != "children" or current[1] is None or not builder.children \
            or current[1] != len(builder.children) - 1 or not builder.children[-1].get("_new"):
        return None
    age = builder.children[-1]["age"]
    if person.school_year is not None:
        low, high = school_year_ages(person.school_year)
        return None if low <= age <= high else "school_year"
    if person.preschool_age is not None and abs(age - person.preschool_age) > 1:
        return "preschool"
    return None


def _year_of_named(builder: _Builder, seg: Segment) -> int | None:
    """A school or kindergarten year said of a child the words name (上の子, 娘, 次男) and whose age
    fits it: that child (its school year recorded), not a new one. None otherwise."""
    person = seg.person
    if person is None or person.kind != "child" or not person.inferred_age or not builder.children:
        return None
    reference = seg.reference or ("child" if CHILD_NOUN.search(seg.text) else None)
    if reference is None or (reference != "child" and len(builder.children) < 2) \
            or (index := builder.child_by(reference, noun_sex(seg.text), rank_of(seg.text))) is None:
        return None  # 「年中の兄と年少の弟」: 弟 is not the one child named so far
    child = builder.children[index]
    if person.school_year is not None:
        low, high = school_year_ages(person.school_year)
        if not low <= child["age"] <= high or child.get("school_year") not in (None, person.school_year):
            return None
        child["school_year"] = person.school_year
    elif not person.preschool or person.age is None or abs(child["age"] - person.age) > 1 \
            or child.get("school_year"):
        return None
    if person.sex and not child.get("sex"):
        child["sex"] = person.sex
    return index


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


def _extract(text: str, context: Context, answered: tuple[str, str, object, int] | None = None
             ) -> tuple[Household, int]:
    """The household the text describes, and how many children it named without an age; `answered` (scope,
    field, value, member): what the short answer at its head said, which a later clause may say of another."""
    builder = _Builder(context.household)
    known_children = bool(builder.children)
    # "I have 3 kids, not 2. The youngest is 1": with more children than known, 下の子 is someone new
    more_than_known = (stated_child_count(text) or 0) > len(builder.children or [])
    pending: list[Mention] = []  # children named by a noun, not (yet) given an age
    if words.NO_CHILDREN.search(text) and not builder.children:
        builder.children = []
    # Bare ages are people when we asked about people, or when the message talks about children
    # (「子どもが3人います。8歳、5歳、2歳です」).
    answering = bool(context.expecting and context.expecting.key in PEOPLE_KEYS) or bool(KIDS.search(text))
    current: tuple[str, int | None] | None = None
    named: dict[str, int] = {}  # adults named in this message → their index
    later: list[tuple[str, str, object, str | None, int | None]] = []  # facts of 上の子/下の子/長女 said before
    # their ages, with the sex and rank the words give
    just_named = False  # the segment before named the current child (he/she may then refer to it)
    # "my daughter goes to a public school, she's in 2nd grade": facts of children named before anything makes
    # them persons, one group per child named (「息子は手帳を持っていて、娘は持っていません。息子は10歳、娘は7歳」),
    # each with the sex its words say
    waiting: list[tuple[str | None, list[tuple[str, object]]]] = []
    waiting_from = -1  # the segment that named the last waiting child
    for_all: list[tuple[str, object]] = []  # said of all the children before any is named
    contradicted = 0  # children described impossibly in a way no Conflict kind holds: counted as unaged
    orphans: list[tuple[str, object]] = []  # child facts said before any child: the message's one child's
    referred: tuple[str, int | None] | None = None  # the child the last reference named ("the younger one")
    unnamed_who: str | None = None  # the relation of an adult named before any fact or age made it a person
    names: dict[str, int] = {}  # a child's given name said with its age ("Ken (12)", 「ゆうと（3）」) → the child
    adult_named: dict[str, str] = {}  # the last adult of each sex the words named (husband → "male")
    run: list[int] = []  # children named one after another ("my daughters, aged 3 and 5, are at …")
    listed: list[int] = []  # children of a 「と」 list without facts of their own (「9歳の息子と6歳の娘は区立」)
    said: list[tuple[str, str, object]] = []
    before: tuple[list[tuple[str, str, object]], tuple[str, int | None] | None] = \
        ([(answered[0], answered[1], answered[2])], ("children" if answered[0] == "child" else "adults", answered[3])) \
        if answered else ([], None)  # the last facts
    # said, and of whom
    for number, seg in enumerate(segments(text, answering)):
        # the child named last is still the subject through clauses that name nobody ("… (9) is at home. He …")
        named_before, just_named = just_named, (seg.person is not None and seg.person.kind == "child") \
            or (just_named and seg.person is None and seg.reference is None)
        adult = seg.reference == "adult" or (seg.person is not None and seg.person.kind == "adult")
        who = words.adult_who(seg.text) if adult else None
        if seg.person is not None and words.HYPOTHETICAL.search(seg.text) \
                and (not NAMED.search(seg.text) or IF.search(seg.text)):
            continue  # 「75歳以上の…って何？」「75歳以上の親がいる場合は？」: an age in a question is no member
        unnamed = False  # this segment names a child nobody known is (「兄は中学生」 with no son known)
        by_name: int | None = None  # the child this segment names by a given name said before
        size = len(builder.children or [])
        if seg.person is not None and (same := _grade_of_current(builder, seg.person, seg.text, current)):
            for i in same:  # "my twins are 6 and in first grade": the grade of the child just named
                builder.children[i]["school_year"] = seg.person.school_year  # type: ignore[index]
                if seg.person.sex and not builder.children[i].get("sex"):  # type: ignore[index]
                    builder.children[i]["sex"] = seg.person.sex  # type: ignore[index]
        elif seg.person is not None and THEY_ARE.match(seg.text) and current and current[0] == "children" \
                and current[1] is not None and builder.children and all(
                    builder.children[i]["age"] == seg.person.age
                    for i in builder.born_with.get(current[1], [current[1]])):
            pass  # "our twins start school next April; they're 5": the age they were already given
        elif seg.person is not None and _preschool_of_current(builder, seg.person, seg.text, current):
            pass  # "my son is 5 and in his last year of kindergarten": the child just named, no one new
        elif seg.person is not None and seg.person.kind == "child" and SOON_WORD.search(seg.text) \
                and not CHILD_NOUN.search(seg.text) and current and current[0] == "children" \
                and current[1] is not None and builder.children \
                and builder.children[current[1]].get("_new") \
                and abs(builder.children[current[1]]["age"] - (seg.person.age or 0)) <= 1:
            pass  # 「生後11か月、来月で1歳です」: the birthday of the child just named
        elif seg.person is not None and seg.person.kind == "adult" and seg.person.age is not None \
                and not ADULT_NOUN.search(seg.text) and current and current[0] == "adults" and current[1] is not None \
                and builder.adults and builder.adults[current[1]].get("age") is None:
            builder.adults[current[1]]["age"] = seg.person.age  # 「父は物忘れが…。年は88です」: the adult just named
        elif seg.person is not None and (known := _year_of_named(builder, seg)) is not None:
            current = ("children", known)  # 「上の子は6歳。上の子は年長クラス」: the school year of a child named
            builder.singled = known if builder.twin_named(known, seg) else None
        elif seg.person is not None and not more_than_known \
                and (known := _restated(builder, seg.person, seg.reference)) is not None:
            builder.children[known].update(_stated(seg.person))  # type: ignore[index]
            current = ("children", known)
        elif seg.person is not None and (clash := _clashes_with_current(builder, seg, current, named_before)):
            if clash == "school_year":  # "my son is 9 and in first grade": built impossible, then asked about
                builder.children[current[1]]["school_year"] = seg.person.school_year  # type: ignore[index]
            else:
                builder.children.pop()  # type: ignore[union-attr]
                if not builder.children and context.household.children is None:
                    builder.children = None
                current = None  # the child it was said of is no longer there
                contradicted += 1  # "my son is 9 and in his last year of kindergarten": his age is asked for
        elif seg.person is not None and seg.person.kind == "child" and seg.person.preschool_age is not None \
                and not seg.person.inferred_age and abs((seg.person.age or 0) - seg.person.preschool_age) > 1:
            contradicted += 1  # 「年長の息子が8歳」: no such child is built; its age is asked for instead
        elif seg.person is not None:
            # "her big sister": the child named before, or else the child the question was about
            # ("Kojimachi junior high. And his little sister is 10", answering about the one child known)
            asked = context.expecting.member if context.expecting and context.expecting.key.startswith("child.") \
                else None
            of = current[1] if current and current[0] == "children" else asked if current is None else None
            if (sib := SIBLING_OF.search(seg.text)) and of is not None and builder.children \
                    and of < len(builder.children) and not builder.children[of].get("sex"):
                builder.children[of]["sex"] = "male" if sib.group(1) == "his" else "female"
            current = builder.add_person(seg.person, bool(BACK.search(seg.text)), who, bool(ALSO.search(seg.text)))
            builder.singled = None
            if current[0] == "children" and (given := given_name(seg.text)) and not NAMED.fullmatch(given):
                names[given] = current[1]  # type: ignore[assignment]  # "Ken (12)": named later by "Ken"
            if current[0] == "children" and (born := builder.born_with.get(current[1] or 0)) \
                    and len({tuple(g) for g in builder.born_with.values()}) == 1 \
                    and (told := composition(text)) and len(told) == len(born):
                for i, twin_sex in zip(born, told, strict=True):  # "twins, a boy and a girl", before their facts
                    builder.children[i]["sex"] = twin_sex  # type: ignore[index]
            if current[0] == "children" and len(builder.children or []) > size \
                    and (earlier := take(pending, seg.person.sex)) is not None \
                    and earlier.sex and not CHILD_NOUN.search(seg.text):
                builder.children[current[1]].setdefault("sex", earlier.sex)  # type: ignore[index]
            for _ in range(len(builder.children or []) - size - 1 if seg.person.twins else 0):
                take(pending, None)  # 「姉と弟の双子（3歳）」: each twin is one of the children named before
            if who and current[0] == "adults":
                named[who] = current[1]  # type: ignore[assignment]
                builder.name_adult(current[1], who)
            if waiting and current[0] == "children" and builder.children:
                child = builder.children[current[1]]  # type: ignore[index]
                fits = [n for n, (sex, _) in enumerate(waiting) if sex in (None, child.get("sex"))
                        or child.get("sex") is None]
                if child.get("_new") and fits:
                    waiting_sex, facts = waiting[fits[0]]
                    child.update({"sex": child.get("sex") or waiting_sex} if waiting_sex else {})
                    for field, value in facts:
                        builder.set("children", current[1], field, value)
                waiting = waiting[fits[0] + 1:] if fits and len(waiting) > 1 else []  # the others wait on
        elif seg.person is None and (by_name := called(seg.text, names)) is not None \
                and by_name < len(builder.children or []):
            current = referred = ("children", by_name)  # "Mai has a chronic illness"
        elif seg.person is None and THE_BABY.search(seg.text) \
                and len(babies := [i for i, c in enumerate(builder.children or []) if c["age"] <= 1]) == 1:
            current = referred = ("children", babies[0])  # "… and a 4 year old boy. The baby is at home"
        elif seg.person is None and (other := builder.other_twin(seg, current)) is not None:
            current = ("children", other)  # 「双子の兄は特別支援学級、もう1人は通常学級」: the other twin
            builder.singled = other
        elif seg.reference in ("older", "younger", "middle", "child") and not ANOTHER.search(seg.text) \
                and (index := builder.child_by(seg.reference, noun_sex(seg.text), rank_of(seg.text))) is not None:
            current = referred = ("children", index)  # 「娘は私立」: the one daughter
            builder.singled = index if builder.twin_named(index, seg) else None
            named_child = (builder.children or [])[index]
            if (sex := noun_sex(seg.text)) and not named_child.get("sex") \
                    and seg.reference in ("older", "younger", "middle"):
                named_child["sex"] = sex  # 「8歳と5歳で、上が男の子」: the noun says who the older one is
        elif seg.reference in ("older", "younger", "middle", "child") and not words.HYPOTHETICAL.search(seg.text):
            if (m := mention(seg.text, noun_sex(seg.text), known_children)) is not None:
                pending.append(m)
            unnamed, current = True, ("children", None)  # its facts wait for its age, or stay unsaid
        elif seg.person is None and seg.reference is None and STAGE.search(seg.text) \
                and not words.HYPOTHETICAL.search(seg.text) \
                and (m := mention(seg.text, None, known_children)) is not None:
            pending.append(m)  # 「子どもは中学生と小学生です」: the 小学生 is a child whose age is asked
        elif seg.reference == "adult" and who in named:
            current = ("adults", named[who])
        elif seg.reference == "adult" and who and len(those_who := _related(builder, who)) == 1:
            current = ("adults", those_who[0])  # 「私は手帳を持っています」 with [me, mother] known: the resident
        elif seg.reference == "adult" and who and named:
            current = ("adults", None)  # someone else than the adults named so far: a new person
        elif seg.reference == "adult" and builder.adults \
                and (who is None or builder.adults[-1].get("relation") in (None, who)) \
                and not (who is None and builder.adults[-1].get("relation") == "me" and SOMEONE_ELSE.search(seg.text)):
            current = ("adults", len(builder.adults) - 1)
        elif seg.reference == "adult" and builder.adults and not words.HYPOTHETICAL.search(seg.text):
            current = ("adults", None)  # 「夫は手帳を…」 when the last adult is known to be the mother: someone new
            unnamed_who = who
        elif seg.reference == "adult" and not words.HYPOTHETICAL.search(seg.text):
            current = ("adults", None)  # 「夫は車いすで、身体障害者手帳1級」: the facts after are this adult's
            unnamed_who = who  # 「義父が今年で…。最近物忘れが…」: who the adult made by the next fact is
        if who in MALE_ADULTS or who in FEMALE_ADULTS:
            adult_named["male" if who in MALE_ADULTS else "female"] = who
        if seg.person is None and seg.reference is None and (said_sex := pronoun_sex(seg.text)) is not None:
            # "He goes to the ward school and she's at a kindergarten": the child (or adult) of that sex
            current, unnamed_who = _pronoun_target(builder, current, said_sex, named, adult_named, unnamed_who)
        if seg.person is None and seg.reference is None and current and current[0] == "children" \
                and (named_before or referred == current) and current[1] is not None and builder.children \
                and (builder.children[current[1]].get("_new") or referred == current) \
                and builder.children[current[1]].get("sex") is None and (sex := pronoun_sex(seg.text)):
            builder.children[current[1]]["sex"] = sex  # "my 4 year old is in daycare and he loves it"
        if seg.person is None and (both := BOTH_SEX.match(seg.text)):
            sex = "male" if (both.group("en") or both.group("ja")) in ("boys", "男の子") else "female"
            for child in builder.children or []:
                if child.get("_new") and child.get("sex") is None:
                    child["sex"] = sex  # "Kids are 10 and 7. Both boys."
        if seg.person is None and words.HYPOTHETICAL.search(seg.text):
            continue  # 「妊娠したら…」「教育ローンの利子補給って何？」 ask about a fact; they do not state it
        if (same_place := SAME_PLACE.search(seg.text)) and current and current[0] == "children" \
                and current[1] is not None and builder.children:
            field = "daycare" if same_place.group("daycare") or same_place.group("daycare2") else "school"
            had = [c[field] for i, c in enumerate(builder.children) if i != current[1] and c.get(field)]
            if had:  # "my son is in 1st grade at the same school": the school of the child named before
                builder.set("children", current[1], field, had[-1])
        seg_facts = segment_facts(seg.text)  # read once: the list, the shared predicate and the member's own facts
        listed = _listed(seg, current, listed, seg_facts)
        run = [] if by_name is not None else _run(seg, current, run)  # 「はなちゃんは…」: her own, not the list's
        if len(run) >= 2 and seg.person is None and seg.reference is None and PLURAL_PREDICATE.match(seg.text):
            for scope, field, value in seg_facts:
                for i in run if scope in ("child", "member") else []:
                    builder.set("children", i, field, value)
                if scope == "household":
                    builder.set("household", None, field, value)
            continue
        for _, field, value in _shared(seg, listed):
            for i in listed[:-1]:
                builder.set("children", i, field, value)
        said = list(seg_facts)
        if not said and before[0] and (seg.reference or named_before or seg.person) \
                and (before[1] != current or current == ("children", None)):
            said = elided(seg, before[0])  # 「姉は手帳を持っていて、妹は持っていません」: another member, same verb
        if said:
            before = (said, current)
        for scope, field, value in said:
            if scope == "household":
                builder.set("household", None, field, value)
                continue
            if scope in ("child", "member") and OTHERS.search(seg.text) and referred is not None \
                    and referred[1] is not None and len(builder.children or []) > 2:
                for i in range(len(builder.children or [])):  # 「真ん中だけ私立で、あとの2人は区立」: all but that one
                    if i != referred[1]:
                        builder.set("children", i, field, value)
                continue
            if scope in ("child", "member") and (pair := TWO_OF.search(seg.text)) and len(builder.children or []) > 2:
                kids = builder.children or []
                by_age = sorted(range(len(kids)), key=lambda i: -kids[i]["age"])
                for i in by_age[:2] if pair.group("older") else by_age[-2:]:
                    builder.set("children", i, field, value)  # "the two older ones attend ward schools"
                continue
            groups = {tuple(g) for g in builder.born_with.values()}
            if scope in ("child", "member") and seg.person is None and THE_TWINS.search(seg.text) and len(groups) == 1:
                builder.set("children", next(iter(groups))[0], field, value, True)  # "The twins go to a ward school"
                continue
            several = words.ALL_CHILDREN.search(seg.text) or BOTH_NAMED.search(seg.text) \
                or (seg.person is None and names_several(seg.text)
                                                              and seg.reference not in ("older", "younger", "middle"))
            if scope in ("child", "member") and several and builder.children:
                for i in range(len(builder.children)):
                    builder.set("children", i, field, value)
                continue
            if several and (scope == "child" or (scope == "member" and CHILD_NOUN.search(seg.text))):
                for_all.append((field, value))  # 「子どもは二人とも区立の小学校に…10歳と7歳です」: ages follow
                continue
            key, index = _resolve(builder, scope, seg.reference, current, context, noun_sex(seg.text))
            if key == "children" and index is None and (seg.reference in ("older", "younger", "middle")
                                                        or (seg.person is None and rank_of(seg.text) is not None)):
                # 「上の子は私立の中学…上の子は14歳」: ages come later
                later.append((seg.reference or "child", field, value, noun_sex(seg.text), rank_of(seg.text)))
                continue
            named_later = unnamed or current == ("children", None)  # a child named, its age still to come
            pronoun = seg.reference == "child" or (seg.reference is None and scope == "child" and pronoun_sex(seg.text))
            if key == "children" and index is None and seg.person is None \
                    and (named_later or (pronoun and not any(c.get("_new") for c in builder.children or []))):
                # the child is made a person by what follows; "she goes to a hoikuen …; she's 2"
                if not waiting or (waiting_from != number and CHILD_NOUN.search(seg.text)):
                    waiting.append((noun_sex(seg.text) or pronoun_sex(seg.text), []))
                    waiting_from = number
                waiting[-1][1].append((field, value))
                continue
            if key == "children" and index is None and seg.person is None and seg.reference is None \
                    and not builder.children:
                orphans.append((field, value))  # 「保育園は区外で、2歳の娘です」: said before the one child is named
                continue
            # "the older twin is in a special class at their ward school": the school is both twins'
            together = field in ("school", "daycare") and bool(THEIR.search(seg.text))
            builder.set(key, index, field, value, together)
            if key == "adults" and builder.last_adult is not None:
                current = ("adults", builder.last_adult)
                if who or (index is None and unnamed_who):
                    named.setdefault(who or unnamed_who, builder.last_adult)  # type: ignore[arg-type]
                    builder.name_adult(builder.last_adult, who or unnamed_who)
                unnamed_who = None
    if orphans and not known_children and len(builder.children or []) == 1:
        for field, value in orphans:
            builder.children[0].setdefault(field, value)  # type: ignore[index]
    elif orphans and not builder.children and len(here := [a for a in builder.adults or [] if a.get("_here")]) == 1 \
            and len(builder.adults or []) == 1:
        for field, value in orphans:  # 「精神障害者保健福祉手帳を持っています。私は35歳です」: the one adult named
            if field in Adult.model_fields:
                here[0].setdefault(field, value)
    for field, value in for_all:
        for i, child in enumerate(builder.children or []):
            if child.get("_new"):
                builder.set("children", i, field, value)
    for reference, field, value, sex, rank in later:
        # 上の子 needs another child to be the older one; 長女 (a rank with its sex) may be the only one
        if (index := builder.child_by(reference, sex, rank)) is not None \
                and (len(builder.children or []) > 1 or rank is not None):
            builder.singled = index  # 「双子の兄は特別支援学級…2人とも小3」: the older twin only
            if sex and not builder.children[index].get("sex"):  # type: ignore[index]
                builder.children[index]["sex"] = sex  # type: ignore[index]
            builder.set("children", index, field, value)
    if (listed_sexes := counted_kinds(text)) is not None:
        new = [c for c in builder.children or [] if c.get("_new")]
        if len(new) == len(listed_sexes) and not builder.born_with:
            for child, sex in zip(new, listed_sexes, strict=True):  # 「息子2人と娘1人で、12歳、9歳、4歳」
                child["sex"] = sex
    groups = {tuple(g) for g in builder.born_with.values()}
    if len(groups) == 1 and (sexes := composition(text)) and len(sexes) == len(group := next(iter(groups))):
        for i, sex in zip(group, sexes, strict=True):  # 「双子（男女）」 "triplets, two boys and a girl"
            builder.children[i]["sex"] = sex  # type: ignore[index]
    if builder.rest.get("moving") == context.household.moving and (moving := message_moving(text)):
        builder.set("household", None, "moving", moving)
    household = builder.household()
    return household, unaged_children(text, len(household.children or []), pending) + contradicted


def _run(seg: Segment, current: tuple[str, int | None] | None, run: list[int]) -> list[int]:
    """The children named one segment after another, up to this one (a person or a noun restarts it)."""
    if seg.person is not None and seg.person.kind == "child" and current and current[0] == "children" \
            and current[1] is not None:
        return [*run, current[1]] if current[1] not in run else run
    if seg.person is not None or seg.reference is not None:
        return []
    return run


def _listed(seg: Segment, current: tuple[str, int | None] | None, listed: list[int],
            seg_facts: list[Fact]) -> list[int]:
    """The children of the 「と」 list this segment continues (its own child last), else []."""
    if seg.person is None or seg.person.kind != "child" or current is None or current[0] != "children" \
            or current[1] is None:
        return []
    if seg.joined_by_to and listed:
        return [*listed, current[1]]
    return [] if seg_facts else [current[1]]


def _shared(seg: Segment, listed: list[int]) -> list[tuple[str, str, object]]:
    """The child facts of the list's last segment said after its member (see TOPIC)."""
    if len(listed) < 2 or not seg.joined_by_to:
        return []
    nouns = list(CHILD_NOUN.finditer(seg.text))
    if not nouns:
        return []
    tail = seg.text[nouns[-1].end():]
    if not TOPIC.match(tail):
        return []
    return [(scope, field, value) for scope, field, value in segment_facts(tail) if scope in ("child", "member")]


def _answer(text: str, context: Context) -> Household | None:
    """A short reply to the pending question, applied to its member."""
    exp = context.expecting
    if exp is None:
        return None
    if (each := member_answers(text, exp, context.household)) is not None:
        return each  # 「上の子は区内、下の子は区外です」: said of each member it names
    if exp.key in ("children", "adults") and words.NO.search(text) and not any(c.isdigit() for c in text):
        return context.household.model_copy(update={exp.key: []})
    value = short_answer(text, exp)
    if exp.key == "adult.age" and (band := range_band(text) or bounded_band(text)):
        # "between 65 and 74", "75 or older": the band, not 65 or 75
        exp, value = Expecting("adult.age_band", exp.member), band
    elif exp.key.endswith(".age") and (number := re.search(r"\d{1,3}", text)):
        # 「7か月です」 "7 months" 「もうすぐ3歳」: a child's age as the age reader takes it, not the first number
        stated = stated_age(text) if exp.key == "child.age" else None
        value = stated if stated is not None else int(number.group(0))
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
        for member in people if scope == "child" and words.ALL_CHILDREN.search(text) and field != "age" \
                else [people[exp.member]]:
            member[field] = value  # "Both go to a ward-run nursery": every child
        if field == "disability_certificate" and EVERYONE.search(text):
            for member in (data["children"] or []) + (data["adults"] or []):
                member[field] = value  # "None of us has one", 「家族は誰も持っていません」: every member
    try:
        return Household.model_validate(data)
    except ValidationError:
        return None  # 「4歳です」 answering an adult's age: not an answer; read the text as a statement


def _intent(text: str, changed: bool, context: Context) -> Intent:
    if changed:
        return "inform"
    for name, pattern in words.INTENTS:
        if pattern.search(text) and (name not in ("greet", "thanks") or len(text) < 30):
            return name  # type: ignore[return-value]
    if words.QUESTION.search(text):
        return "question"
    return "inform" if words.ABOUT_HOUSEHOLD.search(text) else "other"  # 「3人家族です」: inform, nothing held


def _safe_extract(text: str, context: Context) -> Household:
    """The household the text's facts give (the context's when they give none or cannot be read)."""
    try:
        return _extract(text, Context(context.household, None, context.last_changed))[0]
    except (ValidationError, ValueError, IndexError, KeyError, TypeError):
        return context.household


_CLAUSES = re.compile(r"[。．!！?？\n、,]|\.(?=\s|$)")


def _pronoun_sex(text: str, context: Context, after: Household) -> Household:
    """"She goes to a nursery in Minato" about the child asked about (or the only child, when the
    message names no adult): he/she says that child's sex, when it was not known."""
    sex = pronoun_sex(text)
    kids = after.children or []
    if sex is None or not kids or NAMED.search(re.sub(r"\b(?:he|she|i|i'm|me|my)\b", "", text)):
        return after
    exp = context.expecting
    # the only child, when the message said something of it ("She's 70" with a child known is someone else)
    index = exp.member if exp and exp.key.startswith("child.") and exp.member is not None else \
        0 if len(kids) == 1 and len(context.household.children or []) == 1 \
        and kids != context.household.children else None
    if index is None or index >= len(kids) or kids[index].sex is not None:
        return after
    return after.model_copy(update={"children": [k.model_copy(update={"sex": sex}) if i == index else k
                                                 for i, k in enumerate(kids)]})


# "No, we haven't borrowed anything for education.": a long reply that opens with the answer itself.
_HEAD = re.compile(r"\s*(?:はい|いいえ|いえ|うん|ううん|yes|yeah|yep|no|nope|nah)\s*(?=[、,。.!！])")


def _head_answer(text: str, context: Context) -> Household | None:
    head = _HEAD.match(text)
    return _answer(head.group(0), context) if head else None


def _answered(exp: Expecting | None, after: Household) -> tuple[str, str, object, int] | None:
    """The member fact a short answer gave ("No" to 「手帳をお持ちですか」 → the child's certificate false)."""
    if exp is None or exp.member is None or "." not in exp.key:
        return None
    scope, field = exp.key.split(".", 1)
    people = (after.children if scope == "child" else after.adults) or []
    if exp.member >= len(people) or not hasattr(people[exp.member], field):
        return None
    value = getattr(people[exp.member], field)
    return (scope, field, value, exp.member) if value is not None else None


def _then_corrected(first: str, then: str, context: Context, lang: Lang) -> Understanding | None:
    """「78です。あ、あと私は40じゃなくて41でした」: the sentences before a correction are read first (an answer,
    facts), then the correction, against what they gave. None when they give nothing ("3 kids. Sorry, 4!": the
    count taken back is read with the whole message)."""
    head = understand(first, context)
    if not head.changed:
        return None
    # what the head just said is corrected only after a word that says so (「あ、」「いや」"No wait"); else only
    # an old value the correction names (「私は40じゃなくて41」), never a statement's 「私立ではなく区立」
    after = Context(head.household, None, head.changed if MARKER.match(then) else (), lang)
    if correct(then, after)[0] is None:
        return None  # no correction after all: the whole message is read as one
    tail = understand(then, after)
    changed = _changed(context.household, tail.household)
    unaged = head.unaged_children + tail.unaged_children
    conflicts = head.conflicts + tail.conflicts
    intent = "inform" if changed or unaged or conflicts else tail.intent if tail.intent != "other" else head.intent
    return Understanding(intent, tail.household, changed, lang, conflicts=conflicts,  # type: ignore[arg-type]
                         unaged_children=unaged)


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
    # 「娘は小1です。結果はまだわかりません」: a don't-know that comes after facts does not drop them
    if short and words.DONT_KNOW.search(t) and _safe_extract(t, context) == before:
        exp = context.expecting
        return Understanding("dont_know", before, (), lang, (exp.key,) if exp else ())
    if (start := correction_start(t)) > 0 and t[:start].strip(" 。.!！") \
            and (both := _then_corrected(t[:start], t[start:].strip(), context, lang)) is not None:
        return both
    unaged = 0
    try:
        fixed, rest = correct(t, context)
        # 「はい。下の子は持っていません」: an answer, then another member named: the answer is its head only
        others = (head := _HEAD.match(t)) is not None and NAMED.search(t[head.end():]) is not None
        after = fixed or (_answer(t, context) if short and not others else _head_answer(t, context))
        if fixed is not None and rest:
            # 「下の子は8歳ではなく9歳、上の子は11歳です」: what follows the correction, about the corrected household
            changed = _changed(before, fixed)
            # 「下の子は4歳じゃなくて5歳です。保育園は区外です」: the rest is said of the member just corrected
            kids = {int(m.group(1)) for path in changed if (m := re.match(r"children\.(\d+)\.", path))}
            about = Expecting("child.corrected", kids.pop()) if len(kids) == 1 else None
            after, unaged = _extract(rest, Context(fixed, about, changed))
        elif after is None:
            after, unaged = _extract(t, context)
        elif fixed is None and len(_CLAUSES.split(t.strip(" 。.!！"))) > 1:
            # 「借りてないです。引っ越しの予定もありません」: the answer, then more facts in another clause
            exp = context.expecting
            said = _answered(exp, after)
            # (the question stays known: 「はい、寝たきりです」 is about the adult asked of, not the last one)
            more, _ = _extract(t, Context(after, context.expecting, context.last_changed), said)
            if not NAMED.search(t):  # 「うん、今7か月」 answering 妊娠: no one new unless a noun names them
                more = more.model_copy(update={key: getattr(after, key) for key in ("children", "adults")
                                               if len(getattr(more, key) or []) > len(getattr(after, key) or [])})
            after = more
    except (ValidationError, ValueError, IndexError, KeyError, TypeError):
        after = before
    after = _pronoun_sex(t, context, after)
    data, found = without_impossible(before.model_dump(), after.model_dump(), t)
    conflicts = tuple(Conflict(kind, tuple(children), stated) for kind, children, stated in found)
    if conflicts:  # an impossible child never reaches the engine: the dialogue asks instead
        after = Household.model_validate(data)
    changed = _changed(before, after)
    intent = "inform" if conflicts else _intent(t, bool(changed) or unaged > 0, context)
    return Understanding(intent, after, changed, lang, conflicts=conflicts, unaged_children=unaged)
