"""`rasad code` at scale: constant memory on a long stream, resumable runs, a cheap progress total."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasad.cli import main
from rasad.ingest import iter_documents
from rasad.ingest.count import count_documents
from rasad.run import PARENT_DEDUPES_UP_TO

# Sentences written for these tests; each document draws a few with its own names and numbers.
TEMPLATES = (
    "{a} and {b} signed an agreement on {topic} in {city} on {day} {month} {year}.",
    "The foreign minister of {a} met his counterpart from {b} in {city} to discuss {topic}.",
    "Protesters gathered outside the embassy of {b} in {city} on {day} {month}, demanding {topic}.",
    "{a} accused {b} of violating the ceasefire near {city}, officials said on {day} {month}.",
    "The government of {a} announced {n} million dollars in aid for {topic} in {b}.",
    "وقّعت {ar_a} و{ar_b} اتفاقية للتعاون في مجال {ar_topic} في {ar_city} يوم {day} {ar_month} {year}.",
    "استقبل رئيس {ar_a} وزير خارجية {ar_b} في {ar_city} لبحث {ar_topic}.",
    "وزیر امور خارجه {fa_a} با همتای {fa_b} در {fa_city} درباره {fa_topic} گفتگو کرد.",
    "{fa_a} و {fa_b} در {fa_city} توافقنامه‌ای در زمینه {fa_topic} امضا کردند.",
)
FILLERS = {
    "a": ("Kazakhstan", "Russia", "Iran", "Turkey", "China", "Uzbekistan", "Egypt", "Jordan"),
    "b": ("Afghanistan", "Saudi Arabia", "Pakistan", "India", "Qatar", "Iraq", "Syria", "Oman"),
    "city": ("Astana", "Moscow", "Tehran", "Istanbul", "Beijing", "Tashkent", "Cairo", "Amman"),
    "topic": ("border security", "energy trade", "water sharing", "rail transport", "refugees"),
    "month": ("January", "March", "May", "July", "September", "November"),
    "ar_a": ("كازاخستان", "روسيا", "إيران", "تركيا", "الصين", "مصر"),
    "ar_b": ("أفغانستان", "السعودية", "باكستان", "العراق", "سوريا", "قطر"),
    "ar_city": ("أستانا", "موسكو", "طهران", "القاهرة", "عمان", "بغداد"),
    "ar_topic": ("الطاقة", "الأمن", "النقل", "المياه", "التجارة"),
    "ar_month": ("يناير", "مارس", "مايو", "يوليو", "سبتمبر", "نوفمبر"),
    "fa_a": ("قزاقستان", "روسیه", "ایران", "ترکیه", "چین", "ازبکستان"),
    "fa_b": ("افغانستان", "عربستان", "پاکستان", "عراق", "هند", "قطر"),
    "fa_city": ("آستانه", "مسکو", "تهران", "کابل", "پکن", "تاشکند"),
    "fa_topic": ("امنیت مرزی", "تجارت انرژی", "حمل و نقل", "آب", "پناهجویان"),
}


def generated_articles(count: int, seed: int = 6) -> list[dict]:
    """``count`` distinct articles of three to five sentences, each with its own numbers."""
    chooser = random.Random(seed)
    articles = []
    for number in range(count):
        sentences = []
        for _ in range(chooser.randint(3, 5)):
            values = {key: chooser.choice(options) for key, options in FILLERS.items()}
            values |= {"day": chooser.randint(1, 28), "year": chooser.randint(2015, 2024)}
            values["n"] = chooser.randint(2, 900)
            sentences.append(chooser.choice(TEMPLATES).format(**values))
        articles.append({"id": f"generated-{number:06d}", "text": " ".join(sentences)})
    return articles


def write_jsonl(path: Path, articles: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def rasad(*args: str) -> list[str]:
    return [sys.executable, "-m", "rasad.cli", *args]


def resident_kib(pid: int) -> int:
    """Resident memory of a process and its children (the worker pool), from /proc."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
        pending.extend(int(child) for child in children)
    return total


