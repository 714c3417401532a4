"""Decision simulators for the existing demo courses (appended to named lessons).

Each entry: the course slug, the lesson slug and the ``decision_simulator`` block value.
Legal bases checked on 4 December 2026:
- § 7 Abs. 1 WoGG (exclusion while Bürgergeld covers the housing costs) and § 21 Nr. 1
  WoGG (no claim when Wohngeld would be less than 10 euros a month); the plausibility
  check of Nr. 15.01 WoGVwV as applied since the federal ministry's note of 11 March 2020
  (income including Wohngeld below 80 % of the social-assistance standard need plus
  rent: the applicant is asked how they live);
- § 45 Abs. 1b Satz 1 Nr. 2a StVO (parking privileges for residents of an area with a
  shortage of parking space) and the VwV-StVO on it (main residence in the area, a
  vehicle the resident keeps or uses permanently, one permit per resident);
- § 12c Abs. 1 KAG Brandenburg (a municipality *may* defer a levy when collecting it on
  time would be a considerable hardship and the claim is not endangered): a
  discretionary decision, which § 35a VwVfG keeps from full automation.
"""

REMEDY = (
    "Gegen diesen Bescheid können Sie innerhalb eines Monats nach Bekanntgabe Widerspruch erheben."
)

WOHNGELD = {
    "title": "Wohngeld: Plausibilitätsprüfung vor dem Bescheid",
    "case": (
        "<p>Frau Brandt, 34 Jahre, beantragt für sich und ihre Tochter Wohngeld "
        "(Mietzuschuss). Das Fachverfahren hat das Wohngeld bereits berechnet. Bevor ein "
        "Bescheid ergeht, prüft es drei Dinge: ob der Haushalt Bürgergeld mit Kosten der "
        "Unterkunft bezieht, ob die Einnahmen einschließlich Wohngeld zum Leben reichen "
        "können (Kontrollwert: 80 % des Regelbedarfs plus Miete) und ob das berechnete "
        "Wohngeld mindestens 10 Euro beträgt.</p>"
    ),
    "inputs": [
        {
            "key": "buergergeld",
            "label": "Bürgergeld mit Kosten der Unterkunft bewilligt",
            "kind": "boolean",
            "start": "nein",
        },
        {
            "key": "deckung",
            "label": "Einnahmen einschließlich Wohngeld, gemessen am Kontrollwert",
            "kind": "number",
            "unit": "%",
            "minimum": "0",
            "maximum": "200",
            "step": "1",
            "start": "112",
        },
        {
            "key": "wohngeld",
            "label": "Berechnetes Wohngeld",
            "kind": "money",
            "unit": "€ monatlich",
            "minimum": "0",
            "maximum": "800",
            "step": "1",
            "start": "146",
        },
    ],
    "rules": [
        {
            "label": "Bürgergeld deckt die Unterkunftskosten",
            "match": "all",
            "conditions": [{"input": "buergergeld", "operator": "is_true"}],
            "outcome": "Ablehnung: vom Wohngeld ausgeschlossen",
            "legal_basis": "§ 7 Abs. 1 WoGG",
            "keywords": "abgelehnt, Ablehnung, ausgeschlossen",
        },
        {
            "label": "Einnahmen unter dem Kontrollwert",
            "match": "all",
            "conditions": [
                {"input": "buergergeld", "operator": "is_false"},
                {"input": "deckung", "operator": "lt", "value": "100"},
            ],
            "refer": True,
            "reason": (
                "Die Einnahmen reichen rechnerisch nicht zum Leben. Die Wohngeldstelle fragt "
                "nach, wie der Lebensunterhalt gedeckt wird (Nr. 15.01 WoGVwV, § 60 SGB I)."
            ),
            "legal_basis": "Nr. 15.01 WoGVwV; § 60 SGB I",
            "facts": "wohngeld",
        },
        {
            "label": "Wohngeld unter 10 Euro",
            "match": "all",
            "conditions": [
                {"input": "buergergeld", "operator": "is_false"},
                {"input": "deckung", "operator": "ge", "value": "100"},
                {"input": "wohngeld", "operator": "lt", "value": "10"},
            ],
            "outcome": "Ablehnung: Wohngeld unter 10 Euro",
            "legal_basis": "§ 21 Nr. 1 WoGG",
            "keywords": "abgelehnt, Ablehnung",
        },
        {
            "label": "Wohngeld wird bewilligt",
            "match": "all",
            "conditions": [
                {"input": "buergergeld", "operator": "is_false"},
                {"input": "deckung", "operator": "ge", "value": "100"},
                {"input": "wohngeld", "operator": "ge", "value": "10"},
            ],
            "outcome": "Bewilligung des berechneten Wohngeldes",
            "legal_basis": "§ 21 Nr. 1 WoGG (Mindestbetrag erreicht); § 7 Abs. 1 WoGG",
            "keywords": "bewilligt, Bewilligung, erhalten",
        },
    ],
    "task": "Schreiben Sie Frau Brandt, wie über ihren Antrag entschieden wird und warum.",
    "model_answer": (
        "<p>Sehr geehrte Frau Brandt,</p><p>Sie erhalten ab dem 1. Januar Wohngeld von 146 Euro "
        "im Monat. Wir haben geprüft, ob Sie Bürgergeld mit Kosten der Unterkunft bekommen. "
        "Das ist nicht der Fall. Deshalb sind Sie nach § 7 Abs. 1 WoGG nicht vom Wohngeld "
        "ausgeschlossen. Ihre Einnahmen mit dem Wohngeld liegen bei 112 Prozent unseres "
        "Kontrollwerts. Sie reichen also zum Leben. Das Wohngeld beträgt mehr als 10 Euro "
        "(§ 21 Nr. 1 WoGG).</p><p>Sind Sie nicht einverstanden? Dann können Sie innerhalb "
        "eines Monats nach Bekanntgabe Widerspruch einlegen. Fragen beantworten wir gern: "
        "Telefon 0331 289-2210, Sprechzeiten Dienstag und Donnerstag von 8 bis 12 Uhr.</p>"
    ),
    "rubric_minimum": 4,
    "evidence_rank": 3,
}

