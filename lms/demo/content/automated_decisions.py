"""Demo curriculum "Automatisierte Entscheidungen erklären" (see the package docstring).

Three courses for case workers, managers, IT staff, trainees and data protection officers:
the law of fully automated administrative acts, explaining automated decisions to
citizens, and the EU AI Act in the administration. The law is stated as checked on the
date in LEGAL_STATUS (each lesson carries it with its sources); the cases, names and
figures are invented but realistic.
"""


# Small builders keep the data readable; they return exactly the documented shapes.
def _h2(text):
    return ("heading", {"text": text, "level": "h2"})


def _h3(text):
    return ("heading", {"text": text, "level": "h3"})


def _p(html):
    return ("paragraph", html)


def _box(kind, title, body):
    return ("info_box", {"kind": kind, "title": title, "body": body})


def _case(title, scenario, questions, model_answer):
    return (
        "case_study",
        {
            "title": title,
            "scenario": scenario,
            "questions": questions,
            "model_answer": model_answer,
        },
    )


def _explainer(
    title, *, decision, legal_basis, inputs, rule_path, citizen_explanation, human_review
):
    return (
        "decision_explainer",
        {
            "title": title,
            "decision": decision,
            "legal_basis": legal_basis,
            "inputs": [{"label": label, "value": value} for label, value in inputs],
            "rule_path": [{"rule": rule, "outcome": outcome} for rule, outcome in rule_path],
            "citizen_explanation": citizen_explanation,
            "human_review": human_review,
        },
    )


def _term(term, definition):
    return ("glossary_term", {"term": term, "definition": definition})


def _check(question):
    return ("knowledge_check", question)


def _opt(text, correct, feedback):
    return {"text": text, "correct": correct, "feedback": feedback}


# Items with several parts to get right weigh more than a single choice (docs/CONTENT.md).
_COMPOSITE = {"multiple", "ordering", "matching"}


def _q(kind, stem, *, competency, level, feedback, tags=(), points=None, **specific):
    return {
        "type": kind,
        "stem": stem,
        "points": points or (2 if kind in _COMPOSITE else 1),
        "competency": competency,
        "level": level,
        "feedback": feedback,
        "tags": list(tags),
        **specific,
    }


CURRICULUM = {
    "slug": "automatisierte-entscheidungen",
    "title": "Automatisierte Entscheidungen erklären",
    "description": (
        "Immer mehr Bescheide entstehen ganz oder teilweise automatisiert. Dieses Curriculum "
        "vermittelt, wann eine Behörde vollautomatisiert entscheiden darf und wann ein Mensch "
        "entscheiden muss, wie Sie automatisierte Bescheide rechtssicher und verständlich "
        "begründen und erklären und was die KI-Verordnung der EU von Behörden als Betreiberinnen "
        "von KI-Systemen verlangt."
    ),
    "courses": [
        "vollautomatisierte-verwaltungsakte",
        "entscheidungen-erklaeren",
        "ki-verordnung-verwaltung",
    ],
}


# ---------------------------------------------------------------------------------------
# Course 1: Vollautomatisierte Verwaltungsakte: Recht und Grenzen
# ---------------------------------------------------------------------------------------

_C1_LESSON_1 = {
    "slug": "was-ist-ein-vollautomatisierter-verwaltungsakt",
    "title": "Was ein vollautomatisierter Verwaltungsakt ist",
    "summary": (
        "Begriffe und Rechtsgrundlagen: vom automationsgestützten zum vollautomatisierten "
        "Verwaltungsakt nach § 35a VwVfG, § 31a SGB X und § 155 Abs. 4 AO."
    ),
    "blocks": [
        _h2("Automatisiert ist nicht gleich automatisiert"),
        _p(
            "<p>Fast jeder Bescheid, den unsere Behörde verlässt, ist heute in irgendeiner "
            "Form automationsgestützt: Das Fachverfahren rechnet, prüft Plausibilitäten, "
            "erzeugt Textbausteine und druckt oder stellt den Bescheid im Portal bereit. "
            "Rechtlich entscheidend ist aber eine andere Frage: <strong>Hat ein Mensch den "
            "konkreten Fall bearbeitet und die Entscheidung verantwortet, oder ist der "
            "Verwaltungsakt ohne jede menschliche Mitwirkung im Einzelfall entstanden?</strong> "
            "Nur im zweiten Fall spricht man von einem <em>vollautomatisierten</em> oder "
            "<em>vollständig durch automatische Einrichtungen erlassenen</em> Verwaltungsakt.</p>"
            "<p>Für Ihre Praxis lassen sich drei Stufen unterscheiden:</p>"
            "<ul><li><strong>Automationsgestützt:</strong> Das System rechnet und schlägt vor, "
            "die Sachbearbeitung prüft und gibt jeden Bescheid frei.</li>"
            "<li><strong>Teilautomatisiert:</strong> Einfache Fälle laufen durch, das System "
            "steuert aber bestimmte Fälle nach festgelegten Kriterien zur menschlichen "
            "Bearbeitung aus; die Freigabe erfolgt teils maschinell, teils menschlich.</li>"
            "<li><strong>Vollautomatisiert:</strong> Vom Eingang des Antrags bis zur "
            "Bekanntgabe des Bescheids entscheidet im Einzelfall kein Mensch. Die Behörde "
            "verantwortet das Verfahren als Ganzes, nicht den einzelnen Fall.</li></ul>"
        ),
        _term(
            "Vollautomatisierter Verwaltungsakt",
            "<p>Ein Verwaltungsakt, der vollständig durch automatische Einrichtungen erlassen "
            "wird: Sachverhaltsermittlung, Subsumtion und Bekanntgabe erfolgen für den "
            "konkreten Fall ohne Prüfung durch eine Amtsträgerin oder einen Amtsträger. Er "
            "ist ein vollwertiger Verwaltungsakt mit denselben Rechtsfolgen und "
            "Rechtsbehelfen wie ein von Hand erlassener Bescheid.</p>",
        ),
        _h2("Drei Verfahrensgesetze, drei Regelungen"),
        _p(
            "<p>Seit dem Gesetz zur Modernisierung des Besteuerungsverfahrens von 2016 kennt "
            "das deutsche Recht ausdrückliche Regeln für den vollautomatisierten Erlass. Sie "
            "stehen in den drei großen Verfahrensordnungen und unterscheiden sich in einem "
            "wichtigen Punkt: der Frage, <em>wer</em> die Vollautomatisierung zulassen muss.</p>"
        ),
        _box(
            "law",
            "§ 35a VwVfG – allgemeines Verwaltungsverfahren",
            "<p>Ein Verwaltungsakt kann vollständig durch automatische Einrichtungen erlassen "
            "werden, <strong>sofern dies durch Rechtsvorschrift zugelassen ist</strong> und "
            "<strong>weder ein Ermessen noch ein Beurteilungsspielraum besteht</strong>. Die "
            "Behörde braucht also eine eigene Zulassungsnorm im Fachrecht (oder in einer "
            "Rechtsverordnung); § 35a VwVfG selbst ist keine Ermächtigung. Die Länder haben "
            "in ihren Verwaltungsverfahrensgesetzen entsprechende Vorschriften.</p>",
        ),
        _box(
            "law",
            "§ 31a SGB X – Sozialverwaltungsverfahren",
            "<p>Ein Verwaltungsakt kann vollständig durch automatische Einrichtungen erlassen "
            "werden, <strong>sofern kein Anlass besteht, den Einzelfall durch Amtsträger zu "
            "bearbeiten</strong>. Setzt die Behörde ein automatisches Verfahren ein, muss sie "
            "für den Einzelfall bedeutsame tatsächliche Angaben der Beteiligten "
            "berücksichtigen, die im automatischen Verfahren nicht ermittelt würden. Eine "
            "besondere Zulassung im Fachgesetz ist hier nicht erforderlich. Das gilt auch für "
            "das Wohngeld, weil das Wohngeldgesetz als besonderer Teil des Sozialgesetzbuchs "
            "gilt (§ 68 SGB I).</p>",
        ),
        _box(
            "law",
            "§ 155 Abs. 4 AO – Steuerverwaltung",
            "<p>Die Finanzbehörden können Steuerfestsetzungen sowie Anrechnungen von "
            "Steuerabzugsbeträgen und Vorauszahlungen auf Grundlage der ihnen vorliegenden "
            "Informationen und der Angaben der Steuerpflichtigen <strong>ausschließlich "
            "automationsgestützt</strong> vornehmen, berichtigen, zurücknehmen, widerrufen, "
            "aufheben oder ändern, soweit kein Anlass besteht, den Einzelfall durch "
            "Amtsträger zu bearbeiten. Ein solcher Anlass liegt insbesondere vor, wenn die "
            "steuerpflichtige Person im dafür vorgesehenen Feld der Steuererklärung Angaben "
            "nach § 150 Abs. 7 AO gemacht hat (das sogenannte qualifizierte Freitextfeld).</p>",
        ),
        _p(
            "<p>Daneben gibt es flankierende Regeln, die Sie kennen sollten: Nach § 37 Abs. 5 "
            "VwVfG dürfen bei schriftlichen Verwaltungsakten, die mit Hilfe automatischer "
            "Einrichtungen erlassen werden, Unterschrift und Namenswiedergabe fehlen. Nach "
            "§ 39 Abs. 2 Nr. 3 VwVfG kann bei solchen Verwaltungsakten eine Begründung "
            "entbehrlich sein, wenn sie nach den Umständen des Einzelfalls nicht geboten ist; "
            "das behandeln wir im zweiten Kurs ausführlich. Und § 41 Abs. 2a VwVfG regelt die "
            "Bekanntgabe durch Bereitstellung zum Abruf, etwa im Nutzerkonto.</p>"
        ),
        _explainer(
            "Einkommensteuerbescheid 2025 ohne Abweichung von der Erklärung",
            decision=(
                "Die Einkommensteuer 2025 wird erklärungsgemäß auf 4.767 € festgesetzt; "
                "es ergibt sich eine Erstattung von 129 €."
            ),
            legal_basis="§ 155 Abs. 4 AO; § 88 Abs. 5 AO (Risikomanagementsystem)",
            inputs=[
                ("Steuererklärung", "elektronisch über ELSTER, Arbeitnehmerin, ledig"),
                ("Bruttoarbeitslohn laut elektronischer Lohnsteuerbescheinigung", "41.380 €"),
                ("Einbehaltene Lohnsteuer laut Arbeitgeber", "4.896 €"),
                ("Erklärte Werbungskosten", "1.105 € (unter dem Pauschbetrag von 1.230 €)"),
                ("Spenden mit Zuwendungsbestätigung", "400 €"),
                ("Qualifiziertes Freitextfeld (§ 150 Abs. 7 AO)", "leer"),
            ],
            rule_path=[
                (
                    "Stimmen Lohndaten der Erklärung mit den elektronisch übermittelten Daten überein?",
                    "Ja",
                ),
                (
                    "Werbungskosten über dem Arbeitnehmer-Pauschbetrag?",
                    "Nein – Pauschbetrag 1.230 € angesetzt",
                ),
                (
                    "Spenden innerhalb der Höchstbeträge des § 10b EStG?",
                    "Ja – 400 € als Sonderausgaben",
                ),
                ("Risikofilter des Risikomanagementsystems angeschlagen?", "Nein"),
                ("Zufallsauswahl zur personellen Prüfung?", "Nicht ausgewählt"),
                (
                    "Freitextfeld ausgefüllt?",
                    "Nein – kein Anlass zur Bearbeitung durch eine Amtsträgerin oder einen Amtsträger",
                ),
            ],
            citizen_explanation=(
                "<p>Ihr Steuerbescheid wurde ausschließlich automationsgestützt erstellt. Wir "
                "haben Ihre Angaben und die Daten, die Ihr Arbeitgeber elektronisch übermittelt "
                "hat, übernommen. Weil Ihre Werbungskosten unter 1.230 € lagen, haben wir den "
                "gesetzlichen Pauschbetrag berücksichtigt; das ist für Sie günstiger. Ihre "
                "Spenden von 400 € haben wir als Sonderausgaben abgezogen. Sie erhalten "
                "129 € zurück.</p>"
            ),
            human_review=(
                "Eine Person bearbeitet den Fall, wenn das Risikomanagement einen Sachverhalt "
                "aussteuert, der Fall zufällig zur Prüfung ausgewählt wird oder die "
                "Steuerpflichtige das qualifizierte Freitextfeld nutzt."
            ),
        ),
        _p(
            "<p>Auch ein vollautomatisierter Bescheid ist ein Bescheid Ihrer Behörde. Wenn "
            "Bürgerinnen und Bürger anrufen, können Sie nicht sagen: „Das hat der Computer "
            "entschieden.“ Sie müssen erklären können, welche Daten verwendet wurden, welche "
            "Regel gegriffen hat und wie die Person ihre Rechte wahrnimmt. Das beginnt mit "
            "der sicheren Einordnung, nach welchem Verfahrensgesetz Ihr Fachverfahren "
            "arbeitet.</p>"
        ),
        _check(
            _q(
                "single",
                "<p>Welche Voraussetzung verlangt § 35a VwVfG, die § 31a SGB X so nicht "
                "enthält?</p>",
                competency="qd:QD.3",
                level=2,
                demand="recall",
                feedback=(
                    "§ 35a VwVfG ist keine Ermächtigung: Die Vollautomatisierung muss durch "
                    "eine Rechtsvorschrift zugelassen sein. § 31a SGB X kommt ohne diese "
                    "zusätzliche Zulassung aus."
                ),
                tags=["§ 35a VwVfG", "§ 31a SGB X"],
                options=[
                    _opt(
                        "Die Zulassung der Vollautomatisierung durch eine Rechtsvorschrift",
                        True,
                        "Richtig. Ohne Zulassungsnorm im Fach- oder Verordnungsrecht darf "
                        "nach VwVfG nicht vollautomatisiert entschieden werden.",
                    ),
                    _opt(
                        "Die Berücksichtigung bedeutsamer Angaben der Beteiligten",
                        False,
                        "Diese Pflicht kennen beide Gesetze: § 24 Abs. 1 Satz 3 VwVfG und "
                        "§ 31a Satz 2 SGB X.",
                    ),
                    _opt(
                        "Die Bekanntgabe über ein Nutzerkonto",
                        False,
                        "Die Bekanntgabe ist keine Voraussetzung des automatisierten Erlasses; "
                        "sie richtet sich nach § 41 VwVfG bzw. § 37 SGB X.",
                    ),
                ],
            )
        ),
    ],
}

_C1_LESSON_2 = {
    "slug": "wann-ein-mensch-entscheiden-muss",
    "title": "Wann ein Mensch entscheiden muss",
    "summary": (
        "Ermessen und Beurteilungsspielraum schließen die Vollautomatisierung aus; "
        "bedeutsame Angaben der Beteiligten lösen nach § 24 Abs. 1 Satz 3 VwVfG die "
        "Einzelfallbearbeitung aus."
    ),
    "blocks": [
        _h2("Die Grenze des § 35a VwVfG: Ermessen und Beurteilungsspielraum"),
        _p(
            "<p>Ein Programm kann prüfen, ob Tatbestandsmerkmale erfüllt sind, und eine "
            "feste Rechtsfolge setzen. Es kann aber kein Ermessen ausüben: Ermessen verlangt, "
            "die Umstände des Einzelfalls zu würdigen und gegeneinander abzuwägen, und die "
            "Begründung soll nach § 39 Abs. 1 Satz 3 VwVfG erkennen lassen, von welchen "
            "Gesichtspunkten die Behörde dabei ausgegangen ist. Deshalb schließt § 35a VwVfG "
            "die Vollautomatisierung aus, sobald ein Ermessen oder ein Beurteilungsspielraum "
            "besteht. Typische Beispiele sind Stundung und Erlass von Forderungen, "
            "Härtefallregelungen und „kann“- oder „soll“-Vorschriften mit atypischen "
            "Fällen. Ein Beurteilungsspielraum ist dagegen selten: Er wird nur für "
            "Prüfungsentscheidungen, beamtenrechtliche Beurteilungen oder "
            "Bewertungen durch weisungsfreie Fachgremien anerkannt. Die meisten Prognosen, "
            "etwa das zu erwartende Einkommen nach § 15 WoGG, sind unbestimmte Rechtsbegriffe "
            "ohne Spielraum und von den Gerichten voll überprüfbar. Dass ein Programm sie "
            "nicht verlässlich treffen kann, ist ein praktischer Grund zur Aussteuerung, kein "
            "Beurteilungsspielraum.</p>"
            "<p>Der Ausschluss von Ermessen gilt in dieser Form nur für § 35a VwVfG. § 155 "
            "Abs. 4 AO erlaubt nach Satz 2 Nr. 2 auch Nebenbestimmungen, etwa einen "
            "Vorläufigkeitsvermerk, automationsgestützt zu erlassen, soweit eine "
            "Verwaltungsanweisung des Bundesministeriums der Finanzen oder der obersten "
            "Landesfinanzbehörden das allgemein anordnet; so gebundenes Ermessen kann dort "
            "maschinell umgesetzt werden. § 31a SGB X nennt Ermessen nicht ausdrücklich, "
            "sondern fragt, ob Anlass besteht, den Einzelfall durch eine Amtsträgerin oder "
            "einen Amtsträger zu bearbeiten. Nach der Kommentarliteratur besteht dieser "
            "Anlass, wenn das Fachrecht Ermessen oder einen Beurteilungsspielraum vorsieht; "
            "im Ergebnis ist § 31a SGB X damit für gebundene Entscheidungen gedacht. Prüfen "
            "Sie deshalb immer zuerst, welches Verfahrensgesetz gilt.</p>"
            "<p>Achten Sie auf versteckte Spielräume: Auch ein gebundener Anspruch kann "
            "unbestimmte Rechtsbegriffe enthalten, die eine Wertung verlangen, etwa die Frage, "
            "ob ein Haushalt „auf Dauer“ besteht. Das Fachverfahren darf solche Begriffe nur "
            "dann selbst anwenden, wenn sie sich in eindeutige, prüfbare Kriterien übersetzen "
            "lassen. Wo das nicht geht, muss der Fall zur Sachbearbeitung.</p>"
        ),
        _box(
            "law",
            "§ 24 Abs. 1 Satz 3 VwVfG – der Untersuchungsgrundsatz im automatisierten Verfahren",
            "<p>Setzt die Behörde automatische Einrichtungen zum Erlass von Verwaltungsakten "
            "ein, muss sie <strong>für den Einzelfall bedeutsame tatsächliche Angaben der "
            "Beteiligten berücksichtigen, die im automatischen Verfahren nicht ermittelt "
            "würden</strong>. Gleichlautend verpflichtet § 31a Satz 2 SGB X die "
            "Sozialbehörden. Im Steuerrecht übernimmt diese Funktion das qualifizierte "
            "Freitextfeld nach § 150 Abs. 7 AO in Verbindung mit § 155 Abs. 4 Satz 3 AO.</p>",
        ),
        _p(
            "<p>Praktisch heißt das: Ein automatisiertes Verfahren braucht einen Kanal, über "
            "den Antragstellende Besonderheiten vortragen können, und eine Regel, die solche "
            "Angaben erkennt und den Fall aus der Automatik nimmt. Ein Freitextfeld, das "
            "niemand liest, erfüllt die Pflicht nicht. Ebenso wenig genügt es, wenn ein "
            "Schreiben, das nach Antragseingang per Post kommt, erst nach dem Bescheid in "
            "die E-Akte gelangt. Die Behörde muss ihre Prozesse so organisieren, dass "
            "bedeutsame Angaben vor der Entscheidung ankommen.</p>"
        ),
        _term(
            "Aussteuerung",
            "<p>Das gezielte Herausnehmen eines Falls aus der vollautomatisierten "
            "Bearbeitung, damit eine Amtsträgerin oder ein Amtsträger ihn prüft. Auslöser "
            "sind Prüfregeln (zum Beispiel unplausible Werte), Risikofilter, eine "
            "Zufallsauswahl oder Angaben der Beteiligten, die das Verfahren nicht selbst "
            "auswerten kann.</p>",
        ),
        _explainer(
            "Wohngeld: Weiterleistungsantrag mit einem Hinweis im Freitext",
            decision=(
                "Kein automatischer Bescheid: Der Antrag wird an die Sachbearbeitung ausgesteuert."
            ),
            legal_basis="§ 31a SGB X; §§ 14, 15 WoGG (zu erwartendes Jahreseinkommen)",
            inputs=[
                ("Haushalt", "2 Personen, Mietwohnung"),
                (
                    "Bisheriges Einkommen laut Vorbescheid",
                    "Erwerbseinkommen 1.950 € brutto monatlich",
                ),
                ("Nachweise im Antrag", "Lohnabrechnungen der letzten drei Monate"),
                (
                    "Freitext im Antrag",
                    "„Mein Arbeitsvertrag endet am 31.12. – wie geht es dann weiter?“",
                ),
            ],
            rule_path=[
                ("Pflichtangaben und Nachweise vollständig?", "Ja"),
                ("Einkommen gegenüber Vorbescheid um mehr als 15 % verändert?", "Nein"),
                ("Freitext vorhanden?", "Ja – Aussteuerung, keine automatische Entscheidung"),
            ],
            citizen_explanation=(
                "<p>Vielen Dank für Ihren Antrag. Sie haben uns mitgeteilt, dass Ihr "
                "Arbeitsvertrag endet. Das kann Ihr künftiges Einkommen und damit Ihr Wohngeld "
                "verändern. Deshalb prüft eine Sachbearbeiterin Ihren Antrag persönlich und "
                "meldet sich bei Ihnen, falls wir weitere Unterlagen brauchen.</p>"
            ),
            human_review=(
                "Die angekündigte Arbeitslosigkeit ist eine bedeutsame tatsächliche Angabe: "
                "Das Wohngeld wird für die Zukunft auf Grundlage des zu erwartenden "
                "Einkommens bewilligt. Diese Prognose ist rechtlich voll überprüfbar, aber "
                "das Verfahren kann sie aus den Angaben nicht selbst treffen."
            ),
        ),
        _case(
            "Die Rentnerin und das Formular",
            "<p>Frau Albers, 78 Jahre, beantragt Wohngeld über das Online-Portal. Das "
            "Verfahren erkennt alle Pflichtfelder, berechnet das Einkommen aus der "
            "übermittelten Rentenmitteilung und erlässt vollautomatisch einen Bescheid über "
            "monatlich 212 €. Zwei Tage später ruft ihr Sohn an: Seine Mutter habe einen "
            "Brief beigelegt, dass sie seit drei Monaten dauerhaft in einer "
            "Pflegeeinrichtung lebe und die Wohnung zum Monatsende gekündigt sei. Der Brief "
            "liegt als Anlage „Sonstiges“ in der E-Akte; das Verfahren wertet solche "
            "Anlagen nicht aus.</p>",
            [
                "Hätte der Bescheid vollautomatisch ergehen dürfen?",
                "Welche Pflicht hat die Behörde verletzt, und was folgt daraus für den Bescheid?",
                "Was ändern Sie am Verfahren, damit das nicht wieder passiert?",
            ],
            "<p>Nein. Der Umzug in eine Pflegeeinrichtung ist eine für den Einzelfall "
            "bedeutsame tatsächliche Angabe, die das Verfahren nicht selbst ermittelt; nach "
            "§ 31a Satz 2 SGB X hätte die Behörde sie berücksichtigen müssen. Der Bescheid "
            "beruht auf einem unzutreffenden Sachverhalt: Die Mietwohnung ist nicht mehr der "
            "Lebensmittelpunkt, und für Bewohnerinnen einer Pflegeeinrichtung gelten eigene "
            "Berechnungsregeln. Eine Sachbearbeiterin muss den Fall jetzt vollständig prüfen, "
            "den Bescheid nach den Vorschriften des SGB X und des WoGG korrigieren und "
            "gegebenenfalls Wohngeld für den Heimplatz neu berechnen; Frau Albers und ihr "
            "Sohn erhalten dazu eine verständliche Nachricht. Für das Verfahren gilt: Jede Anlage vom Typ "
            "„Sonstiges“ und jeder Freitext muss zur Aussteuerung führen, bis ein Mensch sie "
            "gesichtet hat. Dokumentieren Sie die Regel in der Verfahrensbeschreibung.</p>",
        ),
        _box(
            "law",
            "§ 28 Abs. 2 Nr. 4 VwVfG, § 24 Abs. 2 Nr. 4 SGB X, § 91 Abs. 2 Nr. 4 AO – Anhörung",
            "<p>Bevor ein Verwaltungsakt in Rechte eingreift, ist die betroffene Person "
            "grundsätzlich anzuhören. Alle drei Verfahrensgesetze erlauben, davon "
            "abzusehen, wenn die Behörde Verwaltungsakte <strong>mit Hilfe automatischer "
            "Einrichtungen</strong> erlassen will. Das ist eine Kann-Vorschrift: Nach "
            "§ 28 Abs. 2 VwVfG und § 91 Abs. 2 AO setzt sie zudem voraus, dass die Anhörung "
            "nach den Umständen des Einzelfalls nicht geboten ist. Beruht ein belastender "
            "Bescheid auf Daten Dritter, etwa eine Rückforderung nach einem Datenabgleich, "
            "sollten Sie deshalb anhören: Gerade dann kann die Person Tatsachen vortragen, "
            "die das Verfahren nicht kennt.</p>",
        ),
        _box(
            "hint",
            "Checkliste für die Sachbearbeitung",
            "<ul><li>Besteht Ermessen oder ein Beurteilungsspielraum? Dann keine "
            "Vollautomatisierung (§ 35a VwVfG).</li><li>Hat die Person etwas vorgetragen, "
            "das das Verfahren nicht abfragt (Freitext, Anlage, Anruf, Brief)?</li><li>Ist "
            "die Angabe für die Entscheidung erheblich? Im Zweifel: ja.</li><li>Ist die "
            "Angabe vor dem Bescheid bei Ihnen angekommen? Wenn nicht, prüfen Sie die "
            "Korrektur des Bescheids.</li></ul>",
        ),
        _check(
            _q(
                "true_false",
                "<p>Nach § 35a VwVfG darf ein Programm eine Ermessensentscheidung "
                "vollautomatisiert treffen, wenn die Ermessenserwägungen vorab in "
                "Textbausteinen festgelegt wurden.</p>",
                competency="qd:QD.3",
                level=2,
                demand="understand",
                correct=False,
                feedback=(
                    "§ 35a VwVfG schließt die Vollautomatisierung aus, sobald Ermessen besteht. "
                    "Vorformulierte Erwägungen ersetzen die Würdigung des Einzelfalls nicht. "
                    "Im Steuerrecht ist das anders geregelt (§ 155 Abs. 4 Satz 2 Nr. 2 AO)."
                ),
                feedback_true=(
                    "Nein. Vorab festgelegte Erwägungen wären ein Ermessensausfall: Es fehlt "
                    "die Würdigung des konkreten Falls."
                ),
                feedback_false=(
                    "Richtig. Im Anwendungsbereich des § 35a VwVfG bleibt die Abwägung im "
                    "Einzelfall einem Menschen vorbehalten."
                ),
                tags=["§ 35a VwVfG", "Ermessen"],
            )
        ),
    ],
}

