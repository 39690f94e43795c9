"""The event coder: PLOVER events from each sentence, every one explained and traceable to its words.

For each sentence outside boilerplate (PETRARCH-style, one rule at a time, each named in the
event's ``explanation``):

1. **Trigger**: a lexicon form (verb, verbal noun, fixed expression) gives the type, mode and
   default context.
2. **Actors**: the sentence's resolved actors (states, organisations, people, sector bodies with
   their country) are split into the *source* and the *target* by the language's word order —
   Arabic VSO/SVO, Persian SOV, English SVO — and by prepositions (مع/إلى/ضد/بين, با/به/از/علیه,
   with/to/against): a unit governed by one is a target. A newspaper or analyst introduced by a
   reporting expression ("وقالت الصحيفة", "به گزارش") is never the source.
3. **Modality**: cues before the trigger (لم, تسعى, سوف, plans to), in the sentence (لا يستبعد,
   ممکن است), on the verb itself (Persian ن-/نمی-, Arabic س-), or in the next sentence (نفت ذلك,
   تکذیب کرد) — and background well before the publication date.
4. **Date, context, mode, place** from the sentence, the publication date as the fallback.
5. Within a document the same (source, target, type, date) is one event.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from operator import attrgetter

from rasad import deadline
from rasad.actors.dictionary import STATE_ORGANS, Concept, packaged_dictionary
from rasad.actors.resolve import COUNT_WORDS, ActorMention, counted
from rasad.dates import resolve_event_date
from rasad.events.lexicon import ALL_RULES, Cue, Lexicon, Trigger, packaged_lexicon
from rasad.events.words import Word, WordIndex, WordMatch, original_words, stems, word_texts
from rasad.text.normalize import NormalizedText, normalize_string
from rasad.text.segment import Sentence

# Words (normalised) that make the actor after them a target, per language.
TARGET_MARKERS = {
    "ar": frozenset(normalize_string(w) for w in "مع إلى الى ضد على عن من لدى تجاه نحو بين".split()),
    "fa": frozenset(normalize_string(w) for w in "با به از علیه برای نزد درباره".split()),
    "en": frozenset("with to against from on toward towards at between".split()),
}
# Locative prepositions: the actor after them is where the event happens, not a party to it.
PLACE_MARKERS = {
    "ar": frozenset(
        normalize_string(w)
        for w in "في وفي قرب شمال جنوب شرق غرب شمالي جنوبي شرقي غربي بوسط بمدينة بالعاصمة بمحافظة".split()
    ),
    "fa": frozenset(normalize_string(w) for w in "در نزدیک".split()),
    "en": frozenset("in".split()),
}
# Nouns that head a place phrase after a locative preposition: «في وسط بغداد», «في العاصمة كاتماندو»,
# «در شهر تهران», "in central Baghdad"; the name after them is still where, not who.
PLACE_HEADS = {
    "ar": frozenset(
        normalize_string(w)
        for w in "وسط العاصمة عاصمة مدينة المدينة بلدة قرية محافظة إقليم اقليم منطقة ضواحي شوارع "
        "أنحاء ميدان".split()
    ),
    "fa": frozenset(normalize_string(w) for w in "شهر پایتخت استان منطقه مرکز خیابان‌های".split()),
    "en": frozenset("central downtown the city capital of".split()),
}
# An Arabic capital glued to ب is where («ببغداد», «وبطهران»: in Baghdad), not a party to the event.
ARABIC_CLITIC_PLACE = ("ب", "وب", "فب")
# A reported clause that takes up its speaker: the complementizer with a pronoun («أنه», «إنها»), or
# the speaker's forces with a possessive («قواته», «جنودها»).
SPEAKER_PRONOUNS = frozenset(
    normalize_string(w) for w in "أنه أنها أنهم إنه إنها إنهم بأنه بأنها بأنهم".split()
)
SPEAKER_FORCES = tuple(normalize_string(w) for w in "قوات جنود عناصر طائرات مقاتلي".split())
# Verbs that announce an attack or a protest without being one (kept out of reporting.tsv because
# they also announce acts of the speaker's own: «أعلنت دعمها»). Only the attack or protest rules use them.
ANNOUNCING = {
    "ar": frozenset(normalize_string(w) for w in "أعلن أعلنت وأعلن وأعلنت يعلن تعلن".split()),
    "fa": frozenset(normalize_string(w) for w in "اعلام".split()),
    "en": frozenset("announced reported".split()),
}
# What may follow an Arabic verb of killing or wounding that has no object: a preposition, a time,
# another passive verb («قتلوا في هجوم», «قتلا امس», «قتلوا وأصيب»), or a cause after ب («بانفجار»).
NO_OBJECT_WORDS = frozenset(
    normalize_string(w)
    for w in "في جراء إثر اثر خلال أمس امس اليوم وأصيب واصيب وجرح وأصيبوا واصيبوا وجرحوا".split()
)
PASSIVE_CAUSES = frozenset(
    normalize_string(w) for w in "انفجار انفجارين هجوم هجمات قصف نيران رصاص غارة جروح جراح".split()
)
# Words that introduce the author of an act named before them: «هجوم شنه ...», «قتل على يد ...».
AGENT_MARKERS = {
    "ar": frozenset(
        normalize_string(w)
        for w in (
            "شنه",
            "شنها",
            "شنته",
            "شنتها",
            "نفذه",
            "نفذها",
            "نفذته",
            "نفذتها",
            "تبناه",
            "تبنته",
            "تبنتها",
            "تبناها",
            "من قبل",
            "على يد",
            "على أيدي",
            "بيد",
        )
    ),
    "fa": frozenset(normalize_string(w) for w in ("توسط", "از سوی", "به دست", "از طرف")),
    "en": frozenset({"by"}),
}
# An Arabic word with the article (after a conjunction or a preposition): «المتظاهرون», «وللجيش».
ARABIC_DEFINITE = re.compile(r"(?:[وف]?[بلك]?ال|[وف]?لل)")
# Words that open a reported clause: «قال إن ...», «ذكر أن ...», "said that ...".
COMPLEMENTIZERS = {
    "ar": frozenset(
        normalize_string(w) for w in "أن إن بأن وأن أنه أنها أنهم إنه إنها إنهم بأنه بأنها بأنهم".split()
    ),
    "fa": frozenset(normalize_string(w) for w in "که".split()),
    "en": frozenset({"that"}),
}
# Words that point back at something already told: «هذه الزيارة», «این دیدار», "this meeting".
DEMONSTRATIVES = {
    "ar": frozenset(normalize_string(w) for w in "هذا هذه ذلك تلك".split()),
    "fa": frozenset(normalize_string(w) for w in "این آن همین همان".split()),
    "en": frozenset("this that these those the".split()),
}
# Arabic prefixes that end in the definite article: «اللقاء», «والمشاورات», «بالزيارة», «للقاء».
ARABIC_DEFINITE_PREFIXES = ("ال", "لل")
# Arabic relative pronouns: the noun before one is the subject of the verb after it.
ARABIC_RELATIVES = frozenset(normalize_string(w) for w in "الذي التي الذين اللذان اللتان".split())
# Clitic prepositions glued to an Arabic actor word: ل (to), ب (with/by).
ARABIC_CLITIC_TARGET = ("ل", "ب", "ول", "وب", "لل", "ولل")
PERSIAN_OBJECT_MARKER = normalize_string("را")
SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})
# Types whose object is another action (demand a withdrawal, threaten an attack, reject a deal, agree
# to allow or to strengthen cooperation).
CONTENT_TAKING = frozenset({"REQUEST", "THREATEN", "REJECT", "ACCUSE", "SUPPORT", "AGREE"})
# Who protests: a state or its government does not march; its people do.
PROTESTING_SECTORS = frozenset({"CVL", "OPP", "LAB", "EDU", "REB", "REL", "PTY", "MED", "BUS", "NGO"})
# Types reported even when the sentence does not name who acted.
UNATTRIBUTED = frozenset({"ASSAULT", "PROTEST"})
# Types coded without a counterpart: an attack or protest on no named party, a deployment toward a region.
NO_RECIPIENT_NEEDED = UNATTRIBUTED | {"MOBILIZE"}
# Words between a request, threat, agreement... and the trigger of what it is about.
NESTED_CONTENT_WORDS = 3
# The weakest recipient rule: a state the sentence names, with no grammatical tie to the trigger.
OTHER_ACTOR = "other actor of the sentence"
# A content clause opened by a complementizer just after the trigger («مهلت داد تا ... عقب نشینی کند»,
# «طالبت بأن ...», "urged X to ...") runs on to its own verb: this many words.
CLAUSE_CONTENT_WORDS = 16
CONTENT_COMPLEMENTIZERS = {
    "ar": frozenset(normalize_string(w) for w in "أن بأن وأن".split()),
    "fa": frozenset(normalize_string(w) for w in "تا که".split()),
    "en": frozenset("that to".split()),
}
# How far a receiving or exposure verb may stand before its trigger, its subject in between.
VOICE_VERB_WORDS = 14
HISTORICAL_YEARS = 2  # an event dated this many years before publication is background
GENITIVE_WORDS = 1  # a title may stand between a verbal noun and its actor: "درخواست رییس جمهور X"
MAX_CUE_DISTANCE = 4  # words between a "before" modality cue and its trigger
# How far (in words) the source may stand from its trigger: Persian puts the subject at the head of
# a long clause, Arabic and English keep it close.
MAX_SOURCE_DISTANCE = {"ar": 10, "fa": 16, "en": 10}
FAR_AFTER = "first actor after the trigger"  # not the subject of a verb-first clause: further on
ACTOR_KINDS = ("state", "igo", "person", "organization", "sector")


@dataclass(slots=True, unsafe_hash=True)  # see CONTRIBUTING, "Compiled modules"
class Unit:
    """An actor as the sentence names it: code, sector, organisation, words."""

    start: int
    end: int
    text: str
    code: str | None
    sector: str | None
    org: str | None
    kind: str = ""  # the actor kind of its mention: state, igo, person, organization, sector
    borrowed: bool = False  # a sector word the text ties to no country ("المتظاهرون", "the police")
    form_role: str | None = None  # how its mention names it: name, adjective, capital, role...

    def key(self) -> str | None:
        """Who the unit is: its organisation or country; a generic actor is its sector and words."""
        return self.org or self.code or (f"{self.sector} {self.text}" if self.sector else None)

    def as_actor(self) -> dict:
        return {"code": self.code, "sector": self.sector, "org": self.org, "entity_text": self.text}


@dataclass
class CodingContext:
    """What the coder needs to know about the document."""

    text: str
    normalized: NormalizedText
    language: str
    published: str | None
    doc_id: str
    # Where the article gives no publication date, dates without a year are read against the latest
    # date the article itself writes (seed 004: "22 December last" in an article that mentions 2021).
    anchor: str | None = None


@cache
def _indexes(language: str) -> dict[str, WordIndex]:
    lexicon: Lexicon = packaged_lexicon()

    def index(items: list[Trigger] | list[Cue]) -> WordIndex:
        return WordIndex(((item.pattern, item) for item in items if item.language == language), language)

    return {
        "triggers": index(lexicon.triggers),
        "modality": index(lexicon.modality),
        "contexts": index(lexicon.contexts),
        "modes": index(lexicon.modes),
        "reporting": index(lexicon.reporting),
        "voice": index(lexicon.voice),
        "addressees": index(lexicon.addressees),
    }


def code_events(
    context: CodingContext, sentences: list[tuple[int, Sentence]], actors: list[ActorMention]
) -> list[dict]:
    """PLOVER events of a document, from its article sentences (index, span) and resolved actors."""
    if context.language not in ("ar", "fa", "en"):
        return []
    indexes = _indexes(context.language)
    named = Counter(m.country for m in actors if m.kind in ("state", "place") and m.country)
    # The actors by start, to take each sentence's own by bisection rather than going over all of a
    # document's actors for each of its sentences.
    by_start = sorted(actors, key=attrgetter("start"))
    starts = [m.start for m in by_start]
    sentence_words = [_sentence_words(context.normalized, sentence) for _, sentence in sentences]
    document_contexts = _DocumentContexts(indexes["contexts"], sentence_words)
    events: list[dict] = []
    previous: list[dict] = []
    for (sequence, sentence), words in zip(sentences, sentence_words, strict=True):
        deadline.check()
        if previous:
            denies_previous = _cues(indexes["modality"], words, scope="previous")
            for event in previous if denies_previous else ():
                if event["modality"] == "asserted":  # a denied hypothesis stays a hypothesis
                    _deny(event, denies_previous[0])
        triggers = _triggers(indexes["triggers"], words)
        current: list[dict] = []
        units: list[Unit] = []
        if triggers:
            own = by_start[
                bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)
            ]
            discourse = _discourse_country(named, own, sentence)
            units = _units(own, sentence, _asides(context.text, sentence), discourse)
        units = _government_and_people(context.text, _attach_titles(context.text, units))
        cues = _SentenceCues(indexes, words)
        if units or any(m.item.event in UNATTRIBUTED for m in triggers):
            located = _in_original(context.normalized, sentence, words)
            for match in _outer_triggers(triggers, words, context.language):
                coded = _code_one(
                    context, sequence, sentence, located, units, match, cues, document_contexts, actors
                )
                current += [
                    e for e in coded if not _retold(context.language, located, match, e, events + current)
                ]
        if current:
            current = _speech_acts(context, located, units, current, events, sentences, sentence, actors)
        events += current
        previous = current
    return _deduplicate(events, context.doc_id)


def _sentence_words(normalized: NormalizedText, sentence: Sentence) -> list[str]:
    """The sentence's words on normalised text: enough to find cues and triggers."""
    return word_texts(
        normalized.text, normalized.to_normalized(sentence.start), normalized.to_normalized(sentence.end)
    )


def _in_original(normalized: NormalizedText, sentence: Sentence, words: list[str]) -> list[Word]:
    """The sentence's ``words`` with original offsets, for sentences that have a trigger to code."""
    return original_words(normalized, normalized.to_normalized(sentence.start), words)


_ASIDE = re.compile(r"\s[-–—]\s[^-–—]{1,120}?\s[-–—]\s|\([^()]{1,120}\)")


