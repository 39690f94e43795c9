"""The store contract on both backends (SQLite and a real PostgreSQL server), on the bundled samples
and the user's seed articles: idempotent ingest, re-coding, filters, dyads, search, hostile input.

Filter results are checked against a plain-Python reading of the same records, so a wrong SQL
condition shows up as a difference in event ids.
"""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postgres_server import empty_store_url
from rasad import __version__
from rasad.document import RawDocument
from rasad.ingest import iter_documents
from rasad.run import code_pairs
from rasad.store import coder_version, data_digest, open_store, store_url
from rasad.store.base import MAX_PAGE_SIZE, EventFilter, Page, Store, StoredVersion
from rasad.store.common import content_hash
from rasad.store.sqlite import MIGRATIONS as SQLITE_MIGRATIONS

HOSTILE_STRINGS = [
    "'; DROP TABLE documents; --",
    '"',
    '"unbalanced',
    "*",
    "NEAR(",
    "NEAR(a b",
    "-x",
    "AND",
    "OR NOT",
    "title:",
    ":",
    "^",
    "()",
    "",
    "   ",
    "\x00",
    "%_\\",
    "x" * 10_000,
    "كازاخستان " * 2_000,
]


# Our own sentence: a Persian text naming Israel with bare alef and Persian yeh, and کشور with Persian kaf.
OWN_PERSIAN = RawDocument(
    text="وزیر دفاع قزاقستان گفت این کشور با اسرائیل یک تفاهم‌نامه همکاری نظامی امضا کرده است.",
    doc_id="own-persian-israel",
)


@pytest.fixture(scope="module")
def coded(samples_dir: Path, seed_paths: list[Path]) -> list[tuple[RawDocument, dict]]:
    """The samples, the seeds and our Persian sentence, coded once for the module."""
    items = [*iter_documents([str(samples_dir), *map(str, seed_paths)]), OWN_PERSIAN]
    pairs = [pair for pair in code_pairs(items) if isinstance(pair, tuple)]
    assert len(pairs) >= 20
    return pairs


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, coded: list
) -> Iterator[Store]:
    """A store holding ``coded``, shared by the tests that only read (one per backend)."""
    with empty_store_url(request, tmp_path_factory.mktemp("filled")) as url, open_store(url) as store:
        counts = store.save_many(coded, "v1")
        assert (counts.added, counts.failed) == (len(coded), 0)
        yield store


@pytest.fixture
def refilled(store: Store, coded: list[tuple[RawDocument, dict]]) -> Store:
    """A store holding ``coded`` for one test that changes it."""
    counts = store.save_many(coded, "v1")
    assert (counts.added, counts.failed) == (len(coded), 0)
    return store


def all_events(coded: list[tuple[RawDocument, dict]]) -> list[tuple[dict, dict]]:
    return [(record, event) for _, record in coded for event in record["events"]]


def side_is(event: dict, role: str, code: str) -> bool:
    side = event.get(role) or {}
    return code in (side.get("code"), side.get("org"))


def bounds(date: str) -> tuple[str, str]:
    return {4: (date + "-01-01", date + "-12-31"), 7: (date + "-01", date + "-31")}.get(
        len(date), (date, date)
    )


def expected_ids(coded: list[tuple[RawDocument, dict]], filters: EventFilter) -> set[str]:
    """The event ids a filter must return, read from the records without SQL."""
    found = set()
    for record, event in all_events(coded):
        pairs = [(filters.actor, filters.recipient)]
        if filters.dyad_symmetric:
            pairs.append((filters.recipient, filters.actor))
        if (filters.actor or filters.recipient) and not any(
            (a is None or side_is(event, "actor", a)) and (r is None or side_is(event, "recipient", r))
            for a, r in pairs
        ):
            continue
        if filters.event_types and event["event"] not in filters.event_types:
            continue
        if filters.modalities and event["modality"] not in filters.modalities:
            continue
        if filters.context and filters.context not in (event.get("context") or []):
            continue
        if filters.date_from or filters.date_to:
            if not event.get("date"):
                continue
            start, end = bounds(event["date"])
            if filters.date_from and end < bounds(filters.date_from)[0]:
                continue
            if filters.date_to and start > bounds(filters.date_to)[1]:
                continue
        if filters.language and record["language"] != filters.language:
            continue
        if filters.outlet and record["source"]["outlet"] != filters.outlet:
            continue
        if filters.document_id and record["id"] != filters.document_id:
            continue
        found.add(event["id"])
    return found


