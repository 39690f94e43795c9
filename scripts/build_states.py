#!/usr/bin/env python3
"""Regenerate src/rasad/actors/data/states.tsv from CLDR (via babel) and ISO 3166 (via pycountry).

Dev-time only: babel and pycountry are not runtime dependencies of rasad.

    pip install babel pycountry
    python scripts/build_states.py            # rewrite states.tsv
    python scripts/build_states.py --check    # exit 1 if states.tsv is out of date

What it writes: one row per UN member state, per UN observer state (Palestine, the Holy See) and
per territory that the press codes as an actor (Kosovo, Taiwan, Western Sahara, Hong Kong), with
the CLDR short names in English, Arabic and Persian, plus the ISO 3166 English names.
The adjective columns are left empty here.

Hand-made press variants and adjectives live in states_press.tsv, which this script never
touches; the actor loader merges the two files (union of the values, cell by cell). So re-running
this script after a babel/CLDR upgrade never loses an analyst's edits.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from babel import Locale
import pycountry

DATA_DIR = Path(__file__).resolve().parent.parent / "src" / "rasad" / "actors" / "data"
OUT = DATA_DIR / "states.tsv"
SEP = " | "
COLUMNS = ["iso3", "kind", "en", "ar", "fa", "en_adj", "ar_adj", "fa_adj"]

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()

# Non-member observer states of the General Assembly.
UN_OBSERVERS = ["PSE", "VAT"]

# Territories that the press treats as actors in their own right.
TERRITORIES = ["XKX", "TWN", "ESH", "HKG"]

# Codes that pycountry cannot map (Kosovo has a user-assigned code, XK / XKX).
ALPHA2_OVERRIDES = {"XKX": "XK"}

# Mechanical clean-up of CLDR strings that are descriptions rather than names.
# Each entry: (language, iso3) -> names to use instead of the CLDR string.
CLDR_REPLACE = {
    ("en", "HKG"): ["Hong Kong"],
    ("ar", "HKG"): ["هونغ كونغ"],
    ("fa", "HKG"): ["هنگ‌کنگ"],
    ("en", "PSE"): ["Palestine"],
    ("ar", "PSE"): ["فلسطين"],
    ("fa", "PSE"): ["فلسطین"],
    ("en", "COD"): ["Democratic Republic of the Congo"],
    ("ar", "COD"): ["جمهورية الكونغو الديمقراطية"],
    ("fa", "COD"): ["جمهوری دموکراتیک کنگو"],
    ("en", "COG"): ["Republic of the Congo"],
    ("ar", "COG"): ["جمهورية الكونغو"],
    ("fa", "COG"): ["جمهوری کنگو"],
}

# CLDR / ISO 3166 names left out because, standing alone, they are also an everyday word or
# another actor's name. Unambiguous longer forms ("جمهورية مالي", "جمهوری چک") are in
# states_press.tsv instead.
SKIP_NAMES = {
    ("en", "COG"): {"Congo"},  # both COD and COG
    ("ar", "MLI"): {"مالي"},  # also "financial"
    ("fa", "MLI"): {"مالی"},  # also "financial"
    ("ar", "BEN"): {"بنين"},  # also "boys" (مدرسة بنين)
    ("fa", "CZE"): {"چک"},  # also "cheque"
    ("fa", "MUS"): {"موریس"},  # also the given name Maurice / Morris
    ("fa", "GHA"): {"غنا"},  # also "singing"
}

BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
PAREN = re.compile(r"^(.*?)\s*\((.*)\)\s*$")


def clean(name: str) -> list[str]:
    """Split 'Myanmar (Burma)' into two names; strip bidi marks and curly apostrophes."""
    name = BIDI.sub("", name).replace("\u2019", "'").strip()
    if name.startswith("the "):
        name = name[4:]
    match = PAREN.match(name)
    if match:
        return [part.strip() for part in match.groups() if part.strip()]
    return [name]


def dedupe(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen


def alpha2(iso3: str) -> str:
    if iso3 in ALPHA2_OVERRIDES:
        return ALPHA2_OVERRIDES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise SystemExit(f"pycountry does not know {iso3}")
    return country.alpha_2


def iso_english(iso3: str) -> list[str]:
    """ISO 3166 names from pycountry; inverted 'Korea, Republic of' forms are skipped."""
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = [getattr(country, attr, "") for attr in ("common_name", "name", "official_name")]
    out: list[str] = []
    for name in names:
        if name and "," not in name:
            out.extend(clean(name))
    return out


def build_rows() -> list[dict[str, str]]:
    if len(set(UN_MEMBERS)) != 193:
        raise SystemExit(f"UN_MEMBERS has {len(set(UN_MEMBERS))} codes, expected 193")
    locales = {lang: Locale(lang).territories for lang in ("en", "ar", "fa")}
    rows = []
    codes = [(c, "state") for c in UN_MEMBERS + UN_OBSERVERS] + [(c, "territory") for c in TERRITORIES]
    for iso3, kind in sorted(codes):
        a2 = alpha2(iso3)
        row = {column: "" for column in COLUMNS}
        row["iso3"], row["kind"] = iso3, kind
        for lang, names in locales.items():
            if (lang, iso3) in CLDR_REPLACE:
                values = list(CLDR_REPLACE[(lang, iso3)])
            else:
                values = clean(names[a2])
            if lang == "en":
                values += iso_english(iso3)
            skip = SKIP_NAMES.get((lang, iso3), set())
            row[lang] = SEP.join(v for v in dedupe(values) if v not in skip)
        rows.append(row)
    return rows


HEADER = """\
# states.tsv: GENERATED by scripts/build_states.py from CLDR (babel) and ISO 3166 (pycountry).
# Do NOT edit by hand: your edits would be lost the next time the script runs.
# Put press spellings, extra variants and adjectives in states_press.tsv (same columns);
# the loader merges the two files cell by cell (union of the values).
# Columns: iso3, kind (state | territory), en, ar, fa, en_adj, ar_adj, fa_adj.
# Several values in one cell are separated by " | " (space, pipe, space).
"""


def render(rows: list[dict[str, str]]) -> str:
    lines = [HEADER.rstrip("\n"), "\t".join(COLUMNS)]
    for row in rows:
        cells = [row[column] for column in COLUMNS]
        for cell in cells:
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"bad character in {row['iso3']}: {cell!r}")
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="only report whether the file is current")
    args = parser.parse_args(argv)
    text = render(build_rows())
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != text:
            print(f"{args.out} is out of date; run scripts/build_states.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {len(text.splitlines()) - HEADER.count(chr(10)) - 1} rows to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