def _asides(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    """Parenthetical asides ("تركيا - إحدى الدول الأعضاء في الناتو - كازاخستان"): their actors are
    descriptions, not parties to the sentence's event."""
    start, end = sentence.start, sentence.end
    if all(text.find(mark, start, end) < 0 for mark in _ASIDE_MARKS):  # most sentences
        return []
    return [m.span() for m in _ASIDE.finditer(text, start, end)]


_ASIDE_MARKS = ("(", "-", "–", "—")  # every aside holds one of them


def _discourse_country(named: Counter[str], actors: list[ActorMention], sentence: Sentence) -> str | None:
    """The country the rest of the article is most about: the antecedent of a state organ named
    without its country ("the ministry said"). The sentence's own places and states do not count: a
    city says where something happens, not whose police acted, and a state named in the same sentence
    is another party or is written next to the organ (then the organ has it already)."""
    own = Counter(
        m.country
        for m in actors
        if m.kind in ("state", "place") and m.country and sentence.start <= m.start < sentence.end
    )
    rest = named - own if own else named  # the same counts in the same order: all positive
    return rest.most_common(1)[0][0] if rest else None


def _units(
    actors: list[ActorMention], sentence: Sentence, asides: list[tuple[int, int]], discourse: str | None
) -> list[Unit]:
    """The sentence's actors outside asides, nested mentions merged into the widest, each with a code.

    An actor's code is the country the text ties to it (PETRARCH's convention, and the output
    contract's "ISO3 country of the actor"), never the country of the place where it acts: a generic
    actor with no country of its own ("مسلحون", "المتظاهرين", "the protesters") keeps its sector and no
    country. A state organ without its country ("الشرطة", "the ministry") is the organ of the
    ``discourse`` country, the one the rest of the article is about, if any.
    """
    inside = [
        m for m in actors
        if sentence.start <= m.start and m.end <= sentence.end and m.kind in ACTOR_KINDS
        and not any(start <= m.start and m.end <= end for start, end in asides)
    ]  # fmt: skip
    inside.sort(key=lambda m: (m.start, -(m.end - m.start)))
    units: list[Unit] = []
    for mention in inside:
        # An international civil servant (the EU's foreign-policy chief) acts for the organisation.
        code, org = (None, mention.key) if mention.kind == "igo" else (mention.country, mention.org)
        borrowed = mention.kind == "sector" and code is None
        if borrowed and mention.sector in STATE_ORGANS:
            code = discourse
        sector = mention.sector or ("GOV" if mention.kind == "state" else None)
        if code is None and org is None and sector is None:
            continue
        if units and mention.start < units[-1].end:  # nested in (or overlapping) the previous unit
            last = units[-1]
            if last.code is None and last.org is None:
                units[-1] = replace(last, code=code, org=org)
            elif mention.kind == "person" and last.sector is None:
                units[-1] = replace(last, sector=mention.sector)
            continue
        units.append(
            Unit(
                mention.start,
                mention.end,
                mention.text,
                code,
                sector,
                org,
                mention.kind,
                borrowed,
                mention.form_role,
            )
        )
    return units


def _attach_titles(text: str, units: list[Unit]) -> list[Unit]:
    """A title with no country of its own directly followed by a state is that state's official:
    «وزیر امور خارجه دولت انگلیس» (ezafe), «وزير خارجية الإمارات». Not when the state is the
    Persian object («... ایران را»), nor after an Arabic head with the article, which takes no
    genitive: in «رفع المتظاهرون الأعلام التركية» the flags are Turkish, not the protesters. A capital
    after a title gives its country only to a state organ: «شرطة إسلام آباد» is Pakistan's police,
    «جامعة صنعاء» is where a university is."""
    attached: list[Unit] = []
    for unit in units:
        last = attached[-1] if attached else None
        if (
            last is not None and last.borrowed and unit.kind in ("state", "sector") and unit.code
            and not unit.borrowed
            and not text[last.end : unit.start].strip()
            and not text[unit.end : unit.end + 4].strip().startswith("را")
            and not ARABIC_DEFINITE.match(normalize_string(last.text))
            and (unit.form_role != "capital" or last.sector in STATE_ORGANS)
        ):  # fmt: skip
            attached[-1] = replace(
                last, end=unit.end, text=text[last.start : unit.end], code=unit.code, borrowed=False
            )
            continue
        attached.append(unit)
    return attached


# What may join a bare «دولت», «حكومة» to the state named after its partner: «دولت و ملت X», «حكومة وشعب X».
GOVERNMENT_AND_PEOPLE = frozenset(normalize_string(w) for w in ("و", "وشعب", "و شعب", "و ملت", "و مردم"))


def _government_and_people(text: str, units: list[Unit]) -> list[Unit]:
    """«دولت و ملت جمهوری آذربایجان», «حكومة وشعب مصر»: the government is that state's, named once
    for both; left without a country, the sentence's next state would take its place as a party."""
    joined = list(units)
    for i, unit in enumerate(joined[:-1]):
        after = joined[i + 1]
        if (
            unit.borrowed and unit.sector == "GOV"
            and after.code and not after.borrowed and after.kind in ("state", "sector")
            and normalize_string(text[unit.end : after.start].strip()) in GOVERNMENT_AND_PEOPLE
            and not ARABIC_DEFINITE.match(normalize_string(unit.text))
        ):  # fmt: skip
            joined[i] = replace(unit, code=after.code, borrowed=False)
    return joined


# The Persian subjunctive and imperative prefix: verbs take it, the verbal nouns that start most Persian
# triggers do not («بسفر» is the Bosphorus, not «سفر» with it).
PERSIAN_VERB_PREFIX = normalize_string("ب")


def _triggers(index: WordIndex, words: list[str]) -> list[WordMatch]:
    """Trigger matches, longest first where they overlap (then the form of more words, the more
    specific: «لغو ... معافیت ... تحریم» over «لغو ... تحریم»), in text order."""
    chosen: list[WordMatch] = []
    ranked = sorted(index.find(words), key=lambda m: (m.first - m.last, -len(m.item.pattern.words), m.first))
    for match in ranked:
        if index.language == "fa" and match.prefix == PERSIAN_VERB_PREFIX:
            continue
        if all(match.last < other.first or match.first > other.last for other in chosen):
            chosen.append(match)
    return sorted(chosen, key=lambda m: m.first)


def _outer_triggers(matches: list[WordMatch], words: list[str], language: str) -> list[WordMatch]:
    """Triggers that are not the content of the one just before them: in "تطالب موسكو بانسحاب الناتو"
    the withdrawal is what Moscow demands, not an event of its own. The content may itself take
    content ("وافقت على السماح للجيش بشن ضربات": the strikes are what is allowed, which is what was
    agreed), so the chain is followed from the last word of the content. A complementizer just after
    the trigger opens a content clause that runs on to its verb (``CLAUSE_CONTENT_WORDS``)."""
    kept: list[WordMatch] = []
    content_end = -1  # last word of the content-taking trigger or of its content
    clause = False  # the content is a clause opened by a complementizer
    for match in matches:
        if kept and _content_before(kept[-1], match, words, language):
            if not _agreed_act(match, kept[-1]):
                kept[-1] = match
            content_end = match.last
            continue
        distance = match.first - content_end
        if content_end >= 0 and (
            (clause and 0 < distance <= CLAUSE_CONTENT_WORDS)
            or (
                0 < distance <= NESTED_CONTENT_WORDS and (len(match.item.pattern.words) == 1 or distance == 1)
            )
        ):
            if _agreed_act(kept[-1], match):
                kept[-1] = match
            content_end = match.last
            clause = False  # what the content itself takes stays close to it
            continue
        kept.append(match)
        content_end = match.last if match.item.event in CONTENT_TAKING else -1
        # The complementizer may follow a light verb the trigger leaves out: «درخواست کرد تا».
        clause = content_end >= 0 and bool(
            CONTENT_COMPLEMENTIZERS[language] & set(words[content_end + 1 : content_end + 3])
        )
    return kept


# Acts one state does to another: agreeing to one («با تعلیق تحریم‌ها موافقت کرد», «وافقت على تخفيف
# العقوبات») is that act, as a pledge is (dev guidelines: easing sanctions agreed is CONCEDE).
UNILATERAL = frozenset({"CONCEDE", "SANCTION", "RETREAT", "AID"})


def _agreed_act(agreement: WordMatch, content: WordMatch) -> bool:
    """True when ``content`` is a one-sided act agreed to, which stands for the agreement; allowing
    another's act («وافقت على السماح») is approving it, an agreement."""
    return (
        agreement.item.event == "AGREE" and content.item.event in UNILATERAL and content.item.mode != "allow"
    )


# Persian light verbs: a form with one of them is a verb, one without is a noun phrase.
PERSIAN_LIGHT_VERBS = frozenset(normalize_string(w) for w in "کرد کن داد ده شد شو گرفت گیر ورزید زد".split())
# Types whose content is yet to happen: what is agreed to, asked for or threatened is no event of its own.
UNREALISED_CONTENT = frozenset({"AGREE", "REQUEST", "THREATEN"})
# How far a Persian noun phrase may run before the light verb it is the object of: «از اقدام آمریکا در
# لغو معافیت‌ها ... استقبال کرد».
PERSIAN_OBJECT_WORDS = 6


def _content_before(content: WordMatch, verb: WordMatch, words: list[str], language: str) -> bool:
    """Persian puts the content before its light verb: in «از این حمله حمایت کرد» the attack is what
    is supported, not an event of its own; so is a longer noun phrase (no light verb of its own) in the
    object of a verb whose content has not happened (agreed to, asked for, threatened). What is praised
    or condemned («از کمک‌های ترکیه قدردانی کرد») happened, and stays an event; so does a noun after
    «در», where the verb's act took place («در دیدار با روسیه به تفاهم رسید»)."""
    if verb.item.event not in CONTENT_TAKING or len(verb.item.pattern.words) == 1:
        return False
    distance = verb.first - content.last
    if len(content.item.pattern.words) == 1 and 0 < distance <= 2:
        return True
    return (
        language == "fa"
        and verb.item.event in UNREALISED_CONTENT
        and 0 < distance <= PERSIAN_OBJECT_WORDS
        and not PERSIAN_LIGHT_VERBS & set(content.item.pattern.words)
        and not (content.first > 0 and words[content.first - 1] in PLACE_MARKERS["fa"])
    )


def _retold(language: str, words: list[Word], match: WordMatch, event: dict, earlier: list[dict]) -> bool:
    """A verbal noun made definite («اللقاء», «المشاورات») or pointed at («این دیدار», "this visit")
    names an event the article has already told: once the document has an event of that type with one
    of its parties, this is that event again, whatever roles the sentence seems to give."""
    if len(match.item.pattern.words) != 1:
        return False
    written = match.item.pattern  # the lexicon may list the definite noun itself: «=اللقاء»
    definite = language == "ar" and (
        match.prefix.endswith(ARABIC_DEFINITE_PREFIXES)
        or (written.exact[0] and written.words[0].startswith("ال"))
    )
    pointed = match.first > 0 and words[match.first - 1].text in DEMONSTRATIVES[language]
    if not (definite or pointed):
        return False
    parties = {_party(event["actor"]), _party(event["recipient"])} - {None}
    return any(
        e["event"] == event["event"] and parties & {_party(e["actor"]), _party(e["recipient"])}
        for e in earlier
    )


def _party(side: dict | None) -> str | None:
    """A side's key as the dev scorer reads it: its organisation, else its country."""
    return None if side is None else side["org"] or side["code"]


def _cues(index: WordIndex, words: list[str], scope: str | None = None) -> list[WordMatch]:
    return [m for m in index.find(words) if scope is None or m.item.scope == scope]


def _code_one(
    context: CodingContext, sequence: int, sentence: Sentence, words: list[Word], units: list[Unit],
    match: WordMatch, cues: _SentenceCues, document_contexts: _DocumentContexts,
    actors: list[ActorMention],
) -> list[dict]:  # fmt: skip
    trigger: Trigger = match.item
    # The trigger is the words up to the first gap: in "وقّعت كازاخستان ... اتفاقية" the verb, not the
    # subject and the date between it and its object.
    head = trigger.pattern.gaps.index(True) if True in trigger.pattern.gaps else len(trigger.pattern.words)
    trigger_start, trigger_end = words[match.first].start, words[match.first + head - 1].end
    reporters = _reporters(cues.find("reporting"), words, units)
    if trigger.event in UNATTRIBUTED:
        speakers, resumed = _speakers(
            context.text, cues.find("reporting"), words, units, trigger_start, context.language
        )
        reporters = (reporters | speakers) - resumed
    # A party is never a word of the trigger: neither its head nor, after a gap, its last word
    # («محموله ... پزشکی»: the doctor in "medical" is no recipient).
    last_word = words[match.last]
    candidates = [
        u for u in units
        if u not in reporters
        and not (u.start < trigger_end and trigger_start < u.end)
        and not (u.start < last_word.end and last_word.start < u.end)
    ]  # fmt: skip
    clause_start = _reported_clause_start(context.language, cues.find("reporting"), words, trigger_start)
    clause_start = max(clause_start, _speech_clause_start(context, trigger, trigger_start))
    roles = _roles(context, words, candidates, trigger, trigger_start, trigger_end, clause_start)
    if _speech_modal(trigger):
        roles = _speech_modal_roles(context, words, candidates, cues, trigger_start, trigger_end, actors)
    if roles is None:
        if trigger.event not in UNATTRIBUTED:
            return []
        roles = _unattributed(context, candidates, trigger, trigger_start)
    actor, recipient, actor_rule, recipient_rule = roles
    other = _other_types_roles(context, words, candidates, match, *roles)
    if other is None:
        return []
    actor, recipient, actor_rule, recipient_rule = other
    audited = _audit_roles(context, words, candidates, match, trigger_start, trigger_end, other)
    if audited is None:
        return []
    actor, recipient, actor_rule, recipient_rule = audited
    if _audit2_dropped(context, words, match, cues, trigger_start, trigger_end, audited):
        return []
    if recipient is None and trigger.event == "REJECT":
        recipient, recipient_rule = _speech_proposer(context, words, actors, sentence, trigger_start, actor)
    if recipient is None and not _may_lack_recipient(trigger, cues):
        return []
    if (
        _threat_as_situation(context.language, match, actor_rule)
        or _defends_a_thing(context.language, trigger, recipient, words, trigger_end)
        or _interview(trigger, recipient)
        or _charge_or_result(context.language, words, match)
        or _named_as_purpose(context.language, words, match)
        or _participle_as_adjective(context.language, words, match)
        or _coerces_a_national(trigger, recipient)
        or _permitted_attack(context, trigger, words, match)
    ):
        return []
    if trigger.event == "PROTEST":
        actor, recipient, actor_rule, recipient_rule = _protesters(
            actor, recipient, actor_rule, recipient_rule, _named_by_trigger(units, trigger_start, trigger_end)
        )
    passive = (
        (recipient is not None or trigger.event in UNATTRIBUTED)
        and not actor_rule.startswith("not named")
        and _passive(cues.find("voice"), match, words, actor, context.language)
    )
    if _attack_as_purpose(context.language, trigger, match, cues.find("voice")):
        return []
    if passive and recipient is not None and _giver_unnamed(trigger, recipient_rule):
        return []
    if passive and recipient is not None:
        actor, recipient = recipient, actor
        actor_rule, recipient_rule = "receiving or exposure verb (roles swapped)", actor_rule
    elif recipient is not None and _host_then_guest(context, trigger, actor, recipient):
        actor, recipient = recipient, actor
        actor_rule, recipient_rule = "guest after the host's masdar («استقبال X لـY»)", actor_rule
    elif passive and trigger.event in UNATTRIBUTED:
        # «مقتل جنديين أميركيين», «تعرضت السفارة لهجوم»: the one named is the victim, the attacker unnamed.
        actor, recipient = Unit(trigger_start, trigger_start, "", None, None, None), actor
        actor_rule, recipient_rule = "not named: the one named is exposed to it", actor_rule
    if (
        trigger.event == "ASSAULT" and actor.key() and counted(context.text, actor.start)
        and not _launched(words, actor, match)
    ):  # fmt: skip
        actor, recipient, actor_rule, recipient_rule = _counted_victims(
            context.text, trigger_start, actor, recipient, actor_rule, recipient_rule
        )
    elif (
        trigger.event == "ASSAULT"
        and actor_rule == FAR_AFTER
        and _agent_phrase(words, actor, context.language)
    ):
        actor_rule = "agent of the attack: marked by «شنه», «على يد», by, or qualifying the attack noun"
    elif trigger.event == "ASSAULT" and actor_rule == FAR_AFTER:
        # An attack's agent is its subject, before the verb or right after it (VSO); an actor further
        # on is what was attacked («هجوم انتحاري استهدف موكبا لسفارة الولايات المتحدة»).
        if recipient is None:
            recipient, recipient_rule = actor, "object of the attack (no subject named)"
        actor, actor_rule = Unit(trigger_start, trigger_start, "", None, None, None), "not named: no subject"
    elif (
        trigger.event == "ASSAULT" and context.language == "ar" and actor.end <= trigger_start
        and recipient is None and _no_object_follows(words, match)
    ):  # fmt: skip
        # «جنديين عراقيين قتلا بانفجار عبوة»: Arabic writes "were killed" like "killed"; with no
        # object after the verb, its subject is the one killed, the attacker unnamed.
        actor, recipient = Unit(trigger_start, trigger_start, "", None, None, None), actor
        actor_rule, recipient_rule = (
            "not named: the subject of a verb with no object is its victim",
            actor_rule,
        )
    elif trigger.event == "ASSAULT" and actor.start >= trigger_end and _count_follows(words, match):
        # «قتل 20 شخصا ... في بغداد»: the verb's object or passive subject is the count; no one after
        # it is the attacker.
        actor, actor_rule = (
            Unit(trigger_start, trigger_start, "", None, None, None),
            "not named: victims counted",
        )
    if (
        trigger.event == "ASSAULT" and recipient is not None and actor.key()
        and trigger_end <= recipient.start and actor.end <= recipient.start
        and _attack_after(words, trigger_end, recipient)
        and _attack_agent(words, recipient, context.language, cues.find("voice"))
    ):  # fmt: skip
        # «قتل جنديان في هجوم شنه مسلحون صوماليون»: the one after the verb was killed; the author of
        # the attack named further on killed them.
        actor, recipient = recipient, actor
        actor_rule, recipient_rule = "agent of the attack that did it (roles swapped)", actor_rule
    elif trigger.event == "ASSAULT" and actor_rule.startswith("not named"):
        author = _attack_author(context, words, candidates, trigger_end, cues.find("voice"))
        if author is not None:
            actor, actor_rule = author, "agent of the attack that did it, named after the victims"
            if author is recipient:
                recipient, recipient_rule = None, "not named: the victims are counted, not coded"
    if _audit_condemned_attack(context.language, words, trigger, trigger_start, actor):
        return []
    if trigger.event == "ASSAULT":
        actor = _armed_forces(actor)
    if recipient is not None and _solidarity(context.language, trigger, words, match, recipient_rule):
        trigger = replace(trigger, event="SUPPORT", mode=None)
        recipient_rule += ", told of an attack it suffered (solidarity)"
    if _warships_sailing(context.language, trigger, words, actor):
        trigger, recipient = replace(trigger, event="MOBILIZE", mode="troops"), None
        actor_rule += ", warships sailing toward a theatre (a deployment, no visit)"
    modality, modality_rule = _modality(context, cues.find("modality"), words, match)
    date, precision = cues.date(context, sentence)
    if modality == "asserted" and _is_background(date, context.published):
        modality, modality_rule = "reported_historical", f"dated {date}, well before publication"
    contexts = list(trigger.context)
    for cue in cues.find("contexts"):
        if cue.item.label not in contexts:
            contexts.append(cue.item.label)
    if not contexts:
        contexts = list(document_contexts.most_frequent())
    mode = trigger.mode
    for cue in cues.find("modes"):
        if cue.item.event == trigger.event:
            mode = cue.item.label
            break
    cameo = packaged_lexicon().cameo
    confidence = event_confidence(
        packaged_lexicon().confidence, recipient_rule if recipient else NO_RECIPIENT, actor_rule
    )
    named = not actor_rule.startswith("not named")
    explanation = (
        f"{context.language} trigger '{trigger.pattern.source}' -> {trigger.event} (triggers.tsv line "
        f"{trigger.line}); actor by {actor_rule}; "
        + (f"recipient by {recipient_rule}" if recipient else "no recipient")
        + (f"; {modality} by {modality_rule}" if modality != "asserted" else "")
    )
    event = {
        "id": "",
        "event": trigger.event,
        "mode": mode,
        "context": contexts,
        "actor": actor.as_actor(),
        "recipient": recipient.as_actor() if recipient else None,
        "date": date,
        "date_precision": precision,
        "modality": modality,
        "event_loc": _place(context, sentence, actors),
        "event_text": context.text[sentence.start : sentence.end],
        "text_info": {"sequence": sequence, "start": sentence.start, "end": sentence.end},
        "trigger": {
            "start": trigger_start,
            "end": trigger_end,
            "text": context.text[trigger_start:trigger_end],
        },
        "confidence": confidence,
        "explanation": explanation,
        "cameo": cameo.get((trigger.event, modality)) or cameo.get((trigger.event, "*")),
        # Which of two reports of one event to keep (the key leaves out sectors, so "the police
        # attacked" and "an attack on the police" share it): a named actor, then one with a
        # recipient, then one found as the subject. Taken out of the record by ``_deduplicate``.
        _RANK: (named, named and recipient is not None, named and actor_rule.startswith("subject")),
    }
    if recipient is None or _among_listed(context.text, trigger, actor, recipient):
        return [event]
    copies = [event]
    for coordinated in _coordinated_with(context.text, units, recipient, actor):
        copy = {**event, "recipient": coordinated.as_actor()}
        copy["explanation"] = f"{explanation}; recipient coordinated with '{recipient.text}'"
        copies.append(copy)
    return copies


def _named_by_trigger(units: list[Unit], trigger_start: int, trigger_end: int) -> Unit | None:
    """The protesters the trigger word itself names: «المتظاهرون الفلسطينيون», «متظاهرين», "protesters"
    are both the protest and who protests."""
    return next(
        (
            u for u in units
            if u.start < trigger_end and trigger_start < u.end and u.sector in PROTESTING_SECTORS
        ),
        None,
    )  # fmt: skip


def _protesters(
    named: Unit, recipient: Unit | None, actor_rule: str, recipient_rule: str, in_trigger: Unit | None
) -> tuple[Unit, Unit | None, str, str]:
    """Who protests. A protesting group found as the subject; else the protesters the trigger names
    («المتظاهرون الصوماليون»). A state, a capital or a state organ does not march: in "protests in
    Kazakhstan" or "the police dispersed the protesters" civilians protest, of no stated country (the
    state is where they march, not whose they are), and the state's government or the organ is whom
    they face, unless a preposition named another target."""
    unnamed = actor_rule.startswith("not named")
    if named.sector in PROTESTING_SECTORS and not unnamed:
        return named, recipient, actor_rule, recipient_rule
    if in_trigger is not None:
        actor, actor_rule = in_trigger, "the protesters the trigger names"
    elif unnamed:
        return named, recipient, actor_rule, recipient_rule
    else:
        actor = Unit(named.start, named.start, "", None, "CVL", None)
        actor_rule += "; civilians protest, not the state or organ named"
    if unnamed:
        return actor, recipient, actor_rule, recipient_rule
    if (named.code or named.sector) and (recipient is None or not recipient_rule.startswith("preposition")):
        recipient = replace(named, sector="GOV") if named.kind == "state" else named
        recipient_rule = "the state or organ the protesters face"
    return actor, recipient, actor_rule, recipient_rule


# Verbs of carrying out an act («نفذوا الغارة», «يشن غارة», «قام ... بقتل»): their subject is its author.
LAUNCH_VERBS = frozenset(
    normalize_string(w)
    for w in (
        "نفذ نفذت نفذوا نفذا ونفذ ونفذت ونفذوا ينفذ تنفذ ينفذون شن شنت شنوا شنا وشن وشنت وشنوا يشن تشن "
        "يشنون قام قامت قاموا قاما وقام وقامت وقاموا يقوم تقوم يقومون"
    ).split()
)
LAUNCH_WORDS = 12  # words from a launching verb before its subject to the act it launches


def _launched(words: list[Word], actor: Unit, match: WordMatch) -> bool:
    """True when a counted actor carries the act out («ثمانية جنود أميركيين نفذوا الغارة», «قام عشرة
    جنود بقتل ...»): a launching verb stands between it and the trigger, right before it, or opens the
    trigger. Victims are never the subject of such a verb."""
    first = bisect.bisect_left(words, actor.start, key=_word_start)
    start = max(0, min(first - 2, match.first), match.first - LAUNCH_WORDS)  # the verb, then a count
    return any(w.text in LAUNCH_VERBS for w in words[start : match.first + 1])


def _counted_victims(
    text: str, trigger_start: int, actor: Unit, recipient: Unit | None, actor_rule: str, recipient_rule: str
) -> tuple[Unit, Unit | None, str, str]:
    """News counts the victims of an attack, not its authors: «قتل 13 عراقيا», «ثلاثة جنود أميركيين
    قتلوا», "five soldiers were killed" (Arabic writes the passive like the active). A counted actor
    is the target; the other party, when it is not counted too and stands before the trigger or after
    a preposition, is the attacker."""
    if (
        recipient is not None
        and (recipient.end <= trigger_start or recipient_rule.startswith("preposition"))
        and not counted(text, recipient.start)
    ):
        return recipient, actor, recipient_rule + " (the counted party is the victim)", actor_rule
    unnamed = Unit(trigger_start, trigger_start, "", None, None, None)
    return unnamed, actor, "not named: the counted party is the victim", actor_rule


def _agent_phrase(words: list[Word], unit: Unit, language: str) -> bool:
    """True when the unit is the author of an attack named further on: after an agent marker («غارة
    شنتها طائرات روسية», «على يد», «من قبل», «توسط», "by") or qualifying an attack noun right before
    it («ضربة جوية اميركية», «هجوم لطالبان»)."""
    before = [w.text for w in words if w.end <= unit.start][-3:]
    if not before:
        return False
    markers = AGENT_MARKERS[language]
    # The marker, maybe with the head noun of the unit's adjective between («شنتها طائرات روسية»).
    if any(w in markers for w in before[-2:]) or " ".join(before[-2:]) in markers:
        return True
    triggers = _indexes(language)["triggers"]
    return any(m.item.event == "ASSAULT" and m.last == len(before) - 1 for m in triggers.find(before))


AUTHOR_WORDS = 6  # words from a victim's verb to the author of the attack that killed them


def _armed_forces(actor: Unit) -> Unit:
    """A state named by its adjective as the author of an attack («غارة أميركية», «صاروخ إسرائيلي»,
    «وحدة إسرائيلية») attacked through its armed forces (MIL), not its government."""
    if actor.kind == "state" and actor.form_role == "adjective" and actor.sector == "GOV":
        return replace(actor, sector="MIL")
    return actor


def _attack_agent(words: list[Word], unit: Unit, language: str, voice: list[WordMatch]) -> bool:
    """True when the unit is the author of an attack named before it, not the victim a killing noun
    names («بمقتل جندي أميركي»: the soldier was killed)."""
    first = bisect.bisect_left(words, unit.start, key=_word_start)
    return _agent_phrase(words, unit, language) and not any(cue.last == first - 1 for cue in voice)


def _attack_after(words: list[Word], trigger_end: int, unit: Unit) -> bool:
    """True when another attack phrase (a preposition and an attack noun at least) stands between the
    trigger and the unit: «قتلوا في ضربة ...», not the verb's own object («خطفوا القنصل»)."""
    return _words_between(words, trigger_end, unit.start) >= 2


def _attack_author(
    context: CodingContext,
    words: list[Word],
    candidates: list[Unit],
    trigger_end: int,
    voice: list[WordMatch],
) -> Unit | None:
    """The author of the attack a victim's verb points to: «قتل ثلاثة مسلحين في ضربة جوية أميركية»,
    «قتل جنديان في هجوم شنه مسلحون صوماليون». The victims were counted or exposed, so the verb reads as
    a passive; the attack noun after it (or its agent marker) names who did it. Not a counted party
    (a victim again) and within a few words of the verb."""
    for unit in candidates:
        if unit.start < trigger_end or not unit.key():
            continue
        if _words_between(words, trigger_end, unit.start) > AUTHOR_WORDS:
            return None
        if (
            not counted(context.text, unit.start)
            and _attack_after(words, trigger_end, unit)
            and _attack_agent(words, unit, context.language, voice)
        ):
            return unit
    return None


def _no_object_follows(words: list[Word], match: WordMatch) -> bool:
    """True when an Arabic verb trigger is followed by a cause, a time or place, or another passive
    verb instead of an object: «قتلا بانفجار», «قتلوا في هجوم», «قتلوا امس», «قتلوا وأصيب»."""
    following = match.last + 1
    if len(match.item.pattern.words) != 1 or following >= len(words):
        return False
    word = words[following].text
    return word in NO_OBJECT_WORDS or (word.startswith("ب") and word[1:] in PASSIVE_CAUSES)


def _count_follows(words: list[Word], match: WordMatch) -> bool:
    """True when a number or a counting word comes right after the trigger («قتل 20 شخصا»)."""
    following = match.last + 1
    return following < len(words) and (
        words[following].text.isdigit() or words[following].text in COUNT_WORDS
    )


def _host_then_guest(context: CodingContext, trigger: Trigger, actor: Unit, recipient: Unit) -> bool:
    """«استقبال الملك لوزير الخارجية»: after a hosting masdar the genitive is the host when the guest
    follows with «لـ» (alone, the genitive is the guest: «استقبال الرئيس الصيني»); the guest consults."""
    if context.language != "ar" or trigger.mode != "host" or len(trigger.pattern.words) != 1:
        return False
    word_start = recipient.start
    while word_start > 0 and context.text[word_start - 1].isalpha():
        word_start -= 1
    glued = normalize_string(context.text[word_start : recipient.start])
    return actor.end <= recipient.start and glued in ("ل", "لل")


def _threat_as_situation(language: str, match: WordMatch, actor_rule: str) -> bool:
    """«التهديدات كثيرة», «الرد على التهديد الممتد عبر الحدود»: a definite threat or warning noun with
    no author right after it names a danger, not a threat someone made («التهديدات الإيرانية» has one)."""
    return (
        language == "ar"
        and match.item.event == "THREATEN"
        and len(match.item.pattern.words) == 1
        and match.prefix.endswith(ARABIC_DEFINITE_PREFIXES)
        and not actor_rule.startswith("subject or genitive right after")
    )


def _defends_a_thing(
    language: str, trigger: Trigger, recipient: Unit | None, words: list[Word], trigger_end: int
) -> bool:
    """«الدفاع عن الحدود», "defend its borders": what is defended right after the verb is a thing, so
    the state named further on is not the one supported (Persian puts the defended before the verb)."""
    return (
        language in ("ar", "en")
        and trigger.mode == "defend"
        and (
            recipient is None
            or recipient.start < trigger_end
            or _words_between(words, trigger_end, recipient.start) > 1
        )
    )


# Words right before a trigger that make it the charge of an accusation, an arrest or a sentence
# («بتهمة التعذيب», «به اتهام جاسوسی», "charged with spying"), or the result of an act the sentence
# tells («باعث کشته شدن», «منجر به ... شد»): what is charged or caused is not an event of its own.
CHARGE_OR_RESULT = {
    "ar": tuple(tuple(normalize_string(w).split()) for w in ("بتهمة", "بتهم", "بتهمتي", "بجريمة")),
    "fa": tuple(
        tuple(normalize_string(w).split()) for w in ("به اتهام", "باتهام", "به جرم", "باعث", "منجر به")
    ),
    "en": tuple(tuple(w.split()) for w in ("charged with", "accused of", "charges of", "convicted of")),
}


# Words right before a trigger that make it the aim of what the sentence tells («من أجل التوصل إلى
# اتفاق», «به منظور کاهش تاثیر تحریم‌ها», "in order to ease"): an aim is not an act done.
PURPOSE = {
    "ar": tuple(tuple(normalize_string(w).split()) for w in ("من أجل", "لأجل", "بهدف")),
    "fa": tuple(tuple(normalize_string(w).split()) for w in ("به منظور", "با هدف", "به قصد")),
    "en": tuple(tuple(w.split()) for w in ("in order to", "with the aim of", "aimed at")),
}


def _after_marker(
    markers: dict[str, tuple[tuple[str, ...], ...]], language: str, words: list[Word], match: WordMatch
) -> bool:
    """True when one of the language's markers (runs of words) ends right before the trigger. The
    word just before it is compared first: it rarely ends a marker, and then no run is built."""
    if match.first == 0:
        return False
    previous = words[match.first - 1].text
    for marker in markers.get(language, ()):
        start = match.first - len(marker)
        if (
            start >= 0
            and marker[-1] == previous
            and tuple(w.text for w in words[start : match.first]) == marker
        ):
            return True
    return False


def _charge_or_result(language: str, words: list[Word], match: WordMatch) -> bool:
    """A trigger right after a charge or result marker names what someone is charged with or what
    an act caused: the torture in a court's charge, the deaths an attack caused, not new events."""
    return _after_marker(CHARGE_OR_RESULT, language, words, match)


# Arabic «لـ» glued before an imperfect verb of the third person (ليسمح, ليبحث): "so that he allows",
# the aim of the act told. Not «لت»/«لن»: masdars begin so («لتقديم», «لنقل»).
ARABIC_PURPOSE_PREFIX = "لي"


def _named_as_purpose(language: str, words: list[Word], match: WordMatch) -> bool:
    """A trigger right after «من أجل», «به منظور», "in order to" is what an act aims at, not an act;
    so is an Arabic imperfect verb glued to «لـ» («أنهى التعليق ليسمح بتسليم الأسلحة»)."""
    purpose_verb = language == "ar" and (
        match.prefix == ARABIC_PURPOSE_PREFIX
        or (match.prefix == "ل" and match.item.pattern.words[0].startswith("ي"))
    )
    return purpose_verb or _after_marker(PURPOSE, language, words, match)


# Attacks a condemnation may be about: «أعرب عن استنكاره للاعتداء», «أدان الهجوم».
ATTACK_NOUNS = frozenset(
    normalize_string(prefix + noun)
    for noun in "اعتداء اعتداءات هجوم هجمات تفجير تفجيرات".split()
    for prefix in ("", "ال", "لل", "ب", "بال")
)


def _solidarity(
    language: str, trigger: Trigger, words: list[Word], match: WordMatch, recipient_rule: str
) -> bool:
    """«تلقى الملك اتصالا من ملك البحرين أعرب فيه عن استنكاره للاعتداء»: condemning an attack, with
    no one named as its author but the state told of it, is solidarity with that state (guidelines:
    condolences, solidarity -> SUPPORT), not an accusation of it."""
    return (
        language == "ar"
        and trigger.event == "ACCUSE"
        and recipient_rule == OTHER_ACTOR
        and bool(ATTACK_NOUNS & {w.text for w in words[match.last + 1 : match.last + 4]})
    )


# What may follow a Persian past participle that is the verb of its clause: an auxiliary, or «و» where a
# second clause shares it («سه نفر کشته شده و ...»).
PERSIAN_AFTER_PREDICATE = frozenset(normalize_string(w) for w in "است اند بود بودند باشد باشند و".split())
PERSIAN_PARTICIPLE = normalize_string("شده")


def _participle_as_adjective(language: str, words: list[Word], match: WordMatch) -> bool:
    """«نظامیان کشته شده ترک در ادلب بودند»: a one-word Persian trigger followed by the bare participle
    «شده» and then neither an auxiliary nor «و» describes the noun before it (the soldiers who were
    killed, told earlier): the sentence is about them, not about a new act."""
    after = match.last + 1
    return (
        language == "fa"
        and len(match.item.pattern.words) == 1
        and after + 1 < len(words)
        and words[after].text == PERSIAN_PARTICIPLE
        and words[after + 1].text not in PERSIAN_AFTER_PREDICATE
    )


# Words that grant leave to act («السماح للجيش الأمريكي بشن ضربات», «اجازه داد ... حمله کند», "allowed
# ... to launch strikes"): the attack after them is what was allowed, not an attack made.
PERMISSION = {
    "ar": frozenset(normalize_string(w) for w in "السماح بالسماح يسمح تسمح سمح سمحت وسمح وسمحت".split()),
    "fa": frozenset(normalize_string(w) for w in "اجازه".split()),
    "en": frozenset("allow allows allowed allowing permit permits permitted permitting permission".split()),
}
# Words from a permission word to the attack it allows; Persian puts the verb last, after its places.
PERMISSION_WORDS = {"ar": 6, "fa": 10, "en": 6}


def _permitted_attack(context: CodingContext, trigger: Trigger, words: list[Word], match: WordMatch) -> bool:
    """An attack a few words after a permission word, in the same clause, is the leave given (a
    base opened to an ally's strikes), not a strike made; the content window of the outer trigger
    is too short to hold it («وافقت على السماح للجيش الأمريكي بشن ضربات»)."""
    if trigger.event != "ASSAULT":
        return False
    permission = PERMISSION.get(context.language, frozenset())
    before = words[max(0, match.first - PERMISSION_WORDS.get(context.language, 6)) : match.first]
    return any(
        word.text in permission and not _clause_break(context.text, word.end, words[match.first].start)
        for word in before
    )


# Warship words before the state they belong to («دو ناو موشک‌انداز روسی», «سفن حربية روسية», "Russian
# warships" names the state first): ships that travel are deployed, they pay no visit.
WARSHIPS = {
    "ar": frozenset(normalize_string(w) for w in "سفن سفينة بارجة بوارج مدمرة مدمرات فرقاطة فرقاطات".split()),
    "fa": frozenset(normalize_string(w) for w in "ناو ناوها ناوهای ناوشکن ناوگان زیردریایی".split()),
    "en": frozenset("warship warships destroyer destroyers frigate frigates fleet".split()),
}
WARSHIP_WORDS = 4  # words from a warship word to the state it belongs to


def _warships_sailing(language: str, trigger: Trigger, words: list[Word], actor: Unit) -> bool:
    """A journey («عازم ... شدند», «توجهت») whose subject is warships is a naval deployment toward a
    theatre: MOBILIZE with no recipient (guidelines), not a visit to the coast's state."""
    if trigger.event != "CONSULT":
        return False
    before = [word.text for word in words if word.end <= actor.start][-WARSHIP_WORDS:]
    return any(word in WARSHIPS.get(language, frozenset()) for word in before)


def _coerces_a_national(trigger: Trigger, recipient: Unit | None) -> bool:
    """A sentence or crackdown (COERCE with no mode of its own) on someone named by a nationality word
    («حكم بالسجن على ... البريطاني») or on a private person of a country («الصحفي البريطاني») falls
    on that person, not on his state: the guidelines count only measures against another state's
    officials or property as interstate coercion."""
    return (
        trigger.event == "COERCE"
        and trigger.mode is None
        and recipient is not None
        and (recipient.form_role == "adjective" or recipient.sector in PROTESTING_SECTORS)
    )


def _attack_as_purpose(language: str, trigger: Trigger, match: WordMatch, voice: list[WordMatch]) -> bool:
    """«كقاعدة للهجوم», «استعدادا للهجوم»: an Arabic attack noun glued to «لل» (for the attack) names a
    purpose, not an attack made; right after an exposure word («عرضة للهجوم») it is the attack
    suffered, and stays. A beating («للضرب») is left alone: it is mostly suffered."""
    return (
        language == "ar"
        and trigger.event == "ASSAULT"
        and len(trigger.pattern.words) == 1
        and trigger.pattern.words[0] in ATTACK_NOUNS
        and match.prefix == "لل"
        and not any(match.first - 2 <= cue.last < match.first for cue in voice)
    )


def _interview(trigger: Trigger, recipient: Unit | None) -> bool:
    """«في لقاء مع قناة تلفزيونية», "in an interview with the BBC": a meeting whose other side is a
    media outlet of no stated state is an interview, a statement, not a consultation between actors."""
    return (
        trigger.event == "CONSULT"
        and recipient is not None
        and recipient.sector == "MED"
        and recipient.code is None
        and recipient.org is None
    )


def _giver_unnamed(trigger: Trigger, recipient_rule: str) -> bool:
    """«وتلقت تشيلي وأرمينيا إشادة»: what is received comes from someone the sentence names as its
    giver («إشادة من X», «حملة انتقادات من قبل X» after the one exposed); a state that is only some
    other actor of the sentence is no giver. A host's guest is its object (CONSULT), and an attack's
    author may stay unnamed."""
    return trigger.event not in UNATTRIBUTED | {"CONSULT"} and recipient_rule.startswith("other actor")


def _may_lack_recipient(trigger: Trigger, cues: _SentenceCues) -> bool:
    """An event with no counterpart is coded only when it needs none (an attack, a protest, a deployment)
    or the sentence names a general addressee ("the international community", "anyone who"). Otherwise
    the counterpart is there but unresolved (a pronoun, an unknown name), and a null recipient would be
    false; a meeting or an agreement always has two sides."""
    if trigger.event in SYMMETRIC:
        return False
    return trigger.event in NO_RECIPIENT_NEEDED or bool(cues.find("addressees"))


def _passive(voice: list[WordMatch], match: WordMatch, words: list[Word], actor: Unit, language: str) -> bool:
    """True when an exposure or receiving word stands just before the trigger ("عرضة لحملة انتقادات"),
    is part of it («تلقى اتصالا», «استقبل»), or is the verb of the source standing between them
    («تلقى الملك سلمان اتصالا هاتفيا من ...», «تعرضت السفارة ... لهجوم») and no trigger itself (in
    «لاستقبال الرئيس الصيني خلال زيارة» the host receives, the visit is still the guest's)."""
    trigger_start = words[match.first].start
    for cue in voice:
        distance = match.first - cue.last
        if 0 < distance <= 2 or match.first <= cue.first <= match.last:
            return True
        if (
            0 < distance <= VOICE_VERB_WORDS
            and words[cue.last].end <= actor.start < trigger_start
            and not _indexes(language)["triggers"].find([w.text for w in words[cue.first : cue.last + 1]])
        ):
            return True
    return False


def _reporters(reporting: list[WordMatch], words: list[Word], units: list[Unit]) -> set[Unit]:
    """Units introduced by a reporting expression ("قالت الصحيفة", "به گزارش ایرنا", "said X")."""
    found: set[Unit] = set()
    for match in reporting:
        cue_end = words[match.last].end
        cue_start = words[match.first].start
        for unit in units:
            after = 0 <= unit.start - cue_end <= 12
            before = 0 <= cue_start - unit.end <= 3
            if (after or before) and unit.sector in ("MED", "EDU", None):
                found.add(unit)
    return found


def _speakers(
    text: str,
    reporting: list[WordMatch],
    words: list[Word],
    units: list[Unit],
    trigger_start: int,
    language: str,
) -> tuple[set[Unit], set[Unit]]:
    """Who reports an attack or a protest is not its author. A unit after a reporting or announcing
    verb and before the clause, quotation or verbal noun of the trigger stands outside it: «قالت
    الشرطة الباكستانية إن ... قتلوا», «أعلن مصدر في الشرطة «مقتل ...», «أعلن الجيش مقتل ...»,
    "police said that ..."; so does one right after an attribution («حسب مسؤولين باكستانيين»).
    Returns those speakers, and apart the speakers the clause takes up («أكد الحلف أنه قتل»), who
    acted and are no reporters."""
    found: set[Unit] = set()
    resumed: set[Unit] = set()
    marks = COMPLEMENTIZERS.get(language, frozenset())
    cues = [(words[m.first].start, words[m.last].end) for m in reporting]
    cues += [(w.start, w.end) for w in words if w.text in ANNOUNCING.get(language, frozenset())]
    for cue_start, cue_end in cues:
        if cue_start > trigger_start:
            found.update(u for u in units if 0 <= u.start - cue_end <= 12)  # an attribution after it
            continue
        index = next((i for i, w in enumerate(words) if w.start >= cue_end and w.text in marks), None)
        opener = words[index].start if index is not None else trigger_start
        quote = text.find("«", cue_end, trigger_start)
        boundary = min(opener, trigger_start, quote if quote >= 0 else trigger_start)
        speakers = {u for u in units if cue_end <= u.start and u.end <= boundary}
        if index is not None and opener < trigger_start and _resumes_speaker(words, index):
            resumed |= speakers  # «قال الجيش إن قواته قتلت ...», «أكد الحلف أنه قتل ...»: the speaker acted
        else:
            found |= speakers
    return found - resumed, resumed


def _resumes_speaker(words: list[Word], opener: int) -> bool:
    """True when the reported clause takes up its speaker: a pronoun on the complementizer («أنه قتل»,
    «إنها شنت») or on the forces that acted («إن قواته», «أن جنوده»)."""
    if words[opener].text in SPEAKER_PRONOUNS:
        return True
    following = words[opener + 1].text if opener + 1 < len(words) else ""
    return any(following == base + suffix for base in SPEAKER_FORCES for suffix in ("ه", "ها", "هم", "نا"))


def _marked_as_place(context: CodingContext, words: list[Word], unit: Unit) -> bool:
    """True when a locative preposition governs a country or city: «في بكين», «در مسکو», "in Beijing"
    name where the event happens (or where an envoy serves), not a party to it; so do «في العاصمة
    كاتماندو», «في وسط بغداد» (the preposition governs the whole place phrase) and a capital glued to
    ب («ببغداد»). A ministry after it («معاون ... در وزارت خارجه روسیه») is where a speaker works, and
    stays."""
    if unit.kind != "state":
        return False
    if _audit_place_adjective(context.language, words, unit) or _audit2_feature_place(
        context.language, words, unit
    ):
        return True
    if (
        context.language == "ar"
        and unit.form_role == "capital"
        and _glued_prefix(context.text, unit.start) in ARABIC_CLITIC_PLACE
    ):
        return True
    before = [w for w in words if w.end <= unit.start]
    heads = 0
    while len(before) > 1 and before[-1].text in PLACE_HEADS[context.language]:
        before.pop()  # «في [العاصمة] كاتماندو»: the preposition governs the whole place phrase
        heads += 1
    return (
        bool(before)
        and before[-1].text in PLACE_MARKERS[context.language]
        and (heads > 0 or unit.start - before[-1].end <= 2)
    )


def _glued_prefix(text: str, start: int) -> str:
    """The letters glued before a unit in its word (Arabic clitics: "ل", "وب"), normalised."""
    word_start = start
    while word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    return normalize_string(text[word_start:start])


def _marked_as_target(context: CodingContext, words: list[Word], unit: Unit) -> bool:
    """True when a preposition governs the unit (a word before it, or an Arabic clitic on it)."""
    markers = TARGET_MARKERS[context.language]
    # Words are in text order: the nearest one on each side is found without listing all the others.
    before = next((w for w in reversed(words) if w.end <= unit.start), None)
    if before is not None and before.text in markers and unit.start - before.end <= 2:
        return True
    if context.language == "ar":
        return _glued_prefix(context.text, unit.start) in ARABIC_CLITIC_TARGET
    if context.language == "fa":
        after = next((w for w in words if w.start >= unit.end), None)
        return after is not None and after.text == PERSIAN_OBJECT_MARKER
    return False


def _reported_clause_start(
    language: str, reporting: list[WordMatch], words: list[Word], trigger_start: int
) -> int:
    """Where the reported clause of a Persian trigger begins: after the last reporting verb before it
    («معاون وزیر خارجه روسیه گفت، ایالات متحده ... امتناع ورزید»: the United States refused, the speaker
    only tells it). 0 when no reporting verb stands before the trigger."""
    if language != "fa":
        return 0
    ends = [words[m.last].end for m in reporting if words[m.last].end <= trigger_start]
    return max(ends, default=0)


def _roles(
    context: CodingContext, words: list[Word], units: list[Unit], trigger: Trigger, trigger_start: int,
    trigger_end: int, clause_start: int = 0,
) -> tuple[Unit, Unit | None, str, str] | None:  # fmt: skip
    """(source, target, how the source was found, how the target was found), or None without a source.
    A subject of the reported clause (after ``clause_start``) is preferred to the one who reports it."""
    language = context.language
    limit = MAX_SOURCE_DISTANCE[language]
    places = [u for u in units if _marked_as_place(context, words, u)]
    units = [u for u in units if u not in places]
    targets = [u for u in units if _marked_as_target(context, words, u)]
    subjects = [
        u for u in units
        if u not in targets and min(_words_between(words, u.end, trigger_start),
                                    _words_between(words, trigger_end, u.start)) <= limit
    ]  # fmt: skip
    before = [u for u in subjects if u.end <= trigger_start]
    before = [u for u in before if u.start >= clause_start] or before
    after = [u for u in subjects if u.start >= trigger_end]
    right_after = [
        u for u in after
        if _words_between(words, trigger_end, u.start) <= GENITIVE_WORDS
        and not _clause_break(context.text, trigger_end, u.start)
    ]  # fmt: skip
    nominal = _is_nominal(trigger, language) and not _plural_verb(words, trigger_start, language)
    actor: Unit | None = None
    rule = ""
    right_before = [u for u in before if _words_between(words, u.end, trigger_start) == 0]
    antecedent = _relative_antecedent(language, words, before, trigger_start)
    if antecedent is not None:
        actor, rule = antecedent, "antecedent of the relative pronoun before the verb"
    elif language == "ar" and right_before and not _nominal_has_genitive(right_after, nominal):
        actor, rule = right_before[-1], "subject right before the verb (SVO, headline style)"
    elif language == "ar" and right_after:
        actor, rule = right_after[0], "subject or genitive right after the trigger (VSO)"
    elif language == "fa" and nominal and right_after:
        actor, rule = right_after[0], "genitive (ezafe) after the verbal noun"
    elif before:
        actor, rule = (
            (before[0], "subject at the head of the clause (SOV)")
            if language == "fa"
            else (before[-1], "subject before the trigger (SVO)")
        )
    elif after:
        actor, rule = after[0], FAR_AFTER
    if actor is None:
        return None
    if language == "ar" and rule.startswith("subject right before"):
        head = _coordinated_head(context.text, before, actor)
        if head is not actor:
            partner, actor, rule = actor, head, "first of the subjects coordinated before the verb"
            if trigger.event in SYMMETRIC and all(u.key() in (None, actor.key()) for u in targets):
                return actor, partner, rule, "second of the coordinated subjects"
    recipient, recipient_rule = _recipient(actor, targets, subjects, trigger_start, trigger.event, language)
    return actor, recipient, rule, recipient_rule


CLAUSE_BREAK = re.compile(r"[,،;؛:.!?]")


def _clause_break(text: str, start: int, end: int) -> bool:
    """True when punctuation closes the trigger's phrase before ``end``: in «رداً على عملية الاختطاف،
    قصفت كتائب القسام» the brigades are the subject of the next verb, not the genitive of the noun."""
    return CLAUSE_BREAK.search(text, start, end) is not None


def _plural_verb(words: list[Word], trigger_start: int, language: str) -> bool:
    """An Arabic trigger written with the plural verb ending («خطفوا», «هاجموا») is a verb, not a
    verbal noun: its subject may stand before it («مجهولين خطفوا القنصل»)."""
    word = next((w.text for w in words if w.start == trigger_start), "")
    return language == "ar" and word.endswith("وا")


# Persian plural endings written apart (ZWNJ): a form ending in one is a noun («کمک های»).
PERSIAN_PLURALS = frozenset(normalize_string(w) for w in "ها های".split())


def _is_nominal(trigger: Trigger, language: str) -> bool:
    """A verbal noun (one word, or a Persian plural noun «کمک‌های») takes its source from the genitive
    after it, where a verb takes the subject."""
    words = trigger.pattern.words
    return len(words) == 1 or (language == "fa" and words[-1] in PERSIAN_PLURALS)


def _relative_antecedent(
    language: str, words: list[Word], before: list[Unit], trigger_start: int
) -> Unit | None:
    """«أحمدي نجاد الذي زار السودان»: a verb right after a relative pronoun has the noun before the
    pronoun as its subject (the state after the verb is its object)."""
    if language != "ar":
        return None
    preceding = [w for w in words if w.end <= trigger_start]
    if not preceding or preceding[-1].text not in ARABIC_RELATIVES:
        return None
    pronoun = preceding[-1]
    near = [u for u in before if u.end <= pronoun.start and _words_between(words, u.end, pronoun.start) == 0]
    return near[-1] if near else None


def _unattributed(
    context: CodingContext, units: list[Unit], trigger: Trigger, trigger_start: int
) -> tuple[Unit, Unit | None, str, str]:
    """An attack or a protest whose author the sentence does not name: attackers unknown, protesters
    civilians of no stated country (the place says where they marched, not whose they are)."""
    if trigger.event == "PROTEST":
        actor = Unit(trigger_start, trigger_start, "", None, "CVL", None)
        rule = "not named: civilians"
    else:
        actor = Unit(trigger_start, trigger_start, "", None, None, None)
        rule = "not named: unknown attackers"
    recipient = min(units, key=lambda u: abs(u.start - trigger_start)) if units else None
    return actor, recipient, rule, "nearest actor of the sentence"


def _nominal_has_genitive(right_after: list[Unit], nominal: bool) -> bool:
    """A verbal noun followed by its genitive ("زيارة الرئيس") takes the genitive as its source."""
    return nominal and bool(right_after)


_COORDINATION = re.compile(r"[\s,،]*(?:\b(?:and|as well as)\b|(?<!\w)و(?:حتى|كذلك)?(?!\w)|[,،])[\s,،]*")


def _coordinated_head(text: str, before: list[Unit], subject: Unit) -> Unit:
    """The first of the subjects listed together before a verb («الرياض وطهران تتفقان»): the first
    named is the source, as the dev guidelines code symmetric events."""
    head = subject
    for unit in sorted(before, key=lambda u: u.start, reverse=True):
        if unit.end > head.start:
            continue
        gap = text[unit.end : head.start]
        if (
            not (_COORDINATION.fullmatch(gap) or _COORDINATION.fullmatch(gap + "و"))
            or "،" in gap
            or "," in gap
        ):
            break
        head = unit
    return head


def _among_listed(text: str, trigger: Trigger, actor: Unit, recipient: Unit) -> bool:
    """A meeting or agreement among parties listed together («بين چین، ایالات متحده، روسیه، فرانسه و
    انگلیس») is one event among them all, coded as its first two: the others are not each the
    counterpart of the first."""
    return (
        trigger.event in SYMMETRIC
        and actor.end <= recipient.start
        and bool(_COORDINATION.fullmatch(text[actor.end : recipient.start]))
    )


def _coordinated_with(text: str, units: list[Unit], first: Unit, actor: Unit) -> list[Unit]:
    """Targets listed together with ``first`` ("تايلاند وروسيا و ايران وحتى ليبيا"): each one is a
    target of the same event."""
    chain: list[Unit] = []
    last = first
    for unit in sorted((u for u in units if u.start >= first.end), key=lambda u: u.start):
        gap = text[last.end : unit.start]
        glued_and = not gap and text[unit.start - 1 : unit.start] == "و"
        if not (_COORDINATION.fullmatch(gap) or glued_and or _COORDINATION.fullmatch(gap + "و")):
            break
        if unit.key() not in (actor.key(), first.key()) and unit.key() not in {u.key() for u in chain}:
            chain.append(unit)
        last = unit
    return chain


def _recipient(
    actor: Unit, targets: list[Unit], subjects: list[Unit], trigger_start: int, event: str, language: str
) -> tuple[Unit | None, str]:
    other_targets = [u for u in targets if u.key() != actor.key()]
    if other_targets:
        nearest = min(other_targets, key=lambda u: abs(u.start - trigger_start))
        return nearest, "preposition before it"
    others = [u for u in subjects if u is not actor and u.key() != actor.key()]
    if not others:
        return None, ""
    if language == "fa":
        between = [u for u in others if actor.end <= u.start < trigger_start]
        if between:
            return between[0], "object between subject and verb (SOV)"
    after_actor = [u for u in others if u.start > actor.end]
    if after_actor:
        rule = "coordinated with the source" if event in SYMMETRIC else "object after the source"
        return after_actor[0], rule
    return others[-1], OTHER_ACTOR


def _words_between(words: list[Word], start: int, end: int) -> int:
    # Words are in text order and do not overlap: those inside [start, end] are a run of them.
    first = bisect.bisect_left(words, start, key=_word_start)
    return max(0, bisect.bisect_right(words, end, key=_word_end) - first)


_word_start = attrgetter("start")
_word_end = attrgetter("end")


def _modality(
    context: CodingContext, modality_cues: list[WordMatch], words: list[Word], match: WordMatch
) -> tuple[str, str]:
    """The event's modality and the cue that set it."""
    verb = words[match.first]
    if context.language == "fa":
        persian = _persian_verb_modality(words, match)
        if persian is not None:
            return persian
    if context.language == "ar" and match.prefix.endswith(("س", "سي", "ست", "سن")):
        return "intended", f"future prefix on '{context.text[verb.start : verb.end]}'"
    applicable = []
    for cue in modality_cues:
        item: Cue = cue.item
        distance = match.first - cue.last
        if item.scope == "previous" or (cue.first <= match.last and cue.last >= match.first):
            continue
        if item.scope == "adjacent" and distance != 1:
            continue
        if item.scope == "before" and not 1 <= distance <= MAX_CUE_DISTANCE:
            continue
        if item.label == "hypothetical" and _is_past_after_qad(words, cue):
            continue
        applicable.append((cue.last - cue.first, -abs(distance), item))
    if not applicable:
        return "asserted", ""
    # The longest cue wins ("لا يستبعد" is hypothetical, not "لا"), then the nearest.
    item = max(applicable, key=lambda candidate: candidate[:2])[2]
    return item.label, f"'{item.pattern.source}'"


PERSIAN_NEGATIVE = ("نمي", "ن")
PERSIAN_FUTURE = frozenset({"خواهد", "خواهند", "خواهيم", "خواهم", "خواهي", "خواهيد"})


def _persian_verb_modality(words: list[Word], match: WordMatch) -> tuple[str, str] | None:
    """Negation (ن-, نمی-) and the future (خواهد) on any word of a compound Persian trigger:
    «حمایت نمی‌کند», «امضا خواهد کرد»."""
    pattern_words = set(match.item.pattern.words)
    for word in words[match.first : match.last + 1]:
        if word.text in PERSIAN_FUTURE:
            return "intended", f"future auxiliary '{word.text}'"
        if word.text == "نمي":
            return "denied", "negative prefix 'نمی'"
        for prefix in PERSIAN_NEGATIVE:
            rest = word.text[len(prefix) :]
            if (
                word.text.startswith(prefix)
                and word.text not in pattern_words
                and (pattern_words & stems(rest, "fa").keys())
            ):
                return "denied", f"negative verb '{word.text}'"
    return None


def _is_past_after_qad(words: list[Word], cue: WordMatch) -> bool:
    """Arabic قد before a past verb means 'has indeed', not 'may'."""
    if words[cue.first].text not in ("قد", "وقد", "فقد", "لقد") or cue.last + 1 >= len(words):
        return False
    # Imperfect prefixes ي ت ن; a past verb may well start with alef (قد أشاد, قد أعلن).
    return not words[cue.last + 1].text.startswith(("ي", "ت", "ن"))


_RANK = "_rank"  # an event's key while the document is coded, never in a record
NO_RECIPIENT = "none"  # confidence.tsv's name for events coded without a recipient
CONFIDENCE_PRIOR_WEIGHT = 4  # judged events the prior counts as: a rule judged on few leans on it


def rule_name(rule: str) -> str:
    """A rule as confidence.tsv names it: its words before any detail in parentheses or after a comma."""
    return rule.split(" (")[0].split(",")[0].strip()


def event_confidence(table: dict[str, tuple[int, int]], recipient_rule: str, actor_rule: str) -> float:
    """How often events whose recipient was found by the same rule were right on unseen articles
    (confidence.tsv), drawn towards the share over all judged events where a rule was judged on few.
    An event whose actor is not named takes the lowest figure of the table: it was never judged."""
    right, judged = table.get(ALL_RULES, (0, 0))
    prior = right / judged if judged else 0.5

    def estimate(counts: tuple[int, int]) -> float:
        return (counts[0] + CONFIDENCE_PRIOR_WEIGHT * prior) / (counts[1] + CONFIDENCE_PRIOR_WEIGHT)

    if actor_rule.startswith("not named"):
        return round(min([prior, *map(estimate, table.values())]), 2)
    return round(estimate(table.get(rule_name(recipient_rule), (0, 0))), 2)


def _deny(event: dict, cue: WordMatch) -> None:
    event["modality"] = "denied"
    event["explanation"] += f"; denied by the next sentence ('{cue.item.pattern.source}')"


def _event_date(context: CodingContext, sentence: Sentence) -> tuple[str | None, str | None]:
    sentence_text = context.text[sentence.start : sentence.end]
    found = resolve_event_date(sentence_text, context.published or context.anchor, context.language)
    if found is not None:
        return found.date, found.precision
    if context.published:
        return context.published, "published"
    return None, None


def _is_background(date: str | None, published: str | None) -> bool:
    if not date or not published:
        return False
    return int(published[:4]) - int(date[:4]) >= HISTORICAL_YEARS


@cache
def _place_concepts() -> dict[str, Concept]:
    return {c.key: c for c in packaged_dictionary().concepts if c.kind == "place"}


def _place(context: CodingContext, sentence: Sentence, actors: list[ActorMention]) -> dict | None:
    """The first place below country level named in the sentence, with its coordinates."""
    for mention in actors:
        if mention.kind == "place" and sentence.start <= mention.start and mention.end <= sentence.end:
            concept = _place_concepts().get(mention.key or "")
            if concept is not None:
                return {
                    "name": concept.name, "country": concept.country, "lat": concept.latitude,
                    "lon": concept.longitude, "text": mention.text,
                }  # fmt: skip
    return None


class _SentenceCues:
    """Cue matches and the date of one sentence, found once and shared by all its events."""

    def __init__(self, indexes: dict[str, WordIndex], words: list[str]) -> None:
        self._indexes = indexes
        self._words = words
        self._found: dict[str, list[WordMatch]] = {}
        self._date: tuple[str | None, str | None] | None = None

    def find(self, name: str) -> list[WordMatch]:
        if name not in self._found:
            self._found[name] = self._indexes[name].find(self._words)
        return self._found[name]

    def date(self, context: CodingContext, sentence: Sentence) -> tuple[str | None, str | None]:
        """``_event_date`` of the sentence, whose date finder is costly and the same for every trigger."""
        if self._date is None:
            self._date = _event_date(context, sentence)
        return self._date


class _DocumentContexts:
    """The document's context labels by frequency, counted only if an event needs them."""

    def __init__(self, index: WordIndex, sentence_words: list[list[str]]) -> None:
        self._index = index
        self._sentence_words = sentence_words
        self._labels: list[str] | None = None

    def most_frequent(self) -> list[str]:
        if self._labels is None:
            counts: Counter[str] = Counter()
            for words in self._sentence_words:
                counts.update(cue.item.label for cue in self._index.find(words))
            self._labels = [label for label, _ in counts.most_common(1)]
        return self._labels


def _deduplicate(events: list[dict], doc_id: str) -> list[dict]:
    """One event per (source, target, type, date): the first of those whose parties were found by the
    surest kind of rule (``_RANK``); ids numbered in text order."""
    kept: dict[tuple, dict] = {}
    for event in events:
        key = (
            event["actor"]["code"], event["actor"]["org"],
            (event["recipient"] or {}).get("code"), (event["recipient"] or {}).get("org"),
            event["event"], event["date"],
        )  # fmt: skip
        if key not in kept or event[_RANK] > kept[key][_RANK]:
            kept[key] = event
    for event in events:
        del event[_RANK]
    ordered = sorted(kept.values(), key=lambda e: (e["text_info"]["start"], e["trigger"]["start"]))
    for number, event in enumerate(ordered, 1):
        event["id"] = f"{doc_id}-{number}"
    return ordered


# --- Rules for the other event types (AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, SANCTION,
# ASSAULT, COERCE, MOBILIZE, RETREAT): constructions that move or cancel a party found by ``_roles``.

OTHER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID SANCTION ASSAULT COERCE MOBILIZE RETREAT".split()
)
# Nouns a verbal noun names a field or a forum after: «شؤون الإغاثة», «در زمینه خلع سلاح», «نشست خلع
# سلاح» name a portfolio or a meeting's subject, not an act.
OTHER_TOPIC_HEADS = {
    "ar": frozenset(normalize_string(w) for w in "شؤون لشؤون وشؤون ملف قضايا".split()),
    "fa": frozenset(normalize_string(w) for w in "زمینه نشست کنفرانس امور کمیسیون کمیته پرونده".split()),
    "en": frozenset("field conference affairs".split()),
}
# Words that list the members of a group: «مجموعة 5+1 التي تضم ...», «که شامل چین، ایالات متحده ...»;
# a state listed after them is a member, not a party of the act told before them.
OTHER_MEMBERS = {
    "ar": frozenset(normalize_string(w) for w in "تضم يضم وتضم ويضم تشمل يشمل وتشمل ويشمل".split()),
    "fa": frozenset(normalize_string(w) for w in "شامل مشتمل".split()),
    "en": frozenset("including includes include comprising".split()),
}
# Relative pronouns before such a word: the group it describes is named, «التي تضم», «که شامل» (a tour
# «إلى دول المنطقة تشمل الكويت وقطر» goes to each state listed).
OTHER_RELATIVES = ARABIC_RELATIVES | {normalize_string("که")}
# Persian «که» after an indefinite noun (ending in «ی») opens a relative clause about that noun; these
# nouns ending so make conjunctions of time, place or manner instead.
OTHER_PERSIAN_THAT = normalize_string("که")
OTHER_PERSIAN_INDEFINITE = normalize_string("ی")
OTHER_CONJUNCTION_HEADS = frozenset(
    normalize_string(w) for w in "حالی درحالی زمانی هنگامی وقتی جایی طوری مادامی درصورتی صورتی".split()
)
# Persian «با» (with): what follows it is a partner or an object, never the subject.
OTHER_PERSIAN_WITH = normalize_string("با")
OTHER_WITH_WORDS = 5  # words from «با» to the state it governs (a name and a title may stand between)
# Prepositions that make Persian talks a setting or an aim: «به مذاکرات», «در مذاکرات», «برای پیوستن».
OTHER_SETTING_PREPOSITIONS = frozenset(normalize_string(w) for w in "به در برای".split())
OTHER_PERSIAN_FOR = normalize_string("برای")
# Arabic pronoun endings on a verbal noun or verb (original spelling: «ه» is not «ة»).
OTHER_PRONOUN_SUFFIXES = ("ه", "ها", "هم", "هما")
OTHER_PURPOSE_LAM = normalize_string("ل")
OTHER_ANTECEDENT_WORDS = 3  # a name between a title and the relative pronoun: «الوزير، خالد العبيدي الذي»
# Persian words that open a clause, and verbs of asking before them: «درخواست کرد تا ...».
OTHER_PERSIAN_CLAUSE_OPENERS = frozenset(normalize_string(w) for w in "تا که".split())
OTHER_PERSIAN_ASKING = frozenset(normalize_string(w) for w in "درخواست خواست خواستار".split())
OTHER_ASKING_WORDS = 2  # «درخواست کرد تا»: the light verb may stand between
# The perpetrator of an act: «عامل حمله».
OTHER_AGENT_NOUNS = frozenset(normalize_string(w) for w in "عامل عاملان".split())
# Nouns of a move or decision whose genitive owns the act named after «در»: «اقدام آمریکا در لغو ...».
OTHER_ACT_NOUNS = frozenset(normalize_string(w) for w in "اقدام تصمیم".split())
# Persian finite verb forms that close a clause (light verbs in the perfect and past, the copula).
OTHER_PERSIAN_FINITE = frozenset(
    normalize_string(w) for w in "داده کرده شده داد کرد شد است بود بوده اند".split()
)
# Arabic demonstratives that open an object phrase: «هذه الصيغة», «تلك المشروعات».
OTHER_ARABIC_DEMONSTRATIVES = frozenset(normalize_string(w) for w in "هذا هذه ذلك تلك هؤلاء".split())
# CONSULT modes whose source is fixed by the act, not by the order of naming: the visitor, the host's guest.
OTHER_DIRECTED_MODES = frozenset({"visit", "host"})
# Persian verbs of stance and the preposition that introduces what they are about: «X از Y استقبال
# کرد», «X با طرح Y موافقت کرد», «قدردانی از کمک‌های Y»: the first state in that phrase is the recipient,
# and the subject is never inside it.
OTHER_COMPLEMENT = {
    normalize_string(verb): normalize_string(preposition)
    for verb, preposition in (
        ("استقبال", "از"), ("قدردانی", "از"), ("تشکر", "از"), ("تقدیر", "از"), ("سپاسگزاری", "از"),
        ("حمایت", "از"), ("پشتیبانی", "از"), ("موافقت", "با"),
    )
}  # fmt: skip
OTHER_COMPLEMENT_WORDS = 24  # words from a stance verb back to its preposition, with no punctuation between
# Words of thanks: aid thanked for («قدردانی از کمک‌های X», «شكره على مساعدات X») went to the thanker.
OTHER_THANKS = frozenset(
    normalize_string(w) for w in "قدردانی تشکر تقدیر سپاسگزاری سپاس شکر شكر تشكر شكره لشكره شكرها".split()
)
# A frame a verbal noun is named in: «في إطار حزمة مساعدات», «ضمن», «در چارچوب»: the act is the main
# verb's, told again as its frame.
# (Persian «ضمن قدردانی» is "while thanking": an act of its own.)
OTHER_FRAMES = {
    "ar": frozenset(normalize_string(w) for w in "اطار إطار ضمن".split()),
    "fa": frozenset(normalize_string(w) for w in "چارچوب قالب".split()),
    "en": frozenset("framework part".split()),
}
OTHER_DEMONSTRATIVES = frozenset(normalize_string(w) for w in "ذلك هذا هذه تلك این آن".split())
# Persian verbs of cutting: aid that is their object («کمک‌ها را کاهش داد») was cut, not given.
OTHER_CUTS = frozenset(normalize_string(w) for w in "کاهش قطع تعلیق توقف متوقف".split())
OTHER_CUT_WORDS = 16  # words from the aid noun to its cutting verb
# Arabic «كما» before a verb: the verb is a second predicate of the subject already named.
OTHER_ALSO = frozenset(normalize_string(w) for w in "كما وكما".split())
# Visiting verbs after a relative pronoun: «التقى X الرئيس Y الذي يزور مصر»: Y is the visitor.
OTHER_VISITING = frozenset(normalize_string(w) for w in "يزور تزور زار زارت يزورها".split())
# Generic people marked as the target of a sanction («تحریم علیه افرادی که ...»): no state.
OTHER_PERSONS = frozenset(normalize_string(w) for w in "افراد افرادی اشخاص اشخاصی کسانی أفراد أشخاص".split())
OTHER_TARGETING = frozenset(normalize_string(w) for w in "علیه ضد على".split())
# A seizure, sentence or release names the one it hits close to its verb; a state far on is elsewhere.
OTHER_NEAR_WORDS = 8
OTHER_NEAR_TYPES = frozenset({"COERCE", "CONCEDE"})


