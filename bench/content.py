"""Vocabulary of the synthetic site: taxonomy terms and text snippets in German and English.

Everything is deterministic for a given random seed, so two runs of the same size build the
same site.
"""

import uuid

# (slug, German name, English name)
REGIONS = [
    ("sub-saharan-africa", "Subsahara-Afrika", "Sub-Saharan Africa"),
    ("middle-east-north-africa", "Nahost und Nordafrika", "Middle East & North Africa"),
    ("southeast-europe-caucasus", "Südosteuropa und Kaukasus", "Southeast Europe & Caucasus"),
    ("latin-america", "Lateinamerika", "Latin America"),
    ("asia", "Asien", "Asia"),
    ("europe", "Europa", "Europe"),
]

# (ISO code, German name, English name, region slug, a city)
COUNTRIES = [
    ("de", "Deutschland", "Germany", "europe", "Bonn"),
    ("at", "Österreich", "Austria", "europe", "Graz"),
    ("fr", "Frankreich", "France", "europe", "Lyon"),
    ("nl", "Niederlande", "Netherlands", "europe", "Utrecht"),
    ("pl", "Polen", "Poland", "europe", "Gdańsk"),
    ("es", "Spanien", "Spain", "europe", "Valencia"),
    ("tr", "Türkei", "Türkiye", "southeast-europe-caucasus", "Gaziantep"),
    ("rs", "Serbien", "Serbia", "southeast-europe-caucasus", "Novi Sad"),
    (
        "ba",
        "Bosnien und Herzegowina",
        "Bosnia and Herzegovina",
        "southeast-europe-caucasus",
        "Tuzla",
    ),
    ("al", "Albanien", "Albania", "southeast-europe-caucasus", "Tirana"),
    ("mk", "Nordmazedonien", "North Macedonia", "southeast-europe-caucasus", "Skopje"),
    ("ge", "Georgien", "Georgia", "southeast-europe-caucasus", "Kutaisi"),
    ("am", "Armenien", "Armenia", "southeast-europe-caucasus", "Gyumri"),
    ("ua", "Ukraine", "Ukraine", "southeast-europe-caucasus", "Lviv"),
    ("md", "Republik Moldau", "Moldova", "southeast-europe-caucasus", "Bălți"),
    ("jo", "Jordanien", "Jordan", "middle-east-north-africa", "Amman"),
    ("lb", "Libanon", "Lebanon", "middle-east-north-africa", "Tripoli"),
    ("eg", "Ägypten", "Egypt", "middle-east-north-africa", "Alexandria"),
    ("tn", "Tunesien", "Tunisia", "middle-east-north-africa", "Sfax"),
    ("ma", "Marokko", "Morocco", "middle-east-north-africa", "Chefchaouen"),
    ("iq", "Irak", "Iraq", "middle-east-north-africa", "Erbil"),
    ("za", "Südafrika", "South Africa", "sub-saharan-africa", "eThekwini"),
    ("ng", "Nigeria", "Nigeria", "sub-saharan-africa", "Lagos"),
    ("gh", "Ghana", "Ghana", "sub-saharan-africa", "Kumasi"),
    ("ke", "Kenia", "Kenya", "sub-saharan-africa", "Kisumu"),
    ("rw", "Ruanda", "Rwanda", "sub-saharan-africa", "Kigali"),
    ("tz", "Tansania", "Tanzania", "sub-saharan-africa", "Arusha"),
    ("et", "Äthiopien", "Ethiopia", "sub-saharan-africa", "Hawassa"),
    ("sn", "Senegal", "Senegal", "sub-saharan-africa", "Saint-Louis"),
    ("mz", "Mosambik", "Mozambique", "sub-saharan-africa", "Maputo"),
    ("br", "Brasilien", "Brazil", "latin-america", "Curitiba"),
    ("mx", "Mexiko", "Mexico", "latin-america", "Mérida"),
    ("ec", "Ecuador", "Ecuador", "latin-america", "Cuenca"),
    ("co", "Kolumbien", "Colombia", "latin-america", "Medellín"),
    ("pe", "Peru", "Peru", "latin-america", "Arequipa"),
    ("th", "Thailand", "Thailand", "asia", "Chiang Mai"),
    ("ph", "Philippinen", "Philippines", "asia", "Iloilo"),
    ("vn", "Vietnam", "Viet Nam", "asia", "Da Nang"),
    ("in", "Indien", "India", "asia", "Pune"),
    ("id", "Indonesien", "Indonesia", "asia", "Surabaya"),
]

# (slug, German name, English name, focal theme slug or None): 4 focal themes, 12 topics.
THEMES = [
    ("good-urban-governance", "Gute Regierungsführung", "Good urban governance", None),
    (
        "integrated-urban-development",
        "Integrierte Stadtentwicklung",
        "Integrated urban development",
        None,
    ),
    (
        "local-economic-development",
        "Lokale Wirtschaftsentwicklung",
        "Local economic development",
        None,
    ),
    ("municipal-services", "Kommunale Dienstleistungen", "Municipal services", None),
    ("digitalisation", "Digitalisierung", "Digitalisation", "good-urban-governance"),
    (
        "citizen-participation",
        "Bürgerbeteiligung",
        "Citizen participation",
        "good-urban-governance",
    ),
    ("municipal-finance", "Kommunale Finanzen", "Municipal finance", "good-urban-governance"),
    ("urban-mobility", "Städtische Mobilität", "Urban mobility", "integrated-urban-development"),
    ("climate-adaptation", "Klimaanpassung", "Climate adaptation", "integrated-urban-development"),
    ("flood-management", "Hochwasservorsorge", "Flood management", "integrated-urban-development"),
    ("housing", "Wohnen", "Housing", "integrated-urban-development"),
    (
        "local-business",
        "Wirtschaftsförderung",
        "Local business development",
        "local-economic-development",
    ),
    ("urban-farming", "Urbane Landwirtschaft", "Urban farming", "local-economic-development"),
    ("waste-management", "Abfallwirtschaft", "Waste management", "municipal-services"),
    ("sanitation", "Sanitärversorgung", "Sanitation", "municipal-services"),
    ("energy-efficiency", "Energieeffizienz", "Energy efficiency", "municipal-services"),
]

