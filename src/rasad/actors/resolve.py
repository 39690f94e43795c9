"""From dictionary hits to resolved actors: who each mention is, with country and sector.

The rules, in the order they run (PETRARCH-style: each resolved mention says which rule made it):

1. ``dictionary``: a state (by name, adjective, capital, seat or epithet), an organisation, a known
   person or a place, straight from the dictionaries; a known person's office is the one held on
   the article's date.
2. ``apposition``: a sector word (ministry, army, president, ambassador...) takes the country
   written next to it — "وزارة الدفاع الكازاخستانية", "وزارت دفاع قزاقستان", "Kazakhstan's defence
   ministry" — and a name written next to that becomes a person of that country and sector, even
   when no dictionary knows it ("مراد مائیر مانوف معاون وزیر دفاع قزاقستان").
3. ``office``: a title without a name ("الرئيس الكازاخستاني") is the person who held that office in
   that country on the article's date.
4. ``coreference``: "این کشور", "هذه الدولة", "the country" point to the state named last;
   "الدولتين", "دو کشور", "the two countries" to the last two; "کشورمان", "بلادنا", "بلاده" (our,
   his country) to the country of the sentence's first person or state organ (``form_role`` self).
5. guarded family names (``surnames.tsv``: «ظريف», «الصيد») name their person only after the
   document named that person, or right after a title word (rule ``dictionary``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from rasad import deadline
from rasad.actors.dictionary import STATE_ORGANS, Concept, Form, packaged_dictionary
from rasad.actors.matcher import Hit, packaged_matcher
from rasad.text.normalize import NormalizedText, normalize_string
from rasad.text.segment import Sentence, split_sentences

# What may stand between a sector word and its country: prepositions and state nouns.
_LINKERS = frozenset(
    normalize_string(word)
    for word in (
        "في لدى التابعة التابع ل of the in at de s جمهورية دولة مملكة المملكة الجمهورية کشور جمهوری دولت"
    ).split()
)
_MAX_LINK_TOKENS = 2
_ARABIC_DEFINITE = re.compile(r"(?:[وف]?[بلك]?ال|[وف]?لل)")
# A definite Arabic nisba adjective ("الحكومية", "الرسمية", "التلفزيونية").
_ARABIC_ADJECTIVE = re.compile(r"ال\w{3,}ي(?:ه|ين|ون)?")
_LOCATIVES = frozenset(normalize_string(word) for word in "في in at".split())
# Endings of a nationality word used for people: Arabic masculine plural, Persian human plural.
_PEOPLE_ENDINGS = tuple(normalize_string(e) for e in ("يين", "يون", "یان"))
_NISBA_ENDINGS = tuple(normalize_string(e) for e in ("ي", "ية", "يه", "يا", "ی", "یه", "ای"))
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
# Words that count people (cardinals, "dozens of", "thousands of"): what follows one names people.
COUNT_WORDS = frozenset(
    normalize_string(w)
    for w in (
        "اثنان اثنين ثلاثة ثلاث أربعة أربع خمسة خمس ستة ست سبعة سبع ثمانية ثماني تسعة تسع عشرة عشر "
        "عشرين ثلاثين أربعين خمسين مائة مئة ألف آلاف الاف مئات عشرات بضعة مليون مليوني ملايين "
        "دو سه چهار پنج شش هفت هشت ده صد هزار صدها هزاران "
        "two three four five six seven eight nine ten dozens hundreds thousands"
    ).split()
)
_TOKEN_OR_NUMBER = re.compile(r"[^\W_]+")
_PHRASE_BREAK = re.compile(r"[:;,.،؛)\]]")
_NAME_STOPWORDS = frozenset(
    normalize_string(word)
    for word in (
        "و في من إلى الى على عن مع أن ان إن لا لم لن قد قال قالت كان كانت هو هي الذي التي هذا هذه ذلك "
        "خلال بعد قبل حول أمس اليوم يوم أيضا ثم أو بين عند منذ لدى إثر عقب "
        "ما لقد وقد كما حيث عندما الذي بأن بان فإن وإن وأن لكن ولكن حتى إذا اذا نقل نقلت أكد أكدت "
        "و در با به از که را این آن برای تا هم نیز او وی گفت کرد است بود شد می دیدار سفر روز "
        "and the of in on at to with said says for by from who was is has had will"
    ).split()
)
_MAX_NAME_TOKENS = 3
_TOKEN = re.compile(r"[^\W\d_]+")
# Punctuation that separates two hits (one search instead of a test per mark).
_GAP_BREAK = re.compile(r'[.,،؛;:!?؟()«»"\n]')

_SINGLE_REFERENCES = {
    "ar": ("هذه الدولة", "هذا البلد", "هذه البلاد", "الدولة نفسها"),
    "fa": ("این کشور", "آن کشور", "این دولت"),
    "en": ("the country", "this country"),
}
# "This regime" points to the state last named by an epithet (رژیم صهیونیستی ... این رژیم).
_EPITHET_REFERENCES = {"ar": ("هذا الكيان", "هذا النظام"), "fa": ("این رژیم",), "en": ("the regime",)}
_PAIR_REFERENCES = {
    "ar": ("الدولتين", "الدولتان", "البلدين", "البلدان"),
    "fa": ("دو کشور", "هر دو کشور"),
    "en": ("the two countries", "both countries"),
}
# "The two countries" are the two states named most in the text just before (ties: the later one).
_PAIR_WINDOW_CHARS = 500
# "Our country", "his/her country": the country of whoever speaks or acts in the sentence.
_SELF_REFERENCES = {
    "ar": ("بلادنا", "بلدنا", "دولتنا", "بلاده", "بلده", "بلادها", "بلدها"),
    "fa": ("کشورمان", "کشور ما", "کشورش", "کشور متبوعش", "کشور متبوع خود", "کشور خود"),
    "en": ("our country", "his country", "her country"),
}
_ARABIC_CLITIC = "(?:[وفلب]|وب|ول|فب|فل)?"
_KIND_PRIORITY = {"person": 0, "igo": 1, "organization": 2, "state": 3, "place": 4, "sector": 5}


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class ActorMention:
    """A resolved mention of an actor, in original offsets."""

    start: int
    end: int
    text: str
    kind: str  # state | igo | person | place | organization | sector
    key: str | None  # entity id: ISO3, IGO code, person id or name, place id
    name: str | None
    country: str | None
    sector: str | None
    org: str | None
    rule: str  # dictionary | apposition | office | coreference
    register: str | None = None
    form_role: str | None = None  # name | adjective | capital | seat | epithet | body | role


def find_actor_mentions(
    normalized: NormalizedText,
    language: str,
    published: str | None = None,
    skip: Iterable[tuple[int, int]] = (),
    sentences: list[Sentence] | None = None,
) -> list[ActorMention]:
    """Every actor mention of a document, outside the ``skip`` spans (boilerplate). ``sentences`` is
    ``split_sentences`` of the text where the caller has it already, so it is not split twice."""
    skipped = list(skip)
    found, surname_hits = packaged_matcher().find_with_guarded(normalized, language)
    hits = (
        [hit for hit in found if not any(s <= hit.start and hit.end <= e for s, e in skipped)]
        if skipped
        else found
    )
    concepts = [_choose(hit.forms, language) for hit in hits]
    text = normalized.original
    mentions: list[ActorMention] = []
    taken: _HitSpans | None = None  # built when an office phrase first needs it
    for index, (hit, concept) in enumerate(zip(hits, concepts, strict=True)):
        deadline.check()
        if concept.role == "epithet" and _qualified_by_other_state(text, hits, concepts, index):
            continue
        if concept.kind != "sector":
            mention = _dictionary_mention(text, hit, concept, published)
            if concept.kind == "state" and concept.role == "adjective" and _names_people(text, hit):
                mention = replace(mention, sector="CVL")
            mentions.append(mention)
            continue
        country, country_index = _attached_country(text, hits, concepts, index, language)
        country = concept.country or country
        start, end = hit.start, hit.end
        if country_index is not None:  # the country's whole word: "الكازاخستانية", "Kazakhstan's"
            country_hit = hits[country_index]
            start, end = min(start, country_hit.start), max(end, country_hit.word_end)
        mentions.append(
            ActorMention(
                start,
                end,
                text[start:end],
                "sector",
                None,
                None,
                country,
                concept.sector,
                None,
                "apposition" if country else "dictionary",
                form_role=concept.role,
            )
        )
        if concept.role == "role" and country:
            taken = taken or _HitSpans(hits)
            mentions += _person_for_role(
                text, hits, taken, concepts, index, start, end, concept, country, language, published
            )
    mentions += _coreferences(normalized, language, mentions, skipped)
    mentions += _surname_mentions(text, surname_hits, published, mentions, skipped)
    mentions += _self_references(normalized, language, mentions, skipped, sentences)
    return sorted(mentions, key=lambda m: (m.start, -m.end))


def _names_people(text: str, hit: Hit) -> bool:
    """A nationality word that names people, not the state: a human plural («الإسرائيليين»,
    «ایرانیان», "Iraqis") or a counted one («13 عراقيا», «مليوني لبناني»). Those people are civilians
    of that country unless a sector word next to them says otherwise (then the sector wins)."""
    word = normalize_string(text[hit.word_start : hit.word_end])
    if word.endswith(_PEOPLE_ENDINGS) or (word[:1].isupper() and word.endswith("s")):
        return True
    return _broken_plural(word) or counted(text, hit.word_start)


def _broken_plural(word: str) -> bool:
    """An Arabic-script nationality form with no nisba ending is a broken plural, which names people:
    «الأفغان», «الأتراك», «الصرب» (the nisba «أفغاني», «أفغانية», «أفغانيا» names the state's things
    as well as its people)."""
    return bool(_ARABIC_LETTER.match(word)) and not word.endswith(_NISBA_ENDINGS)


def counted(text: str, start: int) -> bool:
    """True when a number or a counting word stands right before ``start``, or before "من" there:
    «13 عراقيا», «ثلاثة جنود», «أربعة من رجال الشرطة», "dozens of", "five"."""
    while start > 0 and text[start - 1].isalpha():  # the clitics glued before a name: «العراقيين»
        start -= 1
    before = list(_TOKEN_OR_NUMBER.finditer(text, max(0, start - 30), start))
    if len(before) > 1 and normalize_string(before[-1].group()) in ("من", "of", "از"):
        before.pop()
    # A number that ends a date or a clause («5 أكتوبر 2003: سلاح الجو») counts nothing after it.
    if not before or _PHRASE_BREAK.search(text, before[-1].end(), start):
        return False
    word = before[-1].group()
    return word.isdigit() or normalize_string(word) in COUNT_WORDS


def _qualified_by_other_state(text: str, hits: list[Hit], concepts: list[Concept], index: int) -> bool:
    """An epithet followed by another state's adjective names that state's act ("الاحتلال الأمريكي")."""
    following = index + 1
    if following >= len(hits) or concepts[following].kind != "state":
        return False
    if concepts[following].country == concepts[index].country:
        return False
    return _gap_tokens(text, hits[index].word_end, hits[following].word_start) == []


def _choose(forms: tuple[Form, ...], language: str) -> Concept:
    """The concept meant by an ambiguous spelling: the document's language first, then the kind."""
    if len(forms) == 1:  # most spellings name one concept: nothing to choose
        return forms[0].concept
    return min(forms, key=lambda f: (f.language != language, _KIND_PRIORITY[f.concept.kind])).concept


