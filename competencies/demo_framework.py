"""The demo framework "Qualifica Digitalis — Kompetenzrahmen digitale Verwaltung" as data.

Administration-specific competencies on the DigComp 3.0 scale (8 levels in the bands
Basic, Intermediate, Advanced, Highly advanced), with one statement per band, and the
target levels the demo job roles set.
"""

QD_FRAMEWORK = {
    "key": "qd",
    "title": "Qualifica Digitalis — Kompetenzrahmen digitale Verwaltung",
    "version": "2026.1",
    "source": "Qualifica Digitalis, Landesamt für Soziales und Digitales (Demo)",
    "description": (
        "Verwaltungsspezifische Kompetenzen für die digitale Verwaltung: automatisierte "
        "Entscheidungen erklären, mit Daten und Statistiken sicher umgehen, Rechtsgrundlagen "
        "digitaler Verwaltungsakte und den Datenschutz anwenden, Prozesse nach OZG und "
        "Once-Only gestalten und KI verantwortungsvoll einsetzen. Der Rahmen ergänzt DigComp "
        "3.0 und nutzt dessen achtstufige Skala."
    ),
}

QD_AREA = {
    "code": "QD",
    "name": "Digitale Verwaltung",
    "description": (
        "Kompetenzen, die Beschäftigte der öffentlichen Verwaltung brauchen, um digitale und "
        "automatisierte Verfahren rechtssicher, nachvollziehbar und bürgernah zu gestalten "
        "und anzuwenden."
    ),
}

