"""The shared taxonomy and the partner organisations, in German (source) and English."""

from .base import T

# (slug, name)
REGIONS = [
    ("sub-saharan-africa", T("Subsahara-Afrika", "Sub-Saharan Africa")),
    ("middle-east-north-africa", T("Nahost und Nordafrika", "Middle East & North Africa")),
    ("southeast-europe-caucasus", T("Südosteuropa und Kaukasus", "Southeast Europe & Caucasus")),
    ("latin-america", T("Lateinamerika", "Latin America")),
    ("asia", T("Asien", "Asia")),
    ("europe", T("Europa", "Europe")),
]

# (ISO 3166-1 alpha-2 code, name, region slug); every country the content mentions, and more.
COUNTRIES = [
    # Europe (Germany included)
    ("de", T("Deutschland", "Germany"), "europe"),
    ("at", T("Österreich", "Austria"), "europe"),
    ("fr", T("Frankreich", "France"), "europe"),
    ("nl", T("Niederlande", "Netherlands"), "europe"),
    ("pl", T("Polen", "Poland"), "europe"),
    ("es", T("Spanien", "Spain"), "europe"),
    # Southeast Europe & Caucasus
    ("tr", T("Türkei", "Türkiye"), "southeast-europe-caucasus"),
    ("rs", T("Serbien", "Serbia"), "southeast-europe-caucasus"),
    ("ba", T("Bosnien und Herzegowina", "Bosnia and Herzegovina"), "southeast-europe-caucasus"),
    ("me", T("Montenegro", "Montenegro"), "southeast-europe-caucasus"),
    ("al", T("Albanien", "Albania"), "southeast-europe-caucasus"),
    ("mk", T("Nordmazedonien", "North Macedonia"), "southeast-europe-caucasus"),
    ("ge", T("Georgien", "Georgia"), "southeast-europe-caucasus"),
    ("am", T("Armenien", "Armenia"), "southeast-europe-caucasus"),
    ("ua", T("Ukraine", "Ukraine"), "southeast-europe-caucasus"),
    ("md", T("Republik Moldau", "Moldova"), "southeast-europe-caucasus"),
    # Middle East & North Africa
    ("jo", T("Jordanien", "Jordan"), "middle-east-north-africa"),
    ("lb", T("Libanon", "Lebanon"), "middle-east-north-africa"),
    ("eg", T("Ägypten", "Egypt"), "middle-east-north-africa"),
    ("tn", T("Tunesien", "Tunisia"), "middle-east-north-africa"),
    ("ma", T("Marokko", "Morocco"), "middle-east-north-africa"),
    ("iq", T("Irak", "Iraq"), "middle-east-north-africa"),
    # Sub-Saharan Africa
    ("za", T("Südafrika", "South Africa"), "sub-saharan-africa"),
    ("ng", T("Nigeria", "Nigeria"), "sub-saharan-africa"),
    ("gh", T("Ghana", "Ghana"), "sub-saharan-africa"),
    ("ke", T("Kenia", "Kenya"), "sub-saharan-africa"),
    ("rw", T("Ruanda", "Rwanda"), "sub-saharan-africa"),
    ("tz", T("Tansania", "Tanzania"), "sub-saharan-africa"),
    ("et", T("Äthiopien", "Ethiopia"), "sub-saharan-africa"),
    ("sn", T("Senegal", "Senegal"), "sub-saharan-africa"),
    ("mz", T("Mosambik", "Mozambique"), "sub-saharan-africa"),
    ("bj", T("Benin", "Benin"), "sub-saharan-africa"),
    # Latin America
    ("br", T("Brasilien", "Brazil"), "latin-america"),
    ("mx", T("Mexiko", "Mexico"), "latin-america"),
    ("ec", T("Ecuador", "Ecuador"), "latin-america"),
    ("co", T("Kolumbien", "Colombia"), "latin-america"),
    ("pe", T("Peru", "Peru"), "latin-america"),
    ("ar", T("Argentinien", "Argentina"), "latin-america"),
    # Asia
    ("th", T("Thailand", "Thailand"), "asia"),
    ("ph", T("Philippinen", "Philippines"), "asia"),
    ("vn", T("Vietnam", "Viet Nam"), "asia"),
    ("in", T("Indien", "India"), "asia"),
    ("id", T("Indonesien", "Indonesia"), "asia"),
    ("cn", T("China", "China"), "asia"),
    ("np", T("Nepal", "Nepal"), "asia"),
]