_C1_LESSON_3 = {
    "slug": "artikel-22-dsgvo",
    "title": "Art. 22 DSGVO: Entscheidungen nicht allein der Maschine überlassen",
    "summary": (
        "Das Verbot ausschließlich automatisierter Entscheidungen, seine Ausnahmen für "
        "Behörden, die Garantien für Betroffene und was der EuGH zu Scorewerten entschieden "
        "hat."
    ),
    "blocks": [
        _h2("Ein Verbot mit Erlaubnisvorbehalt"),
        _p(
            "<p>Neben dem Verfahrensrecht gilt das Datenschutzrecht. Art. 22 DSGVO gibt "
            "jeder betroffenen Person das Recht, <strong>nicht einer ausschließlich auf einer "
            "automatisierten Verarbeitung beruhenden Entscheidung unterworfen zu werden</strong>, "
            "die ihr gegenüber rechtliche Wirkung entfaltet oder sie in ähnlicher Weise "
            "erheblich beeinträchtigt. Ein Bescheid hat stets rechtliche Wirkung. Ein "
            "vollautomatisierter Verwaltungsakt fällt daher grundsätzlich unter Art. 22 "
            "DSGVO, und er ist nur zulässig, wenn eine Ausnahme greift.</p>"
        ),
        _box(
            "law",
            "Art. 22 Abs. 2 bis 4 DSGVO – Ausnahmen und Garantien",
            "<p>Das Verbot gilt nicht, wenn die Entscheidung (a) für einen Vertrag "
            "erforderlich ist, (b) aufgrund von Rechtsvorschriften der Union oder der "
            "Mitgliedstaaten zulässig ist, die angemessene Maßnahmen zur Wahrung der Rechte, "
            "Freiheiten und berechtigten Interessen der betroffenen Person enthalten, oder "
            "(c) mit ausdrücklicher Einwilligung erfolgt. In den Fällen (a) und (c) muss der "
            "Verantwortliche mindestens das Recht auf Eingreifen einer Person, auf Darlegung "
            "des eigenen Standpunkts und auf Anfechtung der Entscheidung gewährleisten. "
            "Besondere Kategorien personenbezogener Daten (Art. 9 Abs. 1 DSGVO), etwa "
            "Gesundheitsdaten, dürfen nur unter den engen Voraussetzungen des Abs. 4 "
            "Grundlage solcher Entscheidungen sein.</p>",
        ),
        _p(
            "<p>Für Behörden ist Buchstabe b maßgeblich. § 35a VwVfG mit der jeweiligen "
            "Zulassungsnorm, § 31a SGB X und § 155 Abs. 4 AO sind solche mitgliedstaatlichen "
            "Rechtsvorschriften. Die „angemessenen Maßnahmen“ liefern sie gleich mit: die "
            "Pflicht, bedeutsame Angaben zu berücksichtigen, die Aussteuerung zur "
            "Einzelfallbearbeitung sowie Widerspruch, Einspruch und Klage. Für die Praxis "
            "folgt daraus: Diese Garantien müssen tatsächlich funktionieren. Wer das "
            "Freitextfeld abschaltet oder Anrufe nicht in die Akte bringt, gefährdet die "
            "datenschutzrechtliche Zulässigkeit des ganzen Verfahrens.</p>"
        ),
        _h2("Was „ausschließlich automatisiert“ bedeutet"),
        _p(
            "<p>Eine Entscheidung beruht nicht schon dann auf menschlicher Mitwirkung, wenn "
            "irgendjemand auf einen Knopf drückt. Die europäischen Datenschutzbehörden "
            "verlangen eine <em>inhaltliche</em> Beteiligung: Die Person muss befugt und "
            "fähig sein, vom Ergebnis des Systems abzuweichen, und sie muss die maßgeblichen "
            "Informationen tatsächlich prüfen. Wer 400 Vorschläge am Tag ungesehen "
            "freigibt, entscheidet nicht selbst; rechtlich bleibt es eine ausschließlich "
            "automatisierte Entscheidung.</p>"
            "<p>Umgekehrt kann schon eine vorbereitende Berechnung unter Art. 22 fallen. Der "
            "Europäische Gerichtshof hat 2023 im Verfahren C-634/21 (SCHUFA) entschieden, "
            "dass bereits die automatisierte Erstellung eines Wahrscheinlichkeitswerts eine "
            "Entscheidung im Sinne von Art. 22 ist, wenn ein Dritter sein Handeln "
            "maßgeblich auf diesen Wert stützt (EuGH, Urteil vom 7. Dezember 2023). Das "
            "Urteil betraf eine Auskunftei und eine Bank. Die Übertragung auf einen "
            "behördeninternen Score ist eine naheliegende Argumentation, aber keine "
            "Entscheidung des Gerichtshofs: Ein Risikoscore, nach dem Sachbearbeitende "
            "Anträge praktisch ohne eigene Prüfung ablehnen, lässt sich dann nicht mehr als "
            "„nur eine Empfehlung“ behandeln.</p>"
        ),
        _case(
            "Der Prüfscore in der Grundsicherung",
            "<p>Referat 13 testet eine Software, die eingehende Anträge auf Grundsicherung "
            "mit einem Score von 0 bis 100 für „Prüfbedarf“ versieht. Anträge mit einem "
            "Score über 80 landen in einem eigenen Postkorb. Die Teamleitung stellt fest, "
            "dass in diesem Postkorb im letzten Quartal 94 % der Anträge abgelehnt oder "
            "wegen fehlender Mitwirkung versagt wurden, im übrigen Bestand nur 21 %. In "
            "Gesprächen sagen Kolleginnen: „Wenn der Score so hoch ist, fordern wir gleich "
            "alle Kontoauszüge an, das spart Zeit.“</p>",
            [
                "Liegt eine ausschließlich automatisierte Entscheidung im Sinne von Art. 22 DSGVO vor?",
                "Welche Informationen brauchen die Kolleginnen, um den Score sachgerecht zu nutzen?",
                "Welche organisatorischen Maßnahmen schlagen Sie der Referatsleitung vor?",
            ],
            "<p>Formal entscheidet ein Mensch. Die hohe Übereinstimmung und die Aussagen "
            "deuten aber darauf hin, dass der Score das Ergebnis maßgeblich bestimmt. "
            "Überträgt man die Überlegungen des EuGH aus dem SCHUFA-Urteil (C-634/21) auf "
            "diese Lage, was gut vertretbar, aber nicht entschieden ist, kann Art. 22 DSGVO "
            "greifen. § 31a SGB X hilft dann nicht: Er lässt vollautomatisierte Bescheide "
            "nur für gebundene Entscheidungen ohne Anlass zur Einzelfallprüfung zu. Hier geht "
            "es aber um Entscheidungen mit Ermessen, etwa die Versagung wegen fehlender "
            "Mitwirkung nach § 66 SGB I, und um ein Profiling, für das es keine eigene "
            "Rechtsgrundlage gibt. Nötig sind: eine Erläuterung, welche Merkmale den Score treiben und wo "
            "er sich irrt; die Vorgabe, Mitwirkungsaufforderungen (§§ 60 ff. SGB I) am "
            "konkreten Antrag zu begründen statt am Score; Stichproben, bei denen Fälle "
            "ohne Kenntnis des Scores geprüft werden; und eine Auswertung der Ablehnungs- "
            "und Erfolgsquoten im Widerspruch. Beteiligen Sie die oder den "
            "Datenschutzbeauftragten und prüfen Sie eine Datenschutz-Folgenabschätzung nach "
            "Art. 35 DSGVO. Ob die Software zugleich ein Hochrisiko-KI-System ist, "
            "behandelt der dritte Kurs.</p>",
        ),
        _term(
            "Profiling",
            "<p>Nach Art. 4 Nr. 4 DSGVO jede automatisierte Verarbeitung personenbezogener "
            "Daten, die darin besteht, persönliche Aspekte einer Person zu bewerten, "
            "insbesondere um ihre Arbeitsleistung, wirtschaftliche Lage, Gesundheit, "
            "Zuverlässigkeit oder ihr Verhalten zu analysieren oder vorherzusagen.</p>",
        ),
        _check(
            _q(
                "multiple",
                "<p>Welche Garantien zugunsten Betroffener stellen im deutschen "
                "Verwaltungsverfahren sicher, dass vollautomatisierte Bescheide nach Art. 22 "
                "Abs. 2 Buchst. b DSGVO zulässig sind? Wählen Sie alle zutreffenden aus.</p>",
                competency="qd:QD.1",
                level=2,
                demand="understand",
                feedback=(
                    "Die Verfahrensgesetze liefern die angemessenen Maßnahmen: Berücksichtigung "
                    "bedeutsamer Angaben, Aussteuerung und die regulären Rechtsbehelfe."
                ),
                tags=["Art. 22 DSGVO"],
                options=[
                    _opt(
                        "Die Pflicht, bedeutsame Angaben der Beteiligten zu berücksichtigen",
                        True,
                        "Richtig: § 24 Abs. 1 Satz 3 VwVfG, § 31a Satz 2 SGB X.",
                    ),
                    _opt(
                        "Widerspruch, Einspruch und Klage gegen den Bescheid",
                        True,
                        "Richtig: Die Anfechtung führt zur Prüfung durch einen Menschen.",
                    ),
                    _opt(
                        "Die Einwilligung der betroffenen Person in die Automatisierung",
                        False,
                        "Behörden stützen sich nicht auf Einwilligung, sondern auf "
                        "Rechtsvorschriften; eine Einwilligung wäre im Über- und "
                        "Unterordnungsverhältnis selten freiwillig.",
                    ),
                    _opt(
                        "Die Unterschrift einer Amtsträgerin auf jedem Bescheid",
                        False,
                        "Nach § 37 Abs. 5 VwVfG darf sie bei automatisch erlassenen "
                        "Bescheiden gerade fehlen.",
                    ),
                ],
            )
        ),
    ],
}

_C1_LESSON_4 = {
    "slug": "risikomanagement-und-kontrolle",
    "title": "Risikomanagement, Kontrolle und Korrektur",
    "summary": (
        "Wie eine Behörde automatisierte Verfahren steuert: Risikofilter und Zufallsauswahl, "
        "regelmäßige Überprüfung, Automatisierungsgläubigkeit und die Korrektur fehlerhafter "
        "Bescheide."
    ),
    "blocks": [
        _h2("Verantwortung für das Verfahren statt für den Einzelfall"),
        _p(
            "<p>Wo kein Mensch mehr den Einzelfall prüft, verschiebt sich die Verantwortung "
            "auf die Gestaltung und Überwachung des Verfahrens. Die Abgabenordnung macht das "
            "am deutlichsten. Sie erlaubt den Finanzbehörden, Risikomanagementsysteme "
            "einzusetzen, und stellt dafür Mindestanforderungen auf.</p>"
        ),
        _box(
            "law",
            "§ 88 Abs. 5 AO – Mindestanforderungen an Risikomanagementsysteme",
            "<p>Die Finanzbehörden können zur Beurteilung, ob weitere Ermittlungen und "
            "Prüfungen nötig sind, Risikomanagementsysteme einsetzen; dabei ist auch der "
            "Grundsatz der Wirtschaftlichkeit der Verwaltung zu berücksichtigen. Das System "
            "muss mindestens gewährleisten, dass <strong>durch Zufallsauswahl eine "
            "hinreichende Anzahl von Fällen</strong> zur umfassenden Prüfung durch "
            "Amtsträger ausgewählt wird, dass <strong>als prüfungsbedürftig ausgesteuerte "
            "Sachverhalte durch Amtsträger geprüft</strong> werden, dass Amtsträger Fälle "
            "zur umfassenden Prüfung auswählen können und dass das System "
            "<strong>regelmäßig auf seine Zielerfüllung überprüft</strong> wird. Einzelheiten "
            "dürfen nicht veröffentlicht werden, soweit dies die Gleichmäßigkeit und "
            "Gesetzmäßigkeit der Besteuerung gefährden könnte.</p>",
        ),
        _p(
            "<p>Diese vier Bausteine sind ein gutes Muster auch außerhalb des Steuerrechts. "
            "Für ein Wohngeld- oder Elterngeldverfahren nach § 31a SGB X fehlt eine so "
            "ausdrückliche Regelung; der Maßstab folgt aber aus dem Untersuchungsgrundsatz "
            "(§ 20 SGB X), aus Art. 22 DSGVO und aus der Pflicht zur Rechtmäßigkeit der "
            "Verwaltung. Halten Sie die Steuerung in einer Verfahrensbeschreibung oder "
            "Dienstanweisung fest: Welche Regeln steuern aus? Wie hoch ist die "
            "Zufallsstichprobe? Wer wertet Fehler aus, in welchem Rhythmus, und wer darf "
            "Regeln ändern?</p>"
        ),
        _term(
            "Automatisierungsgläubigkeit (Automation Bias)",
            "<p>Die Neigung, Vorschlägen eines Systems mehr zu vertrauen als eigenen "
            "Beobachtungen, auch wenn diese dagegen sprechen. Sie entsteht besonders bei "
            "hoher Arbeitslast und Systemen, die meist richtig liegen. Gegenmittel sind "
            "Stichproben ohne Systemvorschlag, erklärbare Ergebnisse und eine Kultur, in der "
            "begründetes Abweichen erwünscht ist.</p>",
        ),
        _explainer(
            "Einkommensteuer: Homeoffice-Pauschale über dem Höchstbetrag",
            decision=(
                "Die Einkommensteuer 2025 wird mit einer Homeoffice-Pauschale von 1.260 € "
                "statt der erklärten 1.380 € festgesetzt; Erläuterung im Bescheid."
            ),
            legal_basis="§ 155 Abs. 4 AO; § 4 Abs. 5 Satz 1 Nr. 6c EStG i. V. m. § 9 Abs. 5 EStG",
            inputs=[
                ("Erklärte Homeoffice-Tage", "230"),
                ("Tagespauschale", "6 €"),
                ("Erklärter Betrag", "1.380 €"),
                ("Höchstbetrag je Kalenderjahr", "1.260 €"),
                ("Qualifiziertes Freitextfeld", "leer"),
            ],
            rule_path=[
                ("Tage × 6 € über dem Höchstbetrag von 1.260 €?", "Ja – Kürzung auf 1.260 €"),
                ("Abweichung allein durch gesetzliche Höchstgrenze?", "Ja – kein Risikohinweis"),
                ("Freitextfeld ausgefüllt?", "Nein – vollautomatischer Bescheid"),
                ("Erläuterungstext erforderlich?", "Ja – Abweichung von der Erklärung"),
            ],
            citizen_explanation=(
                "<p>Sie haben 230 Tage im häuslichen Arbeitsbereich angegeben. Das Gesetz "
                "erlaubt je Tag 6 €, höchstens aber 1.260 € im Jahr; das entspricht 210 Tagen. "
                "Wir haben deshalb 1.260 € berücksichtigt. Ihre übrigen Angaben haben wir "
                "übernommen.</p>"
            ),
            human_review=(
                "Wer meint, dass statt der Pauschale die tatsächlichen Kosten eines "
                "häuslichen Arbeitszimmers abziehbar sind, kann das im Freitextfeld oder "
                "per Einspruch vortragen; dann prüft eine Person."
            ),
        ),
        _h2("Wenn das Verfahren irrt: Korrektur"),
        _p(
            "<p>Automatisierte Verfahren irren systematisch: Ein falsch gepflegter "
            "Freibetrag oder eine fehlerhafte Schnittstelle trifft nicht einen, sondern "
            "Tausende Fälle. Deshalb gehört zur Risikosteuerung ein Plan für die Korrektur. "
            "Im Einzelfall stehen die gewohnten Wege offen: Widerspruch (nach VwGO oder SGG, je "
            "nach Rechtsweg) oder Einspruch (§ 347 AO) binnen eines Monats, Rücknahme und Widerruf (§§ 48, 49 "
            "VwVfG, §§ 44 ff. SGB X), im Steuerrecht die Berichtigung offenbarer "
            "Unrichtigkeiten (§ 129 AO). Bei Massenfehlern sollten Sie nicht warten, bis "
            "jede betroffene Person Widerspruch einlegt: Ermitteln Sie den betroffenen "
            "Bestand, korrigieren Sie von Amts wegen und informieren Sie aktiv.</p>"
        ),
        _case(
            "Die stille Regeländerung",
            "<p>Nach einem Update des Elterngeldverfahrens sinkt die Quote der "
            "ausgesteuerten Fälle von 18 % auf 6 %. Die Referatsleitung freut sich über "
            "kürzere Laufzeiten. Ein Sachbearbeiter bemerkt in einem Widerspruchsfall, dass "
            "Einkommen aus einer selbständigen Nebentätigkeit nicht mehr zur Prüfung "
            "ausgesteuert, sondern vom Verfahren ignoriert wird. Die Änderung stand in den "
            "Release-Notes des Herstellers, wurde aber im Haus nicht bewertet.</p>",
            [
                "Welche Bausteine der Verfahrenssteuerung haben versagt?",
                "Was ist jetzt für die bereits erlassenen Bescheide zu tun?",
                "Wie stellen Sie künftig sicher, dass Regeländerungen bewertet werden?",
            ],
            "<p>Versagt haben die Änderungskontrolle und die Überwachung der Zielerfüllung: "
            "Ein starker Rückgang der Aussteuerungsquote ist ein Warnsignal, kein Erfolg. "
            "Für die erlassenen Bescheide: betroffenen Bestand über die Merkmale "
            "(Nebeneinkommen angegeben, Bescheid nach dem Update) ermitteln, jeden Fall "
            "prüfen und fehlerhafte Bescheide nach §§ 44 ff. SGB X korrigieren, zugunsten wie "
            "zulasten unter Beachtung des Vertrauensschutzes. Künftig: Jede Regeländerung "
            "wird vor dem Einsatz fachlich freigegeben und an Testfällen geprüft, die "
            "Aussteuerungsquote wird monatlich berichtet, Abweichungen über einer "
            "festgelegten Schwelle lösen eine Prüfung aus, und die Zufallsstichprobe "
            "bleibt unabhängig von den Regeln bestehen.</p>",
        ),
        _check(
            _q(
                "ordering",
                "<p>Ein automatisiertes Verfahren hat vermutlich systematisch falsch "
                "entschieden. Bringen Sie die Schritte in die Reihenfolge, in der jeder auf "
                "dem Ergebnis des vorigen aufbaut.</p>",
                competency="qd:QD.6",
                level=2,
                demand="understand",
                feedback=(
                    "Den betroffenen Bestand finden Sie erst, wenn Sie die Ursache kennen, und "
                    "korrigieren können Sie nur Bescheide, die Sie gefunden haben. Die "
                    "Meldung und das vorläufige Aussetzen der Regel gehören an den Anfang; "
                    "das Verbessern des Änderungsprozesses kann parallel laufen."
                ),
                tags=["Risikomanagement"],
                items=[
                    "Fehler an Testfällen bestätigen und Ursache klären",
                    "Betroffenen Bestand anhand der Ursache ermitteln",
                    "Bescheide des ermittelten Bestands von Amts wegen korrigieren",
                ],
            )
        ),
        _case(
            "Schreibübung: ein Vermerk für die Akte",
            "<p>Sie haben im Fall „Die stille Regeländerung“ festgestellt, dass das "
            "Elterngeldverfahren seit dem Update vom 3. März 2026 Einkommen aus "
            "selbständiger Nebentätigkeit nicht mehr aussteuert. Die Referatsleitung "
            "bittet um einen Vermerk für die Verfahrensakte, der auch in einem Jahr noch "
            "verständlich ist, etwa für die Rechnungsprüfung oder ein Gericht.</p>",
            [
                "Schreiben Sie den Vermerk in höchstens zehn Sätzen.",
                "Prüfen Sie Ihren Vermerk: Versteht ihn jemand, der den Fall nicht kennt?",
            ],
            "<p>Ein guter Vermerk nennt Datum, Verfasserin oder Verfasser und Anlass; "
            "den festgestellten Sachverhalt mit Belegen (Update vom 3. März 2026, Regel, "
            "Release-Notes, Testfälle); die Bewertung (fehlerhafte Bescheide nach § 44 "
            "SGB X zu prüfen, Vertrauensschutz bei Korrekturen zulasten); die getroffenen "
            "Maßnahmen (Regel ausgesetzt, Bestand ermittelt: Zahl der Fälle, "
            "Verantwortliche, Frist); und offene Punkte. Beispiel für den Kern: „Am "
            "12. März 2026 wurde festgestellt, dass seit dem Update vom 3. März 2026 "
            "Angaben zu selbständigem Nebeneinkommen nicht mehr zur Prüfung ausgesteuert "
            "werden. Betroffen sind nach Abfrage vom 13. März 2026 214 Bescheide. Die Regel "
            "ist seit dem 13. März ausgesetzt; die Bescheide werden bis 30. April geprüft.“ "
            "Vermeiden Sie Wertungen über Personen und Vermutungen ohne Beleg.</p>",
        ),
    ],
}