# code, name, description, {band: statement}
QD_COMPETENCIES = [
    (
        "QD.1",
        "Automatisierte Entscheidungen erklären",
        "Bürgerinnen und Bürgern verständlich erklären, wie ein voll- oder teilautomatisierter "
        "Bescheid zustande kam (§ 35a VwVfG, § 31a SGB X, § 155 Abs. 4 AO), die Begründungspflicht "
        "nach § 39 VwVfG erfüllen, die Rechte aus Art. 22 und Art. 13–15 DSGVO sowie Art. 86 "
        "KI-Verordnung kennen und erkennen, wann ein Fall menschlich geprüft werden muss.",
        {
            "Basic": "Erkennt, dass ein Bescheid automatisiert erlassen wurde, und weiß, an wen "
            "sich Betroffene mit Fragen zur Entscheidung wenden können.",
            "Intermediate": "Erläutert anhand der Eingangsdaten und der angewandten Regeln, "
            "warum das System so entschieden hat, und leitet Fälle mit Anhaltspunkten für eine "
            "Einzelfallprüfung an eine Sachbearbeiterin oder einen Sachbearbeiter weiter.",
            "Advanced": "Formuliert rechtssichere, verständliche Begründungen für automatisierte "
            "Bescheide, prüft Widersprüche gegen solche Bescheide und beurteilt, ob der "
            "Ausschluss der Vollautomatisierung nach § 35a VwVfG greift.",
            "Highly advanced": "Gestaltet Erklärkonzepte und Eskalationswege für automatisierte "
            "Verfahren einer Behörde, bewertet sie im Licht von DSGVO und KI-Verordnung und "
            "schult andere darin.",
        },
    ),
    (
        "QD.2",
        "Datenqualität beurteilen",
        "Vollständigkeit, Richtigkeit, Aktualität und Konsistenz von Verwaltungsdaten prüfen, "
        "typische Fehlerquellen (Dubletten, Erfassungsfehler, veraltete Stammdaten, "
        "Verzerrungen) erkennen und einschätzen, welche Folgen mangelhafte Daten für "
        "automatisierte Entscheidungen haben.",
        {
            "Basic": "Erkennt offensichtliche Fehler in einem Datensatz, etwa fehlende "
            "Pflichtangaben oder unplausible Werte, und meldet sie.",
            "Intermediate": "Prüft Datensätze systematisch anhand der Qualitätsdimensionen "
            "Vollständigkeit, Richtigkeit, Aktualität und Konsistenz und dokumentiert Mängel.",
            "Advanced": "Beurteilt, wie Datenmängel und Verzerrungen in Trainings- oder "
            "Stammdaten automatisierte Entscheidungen beeinflussen, und schlägt Prüfregeln vor.",
            "Highly advanced": "Entwickelt Datenqualitätsstandards und Kontrollprozesse für "
            "Fachverfahren und verantwortet deren Einhaltung behördenübergreifend.",
        },
    ),
    (
        "QD.3",
        "Rechtsgrundlagen digitaler Verwaltungsakte anwenden",
        "Die Vorschriften für elektronische und automatisiert erlassene Verwaltungsakte "
        "anwenden: elektronische Kommunikation und Form (§ 3a VwVfG), Bekanntgabe über "
        "Portale (§ 41 Abs. 2a VwVfG), vollautomatisierter Erlass (§ 35a VwVfG) sowie die "
        "einschlägigen Fachgesetze, etwa § 31a SGB X.",
        {
            "Basic": "Kennt die wichtigsten Vorschriften zum elektronischen Verwaltungsakt und "
            "findet sie im Gesetzestext.",
            "Intermediate": "Wendet die Regeln zu Form, Bekanntgabe und Begründung "
            "elektronischer Verwaltungsakte im eigenen Fachverfahren korrekt an.",
            "Advanced": "Prüft in schwierigen Fällen, ob ein Verwaltungsakt vollautomatisiert "
            "erlassen werden darf, und beurteilt Fehlerfolgen bei Form- und Bekanntgabemängeln.",
            "Highly advanced": "Berät bei der rechtlichen Gestaltung neuer digitaler Verfahren "
            "und wirkt an Dienstanweisungen und Gesetzesfolgenabschätzungen mit.",
        },
    ),
    (
        "QD.4",
        "Datenschutz im Verwaltungshandeln",
        "Personenbezogene Daten im Verwaltungsalltag rechtmäßig verarbeiten: Grundsätze nach "
        "Art. 5 DSGVO, Rechtsgrundlagen nach Art. 6 DSGVO und Fachrecht, Betroffenenrechte "
        "(Art. 12–22 DSGVO), Zweckbindung, Datenminimierung und der Umgang mit "
        "Datenschutzverletzungen.",
        {
            "Basic": "Erkennt personenbezogene Daten und hält die Grundregeln ein, etwa "
            "Zweckbindung und sichere Ablage.",
            "Intermediate": "Bearbeitet Auskunfts- und Löschersuchen nach Vorgabe und prüft, ob "
            "eine Übermittlung an andere Stellen eine Rechtsgrundlage hat.",
            "Advanced": "Beurteilt Verarbeitungen im eigenen Bereich, wirkt an "
            "Verarbeitungsverzeichnis und Datenschutz-Folgenabschätzung mit und reagiert "
            "richtig auf Datenschutzverletzungen.",
            "Highly advanced": "Berät die Behörde zu komplexen Datenschutzfragen, überwacht die "
            "Einhaltung der DSGVO und vertritt die Behörde gegenüber der Aufsichtsbehörde.",
        },
    ),
    (
        "QD.5",
        "Digitale Prozesse gestalten (OZG, Once-Only)",
        "Verwaltungsleistungen nach dem Onlinezugangsgesetz Ende-zu-Ende digital denken: "
        "Prozesse aus Sicht der Nutzenden modellieren, Medienbrüche beseitigen, Nachweise nach "
        "dem Once-Only-Prinzip über Register abrufen und Einer-für-Alle-Lösungen nachnutzen.",
        {
            "Basic": "Beschreibt den eigenen Arbeitsablauf und benennt Medienbrüche, etwa "
            "Ausdrucke oder erneute Dateneingaben.",
            "Intermediate": "Modelliert einen Verwaltungsprozess mit Ist- und Soll-Zustand und "
            "schlägt vor, welche Nachweise über Register abgerufen werden können.",
            "Advanced": "Verantwortet die Digitalisierung einer Verwaltungsleistung von der "
            "Antragstellung bis zum Bescheid einschließlich Schnittstellen und Nachnutzung.",
            "Highly advanced": "Steuert Digitalisierungsprogramme über Behördengrenzen hinweg "
            "und entwickelt Standards für Ende-zu-Ende-Prozesse.",
        },
    ),
    (
        "QD.6",
        "Mit Unsicherheit und komplexen Entscheidungen umgehen",
        "Entscheidungen bei unvollständiger Information, unklaren Daten oder widersprüchlichen "
        "Systemempfehlungen treffen und begründen: Ermessen ausüben, Risiken abwägen, "
        "Automatisierungsgläubigkeit vermeiden und Entscheidungen nachvollziehbar dokumentieren.",
        {
            "Basic": "Erkennt, wenn Informationen für eine Entscheidung fehlen oder "
            "widersprüchlich sind, und holt Rat ein.",
            "Intermediate": "Hinterfragt Empfehlungen eines Systems, wägt sie gegen die Aktenlage "
            "ab und dokumentiert die Gründe der eigenen Entscheidung.",
            "Advanced": "Entscheidet auch in komplexen Einzelfällen mit unsicherer Datenlage "
            "begründet und erkennt systematische Fehlentscheidungen eines Verfahrens.",
            "Highly advanced": "Gestaltet Entscheidungsverfahren und Vier-Augen-Regeln für "
            "Unsicherheit und unterstützt Teams bei schwierigen Abwägungen.",
        },
    ),
    (
        "QD.7",
        "Statistiken und Diagramme kritisch lesen",
        "Kennzahlen, Statistiken und Diagramme aus Berichten, Dashboards und Medien "
        "richtig lesen und kritisch prüfen: Lage- und Streuungsmaße, Anteile und Basisraten, "
        "Korrelation und Kausalität, irreführende Achsen und Darstellungen.",
        {
            "Basic": "Liest einfache Tabellen und Diagramme richtig ab und versteht Anteile und "
            "Durchschnittswerte.",
            "Intermediate": "Unterscheidet Mittelwert und Median, erkennt verzerrte Achsen und "
            "fragt nach Datenbasis und Stichprobengröße.",
            "Advanced": "Bewertet statistische Aussagen in Berichten, erkennt Fehlschlüsse wie "
            "Scheinkorrelationen oder Basisratenfehler und erstellt selbst korrekte Diagramme.",
            "Highly advanced": "Verantwortet evidenzbasierte Berichte und Kennzahlensysteme und "
            "berät Führungskräfte zur Interpretation von Daten.",
        },
    ),
    (
        "QD.8",
        "KI-Kompetenz (Art. 4 KI-Verordnung)",
        "KI-Systeme im Verwaltungshandeln sachkundig und verantwortungsvoll nutzen, wie es "
        "Art. 4 der KI-Verordnung (EU) 2024/1689 von Betreibern verlangt: Funktionsweise, "
        "Grenzen und Risiken generativer und entscheidungsunterstützender KI kennen, "
        "Hochrisiko-Einsätze (Anhang III) erkennen und Ergebnisse prüfen.",
        {
            "Basic": "Weiß, was KI-Systeme leisten und wo sie im eigenen Arbeitsumfeld "
            "eingesetzt werden, und gibt keine vertraulichen Daten in öffentliche KI-Dienste ein.",
            "Intermediate": "Nutzt freigegebene KI-Werkzeuge für Texte und Recherchen, prüft "
            "die Ergebnisse auf Fehler und kennzeichnet ihren Einsatz.",
            "Advanced": "Beurteilt Risiken, Verzerrungen und Transparenzpflichten eines "
            "KI-Einsatzes und erkennt Hochrisiko-Systeme, etwa bei Sozialleistungen.",
            "Highly advanced": "Steuert die Einführung von KI-Systemen einschließlich "
            "menschlicher Aufsicht, Dokumentation und Schulung nach der KI-Verordnung.",
        },
    ),
]

