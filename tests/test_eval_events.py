"""`rasad eval events`: the GSR reader, the scoring rules, the dev gold file and a sample of the real sets.

The coder's quality is still moving: these tests check the harness (what is read, how it is scored),
never how good the events are.
"""

from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from rasad.eval import events as ev
from rasad.eval.events import (
    PRF,
    ArticleResolver,
    GoldArticle,
    GoldError,
    GoldEvent,
    GsrError,
    GsrReport,
    best_event,
    evaluate_dev,
    evaluate_gsr,
    format_dev,
    format_gsr,
    load_gold,
    out_of_scope,
    parse_gold,
    parse_gsr,
    read_gsr,
    resolve_article,
    score_article,
    score_gsr_sentence,
    spread,
)
from rasad.text.langid import identify_language

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
DEV_GOLD = Path(__file__).resolve().parent.parent / "eval" / "dev" / "gold.jsonl"
HELDOUT2 = Path(__file__).resolve().parent.parent / "eval" / "dev" / "heldout2.jsonl"

# --- a GSR snippet in the published structure (invented sentences; no closing </Validation>) -----

PARSE = "1\tتظاهر\tتظاهر\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_\n2\tالطلاب\tطالب\tNOUN\tN------P1D\t_\t1\tnsubj\t_\t_\n"
GSR_SNIPPET = f"""<?xml version='1.0' encoding='utf-8'?>
<!-- invented sentences in the structure of arabic_gsr_validation_18-11-14.xml -->
<Validation>
<Environment>
<Verbfile>CAMEO.ar.0.5.txt</Verbfile>
<Include>PROTEST ASSAULT</Include>
</Environment>
<Sentences>
<Sentence category="PROTEST" date="20080101" evaluate="true" id="p1" >
<EventText eid="0" eventtext="تظاهر" sourcetext="الطلاب" targettext="" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None CVL" targetcode="EGY GOV" />
<Location loc_in_sentence="false" />
<Text>
تظاهر مئات الطلاب في القاهرة احتجاجا على قرار الحكومة المصرية.
</Text>
<Parse>
{PARSE}</Parse>
</Sentence>

<Sentence category="PROTEST" date="20071231" evaluate="true" id="p2" >
<EventText eid="0" eventtext="احتج" sourcetext="" targettext="الامم المتحدة" />
<EventCoding eid="0" eventcode="" plover="PROTEST" sourcecode="None None" targetcode="IGO None" />
<Location loc_in_sentence="false" />
<Text>
احتج مئات اللاجئين أمام مقر الأمم المتحدة في عمان.
</Text>
<Parse>
{PARSE}</Parse>
</Sentence>

<Sentence category="ASSAULT" date="20080304" evaluate="true" id="a1" sentence="True" source="ud">
<EventText eid="0" eventtext="قتل" sourcetext="الجيش الامريكي" targettext="مسلحين" />
<EventCoding eid="0" eventcode="" plover="ASSAULT" sourcecode="USA MIL" targetcode="None REB" />
<Location loc_in_sentence="false" />
<Text>
قتل الجيش الأمريكي خمسة مسلحين في غارة شمال بغداد.
</Text>
<Parse>
{PARSE}</Parse>
</Sentence>

<Sentence category="ASSAULT" date="20080305" evaluate="true" id="a2" sentence="True" source="ud">
<EventText eid="0" eventtext="هاجم" sourcetext="" targettext="" />
<EventCoding eid="0" eventcode="" plover="ASSAULT" sourcecode="None UAF" targetcode="IRQ COP" />
<Location loc_in_sentence="false" />
<Text>
هاجم مسلحون مجهولون مركزا للشرطة العراقية.
</Text>
<Parse>
{PARSE}</Parse>
</Sentence>
</Sentences>
"""


def _party(code=None, sector=None, org=None, text="x") -> dict:
    return {"code": code, "sector": sector, "org": org, "entity_text": text}