_C1_ASSESSMENT = {
    "title": "Abschlusstest: Vollautomatisierte Verwaltungsakte",
    "pass_mark_percent": 70,
    "max_attempts": 3,
    "time_limit_minutes": 30,
    "questions": [
        _q(
            "single",
            "<p>Das Ordnungsamt möchte Bescheide über die Stundung von Gebühren "
            "vollautomatisiert erlassen. Die Stundung ist im Gebührengesetz als "
            "„kann“-Vorschrift ausgestaltet. Ist das zulässig?</p>",
            competency="qd:QD.3",
            level=4,
            demand="apply",
            feedback=(
                "Maßgeblich ist § 35a VwVfG: Vollautomatisierung nur mit Zulassung durch "
                "Rechtsvorschrift und nur ohne Ermessen oder Beurteilungsspielraum."
            ),
            tags=["§ 35a VwVfG", "Ermessen"],
            options=[
                _opt(
                    "Nein, weil die Stundung eine Ermessensentscheidung ist",
                    True,
                    "Richtig. Wo Ermessen besteht, schließt § 35a VwVfG die "
                    "Vollautomatisierung aus, auch wenn eine Zulassungsnorm existiert.",
                ),
                _opt(
                    "Ja, wenn die Behörde eine Dienstanweisung mit festen Kriterien erlässt",
                    False,
                    "Eine Dienstanweisung ist keine Rechtsvorschrift und beseitigt das "
                    "Ermessen nicht.",
                ),
                _opt(
                    "Ja, weil § 35a VwVfG selbst die Vollautomatisierung erlaubt",
                    False,
                    "§ 35a VwVfG verlangt eine gesonderte Zulassung durch Rechtsvorschrift.",
                ),
                _opt(
                    "Ja, wenn die Antragstellenden vorher eingewilligt haben",
                    False,
                    "Eine Einwilligung ersetzt weder die Zulassungsnorm noch beseitigt sie "
                    "das Ermessen.",
                ),
            ],
        ),
        _q(
            "true_false",
            "<p>Nach § 31a SGB X braucht eine Sozialbehörde für den vollautomatisierten Erlass "
            "keine zusätzliche Zulassung durch eine Rechtsvorschrift.</p>",
            competency="qd:QD.3",
            level=2,
            demand="recall",
            correct=True,
            feedback=(
                "§ 31a SGB X stellt allein darauf ab, ob Anlass besteht, den Einzelfall durch "
                "Amtsträger zu bearbeiten."
            ),
            feedback_true="Richtig. Anders als § 35a VwVfG verlangt § 31a SGB X keine Zulassungsnorm.",
            feedback_false=(
                "Nicht ganz: Die zusätzliche Zulassung verlangt nur § 35a VwVfG. § 31a SGB X "
                "knüpft an den fehlenden Anlass zur Einzelfallbearbeitung an."
            ),
            tags=["§ 31a SGB X"],
        ),
        _q(
            "multiple",
            "<p>In welchen Situationen muss ein Fall aus der vollautomatisierten "
            "Bearbeitung ausgesteuert werden? Wählen Sie alle zutreffenden aus.</p>",
            competency="qd:QD.1",
            level=3,
            demand="apply",
            feedback=(
                "Bedeutsame Angaben der Beteiligten, die das Verfahren nicht selbst ermittelt, "
                "und das Ausfüllen des qualifizierten Freitextfelds führen zur "
                "Einzelfallbearbeitung. Ein bloßer hoher Betrag oder das Alter ist für sich "
                "kein rechtlicher Anlass."
            ),
            tags=["§ 24 Abs. 1 Satz 3 VwVfG", "Aussteuerung"],
            options=[
                _opt(
                    "Die Antragstellerin teilt in einer Anlage mit, dass sie dauerhaft in ein "
                    "Pflegeheim umgezogen ist.",
                    True,
                    "Richtig: eine bedeutsame tatsächliche Angabe, die das Verfahren nicht "
                    "auswertet.",
                ),
                _opt(
                    "Ein Steuerpflichtiger füllt das qualifizierte Freitextfeld nach § 150 "
                    "Abs. 7 AO aus.",
                    True,
                    "Richtig: § 155 Abs. 4 Satz 3 AO nennt das ausdrücklich als Anlass.",
                ),
                _opt(
                    "Der bewilligte Betrag liegt über dem Durchschnitt.",
                    False,
                    "Ein hoher Betrag allein ist kein Anlass; das Verfahren kann ihn "
                    "korrekt berechnen.",
                ),
                _opt(
                    "Die Antragstellerin ist älter als 75 Jahre.",
                    False,
                    "Das Alter allein begründet keinen Prüfanlass und wäre als "
                    "Aussteuerungskriterium diskriminierungsanfällig.",
                ),
            ],
        ),
        _q(
            "matching",
            "<p>Ordnen Sie jeder Vorschrift ihren Regelungsgehalt zu.</p>",
            competency="qd:QD.3",
            level=2,
            demand="recall",
            feedback=(
                "Diese Normen bilden das Gerüst des automatisierten Verwaltungsakts in "
                "VwVfG, SGB X und AO."
            ),
            tags=["Normen"],
            pairs=[
                {
                    "left": "§ 35a VwVfG",
                    "right": "Vollautomatisierung nur mit Zulassung und ohne Ermessen",
                },
                {
                    "left": "§ 24 Abs. 1 Satz 3 VwVfG",
                    "right": "Bedeutsame Angaben der Beteiligten berücksichtigen",
                },
                {
                    "left": "§ 150 Abs. 7 AO",
                    "right": "Qualifiziertes Freitextfeld in der Steuererklärung",
                },
                {
                    "left": "§ 88 Abs. 5 AO",
                    "right": "Mindestanforderungen an Risikomanagementsysteme",
                },
                {
                    "left": "§ 37 Abs. 5 VwVfG",
                    "right": "Unterschrift darf bei automatisch erlassenen Bescheiden fehlen",
                },
            ],
        ),
        _q(
            "single",
            "<p>Eine Teamleiterin gibt täglich rund 400 vom System vorgeschlagene Bescheide "
            "per Sammelfreigabe frei, ohne die Fälle zu öffnen. Wie ist das nach Art. 22 "
            "DSGVO zu beurteilen?</p>",
            competency="qd:QD.1",
            level=3,
            demand="apply",
            feedback=(
                "Eine menschliche Beteiligung zählt nur, wenn sie inhaltlich ist: Die Person "
                "muss die Informationen prüfen und befugt wie fähig sein, abzuweichen."
            ),
            tags=["Art. 22 DSGVO"],
            options=[
                _opt(
                    "Es bleibt eine ausschließlich automatisierte Entscheidung.",
                    True,
                    "Richtig. Eine formale Freigabe ohne inhaltliche Prüfung ist keine "
                    "menschliche Entscheidung.",
                ),
                _opt(
                    "Es ist eine menschliche Entscheidung, weil die Teamleiterin zeichnet.",
                    False,
                    "Die Zeichnung allein genügt nicht; es kommt auf die tatsächliche Prüfung an.",
                ),
                _opt(
                    "Art. 22 DSGVO gilt für Behörden nicht.",
                    False,
                    "Art. 22 DSGVO gilt auch für öffentliche Stellen; sie stützen sich auf die "
                    "Ausnahme des Abs. 2 Buchst. b.",
                ),
            ],
        ),
        _q(
            "ordering",
            "<p>Bringen Sie die Prüfschritte, ob ein Verwaltungsakt nach VwVfG "
            "vollautomatisiert erlassen werden darf, in die richtige Reihenfolge.</p>",
            competency="qd:QD.3",
            level=2,
            demand="understand",
            feedback=(
                "Erst das anwendbare Gesetz, dann die abstrakten Voraussetzungen des § 35a "
                "VwVfG, dann der konkrete Fall: Liegen bedeutsame Angaben vor, muss ein "
                "Mensch entscheiden."
            ),
            tags=["Prüfschema"],
            items=[
                "Gilt das VwVfG, oder gehen SGB X oder AO als Spezialregelung vor?",
                "Lässt eine Rechtsvorschrift die Vollautomatisierung zu, ohne dass Ermessen "
                "oder ein Beurteilungsspielraum besteht?",
                "Hat die beteiligte Person bedeutsame Angaben gemacht, die das Verfahren nicht ermittelt?",
                "Bescheid automatisiert erlassen oder zur Einzelfallbearbeitung aussteuern",
            ],
        ),
        _q(
            "numeric",
            "<p>Eine Steuerpflichtige erklärt für 2025 genau 195 Homeoffice-Tage. Welcher "
            "Betrag ist als Homeoffice-Pauschale anzusetzen (6 € je Tag, höchstens 1.260 € im "
            "Jahr)? Geben Sie den Betrag in Euro an.</p>",
            competency="qd:QD.6",
            level=2,
            demand="apply",
            feedback=(
                "195 × 6 € = 1.170 €; das liegt unter dem Höchstbetrag. Rechnen Sie solche "
                "Regelpfade selbst nach, bevor Sie einen Bescheid am Telefon erklären."
            ),
            tags=["Einkommensteuer", "Regelpfad"],
            answer=1170.0,
            tolerance=0.0,
            unit="€",
        ),
        _q(
            "short_text",
            "<p>Wie nennt man den Vorgang, bei dem ein Fall gezielt aus der "
            "vollautomatisierten Bearbeitung genommen und einer Amtsträgerin oder einem "
            "Amtsträger vorgelegt wird? (ein Wort)</p>",
            competency="qd:QD.1",
            level=2,
            demand="recall",
            feedback=(
                "Man spricht von Aussteuerung; ausgelöst wird sie durch Prüfregeln, "
                "Risikofilter, Zufallsauswahl oder Angaben der Beteiligten."
            ),
            tags=["Begriffe"],
            accepted=["Aussteuerung", "Aussteuern"],
        ),
        _q(
            "multiple",
            "<p>Nach einem Update sinkt die Aussteuerungsquote eines Verfahrens von 18 % auf "
            "6 %. Welche Reaktionen sind angemessen? Wählen Sie alle zutreffenden aus.</p>",
            competency="qd:QD.6",
            level=3,
            demand="evaluate",
            feedback=(
                "Ein starker Rückgang der Aussteuerungsquote ist ein Warnsignal. Prüfen Sie die "
                "Ursache, bevor Sie ihn als Effizienzgewinn verbuchen."
            ),
            tags=["Risikomanagement", "Monitoring"],
            options=[
                _opt(
                    "Die geänderten Regeln an Testfällen prüfen",
                    True,
                    "Richtig: So sehen Sie, ob Fälle verloren gehen, die ausgesteuert werden "
                    "müssten.",
                ),
                _opt(
                    "Eine Stichprobe der nicht mehr ausgesteuerten Fälle manuell prüfen",
                    True,
                    "Richtig: Die Stichprobe zeigt, ob dort Fehler entstehen.",
                ),
                _opt(
                    "Die Zufallsstichprobe abschaffen, weil sie nun überflüssig ist",
                    False,
                    "Im Gegenteil: Gerade jetzt braucht es die unabhängige Kontrolle.",
                ),
                _opt(
                    "Den Rückgang als Erfolg berichten und nichts weiter tun",
                    False,
                    "Ohne Ursachenprüfung riskieren Sie massenhaft fehlerhafte Bescheide.",
                ),
            ],
        ),
        _q(
            "true_false",
            "<p>Der EuGH hat im SCHUFA-Urteil (C-634/21) entschieden, dass bereits die "
            "automatisierte Berechnung eines Scorewerts eine Entscheidung im Sinne von "
            "Art. 22 DSGVO sein kann, wenn ein Dritter sein Handeln maßgeblich darauf "
            "stützt.</p>",
            competency="qd:QD.1",
            level=2,
            demand="recall",
            correct=True,
            feedback=(
                "Das Urteil vom 7. Dezember 2023 ist für Behörden bedeutsam, die Scores oder "
                "Prüfwerte zur Vorsortierung nutzen."
            ),
            feedback_true="Richtig. Auf die maßgebliche Wirkung des Scores kommt es an.",
            feedback_false=(
                "Doch: Der EuGH hat genau das entschieden. Ein Score ist nicht automatisch "
                "„nur eine Empfehlung“."
            ),
            tags=["Art. 22 DSGVO", "Rechtsprechung"],
        ),
    ],
}

COURSE_VOLLAUTOMATISIERTE_VERWALTUNGSAKTE = {
    "slug": "vollautomatisierte-verwaltungsakte",
    "title": "Vollautomatisierte Verwaltungsakte: Recht und Grenzen",
    "summary": (
        "Wann darf eine Behörde einen Bescheid ohne menschliche Prüfung erlassen, und wann "
        "muss ein Mensch entscheiden? Der Kurs erklärt § 35a VwVfG, § 31a SGB X und § 155 "
        "Abs. 4 AO, die Pflicht zur Berücksichtigung bedeutsamer Angaben nach § 24 Abs. 1 "
        "Satz 3 VwVfG, Art. 22 DSGVO sowie Risikomanagement und Kontrolle automatisierter "
        "Verfahren."
    ),
    "objectives": [
        "Sie können automationsgestützte, teil- und vollautomatisierte Verwaltungsakte "
        "unterscheiden und der richtigen Verfahrensordnung zuordnen.",
        "Sie können prüfen, ob ein Verwaltungsakt nach § 35a VwVfG, § 31a SGB X oder § 155 "
        "Abs. 4 AO vollautomatisiert erlassen werden darf.",
        "Sie erkennen bedeutsame Angaben der Beteiligten, die nach § 24 Abs. 1 Satz 3 VwVfG "
        "eine Bearbeitung durch einen Menschen verlangen.",
        "Sie können die Anforderungen des Art. 22 DSGVO an automatisierte Entscheidungen auf "
        "Verfahren Ihrer Behörde anwenden.",
        "Sie können Risikosteuerung, Kontrolle und Korrektur eines automatisierten "
        "Verfahrens mitgestalten.",
    ],
    "duration_minutes": 120,
    "audience_roles": [
        "sachbearbeitung",
        "fuehrungskraft",
        "it-digitalisierung",
        "nachwuchskraft",
        "datenschutz",
    ],
    "develops": [("qd:QD.3", 4), ("qd:QD.1", 3), ("qd:QD.6", 3)],
    "prerequisites": [],
    "lessons": [_C1_LESSON_1, _C1_LESSON_2, _C1_LESSON_3, _C1_LESSON_4],
    "assessment": _C1_ASSESSMENT,
}


# ---------------------------------------------------------------------------------------
# Course 2: Automatisierte Bescheide verständlich begründen
# ---------------------------------------------------------------------------------------

_C2_LESSON_1 = {
    "slug": "begruendungspflicht-und-ausnahmen",
    "title": "Die Begründungspflicht und ihre Ausnahmen",
    "summary": (
        "Was § 39 VwVfG (und parallel § 35 SGB X und § 121 AO) für automatisierte Bescheide "
        "verlangt, wann die Ausnahme für automatische Einrichtungen greift und warum sie "
        "enger ist, als viele denken."
    ),
    "blocks": [
        _h2("Begründen heißt: die Entscheidung nachvollziehbar machen"),
        _p(
            "<p>Die Begründung ist kein Formalismus. Sie zwingt die Behörde, sich über die "
            "Gründe ihrer Entscheidung klar zu werden, und sie versetzt Betroffene in die "
            "Lage, zu entscheiden, ob sie einen Rechtsbehelf einlegen. Gerade bei "
            "automatisierten Bescheiden, hinter denen kein Name und keine Unterschrift mehr "
            "stehen, ist sie oft die einzige Stelle, an der die Behörde zeigt, dass sie den "
            "Fall verstanden hat.</p>"
        ),
        _box(
            "law",
            "§ 39 Abs. 1 VwVfG – Inhalt der Begründung",
            "<p>Ein schriftlicher oder elektronischer sowie ein schriftlich oder elektronisch "
            "bestätigter Verwaltungsakt ist mit einer Begründung zu versehen. In der "
            "Begründung sind die <strong>wesentlichen tatsächlichen und rechtlichen "
            "Gründe</strong> mitzuteilen, die die Behörde zu ihrer Entscheidung bewogen "
            "haben. Die Begründung von Ermessensentscheidungen soll auch die Gesichtspunkte "
            "erkennen lassen, von denen die Behörde bei der Ausübung ihres Ermessens "
            "ausgegangen ist.</p>"
            "<p>Die Parallelvorschriften sind <strong>nicht inhaltsgleich</strong>: Nach "
            "§ 35 Abs. 1 Satz 3 SGB X <em>muss</em> die Begründung von "
            "Ermessensentscheidungen die Gesichtspunkte erkennen lassen, wo § 39 Abs. 1 "
            "Satz 3 VwVfG nur „soll“ sagt. Nach § 121 Abs. 1 AO ist ein Verwaltungsakt nur "
            "zu begründen, <em>soweit dies zu seinem Verständnis erforderlich ist</em>.</p>",
        ),
        _box(
            "law",
            "§ 39 Abs. 2 VwVfG – wann keine Begründung erforderlich ist",
            "<p>Einer Begründung bedarf es unter anderem nicht, soweit die Behörde einem "
            "Antrag entspricht oder einer Erklärung folgt und der Verwaltungsakt nicht in "
            "Rechte eines anderen eingreift (Nr. 1), soweit den Betroffenen die Auffassung der "
            "Behörde bereits bekannt oder ohne Weiteres erkennbar ist (Nr. 2) und "
            "<strong>wenn die Behörde gleichartige Verwaltungsakte in größerer Zahl oder "
            "Verwaltungsakte mit Hilfe automatischer Einrichtungen erlässt und die "
            "Begründung nach den Umständen des Einzelfalls nicht geboten ist</strong> (Nr. 3). "
            "§ 35 Abs. 2 SGB X und § 121 Abs. 2 AO enthalten entsprechende Ausnahmen.</p>",
        ),
        _p(
            "<p>Der Halbsatz „nach den Umständen des Einzelfalls nicht geboten“ ist der "
            "Schlüssel. Die Ausnahme erlaubt keinen begründungsfreien Massenbescheid, sondern "
            "nur den Verzicht dort, wo die Betroffenen die Gründe ohnehin kennen oder ohne "
            "Mühe erkennen. Geboten ist eine Begründung in aller Regel,</p>"
            "<ul><li>wenn der Bescheid von einem Antrag oder einer Erklärung "
            "<strong>abweicht</strong> (etwa ein Betrag gekürzt wird),</li>"
            "<li>wenn ein Antrag ganz oder teilweise <strong>abgelehnt</strong> wird,</li>"
            "<li>wenn die Behörde Daten verwendet, die die Person nicht selbst angegeben hat, "
            "etwa aus Registern oder elektronischen Meldungen Dritter,</li>"
            "<li>wenn eine Leistung aufgehoben, zurückgefordert oder eingestellt wird.</li></ul>"
            "<p>In der Praxis lösen gute Verfahren das mit Erläuterungstexten: Für jede Regel, "
            "die zu einer Abweichung führt, gibt es einen geprüften Textbaustein, der die "
            "konkreten Werte des Falls einsetzt.</p>"
        ),
        _explainer(
            "Wohngeld: Ablehnung wegen Bezugs von Grundsicherung für Arbeitsuchende",
            decision="Der Antrag auf Wohngeld (Mietzuschuss) wird abgelehnt.",
            legal_basis="§ 7 Abs. 1 WoGG (Ausschluss vom Wohngeld); § 31a SGB X; § 35 SGB X",
            inputs=[
                ("Antrag eingegangen", "12.05.2026 über das Landesportal"),
                ("Haushalt", "1 Person, Mietwohnung"),
                (
                    "Angabe im Antrag: Bezug von Grundsicherung für Arbeitsuchende (SGB II)",
                    "ja, seit 01.02.2026",
                ),
                ("Bewilligungszeitraum laut Bescheid des Jobcenters", "01.02.2026 bis 31.01.2027"),
                ("Kosten der Unterkunft in der Grundsicherung berücksichtigt", "ja"),
            ],
            rule_path=[
                (
                    "Bezieht ein Haushaltsmitglied Grundsicherung nach dem SGB II mit Unterkunftskosten?",
                    "Ja",
                ),
                ("Ausschluss nach § 7 Abs. 1 WoGG für den gesamten Antragszeitraum?", "Ja"),
                ("Hinweis auf Ausnahme (z. B. Wohngeld beseitigt Hilfebedürftigkeit)?", "Nein"),
                ("Ablehnung mit Begründung und Rechtsbehelfsbelehrung", "Bescheid erstellt"),
            ],
            citizen_explanation=(
                "<p>Sie erhalten seit dem 1. Februar 2026 Leistungen des Jobcenters. Darin sind Ihre Miete "
                "und Heizkosten bereits enthalten. Das Wohngeldgesetz schließt Wohngeld in "
                "diesem Fall aus, damit dieselben Wohnkosten nicht doppelt bezahlt werden "
                "(§ 7 Abs. 1 WoGG). Ihr Antrag wird deshalb abgelehnt. Wenn die Leistungen des Jobcenters "
                "endet oder Sie meinen, dass Sie mit Wohngeld und Ihrem Einkommen ohne "
                "diese Leistungen auskommen würden, melden Sie sich bitte bei uns: Dann prüfen wir "
                "Ihren Anspruch neu.</p>"
            ),
            human_review=(
                "Eine Sachbearbeiterin prüft, wenn die Grundsicherung nur beantragt, abgelehnt oder "
                "beendet ist, oder wenn Wohngeld die Hilfebedürftigkeit vermeiden könnte; "
                "diese Ausnahmen verlangen eine Prognose, die das Verfahren nicht trifft."
            ),
        ),
        _case(
            "„Ihr Einkommen übersteigt die maßgebliche Grenze.“",
            "<p>Herr Demir erhält einen automatisch erstellten Ablehnungsbescheid zu seinem "
            "Wohngeldantrag. Die Begründung lautet vollständig: „Ihr Einkommen übersteigt die "
            "maßgebliche Grenze (§§ 4, 19 WoGG).“ Herr Demir ist Schichtarbeiter; seine "
            "Zuschläge schwanken stark. Das Verfahren hat das Einkommen aus den drei Monaten "
            "mit den höchsten Zuschlägen hochgerechnet. Er legt Widerspruch ein, weil er "
            "„nicht weiß, was man ihm vorwirft“.</p>",
            [
                "Genügt die Begründung den Anforderungen des § 35 SGB X?",
                "Was wäre eine geeignete Begründung gewesen?",
                "Welche Folgen hat der Begründungsmangel im Widerspruchsverfahren?",
            ],
            "<p>Nein. Die Ablehnung weicht vom Antrag ab, und das Einkommen beruht auf einer "
            "Hochrechnung, die Herr Demir nicht kennt; die Begründung war deshalb nach den "
            "Umständen geboten. Sie muss mindestens das zugrunde gelegte Jahreseinkommen, "
            "seine Berechnung (welche Monate, welche Zuschläge, welche Abzüge) und den "
            "Vergleich mit dem Höchstbetrag für seinen Haushalt nennen. Der Mangel kann nach "
            "§ 41 Abs. 1 Nr. 2 SGB X durch Nachholen der Begründung geheilt werden; der "
            "richtige Ort dafür ist das Widerspruchsverfahren. Zugleich sollte die Sachbearbeitung prüfen, "
            "ob die Hochrechnung sachgerecht war: Bei schwankendem Einkommen ist das zu "
            "erwartende Jahreseinkommen zu schätzen; drei Spitzenmonate sind dafür keine "
            "tragfähige Grundlage. Dann ist dem Widerspruch abzuhelfen.</p>",
        ),
        _box(
            "warning",
            "Heilung ist kein Geschäftsmodell",
            "<p>Dass eine fehlende Begründung nachgeholt werden kann (§ 45 Abs. 1 Nr. 2 "
            "VwVfG, § 41 SGB X, § 126 AO), rettet den einzelnen Bescheid. Wer aber "
            "systematisch zu knapp begründet, produziert vermeidbare Widersprüche, Anrufe und "
            "Gerichtsverfahren und verspielt das Vertrauen in automatisierte Verfahren.</p>",
        ),
        _check(
            _q(
                "single",
                "<p>Ein automatisierter Bescheid bewilligt einen Antrag genau so, wie er "
                "gestellt wurde; Rechte Dritter sind nicht berührt. Muss er begründet "
                "werden?</p>",
                competency="qd:QD.1",
                level=3,
                demand="apply",
                feedback=(
                    "Entspricht die Behörde einem Antrag vollständig und greift nicht in Rechte "
                    "Dritter ein, ist nach § 39 Abs. 2 Nr. 1 VwVfG keine Begründung nötig."
                ),
                tags=["§ 39 VwVfG"],
                options=[
                    _opt(
                        "Nein, § 39 Abs. 2 Nr. 1 VwVfG",
                        True,
                        "Richtig. Wer bekommt, was er beantragt hat, braucht keine Gründe.",
                    ),
                    _opt(
                        "Ja, jeder automatisierte Bescheid muss begründet werden",
                        False,
                        "Nein. Die Begründungspflicht gilt auch für automatisierte Bescheide "
                        "mit denselben Ausnahmen.",
                    ),
                    _opt(
                        "Nur, wenn die Person das ausdrücklich verlangt",
                        False,
                        "Ein solches Verlangen sieht § 39 VwVfG nicht vor.",
                    ),
                ],
            )
        ),
    ],
}

_C2_LESSON_2 = {
    "slug": "informationen-ueber-die-logik",
    "title": "Aussagekräftige Informationen über die involvierte Logik",
    "summary": (
        "Welche Informationen Art. 13 bis 15 DSGVO über automatisierte Entscheidungen "
        "verlangen, was der EuGH 2025 dazu entschieden hat und wo Geheimhaltung "
        "berechtigt ist."
    ),
    "blocks": [
        _h2("Zwei Ebenen der Transparenz"),
        _p(
            "<p>Die Begründung nach § 39 VwVfG erklärt <em>diesen</em> Bescheid. Das "
            "Datenschutzrecht setzt früher und breiter an: Wer personenbezogene Daten "
            "verarbeitet, muss über automatisierte Entscheidungen schon bei der Erhebung "
            "informieren, und Betroffene können jederzeit Auskunft verlangen. Beide Ebenen "
            "ergänzen sich. Eine gute Datenschutzinformation beschreibt das Verfahren "
            "allgemein; die Begründung und die Auskunft machen es für den konkreten Fall "
            "nachvollziehbar.</p>"
        ),
        _box(
            "law",
            "Art. 13 Abs. 2 Buchst. f, Art. 14 Abs. 2 Buchst. g und Art. 15 Abs. 1 Buchst. h DSGVO",
            "<p>Der Verantwortliche informiert über das <strong>Bestehen einer "
            "automatisierten Entscheidungsfindung</strong> einschließlich Profiling gemäß "
            "Art. 22 Abs. 1 und 4 DSGVO und – zumindest in diesen Fällen – über "
            "<strong>aussagekräftige Informationen über die involvierte Logik</strong> sowie "
            "die <strong>Tragweite und die angestrebten Auswirkungen</strong> einer "
            "derartigen Verarbeitung für die betroffene Person. Art. 13 gilt bei Erhebung "
            "bei der Person, Art. 14 bei Daten aus anderen Quellen, Art. 15 gibt das "
            "Auskunftsrecht. Nach Art. 12 DSGVO ist die Information präzise, transparent, "
            "verständlich und in klarer und einfacher Sprache zu geben; Auskünfte sind "
            "grundsätzlich innerhalb eines Monats zu erteilen.</p>",
        ),
        _h2("Was „aussagekräftig“ bedeutet"),
        _p(
            "<p>Der Europäische Gerichtshof hat am 27. Februar 2025 in der Rechtssache "
            "C-203/22 (Dun &amp; Bradstreet Austria) klargestellt: Die betroffene Person hat "
            "Anspruch auf eine Erläuterung des <strong>Verfahrens und der Grundsätze, die "
            "konkret angewandt wurden</strong>, und zwar so, dass sie verstehen kann, welche "
            "ihrer personenbezogenen Daten auf welche Weise verwendet wurden. Die bloße "
            "Übermittlung einer komplexen mathematischen Formel, etwa eines Algorithmus, "
            "oder die detaillierte Beschreibung aller Schritte genügt Art. 15 Abs. 1 "
            "Buchst. h DSGVO nicht, weil sie nicht verständlich ist. Über die Herausgabe "
            "von Quellcode hat der Gerichtshof nicht entschieden. "
            "Beruft sich der Verantwortliche auf Geschäftsgeheimnisse oder Rechte Dritter, "
            "muss er die Informationen der Aufsichtsbehörde oder dem Gericht vorlegen, die "
            "abwägen; eine pauschale Verweigerung ist unzulässig.</p>"
            "<p>Für Behörden ist die Logik meist das Gesetz selbst: Der Wohngeldanspruch "
            "ergibt sich aus Haushaltsgröße, Einkommen und Miete nach der Formel des "
            "Wohngeldgesetzes. Aussagekräftig ist deshalb eine Auskunft, die nennt, welche "
            "Daten der Person mit welchem Wert eingeflossen sind, woher sie stammen und "
            "welche Regeln darauf angewendet wurden. Grenzen gibt es dort, wo die Offenlegung "
            "den Zweck des Verfahrens vereitelt: Im Steuerrecht dürfen nach § 88 Abs. 5 "
            "Satz 4 AO Einzelheiten der Risikomanagementsysteme nicht veröffentlicht werden, "
            "soweit das die Gleichmäßigkeit und Gesetzmäßigkeit der Besteuerung gefährden "
            "könnte; die Abgabenordnung enthält zudem eigene Beschränkungen der "
            "Betroffenenrechte.</p>"
        ),
        _explainer(
            "Elterngeld: Ablehnung wegen Überschreitens der Einkommensgrenze",
            decision=(
                "Der Antrag auf Elterngeld für Mila, geboren am 10.06.2026, wird abgelehnt, "
                "weil das zu versteuernde Einkommen der Eltern die Grenze übersteigt."
            ),
            legal_basis="§ 1 Abs. 8 BEEG; § 2 Abs. 5 EStG; § 31a SGB X; § 35 SGB X",
            inputs=[
                ("Geburt des Kindes", "10.06.2026"),
                (
                    "Maßgeblicher Veranlagungszeitraum",
                    "2025 (letzter abgeschlossener vor der Geburt)",
                ),
                ("Zu versteuerndes Einkommen Mutter laut Steuerbescheid 2025", "96.300 €"),
                ("Zu versteuerndes Einkommen Vater laut Steuerbescheid 2025", "86.100 €"),
                ("Grenze für Elternpaare bei Geburt ab 01.04.2025", "175.000 €"),
                (
                    "Herkunft der Einkommensdaten",
                    "Steuerbescheide, von der Antragstellerin hochgeladen",
                ),
            ],
            rule_path=[
                (
                    "Lebt auch der andere Elternteil mit dem Kind im Haushalt (§ 1 Abs. 8 Satz 2 BEEG)?",
                    "Ja",
                ),
                ("Summe der zu versteuernden Einkommen 2025", "182.400 €"),
                ("Summe über 175.000 €?", "Ja – Anspruch entfällt (§ 1 Abs. 8 Satz 2 BEEG)"),
                ("Ablehnung mit Begründung und Rechtsbehelfsbelehrung", "Bescheid erstellt"),
            ],
            citizen_explanation=(
                "<p>Für Elterngeld gibt es eine Einkommensgrenze. Maßgeblich ist das zu "
                "versteuernde Einkommen beider Eltern im Jahr vor der Geburt, hier 2025. Laut "
                "Ihren Steuerbescheiden waren das 96.300 € und 86.100 €, zusammen 182.400 €. "
                "Die Grenze liegt für Kinder, die ab dem 1. April 2025 geboren sind, bei "
                "175.000 €. Sie wird um 7.400 € überschritten. Deshalb besteht kein Anspruch "
                "auf Elterngeld. Sollte einer der Steuerbescheide noch geändert werden, "
                "schicken Sie uns bitte den neuen Bescheid: Dann prüfen wir erneut.</p>"
            ),
            human_review=(
                "Eine Person prüft, wenn ein Steuerbescheid fehlt oder angefochten ist, wenn "
                "die Eltern nicht zusammenleben oder nur ein Elternteil berechtigt ist, oder "
                "wenn die Summe nahe an der Grenze liegt und Zweifel an den Werten bestehen."
            ),
        ),
        _case(
            "„Ich will den Algorithmus sehen.“",
            "<p>Frau Petersen hat einen Wohngeldbescheid über 87 € monatlich erhalten. Sie "
            "schreibt: „Nach Art. 15 DSGVO verlange ich Auskunft über alle Daten, die Sie "
            "über mich gespeichert haben, und den vollständigen Quellcode des Programms, das "
            "mein Wohngeld berechnet hat.“ Die Kollegin in der Poststelle leitet das Schreiben "
            "mit dem Vermerk „Quellcode ist Geschäftsgeheimnis des Herstellers – ablehnen?“ an "
            "Sie weiter.</p>",
            [
                "Welche Informationen muss die Behörde Frau Petersen geben?",
                "Hat sie Anspruch auf den Quellcode?",
                "Wie gehen Sie mit der Frist und der Beteiligung des Datenschutzes um, und welches Gesetz prüfen Sie für den Quellcode zusätzlich?",
            ],
            "<p>Frau Petersen erhält eine Kopie ihrer gespeicherten Daten und die "
            "Informationen nach Art. 15 Abs. 1 DSGVO. Ob das Verfahren vollautomatisiert "
            "entschieden hat, ist anzugeben; wenn ja, gehört dazu eine verständliche "
            "Erläuterung, welche ihrer Daten (Haushaltsgröße, Einkommen mit Herkunft, "
            "berücksichtigte Miete) mit welchem Wert und nach welchen Regeln des "
            "Wohngeldgesetzes verarbeitet wurden. Art. 15 DSGVO verlangt nach dem Urteil "
            "C-203/22 eine verständliche Erläuterung; dass eine Formel oder ein Algorithmus "
            "allein nicht genügt, sagt der EuGH ausdrücklich. Ob die DSGVO je den Quellcode "
            "verlangt, hat er nicht entschieden; für die Erläuterung ist er jedenfalls nicht "
            "nötig. Ein Antrag auf den Quellcode ist aber zusätzlich nach dem "
            "Informationsfreiheitsgesetz des Bundes oder Ihres Landes (etwa dem Bremer "
            "Informationsfreiheitsgesetz) zu prüfen, mit den dort geregelten Ausnahmen für "
            "Betriebs- und Geschäftsgeheimnisse. Eine pauschale Ablehnung ist deshalb "
            "falsch: Die Logik ergibt sich aus dem Gesetz und muss erklärt werden. "
            "Antworten Sie binnen eines Monats (Art. 12 Abs. 3 DSGVO), dokumentieren Sie die "
            "Antwort und beziehen Sie die oder den Datenschutzbeauftragten ein.</p>",
        ),
        _check(
            _q(
                "true_false",
                "<p>Nach dem Urteil des EuGH in der Rechtssache C-203/22 erfüllt der "
                "Verantwortliche seine Auskunftspflicht über die involvierte Logik, indem er "
                "die mathematische Formel des Verfahrens übermittelt.</p>",
                competency="qd:QD.4",
                level=2,
                demand="recall",
                correct=False,
                feedback=(
                    "Verlangt ist eine verständliche Erläuterung des konkret angewandten "
                    "Verfahrens und der Grundsätze, bezogen auf die Daten der Person."
                ),
                feedback_true=(
                    "Nein. Eine Formel allein ist für die meisten Menschen nicht "
                    "verständlich und erfüllt Art. 15 Abs. 1 Buchst. h DSGVO nicht."
                ),
                feedback_false=(
                    "Richtig. Es kommt darauf an, dass die Person versteht, welche ihrer Daten "
                    "wie verwendet wurden."
                ),
                tags=["Art. 15 DSGVO", "Rechtsprechung"],
            )
        ),
    ],
}