def _other_types_roles(
    context: CodingContext, words: list[Word], units: list[Unit], match: WordMatch, actor: Unit,
    recipient: Unit | None, actor_rule: str, recipient_rule: str,
) -> tuple[Unit, Unit | None, str, str] | None:  # fmt: skip
    """The roles of an event of the other types after the constructions below, or None when the
    construction shows the trigger names no act of its own or no state does it."""
    trigger: Trigger = match.item
    if trigger.event not in OTHER_TYPES:
        return actor, recipient, actor_rule, recipient_rule
    language = context.language
    if _other_topic(language, words, match) or _other_framed(language, words, match):
        return None
    if _other_cut_aid(context, words, match):
        return None
    if _other_member(context, words, match, actor):
        return None
    if recipient is not None and _other_member(context, words, match, recipient):
        recipient, recipient_rule = None, "not named: a member listed in a group"
    if recipient is not None and _other_far(context, trigger, words, match, recipient, recipient_rule):
        return None
    if _other_generic_target(language, words, match) or _other_relative_clause(
        language, words, units, match, actor
    ):
        return None
    if (
        _other_demonstrative_object(context, words, match, recipient)
        or _other_talks_as_setting(language, words, match)
        or _other_request_content(context, words, match)
        or _other_agent_noun(context, words, units, match)
    ):
        return None
    owner = _other_act_of(context, words, units, match)
    if owner is not None and owner.key() != actor.key():
        if recipient is not None and recipient.key() == owner.key():
            recipient, recipient_rule = None, "not named: the owner of the act is its source"
        actor, actor_rule = owner, "genitive of «اقدام» before «در» (its act)"
    possessor = _other_possessed_noun(context, words, units, match, actor, actor_rule)
    if possessor is False:
        return None
    if isinstance(possessor, tuple):
        actor, recipient = possessor
        actor_rule, recipient_rule = (
            "subject the pronoun's clause names",
            "object of the pronoun's noun or verb",
        )
    antecedent = _other_relative_object(context, words, units, actor, actor_rule)
    if antecedent is not None:
        if recipient is None or recipient.key() == antecedent.key():
            recipient, recipient_rule = actor, "object of the relative clause"
        actor, actor_rule = antecedent, "antecedent of the relative clause the subject stood in"
    new_subject = _other_next_clause_subject(context, words, units, match, actor, actor_rule)
    if new_subject is not None:
        trigger_start = words[match.first].start
        recipient = next(
            (
                u for u in units
                if new_subject.end <= u.start and u.end <= trigger_start and u.key() != new_subject.key()
                and not _marked_as_place(context, words, u)
            ),
            None,
        )  # fmt: skip
        actor, actor_rule = new_subject, "subject of the clause after the earlier verb (SOV)"
        recipient_rule = "object between subject and verb (SOV)"
    with_phrase = _other_subject_with_phrase(context, words, units, match, actor, actor_rule)
    if with_phrase is False:
        return None
    if isinstance(with_phrase, Unit):
        partner = trigger.event in SYMMETRIC and with_phrase.key() != actor.key()
        if partner or (recipient is not None and recipient.key() == with_phrase.key()):
            recipient, recipient_rule = actor, "partner or object after «با» (the subject is outside it)"
        actor, actor_rule = with_phrase, "subject outside the «با» phrase (SOV)"
    complement = _other_complement(context, words, units, match, actor)
    if complement is False:
        return None
    if isinstance(complement, tuple):
        actor, recipient, actor_rule, recipient_rule = complement
    thanker = _other_thanker(language, words, units, match, actor)
    if thanker is not None:
        recipient, recipient_rule = thanker, "the one who thanks for the aid"
    also = _other_second_predicate(language, words, units, match, actor_rule)
    if also is not None:
        if recipient is not None and recipient.key() == also.key():
            recipient, recipient_rule = actor, "object of the second predicate"
        actor, actor_rule = also, "subject of the clause «كما» continues"
    visitor = _other_visitor(context, words, units, match, actor)
    if visitor is not None:
        actor, recipient = visitor, actor
        actor_rule, recipient_rule = "visitor named by «الذي يزور» (roles swapped)", actor_rule
    elif (
        recipient is not None and actor_rule == FAR_AFTER
        and _other_first_named(context.text, trigger, actor, recipient)
    ):  # fmt: skip
        actor, recipient = recipient, actor
        actor_rule, recipient_rule = "first of the parties named together (symmetric)", actor_rule
    elif recipient is not None and _other_named_before(context, trigger, actor, recipient, recipient_rule):
        actor, recipient = recipient, actor
        actor_rule, recipient_rule = "first named of the two parties before the verb (symmetric)", actor_rule
    return actor, recipient, actor_rule, recipient_rule


