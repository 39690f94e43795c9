"""Actor dictionaries: loading the TSV files analysts edit, and checking them.

Every file is UTF-8 TSV, one concept per row, ``#`` comment lines at the top, several spellings in a
cell separated by `` | ``. The loader turns each row into a ``Concept`` and every spelling into a
normalised *form* the matcher searches for; ``validate_dictionaries`` says what is wrong with a
folder of files in words an analyst can act on.
"""

from __future__ import annotations

import csv
import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from rasad.text.normalize import normalize_string

SEPARATOR = " | "
LANGUAGES = ("en", "ar", "fa")
SECTORS = frozenset(
    "GOV MIL LEG JUD COP SPY BUS MED CVL REB UAF OPP PTY EDU REL NGO HLH LAB AGR ELI IGO".split()
)
# The sectors of a state's own organs (government, army, parliament, courts, police, intelligence).
STATE_ORGANS = frozenset("GOV MIL LEG JUD COP SPY".split())
REGISTERS = frozenset({"neutral", "pejorative", "euphemism"})
KNOWN_IGO_CODES = frozenset(
    "NATO CSTO SCO OIC OTS UN EU ARL GCC AU CIS EAEU OPEC IAEA ASEAN BRICS OSCE WB IMF ICC ICJ WHO".split()
)


@dataclass(frozen=True, slots=True)
class Term:
    """One office a person held: role, sector, country or organisation, and its dates."""

    role: str
    sector: str | None
    country: str | None
    org: str | None
    start: str | None
    end: str | None

    def covers(self, day: str | None) -> bool:
        """True when the office was held on ``day`` (ISO, any precision); unknown dates count as yes."""
        if not day:
            return True
        # Compare at the coarser of the two precisions: an end of "2025" includes 2025-05-01.
        starts_by = not self.start or self.start[: len(day)] <= day[: len(self.start)]
        ends_after = not self.end or day[: len(self.end)] <= self.end[: len(day)]
        return starts_by and ends_after


@dataclass(frozen=True, slots=True)
class Concept:
    """Something the text can name: a state, an organisation, a person, a place or a sector word.

    ``role`` says how a form names it: ``name``, ``adjective``, ``capital``, ``seat``, ``epithet``
    for states; ``name`` for the others; ``body`` or ``role`` for sector words.
    """

    key: str
    kind: str  # state | igo | person | place | organization | sector
    name: str
    role: str
    country: str | None = None
    sector: str | None = None
    org: str | None = None
    register: str | None = None
    terms: tuple[Term, ...] = ()
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Form:
    """A spelling to search for, normalised, and the concept it names."""

    text: str  # normalised
    concept: Concept
    language: str
    case_sensitive: str | None = None  # the exact original spelling for acronyms ("US", "UN")


@dataclass
class ActorDictionary:
    concepts: list[Concept] = field(default_factory=list)
    forms: list[Form] = field(default_factory=list)
    # (language, normalised form) -> normalised words that, right before it, mean it is no name
    not_after: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    # (country, lower-case role) -> the people who held that office, with the term
    office_holders: dict[tuple[str, str], list[tuple[Concept, Term]]] = field(default_factory=dict)
    # Bare family names that are also words or shared («ظريف», «الصيد»): searched apart, used only
    # where the document already named the person or a title stands right before (see resolve.py).
    surnames: list[Form] = field(default_factory=list)

    def add(self, concept: Concept, spellings: dict[str, list[str]]) -> None:
        self.concepts.append(concept)
        for term in concept.terms:
            if term.country:
                role = term.role.lower().replace("defense", "defence")
                self.office_holders.setdefault((term.country, role), []).append((concept, term))
        for language, values in spellings.items():
            for value in values:
                normalised = " ".join(normalize_string(value).split())
                if not normalised:
                    continue
                exact = value if value.isascii() and value.upper() == value and len(value) <= 6 else None
                self.forms.append(Form(normalised, concept, language, exact))


# --- reading -----------------------------------------------------------------------------------


def data_folder() -> Path:
    return Path(str(resources.files("rasad.actors").joinpath("data")))


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file as dicts, with their line numbers; comment and blank lines skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    if not lines:
        return
    header = lines[0][1].rstrip("\r\n").split("\t")
    for number, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        yield number, {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}


def split_cell(cell: str) -> list[str]:
    return [value.strip() for value in cell.split("|") if value.strip()]


def _spellings(row: dict[str, str], columns: tuple[str, ...] = LANGUAGES) -> dict[str, list[str]]:
    return {
        language: split_cell(row.get(column, "")) for language, column in zip(LANGUAGES, columns, strict=True)
    }