_C2_LESSON_3 = {
    "slug": "verstaendlich-schreiben",
    "title": "Verständlich schreiben: vom Regelpfad zum Erläuterungstext",
    "summary": (
        "Wie Sie einen Regelpfad in eine Erklärung übersetzen, die Bürgerinnen und Bürger "
        "verstehen: Aufbau, Sprache, Zahlen und der Umgang mit Fachbegriffen."
    ),
    "blocks": [
        _h2("Drei Fragen, die jede Erklärung beantwortet"),
        _p(
            "<p>Bürgerinnen und Bürger lesen einen Bescheid mit drei Fragen im Kopf: "
            "<strong>Was</strong> ist entschieden worden? <strong>Warum</strong>? Und "
            "<strong>was kann ich jetzt tun</strong>? Eine gute Erklärung folgt genau dieser "
            "Reihenfolge. Das Ergebnis steht vorne, nicht nach drei Absätzen "
            "Rechtsgrundlagen. Das Warum nennt die Daten, mit denen die Behörde gerechnet hat, "
            "und die Regel, die gegriffen hat. Das Was-tun nennt den nächsten Schritt: einen "
            "Nachweis nachreichen, eine Änderung mitteilen, Widerspruch oder Einspruch "
            "einlegen.</p>"
        ),
        _box(
            "hint",
            "Regeln für klare Erläuterungstexte",
            "<ul><li>Sprechen Sie die Person direkt an: „Sie haben angegeben …“, „Wir haben "
            "berücksichtigt …“.</li><li>Ein Gedanke je Satz, möglichst unter 20 Wörtern; "
            "aktive Verben statt Substantivketten („wir haben gekürzt“ statt „es erfolgte "
            "eine Kürzung“).</li><li>Zahlen aus dem Fall einsetzen und die Rechnung zeigen: "
            "„230 Tage × 6 € = 1.380 €; höchstens 1.260 €“.</li><li>Fachbegriffe einmal "
            "erklären, dann gleich verwenden; die Norm in Klammern nennen, nicht als "
            "Satzsubjekt.</li><li>Die Herkunft fremder Daten nennen: „Ihr Arbeitgeber hat uns "
            "übermittelt …“.</li><li>Mit dem nächsten Schritt enden, nicht mit einer "
            "Drohung.</li></ul>",
        ),
        _explainer(
            "Einkommensteuer: Entfernungspauschale abweichend von der Erklärung",
            decision=(
                "Die Werbungskosten werden mit einer Entfernungspauschale von 3.410 € statt "
                "der erklärten 3.762 € berücksichtigt."
            ),
            legal_basis="§ 9 Abs. 1 Satz 3 Nr. 4 EStG; § 155 Abs. 4 AO; § 121 AO",
            inputs=[
                ("Einfache Entfernung Wohnung – erste Tätigkeitsstätte", "45 km"),
                ("Erklärte Arbeitstage", "220"),
                ("Erklärte Berechnung", "45 km × 0,38 € × 220 Tage = 3.762 €"),
                ("Pauschale 2025", "0,30 € für km 1–20, 0,38 € ab km 21"),
                (
                    "Zum Vergleich: Pauschale ab 2026",
                    "0,38 € ab dem ersten Kilometer (Steueränderungsgesetz 2025)",
                ),
            ],
            rule_path=[
                ("Erste 20 km: 20 × 0,30 €", "6,00 € je Tag"),
                ("Weitere 25 km: 25 × 0,38 €", "9,50 € je Tag"),
                ("15,50 € × 220 Tage", "3.410 €"),
                ("Abweichung von der Erklärung?", "Ja, 352 € – Erläuterungstext einfügen"),
            ],
            citizen_explanation=(
                "<p>Für Ihre Fahrten zur Arbeit haben wir 3.410 € berücksichtigt, nicht "
                "3.762 €. Die Pauschale beträgt für die ersten 20 Kilometer 0,30 € und erst "
                "ab dem 21. Kilometer 0,38 € je Kilometer. Bei 45 Kilometern sind das 15,50 € "
                "je Arbeitstag, bei 220 Tagen also 3.410 €. Ab dem Jahr 2026 gilt "
                "übrigens 0,38 € schon ab dem ersten Kilometer; für 2025 bleibt es bei der "
                "gestaffelten Pauschale.</p>"
            ),
            human_review=(
                "Wer mit öffentlichen Verkehrsmitteln gefahren ist und höhere tatsächliche "
                "Kosten hat, kann diese nach § 9 Abs. 2 EStG geltend machen; trägt die Person "
                "das im Freitextfeld oder im Einspruch vor, prüft eine Amtsträgerin."
            ),
        ),
        _h2("Vorher und nachher"),
        _p(
            "<p>So lautete ein Textbaustein in einem Bescheid über die Rückforderung von "
            "Wohngeld: „Aufgrund der nachträglich bekannt gewordenen Erhöhung des "
            "Gesamteinkommens um mehr als 15 v. H. war die Bewilligung gemäß § 27 Abs. 2 "
            "WoGG i. V. m. § 48 SGB X mit Wirkung für die Vergangenheit aufzuheben und die "
            "Überzahlung gemäß § 50 SGB X zu erstatten.“ Der Satz ist richtig, aber kaum "
            "jemand versteht ihn beim ersten Lesen.</p>"
            "<p>Besser: „Sie haben uns am 3. März mitgeteilt, dass Sie seit Januar mehr "
            "verdienen: 2.310 € statt 1.840 € brutto im Monat. Ihr Einkommen ist damit um "
            "mehr als 15 % gestiegen. In diesem Fall muss Ihr Wohngeld ab Januar neu "
            "berechnet werden (§ 27 Abs. 2 WoGG). Ab Januar stehen Ihnen "
            "monatlich 64 € statt 148 € zu. Für Januar bis März haben Sie deshalb "
            "252 € zu viel erhalten, die Sie zurückzahlen müssen (§ 50 SGB X). Wenn Sie "
            "den Betrag nicht auf einmal zahlen können, rufen Sie uns an: Wir vereinbaren "
            "gern Raten.“</p>"
        ),
        _case(
            "Schreibübung: einen Textbaustein zur Hundesteuer überarbeiten",
            "<p>Das Steueramt einer Gemeinde beantwortet Rückfragen zur Hundesteuer mit "
            "diesem Standardsatz: „Die Festsetzung erfolgte gemäß § 5 Abs. 2 der "
            "Hundesteuersatzung unter Zugrundelegung der gemeldeten Anzahl gehaltener Hunde "
            "und ist nicht zu beanstanden.“ Bürgerinnen und Bürger rufen danach häufig "
            "erneut an. Frau Brandt hält seit dem 10. April 2026 einen zweiten Hund, hat ihn "
            "angemeldet und "
            "einen Bescheid über 120 € für 2026 erhalten. Nach der Satzung kostet der zweite "
            "Hund 180 € im Jahr; die Steuerpflicht beginnt mit dem ersten Tag des Monats, "
            "der auf den Beginn der Haltung folgt.</p>",
            [
                "Was fehlt dem Standardsatz aus Sicht der Bürgerinnen und Bürger?",
                "Schreiben Sie Frau Brandt in höchstens sechs Sätzen eine Erklärung ihres "
                "Bescheids, die ohne Rückfrage verständlich ist.",
            ],
            "<p>Es fehlen die Werte des konkreten Falls, die Rechnung und ein "
            "Handlungshinweis; „nicht zu beanstanden“ wirkt abweisend. Eine mögliche "
            "Fassung: „Sie halten seit dem 10. April 2026 einen zweiten Hund. Für einen "
            "zweiten Hund beträgt die Hundesteuer nach unserer Satzung 180 € im Jahr. Die "
            "Steuer beginnt mit dem Monat nach Beginn der Haltung, also am 1. Mai. Für Mai bis "
            "Dezember, das sind 8 von 12 Monaten, zahlen Sie deshalb 180 € × 8 / 12 = "
            "120 €. Wenn Sie meinen, dass eine Ermäßigung in Betracht kommt, etwa für einen "
            "Hund aus dem Tierheim, rufen Sie uns bitte an.“ Achten Sie beim Bewerten "
            "Ihrer eigenen Fassung darauf, ob Ergebnis, Daten, Regel und nächster Schritt "
            "vorkommen.</p>",
        ),
        _check(
            _q(
                "ordering",
                "<p>In welcher Reihenfolge baut ein Erläuterungstext nach dem Schema dieser "
                "Lektion seine Teile auf?</p>",
                competency="qd:QD.1",
                level=2,
                demand="understand",
                feedback=(
                    "Ergebnis zuerst, dann Daten und Regel, dann der nächste Schritt; die "
                    "Norm steht dabei in Klammern."
                ),
                tags=["Verständliche Sprache"],
                items=[
                    "Das Ergebnis der Entscheidung",
                    "Die Daten, mit denen gerechnet wurde, und ihre Herkunft",
                    "Die Regel, die gegriffen hat, mit der Norm in Klammern",
                    "Was die Person jetzt tun kann",
                ],
            )
        ),
    ],
}

_C2_LESSON_4 = {
    "slug": "am-telefon-erklaeren-und-eskalieren",
    "title": "Am Telefon erklären und richtig eskalieren",
    "summary": (
        "Ein Gesprächsleitfaden für Anrufe zu automatisierten Bescheiden: Identität prüfen, "
        "den Regelpfad erklären, bedeutsame Angaben erkennen und dokumentieren, den Fall an "
        "die richtige Stelle geben."
    ),
    "blocks": [
        _h2("Das Telefon ist Teil des Verfahrens"),
        _p(
            "<p>Wenn ein automatisierter Bescheid Fragen aufwirft, greifen die meisten "
            "Menschen zum Telefon. Das Gespräch ist mehr als Service: Was die Person dabei "
            "vorträgt, kann eine bedeutsame tatsächliche Angabe im Sinne von § 24 Abs. 1 "
            "Satz 3 VwVfG oder § 31a Satz 2 SGB X sein. Ein Anruf kann auch als Widerspruch "
            "gemeint sein, der so aber nicht wirksam ist: Widerspruch und Einspruch müssen "
            "schriftlich, elektronisch oder zur Niederschrift eingelegt werden. Ihre Aufgabe "
            "ist, zu erklären, zuzuhören, zu dokumentieren und richtig weiterzuleiten.</p>"
        ),
        _h3("Der Gesprächsleitfaden in fünf Schritten"),
        _p(
            "<ol><li><strong>Identität prüfen.</strong> Bevor Sie über Einkommen, "
            "Leistungen oder Steuern sprechen, klären Sie, mit wem Sie sprechen, etwa über "
            "Aktenzeichen und Geburtsdatum. Sozialdaten und Steuerdaten sind besonders "
            "geschützt (§ 35 SGB I, § 30 AO).</li>"
            "<li><strong>Anliegen klären.</strong> Lassen Sie die Person ausreden und "
            "fassen Sie zusammen: „Sie verstehen nicht, warum Ihr Wohngeld niedriger ist als "
            "im letzten Jahr?“</li>"
            "<li><strong>Den Regelpfad erklären.</strong> Nennen Sie die Daten, mit denen "
            "gerechnet wurde, und die Regel, die gegriffen hat. Vermeiden Sie Sätze wie „Das "
            "hat das System so entschieden.“ Richtig ist: „Wir haben mit diesen Angaben "
            "gerechnet, und nach dem Gesetz ergibt sich daraus …“</li>"
            "<li><strong>Auf neue Tatsachen achten.</strong> Stimmt eine Angabe nicht oder "
            "hat sich etwas geändert? Dann ist der Fall ein Fall für die Sachbearbeitung.</li>"
            "<li><strong>Nächsten Schritt vereinbaren und dokumentieren.</strong> Halten Sie "
            "das Gespräch in der Akte fest und sagen Sie der Person, was als Nächstes "
            "passiert und bis wann.</li></ol>"
        ),
        _box(
            "warning",
            "Wann Sie eskalieren müssen",
            "<ul><li>Die Person trägt Tatsachen vor, die das Verfahren nicht kannte "
            "(Trennung, Umzug, Krankheit, Jobverlust, ein weiteres Kind).</li><li>Die Daten "
            "im Bescheid sind offensichtlich falsch, etwa ein fremdes Einkommen oder ein "
            "falsches Geburtsdatum.</li><li>Es geht um Ermessen: Stundung, Erlass, "
            "Ratenzahlung, Härtefall.</li><li>Die Person will sich beschweren oder "
            "Widerspruch einlegen; weisen Sie auf Form und Frist hin.</li><li>Die Person ist "
            "in einer Notlage (drohender Wohnungsverlust, keine Mittel für Lebensmittel).</li>"
            "<li>Sie vermuten einen Fehler, der viele Fälle betrifft: Melden Sie ihn an die "
            "fachliche Leitstelle.</li></ul>",
        ),
        _explainer(
            "Grundsteuer: Bescheid der Gemeinde nach dem neuen Messbetrag",
            decision="Die Grundsteuer 2026 wird auf 556,00 € festgesetzt, fällig in vier Raten.",
            legal_basis=(
                "§ 25 GrStG (Hebesatz); § 28 Abs. 1 GrStG (Fälligkeit); Hebesatzsatzung der "
                "Gemeinde; Grundsteuermessbescheid des Finanzamts als Grundlagenbescheid"
            ),
            inputs=[
                ("Grundstück", "Eigentumswohnung, Lindenstraße 12"),
                ("Grundsteuermessbetrag laut Messbescheid des Finanzamts", "80,00 €"),
                ("Hebesatz laut Hebesatzsatzung 2026", "695 %"),
                ("Herkunft des Messbetrags", "elektronisch vom Finanzamt übermittelt"),
            ],
            rule_path=[
                ("Messbetrag × Hebesatz: 80,00 € × 695 %", "556,00 €"),
                (
                    "Fälligkeit nach § 28 Abs. 1 GrStG",
                    "je 139,00 € am 15.02., 15.05., 15.08. und 15.11.",
                ),
                ("Lastschriftmandat vorhanden?", "Nein – Zahlungshinweis in den Bescheid"),
            ],
            citizen_explanation=(
                "<p>Ihre Grundsteuer für 2026 beträgt 556,00 €. Sie ergibt sich aus zwei "
                "Werten: dem Messbetrag von 80,00 €, den das Finanzamt für Ihre Wohnung "
                "festgesetzt hat, und dem Hebesatz unserer Gemeinde von 695 %. 80,00 € × "
                "6,95 = 556,00 €. Sie zahlen in vier Raten zu je 139,00 €. Wenn Sie den "
                "Messbetrag für falsch halten, wenden Sie sich bitte an das Finanzamt: Nur "
                "dort kann er geändert werden, wir übernehmen ihn.</p>"
            ),
            human_review=(
                "Eine Person prüft, wenn der Messbescheid fehlt oder geändert wurde, wenn "
                "jemand Stundung, Erlass oder Ratenzahlung beantragt oder wenn eine "
                "Steuerbefreiung geltend gemacht wird."
            ),
        ),
        _case(
            "Der Anruf am Freitagnachmittag",
            "<p>Herr Kowalski ruft an, hörbar aufgebracht. Er hat einen automatisierten "
            "Bescheid erhalten, nach dem er 1.140 € Wohngeld zurückzahlen soll, weil nach "
            "einem Datenabgleich das Einkommen seiner Frau gestiegen sei. Er sagt: „Ich habe "
            "im Januar sofort angerufen, dass meine Frau ausgezogen ist! Und jetzt rechnet "
            "Ihr Computer immer noch mit ihrem Gehalt. Ich lege hiermit Widerspruch "
            "ein.“ In der Akte findet sich zum Januar kein Vermerk.</p>",
            [
                "Wie gehen Sie im Gespräch vor?",
                "Ist der telefonisch erklärte „Widerspruch“ wirksam, und was sagen Sie dazu?",
                "Was dokumentieren Sie, und an wen geben Sie den Fall?",
            ],
            "<p>Erst Identität prüfen, dann zuhören und zusammenfassen. Nicht über die "
            "Ursache spekulieren und nicht versprechen, dass der Bescheid aufgehoben wird. "
            "Die Trennung ist eine bedeutsame Tatsache, die das Verfahren offenbar nicht "
            "kannte; der Fall muss zur Sachbearbeitung. Ein telefonischer Widerspruch ist "
            "nicht formgerecht. Sagen Sie Herrn Kowalski, dass er binnen eines Monats nach "
            "Bekanntgabe schriftlich, elektronisch in der vorgesehenen Form oder zur "
            "Niederschrift bei der Behörde Widerspruch einlegen kann, und nennen Sie ihm den "
            "einfachsten Weg. Vermerken Sie Datum, Inhalt des Anrufs, den behaupteten Anruf "
            "im Januar und Ihren Hinweis. Geben Sie den Fall mit dem Vermerk „neue "
            "Tatsache: Trennung seit Januar“ an die Sachbearbeitung und bitten Sie darum, "
            "bis zur Klärung keine Mahnung oder Aufrechnung zu veranlassen. Fehlt der "
            "Januar-Anruf in der Akte, ist das zusätzlich ein Hinweis an die Teamleitung: "
            "Gehen Anrufe verloren, versagt eine Schutzvorkehrung des Verfahrens.</p>",
        ),
        _check(
            _q(
                "multiple",
                "<p>Welche Äußerungen in einem Telefonat sollten Sie an die Sachbearbeitung "
                "weitergeben? Wählen Sie alle zutreffenden aus.</p>",
                competency="qd:QD.1",
                level=4,
                demand="apply",
                feedback=(
                    "Neue Tatsachen, offensichtlich falsche Daten und Ermessensfragen gehören "
                    "zu einem Menschen; eine reine Verständnisfrage können Sie selbst klären."
                ),
                tags=["Eskalation", "Telefon"],
                options=[
                    _opt(
                        "„Ich bin seit Mai arbeitslos, das steht nicht im Bescheid.“",
                        True,
                        "Richtig: eine neue, erhebliche Tatsache.",
                    ),
                    _opt(
                        "„Können Sie mir die Rückzahlung in Raten ermöglichen?“",
                        True,
                        "Richtig: Ratenzahlung ist eine Ermessensentscheidung.",
                    ),
                    _opt(
                        "„Was bedeutet ‚Gesamteinkommen‘ in meinem Bescheid?“",
                        False,
                        "Das ist eine Verständnisfrage, die Sie direkt beantworten können.",
                    ),
                    _opt(
                        "„Im Bescheid steht ein Einkommen, das ich nie hatte.“",
                        True,
                        "Richtig: Offensichtlich falsche Eingangsdaten müssen geprüft werden.",
                    ),
                ],
            )
        ),
    ],
}