def _other_named_before(
    context: CodingContext, trigger: Trigger, actor: Unit, recipient: Unit, recipient_rule: str
) -> bool:
    """«الرئيسين الأمريكي باراك أوباما والتركي طيب إردوغان تحدثا»: when the second party is only the
    sentence's other actor and is named before the subject in the same clause, the two named before a
    symmetric verb are its parties and the first named is the source (dev guidelines). A visit or a
    hosting has a direction of its own (the visitor is the source)."""
    return (
        trigger.event in SYMMETRIC
        and trigger.mode not in OTHER_DIRECTED_MODES
        and recipient_rule == OTHER_ACTOR
        and recipient.end <= actor.start
        and not _clause_break(context.text, recipient.end, actor.start)
    )


def _other_before(words: list[Word], match: WordMatch, count: int) -> list[str]:
    """The ``count`` words before the trigger, nearest last."""
    return [w.text for w in words[max(0, match.first - count) : match.first]]


def _other_topic(language: str, words: list[Word], match: WordMatch) -> bool:
    """A verbal noun right after a field or forum noun («شؤون الإغاثة والمساعدات», «نشست خلع سلاح») is
    a subject matter, not an act of the sentence."""
    heads = OTHER_TOPIC_HEADS[language]
    before = _other_before(words, match, 2)
    if before and before[-1] in heads:
        return True
    glued = words[match.first].text.startswith("و") and match.prefix.startswith("و")
    return len(before) == 2 and before[0] in heads and glued