def _dictionary_mention(text: str, hit: Hit, concept: Concept, published: str | None) -> ActorMention:
    country, sector, org = concept.country, concept.sector, concept.org
    if concept.kind == "person":
        term = next((t for t in concept.terms if t.covers(published)), None) or concept.terms[-1]
        # An office in an organisation (``org``) is held for no country: Borrell at the EU is not Spain.
        country, sector, org = term.country or (None if term.org else country), term.sector, term.org
    return ActorMention(
        hit.start,
        hit.end,
        text[hit.start : hit.end],
        concept.kind,
        concept.key,
        concept.name,
        country,
        sector,
        org,
        "dictionary",
        concept.register,
        concept.role,
    )


def _gap_tokens(text: str, start: int, end: int) -> list[str] | None:
    """The words between two hits, or None when punctuation separates them."""
    gap = text[start:end]
    if _GAP_BREAK.search(gap):
        return None
    return [normalize_string(token) for token in _TOKEN.findall(gap)]


def _attached_country(
    text: str, hits: list[Hit], concepts: list[Concept], index: int, language: str
) -> tuple[str | None, int | None]:
    """The state written right after a sector word (ar, fa, "of X") or right before it (en)."""
    neighbours = [index + 1, index - 1] if language != "en" else [index - 1, index + 1]
    for other in neighbours:
        if not 0 <= other < len(hits) or concepts[other].kind not in ("state", "organization"):
            continue
        left, right = sorted((hits[index], hits[other]), key=lambda h: h.start)
        tokens = _gap_tokens(text, left.word_end, right.word_start)
        if tokens is not None and language == "ar" and other > index and concepts[other].role == "adjective":
            tokens = _without_noun_phrase_words(tokens, _definite(text, hits[index]))
        if tokens is not None and other > index and _from_origin(tokens, concepts[index], concepts[other]):
            return concepts[other].country, other
        if tokens is None or len(tokens) > _MAX_LINK_TOKENS or any(t not in _LINKERS for t in tokens):
            continue
        if _LOCATIVES.intersection(tokens) and not _in_state_of(concepts[index], concepts[other]):
            continue
        if concepts[other].role == "capital" and concepts[index].sector not in STATE_ORGANS:
            continue  # «شرطة إسلام آباد» is Pakistan's police; «جامعة صنعاء» is where a university is
        if other < index and language != "en" and concepts[other].role != "adjective":
            continue  # "قزاقستان وزارت دفاع" is two actors, not one
        return concepts[other].country, other
    return None, None


