"""Feedback on a learner's German explanation of a decision: what a machine can check.

Content checks (the rubric): does the text name the outcome, the legal basis, the
deciding facts of this case, the remedy (Rechtsbehelf) with its deadline, and whom to
contact? They look for words and numbers, not for meaning: a text can pass and still be
wrong, which is why the model answer and a trainer's review follow. Each check says
what it looked for.

Plain-language measures: sentence length, long words, passive voice, nominal style and
the first Vienna non-fiction formula (Erste Wiener Sachtextformel, Bamberger/Vanecek
1984), a readability index made for German texts that estimates a school grade.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from courses.simulator.evaluate import Decision
from courses.simulator.rules import RuleSet, format_value

WORD = re.compile(r"[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*")
SENTENCE_END = re.compile(r"(?<![0-9§])[.!?]+(?=\s|$)")
PARAGRAPH = re.compile(r"§+\s*(\d+[a-z]?)")
LAW = re.compile(r"\b([A-Z][A-Za-z]*[A-Z][A-Za-z]*|SGB\s+[IVX]+|BGB|GG)\b")
REMEDY = re.compile(r"\b(Widerspruch|Klage|Einspruch|Rechtsbehelf\w*|Rechtsmittel\w*)", re.I)
DEADLINE = re.compile(
    r"\b(innerhalb\s+(?:von\s+)?(?:eine[mns]?|zwei|drei|vier|\d+)\s+(?:Monat|Woche|Tag)\w*"
    r"|(?:ein(?:en|em)?|\d+)\s+Monat\w*\s+nach"
    r"|Frist\w*|bis\s+(?:zum\s+)?\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4})",
    re.I,
)
CONTACT = re.compile(
    r"(\b\d[\d /-]{5,}\d\b|[\w.+-]+@[\w-]+\.[\w.-]+|\b(?:Telefon|Tel\.|E-Mail|Sprechzeit\w*"
    r"|Ansprechpart\w*|erreichen\s+Sie|wenden\s+Sie\s+sich|Zimmer|Bürgerbüro|Servicestelle)\b)",
    re.I,
)
WERDEN = re.compile(
    r"\b(werde|wirst|wird|werden|werdet|wurde|wurdest|wurden|wurdet|worden)\b", re.I
)
PARTICIPLE = re.compile(
    r"\b(?:[a-zäöüß]*ge[a-zäöüß]{2,}(?:t|en)|[a-zäöüß]{3,}iert|(?:be|ver|er|ent|zer|über)"
    r"[a-zäöüß]{2,}(?:t|en))\b"
)
NOMINAL = re.compile(r"\w{3,}(ung|heit|keit|ion|ität|nis|ismus)(en)?\b", re.I)
VOWELS = re.compile(r"[aeiouyäöü]+", re.I)
STOP = {"der", "die", "das", "und", "oder", "nicht", "wird", "werden", "ihr", "ihre", "ihren"}

# Thresholds for plain administrative German (Leichte/Einfache Sprache guidance: short
# sentences, few long words). Measures above them are flagged, never scored.
MAX_SENTENCE_WORDS = 20
LONG_WORD_SYLLABLES = 4
MAX_LONG_WORD_SHARE = Decimal("0.20")
MAX_PASSIVE_SHARE = Decimal("0.30")
MAX_NOMINAL_SHARE = Decimal("0.10")
MAX_WSTF_GRADE = Decimal(10)

RUBRIC_CHECKS = ("outcome", "legal_basis", "facts", "remedy", "contact")


@dataclass(frozen=True)
class Check:
    key: str
    passed: bool
    title: str
    detail: str  # what was found or missing
    explanation: str  # what the check looks for, and its limits


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    value: str
    ok: bool
    explanation: str


@dataclass(frozen=True)
class Feedback:
    checks: tuple[Check, ...]
    measures: tuple[Measure, ...]
    score: int
    maximum: int
    minimum: int

    @property
    def passed(self) -> bool:
        return self.score >= self.minimum


def _stem(word: str) -> str:
    word = word.lower()
    return word[:6] if len(word) > 6 else word


def _mentions_words(text: str, words) -> list[str]:
    lowered = text.lower()
    found = []
    for word in words:
        if word and _stem(word) in lowered:
            found.append(word)
    return found


def _outcome_words(decision: Decision) -> list[str]:
    rule = decision.rule
    if rule is not None and rule.keywords:
        return list(rule.keywords)
    text = decision.outcome if not decision.refer else "Prüfung Sachbearbeitung"
    return [w for w in WORD.findall(text) if len(w) > 4 and w.lower() not in STOP]


def check_outcome(text: str, decision: Decision) -> Check:
    words = _outcome_words(decision)
    if decision.rule is not None and decision.rule.keywords:
        hits = _mentions_words(text, words)
        passed = bool(hits)
    else:
        hits = _mentions_words(text, words)
        passed = bool(words) and len(hits) * 2 >= len(words)
    return Check(
        "outcome",
        passed,
        "Ergebnis genannt",
        ("Gefunden: " + ", ".join(hits)) if passed else "Nicht gefunden: " + ", ".join(words),
        "Sucht die Schlüsselwörter des Ergebnisses (z. B. „abgelehnt“, „bewilligt“). "
        "Ob das Ergebnis richtig wiedergegeben ist, prüft die Maschine nicht.",
    )


def _citations(legal_basis: str) -> tuple[set[str], set[str]]:
    paragraphs = set(PARAGRAPH.findall(legal_basis))
    laws = {re.sub(r"\s+", " ", law) for law in LAW.findall(legal_basis)}
    return paragraphs, laws


def check_legal_basis(text: str, decision: Decision) -> Check:
    paragraphs, laws = _citations(decision.legal_basis)
    if not paragraphs and not laws:
        return Check(
            "legal_basis",
            True,
            "Rechtsgrundlage genannt",
            "Für dieses Ergebnis ist keine Rechtsgrundlage hinterlegt.",
            "Nichts zu prüfen.",
        )
    found_paragraphs = paragraphs & set(PARAGRAPH.findall(text))
    found_laws = {law for law in laws if law.lower() in re.sub(r"\s+", " ", text).lower()}
    passed = bool(found_paragraphs) and (not laws or bool(found_laws))
    wanted = decision.legal_basis
    return Check(
        "legal_basis",
        passed,
        "Rechtsgrundlage genannt",
        f"Gefunden: § {', § '.join(sorted(found_paragraphs))} {' '.join(sorted(found_laws))}"
        if passed
        else f"Erwartet wird eine Vorschrift aus: {wanted}",
        "Sucht eine Paragrafennummer und die Abkürzung des Gesetzes aus der Rechtsgrundlage "
        "der Regel (z. B. „§ 7 WoGG“). Ob die Vorschrift zutreffend erklärt wird, prüft die "
        "Maschine nicht.",
    )


def _value_forms(spec, value) -> list[str]:
    shown = format_value(spec, value)
    forms = [shown]
    if spec.kind in ("number", "money"):
        number = Decimal(value)
        forms.append(shown.split(" ")[0])
        if number == number.to_integral_value():
            forms.append(str(int(number)))
            forms.append(shown.split(",")[0] if spec.kind == "money" else shown.split(" ")[0])
    return [f for f in forms if f]


def check_facts(text: str, ruleset: RuleSet, decision: Decision) -> Check:
    missing, present = [], []
    lowered = text.lower()
    for key in decision.facts:
        spec = ruleset.spec(key)
        value = decision.values[key]
        if spec.kind in ("number", "money", "date"):
            ok = any(form.lower() in lowered for form in _value_forms(spec, value))
        else:
            label_words = [w for w in WORD.findall(spec.label) if len(w) > 4]
            ok = bool(_mentions_words(text, label_words)) or (
                spec.kind == "choice" and spec.choice_label(value).lower() in lowered
            )
        (present if ok else missing).append(spec.label)
    passed = not missing
    return Check(
        "facts",
        passed,
        "Entscheidende Tatsachen dieses Falls",
        "Alle genannt: " + ", ".join(present) if passed else "Es fehlen: " + ", ".join(missing),
        "Die Regel hat für diesen Fall die genannten Angaben geprüft. Zahlen, Beträge und "
        "Daten müssen mit ihrem Wert im Text stehen, Auswahl- und Ja/Nein-Angaben mit ihrer "
        "Bezeichnung oder ihrem Wert.",
    )


def check_remedy(text: str) -> Check:
    remedy = REMEDY.search(text)
    deadline = DEADLINE.search(text)
    passed = bool(remedy and deadline)
    parts = []
    parts.append(f"Rechtsbehelf: „{remedy.group(0)}“" if remedy else "kein Rechtsbehelf")
    parts.append(f"Frist: „{deadline.group(0)}“" if deadline else "keine Frist")
    return Check(
        "remedy",
        passed,
        "Rechtsbehelf und Frist",
        "; ".join(parts),
        "Sucht einen Rechtsbehelf (Widerspruch, Klage, Einspruch) und eine Frist (z. B. "
        "„innerhalb eines Monats“). Ob es der richtige Rechtsbehelf ist, prüft die Maschine "
        "nicht.",
    )


def check_contact(text: str) -> Check:
    contact = CONTACT.search(text)
    return Check(
        "contact",
        bool(contact),
        "Ansprechpartner",
        f"Gefunden: „{contact.group(0)}“" if contact else "Keine Kontaktangabe gefunden.",
        "Sucht eine Telefonnummer, eine E-Mail-Adresse oder einen Hinweis wie „wenden Sie "
        "sich an“. Ob die Stelle zuständig ist, prüft die Maschine nicht.",
    )


def _sentences(text: str) -> list[str]:
    parts = [p.strip() for p in SENTENCE_END.split(text) if p and p.strip()]
    return [p for p in parts if WORD.search(p)]


def syllables(word: str) -> int:
    """Vowel groups as syllables (ei, au, eu, ie count once): an estimate for German."""
    return max(1, len(VOWELS.findall(word)))


def measures(text: str) -> tuple[Measure, ...]:
    sentences = _sentences(text)
    words = WORD.findall(text)
    if not words or not sentences:
        return ()
    count = Decimal(len(words))
    per_sentence = count / len(sentences)
    syllable_counts = [syllables(w) for w in words]
    long_share = Decimal(sum(1 for s in syllable_counts if s >= LONG_WORD_SYLLABLES)) / count
    passive = sum(1 for s in sentences if WERDEN.search(s) and PARTICIPLE.search(s))
    passive_share = Decimal(passive) / len(sentences)
    nominal_share = Decimal(sum(1 for w in words if NOMINAL.fullmatch(w))) / count
    # Erste Wiener Sachtextformel: MS = % words of 3+ syllables, SL = mean sentence length,
    # IW = % words longer than 6 letters, ES = % one-syllable words.
    ms = Decimal(100) * sum(1 for s in syllable_counts if s >= 3) / count
    iw = Decimal(100) * sum(1 for w in words if len(w) > 6) / count
    es = Decimal(100) * sum(1 for s in syllable_counts if s == 1) / count
    grade = (
        Decimal("0.1935") * ms
        + Decimal("0.1672") * per_sentence
        + Decimal("0.1297") * iw
        - Decimal("0.0327") * es
        - Decimal("0.875")
    )
    longest = max(len(WORD.findall(s)) for s in sentences)
    return (
        Measure(
            "sentence_length",
            "Satzlänge",
            f"{per_sentence:.1f} Wörter je Satz (längster Satz: {longest})",
            per_sentence <= MAX_SENTENCE_WORDS,
            f"Sätze mit mehr als {MAX_SENTENCE_WORDS} Wörtern sind schwer zu erfassen. Ein "
            "Gedanke je Satz hilft.",
        ),
        Measure(
            "long_words",
            "Lange Wörter",
            f"{long_share * 100:.0f} % der Wörter mit {LONG_WORD_SYLLABLES} oder mehr Silben",
            long_share <= MAX_LONG_WORD_SHARE,
            "Lange Zusammensetzungen („Einkommensermittlung“) lassen sich oft auflösen "
            "(„wie wir Ihr Einkommen berechnet haben“). Silben werden geschätzt.",
        ),
        Measure(
            "passive",
            "Passiv",
            f"{passive} von {len(sentences)} Sätzen im Passiv",
            passive_share <= MAX_PASSIVE_SHARE,
            "Passivsätze („Der Antrag wird abgelehnt“) verschweigen, wer handelt. Schreiben "
            "Sie „Wir lehnen Ihren Antrag ab“. Erkannt wird „werden“ mit einem Partizip; "
            "das ist eine Schätzung.",
        ),
        Measure(
            "nominal",
            "Nominalstil",
            f"{nominal_share * 100:.0f} % Substantive auf -ung, -heit, -keit, -ion, -ität",
            nominal_share <= MAX_NOMINAL_SHARE,
            "Viele solcher Substantive machen einen Text abstrakt („nach erfolgter Prüfung“). "
            "Verben sind klarer („nachdem wir geprüft haben“).",
        ),
        Measure(
            "wstf",
            "Lesbarkeit (Wiener Sachtextformel)",
            f"Schulstufe {grade:.1f}",
            grade <= MAX_WSTF_GRADE,
            "Die Erste Wiener Sachtextformel schätzt aus Wort- und Satzlängen die Schulstufe, "
            f"ab der ein deutscher Sachtext verständlich ist. Bis Stufe {MAX_WSTF_GRADE} gilt "
            "ein Bescheid als gut lesbar; die Formel misst nur die Form, nicht den Inhalt.",
        ),
    )


def assess(text: str, ruleset: RuleSet, decision: Decision, *, minimum: int) -> Feedback:
    """The rubric (five content checks, one point each) and the plain-language measures."""
    checks = (
        check_outcome(text, decision),
        check_legal_basis(text, decision),
        check_facts(text, ruleset, decision),
        check_remedy(text),
        check_contact(text),
    )
    return Feedback(
        checks=checks,
        measures=measures(text),
        score=sum(1 for check in checks if check.passed),
        maximum=len(checks),
        minimum=minimum,
    )