class LineCounter:
    """Complete lines written so far to a growing file, reading only what is new."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.lines = 0
        self.offset = 0

    def update(self) -> int:
        if self.path.exists():
            with self.path.open("rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
            self.lines += data.count(b"\n")
            self.offset += len(data)
        return self.lines


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc to read resident memory")
def test_memory_stays_flat_over_a_long_stream(tmp_path: Path) -> None:
    """20,000 documents through two workers: memory at 90% of the run is that at 20%, within a margin.

    The duplicate window is small so that the detector's memory is full long before 20%; what
    is left to grow would be a leak or a runner that holds the stream.
    """
    total = 20_000
    source = write_jsonl(tmp_path / "big.jsonl", generated_articles(total))
    output = tmp_path / "out.jsonl"
    part = LineCounter(tmp_path / "out.jsonl.part")
    command = rasad("code", str(source), "-o", str(output), "--workers", "2", "--dedupe-window", "1000")
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    samples: dict[str, int] = {}
    try:
        while process.poll() is None:
            done = part.update()
            for name, share in (("20%", 0.2), ("90%", 0.9)):
                if name not in samples and done >= share * total:
                    samples[name] = resident_kib(process.pid)
            time.sleep(0.05)
        _, errors = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, errors
    assert f"{total} records written" in errors
    assert samples.keys() == {"20%", "90%"}
    growth = samples["90%"] - samples["20%"]
    assert growth < 0.10 * samples["20%"] + 16_384, samples  # under 10% + 16 MiB over 14,000 documents


def test_resume_after_a_kill_gives_the_same_bytes_and_codes_only_the_rest(tmp_path: Path) -> None:
    articles = generated_articles(600, seed=11)
    # The last 100 repeat the first 100: finished before the kill, they must still be found as the
    # originals when the run resumes, exactly as in one run.
    articles[500:] = [{"id": f"copy-{a['id']}", "text": a["text"]} for a in articles[:100]]
    source = write_jsonl(tmp_path / "news.jsonl", articles)

    whole = tmp_path / "whole.jsonl"
    subprocess.run(
        rasad("code", str(source), "-o", str(whole), "--workers", "2"), check=True, capture_output=True
    )
    duplicates = [json.loads(line) for line in whole.read_text(encoding="utf-8").splitlines()[500:]]
    assert all(record["warnings"][0].startswith("duplicate of document generated-") for record in duplicates)

    resumed = tmp_path / "resumed.jsonl"
    part = LineCounter(tmp_path / "resumed.jsonl.part")
    command = rasad("code", str(source), "-o", str(resumed), "--workers", "2")
    process = subprocess.Popen(command, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        while process.poll() is None and part.update() < 150:
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the run and its worker pool, as a crash would
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be interrupted"
    assert not resumed.exists()
    kept = (tmp_path / "resumed.jsonl.part").read_bytes()
    finished = kept.count(b"\n")
    assert 150 <= finished < 600

    again = subprocess.run(
        rasad("code", str(source), "-o", str(resumed), "--workers", "2", "--resume"),
        capture_output=True,
        text=True,
    )
    assert again.returncode == 0, again.stderr
    assert f"{600 - finished} records written, {finished} already done before --resume" in again.stderr
    assert resumed.read_bytes() == whole.read_bytes()
    assert not (tmp_path / "resumed.jsonl.part").exists()


def test_resume_drops_a_torn_last_line(tmp_path: Path, samples_dir: Path, capsys) -> None:
    whole = tmp_path / "whole.jsonl"
    assert main(["code", str(samples_dir), "-o", str(whole), "--workers", "1"]) == 0
    lines = whole.read_bytes().splitlines(keepends=True)
    resumed = tmp_path / "resumed.jsonl"
    Path(f"{resumed}.part").write_bytes(b"".join(lines[:3]) + lines[3][:40])
    capsys.readouterr()
    assert main(["code", str(samples_dir), "-o", str(resumed), "--workers", "1", "--resume"]) == 0
    assert f"{len(lines) - 3} records written, 3 already done before --resume" in capsys.readouterr().err
    assert resumed.read_bytes() == whole.read_bytes()


def test_resume_refuses_a_part_file_that_is_not_records(tmp_path: Path, samples_dir: Path, capsys) -> None:
    output = tmp_path / "out.jsonl"
    Path(f"{output}.part").write_text("this is not JSON\n", encoding="utf-8")
    assert main(["code", str(samples_dir), "-o", str(output), "--resume"]) == 2
    error = capsys.readouterr().err
    assert "out.jsonl.part line 1 is not a document record" in error
    assert "Traceback" not in error


def test_resume_needs_an_output_file(samples_dir: Path, capsys) -> None:
    assert main(["code", str(samples_dir), "--resume"]) == 2
    assert "--resume needs an output file" in capsys.readouterr().err


def test_an_interrupted_run_leaves_no_file_under_the_final_name(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "news.jsonl", generated_articles(2000, seed=3))
    output = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        rasad("code", str(source), "-o", str(output), "--workers", "1"), stderr=subprocess.DEVNULL
    )
    part = LineCounter(tmp_path / "out.jsonl.part")
    while process.poll() is None and part.update() < 1:
        time.sleep(0.02)
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    assert process.returncode == 130
    assert not output.exists()
    assert part.update() >= 1


def test_count_matches_what_the_readers_yield(tmp_path: Path, seed_paths: list[Path]) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    write_jsonl(folder / "wire.jsonl", generated_articles(7))
    with (folder / "wire.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("\n{broken json\n")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "notes.md").write_text("not news", encoding="utf-8")
    (folder / ".hidden.txt").write_text("not read either", encoding="utf-8")
    inputs = [str(folder), *map(str, seed_paths)]
    assert count_documents(inputs) == len(list(iter_documents(inputs))) == 7 + 1 + 1 + len(seed_paths)


def test_count_is_unknown_for_feeds_and_stdin(samples_dir: Path) -> None:
    assert count_documents([str(samples_dir / "feeds")]) is None
    assert count_documents(["-"]) is None


# Two workers: the parent finds duplicates before coding; more: the workers fingerprint (``_coded``).
POOL_SIZES = [2, PARENT_DEDUPES_UP_TO + 1]


@pytest.mark.parametrize("workers", POOL_SIZES)
def test_pool_gives_the_records_of_one_worker(tmp_path: Path, samples_dir: Path, workers: int) -> None:
    """More than a batch, so the pool really runs; the samples bring duplicates and every format."""
    from rasad.run import BATCH_PER_WORKER, code_stream

    articles = generated_articles(4 * BATCH_PER_WORKER, seed=5)
    source = write_jsonl(tmp_path / "news.jsonl", articles + articles[:5])
    inputs = [str(samples_dir), str(source)]
    one = list(code_stream(iter_documents(inputs), workers=1))
    pooled = list(code_stream(iter_documents(inputs), workers=workers))
    assert len(one) == 17 + len(articles) + 5
    assert sum("duplicate of" in " ".join(record.get("warnings", [])) for record in one) >= 5
    assert one == pooled


@pytest.mark.parametrize("workers", POOL_SIZES)
def test_pool_gives_the_json_lines_documents_and_budget_of_one_worker(
    tmp_path: Path, samples_dir: Path, workers: int
) -> None:
    """The pool's other outputs: JSON lines serialised by the workers, the documents ``code_pairs``
    keeps, and duplicates described under the time budget (again by the parent, past
    ``PARENT_DEDUPES_UP_TO`` workers)."""
    from rasad.run import BATCH_PER_WORKER, code_pairs, code_stream

    articles = generated_articles(4 * BATCH_PER_WORKER, seed=6)
    source = write_jsonl(tmp_path / "news.jsonl", articles + articles[:5])
    inputs = [str(samples_dir), str(source)]
    one = list(code_stream(iter_documents(inputs), workers=1))
    lines = list(code_stream(iter_documents(inputs), workers=workers, as_json=True, time_budget=60))
    assert lines == [json.dumps(record, ensure_ascii=False) for record in one]
    pairs = list(code_pairs(iter_documents(inputs), workers=workers, time_budget=60))
    assert [record for _, record in pairs] == one
    texts = [document.text for document in iter_documents(inputs)]
    assert [document.text for document, _ in pairs] == texts


def test_duplicate_window_forgets_the_oldest_texts_only() -> None:
    from rasad.ingest.dedupe import Deduplicator
    from test_ingest_dedupe import STORY, SYNDICATED

    others = [article["text"] for article in generated_articles(3, seed=8)]
    within = Deduplicator(window=5)  # copies count too: a near copy is a new text
    assert [within.check(key, text) for key, text in [("wire", STORY), *zip("abc", others, strict=True)]] == [
        None
    ] * 4
    assert within.check("outlet", SYNDICATED) == "wire"  # near copy, four texts back
    assert within.check("again", STORY) == "wire"  # exact copy

    past = Deduplicator(window=3)
    for key, text in [("wire", STORY), *zip("abc", others, strict=True)]:
        past.check(key, text)
    assert past.check("outlet", SYNDICATED) is None  # the original is out of the window
    assert past.check("again", STORY) == "outlet"  # ... and the copy took its place


def test_code_imports_no_other_command_and_no_progress_bar(tmp_path: Path, samples_dir: Path) -> None:
    """Start-up before the pool forks is serial: `rasad code` must not pay for other commands."""
    probe = (
        "import sys\n"
        "from rasad.cli import main\n"
        f"main(['code', {str(samples_dir)!r}, '-o', {str(tmp_path / 'out.jsonl')!r}])\n"
        "heavy = ('rasad.store', 'rasad.api', 'rasad.scale.spark', 'rasad.eval.events', 'jsonschema', 'tqdm')\n"
        "print(sorted(name for name in sys.modules if name.startswith(heavy)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.strip() == "[]"
    assert (tmp_path / "out.jsonl").stat().st_size > 0


def test_whole_model_is_loaded_before_the_fork_for_the_script_of_a_long_run(
    seed_texts: dict[str, str],
) -> None:
    """Function words decide the seed articles, so none needs the Arabic-script model; a long run of
    them still will (its short texts), a short run need not; a few short texts that need it decide
    even a short run; a stray English caption loads nothing before the fork."""
    from rasad.run import WHOLE_MODEL_TEXTS, _whole_models_wanted
    from rasad.text.langid import script_needing_model

    articles = list(seed_texts.values()) * 50
    assert {script_needing_model(text) for text in articles} == {None}
    assert _whole_models_wanted(articles, long_run=True) == ["arabic"]
    assert _whole_models_wanted(articles, long_run=False) == []
    short = ["وزير الخارجية"] * WHOLE_MODEL_TEXTS
    assert _whole_models_wanted(articles + short, long_run=False) == ["arabic"]
    assert _whole_models_wanted([*articles, "The minister said it would sign the deal"], long_run=True) == [
        "arabic"
    ]