def _definite(text: str, hit: Hit) -> bool:
    """True when an Arabic word carries the article («المتظاهرون», «والشرطة», «للجيش»)."""
    return _ARABIC_DEFINITE.match(normalize_string(text[hit.word_start : hit.word_end])) is not None


def _without_noun_phrase_words(tokens: list[str], definite_head: bool) -> list[str]:
    """An Arabic nationality adjective ends its noun phrase, so words of that phrase may stand
    between the head and it: other adjectives («القنوات التلفزيونية الحكومية الروسية») and, after an
    indefinite head (a construct), its definite genitive («وزير الزراعة الهندي»). After a definite
    head a definite noun is not its genitive but another phrase («رفع المتظاهرون الأعلام التركية»)."""
    inside = [
        t for t in tokens if _ARABIC_ADJECTIVE.fullmatch(t) or (not definite_head and t.startswith("ال"))
    ]
    return [t for t in tokens if t not in inside] if len(inside) <= _MAX_LINK_TOKENS else tokens


def _from_origin(tokens: list[str], word: Concept, other: Concept) -> bool:
    """ "Protesters from Germany", «متظاهرون من المانيا», «مقاتلون من طالبان»: people "from" a state or
    a group belong to it. Not a state organ ("the minister from ..." is not how one names an office)."""
    return (
        tokens in (["من"], ["from"], ["از"])
        and word.sector not in STATE_ORGANS
        and (other.kind == "organization" or other.role == "name")
    )