def every_row(fetch) -> list[dict]:
    rows, offset = [], 0
    while True:
        page = fetch(Page(limit=MAX_PAGE_SIZE, offset=offset))
        rows += page.rows
        offset += MAX_PAGE_SIZE
        if offset >= page.total:
            return rows


# --- ingest ---------------------------------------------------------------------------------


def test_the_same_articles_twice_are_stored_once(refilled: Store, coded: list) -> None:
    before = refilled.count()
    counts = refilled.save_many(coded, "v1")
    assert (counts.added, counts.updated, counts.unchanged) == (0, 0, len(coded))
    assert refilled.count() == before
    assert before["documents"] == len(coded)
    assert before["events"] == len(all_events(coded))


def test_a_new_coder_version_replaces_rows_instead_of_adding(refilled: Store, coded: list) -> None:
    before = refilled.count()
    counts = refilled.save_many(coded, "v2")
    assert (counts.added, counts.updated, counts.unchanged) == (0, len(coded), 0)
    assert refilled.count() == before
    document, record = coded[0]
    stored = refilled.document(record["id"])
    assert stored is not None
    assert stored["coder_version"] == "v2"
    assert refilled.stored_version(record["id"]) == StoredVersion("v2", content_hash(document.text))


def test_a_recoded_document_loses_the_events_it_no_longer_has(refilled: Store, coded: list) -> None:
    document, record = next((d, r) for d, r in coded if len(r["events"]) >= 2)
    fewer = copy.deepcopy(record)
    dropped = fewer["events"].pop()
    assert refilled.save(document, fewer, "v1") == "updated"
    ids = {e["id"] for e in every_row(lambda p: refilled.events(EventFilter(document_id=record["id"]), p))}
    assert dropped["id"] not in ids
    assert len(ids) == len(record["events"]) - 1
    assert refilled.document(record["id"])["record"] == fewer


def test_stored_record_and_text_come_back_unchanged(filled: Store, coded: list) -> None:
    for document, record in coded:
        stored = filled.document(record["id"])
        assert stored is not None
        assert stored["record"] == record
        assert stored["text"] == document.text
    assert filled.document("no-such-document") is None


def test_a_failing_document_is_never_half_stored(store: Store, coded: list) -> None:
    document, record = next((d, r) for d, r in coded if len(r["events"]) >= 3)
    broken = copy.deepcopy(record)
    del broken["events"][2]["id"]  # the third event cannot be stored
    with pytest.raises(KeyError):
        store.save(document, broken, "v1")
    assert store.count() == {"documents": 0, "events": 0, "entities": 0}
    assert store.document(record["id"]) is None

    counts = store.save_many([coded[0], (document, broken), coded[1]], "v1")
    assert (counts.added, counts.failed) == (2, 1)
    assert record["id"] in counts.problems[0] or (document.path or "") in counts.problems[0]
    assert store.count()["documents"] == 2
    assert store.count()["events"] == len(coded[0][1]["events"]) + len(coded[1][1]["events"])


def test_a_nul_character_in_the_text_is_stored(store: Store) -> None:
    document = RawDocument(
        text="Kazakhstan\x00 and Russia signed an agreement.", doc_id="with-a-nul-character"
    )
    record = {"id": document.doc_id, "source": {}, "language": "en", "title": None, "published": None,
              "entities": [], "events": []}  # fmt: skip
    assert store.save(document, record, "v1") == "added"
    assert len(store.document(document.doc_id)["text"]) == len(document.text)
    assert store.search("agreement", Page()).total == 1


# --- filters, dyads, entities ---------------------------------------------------------------

FILTERS = [
    EventFilter(),
    EventFilter(actor="KAZ"),
    EventFilter(recipient="RUS"),
    EventFilter(actor="CSTO"),
    EventFilter(actor="KAZ", recipient="RUS"),
    EventFilter(actor="KAZ", recipient="RUS", dyad_symmetric=True),
    EventFilter(actor="IRN", dyad_symmetric=True),
    EventFilter(event_types=("AGREE", "CONSULT")),
    EventFilter(modalities=("intended", "denied")),
    EventFilter(context="military"),
    EventFilter(date_from="2022-01-05", date_to="2022-01-31"),
    EventFilter(date_from="2022"),
    EventFilter(date_to="2017-09"),
    EventFilter(language="fa"),
    EventFilter(language="ar", event_types=("REQUEST",), actor="KAZ"),
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: repr(f).removeprefix("EventFilter"))
def test_event_filters_match_the_records(filled: Store, coded: list, filters: EventFilter) -> None:
    expected = expected_ids(coded, filters)
    rows = every_row(lambda page: filled.events(filters, page))
    assert [row["id"] for row in rows if row["id"] in expected] == [row["id"] for row in rows]
    assert {row["id"] for row in rows} == expected
    assert filled.events(filters, Page(limit=1)).total == len(expected)
    assert {e["id"] for e in filled.iter_events(filters)} == expected


