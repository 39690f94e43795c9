"""rasad on Apache Spark: the local readers and the same ``code_document`` on every executor.

Four steps, each a Spark stage:

1. **read**: every input file arrives as bytes (``binaryFile``) and goes through
   ``rasad.ingest.read_bytes``, the function behind the local readers, so a file yields the same
   documents with the same names (``where``) as ``rasad code`` gives it; Parquet tables of
   articles are read as columns. Files are listed with the local folder rules; the listing is
   broadcast, so each file's bytes are read by one task and not shuffled.
2. **fingerprint**: the documents are spread over ``--partitions`` tasks, once, and kept there
   (in memory, spilling to disk). Each task computes the id and the duplicate detector's
   fingerprint of its documents (``rasad.ingest.dedupe``): most of the detector's work, and
   independent of the order. Only the fingerprints and each document's place leave the task.
3. **order**: one task walks the fingerprints in input order (input, then the path inside it, then
   the position in the file), numbers the documents (``seq``) and takes the same duplicate
   decisions as the local runner, so the same copies are flagged. It is the one serial step: it
   looks up and stores fingerprints (thousands of documents a second) but hashes and codes nothing,
   and no text passes through it; ``--keep-duplicates`` leaves out the fingerprints and only
   numbers.
4. **code**: the decisions are joined back to the documents where they lie (broadcast to every
   task up to ``BROADCAST_DECISIONS`` documents, a shuffle past that) and each task codes its
   documents with ``rasad.run.code_task``. Dictionaries and lexicons are cached at module level,
   and PySpark reuses its Python workers, so each executor process loads them once.

Output: Parquet tables ``documents/``, ``events/`` and ``problems/`` under the output folder. Nested
objects of the record are Parquet structs (typed, queryable with ``source.outlet`` or
``actor.code``), not JSON strings; ``read_records`` turns the tables back into document records.
Each table is counted as it is written (an ``Observation``), for the summary.
"""

from __future__ import annotations

import argparse
import functools
import os
import posixpath
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

import numpy as np

from rasad.document import RawDocument, ReadProblem
from rasad.ingest import ReadLimits, _readable_in_directory, read_bytes
from rasad.ingest.dedupe import Deduplicator, Fingerprint, fingerprint
from rasad.pipeline import document_id
from rasad.run import DEDUPE_WINDOW, Decided, code_task
from rasad.text.normalize import normalize

if TYPE_CHECKING:
    import pyarrow as pa
    from pyspark.sql import DataFrame, Observation, SparkSession
    from pyspark.sql.types import StructType

FORMATS = ("auto", "jsonl", "text", "warc", "parquet")
# Tasks per core for the fingerprint and code steps: enough for a long document to even out, few
# enough that each task's fixed cost (a Python worker's batch, one Parquet file per table) stays
# small. Spark's tuning guide suggests two or three; on 4,000 articles in local[2], 4 per core took
# 7.2-8.1 s, 2 per core 6.3-7.2 s, 1 per core 6.3-6.6 s (each alternated with 4 per core).
TASKS_PER_CORE = 2
# A forced format reads every file as if it had this name: the local readers choose by extension.
_FORCED_NAMES = {"jsonl": "input.jsonl", "text": "input.txt", "warc": "input.warc"}
_ROWS_PER_BATCH = 256
# Up to this many documents, the order step's decisions (place, number, duplicate: about 100 bytes
# a document) are broadcast to the coding tasks; past it they are joined by a shuffle, which moves
# the texts once more.
BROADCAST_DECISIONS = 1_000_000

