"""Matching citations of norms (pure, no database).

Citations are written as "§ 35a VwVfG", "§ 35 Abs. 1 SGB X", "Art. 22 DSGVO": sign,
number, subdivisions, then the law's abbreviation. A search for "§ 35 SGB X" must find
"§ 35 Abs. 1 Satz 3 SGB X", whatever the spacing, "Art."/"Artikel" and case.
"""

import re
from dataclasses import dataclass

# Words that introduce a subdivision of a norm; the token after each is its number.
_SUBDIVISIONS = {
    "abs", "absatz", "satz", "s", "nr", "nummer", "lit", "buchst", "buchstabe",
    "uabs", "unterabs", "unterabsatz", "hs", "halbsatz", "alt", "alternative", "var",
}  # fmt: skip
_SIGNS = {"§": "§", "§§": "§", "art": "art", "artikel": "art", "arts": "art", "paragraph": "§"}
_TOKEN = re.compile(r"§+|[^\s§.,;()]+")


@dataclass(frozen=True)
class Norm:
    sign: str  # "§" or "art"
    number: str  # "35a"
    subdivisions: tuple[str, ...]  # ("abs", "1", "satz", "3")
    law: str  # "sgbx"


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text.casefold()).replace(".", "")


def norm_parse(text: str) -> Norm | None:
    """The parts of a single norm citation, or None for anything else (judgments, ranges)."""
    tokens = [t.casefold() for t in _TOKEN.findall(text.replace("\u00a0", " "))]
    if len(tokens) < 3 or tokens[0] not in _SIGNS or not re.fullmatch(r"\d+[a-z]?", tokens[1]):
        return None
    sign, number, rest = _SIGNS[tokens[0]], tokens[1], tokens[2:]
    subdivisions: list[str] = []
    position = 0
    while position < len(rest) and rest[position] in _SUBDIVISIONS:
        if position + 1 >= len(rest):
            return None
        subdivisions += [rest[position], rest[position + 1]]
        position += 2
    law = "".join(rest[position:])
    if not law:
        return None
    return Norm(sign, number, tuple(subdivisions), law)


def norm_matches(query: str, citation: str) -> bool:
    """Whether ``citation`` cites the norm ``query`` names (or a subdivision of it).

    Anything that is not a single norm (a judgment's file number, "§§ 14, 15 WoGG") is
    compared as text without spaces, dots and case.
    """
    wanted, cited = norm_parse(query), norm_parse(citation)
    if wanted is not None and cited is not None:
        return (
            wanted.sign == cited.sign
            and wanted.number == cited.number
            and wanted.law == cited.law
            and cited.subdivisions[: len(wanted.subdivisions)] == wanted.subdivisions
        )
    needle = _normalise(query)
    return bool(needle) and needle in _normalise(citation)