_C2_LESSON_5 = {
    "slug": "widerspruch-und-einspruch",
    "title": "Widerspruch und Einspruch gegen automatisierte Bescheide",
    "summary": (
        "Wie Rechtsbehelfe gegen automatisierte Bescheide funktionieren, warum das "
        "Vorverfahren die menschliche Überprüfung garantiert und wie Sie Fehler schnell "
        "abhelfen."
    ),
    "blocks": [
        _h2("Der Rechtsbehelf ist die menschliche Zweitprüfung"),
        _p(
            "<p>Jeder automatisierte Bescheid ist ein vollwertiger Verwaltungsakt und kann "
            "mit denselben Rechtsbehelfen angegriffen werden wie ein von Hand erlassener. "
            "Für viele Betroffene ist das der Weg, auf dem erstmals ein Mensch ihren Fall "
            "ansieht. Widersprüche und Einsprüche gegen automatisierte Bescheide bearbeiten "
            "deshalb Amtsträgerinnen und Amtsträger. Eine automatische Zurückweisung liefe "
            "dem Zweck des Vorverfahrens zuwider, und sie nähme den Betroffenen die "
            "menschliche Überprüfung, die zu den Garantien gehört, auf die sich die "
            "Zulassung vollautomatisierter Bescheide nach Art. 22 Abs. 2 Buchst. b DSGVO "
            "stützt.</p>"
        ),
        _box(
            "law",
            "Fristen und Formen im Überblick",
            "<ul><li><strong>Widerspruch nach VwGO</strong> (zum Beispiel Wohngeld): "
            "innerhalb eines Monats nach Bekanntgabe, schriftlich, in elektronischer Form "
            "oder zur Niederschrift bei der Behörde (§ 70 VwGO), soweit das Landesrecht das "
            "Vorverfahren nicht ausgeschlossen hat. Hält die Behörde den Widerspruch für "
            "begründet, hilft sie ihm ab (§ 72 VwGO).</li>"
            "<li><strong>Widerspruch nach SGG</strong> (zum Beispiel Elterngeld): ebenfalls "
            "ein Monat nach Bekanntgabe (§ 84 SGG).</li>"
            "<li><strong>Einspruch nach AO</strong> (Steuerbescheide der Finanzämter, "
            "etwa zur Einkommensteuer): ein Monat nach Bekanntgabe (§ 355 AO), schriftlich, elektronisch "
            "oder zur Niederschrift (§ 357 AO).</li>"
            "<li>Fehlt die Rechtsbehelfsbelehrung oder ist sie unrichtig, verlängert sich "
            "die Frist in der Regel auf ein Jahr (§ 58 Abs. 2 VwGO, § 66 Abs. 2 SGG, § 356 "
            "Abs. 2 AO).</li></ul>",
        ),
        _p(
            "<p>Bei automatisierten Verfahren lohnt ein Blick auf die Ursache des "
            "Widerspruchs. Oft ist der Bescheid nicht falsch berechnet, sondern auf falschen "
            "Eingangsdaten aufgebaut: einer veralteten Adresse, einer fehlerhaften "
            "Arbeitgebermeldung, einer nicht ausgewerteten Anlage. Dann sollten Sie zügig "
            "abhelfen und der Person einen neuen Bescheid schicken, statt das Verfahren zur "
            "Widerspruchsstelle weiterzuschieben. Im Sozialrecht steht daneben der "
            "Überprüfungsantrag nach § 44 SGB X offen, auch nach Ablauf der "
            "Widerspruchsfrist. Im Steuerrecht kann der Einspruch auch zu einer Änderung "
            "zuungunsten führen; darauf muss die Finanzbehörde vorher hinweisen (§ 367 "
            "Abs. 2 Satz 2 AO).</p>"
        ),
        _term(
            "Abhilfe",
            "<p>Die Entscheidung der Ausgangsbehörde, einem Widerspruch oder Einspruch "
            "selbst stattzugeben und den Bescheid zu ändern, ohne dass eine "
            "Widerspruchsbehörde oder ein Gericht entscheiden muss. Sie ist der schnellste "
            "Weg, einen Fehler zu korrigieren.</p>",
        ),
        _explainer(
            "Wohngeld: Abhilfe nach Widerspruch wegen nicht berücksichtigter Unterhaltszahlung",
            decision=(
                "Dem Widerspruch wird abgeholfen: Das Wohngeld wird von 0 € auf 118 € "
                "monatlich festgesetzt."
            ),
            legal_basis="§ 72 VwGO; § 18 WoGG (Abzugsbeträge für Unterhaltsleistungen)",
            inputs=[
                ("Ursprüngliche Entscheidung", "Ablehnung, Einkommen über der Grenze"),
                ("Vortrag im Widerspruch", "Unterhalt für ein Kind im Haushalt der Mutter"),
                ("Nachweis", "Unterhaltstitel des Jugendamts, 350 € monatlich, Kontoauszüge"),
                ("Berücksichtigung im Erstbescheid", "nicht erfolgt – kein Feld im Online-Antrag"),
            ],
            rule_path=[
                ("Unterhaltsverpflichtung tituliert und nachgewiesen?", "Ja"),
                ("Abzugsbetrag nach § 18 WoGG vom Einkommen", "berücksichtigt"),
                ("Neuberechnung mit bereinigtem Einkommen", "Anspruch 118 € monatlich"),
                ("Widerspruch begründet?", "Ja – Abhilfebescheid"),
            ],
            citizen_explanation=(
                "<p>Sie haben uns nachgewiesen, dass Sie für Ihre Tochter monatlich 350 € "
                "Unterhalt zahlen. Solche Zahlungen werden beim Wohngeld vom Einkommen "
                "abgezogen (§ 18 WoGG). Das hatten wir bei der ersten Entscheidung nicht "
                "berücksichtigt. Mit dem geringeren Einkommen steht Ihnen Wohngeld von 118 € "
                "im Monat zu. Die Nachzahlung überweisen wir in den nächsten Tagen.</p>"
            ),
            human_review=(
                "Jeder Widerspruch wird von einer Person bearbeitet. Fehlt im Online-Antrag "
                "ein Feld für eine häufige Angabe, meldet die Sachbearbeitung das an die "
                "Verfahrensverantwortlichen."
            ),
        ),
        _case(
            "Viele gleiche Einsprüche",
            "<p>Beim Finanzamt gehen innerhalb von zwei Wochen 40 Einsprüche gegen "
            "vollautomatisch erstellte Einkommensteuerbescheide ein. Alle Betroffenen "
            "arbeiten bei demselben Arbeitgeber. In allen Bescheiden ist eine steuerfreie "
            "Zahlung des Arbeitgebers als steuerpflichtiger Arbeitslohn behandelt worden. "
            "Die elektronische Lohnsteuerbescheinigung des Arbeitgebers enthält den Betrag in "
            "der falschen Zeile.</p>",
            [
                "Wie gehen Sie mit den 40 Einsprüchen um?",
                "Was unternehmen Sie für Beschäftigte desselben Arbeitgebers, die keinen Einspruch eingelegt haben?",
                "Wen informieren Sie, damit der Fehler nicht im nächsten Jahr wiederkehrt?",
            ],
            "<p>Die Einsprüche sind begründet; ihnen ist durch Änderungsbescheide "
            "abzuhelfen, möglichst gebündelt und mit einem gleichlautenden, verständlichen "
            "Erläuterungstext. Für die übrigen Beschäftigten prüfen Sie eine Änderung von "
            "Amts wegen nach den Änderungsvorschriften der AO, sobald der Arbeitgeber eine "
            "berichtigte Lohnsteuerbescheinigung übermittelt hat; warten Sie nicht auf "
            "weitere Einsprüche. Den Arbeitgeber fordern Sie zur Korrektur auf. Melden Sie "
            "das Muster an die Stelle, die das Risikomanagement betreut, damit künftig eine "
            "Prüfregel solche Abweichungen erkennt.</p>",
        ),
        _check(
            _q(
                "numeric",
                "<p>Ein Bescheid ohne Rechtsbehelfsbelehrung wird am 2. März bekannt gegeben. "
                "Wie viele Monate hat die betroffene Person in der Regel Zeit, Widerspruch "
                "einzulegen?</p>",
                competency="qd:QD.1",
                level=3,
                demand="apply",
                feedback=(
                    "Ohne ordnungsgemäße Rechtsbehelfsbelehrung gilt in der Regel die "
                    "Jahresfrist (§ 58 Abs. 2 VwGO, § 66 Abs. 2 SGG, § 356 Abs. 2 AO)."
                ),
                tags=["Rechtsbehelf", "Fristen"],
                answer=12.0,
                tolerance=0.0,
                unit="Monate",
            )
        ),
    ],
}

_C2_ASSESSMENT = {
    "title": "Abschlusstest: Automatisierte Bescheide verständlich begründen",
    "pass_mark_percent": 70,
    "max_attempts": 3,
    "time_limit_minutes": 30,
    "questions": [
        _q(
            "single",
            "<p>Ein vollautomatisierter Wohngeldbescheid bewilligt 64 € statt der bisherigen "
            "148 €, weil Einkommen aus einer Meldung des Arbeitgebers berücksichtigt wurde. "
            "Ist eine Begründung erforderlich?</p>",
            competency="qd:QD.1",
            level=4,
            demand="apply",
            feedback=(
                "Die Ausnahme für automatische Einrichtungen greift nur, wenn die Begründung "
                "nach den Umständen nicht geboten ist. Bei Kürzungen und Daten Dritter ist "
                "sie geboten."
            ),
            tags=["§ 35 SGB X", "Begründung"],
            options=[
                _opt(
                    "Ja, weil der Bescheid zulasten der Person abweicht und auf Daten Dritter beruht",
                    True,
                    "Richtig. Die Person kann die Kürzung sonst nicht nachvollziehen.",
                ),
                _opt(
                    "Nein, automatisch erlassene Bescheide brauchen nie eine Begründung",
                    False,
                    "Falsch. § 35 Abs. 2 Nr. 3 SGB X befreit nur, wenn die Begründung nicht "
                    "geboten ist.",
                ),
                _opt(
                    "Nein, es genügt der Hinweis auf das Wohngeldgesetz",
                    False,
                    "Ein Normverweis ersetzt nicht die wesentlichen tatsächlichen Gründe.",
                ),
            ],
        ),
        _q(
            "multiple",
            "<p>Eine Bürgerin verlangt Auskunft nach Art. 15 Abs. 1 DSGVO über einen "
            "vollautomatisiert erlassenen Bescheid. Welche Angaben gehören nach Buchst. g "
            "(Herkunft der Daten) und Buchst. h (involvierte Logik) in die Antwort? Wählen "
            "Sie alle zutreffenden aus.</p>",
            competency="qd:QD.4",
            level=3,
            demand="apply",
            feedback=(
                "Nach dem EuGH (C-203/22) muss die Person verstehen können, welche ihrer Daten "
                "wie verwendet wurden; Quellcode oder Formeln allein genügen nicht."
            ),
            tags=["Art. 15 DSGVO"],
            options=[
                _opt(
                    "Welche Daten der Person mit welchem Wert eingeflossen sind",
                    True,
                    "Richtig: Das ist der Kern der Erläuterung.",
                ),
                _opt(
                    "Woher diese Daten stammen",
                    True,
                    "Richtig: Die Herkunft gehört nach Art. 15 Abs. 1 Buchst. g DSGVO zur "
                    "Auskunft, wenn die Daten nicht bei der Person erhoben wurden.",
                ),
                _opt(
                    "Welche Regeln auf die Daten angewendet wurden und mit welchem Ergebnis",
                    True,
                    "Richtig: Verfahren und Grundsätze, die konkret angewandt wurden.",
                ),
                _opt(
                    "Der vollständige Quellcode des Fachverfahrens",
                    False,
                    "Nein. Der Quellcode ist weder geschuldet noch verständlich.",
                ),
            ],
        ),
        _q(
            "true_false",
            "<p>Eine Behörde darf bei einer Auskunft nach Art. 15 DSGVO die Erläuterung der "
            "Logik pauschal mit dem Hinweis auf Geschäftsgeheimnisse des Softwareherstellers "
            "verweigern.</p>",
            competency="qd:QD.4",
            level=2,
            demand="understand",
            correct=False,
            feedback=(
                "Geschäftsgeheimnisse sind abzuwägen, notfalls durch Aufsichtsbehörde oder "
                "Gericht; eine pauschale Verweigerung ist unzulässig. Bei Behörden folgt die "
                "Logik ohnehin meist aus dem Gesetz."
            ),
            feedback_true="Nein. Eine pauschale Verweigerung hat der EuGH ausgeschlossen.",
            feedback_false="Richtig. Es bedarf einer Abwägung im Einzelfall.",
            tags=["Art. 15 DSGVO"],
        ),
        _q(
            "numeric",
            "<p>Eine Arbeitnehmerin fährt 30 km (einfache Entfernung) an 200 Tagen zur "
            "Arbeit. Wie hoch ist die Entfernungspauschale für 2025 (0,30 € für die ersten "
            "20 km, 0,38 € ab dem 21. km)? Angabe in Euro.</p>",
            competency="qd:QD.1",
            level=3,
            demand="apply",
            feedback=(
                "20 × 0,30 € = 6,00 €, 10 × 0,38 € = 3,80 €, zusammen 9,80 € je Tag; "
                "× 200 Tage = 1.960 €. Ab 2026 gelten 0,38 € ab dem ersten Kilometer: "
                "30 × 0,38 € × 200 = 2.280 €. Wer den Regelpfad nachrechnen kann, erklärt "
                "ihn sicher."
            ),
            tags=["Einkommensteuer", "Regelpfad"],
            answer=1960.0,
            tolerance=0.5,
            unit="€",
        ),
        _q(
            "ordering",
            "<p>Bringen Sie die Schritte eines Anrufs zu einem automatisierten Bescheid in "
            "die Reihenfolge, in der jeder Schritt den vorigen voraussetzt.</p>",
            competency="qd:QD.1",
            level=2,
            demand="understand",
            feedback=(
                "Über den Fall sprechen Sie erst, wenn die Identität geklärt ist "
                "(Sozialgeheimnis); einen nächsten Schritt vereinbaren Sie erst, wenn die "
                "Person die Entscheidung verstanden hat; dokumentieren können Sie nur, was "
                "vereinbart ist. Auf neue Tatsachen achten Sie das ganze Gespräch über."
            ),
            tags=["Telefon"],
            items=[
                "Identität der anrufenden Person prüfen",
                "Daten und Regel erklären, die zur Entscheidung geführt haben",
                "Nächsten Schritt vereinbaren",
                "Vereinbarung und neue Angaben in der Akte dokumentieren",
            ],
        ),
        _q(
            "matching",
            "<p>Ordnen Sie jedem Bescheid den richtigen Rechtsbehelf zu. Gehen Sie davon "
            "aus, dass Ihr Land das Widerspruchsverfahren für das Wohngeld beibehalten "
            "hat.</p>",
            competency="qd:QD.1",
            level=2,
            demand="recall",
            feedback=(
                "Steuern: Einspruch nach der AO. Wohngeld: Widerspruch nach der VwGO, soweit "
                "das Land das Vorverfahren beibehalten hat (§ 68 Abs. 1 Satz 2 VwGO erlaubt "
                "den Ausschluss durch Gesetz). Elterngeld: Widerspruch nach SGG."
            ),
            tags=["Rechtsbehelf"],
            pairs=[
                {"left": "Einkommensteuerbescheid", "right": "Einspruch, § 347 AO"},
                {"left": "Wohngeldbescheid", "right": "Widerspruch, § 68 VwGO"},
                {"left": "Elterngeldbescheid", "right": "Widerspruch, § 78 SGG"},
                {
                    "left": "Ablehnung eines Antrags auf Wohngeld nach Widerspruchsbescheid",
                    "right": "Klage vor dem Verwaltungsgericht",
                },
            ],
        ),
        _q(
            "single",
            "<p>Ein Bürger möchte einen Wohngeldbescheid am Telefon erklärt "
            "bekommen und fragt, ob Sie ihm die Berechnung per unverschlüsselter E-Mail an "
            "seine private Adresse schicken können. Welche Antwort ist angemessen?</p>",
            competency="digcomp:2.1",
            level=3,
            demand="apply",
            digcomp_statements=["CS2.1.08"],
            feedback=(
                "Wählen Sie den Kanal nach Schutzbedarf: Sozialdaten gehören in das "
                "Postfach des Nutzerkontos, auf den Postweg oder in einen anderen sicheren "
                "Kanal, den Ihre Behörde vorsieht."
            ),
            tags=["Kommunikationskanal", "Sozialgeheimnis"],
            options=[
                _opt(
                    "Die Berechnung in das Postfach seines Nutzerkontos stellen oder per Post "
                    "schicken und dies telefonisch ankündigen",
                    True,
                    "Richtig. So bleibt das Sozialgeheimnis gewahrt, und er erhält die "
                    "Erklärung schriftlich.",
                ),
                _opt(
                    "Die Berechnung sofort unverschlüsselt per E-Mail schicken, weil er es am "
                    "Telefon wünscht",
                    False,
                    "So nicht. Ein Verzicht auf Verschlüsselung ist nach dem Beschluss der "
                    "Datenschutzkonferenz vom 24. November 2021 nur denkbar, wenn Ihre Behörde "
                    "dafür ein Verfahren vorsieht: Die Person wird über die Risiken "
                    "aufgeklärt, verzichtet ausdrücklich und nur für ihre eigenen Daten, und "
                    "der Verzicht wird dokumentiert. Ein Zuruf am Telefon genügt nicht.",
                ),
                _opt(
                    "Die Erklärung ablehnen und auf den Widerspruch verweisen",
                    False,
                    "Erklären ist Ihre Aufgabe; der Widerspruch ist kein Ersatz dafür.",
                ),
            ],
        ),
        _q(
            "short_text",
            "<p>Wie heißt die Entscheidung der Ausgangsbehörde, einem begründeten "
            "Widerspruch selbst stattzugeben und den Bescheid zu ändern? (ein Wort)</p>",
            competency="qd:QD.1",
            level=2,
            demand="recall",
            feedback="Die Abhilfe (§ 72 VwGO) ist der schnellste Weg, einen Fehler zu korrigieren.",
            tags=["Rechtsbehelf", "Begriffe"],
            accepted=["Abhilfe", "Abhilfebescheid", "Abhilfeentscheidung"],
        ),
        _q(
            "multiple",
            "<p>Welche Formulierungen machen einen Erläuterungstext verständlicher? Wählen "
            "Sie alle zutreffenden aus.</p>",
            competency="qd:QD.1",
            level=3,
            demand="apply",
            feedback=(
                "Direkte Ansprache, konkrete Zahlen mit Rechnung und ein nächster Schritt "
                "helfen; Substantivketten und vorangestellte Normen erschweren das Lesen."
            ),
            tags=["Verständliche Sprache"],
            options=[
                _opt(
                    "„Sie haben 230 Tage angegeben; höchstens 210 Tage sind absetzbar.“",
                    True,
                    "Richtig: direkte Ansprache und konkrete Zahlen.",
                ),
                _opt(
                    "„Gemäß § 4 Abs. 5 Satz 1 Nr. 6c EStG erfolgte eine Begrenzung.“",
                    False,
                    "Die Norm als Satzanfang und das Passiv machen den Satz schwer verständlich.",
                ),
                _opt(
                    "„Wenn Sie einen Nachweis haben, schicken Sie ihn uns bitte bis zum 30. Juni.“",
                    True,
                    "Richtig: ein klarer nächster Schritt mit Datum.",
                ),
                _opt(
                    "„Die Festsetzung ist nicht zu beanstanden.“",
                    False,
                    "Der Satz erklärt nichts und wirkt abweisend.",
                ),
            ],
        ),
        _q(
            "true_false",
            "<p>Ein Widerspruch kann wirksam am Telefon eingelegt werden, wenn die "
            "Sachbearbeiterin einen Gesprächsvermerk anlegt.</p>",
            competency="qd:QD.1",
            level=2,
            demand="recall",
            correct=False,
            feedback=(
                "Widerspruch und Einspruch verlangen die Schriftform, die elektronische Form "
                "oder die Niederschrift bei der Behörde; ein Telefonvermerk ersetzt sie nicht. "
                "Weisen Sie Anrufende auf Form und Frist hin."
            ),
            feedback_true=(
                "Nein. Ein Telefonvermerk ist keine Niederschrift im Sinne von § 70 VwGO."
            ),
            feedback_false="Richtig. Weisen Sie auf die zulässigen Formen und die Frist hin.",
            tags=["Rechtsbehelf", "Telefon"],
        ),
    ],
}

COURSE_ENTSCHEIDUNGEN_ERKLAEREN = {
    "slug": "entscheidungen-erklaeren",
    "title": "Automatisierte Bescheide verständlich begründen",
    "summary": (
        "Wie Sie automatisierte Bescheide rechtssicher begründen und Bürgerinnen und "
        "Bürgern am Telefon und schriftlich verständlich erklären: Begründungspflicht nach "
        "§ 39 VwVfG und ihre Ausnahmen, Auskunft über die involvierte Logik nach Art. 13 bis "
        "15 DSGVO, Regelpfade in klarer Sprache, Eskalation und Widerspruch – an Fällen aus "
        "Wohngeld, Elterngeld, Einkommensteuer und Grundsteuer."
    ),
    "objectives": [
        "Sie können beurteilen, ob und wie ein automatisierter Bescheid nach § 39 VwVfG, "
        "§ 35 SGB X oder § 121 AO zu begründen ist.",
        "Sie können eine aussagekräftige Auskunft über die involvierte Logik nach Art. 15 "
        "DSGVO geben und ihre Grenzen benennen.",
        "Sie können einen Regelpfad in einen verständlichen Erläuterungstext übersetzen.",
        "Sie können Anrufe zu automatisierten Bescheiden strukturiert führen und Fälle, die "
        "einen Menschen brauchen, richtig eskalieren.",
        "Sie können Betroffene über Widerspruch und Einspruch zutreffend informieren und "
        "Fehlern zügig abhelfen.",
    ],
    "duration_minutes": 150,
    "audience_roles": ["sachbearbeitung", "fuehrungskraft", "nachwuchskraft", "datenschutz"],
    "develops": [("qd:QD.1", 4), ("qd:QD.4", 3), ("digcomp:2.1", 3)],
    "prerequisites": ["vollautomatisierte-verwaltungsakte"],
    "lessons": [_C2_LESSON_1, _C2_LESSON_2, _C2_LESSON_3, _C2_LESSON_4, _C2_LESSON_5],
    "assessment": _C2_ASSESSMENT,
}


# ---------------------------------------------------------------------------------------
# Course 3: Die KI-Verordnung in der Verwaltung
# ---------------------------------------------------------------------------------------

_C3_LESSON_1 = {
    "slug": "ki-system-rollen-und-zeitplan",
    "title": "KI-System oder nicht? Begriffe, Rollen und Zeitplan",
    "summary": (
        "Was die Verordnung (EU) 2024/1689 unter einem KI-System versteht, warum die Behörde "
        "meist Betreiberin ist und ab wann welche Pflichten gelten."
    ),
    "blocks": [
        _h2("Nicht jedes Fachverfahren ist KI"),
        _p(
            "<p>Die KI-Verordnung der EU (Verordnung (EU) 2024/1689, oft „AI Act“ genannt) "
            "ist am 1. August 2024 in Kraft getreten. Sie regelt nicht Software im "
            "Allgemeinen, sondern <em>KI-Systeme</em>. Bevor Sie über Risikoklassen und "
            "Pflichten nachdenken, steht deshalb immer die erste Frage: Ist das, was wir "
            "einsetzen, überhaupt ein KI-System?</p>"
        ),
        _box(
            "law",
            "Art. 3 Nr. 1 KI-Verordnung – KI-System",
            "<p>Ein KI-System ist ein maschinengestütztes System, das für einen in "
            "unterschiedlichem Grade autonomen Betrieb ausgelegt ist, das nach seiner "
            "Betriebsaufnahme anpassungsfähig sein kann und das aus den erhaltenen Eingaben "
            "für explizite oder implizite Ziele <strong>ableitet</strong>, wie Ausgaben wie "
            "Vorhersagen, Inhalte, Empfehlungen oder Entscheidungen erstellt werden, die "
            "physische oder virtuelle Umgebungen beeinflussen können. Nach "
            "Erwägungsgrund 12 gehören Systeme nicht dazu, die ausschließlich auf von "
            "natürlichen Personen festgelegten Regeln für die automatische Ausführung von "
            "Vorgängen beruhen.</p>",
        ),
        _p(
            "<p>Das entscheidende Merkmal ist die Fähigkeit, <strong>abzuleiten</strong>. "
            "Ein klassisches Wohngeldprogramm, das die Formel des Wohngeldgesetzes Schritt für "
            "Schritt ausrechnet, tut das nicht: Jede Regel hat ein Mensch vorgegeben. Es ist "
            "ein vollautomatisiertes Verfahren im Sinne von § 31a SGB X, aber in aller Regel "
            "kein KI-System. Anders ein Modell, das aus früheren Fällen gelernt hat, welche "
            "Anträge wahrscheinlich fehlerhaft sind, ein Sprachmodell, das Anträge "
            "zusammenfasst, oder eine Dokumentenerkennung, die Werte aus eingescannten "
            "Lohnabrechnungen ausliest. Die Kommission hat 2025 Leitlinien zur Definition "
            "veröffentlicht; ziehen Sie sie in Zweifelsfällen heran.</p>"
        ),
        _term(
            "Betreiber und Anbieter",
            "<p><strong>Anbieter</strong> ist, wer ein KI-System entwickelt oder entwickeln "
            "lässt und unter eigenem Namen in Verkehr bringt oder in Betrieb nimmt (Art. 3 "
            "Nr. 3). <strong>Betreiber</strong> ist, wer ein KI-System in eigener "
            "Verantwortung verwendet, ausgenommen im Rahmen einer persönlichen, nicht "
            "beruflichen Tätigkeit (Art. 3 Nr. 4); das schließt Behörden ausdrücklich ein. "
            "Eine Behörde, die ein gekauftes System einsetzt, ist Betreiberin. Sie kann nach "
            "Art. 25 selbst zur Anbieterin werden, etwa wenn sie das System wesentlich "
            "verändert oder seine Zweckbestimmung so ändert, dass es zum Hochrisiko-System "
            "wird.</p>",
        ),
        _h2("Der Zeitplan"),
        _p(
            "<p>Die Verordnung gilt gestaffelt (Art. 113). Der Zeitplan wurde 2026 durch den "
            "„digitalen Omnibus zur KI“ geändert (Verfahren 2025/0359(COD)): Das Europäische "
            "Parlament hat die Änderungsverordnung am 16. Juni 2026 angenommen, der Rat am "
            "29. Juni 2026. Nach übereinstimmenden Fachveröffentlichungen ist sie als "
            "Verordnung (EU) 2026/1744 vom 8. Juli 2026 im Amtsblatt vom 24. Juli 2026 "
            "veröffentlicht worden und am 27. Juli 2026, dem dritten Tag nach der "
            "Veröffentlichung, in Kraft getreten. Stand 4. Dezember 2026 gilt danach:</p>"
            "<ul><li><strong>2. Februar 2025:</strong> allgemeine Bestimmungen einschließlich "
            "der KI-Kompetenz (Art. 4) und die Verbote bestimmter Praktiken (Art. 5).</li>"
            "<li><strong>2. August 2025:</strong> Regeln für KI-Modelle mit allgemeinem "
            "Verwendungszweck, Governance, Sanktionen.</li>"
            "<li><strong>2. August 2026:</strong> der Großteil der übrigen Vorschriften, "
            "darunter die Transparenzpflichten nach Art. 50 und das Recht auf Erläuterung "
            "nach Art. 86.</li>"
            "<li><strong>2. Dezember 2026:</strong> die mit dem Omnibus neu eingefügten "
            "Verbote KI-erzeugter nicht einvernehmlicher intimer Darstellungen und von "
            "Darstellungen sexuellen Kindesmissbrauchs (Art. 5); außerdem endet die "
            "Übergangsfrist, in der generative Systeme, die vor dem 2. August 2026 in "
            "Verkehr gebracht wurden, ihre Ausgaben noch nicht maschinenlesbar kennzeichnen "
            "mussten (Art. 50 Abs. 2 mit Art. 111 Abs. 4).</li>"
            "<li><strong>2. Dezember 2027:</strong> Pflichten für Hochrisiko-Systeme nach "
            "Anhang III, etwa bei Sozialleistungen (bisher 2. August 2026).</li>"
            "<li><strong>2. August 2028:</strong> Hochrisiko-Systeme, die Sicherheitsbauteil "
            "von Produkten nach Anhang I sind (bisher 2. August 2027).</li></ul>"
            "<p>Für Hochrisiko-Systeme, die Behörden schon vor dem Geltungsbeginn nutzen, "
            "enthält Art. 111 Abs. 2 eine Übergangsregel mit einer Frist bis zum "
            "2. August 2030; prüfen Sie in der konsolidierten Fassung auf EUR-Lex, wie sie "
            "mit den neuen Daten zusammenwirkt.</p>"
        ),
        _box(
            "warning",
            "Rechtsstand 4. Dezember 2026: was feststeht und was Sie prüfen müssen",
            "<p>Die Kommission hatte im November 2025 vorgeschlagen, den Beginn der "
            "Hochrisiko-Pflichten an die Verfügbarkeit harmonisierter Normen zu knüpfen. "
            "Beschlossen wurden stattdessen feste Daten (2. Dezember 2027 und 2. August 2028). "
            "Die Fundstelle der Änderungsverordnung (Verordnung (EU) 2026/1744) konnte bei "
            "Redaktionsschluss dieser Lektion nur anhand von Fachveröffentlichungen, nicht "
            "am Amtsblatt selbst geprüft werden. Legen Sie vor Projektentscheidungen die "
            "konsolidierte Fassung der Verordnung (EU) 2024/1689 auf EUR-Lex zugrunde. Die "
            "Verschiebung ist kein Aufschub für alles: KI-Kompetenz, Verbote und "
            "Transparenzpflichten gelten bereits.</p>",
        ),
        _case(
            "Drei Systeme im Landesamt",
            "<p>Die Stabsstelle Datenschutz soll eine Übersicht aller KI-Systeme im Landesamt "
            "erstellen. Gemeldet wurden: (1) das Wohngeldverfahren, das Anspruch und Höhe "
            "nach der Formel des WoGG berechnet und einfache Fälle vollautomatisch bescheidet; "
            "(2) ein Chatbot auf der Website, der mit einem Sprachmodell Fragen zu "
            "Antragsunterlagen beantwortet; (3) ein Modell in der Grundsicherung, das aus "
            "abgeschlossenen Fällen gelernt hat und neue Anträge mit einem Prüfscore "
            "versieht.</p>",
            [
                "Welche der drei Systeme sind KI-Systeme im Sinne von Art. 3 Nr. 1?",
                "Welche Rolle hat das Landesamt jeweils?",
                "Welche Pflichten gelten für alle drei schon heute?",
            ],
            "<p>(1) ist ein regelbasiertes Verfahren ohne Ableitung und in aller Regel kein "
            "KI-System; für es gelten § 31a SGB X und Art. 22 DSGVO. (2) und (3) sind "
            "KI-Systeme, weil sie aus Daten abgeleitete Ausgaben erzeugen. Das Landesamt ist "
            "Betreiber, solange es die Systeme nicht unter eigenem Namen anbietet oder "
            "wesentlich verändert. Beim Chatbot auf der eigenen Website kann es allerdings "
            "selbst Anbieter sein, wenn es ihn unter eigenem Namen in Betrieb nimmt; klären "
            "Sie das mit dem Dienstleister. Für (2) gilt ab dem 2. August 2026 die "
            "Transparenzpflicht des Art. 50: Nutzerinnen und Nutzer müssen erkennen, dass "
            "sie mit einer KI kommunizieren. (3) ist ein Kandidat für Anhang III Nr. 5 "
            "Buchst. a (nächste Lektion); die Hochrisiko-Pflichten gelten dafür ab dem "
            "2. Dezember 2027. Für die Beschäftigten, die mit (2) und (3) arbeiten, muss das "
            "Landesamt schon jetzt Maßnahmen zur Förderung der KI-Kompetenz ergreifen "
            "(Art. 4). Für alle drei gilt die DSGVO unverändert weiter.</p>",
        ),
        _check(
            _q(
                "ordering",
                "<p>Bringen Sie die Anwendungszeitpunkte der KI-Verordnung in die richtige "
                "Reihenfolge.</p>",
                competency="qd:QD.8",
                level=2,
                demand="recall",
                feedback=(
                    "Inkrafttreten am 1. August 2024; Verbote und KI-Kompetenz ab 2. Februar "
                    "2025; Regeln für KI-Modelle mit allgemeinem Verwendungszweck ab 2. August "
                    "2025; Hochrisiko-Pflichten nach Anhang III nach der Änderung durch den "
                    "digitalen Omnibus ab 2. Dezember 2027 (ursprünglich 2. August 2026)."
                ),
                tags=["KI-Verordnung", "Zeitplan"],
                items=[
                    "Inkrafttreten der Verordnung",
                    "Verbotene Praktiken und Pflicht zur KI-Kompetenz",
                    "Regeln für KI-Modelle mit allgemeinem Verwendungszweck",
                    "Pflichten für Hochrisiko-Systeme nach Anhang III",
                ],
            )
        ),
    ],
}

