"""The legal pages and the footer: imprint, privacy notice, contact, accessibility statement
(with the feedback contact BITV 2.0 requires), the footer's links, partners and funders (the
partner snippets of `taxonomy`) and social media profiles.

The texts follow the seeds' "about" and partner texts: Connective Cities is a cooperation of
Engagement Global's Service Agency Communities in One World (SKEW), the Association of German
Cities (DST) and GIZ, on behalf of the BMZ. Addresses and e-mail addresses are demo values.
"""

from pages.models import StandardPage

from .base import PageSpec, T, heading, paragraph

CONTACT_EMAIL = "info@connective-cities.net"
FEEDBACK_EMAIL = "barrierefreiheit@connective-cities.net"

_PUBLISHER = T(
    "<p>Engagement Global gGmbH – Service für Entwicklungsinitiativen<br>"
    "Servicestelle Kommunen in der Einen Welt (SKEW)<br>"
    "Friedrich-Ebert-Allee 40<br>53113 Bonn</p>",
    "<p>Engagement Global gGmbH – Service für Entwicklungsinitiativen<br>"
    "Service Agency Communities in One World (SKEW)<br>"
    "Friedrich-Ebert-Allee 40<br>53113 Bonn, Germany</p>",
)


def _legal(key, title, slug, teaser, body):
    return PageSpec(
        key=key,
        model=StandardPage,
        parent="home",
        fields={"title": title, "slug": slug, "teaser": teaser, "body": body},
    )


IMPRINT = _legal(
    "imprint",
    T("Impressum", "Imprint"),
    T("impressum", "imprint"),
    T(
        "Wer dieses Portal herausgibt und verantwortet.",
        "Who publishes this portal and is responsible for it.",
    ),
    [
        heading(T("Herausgeberin", "Publisher")),
        paragraph(_PUBLISHER),
        paragraph(
            T(
                f'<p>E-Mail: <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a></p>',
                f'<p>E-mail: <a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a></p>',
            )
        ),
        heading(T("Im Auftrag von", "On behalf of")),
        paragraph(
            T(
                "<p>Connective Cities wird seit 2013 als Kooperationsprojekt der "
                "Servicestelle Kommunen in der Einen Welt (SKEW) von Engagement Global, des "
                "Deutschen Städtetages (DST) und der Deutschen Gesellschaft für Internationale "
                "Zusammenarbeit (GIZ) umgesetzt, im Auftrag des Bundesministeriums für "
                "wirtschaftliche Zusammenarbeit und Entwicklung (BMZ).</p>",
                "<p>Since 2013, Connective Cities has been a joint project of Engagement "
                "Global's Service Agency Communities in One World (SKEW), the Association of "
                "German Cities (DST) and the Deutsche Gesellschaft für Internationale "
                "Zusammenarbeit (GIZ), on behalf of the German Federal Ministry for Economic "
                "Cooperation and Development (BMZ).</p>",
            )
        ),
        heading(T("Haftung für Links", "Liability for links")),
        paragraph(
            T(
                "<p>Für die Inhalte verlinkter Seiten anderer Anbieter sind ausschließlich deren "
                "Betreiber verantwortlich. Bei Bekanntwerden von Rechtsverletzungen entfernen "
                "wir entsprechende Links umgehend.</p>",
                "<p>The operators of linked pages of other providers are solely responsible for "
                "their content. Should we become aware of any infringement, we will remove the "
                "link without delay.</p>",
            )
        ),
    ],
)

PRIVACY = _legal(
    "privacy",
    T("Datenschutzerklärung", "Privacy notice"),
    T("datenschutz", "privacy"),
    T(
        "Welche Daten dieses Portal verarbeitet, wozu, und welche Rechte Sie haben.",
        "Which data this portal processes, for what purpose, and what your rights are.",
    ),
    [
        heading(T("Verantwortliche Stelle", "Controller")),
        paragraph(_PUBLISHER),
        heading(T("Beim Besuch der Seiten", "When you visit the pages")),
        paragraph(
            T(
                "<p>Der Server speichert bei jedem Aufruf die IP-Adresse, Datum und Uhrzeit, "
                "die aufgerufene Adresse und die Kennung des Browsers, um das Portal sicher "
                "zu betreiben (Art. 6 Abs. 1 lit. e DSGVO). Die Daten werden nach sieben Tagen "
                "gelöscht. Das Portal setzt keine Cookies für Besucherinnen und Besucher und "
                "bindet keine Inhalte Dritter ein.</p>",
                "<p>With every request, the server stores the IP address, the date and time, "
                "the address requested and the browser's identification, to run the portal "
                "securely (Art. 6(1)(e) GDPR). These data are deleted after seven days. The "
                "portal sets no cookies for visitors and embeds no third-party content.</p>",
            )
        ),
        heading(T("Ihre Rechte", "Your rights")),
        paragraph(
            T(
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
                "der Verarbeitung sowie auf Beschwerde bei der Bundesbeauftragten für den "
                f'Datenschutz und die Informationsfreiheit. Schreiben Sie uns: <a href="mailto:'
                f'{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>',
                "<p>You have the right to access, rectification, erasure and restriction of "
                "processing, and to lodge a complaint with the Federal Commissioner for Data "
                f'Protection and Freedom of Information. Write to us: <a href="mailto:'
                f'{CONTACT_EMAIL}">{CONTACT_EMAIL}</a>.</p>',
            )
        ),
    ],
)