def _other_framed(language: str, words: list[Word], match: WordMatch) -> bool:
    """«ستسلم مصر مقاتلات في إطار حزمة مساعدات عسكرية»: a noun right after a frame word, or after it and
    one noun, is the frame of the main verb's act, coded from that verb («في إطار ذلك قدمت» frames
    nothing: a demonstrative stands between)."""
    frames = OTHER_FRAMES[language]
    before = _other_before(words, match, 2)
    if before and before[-1] in frames:
        return True
    return len(before) == 2 and before[0] in frames and before[1] not in OTHER_DEMONSTRATIVES


def _other_cut_aid(context: CodingContext, words: list[Word], match: WordMatch) -> bool:
    """«اتحادیه اروپا کمک‌های مالی ترکیه را کاهش داده»: Persian aid that is the object (before «را») of a
    cutting verb is the sanction's object, not aid given."""
    if context.language != "fa" or match.item.event != "AID":
        return False
    after = words[match.last + 1 : match.last + 1 + OTHER_CUT_WORDS]
    marker = next((i for i, w in enumerate(after) if w.text == PERSIAN_OBJECT_MARKER), None)
    if marker is None or _clause_break(context.text, words[match.last].end, after[marker].start):
        return False
    return any(w.text in OTHER_CUTS for w in after[marker + 1 : marker + 7])


def _other_member(context: CodingContext, words: list[Word], match: WordMatch, unit: Unit) -> bool:
    """A state listed after «تضم», «شامل», "including" that follows the trigger is a member of the
    group the act concerns, not a party of its own."""
    if unit.start < words[match.last].end:
        return False
    members = OTHER_MEMBERS[context.language]
    between = [w for w in words if words[match.last].end <= w.start and w.end <= unit.start]
    listed = any(
        between[i].text in OTHER_RELATIVES and between[i + 1].text in members for i in range(len(between) - 1)
    )
    return listed and not re.search(r"[.!?؟]", context.text[words[match.last].end : unit.start])


def _other_far(
    context: CodingContext, trigger: Trigger, words: list[Word], match: WordMatch, recipient: Unit, rule: str
) -> bool:
    """A seizure, a sentence or a release hits one named close to its verb («صادرت ناقلة إيرانية»); a
    state named far from it («... كانت معدة للاستخدام في البحرين والسعودية», «بناء على طلب من مصر») is
    where or why, not whom; nor is the sentence's other actor. A generic target (the protesters a state
    of emergency is declared on) is not a state and stays."""
    if trigger.event not in OTHER_NEAR_TYPES or (trigger.event == "CONCEDE" and trigger.mode != "release"):
        return False
    if recipient.code is None and recipient.org is None:
        return False
    if rule == OTHER_ACTOR:
        return True
    end, start = words[match.last].end, words[match.first].start
    gap = (
        _words_between(words, end, recipient.start)
        if recipient.start >= end
        else _words_between(words, recipient.end, start)
    )
    return gap > OTHER_NEAR_WORDS


def _other_generic_target(language: str, words: list[Word], match: WordMatch) -> bool:
    """«تحریم علیه افرادی که ...»: a sanction aimed at people in general has no state as its target."""
    if match.item.event != "SANCTION":
        return False
    after = [w.text for w in words[match.last + 1 : match.last + 3]]
    return len(after) == 2 and after[0] in OTHER_TARGETING and after[1] in OTHER_PERSONS


def _other_relative_clause(
    language: str, words: list[Word], units: list[Unit], match: WordMatch, actor: Unit
) -> bool:
    """«آمریکا قدرت تحریم افرادی را دارد که از آتش‌بس حمایت نمی‌کنند»: a Persian verb in a relative
    clause whose head is an indefinite noun («افرادی که», «کشورهایی که») has that noun as its subject,
    not the state named before it (a conjunction of time or manner, «زمانی که», is no head)."""
    if language != "fa" or actor.end > words[match.first].start:
        return False
    between = [w for w in words if actor.end <= w.start and w.end <= words[match.first].start]
    for index in range(1, len(between)):
        head = between[index - 1]
        if (
            between[index].text == OTHER_PERSIAN_THAT
            and head.text.endswith(OTHER_PERSIAN_INDEFINITE)
            and head.text not in OTHER_CONJUNCTION_HEADS
            and not any(u.start <= head.start < u.end for u in units)
        ):
            return True
    return False


def _other_with_opener(context: CodingContext, words: list[Word], unit: Unit) -> Word | None:
    """The «با» that opens the phrase the unit stands in («دیدار با جوزپ بورل، مسئول سیاست خارجی
    اتحادیه اروپا»): a few words before it, no comma between; None when there is none."""
    before = [w for w in words if w.end <= unit.start][-OTHER_WITH_WORDS:]
    opener = next((w for w in reversed(before) if w.text == OTHER_PERSIAN_WITH), None)
    if opener is None or _clause_break(context.text, opener.end, unit.start):
        return None
    return opener


def _other_subject_with_phrase(
    context: CodingContext,
    words: list[Word],
    units: list[Unit],
    match: WordMatch,
    actor: Unit,
    actor_rule: str,
) -> Unit | bool | None:
    """A Persian subject is never the one something is done «با» (with): in «گفت که پس از دیدار با
    بورل، مسئول سیاست خارجی اتحادیه اروپا، به تهران سفر خواهد کرد» the EU is met, the speaker travels.
    The subject is then the first state outside any such phrase, before that phrase if one is named
    there; False when there is none; None when the rule does not apply."""
    if context.language != "fa" or not actor_rule.startswith("subject at the head of the clause"):
        return None
    opener = _other_with_opener(context, words, actor)
    if opener is None:
        return None
    others = [
        u for u in units
        if u is not actor and u.end <= words[match.first].start
        and _other_with_opener(context, words, u) is None
        and not _marked_as_place(context, words, u) and not _marked_as_target(context, words, u)
    ]  # fmt: skip
    before = [u for u in others if u.end <= opener.start]
    return before[0] if before else others[0] if others else False


def _other_talks_as_setting(language: str, words: list[Word], match: WordMatch) -> bool:
    """«برای پیوستن به مذاکرات», «حضور روسیه در مذاکرات سه جانبه»: Persian talks or cooperation named
    after a preposition, with no partner «با» after them, are a setting or an aim, not an act; «در
    دیدار با X» names its partner and stays."""
    if language != "fa" or match.item.event not in SYMMETRIC:
        return False
    before = _other_before(words, match, 1)
    if before and before[-1] == OTHER_PERSIAN_FOR:
        return True
    following = words[match.last + 1].text if match.last + 1 < len(words) else ""
    return (
        len(match.item.pattern.words) == 1
        and bool(before)
        and before[-1] in OTHER_SETTING_PREPOSITIONS
        and following != OTHER_PERSIAN_WITH
    )


def _other_pronoun_suffix(context: CodingContext, words: list[Word], match: WordMatch) -> bool:
    """True when the trigger word carries an Arabic object or possessive pronoun («لقائه», «لشكره»,
    «زيارتها»), read on the original text, where «ه» is not the feminine «ة»."""
    word = words[match.first]
    original = context.text[word.start : word.end]
    return context.language == "ar" and len(original) > 4 and original.endswith(OTHER_PRONOUN_SUFFIXES)


def _other_possessed_noun(
    context: CodingContext,
    words: list[Word],
    units: list[Unit],
    match: WordMatch,
    actor: Unit,
    actor_rule: str,
) -> tuple[Unit, Unit] | bool | None:
    """«وأكد هيل بعد لقائه رئيس الحكومة»: a verbal noun whose pronoun names its subject takes the one
    named after it as object; the subject is the one the pronoun refers to, named before (False when
    none is). «اتصل الرئيس الأميركي بنظيره الصيني لشكره»: a purpose verb glued to «لـ» with an object
    pronoun has the clause's first named as subject and the one named last before it as object.
    (subject, object), or None when the rule does not apply."""
    if match.item.event in UNATTRIBUTED or not _other_pronoun_suffix(context, words, match):
        return None  # an attack's victims and agents have rules of their own
    start = words[match.first].start
    before = [u for u in units if u.end <= start and not _clause_break(context.text, u.end, start)]
    if words[match.first].text.startswith(OTHER_PURPOSE_LAM) and len(before) >= 2:
        return before[0], before[-1]
    if actor_rule.startswith("subject or genitive right after"):
        return (before[-1], actor) if before else False
    return None


def _other_relative_object(
    context: CodingContext, words: list[Word], units: list[Unit], actor: Unit, actor_rule: str
) -> Unit | None:
    """«وزير الدفاع العراقي الذي يزور روسيا، منذ الاثنين، وقع الاتفاق»: the state right after a relative
    pronoun and its verb is that verb's object; the subject of the main verb is the antecedent."""
    if context.language != "ar" or not actor_rule.startswith("subject"):
        return None
    before = [w for w in words if w.end <= actor.start][-2:]
    if len(before) < 2 or before[0].text not in ARABIC_RELATIVES:
        return None
    pronoun = before[0]
    near = [
        u for u in units
        if u.end <= pronoun.start and _words_between(words, u.end, pronoun.start) <= OTHER_ANTECEDENT_WORDS
    ]  # fmt: skip
    return near[-1] if near and near[-1].key() != actor.key() else None


def _other_agreed_act(
    context: CodingContext, words: list[Word], match: WordMatch, phrase_start: int, phrase_end: int
) -> bool:
    """«آمریکا با تعلیق برخی تحریم‌ها علیه ایران ... موافقت کرده»: agreeing to a one-sided act (easing
    sanctions, aid) is that act, coded from its own trigger (dev guidelines: easing agreed is CONCEDE),
    however long the phrase between them."""
    if match.item.event != "AGREE":
        return False
    phrase = [w.text for w in words if phrase_start <= w.start and w.end <= phrase_end]
    return any(m.item.event in UNILATERAL for m in _indexes(context.language)["triggers"].find(phrase))


def _other_request_content(context: CodingContext, words: list[Word], match: WordMatch) -> bool:
    """«از ایران درخواست کرد تا ... جعبه‌های سیاه را به فرانسه تحویل دهد»: a Persian clause opened by
    «تا» or «که» right after a verb of asking is what is asked for, not an act of its own (a relative
    «که» inside it opens no new clause)."""
    if context.language != "fa":
        return False
    before = [w.text for w in words[: match.first]]
    return any(
        before[index] in OTHER_PERSIAN_CLAUSE_OPENERS
        and any(w in OTHER_PERSIAN_ASKING for w in before[max(0, index - OTHER_ASKING_WORDS) : index])
        for index in range(1, len(before))
    )


def _other_agent_noun(context: CodingContext, words: list[Word], units: list[Unit], match: WordMatch) -> bool:
    """«عوامل این نیرو عامل حمله راکتی به پایگاه بوده‌اند»: an attack after «عامل» (its perpetrator) has
    as agent the one the sentence says was that perpetrator, named right before «عامل»; with no state
    there the attack is no state's."""
    if context.language != "fa" or match.item.event != "ASSAULT":
        return False
    before = _other_before(words, match, 1)
    if not before or before[-1] not in OTHER_AGENT_NOUNS:
        return False
    agent_word = words[match.first - 1]
    return not any(
        _words_between(words, u.end, agent_word.start) == 0 for u in units if u.end <= agent_word.start
    )


def _other_act_of(
    context: CodingContext, words: list[Word], units: list[Unit], match: WordMatch
) -> Unit | None:
    """«عربستان از اقدام آمریکا در لغو معافیت‌های تحریمی استقبال کرد»: a verbal noun after «اقدام X
    در» (X's move to ...) is X's act."""
    if context.language != "fa":
        return None
    before = _other_before(words, match, 1)
    if not before or before[-1] not in OTHER_SETTING_PREPOSITIONS:
        return None
    marker = words[match.first - 1]
    owner = next(
        (
            u
            for u in reversed(units)
            if u.end <= marker.start and _words_between(words, u.end, marker.start) == 0
        ),
        None,
    )
    if owner is None:
        return None
    head = [w for w in words if w.end <= owner.start][-1:]
    return owner if head and head[0].text in OTHER_ACT_NOUNS else None


def _other_next_clause_subject(
    context: CodingContext,
    words: list[Word],
    units: list[Unit],
    match: WordMatch,
    actor: Unit,
    actor_rule: str,
) -> Unit | None:
    """«در حالی که نماینده آمریکا به ترکیه پیشنهاد کمک داده رجب طیب اردوغان ... قصد دارد سامانه موشکی
    مستقر کند»: a Persian clause ends with its verb; a state named right after a finite verb that stands
    between the head of the sentence and the trigger starts the trigger's clause and is its subject."""
    if context.language != "fa" or not actor_rule.startswith("subject at the head of the clause"):
        return None
    start = words[match.first].start
    between = [w for w in words if actor.end <= w.start and w.end <= start]
    for index, word in enumerate(between):
        if word.text not in OTHER_PERSIAN_FINITE:
            continue
        following = between[index + 1 : index + 3]
        subject = next(
            (
                u for u in units
                if following and following[0].start <= u.start < following[-1].end and u.end <= start
                and not _marked_as_target(context, words, u) and not _marked_as_place(context, words, u)
            ),
            None,
        )  # fmt: skip
        if subject is not None and subject.key() != actor.key():
            return subject
    return None


def _other_demonstrative_object(
    context: CodingContext, words: list[Word], match: WordMatch, recipient: Unit | None
) -> bool:
    """«أيدت هذه الصيغة», «زار تلك المشروعات»: an Arabic verb whose object is a demonstrative phrase acts
    on the thing it points to; a state named before the verb is not its recipient (one named in the
    phrase, «أيدت هذا القرار الذي اتخذته مصر», may be)."""
    if context.language != "ar" or match.last + 1 >= len(words):
        return False
    following = words[match.last + 1]
    if following.text not in OTHER_ARABIC_DEMONSTRATIVES:
        return False
    return recipient is None or recipient.start < following.start


def _other_complement(
    context: CodingContext, words: list[Word], units: list[Unit], match: WordMatch, actor: Unit
) -> tuple[Unit, Unit | None, str, str] | bool | None:
    """Persian stance verbs take what they are about in a phrase of their own preposition: «عربستان از
    اقدام آمریکا ... استقبال کرد», «آمریکا با طرح توکیو ... موافقت کرد», «ضمن قدردانی از کمک‌های
    آذربایجان». The first state in that phrase is the recipient; the subject is outside it (when only
    the phrase names a state, «او از سفر وزیر خارجه اتریش استقبال کرد», the subject is unnamed: False).
    None when the construction does not apply."""
    if context.language != "fa":
        return None
    preposition = OTHER_COMPLEMENT.get(match.item.pattern.words[0])
    if preposition is None:
        return None
    following = words[match.first + 1] if match.first + 1 < len(words) else None
    if following is not None and following.text == preposition:
        phrase_start, phrase_end = following.end, len(context.text)
        breaks = CLAUSE_BREAK.search(context.text, phrase_start, words[-1].end)
        if breaks is not None:
            phrase_end = breaks.start()
    else:
        window = words[max(0, match.first - OTHER_COMPLEMENT_WORDS) : match.first]
        opener = next((w for w in reversed(window) if w.text == preposition), None)
        if opener is None or _clause_break(context.text, opener.end, words[match.first].start):
            return None
        phrase_start, phrase_end = opener.end, words[match.first].start
    if _other_agreed_act(context, words, match, phrase_start, phrase_end):
        return False
    inside = sorted(
        (
            u for u in units
            if phrase_start <= u.start <= u.end <= phrase_end and not _marked_as_place(context, words, u)
        ),
        key=lambda u: u.start,
    )  # fmt: skip
    if not inside:
        return None
    if not (phrase_start <= actor.start < phrase_end):
        recipient = next((u for u in inside if u.key() != actor.key()), None)
        if recipient is None:
            return None
        return actor, recipient, "subject outside the stance verb's phrase", "first state in its phrase"
    outside = [
        u for u in units
        if u.end <= phrase_start and u.key() != inside[0].key()
        and not _clause_break(context.text, u.end, phrase_start)
    ]  # fmt: skip
    if not outside:
        return False
    return outside[-1], inside[0], "subject before the stance verb's phrase", "first state in its phrase"


def _other_thanker(
    language: str, words: list[Word], units: list[Unit], match: WordMatch, actor: Unit
) -> Unit | None:
    """«وزیر خارجه کشورمان ضمن قدردانی از کمک‌های آذربایجان», «شكره على مساعدات السعودية»: aid thanked
    for went to the one who thanks, named before the word of thanks."""
    if match.item.event != "AID":
        return None
    before = _other_before(words, match, 2)
    if len(before) < 2 or before[0] not in OTHER_THANKS or before[1] not in TARGET_MARKERS[language]:
        return None
    thanks_word = words[match.first - 2]
    thankers = [u for u in units if u.end <= thanks_word.start and u.key() != actor.key()]
    return thankers[-1] if thankers else None