# (slug, name, focal theme slug or None); focal themes come before their topics.
THEMES = [
    (
        "good-urban-governance",
        T("Gute Regierungsführung in Kommunen", "Good urban governance"),
        None,
    ),
    (
        "integrated-urban-development",
        T("Integrierte Stadtentwicklung", "Integrated urban development"),
        None,
    ),
    (
        "local-economic-development",
        T("Lokale Wirtschaftsentwicklung", "Local economic development"),
        None,
    ),
    ("municipal-services", T("Kommunale Dienstleistungen", "Municipal services"), None),
    # Good urban governance
    (
        "digitalisation-smart-city",
        T("Digitalisierung und Smart City", "Digitalisation and smart city"),
        "good-urban-governance",
    ),
    (
        "crime-prevention",
        T("Gewalt- und Kriminalprävention", "Crime prevention"),
        "good-urban-governance",
    ),
    (
        "citizen-participation",
        T("Bürgerbeteiligung", "Citizen participation"),
        "good-urban-governance",
    ),
    ("municipal-finance", T("Kommunale Finanzen", "Municipal finance"), "good-urban-governance"),
    # Integrated urban development
    ("urban-mobility", T("Städtische Mobilität", "Urban mobility"), "integrated-urban-development"),
    (
        "climate-adaptation-heat",
        T("Klimaanpassung und Hitzeaktionsplanung", "Climate adaptation and heat action"),
        "integrated-urban-development",
    ),
    (
        "flood-management",
        T("Hochwasser- und Starkregenvorsorge", "Flood management"),
        "integrated-urban-development",
    ),
    (
        "urban-resilience",
        T("Resilienz und Risikovorsorge", "Urban resilience and risk reduction"),
        "integrated-urban-development",
    ),
    ("housing", T("Wohnen", "Housing"), "integrated-urban-development"),
    ("land-management", T("Flächenmanagement", "Land management"), "integrated-urban-development"),
    # Local economic development
    (
        "local-business-development",
        T("Lokale Wirtschaftsförderung", "Local business development"),
        "local-economic-development",
    ),
    ("urban-farming", T("Urbane Landwirtschaft", "Urban farming"), "local-economic-development"),
    # Municipal services
    (
        "waste-circular-economy",
        T("Abfall- und Kreislaufwirtschaft", "Waste management and circular economy"),
        "municipal-services",
    ),
    ("sanitation", T("Sanitärversorgung", "Sanitation"), "municipal-services"),
    ("energy-efficiency", T("Energieeffizienz", "Energy efficiency"), "municipal-services"),
]

# (number, name); slugs are sdg-<number>. German names as used by the Federal Government.
SDGS = [
    (1, T("Keine Armut", "No poverty")),
    (2, T("Kein Hunger", "Zero hunger")),
    (3, T("Gesundheit und Wohlergehen", "Good health and well-being")),
    (4, T("Hochwertige Bildung", "Quality education")),
    (5, T("Geschlechtergleichheit", "Gender equality")),
    (6, T("Sauberes Wasser und Sanitäreinrichtungen", "Clean water and sanitation")),
    (7, T("Bezahlbare und saubere Energie", "Affordable and clean energy")),
    (8, T("Menschenwürdige Arbeit und Wirtschaftswachstum", "Decent work and economic growth")),
    (9, T("Industrie, Innovation und Infrastruktur", "Industry, innovation and infrastructure")),
    (10, T("Weniger Ungleichheiten", "Reduced inequalities")),
    (11, T("Nachhaltige Städte und Gemeinden", "Sustainable cities and communities")),
    (12, T("Nachhaltiger Konsum und Produktion", "Responsible consumption and production")),
    (13, T("Maßnahmen zum Klimaschutz", "Climate action")),
    (14, T("Leben unter Wasser", "Life below water")),
    (15, T("Leben an Land", "Life on land")),
    (
        16,
        T(
            "Frieden, Gerechtigkeit und starke Institutionen",
            "Peace, justice and strong institutions",
        ),
    ),
    (17, T("Partnerschaften zur Erreichung der Ziele", "Partnerships for the goals")),
]

# Partner organisations: slug-like key, fields. The key is also the logo's image key.
PARTNERS = [
    (
        "dst",
        {
            "name": T("Deutscher Städtetag", "Association of German Cities (Deutscher Städtetag)"),
            "short_name": T("DST", "DST"),
            "role": "implementing",
            "description": T(
                "Der kommunale Spitzenverband der Städte in Deutschland bringt die Erfahrung "
                "deutscher Städte in den internationalen Austausch ein.",
                "The association of cities in Germany contributes the experience of German "
                "cities to the international exchange.",
            ),
            "website": "https://www.staedtetag.de/",
            "sort_order": 1,
        },
    ),
    (
        "giz",
        {
            "name": T(
                "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
                "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
            ),
            "short_name": T("GIZ", "GIZ"),
            "role": "implementing",
            "description": T(
                "Die GIZ unterstützt die Bundesregierung in der internationalen Zusammenarbeit "
                "für nachhaltige Entwicklung.",
                "GIZ supports the German Government in international cooperation for "
                "sustainable development.",
            ),
            "website": "https://www.giz.de/",
            "sort_order": 2,
        },
    ),
    (
        "skew",
        {
            "name": T(
                "Engagement Global – Servicestelle Kommunen in der Einen Welt (SKEW)",
                "Engagement Global – Service Agency Communities in One World (SKEW)",
            ),
            "short_name": T("SKEW", "SKEW"),
            "role": "implementing",
            "description": T(
                "Die Servicestelle berät und unterstützt Kommunen in Deutschland bei ihrem "
                "entwicklungspolitischen Engagement.",
                "The Service Agency advises and supports municipalities in Germany in their "
                "development engagement.",
            ),
            "website": "https://www.engagement-global.de/",
            "sort_order": 3,
        },
    ),
    (
        "bmz",
        {
            "name": T(
                "Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung (BMZ)",
                "German Federal Ministry for Economic Cooperation and Development (BMZ)",
            ),
            "short_name": T("BMZ", "BMZ"),
            "role": "funder",
            "description": T(
                "Connective Cities wird im Auftrag des BMZ umgesetzt.",
                "Connective Cities is implemented on behalf of the BMZ.",
            ),
            "website": "https://www.bmz.de/",
            "sort_order": 4,
        },
    ),
]