def _in_state_of(word: Concept, state: Concept) -> bool:
    """ "X in Y" ties X to Y's country only for a state's organ in a state ("وزير الدفاع في كازاخستان"):
    "protesters in Nairobi", "gunmen in Iraq" say where they are, not whose they are."""
    return word.sector in STATE_ORGANS and state.kind == "state" and state.role == "name"


def _person_for_role(
    text: str,
    hits: list[Hit],
    taken: _HitSpans,
    concepts: list[Concept],
    index: int,
    start: int,
    end: int,
    role: Concept,
    country: str,
    language: str,
    published: str | None,
) -> list[ActorMention]:
    """The person an office phrase describes: a known one next to it, a new name, or the holder."""
    for other in (index - 1, index + 1, index + 2):
        if 0 <= other < len(hits) and concepts[other].kind == "person":
            gap_start, gap_end = (
                (hits[other].word_end, start) if hits[other].start < start else (end, hits[other].word_start)
            )
            gap = text[gap_start:gap_end].replace("«", " ").replace("»", " ")
            if _gap_tokens(gap, 0, len(gap)) == []:
                return []  # the dictionary already resolves that person
    name = _adjacent_name(text, start, end, language, taken)
    if name is not None:
        name_start, name_end = name
        written = text[name_start:name_end]
        return [
            ActorMention(
                name_start,
                name_end,
                written,
                "person",
                written,
                written,
                country,
                role.sector,
                None,
                "apposition",
                form_role="name",
            )
        ]
    holder = _office_holder(role, country, published)
    if holder is not None:
        return [
            ActorMention(
                start,
                end,
                text[start:end],
                "person",
                holder.key,
                holder.name,
                country,
                role.sector,
                None,
                "office",
                form_role="role",
            )
        ]
    return []


