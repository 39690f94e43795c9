"""One place that validates every data file an analyst edits (``rasad check``)."""

from __future__ import annotations

from rasad.actors.dictionary import validate_dictionaries
from rasad.dates.tables import validate_month_tables
from rasad.events.lexicon import validate_lexicon
from rasad.text.boilerplate import load_patterns


def check_all() -> list[str]:
    """Problems found in the packaged data files, each prefixed with the file it is in."""
    problems = [f"dates/data/months.yaml: {problem}" for problem in validate_month_tables()]
    try:
        load_patterns()
    except ValueError as error:
        problems.append(f"text/data/boilerplate.yaml: {error}")
    problems += [f"actors/data/{problem}" for problem in validate_dictionaries()]
    problems += [f"events/data/{problem}" for problem in validate_lexicon()]
    return problems
