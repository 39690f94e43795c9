"""Constructions that place or cancel the parties of AGREE, CONSULT, SUPPORT, CONCEDE, AID, SANCTION,
COERCE and RETREAT events (the ``_other_*`` rules of the coder), on sentences we wrote."""

from __future__ import annotations

from rasad.document import RawDocument
from rasad.pipeline import code_document


def _tuples(text: str) -> set[tuple[str | None, str | None, str]]:
    def key(side: dict | None) -> str | None:
        return None if side is None else side["code"] or side["org"]

    record = code_document(RawDocument(text=text, published="2020-03-01"))
    return {(key(e["actor"]), key(e["recipient"]), e["event"]) for e in record["events"]}


def test_the_one_met_who_is_visiting_is_the_source() -> None:
    found = _tuples("التقى رئيس الوزراء الأردني في عمان أمس الرئيس اللبناني الذي يزور الأردن حاليا.")
    assert ("LBN", "JOR", "CONSULT") in found
    assert ("JOR", "LBN", "CONSULT") not in found


def test_aid_named_as_the_frame_of_a_delivery_is_not_a_second_event() -> None:
    found = _tuples(
        "أعلنت الخارجية الأمريكية أن واشنطن ستسلم الأردن طائرات مسيرة خلال أيام في إطار حزمة مساعدات عسكرية."
    )
    assert ("JOR", "USA", "AID") not in found


def test_aid_that_is_cut_is_not_aid_given() -> None:
    found = _tuples("دولت آلمان کمک‌های مالی خود به مصر را در سال گذشته کاهش داد.")
    assert not {t for t in found if t[2] == "AID"}


def test_a_field_or_portfolio_is_no_act() -> None:
    assert not {
        t
        for t in _tuples("نماینده فرانسه در زمینه خلع سلاح‌ در نشست سازمان ملل سخنرانی کرد.")
        if t[2] == "RETREAT"
    }
    assert not {
        t
        for t in _tuples("أكد مسؤول شؤون المساعدات الإنسانية في الأمم المتحدة للسودان أن العمل مستمر.")
        if t[2] == "AID"
    }


def test_recipient_of_a_stance_verb_is_the_first_state_of_its_phrase() -> None:
    found = _tuples("فرانسه با درخواست مصر برای سفر هیئتی از لیبی به این کشور موافقت کرد.")
    assert ("FRA", "EGY", "AGREE") in found
    assert ("FRA", "LBY", "AGREE") not in found


def test_the_subject_of_a_stance_verb_is_not_inside_its_phrase() -> None:
    found = _tuples("او همچنین از سفر وزیر خارجه هلند به ایران استقبال کرد.")
    assert not {t for t in found if t[2] == "SUPPORT"}


def test_aid_thanked_for_went_to_the_one_who_thanks() -> None:
    found = _tuples("وزیر خارجه عراق ضمن قدردانی از کمک‌های دولت و ملت کویت، تحریم‌های آمریکا را محکوم کرد.")
    assert ("KWT", "IRQ", "AID") in found
    assert ("KWT", "USA", "AID") not in found
    assert ("IRQ", "USA", "SUPPORT") not in found


def test_members_listed_in_a_group_are_not_parties() -> None:
    found = _tuples("توصلت إيران العام الماضي إلى اتفاق مع مجموعة الدول التي تضم فرنسا وألمانيا.")
    assert not {t for t in found if t[2] == "AGREE"}


def test_states_a_tour_includes_are_each_visited() -> None:
    found = _tuples("قام وزير الخارجية الإيراني بزيارة إلى دول المنطقة تشمل الكويت وقطر.")
    assert {("IRN", "KWT", "CONSULT"), ("IRN", "QAT", "CONSULT")} <= found


def test_a_verb_after_kama_keeps_the_subject_of_the_clause() -> None:
    found = _tuples("هددت فرنسا نظام الأسد أمس كما فرضت عقوبات جديدة على الحكومة السورية.")
    assert ("FRA", "SYR", "SANCTION") in found
    assert ("SYR", "FRA", "SANCTION") not in found


def test_the_first_of_two_parties_named_together_is_the_source() -> None:
    found = _tuples("واتفق الرئيسان على أهمية التعاون بين روسيا والصين لضمان تطبيق الاتفاق.")
    assert ("RUS", "CHN", "AGREE") in found
    assert ("CHN", "RUS", "AGREE") not in found