def _other_second_predicate(
    language: str, words: list[Word], units: list[Unit], match: WordMatch, actor_rule: str
) -> Unit | None:
    """«هددت الولايات المتحدة نظام الأسد ... كما فرضت عقوبات»: a verb after «كما» has the subject of the
    clause it continues (its first actor), not the object named just before it."""
    if language != "ar" or not actor_rule.startswith("subject before the trigger"):
        return None
    before = _other_before(words, match, 1)
    if not before or before[-1] not in OTHER_ALSO:
        return None
    start = words[match.first - 1].start
    earlier = [u for u in units if u.end <= start]
    return earlier[0] if earlier else None


def _other_visitor(
    context: CodingContext, words: list[Word], units: list[Unit], match: WordMatch, actor: Unit
) -> Unit | None:
    """«التقى السيسي بالقاهرة الرئيس هادي رئيس الجمهورية اليمنية الذي يزور مصر»: the one met who is
    described as visiting the host's country is the visitor, the source of the meeting by the dev
    guidelines; the host is its recipient."""
    if context.language != "ar" or match.item.event != "CONSULT":
        return None
    after = words[match.last + 1 :]
    for index in range(len(after) - 1):
        pronoun, verb = after[index], after[index + 1]
        if pronoun.text not in ARABIC_RELATIVES or verb.text not in OTHER_VISITING:
            continue
        if _clause_break(context.text, words[match.last].end, pronoun.start):
            return None
        visitor = next(
            (u for u in units if u.end <= pronoun.start and _words_between(words, u.end, pronoun.start) == 0),
            None,
        )
        visited = next((u for u in units if u.start >= verb.end), None)
        if (
            visitor is not None and visitor.key() != actor.key()
            and visited is not None and visited.key() == actor.key()
            and _words_between(words, verb.end, visited.start) == 0
        ):  # fmt: skip
            return visitor
        return None
    return None


def _other_first_named(text: str, trigger: Trigger, actor: Unit, recipient: Unit) -> bool:
    """«واتفق الرئيسان على ... التعاون بين الولايات المتحدة والصين»: when the roles took the source from
    further on, of two parties of a symmetric act named together there the first named is the source
    (dev guidelines), not the second one that a preposition did not mark."""
    return (
        trigger.event in SYMMETRIC
        and recipient.end <= actor.start
        and bool(_COORDINATION.fullmatch(text[recipient.end : actor.start]))
    )


# --- Speech acts (REQUEST, ACCUSE, REJECT, THREATEN): a request told as the object of another act ---

# A request noun in the object of a rejection: «با درخواست X مخالفت کرد», «درخواست X را رد کرد».
SPEECH_REJECTED_WORDS = 16  # words from the request noun to the rejecting verb after it
# Words just before a request noun that make it the reason of another act: «بناء على طلب من مصر».
SPEECH_AT_REQUEST = {
    "ar": tuple(normalize_string(w) for w in ("بناء على", "بناءا على", "استجابة ل", "تلبية ل")),
    "fa": tuple(normalize_string(w) for w in ("به", "بنا به", "بنابر", "در پی", "در پاسخ به")),
    "en": ("at the", "in response to", "following a", "following the"),
}
# Request nouns (the Arabic noun and verb «طلب» are written alike; the markers above tell them apart).
SPEECH_REQUEST_NOUNS = {
    "ar": frozenset(normalize_string(w) for w in "طلب مطالبة دعوة مناشدة".split()),
    "fa": frozenset(normalize_string(w) for w in "درخواست تقاضا".split()),
    "en": frozenset({"request", "demand", "call", "invitation"}),
}
# A request «like it» is the one the article told before: «در درخواستی مشابه», «في طلب مماثل».
SPEECH_SIMILAR = {
    "ar": frozenset(normalize_string(w) for w in "مماثل مماثلا مشابه مشابها".split()),
    "fa": frozenset(normalize_string(w) for w in "مشابه مشابهی".split()),
    "en": frozenset({"similar"}),
}


def _speech_word_at(words: list[Word], start: int) -> int | None:
    return next((i for i, w in enumerate(words) if w.start == start), None)


def _speech_request_noun(language: str, words: list[Word], index: int) -> bool:
    """A request written as a noun, not a verb: one of the request nouns, with no light verb after it
    («درخواست کرد» is the verb)."""
    if not stems(words[index].text, language).keys() & SPEECH_REQUEST_NOUNS.get(language, frozenset()):
        return False
    return not (
        language == "fa"
        and index + 1 < len(words)
        and stems(words[index + 1].text, "fa").keys() & PERSIAN_LIGHT_VERBS
    )


def _speech_side(unit: dict | None) -> dict | None:
    return None if unit is None else dict(unit)


def _speech_requests(
    context: CodingContext, words: list[Word], units: list[Unit], current: list[dict], earlier: list[dict]
) -> list[dict]:
    """Request nouns whose parties the verb-order rules read wrongly, because the request is told as
    part of another act rather than as the sentence's own act:

    - a request rejected («عربستان با درخواست پاکستان مخالفت کرد», «درخواست وام ونزوئلا را رد کرد»,
      Persian puts the object before its verb) was made by the one rejected to the one rejecting;
    - a request an act answers («بناء على طلب من مصر», «به درخواست ترکیه») was made by the one
      named with it to the one who acts;
    - a request «like it» («درخواستی مشابه») went to the addressee of the request told before it;
      with none told before, its addressee is unknown and it is left out.
    """
    kept: list[dict] = []
    for event in current:
        if event["event"] != "REQUEST":
            kept.append(event)
            continue
        start, end = event["trigger"]["start"], event["trigger"]["end"]
        index = _speech_word_at(words, start)
        if index is None or not _speech_request_noun(context.language, words, index):
            kept.append(event)
            continue
        after = {w.text for w in words[index + 1 : index + 3]}
        if after & SPEECH_SIMILAR[context.language]:
            told = [e for e in earlier if e["event"] == "REQUEST" and e["recipient"] is not None]
            if told:
                kept.append(
                    {
                        **event,
                        "recipient": _speech_side(told[-1]["recipient"]),
                        "explanation": event["explanation"]
                        + "; recipient: that of the request told before (a request «like it»)",
                    }
                )
            continue
        rejection = next(
            (
                e for e in current
                if e["event"] == "REJECT" and e["recipient"] is not None and e["trigger"]["start"] >= end
                and _words_between(words, end, e["trigger"]["start"]) <= SPEECH_REJECTED_WORDS
                and not _clause_break(context.text, end, e["trigger"]["start"])
            ),
            None,
        )  # fmt: skip
        if context.language == "fa" and rejection is not None:
            kept.append(
                {
                    **event,
                    "actor": _speech_side(rejection["recipient"]),
                    "recipient": _speech_side(rejection["actor"]),
                    "explanation": event["explanation"]
                    + "; parties: the request is the object of a rejection (rejected -> rejecting)",
                }
            )
            continue
        kept.append(_speech_at_request(context, words, units, event, index) or event)
    return kept


def _speech_at_request(
    context: CodingContext, words: list[Word], units: list[Unit], event: dict, index: int
) -> dict | None:
    """The request an act was done for («بناء على طلب من X», «به درخواست X»): X asked the one who
    acted, the subject of the sentence before it."""
    before = [w.text for w in words[max(0, index - 3) : index]]
    marked = any(before[-len(m.split()) :] == m.split() for m in SPEECH_AT_REQUEST[context.language])
    if not (marked or (context.language == "ar" and words[index].text.startswith("بطلب"))):
        return None
    trigger_end = event["trigger"]["end"]
    requester = next(
        (u for u in units if trigger_end <= u.start and _words_between(words, trigger_end, u.start) <= 2),
        None,
    )
    if requester is None or requester.key() is None or requester.borrowed:
        return None  # a bare title («الرئيس») has only the article's country, which may not be its own
    # The one who acted is the nearest party before the request (the subject of the act it motivated:
    # «تدخل السعودية كان بناء على طلب»), not a place, a target or a news outlet there.
    acting = next(
        (
            u for u in reversed(units)
            if u.end <= words[index].start and u.key() != requester.key() and (u.code or u.org)
            and u.sector != SPEECH_REPORTER_SECTOR
            and not _marked_as_place(context, words, u) and not _marked_as_target(context, words, u)
        ),
        None,
    )  # fmt: skip
    if acting is None:
        return None
    return {
        **event,
        "actor": requester.as_actor(),
        "recipient": acting.as_actor(),
        "explanation": event["explanation"]
        + "; parties: the act was done at the request of the one named after it (asked the one who acted)",
    }


# --- Speech acts: demands phrased with a modal («Y باید ...», «يجب على Y أن») ---

SPEECH_MODALS = {
    "ar": frozenset(normalize_string(w) for w in "يجب ينبغي يتعين ويجب وينبغي ويتعين".split()),
    "fa": frozenset(normalize_string(w) for w in "باید بایستی بایست".split()),
}
SPEECH_OBLIGEE_WORDS = {"ar": 2, "fa": 8}  # words between the one obliged and the modal
SPEECH_SPEAKER_WORDS = 3  # words from an Arabic reporting verb to its subject after it (VSO)
SPEECH_LAM = frozenset({"ل", "ول", "فل", "لل", "ولل", "فلل"})  # «لـ» glued to the obligee, not «ال»
SPEECH_ARABIC_OBLIGEE_MARKERS = frozenset(normalize_string(w) for w in ("على", "عليه", "عليها"))


def _speech_modal(trigger: Trigger) -> bool:
    """A demand told as an obligation: the trigger is a modal, not a verb of asking."""
    words = trigger.pattern.words
    return (
        trigger.event == "REQUEST" and len(words) == 1 and words[0] in SPEECH_MODALS.get(trigger.language, ())
    )


def _speech_modal_roles(
    context: CodingContext, words: list[Word], units: list[Unit], cues: _SentenceCues,
    trigger_start: int, trigger_end: int, actors: list[ActorMention],
) -> tuple[Unit, Unit | None, str, str] | None:  # fmt: skip
    """«سفیر آمریکا گفت: اگر بغداد اصرار دارد باید هزینه‌ها را بپردازد», «قال أوباما إنه ينبغي لإيران
    أن تساعدنا»: the one who says another state must do something asks it of that state. The actor is
    the speaker, the subject of the reporting verb before the modal; the recipient is the one obliged,
    the subject before the Persian modal or the one after «على»/«لـ» after the Arabic one. A modal with
    no speaker (the journalist's own «باید») or nobody named as obliged is no demand; a general
    addressee obliged («جامعه بین‌المللی باید») is a demand with no recipient."""
    spoken = [m for m in cues.find("reporting") if words[m.last].end <= trigger_start]
    language = context.language
    if not spoken:
        quoted = _speech_quoting_speaker(context.text, actors, trigger_start)
        if quoted is None or not words:
            return None
        # The quotation's speaker, named before it opened in an earlier sentence: the obligee is sought
        # from the start of this sentence.
        speaker: Unit | None = quoted
        verb_start = verb_end = words[0].start
    else:
        verb = spoken[-1]
        verb_start, verb_end = words[verb.first].start, words[verb.last].end
    if language == "fa":
        speaker = next((u for u in units if u.end <= verb_start), None) if spoken else speaker
        obliged = [
            u for u in units
            if verb_end <= u.start and u.end <= trigger_start
            and _words_between(words, u.end, trigger_start) <= SPEECH_OBLIGEE_WORDS["fa"]
        ]  # fmt: skip
        # A party after a preposition («در چین») is a place or target in the clause, not who must act.
        subjects = [u for u in obliged if not _marked_as_target(context, words, u)]
        subjects = [u for u in subjects if not _marked_as_place(context, words, u)]
        obligee = subjects[-1] if subjects else None
        if speaker is not None and any(u.key() == speaker.key() for u in obliged):
            return None  # «واشنگتن و آنکارا باید همکاری کنند»: the speaker's own state must act too
    else:
        after_verb = [
            u for u in units
            if verb_end <= u.start < trigger_start
            and _words_between(words, verb_end, u.start) <= SPEECH_SPEAKER_WORDS
        ]  # fmt: skip
        before_verb = [u for u in units if u.end <= verb_start]
        if spoken:
            speaker = after_verb[0] if after_verb else (before_verb[-1] if before_verb else None)
        obligee = next(
            (
                u for u in units
                if trigger_end <= u.start
                and _words_between(words, trigger_end, u.start) <= SPEECH_OBLIGEE_WORDS["ar"]
                and _speech_obliged_marked(context.text, words, trigger_end, u)
            ),
            None,
        )  # fmt: skip
    if speaker is None or speaker.key() is None or _speech_impersonal(language, words, trigger_end):
        return None
    if obligee is None:
        addressed = any(
            verb_end <= words[m.first].start
            and (
                _words_between(words, words[m.last].end, trigger_start) <= SPEECH_OBLIGEE_WORDS["fa"]
                if language == "fa"
                else trigger_end <= words[m.first].start
                and _words_between(words, trigger_end, words[m.first].start) <= SPEECH_OBLIGEE_WORDS["ar"]
            )
            for m in cues.find("addressees")
        )
        return (speaker, None, "speaker of a demand phrased with a modal", "") if addressed else None
    if speaker.key() == obligee.key():
        return None
    return speaker, obligee, "speaker of a demand phrased with a modal", "the one the modal obliges"


def _speech_obliged_marked(text: str, words: list[Word], trigger_end: int, unit: Unit) -> bool:
    """The Arabic modal's obligee is marked by «على» or by «لـ» glued to it: «يجب على إيران»,
    «ينبغي لإيران»."""
    between = [w.text for w in words if trigger_end <= w.start < unit.start]
    return bool(set(between) & SPEECH_ARABIC_OBLIGEE_MARKERS) or _glued_prefix(text, unit.start) in SPEECH_LAM


# --- Speech acts: a Persian clause after a semicolon has its own subject ---

SPEECH_CLAUSE_SEPARATOR = "؛"


def _speech_clause_start(context: CodingContext, trigger: Trigger, trigger_start: int) -> int:
    """«واشنگتن هنوز اعلام نکرده است ...؛ گرچه روسیه بارها از آن دعوت کرده است»: a Persian semicolon
    closes an independent clause, so the subject at the head of the trigger's clause is the first one
    after it, not the head of the sentence. Only for the speech acts, whose subject is the speaker."""
    if context.language != "fa" or trigger.event not in SPEECH_TYPES:
        return 0
    return context.text.rfind(SPEECH_CLAUSE_SEPARATOR, 0, trigger_start) + 1


SPEECH_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})


# --- Speech acts: a Persian speaker named by a pronoun («او هشدار داد») is the previous sentence's ---

SPEECH_PRONOUNS = {"fa": frozenset(normalize_string(w) for w in "او وی ایشان".split())}
SPEECH_REPORTER_SECTOR = "MED"  # news agencies and papers report, they are not the one a pronoun resumes


def _speech_pronoun_speaker(
    context: CodingContext, words: list[Word], current: list[dict], sentences: list[tuple[int, Sentence]],
    sentence: Sentence, actors: list[ActorMention],
) -> list[dict]:  # fmt: skip
    """«او هشدار داد، هر کسی که به نیروهای آمریکایی آسیب بزند ...»: the pronoun before the speech verb
    is its subject, the one the previous sentence was about, so the actor the word-order rules took
    from after the verb is in what was said, not who said it. The speaker is the first party the
    previous sentence names (news agencies aside); with none, it is unknown and the event is left out."""
    pronouns = SPEECH_PRONOUNS.get(context.language)
    if not pronouns:
        return current
    kept = []
    for event in current:
        index = _speech_word_at(words, event["trigger"]["start"])
        if (
            event["event"] not in SPEECH_TYPES or index is None or index == 0
            or words[index - 1].text not in pronouns or f"actor by {FAR_AFTER}" not in event["explanation"]
        ):  # fmt: skip
            kept.append(event)
            continue
        before = next((s for _, s in reversed(sentences) if s.end <= sentence.start), None)
        named = [
            u for u in (_units(actors, before, _asides(context.text, before), None) if before else [])
            if u.sector != SPEECH_REPORTER_SECTOR and (u.code or u.org)
        ]  # fmt: skip
        if not named or (event["recipient"] is not None and _party(event["recipient"]) == named[0].key()):
            continue
        kept.append(
            {
                **event,
                "actor": named[0].as_actor(),
                "explanation": event["explanation"]
                + "; actor: the pronoun's referent, named first in the sentence before",
            }
        )
    return kept


# --- Speech acts: the passes over a sentence's events ---

# A site's keyword line («سمات: اتهام طهران موسكو واشنطن») lists tags, it tells no event.
SPEECH_KEYWORD_LINES = frozenset(normalize_string(w) for w in ("سمات", "الوسوم", "برچسب‌ها", "کلیدواژه‌ها"))


def _speech_acts(
    context: CodingContext, words: list[Word], units: list[Unit], current: list[dict], earlier: list[dict],
    sentences: list[tuple[int, Sentence]], sentence: Sentence, actors: list[ActorMention],
) -> list[dict]:  # fmt: skip
    """The speech-act passes over the events of one sentence (``earlier``: the document's before it)."""
    if words and words[0].text in SPEECH_KEYWORD_LINES:
        current = [e for e in current if e["event"] not in SPEECH_TYPES]
    current = [
        _speech_resumed_object(context, words, units, e)
        for e in _speech_requests(context, words, units, current, earlier)
    ]
    current = [_speech_interference_rejected(context.language, words, e) for e in current]
    if context.language == "fa":
        current = [e for e in current if not _speech_interference_spoken_after(words, e)]
    if context.language == "ar":
        current = [
            e for e in current
            if not _speech_charge_in_relative(words, e)
            and not _speech_recipient_outside_relative(words, units, e)
        ]  # fmt: skip
        current = [e for e in (_speech_issued_by(words, units, e) for e in current) if e is not None]
        current = [e for e in (_speech_addressee_named(words, units, e) for e in current) if e is not None]
        current = [_speech_persuaded(words, e) for e in current]
    current = _speech_demanded_content(context, words, current)
    current = [_speech_sovereign_accuses(context, words, units, e) for e in current]
    if context.language == "fa":
        current = _speech_denied_any(context, words, current)
    current = [_speech_content_doer(context, words, units, e) for e in current]
    current = [_speech_conditional_consequence(context, words, e) for e in current]
    if context.language == "fa":
        current = _speech_requested_clause(context, words, current)
    if context.language == "ar":
        current = _speech_threatened_content(context, words, current)
    return _speech_pronoun_speaker(context, words, current, sentences, sentence, actors)


# Arabic verbs of demand that carry their object as a pronoun: «وطالبته بالكف» (and demanded of him).
SPEECH_OBJECT_PRONOUN_VERBS = frozenset(
    normalize_string(w) for w in "طالبته وطالبته طالبتها وطالبتها طالبتهم وطالبتهم".split()
)


def _speech_resumed_object(context: CodingContext, words: list[Word], units: list[Unit], event: dict) -> dict:
    """«ودانت الكويت تصريحات المسؤول العراقي وطالبته بالكف عن التدخل»: a demand verb coordinated after
    the sentence's first verb keeps its subject, the sentence's first party, and its object pronoun
    resumes the other party named before it."""
    index = _speech_word_at(words, event["trigger"]["start"])
    if event["event"] != "REQUEST" or index is None or words[index].text not in SPEECH_OBJECT_PRONOUN_VERBS:
        return event
    before = [u for u in units if u.end <= words[index].start and u.key() is not None]
    if not before:
        return event
    subject = before[0]
    others = [u for u in before if u.key() != subject.key()]
    if not others:
        return event
    return {
        **event,
        "actor": subject.as_actor(),
        "recipient": others[-1].as_actor(),
        "explanation": event["explanation"]
        + "; parties: the sentence's subject demands of the one its object pronoun resumes",
    }


# --- Speech acts: Arabic relative clauses that name the accused or the author after the act ---

# «الملف الذي تتهم به الحكومة الصينية»: the preposition resuming the charge after the verb.
SPEECH_CHARGE_RESUMPTIVES = frozenset(normalize_string(w) for w in "به بها بهم بهما".split())
# «تحذيرات أطلقتها دوائر دينية»: a verb of issuing whose object pronoun resumes the act before it.
SPEECH_ISSUING_VERBS = frozenset(
    normalize_string(w)
    for w in "اطلقتها اطلقها واطلقتها واطلقها اصدرتها اصدرها واصدرتها واصدرها وجهتها وجهها ساقها".split()
)
SPEECH_AGENT_WORDS = 2  # words from the issuing verb to its subject


def _speech_charge_in_relative(words: list[Word], event: dict) -> bool:
    """«ملف القرصنة الذي تتهم به الحكومة الصينية»: an accusation verb in a relative clause on the
    charge, with the charge resumed by «به», has the accused after it (whether the verb is read as
    passive or with its accuser left as a pronoun): the one named there is no accuser, and the accuser
    is not named."""
    index = _speech_word_at(words, event["trigger"]["start"])
    return (
        event["event"] == "ACCUSE"
        and index is not None
        and index + 1 < len(words)
        and words[index + 1].text in SPEECH_CHARGE_RESUMPTIVES
        and any(w.text in ARABIC_RELATIVES for w in words[max(0, index - 2) : index])
    )