PARKING = {
    "title": "Bewohnerparkausweis: Herr Yilmaz beantragt einen Ausweis",
    "case": (
        "<p>Herr Yilmaz ist im Mai in die Lindenstraße gezogen. Die Straße liegt im "
        "Bewohnerparkgebiet „Altstadt Nord“. Er beantragt online einen Bewohnerparkausweis "
        "für seinen Pkw. Das Verfahren prüft die Angaben aus dem Melderegister und dem "
        "Fahrzeugregister.</p>"
    ),
    "inputs": [
        {
            "key": "hauptwohnsitz",
            "label": "Hauptwohnsitz im Bewohnerparkgebiet",
            "kind": "boolean",
            "start": "ja",
        },
        {
            "key": "fahrzeug",
            "label": "Beziehung zum Fahrzeug",
            "kind": "choice",
            "choices": "halter=Halter des Fahrzeugs, dauer=dauerhafte Nutzung (z. B. "
            "Dienstwagen), keine=keine Beziehung nachgewiesen",
            "start": "halter",
        },
        {
            "key": "ausweise",
            "label": "Bereits erteilte Bewohnerparkausweise",
            "kind": "number",
            "minimum": "0",
            "maximum": "3",
            "step": "1",
            "start": "0",
        },
    ],
    "rules": [
        {
            "label": "Kein Hauptwohnsitz im Gebiet",
            "match": "all",
            "conditions": [{"input": "hauptwohnsitz", "operator": "is_false"}],
            "outcome": "Ablehnung: kein Bewohner des Gebiets",
            "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
            "keywords": "abgelehnt, Ablehnung",
        },
        {
            "label": "Kein Fahrzeug nachgewiesen",
            "match": "all",
            "conditions": [
                {"input": "hauptwohnsitz", "operator": "is_true"},
                {"input": "fahrzeug", "operator": "eq", "value": "keine"},
            ],
            "outcome": "Ablehnung: kein Fahrzeug nachgewiesen",
            "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
            "keywords": "abgelehnt, Ablehnung",
        },
        {
            "label": "Schon ein Ausweis erteilt",
            "match": "all",
            "conditions": [
                {"input": "hauptwohnsitz", "operator": "is_true"},
                {"input": "fahrzeug", "operator": "in", "value": "halter, dauer"},
                {"input": "ausweise", "operator": "ge", "value": "1"},
            ],
            "outcome": "Ablehnung: nur ein Ausweis je Bewohner",
            "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
            "keywords": "abgelehnt, Ablehnung",
        },
        {
            "label": "Ausweis wird erteilt",
            "match": "all",
            "conditions": [
                {"input": "hauptwohnsitz", "operator": "is_true"},
                {"input": "fahrzeug", "operator": "in", "value": "halter, dauer"},
                {"input": "ausweise", "operator": "eq", "value": "0"},
            ],
            "outcome": "Erteilung des Bewohnerparkausweises",
            "legal_basis": "§ 45 Abs. 1b Satz 1 Nr. 2a StVO",
            "keywords": "erteilt, erhalten, Erteilung",
        },
    ],
    "task": "Schreiben Sie Herrn Yilmaz, wie über seinen Antrag entschieden ist.",
    "model_answer": (
        "<p>Sehr geehrter Herr Yilmaz,</p><p>Sie erhalten den Bewohnerparkausweis für das "
        "Gebiet „Altstadt Nord“. Sie wohnen mit Hauptwohnsitz in der Lindenstraße. Sie sind "
        "Halter des Fahrzeugs. Sie haben noch keinen Bewohnerparkausweis, also 0 Ausweise. "
        "Damit erfüllen Sie die Voraussetzungen nach § 45 Abs. 1b Satz 1 Nr. 2a StVO.</p>"
        "<p>Sind Sie mit einer Nebenbestimmung nicht einverstanden, können Sie innerhalb eines "
        "Monats nach Bekanntgabe Widerspruch erheben. Bei Fragen wenden Sie sich an das "
        "Bürgerbüro, Telefon 0341 123-4567.</p>"
    ),
    "rubric_minimum": 4,
    "evidence_rank": 3,
}