class _HitSpans:
    """The hits' word spans, asked whether a span overlaps one of them: by bisection, as a long
    document has thousands of hits and an office phrase in every sentence."""

    def __init__(self, hits: list[Hit]) -> None:
        spans = sorted((hit.word_start, hit.word_end) for hit in hits)
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        self._longest = max((end - start for start, end in spans), default=0)

    def overlaps(self, start: int, end: int) -> bool:
        """True when a hit shares a character with ``[start, end)``: it starts before ``end`` and,
        being at most ``_longest`` long, after ``start - _longest``."""
        first = bisect.bisect_right(self._starts, start - self._longest)
        last = bisect.bisect_left(self._starts, end)
        return any(start < hit_end for hit_end in self._ends[first:last])


def _adjacent_name(
    text: str, start: int, end: int, language: str, taken: _HitSpans
) -> tuple[int, int] | None:
    """A name of one to three words standing right before (fa, en) or after (ar, en) an office phrase."""

    def plausible(tokens: list[re.Match[str]]) -> bool:
        return (
            len(tokens) >= 2
            and not any(normalize_string(t.group()) in _NAME_STOPWORDS for t in tokens)
            and not taken.overlaps(tokens[0].start(), tokens[-1].end())
            and not any(normalize_string(t.group()).startswith("ال") for t in tokens)
        )

    after = list(_TOKEN.finditer(text, end, min(len(text), end + 60)))
    if language in ("ar", "en") and after and _gap_tokens(text, end, after[0].start()) == []:
        names = _run_of_names(text, after)
        if plausible(names):
            return names[0].start(), names[-1].end()
    if language in ("fa", "en"):
        window_start = max(0, start - 60)
        before = list(_TOKEN.finditer(text, window_start, start))
        boundary = max((text.rfind(mark, window_start, start) for mark in '.،,;:!?؟\n«»"'), default=-1)
        before = [t for t in before if t.start() > boundary][-_MAX_NAME_TOKENS:]
        if before and _gap_tokens(text, before[-1].end(), start) == [] and plausible(before):
            return before[0].start(), before[-1].end()
    return None