def _speech_issued_by(words: list[Word], units: list[Unit], event: dict) -> dict | None:
    """«في أعقاب تحذيرات أطلقتها دوائر دينية»: a speech act named by a noun and then issued by a verb
    whose pronoun resumes it has that verb's subject as its author. A state named there is the actor;
    any other author (religious circles, the press) leaves the act without a state actor, and the
    subject of the sentence, who only acted after it, is not its author."""
    if event["event"] not in SPEECH_TYPES:
        return event
    index = _speech_word_at(words, event["trigger"]["start"])
    if index is None or index + 1 >= len(words) or words[index + 1].text not in SPEECH_ISSUING_VERBS:
        return event
    verb_end = words[index + 1].end
    author = next(
        (
            u
            for u in units
            if verb_end <= u.start and _words_between(words, verb_end, u.start) <= SPEECH_AGENT_WORDS
        ),
        None,
    )
    if author is None or author.key() is None or _party(event["recipient"]) == author.key():
        return None
    return {
        **event,
        "actor": author.as_actor(),
        "explanation": event["explanation"] + "; actor: the subject of the verb that issued it",
    }


# --- Speech acts: calling another state's acts interference («را دخالت در امور داخلی خواند») ---

SPEECH_INTERFERENCE = frozenset(normalize_string(w) for w in "دخالت مداخله".split())
SPEECH_INTERFERENCE_WORDS = {
    "ar": frozenset(normalize_string(w) for w in "تدخل تدخلات".split()),
    "fa": SPEECH_INTERFERENCE,
}
SPEECH_REJECTED_OBJECT_WORDS = {"ar": 3, "fa": 8}  # words from a rejecting verb to its object


def _speech_interference_rejected(language: str, words: list[Word], event: dict) -> dict:
    """«رفضت مصر التدخل التركي», «دخالت آمریکا در امور عراق را رد کرد»: rejecting another state's
    interference is no refusal of a proposal but an accusation of it (CAMEO 11, PLOVER ACCUSE), told
    through what is rejected. The object follows the Arabic verb and precedes the Persian one."""
    nouns = SPEECH_INTERFERENCE_WORDS.get(language)
    index = _speech_word_at(words, event["trigger"]["start"])
    if event["event"] != "REJECT" or not nouns or index is None:
        return event
    reach = SPEECH_REJECTED_OBJECT_WORDS[language]
    span = words[index + 1 : index + 1 + reach] if language == "ar" else words[max(0, index - reach) : index]
    if not any(stems(w.text, language).keys() & nouns for w in span):
        return event
    return {
        **event,
        "event": "ACCUSE",
        "cameo": packaged_lexicon().cameo.get(("ACCUSE", "*")),
        "explanation": event["explanation"] + "; ACCUSE: what is rejected is another's interference",
    }


def _speech_interference_spoken_after(words: list[Word], event: dict) -> bool:
    """«X اقدام Y را دخالت در امور داخلی Z خواند»: the one who calls an act interference is the subject
    before the object; a party after the word «دخالت» is whose affairs were meddled in, never the
    speaker. An interference accusation with no subject before it has no known speaker."""
    index = _speech_word_at(words, event["trigger"]["start"])
    return (
        event["event"] == "ACCUSE"
        and index is not None
        and words[index].text in SPEECH_INTERFERENCE
        and f"actor by {FAR_AFTER}" in event["explanation"]
    )


SPEECH_RELATIVE_WORDS = 2  # words from an Arabic relative pronoun to the verb of its clause


def _speech_recipient_outside_relative(words: list[Word], units: list[Unit], event: dict) -> bool:
    """«... وميثاق منظمة التعاون الإسلامي التي تمنع وترفض كل صور التدخل»: a speech act in a relative
    clause is said by the clause's antecedent about what the clause names; a party named before the
    relative pronoun, outside the clause, is not its counterpart, and one the clause does not name is
    not known."""
    index = _speech_word_at(words, event["trigger"]["start"])
    if event["event"] not in SPEECH_TYPES or index is None or event["recipient"] is None:
        return False
    relative = next(
        (
            w
            for w in reversed(words[max(0, index - SPEECH_RELATIVE_WORDS) : index])
            if w.text in ARABIC_RELATIVES
        ),
        None,
    )
    if relative is None:
        return False
    recipient = next((u for u in units if u.as_actor() == event["recipient"]), None)
    return recipient is not None and recipient.end <= relative.start


# --- Speech acts: the Arabic addressee stands between the speaker and the content («حث X على») ---

SPEECH_CONTENT_MARKERS = frozenset(normalize_string(w) for w in "على الى إلى بأن أن".split())
SPEECH_TIME_WORDS = frozenset(
    normalize_string(w) for w in "اليوم الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الماضي".split()
)


def _speech_addressee_named(words: list[Word], units: list[Unit], event: dict) -> dict | None:
    """«وحث قائد الجيش العسكريين على أن يكونوا على استعداد لمواجهة العدو الإسرائيلي»: an Arabic verb of
    asking takes its addressee right after its subject, then the content after «على», «إلى» or «أن».
    When a noun that is no state stands there (the soldiers), the state named in the content is no
    addressee: the request is not interstate, and left out."""
    index = _speech_word_at(words, event["trigger"]["start"])
    if event["event"] != "REQUEST" or index is None or event["recipient"] is None:
        return event
    actor = next((u for u in units if u.as_actor() == event["actor"] and u.start >= words[index].end), None)
    recipient = next((u for u in units if u.as_actor() == event["recipient"]), None)
    if actor is None or recipient is None or recipient.start < actor.end:
        return event
    between = [w for w in words if actor.end <= w.start and w.end <= recipient.start]
    marker = next((i for i, w in enumerate(between) if w.text in SPEECH_CONTENT_MARKERS), None)
    if not marker:  # None, or the marker right after the subject: no addressee noun before it
        return event
    addressee = between[:marker]
    if all(w.text.startswith("ال") and w.text not in SPEECH_TIME_WORDS for w in addressee):
        return None
    return event


# Masdars whose genitive is their object: «إقناع الحكومة الروسية» is persuading the government.
SPEECH_OBJECT_GENITIVE_MASDARS = frozenset(normalize_string(w) for w in "اقناع".split())


def _speech_persuaded(words: list[Word], event: dict) -> dict:
    """«سعى وزير الدفاع العراقي لإقناع الحكومة الروسية بقبول سندات»: the one named after the masdar of
    persuading is the one persuaded, the addressee; the persuader is the subject of the verb before
    it, which the word-order rules then took as the recipient."""
    index = _speech_word_at(words, event["trigger"]["start"])
    if (
        event["event"] != "REQUEST" or index is None or event["recipient"] is None
        or not stems(words[index].text, "ar").keys() & SPEECH_OBJECT_GENITIVE_MASDARS
        or "actor by subject or genitive right after the trigger" not in event["explanation"]
    ):  # fmt: skip
        return event
    return {
        **event,
        "actor": event["recipient"],
        "recipient": event["actor"],
        "explanation": event["explanation"] + "; roles swapped: the genitive of «إقناع» is the one persuaded",
    }


SPEECH_QUOTE_OPEN, SPEECH_QUOTE_CLOSE = "«", "»"
SPEECH_QUOTE_REACH = 1500  # characters back to the opening of a quotation that runs over sentences
SPEECH_SPEAKER_REACH = 300  # characters before the opening quotation mark to its speaker


def _speech_quoting_speaker(text: str, actors: list[ActorMention], position: int) -> Unit | None:
    """«وقال أوباما إنه «ينبغي إطلاق سراح ... . ينبغي لإيران أن تساعدنا»»: a sentence inside a quotation
    opened in an earlier sentence is said by the one named before the opening mark, the subject of
    the reporting verb there. None when the position is in no open quotation or its speaker is no
    state, IGO or person of a state."""
    start = max(0, position - SPEECH_QUOTE_REACH)
    opened = text.rfind(SPEECH_QUOTE_OPEN, start, position)
    if opened < 0 or text.find(SPEECH_QUOTE_CLOSE, opened, position) >= 0:
        return None
    named = [
        m for m in actors
        if opened - SPEECH_SPEAKER_REACH <= m.start and m.end <= opened
        and m.kind in ("state", "igo", "person") and (m.country or m.org)
    ]  # fmt: skip
    if not named:
        return None
    first = named[0]
    code, org = (None, first.key) if first.kind == "igo" else (first.country, first.org)
    sector = first.sector or ("GOV" if first.kind == "state" else None)
    return Unit(first.start, first.end, first.text, code, sector, org, first.kind)


def _speech_demanded_content(context: CodingContext, words: list[Word], current: list[dict]) -> list[dict]:
    """«ينبغي للحكومة الإيرانية أن تفرج عن المعتقلين», «آمریکا باید از عراق خارج شود»: what a modal
    demand asks for has not happened; an act in its clause (up to ``CLAUSE_CONTENT_WORDS`` words on,
    no punctuation between) is its content, not an event of its own, as the content of a verb of
    asking is."""
    modals = [
        e for e in current
        if e["event"] == "REQUEST" and "speaker of a demand phrased with a modal" in e["explanation"]
    ]  # fmt: skip
    if not modals:
        return current

    def demanded(event: dict) -> bool:
        start = event["trigger"]["start"]
        return any(
            m["trigger"]["end"] <= start
            and _words_between(words, m["trigger"]["end"], start) <= CLAUSE_CONTENT_WORDS
            and not _clause_break(context.text, m["trigger"]["end"], start)
            for m in modals
        )

    return [e for e in current if e in modals or not demanded(e)]


# --- Speech acts: the state whose sovereignty was violated accuses the violator ---

SPEECH_SOVEREIGNTY = frozenset(normalize_string(w) for w in "سياده السياده لسياده حاكميت".split())
# The heads of the violation phrases in triggers.tsv.
SPEECH_VIOLATION = frozenset(
    normalize_string(w) for w in "خرق خرقا انتهاك انتهاكا تعديا تعد اعتداء نقض تجاوز".split()
)
SPEECH_SOVEREIGN_WORDS = 3  # words from «سيادة» to the state it belongs to («سيادة واستقلال مملكة البحرين»)


def _speech_sovereign_accuses(
    context: CodingContext, words: list[Word], units: list[Unit], event: dict
) -> dict:
    """«انتهاك تركيا لسيادة العراق», «العدو الذي يمعن في خرق السيادة اللبنانية»: a violation of
    sovereignty told as an accusation is the sovereign's against the violator, whatever the word
    order makes the subject. The sovereign is the state named right after «سيادة»; with none named
    there (the speaker's «حاکمیت ملی»), the roles the sentence gives stand."""
    if event["event"] != "ACCUSE" or event["recipient"] is None:
        return event
    first = _speech_word_at(words, event["trigger"]["start"])
    if first is None:
        return event
    if not stems(words[first].text, context.language).keys() & SPEECH_VIOLATION:
        return event
    # The phrase's own «سيادة»: in it, or after a gap of the form («انتهاك تركيا لسيادة العراق»).
    word = next((w for w in words[first : first + 10] if w.text in SPEECH_SOVEREIGNTY), None)
    if word is not None and _clause_break(context.text, event["trigger"]["start"], word.start):
        word = None
    if word is None:
        return event
    sovereign = next(
        (
            u
            for u in units
            if word.end <= u.start and _words_between(words, word.end, u.start) <= SPEECH_SOVEREIGN_WORDS
        ),
        None,
    )
    if sovereign is None or sovereign.key() is None:
        return event
    actor, recipient = event["actor"], event["recipient"]
    if _party(recipient) == sovereign.key():
        actor, recipient = recipient, actor
    elif _party(actor) != sovereign.key():
        return event
    return {
        **event,
        "actor": actor,
        "recipient": recipient,
        "explanation": event["explanation"] + "; the state whose sovereignty was violated accuses",
    }


# --- Speech acts: «پکن این ایده را رد کرد»: the proposal rejected was told in the sentence before ---

SPEECH_PROPOSALS = {
    "ar": frozenset(
        normalize_string(w) for w in "الاقتراح الفكرة الطلب الخطة العرض الدعوة المقترح المبادرة".split()
    ),
    "fa": frozenset(normalize_string(w) for w in "ایده پیشنهاد طرح درخواست ادعا ابتکار".split()),
}
# What the sentence before must tell for «this proposal» to point back to it: the nouns above, the
# verbs of proposing.
SPEECH_PROPOSING = {
    "ar": SPEECH_PROPOSALS["ar"]
    | frozenset(normalize_string(w) for w in "اقترح اقتراح عرض طلب دعا مقترح فكرة خطة".split()),
    "fa": SPEECH_PROPOSALS["fa"],
}
SPEECH_PROPOSAL_WORDS = 4  # words between the rejecting verb and «this proposal»
SPEECH_PREVIOUS_REACH = 400  # characters back to the start of the sentence before


def _speech_proposer(
    context: CodingContext, words: list[Word], actors: list[ActorMention], sentence: Sentence,
    trigger_start: int, actor: Unit,
) -> tuple[Unit | None, str]:  # fmt: skip
    """«ترامپ پیشنهاد کرد ... . پکن این ایده را رد کرده است»: a rejection of «this idea / proposal /
    request» rejects what the sentence before told, so its counterpart is the one that sentence is
    about: its first state or person. Persian writes the object before the verb, Arabic after it."""
    proposals = SPEECH_PROPOSALS.get(context.language)
    index = _speech_word_at(words, trigger_start)
    if not proposals or index is None:
        return None, ""
    reach = words[max(0, index - SPEECH_PROPOSAL_WORDS) : index]
    if context.language == "ar":
        reach = words[index + 1 : index + 1 + SPEECH_PROPOSAL_WORDS]
    pointed = any(
        w.text in proposals and i > 0 and reach[i - 1].text in DEMONSTRATIVES[context.language]
        for i, w in enumerate(reach)
    )
    if not pointed:
        return None, ""
    # The sentence before ends with its own full stop; it starts after the one before that.
    end = len(context.text[: sentence.start].rstrip().rstrip(".").rstrip())
    before = context.text.rfind(".", max(0, sentence.start - SPEECH_PREVIOUS_REACH), end)
    told = word_texts(normalize_string(context.text[before + 1 : sentence.start]), 0, sentence.start - before)
    if not any(stems(w, context.language).keys() & SPEECH_PROPOSING[context.language] for w in told):
        return None, ""  # the sentence before told no proposal for «this proposal» to point back to
    named = [
        m for m in actors
        if before < m.start and m.end <= sentence.start and m.kind in ("state", "igo", "person")
        and (m.country or m.org)
    ]  # fmt: skip
    if not named:
        return None, ""
    first = named[0]
    code, org = (None, first.key) if first.kind == "igo" else (first.country, first.org)
    proposer = Unit(first.start, first.end, first.text, code, first.sector or "GOV", org, first.kind)
    if proposer.key() == actor.key():
        return None, ""
    return proposer, "author of the proposal the sentence before told («this idea»)"


# --- Speech acts: «هرگونه مذاکرات ... را رد می‌کنیم» denies the talks, it rejects no one ---

SPEECH_ANY = frozenset(normalize_string(w) for w in ("هرگونه", "هر گونه"))
SPEECH_ANY_WORDS = 16  # words from «هرگونه» to the rejecting verb


def _speech_denied_any(context: CodingContext, words: list[Word], current: list[dict]) -> list[dict]:
    """«ما هرگونه مذاکرات میان آمریکا و اردن را رد می‌کنیم»: Persian «رد کردن» with «هرگونه» (any)
    before an act is the formula of a denial: the act did not happen (the event it names is denied),
    and nobody's proposal was turned down."""
    kept = list(current)
    for event in current:
        index = _speech_word_at(words, event["trigger"]["start"])
        if (
            event["event"] != "REJECT"
            or index is None
            or not words[index].text.startswith(normalize_string("رد"))
        ):
            continue
        window = words[max(0, index - SPEECH_ANY_WORDS) : index]
        texts = [w.text for w in window]
        pairs = [f"{a} {b}" for a, b in pairwise(texts)]
        anchor = next((w for w, t in zip(window, texts, strict=True) if t in SPEECH_ANY), None)
        if anchor is None:
            anchor = next((window[i] for i, p in enumerate(pairs) if p in SPEECH_ANY), None)
        if anchor is None:
            continue
        denied = [
            e for e in current
            if e is not event and anchor.start <= e["trigger"]["start"] < event["trigger"]["start"]
        ]  # fmt: skip
        if not denied:
            continue
        kept.remove(event)
        for act in denied:
            act["modality"] = "denied"
            act["explanation"] += "; denied by «هرگونه ... را رد» (a denial of any such act)"
    return kept


# --- Speech acts: the addressee of a demand for an act is the one who would do it ---

SPEECH_DOER_WORDS = 3  # words from the verb of asking to the doer of the act asked for


def _speech_content_doer(context: CodingContext, words: list[Word], units: list[Unit], event: dict) -> dict:
    """«دعت روسيا إلى انسحاب القوات التركية من سوريا», «خواستار توقف حملات عربستان به یمن شد»: a demand
    for an act, with no addressee named, is made of the one who would do the act: the party right
    after the act's noun (its genitive or adjective), not a place or target further on in the
    content (from Syria, on Yemen)."""
    if event["event"] != "REQUEST" or event["recipient"] is None or context.language not in ("ar", "fa"):
        return event
    index = _speech_word_at(words, event["trigger"]["start"])
    recipient = next((u for u in units if u.as_actor() == event["recipient"]), None)
    if index is None or recipient is None or recipient.start < event["trigger"]["end"]:
        return event
    # In Arabic the speaker may stand between the verb and the content («دعت روسيا إلى انسحاب ...»).
    actor = next(
        (u for u in units if u.as_actor() == event["actor"] and u.start >= event["trigger"]["end"]), None
    )
    start = actor.end if actor is not None and actor.end <= recipient.start else event["trigger"]["end"]
    doer = next(
        (
            u for u in units
            if start <= u.start < recipient.start
            and _words_between(words, start, u.start) <= SPEECH_DOER_WORDS + 1
            and not _marked_as_target(context, words, u) and not _marked_as_place(context, words, u)
        ),
        None,
    )  # fmt: skip
    if doer is None or doer.key() is None or doer.key() in (recipient.key(), _party(event["actor"])):
        return event
    return {
        **event,
        "recipient": doer.as_actor(),
        "explanation": event["explanation"] + "; recipient: the doer of the act demanded, not a party in it",
    }


# --- Speech acts: a demand or threat made on a condition is itself made ---

SPEECH_CONDITION_WORDS = 5  # words a condition runs on before the act it makes conditional
SPEECH_CONDITIONALS = frozenset(
    normalize_string(w) for w in ("اگر", "در صورت", "در صورتی که", "چنانچه", "اذا", "في حال", "لو", "فيما لو")
)


def _speech_conditional_consequence(context: CodingContext, words: list[Word], event: dict) -> dict:
    """«اگر بغداد اصرار دارد باید خسارت‌ها را بپردازد», "sanctions if Iraq expels US troops": the
    condition is hypothetical, the demand or threat made on it is asserted (dev guidelines: Trump
    threatens sanctions *if* Iraq expels US troops is an asserted THREATEN). A sentence-wide
    conditional cue is the only thing that made this act hypothetical; other cues (may, perhaps) stay."""
    if event["event"] not in SPEECH_TYPES or event["modality"] != "hypothetical":
        return event
    cue = event["explanation"].rsplit("hypothetical by '", 1)[-1].split("'", 1)[0]
    if normalize_string(cue) not in SPEECH_CONDITIONALS:
        return event
    # An act inside the condition («اگر آمریکا تهدید کند ...») stays hypothetical: the nearest
    # conditional word before the trigger opens a clause the trigger belongs to.
    start = event["trigger"]["start"]
    first = normalize_string(cue).split()[0]
    opener = next((w for w in reversed(words) if w.end <= start and w.text == first), None)
    if (
        opener is not None
        and "speaker of a demand phrased with a modal" not in event["explanation"]  # «اگر ... باید»
        and _words_between(words, opener.end, start) <= SPEECH_CONDITION_WORDS
        and not _clause_break(context.text, opener.end, start)
    ):
        return event
    return {
        **event,
        "modality": "asserted",
        "explanation": event["explanation"] + "; asserted: the act is made on the condition, not conditional",
    }


# --- Speech acts: a Persian request's «تا/که» clause runs to its verb, whatever stands in it ---

SPEECH_PERSIAN_COMPLEMENTIZERS = frozenset(normalize_string(w) for w in "تا که".split())
SPEECH_SENTENCE_BREAK = re.compile(r"[;؛.!?؟]")


def _speech_requested_clause(context: CodingContext, words: list[Word], current: list[dict]) -> list[dict]:
    """«از ایران درخواست کرد تا جعبه‌های سیاه هواپیما را که ماه گذشته سقوط کرد، به فرانسه تحویل دهد»:
    the clause a Persian verb of asking opens with «تا» or «که» is what is asked, and Persian puts its
    verb last, after any relative clause or comma; an act named in it has not happened and is no event
    of its own. (The coder's own content window stops after a fixed number of words.)"""
    opened: list[int] = []
    for event in current:
        index = _speech_word_at(words, event["trigger"]["start"])
        if event["event"] != "REQUEST" or index is None:
            continue
        after = words[index + 1 : index + 4]
        start = next((w.end for w in after if w.text in SPEECH_PERSIAN_COMPLEMENTIZERS), None)
        if start is not None:
            opened.append(start)

    def asked(event: dict) -> bool:
        begin = event["trigger"]["start"]
        return event["event"] != "REQUEST" and any(
            start <= begin and not SPEECH_SENTENCE_BREAK.search(context.text, start, begin)
            for start in opened
        )

    return [e for e in current if not asked(e)] if opened else current


# --- Speech acts: what an Arabic threat threatens with («تهديد ... بإمكان اللجوء إلى الضربات») ---

SPEECH_THREAT_CONTENT_WORDS = 8  # words of the «بـ» phrase that tells what is threatened


