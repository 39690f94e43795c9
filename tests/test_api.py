"""The HTTP API and the pages over a real store (SQLite and PostgreSQL) holding the samples and seeds."""

from __future__ import annotations

import html
import json
import sqlite3
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from postgres_server import empty_store_url
from rasad.api.app import create_app
from rasad.api.glossary import packaged_glossary
from rasad.api.pages import reader_blocks
from rasad.store import open_store
from rasad.store.base import Store
from web_corpus import HOSTILE_ID, coded_corpus, load_corpus

TOKEN = "test-token-5f1c"


@pytest.fixture
def loaded(store: Store) -> Store:
    """A fresh store per test (conftest's ``store_url``, both backends) for tests that change it."""
    load_corpus(store)
    return store


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared_store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One loaded store per backend for the tests that only read: loading it once saves a minute."""
    with empty_store_url(request, tmp_path_factory.mktemp("api")) as url, open_store(url) as opened:
        load_corpus(opened)
        yield opened


@pytest.fixture(scope="module")
def client(shared_store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(shared_store, token=TOKEN), raise_server_exceptions=False) as test_client:
        yield test_client


def get_json(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def side(part: dict | None) -> str | None:
    return None if part is None else part["org"] or part["code"]


def test_documents_list_and_one_document_with_its_text(client: TestClient) -> None:
    listing = get_json(client, "/api/documents?limit=5")
    assert listing["total"] == len(coded_corpus())
    assert len(listing["rows"]) == 5
    published = [row["published"] or "" for row in listing["rows"]]
    assert published == sorted(published, reverse=True)

    one = get_json(client, f"/api/documents/{listing['rows'][0]['id']}")
    text = one["text"]
    for entity in one["record"]["entities"]:
        for mention in entity["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"]
    assert get_json(client, "/api/documents/no-such-document", 404) == {"error": "no document with this id"}


def test_document_ids_with_a_slash_are_reachable(client: TestClient) -> None:
    ids = [record["id"] for _, record in coded_corpus() if "/" in record["id"] or ":" in record["id"]]
    assert ids, "the feed sample has ids with ':'"
    assert get_json(client, f"/api/documents/{ids[0]}")["record"]["id"] == ids[0]


def test_event_filters_are_all_applied(client: TestClient) -> None:
    kaz = get_json(client, "/api/events?actor=KAZ&limit=500")
    assert kaz["total"] > 0
    assert all(side(e["actor"]) == "KAZ" for e in kaz["rows"])

    two_types = get_json(client, "/api/events?type=AGREE&type=assault&limit=500")
    assert {e["event"] for e in two_types["rows"]} == {"AGREE", "ASSAULT"}

    denied = get_json(client, "/api/events?modality=denied&modality=hypothetical&limit=500")
    assert denied["total"] > 0
    assert {e["modality"] for e in denied["rows"]} <= {"denied", "hypothetical"}

    window = get_json(client, "/api/events?date_from=2022-01-01&date_to=2022-01-31&limit=500")
    assert window["total"] > 0
    # a month or year precision date overlapping the window counts: "2022" may be any day of it
    assert all(e["date"] == "2022" or e["date"].startswith("2022-01") for e in window["rows"])

    persian = get_json(client, "/api/events?language=fa&limit=500")
    persian_ids = {r["id"] for _, r in coded_corpus() if r["language"] == "fa"}
    assert persian["total"] > 0
    assert {e["document_id"] for e in persian["rows"]} <= persian_ids

    military = get_json(client, "/api/events?context=military&limit=500")
    assert military["total"] > 0
    assert all("military" in e["context"] for e in military["rows"])

    document_id = kaz["rows"][0]["document_id"]
    in_document = get_json(client, f"/api/events?document={document_id}&limit=500")
    record = next(r for _, r in coded_corpus() if r["id"] == document_id)
    assert [e["id"] for e in in_document["rows"]] == [e["id"] for e in record["events"]]


def test_events_pages_and_glosses(client: TestClient) -> None:
    first = get_json(client, "/api/events?limit=10")
    second = get_json(client, "/api/events?limit=10&offset=10")
    assert first["total"] == second["total"] == sum(len(r["events"]) for _, r in coded_corpus())
    assert not {e["id"] for e in first["rows"]} & {e["id"] for e in second["rows"]}
    glossary = packaged_glossary()
    for event in first["rows"]:
        assert event["gloss"].startswith(glossary.party(event["actor"]))
        assert event["tone"] == glossary.events[event["event"]].tone
        assert event["document_title"] is not None or event["document_id"]


def test_dyad_timeline_counts_both_directions_by_month(client: TestClient) -> None:
    timeline = get_json(client, "/api/dyads?actor=KAZ&recipient=ISR&symmetric=true")
    both_ways = get_json(client, "/api/events?actor=KAZ&recipient=ISR&symmetric=true&limit=500")
    assert both_ways["total"] > 0
    assert sum(month["total"] for month in timeline["months"]) == both_ways["total"]
    assert {side(e["actor"]) for e in both_ways["rows"]} == {"KAZ", "ISR"}
    dated = [m["month"] for m in timeline["months"] if m["month"] != "no month"]
    assert dated == sorted(dated)
    for month in timeline["months"]:
        assert month["total"] == sum(month["types"].values())
    one_way = get_json(client, "/api/dyads?actor=KAZ&recipient=ISR")
    assert sum(m["total"] for m in one_way["months"]) < both_ways["total"]


def test_relations_graph_splits_cooperation_from_conflict(client: TestClient) -> None:
    graph = get_json(client, "/api/relations")
    glossary = packaged_glossary()
    assert graph["nodes"] and graph["edges"]
    assert {n["kind"] for n in graph["nodes"]} <= {"state", "igo"}
    node_ids = {n["id"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= node_ids
        assert edge["source"] != edge["target"]
        assert edge["cooperative"] + edge["conflictual"] == edge["events"] == sum(edge["types"].values())
        cooperative = sum(n for t, n in edge["types"].items() if glossary.events[t].tone == "cooperative")
        assert edge["cooperative"] == cooperative

    conflict_only = get_json(client, "/api/relations?type=ASSAULT&type=COERCE&type=THREATEN")
    assert conflict_only["edges"]
    assert all(edge["cooperative"] == 0 for edge in conflict_only["edges"])
    assert len(get_json(client, "/api/relations?edges=3")["edges"]) == 3


def test_persian_spelling_finds_the_arabic_article(client: TestClient) -> None:
    found = get_json(client, "/api/search?q=اسرائیل")
    arabic = [row for row in found["rows"] if row["language"] == "ar"]
    assert arabic
    text = get_json(client, f"/api/documents/{arabic[0]['id']}")["text"]
    assert "إسرائيل" in text


def test_entities_and_locations(client: TestClient) -> None:
    states = get_json(client, "/api/entities?kind=state&limit=500")
    assert states["total"] > 0
    assert all(row["kind"] == "state" for row in states["rows"])
    places = get_json(client, "/api/locations")["places"]
    assert any(place["name"] == "Almaty" and place["country"] == "KAZ" for place in places)
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)


BAD_PARAMETERS = [
    ("date_from=2022-13-01", "date_from"),
    ("date_to=yesterday", "date_to"),
    ("date_from=2023-01-01&date_to=2022-01-01", "after"),
    ("type=FIGHT", "unknown event type"),
    ("modality=perhaps", "unknown modality"),
    ("limit=0", "limit"),
    ("limit=501", "limit"),
    ("offset=-1", "offset"),
    ("limit=ten", "limit"),
    ("actor=K%20A%20Z", "actor"),
]


def test_bad_parameters_get_a_400_that_says_what_is_wrong(client: TestClient) -> None:
    for query, words in BAD_PARAMETERS:
        answer = get_json(client, f"/api/events?{query}", 400)
        assert words in answer["error"], query
        assert "Traceback" not in answer["error"]
    assert "empty" in get_json(client, "/api/search?q=%20", 400)["error"]


HOSTILE_VALUES = [
    "' OR 1=1 --",
    '"; DROP TABLE documents; --',
    "<script>alert(1)</script>",
    "\x00",
    "a\x00b",
    "%00",
    "NEAR(a b)",
    '"unbalanced',
    "* OR *",
    "\\",
    "../../etc/passwd",
    "\u202eevil",
    "😀" * 50,
    "x" * 5000,
    "9" * 40,
    "-1",
    "",
    " ",
]
QUERY_PARAMETERS = {
    "/api/events": ["actor", "recipient", "type", "context", "modality", "date_from", "date_to",
                    "language", "outlet", "document", "limit", "offset", "symmetric"],
    "/api/dyads": ["actor", "recipient", "type", "date_from", "symmetric"],
    "/api/relations": ["type", "modality", "date_to", "edges"],
    "/api/locations": ["actor", "context"],
    "/api/documents": ["language", "outlet", "limit"],
    "/api/entities": ["kind", "q", "offset"],
    "/api/search": ["q", "language", "limit"],
    "/events": ["actor", "type", "date_from", "outlet"],
    "/search": ["q", "language"],
    "/timeline": ["actor", "recipient"],
    "/documents": ["language", "offset"],
}  # fmt: skip


def test_hostile_values_in_every_parameter_never_cause_a_500(client: TestClient) -> None:
    for path, names in QUERY_PARAMETERS.items():
        for name in names:
            for value in HOSTILE_VALUES:
                params = {name: value} if path != "/api/search" or name == "q" else {"q": "x", name: value}
                response = client.get(path, params=params)
                assert response.status_code < 500, (path, name, value, response.text)
                assert "Traceback" not in response.text
    for value in HOSTILE_VALUES[:8]:
        assert client.get(f"/api/documents/{quote(value, safe='')}x").status_code in (400, 404)


@settings(max_examples=60, deadline=None)
@given(query=st.text(max_size=80), actor=st.text(max_size=12))
def test_any_search_or_actor_text_is_answered(client: TestClient, query: str, actor: str) -> None:
    assert client.get("/api/search", params={"q": query}).status_code in (200, 400)
    assert client.get("/api/events", params={"actor": actor}).status_code in (200, 400)


def test_writes_need_the_configured_token(loaded: Store) -> None:
    article = {"text": "Kazakhstan and Uzbekistan signed a water-sharing agreement in Tashkent on Monday.",
               "title": "Water deal", "id": "posted-article-1"}  # fmt: skip
    with TestClient(create_app(loaded, token=None)) as no_token:
        refused = no_token.post("/api/documents", json=article)
        assert refused.status_code == 403
        assert "RASAD_TOKEN" in refused.json()["error"]
    with TestClient(create_app(loaded, token=TOKEN)) as client:
        assert client.post("/api/documents", json=article).status_code == 401
        wrong = client.post("/api/documents", json=article, headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 401
        assert wrong.headers["www-authenticate"] == "Bearer"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        created = client.post("/api/documents", json=article, headers=auth)
        assert created.status_code == 201, created.text
        assert created.json()["outcome"] == "added"
        stored = get_json(client, "/api/documents/posted-article-1")
        assert stored["text"] == article["text"]
        assert {e["event"] for e in stored["record"]["events"]} == {"AGREE"}
        again = client.post("/api/documents", json=article, headers=auth)
        assert again.json()["outcome"] == "unchanged"
        assert client.post("/api/documents", json={"title": "no text"}, headers=auth).status_code == 400
        nul = client.post("/api/documents", json={"text": "Iran\x00 and Iraq"}, headers=auth)
        assert nul.status_code == 400
        assert "NUL" in nul.json()["error"]
        broken = client.post(
            "/api/documents", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
        )
        assert broken.status_code == 400
        assert "Traceback" not in broken.text
        # Half an emoji escaped in JSON (valid JSON, valid UTF-8, not a valid string): a clear 400.
        halved = json.dumps({**article, "text": article["text"] + " \ud83d"}).encode()
        refused = client.post(
            "/api/documents", content=halved, headers={**auth, "Content-Type": "application/json"}
        )
        assert refused.status_code == 400
        assert "text: Input should be a valid string" in refused.json()["error"]


def test_request_bodies_over_the_limit_get_a_413(loaded: Store) -> None:
    with TestClient(create_app(loaded, token=TOKEN, max_body_bytes=1000)) as client:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        too_big = client.post("/api/documents", json={"text": "x" * 5000}, headers=auth)
        assert too_big.status_code == 413
        assert "1000 bytes" in too_big.json()["error"]

        def chunks() -> Iterator[bytes]:
            yield b'{"text": "'
            for _ in range(20):
                yield b"y" * 100
            yield b'"}'

        streamed = client.post(
            "/api/documents", content=chunks(), headers={**auth, "Content-Type": "application/json"}
        )
        assert streamed.status_code == 413


def test_cross_origin_requests_are_closed_unless_configured(loaded: Store) -> None:
    evil = {"Origin": "https://evil.example"}
    preflight = {**evil, "Access-Control-Request-Method": "POST"}
    with TestClient(create_app(loaded)) as closed:
        assert "access-control-allow-origin" not in closed.get("/api/events", headers=evil).headers
        assert (
            "access-control-allow-origin" not in closed.options("/api/documents", headers=preflight).headers
        )
    with TestClient(create_app(loaded, cors_origins=("https://desk.example",))) as opened:
        allowed = opened.get("/api/events", headers={"Origin": "https://desk.example"})
        assert allowed.headers["access-control-allow-origin"] == "https://desk.example"
        assert "access-control-allow-origin" not in opened.get("/api/events", headers=evil).headers


def test_loopback_server_answers_only_loopback_host_names(shared_store: Store) -> None:
    app = create_app(shared_store, allowed_hosts=("127.0.0.1", "localhost"))
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/stats").status_code == 200
        rebound = local.get("/api/stats", headers={"Host": "attacker.example:8000"})
        assert rebound.status_code == 400
        assert "script-src 'self'" in rebound.headers["content-security-policy"]


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for url in ["/", "/api/events", "/api/events?limit=0", "/nowhere", "/static/app.css", "/docs",
                "/documents/no-such-id", "/openapi.json"]:  # fmt: skip
        headers = client.get(url).headers
        policy = headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy, url
        assert "frame-ancestors 'none'" in policy
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"


def test_a_failing_database_gets_a_503_with_one_line(loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def locked(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(loaded, "search", locked)
    with TestClient(create_app(loaded), raise_server_exceptions=False) as client:
        response = client.get("/api/search", params={"q": "Iran"})
        assert response.status_code == 503
        assert response.json() == {
            "error": "the database failed to answer (locked, unreachable or full); try again"
        }
        assert client.get("/search", params={"q": "Iran"}).status_code == 503


def test_crashes_answer_without_a_stack_trace(loaded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals /etc/rasad")

    monkeypatch.setattr(loaded, "events", broken)
    with TestClient(create_app(loaded), raise_server_exceptions=False) as client:
        for url in ["/api/events", "/events"]:
            response = client.get(url)
            assert response.status_code == 500
            assert "secret internals" not in response.text and "Traceback" not in response.text
            assert "internal error" in response.text
            assert "script-src 'self'" in response.headers["content-security-policy"]


def test_hostile_article_is_rendered_as_text(client: TestClient) -> None:
    page = client.get(f"/documents/{HOSTILE_ID}").text
    assert "<script>window.__rasadPwned" not in page
    assert "&lt;script&gt;window.__rasadPwned" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=" in page
    assert "<b onmouseover" not in page
    listing = client.get("/documents").text
    assert "Kazakhstan talks &lt;script&gt;" in listing and "<script>window" not in listing
    searched = client.get("/search", params={"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in searched


def test_pages_render_with_direction_and_links(client: TestClient) -> None:
    arabic = next(r for _, r in coded_corpus() if r["language"] == "ar" and r["events"])
    page = client.get(f"/documents/{arabic['id']}")
    assert page.status_code == 200
    assert 'lang="ar" dir="rtl"' in page.text
    assert 'class="ent ent-state"' in page.text and 'class="trigger' in page.text
    first = arabic["events"][0]
    assert f'id="e-{first["id"]}"' in page.text
    assert f'id="s{first["text_info"]["sequence"]}"' in page.text
    assert html.escape(packaged_glossary().gloss(first)) in page.text

    events = client.get("/events?actor=KAZ&type=REQUEST").text
    assert "/documents/" in events and "REQUEST" in events
    for url in ["/", "/map", "/timeline", "/timeline?actor=KAZ&recipient=ISR&symmetric=true", "/documents",
                "/search?q=اسرائیل", "/docs"]:  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert "Kazakhstan ⇄ Israel" in client.get("/timeline?actor=KAZ&recipient=ISR&symmetric=true").text


def test_api_docs_are_served_offline(client: TestClient) -> None:
    docs = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs
    assert "https://" not in docs and "<script>" not in docs.replace("<script src=", "")
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    spec = get_json(client, "/openapi.json")
    assert {"/api/events", "/api/relations", "/api/documents", "/api/search"} <= set(spec["paths"])


def test_reader_blocks_rebuild_the_text_and_mark_every_trigger() -> None:
    for document, record in coded_corpus():
        blocks = reader_blocks(document.text, record)
        assert "".join(piece.text for block in blocks for piece in block.pieces) == document.text
        marked = {event_id for block in blocks for piece in block.pieces for event_id in piece.events}
        assert marked == {e["id"] for e in record["events"] if e.get("trigger")}
        for block in blocks:
            for piece in block.pieces:
                if piece.entity is not None:
                    spelled = [m["text"] for m in piece.entity["mentions"]]
                    assert any(piece.text in text for text in spelled)


def test_json_keeps_markup_as_data(client: TestClient) -> None:
    """The API returns the title exactly as stored: escaping is the page's job, not the data's."""
    body = client.get(f"/api/documents/{HOSTILE_ID}").content.decode("utf-8")
    assert json.loads(body)["record"]["title"].startswith("Kazakhstan talks <script>")