_C3_LESSON_2 = {
    "slug": "risikoklassen-und-hochrisiko-systeme",
    "title": "Risikoklassen und Hochrisiko-Systeme bei Sozialleistungen",
    "summary": (
        "Verbotene Praktiken, Hochrisiko-Systeme nach Anhang III, Transparenzpflichten und "
        "minimales Risiko, mit einem genauen Blick auf Anhang III Nr. 5 Buchst. a."
    ),
    "blocks": [
        _h2("Vier Stufen"),
        _p(
            "<p>Die KI-Verordnung folgt einem risikobasierten Ansatz:</p>"
            "<ul><li><strong>Verbotene Praktiken</strong> (Art. 5), zum Beispiel "
            "Social Scoring, das Menschen in einem anderen Zusammenhang benachteiligt, die "
            "Vorhersage von Straftaten allein auf Grundlage von Profiling oder die Erkennung "
            "von Emotionen am Arbeitsplatz. Der digitale Omnibus hat ab dem 2. Dezember "
            "2026 Systeme hinzugefügt, die nicht einvernehmliche intime Darstellungen "
            "erkennbarer Personen oder Darstellungen sexuellen Kindesmissbrauchs erzeugen "
            "oder manipulieren.</li>"
            "<li><strong>Hochrisiko-Systeme</strong> (Art. 6 mit Anhang I und III) mit "
            "umfangreichen Pflichten für Anbieter und Betreiber.</li>"
            "<li><strong>Systeme mit Transparenzpflichten</strong> (Art. 50), etwa Chatbots "
            "und erzeugte oder manipulierte Bild-, Ton- und Videoinhalte.</li>"
            "<li><strong>Alle übrigen Systeme</strong> mit minimalem Risiko; für sie gilt "
            "vor allem die Pflicht zur KI-Kompetenz.</li></ul>"
        ),
        _box(
            "law",
            "Anhang III Nr. 5 Buchst. a KI-Verordnung",
            "<p>Hochrisiko sind KI-Systeme, die bestimmungsgemäß von Behörden oder in deren "
            "Auftrag verwendet werden sollen, um zu beurteilen, ob natürliche Personen "
            "<strong>Anspruch auf grundlegende staatliche Unterstützungsleistungen und "
            "-dienste</strong>, einschließlich Gesundheitsdiensten, haben, und um solche "
            "Leistungen und Dienste zu <strong>gewähren, einzuschränken, zu widerrufen oder "
            "zurückzufordern</strong>. Weitere für Behörden wichtige Bereiche in Anhang III "
            "sind unter anderem Beschäftigung und Personalmanagement (Nr. 4), Migration, Asyl "
            "und Grenzkontrolle (Nr. 7) sowie Rechtspflege und demokratische Prozesse "
            "(Nr. 8).</p>",
        ),
        _p(
            "<p>Wohngeld, Grundsicherung, Elterngeld oder BAföG sind typische "
            "grundlegende staatliche Unterstützungsleistungen. Ein KI-System, das in diesen "
            "Verfahren über Anspruch, Höhe, Aufhebung oder Rückforderung mitbestimmt, ist "
            "daher grundsätzlich ein Hochrisiko-System.</p>"
            "<p>Art. 6 Abs. 3 enthält eine Ausnahme: Ein System nach Anhang III ist nicht "
            "hochriskant, wenn es kein erhebliches Risiko birgt, weil es nur eine eng "
            "gefasste Verfahrensaufgabe erfüllt, das Ergebnis einer zuvor abgeschlossenen "
            "menschlichen Tätigkeit verbessert, Entscheidungsmuster oder Abweichungen "
            "erkennt, ohne die menschliche Bewertung ohne angemessene Überprüfung zu ersetzen "
            "oder zu beeinflussen, oder nur eine vorbereitende Aufgabe erfüllt. Aber: Ein "
            "in Anhang III genanntes System, das <strong>Profiling natürlicher "
            "Personen</strong> vornimmt, kann sich auf diese Ausnahme nie berufen. Die "
            "Regel wirkt nur innerhalb von Anhang III; ein System außerhalb davon wird durch "
            "Profiling nicht hochriskant. Ein Prüfscore, der die wirtschaftliche Lage oder "
            "Zuverlässigkeit einer antragstellenden Person bewertet, ist Profiling. Die "
            "Einstufung nimmt der Anbieter vor und dokumentiert sie; die Behörde sollte sie "
            "dennoch selbst nachvollziehen.</p>"
        ),
        _explainer(
            "Wohngeld: KI-gestützter Prüfhinweis bei sehr niedrigem Einkommen",
            decision=(
                "Kein automatischer Bescheid. Das System gibt einen Prüfhinweis aus; eine "
                "Sachbearbeiterin klärt, wovon der Haushalt seinen Lebensunterhalt bestreitet."
            ),
            legal_basis=(
                "Anhang III Nr. 5 Buchst. a KI-Verordnung; §§ 20, 31a SGB X; "
                "Verwaltungsvorschrift zum WoGG (Plausibilität des Einkommens)"
            ),
            inputs=[
                ("Haushalt", "3 Personen, Miete 780 € warm"),
                ("Angegebenes Gesamteinkommen", "940 € monatlich"),
                ("Prüfscore des Modells (0–100)", "87"),
                (
                    "Wichtigste Einflussgrößen laut Modell",
                    "Einkommen im Verhältnis zur Miete, Selbständigkeit, Wechsel des Einkommens",
                ),
            ],
            rule_path=[
                (
                    "Prüfscore über dem Schwellenwert 70?",
                    "Ja – Fall wird nicht automatisiert beschieden",
                ),
                (
                    "Regel: Einkommen deckt Miete und Lebensunterhalt offensichtlich nicht?",
                    "Ja – Prüfhinweis „Lebensunterhalt klären“",
                ),
                ("Menschliche Prüfung", "Sachbearbeiterin fordert gezielt Nachweise an"),
            ],
            citizen_explanation=(
                "<p>Ihre Einnahmen sind niedriger als Ihre Miete und der Betrag, den Ihr "
                "Haushalt zum Leben braucht. Bevor wir über Wohngeld entscheiden, müssen wir "
                "deshalb wissen, wovon Sie derzeit leben, zum Beispiel von Ersparnissen, "
                "Unterstützung durch Angehörige oder anderen Leistungen. Bitte schicken Sie "
                "uns dazu die im Schreiben genannten Nachweise. Über Ihren Antrag entscheidet "
                "eine Sachbearbeiterin.</p>"
            ),
            human_review=(
                "Jeder Fall mit Prüfhinweis wird von einer Person entschieden; der Score "
                "allein begründet weder eine Ablehnung noch eine Mitwirkungsaufforderung. "
                "Die Sachbearbeiterin prüft die Einflussgrößen und dokumentiert, warum sie "
                "dem Hinweis folgt oder nicht."
            ),
        ),
        _case(
            "Posteingang, Qualitätskontrolle, Prüfscore: hochriskant oder nicht?",
            "<p>Referat 11 (Wohngeld) prüft drei KI-Anwendungen eines Anbieters: (a) Die KI "
            "liest eingehende Briefe, erkennt das Aktenzeichen und ordnet sie dem richtigen "
            "Vorgang zu. (b) Die KI vergleicht bereits erlassene Bescheide mit früheren "
            "Entscheidungen und meldet der Teamleitung auffällige Abweichungen zur Prüfung. "
            "(c) Die KI schätzt aus den Antragsdaten, wie wahrscheinlich die Angaben einer "
            "antragstellenden Person unvollständig sind, und sortiert den Postkorb danach.</p>",
            [
                "Welche Ausnahme nach Art. 6 Abs. 3 könnte für (a) und (b) greifen?",
                "Unter welchen Voraussetzungen ist (c) ein Hochrisiko-System, und warum hilft die Ausnahme nach Art. 6 Abs. 3 dann nicht?",
                "Was verlangen Sie vom Anbieter, und welche Pflichten bleiben auch ohne Hochrisiko-Einstufung?",
            ],
            "<p>(a) erfüllt eine eng gefasste Verfahrensaufgabe (Art. 6 Abs. 3 Buchst. a) "
            "und bewertet keine Personen; sie ist voraussichtlich nicht hochriskant. (b) "
            "erkennt Abweichungen von früheren Entscheidungsmustern, ohne die abgeschlossene "
            "menschliche Bewertung ohne Überprüfung zu ersetzen (Buchst. c); auch das kann "
            "die Einstufung als Hochrisiko-System ausschließen, solange die Meldungen von "
            "Menschen geprüft werden. Für (c) ist zuerst Anhang III Nr. 5 Buchst. a zu "
            "prüfen: Das System muss bestimmungsgemäß dazu dienen, den Anspruch auf eine "
            "grundlegende staatliche Unterstützungsleistung zu beurteilen oder sie zu "
            "gewähren, einzuschränken, zu widerrufen oder zurückzufordern. Bestimmt die "
            "Sortierung, welche Anträge vertieft geprüft werden, und wirkt sie damit auf "
            "Bewilligung oder Ablehnung ein, liegt das nahe. "
            "Erst dann kommt Art. 6 Abs. 3 ins Spiel: Die Ausnahme steht einem System nach "
            "Anhang III nicht offen, wenn es Profiling natürlicher Personen vornimmt "
            "(Unterabs. 3), und (c) bewertet persönliche Aspekte der Antragstellenden. "
            "Art. 6 Abs. 3 macht also kein System hochriskant, das nicht schon in Anhang III "
            "fällt. Verlangen Sie vom Anbieter die dokumentierte Einstufung (Art. 6 "
            "Abs. 4) und die Registrierung; prüfen Sie die Begründung selbst. Unabhängig von "
            "der Einstufung gelten Art. 4 (KI-Kompetenz) und die DSGVO.</p>",
        ),
        _term(
            "Grundrechte-Folgenabschätzung",
            "<p>Die Bewertung, die bestimmte Betreiber nach Art. 27 KI-Verordnung vor dem "
            "ersten Einsatz eines Hochrisiko-Systems durchführen: Wer ist betroffen, welche "
            "Schäden drohen den Grundrechten, wie wird menschliche Aufsicht umgesetzt und was "
            "geschieht, wenn sich Risiken verwirklichen.</p>",
        ),
        _check(
            _q(
                "matching",
                "<p>Ordnen Sie jedem Beispiel die passende Risikostufe der KI-Verordnung zu.</p>",
                competency="qd:QD.8",
                level=4,
                demand="apply",
                feedback=(
                    "Maßgeblich sind Art. 5 (Verbote), Art. 6 mit Anhang III (Hochrisiko) und "
                    "Art. 50 (Transparenz); alles Übrige hat minimales Risiko."
                ),
                tags=["Risikoklassen"],
                pairs=[
                    {
                        "left": "Emotionserkennung bei Beschäftigten im Bürgerbüro",
                        "right": "Verbotene Praktik",
                    },
                    {
                        "left": "Lernendes Modell bewertet Anträge auf Grundsicherung",
                        "right": "Hochrisiko-System",
                    },
                    {
                        "left": "Chatbot beantwortet Fragen zu Antragsunterlagen",
                        "right": "Transparenzpflicht",
                    },
                    {
                        "left": "KI-gestützte Rechtschreibprüfung in der Textverarbeitung",
                        "right": "Minimales Risiko",
                    },
                ],
            )
        ),
    ],
}

_C3_LESSON_3 = {
    "slug": "pflichten-der-behoerde-als-betreiberin",
    "title": "Pflichten der Behörde als Betreiberin: Art. 26 und Art. 27",
    "summary": (
        "Was eine Behörde tun muss, bevor und während sie ein Hochrisiko-KI-System "
        "einsetzt: Betreiberpflichten, Registrierung, Grundrechte-Folgenabschätzung und "
        "ihr Verhältnis zur Datenschutz-Folgenabschätzung."
    ),
    "blocks": [
        _h2("Die Behörde verantwortet den Einsatz"),
        _p(
            "<p>Die meisten technischen Pflichten der KI-Verordnung treffen den Anbieter: "
            "Risikomanagement, Datenqualität, technische Dokumentation, Protokollierung, "
            "Genauigkeit, Konformitätsbewertung und CE-Kennzeichnung. Die Behörde als "
            "Betreiberin verantwortet dagegen, <em>wie</em> das System in ihren Verfahren "
            "eingesetzt wird. Diese Pflichten lassen sich nicht an den Hersteller "
            "auslagern.</p>"
        ),
        _box(
            "law",
            "Art. 26 KI-Verordnung – Pflichten der Betreiber von Hochrisiko-Systemen (Auswahl)",
            "<ul><li>Das System gemäß der <strong>Betriebsanleitung</strong> verwenden und "
            "dazu geeignete technische und organisatorische Maßnahmen treffen (Abs. 1).</li>"
            "<li>Die <strong>menschliche Aufsicht</strong> natürlichen Personen übertragen, "
            "die über die erforderliche Kompetenz, Ausbildung und Befugnis verfügen, und sie "
            "unterstützen (Abs. 2).</li><li>Soweit die Behörde die Eingabedaten "
            "kontrolliert, sicherstellen, dass sie der Zweckbestimmung entsprechen und "
            "ausreichend repräsentativ sind (Abs. 4).</li><li>Den Betrieb "
            "<strong>überwachen</strong>, bei Risiken Anbieter und Marktüberwachungsbehörde "
            "informieren und die Nutzung aussetzen; schwerwiegende Vorfälle melden "
            "(Abs. 5).</li><li>Automatisch erzeugte <strong>Protokolle mindestens sechs "
            "Monate</strong> aufbewahren, soweit sie unter ihrer Kontrolle stehen "
            "(Abs. 6).</li><li>Als Arbeitgeber die Beschäftigtenvertretung und die "
            "betroffenen Beschäftigten vor der Inbetriebnahme am Arbeitsplatz informieren "
            "(Abs. 7).</li><li>Als Behörde die Registrierungspflichten erfüllen und kein "
            "System nutzen, das nicht in der EU-Datenbank registriert ist (Abs. 8 mit "
            "Art. 49).</li><li>Die Informationen des Anbieters für die "
            "Datenschutz-Folgenabschätzung nach Art. 35 DSGVO nutzen (Abs. 9).</li>"
            "<li>Betroffene Personen <strong>informieren</strong>, dass ein "
            "Hochrisiko-System bei Entscheidungen über sie eingesetzt wird (Abs. 11).</li>"
            "</ul>",
        ),
        _box(
            "law",
            "Art. 27 KI-Verordnung – Grundrechte-Folgenabschätzung",
            "<p>Einrichtungen des öffentlichen Rechts und private Einrichtungen, die "
            "öffentliche Dienste erbringen, führen <strong>vor der ersten Verwendung</strong> "
            "eines Hochrisiko-Systems nach Art. 6 Abs. 2 (außer Anhang III Nr. 2) eine "
            "Abschätzung der Auswirkungen auf die Grundrechte durch. Sie umfasst: die "
            "Verfahren, in denen das System eingesetzt wird; Zeitraum und Häufigkeit der "
            "Verwendung; die Kategorien betroffener Personen und Gruppen; die spezifischen "
            "Schadensrisiken für diese; die Umsetzung der menschlichen Aufsicht; und die "
            "Maßnahmen, wenn sich Risiken verwirklichen, einschließlich interner "
            "Governance und Beschwerdemechanismen. Das Ergebnis wird der "
            "Marktüberwachungsbehörde mitgeteilt. Ist eine Datenschutz-Folgenabschätzung "
            "bereits erstellt, ergänzt die Grundrechte-Folgenabschätzung sie.</p>",
        ),
        _p(
            "<p>In der Praxis empfiehlt sich ein gemeinsames Verfahren mit der "
            "Datenschutz-Folgenabschätzung, die bei solchen Systemen nach Art. 35 DSGVO "
            "ohnehin fast immer nötig ist. Beteiligen Sie früh die Fachabteilung, die "
            "IT, den Datenschutz, die Gleichstellungs- und Schwerbehindertenvertretung und den "
            "Personalrat.</p>"
        ),
        _box(
            "law",
            "§ 80 Abs. 1 Nr. 21 BPersVG und Landesrecht – Mitbestimmung",
            "<p>Der Personalrat bestimmt mit bei der Einführung und Anwendung technischer "
            "Einrichtungen, die dazu bestimmt sind, das Verhalten oder die Leistung der "
            "Beschäftigten zu überwachen. Nach der Rechtsprechung genügt, dass ein System "
            "dazu objektiv geeignet ist (BVerwG, Beschl. v. 16.12.1987, 6 P 32.84); bei "
            "KI-Systemen, die Bearbeitungen protokollieren, ist das fast immer der Fall. "
            "Die Mitbestimmung ist hier eingeschränkt: Kommt keine Einigung zustande, "
            "beschließt die Einigungsstelle nach § 75 Abs. 3 BPersVG nur eine Empfehlung "
            "an die oberste Dienstbehörde. "
            "Für Landes- und Kommunalbehörden gilt das Personalvertretungsgesetz Ihres "
            "Landes. In Bremen etwa ist der Personalrat nach § 52 Abs. 1 BremPersVG "
            "grundsätzlich in allen Angelegenheiten der Beschäftigten zu beteiligen "
            "(Allzuständigkeit). Schließen Sie eine Dienstvereinbarung, die Zweck, "
            "Auswertungen und Protokolle begrenzt.</p>",
        ),
        _box(
            "hint",
            "Beschaffung: Pflichten in den Vertrag schreiben",
            "<p>Viele Betreiberpflichten kann die Behörde nur erfüllen, wenn der Anbieter "
            "liefert: Betriebsanleitung, Protokolle, Angaben zu Trainingsdaten und "
            "Genauigkeit, Unterstützung bei der Folgenabschätzung. Die EU-Musterklauseln "
            "für die Beschaffung von KI durch öffentliche Stellen (MCC-AI, aktualisiert am "
            "5. März 2025) gibt es in einer Fassung für Hochrisiko-Systeme und einer "
            "einfacheren Fassung für andere Systeme. Sie sind unverbindlich und lassen "
            "sich als Anlage zu den EVB-IT-Verträgen verwenden, die selbst keine "
            "KI-spezifischen Pflichten enthalten. Stimmen Sie die Klauseln mit Ihrer "
            "Vergabestelle ab.</p>",
        ),
        _case(
            "Der Prüfassistent für die Grundsicherung",
            "<p>Referat 13 will ab dem kommenden Jahr einen Prüfassistenten einsetzen. Er "
            "liest Kontoauszüge und Nachweise aus, gleicht sie mit den Angaben im Antrag ab "
            "und schlägt vor, welche Unterlagen nachzufordern sind. Der Anbieter hat das "
            "System als Hochrisiko-System nach Anhang III Nr. 5 Buchst. a eingestuft und "
            "eine Betriebsanleitung geliefert. Die Referatsleitung fragt Sie als "
            "Projektverantwortliche, was vor dem Start zu tun ist.</p>",
            [
                "Welche Pflichten treffen das Landesamt vor dem ersten Einsatz?",
                "Welche Gruppen von Betroffenen und welche Risiken nehmen Sie in die Grundrechte-Folgenabschätzung auf?",
                "Wie organisieren Sie die menschliche Aufsicht?",
            ],
            "<p>Vor dem Start: Registrierung der Nutzung in der EU-Datenbank (Art. 49), "
            "Grundrechte-Folgenabschätzung nach Art. 27 und Mitteilung an die "
            "Marktüberwachungsbehörde, Datenschutz-Folgenabschätzung nach Art. 35 DSGVO, "
            "Beteiligung des Personalrats und Information der Beschäftigten (Art. 26 Abs. 7), "
            "Schulung (Art. 4, Art. 26 Abs. 2), Festlegung der Protokollaufbewahrung und ein "
            "Text zur Information der Antragstellenden (Art. 26 Abs. 11). Betroffen sind "
            "insbesondere Menschen mit unregelmäßigen Einkünften, Selbständige, Menschen "
            "mit geringer Sprach- oder Digitalkompetenz und Menschen mit Behinderungen. "
            "Risiken: unberechtigt hohe Mitwirkungsanforderungen, Verzögerungen bei "
            "existenzsichernden Leistungen, mittelbare Diskriminierung, wenn etwa "
            "Überweisungen ins Ausland als Risikomerkmal wirken. Aufsicht: benannte, "
            "geschulte Sachbearbeitende entscheiden jeden Fall; sie können Vorschläge "
            "verwerfen und halten in beide Richtungen kurz fest, welche Tatsachen sie "
            "getragen haben: beim Übernehmen ebenso wie beim Abweichen, damit Abweichen "
            "nicht aufwendiger ist als Zustimmen; eine Stichprobe wird ohne Vorschlag "
            "geprüft; Quoten werden monatlich ausgewertet.</p>",
        ),
        _case(
            "Schreibübung: die Einstufung nachvollziehbar vermerken",
            "<p>Der Anbieter eines Assistenzsystems für die Wohngeldstelle stuft sein "
            "System als nicht hochriskant ein: Es lese nur Lohnabrechnungen aus und "
            "übertrage die Beträge in den Antrag (Art. 6 Abs. 3 Buchst. a). Die "
            "Sachbearbeitung prüft die übertragenen Beträge stichprobenhaft. Sie sollen "
            "für die Akte festhalten, ob das Landesamt der Einstufung folgt.</p>",
            [
                "Schreiben Sie einen Vermerk von höchstens acht Sätzen mit Ergebnis und Begründung.",
                "Welche Tatsache würde Ihr Ergebnis ändern?",
            ],
            "<p>Ein tragfähiger Vermerk prüft in dieser Reihenfolge: Ist das System ein "
            "KI-System (Art. 3 Nr. 1; Dokumentenerkennung leitet Werte ab: ja)? Fällt es "
            "unter Anhang III Nr. 5 Buchst. a (es wirkt an der Beurteilung des Anspruchs "
            "auf Wohngeld mit: ja)? Greift die Ausnahme des Art. 6 Abs. 3 (eng gefasste "
            "Verfahrensaufgabe, kein Profiling: vertretbar ja, solange das System nur "
            "überträgt und nicht bewertet)? Ergebnis etwa: „Das Landesamt folgt der "
            "Einstufung des Anbieters vom … vorläufig. Das System überträgt Beträge, ohne "
            "Personen zu bewerten. Die Einstufung wird überprüft, sobald das System "
            "Plausibilitätshinweise zu Personen gibt.“ Eine solche Funktion, also eine "
            "Bewertung der Antragstellenden, würde das Ergebnis ändern. Die "
            "Hochrisiko-Pflichten gelten ohnehin erst ab dem 2. Dezember 2027; Art. 4 und "
            "die DSGVO gelten schon jetzt.</p>",
        ),
        _check(
            _q(
                "multiple",
                "<p>Welche Pflichten treffen eine Behörde als Betreiberin eines "
                "Hochrisiko-KI-Systems nach Art. 26 und 27 KI-Verordnung? Wählen Sie alle "
                "zutreffenden aus.</p>",
                competency="qd:QD.8",
                level=2,
                demand="recall",
                feedback=(
                    "Konformitätsbewertung und CE-Kennzeichnung sind Sache des Anbieters. Die "
                    "Behörde verantwortet den Einsatz: Aufsicht, Protokolle, Information und "
                    "Grundrechte-Folgenabschätzung."
                ),
                tags=["Art. 26", "Art. 27"],
                options=[
                    _opt(
                        "Protokolle mindestens sechs Monate aufbewahren",
                        True,
                        "Richtig: Art. 26 Abs. 6, soweit die Protokolle unter ihrer Kontrolle "
                        "stehen.",
                    ),
                    _opt(
                        "Vor der ersten Verwendung eine Grundrechte-Folgenabschätzung durchführen",
                        True,
                        "Richtig: Art. 27 gilt für Einrichtungen des öffentlichen Rechts.",
                    ),
                    _opt(
                        "Die Konformitätsbewertung durchführen und die CE-Kennzeichnung anbringen",
                        False,
                        "Das ist Pflicht des Anbieters, es sei denn, die Behörde wird nach "
                        "Art. 25 selbst zur Anbieterin.",
                    ),
                    _opt(
                        "Betroffene informieren, dass ein Hochrisiko-System eingesetzt wird",
                        True,
                        "Richtig: Art. 26 Abs. 11.",
                    ),
                ],
            )
        ),
    ],
}