_SPAN = "struct<start:bigint,`end`:bigint,text:string>"
_ACTOR = "struct<code:string,sector:string,org:string,entity_text:string>"
_ENTITY = f"struct<id:string,kind:string,name:string,country:string,mentions:array<{_SPAN}>>"
# The record's fields, as Spark types. A field the pipeline adds must be added here too:
# tests/test_spark.py compares every field of the records read back with the local ones.
DOCUMENT_FIELDS = (
    ("id", "string"),
    ("source", "struct<path:string,url:string,outlet:string>"),
    ("language", "string"),
    ("title", "string"),
    ("published", "struct<date:string,text:string,calendar:string>"),
    ("entities", f"array<{_ENTITY}>"),
    ("warnings", "array<string>"),
)
EVENT_FIELDS = (
    ("id", "string"),
    ("event", "string"),
    ("mode", "string"),
    ("context", "array<string>"),
    ("actor", _ACTOR),
    ("recipient", _ACTOR),
    ("date", "string"),
    ("date_precision", "string"),
    ("modality", "string"),
    ("event_loc", "struct<name:string,country:string,lat:double,lon:double,text:string>"),
    ("event_text", "string"),
    ("text_info", "struct<sequence:bigint,start:bigint,`end`:bigint>"),
    ("trigger", _SPAN),
    ("confidence", "double"),
    ("explanation", "string"),
    ("cameo", "string"),
)
_METADATA = (("doc_id", "string"), ("title", "string"), ("url", "string"), ("outlet", "string"))
_READ_FIELDS = (
    ("input", "int"),
    ("file", "array<string>"),
    ("position", "bigint"),
    ("path", "string"),
    *_METADATA,
    ("published", "string"),
    ("text", "string"),
    ("problem", "string"),
)
# Where a document is in the input order: input, path inside it, position in the file.
_PLACE_FIELDS = _READ_FIELDS[:3]
_PLACE = tuple(name for name, _ in _PLACE_FIELDS)
# The fingerprint (``rasad.ingest.dedupe.Fingerprint``) as columns: shingles as uint32 bytes.
_FINGERPRINT_FIELDS = (
    *_PLACE_FIELDS,
    ("problem", "string"),
    ("key", "string"),
    ("digest", "binary"),
    ("shingles", "binary"),
    ("bands", "array<binary>"),
)
# The order step's answer for each document; ``key`` (the id the fingerprint step computed, null
# with ``--keep-duplicates``) spares the code step computing it again.
_DECISION_FIELDS = (*_PLACE_FIELDS, ("seq", "bigint"), ("duplicate_of", "string"), ("key", "string"))
_EVENT_STRUCT = "struct<" + ",".join(f"`{name}`:{kind}" for name, kind in EVENT_FIELDS) + ">"
_CODED_FIELDS = (
    ("seq", "bigint"),
    *DOCUMENT_FIELDS,
    ("events", f"array<{_EVENT_STRUCT}>"),
    ("problem", "string"),
)

SESSION_CONF = {
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.execution.arrow.maxRecordsPerBatch": "64",  # whole files travel in the read step
    # Local mode runs the executor in the driver's JVM, on the cores the Python workers code on. The
    # JVM's own work is light (Arrow, shuffles, Parquet), but on 4,000 articles its C2 compiler took
    # 7 of its 13 CPU seconds and G1's threads 0.9: C1 alone and the serial collector take neither.
    # Spark puts these before any ``spark.driver.extraJavaOptions``, which can override them.
    "spark.driver.defaultJavaOptions": "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
}


def _ddl(fields: Iterable[tuple[str, str]]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in fields)


@dataclass(frozen=True)
class Summary:
    """What a Spark run wrote: rows of each table."""

    documents: int
    events: int
    problems: int

    def __str__(self) -> str:
        return (
            f"rasad: {self.documents} records (documents/), {self.events} events (events/), "
            f"{self.problems} documents failed (problems/)"
        )


class SparkInputError(Exception):
    """An input or output path Spark cannot use: one line for the user."""


