"""The community's channels in the demo: the directory of experts, a few invented experts, and
practices proposed by visitors (seeds 000 and 002: "more than 80 German municipal experts
have registered in the platform's pool of experts").

Every person here is invented and marked as an example: "(Beispiel)" / "(example)" in the
names, "Muster…", "Beispiel…" and "Example…" in names, places and organisations, addresses at
example.org. Three experts have given their consent (recorded with the consent text, as
`community.models.ExpertContact` does); the fourth has not, so his profile stays a draft that
no public page, search, API, sitemap or export shows.
"""

from community.models import ExpertIndexPage, ExpertPage

from .base import PageSpec, Ref, T, paragraph


def _themes(*slugs):
    return [Ref("theme", slug) for slug in slugs]


def _regions(*slugs):
    return [Ref("region", slug) for slug in slugs]


def _pages(*keys):
    return [Ref("page", key) for key in keys]


# The private side of each profile: key, name, e-mail address, language, consent given.
EXPERT_CONTACTS = [
    ("mustermann-erika", "Erika Mustermann (Beispiel)", "erika.mustermann@example.org", "de", True),
    ("mustermann-max", "Max Mustermann (Beispiel)", "max.mustermann@example.org", "de", True),
    ("exemplo-lina", "Lina Exemplo (example)", "lina.exemplo@example.org", "en", True),
    (
        "platzhalter-paul",
        "Paul Platzhalter (Beispiel)",
        "paul.platzhalter@example.org",
        "de",
        False,
    ),
]

DIRECTORY = PageSpec(
    key="experts",
    model=ExpertIndexPage,
    parent="home",
    fields={
        "title": T("Expertinnen und Experten", "Experts"),
        "slug": T("experten", "experts"),
        "show_in_menus": True,
        "teaser": T(
            "Kommunale Fachleute teilen ihre Erfahrung: finden Sie Expertinnen und Experten "
            "nach Thema, Region und Sprache und schreiben Sie ihnen über das Portal.",
            "Municipal practitioners share their experience: find experts by theme, region and "
            "language and write to them through the portal.",
        ),
        "hero_image": Ref("image", "expertise"),
        "body": [
            paragraph(
                T(
                    "<p>Mehr als 80 deutsche kommunale Fachleute haben sich im Expertenpool von "
                    "Connective Cities registriert. Sie beraten Partnerkommunen, wirken an "
                    "Dialogveranstaltungen mit und begleiten Projektideen.</p>"
                    "<p>Ein Profil erscheint hier nur mit der Einwilligung der Person; Ihre "
                    "Nachricht wird weitergeleitet, ohne dass Sie die E-Mail-Adresse sehen. Die "
                    "Profile dieser Demo sind erfundene Beispiele.</p>",
                    "<p>More than 80 German municipal experts have registered in the Connective "
                    "Cities pool of experts. They advise partner municipalities, contribute to "
                    "dialogue events and accompany project ideas.</p>"
                    "<p>A profile appears here only with the person's consent; your message is "
                    "relayed without you seeing the e-mail address. The profiles of this demo "
                    "are invented examples.</p>",
                )
            )
        ],
    },
)


def _expert(contact, title, slug, teaser, **fields):
    return PageSpec(
        key=f"expert-{contact}",
        model=ExpertPage,
        parent="experts",
        fields={
            "title": title,
            "slug": slug,
            "teaser": teaser,
            "contact": Ref("expert-contact", contact),
            **fields,
        },
    )