def _event(kind, actor=None, recipient=None, modality="asserted") -> dict:
    return {"event": kind, "actor": actor, "recipient": recipient, "modality": modality}


# --- reading the GSR ------------------------------------------------------------------------------


def test_gsr_reader_appends_the_missing_closing_tag_and_reads_every_field() -> None:
    sentences = parse_gsr(GSR_SNIPPET)
    assert [s.id for s in sentences] == ["p1", "p2", "a1", "a2"]
    first = sentences[0]
    assert first.text == "تظاهر مئات الطلاب في القاهرة احتجاجا على قرار الحكومة المصرية."  # newlines stripped
    assert first.event == "PROTEST" and first.date == "2008-01-01"
    assert (first.source_country, first.source_sector) == (None, "CVL")
    assert (first.target_country, first.target_sector) == ("EGY", "GOV")
    assert (first.trigger, first.source_text, first.target_text) == ("تظاهر", "الطلاب", "")
    assert first.tokens == ("تظاهر", "الطلاب")
    assert (sentences[1].source_country, sentences[1].source_sector) == (None, None)
    assert sentences[1].target_country == "IGO"  # a pseudo-country of the GSR, kept as is
    assert (sentences[2].source_country, sentences[2].source_sector) == ("USA", "MIL")
    # A file that does have its closing tag reads the same.
    assert parse_gsr(GSR_SNIPPET + "</Validation>\n") == sentences


def test_gsr_reader_rejects_malformed_codes_types_and_xml() -> None:
    with pytest.raises(GsrError, match="not 'COUNTRY SECTOR'"):
        parse_gsr(GSR_SNIPPET.replace('sourcecode="USA MIL"', 'sourcecode="USA"'))
    with pytest.raises(GsrError, match="unknown PLOVER type 'RIOT'"):
        parse_gsr(
            GSR_SNIPPET.replace('plover="ASSAULT" sourcecode="USA MIL"', 'plover="RIOT" sourcecode="USA MIL"')
        )
    with pytest.raises(GsrError, match="not well-formed"):
        parse_gsr(GSR_SNIPPET.replace("</Text>", "", 1))


def test_best_event_prefers_the_gold_type_then_the_first_event() -> None:
    protest, assault = _event("PROTEST"), _event("ASSAULT")
    assert best_event([protest, assault], "ASSAULT") is assault
    assert best_event([protest, assault], "COERCE") is protest
    assert best_event([], "PROTEST") is None


# --- scoring the GSR --------------------------------------------------------------------------------


def _fake_gsr_records() -> dict[str, dict]:
    return {
        # right type; actor null = gold None; recipient EGY GOV right.
        "p1": {"events": [_event("PROTEST", _party(None, "CVL"), _party("EGY", "GOV"))]},
        # an organisation as recipient counts as the gold pseudo-country IGO; wrong type.
        "p2": {"events": [_event("REQUEST", _party(None, "CVL"), _party(None, "IGO", org="UN"))]},
        # the ASSAULT event is chosen over the CONSULT before it: type, actor USA MIL right.
        "a1": {
            "events": [
                _event("CONSULT", _party("IRQ", "GOV"), None),
                _event("ASSAULT", _party("USA", "MIL"), _party("IRQ", "REB")),
            ]
        },
        "a2": {"events": []},  # nothing found
    }