def _states(folder: Path) -> dict[str, dict[str, str]]:
    """states.tsv merged with the hand-made states_press.tsv, cell by cell."""
    merged: dict[str, dict[str, str]] = {}
    for name in ("states.tsv", "states_press.tsv"):
        path = folder / name
        if not path.exists():
            continue
        for _, row in read_rows(path):
            target = merged.setdefault(row["iso3"], {})
            for column, value in row.items():
                if column in ("iso3", "kind"):
                    target.setdefault(column, value)
                elif value:
                    known = split_cell(target.get(column, ""))
                    target[column] = SEPARATOR.join(dict.fromkeys(known + split_cell(value)))
    return merged


def load_dictionary(folder: Path | None = None) -> ActorDictionary:
    """Read every dictionary file of ``folder`` (the packaged data by default)."""
    folder = folder or data_folder()
    dictionary = ActorDictionary()
    states = _states(folder)
    for iso3, row in states.items():
        name = split_cell(row.get("en", ""))[0] if row.get("en") else iso3
        dictionary.add(Concept(iso3, "state", name, "name", country=iso3), _spellings(row))
        adjectives = _spellings(row, ("en_adj", "ar_adj", "fa_adj"))
        dictionary.add(Concept(iso3, "state", name, "adjective", country=iso3), adjectives)
    state_names = {iso3: split_cell(row.get("en", ""))[0] for iso3, row in states.items() if row.get("en")}
    for _, row in _rows(folder, "capitals.tsv"):
        iso3 = row["iso3"]
        concept = Concept(iso3, "state", state_names.get(iso3, iso3), row["kind"], country=iso3, sector="GOV")
        dictionary.add(concept, _spellings(row))
    for _, row in _rows(folder, "epithets.tsv"):
        iso3 = row["iso3"]
        concept = Concept(
            iso3,
            "state",
            state_names.get(iso3, iso3),
            "epithet",
            country=iso3,
            sector="GOV",
            register=row.get("register") or None,
        )
        dictionary.add(concept, {row["lang"]: [row["form"]]})
    for _, row in _rows(folder, "igos.tsv"):
        dictionary.add(Concept(row["code"], "igo", row["name"], "name", org=row["code"]), _spellings(row))
    for _, row in _rows(folder, "sectors.tsv"):
        concept = Concept(
            row["sector"],
            "sector",
            split_cell(row["en"])[0] if row["en"] else row["sector"],
            row["kind"],
            country=row.get("iso3") or None,
            sector=row["sector"],
        )
        dictionary.add(concept, _spellings(row))
    for person in _people(folder):
        dictionary.add(*person)
    dictionary.surnames = list(_surnames(folder, dictionary.concepts))
    for _, row in _rows(folder, "places.tsv"):
        concept = Concept(
            row["id"],
            "place",
            split_cell(row["en"])[0] if row["en"] else row["id"],
            row["kind"],
            country=row.get("country") or None,
            latitude=_float(row.get("lat")),
            longitude=_float(row.get("lon")),
        )
        dictionary.add(concept, _spellings(row))
    for _, row in _rows(folder, "groups.tsv"):
        concept = Concept(
            row["id"], "organization", row["name"], "name",
            country=row.get("country") or None, sector=row.get("sector") or None,
        )  # fmt: skip
        dictionary.add(concept, _spellings(row))
    for _, row in _rows(folder, "context.tsv"):
        key = (row["lang"], normalize_string(row["form"]))
        dictionary.not_after[key] = frozenset(normalize_string(word) for word in split_cell(row["not_after"]))
    return dictionary


def _rows(folder: Path, name: str) -> Iterator[tuple[int, dict[str, str]]]:
    path = folder / name
    return read_rows(path) if path.exists() else iter(())


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def _people(folder: Path) -> Iterator[tuple[Concept, dict[str, list[str]]]]:
    """One concept per person, carrying all of their office terms."""
    grouped: dict[str, list[dict[str, str]]] = {}
    for _, row in _rows(folder, "people.tsv"):
        grouped.setdefault(row["id"], []).append(row)
    for key, rows in grouped.items():
        terms = tuple(
            Term(
                r["role"],
                r.get("sector") or None,
                r.get("country") or None,
                r.get("org") or None,
                r.get("start") or None,
                r.get("end") or None,
            )
            for r in rows
        )
        spellings: dict[str, list[str]] = {language: [] for language in LANGUAGES}
        for row in rows:
            for language, values in _spellings(row).items():
                spellings[language] += [v for v in values if v not in spellings[language]]
        country = next((t.country for t in terms if t.country), None)
        yield Concept(key, "person", rows[0]["name"], "name", country=country, terms=terms), spellings


