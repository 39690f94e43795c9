"""Speech acts (REQUEST, ACCUSE, REJECT, THREATEN) on sentences we wrote: requests told as the object
of another act, demands phrased with a modal, accusations told through their content."""

from __future__ import annotations

from rasad.document import RawDocument
from rasad.pipeline import code_document


def _tuples(text: str, published: str = "2020-02-10") -> set[tuple[str | None, str | None, str]]:
    def key(side: dict | None) -> str | None:
        return None if side is None else side["org"] or side["code"]

    record = code_document(RawDocument(text=text, published=published))
    return {(key(e["actor"]), key(e["recipient"]), e["event"]) for e in record["events"]}


def test_a_rejected_request_was_made_to_the_one_who_rejects_it() -> None:
    found = _tuples("ترکیه با درخواست یونان برای برگزاری نشست فوری اتحادیه اروپا مخالفت کرد.")
    assert ("GRC", "TUR", "REQUEST") in found
    assert ("TUR", "GRC", "REJECT") in found
    assert ("GRC", "EU", "REQUEST") not in found


def test_a_request_object_of_rad_kard_is_the_rejected_partys() -> None:
    found = _tuples("بانک جهانی درخواست وام سه میلیارد دلاری لبنان را رد کرد.")
    assert ("LBN", "WB", "REQUEST") in found
    assert ("WB", "LBN", "REJECT") in found
    assert ("WB", "LBN", "REQUEST") not in found


def test_an_act_done_at_a_states_request_is_that_states_request_to_the_actor() -> None:
    found = _tuples("أعلنت السلطات الفرنسية توقيف الناشط أمس بناء على طلب من المغرب.")
    assert ("MAR", "FRA", "REQUEST") in found
    assert not any(t[2] == "REQUEST" and t[0] != "MAR" for t in found)


def test_a_similar_request_goes_to_the_addressee_of_the_one_told_before() -> None:
    text = (
        "وزیر خارجه سوئد از ایران خواست که جعبه سیاه هواپیما را به فرانسه تحویل دهد. "
        "هفته گذشته نیز وزیر خارجه هلند در درخواستی مشابه گفته بود که جعبه سیاه باید به فرانسه برود."
    )
    found = _tuples(text)
    assert ("SWE", "IRN", "REQUEST") in found
    assert ("NLD", "IRN", "REQUEST") in found
    assert ("NLD", "FRA", "REQUEST") not in found


def test_a_request_verb_after_a_weekday_is_no_request_answered() -> None:
    found = _tuples("آمریکا روز سه‌شنبه از چین خواست به مذاکرات سه‌جانبه بپیوندد.")
    assert ("USA", "CHN", "REQUEST") in found


def test_a_state_saying_another_must_act_demands_it() -> None:
    found = _tuples("وزیر خارجه ترکیه گفت: اگر آتن بر این موضع اصرار دارد، باید هزینه‌های آن را بپردازد.")
    assert ("TUR", "GRC", "REQUEST") in found


def test_an_arabic_modal_with_its_obligee_after_ala_is_a_demand_of_the_speaker() -> None:
    found = _tuples("وأكد وزير الخارجية الفرنسي أنه يجب على روسيا سحب قواتها من الحدود فورا.")
    assert ("FRA", "RUS", "REQUEST") in found


def test_a_modal_with_no_speaker_or_no_obligee_is_no_demand() -> None:
    assert not any(t[2] == "REQUEST" for t in _tuples("باید گفت که روابط ایران و ترکیه رو به بهبود است."))
    assert not any(
        t[2] == "REQUEST" for t in _tuples("وقال وزير الخارجية المصري إنه يجب العمل على حل الأزمة.")
    )


def test_a_persian_clause_after_a_semicolon_has_its_own_speaker() -> None:
    found = _tuples(
        "پاریس هنوز درباره تمدید این توافق تصمیمی نگرفته است؛ "
        "اما آلمان بارها از فرانسه برای تمدید توافق دعوت کرده است."
    )
    assert ("DEU", "FRA", "REQUEST") in found
    assert ("FRA", "DEU", "REQUEST") not in found