def test_filters_select_something_on_these_articles(coded: list) -> None:
    """Guards the test above: each filter (but the empty one) keeps some events and drops others."""
    everything = expected_ids(coded, EventFilter())
    for filters in FILTERS[1:]:
        assert 0 < len(expected_ids(coded, filters)) < len(everything), filters


def test_outlet_and_document_filters(filled: Store, coded: list) -> None:
    record = next(r for _, r in coded if r["source"]["outlet"] and r["events"])
    by_outlet = EventFilter(outlet=record["source"]["outlet"])
    assert {e["id"] for e in filled.iter_events(by_outlet)} == expected_ids(coded, by_outlet)
    one = EventFilter(document_id=record["id"])
    rows = filled.events(one, Page()).rows
    assert {r["id"] for r in rows} == {e["id"] for e in record["events"]}
    assert {r["document_title"] for r in rows} == {record["title"]}
    documents = every_row(lambda p: filled.documents(p, outlet=record["source"]["outlet"]))
    assert documents and all(d["outlet"] == record["source"]["outlet"] for d in documents)


def test_dyads_count_the_events_with_both_sides(filled: Store, coded: list) -> None:
    filters = EventFilter(actor="KAZ", recipient="RUS", dyad_symmetric=True)
    dyads = filled.dyads(filters)
    assert {(d["actor"], d["recipient"]) for d in dyads} <= {("KAZ", "RUS"), ("RUS", "KAZ")}
    assert sum(d["count"] for d in dyads) == len(expected_ids(coded, filters))
    every = filled.dyads(EventFilter())
    both_sides = [e for _, e in all_events(coded) if e.get("actor") and e.get("recipient")]
    both_sides = [e for e in both_sides if (e["actor"]["org"] or e["actor"]["code"]) and (e["recipient"]["org"] or e["recipient"]["code"])]  # fmt: skip
    assert sum(d["count"] for d in every) == len(both_sides)
    assert all(d["month"] is None or len(d["month"]) == 7 for d in every)


def test_locations_count_the_events_with_a_place(filled: Store, coded: list) -> None:
    places = filled.locations(EventFilter())
    assert sum(p["count"] for p in places) == sum(1 for _, e in all_events(coded) if e.get("event_loc"))
    assert [p["count"] for p in places] == sorted((p["count"] for p in places), reverse=True)
    assert {"name", "country", "lat", "lon", "count"} == set(places[0])


def test_entities_count_documents_and_mentions(filled: Store, coded: list) -> None:
    kazakhstan = [e for _, r in coded for e in r["entities"] if e["id"] == "KAZ"]
    rows = filled.entities(Page(), kind="state", query="Kazakhstan").rows
    assert rows[0]["id"] == "KAZ"
    assert rows[0]["documents"] == len(kazakhstan)
    assert rows[0]["mentions"] == sum(len(e["mentions"]) for e in kazakhstan)
    # a mention spelled with Persian letters finds the entity from an Arabic spelling and back
    assert "KAZ" in {e["id"] for e in filled.entities(Page(), query="قزاقستان").rows}
    assert all(e["kind"] == "person" for e in filled.entities(Page(), kind="person").rows)
    assert filled.count()["entities"] == len({e["id"] for _, r in coded for e in r["entities"]})


# --- search -----------------------------------------------------------------------------------

ISRAEL_ARABIC = "إسرائيل"  # seed 001 (alef with hamza below, Arabic yeh)
ISRAEL_PERSIAN = "اسرائیل"  # OWN_PERSIAN (bare alef, Persian yeh)


def ids_for(store: Store, query: str, language: str | None = None) -> set[str]:
    return {row["id"] for row in every_row(lambda p: store.search(query, p, language=language))}


