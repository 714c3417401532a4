"""Demo curriculum "Datenkompetenz in der Verwaltung": three courses as plain data.

The shape of ``CURRICULUM`` and ``COURSES`` is documented in ``lms/demo/content/__init__.py``;
``tests/demo/test_content_data_literacy.py`` checks it. The courses are written for
colleagues in a Landesamt: German, Sie-Form, with the legal and statistical sources named
in the text. Numbers in examples are realistic but invented unless a source is named.
"""

CURRICULUM = {
    "slug": "datenkompetenz",
    "title": "Datenkompetenz in der Verwaltung",
    "description": (
        "Daten sind die Grundlage fast jeder Verwaltungsentscheidung, vom Wohngeldbescheid bis "
        "zur Personalplanung. Das Curriculum zeigt in drei aufeinander aufbauenden Kursen, wie "
        "Sie die Qualität von Verwaltungsdaten beurteilen, Statistiken und Diagramme kritisch "
        "lesen und personenbezogene Daten in der täglichen Fallbearbeitung rechtssicher "
        "schützen. Alle Beispiele stammen aus der Leistungs- und Ordnungsverwaltung."
    ),
    "courses": [
        "datenqualitaet-und-bias",
        "statistik-kritisch-lesen",
        "datenschutz-im-alltag",
    ],
}


# ---------------------------------------------------------------------------------------
# Kurs 1: Datenqualität und Verzerrungen in Verwaltungsdaten
# ---------------------------------------------------------------------------------------