def test_a_seizure_or_release_does_not_reach_a_state_named_far_away() -> None:
    seized = _tuples(
        "صادرت السلطات البحرينية متفجرات ومواد تستخدم في صنع القنابل كانت معدة للاستخدام في البحرين والسعودية."
    )
    assert not {t for t in seized if t[2] == "COERCE" and t[1] is not None}
    released = _tuples(
        "أعلنت السلطات الفرنسية إخلاء سبيل الصحفي البارز أحمد علي اليوم بعد يومين من احتجازه في سجن بباريس "
        "بناء على طلب من تونس."
    )
    assert ("FRA", "TUN", "CONCEDE") not in released


def test_a_persian_relative_clause_has_its_head_as_subject() -> None:
    found = _tuples("آمریکا قدرت تحریم افرادی که از دولت لیبی حمایت می‌کنند را دارد.")
    assert ("USA", "LBY", "SUPPORT") not in found


def test_aid_thanked_for_while_thanking_is_support_to_the_giver() -> None:
    found = _tuples("وزیر خارجه عراق ضمن قدردانی از کمک‌های دولت و ملت کویت، تحریم‌های آمریکا را محکوم کرد.")
    assert ("IRQ", "KWT", "SUPPORT") in found


def test_a_state_met_with_is_not_the_one_who_travels() -> None:
    found = _tuples(
        "وزیر خارجه ژاپن گفت که پس از دیدار با دبیرکل سازمان ملل متحد، هفته آینده به تهران سفر خواهد کرد."
    )
    assert ("JPN", "IRN", "CONSULT") in found
    assert ("UN", "IRN", "CONSULT") not in found


def test_the_partner_after_ba_is_the_recipient_of_talks() -> None:
    found = _tuples(
        "به گزارش رسانه‌ها، وزیر خارجه کانادا تصریح کرد که با «محمد جواد ظریف» وزیر خارجه ایران درباره "
        "هواپیمای اوکراینی گفت‌وگو کرده است."
    )
    assert ("CAN", "IRN", "CONSULT") in found
    assert ("IRN", "UKR", "CONSULT") not in found


def test_the_pronoun_of_a_verbal_noun_names_its_subject() -> None:
    found = _tuples("وأكد السفير الأمريكي بعد لقائه رئيس الحكومة اللبنانية التزام بلاده بدعم الجيش.")
    assert ("USA", "LBN", "CONSULT") in found
    assert ("LBN", "USA", "CONSULT") not in found


def test_a_purpose_verb_with_an_object_pronoun() -> None:
    found = _tuples(
        "اتصل الرئيس الفرنسي أمس بنظيره المصري لشكره على الدور الذي لعبته القاهرة في التوصل إلى الاتفاق "
        "حول البرنامج النووي الإيراني."
    )
    assert ("FRA", "EGY", "SUPPORT") in found
    assert ("EGY", "IRN", "SUPPORT") not in found


def test_the_object_of_a_relative_clause_is_not_the_subject() -> None:
    found = _tuples(
        "وقال المسؤول إن وزير الدفاع العراقي، خالد العبيدي الذي يزور روسيا، منذ الاثنين الماضي، وقع الاتفاق "
        "مع المسؤولين الروس."
    )
    assert ("IRQ", "RUS", "AGREE") in found
    assert ("RUS", "IRQ", "AGREE") not in found


def test_persian_talks_as_a_setting_or_an_aim_are_no_act() -> None:
    setting = _tuples("وزیر خارجه فرانسه با تاکید بر حضور آلمان در مذاکرات سه جانبه گفت که راه حل سیاسی است.")
    assert ("FRA", "DEU", "CONSULT") not in setting
    aim = _tuples(
        "نماینده آمریکا در پاسخ به ترغیب چین برای پیوستن به مذاکرات، ابراز امیدواری کرد که روسیه کمک کند."
    )
    assert not {t for t in aim if t[2] in ("CONSULT", "COOPERATE")}


def test_a_meeting_with_a_named_partner_stays() -> None:
    found = _tuples("وزیر خارجه ایران در دیدار با همتای ترکیه‌ای خود گفت که روابط خوب است.")
    assert ("IRN", "TUR", "CONSULT") in found


