"""Persian (U+06F0..) and Arabic-Indic (U+0660..) digits to ASCII, one character for one."""

from __future__ import annotations

_DIGITS = {ord(c): str(i) for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹")}
_DIGITS.update({ord(c): str(i) for i, c in enumerate("٠١٢٣٤٥٦٧٨٩")})


def ascii_digits(text: str) -> str:
    """Return ``text`` with Eastern digits as ASCII; length and offsets are unchanged."""
    return text.translate(_DIGITS)