def test_a_modal_obliging_the_international_community_is_a_demand_with_no_recipient() -> None:
    record = code_document(
        RawDocument(
            text="وقال وزير الخارجية القطري إنه يجب على المجتمع الدولي التحرك فورا لوقف الحرب.",
            published="2020-02-10",
        )
    )
    requests = [e for e in record["events"] if e["event"] == "REQUEST"]
    assert requests and requests[0]["actor"]["code"] == "QAT" and requests[0]["recipient"] is None


def test_a_pronoun_before_a_persian_warning_resumes_the_previous_speaker() -> None:
    text = (
        "به گزارش ایرنا، وزیر دفاع فرانسه از عملیات نظامی آلمان در مالی حمایت کرد. "
        "او هشدار داد، هر کسی که به نیروهای آلمانی در مالی حمله کند با پاسخ سختی روبرو خواهد شد."
    )
    found = _tuples(text)
    assert ("FRA", None, "THREATEN") in found
    assert not any(t[2] == "THREATEN" and t[0] == "DEU" for t in found)


def test_a_demand_with_an_object_pronoun_is_a_request_to_the_one_it_resumes() -> None:
    found = _tuples("ودانت الكويت تصريحات المسؤول العراقي وطالبته بالكف عن التدخل في شؤونها.")
    assert ("KWT", "IRQ", "REQUEST") in found


def test_a_keyword_line_tells_no_accusation() -> None:
    found = _tuples("اتهمت قطر إسرائيل بخرق الهدنة في غزة.\nسمات اتهام قطر إسرائيل إيران روسيا")
    assert ("QAT", "ISR", "ACCUSE") in found
    assert not any(t[2] == "ACCUSE" and t[0] in ("IRN", "RUS") for t in found)


def test_an_accusation_in_a_relative_clause_on_the_charge_names_the_accused_not_the_accuser() -> None:
    found = _tuples(
        "ومن نقاط الخلاف بين الولايات المتحدة وروسيا ملف القرصنة المعلوماتية الذي تتهم به الحكومة الروسية."
    )
    assert not any(t[2] == "ACCUSE" and t[0] == "RUS" for t in found)


def test_a_warning_issued_by_others_is_not_the_sentence_subjects() -> None:
    text = (
        "وأغلقت الحكومة المغربية المركز الثقافي في أعقاب تحذيرات أطلقتها جمعيات أهلية "
        "حيال أنشطة الملحقية الثقافية الإيرانية في الرباط."
    )
    assert not any(t[2] == "THREATEN" for t in _tuples(text))


def test_a_warning_issued_by_a_state_is_that_states() -> None:
    text = "وأغلقت الحكومة المغربية المركز في أعقاب تحذيرات أطلقتها فرنسا للحكومة الإيرانية."
    found = _tuples(text)
    assert not any(t[2] == "THREATEN" and t[0] == "MAR" for t in found)


def test_calling_another_states_words_interference_accuses_it() -> None:
    found = _tuples("واعتبرت الكويت ما صدر عن الرئيس العراقي تدخلا سافرا في شؤونها الداخلية.")
    assert ("KWT", "IRQ", "ACCUSE") in found


def test_a_persian_interference_accusation_needs_a_speaker_before_it() -> None:
    found = _tuples("سخنگوی وزارت خارجه چین اظهارات وزیر خارجه آمریکا را دخالت در امور داخلی چین دانست.")
    assert ("CHN", "USA", "ACCUSE") in found
    found = _tuples("اقدام آمریکا را دخالت آشکار در امور داخلی ونزوئلا خواند.")
    assert not any(t[2] == "ACCUSE" and t[0] == "VEN" for t in found)


def test_rejecting_another_states_interference_is_an_accusation() -> None:
    found = _tuples("ورفضت مصر التدخل التركي في الشأن الليبي.")
    assert ("EGY", "TUR", "ACCUSE") in found
    assert ("EGY", "TUR", "REJECT") not in found
    found = _tuples("وزیر خارجه عراق دخالت آمریکا در امور داخلی عراق را رد کرد.")
    assert ("IRQ", "USA", "ACCUSE") in found
    assert ("EGY", "TUR", "REJECT") in _tuples("ورفضت مصر الطلب التركي.")