def test_gsr_scores_computed_by_hand() -> None:
    sentences = parse_gsr(GSR_SNIPPET)
    records = _fake_gsr_records()
    report = GsrReport()
    for sentence in sentences:
        report.add(sentence, score_gsr_sentence(sentence, records[sentence.id]))
    assert report.sentences == 4 and report.with_event == 3 and report.events == 4
    assert report.type_correct == 2  # p1, a1
    assert report.confusion == Counter(
        {
            ("PROTEST", "PROTEST"): 1,
            ("PROTEST", "REQUEST"): 1,
            ("ASSAULT", "ASSAULT"): 1,
            ("ASSAULT", "none"): 1,
        }
    )
    # actor country: gold None, None, USA, None vs rasad None, None, USA, None (no event) -> 4/4.
    actor = report.actor_country
    assert (actor.agree, actor.total, actor.agree_found, actor.found, actor.agree_named, actor.named) == (
        4,
        4,
        3,
        3,
        1,
        1,
    )
    # recipient country: gold EGY, IGO, None, IRQ vs EGY, IGO, IRQ, None -> 2/4; named: EGY, IGO right, IRQ not.
    recipient = report.recipient_country
    assert (recipient.agree, recipient.total, recipient.agree_named, recipient.named) == (2, 4, 2, 3)
    # actor sector: gold CVL, None, MIL, UAF vs CVL, CVL, MIL, None -> 2/4.
    assert (report.actor_sector.agree, report.actor_sector.total) == (2, 4)
    assert report.missed_triggers == Counter({"احتج": 1, "هاجم": 1})
    text = format_gsr(report)
    assert "| type accuracy (no event counts as wrong) | 50.0% (2/4) |" in text
    assert "| coverage (sentences with an event) | 75.0% (3/4) |" in text
    assert "| type accuracy when an event was found | 66.7% (2/3) |" in text
    assert "| gold \\ rasad | ASSAULT | PROTEST | REQUEST | none | total | accuracy |" in text
    assert "| ASSAULT | 1 | 0 | 0 | 1 | 2 | 50.0% |" in text
    assert "| recipient country | 50.0% (2/4) | 66.7% (2/3) | 66.7% (2/3) | 25.0% |" in text


def test_evaluate_gsr_spreads_the_limit_and_survives_a_failing_coder(tmp_path: Path) -> None:
    path = tmp_path / "gsr.xml"
    path.write_text(GSR_SNIPPET, encoding="utf-8")
    seen = []

    def coder(doc):
        seen.append((doc.doc_id, doc.published))
        if doc.doc_id == "a2":
            raise RuntimeError("boom")
        return _fake_gsr_records()[doc.doc_id]

    report = evaluate_gsr(path, coder=coder)
    assert seen[0] == ("p1", "2008-01-01")
    assert report.sentences == 4 and report.type_correct == 2
    assert report.failures == ["a2: RuntimeError: boom"]
    seen.clear()
    assert (
        evaluate_gsr(path, limit=2, coder=lambda doc: seen.append(doc.doc_id) or {"events": []}).sentences
        == 2
    )
    assert seen == ["p1", "a1"]  # one of each type, not the first two


def test_spread_takes_items_evenly() -> None:
    assert spread(list(range(10)), 3) == [0, 3, 6]
    assert spread(list(range(4)), None) == [0, 1, 2, 3]
    assert spread(list(range(4)), 9) == [0, 1, 2, 3]
    assert spread(list(range(4)), 0) == []


# --- the dev gold file ----------------------------------------------------------------------------


def _line(**overrides) -> str:
    article = {
        "corpus": "saudinewsnet",
        "ref": "2015-07-21.zip#2015-07-21.json#0",
        "language": "ar",
        "events": [
            {"actor": "SAU", "recipient": "EGY", "event": "CONSULT", "modality": "asserted", "note": "visit"}
        ],
    }
    article.update(overrides)
    return json.dumps(article, ensure_ascii=False)


def _with_event(**changes) -> str:
    event = {"actor": "SAU", "recipient": "EGY", "event": "CONSULT", "modality": "asserted", "note": "visit"}
    event.update(changes)
    return _line(events=[event])


