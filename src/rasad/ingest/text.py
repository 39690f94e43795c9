"""Plain text: encoding detection and the binary/empty checks every decoded document goes through."""

from __future__ import annotations

import codecs
import re
from collections import Counter

import charset_normalizer

from rasad.document import RawDocument, ReadProblem
from rasad.ingest._common import normalise_newlines

# Magic numbers of files that turn up in news dumps but hold no readable text.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!\x1a\x07", "rar archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x1aE\xdf\xa3", "Matroska/WebM media"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# A text is binary when more than this share of its characters are control characters.
_MAX_CONTROL_SHARE = 0.01
# UTF-8 with a few bad bytes (a cut multi-byte character) is still UTF-8, not a legacy code page.
_MAX_UTF8_ERROR_SHARE = 0.05
# Share of letters that must be Arabic script before undecodable bytes are read as windows-1256.
_MIN_ARABIC_SHARE = 0.6
_SNIFF_BYTES = 4096
# Encoding decisions look at this much of a document: enough to judge, cheap on 20 MB files.
_SAMPLE_BYTES = 65_536
_ASCII = bytes(range(128))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # C0/C1 controls except \t \n \v \f \r
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


class NotText(ValueError):
    """The bytes of a document are binary, empty, or in no encoding we can find."""


def binary_kind(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` starts like, or None when no magic number matches."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[:2] == b"\x00\x00" and data[4:8] == b"ftyp":  # a small big-endian box size, then ftyp
        return "MP4/QuickTime media"
    return None


def _utf16_by_nuls(data: bytes) -> str | None:
    """Spot BOM-less UTF-16: one byte of each pair (the high byte) takes only a few values.

    ASCII in UTF-16 LE has NUL at every odd offset; Arabic and Persian have 0x06 there, with
    0x00 for spaces and digits and 0x20 for ZWNJ. Binary data spreads over all values.
    """
    sample = data[: _SNIFF_BYTES - _SNIFF_BYTES % 2]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, low, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        top_two = sum(count for _, count in Counter(high).most_common(2))
        if high.count(0) >= pairs * 0.05 and top_two >= pairs * 0.9 and low.count(0) <= pairs * 0.01:
            return codec
    return None


def _is_mostly_arabic(text: str) -> bool:
    """True when most letters of ``text`` are Arabic script (Arabic, Persian, Urdu)."""
    letters = len(_LETTER.findall(text))
    arabic = sum(1 for c in _ARABIC_LETTER.findall(text) if c.isalpha())
    return letters > 0 and arabic >= letters * _MIN_ARABIC_SHARE


def _legacy(data: bytes, declared: str | None) -> str | None:
    """Decode bytes that are not Unicode: a declared charset, else windows-1256, else a detector's guess.

    charset-normalizer mistakes windows-1256 for other code pages (and finds nothing at all for
    Persian), so windows-1256 wins whenever it turns the bytes into mostly Arabic-script letters.
    """
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    if _is_mostly_arabic(data[:_SAMPLE_BYTES].decode("cp1256")):  # cp1256 maps every byte
        return data.decode("cp1256")
    best = charset_normalizer.from_bytes(data).best()
    return str(best) if best is not None else None


def _utf8(data: bytes) -> str | None:
    """UTF-8 text, allowing a few broken sequences; None when the bytes are another encoding."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    sample = data[:_SAMPLE_BYTES]
    errors = sample.decode("utf-8", errors="replace").count("\ufffd")
    if errors > len(sample.translate(None, _ASCII)) * _MAX_UTF8_ERROR_SHARE:
        return None
    return data.decode("utf-8", errors="replace")


def _unicode(data: bytes, declared: str | None) -> str | None:
    """Decode by BOM, by UTF-16 byte pattern, as UTF-8, then as a legacy code page."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    utf16 = _utf16_by_nuls(data)
    if utf16:
        return data[: len(data) - len(data) % 2].decode(utf16, errors="replace")
    text = _utf8(data)
    if text is not None:
        return text  # a stray NUL in UTF-8 is judged with the other control characters
    if b"\x00" in data:
        raise NotText("binary file (NUL bytes), skipped")
    return _legacy(data, declared)


def decode(data: bytes, declared: str | None = None) -> str:
    """Turn the bytes of one document into text with newlines normalised.

    ``declared`` is a charset the container named (HTTP header, ``<meta charset>``). It is
    trusted only when the bytes are not valid UTF-8: pages declaring Latin-1 while sending
    UTF-8 are common, the reverse is impossible.
    Raises NotText, with the message for the ReadProblem, for binary, empty or undecodable bytes.
    """
    kind = binary_kind(data)
    if kind:
        raise NotText(f"binary file ({kind}), skipped")
    text = _unicode(data, declared)
    if text is None:
        raise NotText("binary file (no text encoding fits), skipped")
    if not text.strip():
        raise NotText("empty document, skipped")
    if len(_CONTROL.findall(text)) > len(text) * _MAX_CONTROL_SHARE:
        raise NotText("binary file (control characters), skipped")
    return normalise_newlines(text)


def read_text(data: bytes, where: str) -> RawDocument | ReadProblem:
    """One plain-text document; the pipeline derives its title."""
    try:
        return RawDocument(text=decode(data), path=where)
    except NotText as err:
        return ReadProblem(where, str(err))
