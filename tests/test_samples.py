"""The bundled sample corpus (samples/README.md is the reference): language, date, calendar, dedupe."""

from __future__ import annotations

import pytest

from rasad.ingest import iter_documents
from rasad.run import code_stream

# (file name or input id) -> (language, publication date, calendar), as samples/README.md tabulates.
EXPECTED = {
    "ar-01-kazakhstan-csto-request.txt": ("ar", "2022-01-06", "gregorian"),
    "ar-02-raisi-moscow-visit.txt": ("ar", "2022-01-20", "gregorian"),
    "ar-03-saudi-iran-beijing-agreement.txt": ("ar", "2023-03-10", "lunar_hijri"),
    "ar-04-saudi-iran-reactions.txt": ("ar", "2023-03-12", "gregorian"),
    "ar-05-csto-withdrawal-begins.txt": ("ar", "2022-01-13", "gregorian"),
    "fa-01-iran-sco-samarkand.txt": ("fa", "2022-09-15", "solar_hijri"),
    "fa-02-netanyahu-astana-1395.txt": ("fa", "2016-12-14", "solar_hijri"),
    "fa-03-kabul-kazakhstan-csto.txt": ("fa", "2022-01-06", "solar_hijri_afghan"),
    "fa-04-kabul-tashkent-conference.txt": ("fa", "2021-07-16", "solar_hijri_afghan"),
    "en-01-csto-summit-putin-tokayev.txt": ("en", "2022-01-10", "gregorian"),
    "en-02-turkic-states-istanbul-summit.txt": ("en", "2021-11-12", "gregorian"),
    "en-04-tokayev-fire-without-warning.html": ("en", "2022-01-07", "metadata"),
    "en-03": ("en", "2023-02-28", "metadata"),
    "fa-06": ("fa", "2022-07-19", "metadata"),
    "regional-desk:ar:20230329:0417": ("ar", "2023-03-29", "metadata"),
    "regional-desk:fa:20230127:0112": ("fa", "2023-01-27", "metadata"),
}


@pytest.fixture(scope="module")
def sample_records(samples_dir) -> list[dict]:
    items = list(code_stream(iter_documents([str(samples_dir)])))
    assert all(isinstance(item, dict) for item in items), [str(i) for i in items if not isinstance(i, dict)]
    return items


def _key(record: dict) -> str:
    """The file name of a one-article file, else the input's own id (short ids carry a hash suffix)."""
    name = record["source"]["path"].rsplit("/", 1)[-1]
    if name in EXPECTED:
        return name
    own_id = record["id"]
    return own_id if own_id in EXPECTED else own_id.rsplit("-", 1)[0]


def test_every_sample_article_has_its_language_and_dated_publication(sample_records, record_validator):
    found = {}
    for record in sample_records:
        assert not list(record_validator.iter_errors(record))
        if "warnings" in record:
            continue
        published = record["published"]
        found[_key(record)] = (
            record["language"],
            published and published["date"],
            published and published["calendar"],
        )
    assert found == EXPECTED


def test_the_syndicated_copy_is_flagged_against_the_original(sample_records):
    by_name = {r["source"]["path"].rsplit("/", 1)[-1]: r for r in sample_records}
    original = by_name["en-01-csto-summit-putin-tokayev.txt"]["id"]
    flagged = [r for r in sample_records if "warnings" in r]
    assert [r["warnings"] for r in flagged] == [[f"duplicate of document {original}: not coded again"]]


def test_samples_readme_is_not_read_as_an_article(sample_records):
    assert not any(r["source"]["path"].endswith(".md") for r in sample_records)