def test_gold_lines_are_read_into_articles() -> None:
    articles = parse_gold(
        [_line(), "", _line(corpus="ir-news", ref="tabnak_data_1.txt", language="fa", events=[])]
    )
    assert articles[0] == GoldArticle(
        "saudinewsnet",
        "2015-07-21.zip#2015-07-21.json#0",
        "ar",
        (GoldEvent("SAU", "EGY", "CONSULT", "asserted", "visit"),),
        1,
    )
    assert articles[1].line == 3 and articles[1].events == ()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_with_event(event="VISIT"), "unknown PLOVER type 'VISIT'"),
        (_with_event(modality="future"), "modality 'future' is not one of"),
        (_with_event(actor="XXX"), "actor 'XXX' is not an ISO3 state or IGO code"),
        (_with_event(recipient="Saudi Arabia"), "recipient 'Saudi Arabia' is not"),
        (_with_event(recipient="SAU"), "actor and recipient are both 'SAU'"),
        (_with_event(note="زار وزير الخارجية"), "English gloss in your own words"),
        (_with_event(note=""), "note must be a short gloss"),
        (_with_event(actr="SAU"), "unknown key 'actr'"),
        (_line(ref="2015-07-21.zip#0"), "bad ref '2015-07-21.zip#0' for saudinewsnet"),
        (_line(ref="../etc/passwd"), "bad ref"),
        (_line(corpus="ir-news", ref="tabnak_data_1.txt"), "language 'ar' but ir-news is 'fa'"),
        (_line(corpus="gdelt"), "unknown corpus 'gdelt'"),
        ("{not json", "not JSON"),
    ],
)
def test_gold_validation_names_the_problem(line: str, message: str) -> None:
    with pytest.raises(GoldError, match="problem") as raised:
        parse_gold([line], "gold.jsonl")
    assert message in str(raised.value) and "gold.jsonl:1" in str(raised.value)


def test_gold_validation_lists_every_problem_and_duplicate_refs() -> None:
    with pytest.raises(GoldError) as raised:
        parse_gold([_line(), _line(), _with_event(event="VISIT", modality="maybe")])
    text = str(raised.value)
    assert text.startswith("3 problem(s)")
    assert "gold:2: 2015-07-21.zip#2015-07-21.json#0 is already annotated on line 1" in text
    assert "gold:3 event 1: unknown PLOVER type 'VISIT'" in text and "modality 'maybe'" in text


def test_gold_accepts_igo_codes_and_null_recipients() -> None:
    (article,) = parse_gold([_line(events=[{"actor": "EU", "recipient": None, "event": "REQUEST",
                                            "modality": "intended", "note": "EU call"},
                                           {"actor": "UNSC", "recipient": "ISR", "event": "REQUEST",
                                            "modality": "reported_historical", "note": "resolution"}])])  # fmt: skip
    assert [e.actor for e in article.events] == ["EU", "UNSC"]


# --- resolving references -------------------------------------------------------------------------