def test_agreeing_to_ease_restrictions_is_the_easing_not_an_agreement() -> None:
    found = _tuples(
        "آلمان با کاهش تحریم‌ها علیه سوریه بویژه تحریم‌های مربوط به تسهیل اقدامات بانکی در موارد فوق‌العاده "
        "موافقت کرده است."
    )
    assert ("DEU", "SYR", "CONCEDE") in found
    assert ("DEU", "SYR", "AGREE") not in found


def test_what_is_asked_for_is_no_act_of_its_own() -> None:
    found = _tuples(
        "وزیر خارجه کانادا از ایران درخواست کرد تا هرچه سریعتر جعبه‌های سیاه هواپیما را که ماه گذشته سقوط کرد "
        "به فرانسه تحویل دهد."
    )
    assert ("CAN", "IRN", "REQUEST") in found
    assert not {t for t in found if t[2] == "CONCEDE"}


def test_an_attack_after_its_perpetrator_noun_is_that_perpetrators() -> None:
    found = _tuples(
        "مقامات آمریکا مدعی شده بودند که عوامل این گروه عامل حمله راکتی به پایگاه نظامی که باعث کشته شدن دو "
        "نظامی انگلیسی شد بوده‌اند."
    )
    assert ("USA", "GBR", "ASSAULT") not in found


def test_the_owner_of_a_move_is_the_source_of_its_act() -> None:
    found = _tuples("ترکیه از اقدام آمریکا در لغو معافیت‌های تحریمی ایران استقبال کرد.")
    assert ("TUR", "USA", "SUPPORT") in found
    assert ("TUR", "USA", "SANCTION") not in found


def test_congratulations_are_support() -> None:
    found = _tuples("أعرب الرئيس اليمني للرئيس المصري عن تهاني الجمهورية اليمنية بافتتاح القناة.")
    assert ("YEM", "EGY", "SUPPORT") in found


def test_a_state_after_an_earlier_verb_starts_the_triggers_clause() -> None:
    found = _tuples(
        "در حالی که نماینده فرانسه در امور لیبی به مصر پیشنهاد کمک داده رئیس جمهور مصر اعلام کرده قصد دارد "
        "سامانه موشکی در مرزهای لیبی و مصر مستقر کند."
    )
    assert ("EGY", "LBY", "MOBILIZE") in found
    assert ("FRA", "EGY", "MOBILIZE") not in found
    assert ("FRA", "EGY", "AID") in found


def test_a_demonstrative_object_is_a_thing_not_the_state_named_before() -> None:
    visited = _tuples("وقال الوزير إن الرئيس الإيراني الذي زار السودان العام الماضي زار تلك المشروعات بنفسه.")
    assert ("IRN", "SDN", "CONSULT") in visited
    assert ("SDN", "IRN", "CONSULT") not in visited
    endorsed = _tuples("السعودية أيدت هذا القرار الذي اتخذته مصر.")
    assert ("SAU", "EGY", "SUPPORT") in endorsed


def test_two_presidents_who_spoke_are_the_parties_of_talks() -> None:
    found = _tuples("وقال الكرملين إن الرئيس الروسي ونظيره الفرنسي تحدثا مساء أمس.")
    assert ("RUS", "FRA", "CONSULT") in found
    assert ("FRA", "RUS", "CONSULT") not in found


def test_a_speech_is_no_talks() -> None:
    found = _tuples("تحدث وزير الخارجية الفرنسي للصحفيين أمس عن الأزمة في لبنان.")
    assert not {t for t in found if t[2] == "CONSULT"}


def test_a_generic_target_far_from_a_state_of_emergency_stays() -> None:
    """Only a state far from a seizure or a sentence is where or why; protesters are whom."""
    record = code_document(
        RawDocument(
            "وأعلن الرئيس الكازاخستاني قاسم توكاييف حالة الطوارئ في جميع أنحاء البلاد حتى نهاية الشهر "
            "الجاري بعد أن اقتحم متظاهرون مباني حكومية.",
            published="2022-01-10",
        )
    )
    coerced = [e for e in record["events"] if e["event"] == "COERCE"]
    assert [(e["actor"]["code"], e["recipient"]["sector"]) for e in coerced] == [("KAZ", "CVL")]