# job role code -> [(competency ref, target rank, "required" | "desirable")]
ROLE_TARGETS = {
    "sachbearbeitung": [
        ("qd:QD.1", 4, "required"),
        ("qd:QD.2", 3, "required"),
        ("qd:QD.3", 4, "required"),
        ("qd:QD.4", 4, "required"),
        ("qd:QD.6", 3, "required"),
        ("qd:QD.7", 3, "desirable"),
        ("qd:QD.8", 3, "required"),
        ("digcomp:1.2", 4, "required"),
        ("digcomp:4.2", 3, "required"),
    ],
    "fuehrungskraft": [
        ("qd:QD.1", 5, "required"),
        ("qd:QD.3", 4, "required"),
        ("qd:QD.4", 4, "required"),
        ("qd:QD.5", 5, "required"),
        ("qd:QD.6", 6, "required"),
        ("qd:QD.7", 5, "required"),
        ("qd:QD.8", 5, "required"),
        ("digcomp:2.4", 5, "desirable"),
    ],
    "it-digitalisierung": [
        ("qd:QD.2", 6, "required"),
        ("qd:QD.4", 4, "required"),
        ("qd:QD.5", 6, "required"),
        ("qd:QD.7", 5, "required"),
        ("qd:QD.8", 6, "required"),
        ("digcomp:1.3", 6, "required"),
        ("digcomp:3.4", 5, "desirable"),
        ("digcomp:4.1", 6, "required"),
    ],
    "nachwuchskraft": [
        ("qd:QD.1", 2, "required"),
        ("qd:QD.2", 2, "required"),
        ("qd:QD.3", 2, "required"),
        ("qd:QD.4", 3, "required"),
        ("qd:QD.7", 2, "desirable"),
        ("qd:QD.8", 2, "required"),
        ("digcomp:1.2", 3, "required"),
        ("digcomp:4.2", 2, "required"),
    ],
    "datenschutz": [
        ("qd:QD.1", 5, "required"),
        ("qd:QD.2", 5, "required"),
        ("qd:QD.3", 5, "required"),
        ("qd:QD.4", 7, "required"),
        ("qd:QD.8", 5, "required"),
        ("digcomp:4.2", 6, "required"),
    ],
}