def _run_of_names(text: str, tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """Consecutive name-like words (no stopword, no punctuation between), at most three."""
    run = [tokens[0]]
    for token in tokens[1:_MAX_NAME_TOKENS]:
        gap = text[run[-1].end() : token.start()]
        if (
            _gap_tokens(text, run[-1].end(), token.start()) != []
            or any(character.isdigit() for character in gap)
            or normalize_string(token.group()) in _NAME_STOPWORDS
        ):
            break
        run.append(token)
    return run


def _office_holder(role: Concept, country: str, published: str | None) -> Concept | None:
    """The person who held ``role`` in ``country`` on the article's date (unknown date: nobody)."""
    if not published:
        return None
    wanted = role.name.lower().replace("defense", "defence")
    for person, term in packaged_dictionary().office_holders.get((country, wanted), ()):
        if term.start and term.covers(published):
            return person
    return None


def _antecedents(states: list[ActorMention], start: int, count: int) -> list[str]:
    """The country the phrase at ``start`` refers to (the last named), or the pair it refers to."""
    if count == 1:
        last = states[-1].country if states else None
        return [last] if last else []
    recent = [s for s in states if s.start >= start - _PAIR_WINDOW_CHARS] or states
    score: dict[str, tuple[int, int]] = {}
    for state in recent:
        if state.country:
            mentions, _ = score.get(state.country, (0, 0))
            score[state.country] = (mentions + 1, state.start)
    return sorted(score, key=lambda country: score[country], reverse=True)[:count]


@cache
def _reference_pattern(phrases: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """One compiled alternation of the normalised phrases, longest first, and the phrases: most
    articles contain none, which plain substring tests tell faster than the pattern."""
    keys = sorted({normalize_string(phrase) for phrase in phrases}, key=len, reverse=True)
    if not keys:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, keys)) + r")(?!\w)"), tuple(keys)


def _coreferences(
    normalized: NormalizedText, language: str, mentions: list[ActorMention], skipped: list[tuple[int, int]]
) -> list[ActorMention]:
    """'This country' and 'the two countries' resolved to the states named last before them."""
    named = sorted((m for m in mentions if m.kind == "state"), key=lambda m: m.start)
    # For "the two countries", people and offices count for their country too.
    with_country = sorted((m for m in mentions if m.country and m.kind != "igo"), key=lambda m: m.start)
    found: list[ActorMention] = []
    text = normalized.original
    for phrases, count, epithets_only in (
        (_SINGLE_REFERENCES, 1, False),
        (_PAIR_REFERENCES, 2, False),
        (_EPITHET_REFERENCES, 1, True),
    ):
        states = [m for m in named if m.form_role == "epithet"] if epithets_only else named
        reference = _reference_pattern(tuple(phrases.get(language, ())))
        if reference is None or not any(key in normalized.text for key in reference[1]):
            continue
        for match in reference[0].finditer(normalized.text):
            start, end = normalized.span_to_original(match.start(), match.end())
            if any(s <= start and end <= e for s, e in skipped):
                continue
            pool = states if count == 1 else with_country
            earlier = _antecedents([s for s in pool if s.end <= start], start, count)
            if len(earlier) < count:
                continue
            for country in earlier:
                name = next((s.name for s in named if s.country == country), country)
                found.append(
                    ActorMention(
                        start,
                        end,
                        text[start:end],
                        "state",
                        country,
                        name,
                        country,
                        None,
                        None,
                        "coreference",
                        form_role="reference",
                    )
                )
    return found


def _surname_mentions(
    text: str,
    hits: list[Hit],
    published: str | None,
    mentions: list[ActorMention],
    skipped: list[tuple[int, int]],
) -> list[ActorMention]:
    """Guarded family names (``surnames.tsv``: «ظريف» "witty", «الصيد» "the hunting"), ``hits`` in
    ``text``: a person only where the document named that person before, or right after a title word
    («الوزير ظريف»)."""
    if not hits:
        return []
    taken = [(m.start, m.end) for m in mentions] + skipped
    found: list[ActorMention] = []
    for hit in hits:
        if any(hit.start < e and s < hit.end for s, e in taken):
            continue
        named = [m.key for m in mentions + found if m.kind == "person" and m.end <= hit.start]
        people = [f.concept for f in hit.forms if f.concept.key in named]
        if people:  # shared names («لاريجاني»): the person named last
            person = max(people, key=lambda concept: len(named) - named[::-1].index(concept.key))
        elif len(hit.forms) == 1 and _after_title(text, hit, mentions):
            person = hit.forms[0].concept
        else:
            continue
        found.append(_dictionary_mention(text, hit, person, published))
    return found


