"""The event coder on the user's seeds and on sentences we wrote."""

from __future__ import annotations

import pytest

from rasad.document import RawDocument
from rasad.events.lexicon import EVENT_TYPES as EVENT_TYPE_NAMES
from rasad.events.lexicon import load_lexicon, validate_lexicon
from rasad.pipeline import analyse, code_document


@pytest.fixture(scope="module")
def seed_records(seed_texts: dict[str, str]) -> dict[str, dict]:
    return {key: code_document(RawDocument(text)) for key, text in seed_texts.items()}


def _has(record: dict, actor: str, event: str, recipient: str | None, **fields) -> list[dict]:
    def key(side: dict | None) -> str | None:
        return None if side is None else side["code"] or side["org"]

    found = [
        e
        for e in record["events"]
        if key(e["actor"]) == actor
        and e["event"] == event
        and (recipient is None or key(e["recipient"]) == recipient)
        and all(e.get(name) == value for name, value in fields.items())
    ]
    assert found, f"no {actor} {event} {recipient} {fields} among " + "; ".join(
        f"{key(e['actor'])} {e['event']} {key(e['recipient'])} {e['modality']}" for e in record["events"]
    )
    return found


def test_events_are_schema_valid_and_slice_the_text(seed_records, seed_texts, record_validator) -> None:
    for key, record in seed_records.items():
        assert not [e.message for e in record_validator.iter_errors(record)]
        text = seed_texts[key]
        for event in record["events"]:
            info = event["text_info"]
            assert text[info["start"] : info["end"]] == event["event_text"]
            trigger = event["trigger"]
            assert text[trigger["start"] : trigger["end"]] == trigger["text"]
            assert info["start"] <= trigger["start"] < trigger["end"] <= info["end"]
            assert event["id"].startswith(record["id"] + "-")
            assert event["cameo"] and event["cameo"].isdigit()
            assert event["explanation"].startswith(record["language"] + " trigger")


def test_seed_003_afghanistan_requests_and_kazakhstan_aids(seed_records) -> None:
    record = seed_records["003"]
    _has(record, "AFG", "REQUEST", "KAZ")
    _has(record, "KAZ", "AID", "AFG")


def test_seed_004_agreement_with_russia_is_dated_and_russia_accuses(seed_records) -> None:
    record = seed_records["004"]
    agreements = _has(record, "KAZ", "AGREE", "RUS")
    assert any(e["date"] == "2021-12-22" and e["date_precision"] == "day" for e in agreements)
    _has(record, "RUS", "ACCUSE", "KAZ")


def test_seed_002_the_denied_report_is_marked_denied(seed_records) -> None:
    denied = [e for e in seed_records["002"]["events"] if e["modality"] == "denied"]
    assert denied, "the defence ministry's denial marks the reported opening as denied"
    assert all("denied" in e["explanation"] for e in denied)


def test_seed_000_intention_is_intended(seed_records) -> None:
    intended = [e for e in seed_records["000"]["events"] if e["modality"] == "intended"]
    assert any(e["actor"]["code"] == "KAZ" for e in intended)


def test_nothing_is_coded_from_boilerplate(seed_texts, seed_records) -> None:
    analysis = analyse(RawDocument(seed_texts["001"]))
    for event in seed_records["001"]["events"]:
        info = event["text_info"]
        assert not analysis.in_boilerplate(info["start"], info["end"]), event["event_text"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "وقّعت كازاخستان وروسيا اتفاقية للتعاون العسكري في موسكو.",
            "ar",
            ("KAZ", "AGREE", "RUS", "asserted"),
        ),
        ("لم توقع تركيا أي اتفاق مع أرمينيا.", "ar", ("TUR", "AGREE", "ARM", "denied")),
        ("تسعى إسرائيل إلى توقيع اتفاقية أمنية مع كازاخستان.", "ar", ("ISR", "AGREE", "KAZ", "intended")),
        ("ایران و روسیه قرارداد همکاری نظامی امضا کردند.", "fa", ("IRN", "AGREE", "RUS", "asserted")),
        (
            "وزیر خارجه ایران با همتای ترکیه خود در آنکارا دیدار کرد.",
            "fa",
            ("IRN", "CONSULT", "TUR", "asserted"),
        ),
        ("Russia accused Ukraine of shelling the plant.", "en", ("RUS", "ACCUSE", "UKR", "asserted")),
        (
            "Kazakhstan plans to sign a defence agreement with Turkey.",
            "en",
            ("KAZ", "AGREE", "TUR", "intended"),
        ),
    ],
)
def test_sentences_code_to_the_event_an_analyst_would_write(text, language, expected) -> None:
    record = code_document(RawDocument(text, published="2022-03-01"))
    assert record["language"] == language
    actor, event, recipient, modality = expected
    _has(record, actor, event, recipient, modality=modality)


