"""The site's information pages: accessibility statement, Leichte Sprache, sign language.

Public-sector sites must publish an accessibility statement with a feedback channel and a
link to the enforcement procedure (§ 12b BGG, § 7 BITV 2.0, the EU model statement of
Implementing Decision (EU) 2018/1523), and explain the site in Leichte Sprache and German
Sign Language (§ 4 BITV 2.0 with Anlage 2). Legal basis checked on 4 December 2026:
https://www.gesetze-im-internet.de/bgg/__12b.html (contents of the statement, answer
within one month), https://www.gesetze-im-internet.de/bitv_2_0/__7.html,
https://www.gesetze-im-internet.de/bitv_2_0/__4.html,
https://www.gesetze-im-internet.de/bgg/__16.html (conciliation body) and
https://eur-lex.europa.eu/legal-content/DE/TXT/?uri=CELEX:32018D1523 (model statement).
Idempotent: pages that exist are kept as the editors left them.
"""

from wagtail.models import Page

from lms.home.models import AccessibilityStatementPage, InformationPage
from lms.home.services import site_root_ensure

STATEMENT_DATE = "4. Dezember 2026"

STATEMENT = f"""
<p>Die Landesakademie für Verwaltungsdigitalisierung ist bemüht, ihre Lern- und
Kompetenzplattform Qualifica Digitalis im Einklang mit dem Behindertengleichstellungsgesetz
(§ 12a BGG) und der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) barrierefrei
zugänglich zu machen. Diese Erklärung zur Barrierefreiheit gilt für die Website dieser
Plattform mit ihren Lernangeboten.</p>
<h2>Stand der Vereinbarkeit mit den Anforderungen</h2>
<p>Diese Website ist wegen der folgenden Unvereinbarkeiten teilweise mit den Anforderungen
der BITV 2.0 vereinbar.</p>
<h2>Nicht barrierefreie Inhalte</h2>
<ul>
<li><b>Video in Deutscher Gebärdensprache:</b> Die Erläuterungen der Plattform in Deutscher
Gebärdensprache (§ 4 BITV 2.0) werden noch erstellt. Dieselben Informationen finden Sie
bis dahin in Leichter Sprache.</li>
<li><b>PDF-Dateien:</b> Zertifikate und Berichte im PDF-Format sind noch nicht auf
Barrierefreiheit (PDF/UA) geprüft. Ein Zertifikat können Sie als Web-Seite prüfen lassen
(„Zertifikat prüfen“); Berichte gibt es auch als Tabelle auf der Web-Seite und als
CSV-Datei.</li>
<li><b>Hochgeladene Lernpakete:</b> Lernpakete anderer Anbieter (Tin Can, cmi5), die Lehrende
hochladen, prüft die Plattform nicht automatisch auf Barrierefreiheit. Wenn Sie ein
solches Paket nicht nutzen können, teilen Sie uns das bitte mit; wir stellen die Inhalte
dann in einer für Sie zugänglichen Form bereit.</li>
</ul>
<h2>Erstellung dieser Erklärung zur Barrierefreiheit</h2>
<p>Diese Erklärung wurde am {STATEMENT_DATE} erstellt. Sie beruht auf einer Selbstbewertung:
Jede Seitenart der Plattform wird bei jeder Änderung automatisch mit axe-core gegen die
Erfolgskriterien der WCAG 2.1 (Stufen A und AA) geprüft; die Bedienung mit der Tastatur
wurde von Hand geprüft. Eine Prüfung durch unabhängige Dritte steht noch aus.</p>
"""

ENFORCEMENT = """
<p>Wenn Sie auf Ihre Mitteilung oder Anfrage innerhalb eines Monats keine oder keine
zufriedenstellende Antwort erhalten haben, können Sie bei der Schlichtungsstelle nach § 16
BGG einen Antrag auf ein Schlichtungsverfahren stellen. Die Schlichtungsstelle hat die
Aufgabe, Streitigkeiten zwischen Menschen mit Behinderungen und öffentlichen Stellen
außergerichtlich beizulegen.</p>
<p>Den Antrag können Sie online, per E-Mail, per Post oder in Deutscher Gebärdensprache
stellen. Er enthält eine Schilderung des Sachverhalts, Ihr Ziel, Ihren Namen und Ihre
Anschrift sowie den Namen der öffentlichen Stelle.</p>
"""