def _tiny_corpora(root: Path) -> Path:
    news = root / "news-ar" / "saudinewsnet"
    news.mkdir(parents=True)
    articles = [
        {"source": "okaz", "url": "u0", "date_extracted": "2015-07-21 10:00:00", "title": "خبر",
         "author": "", "content": "زار وزير الخارجية المصري الرياض أمس والتقى نظيره السعودي."},
        {"source": "okaz", "url": "u1", "date_extracted": "2015-07-21 11:00:00", "title": "خبر آخر",
         "author": "", "content": "أدانت الحكومة الأردنية الهجوم الذي استهدف السفارة."},
    ]  # fmt: skip
    with zipfile.ZipFile(news / "2015-07-21.zip", "w") as bundle:
        bundle.writestr("2015-07-21.json", json.dumps(articles, ensure_ascii=False))
    dataset = root / "news-fa" / "ir-news" / "Dataset"
    dataset.mkdir(parents=True)
    (dataset / "tabnak_data_1.txt").write_text(
        "tabnak_data###دیدار وزیران###https://example.org/1###[]###2020-03-13 17:33:00###۱###[]\n2\n"
        "1\tوزیر خارجه ایران امروز با همتای روس خود در مسکو دیدار و گفت‌وگو کرد.\n"
        "2\tدو طرف درباره روابط دوجانبه و تحولات منطقه رایزنی کردند.\n",
        encoding="utf-8",
    )
    fars = root / "news-fa" / "farsnews"
    fars.mkdir(parents=True)
    (fars / "fars-news-1.json").write_text(
        json.dumps([{"title": "عنوان", "abstract": "خلاصه خبر", "paragraphs": ["بند نخست"], "cat": "",
                     "subcat": "", "tags": [], "link": "https://www.farsnews.ir/news/8707060255"}],
                   ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    return root


def test_references_resolve_to_the_corpus_article(tmp_path: Path) -> None:
    root = _tiny_corpora(tmp_path)
    found = resolve_article(root, "saudinewsnet", "2015-07-21.zip#2015-07-21.json#1")
    assert found.language == "ar" and found.document.text.startswith("أدانت الحكومة الأردنية")
    assert found.document.published == "2015-07-21" and found.document.outlet == "okaz"
    persian = resolve_article(root, "ir-news", "tabnak_data_1.txt")
    assert persian.language == "fa" and persian.document.text.startswith("وزیر خارجه ایران")
    assert persian.document.published == "2020-03-13 17:33:00"
    fars = resolve_article(root, "farsnews", "fars-news-1.json#0")
    assert fars.document.text == "خلاصه خبر\nبند نخست" and fars.document.published == "2008-09-27"


@pytest.mark.parametrize(
    ("corpus", "ref", "message"),
    [
        ("saudinewsnet", "2015-07-21.zip#2015-07-21.json#2", "has 2 articles, no index 2"),
        ("saudinewsnet", "2015-07-22.zip#2015-07-22.json#0", "not found"),
        ("saudinewsnet", "2015-07-21.zip#2015-07-22.json#0", "has no member 2015-07-22.json"),
        ("ir-news", "tabnak_data_2.txt", "no such IR-News article"),
        ("farsnews", "fars-news-1.json#4", "no index 4"),
        ("ir-news", "../x.txt", "bad ref"),
    ],
)
def test_a_bad_reference_is_a_clear_error(tmp_path: Path, corpus: str, ref: str, message: str) -> None:
    with pytest.raises(GoldError, match=message):
        resolve_article(_tiny_corpora(tmp_path), corpus, ref)


# --- scoring the dev set -----------------------------------------------------------------------------


GOLD_ARTICLE = GoldArticle(
    "saudinewsnet",
    "2015-07-21.zip#2015-07-21.json#0",
    "ar",
    (
        GoldEvent("SAU", "EGY", "CONSULT", "asserted", "Saudi minister visits Cairo"),
        GoldEvent("SAU", "EGY", "CONSULT", "intended", "second visit planned"),  # same tuple
        GoldEvent("EGY", "SAU", "SUPPORT", "asserted", "Egypt praises the visit"),
        GoldEvent("USA", "IRN", "ACCUSE", "asserted", "US accuses Iran"),
        GoldEvent("UNSC", "ISR", "REQUEST", "reported_historical", "old resolution"),
    ),
)
FAKE_RECORD = {
    "events": [
        _event("CONSULT", _party("SAU", "GOV"), _party("EGY", "GOV")),  # match
        _event("CONSULT", _party("SAU", None), _party("EGY", None), "intended"),  # same tuple again
        _event("SUPPORT", _party("SAU", "GOV"), _party("EGY", "GOV")),  # wrong direction
        _event("REQUEST", _party(None, "IGO", org="UN"), _party("ISR", "GOV"), "asserted"),  # UNSC ~ UN
        _event("ACCUSE", _party("USA", "GOV"), _party("USA", "LEG")),  # domestic: left out
        _event("PROTEST", _party("EGY", "CVL"), _party("ISR", "GOV")),  # protesters: left out
        _event("ASSAULT", _party("TUR", "MIL"), _party("IRQ", "REB")),  # non-state target: left out
        _event("ASSAULT", _party("TUR", "MIL"), _party(None, None, text="داعش")),  # unknown target: left out
        _event("ACCUSE", None, _party("IRN", "GOV")),  # no actor: left out
    ]
}


def test_out_of_scope_reasons() -> None:
    reasons = [out_of_scope(event) for event in FAKE_RECORD["events"]]
    assert reasons[:4] == [None, None, None, None]
    assert reasons[4:] == [
        "actor and recipient are the same state (domestic)",
        "actor is a non-state sector of its country",
        "recipient is a non-state armed or political group",
        "recipient is neither a state nor an IGO",
        "actor is neither a state nor an IGO",
    ]
    assert out_of_scope(_event("MOBILIZE", _party("RUS", "MIL"), None)) is None  # no recipient is fine


def test_dev_scores_computed_by_hand() -> None:
    score = score_article(GOLD_ARTICLE, FAKE_RECORD)
    assert set(score.gold) == {
        ("SAU", "EGY", "CONSULT"),
        ("EGY", "SAU", "SUPPORT"),
        ("USA", "IRN", "ACCUSE"),
        ("UN", "ISR", "REQUEST"),
    }
    assert set(score.predicted) == {
        ("SAU", "EGY", "CONSULT"),
        ("SAU", "EGY", "SUPPORT"),
        ("UN", "ISR", "REQUEST"),
    }
    assert score.rasad_events == 9 and sum(score.excluded.values()) == 5
    report = ev.DevReport()
    report.add(GOLD_ARTICLE, score)
    # strict: 2 of 3 predicted right, 2 of 4 gold found -> P 2/3, R 1/2, F1 4/7.
    assert (report.strict.tp, report.strict.predicted, report.strict.gold) == (2, 3, 4)
    assert report.strict.precision == pytest.approx(2 / 3) and report.strict.recall == 0.5
    assert report.strict.f1 == pytest.approx(4 / 7)
    # relaxed (actor, type): (SAU, SUPPORT) is still wrong -> same counts.
    assert (report.relaxed.tp, report.relaxed.predicted, report.relaxed.gold) == (2, 3, 4)
    # direction ignored: the SUPPORT now matches -> P 3/3, R 3/4.
    assert (report.undirected.tp, report.undirected.predicted, report.undirected.gold) == (3, 3, 4)
    assert report.by_type["SUPPORT"].tp == 0 and report.by_type["SUPPORT"].predicted == 1
    assert report.by_type["CONSULT"].f1 == 1.0 and report.by_type["ACCUSE"].recall == 0.0
    # modality: CONSULT shares 'asserted'/'intended', REQUEST is 'asserted' vs 'reported_historical'.
    assert report.modality_agree == 1
    assert report.lines_by_language["ar"] == 5 and report.articles_by_language["ar"] == 1
    text = format_dev(report)
    assert "| strict (actor, recipient, type) | 4 | 3 | 2 | 66.7% | 50.0% | 57.1 |" in text
    assert "| direction ignored ({actor, recipient}, type) | 4 | 3 | 3 | 100.0% | 75.0% | 85.7 |" in text
    assert "Modality agrees on 1 of 2 strict matches." in text
    assert "recipient is a non-state armed or political group: 1" in text


def test_prf_with_nothing_predicted_or_expected() -> None:
    empty = PRF()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    empty.add(set(), {("A", None, "AID")})
    assert (empty.precision, empty.recall) == (0.0, 0.0)


def test_evaluate_dev_resolves_every_reference_before_coding(tmp_path: Path) -> None:
    root = _tiny_corpora(tmp_path / "corpora")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "\n".join(
            [
                _line(ref="2015-07-21.zip#2015-07-21.json#0"),
                _line(corpus="ir-news", ref="tabnak_data_1.txt", language="fa",
                      events=[{"actor": "IRN", "recipient": "RUS", "event": "CONSULT",
                               "modality": "asserted", "note": "Iranian FM meets Russian FM in Moscow"}]),
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    texts = []

    def coder(doc):
        texts.append(doc.text[:10])
        if doc.text.startswith("زار"):
            return {"events": [_event("CONSULT", _party("EGY", "GOV"), _party("SAU", "GOV"))]}
        return {"events": [_event("CONSULT", _party("IRN", "GOV"), _party("RUS", "GOV"))]}

    report = evaluate_dev(gold, root, coder=coder)
    assert len(texts) == 2 and report.articles == 2
    assert (report.strict.tp, report.strict.predicted, report.strict.gold) == (1, 2, 2)
    assert report.by_language["fa"].tp == 1 and report.by_language["ar"].tp == 0
    assert report.undirected.tp == 2
    # One unresolvable reference stops the evaluation before anything is coded.
    with gold.open("a", encoding="utf-8") as handle:
        handle.write("\n" + _line(ref="2015-07-21.zip#2015-07-21.json#7"))
    texts.clear()
    with pytest.raises(GoldError, match="no index 7"):
        evaluate_dev(gold, root, coder=coder)
    assert texts == []


# --- the command ----------------------------------------------------------------------------------


def _run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    evaluations = parser.add_subparsers(dest="evaluation", required=True)
    ev.add_parser(evaluations)
    args = parser.parse_args(argv)
    return args.func(args)


def test_command_prints_both_reports_and_exits_2_on_missing_or_bad_inputs(tmp_path: Path, capsys) -> None:
    root = _tiny_corpora(tmp_path / "corpora")
    gsr = root / ev.GSR_RELATIVE
    gsr.parent.mkdir(parents=True)
    gsr.write_text(GSR_SNIPPET, encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_line() + "\n", encoding="utf-8")
    assert _run_cli(["events", "--root", str(root), "--dev", str(gold)]) == 0
    out = capsys.readouterr().out
    assert "## Event coding on the UniversalPetrarch Arabic gold set" in out and "4 sentences coded" in out
    assert "## Interstate events on the team's dev set" in out and "1 articles (ar: 1 articles" in out

    assert _run_cli(["events", "--root", str(root), "--dev", str(tmp_path / "absent.jsonl")]) == 2
    assert "dev gold file" in capsys.readouterr().err
    assert _run_cli(["events", "--root", str(tmp_path / "nowhere"), "--dev", str(gold)]) == 2
    err = capsys.readouterr().err
    assert "corpora folder" in err and "gold sentences" in err
    gold.write_text(_with_event(event="VISIT") + "\n", encoding="utf-8")
    assert _run_cli(["events", "--root", str(root), "--dev", str(gold)]) == 2
    assert "unknown PLOVER type 'VISIT'" in capsys.readouterr().err


# --- the real sets (structure only: the coder's quality is still moving) -----------------------------


@pytest.mark.corpus
def test_the_real_gold_sets_load_resolve_and_evaluate() -> None:
    gsr_path = CORPORA / ev.GSR_RELATIVE
    if not gsr_path.is_file() or not (CORPORA / "news-ar" / "saudinewsnet").is_dir():
        pytest.skip(f"the public corpora (GSR, SaudiNewsNet, IR-News) are not in {CORPORA}")
    sentences = read_gsr(gsr_path)
    assert len(sentences) == 645 and len({s.id for s in sentences}) == 645
    assert Counter(s.event for s in sentences) == {"ASSAULT": 373, "PROTEST": 272}
    assert all(s.text and s.tokens and s.date for s in sentences)
    assert sum(not s.trigger for s in sentences) == 190  # an oddity of the file: no trigger text
    countries = {c for s in sentences for c in (s.source_country, s.target_country) if c}
    assert all(len(c) == 3 and c.isupper() for c in countries) and {"USA", "IRQ", "IGO"} <= countries

    articles = load_gold(DEV_GOLD)
    by_language = Counter(a.language for a in articles)
    assert by_language["ar"] >= 12 and by_language["fa"] >= 12
    assert all(1 <= len(a.events) <= 10 for a in articles)
    resolver = ArticleResolver(CORPORA, (a.ref for a in articles if a.corpus == "ir-news"))
    for article in articles:
        found = resolver(article.corpus, article.ref)
        assert found.language == article.language
        assert identify_language(found.document.text) == article.language, article.ref

    gsr = evaluate_gsr(gsr_path, limit=60)
    assert gsr.sentences == 60 and not gsr.failures
    assert set(gsr.gold_counts()) == {"ASSAULT", "PROTEST"} and sum(gsr.confusion.values()) == 60
    assert 0 <= gsr.type_correct <= gsr.with_event <= 60
    assert gsr.actor_country.total == 60 and gsr.actor_country.named > 0
    assert "| ASSAULT |" in format_gsr(gsr)

    dev = evaluate_dev(DEV_GOLD, CORPORA, limit=6)
    sample = spread(articles, 6)
    assert dev.articles == 6 and not dev.failures and set(dev.articles_by_language) == {"ar", "fa"}
    assert dev.strict.gold == sum(len(ev.gold_tuples(a)) for a in sample)
    assert dev.gold_lines == sum(len(a.events) for a in sample)
    assert 0 <= dev.strict.tp <= min(dev.strict.gold, dev.strict.predicted)
    assert dev.relaxed.gold <= dev.strict.gold and dev.undirected.gold <= dev.strict.gold  # sets only merge
    assert "| strict (actor, recipient, type) |" in format_dev(dev)


def test_the_second_heldout_set_is_valid_without_coding_it() -> None:
    # Format only, so it runs everywhere and never codes the held-out articles.
    articles = load_gold(HELDOUT2)
    by_language = Counter(a.language for a in articles)
    assert by_language["ar"] >= 8 and by_language["fa"] >= 8
    assert all(1 <= len(a.events) <= 10 for a in articles)
    assert {a.ref for a in articles}.isdisjoint(a.ref for a in load_gold(DEV_GOLD))


@pytest.mark.corpus
def test_the_second_heldout_set_resolves_to_its_articles() -> None:
    if not (CORPORA / "news-ar" / "saudinewsnet").is_dir():
        pytest.skip(f"the public corpora (SaudiNewsNet, IR-News) are not in {CORPORA}")
    articles = load_gold(HELDOUT2)
    resolver = ArticleResolver(CORPORA, (a.ref for a in articles if a.corpus == "ir-news"))
    for article in articles:
        found = resolver(article.corpus, article.ref)
        assert found.language == article.language
        assert identify_language(found.document.text) == article.language, article.ref


def test_gsr_convention_reading_forgives_the_country_of_a_generic_actor_only() -> None:
    sentences = {s.id: s for s in parse_gsr(GSR_SNIPPET)}
    report = GsrReport()
    # p1: gold protesters with no country (None, CVL); rasad names them Egyptian protesters.
    report.add(
        sentences["p1"],
        score_gsr_sentence(sentences["p1"], {"events": [_event("PROTEST", _party("EGY", "CVL"), None)]}),
    )
    # p2: gold has no actor at all (None, None); rasad invents an Iraqi government actor.
    report.add(
        sentences["p2"],
        score_gsr_sentence(sentences["p2"], {"events": [_event("PROTEST", _party("IRQ", "GOV"), None)]}),
    )
    assert (report.actor_country.agree, report.actor_country.total) == (0, 2)
    assert (report.actor_country_convention.agree, report.actor_country_convention.total) == (1, 2)
    assert "| actor country, gold's convention for generic actors | 50.0% (1/2) |" in format_gsr(report)