def seed_id(coded: list, number: str) -> str:
    return next(r["id"] for d, r in coded if (d.path or "").rsplit("/", 1)[-1].startswith(number + "_"))


@pytest.mark.parametrize("query", [ISRAEL_ARABIC, ISRAEL_PERSIAN, "إِسْرَائِيلَ", "ﺇﺳﺮﺍﺋﻴﻞ"])
def test_search_folds_alef_yeh_and_diacritics_both_ways(filled: Store, coded: list, query: str) -> None:
    assert {OWN_PERSIAN.doc_id, seed_id(coded, "001")} <= ids_for(filled, query)


def test_search_folds_kaf_both_ways(filled: Store, coded: list) -> None:
    arabic_kaf = ids_for(filled, "كازاخستان")
    assert ids_for(filled, "کازاخستان") == arabic_kaf  # Persian kaf
    assert {seed_id(coded, "001"), seed_id(coded, "002"), seed_id(coded, "004")} <= arabic_kaf
    assert OWN_PERSIAN.doc_id in ids_for(filled, "كشور")  # Arabic kaf; the Persian text has کشور


def test_search_snippet_shows_the_original_spelling(filled: Store, coded: list) -> None:
    hits = {row["id"]: row for row in filled.search(ISRAEL_PERSIAN, Page()).rows}
    arabic = hits[seed_id(coded, "001")]
    start, end = arabic["highlight"]
    assert arabic["snippet"][start:end] == ISRAEL_ARABIC
    persian = hits[OWN_PERSIAN.doc_id]
    start, end = persian["highlight"]
    assert persian["snippet"][start:end] == ISRAEL_PERSIAN


def test_search_words_all_must_match_and_language_filters(filled: Store, coded: list) -> None:
    both = ids_for(filled, f"{ISRAEL_ARABIC} كازاخستان")
    assert both <= ids_for(filled, ISRAEL_ARABIC)
    assert both <= ids_for(filled, "كازاخستان")
    persian = ids_for(filled, ISRAEL_ARABIC, language="fa")
    assert OWN_PERSIAN.doc_id in persian
    assert persian < ids_for(filled, ISRAEL_ARABIC)
    assert all(filled.document(i)["record"]["language"] == "fa" for i in persian)
    assert not ids_for(filled, "كازاخستان", language="xx")


OWN_ARABIC_CLITICS = RawDocument(
    text="أكد الوزير أن لإسرائيل دوراً في الشراكة، وأن الوفد الكازاخستاني وصل أمس إلى العاصمة.",
    doc_id="own-arabic-clitics",
)


def test_search_finds_words_behind_proclitics_and_before_suffixes(store_url: str) -> None:
    """«إسرائيل» is written «لإسرائيل» here and «كازاخستان» only as the adjective «الكازاخستاني»."""
    [(document, record)] = [p for p in code_pairs([OWN_ARABIC_CLITICS]) if isinstance(p, tuple)]
    with open_store(store_url) as store:
        store.save(document, record, coder_version())
        assert ids_for(store, ISRAEL_PERSIAN) == {record["id"]}
        assert ids_for(store, "کازاخستان") == {record["id"]}
        assert ids_for(store, "كازاخستانيون") == set()  # a prefix of the query is not enough
        [hit] = store.search(ISRAEL_ARABIC, Page()).rows
        start, end = hit["highlight"]
        assert hit["snippet"][start:end] == ISRAEL_ARABIC


@pytest.mark.parametrize("query", HOSTILE_STRINGS, ids=lambda q: repr(q[:12]))
def test_hostile_search_strings_are_plain_text(filled: Store, query: str) -> None:
    before = filled.count()
    result = filled.search(query, Page())
    assert result.total == len(result.rows) or result.total > len(result.rows) == Page().limit
    assert filled.count() == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=80) | st.text(alphabet='"*:^-()NEARO ك', max_size=30))
def test_any_string_is_a_safe_query(filled: Store, query: str) -> None:
    result = filled.search(query, Page(limit=5))
    assert len(result.rows) <= 5 <= result.total or len(result.rows) == result.total


def test_concurrent_calls_from_threads_share_one_store(filled: Store) -> None:
    """The web app calls one store from a thread pool."""
    expected = (
        filled.search("كازاخستان", Page()).total,
        filled.events(EventFilter(actor="KAZ"), Page()).total,
    )

    def work(_: int) -> tuple[int, int]:
        return filled.search("كازاخستان", Page()).total, filled.events(EventFilter(actor="KAZ"), Page()).total

    with ThreadPoolExecutor(max_workers=4) as pool:
        assert set(pool.map(work, range(40))) == {expected}