def _speech_threatened_content(context: CodingContext, words: list[Word], current: list[dict]) -> list[dict]:
    """«في تهديد مبطن بإمكان اللجوء إلى الضربات الجوية ضد قوات النظام»: an Arabic threat names what it
    threatens with in a «بـ» phrase right after it (past an adjective); the strikes there have not
    happened and are no event of their own. (The coder's content window allows three words.)"""
    starts: list[int] = []
    for event in current:
        index = _speech_word_at(words, event["trigger"]["start"])
        if event["event"] != "THREATEN" or index is None:
            continue
        marked = next(
            (w for w in words[index + 1 : index + 3] if w.text.startswith("ب") and len(w.text) > 3), None
        )
        if marked is not None:
            starts.append(_speech_word_at(words, marked.start) or index)

    def threatened(event: dict) -> bool:
        index = _speech_word_at(words, event["trigger"]["start"])
        return (
            event["event"] != "THREATEN"
            and index is not None
            and any(
                0 <= index - start <= SPEECH_THREAT_CONTENT_WORDS
                and not _clause_break(context.text, words[start].start, event["trigger"]["start"])
                for start in starts
            )
        )

    return [e for e in current if not threatened(e)] if starts else current


# Persian past stems: «باید» with the short infinitive («باید توجه کرد», «باید گفت») is impersonal.
SPEECH_SHORT_INFINITIVES = frozenset(
    normalize_string(w) for w in "کرد گفت دانست داشت شد نمود گرفت داد رفت خواند پذیرفت ساخت".split()
)
SPEECH_MODAL_VERB_WORDS = 8  # words from «باید» to its verb


def _speech_impersonal(language: str, words: list[Word], trigger_end: int) -> bool:
    """«باید به این واقعیت توجه کرد» (one must note): Persian «باید» followed by the short infinitive
    obliges no one; a demand has the subjunctive («بپردازد», «همکاری کنند»)."""
    if language != "fa":
        return False
    after = [w for w in words if w.start >= trigger_end][:SPEECH_MODAL_VERB_WORDS]
    return any(w.text in SPEECH_SHORT_INFINITIVES for w in after)


# --- audit: general fixes from a precision audit on random unseen articles ---------------------------
# A sample of SaudiNewsNet and IR-News articles outside every eval set was coded and each interstate
# event judged by eval/dev/README.md. The rules below fix error classes that recurred there; each is a
# construction of news Arabic or Persian, not a named entity.

# «المحادثات بين X وY», «توافق صلح میان X و Y»: the words that open a phrase naming the two sides.
AUDIT_BETWEEN = frozenset(normalize_string(w) for w in ("بين", "وبين", "ما بين", "میان", "بین"))
AUDIT_AGENT_WORDS = 4  # words from an act's noun to the marker of its author («تحریم دارو از سوی X»)
# Verbs and nouns of condemnation: what they take as object is the act condemned, not the speaker's act.
AUDIT_CONDEMN = frozenset(
    normalize_string(w)
    for w in (
        "أدان أدانت يدين تدين ندد نددت يندد تندد استنكر استنكرت يستنكر تستنكر شجب شجبت يشجب تشجب"
        " إدانة تنديد استنكار محکوم تقبیح"
    ).split()
)


def _audit_roles(
    context: CodingContext, words: list[Word], candidates: list[Unit], match: WordMatch,
    trigger_start: int, trigger_end: int, roles: tuple[Unit, Unit | None, str, str],
) -> tuple[Unit, Unit | None, str, str] | None:  # fmt: skip
    """The roles after the audit's checks of the phrases around the trigger (its own sides after
    "between", a co-subject joined by "and", a topic phrase, an author marked after the act); None
    drops the event."""
    actor, recipient, actor_rule, recipient_rule = roles
    if _audit_between_others(words, match, trigger_start, trigger_end, actor, recipient):
        return None
    if _audit_co_subject(context, words, match, actor, recipient, recipient_rule) or _audit_topic(
        context, words, match, trigger_start, recipient
    ):
        return actor, None, actor_rule, ""
    agent = _audit_marked_agent(context, words, candidates, trigger_end, actor)
    if agent is None:
        return roles
    if agent is recipient:
        return agent, actor, "author marked after the act («از سوی», «من قبل»)", actor_rule
    return agent, recipient, "author marked after the act («از سوی», «من قبل»)", recipient_rule


def _audit_between_others(
    words: list[Word], match: WordMatch, trigger_start: int, trigger_end: int,
    actor: Unit, recipient: Unit | None,
) -> bool:  # fmt: skip
    """True when a symmetric noun names its own sides right after it («المحادثات بين حكومة جنوب
    السودان والمعارضة», «توافق صلح میان طالبان و آمریکا») but a party was taken from before it: that
    party is the place, host or speaker of the talks, not a side (the audit's "talks in the Ethiopian
    capital" and "the Afghan official says the deal between the Taliban and the US is final")."""
    if match.item.event not in SYMMETRIC:
        return False
    first = bisect.bisect_left(words, trigger_end, key=_word_start)
    after = [w.text for w in words[first : first + 2]]
    if not after or not (after[0] in AUDIT_BETWEEN or " ".join(after) in AUDIT_BETWEEN):
        return False
    return actor.start < trigger_start or (recipient is not None and recipient.start < trigger_start)


def _audit_marked_agent(
    context: CodingContext, words: list[Word], candidates: list[Unit], trigger_end: int, actor: Unit
) -> Unit | None:
    """The party an agent marker names right after the act's noun («ترور وی از سوی آمریکایی‌ها»,
    «تحریم دارو از سوی آمریکا علیه مردم ایران», «اعتقال ... من قبل السلطات»), when it is not the actor
    already: the act is that party's, whoever heads the clause (the audit found the clause's subject
    or the state the act targets coded as its author)."""
    markers = AGENT_MARKERS.get(context.language, frozenset())
    for unit in candidates:
        if unit.start < trigger_end or not unit.key() or unit.key() == actor.key():
            continue
        before = [w.text for w in words if trigger_end <= w.start and w.end <= unit.start]
        marked = bool(before) and (before[-1] in markers or " ".join(before[-2:]) in markers)
        if (
            marked
            and len(before) <= AUDIT_AGENT_WORDS + 2
            and not _clause_break(context.text, trigger_end, unit.start)
        ):
            return unit
    return None


def _audit_condemned_attack(
    language: str, words: list[Word], trigger: Trigger, trigger_start: int, actor: Unit
) -> bool:
    """True for an attack the sentence condemns whose "author" is named before the attack noun: that is
    the condemning party («أدانت منظمة التعاون الإسلامي والولايات المتحدة الهجوم», «ایران حمله ... را
    محکوم کرد»); the author of a condemned attack follows its noun («الهجوم الذي شنه X») or is not
    named. Arabic puts the condemnation before its object, Persian (SOV) after it."""
    if trigger.event != "ASSAULT" or not actor.key() or actor.end > trigger_start:
        return False
    if language == "ar":
        side = [w.text for w in words if w.end <= trigger_start]
    elif language == "fa":
        side = [w.text for w in words if w.start > trigger_start]
    else:
        return False
    return any(w in AUDIT_CONDEMN or (w[:1] in ("و", "ف") and w[1:] in AUDIT_CONDEMN) for w in side)


# Arabic place nouns a nationality adjective can qualify: «العاصمة الإثيوبية», «السجون اللبنانية».
AUDIT_PLACE_NOUNS = frozenset(
    normalize_string(w)
    for w in (
        "العاصمة عاصمة مدينة المدينة بلدة البلدة قرية القرية مخيم المخيم سجون السجون سجن السجن"
        " مطار المطار ميناء الميناء الموانئ"
    ).split()
)
AUDIT_PLACE_NAME_WORDS = 2  # words of a place's own name between its noun and the adjective


def _audit_place_adjective(language: str, words: list[Word], unit: Unit) -> bool:
    """True for an Arabic nationality adjective that qualifies a place noun, maybe with the place's
    name between («العاصمة الإثيوبية», «مدينة لوزان السويسرية», «مخيم اليرموك الفلسطيني», «السجون
    اللبنانية»): it says where something is, not who acts; the audit found such places coded as the
    parties of talks, hosting and visits."""
    if language != "ar" or unit.form_role != "adjective":
        return False
    before = [w.text for w in words if w.end <= unit.start][-(AUDIT_PLACE_NAME_WORDS + 1) :]
    return any(w in AUDIT_PLACE_NOUNS for w in before)


# "and" joining two coordinated subjects: «منظمة التعاون الإسلامي والولايات المتحدة», «آمریکا و ناتو»;
# a comma alone may end a phrase («تحریم‌های آمریکا، مقامات ونزوئلا»).
AUDIT_COORDINATION = re.compile(r"[\s,،]*(?:و|and)\s*")
AUDIT_OBJECT_RULES = frozenset({"object after the source", "object between subject and verb (SOV)"})


def _audit_co_subject(
    context: CodingContext, words: list[Word], match: WordMatch, actor: Unit, recipient: Unit | None,
    recipient_rule: str,
) -> bool:  # fmt: skip
    """True when the "recipient" of a one-sided act is only joined to its actor by "and"
    («أدانت منظمة التعاون الإسلامي والولايات المتحدة الهجوم»): it is a second subject of the same
    act, not its target (the audit found the co-condemner coded as the one condemned). Symmetric acts
    keep the pair: two states that meet are each other's counterpart; so does a pair after "between"
    («مذاکرات میان ترکیه و یونان را رد می‌کنیم»): it names the sides of another act."""
    if match.item.event in SYMMETRIC or recipient is None or recipient_rule not in AUDIT_OBJECT_RULES:
        return False
    if recipient.start < actor.end:
        return False
    before = [w.text for w in words if w.end <= actor.start][-2:]
    if before and (before[-1] in AUDIT_BETWEEN or " ".join(before) in AUDIT_BETWEEN):
        return False
    return AUDIT_COORDINATION.fullmatch(context.text[actor.end : recipient.start]) is not None


# Words that open the topic of talks or a statement («لمناقشة الاتفاق النووي مع إيران», «درباره
# برنامه هسته‌ای ایران»): a state named in that phrase is what is discussed, not a party.
AUDIT_TOPIC_MARKERS = {
    "ar": frozenset(normalize_string(w) for w in "لمناقشة لبحث بشأن حول حيال بخصوص".split()),
    "fa": frozenset(normalize_string(w) for w in ("درباره", "در مورد", "در خصوص", "پیرامون", "در باره")),
}
AUDIT_TOPIC_WORDS = 4  # words from the topic marker to the state it names


def _audit_topic(
    context: CodingContext, words: list[Word], match: WordMatch, trigger_start: int, recipient: Unit | None
) -> bool:
    """True when the recipient sits in a topic phrase that does not hold the trigger: a marker a few
    words before it («اجتماع مع نظرائه ... لمناقشة الاتفاق النووي مع إيران») with no clause break
    between; the audit found the state discussed coded as the one met or supplied. Acts of speech keep
    it: what a statement is about is its target («در اظهار نظر درباره حمله آمریکا»: backing the US)."""
    markers = AUDIT_TOPIC_MARKERS.get(context.language)
    if recipient is None or not markers or match.item.event in CONTENT_TAKING:
        return False
    before = [w for w in words if w.end <= recipient.start][-(AUDIT_TOPIC_WORDS + 1) :]
    for i, word in enumerate(before):
        pair = " ".join(w.text for w in before[i : i + 2])
        if word.text not in markers and pair not in markers:
            continue
        holds_trigger = word.start <= trigger_start < recipient.start
        if not holds_trigger and not _clause_break(context.text, word.end, recipient.start):
            return True
    return False


# --- audit2: general fixes from a second precision audit on random unseen articles -------------------
# A second sample of SaudiNewsNet and IR-News articles outside every eval set and the first audit's
# (eval/audit/sample.py, judgements in eval/audit/audit2.tsv) was coded and each interstate event
# judged. The rules below remove error classes that recurred there; each is a construction of news
# Arabic or Persian, not a named entity or an article.


def _audit2_dropped(
    context: CodingContext, words: list[Word], match: WordMatch, cues: _SentenceCues,
    trigger_start: int, trigger_end: int, roles: tuple[Unit, Unit | None, str, str],
) -> bool:  # fmt: skip
    """True when the audit's checks find the trigger is no interstate act: told in a sentence about
    sport, a past act named in a time phrase whose parties were taken from the clause, an aim or a
    stance's topic, a tanker's voyage, or aid given to a party of another clause; or a party that is
    letters of another word or the nationality of a newspaper."""
    actor, recipient, actor_rule, recipient_rule = roles
    return (
        _audit2_sport(match, cues)
        or any(_audit2_inside_word(context, unit) for unit in (actor, recipient))
        or any(_audit2_media_adjective(context.language, words, unit) for unit in (actor, recipient))
        or _audit2_tanker_voyage(context.language, words, match, actor)
        or _audit2_time_phrase(context.language, words, match, actor_rule)
        or _after_marker(AUDIT2_PURPOSE, context.language, words, match)
        or _audit2_aid_across(context.text, match, trigger_start, trigger_end, recipient, recipient_rule)
    )


# «برای رفع تحریم‌ها» (for the lifting of sanctions), «در قبال مذاکره» (toward, or in return for,
# negotiating): an act named after them is an aim or a topic, not an act done (PURPOSE has the others).
AUDIT2_PURPOSE: dict[str, tuple[tuple[str, ...], ...]] = {
    "fa": tuple(tuple(normalize_string(w).split()) for w in ("برای", "در قبال"))
}


# Acts that are what they are in a sentence about sport: a protest at the Olympic torch, an attack
# or arrests at a stadium.
AUDIT2_SPORT_KEPT = frozenset({"PROTEST", "ASSAULT", "COERCE"})


def _audit2_sport(match: WordMatch, cues: _SentenceCues) -> bool:
    """True when the sentence speaks of sport (context.tsv's `sports` words: a match, a national team,
    a player, a club's league): a «دیدار» or «مباراة» there is a game, a signing a player's transfer,
    a club's request to its federation; the audit found matches coded as visits and transfers as
    agreements between the players' states. Protests, attacks and arrests stay what they are."""
    return match.item.event not in AUDIT2_SPORT_KEPT and any(
        cue.item.label == "sports" for cue in cues.find("contexts")
    )


# Words that make a following act a point in time («بعد رفع العقوبات», «پس از ترور», «بعد از حمله»).
AUDIT2_TIME_WORDS = {
    "ar": frozenset(normalize_string(w) for w in "بعد قبل عقب اثر إثر منذ وبعد وقبل".split()),
    "fa": frozenset(normalize_string(w) for w in ("بعد", "بعد از", "پس از", "قبل از", "پیش از")),
}
# Roles the act's own phrase gives: its genitive or its author marked after it; not the clause's.
AUDIT2_OWN_ROLES = ("genitive", "subject or genitive right after", "author marked")
# A pronoun on the act's noun («بعد زيارته», «پس از دیدارش») or «خود» after it refers to the clause's
# subject: that subject is then the act's own actor.
AUDIT2_PRONOUNS: dict[str, tuple[str, ...]] = {"ar": ("ه", "ها", "هم", "هما"), "fa": ("ش", "شان")}
AUDIT2_GLUED_PREPOSITIONS = ("بال", "لل")  # «بعد لقائه بالرئيس», «بعد زيارة للقاهرة»


def _audit2_time_phrase(language: str, words: list[Word], match: WordMatch, actor_rule: str) -> bool:
    """True for an act's noun right after a time word that names the act's own argument right after
    it («بعد رفع العقوبات», «بعد خروج آمریکا از برجام», «بعد از حمله شب گذشته به سفارت»): it dates the
    clause by an earlier act, whose parties are not the clause's subject and object; the audit found
    that subject or a state of the clause coded as its actor. Kept: the actor the act's own phrase
    names (its genitive, an author marked after it); a pronoun on the noun or its argument that takes
    up the clause's subject («بعد زيارته», «بعد از خروج کشورش»); a preposition right after the noun
    («پس از دیدار با X»), where the clause's subject did the act itself."""
    markers = AUDIT2_TIME_WORDS.get(language)
    if not markers or match.first == 0 or actor_rule.startswith(AUDIT2_OWN_ROLES):
        return False
    before = [w.text for w in words[max(0, match.first - 2) : match.first]]
    if before[-1] not in markers and " ".join(before) not in markers:
        return False
    if before[-1] == "قبل" and before[0] == "من":  # «من قبل»: "by", an agent marker, not "before"
        return False
    pronouns = AUDIT2_PRONOUNS.get(language, ())
    if match.first + 1 >= len(words) or words[match.first].text.endswith(pronouns):
        return False
    following = words[match.first + 1].text
    prepositions = TARGET_MARKERS[language] | PLACE_MARKERS[language]
    glued = language == "ar" and following.startswith(AUDIT2_GLUED_PREPOSITIONS)
    return not (
        following in prepositions
        or glued
        or following.endswith(pronouns)
        or following == normalize_string("خود")
    )


# Geographic features named after a state («بحيرة تشاد», «بحر الصين الجنوبي», «دریای عمان»): the
# state's name there is part of a place name.
AUDIT2_FEATURES = {
    "ar": frozenset(
        normalize_string(w)
        for w in "بحيرة البحيرة بحر البحر خليج نهر النهر جبل جبال صحراء الصحراء مضيق".split()
    ),
    "fa": frozenset(normalize_string(w) for w in "دریاچه دریای خلیج رود رودخانه کوه کوههای تنگه".split()),
}


def _audit2_feature_place(language: str, words: list[Word], unit: Unit) -> bool:
    """True for a state's name right after a geographic feature's noun («بحيرة تشاد», «خليج عمان»,
    «دریای عمان», «بحر الصين الجنوبي»): the phrase names a lake, a sea or a strait, not a party; the
    audit found the lake's state coded as the one attacked on its shore. A coast is left out: «عازم
    سواحل سوریه» is the state the ships head for."""
    before = next((w for w in reversed(words) if w.end <= unit.start), None)
    return before is not None and before.text in AUDIT2_FEATURES.get(language, frozenset())


AUDIT2_LOOSE_RECIPIENTS = frozenset({"object after the source", OTHER_ACTOR})


def _audit2_aid_across(
    text: str, match: WordMatch, trigger_start: int, trigger_end: int, recipient: Unit | None,
    recipient_rule: str,
) -> bool:  # fmt: skip
    """True for aid whose recipient was taken as a loose object or as the sentence's other party
    across punctuation («وصلت الطائرة السعودية تحمل مواد غذائية، كما وصلت طائرة إماراتية»): that
    party is the subject of another clause, often a second donor; the one aided is named with a
    preposition («إلى», «به») or not at all. The audit found two donors coded as aiding each other."""
    if match.item.event != "AID" or recipient is None or recipient_rule not in AUDIT2_LOOSE_RECIPIENTS:
        return False
    if recipient.start >= trigger_end:
        return _clause_break(text, trigger_end, recipient.start)
    return _clause_break(text, recipient.end, trigger_start)


# Merchant tankers («نفتکش», «ناقلة نفط»): their voyage carries cargo; warships are WARSHIPS.
AUDIT2_TANKERS = {
    "ar": frozenset(normalize_string(w) for w in "ناقلة ناقلات الناقلة الناقلات".split()),
    "fa": frozenset(normalize_string(w) for w in "نفتکش نفتکشها نفتکشهای".split()),
}


def _audit2_tanker_voyage(language: str, words: list[Word], match: WordMatch, actor: Unit) -> bool:
    """True for a journey or an arrival («سفر», «زيارة») whose subject is a tanker («دومین نفتکش ایرانی
    ... به سواحل ونزوئلا رسید»): it is a shipment, trade between the states at most, not a visit by
    the flag's state; the audit found a tanker's voyage coded as a consultation."""
    if match.item.event != "CONSULT":
        return False
    before = [word.text for word in words if word.end <= actor.start][-WARSHIP_WORDS:]
    return any(word in AUDIT2_TANKERS.get(language, frozenset()) for word in before)


def _audit2_inside_word(context: CodingContext, unit: Unit | None) -> bool:
    """True for a Persian party whose name begins inside a longer word («رم», Rome, in «برمی‌گردد»):
    Persian glues no preposition or article to a name, so a name is a word of its own; the audit found
    a verb's letters read as a capital. Arabic glues «و», «ب», «ل», «ال» and keeps its names."""
    if context.language != "fa" or unit is None or not unit.key() or unit.start == 0:
        return False
    return context.text[unit.start - 1].isalpha()


# Arabic nouns of news outlets a nationality adjective can qualify: «صحيفة فرانكفورتر ... الألمانية»,
# «وكالة الأنباء الفرنسية» (by «الأنباء»: a bare «وكالة» is also an intelligence or a space agency).
AUDIT2_MEDIA_NOUNS = frozenset(
    normalize_string(w)
    for w in "صحيفة الصحيفة صحف الصحف جريدة الجريدة انباء الانباء قناة القناة مجلة المجلة".split()
)
AUDIT2_MEDIA_NAME_WORDS = 4  # words of an outlet's own name between its noun and the adjective


def _audit2_media_adjective(language: str, words: list[Word], unit: Unit | None) -> bool:
    """True for an Arabic nationality adjective that qualifies a news outlet, maybe with the outlet's
    name between («ذكرت صحيفة فرانكفورتر ألغماينه تسايتونغ الألمانية أن ...»): it says whose paper
    reports, not who acts; the audit found the paper's country coded as a party to what it reported."""
    if language != "ar" or unit is None or unit.form_role != "adjective":
        return False
    before = [w.text for w in words if w.end <= unit.start][-(AUDIT2_MEDIA_NAME_WORDS + 1) :]
    return any(w in AUDIT2_MEDIA_NOUNS for w in before)