def test_the_same_event_reported_twice_is_one_event() -> None:
    text = (
        "وقّعت كازاخستان وروسيا اتفاقية أمنية يوم الأربعاء.\n"
        "وكانت كازاخستان قد وقّعت مع روسيا الاتفاقية الأمنية يوم الأربعاء في موسكو."
    )
    record = code_document(RawDocument(text, published="2021-12-23"))
    agreements = [e for e in record["events"] if e["event"] == "AGREE"]
    assert len(agreements) == 1


def test_packaged_lexicons_are_valid_and_cover_every_type_in_every_language() -> None:
    assert validate_lexicon() == []
    lexicon = load_lexicon()
    for language in ("ar", "fa", "en"):
        types = {t.event for t in lexicon.triggers if t.language == language}
        assert len(types) == 16, (language, sorted(types))


def test_lexicon_validator_names_the_problem(tmp_path) -> None:
    (tmp_path / "triggers.tsv").write_text(
        "lang\tevent\tmode\tcontext\tforms\tnote\n"
        "ar\tAGREE\t\t\tوقع ... اتفاق\t\n"
        "ar\tREJECT\t\t\tوقع ... اتفاق\t\n"
        "xx\tFIGHT\t\t\t... بدأ\t\n",
        encoding="utf-8",
    )
    problems = validate_lexicon(tmp_path)
    assert any("also a AGREE trigger" in p for p in problems)
    assert any("unknown event type 'FIGHT'" in p for p in problems)
    assert any("lang must be" in p for p in problems)
    assert any("must not start or end" in p for p in problems)