DEFERRAL = {
    "title": "Stundung einer Gebühr: Wann ein Mensch entscheiden muss",
    "case": (
        "<p>Herr Lange soll 1.850 Euro Straßenreinigungs- und Abfallgebühren für das Jahr "
        "nachzahlen. Er beantragt online, die Zahlung um sechs Monate zu stunden: Sein "
        "Betrieb habe nach einem Wasserschaden drei Monate schließen müssen. Das Verfahren "
        "prüft die Angaben des Antrags.</p>"
    ),
    "inputs": [
        {
            "key": "haerte",
            "label": "Erhebliche Härte dargelegt",
            "kind": "boolean",
            "start": "ja",
        },
        {
            "key": "gefaehrdet",
            "label": "Anspruch durch die Stundung gefährdet",
            "kind": "boolean",
            "start": "nein",
        },
        {
            "key": "betrag",
            "label": "Betrag",
            "kind": "money",
            "minimum": "0",
            "maximum": "10000",
            "step": "1",
            "start": "1850",
        },
    ],
    "rules": [
        {
            "label": "Keine erhebliche Härte dargelegt",
            "match": "all",
            "conditions": [{"input": "haerte", "operator": "is_false"}],
            "outcome": "Ablehnung der Stundung: keine erhebliche Härte",
            "legal_basis": "§ 12c Abs. 1 KAG BB",
            "keywords": "abgelehnt, Ablehnung, nicht gestundet",
        },
        {
            "label": "Anspruch wäre gefährdet",
            "match": "all",
            "conditions": [
                {"input": "haerte", "operator": "is_true"},
                {"input": "gefaehrdet", "operator": "is_true"},
            ],
            "outcome": "Ablehnung der Stundung: Anspruch gefährdet",
            "legal_basis": "§ 12c Abs. 1 KAG BB",
            "keywords": "abgelehnt, Ablehnung, nicht gestundet",
        },
        {
            "label": "Voraussetzungen erfüllt: Ermessen",
            "match": "all",
            "conditions": [
                {"input": "haerte", "operator": "is_true"},
                {"input": "gefaehrdet", "operator": "is_false"},
            ],
            "refer": True,
            "reason": (
                "Die Gemeinde „kann“ stunden: Ob, wie lange und gegen welche Sicherheit, "
                "entscheidet eine Sachbearbeiterin nach Ermessen. Ermessen schließt einen "
                "vollautomatisierten Bescheid aus (§ 35a VwVfG)."
            ),
            "legal_basis": "§ 12c Abs. 1 KAG BB; § 35a VwVfG",
            "facts": "betrag",
        },
    ],
    "task": "Schreiben Sie Herrn Lange, wie es mit seinem Antrag weitergeht.",
    "model_answer": (
        "<p>Sehr geehrter Herr Lange,</p><p>Ihren Antrag auf Stundung von 1.850 Euro prüft "
        "eine Sachbearbeiterin persönlich. Sie haben eine erhebliche Härte dargelegt: Ihr "
        "Betrieb war nach dem Wasserschaden geschlossen. Nach § 12c Abs. 1 KAG BB kann die "
        "Gemeinde dann stunden. Ob und wie lange, entscheidet ein Mensch und nicht das "
        "Programm (§ 35a VwVfG). Wir melden uns innerhalb von zwei Wochen. Gegen den "
        "späteren Bescheid können Sie innerhalb eines Monats Widerspruch erheben.</p><p>Ihre "
        "Ansprechpartnerin ist Frau Nowak, Telefon 0355 612-3040.</p>"
    ),
    "rubric_minimum": 4,
    "evidence_rank": 3,
}

# (course slug, lesson slug, block value)
SIMULATORS = [
    ("entscheidungen-erklaeren", "begruendungspflicht-und-ausnahmen", WOHNGELD),
    ("entscheidungen-erklaeren", "verstaendlich-schreiben", PARKING),
    ("vollautomatisierte-verwaltungsakte", "wann-ein-mensch-entscheiden-muss", DEFERRAL),
]