def test_a_party_before_a_relative_clause_is_not_the_counterpart_of_its_speech_act() -> None:
    text = (
        "ودانت الكويت التصريحات الصادرة تجاه قطر دون مراعاة لميثاق الجامعة العربية "
        "التي تمنع وترفض كل صور التدخل في شؤون الدول."
    )
    found = _tuples(text)
    assert ("KWT", "QAT", "ACCUSE") in found
    assert not any(t[2] in ("REJECT", "ACCUSE") and t[0] == "ARL" for t in found)


def test_urging_ones_own_soldiers_against_a_state_is_no_request_to_that_state() -> None:
    found = _tuples("وحث قائد الجيش الأردني الجنود على أن يكونوا على أتم الاستعداد لمواجهة العدو الإسرائيلي.")
    assert not any(t[2] == "REQUEST" for t in found)
    found = _tuples("وحث وزير الخارجية الأمريكي الحكومة العراقية على حماية السفارة.")
    assert ("USA", "IRQ", "REQUEST") in found


def test_seeking_to_persuade_a_state_is_a_request_to_it() -> None:
    found = _tuples("وسعى وزير الخارجية الأردني لإقناع الحكومة الألمانية بتمويل المشروع.")
    assert ("JOR", "DEU", "REQUEST") in found
    assert ("DEU", "JOR", "REQUEST") not in found


def test_a_modal_inside_a_quotation_opened_before_is_the_quoted_speakers_demand() -> None:
    text = (
        "وقال وزير الخارجية البريطاني في كلمة أمام البرلمان إنه «لن نهدأ قبل عودة مواطنينا، "
        "وينبغي إطلاق سراح الصحافي فورا.\nينبغي لإيران أن تساعدنا في العثور على المفقودين»."
    )
    found = _tuples(text)
    assert ("GBR", "IRN", "REQUEST") in found


def test_what_a_modal_demand_asks_for_is_not_an_event_of_its_own() -> None:
    found = _tuples("وقال وزير الخارجية الفرنسي إنه ينبغي للحكومة الإيرانية أن تفرج عن المعتقلين.")
    assert ("FRA", "IRN", "REQUEST") in found
    assert not any(t[2] == "CONCEDE" for t in found)


def test_a_violation_of_sovereignty_is_the_sovereigns_accusation_of_the_violator() -> None:
    found = _tuples("وقال المسؤول العراقي إن انتهاك تركيا لسيادة العراق مستمر منذ أشهر.")
    assert ("IRQ", "TUR", "ACCUSE") in found
    assert ("TUR", "IRQ", "ACCUSE") not in found
    found = _tuples("ودعا قائد الجيش الجنود إلى مواجهة العدو الإسرائيلي الذي يمعن في خرق السيادة السورية.")
    assert ("SYR", "ISR", "ACCUSE") in found
    found = _tuples("دفتر ریاست‌جمهوری عراق اعلام کرد حمله ترکیه به روستاهای عراق نقض حاکمیت ملی است.")
    assert ("IRQ", "TUR", "ACCUSE") in found


def test_rejecting_this_proposal_rejects_the_one_who_made_it_in_the_sentence_before() -> None:
    text = (
        "گفت‌وگوهای هسته‌ای\n"
        "مذاکرات وین هفته آینده از سر گرفته می‌شود. "
        "امانوئل مکرون، رئیس جمهوری فرانسه پیشنهاد کرد که نشست تازه‌ای در پاریس برگزار شود. "
        "با این حال، مسکو این پیشنهاد را رد کرده است."
    )
    assert ("RUS", "FRA", "REJECT") in _tuples(text)
    alone = "گفت‌وگوهای هسته‌ای\nمذاکرات وین هفته آینده از سر گرفته می‌شود. مسکو این پیشنهاد را رد کرده است."
    assert not any(t[2] == "REJECT" for t in _tuples(alone))