def _tuples(record: dict) -> set[tuple[str | None, str, str | None]]:
    def key(side: dict | None) -> str | None:
        return None if side is None else side["code"] or side["org"]

    return {(key(e["actor"]), e["event"], key(e["recipient"])) for e in record["events"]}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # Coordinated headline subjects: the first named is the source, the second the recipient;
        # the city after في is where they agreed, not a party.
        ("الرياض وطهران تتفقان في بكين على استئناف العلاقات", ("SAU", "AGREE", "IRN", "asserted"), "CHN"),
        ("التقى وزير الخارجية التركي نظيره الإيراني في موسكو.", ("TUR", "CONSULT", "IRN", "asserted"), "RUS"),
        # The one who receives a call or a visitor is the target (PLOVER: the caller, the visitor consults).
        (
            "تلقى الرئيس المصري اتصالا هاتفيا اليوم من العاهل الأردني الملك عبدالله الثاني.",
            ("JOR", "CONSULT", "EGY", "asserted"),
            None,
        ),
        (
            "واستقبل الرئيس المصري وزير الخارجية الأردني في القاهرة أمس.",
            ("JOR", "CONSULT", "EGY", "asserted"),
            None,
        ),
        # After the masdar «استقبال» the genitive is the guest; a later visit is not turned round.
        (
            "وقال الرئيس الأميركي إنه يتطلع لاستقبال الرئيس الصيني خلال زيارة الدولة التي سيقوم بها إلى واشنطن.",
            ("CHN", "CONSULT", "USA", "intended"),
            None,
        ),
        # After the masdar with its genitive, «لـ» names the guest: the host is the genitive.
        (
            "وذلك خلال استقبال العاهل الأردني لوزير الخارجية المصري في عمان أمس.",
            ("EGY", "CONSULT", "JOR", "asserted"),
            None,
        ),
        # A definite threat noun with no author after it is a danger, not a threat made.
        ("وقال وزير الخارجية المصري إن التهديدات التي تواجه مصر والسعودية كثيرة.", None, "THREATEN"),
        (
            "وتصاعدت التهديدات الإيرانية للبحرين خلال الأسبوع الماضي.",
            ("IRN", "THREATEN", "BHR", "asserted"),
            None,
        ),
        # What is defended right after «الدفاع عن» is the one supported; borders are no party.
        (
            "وزير الخارجية الروسي دافع عن موقف إيران أمام مجلس الأمن.",
            ("RUS", "SUPPORT", "IRN", "asserted"),
            None,
        ),
        ("وأكد قائد الجيش اللبناني التزام الجيش بالدفاع عن الحدود مع سوريا.", None, "SUPPORT"),
        # The noun before «الذي» is the subject of the verb after it.
        (
            "التقى الرئيس المصري اليوم بالقاهرة الرئيس اليمني الذي يزور مصر حاليا.",
            ("YEM", "CONSULT", "EGY", "asserted"),
            None,
        ),
        (
            "وكان الرئيس الإيراني الذي زار السودان قبل ثلاث سنوات قد وعد بقرض.",
            ("IRN", "CONSULT", "SDN", "asserted"),
            None,
        ),
        # Praise received comes from the one named as its giver; another state of the sentence is none.
        ("وتلقت مصر إشادة من الولايات المتحدة على جهودها.", ("USA", "SUPPORT", "EGY", "asserted"), None),
        ("وكانت تشيلي وأرمينيا في الفئة الأولى وتلقتا إشادة على جهودهما.", None, "SUPPORT"),
        # A pledge is the intention of the act it announces, not an agreement.
        ("تعهدت ألمانيا بتقديم مساعدات إنسانية إلى اليمن.", ("DEU", "AID", "YEM", "intended"), "AGREE"),
        # What two states agree on is not a second event.
        (
            "اتفقت مصر والسعودية على تعزيز التعاون العسكري بين البلدين.",
            ("EGY", "AGREE", "SAU", "asserted"),
            "COOPERATE",
        ),
        # Thanks and condolences are SUPPORT, with the subject between «أعرب» and «عن».
        (
            "وأعرب الملك عبدالله الثاني عن شكره للمملكة العربية السعودية على موقفها.",
            ("JOR", "SUPPORT", "SAU", "asserted"),
            None,
        ),
        (
            "قدم أمير قطر تعازيه إلى الرئيس التركي في ضحايا الزلزال.",
            ("QAT", "SUPPORT", "TUR", "asserted"),
            None,
        ),
        (
            "وأعرب أمير الكويت عن بالغ اعتزازه بالرئيس المصري وبشعب مصر.",
            ("KWT", "SUPPORT", "EGY", "asserted"),
            None,
        ),
        ("ودانت مصر قرار إسرائيل بناء مستوطنات جديدة.", ("EGY", "ACCUSE", "ISR", "asserted"), None),
        # Leaving a treaty reduces relations.
        (
            "أعلنت الولايات المتحدة انسحابها من الاتفاق النووي مع إيران.",
            ("USA", "SANCTION", "IRN", "asserted"),
            "REJECT",
        ),
        ("انتهت المحادثات بين مصر وإثيوبيا دون التوصل إلى اتفاق.", ("ETH", "AGREE", "EGY", "denied"), None),
        # Persian: the content of a light verb before it, a title and its state, «از X خواست», ultimatums.
        (
            "وزیر امور خارجه دولت انگلیس از حمله آمریکا حمایت کرد.",
            ("GBR", "SUPPORT", "USA", "asserted"),
            "ASSAULT",
        ),
        (
            "وزیر خارجه فرانسه از ترکیه خواست مداخله در لیبی را متوقف کند.",
            ("FRA", "REQUEST", "TUR", "asserted"),
            None,
        ),
        (
            "دولت ترکیه به ارتش سوریه مهلت داد تا از ادلب خارج شود.",
            ("TUR", "THREATEN", "SYR", "asserted"),
            None,
        ),
        ("محمد جواد ظریف از کمک‌های دولت امارات تشکر کرد.", ("IRN", "SUPPORT", "ARE", "asserted"), None),
        # Persian reported speech: the subject of the clause after «گفت» acts; the speaker only tells it.
        (
            "سخنگوی وزارت خارجه روسیه گفت، ایالات متحده دعوت مسکو را رد کرد.",
            ("USA", "REJECT", "RUS", "asserted"),
            None,
        ),
        # Holding the veto is no veto cast.
        ("آمریکا بزرگ‌ترین سهامدار صندوق بین المللی پول است و از حق وتو برخوردار است.", None, "REJECT"),
        ("روسیه قطعنامه پیشنهادی آمریکا را وتو کرد.", ("RUS", "REJECT", "USA", "asserted"), None),
        # «ضبط شده» is recorded, not seized.
        ("کانادا اطلاعات ضبط شده جعبه سیاه هواپیما را از ایران خواست.", None, "COERCE"),
        # «ب» is a verb prefix: «بسفر» (the Bosphorus) is no «سفر» (trip).
        ("دو ناوچه روسیه از تنگه بسفر گذشتند و به سمت سواحل سوریه رفتند.", None, "CONSULT"),
        # A content clause opened by «تا» runs on to its verb: the withdrawal or handover is what is
        # demanded, not an event of its own.
        (
            "ترکیه به ارتش سوریه مهلت داد تا از مواضع خود در جنوب ادلب عقب‌نشینی کند.",
            ("TUR", "THREATEN", "SYR", "asserted"),
            "RETREAT",
        ),
        (
            "وزیر خارجه کانادا از ایران درخواست کرد تا جعبه‌های سیاه هواپیما را هر چه زودتر به فرانسه تحویل دهد.",
            ("CAN", "REQUEST", "IRN", "asserted"),
            "CONCEDE",
        ),
        # Aid named by what is sent or by the plural «کمک‌ها», whose genitive is the giver.
        (
            "ووجه الرئيس المصري بإرسال طائرة محملة بمستلزمات طبية إلى اليمن.",
            ("EGY", "AID", "YEM", "asserted"),
            None,
        ),
        (
            "قدم الاتحاد الأوروبي تبرعا ماليا بقيمة مليوني يورو إلى الأردن.",
            ("EU", "AID", "JOR", "asserted"),
            None,
        ),
        ("دولت چین چند محموله پزشکی را در اختیار ایران قرار داد.", ("CHN", "AID", "IRN", "asserted"), None),
        ("وزیر خارجه ایران از کمک‌های دولت ترکیه قدردانی کرد.", ("TUR", "AID", "IRN", "asserted"), None),
        # Agreeing to a one-sided act is that act; allowing another's act is an agreement.
        (
            "آمریکا با تعلیق برخی از تحریم‌های ایران موافقت کرد.",
            ("USA", "CONCEDE", "IRN", "asserted"),
            "AGREE",
        ),
        (
            "وافقت الولايات المتحدة على تخفيف العقوبات المفروضة على إيران.",
            ("USA", "CONCEDE", "IRN", "asserted"),
            "AGREE",
        ),
        (
            "وافقت تركيا على السماح للجيش الأمريكي باستخدام قاعدة إنجرليك.",
            ("TUR", "AGREE", "USA", "asserted"),
            "CONCEDE",
        ),
        # Ending one's own hold on deliveries lifts a sanction: carried out, RETREAT.
        (
            "وفي مارس الماضي أنهى الرئيس الأمريكي تعليق شحنات الأسلحة إلى مصر.",
            ("USA", "RETREAT", "EGY", "asserted"),
            None,
        ),
        # Ending a sanctions waiver puts the sanctions back.
        ("آمریکا معافیت‌های تحریمی ایران را لغو کرد.", ("USA", "SANCTION", "IRN", "asserted"), "CONCEDE"),
        # Support against an epidemic is help: AID.
        (
            "پکن از ایتالیا در مقابله با ویروس کرونا حمایت خواهد کرد.",
            ("CHN", "AID", "ITA", "intended"),
            "SUPPORT",
        ),
        ("وأكدت الصين دعمها لإيطاليا في مواجهة فيروس كورونا.", ("CHN", "AID", "ITA", "asserted"), "SUPPORT"),
        # Cutting aid is a sanction, not aid.
        (
            "اتحادیه اروپا کمک‌های مالی خود به ترکیه را کاهش داد.",
            ("EU", "SANCTION", "TUR", "asserted"),
            "AID",
        ),
        (
            "أوقفت الحكومة الكويتية تمويل مشروعات الحكومة اللبنانية.",
            ("KWT", "SANCTION", "LBN", "asserted"),
            "AID",
        ),
    ],
)
def test_roles_and_types_found_in_the_dev_review(text, expected, absent) -> None:
    record = code_document(RawDocument(text, published="2023-03-11"))
    if expected:
        actor, event, recipient, modality = expected
        _has(record, actor, event, recipient, modality=modality)
    tuples = _tuples(record)
    if absent in EVENT_TYPE_NAMES:
        assert not [t for t in tuples if t[1] == absent], tuples
    elif absent:
        assert not [t for t in tuples if absent in (t[0], t[2])], tuples