def test_search_operators_in_a_query_are_ignored_as_text(filled: Store) -> None:
    plain = ids_for(filled, "كازاخستان")
    assert plain
    assert ids_for(filled, 'كازاخستان * " ( ) : ^ -') == plain
    assert ids_for(filled, "'; DROP TABLE documents; --") == set()


# --- hostile and invalid values ---------------------------------------------------------------


@pytest.mark.parametrize("value", [s for s in HOSTILE_STRINGS if s and "\x00" not in s and len(s) < 1000])
def test_hostile_filter_values_match_nothing_and_harm_nothing(filled: Store, value: str) -> None:
    before = filled.count()
    for filters in (
        EventFilter(actor=value),
        EventFilter(outlet=value, context=value),
        EventFilter(document_id=value),
    ):
        assert filled.events(filters, Page()).total == 0
        assert filled.dyads(filters) == []
    assert filled.documents(Page(), language=value).total == 0
    assert filled.entities(Page(), kind=value).total == 0
    filled.entities(Page(), query=value)
    assert filled.count() == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Page(limit=0), "limit"),
        (lambda: Page(limit=MAX_PAGE_SIZE + 1), "limit"),
        (lambda: Page(offset=-1), "offset"),
    ],
)
def test_bad_pages_raise_value_error(make, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        make()


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (EventFilter(event_types=("BOMB",)), "unknown event type 'BOMB'"),
        (EventFilter(modalities=("maybe",)), "unknown modality 'maybe'"),
        (EventFilter(date_from="2022-13-01"), "date_from must be an ISO date"),
        (EventFilter(date_to="yesterday"), "date_to must be an ISO date"),
        (EventFilter(date_from="2022-02-01", date_to="2022-01-01"), "is after"),
        (EventFilter(actor="KAZ\x00"), "NUL"),
        (EventFilter(outlet="x" * 10_000), "longer than"),
    ],
)
def test_impossible_filters_raise_a_clear_value_error(
    filled: Store, filters: EventFilter, message: str
) -> None:
    for call in (
        lambda: filled.events(filters, Page()),
        lambda: filled.dyads(filters),
        lambda: filled.locations(filters),
        lambda: list(filled.iter_events(filters)),
        lambda: list(filled.iter_records(filters)),
    ):
        with pytest.raises(ValueError, match=message):
            call()


def test_empty_filter_values_mean_no_filter(filled: Store) -> None:
    """An empty form field (``?actor=``) filters nothing rather than matching nothing."""
    everything = filled.events(EventFilter(), Page()).total
    assert (
        filled.events(EventFilter(actor="", outlet="", language="", context=""), Page()).total == everything
    )
    assert filled.documents(Page(), language="").total == filled.count()["documents"]


def test_pages_cover_every_row_once(filled: Store, coded: list) -> None:
    whole = filled.events(EventFilter(), Page(limit=MAX_PAGE_SIZE)).rows
    paged = []
    for offset in range(0, len(whole) + 7, 7):
        page = filled.events(EventFilter(), Page(limit=7, offset=offset))
        assert page.total == len(whole)
        paged += page.rows
    assert [r["id"] for r in paged] == [r["id"] for r in whole]
    documents = every_row(lambda p: filled.documents(p))
    small = [row for offset in range(0, len(coded), 3) for row in filled.documents(Page(3, offset)).rows]
    assert [d["id"] for d in small] == [d["id"] for d in documents]
    published = [d["published"] for d in documents if d["published"]]
    assert published == sorted(published, reverse=True)
    assert filled.documents(Page(limit=5, offset=10_000)).rows == []


def test_export_streams_follow_ingest_order_and_filters(filled: Store, coded: list) -> None:
    assert [r["id"] for r in filled.iter_records()] == [r["id"] for _, r in coded]
    fa = [r["id"] for r in filled.iter_records(EventFilter(language="fa"))]
    assert fa == [r["id"] for _, r in coded if r["language"] == "fa"]
    with_kaz = [r["id"] for r in filled.iter_records(EventFilter(actor="KAZ"))]
    assert with_kaz == [r["id"] for _, r in coded if any(side_is(e, "actor", "KAZ") for e in r["events"])]


# --- opening, migrations, coder version -------------------------------------------------------