EASY_LANGUAGE = """
<h2>Was ist Qualifica Digitalis?</h2>
<p>Qualifica Digitalis ist eine Lern-Plattform.<br>
Eine Lern-Plattform ist eine Seite im Internet.<br>
Dort können Sie lernen.</p>
<p>Die Lern-Plattform ist für Menschen in der Verwaltung.<br>
Verwaltung heißt: Ämter und Behörden.<br>
Zum Beispiel: das Bürger-Amt oder das Sozial-Amt.</p>
<h2>Was können Sie hier lernen?</h2>
<p>Sie lernen hier in Kursen.<br>
Ein Kurs hat mehrere Lektionen.<br>
Eine Lektion ist ein kleiner Teil von einem Kurs.</p>
<p>Die Kurse sind zum Beispiel über diese Themen:</p>
<ul>
<li>Wie Sie Daten richtig lesen.</li>
<li>Wie Sie Daten von Menschen schützen.</li>
<li>Wie ein Computer-Programm im Amt mit-entscheidet.<br>
Und wie Sie das den Bürgerinnen und Bürgern gut erklären.</li>
</ul>
<p>Am Ende von einem Kurs gibt es oft einen Test.<br>
Wenn Sie den Test schaffen, bekommen Sie ein Zertifikat.<br>
Ein Zertifikat ist ein Nachweis.<br>
Dort steht: Sie haben den Kurs gemacht.</p>
<h2>So finden Sie sich zurecht</h2>
<p>Oben auf jeder Seite ist das Menü.<br>
Dort finden Sie:</p>
<ul>
<li><b>Mein Lernen:</b> Ihre Kurse.</li>
<li><b>Katalog:</b> alle Kurse.</li>
<li><b>Meine Kompetenzen:</b> was Sie schon können.</li>
</ul>
<p>Sie möchten lernen?<br>
Dann müssen Sie sich zuerst anmelden.<br>
Dafür brauchen Sie Ihre E-Mail-Adresse und Ihr Passwort.<br>
Das Passwort bekommen Sie von Ihrer Behörde.</p>
<p>Unten auf jeder Seite sind noch mehr Links.<br>
Zum Beispiel zu dieser Seite in Leichter Sprache.</p>
<h2>Ist die Lern-Plattform barriere-frei?</h2>
<p>Barriere-frei heißt:<br>
Alle Menschen können die Lern-Plattform gut benutzen.<br>
Auch Menschen mit Behinderung.</p>
<p>Wir haben eine Erklärung zur Barriere-Freiheit geschrieben.<br>
Dort steht:<br>
Die Lern-Plattform ist an vielen Stellen barriere-frei.<br>
An ein paar Stellen gibt es noch Probleme.<br>
Zum Beispiel:</p>
<ul>
<li>Das Video in Gebärden-Sprache kommt erst später.</li>
<li>Manche PDF-Dateien sind noch schwer zu lesen.<br>
Zum Beispiel das Zertifikat.</li>
</ul>
<h2>Sie haben ein Problem auf der Lern-Plattform?</h2>
<p>Dann schreiben Sie uns.<br>
Unten auf jeder Seite steht: <b>Barriere melden</b>.<br>
Dort können Sie uns schreiben.<br>
Wir antworten Ihnen in einem Monat.</p>
<p>Vielleicht sind Sie mit unserer Antwort nicht zufrieden.<br>
Dann können Sie sich an die Schlichtungs-Stelle wenden.<br>
Die Schlichtungs-Stelle hilft Ihnen.<br>
Sie spricht mit uns.<br>
Dann suchen alle zusammen eine Lösung.</p>
<h2>Mehr Informationen</h2>
<p>Es gibt auch eine Seite in Gebärden-Sprache.<br>
Den Link finden Sie unten auf jeder Seite.</p>
"""

SIGN_LANGUAGE_DESCRIPTION = """
<p>Das Video erklärt in Deutscher Gebärdensprache: was Sie auf dieser Lernplattform finden,
wie Sie sich zurechtfinden, was in der Erklärung zur Barrierefreiheit steht und wo es
weitere Informationen in Gebärdensprache und in Leichter Sprache gibt.</p>
"""


def _child(home, page_class, slug, **fields):
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = page_class(slug=slug, show_in_menus=True, **fields)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def load_site_pages_demo(stdout, *, personas, colleagues):
    home = site_root_ensure()
    created = 0
    pages = [
        (
            AccessibilityStatementPage,
            "barrierefreiheit",
            {
                "title": "Erklärung zur Barrierefreiheit",
                "body": STATEMENT,
                "enforcement": ENFORCEMENT,
                "enforcement_name": "Schlichtungsstelle nach dem Behindertengleichstellungsgesetz",
                "enforcement_url": "https://www.schlichtungsstelle-bgg.de/",
            },
        ),
        (
            InformationPage,
            "leichte-sprache",
            {"title": "Leichte Sprache", "body": [("text", EASY_LANGUAGE)]},
        ),
        (
            InformationPage,
            "gebaerdensprache",
            {
                "title": "Gebärdensprache",
                "body": [
                    (
                        "sign_language_video",
                        {
                            "title": "Qualifica Digitalis in Deutscher Gebärdensprache",
                            "description": SIGN_LANGUAGE_DESCRIPTION,
                        },
                    )
                ],
            },
        ),
    ]
    for page_class, slug, fields in pages:
        _page, new = _child(home, page_class, slug, **fields)
        created += new
    total = Page.objects.type(AccessibilityStatementPage, InformationPage).count()
    stdout.write(f"  site: {total} information pages ({created} new)")