@pytest.mark.parametrize(
    ("text", "victim"),
    [
        ("مقتل ثلاثة جنود أميركيين في هجوم قرب بغداد.", "USA"),
        ("سه سرباز ترکیه در ادلب کشته شدند.", "TUR"),
        ("تعرضت السفارة الأمريكية لهجوم صاروخي.", "USA"),
    ],
)
def test_the_victim_of_an_attack_is_its_target_and_the_attacker_stays_unnamed(text, victim) -> None:
    record = code_document(RawDocument(text, published="2023-03-11"))
    attacks = [e for e in record["events"] if e["event"] == "ASSAULT"]
    assert attacks, record["events"]
    first = attacks[0]
    assert first["actor"]["code"] is None and first["actor"]["org"] is None
    assert first["recipient"]["code"] == victim


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # A meeting, a refusal, a request whose counterpart the sentence does not resolve: not coded.
        ("وأجرى وزير الخارجية المصري مباحثات مطولة أمس.", None),
        ("ورفضت وزارة الدفاع الأردنية التعليق على هذه التقارير.", None),
        ("مذاکرات وزیر خارجه فرانسه چند ساعت طول کشید.", None),
        # A meeting has two sides, whatever else the sentence names.
        ("وقال وزير الدفاع العراقي في لقاء مع قناة تلفزيونية إن دول العالم كلها عاجزة أمام هذا الفكر.", None),
        # A general addressee is named: the event stands with no recipient.
        ("وطالبت السعودية المجتمع الدولي باتخاذ موقف حازم.", ("SAU", "REQUEST")),
        ("ایران از جامعه جهانی خواست در برابر این اقدام سکوت نکند.", ("IRN", "REQUEST")),
    ],
)
def test_an_event_without_a_counterpart_needs_a_general_addressee(text, kept) -> None:
    record = code_document(RawDocument(text, published="2023-03-11"))
    unattributed = {(a, e) for a, e, r in _tuples(record) if r is None}
    assert unattributed == ({kept} if kept else set()), record["events"]