_DATENQUALITAET = {
    "slug": "datenqualitaet-und-bias",
    "title": "Datenqualität und Verzerrungen in Verwaltungsdaten",
    "summary": (
        "Fehlende Werte, Dubletten und veraltete Stammdaten führen zu falschen Bescheiden und "
        "schiefen Statistiken. Der Kurs zeigt an Fällen aus Wohngeld, Elterngeld, "
        "Grundsicherung und Kfz-Zulassung, wie Sie Datenqualität systematisch prüfen und "
        "Verzerrungen aus historischen Entscheidungen und Stellvertretermerkmalen erkennen."
    ),
    "objectives": [
        "Sie können die Qualitätsdimensionen Vollständigkeit, Richtigkeit, Aktualität, "
        "Konsistenz, Eindeutigkeit und Gültigkeit an Verwaltungsdaten prüfen.",
        "Sie können fehlende Werte richtig deuten und echte von scheinbaren Dubletten in "
        "Registern unterscheiden.",
        "Sie können erklären, wie historische Entscheidungen und Proxy-Variablen "
        "automatisierte Verfahren verzerren.",
        "Sie können Fairness-Fragen in der Leistungsverwaltung mit Kennzahlen beschreiben und "
        "begründet eine menschliche Prüfung veranlassen.",
    ],
    "duration_minutes": 90,
    "audience_roles": ["sachbearbeitung", "fuehrungskraft", "it-digitalisierung", "nachwuchskraft"],
    "develops": [("qd:QD.2", 4), ("qd:QD.6", 3), ("digcomp:1.2", 3)],
    "prerequisites": [],
    "lessons": [
        # --- Lektion 1 -------------------------------------------------------------------
        {
            "slug": "qualitaetsdimensionen",
            "title": "Was gute Verwaltungsdaten ausmacht",
            "summary": (
                "Die sechs Qualitätsdimensionen, an denen Sie jeden Datensatz messen können, "
                "und warum ein Fehler im Stammdatensatz in jedem Folgebescheid wiederkehrt."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Jeder Bescheid, den Ihre Behörde erlässt, ist nur so gut wie die Daten, "
                    "auf denen er beruht. Ein falsch erfasstes Geburtsdatum, eine nicht "
                    "gepflegte Haushaltsgröße oder eine veraltete Anschrift wirken nicht "
                    "einmal, sondern in jedem Folgebescheid, in jeder Statistik und in jedem "
                    "automatisierten Abgleich, der auf diesen Datensatz zugreift. Datenqualität "
                    "ist deshalb keine Aufgabe der IT allein, sondern Teil guter "
                    "Sachbearbeitung.</p>",
                ),
                ("heading", {"text": "Sechs Dimensionen der Datenqualität", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Die Norm ISO/IEC 25012 beschreibt ein ausführliches Qualitätsmodell für "
                    "Daten. Für den Verwaltungsalltag genügen sechs Dimensionen, die Sie an "
                    "jedem Datensatz prüfen können:</p>"
                    "<ul>"
                    "<li><strong>Vollständigkeit:</strong> Sind alle für die Entscheidung "
                    "nötigen Angaben vorhanden? Beispiel: Im Wohngeldantrag fehlt die Zahl der "
                    "Haushaltsmitglieder.</li>"
                    "<li><strong>Richtigkeit:</strong> Stimmt die Angabe mit der Wirklichkeit "
                    "überein? Beispiel: Die Kaltmiete wurde als 560 € statt 650 € erfasst, "
                    "weil zwei Ziffern vertauscht wurden.</li>"
                    "<li><strong>Aktualität:</strong> Ist die Angabe noch gültig? Beispiel: Die "
                    "Bankverbindung einer Person, die Grundsicherung bezieht, stammt aus 2019, das Konto "
                    "ist inzwischen aufgelöst.</li>"
                    "<li><strong>Konsistenz:</strong> Widersprechen sich Angaben in "
                    "verschiedenen Feldern oder Systemen? Beispiel: Im Elterngeldantrag ist das "
                    "Kind am 3. März geboren, im Bezugszeitraum beginnt der erste Lebensmonat "
                    "aber am 1. Februar.</li>"
                    "<li><strong>Eindeutigkeit:</strong> Gibt es jede Person, jedes Fahrzeug, "
                    "jeden Fall genau einmal? Beispiel: Dieselbe Halterin ist unter "
                    "„Müller“ und „Mueller“ zweimal angelegt.</li>"
                    "<li><strong>Gültigkeit (Validität):</strong> Entspricht der Wert den "
                    "formalen Regeln? Beispiel: Geburtsdatum 31.02.1980 oder eine Postleitzahl "
                    "mit vier Ziffern.</li>"
                    "</ul>",
                ),
                (
                    "info_box",
                    {
                        "kind": "hint",
                        "title": "Gültig heißt noch nicht richtig",
                        "body": "<p>Eine Plausibilitätsprüfung im Fachverfahren erkennt den "
                        "31.02.1980 sofort. Einen Zahlendreher von 1980 zu 1908 erkennt sie "
                        "nur, wenn eine Regel das Alter begrenzt. Und ein formal einwandfreies, "
                        "aber falsches Datum, etwa der 13.05. statt des 15.03., fällt keiner "
                        "Regel auf. Technische Prüfungen sichern die Gültigkeit; die "
                        "Richtigkeit sichern Sie durch den Abgleich mit Nachweisen.</p>",
                    },
                ),
                ("heading", {"text": "Warum Fehler sich vervielfältigen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Verwaltungsdaten werden selten nur einmal genutzt. Die Anschrift aus "
                    "dem Melderegister steuert den Versand von Bescheiden, die "
                    "Haushaltsgröße bestimmt die Höchstbeträge beim Wohngeld, und aus den "
                    "Einzelfällen entstehen die Geschäftsstatistik und die Meldungen an das "
                    "Statistische Landesamt. Ein Erfassungsfehler von 2 % klingt harmlos; bei "
                    "48.000 Wohngeldanträgen im Jahr sind das aber rund 960 Fälle, in denen "
                    "Bescheide möglicherweise korrigiert und Überzahlungen zurückgefordert "
                    "werden müssen. Fehler früh zu verhindern ist deshalb fast immer billiger, "
                    "als sie später zu bereinigen.</p>"
                    "<p>Für automatisierte Verfahren gilt das verschärft: Ein System hinterfragt "
                    "keine Angaben, die formal gültig sind. Es rechnet mit dem, was es bekommt, "
                    "und zwar in allen Fällen gleich schnell.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Der Monatsbericht der Wohngeldstelle",
                        "scenario": "<p>Die Wohngeldstelle einer kreisfreien Stadt meldet für "
                        "Oktober 1.240 bewilligte Anträge. Die Leitung wundert sich: Der Anteil "
                        "der Einpersonenhaushalte ist von 52 % im Vormonat auf 61 % gestiegen, "
                        "obwohl sich an der Antragslage nichts geändert hat. Bei einer "
                        "Stichprobe von 50 Akten stellt sich heraus, dass seit einem Update des "
                        "Fachverfahrens das Feld „Haushaltsmitglieder“ bei Weiterleistungsanträgen "
                        "leer bleibt. Das Berichtsmodul zählt leere Felder als "
                        "„1 Person“.</p>",
                        "questions": [
                            "Welche Qualitätsdimensionen sind betroffen?",
                            "Welche Folgen hat der Fehler für die Statistik und welche "
                            "möglicherweise für die Bescheide?",
                            "Was sollte die Wohngeldstelle jetzt unternehmen, und wer muss "
                            "beteiligt werden?",
                        ],
                        "model_answer": "<p>Betroffen sind vor allem die "
                        "<strong>Vollständigkeit</strong> (das Feld bleibt leer) und in der "
                        "Folge die <strong>Richtigkeit</strong> der Statistik, weil ein "
                        "fehlender Wert stillschweigend als „1“ gedeutet wird. Die "
                        "Monatsstatistik überzeichnet die Einpersonenhaushalte und darf so "
                        "nicht weitergegeben werden.</p><p>Entscheidend ist die Frage, ob "
                        "auch die Berechnung auf den leeren Wert zugreift: Dann wären "
                        "Mehrpersonenhaushalte mit zu niedrigen Höchstbeträgen berechnet "
                        "worden. Die Stelle sollte den Fehler dem Verfahrensbetreuer melden, "
                        "alle betroffenen Weiterleistungsanträge seit dem Update selektieren, "
                        "die Bescheide prüfen und gegebenenfalls nach § 44 SGB X korrigieren "
                        "sowie den Bericht mit einem Hinweis neu erstellen. Für die Zukunft "
                        "gehört eine Pflichtfeldprüfung in das Verfahren und ein leerer Wert "
                        "wird als „unbekannt“ ausgewiesen, nie als Zahl.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Stammdaten",
                        "definition": "<p>Daten, die sich selten ändern und von vielen "
                        "Vorgängen genutzt werden, etwa Name, Geburtsdatum, Anschrift oder "
                        "Bankverbindung einer Person. Fehler in Stammdaten wirken in jedem "
                        "Vorgang, der sie verwendet.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "single",
                        "stem": "<p>In einem Zulassungsdatensatz ist als Erstzulassung der "
                        "30.02.2021 eingetragen. Welche Qualitätsdimension ist verletzt?</p>",
                        "points": 1,
                        "competency": "qd:QD.2",
                        "level": 3,
                        "demand": "apply",
                        "feedback": "Ein Datum, das es im Kalender nicht gibt, verletzt eine "
                        "formale Regel. Das erkennt schon eine einfache Plausibilitätsprüfung.",
                        "tags": ["datenqualitaet", "kfz-zulassung"],
                        "options": [
                            {
                                "text": "Gültigkeit (Validität)",
                                "correct": True,
                                "feedback": "Richtig: Den 30. Februar gibt es nicht, der Wert "
                                "verstößt gegen eine formale Regel.",
                            },
                            {
                                "text": "Aktualität",
                                "correct": False,
                                "feedback": "Aktualität betrifft veraltete Angaben. Hier ist "
                                "der Wert von vornherein unmöglich.",
                            },
                            {
                                "text": "Eindeutigkeit",
                                "correct": False,
                                "feedback": "Eindeutigkeit betrifft doppelt erfasste "
                                "Personen oder Fahrzeuge, nicht ein einzelnes Datum.",
                            },
                            {
                                "text": "Vollständigkeit",
                                "correct": False,
                                "feedback": "Das Feld ist ja ausgefüllt, nur eben mit einem "
                                "unmöglichen Wert.",
                            },
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 2 -------------------------------------------------------------------
        {
            "slug": "fehlende-werte-und-dubletten",
            "title": "Fehlende Werte und Dubletten in Registern",
            "summary": (
                "Warum ein leeres Feld nicht „null“ bedeutet, wie Dubletten in Melde- und "
                "Fahrzeugregistern entstehen und wann eine scheinbare Dublette ein "
                "berechtigter zweiter Fall ist."
            ),
            "blocks": [
                ("heading", {"text": "Leer ist nicht null", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Ein leeres Feld kann vieles bedeuten: Die Angabe wurde nicht "
                    "erfragt, die antragstellende Person hat sie verweigert, sie war zum "
                    "Zeitpunkt der Erfassung unbekannt, oder der Wert ist tatsächlich null. "
                    "Wer „kein Einkommen angegeben“ mit „kein Einkommen“ gleichsetzt, macht aus "
                    "einer Wissenslücke eine Tatsache. Gute Fachverfahren unterscheiden "
                    "deshalb ausdrücklich zwischen <em>0</em>, <em>unbekannt</em> und "
                    "<em>nicht zutreffend</em>.</p>"
                    "<p>Für Auswertungen ist außerdem wichtig, <strong>warum</strong> Werte "
                    "fehlen. Fehlen sie zufällig, etwa weil an einem Tag das Scanmodul "
                    "ausgefallen ist, verzerrt das die Ergebnisse kaum. Fehlen sie "
                    "systematisch, zum Beispiel weil Selbstständige das Feld „monatliches "
                    "Nettoeinkommen“ häufiger leer lassen, weil ihr Einkommen schwankt, dann "
                    "beschreibt eine Auswertung nur noch die Personen, die geantwortet haben. "
                    "Ein Durchschnittseinkommen aus den ausgefüllten Feldern ist dann für die "
                    "Gesamtheit der Antragstellenden nicht aussagekräftig.</p>",
                ),
                (
                    "decision_explainer",
                    {
                        "title": "Automatische Plausibilitätsprüfung im Wohngeldverfahren",
                        "decision": "Der Antrag wird nicht automatisch berechnet, sondern "
                        "zur Klärung der Einkommensangaben an die Sachbearbeitung ausgesteuert.",
                        "legal_basis": "§ 20 SGB X (Untersuchungsgrundsatz), § 60 SGB I "
                        "(Mitwirkungspflichten), WoGG",
                        "inputs": [
                            {"label": "Haushaltsmitglieder", "value": "2"},
                            {"label": "Bruttoeinkommen laut Antrag", "value": "Feld leer"},
                            {"label": "Bruttokaltmiete", "value": "720 € monatlich"},
                            {
                                "label": "Nachweise hochgeladen",
                                "value": "Mietvertrag, keine Einkommensnachweise",
                            },
                        ],
                        "rule_path": [
                            {
                                "rule": "Sind alle Pflichtangaben für die Berechnung vorhanden?",
                                "outcome": "Nein: Einkommen fehlt",
                            },
                            {
                                "rule": "Darf ein fehlendes Einkommen als 0 € gewertet werden?",
                                "outcome": "Nein: fehlend bedeutet unbekannt",
                            },
                            {
                                "rule": "Kann die Angabe aus vorhandenen Nachweisen ergänzt "
                                "werden?",
                                "outcome": "Nein: keine Einkommensnachweise",
                            },
                            {
                                "rule": "Ergebnis der Prüfung",
                                "outcome": "Aussteuerung an die Sachbearbeitung, "
                                "Nachforderung der Angaben",
                            },
                        ],
                        "citizen_explanation": "<p>Sehr geehrte Frau Demir, in Ihrem "
                        "Wohngeldantrag fehlen Angaben zum Einkommen Ihres Haushalts. Ohne "
                        "diese Angaben können wir das Wohngeld nicht berechnen. Bitte reichen "
                        "Sie innerhalb von drei Wochen Ihre Verdienstbescheinigungen der "
                        "letzten zwölf Monate oder, falls Sie kein Einkommen haben, eine "
                        "kurze Erklärung ein, wovon Sie Ihren Lebensunterhalt bestreiten. Ihr "
                        "Antrag bleibt mit dem ursprünglichen Eingangsdatum bestehen.</p>",
                        "human_review": "Immer, wenn für die Berechnung erforderliche Angaben "
                        "fehlen oder widersprüchlich sind: Die Sachbearbeitung fordert die "
                        "Angaben an und entscheidet nach Aktenlage. Ein Bescheid auf der "
                        "Grundlage eines unterstellten Werts ist ausgeschlossen.",
                    },
                ),
                ("heading", {"text": "Wie Dubletten entstehen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Dubletten sind mehrere Datensätze für dieselbe Person, dasselbe "
                    "Fahrzeug oder denselben Fall. Sie entstehen durch Schreibvarianten "
                    "(„Müller“, „Mueller“, „Müller-Lüdenscheidt“), durch Transliteration "
                    "ausländischer Namen („Mohammed“, „Muhammad“), durch Umzüge zwischen "
                    "Zuständigkeitsbereichen, durch Zusammenführungen von Fachverfahren und "
                    "schlicht durch Eile am Schalter. Typische Folgen: Eine Person erhält "
                    "eine Leistung doppelt, Mahnungen gehen an eine veraltete Anschrift, oder "
                    "eine Statistik zählt 4 % mehr Fälle, als es gibt.</p>"
                    "<p>Mit dem Registermodernisierungsgesetz und dem "
                    "Identifikationsnummerngesetz (IDNrG) wird die steuerliche "
                    "Identifikationsnummer schrittweise als übergreifendes Ordnungsmerkmal in "
                    "zentralen Registern eingeführt. Bis das flächendeckend umgesetzt ist, "
                    "arbeiten viele Verfahren mit einem Abgleich über Name, Geburtsdatum und "
                    "Geburtsort, und der liefert keine Gewissheit, nur Verdachtsfälle.</p>",
                ),
                (
                    "info_box",
                    {
                        "kind": "warning",
                        "title": "Dubletten nie automatisch zusammenführen",
                        "body": "<p>Ein Treffer im Dublettenabgleich ist ein Hinweis, kein "
                        "Beweis. Dass eine bestimmte Anna Schmidt, geboren am 12.04.1990, "
                        "im Register eine Namensvetterin mit genau diesem Geburtsdatum hat, "
                        "ist eher unwahrscheinlich: Gibt es zehn weitere Anna Schmidts des "
                        "Jahrgangs 1990, liegt die Wahrscheinlichkeit bei rund 3 %. Dass "
                        "sich irgendwelche zwei Personen gleichen Namens und Jahrgangs ein "
                        "Geburtsdatum teilen, ist dagegen viel wahrscheinlicher "
                        "(Geburtstagsparadoxon): Schon bei 23 Personen liegt die "
                        "Wahrscheinlichkeit über 50 %, bei 40 Personen bei rund 89 %. Über "
                        "einen ganzen Bestand mit vielen häufigen Namen entstehen so "
                        "zwangsläufig falsche Treffer. Führen Sie "
                        "Datensätze erst zusammen, wenn ein eindeutiges Merkmal oder ein "
                        "Nachweis die Identität belegt, und dokumentieren Sie, welcher "
                        "Datensatz führend bleibt.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Zwei Elterngeldanträge für dasselbe Kind",
                        "scenario": "<p>Ein Prüfbericht der Elterngeldstelle listet 214 "
                        "„Dubletten“: Für dasselbe Kind, gleiche Geburtsurkunde, liegen zwei "
                        "Anträge vor. Ein Kollege schlägt vor, jeweils den jüngeren Antrag als "
                        "Doppelerfassung zu stornieren, um die Statistik zu bereinigen.</p>",
                        "questions": [
                            "Handelt es sich bei diesen Fällen wirklich um Dubletten?",
                            "Woran erkennen Sie eine echte Doppelerfassung?",
                            "Was wäre die Folge, wenn die Stelle dem Vorschlag folgt?",
                        ],
                        "model_answer": "<p>Nicht unbedingt. Beim Elterngeld können beide "
                        "Elternteile für dasselbe Kind einen eigenen Anspruch haben und "
                        "Elterngeld beziehen, etwa mit Partnermonaten. Zwei Anträge für ein "
                        "Kind sind daher oft zwei berechtigte Fälle. Eine echte Dublette liegt "
                        "nur vor, wenn <strong>dieselbe antragstellende Person</strong> für "
                        "dasselbe Kind zweimal erfasst wurde, etwa nach einem zweiten "
                        "Online-Antrag.</p><p>Würden die jüngeren Anträge pauschal storniert, "
                        "würde die Stelle berechtigte Anträge von Vätern oder Müttern ohne "
                        "Bescheid beenden. Das ist rechtswidrig und trifft systematisch den "
                        "Elternteil, der später beantragt. Die Dublettenregel muss deshalb "
                        "Kind <em>und</em> antragstellende Person vergleichen.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Dublette",
                        "definition": "<p>Zwei oder mehr Datensätze, die dasselbe Objekt der "
                        "realen Welt beschreiben, etwa dieselbe Person oder dasselbe Fahrzeug. "
                        "Scheinbare Dubletten sind Datensätze, die sich ähneln, aber "
                        "verschiedene Objekte beschreiben.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "true_false",
                        "stem": "<p>Ein leeres Feld „Einkommen“ in einem Antrag darf für die "
                        "Berechnung als 0 € gewertet werden, weil die antragstellende Person "
                        "ja nichts angegeben hat.</p>",
                        "points": 1,
                        "competency": "qd:QD.2",
                        "level": 2,
                        "demand": "understand",
                        "correct": False,
                        "feedback_true": "Nein. Ein fehlender Wert ist unbekannt, nicht null. "
                        "Die Behörde muss den Sachverhalt aufklären und die Angabe anfordern.",
                        "feedback_false": "Richtig. Fehlend heißt unbekannt. Die Behörde klärt "
                        "den Sachverhalt auf und fordert die Angabe an.",
                        "feedback": "Unterscheiden Sie immer zwischen 0, unbekannt und nicht "
                        "zutreffend.",
                        "tags": ["fehlende-werte", "wohngeld"],
                    },
                ),
            ],
        },
        # --- Lektion 3 -------------------------------------------------------------------
        {
            "slug": "verzerrungen-und-proxies",
            "title": "Verzerrungen aus historischen Entscheidungen und Proxy-Variablen",
            "summary": (
                "Wie Daten die Entscheidungen der Vergangenheit konservieren, warum "
                "Kontrollen sich selbst bestätigen können und wie harmlose Merkmale für "
                "geschützte Merkmale stehen."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Verwaltungsdaten sind kein neutrales Abbild der Gesellschaft. Sie "
                    "entstehen aus Anträgen, Kontrollen und Entscheidungen, also aus dem, was "
                    "Menschen und Verfahren in der Vergangenheit getan haben. Wer aus diesen "
                    "Daten Regeln, Risikomodelle oder Prioritäten ableitet, übernimmt ihre "
                    "Verzerrungen, oft ohne es zu merken.</p>",
                ),
                ("heading", {"text": "Drei typische Quellen von Verzerrung", "level": "h2"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li><strong>Historische Entscheidungen:</strong> Wurden Anträge einer "
                    "Gruppe früher strenger geprüft oder häufiger abgelehnt, lernt ein Modell "
                    "aus diesen Daten, dass diese Gruppe „riskanter“ ist, obwohl nur die Praxis "
                    "strenger war.</li>"
                    "<li><strong>Auswahlverzerrung und Rückkopplung:</strong> Kontrollen "
                    "finden nur dort Fehler, wo kontrolliert wird. Prüft die Behörde einen "
                    "Stadtteil dreimal so häufig wie andere, findet sie dort mehr "
                    "Unregelmäßigkeiten, wählt ihn im nächsten Jahr wieder aus, und die Daten "
                    "bestätigen scheinbar die Auswahl.</li>"
                    "<li><strong>Proxy-Variablen:</strong> Ein Verfahren verwendet kein "
                    "geschütztes Merkmal wie ethnische Herkunft, Geschlecht oder Behinderung, "
                    "aber ein Merkmal, das eng damit zusammenhängt: die Postleitzahl, die "
                    "Korrespondenzsprache, Teilzeitbeschäftigung oder Lücken im "
                    "Erwerbsverlauf.</li>"
                    "</ul>",
                ),
                (
                    "info_box",
                    {
                        "kind": "info",
                        "title": "Ein Lehrstück aus den Niederlanden",
                        "body": "<p>In der sogenannten Kinderbetreuungsgeld-Affäre "
                        "(Toeslagenaffaire) forderte die niederländische Steuerverwaltung von "
                        "Tausenden Familien zu Unrecht Leistungen zurück. Ein "
                        "Risikoklassifizierungsmodell nutzte unter anderem die "
                        "Staatsangehörigkeit als Merkmal. Die niederländische "
                        "Datenschutzbehörde verhängte 2021 ein Bußgeld von 2,75 Millionen Euro, "
                        "weil die Verarbeitung der doppelten Staatsangehörigkeit "
                        "diskriminierend und rechtswidrig war; die Regierung trat Anfang 2021 "
                        "zurück. Der Fall zeigt, wie aus einem Datenmerkmal ein "
                        "gesellschaftlicher Schaden wird.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Das Prüfmodell für Hausbesuche",
                        "scenario": "<p>Ein Sozialamt möchte Hausbesuche zur Prüfung der "
                        "Bedarfsgemeinschaft in der Grundsicherung gezielter einsetzen. Ein "
                        "Dienstleister schlägt ein Modell vor, das aus den Prüfergebnissen der "
                        "letzten fünf Jahre eine Risikopunktzahl berechnet. Wichtigste Merkmale "
                        "im Modell: Postleitzahl, Anzahl der Umzüge, Korrespondenzsprache und "
                        "Dauer des Leistungsbezugs. In den vergangenen Jahren fanden 70 % der "
                        "Hausbesuche in zwei Stadtteilen statt.</p>",
                        "questions": [
                            "Welche Verzerrungen erwarten Sie in den Trainingsdaten?",
                            "Welche Merkmale können als Proxy für geschützte Merkmale wirken?",
                            "Welche Bedingungen würden Sie an einen Einsatz des Modells knüpfen?",
                        ],
                        "model_answer": "<p>Die Trainingsdaten enthalten eine starke "
                        "<strong>Auswahlverzerrung</strong>: Befunde liegen überwiegend aus "
                        "zwei Stadtteilen vor, weil dort geprüft wurde. Das Modell wird diese "
                        "Stadtteile deshalb als riskant einstufen und die Rückkopplung "
                        "verstärken. <strong>Postleitzahl</strong> und "
                        "<strong>Korrespondenzsprache</strong> hängen eng mit sozialer Lage "
                        "und ethnischer Herkunft zusammen; eine Benachteiligung wegen der "
                        "ethnischen Herkunft verbietet § 33c SGB I ausdrücklich.</p><p>Vor "
                        "einem Einsatz sollten mindestens gelten: Verzicht auf Merkmale, die "
                        "als Proxy wirken, eine Zufallsstichprobe als Vergleichsgruppe, die "
                        "regelmäßige Auswertung der Trefferquoten nach Gruppen, eine "
                        "Datenschutz-Folgenabschätzung nach Art. 35 DSGVO und die klare Regel, "
                        "dass die Punktzahl nur eine Prüfung anstößt, aber nie selbst über "
                        "Leistungen entscheidet. Leistungssysteme dieser Art können zudem "
                        "Hochrisiko-KI-Systeme nach Anhang III der KI-Verordnung sein.</p>",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "§ 33c SGB I – Benachteiligungsverbot",
                        "body": "<p>Bei der Inanspruchnahme sozialer Rechte darf niemand aus "
                        "Gründen der Rasse, wegen der ethnischen Herkunft oder einer "
                        "Behinderung benachteiligt werden. Ergänzend verbietet Art. 3 Abs. 3 GG "
                        "jeder staatlichen Stelle Benachteiligungen unter anderem wegen des "
                        "Geschlechts, der Abstammung, der Sprache, der Heimat und Herkunft "
                        "sowie wegen einer Behinderung.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Proxy-Variable",
                        "definition": "<p>Ein Merkmal, das selbst unverdächtig ist, aber so eng "
                        "mit einem anderen, oft geschützten Merkmal zusammenhängt, dass es "
                        "dieses in einer Auswertung oder einem Modell faktisch vertritt. "
                        "Beispiel: Die Postleitzahl kann für Einkommen oder Herkunft "
                        "stehen.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "multiple",
                        "stem": "<p>Welche der folgenden Merkmale können in einem Prüfmodell "
                        "für Sozialleistungen als Proxy für geschützte Merkmale wirken? "
                        "Wählen Sie alle zutreffenden aus.</p>",
                        "points": 2,
                        "competency": "qd:QD.2",
                        "level": 3,
                        "demand": "apply",
                        "feedback": "Proxy-Variablen sind unauffällig, korrelieren aber eng mit "
                        "Herkunft, Geschlecht oder Behinderung.",
                        "tags": ["bias", "proxy"],
                        "options": [
                            {
                                "text": "Korrespondenzsprache",
                                "correct": True,
                                "feedback": "Ja, sie hängt eng mit der Herkunft zusammen.",
                            },
                            {
                                "text": "Postleitzahl des Wohnorts",
                                "correct": True,
                                "feedback": "Ja, Wohnviertel spiegeln oft Einkommen und "
                                "Herkunft wider.",
                            },
                            {
                                "text": "Teilzeitbeschäftigung",
                                "correct": True,
                                "feedback": "Ja, Teilzeit ist in Deutschland stark mit dem "
                                "Geschlecht verknüpft.",
                            },
                            {
                                "text": "Zufällig vergebene Vorgangsnummer des Antrags",
                                "correct": False,
                                "feedback": "Eine zufällig vergebene Nummer trägt keine "
                                "Merkmale der Person. Vorsicht aber bei Aktenzeichen, die "
                                "Namensbuchstaben, Geburtsdaten oder den Wohnbezirk kodieren: "
                                "Dann können auch sie als Stellvertretermerkmal wirken.",
                            },
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 4 -------------------------------------------------------------------
        {
            "slug": "fairness-in-der-leistungsverwaltung",
            "title": "Fairness in der Leistungsverwaltung messen und sichern",
            "summary": (
                "Wie Sie mit einfachen Kennzahlen prüfen, ob ein Verfahren Gruppen "
                "unterschiedlich behandelt, und was Sie tun, wenn die Zahlen auffällig sind."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Fairness klingt nach Philosophie, lässt sich in der Verwaltung aber "
                    "erstaunlich handfest prüfen. Die Grundfrage lautet: Behandelt unser "
                    "Verfahren vergleichbare Fälle gleich, und sind Fehler gleichmäßig "
                    "verteilt? Dafür brauchen Sie keine Statistiksoftware, sondern eine "
                    "saubere Tabelle und die richtigen Fragen.</p>",
                ),
                (
                    "heading",
                    {"text": "Drei Kennzahlen, die jede Leitung kennen sollte", "level": "h2"},
                ),
                (
                    "paragraph",
                    "<ol>"
                    "<li><strong>Bewilligungsquote je Gruppe:</strong> Anteil der bewilligten "
                    "an allen entschiedenen Anträgen. Unterschiede sind ein Anlass zum "
                    "Nachfragen, aber noch kein Beweis für Benachteiligung, denn die Gruppen "
                    "können sich in den Voraussetzungen unterscheiden.</li>"
                    "<li><strong>Fehlerquote je Gruppe:</strong> Anteil der Entscheidungen, "
                    "die im Widerspruch oder bei einer Nachprüfung geändert wurden. Wird eine "
                    "Gruppe doppelt so oft zu Unrecht abgelehnt, ist das ein ernstes "
                    "Warnsignal.</li>"
                    "<li><strong>Prüfquote je Gruppe:</strong> Anteil der Fälle, die vertieft "
                    "geprüft oder ausgesteuert werden. Wer häufiger geprüft wird, wartet "
                    "länger und muss mehr nachweisen, auch wenn am Ende bewilligt wird.</li>"
                    "</ol>"
                    "<p>Ein Beispiel: Von 1.200 entschiedenen Anträgen auf Wohngeld von "
                    "Rentnerhaushalten wurden 840 bewilligt (70 %), von 650 Anträgen von "
                    "Haushalten mit Kindern 390 (60 %). Der Unterschied beträgt 10 "
                    "Prozentpunkte. Bevor Sie daraus etwas schließen, fragen Sie: Wie viele "
                    "Ablehnungen beruhten auf fehlenden Unterlagen? Wie viele wurden im "
                    "Widerspruch aufgehoben? Gibt es Unterschiede im Einkommen, die die "
                    "Quoten erklären?</p>",
                ),
                (
                    "info_box",
                    {
                        "kind": "hint",
                        "title": "Nicht alle Fairness-Maße gleichzeitig erfüllbar",
                        "body": "<p>Gleiche Bewilligungsquoten und gleiche Fehlerquoten lassen "
                        "sich in der Regel nicht gleichzeitig erreichen, wenn sich die Gruppen "
                        "in ihren tatsächlichen Voraussetzungen unterscheiden. Maßstab in der "
                        "Verwaltung ist das Recht: Vergleichbare Fälle sind gleich zu "
                        "behandeln, und niemand darf wegen eines geschützten Merkmals "
                        "benachteiligt werden. Kennzahlen zeigen Ihnen, wo Sie genauer "
                        "hinsehen müssen.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Auffällige Ergebnisse im Wohngeld-Vorcheck",
                        "scenario": "<p>Ihre Behörde bietet online einen Vorcheck an, der "
                        "vor der Antragstellung anzeigt, ob ein Wohngeldanspruch "
                        "wahrscheinlich ist. Eine Auswertung zeigt: Alleinerziehende erhalten "
                        "doppelt so oft die Meldung „voraussichtlich kein Anspruch“ wie "
                        "Paarhaushalte mit Kindern. Eine Stichprobe von 40 Fällen ergibt, "
                        "dass viele Alleinerziehende im Feld „Unterhalt für Kinder“ den "
                        "Gesamtbetrag aus Unterhalt, Unterhaltsvorschuss und Kindergeld "
                        "eintragen, obwohl das Kindergeld beim Wohngeld nicht als Einkommen "
                        "zählt.</p>",
                        "questions": [
                            "Ist die unterschiedliche Quote ein Fairness- oder ein "
                            "Datenqualitätsproblem?",
                            "Wer ist von dem Fehler betroffen und wie merkt man es?",
                            "Welche Schritte schlagen Sie vor?",
                        ],
                        "model_answer": "<p>Beides: Ein <strong>Datenqualitätsproblem</strong> "
                        "(missverständliches Feld, falsche Eingaben) erzeugt eine "
                        "<strong>ungleiche Wirkung</strong> zulasten einer Gruppe. Tückisch "
                        "ist, dass die Betroffenen oft gar keinen Antrag stellen, also in keiner "
                        "Bescheid- oder Widerspruchsstatistik auftauchen. Sie fehlen "
                        "schlicht.</p><p>Vorschläge: das Feld eindeutig formulieren und mit "
                        "einem Beispiel versehen, eine Plausibilitätsprüfung einbauen "
                        "(Einkommen deutlich über den üblichen Beträgen löst eine Rückfrage "
                        "aus), im Vorcheck auf das Recht hinweisen, trotzdem einen Antrag zu "
                        "stellen, und die Quote nach der Änderung erneut auswerten.</p>",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "Art. 22 DSGVO und § 35a VwVfG – Grenzen der Automatisierung",
                        "body": "<p>Nach Art. 22 Abs. 1 DSGVO hat eine Person das Recht, "
                        "keiner ausschließlich auf automatisierter Verarbeitung beruhenden "
                        "Entscheidung unterworfen zu werden, die ihr gegenüber rechtliche "
                        "Wirkung entfaltet, soweit nicht eine der Ausnahmen in Abs. 2 greift, "
                        "etwa eine gesetzliche Erlaubnis mit angemessenen Schutzmaßnahmen. "
                        "Für Verwaltungsakte erlaubt § 35a VwVfG den vollautomatisierten "
                        "Erlass nur, wenn eine Rechtsvorschrift dies zulässt und weder ein "
                        "Ermessen noch ein Beurteilungsspielraum besteht; für das Sozialrecht "
                        "enthält § 31a SGB X eine eigene Regelung.</p>",
                    },
                ),
                (
                    "paragraph",
                    "<p>Was können Sie als Sachbearbeiterin oder Sachbearbeiter tun? Achten Sie "
                    "auf Muster in Ihrem Arbeitsalltag: Häufen sich Widersprüche einer "
                    "bestimmten Gruppe? Scheitern Anträge immer am selben Feld? Melden Sie "
                    "solche Beobachtungen mit Beispielen an Ihre Führungskraft oder das "
                    "Fachverfahrensteam. Führungskräfte sollten die drei Kennzahlen "
                    "mindestens jährlich, nach jeder Verfahrensänderung auch zeitnah, nach "
                    "Gruppen auswerten lassen und die Ergebnisse dokumentieren.</p>",
                ),
                (
                    "glossary_term",
                    {
                        "term": "Prozentpunkt",
                        "definition": "<p>Die Einheit für die Differenz zweier Prozentwerte. "
                        "Steigt eine Quote von 60 % auf 70 %, ist das ein Anstieg um 10 "
                        "Prozentpunkte, aber um rund 16,7 Prozent.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Schreibübung: ein Vermerk an die Referatsleitung",
                        "scenario": "<p>Die Auswertung des letzten Halbjahres zeigt: Anträge "
                        "auf Wohngeld von Haushalten mit Kindern werden zu 60 % bewilligt, "
                        "die von Rentnerhaushalten zu 70 %. Im Widerspruch wurden 9 % der "
                        "Ablehnungen bei Familien aufgehoben, bei Rentnerhaushalten 3 %. Die "
                        "Referatsleitung will wissen, ob sie handeln muss, und bittet um "
                        "einen kurzen Vermerk.</p>",
                        "questions": [
                            "Schreiben Sie den Vermerk in höchstens acht Sätzen: Befund, "
                            "Bewertung, Vorschlag.",
                            "Welche Aussage dürfen Sie auf Grundlage dieser Zahlen noch "
                            "nicht treffen?",
                        ],
                        "model_answer": "<p>Ein guter Vermerk trennt Befund und Bewertung. "
                        "Befund: Bewilligungsquote 60 % gegenüber 70 %, Aufhebungsquote im "
                        "Widerspruch 9 % gegenüber 3 %. Bewertung: Der Unterschied bei den "
                        "Bewilligungen kann an unterschiedlichen Voraussetzungen liegen. Die "
                        "dreifache Aufhebungsquote ist aber ein ernstes Warnsignal: Familien "
                        "werden offenbar häufiger zu Unrecht abgelehnt. Vorschlag: eine "
                        "Stichprobe der aufgehobenen Ablehnungen auswerten (Ursache: "
                        "Unterlagen, Einkommensberechnung, Regel im Verfahren), das Ergebnis "
                        "in vier Wochen berichten und bis dahin Ablehnungen wegen fehlender "
                        "Unterlagen bei Familien vor Bescheid prüfen lassen. Noch nicht "
                        "sagen dürfen Sie, dass eine Diskriminierung vorliegt oder worauf "
                        "der Unterschied beruht.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "numeric",
                        "stem": "<p>Von 500 Anträgen von Alleinerziehenden wurden 120 im "
                        "Widerspruchsverfahren zugunsten der Antragstellenden geändert, von "
                        "1.500 Anträgen von Paarhaushalten 180. Um wie viele Prozentpunkte ist "
                        "die Änderungsquote bei Alleinerziehenden höher?</p>",
                        "points": 1,
                        "competency": "qd:QD.6",
                        "level": 3,
                        "demand": "apply",
                        "answer": 12.0,
                        "tolerance": 0.1,
                        "unit": "Prozentpunkte",
                        "feedback": "Alleinerziehende: 120 / 500 = 24 %. Paarhaushalte: "
                        "180 / 1.500 = 12 %. Differenz: 12 Prozentpunkte. Die Quote ist also "
                        "doppelt so hoch, ein deutliches Warnsignal.",
                        "tags": ["fairness", "kennzahlen"],
                    },
                ),
            ],
        },
    ],
    "assessment": {
        "title": "Abschlusstest: Datenqualität und Verzerrungen",
        "pass_mark_percent": 70,
        "max_attempts": 3,
        "time_limit_minutes": 30,
        "questions": [
            {
                "type": "single",
                "stem": "<p>In der Fachakte der Wohngeldstelle ist für Herrn Yilmaz noch "
                "die Anschrift von 2018 gespeichert, obwohl er 2023 innerhalb der Stadt "
                "umgezogen ist und sich ordnungsgemäß umgemeldet hat. Welche "
                "Qualitätsdimension ist vorrangig verletzt?</p>",
                "points": 1,
                "competency": "qd:QD.2",
                "level": 3,
                "demand": "apply",
                "feedback": "Die Angabe war einmal richtig, ist es aber nicht mehr: Das ist "
                "ein Aktualitätsproblem, verstärkt durch fehlende Konsistenz zwischen zwei "
                "Verfahren.",
                "tags": ["datenqualitaet", "aktualitaet"],
                "options": [
                    {
                        "text": "Aktualität",
                        "correct": True,
                        "feedback": "Richtig: Die Anschrift ist veraltet.",
                    },
                    {
                        "text": "Gültigkeit",
                        "correct": False,
                        "feedback": "Die alte Anschrift ist formal gültig, sie ist nur nicht "
                        "mehr aktuell.",
                    },
                    {
                        "text": "Eindeutigkeit",
                        "correct": False,
                        "feedback": "Herr Yilmaz ist nur einmal erfasst; es gibt keine Dublette.",
                    },
                    {
                        "text": "Vollständigkeit",
                        "correct": False,
                        "feedback": "Die Anschrift ist vorhanden, nur veraltet.",
                    },
                ],
            },
            {
                "type": "matching",
                "stem": "<p>Ordnen Sie jedem Befund aus der Kfz-Zulassungsstelle die "
                "Qualitätsdimension zu, die er verletzt.</p>",
                "points": 4,
                "competency": "qd:QD.2",
                "level": 4,
                "demand": "apply",
                "feedback": "Die Dimensionen helfen, Fehler präzise zu benennen und der "
                "richtigen Ursache zuzuordnen.",
                "tags": ["datenqualitaet", "kfz-zulassung"],
                "pairs": [
                    {
                        "left": "Die Halterin ist als „Schulze, Petra“ und „Schultze, Petra“ "
                        "mit demselben Geburtsdatum zweimal angelegt.",
                        "right": "Eindeutigkeit",
                    },
                    {
                        "left": "Bei 3 % der Fahrzeuge fehlt die Angabe zur Schadstoffklasse.",
                        "right": "Vollständigkeit",
                    },
                    {
                        "left": "Das Fahrzeug ist im Zulassungsverfahren außer Betrieb "
                        "gesetzt, im Gebührenverfahren derselben Stelle aber noch als "
                        "zugelassen geführt.",
                        "right": "Konsistenz",
                    },
                    {
                        "left": "Als Leergewicht sind 1.540 kg eingetragen, laut "
                        "Zulassungsbescheinigung wiegt das Fahrzeug 1.450 kg.",
                        "right": "Richtigkeit",
                    },
                ],
            },
            {
                "type": "true_false",
                "stem": "<p>Wenn ein Datensatz alle Plausibilitätsprüfungen des "
                "Fachverfahrens besteht, ist er auch inhaltlich richtig.</p>",
                "points": 1,
                "competency": "qd:QD.2",
                "level": 2,
                "demand": "understand",
                "correct": False,
                "feedback_true": "Leider nein. Plausibilitätsprüfungen sichern die "
                "Gültigkeit. Ein formal einwandfreier, aber falscher Wert fällt keiner Regel "
                "auf.",
                "feedback_false": "Richtig. Prüfregeln erkennen unmögliche Werte; die "
                "Richtigkeit sichern Sie durch den Abgleich mit Nachweisen.",
                "feedback": "Gültig heißt noch nicht richtig.",
                "tags": ["datenqualitaet"],
            },
            {
                "type": "numeric",
                "stem": "<p>Eine Dublettenbereinigung im Register der Wohngeldstelle "
                "umfasst 12.400 Personendatensätze. Gefunden werden 310 bestätigte "
                "Dublettenpaare (jeweils zwei Datensätze für dieselbe Person). Wie viel "
                "Prozent der 12.400 Datensätze sind überzählig?</p>",
                "points": 2,
                "competency": "qd:QD.2",
                "level": 4,
                "demand": "apply",
                "answer": 2.5,
                "tolerance": 0.05,
                "unit": "%",
                "feedback": "Jedes Paar enthält einen überzähligen Datensatz: 310 / 12.400 = "
                "0,025, also 2,5 %. Nach der Bereinigung bleiben 12.090 Personen.",
                "tags": ["dubletten", "wohngeld"],
            },
            {
                "type": "short_text",
                "stem": "<p>Wie nennt man ein unverdächtiges Merkmal, etwa die "
                "Postleitzahl, das in einem Modell faktisch für ein geschütztes Merkmal wie "
                "die Herkunft steht? Antworten Sie mit einem Fachbegriff.</p>",
                "points": 1,
                "competency": "digcomp:1.2",
                "level": 2,
                "demand": "recall",
                "accepted": [
                    "Proxy-Variable",
                    "Proxyvariable",
                    "Proxy Variable",
                    "Proxy",
                    "Proxy-Merkmal",
                    "Proxymerkmal",
                    "Stellvertretervariable",
                    "Stellvertretermerkmal",
                ],
                "feedback": "Gesucht war die Proxy-Variable (Stellvertretermerkmal). Sie kann "
                "eine Benachteiligung bewirken, obwohl das geschützte Merkmal selbst nicht "
                "verwendet wird.",
                "tags": ["bias", "proxy"],
            },
            {
                "type": "single",
                "stem": "<p>Ein Ordnungsamt kontrolliert Gewerbebetriebe seit Jahren "
                "überwiegend in der Innenstadt und findet dort die meisten Verstöße. Ein "
                "neues Modell, trainiert mit diesen Kontrolldaten, empfiehlt wieder vor "
                "allem Innenstadtbetriebe. Was ist die treffendste Einschätzung?</p>",
                "points": 1,
                "competency": "qd:QD.6",
                "level": 3,
                "demand": "evaluate",
                "feedback": "Kontrolldaten zeigen, wo kontrolliert wurde, nicht zwingend, wo "
                "Verstöße vorkommen. Eine Zufallsstichprobe als Vergleich macht die "
                "Verzerrung sichtbar.",
                "tags": ["bias", "rueckkopplung"],
                "options": [
                    {
                        "text": "Das Modell bestätigt eine Rückkopplung: Es lernt die "
                        "bisherige Auswahl der Kontrollen, nicht die tatsächliche Verteilung "
                        "der Verstöße.",
                        "correct": True,
                        "feedback": "Genau: Auswahlverzerrung und Rückkopplung.",
                    },
                    {
                        "text": "Das Modell ist objektiv, weil es auf echten Kontrollbefunden "
                        "beruht.",
                        "correct": False,
                        "feedback": "Die Befunde sind echt, aber die Auswahl der "
                        "kontrollierten Betriebe war es nicht zufällig.",
                    },
                    {
                        "text": "Das Modell ist unbedenklich, solange es keine "
                        "personenbezogenen Daten verwendet.",
                        "correct": False,
                        "feedback": "Verzerrung hängt nicht am Personenbezug; auch "
                        "Betriebsdaten können die Auswahl schief machen.",
                    },
                    {
                        "text": "Man sollte die Innenstadt künftig gar nicht mehr kontrollieren.",
                        "correct": False,
                        "feedback": "Das ersetzt eine Verzerrung durch eine andere. Besser "
                        "ist eine Zufallsstichprobe über alle Gebiete.",
                    },
                ],
            },
            {
                "type": "multiple",
                "stem": "<p>Ein Risikomodell soll Grundsicherungsfälle für vertiefte "
                "Prüfungen vorschlagen. Welche Vorkehrungen sind sinnvoll? Wählen Sie alle "
                "zutreffenden aus.</p>",
                "points": 2,
                "competency": "qd:QD.6",
                "level": 3,
                "demand": "apply",
                "feedback": "Ein Prüfmodell darf nur anstoßen, nicht entscheiden. Es braucht "
                "einen Vergleich mit Zufallsfällen, eine Auswertung nach Gruppen und eine "
                "Datenschutz-Folgenabschätzung.",
                "tags": ["bias", "grundsicherung"],
                "options": [
                    {
                        "text": "Einen Teil der Prüfungen zufällig auswählen, um die "
                        "Treffer des Modells mit einer Vergleichsgruppe zu messen",
                        "correct": True,
                        "feedback": "Ja, nur so lässt sich die Auswahlverzerrung erkennen.",
                    },
                    {
                        "text": "Die Trefferquoten und Prüfquoten regelmäßig nach Gruppen "
                        "auswerten",
                        "correct": True,
                        "feedback": "Ja, so fallen ungleiche Wirkungen auf.",
                    },
                    {
                        "text": "Eine Datenschutz-Folgenabschätzung nach Art. 35 DSGVO durchführen",
                        "correct": True,
                        "feedback": "Ja, bei systematischer Bewertung persönlicher Aspekte "
                        "ist sie in aller Regel erforderlich.",
                    },
                    {
                        "text": "Bei hoher Risikopunktzahl die Leistung automatisch "
                        "vorläufig einstellen",
                        "correct": False,
                        "feedback": "Nein. Die Punktzahl darf nur eine Prüfung anstoßen; "
                        "über die Leistung entscheidet ein Mensch nach Aufklärung des "
                        "Sachverhalts.",
                    },
                    {
                        "text": "Die Korrespondenzsprache als Merkmal aufnehmen, weil sie "
                        "die Vorhersage verbessert",
                        "correct": False,
                        "feedback": "Nein. Sie wirkt als Proxy für die Herkunft, eine "
                        "Benachteiligung deswegen verbietet § 33c SGB I.",
                    },
                ],
            },
            {
                "type": "ordering",
                "stem": "<p>Der Dublettenabgleich meldet zwei Datensätze, die dieselbe "
                "Person beschreiben könnten. Bringen Sie die Arbeitsschritte in die richtige "
                "Reihenfolge.</p>",
                "points": 2,
                "competency": "qd:QD.2",
                "level": 2,
                "demand": "understand",
                "feedback": "Erst prüfen, dann belegen, dann zusammenführen und "
                "dokumentieren, und zum Schluss die Folgen in laufenden Vorgängen "
                "bereinigen.",
                "tags": ["dubletten"],
                "items": [
                    "Treffer als Verdachtsfall behandeln und beide Datensätze vergleichen",
                    "Identität über ein eindeutiges Merkmal oder einen Nachweis klären",
                    "Führenden Datensatz festlegen und die Zusammenführung dokumentieren",
                    "Laufende Vorgänge und Zahlungen auf Doppelungen prüfen und korrigieren",
                ],
            },
            {
                "type": "numeric",
                "stem": "<p>Von 1.200 Wohngeldanträgen von Rentnerhaushalten wurden 840 "
                "bewilligt, von 650 Anträgen von Haushalten mit Kindern 390. Um wie viele "
                "Prozentpunkte liegt die Bewilligungsquote der Rentnerhaushalte höher?</p>",
                "points": 1,
                "competency": "qd:QD.6",
                "level": 3,
                "demand": "apply",
                "answer": 10.0,
                "tolerance": 0.1,
                "unit": "Prozentpunkte",
                "feedback": "840 / 1.200 = 70 %, 390 / 650 = 60 %. Differenz: 10 "
                "Prozentpunkte. Ob das eine Benachteiligung ist, zeigt erst der Blick auf "
                "Ablehnungsgründe und Widerspruchsergebnisse.",
                "tags": ["fairness", "wohngeld"],
            },
            {
                "type": "true_false",
                "stem": "<p>Zwei Elterngeldanträge für dasselbe Kind sind immer eine "
                "Doppelerfassung und können ohne Bescheid storniert werden.</p>",
                "points": 1,
                "competency": "digcomp:1.2",
                "level": 3,
                "demand": "apply",
                "correct": False,
                "feedback_true": "Nein. Beide Elternteile können für dasselbe Kind Elterngeld "
                "beantragen. Eine Dublette liegt nur vor, wenn dieselbe Person doppelt "
                "erfasst wurde.",
                "feedback_false": "Richtig. Beide Elternteile können einen eigenen Anspruch "
                "haben. Die Dublettenregel muss Kind und antragstellende Person vergleichen.",
                "feedback": "Scheinbare Dubletten sind oft berechtigte zweite Fälle.",
                "tags": ["dubletten", "elterngeld"],
            },
        ],
    },
}


# ---------------------------------------------------------------------------------------
# Kurs 2: Statistiken und Diagramme kritisch lesen
# ---------------------------------------------------------------------------------------

_STATISTIK = {
    "slug": "statistik-kritisch-lesen",
    "title": "Statistiken und Diagramme kritisch lesen",
    "summary": (
        "Durchschnittswerte, Quoten und Diagramme begegnen Ihnen in Lageberichten, Dashboards "
        "und Pressemitteilungen täglich. Der Kurs zeigt, wie Sie Mittelwert und Median, "
        "Prozent und Prozentpunkte, Basisraten, Korrelationen und Stichprobengrößen richtig "
        "deuten und irreführende Darstellungen erkennen, bevor Sie Entscheidungen darauf "
        "stützen."
    ),
    "objectives": [
        "Sie können Mittelwert und Median berechnen und begründen, welcher Wert eine "
        "Verteilung wie Einkommen oder Bearbeitungszeiten besser beschreibt.",
        "Sie können Veränderungen korrekt in Prozent und Prozentpunkten ausdrücken und "
        "Basisraten bei Trefferquoten berücksichtigen.",
        "Sie können Korrelation und Kausalität unterscheiden und Störgrößen benennen.",
        "Sie können irreführende Diagramme erkennen und die Aussagekraft von Stichproben "
        "und Quellen der amtlichen Statistik einschätzen.",
    ],
    "duration_minutes": 100,
    "audience_roles": ["sachbearbeitung", "fuehrungskraft", "it-digitalisierung", "nachwuchskraft"],
    "develops": [("qd:QD.7", 4), ("qd:QD.6", 3), ("digcomp:1.2", 4)],
    "prerequisites": [],
    "lessons": [
        # --- Lektion 1 -------------------------------------------------------------------
        {
            "slug": "mittelwert-und-median",
            "title": "Mittelwert und Median: Was ist eigentlich „durchschnittlich“?",
            "summary": (
                "Warum der Durchschnitt bei Einkommen und Bearbeitungszeiten oft in die Irre "
                "führt und wann der Median die ehrlichere Zahl ist."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>„Die durchschnittliche Bearbeitungszeit beim Elterngeld beträgt 21 "
                    "Tage.“ Ein solcher Satz steht in vielen Lageberichten. Er klingt präzise, "
                    "sagt aber wenig darüber, wie lange die meisten Eltern tatsächlich warten. "
                    "Ob eine Kennzahl trägt, hängt davon ab, welcher Durchschnitt gemeint ist "
                    "und wie die Werte verteilt sind.</p>",
                ),
                ("heading", {"text": "Zwei Lagemaße, zwei Aussagen", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Der <strong>arithmetische Mittelwert</strong> ist die Summe aller "
                    "Werte geteilt durch ihre Anzahl. Der <strong>Median</strong> ist der "
                    "Wert in der Mitte, wenn Sie alle Werte der Größe nach ordnen: Die Hälfte "
                    "liegt darunter, die Hälfte darüber. Bei einer geraden Anzahl nehmen Sie "
                    "den Mittelwert der beiden mittleren Werte.</p>"
                    "<p>Ein Beispiel aus der Wohngeldstelle: Neun Haushalte haben folgende "
                    "monatliche Bruttoeinkommen: 1.150 €, 1.280 €, 1.340 €, 1.420 €, 1.500 €, "
                    "1.610 €, 1.720 €, 1.850 € und 6.900 €. Der Mittelwert beträgt 2.085,56 €, "
                    "der Median 1.500 €. Acht von neun Haushalten liegen unter dem "
                    "„Durchschnitt“. Ein einziger Haushalt mit hohem Einkommen, etwa durch eine "
                    "einmalige Abfindung, zieht den Mittelwert nach oben; den Median "
                    "verändert er nicht.</p>",
                ),
                (
                    "info_box",
                    {
                        "kind": "info",
                        "title": "So berichtet die amtliche Statistik",
                        "body": "<p>Bei Einkommen und Verdiensten weist das Statistische "
                        "Bundesamt (Destatis) regelmäßig beide Werte aus. In der "
                        "Verdiensterhebung liegt der durchschnittliche Bruttomonatsverdienst "
                        "von Vollzeitbeschäftigten deutlich über dem Median, weil wenige sehr "
                        "hohe Verdienste den Mittelwert anheben. Die Armutsgefährdungsschwelle "
                        "wird ausdrücklich am Median festgemacht: Als armutsgefährdet gilt, wer "
                        "weniger als 60 % des Medians der Äquivalenzeinkommen zur Verfügung "
                        "hat.</p>",
                    },
                ),
                (
                    "paragraph",
                    "<p>Als Faustregel gilt: Sind die Werte <strong>schief verteilt</strong>, "
                    "mit wenigen sehr großen Ausreißern nach oben, beschreibt der Median den "
                    "typischen Fall besser. Das gilt für Einkommen, Vermögen, Mieten und fast "
                    "immer für Bearbeitungs- und Wartezeiten. Der Mittelwert ist sinnvoll, "
                    "wenn Sie mit Summen planen: Für das Haushaltsbudget der Leistung zählt "
                    "der durchschnittliche Zahlbetrag mal der Zahl der Fälle.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Die Bearbeitungszeit im Lagebericht",
                        "scenario": "<p>Die Elterngeldstelle meldet für das erste Quartal "
                        "eine durchschnittliche Bearbeitungszeit von 21 Tagen; im Vorquartal "
                        "waren es 17 Tage. Die Amtsleitung fordert zusätzliches Personal an. "
                        "Eine Auswertung der Einzelfälle ergibt: Der Median liegt unverändert "
                        "bei 12 Tagen. 38 von 2.400 Fällen, in denen Einkommensnachweise "
                        "Selbstständiger fehlten, waren im Schnitt rund 270 Tage offen und "
                        "wurden im ersten Quartal abgeschlossen.</p>",
                        "questions": [
                            "Was sagt der Anstieg des Mittelwerts, was der unveränderte Median?",
                            "Ist zusätzliches Personal die richtige Antwort?",
                            "Welche Kennzahlen sollte der Lagebericht künftig enthalten?",
                        ],
                        "model_answer": "<p>Der Mittelwert ist gestiegen, weil wenige sehr "
                        "lange Altfälle abgeschlossen wurden. Für den typischen Fall hat sich "
                        "nichts verändert: Die Hälfte der Eltern wartet höchstens 12 Tage. "
                        "Zusätzliches Personal in der Breite löst das Problem nicht; es "
                        "betrifft eine kleine Gruppe, bei der Nachweise fehlen. Hier helfen "
                        "eine frühzeitige Nachforderung, vorläufige Bewilligungen, wo das "
                        "Gesetz sie vorsieht, und eine eigene Wiedervorlage.</p><p>Der "
                        "Lagebericht sollte künftig Median, den Anteil der Fälle über 30 Tagen "
                        "(oder das 90. Perzentil) und die Zahl der sehr alten Fälle "
                        "ausweisen. So werden typischer Fall und Problemfälle getrennt "
                        "sichtbar.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Median",
                        "definition": "<p>Der mittlere Wert einer der Größe nach geordneten "
                        "Reihe: Die Hälfte der Werte liegt darunter, die Hälfte darüber. Der "
                        "Median ist unempfindlich gegenüber Ausreißern.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "numeric",
                        "stem": "<p>Sieben Anträge auf Grundsicherung im Alter wurden nach "
                        "folgenden Bearbeitungszeiten (in Tagen) entschieden: 9, 14, 6, 11, "
                        "95, 8, 12. Wie hoch ist der Median in Tagen?</p>",
                        "points": 1,
                        "competency": "qd:QD.7",
                        "level": 3,
                        "demand": "apply",
                        "answer": 11.0,
                        "tolerance": 0.0,
                        "unit": "Tage",
                        "feedback": "Geordnet: 6, 8, 9, 11, 12, 14, 95. Der vierte von sieben "
                        "Werten ist 11. Der Mittelwert läge wegen des Ausreißers bei rund "
                        "22 Tagen.",
                        "tags": ["median", "grundsicherung"],
                    },
                ),
            ],
        },
        # --- Lektion 2 -------------------------------------------------------------------
        {
            "slug": "prozente-und-basisraten",
            "title": "Prozent, Prozentpunkte und Basisraten",
            "summary": (
                "Wie Sie Veränderungen von Quoten korrekt benennen und warum ein Prüfsystem "
                "mit 95 % Treffsicherheit trotzdem überwiegend Fehlalarme liefern kann."
            ),
            "blocks": [
                ("heading", {"text": "Prozent ist nicht gleich Prozentpunkt", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Steigt die Ablehnungsquote beim Wohngeld von 4 % auf 6 %, dann ist "
                    "sie um <strong>2 Prozentpunkte</strong> gestiegen, aber um "
                    "<strong>50 Prozent</strong>. Beide Aussagen stimmen; wer nur eine nennt, "
                    "steuert den Eindruck. „Ablehnungen um 50 % gestiegen“ klingt dramatisch, "
                    "„plus 2 Prozentpunkte“ beiläufig. Nennen Sie in Berichten deshalb immer "
                    "die Ausgangswerte und die absolute Veränderung, bei kleinen Fallzahlen "
                    "auch die Zahl der Fälle: Bei 300 Anträgen sind das 12 statt 18 "
                    "Ablehnungen.</p>",
                ),
                ("heading", {"text": "Basisraten: der häufigste Denkfehler", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Ein Sozialamt testet ein Prüfsystem, das fehlerhafte Leistungsfälle "
                    "erkennen soll. Der Anbieter verspricht: Von den fehlerhaften Fällen "
                    "erkennt das System 90 %, von den korrekten Fällen stuft es 95 % richtig "
                    "als unauffällig ein. Tatsächlich sind aber nur 2 % aller Fälle "
                    "fehlerhaft. Rechnen Sie mit 1.000 Fällen:</p>"
                    "<ul>"
                    "<li>20 Fälle sind fehlerhaft, davon markiert das System 18.</li>"
                    "<li>980 Fälle sind korrekt, davon markiert es 5 %, also 49, "
                    "fälschlich.</li>"
                    "<li>Insgesamt gibt es 67 Markierungen, aber nur 18 davon sind echte "
                    "Fehler: rund 27 %.</li>"
                    "</ul>"
                    "<p>Fast drei von vier markierten Personen haben also nichts falsch "
                    "gemacht. Wer das nicht weiß, behandelt eine Markierung wie einen "
                    "Beweis. Je seltener das gesuchte Ereignis ist, desto stärker schlägt "
                    "dieser Effekt durch.</p>",
                ),
                (
                    "decision_explainer",
                    {
                        "title": "Prüfhinweis aus dem automatisierten Datenabgleich",
                        "decision": "Es ergeht keine Entscheidung über die Leistung. Der Fall "
                        "wird mit einem Prüfhinweis an die Sachbearbeitung gegeben.",
                        "legal_basis": "§ 118 SGB XII (Datenabgleich), § 20 SGB X "
                        "(Untersuchungsgrundsatz), § 24 SGB X (Anhörung)",
                        "inputs": [
                            {"label": "Leistung", "value": "Grundsicherung im Alter, seit 2022"},
                            {
                                "label": "Meldung aus dem Datenabgleich",
                                "value": "Kapitalerträge 2025 gemeldet, 1.140 €",
                            },
                            {"label": "Vermögen laut Akte", "value": "Sparbuch, 3.200 €"},
                            {
                                "label": "Trefferquote des Abgleichs (Vorjahr)",
                                "value": "rund 30 % der Hinweise führten zu einer Änderung",
                            },
                        ],
                        "rule_path": [
                            {
                                "rule": "Passt die gemeldete Angabe zu den Angaben in der Akte?",
                                "outcome": "Nein: Erträge deuten auf höheres Vermögen hin",
                            },
                            {
                                "rule": "Ist eine Abweichung bereits ein Nachweis für "
                                "Leistungsmissbrauch?",
                                "outcome": "Nein: Hinweis, der aufzuklären ist",
                            },
                            {
                                "rule": "Darf die Leistung vor Aufklärung und Anhörung "
                                "geändert werden?",
                                "outcome": "Nein",
                            },
                            {
                                "rule": "Ergebnis",
                                "outcome": "Prüfhinweis an die Sachbearbeitung, "
                                "Anschreiben mit Bitte um Stellungnahme",
                            },
                        ],
                        "citizen_explanation": "<p>Sehr geehrter Herr Kaiser, im Rahmen "
                        "eines gesetzlich vorgesehenen Datenabgleichs haben wir die "
                        "Information erhalten, dass Ihnen im Jahr 2025 Kapitalerträge "
                        "zugeflossen sind. Das kann viele Gründe haben und bedeutet nicht, "
                        "dass Sie etwas falsch gemacht haben. Bitte teilen Sie uns innerhalb "
                        "von drei Wochen mit, aus welchem Konto oder welcher Anlage die "
                        "Erträge stammen, und fügen Sie einen Kontoauszug bei. Erst danach "
                        "prüfen wir, ob sich etwas an Ihrer Leistung ändert.</p>",
                        "human_review": "Immer. Ein Treffer aus dem Datenabgleich ist wegen "
                        "der niedrigen Basisrate kein Beweis. Die Sachbearbeitung klärt den "
                        "Sachverhalt auf, hört die Person an und entscheidet selbst.",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "hint",
                        "title": "Drei Fragen an jede Trefferquote",
                        "body": "<p>Wie häufig ist das Gesuchte überhaupt (Basisrate)? "
                        "Wie viele der Markierten sind wirklich betroffen? Wie viele "
                        "Betroffene übersieht das Verfahren? Erst mit allen drei Antworten "
                        "können Sie beurteilen, was eine Markierung bedeutet.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Basisrate",
                        "definition": "<p>Der Anteil, mit dem ein Merkmal in der "
                        "Grundgesamtheit vorkommt, etwa der Anteil tatsächlich fehlerhafter "
                        "Fälle. Wer die Basisrate übersieht, überschätzt die Aussagekraft "
                        "eines positiven Prüfergebnisses.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "single",
                        "stem": "<p>Die Quote der Widersprüche gegen Wohngeldbescheide steigt "
                        "von 8 % auf 10 %. Welche Aussage ist korrekt?</p>",
                        "points": 1,
                        "competency": "qd:QD.7",
                        "level": 3,
                        "demand": "apply",
                        "feedback": "Die Differenz zweier Prozentwerte wird in Prozentpunkten "
                        "angegeben; die relative Veränderung ist 2 / 8 = 25 %.",
                        "tags": ["prozentpunkte", "wohngeld"],
                        "options": [
                            {
                                "text": "Die Quote ist um 2 Prozentpunkte, also um 25 % gestiegen.",
                                "correct": True,
                                "feedback": "Richtig: absolut 2 Prozentpunkte, relativ 25 %.",
                            },
                            {
                                "text": "Die Quote ist um 2 % gestiegen.",
                                "correct": False,
                                "feedback": "Das verwechselt Prozent und Prozentpunkte.",
                            },
                            {
                                "text": "Die Quote ist um 20 % gestiegen.",
                                "correct": False,
                                "feedback": "Bezugsgröße ist der Ausgangswert 8 %, nicht 10 %: "
                                "2 / 8 = 25 %.",
                            },
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 3 -------------------------------------------------------------------
        {
            "slug": "korrelation-und-kausalitaet",
            "title": "Korrelation ist nicht Kausalität",
            "summary": (
                "Warum zwei Zahlen, die gemeinsam steigen, nicht ursächlich zusammenhängen "
                "müssen, und wie Sie Störgrößen und Auswahleffekte aufspüren."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>In Stadtteilen mit mehr Sozialberatungsstellen gibt es mehr "
                    "Wohngeldhaushalte. Erzeugen Beratungsstellen Wohngeldbedarf? Natürlich "
                    "nicht: Beratungsstellen werden dort eingerichtet, wo viele Menschen mit "
                    "geringem Einkommen leben. Beide Größen hängen von einer dritten ab. Was "
                    "hier offensichtlich ist, wird in Evaluationen und Lageberichten oft "
                    "übersehen.</p>",
                ),
                ("heading", {"text": "Vier Erklärungen für einen Zusammenhang", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Wenn zwei Größen gemeinsam steigen oder fallen, prüfen Sie der Reihe "
                    "nach:</p>"
                    "<ol>"
                    "<li><strong>Zufall:</strong> Bei kleinen Fallzahlen und vielen "
                    "verglichenen Größen entstehen Zusammenhänge rein zufällig.</li>"
                    "<li><strong>Störgröße (Confounder):</strong> Eine dritte Größe "
                    "beeinflusst beide, wie das Einkommensniveau im Beispiel oben.</li>"
                    "<li><strong>Umgekehrte Richtung:</strong> Nicht A bewirkt B, sondern B "
                    "bewirkt A. Behörden mit vielen Beschwerden richten ein "
                    "Beschwerdemanagement ein, nicht umgekehrt.</li>"
                    "<li><strong>Auswahleffekt:</strong> Die verglichenen Gruppen "
                    "unterscheiden sich von vornherein, weil sie sich selbst ausgewählt "
                    "haben oder ausgewählt wurden.</li>"
                    "</ol>"
                    "<p>Erst wenn diese Erklärungen ausgeschlossen sind, liegt ein "
                    "ursächlicher Zusammenhang nahe. Den sichersten Nachweis liefert ein "
                    "Vergleich mit zufälliger Zuteilung, etwa ein schrittweiser Rollout, "
                    "bei dem Dienststellen in zufälliger Reihenfolge umgestellt werden.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Macht der Online-Antrag die Bearbeitung schneller?",
                        "scenario": "<p>Seit einem Jahr können Kfz-Halterinnen und -Halter "
                        "Ummeldungen online über das Verwaltungsportal beantragen. Die "
                        "Auswertung zeigt: Online-Anträge sind im Median nach 2 Arbeitstagen "
                        "erledigt, Anträge am Schalter mit anschließender Nachbearbeitung "
                        "nach 6 Arbeitstagen. Das Referat schlägt vor, im Jahresbericht zu "
                        "schreiben: „Die Online-Antragstellung verkürzt die Bearbeitung um "
                        "zwei Drittel.“ Online beantragen vor allem Privatpersonen mit einem "
                        "Fahrzeug; Autohäuser und Fälle mit Auslandsbezug kommen weiter an "
                        "den Schalter.</p>",
                        "questions": [
                            "Ist die geplante Aussage durch die Zahlen gedeckt?",
                            "Welche Störgrößen oder Auswahleffekte sehen Sie?",
                            "Wie ließe sich der Effekt des Online-Antrags fairer messen?",
                        ],
                        "model_answer": "<p>Die Zahlen belegen einen Zusammenhang, aber "
                        "keine Ursache. Es liegt ein starker <strong>Auswahleffekt</strong> "
                        "vor: Online kommen überwiegend einfache Fälle, am Schalter die "
                        "komplexen. Die Fallkomplexität ist eine <strong>Störgröße</strong>, "
                        "die beide Größen beeinflusst.</p><p>Fairer ist ein Vergleich "
                        "innerhalb gleicher Fallgruppen, etwa nur private Ummeldungen ohne "
                        "Auslandsbezug online gegen Schalter, oder ein Vorher-nachher-Vergleich "
                        "derselben Fallgruppe. Im Bericht sollte stehen: „Online gestellte "
                        "Anträge werden im Median nach 2 Arbeitstagen erledigt; sie betreffen "
                        "überwiegend einfache Fälle.“</p>",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "warning",
                        "title": "Vorsicht bei Aussagen über Einzelpersonen",
                        "body": "<p>Ein Zusammenhang auf der Ebene von Stadtteilen, Kreisen "
                        "oder Ländern erlaubt keinen Schluss auf einzelne Menschen. Wenn "
                        "Kreise mit hoher Arbeitslosigkeit mehr Wohngeldanträge haben, heißt "
                        "das nicht, dass die Antragstellenden arbeitslos sind. Dieser "
                        "ökologische Fehlschluss ist in Pressemitteilungen häufig.</p>",
                    },
                ),
                ("heading", {"text": "Wenn die Gesamtzahl das Gegenteil zeigt", "level": "h3"}),
                (
                    "paragraph",
                    "<p>Eine Störgröße kann einen Vergleich sogar umkehren. Zwei "
                    "Grundsicherungsstellen werden daran gemessen, wie viele ihrer Bescheide "
                    "einen Widerspruch unverändert überstehen:</p>"
                    "<ul>"
                    "<li><strong>Stelle A:</strong> einfache Fälle 90 von 100 (90 %), "
                    "komplexe Fälle 240 von 400 (60 %), insgesamt 330 von 500 (66 %).</li>"
                    "<li><strong>Stelle B:</strong> einfache Fälle 340 von 400 (85 %), "
                    "komplexe Fälle 50 von 100 (50 %), insgesamt 390 von 500 (78 %).</li>"
                    "</ul>"
                    "<p>Insgesamt wirkt Stelle B deutlich besser, in <em>jeder</em> "
                    "Fallgruppe ist aber Stelle A besser. Der Grund: A bearbeitet viel mehr "
                    "komplexe Fälle. Dieses Simpson-Paradoxon begegnet Ihnen bei jedem "
                    "Vergleich von Dienststellen, Regionen oder Zeiträumen mit "
                    "unterschiedlicher Fallstruktur. Fragen Sie deshalb immer nach den Zahlen "
                    "je Gruppe, bevor Sie Stellen vergleichen oder Ressourcen verteilen.</p>",
                ),
                (
                    "glossary_term",
                    {
                        "term": "Störgröße (Confounder)",
                        "definition": "<p>Eine Größe, die sowohl die vermutete Ursache als "
                        "auch die Wirkung beeinflusst und so einen Zusammenhang vortäuscht "
                        "oder verdeckt. Beispiel: die Fallkomplexität beim Vergleich von "
                        "Online- und Schalteranträgen.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "true_false",
                        "stem": "<p>Eine starke Korrelation zwischen der Zahl der Fortbildungstage "
                        "und der Erledigungsquote von Teams belegt, dass Fortbildungen die "
                        "Erledigungsquote erhöhen.</p>",
                        "points": 1,
                        "competency": "qd:QD.7",
                        "level": 2,
                        "demand": "understand",
                        "correct": False,
                        "feedback_true": "Nein. Vielleicht schicken gut organisierte Teams "
                        "ihre Leute häufiger in Fortbildungen. Eine Korrelation allein belegt "
                        "keine Ursache.",
                        "feedback_false": "Richtig. Störgrößen wie gute Organisation oder "
                        "Personalausstattung können beides erklären.",
                        "feedback": "Prüfen Sie Zufall, Störgröße, umgekehrte Richtung und "
                        "Auswahleffekt.",
                        "tags": ["korrelation", "kausalitaet"],
                    },
                ),
            ],
        },
        # --- Lektion 4 -------------------------------------------------------------------
        {
            "slug": "diagramme-die-taeuschen",
            "title": "Diagramme, die täuschen",
            "summary": (
                "Abgeschnittene Achsen, verzerrte Flächen, geschickt gewählte Zeiträume: "
                "Woran Sie irreführende Diagramme erkennen und wie Sie selbst ehrliche "
                "Diagramme gestalten."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Ein Diagramm wirkt schneller als jede Tabelle, und gerade deshalb "
                    "kann es mehr täuschen. Die meisten irreführenden Diagramme enthalten "
                    "keine falschen Zahlen. Sie stellen richtige Zahlen so dar, dass der "
                    "Eindruck nicht zu den Zahlen passt.</p>",
                ),
                ("heading", {"text": "Die fünf häufigsten Tricks", "level": "h2"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li><strong>Abgeschnittene y-Achse:</strong> Beginnt die Achse eines "
                    "Balkendiagramms bei 90 statt bei 0, sieht ein Anstieg der "
                    "Erledigungsquote von 92 % auf 94 % aus wie eine Verdopplung. Bei Balken "
                    "muss die Achse bei null beginnen, weil die Länge den Wert "
                    "darstellt.</li>"
                    "<li><strong>Flächen und 3-D-Effekte:</strong> Wird ein Symbol doppelt so "
                    "hoch <em>und</em> doppelt so breit gezeichnet, wirkt es viermal so groß. "
                    "3-D-Tortendiagramme lassen vordere Segmente größer erscheinen.</li>"
                    "<li><strong>Gewählter Zeitraum:</strong> Eine Zeitreihe, die im "
                    "Tiefpunkt beginnt, zeigt immer einen Aufschwung.</li>"
                    "<li><strong>Zwei y-Achsen:</strong> Mit zwei unterschiedlich skalierten "
                    "Achsen lässt sich fast jeder gewünschte Gleichlauf erzeugen.</li>"
                    "<li><strong>Kumulierte Darstellung:</strong> Eine aufsummierte Kurve "
                    "steigt immer, auch wenn die monatlichen Zahlen sinken.</li>"
                    "</ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Das Dashboard der Zulassungsstelle",
                        "scenario": "<p>Im Monatsgespräch zeigt die Leitung der "
                        "Zulassungsstelle ein Balkendiagramm: „Offene Vorgänge“ im Januar und "
                        "im Juni. Der Januar-Balken ist etwa fünfmal so hoch wie der "
                        "Juni-Balken; die Überschrift lautet „Rückstände drastisch abgebaut“. "
                        "Die Achse beginnt bei 1.800. Die Werte: 2.350 offene Vorgänge im "
                        "Januar, 1.910 im Juni.</p>",
                        "questions": [
                            "Um wie viel Prozent sind die Rückstände tatsächlich gesunken?",
                            "Welchen Eindruck erweckt das Diagramm und warum?",
                            "Wie würden Sie das Diagramm und die Überschrift ändern?",
                        ],
                        "model_answer": "<p>Die Rückstände sind um 440 Vorgänge gesunken, "
                        "also um rund 18,7 %. Weil die Achse bei 1.800 beginnt, zeigen die "
                        "Balken nur die Differenz zu 1.800: 550 gegen 110. Das ergibt den "
                        "Eindruck eines Rückgangs um 80 %.</p><p>Richtig wäre ein Balken- "
                        "oder Säulendiagramm mit Achse ab 0, besser noch eine Linie mit allen "
                        "sechs Monaten, damit der Verlauf sichtbar wird. Eine sachliche "
                        "Überschrift wäre: „Offene Vorgänge von Januar bis Juni um knapp ein "
                        "Fünftel gesunken“. Beschriften Sie zudem die Werte direkt, damit "
                        "niemand von der Balkenlänge ablesen muss.</p>",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "hint",
                        "title": "Checkliste für eigene Diagramme",
                        "body": "<ul><li>Balken und Säulen beginnen bei null.</li>"
                        "<li>Titel und Achsen sind beschriftet, mit Einheit.</li>"
                        "<li>Quelle und Stand der Daten stehen unter dem Diagramm.</li>"
                        "<li>Zeiträume sind vollständig und gleich lang.</li>"
                        "<li>Farben sind auch für Menschen mit Farbsehschwäche "
                        "unterscheidbar, und es gibt eine Textalternative oder Tabelle für "
                        "Screenreader.</li></ul>",
                    },
                ),
                (
                    "paragraph",
                    "<p>Besondere Vorsicht verdienen <strong>Landkarten</strong>, auf denen "
                    "Kreise nach einer Kennzahl eingefärbt sind. Große, dünn besiedelte "
                    "Landkreise dominieren das Bild, obwohl dort wenige Menschen leben, und "
                    "kreisfreie Städte verschwinden fast. Färben Sie nie nach absoluten "
                    "Zahlen, sondern nach Quoten, etwa Wohngeldhaushalte je 1.000 Haushalte, "
                    "und prüfen Sie, ob kleine Kreise mit wenigen Fällen nur zufällig am Rand "
                    "der Skala liegen. Eine Tabelle mit den Werten gehört als "
                    "Textalternative immer dazu.</p>",
                ),
                (
                    "glossary_term",
                    {
                        "term": "Kumulierte Darstellung",
                        "definition": "<p>Eine Darstellung, in der jeder Wert die Summe aller "
                        "vorherigen Werte enthält. Sie zeigt den Gesamtstand, verdeckt aber, "
                        "ob die Zahlen im einzelnen Zeitraum steigen oder sinken.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "multiple",
                        "stem": "<p>Welche Gestaltungsentscheidungen können bei einem "
                        "Diagramm einen falschen Eindruck erzeugen? Wählen Sie alle "
                        "zutreffenden aus.</p>",
                        "points": 2,
                        "competency": "qd:QD.7",
                        "level": 2,
                        "demand": "understand",
                        "feedback": "Irreführend sind Darstellungen, bei denen Länge, Fläche "
                        "oder Verlauf nicht mehr den Zahlen entsprechen.",
                        "tags": ["diagramme"],
                        "options": [
                            {
                                "text": "Eine y-Achse, die bei einem Balkendiagramm nicht bei "
                                "null beginnt",
                                "correct": True,
                                "feedback": "Ja, die Balkenlänge stellt den Wert dann nicht "
                                "mehr richtig dar.",
                            },
                            {
                                "text": "Eine Zeitreihe, die gezielt in einem Tiefpunkt beginnt",
                                "correct": True,
                                "feedback": "Ja, so entsteht immer ein Aufwärtstrend.",
                            },
                            {
                                "text": "Ein 3-D-Tortendiagramm",
                                "correct": True,
                                "feedback": "Ja, die Perspektive verzerrt die Segmentgrößen.",
                            },
                            {
                                "text": "Eine Quellenangabe mit Datenstand unter dem Diagramm",
                                "correct": False,
                                "feedback": "Nein, die Quellenangabe macht ein Diagramm "
                                "überprüfbar.",
                            },
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 5 -------------------------------------------------------------------
        {
            "slug": "unsicherheit-und-quellen",
            "title": "Stichproben, Unsicherheit und amtliche Quellen",
            "summary": (
                "Wie viel eine Befragung mit 38 Antworten aussagt, was eine "
                "Fehlermarge ist und wo Sie verlässliche Zahlen der amtlichen Statistik "
                "finden."
            ),
            "blocks": [
                ("heading", {"text": "Jede Stichprobe hat eine Fehlermarge", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Viele Zahlen in der Verwaltung beruhen nicht auf allen Fällen, "
                    "sondern auf einer Auswahl: eine Kundenbefragung, eine Aktenstichprobe, "
                    "eine Erhebung. Jede Zufallsstichprobe schwankt zufällig. Für einen Anteil "
                    "lässt sich die Fehlermarge, also die halbe Breite des "
                    "95-%-Konfidenzintervalls, grob so abschätzen: 1,96 mal die Wurzel aus "
                    "p · (1 − p) / n. Das Intervall ist dann der Stichprobenwert plus/minus "
                    "diese Marge. Ein paar Werte zur Orientierung bei einem Anteil von rund "
                    "50 %:</p>"
                    "<ul>"
                    "<li>n = 100: etwa ± 10 Prozentpunkte</li>"
                    "<li>n = 400: etwa ± 5 Prozentpunkte</li>"
                    "<li>n = 1.000: etwa ± 3 Prozentpunkte</li>"
                    "</ul>"
                    "<p>Für die halbe Fehlermarge brauchen Sie also die vierfache "
                    "Stichprobe. Und die Formel gilt nur für Zufallsstichproben. Antworten "
                    "nur die Zufriedenen oder nur die Verärgerten, hilft auch eine große "
                    "Zahl nicht.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Die Zufriedenheitsbefragung im Bürgerbüro",
                        "scenario": "<p>Nach Einführung der Online-Terminvergabe meldet das "
                        "Bürgerbüro: „Zufriedenheit von 71 % auf 78 % gestiegen.“ Im Vorjahr "
                        "wurden 412 Besucherinnen und Besucher in zwei zufällig gewählten "
                        "Wochen persönlich befragt. In diesem Jahr antworteten 38 Personen auf "
                        "einen QR-Code, der an der Wartezone aushing.</p>",
                        "questions": [
                            "Wie groß ist die Fehlermarge der diesjährigen Befragung ungefähr?",
                            "Sind die beiden Befragungen vergleichbar?",
                            "Was würden Sie der Amtsleitung empfehlen?",
                        ],
                        "model_answer": "<p>Eine Fehlermarge lässt sich streng genommen gar "
                        "nicht angeben: Die Formel setzt eine Zufallsstichprobe voraus, und "
                        "die QR-Code-Antworten sind eine Selbstauswahl. Selbst im günstigsten "
                        "Fall, also wenn 38 Personen zufällig ausgewählt worden wären, läge "
                        "sie bei rund ± 13 Prozentpunkten: 1,96 · √(0,78 · 0,22 / 38) ≈ 0,13. "
                        "Schon dann wäre ein Anstieg um 7 Prozentpunkte nicht belegt.</p><p>Schwerer "
                        "wiegt, dass die Befragungen nicht vergleichbar sind: Im Vorjahr eine "
                        "Zufallsauswahl mit persönlicher Ansprache, in diesem Jahr eine "
                        "Selbstauswahl per QR-Code, die Menschen ohne Smartphone und "
                        "Eilige ausschließt. Empfehlung: die Aussage nicht veröffentlichen, "
                        "die Befragung nach der Methode des Vorjahres wiederholen und dann "
                        "Ergebnis und Fehlermarge gemeinsam berichten.</p>",
                    },
                ),
                ("heading", {"text": "Wo Sie verlässliche Zahlen finden", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Die amtliche Statistik wird nach dem Bundesstatistikgesetz (BStatG) "
                    "und den Statistikgesetzen der Länder erstellt, nach fachlich "
                    "dokumentierten Methoden und unter Wahrung der statistischen "
                    "Geheimhaltung. Wichtige Quellen:</p>"
                    "<ul>"
                    "<li><strong>Statistisches Bundesamt (Destatis)</strong> mit der "
                    "Datenbank GENESIS-Online, zum Beispiel zur Wohngeldstatistik, zur "
                    "Elterngeldstatistik und zur Statistik der Grundsicherung im Alter und "
                    "bei Erwerbsminderung.</li>"
                    "<li><strong>Statistische Ämter der Länder</strong> und die gemeinsame "
                    "Regionaldatenbank Deutschland für Zahlen bis auf Kreisebene.</li>"
                    "<li>Der <strong>Mikrozensus</strong>, eine jährliche Befragung von rund "
                    "1 % der Haushalte, für Angaben zu Einkommen, Erwerbstätigkeit und "
                    "Lebensverhältnissen; als Stichprobe mit ausgewiesenen "
                    "Fehlermargen.</li>"
                    "<li>Die <strong>Statistik der Bundesagentur für Arbeit</strong> für "
                    "Arbeitsmarkt und Grundsicherung für Arbeitsuchende (SGB II).</li>"
                    "</ul>",
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "§ 16 Abs. 1 BStatG – Geheimhaltung",
                        "body": "<p>Einzelangaben über persönliche und sachliche "
                        "Verhältnisse, die für eine Bundesstatistik gemacht werden, sind "
                        "grundsätzlich geheim zu halten. Deshalb weist die amtliche Statistik "
                        "sehr kleine Fallzahlen nicht aus oder ersetzt sie durch einen Punkt "
                        "oder ein Zeichen für „Geheimhaltung“. Ein leeres Tabellenfeld "
                        "bedeutet dort also nicht null.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Konfidenzintervall",
                        "definition": "<p>Ein Bereich um einen Stichprobenwert, der nach "
                        "einem Verfahren berechnet wird, das bei wiederholten "
                        "Zufallsstichproben in 95 von 100 Fällen ein Intervall liefert, das "
                        "den wahren Wert enthält. Die 95 % beschreiben also das Verfahren, "
                        "nicht die Wahrscheinlichkeit, dass dieses eine Intervall den wahren "
                        "Wert enthält. Die Fehlermarge ist die halbe Breite des Intervalls. Je "
                        "kleiner die Stichprobe, desto breiter das Intervall.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Schreibübung: zwei Sätze für den Jahresbericht",
                        "scenario": "<p>Eine Zufallsstichprobe von 400 abgeschlossenen "
                        "Wohngeldakten ergab, dass in 12 % der Fälle ein Nachweis fehlte. "
                        "Die Amtsleitung möchte das im Jahresbericht erwähnen, der auch "
                        "online veröffentlicht wird.</p>",
                        "questions": [
                            "Formulieren Sie höchstens zwei Sätze, die Ergebnis und "
                            "Unsicherheit korrekt und verständlich wiedergeben.",
                            "Welche Formulierung wäre falsch, obwohl sie oft zu lesen ist?",
                        ],
                        "model_answer": "<p>Die Fehlermarge beträgt etwa 1,96 · √(0,12 · "
                        "0,88 / 400) ≈ 3 Prozentpunkte. Ein möglicher Text: „In einer "
                        "Zufallsstichprobe von 400 abgeschlossenen Wohngeldakten fehlte in "
                        "12 % der Fälle ein Nachweis. Bei dieser Stichprobengröße ist mit "
                        "einer Unsicherheit von etwa ± 3 Prozentpunkten zu rechnen; der "
                        "Anteil im gesamten Bestand dürfte also zwischen 9 % und 15 % "
                        "liegen.“ Falsch wäre: „Mit 95 % Wahrscheinlichkeit liegt der wahre "
                        "Wert zwischen 9 % und 15 %.“ Die 95 % beschreiben das Verfahren, "
                        "nicht dieses eine Intervall.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "short_text",
                        "stem": "<p>Wie heißt die Online-Datenbank des Statistischen "
                        "Bundesamts, in der Sie Tabellen etwa zur Wohngeldstatistik abrufen "
                        "können?</p>",
                        "points": 1,
                        "competency": "digcomp:1.2",
                        "level": 2,
                        "demand": "recall",
                        "accepted": [
                            "GENESIS-Online",
                            "GENESIS",
                            "GENESIS Online",
                            "GenesisOnline",
                        ],
                        "feedback": "GENESIS-Online ist die Datenbank von Destatis; die "
                        "Länder betreiben gemeinsam die Regionaldatenbank Deutschland.",
                        "tags": ["quellen", "destatis"],
                    },
                ),
            ],
        },
    ],
    "assessment": {
        "title": "Abschlusstest: Statistiken und Diagramme kritisch lesen",
        "pass_mark_percent": 70,
        "max_attempts": 3,
        "time_limit_minutes": 30,
        "questions": [
            {
                "type": "numeric",
                "stem": "<p>Fünf Haushalte beziehen Wohngeld mit folgenden monatlichen "
                "Beträgen: 95 €, 140 €, 210 €, 260 € und 545 €. Wie hoch ist der "
                "arithmetische Mittelwert in Euro?</p>",
                "points": 1,
                "competency": "qd:QD.7",
                "level": 3,
                "demand": "apply",
                "answer": 250.0,
                "tolerance": 0.5,
                "unit": "€",
                "feedback": "Summe 1.250 € geteilt durch 5 ergibt 250 €. Der Median liegt bei "
                "210 €; der hohe Einzelbetrag zieht den Mittelwert nach oben.",
                "tags": ["mittelwert", "wohngeld"],
            },
            {
                "type": "single",
                "stem": "<p>Sie sollen im Jahresbericht angeben, wie lange Eltern "
                "typischerweise auf ihren Elterngeldbescheid warten. Einige wenige Fälle "
                "dauern wegen fehlender Nachweise über 100 Tage. Welche Kennzahl eignet sich "
                "am besten?</p>",
                "points": 1,
                "competency": "qd:QD.7",
                "level": 4,
                "demand": "evaluate",
                "feedback": "Bei schief verteilten Werten wie Wartezeiten beschreibt der "
                "Median den typischen Fall; ergänzen Sie einen Wert für die langen Fälle.",
                "tags": ["median", "elterngeld"],
                "options": [
                    {
                        "text": "Der Median der Bearbeitungszeit",
                        "correct": True,
                        "feedback": "Richtig: unempfindlich gegen die wenigen Ausreißer.",
                    },
                    {
                        "text": "Der arithmetische Mittelwert der Bearbeitungszeit",
                        "correct": False,
                        "feedback": "Der Mittelwert wird durch die wenigen sehr langen Fälle "
                        "nach oben gezogen.",
                    },
                    {
                        "text": "Die längste Bearbeitungszeit des Jahres",
                        "correct": False,
                        "feedback": "Das ist ein Einzelfall, nicht der typische Fall.",
                    },
                    {
                        "text": "Die Summe aller Bearbeitungstage",
                        "correct": False,
                        "feedback": "Die Summe hängt von der Fallzahl ab und beschreibt "
                        "keine Wartezeit.",
                    },
                ],
            },
            {
                "type": "numeric",
                "stem": "<p>Der Anteil der online gestellten Elterngeldanträge steigt von "
                "40 % auf 50 %. Um wie viel Prozent ist der Anteil relativ gestiegen?</p>",
                "points": 1,
                "competency": "qd:QD.7",
                "level": 4,
                "demand": "apply",
                "answer": 25.0,
                "tolerance": 0.1,
                "unit": "%",
                "feedback": "Absolut sind es 10 Prozentpunkte, relativ 10 / 40 = 25 %.",
                "tags": ["prozentpunkte", "elterngeld"],
            },
            {
                "type": "numeric",
                "stem": "<p>Ein Prüfsystem soll fehlerhafte Leistungsfälle markieren. 2 % "
                "aller Fälle sind tatsächlich fehlerhaft. Das System markiert 90 % der "
                "fehlerhaften Fälle und fälschlich 5 % der korrekten Fälle. Wie viel Prozent "
                "der markierten Fälle sind tatsächlich fehlerhaft? Runden Sie auf ganze "
                "Prozent.</p>",
                "points": 2,
                "competency": "qd:QD.6",
                "level": 3,
                "demand": "apply",
                "answer": 27.0,
                "tolerance": 1.0,
                "unit": "%",
                "feedback": "Von 1.000 Fällen sind 20 fehlerhaft, 18 davon werden markiert. "
                "Von 980 korrekten Fällen werden 49 markiert. 18 / 67 ≈ 27 %. Fast drei "
                "Viertel der Markierungen sind Fehlalarme.",
                "tags": ["basisrate"],
            },
            {
                "type": "matching",
                "stem": "<p>Ordnen Sie jeder Beobachtung die wahrscheinlichste Erklärung "
                "für den Zusammenhang zu.</p>",
                "points": 3,
                "competency": "qd:QD.7",
                "level": 4,
                "demand": "evaluate",
                "feedback": "Vor jedem Schluss auf eine Ursache stehen vier Fragen: Zufall, "
                "Störgröße, umgekehrte Richtung, Auswahleffekt.",
                "tags": ["korrelation", "kausalitaet"],
                "pairs": [
                    {
                        "left": "Stadtteile mit mehr Beratungsstellen haben mehr "
                        "Wohngeldhaushalte.",
                        "right": "Störgröße: das Einkommensniveau im Stadtteil",
                    },
                    {
                        "left": "Online-Anträge werden schneller erledigt als Anträge am "
                        "Schalter, wo die komplexen Fälle landen.",
                        "right": "Auswahleffekt: unterschiedliche Fallgruppen",
                    },
                    {
                        "left": "Kommunen mit mehr Stellen in der Schuldnerberatung je "
                        "1.000 Einwohner haben mehr überschuldete Haushalte je 1.000 "
                        "Einwohner; die Stellen wurden nach dem Bedarf bemessen.",
                        "right": "Umgekehrte Richtung: der Bedarf bestimmt die Stellenzahl",
                    },
                    {
                        "left": "In einer Dienststelle mit acht Beschäftigten hatten im März "
                        "alle Linkshänder kürzere Bearbeitungszeiten.",
                        "right": "Zufall bei sehr kleinen Fallzahlen",
                    },
                ],
            },
            {
                "type": "true_false",
                "stem": "<p>Ein Balkendiagramm, dessen y-Achse bei 1.800 statt bei 0 "
                "beginnt, stellt einen Rückgang von 2.350 auf 1.910 offene Vorgänge "
                "größenrichtig dar.</p>",
                "points": 1,
                "competency": "qd:QD.7",
                "level": 3,
                "demand": "apply",
                "correct": False,
                "feedback_true": "Nein. Die Balken zeigen dann nur 550 gegen 110, der "
                "Rückgang von rund 19 % wirkt wie einer von 80 %.",
                "feedback_false": "Richtig. Bei Balken stellt die Länge den Wert dar; die "
                "Achse muss bei null beginnen.",
                "feedback": "Balken und Säulen beginnen bei null.",
                "tags": ["diagramme"],
            },
            {
                "type": "multiple",
                "stem": "<p>Ein Bürgerbüro meldet nach einer Befragung per QR-Code mit 38 "
                "Antworten: „Zufriedenheit von 71 % auf 78 % gestiegen.“ Welche Einwände "
                "sind berechtigt? Wählen Sie alle zutreffenden aus.</p>",
                "points": 2,
                "competency": "qd:QD.6",
                "level": 3,
                "demand": "evaluate",
                "feedback": "Kleine Stichproben haben große Fehlermargen, und eine "
                "Selbstauswahl ist keine Zufallsstichprobe.",
                "tags": ["stichprobe", "unsicherheit"],
                "options": [
                    {
                        "text": "Selbst eine Zufallsstichprobe mit 38 Antworten hätte eine "
                        "Fehlermarge von rund ± 13 Prozentpunkten.",
                        "correct": True,
                        "feedback": "Ja. Und weil hier keine Zufallsstichprobe vorliegt, ist "
                        "die tatsächliche Unsicherheit nicht einmal bezifferbar.",
                    },
                    {
                        "text": "Wer per QR-Code antwortet, hat sich selbst ausgewählt; die "
                        "Antworten sind nicht repräsentativ.",
                        "correct": True,
                        "feedback": "Ja, Selbstauswahl verzerrt das Ergebnis.",
                    },
                    {
                        "text": "Vorjahr und aktuelles Jahr wurden mit unterschiedlichen "
                        "Methoden erhoben.",
                        "correct": True,
                        "feedback": "Ja, ein Methodenwechsel allein kann den Unterschied erklären.",
                    },
                    {
                        "text": "Prozentwerte aus Befragungen dürfen grundsätzlich nicht "
                        "verglichen werden.",
                        "correct": False,
                        "feedback": "Doch, wenn Methode und Stichprobengröße es tragen.",
                    },
                ],
            },
            {
                "type": "ordering",
                "stem": "<p>Sie erhalten eine Statistik mit einer überraschenden Aussage. "
                "Bringen Sie die Prüfschritte in eine sinnvolle Reihenfolge.</p>",
                "points": 2,
                "competency": "digcomp:1.2",
                "level": 2,
                "demand": "understand",
                "feedback": "Nachrechnen können Sie erst, wenn Sie die Datenbasis kennen, "
                "und eine Schlussfolgerung erst prüfen, wenn die Zahlen stimmen. Kennzahl und "
                "Darstellung prüfen Sie beim Nachrechnen mit.",
                "tags": ["quellen", "vorgehen"],
                "items": [
                    "Quelle, Erhebungsmethode und Datenstand feststellen",
                    "Die Zahlen mit dieser Datenbasis nachrechnen",
                    "Die daraus gezogene Schlussfolgerung auf Störgrößen und Auswahleffekte prüfen",
                ],
            },
            {
                "type": "short_text",
                "stem": "<p>Wie heißt die Einheit für die Differenz zweier Prozentwerte, "
                "etwa bei einem Anstieg der Ablehnungsquote von 4 % auf 6 %?</p>",
                "points": 1,
                "competency": "qd:QD.7",
                "level": 2,
                "demand": "recall",
                "accepted": ["Prozentpunkt", "Prozentpunkte", "pp", "Prozent-Punkte"],
                "feedback": "Die Differenz beträgt 2 Prozentpunkte; relativ ist die Quote um "
                "50 % gestiegen.",
                "tags": ["prozentpunkte"],
            },
            {
                "type": "single",
                "stem": "<p>In einer Tabelle des Statistischen Landesamts ist für einen "
                "kleinen Landkreis bei „Leistungsberechtigte in der Grundsicherung, Alter 18 bis 25“ statt "
                "einer Zahl ein Punkt eingetragen. Was bedeutet das am "
                "wahrscheinlichsten?</p>",
                "points": 1,
                "competency": "digcomp:1.2",
                "level": 4,
                "demand": "apply",
                "feedback": "Sehr kleine Fallzahlen werden wegen der statistischen "
                "Geheimhaltung (§ 16 BStatG) nicht ausgewiesen. Beachten Sie die "
                "Zeichenerklärung der Tabelle.",
                "tags": ["quellen", "geheimhaltung"],
                "options": [
                    {
                        "text": "Der Zahlenwert ist unbekannt oder geheim zu halten; die "
                        "Zeichenerklärung der Tabelle gibt Auskunft.",
                        "correct": True,
                        "feedback": "Richtig: ein Geheimhaltungs- oder Qualitätszeichen.",
                    },
                    {
                        "text": "Es gibt in diesem Landkreis keine solchen Leistungsberechtigten.",
                        "correct": False,
                        "feedback": "Für „genau null“ steht in Tabellen der amtlichen "
                        "Statistik ein Strich; der Punkt bedeutet etwas anderes.",
                    },
                    {
                        "text": "Die Tabelle ist fehlerhaft und sollte nicht verwendet werden.",
                        "correct": False,
                        "feedback": "Nein, das Zeichen ist gewollt und in der "
                        "Zeichenerklärung beschrieben.",
                    },
                ],
            },
        ],
    },
}


# ---------------------------------------------------------------------------------------
# Kurs 3: Datenschutz in der täglichen Fallbearbeitung
# ---------------------------------------------------------------------------------------

_DATENSCHUTZ = {
    "slug": "datenschutz-im-alltag",
    "title": "Datenschutz in der täglichen Fallbearbeitung",
    "summary": (
        "Rechtsgrundlagen, Sozialgeheimnis, Zweckbindung, Betroffenenrechte und der richtige "
        "Umgang mit Datenpannen: Der Kurs übersetzt DSGVO, SGB I und SGB X in die Fragen, die "
        "sich in der Sachbearbeitung jeden Tag stellen, vom Anruf der Polizei bis zur "
        "E-Mail an eine falsche Adresse."
    ),
    "objectives": [
        "Sie können die Grundsätze des Art. 5 DSGVO auf Vorgänge Ihres Arbeitsalltags "
        "anwenden und die Rechtsgrundlage einer Verarbeitung nach Art. 6 DSGVO und Fachrecht "
        "benennen.",
        "Sie können erklären, was das Sozialgeheimnis nach § 35 SGB I verlangt, und "
        "Übermittlungsersuchen anderer Stellen richtig behandeln.",
        "Sie können Zweckbindung, Datenminimierung, Once-Only und Einwilligung in digitalen "
        "Verfahren gegeneinander abgrenzen.",
        "Sie können Anträge auf Auskunft, Berichtigung und Löschung nach Art. 15 bis 17 "
        "DSGVO fristgerecht bearbeiten und bei einer Datenpanne richtig reagieren.",
    ],
    "duration_minutes": 110,
    "audience_roles": [
        "sachbearbeitung",
        "fuehrungskraft",
        "nachwuchskraft",
        "datenschutz",
        "it-digitalisierung",
    ],
    "develops": [("qd:QD.4", 4), ("qd:QD.5", 3), ("digcomp:4.2", 4), ("digcomp:2.2", 3)],
    "prerequisites": [],
    "lessons": [
        # --- Lektion 1 -------------------------------------------------------------------
        {
            "slug": "grundsaetze-und-rechtsgrundlagen",
            "title": "Grundsätze und Rechtsgrundlagen der Verarbeitung",
            "summary": (
                "Die sieben Grundsätze des Art. 5 DSGVO und warum Behörden sich fast nie auf "
                "eine Einwilligung, sondern auf eine gesetzliche Aufgabe stützen."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Jede Akte, die Sie öffnen, enthält personenbezogene Daten: Namen, "
                    "Anschriften, Einkommen, Gesundheitsangaben, Angaben zu Kindern. Die "
                    "Datenschutz-Grundverordnung (DSGVO) gilt für Behörden ebenso wie für "
                    "Unternehmen, ergänzt durch das Bundesdatenschutzgesetz, die "
                    "Landesdatenschutzgesetze und, für Sozialdaten, durch das SGB X. Die "
                    "gute Nachricht: Wer die Grundsätze verstanden hat, kann die meisten "
                    "Alltagsfragen selbst beantworten.</p>",
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "Art. 5 Abs. 1 und 2 DSGVO – Grundsätze",
                        "body": "<p>Personenbezogene Daten müssen</p><ul>"
                        "<li>auf rechtmäßige Weise, nach Treu und Glauben und in einer für "
                        "die betroffene Person nachvollziehbaren Weise verarbeitet werden "
                        "(lit. a: Rechtmäßigkeit, Treu und Glauben, Transparenz);</li>"
                        "<li>für festgelegte, eindeutige und legitime Zwecke erhoben und "
                        "nicht in einer damit unvereinbaren Weise weiterverarbeitet werden "
                        "(lit. b: Zweckbindung);</li>"
                        "<li>dem Zweck angemessen und erheblich sowie auf das notwendige Maß "
                        "beschränkt sein (lit. c: Datenminimierung);</li>"
                        "<li>sachlich richtig und erforderlichenfalls auf dem neuesten Stand "
                        "sein (lit. d: Richtigkeit);</li>"
                        "<li>nur so lange identifizierbar gespeichert werden, wie es für die "
                        "Zwecke erforderlich ist (lit. e: Speicherbegrenzung);</li>"
                        "<li>durch geeignete technische und organisatorische Maßnahmen "
                        "angemessen geschützt werden (lit. f: Integrität und "
                        "Vertraulichkeit).</li></ul>"
                        "<p>Der Verantwortliche muss die Einhaltung nachweisen können "
                        "(Abs. 2: Rechenschaftspflicht).</p>",
                    },
                ),
                ("heading", {"text": "Welche Rechtsgrundlage trägt?", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Jede Verarbeitung braucht eine Rechtsgrundlage aus Art. 6 Abs. 1 "
                    "DSGVO. Für Behörden sind fast immer zwei Buchstaben einschlägig: "
                    "<strong>lit. c</strong> (Erfüllung einer rechtlichen Verpflichtung) und "
                    "<strong>lit. e</strong> (Wahrnehmung einer Aufgabe im öffentlichen "
                    "Interesse oder in Ausübung öffentlicher Gewalt). Beide wirken nur "
                    "zusammen mit einer Vorschrift des Unionsrechts oder des nationalen "
                    "Rechts (Art. 6 Abs. 3 DSGVO), etwa § 3 BDSG für öffentliche Stellen des "
                    "Bundes, dem jeweiligen Landesdatenschutzgesetz oder, im Sozialrecht, den "
                    "§§ 67a ff. SGB X in Verbindung mit dem Fachgesetz.</p>"
                    "<p>Die <strong>berechtigten Interessen</strong> nach lit. f gelten nach "
                    "Art. 6 Abs. 1 Unterabsatz 2 DSGVO ausdrücklich nicht für Verarbeitungen, "
                    "die Behörden in Erfüllung ihrer Aufgaben vornehmen. Und die "
                    "<strong>Einwilligung</strong> nach lit. a ist in der Verwaltung die "
                    "Ausnahme: Nach Erwägungsgrund 43 ist sie keine gültige Grundlage, wenn "
                    "ein klares Ungleichgewicht besteht, insbesondere wenn der Verantwortliche "
                    "eine Behörde ist. Wer Wohngeld braucht, kann kaum frei ablehnen.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "Die hilfsbereite Recherche",
                        "scenario": "<p>Herr Brandt beantragt Grundsicherung im Alter und "
                        "gibt an, kein Vermögen zu haben. Eine Kollegin erinnert sich, dass ein "
                        "gleichnamiger Mann in ihrer Nachbarschaft ein Ferienhaus vermietet. "
                        "Sie sucht auf einem Ferienhausportal und in sozialen Netzwerken nach "
                        "seinem Namen, macht Screenshots und legt sie zur Akte. Außerdem "
                        "fragt sie bei einer befreundeten Kollegin im Bauamt nach, ob Herrn "
                        "Brandt Grundstücke gehören.</p>",
                        "questions": [
                            "Welche Grundsätze des Art. 5 DSGVO sind berührt?",
                            "Darf das Bauamt die Auskunft auf diesem Weg geben?",
                            "Wie wäre der Verdacht rechtmäßig aufzuklären?",
                        ],
                        "model_answer": "<p>Berührt sind vor allem die "
                        "<strong>Transparenz</strong> und <strong>Treu und Glauben</strong> "
                        "(heimliche Recherche), die <strong>Datenminimierung</strong> "
                        "(Screenshots mit weiteren Personen und Inhalten) und die "
                        "<strong>Richtigkeit</strong>: Ob es überhaupt derselbe Herr Brandt "
                        "ist, ist offen. Die informelle Nachfrage im Bauamt ist eine "
                        "Übermittlung ohne geprüfte Rechtsgrundlage und verletzt die "
                        "<strong>Zweckbindung</strong> der dort gespeicherten Daten.</p>"
                        "<p>Rechtmäßig ist der Weg über den Betroffenen selbst: Nach § 60 "
                        "SGB I muss Herr Brandt leistungserhebliche Tatsachen angeben und "
                        "Nachweise vorlegen. Die Behörde fragt ihn gezielt nach Grundbesitz "
                        "und Mieteinnahmen, fordert gegebenenfalls Nachweise an und nutzt nur "
                        "gesetzlich vorgesehene Abgleiche und Auskunftswege. Die Screenshots "
                        "gehören nicht in die Akte.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Verantwortlicher",
                        "definition": "<p>Die Stelle, die über Zwecke und Mittel der "
                        "Verarbeitung entscheidet (Art. 4 Nr. 7 DSGVO). In der Verwaltung ist "
                        "das die Behörde, nicht die einzelne Sachbearbeiterin oder der "
                        "einzelne Sachbearbeiter.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "single",
                        "stem": "<p>Auf welche Rechtsgrundlage stützt eine Wohngeldstelle die "
                        "Verarbeitung der Einkommensdaten aus einem Wohngeldantrag?</p>",
                        "points": 1,
                        "competency": "qd:QD.4",
                        "level": 3,
                        "demand": "apply",
                        "feedback": "Behörden verarbeiten Daten zur Erfüllung ihrer "
                        "gesetzlichen Aufgaben, also nach Art. 6 Abs. 1 lit. e (oder c) DSGVO "
                        "in Verbindung mit dem Fachrecht.",
                        "tags": ["rechtsgrundlage", "wohngeld"],
                        "options": [
                            {
                                "text": "Art. 6 Abs. 1 lit. e DSGVO in Verbindung mit SGB X "
                                "und Wohngeldgesetz",
                                "correct": True,
                                "feedback": "Richtig: Erfüllung einer öffentlichen Aufgabe auf "
                                "gesetzlicher Grundlage.",
                            },
                            {
                                "text": "Die Einwilligung der antragstellenden Person nach "
                                "Art. 6 Abs. 1 lit. a DSGVO",
                                "correct": False,
                                "feedback": "Bei einer Behörde fehlt wegen des Ungleichgewichts "
                                "meist die Freiwilligkeit (Erwägungsgrund 43).",
                            },
                            {
                                "text": "Berechtigte Interessen der Behörde nach Art. 6 Abs. 1 "
                                "lit. f DSGVO",
                                "correct": False,
                                "feedback": "Lit. f gilt nicht für Behörden in Erfüllung ihrer "
                                "Aufgaben.",
                            },
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 2 -------------------------------------------------------------------
        {
            "slug": "sozialgeheimnis",
            "title": "Das Sozialgeheimnis nach § 35 SGB I",
            "summary": (
                "Warum Sozialdaten besonders geschützt sind, was das für Wohngeld-, "
                "Elterngeld- und Sozialämter bedeutet und wie Sie mit Anfragen von Polizei, "
                "Vermietern und Angehörigen umgehen."
            ),
            "blocks": [
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "§ 35 Abs. 1 und 2 SGB I – Sozialgeheimnis",
                        "body": "<p>Jeder hat Anspruch darauf, dass die ihn betreffenden "
                        "Sozialdaten (§ 67 Abs. 2 SGB X) von den Leistungsträgern nicht "
                        "unbefugt verarbeitet werden. Die Wahrung des Sozialgeheimnisses "
                        "umfasst auch die Verpflichtung, innerhalb des Leistungsträgers "
                        "sicherzustellen, dass Sozialdaten nur Befugten zugänglich sind oder "
                        "nur an diese weitergegeben werden. Nach § 35 Abs. 2 SGB I regeln das "
                        "Zweite Kapitel des SGB X und die übrigen Bücher des "
                        "Sozialgesetzbuchs die Verarbeitung von Sozialdaten abschließend, "
                        "soweit nicht die DSGVO unmittelbar gilt.</p>",
                    },
                ),
                (
                    "paragraph",
                    "<p>Das Sozialgeheimnis gilt nicht nur für Jobcenter und Sozialämter. "
                    "Das Wohngeldgesetz und das Elterngeldrecht des Bundeselterngeld- und "
                    "Elternzeitgesetzes gelten nach § 68 SGB I als besondere Teile des "
                    "Sozialgesetzbuchs. Auch in der "
                    "Wohngeld- und der Elterngeldstelle sind die Daten der Antragstellenden "
                    "deshalb Sozialdaten, und jede Weitergabe braucht eine Befugnis nach den "
                    "§§ 67d ff. SGB X.</p>"
                    "<p>Das Sozialgeheimnis wirkt auch <strong>innerhalb</strong> der "
                    "Behörde. Eine Kollegin aus der Bußgeldstelle darf nicht in die "
                    "Wohngeldakte ihres Nachbarn sehen, und ein Blick aus Neugier in das "
                    "Fachverfahren ist eine unbefugte Verarbeitung, auch wenn das System "
                    "den Zugriff technisch zulässt. Zugriffe werden protokolliert, und "
                    "Verstöße können dienst- und strafrechtliche Folgen haben.</p>",
                ),
                ("heading", {"text": "Anfragen von außen", "level": "h2"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li><strong>Vermieter, Arbeitgeber, Angehörige:</strong> Ohne "
                    "Einwilligung der betroffenen Person oder eine gesetzliche Befugnis "
                    "geben Sie nicht einmal Auskunft darüber, ob jemand Leistungen bezieht. "
                    "Schon die Bestätigung „Frau X ist bei uns bekannt“ ist eine "
                    "Übermittlung von Sozialdaten.</li>"
                    "<li><strong>Andere Sozialleistungsträger:</strong> Übermittlungen zur "
                    "Erfüllung sozialer Aufgaben regelt § 69 SGB X; prüfen Sie, ob die Daten "
                    "für die Aufgabe der anfragenden Stelle erforderlich sind.</li>"
                    "<li><strong>Polizei, Staatsanwaltschaft, Gerichte:</strong> § 68 SGB X "
                    "erlaubt im Einzelfall auf Ersuchen nur die Übermittlung weniger "
                    "Grunddaten wie Name, Geburtsdatum, Anschrift und Arbeitgeber, und nur, "
                    "wenn kein Grund zur Annahme besteht, dass schutzwürdige Interessen der "
                    "Person beeinträchtigt werden. Über das Ersuchen entscheidet nicht die "
                    "Sachbearbeitung, sondern die Behördenleitung oder eine besonders "
                    "bevollmächtigte Person. Weitere Sozialdaten erhalten Strafverfolgungsbehörden "
                    "grundsätzlich nur mit richterlicher Anordnung (§ 73 Abs. 3 SGB X), und wie "
                    "viele, hängt von der Schwere der Tat ab: Über die Grunddaten und die "
                    "Angaben zu Geldleistungen hinaus nur bei einem Verbrechen oder einer "
                    "sonstigen Straftat von erheblicher Bedeutung (§ 73 Abs. 1 und 2 SGB X). "
                    "Eine Ausnahme: "
                    "Geht es um ein Strafverfahren, das mit Ihrer eigenen Aufgabe zusammenhängt, "
                    "etwa weil Ihre Behörde Anzeige wegen Leistungsbetrugs zu ihren Lasten "
                    "erstattet hat, erlaubt § 69 Abs. 1 Nr. 2 SGB X die Übermittlung der dafür "
                    "erforderlichen Daten ohne richterliche Anordnung.</li>"
                    "</ul>",
                ),
                (
                    "case_study",
                    {
                        "title": "Der Anruf der Polizei",
                        "scenario": "<p>Freitag, 15:40 Uhr. Ein Anrufer stellt sich als "
                        "Polizeikommissar Wendt vor und bittet dringend um die aktuelle "
                        "Anschrift und die Bankverbindung von Frau Lehmann, die bei Ihnen "
                        "Elterngeld bezieht. Es gehe um eine Ermittlung wegen Betrugs; "
                        "schriftlich könne er die Anfrage erst nächste Woche schicken.</p>",
                        "questions": [
                            "Dürfen Sie am Telefon Auskunft geben?",
                            "Welche Daten kämen nach § 68 SGB X überhaupt in Betracht?",
                            "Wie gehen Sie konkret vor?",
                        ],
                        "model_answer": "<p>Nein. Am Telefon können Sie weder die Identität "
                        "des Anrufers sicher prüfen noch die Voraussetzungen der Übermittlung. "
                        "Schon die Bestätigung, dass Frau Lehmann Elterngeld bezieht, wäre "
                        "eine Übermittlung von Sozialdaten.</p><p>Nach § 68 SGB X kämen nur "
                        "Grunddaten wie die Anschrift in Betracht, <strong>nicht</strong> die "
                        "Bankverbindung. Vorgehen: freundlich erklären, dass Sie am Telefon "
                        "keine Auskünfte geben; um ein schriftliches Ersuchen über die "
                        "Dienststelle bitten; das Ersuchen an die zuständige, besonders "
                        "bevollmächtigte Stelle weiterleiten; den Vorgang dokumentieren. In "
                        "echten Eilfällen bei Gefahr für Leib und Leben gibt es eigene Wege, "
                        "über die aber ebenfalls nicht die Sachbearbeitung allein "
                        "entscheidet.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Sozialdaten",
                        "definition": "<p>Personenbezogene Daten, die von einem "
                        "Leistungsträger im Hinblick auf seine Aufgaben nach dem "
                        "Sozialgesetzbuch verarbeitet werden (§ 67 Abs. 2 SGB X), etwa Daten "
                        "aus Wohngeld-, Elterngeld- oder Grundsicherungsanträgen.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "true_false",
                        "stem": "<p>Ein Vermieter ruft an und fragt, ob sein Mieter Wohngeld "
                        "beantragt hat. Die Antwort „Ja, der Antrag liegt vor“ ist "
                        "unbedenklich, weil keine Beträge genannt werden.</p>",
                        "points": 1,
                        "competency": "qd:QD.4",
                        "level": 3,
                        "demand": "apply",
                        "correct": False,
                        "feedback_true": "Nein. Schon die Tatsache, dass jemand einen Antrag "
                        "gestellt hat, ist ein Sozialdatum und unterliegt dem "
                        "Sozialgeheimnis.",
                        "feedback_false": "Richtig. Schon die Tatsache der Antragstellung ist "
                        "ein Sozialdatum; ohne Einwilligung oder Befugnis bleibt sie geheim.",
                        "feedback": "§ 35 SGB I schützt alle Sozialdaten, auch die bloße "
                        "Tatsache eines Leistungsbezugs.",
                        "tags": ["sozialgeheimnis", "wohngeld"],
                    },
                ),
            ],
        },
        # --- Lektion 3 -------------------------------------------------------------------
        {
            "slug": "zweckbindung-once-only",
            "title": "Zweckbindung, Datenminimierung und Once-Only",
            "summary": (
                "Welche Daten Sie erheben dürfen, wofür Sie sie weiterverwenden dürfen und "
                "wie das Once-Only-Prinzip Nachweise aus Registern nutzt, ohne die "
                "Zweckbindung aufzugeben."
            ),
            "blocks": [
                ("heading", {"text": "Nur so viel wie nötig", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Datenminimierung nach Art. 5 Abs. 1 lit. c DSGVO beginnt beim "
                    "Formular. Fragen Sie in einem Antrag auf Bewohnerparkausweis nach dem "
                    "Arbeitgeber? Verlangen Sie für das Elterngeld den vollständigen "
                    "Kontoauszug, wenn nur der Nachweis einer Zahlung nötig ist? Jede Angabe, "
                    "die Sie nicht brauchen, ist ein Risiko: Sie muss geschützt, beauskunftet "
                    "und irgendwann gelöscht werden. Bitten Sie bei Kontoauszügen darum, "
                    "nicht benötigte Buchungen zu schwärzen, und kopieren Sie Ausweise nur, "
                    "wenn eine Vorschrift das verlangt.</p>",
                ),
                ("heading", {"text": "Zweckbindung im Alltag", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Daten, die für einen Zweck erhoben wurden, dürfen nicht beliebig für "
                    "andere Zwecke genutzt werden (Art. 5 Abs. 1 lit. b DSGVO). Die Anschrift "
                    "aus dem Elterngeldantrag ist nicht dafür da, Einladungen zum "
                    "Neujahrsempfang zu verschicken, und die Telefonnummer aus der "
                    "Kfz-Zulassung nicht für eine Umfrage des Ordnungsamts. Ob eine "
                    "Weiterverarbeitung mit dem ursprünglichen Zweck vereinbar ist, prüft "
                    "Art. 6 Abs. 4 DSGVO; in der Verwaltung braucht eine Zweckänderung in "
                    "aller Regel eine ausdrückliche gesetzliche Grundlage.</p>",
                ),
                (
                    "paragraph",
                    "<p>Das <strong>Once-Only-Prinzip</strong> des Onlinezugangsgesetzes und "
                    "der Registermodernisierung will, dass Bürgerinnen und Bürger Nachweise "
                    "nur einmal erbringen: Die Behörde ruft eine Geburtsurkunde oder eine "
                    "Meldebescheinigung direkt bei der ausstellenden Stelle ab. Das "
                    "widerspricht der Zweckbindung nicht, wenn der Abruf eine eigene "
                    "Rechtsgrundlage hat oder die Person ihn veranlasst. Der Abruf ist "
                    "außerdem auf die Nachweise beschränkt, die für den Antrag nötig sind, "
                    "und er wird protokolliert, damit die Person nachvollziehen kann, wer "
                    "welche Daten abgerufen hat. Ein Beispiel ist § 25 BEEG in der seit dem "
                    "1. November 2024 geltenden Fassung: Die Elterngeldstelle darf die Geburtsdaten des Kindes beim Standesamt "
                    "elektronisch abrufen, wenn ein Elterngeldantrag gestellt ist und die "
                    "antragstellende Person <strong>zuvor eingewilligt</strong> hat. Die "
                    "Regel steht im Zusammenhang mit dem Bremer Projekt ELFE („Einfach "
                    "Leistungen für Eltern“), das Bremen 2018 mit Hamburg, "
                    "Schleswig-Holstein und Thüringen als Entschließung in den Bundesrat "
                    "eingebracht hat; die Rechtsgrundlagen schuf 2020 das Gesetz zur "
                    "Digitalisierung von Verwaltungsverfahren bei der Gewährung von "
                    "Familienleistungen. Once-Only heißt also nicht „alle Daten für alle“, "
                    "sondern „die richtigen Daten auf dem richtigen Weg“.</p>",
                ),
                (
                    "decision_explainer",
                    {
                        "title": "Automatischer Nachweisabruf im Elterngeldantrag",
                        "decision": "Die Geburtsdaten des Kindes werden auf Veranlassung der "
                        "Antragstellerin beim Standesamt abgerufen und in den Antrag "
                        "übernommen; ein Upload der Geburtsbescheinigung entfällt.",
                        "legal_basis": "§ 25 BEEG (Abruf beim Standesamt nach vorheriger "
                        "Einwilligung der antragstellenden Person); § 68 Abs. 3 PStG; Art. 7 "
                        "DSGVO; Art. 5 Abs. 1 Buchst. b und c DSGVO",
                        "inputs": [
                            {
                                "label": "Antragstellerin",
                                "value": "Identifiziert über das Nutzerkonto (eID)",
                            },
                            {
                                "label": "Einwilligung vor dem Abruf (§ 25 BEEG)",
                                "value": "Erteilt im Antrag, mit Hinweis auf Widerruf und "
                                "Upload als Alternative",
                            },
                            {
                                "label": "Abgerufene Daten",
                                "value": "Name, Geburtsdatum und Geburtsort des Kindes, Eltern",
                            },
                            {
                                "label": "Nicht abgerufen",
                                "value": "Weitere Einträge des Personenstandsregisters",
                            },
                        ],
                        "rule_path": [
                            {
                                "rule": "Liegen ein Elterngeldantrag und die vorherige "
                                "Einwilligung der Antragstellerin vor?",
                                "outcome": "Ja: Abruf nach § 25 BEEG zulässig",
                            },
                            {
                                "rule": "Ist der Nachweis für die Entscheidung erforderlich?",
                                "outcome": "Ja: Geburt und Elternschaft sind Voraussetzungen",
                            },
                            {
                                "rule": "Stimmen die abgerufenen Daten mit den Angaben im "
                                "Antrag überein?",
                                "outcome": "Ja: Übernahme in den Antrag",
                            },
                            {
                                "rule": "Abruf protokolliert und im Nutzerkonto angezeigt?",
                                "outcome": "Ja",
                            },
                        ],
                        "citizen_explanation": "<p>Sie haben eingewilligt, dass wir die "
                        "Geburtsdaten Ihres Kindes direkt beim Standesamt abrufen. Wir haben "
                        "dabei nur Name, Geburtsdatum und Geburtsort Ihres Kindes sowie die "
                        "Angaben zu den Eltern erhalten und nutzen sie ausschließlich für "
                        "Ihren Elterngeldantrag. Den Abruf sehen Sie in Ihrem Nutzerkonto. "
                        "Sie können Ihre Einwilligung für die Zukunft widerrufen und den "
                        "Nachweis stattdessen selbst hochladen.</p>",
                        "human_review": "Weichen die abgerufenen Daten von den Angaben im "
                        "Antrag ab, etwa bei Namensschreibweise oder Elternschaft, werden sie "
                        "nicht automatisch übernommen; die Sachbearbeitung klärt die "
                        "Abweichung mit der Antragstellerin.",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "warning",
                        "title": "Einwilligung nur, wenn sie wirklich freiwillig ist",
                        "body": "<p>Holen Sie keine Einwilligung ein, um eine fehlende "
                        "Rechtsgrundlage zu ersetzen. Wo eine Einwilligung vorgesehen ist, muss "
                        "sie freiwillig, informiert und widerrufbar sein (Art. 7 DSGVO), und "
                        "wer nicht einwilligt, darf keinen Nachteil haben: Der Antrag muss "
                        "auch mit selbst eingereichten Nachweisen bearbeitet werden.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Once-Only-Prinzip",
                        "definition": "<p>Grundsatz, nach dem Bürgerinnen, Bürger und "
                        "Unternehmen Daten und Nachweise der Verwaltung nur einmal mitteilen "
                        "müssen; Behörden rufen vorhandene Nachweise auf gesetzlicher "
                        "Grundlage oder auf Veranlassung der Person bei der zuständigen "
                        "Stelle ab.</p>",
                    },
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "Offene Daten: § 12a EGovG, Data Governance Act und Data Act",
                        "body": "<p>Once-Only betrifft Daten über Personen. Davon zu "
                        "unterscheiden sind offene Verwaltungsdaten: Nach § 12a EGovG "
                        "stellen Behörden des Bundes unbearbeitete Daten, die sie erheben, "
                        "grundsätzlich als offene Daten bereit; viele Länder haben eigene "
                        "Regeln. Personenbezogene Daten sind davon ausgenommen und müssen vor "
                        "einer Veröffentlichung wirksam anonymisiert sein. Der Data "
                        "Governance Act (Verordnung (EU) 2022/868) regelt, unter welchen "
                        "Bedingungen geschützte Daten öffentlicher Stellen, etwa "
                        "personenbezogene, für eine Weiterverwendung zugänglich gemacht "
                        "werden dürfen, etwa in einer sicheren Verarbeitungsumgebung. Der "
                        "Data Act (Verordnung (EU) 2023/2854) gilt seit dem 12. September "
                        "2025; sein Kapitel V erlaubt öffentlichen Stellen, bei einem "
                        "außergewöhnlichen Bedarf, etwa in einem öffentlichen Notstand, "
                        "Daten von Unternehmen anzufordern. Die Kommission hat im November "
                        "2025 mit dem digitalen Omnibus vorgeschlagen, den Data Governance Act "
                        "in den Data Act zu überführen und die Datenanforderung nach Kapitel V "
                        "auf öffentliche Notstände zu beschränken. Ob und in welcher Fassung "
                        "das beschlossen ist, konnte bei Redaktionsschluss (4. Dezember 2026) "
                        "nicht geprüft werden; maßgeblich ist die konsolidierte Fassung auf "
                        "EUR-Lex.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "short_text",
                        "stem": "<p>Wie heißt der Grundsatz nach Art. 5 Abs. 1 lit. c DSGVO, "
                        "nach dem Daten dem Zweck angemessen, erheblich und auf das notwendige "
                        "Maß beschränkt sein müssen?</p>",
                        "points": 1,
                        "competency": "digcomp:4.2",
                        "level": 2,
                        "demand": "recall",
                        "accepted": [
                            "Datenminimierung",
                            "Grundsatz der Datenminimierung",
                        ],
                        "feedback": "Gesucht war die Datenminimierung. Der ältere deutsche "
                        "Begriff „Datensparsamkeit“ (§ 3a BDSG a. F.) ist verwandt, aber nicht "
                        "dasselbe: Er war ein Gestaltungsziel, so wenig Daten wie möglich zu "
                        "verarbeiten. Die Datenminimierung misst die Daten am Zweck: angemessen, "
                        "erheblich und auf das Notwendige beschränkt.",
                        "tags": ["datenminimierung"],
                    },
                ),
            ],
        },
        # --- Lektion 4 -------------------------------------------------------------------
        {
            "slug": "betroffenenrechte",
            "title": "Auskunft, Berichtigung, Löschung: Betroffenenrechte bearbeiten",
            "summary": (
                "Wie Sie Anträge nach Art. 15 bis 17 DSGVO fristgerecht bearbeiten und was "
                "gilt, wenn Aufbewahrungspflichten einer Löschung entgegenstehen."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Betroffenenrechte sind keine Gefälligkeit, sondern Ansprüche mit "
                    "Fristen. Ein Antrag muss keine Form haben: Ein Satz in einer E-Mail "
                    "(„Ich möchte wissen, was Sie über mich gespeichert haben“) genügt. "
                    "Leiten Sie solche Anträge sofort nach dem Verfahren Ihrer Behörde "
                    "weiter, meist an eine zentrale Stelle und zur Kenntnis an die oder den "
                    "Datenschutzbeauftragten.</p>",
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "Art. 12 Abs. 3, Art. 15 bis 17 DSGVO – Fristen und Rechte",
                        "body": "<ul><li><strong>Frist:</strong> Informationen über die "
                        "ergriffenen Maßnahmen sind unverzüglich, spätestens innerhalb eines "
                        "Monats nach Eingang des Antrags zu geben; bei komplexen oder vielen "
                        "Anträgen kann die Frist um zwei weitere Monate verlängert werden, "
                        "worüber die Person innerhalb des ersten Monats zu unterrichten ist "
                        "(Art. 12 Abs. 3).</li>"
                        "<li><strong>Auskunft (Art. 15):</strong> Bestätigung, ob Daten "
                        "verarbeitet werden, und Auskunft über die Daten, Zwecke, Empfänger, "
                        "Speicherdauer, Herkunft und die Rechte der Person, dazu eine Kopie "
                        "der Daten (Abs. 3).</li>"
                        "<li><strong>Berichtigung (Art. 16):</strong> unverzügliche "
                        "Berichtigung unrichtiger und Vervollständigung unvollständiger "
                        "Daten.</li>"
                        "<li><strong>Löschung (Art. 17):</strong> unter anderem, wenn die "
                        "Daten für den Zweck nicht mehr notwendig sind; nach Abs. 3 lit. b "
                        "nicht, soweit die Verarbeitung zur Erfüllung einer rechtlichen "
                        "Verpflichtung oder öffentlichen Aufgabe erforderlich ist.</li></ul>"
                        "<p>Für Sozialdaten enthält das SGB X ergänzende und einschränkende "
                        "Regelungen (§§ 82 bis 84 SGB X).</p>",
                    },
                ),
                ("heading", {"text": "Auskunft: vollständig, aber nicht mehr", "level": "h2"}),
                (
                    "paragraph",
                    "<p>Vor der Auskunft steht die Identitätsprüfung: Eine Auskunft an die "
                    "falsche Person wäre selbst eine Datenpanne. Verlangen Sie aber nur so "
                    "viel, wie zur Identifizierung nötig ist, bei einer bekannten Anschrift "
                    "genügt oft die Antwort per Post an diese Anschrift. Suchen Sie dann in "
                    "allen Systemen: Fachverfahren, E-Akte, Postfächer, Tabellen auf "
                    "Netzlaufwerken. Daten Dritter, etwa eines Ex-Partners im selben "
                    "Wohngeldvorgang, schwärzen Sie in der Kopie.</p>",
                ),
                (
                    "case_study",
                    {
                        "title": "„Löschen Sie alles über mich!“",
                        "scenario": "<p>Herr Öztürk bezog bis März 2024 Wohngeld. Im Januar "
                        "2026 schreibt er per E-Mail: „Ich möchte wissen, welche Daten Sie "
                        "über mich gespeichert haben, und verlange, dass Sie danach alles "
                        "löschen.“ In der Akte befindet sich ein noch offener "
                        "Rückforderungsbescheid über 1.280 €, gegen den er Widerspruch "
                        "eingelegt hat. Außerdem ist im Fachverfahren sein Geburtsjahr falsch "
                        "erfasst.</p>",
                        "questions": [
                            "Welche Rechte macht Herr Öztürk geltend und bis wann müssen Sie "
                            "reagieren?",
                            "Dürfen Sie die Daten löschen?",
                            "Was geschieht mit dem falschen Geburtsjahr?",
                        ],
                        "model_answer": "<p>Herr Öztürk macht das Recht auf Auskunft "
                        "(Art. 15) und auf Löschung (Art. 17) geltend. Die Behörde muss "
                        "unverzüglich, spätestens innerhalb eines Monats reagieren; eine "
                        "Verlängerung ist nur in begründeten Fällen möglich und ihm mitzuteilen. "
                        "Nach Identitätsprüfung erhält er Auskunft und eine Kopie seiner "
                        "Daten.</p><p>Eine Löschung ist derzeit ausgeschlossen: Die Daten "
                        "werden für das laufende Widerspruchsverfahren und die Rückforderung "
                        "benötigt (Art. 17 Abs. 3 lit. b DSGVO). Das teilen Sie ihm mit "
                        "Begründung mit und weisen auf die Löschung nach Ablauf der "
                        "Aufbewahrungsfrist sowie auf sein Beschwerderecht bei der "
                        "Aufsichtsbehörde hin. Das falsche Geburtsjahr wird von Amts wegen "
                        "berichtigt (Art. 5 Abs. 1 lit. d, Art. 16 DSGVO).</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Einschränkung der Verarbeitung",
                        "definition": "<p>Die Markierung gespeicherter Daten, um ihre "
                        "künftige Verarbeitung zu begrenzen (Art. 4 Nr. 3, Art. 18 DSGVO), "
                        "etwa solange die Richtigkeit bestritten ist. Die Daten bleiben "
                        "gespeichert, dürfen aber nur noch eingeschränkt genutzt werden.</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Schreibübung: eine Antwort an den Bürger",
                        "scenario": "<p>Herr Okafor hat Auskunft nach Art. 15 DSGVO "
                        "verlangt und zugleich geschrieben: „Löschen Sie danach alles über "
                        "mich.“ Gegen ihn läuft noch ein Widerspruchsverfahren wegen einer "
                        "Rückforderung von Wohngeld. Die Auskunft ist fertig; es fehlt das "
                        "Anschreiben.</p>",
                        "questions": [
                            "Schreiben Sie das Anschreiben in höchstens acht Sätzen, in "
                            "der Anrede „Sie“ und ohne Paragrafenketten.",
                            "Welche Information darf in dem Schreiben auf keinen Fall fehlen?",
                        ],
                        "model_answer": "<p>Zum Beispiel: „Sehr geehrter Herr Okafor, "
                        "anbei erhalten Sie die Auskunft über die Daten, die wir über Sie "
                        "gespeichert haben, mit einer Kopie der Daten. Sie haben außerdem "
                        "um Löschung gebeten. Solange Ihr Widerspruch gegen die "
                        "Rückforderung nicht abgeschlossen ist, brauchen wir die Daten, um "
                        "darüber zu entscheiden; deshalb löschen wir sie jetzt noch nicht, "
                        "das Recht auf Löschung gilt insoweit nicht (Art. 17 Abs. 3 DSGVO, "
                        "§ 84 SGB X). Nach Abschluss des "
                        "Verfahrens und Ablauf der Aufbewahrungsfristen löschen wir sie. "
                        "Wenn Sie mit unserer Antwort nicht einverstanden sind, können Sie "
                        "sich an die Datenschutzaufsichtsbehörde wenden.“ Nicht fehlen "
                        "dürfen die Gründe für die teilweise Ablehnung und der Hinweis auf "
                        "die Beschwerdemöglichkeit (Art. 12 Abs. 4 DSGVO).</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "ordering",
                        "stem": "<p>Bringen Sie die Schritte zur Bearbeitung eines "
                        "Auskunftsantrags nach Art. 15 DSGVO in die richtige Reihenfolge.</p>",
                        "points": 2,
                        "competency": "qd:QD.4",
                        "level": 2,
                        "demand": "understand",
                        "feedback": "Jeder Schritt setzt den vorigen voraus: Die Frist läuft "
                        "ab Eingang, geschwärzt werden kann nur, was zusammengestellt ist. Die "
                        "Identität prüfen Sie, sobald Zweifel bestehen (Art. 12 Abs. 6 DSGVO), "
                        "das kann an verschiedenen Stellen nötig werden.",
                        "tags": ["betroffenenrechte", "auskunft"],
                        "items": [
                            "Eingang dokumentieren und Frist notieren",
                            "Daten in allen Systemen und Ablagen zusammenstellen",
                            "Daten Dritter in der zusammengestellten Kopie schwärzen",
                            "Auskunft und Kopie fristgerecht übermitteln",
                        ],
                    },
                ),
            ],
        },
        # --- Lektion 5 -------------------------------------------------------------------
        {
            "slug": "datenpannen-und-sichere-kommunikation",
            "title": "Datenpannen vermeiden und richtig melden",
            "summary": (
                "Die falsche Adresse, der offene Verteiler, der verlorene USB-Stick: wie Sie "
                "Daten sicher versenden und was in den ersten 72 Stunden nach einer Panne "
                "zu tun ist."
            ),
            "blocks": [
                (
                    "paragraph",
                    "<p>Die meisten Datenpannen in Behörden sind keine Hackerangriffe, "
                    "sondern Alltagsfehler: ein Bescheid im falschen Umschlag, eine E-Mail "
                    "mit allen Adressen im offenen Verteiler, eine Tabelle mit "
                    "Sozialdaten als unverschlüsselter Anhang, ein Dienstlaptop im Zug. "
                    "Entscheidend ist, dass Sie solche Fehler sofort melden. Verschweigen "
                    "macht aus einem Fehler einen Verstoß.</p>",
                ),
                ("heading", {"text": "Sicher kommunizieren", "level": "h2"}),
                (
                    "paragraph",
                    "<ul>"
                    "<li>Sozialdaten und andere sensible Daten versenden Sie nicht per "
                    "unverschlüsselter E-Mail. Nutzen Sie die Wege Ihrer Behörde: das "
                    "Postfach im Nutzerkonto des Verwaltungsportals, eine "
                    "Ende-zu-Ende-verschlüsselte E-Mail oder die freigegebene "
                    "Austauschplattform mit Zugriffsbeschränkung.</li>"
                    "<li>Schreiben Sie mehrere Bürgerinnen und Bürger an, gehören die "
                    "Adressen in „BCC“ oder besser in Einzelnachrichten.</li>"
                    "<li>Prüfen Sie Empfängeradressen vor dem Versand, gerade wenn das "
                    "Mailprogramm Adressen automatisch vervollständigt.</li>"
                    "<li>Geben Sie keine Falldaten in öffentliche KI- oder Übersetzungsdienste "
                    "ein, die nicht von Ihrer Behörde freigegeben sind.</li>"
                    "</ul>",
                ),
                (
                    "info_box",
                    {
                        "kind": "law",
                        "title": "Art. 33 und 34 DSGVO – Meldung und Benachrichtigung",
                        "body": "<p>Im Fall einer Verletzung des Schutzes personenbezogener "
                        "Daten meldet der Verantwortliche sie unverzüglich und möglichst "
                        "binnen 72 Stunden, nachdem ihm die Verletzung bekannt wurde, der "
                        "zuständigen Aufsichtsbehörde, es sei denn, die Verletzung führt "
                        "voraussichtlich nicht zu einem Risiko für die Rechte und Freiheiten "
                        "natürlicher Personen (Art. 33 Abs. 1). Jede Verletzung ist "
                        "einschließlich Auswirkungen und Abhilfemaßnahmen zu dokumentieren "
                        "(Art. 33 Abs. 5). Hat sie voraussichtlich ein hohes Risiko zur Folge, "
                        "sind auch die betroffenen Personen unverzüglich zu benachrichtigen "
                        "(Art. 34 Abs. 1).</p>",
                    },
                ),
                (
                    "case_study",
                    {
                        "title": "Der offene Verteiler",
                        "scenario": "<p>Eine Sachbearbeiterin der Elterngeldstelle informiert "
                        "am Montag um 9:15 Uhr 86 Antragstellende per E-Mail über eine "
                        "Verzögerung wegen einer Softwareumstellung. Alle Adressen stehen im "
                        "Feld „An“. Im Anhang ist versehentlich statt des Infoblatts eine "
                        "Excel-Liste mit Namen, Aktenzeichen und voraussichtlichen "
                        "Elterngeldbeträgen aller 86 Personen. Um 10:30 Uhr bemerkt sie den "
                        "Fehler.</p>",
                        "questions": [
                            "Welche Schritte muss die Sachbearbeiterin sofort unternehmen?",
                            "Ist eine Meldung an die Aufsichtsbehörde erforderlich, und bis wann?",
                            "Müssen die 86 Personen benachrichtigt werden?",
                        ],
                        "model_answer": "<p>Sofort: die Führungskraft und die oder den "
                        "Datenschutzbeauftragten nach dem internen Meldeweg informieren, "
                        "einen Rückruf der Nachricht versuchen (der selten vollständig "
                        "wirkt) und alles dokumentieren. Die Behörde bittet die Empfangenden, "
                        "die Nachricht ungelesen zu löschen.</p><p>Offengelegt wurden "
                        "E-Mail-Adressen, Namen, Aktenzeichen und Leistungsbeträge, also "
                        "Sozialdaten, an 86 Fremde. Ein Risiko ist nicht ausgeschlossen; die "
                        "Behörde muss die Panne daher unverzüglich, möglichst binnen 72 "
                        "Stunden ab Kenntnis, also bis Donnerstag etwa 10:30 Uhr, der "
                        "Aufsichtsbehörde melden. Wegen der Art der Daten und der Zahl der "
                        "Empfangenden ist ein hohes Risiko naheliegend, sodass auch die "
                        "Betroffenen nach Art. 34 DSGVO zu benachrichtigen sind. Weil es "
                        "Sozialdaten sind, meldet die Behörde die Verletzung nach § 83a SGB X "
                        "ergänzend auch ihrer Rechts- oder Fachaufsichtsbehörde. Künftig: "
                        "Serien-E-Mails nur über das Postfach im Nutzerkonto oder als "
                        "Einzelnachrichten.</p>",
                    },
                ),
                (
                    "glossary_term",
                    {
                        "term": "Verletzung des Schutzes personenbezogener Daten",
                        "definition": "<p>Eine Verletzung der Sicherheit, die zur Vernichtung, "
                        "zum Verlust, zur Veränderung oder zur unbefugten Offenlegung von "
                        "oder zum unbefugten Zugang zu personenbezogenen Daten führt (Art. 4 "
                        "Nr. 12 DSGVO), umgangssprachlich „Datenpanne“.</p>",
                    },
                ),
                (
                    "knowledge_check",
                    {
                        "type": "multiple",
                        "stem": "<p>Sie haben einen Bescheid mit Gesundheitsangaben an eine "
                        "falsche E-Mail-Adresse geschickt. Was tun Sie? Wählen Sie alle "
                        "zutreffenden Schritte aus.</p>",
                        "points": 2,
                        "competency": "digcomp:4.2",
                        "level": 4,
                        "demand": "apply",
                        "feedback": "Sofort intern melden, dokumentieren und den Schaden "
                        "begrenzen; über die Meldung an die Aufsichtsbehörde entscheidet die "
                        "Behörde mit der oder dem Datenschutzbeauftragten.",
                        "tags": ["datenpanne"],
                        "options": [
                            {
                                "text": "Die Führungskraft und die oder den "
                                "Datenschutzbeauftragten sofort informieren",
                                "correct": True,
                                "feedback": "Ja, die 72-Stunden-Frist läuft ab Kenntnis der "
                                "Behörde.",
                            },
                            {
                                "text": "Den Vorgang mit Uhrzeit, Empfangenden und Inhalt "
                                "dokumentieren",
                                "correct": True,
                                "feedback": "Ja, jede Panne ist zu dokumentieren (Art. 33 "
                                "Abs. 5 DSGVO).",
                            },
                            {
                                "text": "Abwarten, ob sich die empfangende Person meldet",
                                "correct": False,
                                "feedback": "Nein, Abwarten verzögert die Meldung und "
                                "vergrößert den Schaden.",
                            },
                            {
                                "text": "Die E-Mail im eigenen Postfach löschen, damit der "
                                "Fehler nicht auffällt",
                                "correct": False,
                                "feedback": "Nein, das vernichtet Beweise und macht aus dem "
                                "Fehler einen Verstoß.",
                            },
                        ],
                    },
                ),
            ],
        },
    ],
    "assessment": {
        "title": "Abschlusstest: Datenschutz in der täglichen Fallbearbeitung",
        "pass_mark_percent": 70,
        "max_attempts": 3,
        "time_limit_minutes": 30,
        "questions": [
            {
                "type": "matching",
                "stem": "<p>Ordnen Sie jeder Situation den Grundsatz nach Art. 5 Abs. 1 "
                "DSGVO zu, der am stärksten betroffen ist.</p>",
                "points": 4,
                "competency": "qd:QD.4",
                "level": 4,
                "demand": "apply",
                "feedback": "Die Grundsätze des Art. 5 DSGVO sind der Prüfmaßstab für jede "
                "Verarbeitung; ein Vorgang kann mehrere berühren.",
                "tags": ["grundsaetze"],
                "pairs": [
                    {
                        "left": "Das Antragsformular für einen Bewohnerparkausweis fragt nach "
                        "Beruf und Arbeitgeber.",
                        "right": "Datenminimierung (lit. c)",
                    },
                    {
                        "left": "Anschriften aus Elterngeldanträgen werden für Einladungen zum "
                        "Neujahrsempfang genutzt.",
                        "right": "Zweckbindung (lit. b)",
                    },
                    {
                        "left": "Wohngeldakten werden zwölf Jahre nach Ablauf aller Fristen "
                        "noch aufbewahrt.",
                        "right": "Speicherbegrenzung (lit. e)",
                    },
                    {
                        "left": "Eine Tabelle mit Sozialdaten liegt ohne Zugriffsschutz auf "
                        "einem allgemeinen Netzlaufwerk.",
                        "right": "Integrität und Vertraulichkeit (lit. f)",
                    },
                ],
            },
            {
                "type": "true_false",
                "stem": "<p>Für Behörden ist die Einwilligung der betroffenen Person in der "
                "Regel die beste Rechtsgrundlage, weil sie die Person am stärksten "
                "einbindet.</p>",
                "points": 1,
                "competency": "qd:QD.4",
                "level": 2,
                "demand": "understand",
                "correct": False,
                "feedback_true": "Nein. Wegen des Ungleichgewichts zwischen Behörde und "
                "Person ist die Einwilligung oft nicht freiwillig (Erwägungsgrund 43 DSGVO). "
                "Behörden stützen sich auf Art. 6 Abs. 1 lit. c oder e DSGVO und das "
                "Fachrecht.",
                "feedback_false": "Richtig. Behörden stützen sich auf gesetzliche Aufgaben "
                "(Art. 6 Abs. 1 lit. c oder e DSGVO); die Einwilligung ist die Ausnahme.",
                "feedback": "Eine Einwilligung darf keine fehlende Rechtsgrundlage ersetzen.",
                "tags": ["rechtsgrundlage", "einwilligung"],
            },
            {
                "type": "multiple",
                "stem": "<p>Ein Polizeibeamter bittet telefonisch um Daten einer Frau, die "
                "Grundsicherung bezieht. Welche Aussagen sind zutreffend? Wählen Sie alle "
                "zutreffenden aus.</p>",
                "points": 2,
                "competency": "qd:QD.4",
                "level": 4,
                "demand": "apply",
                "feedback": "§ 68 SGB X erlaubt auf Ersuchen nur wenige Grunddaten; über das "
                "Ersuchen entscheidet die Behördenleitung oder eine besonders bevollmächtigte "
                "Person, nicht die Sachbearbeitung am Telefon.",
                "tags": ["sozialgeheimnis", "uebermittlung"],
                "options": [
                    {
                        "text": "Am Telefon geben Sie keine Auskunft, auch nicht darüber, ob "
                        "die Person Leistungen bezieht.",
                        "correct": True,
                        "feedback": "Richtig, schon das wäre eine Übermittlung von Sozialdaten.",
                    },
                    {
                        "text": "Nach § 68 SGB X kommen nur Grunddaten wie Name, "
                        "Geburtsdatum und Anschrift in Betracht.",
                        "correct": True,
                        "feedback": "Richtig, Bankverbindung oder Leistungshöhe gehören "
                        "nicht dazu.",
                    },
                    {
                        "text": "Über ein schriftliches Ersuchen entscheidet die "
                        "Behördenleitung oder eine besonders bevollmächtigte Person.",
                        "correct": True,
                        "feedback": "Richtig, so regelt es § 68 SGB X.",
                    },
                    {
                        "text": "Bei Ermittlungen wegen Betrugs darf die Sachbearbeitung die "
                        "ganze Akte übermitteln.",
                        "correct": False,
                        "feedback": "Nein. Weitergehende Übermittlungen für Strafverfahren "
                        "sind nur unter engen Voraussetzungen zulässig: nach § 73 SGB X auf "
                        "richterliche Anordnung oder, wenn das Strafverfahren mit der eigenen "
                        "Aufgabe zusammenhängt (etwa nach einer Anzeige der Behörde wegen "
                        "Leistungsbetrugs), nach § 69 Abs. 1 Nr. 2 SGB X ohne richterliche "
                        "Anordnung. Auch dann nur die erforderlichen Daten und nie formlos am "
                        "Telefon.",
                    },
                ],
            },
            {
                "type": "numeric",
                "stem": "<p>Binnen wie vieler Stunden nach Bekanntwerden soll eine meldepflichtige "
                "Datenpanne nach Art. 33 Abs. 1 DSGVO möglichst der Aufsichtsbehörde gemeldet "
                "werden?</p>",
                "points": 1,
                "competency": "digcomp:4.2",
                "level": 2,
                "demand": "recall",
                "answer": 72.0,
                "tolerance": 0.0,
                "unit": "Stunden",
                "feedback": "Unverzüglich und möglichst binnen 72 Stunden; eine spätere "
                "Meldung ist zu begründen.",
                "tags": ["datenpanne"],
            },
            {
                "type": "single",
                "stem": "<p>Eine frühere Elterngeldbezieherin verlangt die Löschung aller "
                "Daten. Gegen sie läuft noch ein Widerspruchsverfahren wegen einer "
                "Rückforderung. Was ist richtig?</p>",
                "points": 1,
                "competency": "qd:QD.4",
                "level": 4,
                "demand": "apply",
                "feedback": "Art. 17 Abs. 3 lit. b DSGVO schließt die Löschung aus, solange "
                "die Daten für die öffentliche Aufgabe erforderlich sind. Die Person erhält "
                "eine begründete Antwort.",
                "tags": ["betroffenenrechte", "loeschung"],
                "options": [
                    {
                        "text": "Die Daten werden nicht gelöscht, solange sie für das "
                        "Verfahren erforderlich sind; die Person erhält innerhalb eines Monats "
                        "eine begründete Mitteilung.",
                        "correct": True,
                        "feedback": "Richtig: Löschung erst nach Wegfall der "
                        "Erforderlichkeit, mit Hinweis auf das Beschwerderecht.",
                    },
                    {
                        "text": "Die Daten sind sofort zu löschen; das Recht auf Löschung geht "
                        "allen Verfahren vor.",
                        "correct": False,
                        "feedback": "Nein, Art. 17 Abs. 3 lit. b DSGVO enthält eine "
                        "Ausnahme für öffentliche Aufgaben.",
                    },
                    {
                        "text": "Der Antrag muss nicht beantwortet werden, weil er "
                        "offensichtlich unbegründet ist.",
                        "correct": False,
                        "feedback": "Nein, auch eine Ablehnung ist fristgerecht und begründet "
                        "mitzuteilen.",
                    },
                    {
                        "text": "Die Daten werden gelöscht, der Widerspruch wird damit "
                        "gegenstandslos.",
                        "correct": False,
                        "feedback": "Nein, damit würde die Behörde ihre gesetzliche Aufgabe "
                        "vereiteln.",
                    },
                ],
            },
            {
                "type": "ordering",
                "stem": "<p>Eine E-Mail mit Sozialdaten ging an eine falsche Adresse. "
                "Bringen Sie die Schritte in die richtige Reihenfolge.</p>",
                "points": 2,
                "competency": "digcomp:4.2",
                "level": 2,
                "demand": "understand",
                "feedback": "Erst intern melden und den Schaden begrenzen, dann das Risiko "
                "bewerten, denn davon hängen Meldung und Benachrichtigung ab; bei Sozialdaten "
                "gehört auch die Rechts- oder Fachaufsicht dazu (§ 83a SGB X).",
                "tags": ["datenpanne"],
                "items": [
                    "Sofort: Führungskraft und Datenschutzbeauftragte informieren, "
                    "Empfangende um Löschung bitten, Vorgang dokumentieren",
                    "Risiko für die betroffenen Personen bewerten",
                    "Meldung an die Datenschutzaufsicht möglichst binnen 72 Stunden "
                    "(Art. 33 DSGVO) und an die Rechts- oder Fachaufsicht (§ 83a SGB X)",
                    "Betroffene bei hohem Risiko benachrichtigen (Art. 34 DSGVO)",
                ],
            },
            {
                "type": "short_text",
                "stem": "<p>Wie heißt nach § 35 SGB I der Anspruch jedes Menschen, dass seine "
                "Sozialdaten von den Leistungsträgern nicht unbefugt verarbeitet werden?</p>",
                "points": 1,
                "competency": "qd:QD.4",
                "level": 2,
                "demand": "recall",
                "accepted": ["Sozialgeheimnis", "das Sozialgeheimnis"],
                "feedback": "Das Sozialgeheimnis gilt auch in Wohngeld- und Elterngeldstellen, "
                "weil WoGG und BEEG als besondere Teile des Sozialgesetzbuchs gelten.",
                "tags": ["sozialgeheimnis"],
            },
            {
                "type": "single",
                "stem": "<p>Ihr Land führt für das Elterngeld einen Once-Only-Abruf der "
                "Geburtsdaten beim Standesamt ein. Welche Gestaltung entspricht Zweckbindung "
                "und Datenminimierung?</p>",
                "points": 1,
                "competency": "qd:QD.5",
                "level": 3,
                "demand": "apply",
                "feedback": "Once-Only heißt: die richtigen Daten auf dem richtigen Weg, mit "
                "Rechtsgrundlage, beschränkt auf das Nötige und protokolliert.",
                "tags": ["once-only", "elterngeld"],
                "options": [
                    {
                        "text": "Abruf nur der für den Antrag nötigen Geburtsdaten, mit "
                        "Rechtsgrundlage oder auf Veranlassung der Person, protokolliert und "
                        "im Nutzerkonto sichtbar",
                        "correct": True,
                        "feedback": "Richtig: zweckgebunden, minimal und transparent.",
                    },
                    {
                        "text": "Vollständiger Abruf des Personenstandsregisters, damit "
                        "spätere Anträge schneller gehen",
                        "correct": False,
                        "feedback": "Nein, Daten auf Vorrat verstoßen gegen "
                        "Datenminimierung und Zweckbindung.",
                    },
                    {
                        "text": "Abruf ohne Information der Person, um den Antrag nicht zu "
                        "verkomplizieren",
                        "correct": False,
                        "feedback": "Nein, der Abruf muss für die Person nachvollziehbar sein "
                        "(Transparenz).",
                    },
                    {
                        "text": "Übernahme der Geburtsdaten in ein zentrales Register aller "
                        "Familienleistungen",
                        "correct": False,
                        "feedback": "Nein, das schafft einen neuen Datenbestand ohne "
                        "Rechtsgrundlage.",
                    },
                ],
            },
            {
                "type": "multiple",
                "stem": "<p>Sie müssen einer Antragstellerin eine Kopie ihres Bescheids mit "
                "Einkommensangaben zukommen lassen. Welche Wege sind geeignet? Wählen Sie alle "
                "zutreffenden aus.</p>",
                "points": 2,
                "competency": "digcomp:2.2",
                "level": 3,
                "demand": "apply",
                "digcomp_statements": ["CS2.2.09"],
                "feedback": "Sensible Daten gehören auf einen geschützten Weg: Postfach im "
                "Nutzerkonto, Ende-zu-Ende-Verschlüsselung oder Briefpost.",
                "tags": ["sichere-kommunikation"],
                "options": [
                    {
                        "text": "Über das Postfach im Nutzerkonto des Verwaltungsportals",
                        "correct": True,
                        "feedback": "Ja, ein geschützter und nachvollziehbarer Weg.",
                    },
                    {
                        "text": "Per Ende-zu-Ende-verschlüsselter E-Mail",
                        "correct": True,
                        "feedback": "Ja, wenn die Empfängerin die Verschlüsselung nutzen kann.",
                    },
                    {
                        "text": "Per Briefpost an die bekannte Anschrift",
                        "correct": True,
                        "feedback": "Ja, weiterhin ein sicherer Standardweg.",
                    },
                    {
                        "text": "Als unverschlüsselter Anhang an eine Freemail-Adresse, die "
                        "die Antragstellerin am Telefon genannt hat",
                        "correct": False,
                        "feedback": "Nein, weder der Übertragungsweg noch die Adresse ist "
                        "gesichert.",
                    },
                    {
                        "text": "Über einen privaten Cloud-Speicher-Link ohne Passwort",
                        "correct": False,
                        "feedback": "Nein, jeder mit dem Link hätte Zugriff, und der Dienst "
                        "ist nicht freigegeben.",
                    },
                ],
            },
            {
                "type": "true_false",
                "stem": "<p>Eine Auskunft nach Art. 15 DSGVO muss unverzüglich, spätestens "
                "innerhalb eines Monats erteilt werden; in begründeten Fällen kann die Frist "
                "um zwei weitere Monate verlängert werden.</p>",
                "points": 1,
                "competency": "qd:QD.4",
                "level": 2,
                "demand": "recall",
                "correct": True,
                "feedback_true": "Richtig, so regelt es Art. 12 Abs. 3 DSGVO. Über die "
                "Verlängerung ist die Person innerhalb des ersten Monats zu unterrichten.",
                "feedback_false": "Doch: Art. 12 Abs. 3 DSGVO sieht einen Monat vor, "
                "verlängerbar um zwei Monate bei komplexen oder zahlreichen Anträgen.",
                "feedback": "Notieren Sie bei jedem Antrag das Eingangsdatum und die Frist.",
                "tags": ["betroffenenrechte", "auskunft"],
            },
            {
                "type": "single",
                "stem": "<p>Eine Kollegin möchte eine Excel-Liste mit Namen, Aktenzeichen und "
                "Einkommen von 40 Antragstellenden in einen frei zugänglichen KI-Chatdienst im "
                "Internet hochladen, um schneller eine Auswertung zu erhalten. Was raten Sie "
                "ihr?</p>",
                "points": 1,
                "competency": "digcomp:4.2",
                "level": 4,
                "demand": "apply",
                "digcomp_statements": ["CS4.2.13"],
                "feedback": "Personenbezogene Daten gehören nur in Werkzeuge, die Ihre Behörde "
                "dafür freigegeben und vertraglich abgesichert hat. Eingaben in frei "
                "zugängliche Dienste können gespeichert und zum Training genutzt werden.",
                "tags": ["ki-dienste", "sozialgeheimnis"],
                "options": [
                    {
                        "text": "Das zu unterlassen und ein freigegebenes Werkzeug oder "
                        "wirksam anonymisierte Daten zu nutzen",
                        "correct": True,
                        "feedback": "Richtig. Für die Übermittlung an den Anbieter fehlen "
                        "Rechtsgrundlage und Vertrag zur Auftragsverarbeitung; die Daten sind "
                        "Sozialdaten (§ 35 SGB I).",
                    },
                    {
                        "text": "Es ist zulässig, wenn sie vorher die Namen löscht",
                        "correct": False,
                        "feedback": "Nein. Über Aktenzeichen und Einkommen bleiben die "
                        "Personen bestimmbar; die Daten sind nur pseudonymisiert, nicht "
                        "anonym.",
                    },
                    {
                        "text": "Es ist zulässig, weil die Auswertung dienstlichen Zwecken dient",
                        "correct": False,
                        "feedback": "Nein. Ein dienstlicher Zweck ersetzt weder die "
                        "Rechtsgrundlage für die Übermittlung noch die Freigabe des Dienstes.",
                    },
                    {
                        "text": "Es ist zulässig, wenn der Anbieter seinen Sitz in der EU hat",
                        "correct": False,
                        "feedback": "Nein. Der Sitz des Anbieters ändert nichts daran, dass "
                        "Rechtsgrundlage, Vertrag und Freigabe fehlen.",
                    },
                ],
            },
        ],
    },
}


COURSES = [_DATENQUALITAET, _STATISTIK, _DATENSCHUTZ]


# Legal status and sources of every lesson (see the package docstring). The date is the
# day the legal content was last checked against the official texts.
LEGAL_STATUS = "2026-12-04"
_GII = "https://www.gesetze-im-internet.de"
_DSGVO = "https://eur-lex.europa.eu/eli/reg/2016/679/oj"


def _norm(label, url):
    return {"kind": "norm", "label": label, "url": url}


_BSTATG = _norm("§ 1 BStatG", f"{_GII}/bstatg_1987/__1.html")
_GENESIS = {
    "kind": "other",
    "label": "Statistisches Bundesamt, Datenbank GENESIS-Online",
    "url": "https://www-genesis.destatis.de/",
}

_SOURCES = {
    "qualitaetsdimensionen": [
        _norm("Art. 5 Abs. 1 DSGVO", _DSGVO),
        _norm("§ 20 SGB X", f"{_GII}/sgb_10/__20.html"),
    ],
    "fehlende-werte-und-dubletten": [
        _norm("Art. 5 Abs. 1 DSGVO", _DSGVO),
        _norm("§ 20 SGB X", f"{_GII}/sgb_10/__20.html"),
    ],
    "verzerrungen-und-proxies": [
        _norm("§ 33c SGB I", f"{_GII}/sgb_1/__33c.html"),
        _norm("Art. 9 DSGVO", _DSGVO),
    ],
    "fairness-in-der-leistungsverwaltung": [
        _norm("§ 33c SGB I", f"{_GII}/sgb_1/__33c.html"),
        _norm("§ 31a SGB X", f"{_GII}/sgb_10/__31a.html"),
    ],
    "mittelwert-und-median": [_BSTATG, _GENESIS],
    "prozente-und-basisraten": [_BSTATG, _GENESIS],
    "korrelation-und-kausalitaet": [_BSTATG, _GENESIS],
    "diagramme-die-taeuschen": [_BSTATG, _GENESIS],
    "unsicherheit-und-quellen": [
        _BSTATG,
        _norm("§ 16 BStatG", f"{_GII}/bstatg_1987/__16.html"),
        _GENESIS,
    ],
    "grundsaetze-und-rechtsgrundlagen": [
        _norm("Art. 5 DSGVO", _DSGVO),
        _norm("Art. 6 DSGVO", _DSGVO),
        _norm("§ 3 BDSG", f"{_GII}/bdsg_2018/__3.html"),
        _norm("§ 60 SGB I", f"{_GII}/sgb_1/__60.html"),
    ],
    "sozialgeheimnis": [
        _norm("§ 35 SGB I", f"{_GII}/sgb_1/__35.html"),
        _norm("§ 68 SGB X", f"{_GII}/sgb_10/__68.html"),
        _norm("§ 69 Abs. 1 SGB X", f"{_GII}/sgb_10/__69.html"),
        _norm("§ 73 SGB X", f"{_GII}/sgb_10/__73.html"),
    ],
    "zweckbindung-once-only": [
        _norm("§ 25 BEEG", f"{_GII}/beeg/__25.html"),
        _norm("Art. 5 Abs. 1 DSGVO", _DSGVO),
        _norm("Art. 7 DSGVO", _DSGVO),
        _norm("§ 12a EGovG", f"{_GII}/egovg/__12a.html"),
        _norm("Art. 1 DGA", "https://eur-lex.europa.eu/eli/reg/2022/868/oj"),
    ],
    "betroffenenrechte": [
        _norm("Art. 12 DSGVO", _DSGVO),
        _norm("Art. 15 DSGVO", _DSGVO),
        _norm("Art. 17 DSGVO", _DSGVO),
        _norm("Art. 18 DSGVO", _DSGVO),
    ],
    "datenpannen-und-sichere-kommunikation": [
        _norm("Art. 33 DSGVO", _DSGVO),
        _norm("Art. 34 DSGVO", _DSGVO),
        _norm("§ 83a SGB X", f"{_GII}/sgb_10/__83a.html"),
        _norm("Art. 32 DSGVO", _DSGVO),
    ],
}

for _course in COURSES:
    # Data protection law and official statistics are reviewed at least yearly.
    _course["review_interval_months"] = 12
    for _lesson in _course["lessons"]:
        _lesson["legal_status"] = LEGAL_STATUS
        _lesson["sources"] = _SOURCES[_lesson["slug"]]
