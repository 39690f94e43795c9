"""`rasad eval ner`: BIO spans, the scoring rules, the corpus readers, and a sample of the real corpora."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from rasad.actors.resolve import ActorMention
from rasad.eval import ner
from rasad.eval.ner import (
    NEWSFANE,
    ClassSpec,
    GoldEntity,
    NerReport,
    bio_spans,
    evaluate,
    gold_entities,
    read_anercorp,
    read_newsfane,
    read_peyma,
    report_table,
    score_sentence,
    sentence_text,
    suffixed_names,
)

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


# --- BIO to spans ------------------------------------------------------------------------------


def test_bio_spans_reads_hyphen_and_underscore_prefixes_and_multiword_classes() -> None:
    tags = ["O", "B-Population-Center", "I-Population-Center", "O", "B-Other_PER", "B_LOC", "I_LOC"]
    assert bio_spans(tags) == [(1, 3, "Population-Center"), (4, 5, "Other_PER"), (5, 7, "LOC")]


def test_bio_spans_starts_an_entity_on_a_stray_inside_tag_and_closes_the_last_one() -> None:
    # I- after O, and I- of another class, each start a new entity (CoNLL convention).
    tags = ["I-PERS", "I-PERS", "I-LOC", "O", "B-ORG", "B-ORG", "I-ORG"]
    assert bio_spans(tags) == [(0, 2, "PERS"), (2, 3, "LOC"), (4, 5, "ORG"), (5, 7, "ORG")]
    assert bio_spans([]) == []
    assert bio_spans(["O", "O"]) == []


def test_sentence_text_keeps_each_tokens_offsets() -> None:
    tokens = ["قال", "جاك", "شيراك", "."]
    text, offsets = sentence_text(tokens)
    assert text == "قال جاك شيراك ."
    assert [text[s:e] for s, e in offsets] == tokens


def test_gold_entities_are_character_spans_of_the_rebuilt_text() -> None:
    sentence = [("زار", "O"), ("وزير", "O"), ("الخارجية", "O"), ("جاك", "B-PERS"), ("شيراك", "I-PERS")]
    sentence += [("مدينة", "O"), ("نيو", "B-LOC"), ("اورليانز", "I-LOC")]
    text, entities = gold_entities(sentence)
    assert [(e.label, e.text) for e in entities] == [("PERS", "جاك شيراك"), ("LOC", "نيو اورليانز")]
    assert all(text[e.start : e.end] == e.text for e in entities)


# --- readers -----------------------------------------------------------------------------------


def test_read_newsfane_strips_bom_lrm_and_crlf_and_splits_on_tab_only_lines(tmp_path: Path) -> None:
    path = tmp_path / "newsfane.txt"
    lines = ["\u200eزار\tO", "\u200eلبنان\tB-Nation", "\t", "\u200eقال\tO", "(\tO", "\t"]
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert list(read_newsfane(path)) == [[("زار", "O"), ("لبنان", "B-Nation")], [("قال", "O"), ("(", "O")]]


def test_read_anercorp_and_peyma(tmp_path: Path) -> None:
    anercorp = tmp_path / "anercorp.txt"
    anercorp.write_text("ذهب O\nإلى O\nعمان B-LOC\n\n\nوصل O\n", encoding="utf-8")
    assert list(read_anercorp(anercorp)) == [[("ذهب", "O"), ("إلى", "O"), ("عمان", "B-LOC")], [("وصل", "O")]]
    peyma = tmp_path / "peyma.txt"
    # A token may hold a space, a ZWNJ or a "|": the tag is after the LAST "|".
    peyma.write_text("همه\u200cجانبه|O\nA|B|O\nتهران|B_LOC\n\nسفر|O\n", encoding="utf-8")
    assert list(read_peyma(peyma)) == [
        [("همه\u200cجانبه", "O"), ("A|B", "O"), ("تهران", "B_LOC")],
        [("سفر", "O")],
    ]


# --- scoring -----------------------------------------------------------------------------------


def _mention(
    start: int, end: int, kind: str, role: str = "name", rule: str = "dictionary", **kw
) -> ActorMention:
    return ActorMention(
        start,
        end,
        kw.pop("text", "x" * (end - start)),
        kind,
        kw.pop("key", None),
        None,
        kw.pop("country", None),
        kw.pop("sector", None),
        None,
        rule,
        form_role=role,
    )


def _score(spec_label: str, entities: list[GoldEntity], mentions: list[ActorMention]):
    report = NerReport("test", "ar")
    spec = next(s for s in NEWSFANE if s.label == spec_label)
    score_sentence(report, [spec], entities, mentions)
    return report, report.classes[spec_label]


def test_overlap_is_a_hit_and_adjectives_are_not_judged() -> None:
    entities = [GoldEntity(0, 6, "Nation", "ولبنان"), GoldEntity(20, 25, "Nation", "تركيا")]
    mentions = [
        _mention(1, 6, "state"),  # "لبنان" without the "و": overlaps, so found
        _mention(30, 38, "state", role="adjective"),  # "السوري": tagged O by the corpus, not judged
    ]
    report, score = _score("Nation", entities, mentions)
    assert (score.gold, score.found, score.predicted, score.strict, score.lenient) == (2, 1, 1, 1, 1)
    assert score.recall == 0.5 and score.precision == 1.0
    assert score.misses == {"تركيا": 1} and score.missed_as == {"nothing": 1}
    assert (report.adjectives, report.adjectives_in_entity) == (1, 0)


def test_strict_and_lenient_precision_differ_on_accepted_classes() -> None:
    entities = [
        GoldEntity(0, 5, "Population-Center", "بيروت"),
        GoldEntity(10, 20, "Government", "الحكومة الفلانية"),
        GoldEntity(30, 40, "Sports", "منتخب البرازيل"),
    ]
    mentions = [
        _mention(0, 5, "state", text="بيروت"),  # a name on a city: no error, but not a Nation
        _mention(12, 18, "state", text="فلان"),  # a name inside a Government entity
        _mention(36, 40, "state", text="البرازيل"),  # the national team: a false positive
        _mention(50, 55, "state", text="مالي"),  # nothing there: a false positive
        _mention(60, 66, "state", rule="coreference", role="reference"),  # not a name: not judged
    ]
    _, score = _score("Nation", entities, mentions)
    assert (score.gold, score.predicted, score.strict, score.lenient) == (0, 4, 0, 2)
    assert score.strict_precision == 0.0 and score.precision == 0.5
    assert score.false_positives == {"البرازيل": 1, "مالي": 1}


def test_a_capital_read_as_a_state_is_a_miss_for_population_center_and_counted_as_such() -> None:
    entities = [GoldEntity(0, 5, "Population-Center", "موسكو")]
    _, score = _score("Population-Center", entities, [_mention(0, 5, "state", role="capital")])
    assert (score.gold, score.found, score.predicted) == (1, 0, 0)
    assert score.missed_as == {"state/capital": 1}


def test_government_is_found_by_a_state_body_of_a_country_and_titles_and_press_are_not_judged() -> None:
    entities = [
        GoldEntity(0, 17, "Government", "الحكومة اللبنانية"),
        GoldEntity(20, 32, "Government", "مجلس النواب"),
    ]
    mentions = [
        _mention(0, 17, "sector", role="body", rule="apposition", country="LBN", sector="GOV"),
        _mention(8, 17, "state", role="adjective"),
        _mention(20, 32, "sector", role="body", sector="LEG"),  # no country: not found
        _mention(40, 60, "sector", role="role", rule="apposition", country="USA", sector="GOV"),  # a title
        _mention(70, 88, "sector", role="body", rule="apposition", country="GBR", sector="MED"),  # the press
    ]
    _, score = _score("Government", entities, mentions)
    assert (score.gold, score.found, score.predicted, score.strict) == (2, 1, 1, 1)
    assert score.found_by == {"sector/body+country": 1}
    assert score.missed_as == {"sector/body": 1}


def test_real_resolution_of_a_hand_written_sentence() -> None:
    sentence = [("وقعت", "O"), ("كازاخستان", "B-Nation"), ("وروسيا", "B-Nation"), ("اتفاقاً", "O")]
    sentence += [("في", "O"), ("موسكو", "B-Population-Center"), ("مع", "O"), ("الحكومة", "B-Government")]
    sentence += [("الأوزبكية", "I-Government"), (".", "O")]
    text, entities = gold_entities(sentence)
    mentions = ner.find_actor_mentions(ner.normalize(text), "ar")
    report = NerReport("test", "ar")
    score_sentence(report, NEWSFANE, entities, mentions)
    nation = report.classes["Nation"]
    assert (nation.gold, nation.found, nation.predicted, nation.strict) == (2, 2, 2, 2)
    assert report.classes["Population-Center"].missed_as == {"state/capital": 1}
    government = report.classes["Government"]
    assert (government.found, government.predicted, government.strict) == (1, 1, 1)
    assert (report.adjectives, report.adjectives_in_entity) == (1, 1)


def test_suffixed_names_lists_adjectives_read_as_names() -> None:
    text = "قالت الصحف الصينية"
    assert suffixed_names(text, [_mention(11, 16, "state")]) == ["الصينية"]
    assert suffixed_names(text, [_mention(11, 16, "state", role="adjective")]) == []


def test_every_gold_class_spec_accepts_its_own_class() -> None:
    for specs in (ner.NEWSFANE, ner.ANERCORP, ner.PEYMA):
        for spec in specs:
            assert isinstance(spec, ClassSpec) and spec.label in spec.lenient


# --- evaluate, table, command line -----------------------------------------------------------------


def _tiny_root(tmp_path: Path) -> Path:
    folder = tmp_path / "ner-fa" / "peyma"
    folder.mkdir(parents=True)
    rows = "ایران|B_LOC\nو|O\nروسیه|B_LOC\nتوافق|O\nکردند|O\n\nسفر|O\nبه|O\nمریخ|B_LOC\n\nشرکت|B_ORG\nفلان|I_ORG\n"
    (folder / "test.txt").write_text(rows, encoding="utf-8")
    return tmp_path


def test_evaluate_samples_and_limits(tmp_path: Path) -> None:
    root = _tiny_root(tmp_path)
    report = evaluate("peyma", root)
    assert (report.sentences, report.tokens) == (3, 10)
    loc = report.classes["LOC"]
    assert (loc.gold, loc.found, loc.predicted, loc.lenient) == (3, 2, 2, 2)
    assert loc.misses == {"مریخ": 1}
    assert evaluate("peyma", root, every=2).sentences == 2
    assert evaluate("peyma", root, limit=1).sentences == 1
    with pytest.raises(FileNotFoundError):
        evaluate("newsfane", root)
    table = report_table([report])
    assert table.splitlines()[0].startswith("| corpus | gold class |")
    assert "| peyma | LOC | state, place | 3 | 2 | 0.667 | 2 | 1.000 | 1.000 |" in table


def _run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    evaluations = parser.add_subparsers(dest="evaluation", required=True)
    ner.add_parser(evaluations)
    args = parser.parse_args(argv)
    return args.func(args)


def test_command_prints_the_table_and_exits_2_without_corpora(tmp_path: Path, capsys) -> None:
    root = _tiny_root(tmp_path)
    assert _run_cli(["ner", "--root", str(root), "--corpus", "peyma", "--top", "5"]) == 0
    out = capsys.readouterr().out
    assert "| peyma | LOC |" in out and "LOC, top 5 missed: مریخ (1)" in out
    assert _run_cli(["ner", "--root", str(root)]) == 0  # "all": the absent ones are skipped
    assert "skipping newsfane" in capsys.readouterr().err
    assert _run_cli(["ner", "--root", str(root), "--corpus", "newsfane"]) == 2
    assert _run_cli(["ner", "--root", str(tmp_path / "absent")]) == 2
    assert "NER corpora not found" in capsys.readouterr().err


# --- the real corpora (a sample; the full run is in docs/NER.md) ------------------------------------


@pytest.mark.corpus
def test_sample_of_the_public_ner_corpora() -> None:
    if ner.available(CORPORA) != list(ner.CORPORA):
        pytest.skip(f"the NER corpora (NewsFANE, ANERcorp, PEYMA) are not all in {CORPORA}")
    reports = {name: evaluate(name, CORPORA, every=5) for name in ner.CORPORA}
    for report in reports.values():
        for score in report.classes.values():
            assert score.gold > 20 and 0 <= score.found <= score.gold
            assert 0 <= score.strict <= score.lenient <= score.predicted
    newsfane = reports["newsfane"]
    # The reader is deterministic: every 5th of the 4,760 sentences, and their gold Nation entities.
    assert newsfane.sentences == 952 and newsfane.classes["Nation"].gold == 443
    # Floors: the figures measured on this sample (2026-11-22) less a margin; actor matching that broke
    # would fall far below them.
    nation = newsfane.classes["Nation"]
    assert nation.recall >= 0.85, (nation.recall, nation.misses.most_common(10))
    assert nation.precision >= 0.65, (nation.precision, nation.false_positives.most_common(10))
    centres = newsfane.classes["Population-Center"]
    assert (centres.found + centres.missed_as["state/capital"]) / centres.gold >= 0.35
    assert newsfane.classes["Politician"].recall >= 0.12
    assert newsfane.classes["Government"].recall >= 0.35
    assert reports["anercorp"].classes["LOC"].recall >= 0.65
    peyma = reports["peyma"].classes["LOC"]
    assert peyma.recall >= 0.6 and peyma.precision >= 0.8
    assert reports["peyma"].classes["ORG"].found_by["igo"] > 0