@pytest.mark.parametrize(
    ("text", "told", "retold"),
    [
        (
            "استقبل الرئيس المصري وزير الخارجية الأردني في القاهرة أمس. وقال مسؤول مصري إن اللقاء تناول"
            " العلاقات بين مصر والأردن.",
            ("JOR", "CONSULT", "EGY"),
            ("EGY", "CONSULT", "JOR"),
        ),
        (
            "وزیر خارجه ایران با همتای ترکیه خود در آنکارا دیدار کرد. وزیر خارجه ترکیه در این دیدار از"
            " مواضع ایران حمایت کرد.",
            ("IRN", "CONSULT", "TUR"),
            ("TUR", "CONSULT", "IRN"),
        ),
    ],
)
def test_the_meeting_told_again_is_not_a_second_event(text, told, retold) -> None:
    tuples = _tuples(code_document(RawDocument(text, published="2023-03-11")))
    assert told in tuples and retold not in tuples, tuples


def test_a_meeting_of_listed_parties_is_one_event_but_a_tour_is_one_per_host() -> None:
    """Three ministers meeting is one multilateral event (its first two named); one minister visiting
    three states is three visits."""
    meeting = _tuples(code_document(RawDocument("وزرای خارجه ایران، ترکیه و روسیه در آستانه دیدار کردند.")))
    assert meeting == {("IRN", "CONSULT", "TUR")}, meeting
    tour = _tuples(code_document(RawDocument("زار وزير الخارجية الإيراني الكويت وقطر والعراق.")))
    assert {("IRN", "CONSULT", code) for code in ("KWT", "QAT", "IRQ")} <= tour, tour