def test_rejecting_any_such_act_denies_it() -> None:
    record = code_document(
        RawDocument(
            text="سخنگوی وزارت خارجه ترکیه گفت: ما هرگونه مذاکرات میان ترکیه و یونان درباره جزایر را رد می‌کنیم.",
            published="2020-02-10",
        )
    )
    events = record["events"]
    assert not any(e["event"] == "REJECT" for e in events)
    talks = [e for e in events if e["event"] == "CONSULT"]
    assert talks and all(e["modality"] == "denied" for e in talks)


def test_a_demand_for_an_act_is_made_of_the_one_who_would_do_it() -> None:
    assert ("RUS", "TUR", "REQUEST") in _tuples("ودعت روسيا إلى انسحاب القوات التركية من سوريا.")
    found = _tuples("سخنگوی وزارت خارجه ایران خواستار توقف فوری حملات عربستان به یمن شد.")
    assert ("IRN", "SAU", "REQUEST") in found
    assert ("IRN", "YEM", "REQUEST") not in found
    assert ("SAU", "IRN", "REQUEST") in _tuples("ودعت السعودية إيران إلى وقف التدخل في شؤون البحرين.")


def _modalities(text: str, event: str) -> set[str]:
    record = code_document(RawDocument(text=text, published="2020-02-10"))
    return {e["modality"] for e in record["events"] if e["event"] == event}


def test_a_demand_made_on_a_condition_is_asserted_an_act_inside_the_condition_is_not() -> None:
    demand = "وزیر خارجه ترکیه تاکید کرد: اگر آتن بر این موضع اصرار دارد، باید هزینه‌های آن را بپردازد."
    assert _modalities(demand, "REQUEST") == {"asserted"}
    inside = "وزیر خارجه ایران گفت: اگر آمریکا ایران را تهدید کند پاسخ می‌دهیم."
    assert _modalities(inside, "THREATEN") == {"hypothetical"}


def test_what_a_persian_request_asks_for_is_no_event_even_past_a_relative_clause() -> None:
    text = (
        "وزیر امور خارجه سوئد روز گذشته از ایران درخواست کرد تا جعبه‌های سیاه هواپیما را که هفته گذشته "
        "در نزدیکی تهران سقوط کرد، برای بررسی بیشتر به فرانسه تحویل دهد."
    )
    found = _tuples(text)
    assert ("SWE", "IRN", "REQUEST") in found
    assert not any(t[2] == "CONCEDE" for t in found)


def test_what_an_arabic_threat_threatens_with_is_no_event() -> None:
    text = (
        "وقال المتحدث باسم البيت الأبيض إن على الحكومة السورية ألا تتدخل في عمليات المعارضة، في تهديد "
        "مبطن بإمكان اللجوء إلى الضربات الجوية ضد قوات النظام السوري."
    )
    found = _tuples(text)
    assert any(t[2] == "THREATEN" for t in found)
    assert not any(t[2] == "ASSAULT" for t in found)


def test_a_modal_that_obliges_the_speakers_own_state_or_no_one_is_no_demand() -> None:
    joint = "وزیر خارجه فرانسه تاکید کرد: پاریس و برلین باید درباره حل بحران لیبی گفت‌وگو کنند."
    assert not any(t[2] == "REQUEST" for t in _tuples(joint))
    impersonal = "سفیر روسیه گفت: درباره نقش آمریکا در آنچه در چین رخ داد، باید به این واقعیت توجه کرد."
    assert not any(t[2] == "REQUEST" for t in _tuples(impersonal))


def test_the_one_who_acted_at_a_request_is_the_nearest_party_before_it() -> None:
    found = _tuples(
        "وأكد الوزير الأردني أن وجود القوات الأمريكية في المنطقة كان بناء على طلب من الحكومة العراقية."
    )
    assert ("IRQ", "USA", "REQUEST") in found
    assert ("IRQ", "JOR", "REQUEST") not in found