def _surnames(folder: Path, concepts: list[Concept]) -> Iterator[Form]:
    """The guarded family names of ``surnames.tsv``, as forms of their person."""
    people = {concept.key: concept for concept in concepts if concept.kind == "person"}
    for _, row in _rows(folder, "surnames.tsv"):
        person = people.get(row["id"])
        normalised = " ".join(normalize_string(row["form"]).split())
        if person and normalised:
            yield Form(normalised, person, row["lang"])


@cache
def packaged_dictionary() -> ActorDictionary:
    """The packaged dictionaries, loaded once per process."""
    return load_dictionary()


# --- checking ----------------------------------------------------------------------------------


def validate_dictionaries(folder: Path | None = None) -> list[str]:
    """Problems in a folder of dictionary files: duplicate keys, unknown codes, overlapping terms."""
    folder = folder or data_folder()
    problems: list[str] = []
    states: set[str] = set()
    for name in ("states.tsv", "states_press.tsv"):
        seen: set[str] = set()
        for number, row in _rows(folder, name):
            iso3 = row.get("iso3", "")
            if len(iso3) != 3 or not iso3.isalpha() or not iso3.isupper():
                problems.append(f"{name}:{number}: '{iso3}' is not an ISO 3166 alpha-3 code")
            if iso3 in seen:
                problems.append(f"{name}:{number}: duplicate key {iso3}")
            seen.add(iso3)
            states.add(iso3)
    igo_codes: set[str] = set()
    for number, row in _rows(folder, "igos.tsv"):
        code = row.get("code", "")
        if code in igo_codes:
            problems.append(f"igos.tsv:{number}: duplicate key {code}")
        igo_codes.add(code)
    missing = KNOWN_IGO_CODES - igo_codes
    if missing:
        problems.append(f"igos.tsv: the contract's codes are missing: {', '.join(sorted(missing))}")
    for name, column in (
        ("capitals.tsv", "iso3"),
        ("epithets.tsv", "iso3"),
        ("sectors.tsv", "iso3"),
        ("people.tsv", "country"),
        ("places.tsv", "country"),
        ("groups.tsv", "country"),
    ):
        for number, row in _rows(folder, name):
            code = row.get(column, "")
            if code and code not in states:
                problems.append(f"{name}:{number}: unknown country code '{code}'")
    for number, row in _rows(folder, "epithets.tsv"):
        if row.get("register") not in REGISTERS:
            problems.append(f"epithets.tsv:{number}: register must be one of {sorted(REGISTERS)}")
    for name in ("sectors.tsv", "people.tsv", "groups.tsv"):
        for number, row in _rows(folder, name):
            if row.get("sector") and row["sector"] not in SECTORS:
                problems.append(f"{name}:{number}: unknown sector code '{row['sector']}'")
    for number, row in _rows(folder, "people.tsv"):
        if row.get("org") and row["org"] not in igo_codes:
            problems.append(f"people.tsv:{number}: unknown organisation code '{row['org']}'")
    for number, row in _rows(folder, "context.tsv"):
        if (
            row.get("lang") not in LANGUAGES
            or not row.get("form")
            or not split_cell(row.get("not_after", ""))
        ):
            problems.append(f"context.tsv:{number}: needs lang (en, ar or fa), form and not_after words")
    problems += _bad_surnames(folder)
    problems += _overlapping_terms(folder)
    return problems


def _bad_surnames(folder: Path) -> list[str]:
    """Rows of ``surnames.tsv`` without a known person id, a language or a form."""
    people = {row["id"] for _, row in _rows(folder, "people.tsv")}
    return [
        f"surnames.tsv:{number}: needs an id from people.tsv, lang (en, ar or fa) and a form"
        for number, row in _rows(folder, "surnames.tsv")
        if row.get("id") not in people or row.get("lang") not in LANGUAGES or not row.get("form")
    ]


def _overlapping_terms(folder: Path) -> list[str]:
    problems = []
    terms: dict[tuple[str, str], list[tuple[int, str, str]]] = {}
    for number, row in _rows(folder, "people.tsv"):
        for column in ("start", "end"):
            if row.get(column) and not _is_iso(row[column]):
                problems.append(f"people.tsv:{number}: {column} '{row[column]}' is not an ISO date")
        terms.setdefault((row["id"], row["role"]), []).append(
            (number, row.get("start", ""), row.get("end", ""))
        )
    for (person, role), spans in terms.items():
        spans.sort(key=lambda span: span[1])
        for (first, _, first_end), (second, second_start, _) in itertools.pairwise(spans):
            if not first_end or (second_start and second_start < first_end):
                problems.append(
                    f"people.tsv:{second}: {person}'s term as {role} overlaps the one on line {first}"
                )
    return problems


def _is_iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01"[:7] + "-01")
    except ValueError:
        return False
    return True