def test_an_understanding_reached_is_an_agreement_and_the_meeting_it_was_reached_at_stays() -> None:
    persian = _tuples(
        code_document(
            RawDocument("آمریکا هفته گذشته در دیدار با روسیه به تفاهم‌هایی درباره کنترل تسلیحات رسید.")
        )
    )
    assert {("USA", "AGREE", "RUS"), ("USA", "CONSULT", "RUS")} <= persian, persian
    arabic = code_document(
        RawDocument(
            "وقال رئيس منظمة الطاقة الذرية الإيرانية إن هناك تفاهم مع الوكالة الدولية للطاقة الذرية بشأن التفتيش."
        )
    )
    _has(arabic, "IRN", "AGREE", "IAEA")


@pytest.mark.parametrize(
    "text",
    [
        "حاكمت محكمة مصرية صحفيا بريطانيا بتهمة تعذيب مواطن مصري.",
        "موشک‌های ایران به پایگاه آمریکا اصابت کرد و باعث کشته شدن دو نظامی آمریکایی شد.",
        "The Egyptian court jailed a British reporter charged with attacking Egyptian police.",
    ],
)
def test_a_charge_or_a_result_named_after_its_marker_is_no_attack(text) -> None:
    """What someone is charged with, or the deaths an act caused, is not an attack of its own."""
    events = code_document(RawDocument(text))["events"]
    assert not [e for e in events if e["event"] == "ASSAULT"], events


def test_condemning_an_attack_to_the_state_that_suffered_it_is_solidarity() -> None:
    """The caller who condemns an attack with no author named supports the state it calls."""
    record = code_document(
        RawDocument(
            "تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالا هاتفيا اليوم من ملك الأردن أعرب فيه عن استنكاره للاعتداء الذي وقع في مسجد."
        )
    )
    _has(record, "JOR", "SUPPORT", "SAU")
    assert not [e for e in record["events"] if e["event"] == "ACCUSE"], record["events"]


def test_stressing_solidarity_with_a_state_is_support() -> None:
    """«بر همبستگی با ... تاکید کرد»: solidarity stressed is backing (guidelines: SUPPORT)."""
    record = code_document(
        RawDocument(
            "وزیر خارجه قطر در تماس تلفنی با وزیر خارجه ترکیه بر همبستگی با دولت و ملت ترکیه در برابر زلزله تاکید کرد."
        )
    )
    _has(record, "QAT", "SUPPORT", "TUR")


def test_a_persian_participle_describing_a_noun_is_no_new_killing() -> None:
    """«سربازان کشته شده آمریکایی»: the soldiers who were killed are described, not killed anew; with an
    auxiliary after «شده» the participle is the verb, and the killing is told."""
    described = code_document(RawDocument("مسکو گفت سربازان کشته شده آمریکایی در خاک سوریه مستقر بودند."))
    assert not [e for e in described["events"] if e["event"] == "ASSAULT"], described["events"]
    told = code_document(RawDocument("ارتش سوریه گفت دو نظامی ترکیه در حمله توپخانه‌ای کشته شده‌اند."))
    assert [e for e in told["events"] if e["event"] == "ASSAULT"], told["events"]


def test_an_arabic_attack_named_as_a_purpose_is_no_attack_but_one_suffered_stays() -> None:
    """«قاعدة للهجوم» (a base for attacking) names a purpose; «تعرضت للهجوم» an attack suffered."""
    purpose = code_document(RawDocument("قالت الكويت إن العراق استخدم الجزيرة قاعدة للهجوم على السعودية."))
    assert not [e for e in purpose["events"] if e["event"] == "ASSAULT"], purpose["events"]
    suffered = code_document(RawDocument("قالت وزارة الدفاع إن السفارة الأمريكية تعرضت للهجوم أمس."))
    _has(suffered, None, "ASSAULT", "USA")


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("وزیر خارجه ایتالیا به منظور کاهش تحریم‌های آمریکا بر ونزوئلا به کاراکاس سفر کرد.", "CONCEDE"),
        ("سافر وزير الخارجية الياباني إلى طهران من أجل التوصل إلى اتفاق مع إيران.", "AGREE"),
    ],
)
def test_what_an_act_aims_at_is_no_event(text, aim) -> None:
    """«به منظور», «من أجل» (in order to): the easing or the agreement sought has not happened."""
    events = code_document(RawDocument(text))["events"]
    assert not [e for e in events if e["event"] == aim], events