def spark_session(master: str | None = None, conf: dict[str, str] | None = None) -> SparkSession:
    """A session whose executors run this interpreter (unless ``PYSPARK_PYTHON`` says otherwise)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if "SPARK_CONF_DIR" not in os.environ and "SPARK_HOME" not in os.environ:
        os.environ["SPARK_CONF_DIR"] = str(Path(__file__).with_name("spark-conf"))  # quiet logs
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("rasad")
    if master:
        builder = builder.master(master)
    for key, value in {**SESSION_CONF, **(conf or {})}.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def code_to_parquet(
    spark: SparkSession,
    inputs: Sequence[str],
    output: str,
    input_format: str = "auto",
    partitions: int | None = None,
    dedupe: bool = True,
    limits: ReadLimits | None = None,
) -> Summary:
    """Read, order, code, and write the three tables under ``output``."""
    from pyspark.sql import functions as F

    limits = limits or ReadLimits()
    partitions = partitions or spark.sparkContext.defaultParallelism * TASKS_PER_CORE
    # The texts are shuffled once, to spread them over the tasks, and kept there: the serial order
    # step sees only each document's place and fingerprint, and its decisions are joined back.
    kept: list[DataFrame] = []  # persisted tables, let go when the run ends or fails
    read = _kept(kept, read_documents(spark, inputs, input_format, limits).repartition(partitions))
    try:
        decisions = _kept(kept, _decisions(read, dedupe))
        if decisions.count() <= BROADCAST_DECISIONS:
            # Sent whole to every task: the documents stay in their partitions, not shuffled again.
            ordered = read.join(F.broadcast(decisions), on=list(_PLACE))
        else:
            ordered = read.join(decisions, on=list(_PLACE)).repartition(partitions)
        coded_schema = _schema(_CODED_FIELDS)
        coded = _kept(kept, ordered.mapInArrow(functools.partial(_code, _arrow(coded_schema)), coded_schema))
        return _write_tables(spark, coded, output)
    finally:
        for table in kept:
            table.unpersist()


def _kept(kept: list[DataFrame], table: DataFrame) -> DataFrame:
    """``table``, persisted (in memory, spilling to disk) and remembered in ``kept``."""
    from pyspark import StorageLevel

    persisted = table.persist(StorageLevel.MEMORY_AND_DISK)
    kept.append(persisted)
    return persisted


def _write_tables(spark: SparkSession, coded: DataFrame, output: str) -> Summary:
    """The documents, events and problems tables of the coded rows."""
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    # Each table is counted as it is written (an observation), not read back afterwards; the job
    # that writes the documents also counts the problems, so that an empty problems table (the
    # usual case) is written without going over the coded rows again.
    counted = {name: Observation(name) for name in ("documents", "events")}
    failed = Observation("problems")
    documents = coded.observe(failed, F.count(F.col("problem")).alias("rows")).filter(
        F.col("problem").isNull()
    )
    _counting(
        documents.select(
            "seq", *(name for name, _ in DOCUMENT_FIELDS), F.size("events").alias("event_count")
        ),
        counted["documents"],
    ).write.parquet(_join(output, "documents"))
    events = (
        coded.filter(F.col("problem").isNull())
        .select(F.col("seq").alias("doc_seq"), F.col("id").alias("doc_id"), F.posexplode("events"))
        .select("doc_seq", "doc_id", F.col("pos").alias("index"), "col.*")
    )
    _counting(events, counted["events"]).write.parquet(_join(output, "events"))
    problems = coded.filter(F.col("problem").isNotNull()).select(
        "seq", F.col("source.path").alias("where"), F.col("problem").alias("message")
    )
    if not failed.get["rows"]:
        problems = spark.createDataFrame([], problems.schema)
    problems.write.parquet(_join(output, "problems"))
    rows = {name: observation.get["rows"] for name, observation in counted.items()}
    return Summary(**rows, problems=failed.get["rows"])


def _decisions(read: DataFrame, dedupe: bool) -> DataFrame:
    """Each document's number in input order and, with ``dedupe``, the document it repeats."""
    if dedupe:
        fingerprint_schema = _schema(_FINGERPRINT_FIELDS)
        found = read.mapInArrow(
            functools.partial(_fingerprint, _arrow(fingerprint_schema)), fingerprint_schema
        )
    else:
        found = read.select(*_PLACE, "problem")
    schema = _schema(_DECISION_FIELDS)
    return (
        found.repartition(1)
        .sortWithinPartitions(*_PLACE)
        .mapInArrow(functools.partial(_order, _arrow(schema), dedupe), schema)
    )