SDGS = [
    (1, "Keine Armut", "No poverty"),
    (2, "Kein Hunger", "Zero hunger"),
    (3, "Gesundheit und Wohlergehen", "Good health and well-being"),
    (4, "Hochwertige Bildung", "Quality education"),
    (5, "Geschlechtergleichheit", "Gender equality"),
    (6, "Sauberes Wasser", "Clean water and sanitation"),
    (7, "Saubere Energie", "Affordable and clean energy"),
    (8, "Menschenwürdige Arbeit", "Decent work and economic growth"),
    (9, "Industrie, Innovation und Infrastruktur", "Industry, innovation and infrastructure"),
    (10, "Weniger Ungleichheiten", "Reduced inequalities"),
    (11, "Nachhaltige Städte und Gemeinden", "Sustainable cities and communities"),
    (12, "Nachhaltiger Konsum", "Responsible consumption and production"),
    (13, "Klimaschutz", "Climate action"),
    (14, "Leben unter Wasser", "Life below water"),
    (15, "Leben an Land", "Life on land"),
    (16, "Frieden und Gerechtigkeit", "Peace, justice and strong institutions"),
    (17, "Partnerschaften", "Partnerships for the goals"),
]

# (German name, English name, role, has a logo)
PARTNERS = [
    ("Engagement Global", "Engagement Global", "implementing", True),
    ("Deutsche Gesellschaft für Internationale Zusammenarbeit", "GIZ", "implementing", True),
    ("Bundesministerium für wirtschaftliche Zusammenarbeit", "BMZ", "funder", True),
    ("Deutscher Städtetag", "Association of German Cities", "network", False),
    ("Deutscher Landkreistag", "German County Association", "network", False),
    ("Städte und Gemeinden in Jordanien", "Cities of Jordan", "network", False),
    ("Städtenetzwerk Südosteuropa", "Southeast European city network", "network", False),
    ("Kommunalverband Westafrika", "West African municipal association", "network", False),
]

TAGS = [
    "Klima",
    "Wasser",
    "Jugend",
    "Frauen",
    "Verwaltung",
    "Open Data",
    "Radverkehr",
    "ÖPNV",
    "Recycling",
    "Hitze",
    "Grünflächen",
    "Partizipation",
    "Finanzen",
    "Tourismus",
    "Migration",
    "Kultur",
    "Bildung",
    "Gesundheit",
    "Energie",
    "Resilienz",
]

# Sentences from which teasers, paragraphs and rich-text sections are assembled.
SENTENCES = {
    "de": [
        "Die Stadtverwaltung hat gemeinsam mit der Zivilgesellschaft einen neuen Ansatz erprobt.",
        "Ein Arbeitsgruppe aus drei Fachämtern entwickelte die Lösung in weniger als einem Jahr.",
        "Die Bürgerinnen und Bürger wurden von Anfang an in die Planung einbezogen.",
        "Mit geringen Mitteln ließ sich die Versorgung in den Außenbezirken deutlich verbessern.",
        "Partnerkommunen aus drei Ländern tauschten ihre Erfahrungen in Workshops aus.",
        "Die Ergebnisse wurden in einem offenen Leitfaden für andere Städte dokumentiert.",
        "Ein digitales Werkzeug hilft dem Bauhof, Schäden schneller zu erfassen und zu beheben.",
        "Die Finanzierung stützt sich auf kommunale Mittel und eine kleine Projektförderung.",
        "Entscheidend war die Unterstützung durch den Bürgermeister und den Stadtrat.",
        "Heute nutzen mehr als zwanzig Städte der Region das Verfahren in angepasster Form.",
    ],
    "en": [
        "The city administration tested a new approach together with civil society.",
        "A working group of three departments developed the solution in less than a year.",
        "Residents were involved in the planning from the very beginning.",
        "With modest means the service in the outer districts improved markedly.",
        "Partner municipalities from three countries shared their experience in workshops.",
        "The results were documented in an open guide for other cities.",
        "A digital tool helps the works department record and repair damage faster.",
        "Funding comes from the municipal budget and a small project grant.",
        "The backing of the mayor and the city council was decisive.",
        "Today more than twenty cities in the region use the method in an adapted form.",
    ],
}

WORDS = {
    "practice": ("Gute Praxis", "Good practice"),
    "event": ("Veranstaltung", "Event"),
    "project": ("Projekt", "Project"),
    "news": ("Meldung", "News item"),
    "publication": ("Publikation", "Publication"),
    "heading_context": ("Ausgangslage", "Context"),
    "heading_steps": ("Die wichtigsten Schritte", "The main steps"),
    "figures": ("Zahlen und Fakten", "Facts and figures"),
    "residents": ("Einwohnerinnen und Einwohner erreicht", "residents reached"),
    "partners": ("beteiligte Partner", "partners involved"),
}


def sentences(rng, language, count):
    pool = SENTENCES[language]
    start = rng.randrange(len(pool))
    return " ".join(pool[(start + i) % len(pool)] for i in range(count))


def block_id(*parts):
    """A stable block id: the same page and block always get the same id in both languages."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "ccportal-bench/" + "/".join(map(str, parts))))