def test_an_arabic_verb_glued_to_purpose_lam_is_the_aim_of_the_act_told() -> None:
    """«زار ... ليسمح ...»: the visit is told; what it is meant to allow has not happened."""
    record = code_document(RawDocument("زار وزير الخارجية الهندي طوكيو ليسمح لليابان بتسليم معدات للهند."))
    _has(record, "IND", "CONSULT", "JPN")
    assert not [e for e in record["events"] if e["event"] == "CONCEDE"], record["events"]


def test_a_persian_request_in_the_first_person_present_is_a_request() -> None:
    """«ما از X می‌خواهیم» (we ask X) asks as «از X خواست» does; «خواهیم کرد» alone is only a future."""
    record = code_document(RawDocument("وزیر خارجه عراق گفت: ما از ترکیه می‌خواهیم نیروهای خود را خارج کند."))
    _has(record, "IRQ", "REQUEST", "TUR")
    future = code_document(RawDocument("وزیر خارجه ایران گفت ما از سوریه دفاع خواهیم کرد."))
    assert not [e for e in future["events"] if e["event"] == "REQUEST"], future["events"]


def test_a_court_sentence_on_a_foreign_national_is_no_coercion_of_his_state() -> None:
    """«حكم بالسجن على الصحفي البريطاني», «... الجنسية البريطانية»: the sentence falls on a person, not on Britain."""
    for text in (
        "أصدرت محكمة مصرية حكما بالسجن عشر سنوات على الصحفي البريطاني أمس.",
        "أصدرت محكمة القاهرة حكما بالسجن على رجل أعمال يحمل الجنسيتين المصرية والبريطانية.",
    ):
        record = code_document(RawDocument(text))
        assert not [e for e in record["events"] if e["event"] == "COERCE"], record["events"]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤولون إن تركيا وافقت على السماح للجيش الأمريكي بشن ضربات جوية ضد تنظيم الدولة من قاعدة إنجرليك.",
        "ترکیه به آمریکا اجازه داد از پایگاه اینجرلیک به مواضع داعش در سوریه حمله کند.",
    ],
)
def test_an_attack_a_state_is_allowed_to_make_is_no_attack(text) -> None:
    """«السماح ... بشن ضربات», «اجازه داد ... حمله کند»: leave to strike is given, no strike is told."""
    record = code_document(RawDocument(text))
    assert not [e for e in record["events"] if e["event"] == "ASSAULT"], record["events"]
    strike = code_document(RawDocument("شنت تركيا ضربات جوية على مواقع في سوريا."))
    assert [e for e in strike["events"] if e["event"] == "ASSAULT"], strike["events"]


def test_the_government_and_people_of_a_state_are_that_state() -> None:
    """«کمک‌های دولت و ملت X»: the government named before «و ملت» is X's, so X is the giver."""
    record = code_document(RawDocument("وزیر خارجه ایران از کمک‌های دولت و ملت جمهوری آذربایجان قدردانی کرد."))
    _has(record, "AZE", "AID", "IRN")
    _has(record, "IRN", "SUPPORT", "AZE")


def test_unrwa_by_its_long_arabic_name_is_unrwa() -> None:
    """«وكالة الأمم المتحدة لغوث وتشغيل اللاجئين الفلسطينيين» is UNRWA, not the UN at large."""
    text = "قدم الاتحاد الأوروبي تبرعا ماليا لوكالة الأمم المتحدة لغوث وتشغيل اللاجئين الفلسطينيين."
    _has(code_document(RawDocument(text)), "EU", "AID", "UNRWA")


def test_warships_sailing_to_a_coast_are_a_deployment_not_a_visit() -> None:
    """«ناوهای روسی عازم سواحل سوریه شدند»: MOBILIZE with no recipient; a minister's trip stays CONSULT."""
    record = code_document(RawDocument("سه ناو جنگی روسی با عبور از تنگه بسفر عازم سواحل سوریه شدند."))
    _has(record, "RUS", "MOBILIZE", None)
    assert not [e for e in record["events"] if e["event"] == "CONSULT"], record["events"]
    trip = code_document(RawDocument("وزیر خارجه روسیه عازم سوریه شد."))
    _has(trip, "RUS", "CONSULT", "SYR")