def _after_title(text: str, hit: Hit, mentions: list[ActorMention]) -> bool:
    """True when a title word (a sector ``role``: minister, president) ends right before the hit and
    the name ends there: «الرئيس سعيد إن» is the president Saied, «الوزير سعيد النقيب» someone else."""
    titled = any(
        m.kind == "sector" and m.form_role == "role" and m.end <= hit.word_start
        and not text[m.end : hit.word_start].strip()
        for m in mentions
    )  # fmt: skip
    following = _TOKEN.search(text, hit.word_end)
    if following is None:
        return titled
    name_ends = bool(text[hit.word_end : following.start()].strip())
    return titled and (name_ends or normalize_string(following.group()) in _NAME_STOPWORDS)


def _self_references(
    normalized: NormalizedText,
    language: str,
    mentions: list[ActorMention],
    skipped: list[tuple[int, int]],
    sentences: list[Sentence] | None,
) -> list[ActorMention]:
    """«کشورمان», «بلادنا», «بلاده»: the country of the sentence's speaker or subject, i.e. its first
    person or state organ with a country before the phrase (else after it, for a quote that comes
    first); nothing when the sentence names none."""
    reference = _reference_pattern(tuple(_SELF_REFERENCES.get(language, ())))
    if reference is None or not any(key in normalized.text for key in reference[1]):
        return []
    prefix = _ARABIC_CLITIC if language == "ar" else ""
    pattern = re.compile(r"(?<!\w)" + prefix + "(" + "|".join(map(re.escape, reference[1])) + r")(?!\w)")
    text = normalized.original
    sentences = split_sentences(text) if sentences is None else sentences
    found: list[ActorMention] = []
    for match in pattern.finditer(normalized.text):
        start, end = normalized.span_to_original(match.start(1), match.end(1))
        if any(s <= start and end <= e for s, e in skipped):
            continue
        country = _speaker_country(text, sentences, mentions, start, end)
        if country:
            found.append(
                ActorMention(
                    start, end, text[start:end], "state", country, _state_name(country), country, None, None,
                    "coreference", form_role="self",
                )
            )  # fmt: skip
    return found


@cache
def _state_name(iso3: str) -> str:
    """The dictionary's English name of a state (the entity name a self-reference gives)."""
    dictionary = packaged_dictionary()
    return next((c.name for c in dictionary.concepts if c.kind == "state" and c.key == iso3), iso3)


def _speaker_country(
    text: str, sentences: list[Sentence], mentions: list[ActorMention], start: int, end: int
) -> str | None:
    """The country of the sentence's speaker or subject: its first actor before ``start``-``end`` (a
    person, a state or a state organ), else its first person or organ after it (a quote put first).
    A title without a country first («وزير الخارجية» then other states) leaves the speaker unknown,
    unless a name with a country follows it directly («وزير الخارجية محمد جواد ظريف»)."""
    sentence = next((s for s in sentences if s.start <= start < s.end), None)
    if sentence is None:
        return None
    inside = sorted(
        (
            m for m in mentions
            if sentence.start <= m.start and m.end <= sentence.end
            and (m.kind in ("person", "state") or (m.kind == "sector" and m.sector in STATE_ORGANS))
        ),
        key=lambda m: m.start,
    )  # fmt: skip
    before = [m for m in inside if m.end <= start]
    if before:
        first, following = before[0], before[1:2]
        if first.country:
            return first.country
        if following and following[0].country and not text[first.end : following[0].start].strip():
            return following[0].country
        return None
    after = [m for m in inside if m.start >= end and m.kind != "state" and m.country]
    return after[0].country if after else None