def _counting(table: DataFrame, observation: Observation) -> DataFrame:
    """``table``, counted into ``observation`` as it is written: no job reads it back to count."""
    from pyspark.sql import functions as F

    return table.observe(observation, F.count(F.lit(1)).alias("rows"))


def read_documents(
    spark: SparkSession, inputs: Sequence[str], input_format: str, limits: ReadLimits
) -> DataFrame:
    """Every document (or read problem) of the inputs, with its place in the input order."""
    if input_format not in FORMATS:
        raise SparkInputError(f"unknown format {input_format!r}; choose one of {', '.join(FORMATS)}")
    schema = _schema(_READ_FIELDS)
    if input_format != "parquet":
        return _read_files(spark, inputs, input_format, limits, schema)
    tables = [_read_parquet(spark, path, index, schema) for index, path in enumerate(inputs)]
    return functools.reduce(lambda a, b: a.unionByName(b), tables)


def _read_files(
    spark: SparkSession, inputs: Sequence[str], input_format: str, limits: ReadLimits, schema: StructType
) -> DataFrame:
    """Files as bytes through the local readers; a missing input becomes a problem row, as locally."""
    from pyspark.sql import functions as F

    listing, missing = _list_files(spark, inputs, input_format)
    found = [path for index, path in enumerate(inputs) if index not in missing]
    names = _schema((("uri", "string"), ("where", "string"), ("input", "int"), ("file", "array<string>")))
    files = spark.createDataFrame(listing, names)
    if found:
        contents = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(found)
        # Broadcast joins: the bytes are read where they are, not shuffled for a sort-merge join.
        # Spark's scan passes over empty files, which the reader must still report; an outer join
        # keeping them could broadcast only the contents, so they are found by an anti-join on the
        # paths alone, which reads no bytes.
        read = contents.join(F.broadcast(files), files["uri"] == contents["path"]).select(
            "where", "input", "file", "content"
        )
        paths = F.broadcast(contents.select("path"))
        empty = files.join(paths, files["uri"] == paths["path"], "left_anti").select(
            "where", "input", "file", F.lit(None).cast("binary").alias("content")
        )
        files = read.unionByName(empty)
    else:
        files = files.select("where", "input", "file", F.lit(None).cast("binary").alias("content"))
    documents = files.mapInArrow(
        functools.partial(_read, _arrow(schema), limits, _FORCED_NAMES.get(input_format)), schema
    )
    problems = [
        {"input": index, "file": [], "position": 0, "path": inputs[index], "problem": message}
        for index, message in missing.items()
    ]
    if problems:
        documents = documents.unionByName(spark.createDataFrame(problems, schema))
    return documents


def _list_files(
    spark: SparkSession, inputs: Sequence[str], input_format: str
) -> tuple[list[tuple[str, str, int, list[str]]], dict[int, str]]:
    """(Spark's name, local name, input number, path inside the input) of each file to read.

    Folders follow the local rules: hidden entries are passed over (Spark also passes over
    names starting with ``_``), and unless a format is forced only known extensions are read.
    """
    jvm = spark.sparkContext._jvm
    hadoop_conf = spark.sparkContext._jsc.hadoopConfiguration()
    listing: list[tuple[str, str, int, list[str]]] = []
    missing: dict[int, str] = {}
    for index, given in enumerate(inputs):
        path = jvm.org.apache.hadoop.fs.Path(given)
        filesystem = path.getFileSystem(hadoop_conf)
        if not filesystem.exists(path):
            missing[index] = "cannot read: No such file or directory"
            continue
        root = filesystem.makeQualified(path).toString()
        if not filesystem.getFileStatus(path).isDirectory():
            listing.append((root, given, index, []))
            continue
        found = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(given)
        for uri in sorted(map(_hadoop_path, found.inputFiles())):  # the listing, empty files included
            parts = uri[len(root) :].strip("/").split("/")
            if any(part.startswith(".") for part in parts):
                continue
            if input_format == "auto" and not _readable_in_directory(parts[-1]):
                continue
            listing.append((uri, posixpath.join(given, *parts), index, parts))
    return listing, missing