CONTACT = _legal(
    "contact",
    T("Kontakt", "Contact"),
    T("kontakt", "contact"),
    T(
        "So erreichen Sie das Team von Connective Cities.",
        "How to reach the Connective Cities team.",
    ),
    [
        paragraph(
            T(
                "<p>Fragen zu Veranstaltungen, zur Teilnahme am Austausch oder zu guten "
                "Praxisbeispielen beantwortet das Team von Connective Cities gern.</p>",
                "<p>The Connective Cities team is happy to answer questions about events, "
                "about taking part in the exchange or about good practices.</p>",
            )
        ),
        heading(T("Anschrift", "Address")),
        paragraph(_PUBLISHER),
        heading(T("E-Mail", "E-mail")),
        paragraph(
            T(
                f'<p><a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a></p>',
                f'<p><a href="mailto:{CONTACT_EMAIL}">{CONTACT_EMAIL}</a></p>',
            )
        ),
    ],
)

ACCESSIBILITY = _legal(
    "accessibility",
    T("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    T("barrierefreiheit", "accessibility"),
    T(
        "Wie zugänglich dieses Portal ist und wie Sie uns Barrieren melden.",
        "How accessible this portal is, and how to report barriers to us.",
    ),
    [
        paragraph(
            T(
                "<p>Engagement Global ist bemüht, das Portal Connective Cities im Einklang mit "
                "dem Behindertengleichstellungsgesetz (BGG) und der Barrierefreie-"
                "Informationstechnik-Verordnung (BITV 2.0) barrierefrei zugänglich zu machen.</p>",
                "<p>Engagement Global strives to make the Connective Cities portal accessible in "
                "accordance with the German Disability Equality Act (BGG) and the Barrier-Free "
                "Information Technology Ordinance (BITV 2.0).</p>",
            )
        ),
        heading(T("Stand der Vereinbarkeit", "Compliance status")),
        paragraph(
            T(
                "<p>Das Portal ist weitgehend mit der BITV 2.0 vereinbar. Jede Seitenart wird "
                "bei jeder Änderung automatisch mit axe-core und Tastaturtests in beiden "
                "Sprachen und auf Desktop- und Mobilbreite geprüft. Nicht barrierefrei sind "
                "einige ältere PDF-Dokumente; auf Anfrage senden wir Ihnen deren Inhalt in "
                "zugänglicher Form.</p>",
                "<p>The portal is largely compliant with BITV 2.0. Every page type is checked "
                "automatically with axe-core and keyboard tests on every change, in both "
                "languages and at desktop and mobile widths. Some older PDF documents are not "
                "accessible; on request we send you their content in an accessible form.</p>",
            )
        ),
        heading(
            T("Barriere melden: Feedback und Kontakt", "Report a barrier: feedback and contact")
        ),
        paragraph(
            T(
                "<p>Sind Ihnen Mängel beim barrierefreien Zugang aufgefallen? Schreiben Sie uns: "
                f'<a href="mailto:{FEEDBACK_EMAIL}">{FEEDBACK_EMAIL}</a>. Wir antworten '
                "innerhalb von zwei Wochen.</p>",
                "<p>Have you come across a barrier? Write to us: "
                f'<a href="mailto:{FEEDBACK_EMAIL}">{FEEDBACK_EMAIL}</a>. We reply within two '
                "weeks.</p>",
            )
        ),
        heading(T("Schlichtungsverfahren", "Conciliation procedure")),
        paragraph(
            T(
                "<p>Erhalten Sie keine zufriedenstellende Antwort, können Sie bei der "
                "Schlichtungsstelle nach § 16 BGG einen Antrag auf ein Schlichtungsverfahren "
                'stellen: <a href="https://www.schlichtungsstelle-bgg.de">'
                "www.schlichtungsstelle-bgg.de</a>.</p>",
                "<p>If you do not receive a satisfactory answer, you can apply for conciliation "
                "to the conciliation body under § 16 BGG: "
                '<a href="https://www.schlichtungsstelle-bgg.de">'
                "www.schlichtungsstelle-bgg.de</a>.</p>",
            )
        ),
    ],
)


def page_specs():
    return [IMPRINT, PRIVACY, CONTACT, ACCESSIBILITY]


# The footer (Settings → Footer): page keys, partner slugs and social media profiles.
FOOTER = {
    "legal": {
        "imprint_page": "imprint",
        "privacy_page": "privacy",
        "contact_page": "contact",
        "accessibility_page": "accessibility",
    },
    "contact_email": CONTACT_EMAIL,
    "accessibility_feedback_email": FEEDBACK_EMAIL,
    "links": ["objectives", "partners", "learning"],
    "supporters": ["bmz", "dst", "giz", "skew"],
    "social_links": [
        ("linkedin", "https://www.linkedin.com/company/connective-cities/"),
        ("youtube", "https://www.youtube.com/@connectivecities"),
    ],
}