EXPERTS = [
    _expert(
        "mustermann-erika",
        T("Erika Mustermann (Beispiel)", "Erika Mustermann (example)"),
        T("erika-mustermann-beispiel", "erika-mustermann-example"),
        T(
            "Erfundenes Beispielprofil. Leitet seit zwölf Jahren die Abfallberatung eines "
            "kommunalen Entsorgungsbetriebs: getrennte Sammlung, Wertstoffhöfe und die "
            "Digitalisierung von Touren und Behältern. Hat Partnerstädte in Jordanien und der "
            "Türkei beim Aufbau von Recyclinghöfen beraten.",
            "An invented example profile. Has led the waste advisory service of a municipal "
            "waste management company for twelve years: separate collection, recycling centres "
            "and the digitalisation of routes and bins. Advised partner cities in Jordan and "
            "Türkiye on setting up recycling centres.",
        ),
        organisation=T(
            "Abfallwirtschaftsbetrieb Musterstadt (Beispiel)",
            "Musterstadt waste management company (example)",
        ),
        city=T("Musterstadt", "Musterstadt"),
        country=Ref("country", "de"),
        themes=_themes("waste-circular-economy", "digitalisation-smart-city"),
        regions=_regions("middle-east-north-africa", "southeast-europe-caucasus"),
        languages=["ar", "de", "en"],
        related_events=_pages("event-waste-2017", "event-waste-digital-2025"),
    ),
    _expert(
        "mustermann-max",
        T("Max Mustermann (Beispiel)", "Max Mustermann (example)"),
        T("max-mustermann-beispiel", "max-mustermann-example"),
        T(
            "Erfundenes Beispielprofil. Ingenieur im Tiefbauamt, zuständig für "
            "Starkregenvorsorge und Hitzeaktionspläne; begleitet westafrikanische Kommunen "
            "bei Gefahrenkarten und blau-grüner Infrastruktur.",
            "An invented example profile. Engineer in the civil engineering office, in charge "
            "of heavy-rain precautions and heat action plans; accompanies West African "
            "municipalities with hazard maps and blue-green infrastructure.",
        ),
        organisation=T(
            "Tiefbauamt Beispielstadt (Beispiel)",
            "Beispielstadt civil engineering office (example)",
        ),
        city=T("Beispielstadt", "Beispielstadt"),
        country=Ref("country", "de"),
        themes=_themes("flood-management", "climate-adaptation-heat"),
        regions=_regions("sub-saharan-africa"),
        languages=["de", "en", "fr"],
        related_events=_pages("event-west-africa-2025", "event-heat"),
    ),
    _expert(
        "exemplo-lina",
        T("Lina Exemplo (Beispiel)", "Lina Exemplo (example)"),
        T("lina-exemplo-beispiel", "lina-exemplo-example"),
        T(
            "Erfundenes Beispielprofil. Verkehrsplanerin einer Stadtverwaltung, die Rad- und "
            "Fußwege mit den Menschen im Viertel plant; Erfahrung mit Beteiligungsverfahren in "
            "Lateinamerika und Südostasien.",
            "An invented example profile. Transport planner in a city administration who plans "
            "cycle and footpaths with the people of the neighbourhood; experienced in "
            "participation processes in Latin America and South-East Asia.",
        ),
        organisation=T(
            "Stadtverwaltung Cidade Exemplo (Beispiel)",
            "Cidade Exemplo city administration (example)",
        ),
        city=T("Cidade Exemplo", "Cidade Exemplo"),
        country=Ref("country", "br"),
        themes=_themes("urban-mobility", "citizen-participation"),
        regions=_regions("latin-america", "asia"),
        languages=["en", "es", "pt"],
        related_events=_pages("event-mobility-bremen-2017"),
        related_practices=_pages("practice-bangkok-bangmod"),
    ),
    # No consent: stays a draft in both languages, never public.
    _expert(
        "platzhalter-paul",
        T("Paul Platzhalter (Beispiel)", "Paul Platzhalter (example)"),
        T("paul-platzhalter-beispiel", "paul-platzhalter-example"),
        T(
            "Erfundenes Beispielprofil ohne Einwilligung: es bleibt ein Entwurf und erscheint "
            "nirgends öffentlich.",
            "An invented example profile without consent: it stays a draft and appears nowhere "
            "in public.",
        ),
        organisation=T(
            "Stadtwerke Platzhausen (Beispiel)", "Platzhausen public utilities (example)"
        ),
        city=T("Platzhausen", "Platzhausen"),
        country=Ref("country", "de"),
        themes=_themes("energy-efficiency"),
        regions=_regions("europe"),
        languages=["de"],
    ),
]


def page_specs():
    return [DIRECTORY, *EXPERTS]


# Good practices proposed through the public form, each waiting in the moderation workflow as a
# draft in the submitter's language (community.proposals: stored first, then the draft).
PROPOSALS = [
    {
        "language": "de",
        "name": "Jonas Beispiel (Beispiel)",
        "email": "jonas.beispiel@example.org",
        "organisation": "Stadtverwaltung Beispielstadt (Beispiel)",
        "title": "Schattige Schulwege in Beispielstadt (Beispiel)",
        "city": "Beispielstadt",
        "country": "de",
        "themes": ["climate-adaptation-heat", "urban-mobility"],
        "summary": (
            "Erfundener Beispielvorschlag: Bäume, Sonnensegel und Trinkbrunnen machen die Wege "
            "zu fünf Grundschulen auch an heißen Tagen sicher."
        ),
        "challenge": (
            "An Hitzetagen wurden die Schulwege zur Belastung: wenig Schatten, keine "
            "Trinkwasserstellen, Kinder, die nicht mehr zu Fuß gehen wollten."
        ),
        "approach": (
            "Schülerinnen und Schüler kartierten mit Thermometern die heißesten Stellen.\n\n"
            "Die Stadt pflanzte 40 Bäume, spannte Sonnensegel über zwei Plätze und stellte "
            "drei Trinkbrunnen auf."
        ),
        "results": "Bis zu 8 Grad weniger Oberflächentemperatur an den kartierten Stellen.",
        "lessons": "Die Kinder selbst messen zu lassen, überzeugte den Stadtrat.",
        "transferability": "Übertragbar auf jede Stadt mit einem Grünflächenamt.",
        "contact_person": "Jonas Beispiel (Beispiel)",
        "contact_institution": "Stadtverwaltung Beispielstadt (Beispiel)",
    },
    {
        "language": "en",
        "name": "Ama Example (example)",
        "email": "ama.example@example.org",
        "organisation": "Example Town Municipal Assembly (example)",
        "title": "Neighbourhood water kiosks in Example Town (example)",
        "city": "Example Town",
        "country": "gh",
        "themes": ["sanitation"],
        "summary": (
            "An invented example proposal: kiosks run by neighbourhood committees sell clean "
            "water at a fixed price and report leaks to the utility."
        ),
        "challenge": (
            "Informal settlements had no household connections; water from vendors cost five "
            "times the utility's tariff."
        ),
        "approach": (
            "The municipality, the utility and neighbourhood committees agreed on twelve kiosk "
            "sites.\n\nEach committee keeps a share of the sales for maintenance."
        ),
        "results": "12 kiosks serve about 9,000 people; the price fell by two thirds.",
        "lessons": "Committees need a written agreement on money from the first day.",
        "transferability": "Works where a utility network reaches the edge of the settlement.",
        "contact_person": "Ama Example (example)",
        "contact_institution": "Example Town Municipal Assembly (example)",
    },
]