def _hadoop_path(uri: str) -> str:
    """A listed file's URI (``file:///a%20b``) as Spark's ``path`` column writes it (``file:/a b``)."""
    parts = urlsplit(uri)
    authority = f"//{parts.netloc}" if parts.netloc else ""
    return f"{parts.scheme}:{authority}{unquote(parts.path)}"


def _read_parquet(spark: SparkSession, path: str, index: int, schema: StructType) -> DataFrame:
    """Articles from a Parquet table with the JSON Lines columns (``text``; ``id``, ``title``...)."""
    from pyspark.sql import functions as F

    table = spark.read.parquet(path)
    columns = set(table.columns)

    def column(name: str) -> Any:
        return F.col(name).cast("string") if name in columns else F.lit(None).cast("string")

    text = column("text")
    problem = (
        F.when(text.isNull(), F.lit('no string "text" field, skipped'))
        .when(~text.rlike(r"(?U)\S"), F.lit("empty document, skipped"))
        .otherwise(F.lit(None).cast("string"))
    )
    file_path = F.col("_metadata.file_path")
    return table.select(
        F.lit(index).alias("input"),
        F.array(file_path).alias("file"),
        F.monotonically_increasing_id().alias("position"),
        file_path.alias("path"),
        column("id").alias("doc_id"),
        *(column(name) for name, _ in _METADATA[1:]),
        column("published").alias("published"),
        text.alias("text"),
        problem.alias("problem"),
    ).select(*(F.col(field.name).cast(field.dataType) for field in schema.fields))


def _read(
    schema: pa.Schema, limits: ReadLimits, forced_name: str | None, batches: Iterator[pa.RecordBatch]
) -> Iterator[pa.RecordBatch]:
    """Executor side of the read step: each file's bytes through the local readers."""
    rows: list[dict] = []
    for batch in batches:
        for item in batch.to_pylist():
            base = {"input": item["input"], "file": item["file"]}
            found = read_bytes(item["content"] or b"", item["where"], limits, forced_name)
            for position, document in enumerate(found):
                rows.append({**base, "position": position, **_document_row(document)})
                if len(rows) >= _ROWS_PER_BATCH:
                    yield _batch(rows, schema)
                    rows = []
    if rows:
        yield _batch(rows, schema)


def _document_row(document: RawDocument | ReadProblem) -> dict:
    if isinstance(document, ReadProblem):
        return {"path": document.where, "problem": document.message}
    return {
        "path": document.path,
        "doc_id": document.doc_id,
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet,
        "published": document.published,
        "text": document.text,
    }


# What ``_raw_document`` and ``document_id`` read of a row.
_ID_FIELDS = ("text", "path", "doc_id", "title", "url", "outlet", "published", "problem")


def _raw_document(row: dict) -> RawDocument:
    return RawDocument(
        text=row["text"],
        path=row["path"],
        doc_id=row["doc_id"],
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=row["published"],
    )