_C3_LESSON_4 = {
    "slug": "menschliche-aufsicht-und-ki-kompetenz",
    "title": "Menschliche Aufsicht und KI-Kompetenz",
    "summary": (
        "Was wirksame menschliche Aufsicht nach Art. 14 verlangt, wie Sie "
        "Automatisierungsgläubigkeit begegnen und wie eine Behörde die KI-Kompetenz ihrer "
        "Beschäftigten nach Art. 4 sicherstellt."
    ),
    "blocks": [
        _h2("Aufsicht heißt: verstehen, zweifeln, eingreifen"),
        _box(
            "law",
            "Art. 14 Abs. 4 KI-Verordnung – was die Aufsichtspersonen können müssen",
            "<p>Hochrisiko-Systeme sind so bereitzustellen, dass die mit der Aufsicht "
            "betrauten Personen, soweit angemessen, in der Lage sind, (a) die Fähigkeiten und "
            "Grenzen des Systems angemessen zu verstehen und seinen Betrieb zu überwachen, "
            "auch um Anomalien und Fehlfunktionen zu erkennen; (b) sich einer möglichen "
            "Neigung bewusst zu bleiben, sich automatisch oder übermäßig auf die Ausgaben zu "
            "verlassen (<strong>Automatisierungsbias</strong>); (c) die Ausgaben richtig zu "
            "interpretieren; (d) in einer bestimmten Situation zu beschließen, das System "
            "nicht zu verwenden oder seine Ausgabe <strong>außer Acht zu lassen, außer Kraft "
            "zu setzen oder rückgängig zu machen</strong>; (e) in den Betrieb einzugreifen "
            "oder ihn zu unterbrechen.</p>",
        ),
        _p(
            "<p>Art. 14 richtet sich an die Gestaltung des Systems durch den Anbieter. Ob die "
            "Aufsicht tatsächlich wirkt, entscheidet aber die Behörde: Nach Art. 26 Abs. 2 "
            "überträgt sie die Aufsicht Personen mit der nötigen Kompetenz, Ausbildung und "
            "<em>Befugnis</em>. Befugnis bedeutet auch: Zeit. Wer 60 Vorschläge pro Stunde "
            "prüfen soll, kann nicht zweifeln. Und es bedeutet Rückendeckung: Wer vom System "
            "abweicht, darf dafür nicht schlechter dastehen als jemand, der jedem Vorschlag "
            "folgt.</p>"
        ),
        _explainer(
            "Elterngeld: Die Sachbearbeiterin überschreibt den KI-Vorschlag",
            decision=(
                "Das Elterngeld wird mit einem Bemessungseinkommen ohne das Weihnachtsgeld "
                "berechnet; der Vorschlag des Assistenten wird verworfen."
            ),
            legal_basis="§ 2c Abs. 1 BEEG; Art. 14 Abs. 4 Buchst. d und Art. 26 Abs. 2 KI-Verordnung",
            inputs=[
                ("Von der Dokumentenerkennung ausgelesenes Brutto November", "5.600 €"),
                ("Übliches Monatsbrutto laut übrigen Abrechnungen", "3.200 €"),
                (
                    "Position auf der Abrechnung November",
                    "Weihnachtsgeld 2.400 € (sonstiger Bezug)",
                ),
                ("Konfidenz der Erkennung laut System", "hoch"),
            ],
            rule_path=[
                (
                    "Assistent übernimmt 5.600 € als laufenden Arbeitslohn",
                    "Vorschlag: höheres Elterngeld",
                ),
                ("Sachbearbeiterin prüft Ausreißer gegen die Abrechnung", "Weihnachtsgeld erkannt"),
                ("Sonstige Bezüge bleiben beim Elterngeld außer Betracht", "Korrektur auf 3.200 €"),
                ("Abweichung dokumentieren und an Verfahrensverantwortliche melden", "erledigt"),
            ],
            citizen_explanation=(
                "<p>Für Ihr Elterngeld zählt Ihr laufender Arbeitslohn aus den zwölf "
                "Kalendermonaten vor dem Monat der Geburt. Einmalzahlungen wie Weihnachtsgeld zählen nach dem Gesetz "
                "nicht mit (§ 2c Abs. 1 BEEG). Für November haben wir deshalb 3.200 € "
                "berücksichtigt, nicht 5.600 €. Bei der Auswertung Ihrer Unterlagen hat uns "
                "ein KI-System unterstützt; die Berechnung hat eine Sachbearbeiterin geprüft "
                "und verantwortet.</p>"
            ),
            human_review=(
                "Ausreißer gegenüber den übrigen Monaten und Positionen, die als "
                "Einmalzahlung erkennbar sind, prüft immer eine Person; eine hohe "
                "Konfidenz des Systems ersetzt diese Prüfung nicht."
            ),
        ),
        _case(
            "Sechzig Vorschläge pro Stunde",
            "<p>Seit einem halben Jahr nutzt das Team Elterngeld einen KI-Assistenten, der "
            "Einkommen aus Nachweisen ausliest. Die Teamleitung hat als Ziel 60 geprüfte "
            "Vorschläge pro Stunde ausgegeben. Die Auswertung zeigt: Die Sachbearbeitenden "
            "weichen nur in 0,3 % der Fälle vom Vorschlag ab. In Widersprüchen tauchen "
            "zugleich immer wieder mitgezählte Einmalzahlungen auf.</p>",
            [
                "Ist die menschliche Aufsicht in diesem Team wirksam?",
                "Welche Maßnahmen schlagen Sie der Teamleitung vor?",
                "Worauf müssen Sie bei der Auswertung von Abweichungsquoten achten?",
            ],
            "<p>Eher nicht. Eine sehr niedrige Abweichungsquote bei gleichzeitig "
            "wiederkehrenden Fehlern spricht für Automatisierungsbias: Bei einer Minute je "
            "Fall bleibt keine Zeit zum Zweifeln. Vorschläge: das Mengenziel an eine "
            "realistische Prüfzeit anpassen; Ausreißer und Einmalzahlungen vom System "
            "sichtbar markieren lassen; eine regelmäßige Stichprobe ohne Vorschlag prüfen; "
            "die typischen Fehler in einer kurzen Schulung zeigen und dem Anbieter melden "
            "(Art. 26 Abs. 5). Abweichungsquoten sollten für das Team insgesamt ausgewertet "
            "werden, nicht zur Leistungskontrolle einzelner Beschäftigter; eine solche "
            "Auswertung wäre ohne Beteiligung des Personalrats ohnehin unzulässig.</p>",
        ),
        _h2("KI-Kompetenz nach Art. 4"),
        _p(
            "<p>Art. 4 gilt seit dem 2. Februar 2025. In der ursprünglichen Fassung mussten "
            "Anbieter und Betreiber Maßnahmen ergreifen, um nach besten Kräften ein "
            "<strong>ausreichendes Maß an KI-Kompetenz</strong> ihres Personals "
            "sicherzustellen. Der digitale Omnibus (vom Europäischen Parlament am 16. Juni "
            "2026 und vom Rat am 29. Juni 2026 angenommen) hat daraus eine Pflicht gemacht, "
            "<strong>Maßnahmen zur Förderung der KI-Kompetenz</strong> zu ergreifen, "
            "zugeschnitten auf Rolle, Erfahrung und Einsatzkontext, ohne dass jede einzelne "
            "Person ein bestimmtes Niveau garantiert erreichen muss; Kommission und "
            "Mitgliedstaaten sollen das unterstützen. Den genauen Wortlaut entnehmen Sie der "
            "konsolidierten Fassung auf EUR-Lex. Geblieben ist: Die Pflicht trifft die "
            "Behörde für jedes KI-System, nicht nur für Hochrisiko-Systeme, also auch für "
            "den Chatbot und das Sprachmodell, mit dem Entwürfe formuliert werden. Für "
            "Hochrisiko-Systeme verlangt Art. 26 Abs. 2 zusätzlich, dass die Aufsicht "
            "Personen mit der nötigen Kompetenz übertragen wird.</p>"
        ),
        _box(
            "hint",
            "Ein rollenbezogenes Schulungskonzept",
            "<ul><li><strong>Alle Beschäftigten:</strong> was KI kann und nicht kann, "
            "freigegebene Werkzeuge, keine personenbezogenen oder vertraulichen Daten in "
            "nicht freigegebene Dienste, Ergebnisse prüfen und Einsatz kennzeichnen.</li>"
            "<li><strong>Sachbearbeitung mit Hochrisiko-Systemen:</strong> Funktionsweise "
            "und Grenzen des konkreten Systems, typische Fehler, Automatisierungsbias, "
            "Abweichen und Dokumentieren, Erklären gegenüber Betroffenen.</li>"
            "<li><strong>Führungskräfte:</strong> Steuerung, Kennzahlen, Zeit für Aufsicht, "
            "Meldewege bei Vorfällen.</li><li><strong>IT und Datenschutz:</strong> "
            "Einstufung, Betreiberpflichten, Protokolle, Folgenabschätzungen.</li></ul>"
            "<p>Dokumentieren Sie, wer wann welche Schulung erhalten hat; so können Sie die "
            "Erfüllung der Pflicht nachweisen.</p>",
        ),
        _box(
            "warning",
            "Generative KI im Arbeitsalltag",
            "<ul><li><strong>Nur freigegebene Werkzeuge:</strong> Nutzen Sie Sprachmodelle "
            "nur in den Diensten, die Ihre Behörde freigegeben hat, und nur für die dort "
            "erlaubten Zwecke.</li><li><strong>Vertraulichkeit:</strong> Sozialdaten "
            "(§ 35 SGB I), Steuerdaten (§ 30 AO), andere personenbezogene oder eingestufte "
            "Informationen gehören nicht in Dienste, für die keine Vereinbarung zur "
            "Auftragsverarbeitung und keine Freigabe bestehen.</li><li><strong>Ergebnisse "
            "prüfen:</strong> Sprachmodelle erfinden Normen, Urteile und Zahlen. Prüfen "
            "Sie jede Rechtsangabe an der Quelle; verantwortlich bleiben Sie.</li>"
            "<li><strong>Offenlegen:</strong> Veröffentlicht die Behörde KI-erzeugte Texte "
            "zur Information der Öffentlichkeit, verlangt Art. 50 Abs. 4 KI-Verordnung "
            "einen Hinweis, es sei denn, ein Mensch hat den Text redaktionell geprüft und "
            "verantwortet ihn.</li></ul>",
        ),
        _check(
            _q(
                "true_false",
                "<p>Die Pflicht zur KI-Kompetenz nach Art. 4 KI-Verordnung gilt nur für "
                "Beschäftigte, die mit Hochrisiko-Systemen arbeiten.</p>",
                competency="qd:QD.8",
                level=2,
                demand="understand",
                correct=False,
                feedback=(
                    "Art. 4 gilt für Anbieter und Betreiber aller KI-Systeme seit dem "
                    "2. Februar 2025. Seit der Änderung durch den digitalen Omnibus (2026) "
                    "verlangt er Maßnahmen zur Förderung der KI-Kompetenz, zugeschnitten auf "
                    "Rolle und Einsatzkontext, und zwar unabhängig von der Risikostufe."
                ),
                feedback_true=(
                    "Nein. Auch für Beschäftigte, die einen Chatbot oder ein Sprachmodell "
                    "nutzen, muss die Behörde Maßnahmen zur KI-Kompetenz ergreifen."
                ),
                feedback_false="Richtig. Art. 4 gilt unabhängig von der Risikostufe.",
                tags=["Art. 4", "KI-Kompetenz"],
            )
        ),
    ],
}

_C3_LESSON_5 = {
    "slug": "recht-auf-erlaeuterung-art-86",
    "title": "Das Recht auf Erläuterung nach Art. 86",
    "summary": (
        "Wer eine Erläuterung verlangen kann, was sie enthalten muss, wie sie sich zu "
        "Art. 22 und Art. 15 DSGVO verhält und wie Sie sie in der Praxis formulieren."
    ),
    "blocks": [
        _h2("Ein neues Betroffenenrecht"),
        _box(
            "law",
            "Art. 86 KI-Verordnung – Recht auf Erläuterung der Entscheidungsfindung im Einzelfall",
            "<p>Personen, die von einer Entscheidung betroffen sind, die der Betreiber auf "
            "Grundlage der Ausgabe eines Hochrisiko-Systems nach Anhang III (außer Nr. 2) "
            "getroffen hat und die rechtliche Wirkung entfaltet oder sie in ähnlicher Weise "
            "erheblich so beeinträchtigt, dass sie ihrer Ansicht nach nachteilige "
            "Auswirkungen auf ihre Gesundheit, ihre Sicherheit oder ihre Grundrechte hat, "
            "haben das Recht, vom Betreiber eine <strong>klare und aussagekräftige "
            "Erläuterung zur Rolle des KI-Systems im Entscheidungsprozess und zu den "
            "wichtigsten Elementen der getroffenen Entscheidung</strong> zu erhalten. Das "
            "Recht gilt nur, soweit es nicht bereits anderweitig im Unionsrecht vorgesehen "
            "ist (Abs. 3).</p>",
        ),
        _box(
            "warning",
            "Ab wann gilt Art. 86? (Rechtsstand 4. Dezember 2026)",
            "<p>Art. 86 gehört zu den Vorschriften, die nach Art. 113 seit dem 2. August 2026 "
            "gelten; der digitale Omnibus hat dieses Datum nicht ausdrücklich verschoben. Das "
            "Recht setzt aber ein Hochrisiko-System nach Anhang III voraus, und dessen "
            "Pflichten gelten erst ab dem 2. Dezember 2027. Ob Betroffene die Erläuterung "
            "schon vorher verlangen können, ist noch nicht geklärt. Bereiten Sie Ihre "
            "Erläuterungen deshalb jetzt vor: Art. 15 DSGVO und die Begründungspflicht "
            "gelten ohnehin.</p>",
        ),
        _p(
            "<p>Art. 86 schließt eine Lücke der DSGVO. Art. 22 und Art. 15 Abs. 1 Buchst. h "
            "DSGVO knüpfen an <em>ausschließlich</em> automatisierte Entscheidungen an. Wenn "
            "aber ein Mensch entscheidet und sich dabei auf die Ausgabe eines KI-Systems "
            "stützt, greifen sie oft nicht. Genau diesen Fall erfasst Art. 86: Die "
            "Sachbearbeiterin entscheidet, das System hat mitgewirkt, und die betroffene "
            "Person soll erfahren, wie. Ergänzend verpflichtet Art. 26 Abs. 11 die Behörde, "
            "Betroffene schon vorab über den Einsatz des Systems zu informieren, und Art. 85 "
            "gibt jeder Person das Recht, sich bei der Marktüberwachungsbehörde zu "
            "beschweren.</p>"
            "<p>Eine gute Erläuterung beantwortet vier Fragen: Welche Aufgabe hatte das "
            "System (zum Beispiel: Unterlagen auslesen, Prüfhinweise geben)? Welche Ausgabe "
            "hat es im konkreten Fall erzeugt? Wie ist die Sachbearbeitung damit umgegangen? "
            "Und welche Gründe haben die Entscheidung getragen? Die Begründung nach § 35 "
            "SGB X oder § 39 VwVfG bleibt daneben bestehen; im Idealfall sind beide aus "
            "einem Guss.</p>"
        ),
        _explainer(
            "Wohngeld: Neuberechnung nach KI-gestützter Auswertung von Kontoauszügen",
            decision=(
                "Das Wohngeld wird ab Juli von 310 € auf 180 € monatlich herabgesetzt; für "
                "Juli bis September sind 390 € zu erstatten."
            ),
            legal_basis=("§ 27 Abs. 2 WoGG; § 50 SGB X; Art. 26 Abs. 11 und Art. 86 KI-Verordnung"),
            inputs=[
                ("Haushalt", "Alleinerziehende Mutter mit zwei Kindern"),
                ("Bisher berücksichtigtes Einkommen", "1.900 € monatlich"),
                (
                    "Ausgabe des KI-Assistenten",
                    "Ab Juli wiederkehrende Eingänge von 600 € monatlich, im Antrag nicht angegeben",
                ),
                (
                    "Prüfung durch den Sachbearbeiter",
                    "Unterhalt des Vaters, durch Jugendamtsurkunde belegt",
                ),
                ("Anhörung nach § 24 SGB X", "durchgeführt, keine Einwände"),
            ],
            rule_path=[
                ("KI-Assistent markiert nicht erklärte wiederkehrende Eingänge", "Prüfhinweis"),
                (
                    "Sachbearbeiter klärt die Herkunft der Zahlungen",
                    "Unterhalt, zählt als Einnahme",
                ),
                (
                    "Einkommen um mehr als 15 % gestiegen (1.900 € auf 2.500 €)?",
                    "Ja – Neuberechnung ab Juli",
                ),
                (
                    "Anhörung, Entscheidung und Erstattungsbetrag (3 × 130 €)",
                    "Bescheid durch den Sachbearbeiter",
                ),
            ],
            citizen_explanation=(
                "<p>Bei der Prüfung Ihrer Kontoauszüge hat uns ein KI-System unterstützt. "
                "Es hat darauf hingewiesen, dass seit Juli jeden Monat 600 € eingehen, die "
                "im Antrag nicht genannt waren. Ein Sachbearbeiter hat das geprüft: Es ist "
                "der Unterhalt für Ihre Kinder. Unterhalt zählt beim Wohngeld als Einkommen. "
                "Ihr Einkommen ist damit um mehr als 15 % gestiegen, deshalb haben wir Ihr "
                "Wohngeld ab Juli neu berechnet: 180 € statt 310 € im Monat. Für Juli bis "
                "September haben Sie 390 € zu viel erhalten. Entschieden hat der "
                "Sachbearbeiter, nicht das System. Sie können innerhalb eines Monats "
                "Widerspruch einlegen.</p>"
            ),
            human_review=(
                "Jede Herabsetzung und Rückforderung entscheidet eine Person nach Anhörung; "
                "der Hinweis des Systems ist nur Anlass zur Prüfung. Bittet die Familie um "
                "Ratenzahlung oder Erlass, ist das eine Ermessensentscheidung der "
                "Sachbearbeitung."
            ),
        ),
        _case(
            "Der Antrag auf Erläuterung",
            "<p>Frau Yilmaz schreibt dem Landesamt: „In Ihrem Schreiben steht, dass bei "
            "meinem Antrag auf Grundsicherung ein KI-System eingesetzt wurde. Meine "
            "Sachbearbeiterin hat danach alle Kontoauszüge der letzten zwölf Monate "
            "verlangt. Ich möchte nach Art. 86 wissen, was die KI über mich gesagt hat.“ "
            "Das System hatte einen Prüfhinweis „unklare Zahlungseingänge“ gegeben; die "
            "Entscheidung über den Antrag steht noch aus.</p>",
            [
                "Besteht der Anspruch aus Art. 86 schon jetzt?",
                "Welche Informationen geben Sie Frau Yilmaz auf jeden Fall?",
                "Was sollte die Sachbearbeiterin an ihrer Aufforderung prüfen?",
            ],
            "<p>Art. 86 knüpft an eine getroffene Entscheidung an. Solange über den Antrag "
            "nicht entschieden ist, besteht der Anspruch noch nicht; die Mitwirkungsaufforderung "
            "selbst kann aber bereits eine belastende Verfahrenshandlung sein. Unabhängig "
            "davon hat Frau Yilmaz nach Art. 15 DSGVO Anspruch auf Auskunft über die "
            "verarbeiteten Daten, also auch über den Prüfhinweis, und nach Art. 26 Abs. 11 "
            "KI-Verordnung auf Information über den Einsatz. Antworten Sie offen: welche "
            "Aufgabe das System hat, welchen Hinweis es gegeben hat, dass eine Person "
            "entscheidet und was die nächsten Schritte sind. Die Sachbearbeiterin sollte "
            "prüfen, ob die Aufforderung erforderlich und verhältnismäßig ist (§§ 60, 65 "
            "SGB I): Verlangt werden sollten die Auszüge, die die unklaren Eingänge "
            "betreffen, nicht pauschal zwölf Monate, nur weil das System einen Hinweis "
            "gegeben hat.</p>",
        ),
        _check(
            _q(
                "single",
                "<p>Ein Sachbearbeiter entscheidet über einen Antrag auf Wohngeld und stützt "
                "sich dabei auf den Prüfhinweis eines Hochrisiko-KI-Systems. Welche Norm "
                "gibt der betroffenen Person das Recht, eine Erläuterung der Rolle des "
                "Systems zu verlangen?</p>",
                competency="qd:QD.1",
                level=4,
                demand="apply",
                feedback=(
                    "Art. 22 DSGVO erfasst nur ausschließlich automatisierte Entscheidungen. "
                    "Entscheidet ein Mensch auf Grundlage einer KI-Ausgabe, greift Art. 86 "
                    "KI-Verordnung."
                ),
                tags=["Art. 86"],
                options=[
                    _opt(
                        "Art. 86 KI-Verordnung",
                        True,
                        "Richtig. Er erfasst Entscheidungen des Betreibers auf Grundlage der "
                        "Ausgabe eines Hochrisiko-Systems nach Anhang III.",
                    ),
                    _opt(
                        "Art. 22 Abs. 3 DSGVO",
                        False,
                        "Art. 22 setzt eine ausschließlich automatisierte Entscheidung voraus; "
                        "hier hat ein Mensch entschieden.",
                    ),
                    _opt(
                        "Art. 50 KI-Verordnung",
                        False,
                        "Art. 50 regelt Transparenz bei Chatbots und erzeugten Inhalten, nicht "
                        "die Erläuterung von Einzelentscheidungen.",
                    ),
                ],
            )
        ),
    ],
}

