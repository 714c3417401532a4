"""Demo curriculum "Automatisierte Entscheidungen erklären" (see the package docstring).

Three courses for case workers, managers, IT staff, trainees and data protection officers:
the law of fully automated administrative acts, explaining automated decisions to
citizens, and the EU AI Act in the administration. Norms are cited as in force in 2026;
the cases, names and figures are invented but realistic.
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


def _q(kind, stem, *, competency, level, feedback, tags=(), points=1, **specific):
    return {
        "type": kind,
        "stem": stem,
        "points": points,
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
    "courses": ["vollautomatisierte-verwaltungsakte"],
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
                ("Freitextfeld ausgefüllt?", "Nein – kein Anlass zur Bearbeitung durch Amtsträger"),
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
            "die Umstände des Einzelfalls zu würdigen und gegeneinander abzuwägen, und diese "
            "Abwägung muss nach § 39 Abs. 1 Satz 3 VwVfG in der Begründung erkennbar sein. "
            "Deshalb schließt § 35a VwVfG die Vollautomatisierung aus, sobald ein Ermessen "
            "oder ein Beurteilungsspielraum besteht. Typische Beispiele sind Stundung und "
            "Erlass von Forderungen, Härtefallregelungen, „kann“- und „soll“-Vorschriften "
            "mit atypischen Fällen oder Prognoseentscheidungen.</p>"
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
            legal_basis="§ 31a SGB X; §§ 14, 15 WoGG (Jahreseinkommen, Prognose)",
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
                "Einkommens bewilligt, das Verfahren kann diese Prognose nicht selbst "
                "treffen."
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
                "<p>Ein Programm darf eine Ermessensentscheidung vollautomatisiert treffen, "
                "wenn die Ermessenserwägungen vorab in Textbausteinen festgelegt wurden.</p>",
                competency="qd:QD.3",
                level=3,
                correct=False,
                feedback=(
                    "§ 35a VwVfG schließt die Vollautomatisierung aus, sobald Ermessen besteht. "
                    "Vorformulierte Erwägungen ersetzen die Würdigung des Einzelfalls nicht."
                ),
                feedback_true=(
                    "Nein. Vorab festgelegte Erwägungen wären ein Ermessensausfall: Es fehlt "
                    "die Würdigung des konkreten Falls."
                ),
                feedback_false=(
                    "Richtig. Ermessen verlangt eine Abwägung im Einzelfall, die das Gesetz "
                    "einem Menschen vorbehält."
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
            "maßgeblich auf diesen Wert stützt. Übertragen auf die Verwaltung: Ein "
            "Risikoscore, nach dem Sachbearbeitende Anträge praktisch ohne eigene Prüfung "
            "ablehnen, ist rechtlich nicht „nur eine Empfehlung“.</p>"
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
            "deuten aber darauf hin, dass der Score das Ergebnis maßgeblich bestimmt. Nach "
            "der Linie des EuGH im SCHUFA-Urteil kann dann Art. 22 DSGVO greifen, und für "
            "Sozialleistungen fehlt eine Rechtsvorschrift, die eine solche Steuerung "
            "zulässt. Nötig sind: eine Erläuterung, welche Merkmale den Score treiben und wo "
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
                level=3,
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
                "<p>Bringen Sie die Reaktion auf einen vermuteten systematischen Fehler eines "
                "automatisierten Verfahrens in eine sinnvolle Reihenfolge.</p>",
                competency="qd:QD.6",
                level=3,
                feedback=(
                    "Erst den Schaden begrenzen und den Fehler bestätigen, dann den Bestand "
                    "ermitteln, korrigieren und das Verfahren dauerhaft verbessern."
                ),
                tags=["Risikomanagement"],
                items=[
                    "Auffälligkeit melden und betroffene Regel vorläufig aussetzen",
                    "Fehler an Testfällen bestätigen und Ursache klären",
                    "Betroffenen Bestand ermitteln",
                    "Bescheide von Amts wegen korrigieren und Betroffene informieren",
                    "Änderungs- und Überwachungsprozess anpassen",
                ],
            )
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
            level=3,
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
            level=3,
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
            level=4,
            feedback=(
                "Zuerst die Zulassung, dann Ermessen und Beurteilungsspielraum, dann der "
                "konkrete Fall: Liegen bedeutsame Angaben vor, muss ein Mensch entscheiden."
            ),
            tags=["Prüfschema"],
            items=[
                "Gilt das VwVfG, oder gehen SGB X oder AO als Spezialregelung vor?",
                "Lässt eine Rechtsvorschrift die Vollautomatisierung zu?",
                "Besteht Ermessen oder ein Beurteilungsspielraum?",
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
            feedback=(
                "Man spricht von Aussteuerung; ausgelöst wird sie durch Prüfregeln, "
                "Risikofilter, Zufallsauswahl oder Angaben der Beteiligten."
            ),
            tags=["Begriffe"],
            accepted=["Aussteuerung", "Aussteuern", "Ausleitung"],
        ),
        _q(
            "multiple",
            "<p>Nach einem Update sinkt die Aussteuerungsquote eines Verfahrens von 18 % auf "
            "6 %. Welche Reaktionen sind angemessen? Wählen Sie alle zutreffenden aus.</p>",
            competency="qd:QD.6",
            level=3,
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
            level=3,
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

COURSES = [COURSE_VOLLAUTOMATISIERTE_VERWALTUNGSAKTE]