def _fingerprint(schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Executor side of the fingerprint step: each document's id and duplicate fingerprint.

    Only the columns the id needs are turned into Python objects, and only the document's place,
    its problem and the fingerprint go out: the texts stay in the task's partition.
    """
    import pyarrow as pa

    for batch in batches:
        keys: list[str | None] = []
        digests: list[bytes | None] = []
        shingles: list[bytes | None] = []
        bands: list[list[bytes] | None] = []
        for row in batch.select(list(_ID_FIELDS)).to_pylist():
            if row["problem"] is not None:
                keys.append(None)
                digests.append(None)
                shingles.append(None)
                bands.append(None)
                continue
            document = _raw_document(row)
            normalized = normalize(document.text)
            found = fingerprint(normalized.text)
            keys.append(document_id(document, normalized))
            digests.append(found.digest)
            shingles.append(None if found.shingles is None else found.shingles.tobytes())
            bands.append(list(found.bands))
        columns = [batch.column(name) for name in (*_PLACE, "problem")]
        columns += [pa.array(values) for values in (keys, digests, shingles)]
        columns.append(pa.array(bands, type=schema.field("bands").type))
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


def _order(schema: pa.Schema, dedupe: bool, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Executor side of the order step (one task, input order): numbers, and duplicates as locally.

    It gets each document's place, problem and fingerprint, no text, and gives back the place with
    the document's number, the id of the document it repeats, if any, and its own id.
    """
    import pyarrow as pa

    deduplicator = Deduplicator(window=DEDUPE_WINDOW) if dedupe else None
    seq = 0
    for batch in batches:
        numbers = list(range(seq, seq + batch.num_rows))
        seq += batch.num_rows
        duplicates: list[str | None] = [None] * batch.num_rows
        if deduplicator is not None:
            found = batch.select(["problem", "key", "digest", "shingles", "bands"]).to_pylist()
            for index, row in enumerate(found):
                if row["problem"] is None:
                    shingles = (
                        None if row["shingles"] is None else np.frombuffer(row["shingles"], dtype=np.uint32)
                    )
                    fingerprinted = Fingerprint(row["digest"], shingles, tuple(row["bands"]))
                    duplicates[index] = deduplicator.decide(row["key"], fingerprinted)
        columns = [batch.column(name) for name in _PLACE]
        columns += [pa.array(numbers, type=pa.int64()), pa.array(duplicates, type=pa.string())]
        columns.append(batch.column("key") if dedupe else pa.nulls(batch.num_rows, type=pa.string()))
        yield pa.RecordBatch.from_arrays(columns, schema=schema)


def _code(schema: pa.Schema, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Executor side of the code step: the pipeline on each document, problems passed through."""
    for batch in batches:
        coded = []
        for row in batch.to_pylist():
            if row["problem"] is not None:
                result: dict | ReadProblem = ReadProblem(row["path"], row["problem"])
            else:
                result = code_task(Decided(_raw_document(row), row["duplicate_of"], row["key"]))
            if isinstance(result, ReadProblem):
                coded.append({"seq": row["seq"], "source": {"path": result.where}, "problem": result.message})
            else:
                coded.append({**result, "seq": row["seq"], "problem": None})
        yield _batch(coded, schema)


def _batch(rows: list[dict], schema: pa.Schema) -> pa.RecordBatch:
    import pyarrow as pa

    return pa.RecordBatch.from_pylist(rows, schema=schema)


def _schema(fields: Iterable[tuple[str, str]]) -> StructType:
    """The Spark type of a row of ``fields`` (a session must be running: the JVM parses the DDL)."""
    return _parsed(_ddl(fields))


@functools.cache
def _parsed(ddl: str) -> StructType:
    """Parsed once per process: each parse is a round trip to the JVM (0.1 s, 0.5 s a job)."""
    from pyspark.sql.types import StructType, _parse_datatype_string

    schema = _parse_datatype_string(ddl)
    assert isinstance(schema, StructType)
    return schema


def _arrow(schema: StructType) -> pa.Schema:
    from pyspark.sql.pandas.types import to_arrow_schema

    return to_arrow_schema(schema)


def _join(folder: str, name: str) -> str:
    return folder.rstrip("/") + "/" + name


def read_records(output: str | Path) -> list[dict]:
    """The document records of a Spark run in a local folder, rebuilt from its tables in input order.

    Read with pyarrow, without Spark: for checking a run and for small outputs.
    """
    import pyarrow.parquet as pq

    events: dict[int, list[dict]] = {}
    for event in sorted(pq.read_table(Path(output) / "events").to_pylist(), key=_event_order):
        events.setdefault(event["doc_seq"], []).append({name: event[name] for name, _ in EVENT_FIELDS})
    records = []
    for document in sorted(pq.read_table(Path(output) / "documents").to_pylist(), key=lambda row: row["seq"]):
        record = {name: document[name] for name, _ in DOCUMENT_FIELDS if name != "warnings"}
        record["events"] = events.get(document["seq"], [])
        if document["warnings"] is not None:
            record["warnings"] = document["warnings"]
        records.append(record)
    return records


def _event_order(event: dict) -> tuple[int, int]:
    return event["doc_seq"], event["index"]


def add_arguments(parser: argparse.ArgumentParser, master: bool = True) -> None:
    """The options of ``rasad spark`` (``spark-submit`` sets the master itself)."""
    parser.add_argument(
        "--input", nargs="+", required=True, metavar="PATH", help="files or folders, any Hadoop path"
    )
    parser.add_argument(
        "--output", required=True, metavar="DIR", help="folder for the Parquet tables (must not exist)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="auto", help="input format (default: by extension)"
    )
    if master:
        parser.add_argument("--master", default="local[*]", help="Spark master URL (default: %(default)s)")
    parser.add_argument(
        "--partitions", type=int, metavar="N", help=f"coding tasks (default: {TASKS_PER_CORE} per core)"
    )
    parser.add_argument("--keep-duplicates", action="store_true", help="code near-duplicate documents again")
    parser.add_argument(
        "--max-doc-bytes", type=int, default=ReadLimits().max_document_bytes, metavar="N",
        help="skip (and report) documents larger than this (default: %(default)s)",
    )  # fmt: skip


def add_parsers(commands: argparse._SubParsersAction) -> None:
    """Register ``rasad spark``."""
    parser = commands.add_parser(
        "spark",
        help="code documents on Apache Spark into Parquet tables (needs rasad[spark] and Java 17)",
        description="Read JSON Lines, text, HTML, WARC or Parquet from local or Hadoop paths, code them "
        "with the same pipeline as 'rasad code', and write Parquet tables documents/, events/ and "
        "problems/ under DIR.",
    )
    add_arguments(parser)
    parser.set_defaults(func=cmd_spark)


def cmd_spark(args: argparse.Namespace) -> int:
    """Run the Spark job with a one-line error for each way it cannot start."""
    if args.partitions is not None and args.partitions < 1:
        print("rasad: --partitions must be at least 1", file=sys.stderr)
        return 2
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("rasad: Spark support is not installed: pip install 'rasad[spark]'", file=sys.stderr)
        return 2
    try:
        spark = spark_session(getattr(args, "master", None))
    except Exception as error:  # Java missing or the master unreachable: say so in one line
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        print(f"rasad: cannot start Spark (Java 17 or later is needed): {reason}", file=sys.stderr)
        return 2
    try:
        summary = code_to_parquet(
            spark,
            args.input,
            args.output,
            input_format=args.format,
            partitions=args.partitions,
            dedupe=not args.keep_duplicates,
            limits=ReadLimits(max_document_bytes=args.max_doc_bytes),
        )
    except SparkInputError as error:
        print(f"rasad: {error}", file=sys.stderr)
        return 2
    except Exception as error:
        from pyspark.errors import AnalysisException

        if not isinstance(error, AnalysisException):
            raise
        print(f"rasad: {str(error).strip().splitlines()[0]}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(summary, file=sys.stderr)
    return 1 if summary.problems else 0


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit`` entry: the options of ``rasad spark`` without ``--master``."""
    parser = argparse.ArgumentParser(prog="rasad-spark-job", description=__doc__.splitlines()[0])
    add_arguments(parser, master=False)
    return cmd_spark(parser.parse_args(argv))