_C3_ASSESSMENT = {
    "title": "Abschlusstest: Die KI-Verordnung in der Verwaltung",
    "pass_mark_percent": 70,
    "max_attempts": 3,
    "time_limit_minutes": 40,
    "questions": [
        _q(
            "single",
            "<p>Das Wohngeldverfahren des Landesamts berechnet Anspruch und Höhe Schritt für "
            "Schritt nach der Formel des Wohngeldgesetzes; alle Regeln sind von Menschen "
            "programmiert. Ist es ein KI-System im Sinne der KI-Verordnung?</p>",
            competency="qd:QD.8",
            level=4,
            demand="apply",
            feedback=(
                "Entscheidend ist, ob das System aus Eingaben ableitet, wie Ausgaben erzeugt "
                "werden. Rein regelbasierte Systeme nennt Erwägungsgrund 12 ausdrücklich als "
                "Ausnahme."
            ),
            tags=["Art. 3 Nr. 1", "Begriffe"],
            options=[
                _opt(
                    "In aller Regel nein, weil es nur von Menschen festgelegte Regeln ausführt",
                    True,
                    "Richtig. Für das Verfahren gelten § 31a SGB X und Art. 22 DSGVO, nicht "
                    "die Pflichten für Hochrisiko-KI.",
                ),
                _opt(
                    "Ja, weil es vollautomatisch Bescheide erlässt",
                    False,
                    "Automatisierung allein macht kein KI-System; es fehlt die Ableitung.",
                ),
                _opt(
                    "Ja, weil Wohngeld unter Anhang III Nr. 5 Buchst. a fällt",
                    False,
                    "Anhang III setzt voraus, dass überhaupt ein KI-System vorliegt.",
                ),
            ],
        ),
        _q(
            "ordering",
            "<p>Bringen Sie die Anwendungszeitpunkte der KI-Verordnung in die richtige "
            "Reihenfolge, beginnend mit dem frühesten.</p>",
            competency="qd:QD.8",
            level=2,
            demand="recall",
            feedback=(
                "1. August 2024 Inkrafttreten; 2. Februar 2025 Verbote und KI-Kompetenz; "
                "2. August 2026 Transparenzpflichten nach Art. 50; 2. Dezember 2027 "
                "Hochrisiko-Pflichten nach Anhang III (geändert durch den digitalen Omnibus, "
                "Rechtsstand 4. Dezember 2026)."
            ),
            tags=["Zeitplan"],
            items=[
                "Inkrafttreten der Verordnung",
                "Verbote und Pflicht zur KI-Kompetenz gelten",
                "Transparenzpflichten für Chatbots nach Art. 50 gelten",
                "Pflichten für Hochrisiko-Systeme nach Anhang III gelten",
            ],
        ),
        _q(
            "multiple",
            "<p>Welche der folgenden Systeme sind nach Anhang III Nr. 5 Buchst. a "
            "Hochrisiko-Systeme, wenn sie in einer Behörde eingesetzt werden? Wählen Sie "
            "alle zutreffenden aus.</p>",
            competency="qd:QD.8",
            level=5,
            demand="evaluate",
            feedback=(
                "Erfasst sind KI-Systeme, die den Anspruch auf grundlegende staatliche "
                "Unterstützungsleistungen beurteilen oder über Gewährung, Kürzung, Widerruf "
                "oder Rückforderung mitbestimmen."
            ),
            tags=["Anhang III", "Hochrisiko"],
            options=[
                _opt(
                    "Ein lernendes Modell, das Anträge auf Grundsicherung mit einem Prüfscore versieht",
                    True,
                    "Richtig: Es beurteilt Anspruchsvoraussetzungen und nimmt Profiling vor.",
                ),
                _opt(
                    "Ein KI-System, das Rückforderungen von Wohngeld vorschlägt",
                    True,
                    "Richtig: Auch das Zurückfordern von Leistungen ist ausdrücklich genannt.",
                ),
                _opt(
                    "Ein Sprachmodell, das interne Rundschreiben zusammenfasst",
                    False,
                    "Keine Entscheidung über Leistungen; es gilt vor allem Art. 4.",
                ),
                _opt(
                    "Ein KI-System, das Besprechungsräume im Landesamt verteilt",
                    False,
                    "Keine Beurteilung von Personen oder Leistungen.",
                ),
                _opt(
                    "Ein KI-System, das eingehende Briefe dem richtigen Wohngeldvorgang "
                    "zuordnet, ohne ihren Inhalt zu bewerten",
                    False,
                    "Es beurteilt keinen Anspruch; selbst wenn man Anhang III annähme, wäre es "
                    "eine eng gefasste Verfahrensaufgabe (Art. 6 Abs. 3 Buchst. a).",
                ),
            ],
        ),
        _q(
            "matching",
            "<p>Ordnen Sie jeder Vorschrift der KI-Verordnung ihren Inhalt zu.</p>",
            competency="qd:QD.8",
            level=2,
            demand="recall",
            feedback="Diese Artikel bilden den Kern der Pflichten einer Behörde als Betreiberin.",
            tags=["Normen"],
            pairs=[
                {"left": "Art. 4", "right": "KI-Kompetenz des Personals"},
                {"left": "Art. 14", "right": "Menschliche Aufsicht"},
                {"left": "Art. 26", "right": "Pflichten der Betreiber von Hochrisiko-Systemen"},
                {"left": "Art. 27", "right": "Grundrechte-Folgenabschätzung"},
                {
                    "left": "Art. 86",
                    "right": "Recht auf Erläuterung der Entscheidung im Einzelfall",
                },
            ],
        ),
        _q(
            "numeric",
            "<p>Wie viele Monate muss eine Behörde die automatisch erzeugten Protokolle eines "
            "Hochrisiko-KI-Systems nach Art. 26 Abs. 6 mindestens aufbewahren, soweit sie "
            "unter ihrer Kontrolle stehen und nichts anderes bestimmt ist?</p>",
            competency="qd:QD.8",
            level=2,
            demand="recall",
            feedback=(
                "Mindestens sechs Monate, soweit das Unionsrecht oder nationale Recht, "
                "insbesondere das Datenschutzrecht, nichts anderes vorsieht."
            ),
            tags=["Art. 26", "Protokolle"],
            answer=6.0,
            tolerance=0.0,
            unit="Monate",
        ),
        _q(
            "short_text",
            "<p>Wie heißt nach der deutschen Fassung der KI-Verordnung die Rolle einer "
            "Behörde, die ein KI-System in eigener Verantwortung verwendet? (ein Wort)</p>",
            competency="qd:QD.8",
            level=2,
            demand="recall",
            feedback=(
                "Betreiber (Art. 3 Nr. 4); im Englischen „deployer“. Der Hersteller ist "
                "Anbieter („provider“)."
            ),
            tags=["Begriffe"],
            accepted=["Betreiber", "Betreiberin"],
        ),
        _q(
            "multiple",
            "<p>Eine Sachbearbeiterin arbeitet mit einem Prüfassistenten. Welche Fähigkeiten "
            "muss sie nach Art. 14 Abs. 4 KI-Verordnung haben, damit ihre Aufsicht wirksam "
            "ist? Wählen Sie alle zutreffenden aus.</p>",
            competency="qd:QD.6",
            level=2,
            demand="recall",
            feedback=(
                "Wirksame Aufsicht heißt: Grenzen verstehen, Automatisierungsbias kennen, "
                "Ausgaben richtig deuten und sie verwerfen können. Den Quellcode zu prüfen, "
                "gehört nicht dazu."
            ),
            tags=["Art. 14", "Menschliche Aufsicht"],
            options=[
                _opt(
                    "Die Ausgabe des Systems im Einzelfall außer Acht lassen oder außer Kraft setzen",
                    True,
                    "Richtig: Art. 14 Abs. 4 Buchst. d.",
                ),
                _opt(
                    "Sich der Neigung bewusst sein, sich übermäßig auf das System zu verlassen",
                    True,
                    "Richtig: Automatisierungsbias, Art. 14 Abs. 4 Buchst. b.",
                ),
                _opt(
                    "Den Quellcode des Systems selbst prüfen",
                    False,
                    "Das verlangt Art. 14 nicht; gefordert ist ein angemessenes Verständnis "
                    "von Fähigkeiten und Grenzen.",
                ),
                _opt(
                    "Anomalien und Fehlfunktionen erkennen",
                    True,
                    "Richtig: Art. 14 Abs. 4 Buchst. a.",
                ),
            ],
        ),
        _q(
            "single",
            "<p>Der Prüfassistent empfiehlt mit hoher Konfidenz, einen Antrag auf "
            "Wohngeld abzulehnen. Die Unterlagen zeigen aber, dass die Familie im "
            "letzten Monat ein drittes Kind bekommen hat; das System kennt diese Angabe "
            "nicht. Wie handeln Sie?</p>",
            competency="qd:QD.6",
            level=4,
            demand="evaluate",
            feedback=(
                "Die Empfehlung beruht auf unvollständigen Daten. Sie entscheiden auf Grundlage "
                "der vollständigen Aktenlage und dokumentieren, warum Sie abweichen."
            ),
            tags=["Menschliche Aufsicht", "Automatisierungsbias"],
            options=[
                _opt(
                    "Den Fall mit allen Angaben selbst prüfen, vom Vorschlag abweichen, wenn "
                    "nötig, und die Gründe dokumentieren",
                    True,
                    "Richtig. So sieht wirksame menschliche Aufsicht aus; melden Sie die "
                    "Datenlücke zusätzlich an die Verfahrensverantwortlichen.",
                ),
                _opt(
                    "Der Empfehlung folgen, weil die Konfidenz hoch ist",
                    False,
                    "Eine hohe Konfidenz sagt nichts über Angaben, die das System nicht kennt. "
                    "Das wäre Automatisierungsbias.",
                ),
                _opt(
                    "Den Antrag zurückstellen, bis das System das Kind erfasst hat",
                    False,
                    "Sie müssen nicht auf das System warten; die Entscheidung liegt bei Ihnen.",
                ),
            ],
        ),
        _q(
            "true_false",
            "<p>Das Recht auf Erläuterung nach Art. 86 KI-Verordnung gilt nur, soweit das "
            "Unionsrecht, etwa die DSGVO, nicht bereits ein entsprechendes Recht vorsieht.</p>",
            competency="qd:QD.1",
            level=2,
            demand="understand",
            correct=True,
            feedback=(
                "Art. 86 Abs. 3 macht das Recht subsidiär. Praktisch greift es vor allem dort, "
                "wo ein Mensch auf Grundlage einer KI-Ausgabe entscheidet und Art. 22 DSGVO "
                "deshalb nicht anwendbar ist."
            ),
            feedback_true="Richtig. Art. 86 Abs. 3 ordnet diese Subsidiarität an.",
            feedback_false=(
                "Doch: Nach Art. 86 Abs. 3 gilt das Recht nur, soweit es nicht anderweitig im "
                "Unionsrecht vorgesehen ist."
            ),
            tags=["Art. 86", "DSGVO"],
        ),
        _q(
            "single",
            "<p>Frau Becker verlangt nach Art. 86 KI-Verordnung eine Erläuterung: Ihr Wohngeld "
            "wurde herabgesetzt, nachdem ein Hochrisiko-KI-System ihre Kontoauszüge "
            "ausgewertet hatte und eine Sachbearbeiterin danach entschieden hat. Welcher "
            "Entwurf erfüllt die Anforderungen am besten?</p>",
            competency="qd:QD.1",
            level=4,
            demand="evaluate",
            feedback=(
                "Verlangt ist eine klare und aussagekräftige Erläuterung zur Rolle des "
                "KI-Systems im Entscheidungsprozess und zu den wichtigsten Elementen der "
                "getroffenen Entscheidung (Art. 86 Abs. 1)."
            ),
            tags=["Art. 86"],
            options=[
                _opt(
                    "„Ein KI-System hat Ihre Kontoauszüge ausgelesen und regelmäßige Eingänge "
                    "als mögliches Einkommen markiert. Die Sachbearbeiterin hat diese Eingänge "
                    "geprüft und als Lohn aus Ihrer Nebenbeschäftigung gewertet. Mit diesem "
                    "Einkommen beträgt Ihr Wohngeld ab Juli 180 €.“",
                    True,
                    "Richtig: Der Entwurf nennt die Aufgabe des Systems, seine Ausgabe, den "
                    "Umgang der Sachbearbeiterin damit und die tragenden Gründe.",
                ),
                _opt(
                    "„Über Ihren Antrag hat eine Sachbearbeiterin entschieden. Einzelheiten zu "
                    "unseren technischen Hilfsmitteln können wir nicht mitteilen.“",
                    False,
                    "Nein. Gerade die Rolle des Systems muss erläutert werden, auch wenn ein "
                    "Mensch entschieden hat.",
                ),
                _opt(
                    "„Das System beruht auf einem neuronalen Netz, das mit 40.000 "
                    "abgeschlossenen Fällen trainiert wurde und eine Trefferquote von 94 % "
                    "erreicht.“",
                    False,
                    "Nein. Technische Angaben zum Modell erklären weder seine Rolle im "
                    "konkreten Fall noch die Gründe der Entscheidung.",
                ),
                _opt(
                    "„Ihr Wohngeld wurde nach § 27 Abs. 2 WoGG neu berechnet.“",
                    False,
                    "Nein. Ein Normverweis nennt weder die Rolle des Systems noch die "
                    "wichtigsten Elemente der Entscheidung.",
                ),
            ],
        ),
        _q(
            "single",
            "<p>Ein freigegebenes Sprachmodell hat Ihnen einen Antwortentwurf an einen Bürger "
            "formuliert. Der Entwurf nennt eine Vorschrift des Wohngeldgesetzes und eine "
            "Frist, die Sie nicht kennen. Wie gehen Sie vor?</p>",
            competency="digcomp:1.2",
            level=3,
            demand="apply",
            digcomp_statements=["CS1.2.10"],
            feedback=(
                "Sprachmodelle erzeugen plausibel klingende, aber falsche Angaben. Wer das "
                "Ergebnis verwendet, ist für seine Richtigkeit verantwortlich."
            ),
            tags=["Generative KI", "KI-Kompetenz"],
            options=[
                _opt(
                    "Vorschrift und Frist an der amtlichen Quelle prüfen, den Entwurf "
                    "korrigieren und die Antwort selbst verantworten",
                    True,
                    "Richtig. Die Freigabe des Werkzeugs entbindet nicht von der Prüfung.",
                ),
                _opt(
                    "Den Entwurf versenden, weil das Werkzeug von der Behörde freigegeben ist",
                    False,
                    "Nein. Freigegeben heißt: zulässig zu nutzen, nicht: fehlerfrei.",
                ),
                _opt(
                    "Das Sprachmodell fragen, ob die Angaben stimmen, und bei Bestätigung "
                    "versenden",
                    False,
                    "Nein. Ein Sprachmodell bestätigt auch eigene Fehler; prüfen Sie an der "
                    "Quelle.",
                ),
                _opt(
                    "Den Bürger in der Antwort bitten, die Angaben selbst nachzuprüfen",
                    False,
                    "Nein. Die Verantwortung für eine behördliche Auskunft liegt bei Ihnen.",
                ),
            ],
        ),
        _q(
            "multiple",
            "<p>Welche Aussagen zur Einstufung treffen nach der KI-Verordnung in der Fassung "
            "des digitalen Omnibus (Rechtsstand 4. Dezember 2026) zu? Wählen Sie alle "
            "zutreffenden aus.</p>",
            competency="digcomp:2.3",
            level=5,
            demand="evaluate",
            digcomp_statements=["CS2.3.16"],
            feedback=(
                "Die Einstufung folgt der Reihenfolge: KI-System? Verbotene Praktik (Art. 5)? "
                "Anhang III und Ausnahme nach Art. 6 Abs. 3? Transparenzpflicht (Art. 50)?"
            ),
            tags=["Risikoklassen", "Anhang III"],
            options=[
                _opt(
                    "Ein System, das Beschäftigten im Bürgerbüro anhand ihrer Stimme Emotionen "
                    "zuschreibt, ist verboten (Art. 5 Abs. 1 Buchst. f).",
                    True,
                    "Richtig: Emotionserkennung am Arbeitsplatz ist verboten, außer aus "
                    "medizinischen oder Sicherheitsgründen.",
                ),
                _opt(
                    "Ein lernendes Modell, das Wohngeldanträge nach der Wahrscheinlichkeit "
                    "unvollständiger Angaben sortiert und so über die Bearbeitung "
                    "mitbestimmt, ist hochriskant; die Ausnahme des Art. 6 Abs. 3 hilft "
                    "wegen des Profilings nicht.",
                    True,
                    "Richtig: Anhang III Nr. 5 Buchst. a ist einschlägig, und Profiling "
                    "schließt die Ausnahme aus.",
                ),
                _opt(
                    "Ein Chatbot, der auf der Website Fragen zu Antragsunterlagen beantwortet, "
                    "ist ein Hochrisiko-System.",
                    False,
                    "Nein. Er entscheidet nicht über Leistungen; für ihn gilt die "
                    "Transparenzpflicht des Art. 50.",
                ),
                _opt(
                    "Ein regelbasiertes Programm, das die Wohngeldformel ausrechnet, ist "
                    "hochriskant, weil es über Leistungen entscheidet.",
                    False,
                    "Nein. Ohne Ableitung ist es in aller Regel schon kein KI-System; es "
                    "gelten § 31a SGB X und Art. 22 DSGVO.",
                ),
                _opt(
                    "Seit dem digitalen Omnibus gelten die Verbote des Art. 5 erst ab dem "
                    "2. Dezember 2027.",
                    False,
                    "Nein. Die Verbote gelten seit dem 2. Februar 2025; nur die neu "
                    "eingefügten Verbote gelten ab dem 2. Dezember 2026.",
                ),
            ],
        ),
    ],
}

COURSE_KI_VERORDNUNG_VERWALTUNG = {
    "slug": "ki-verordnung-verwaltung",
    "title": "Die KI-Verordnung in der Verwaltung",
    # AI literacy is kept up to date as the systems change: renewed every two years.
    "validity_months": 24,
    "summary": (
        "Was die KI-Verordnung (EU) 2024/1689 von Behörden verlangt, die KI-Systeme "
        "einsetzen: KI-Kompetenz nach Art. 4, Risikoklassen und Hochrisiko-Systeme bei "
        "Sozialleistungen nach Anhang III Nr. 5 Buchst. a, Betreiberpflichten und "
        "Grundrechte-Folgenabschätzung, menschliche Aufsicht und das Recht auf Erläuterung "
        "nach Art. 86 – mit dem Zeitplan der Anwendung."
    ),
    "objectives": [
        "Sie können beurteilen, ob ein Verfahren ein KI-System im Sinne der KI-Verordnung "
        "ist und welche Rolle die Behörde dabei hat.",
        "Sie können KI-Einsätze den Risikoklassen zuordnen und Hochrisiko-Systeme nach "
        "Anhang III Nr. 5 Buchst. a erkennen.",
        "Sie können die Pflichten einer Behörde als Betreiberin nach Art. 26 und Art. 27 "
        "benennen und ihre Umsetzung planen.",
        "Sie können menschliche Aufsicht nach Art. 14 wirksam ausüben und "
        "Automatisierungsbias begegnen.",
        "Sie können Betroffenen die Rolle eines KI-Systems in einer Entscheidung nach "
        "Art. 86 verständlich erläutern.",
    ],
    "duration_minutes": 150,
    "audience_roles": [
        "fuehrungskraft",
        "it-digitalisierung",
        "sachbearbeitung",
        "datenschutz",
        "nachwuchskraft",
    ],
    "develops": [
        ("qd:QD.8", 5),
        ("qd:QD.1", 4),
        ("qd:QD.6", 4),
        ("digcomp:1.2", 3),
        ("digcomp:2.3", 5),
    ],
    "prerequisites": ["vollautomatisierte-verwaltungsakte"],
    "lessons": [_C3_LESSON_1, _C3_LESSON_2, _C3_LESSON_3, _C3_LESSON_4, _C3_LESSON_5],
    "assessment": _C3_ASSESSMENT,
}


COURSES = [
    COURSE_VOLLAUTOMATISIERTE_VERWALTUNGSAKTE,
    COURSE_ENTSCHEIDUNGEN_ERKLAEREN,
    COURSE_KI_VERORDNUNG_VERWALTUNG,
]


# ---------------------------------------------------------------------------------------
# Legal status and sources of every lesson (see the package docstring). The date is the
# day the legal content was last checked against the official texts.
# ---------------------------------------------------------------------------------------

LEGAL_STATUS = "2026-12-04"
_GII = "https://www.gesetze-im-internet.de"
_DSGVO = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"
_KI_VO = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj"


def _norm(label, url):
    return {"kind": "norm", "label": label, "url": url}


def _judgment(label, url):
    return {"kind": "judgment", "label": label, "url": url}


_SCHUFA = _judgment(
    "EuGH, Urt. v. 07.12.2023, C-634/21 (SCHUFA)",
    "https://curia.europa.eu/juris/liste.jsf?num=C-634/21",
)
_DUN_BRADSTREET = _judgment(
    "EuGH, Urt. v. 27.02.2025, C-203/22 (Dun & Bradstreet Austria)",
    "https://curia.europa.eu/juris/liste.jsf?num=C-203/22",
)
_OMNIBUS = {
    "kind": "other",
    "label": "Digitaler Omnibus zur KI, Verfahren 2025/0359(COD): angenommen vom "
    "Europäischen Parlament am 16.06.2026 und vom Rat am 29.06.2026; nach "
    "Fachveröffentlichungen als Verordnung (EU) 2026/1744 im Amtsblatt vom 24.07.2026",
    "url": "https://oeil.europarl.europa.eu/oeil/en/procedure-file?reference=2025/0359(COD)",
}

_SOURCES = {
    "was-ist-ein-vollautomatisierter-verwaltungsakt": [
        _norm("§ 35a VwVfG", f"{_GII}/vwvfg/__35a.html"),
        _norm("§ 31a SGB X", f"{_GII}/sgb_10/__31a.html"),
        _norm("§ 155 Abs. 4 AO", f"{_GII}/ao_1977/__155.html"),
        _norm("§ 37 Abs. 5 VwVfG", f"{_GII}/vwvfg/__37.html"),
        _norm("§ 41 Abs. 2a VwVfG", f"{_GII}/vwvfg/__41.html"),
    ],
    "wann-ein-mensch-entscheiden-muss": [
        _norm("§ 35a VwVfG", f"{_GII}/vwvfg/__35a.html"),
        _norm("§ 24 Abs. 1 VwVfG", f"{_GII}/vwvfg/__24.html"),
        _norm("§ 31a SGB X", f"{_GII}/sgb_10/__31a.html"),
        _norm("§ 155 Abs. 4 AO", f"{_GII}/ao_1977/__155.html"),
        _norm("§ 39 Abs. 1 VwVfG", f"{_GII}/vwvfg/__39.html"),
        _norm("§ 15 WoGG", f"{_GII}/wogg/__15.html"),
        _norm("§ 28 Abs. 2 VwVfG", f"{_GII}/vwvfg/__28.html"),
        _norm("§ 24 Abs. 2 SGB X", f"{_GII}/sgb_10/__24.html"),
        _norm("§ 91 Abs. 2 AO", f"{_GII}/ao_1977/__91.html"),
    ],
    "artikel-22-dsgvo": [
        _norm("Art. 22 DSGVO", _DSGVO),
        _norm("Art. 4 DSGVO", _DSGVO),
        _norm("§ 31a SGB X", f"{_GII}/sgb_10/__31a.html"),
        _norm("§ 66 SGB I", f"{_GII}/sgb_1/__66.html"),
        _SCHUFA,
    ],
    "risikomanagement-und-kontrolle": [
        _norm("§ 88 Abs. 5 AO", f"{_GII}/ao_1977/__88.html"),
        _norm("§ 20 SGB X", f"{_GII}/sgb_10/__20.html"),
        _norm("§ 44 SGB X", f"{_GII}/sgb_10/__44.html"),
        _norm("§ 129 AO", f"{_GII}/ao_1977/__129.html"),
        _norm("§ 347 AO", f"{_GII}/ao_1977/__347.html"),
    ],
    "begruendungspflicht-und-ausnahmen": [
        _norm("§ 39 VwVfG", f"{_GII}/vwvfg/__39.html"),
        _norm("§ 35 Abs. 1 SGB X", f"{_GII}/sgb_10/__35.html"),
        _norm("§ 121 Abs. 1 AO", f"{_GII}/ao_1977/__121.html"),
        _norm("§ 41 Abs. 1 SGB X", f"{_GII}/sgb_10/__41.html"),
        _norm("§ 7 Abs. 1 WoGG", f"{_GII}/wogg/__7.html"),
    ],
    "informationen-ueber-die-logik": [
        _norm("Art. 15 Abs. 1 DSGVO", _DSGVO),
        _norm("Art. 13 Abs. 2 DSGVO", _DSGVO),
        _norm("Art. 12 DSGVO", _DSGVO),
        _norm("§ 88 Abs. 5 AO", f"{_GII}/ao_1977/__88.html"),
        _norm("§ 1 IFG", f"{_GII}/ifg/__1.html"),
        _DUN_BRADSTREET,
    ],
    "verstaendlich-schreiben": [
        _norm("§ 9 Abs. 1 EStG", f"{_GII}/estg/__9.html"),
        _norm("§ 27 Abs. 2 WoGG", f"{_GII}/wogg/__27.html"),
        _norm("§ 50 SGB X", f"{_GII}/sgb_10/__50.html"),
        _norm("§ 121 Abs. 1 AO", f"{_GII}/ao_1977/__121.html"),
    ],
    "am-telefon-erklaeren-und-eskalieren": [
        _norm("§ 24 Abs. 1 VwVfG", f"{_GII}/vwvfg/__24.html"),
        _norm("§ 31a SGB X", f"{_GII}/sgb_10/__31a.html"),
        _norm("§ 35 SGB I", f"{_GII}/sgb_1/__35.html"),
        _norm("§ 30 AO", f"{_GII}/ao_1977/__30.html"),
        _norm("Art. 32 DSGVO", _DSGVO),
        {
            "kind": "other",
            "label": "Datenschutzkonferenz, Beschluss vom 24.11.2021 zum Verzicht auf "
            "technische und organisatorische Maßnahmen",
            "url": "https://www.datenschutzkonferenz-online.de/beschluesse-dsk.html",
        },
    ],
    "widerspruch-und-einspruch": [
        _norm("§ 68 Abs. 1 VwGO", f"{_GII}/vwgo/__68.html"),
        _norm("§ 72 VwGO", f"{_GII}/vwgo/__72.html"),
        _norm("§ 78 SGG", f"{_GII}/sgg/__78.html"),
        _norm("§ 347 AO", f"{_GII}/ao_1977/__347.html"),
    ],
    "ki-system-rollen-und-zeitplan": [
        _norm("Art. 3 KI-VO", _KI_VO),
        _norm("Art. 113 KI-VO", _KI_VO),
        _norm("Art. 111 KI-VO", _KI_VO),
        _norm("Art. 50 KI-VO", _KI_VO),
        _OMNIBUS,
    ],
    "risikoklassen-und-hochrisiko-systeme": [
        _norm("Art. 5 KI-VO", _KI_VO),
        _norm("Art. 6 Abs. 3 KI-VO", _KI_VO),
        _norm("Art. 27 KI-VO", _KI_VO),
        _OMNIBUS,
    ],
    "pflichten-der-behoerde-als-betreiberin": [
        _norm("Art. 26 KI-VO", _KI_VO),
        _norm("Art. 27 KI-VO", _KI_VO),
        _norm("Art. 49 KI-VO", _KI_VO),
        _norm("Art. 35 DSGVO", _DSGVO),
        _norm("§ 80 Abs. 1 BPersVG", f"{_GII}/bpersvg_2021/__80.html"),
        _norm("§ 75 Abs. 3 BPersVG", f"{_GII}/bpersvg_2021/__75.html"),
    ],
    "menschliche-aufsicht-und-ki-kompetenz": [
        _norm("Art. 4 KI-VO", _KI_VO),
        _norm("Art. 14 KI-VO", _KI_VO),
        _norm("Art. 26 Abs. 2 KI-VO", _KI_VO),
        _OMNIBUS,
    ],
    "recht-auf-erlaeuterung-art-86": [
        _norm("Art. 86 KI-VO", _KI_VO),
        _norm("Art. 85 KI-VO", _KI_VO),
        _norm("Art. 113 KI-VO", _KI_VO),
        _norm("Art. 15 Abs. 1 DSGVO", _DSGVO),
        _OMNIBUS,
    ],
}

for _course in COURSES:
    # Law and AI regulation change quickly: every course is reviewed at least yearly.
    _course["review_interval_months"] = 12
    for _lesson in _course["lessons"]:
        _lesson["legal_status"] = LEGAL_STATUS
        _lesson["sources"] = _SOURCES[_lesson["slug"]]