def test_store_urls_and_the_default_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RASAD_DB", raising=False)
    assert store_url() == "rasad.sqlite3"
    open_store().close()
    assert (tmp_path / "rasad.sqlite3").is_file()
    monkeypatch.setenv("RASAD_DB", "sqlite:///from-env.sqlite3")
    open_store().close()
    assert (tmp_path / "from-env.sqlite3").is_file()
    open_store(f"sqlite:///{tmp_path / 'absolute.sqlite3'}").close()
    assert (tmp_path / "absolute.sqlite3").is_file()
    for bad in ("mysql://host/db", "sqlite:relative", "sqlite://"):
        with pytest.raises(ValueError, match="URL"):
            open_store(bad)
    (tmp_path / "not-a-database").write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(ValueError, match="cannot open"):
        open_store(str(tmp_path / "not-a-database"))


def test_an_unreachable_postgres_is_a_value_error() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(
        ValueError, match=r"cannot connect to PostgreSQL at postgresql://u:\*\*\*@127\.0\.0\.1:1/"
    ):
        open_store("postgresql://u:secret@127.0.0.1:1/none?connect_timeout=2")


def _old_database(url: str, record: dict, text: str) -> None:
    """A database at schema version 1 (before the search index) holding one document."""
    row = (record["id"], text, "{}", record["title"], "v0", "x", "y", 0, "2020-01-01", "2020-01-01")
    insert = (
        "INSERT INTO documents (id, text, record, title, coder_version, content_hash, record_hash, "
        "event_count, ingested_at, updated_at) VALUES ({})"
    )
    if url.startswith("sqlite"):
        from rasad.store import sqlite

        connection = sqlite.connect(url.removeprefix("sqlite:///"))
        sqlite.migrate(connection, until=1)
        connection.execute(insert.format(", ".join("?" * len(row))), row)
    else:
        import psycopg

        from rasad.store import postgres

        connection = psycopg.connect(url, autocommit=True)
        postgres.migrate(connection, until=1)
        connection.execute(insert.format(", ".join(["%s"] * len(row))), row)
    connection.close()


def test_an_old_database_is_migrated_and_its_documents_become_searchable(store_url: str, coded: list) -> None:
    document, record = next((d, r) for d, r in coded if r["id"] == seed_id(coded, "001"))
    _old_database(store_url, record, document.text)
    with open_store(store_url) as store:
        assert ids_for(store, ISRAEL_PERSIAN) == {record["id"]}
        assert store.save(document, record, "v1") == "updated"
        assert store.count()["events"] == len(record["events"])
    if store_url.startswith("sqlite"):
        connection = sqlite3.connect(store_url.removeprefix("sqlite:///"))
        versions = [v for (v,) in connection.execute("SELECT version FROM schema_version ORDER BY version")]
        assert versions == list(range(1, len(SQLITE_MIGRATIONS) + 1))
        connection.close()


def test_a_database_from_a_newer_rasad_is_refused(store_url: str) -> None:
    open_store(store_url).close()
    if store_url.startswith("sqlite"):
        connection = sqlite3.connect(store_url.removeprefix("sqlite:///"))
        connection.execute("INSERT INTO schema_version VALUES (99, 'later')")
        connection.commit()
    else:
        import psycopg

        connection = psycopg.connect(store_url, autocommit=True)
        connection.execute("INSERT INTO schema_version VALUES (99, 'later')")
    connection.close()
    with pytest.raises(ValueError, match="schema version 99"):
        open_store(store_url)


def test_coder_version_follows_the_data_files(tmp_path: Path) -> None:
    assert coder_version().startswith(__version__ + "+")
    package = Path(__file__).resolve().parent.parent / "src" / "rasad"
    copy_root = tmp_path / "rasad"
    for path in package.rglob("*"):
        if path.is_file() and path.suffix in (".tsv", ".yaml", ".json", ".py"):
            target = copy_root / path.relative_to(package)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    original = data_digest(copy_root)
    assert original == coder_version().split("+")[1]
    (copy_root / "pipeline.py").write_text("# code is versioned by __version__\n", encoding="utf-8")
    assert data_digest(copy_root) == original
    glossary = next(copy_root.joinpath("api").rglob("*.yaml"))
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert data_digest(copy_root) == original
    triggers = copy_root / "events" / "data" / "triggers.tsv"
    triggers.write_text(triggers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert data_digest(copy_root) != original
