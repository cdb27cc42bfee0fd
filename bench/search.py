"""Benchmark of the search: index rebuild throughput and latency of mixed faceted searches.

    .venv/bin/python bench/search.py                          # 10,000 practices, SQLite
    .venv/bin/python bench/search.py --practices 1000         # a tenth of the size
    .venv/bin/python bench/search.py --database-url postgres://postgres@127.0.0.1:5432/ccportal_bench_search
    .venv/bin/python bench/search.py --reuse --no-rebuild     # measure again, same site and index
    .venv/bin/python bench/search.py --scaling                # 1,000 and 10,000 practices, ratios

Builds a synthetic site with bench/seed.py's bulk builders (German sources, English translations
sharing their translation_key, a share of items in German only), with several hundred words of
text per page from a bilingual vocabulary tied to the item's themes and dates spread over ten
years. Then times `search.indexing.rebuild(DatabaseBackend())` and runs mixed searches through
`search.service.parse_query` and `search.service.run` (the whole service path, labels
included), each as a fresh request would (taxonomy names loaded anew). Results (JSON and
Markdown): bench/results/search-*.json, .md; see bench/README.md, "Search".

The database name (or SQLite file) gets the number of practices appended, e.g.
ccportal_bench_search_10000, so that each size can be kept and reused.
"""

import argparse
import datetime
import json
import os
import random
import re
import statistics
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path
from time import perf_counter, process_time

BENCH_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BENCH_DIR.parent
# Run as a script, this file's directory comes first on sys.path, and this module would shadow
# the project's `search` app: the project directory takes its place.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != BENCH_DIR]
sys.path.insert(0, str(PROJECT_DIR))

from bench import content  # noqa: E402 (after the path fix)
from bench.run import RESULTS_DIR, configure, machine_info, prepare_database  # noqa: E402

DEFAULT_URL = f"sqlite:///{RESULTS_DIR / 'search.sqlite3'}"
SCALING_SIZES = (1000, 10000)
LANGUAGES = ("de", "en")
TYPES = ("practice", "event", "project", "news", "publication")
# Target on the 2-core machine (issue 4): p95 under 100 ms at 10,000 practices.
TARGET_P95_MS = 100.0

# ---------------------------------------------------------------------------------------------
# Vocabulary: concepts in German and English ("forms|forms/forms|forms"), so that a page and its
# translation say the same thing word for word; inflected forms exercise the stemming.

EXTRA_TOPICS = [
    ("water-supply", "Wasserversorgung", "Water supply", "municipal-services"),
    ("green-spaces", "Stadtgrün", "Urban green spaces", "integrated-urban-development"),
    ("transparency", "Transparenz", "Transparency", "good-urban-governance"),
]
THEMES = [*content.THEMES, *EXTRA_TOPICS]  # 4 focal themes, 15 topics

THEME_WORDS = {
    "good-urban-governance": [
        "Regierungsführung/governance",
        "Stadtrat|Stadträte/council|councils",
        "Rechenschaft/accountability",
        "Satzung|Satzungen/bylaw|bylaws",
    ],
    "integrated-urban-development": [
        "Stadtentwicklung/urban development",
        "Quartier|Quartiere|Quartieren/neighbourhood|neighbourhoods",
        "Flächennutzung/land use",
        "Sanierung|Sanierungen/regeneration",
    ],
    "local-economic-development": [
        "Wirtschaft/economy|economies",
        "Beschäftigung/employment",
        "Markt|Märkte|Märkten/market|markets",
        "Einkommen/income|incomes",
    ],
    "municipal-services": [
        "Dienstleistung|Dienstleistungen/service|services",
        "Versorgung/provision",
        "Gebühr|Gebühren/fee|fees",
        "Betrieb|Betriebe/utility|utilities",
    ],
    "digitalisation": [
        "Digitalisierung/digitalisation|digitalization",
        "Plattform|Plattformen/platform|platforms",
        "Daten/data",
        "Software/software",
        "Onlinedienst|Onlinedienste/e-service|e-services",
        "Sensor|Sensoren/sensor|sensors",
    ],
    "citizen-participation": [
        "Beteiligung|Bürgerbeteiligung/participation",
        "Bürgerversammlung|Bürgerversammlungen/town hall meeting|town hall meetings",
        "Jugendrat|Jugendräte/youth council|youth councils",
        "Umfrage|Umfragen/survey|surveys",
        "Nachbarschaft|Nachbarschaften/community|communities",
    ],
    "municipal-finance": [
        "Haushalt|Haushalte|Haushalts/budget|budgets",
        "Steuer|Steuern/tax|taxes",
        "Grundsteuer/property tax",
        "Einnahme|Einnahmen/revenue|revenues",
        "Kredit|Kredite/loan|loans",
    ],
    "urban-mobility": [
        "Mobilität/mobility",
        "Bus|Busse|Bussen/bus|buses",
        "Radverkehr/cycling",
        "Radweg|Radwege/cycle lane|cycle lanes",
        "Verkehr|Verkehrs/traffic",
        "Haltestelle|Haltestellen/stop|stops",
        "Fußgänger|Fußgängerinnen/pedestrian|pedestrians",
    ],
    "climate-adaptation": [
        "Klimaanpassung/adaptation",
        "Hitze|Hitzewelle|Hitzewellen/heat|heatwave|heatwaves",
        "Dürre|Dürren/drought|droughts",
        "Klima|Klimas/climate",
        "Resilienz/resilience",
        "Beschattung/shading",
    ],
    "flood-management": [
        "Hochwasser|Hochwassers/flood|floods|flooding",
        "Überschwemmung|Überschwemmungen/inundation|inundations",
        "Deich|Deiche|Deichen/dike|dikes",
        "Starkregen/downpour|downpours",
        "Regenwasser/stormwater",
        "Frühwarnsystem|Frühwarnsysteme/warning system|warning systems",
        "Entwässerung/drainage",
    ],
    "housing": [
        "Wohnung|Wohnungen/dwelling|dwellings",
        "Wohnraum/housing",
        "Miete|Mieten/rent|rents",
        "Siedlung|Siedlungen/settlement|settlements",
        "Sozialwohnung|Sozialwohnungen/social housing",
    ],
    "local-business": [
        "Unternehmen/business|businesses",
        "Gründung|Gründungen/start-up|start-ups",
        "Handwerk/crafts",
        "Kleinbetrieb|Kleinbetriebe/small enterprise|small enterprises",
        "Tourismus/tourism",
    ],
    "urban-farming": [
        "Landwirtschaft/agriculture|farming",
        "Garten|Gärten|Gemeinschaftsgarten/garden|gardens",
        "Ernte|Ernten/harvest|harvests",
        "Lebensmittel/food",
        "Saatgut/seeds",
    ],
    "waste-management": [
        "Abfall|Abfälle|Abfalls/waste|wastes",
        "Müllabfuhr/refuse collection",
        "Recycling/recycling",
        "Deponie|Deponien/landfill|landfills",
        "Kompost|Kompostierung/compost|composting",
        "Wertstoff|Wertstoffe/recyclables",
        "Kreislaufwirtschaft/circular economy",
    ],
    "sanitation": [
        "Abwasser|Abwassers/wastewater|sewage",
        "Kläranlage|Kläranlagen/treatment plant|treatment plants",
        "Toilette|Toiletten/toilet|toilets",
        "Hygiene/hygiene",
        "Kanalisation/sewer|sewers",
    ],
    "energy-efficiency": [
        "Energie|Energien/energy",
        "Straßenbeleuchtung/street lighting",
        "Solaranlage|Solaranlagen/solar panel|solar panels",
        "Dämmung/insulation",
        "Stromverbrauch/electricity consumption",
        "Effizienz/efficiency",
    ],
    "water-supply": [
        "Trinkwasser/drinking water",
        "Wasserleitung|Wasserleitungen/water main|water mains",
        "Wasserzähler/water meter|water meters",
        "Brunnen/well|wells",
        "Wasserverlust|Wasserverluste/water loss|water losses",
    ],
    "green-spaces": [
        "Park|Parks/park|parks",
        "Baum|Bäume|Bäumen/tree|trees",
        "Grünfläche|Grünflächen/green space|green spaces",
        "Spielplatz|Spielplätze/playground|playgrounds",
        "Artenvielfalt/biodiversity",
    ],
    "transparency": [
        "Transparenz/transparency",
        "Korruption/corruption",
        "Vergabe|Vergaben/procurement",
        "Informationsfreiheit/freedom of information",
        "Offenlegung/disclosure",
    ],
}

GENERAL_WORDS = [
    "Stadt|Städte|Städten/city|cities",
    "Stadtverwaltung|Verwaltung/administration|administrations",
    "Bürgerin|Bürgerinnen|Bürger/resident|residents",
    "Projekt|Projekte|Projekts/project|projects",
    "Gemeinde|Gemeinden|Kommune|Kommunen/municipality|municipalities",
    "Planung|Planungen/planning",
    "Erfahrung|Erfahrungen/experience|experiences",
    "Partner|Partnern|Partnerstadt/partner|partners",
    "Lösung|Lösungen/solution|solutions",
    "Ansatz|Ansätze|Ansätzen/approach|approaches",
    "Strategie|Strategien/strategy|strategies",
    "Bürgermeister|Bürgermeisterin/mayor|mayors",
    "Workshop|Workshops/workshop|workshops",
    "Austausch|Austauschs/exchange|exchanges",
    "Region|Regionen/region|regions",
    "Umsetzung/implementation",
    "Ergebnis|Ergebnisse|Ergebnissen/result|results",
    "Finanzierung/funding",
    "Zivilgesellschaft/civil society",
    "Fachamt|Fachämter|Fachämtern/department|departments",
    "Leitfaden|Leitfäden/guide|guides",
    "Kosten/cost|costs",
    "Nachhaltigkeit|nachhaltig|nachhaltige/sustainability|sustainable",
    "Infrastruktur/infrastructure",
    "Bezirk|Bezirke|Bezirken/district|districts",
    "Jahr|Jahre|Jahren/year|years",
    "Zusammenarbeit/cooperation",
    "Netzwerk|Netzwerke/network|networks",
    "Schulung|Schulungen/training|trainings",
    "Wissen/knowledge",
    "Qualität/quality",
    "Pilotprojekt|Pilotprojekte/pilot|pilots",
    "Investition|Investitionen/investment|investments",
    "Frau|Frauen/woman|women",
    "Jugendliche|Jugendlichen/young people",
    "Schule|Schulen/school|schools",
    "Gesundheit/health",
    "Sicherheit/safety",
    "Armut/poverty",
    "Migration|Migranten/migration|migrants",
    "Kultur/culture",
    "Rathaus|Rathäuser/town hall|town halls",
    "Verfahren/procedure|procedures",
    "Ziel|Ziele|Zielen/goal|goals",
    "Herausforderung|Herausforderungen/challenge|challenges",
    "Maßnahme|Maßnahmen/measure|measures",
    "Konzept|Konzepte/concept|concepts",
    "Beratung/advice",
    "Wirkung|Wirkungen/impact|impacts",
    "Monitoring/monitoring",
    "Evaluierung/evaluation",
    "Unterstützung/support",
    "Entwicklung|Entwicklungen/development|developments",
    "Standard|Standards/standard|standards",
    "Vertrag|Verträge/contract|contracts",
    "Personal/staff",
    "Ausschuss|Ausschüsse/committee|committees",
    "Anwohner|Anwohnerinnen/neighbour|neighbours",
    "Stadtteil|Stadtteile/quarter|quarters",
    "Karte|Karten/map|maps",
    "Bericht|Berichte/report|reports",
    "Plan|Pläne|Plänen/plan|plans",
    "Budget|Budgets/allocation|allocations",
    "Innovation|Innovationen/innovation|innovations",
    "Dialog/dialogue",
    "Erfolg|Erfolge/success|successes",
    "Behörde|Behörden/authority|authorities",
    "Mitarbeiterin|Mitarbeiter/employee|employees",
    "Kampagne|Kampagnen/campaign|campaigns",
    "Studie|Studien/study|studies",
]

FUNCTION_WORDS = {
    "de": (
        "die der das und mit für in im von zu auf den dem bei als durch über nach eine ein "
        "einen unter sowie gemeinsam neue neuen mehr schnell deutlich"
    ),
    "en": (
        "the and with for in of to on by as through after a an under from together new "
        "more quickly markedly also"
    ),
}
FUNCTION_WORDS = {language: tuple(text.split()) for language, text in FUNCTION_WORDS.items()}


def _concepts(entries):
    """[(German forms, English forms)] from "de|de/en|en" strings."""
    found = []
    for entry in entries:
        german, english = entry.split("/")
        found.append((tuple(german.split("|")), tuple(english.split("|"))))
    return found


# Token shares of the synthetic text (the rest are function words): words of the item's own
# themes, of any theme, the general vocabulary and a long tail of rare words (names, technical
# terms). A search word then matches a realistic share of the documents: a theme's words about
# that theme's items (~10-20 %), the commonest general words most documents, the rarer ones a
# few percent; bench/README.md lists the measured shares.
SHARES = {"function": 0.28, "own theme": 0.22, "any theme": 0.02, "general": 0.16, "rare": 0.32}
RARE_WORDS = 3000
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _cumulative(weights):
    total, found = 0.0, []
    for weight in weights:
        total += weight
        found.append(total)
    return found


def _rare_words(count):
    """Pseudo-words of 3 or 4 syllables (same in both languages, like names); deterministic."""
    rng = random.Random(1234)
    found = set()
    while len(found) < count:
        found.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))))
    words = sorted(found)
    rng.shuffle(words)
    return words


class Vocabulary:
    def __init__(self):
        self.general = _concepts(GENERAL_WORDS)
        # Zipf: the first general words are much more frequent than the last.
        self.general_cum = _cumulative(1 / rank for rank in range(1, len(self.general) + 1))
        self.rare = _rare_words(RARE_WORDS)
        self.rare_cum = _cumulative(1 / rank for rank in range(1, len(self.rare) + 1))
        self.by_theme = {slug: _concepts(entries) for slug, entries in THEME_WORDS.items()}
        parents = {slug: parent for slug, _de, _en, parent in THEMES}
        # A focal theme speaks of its own words and of its topics'.
        for slug, parent in parents.items():
            if parent:
                self.by_theme[parent] = [*self.by_theme[parent], *self.by_theme[slug]]
        self.all_topics = [c for slug in THEME_WORDS for c in _concepts(THEME_WORDS[slug])]
        self.thresholds = _cumulative(SHARES.values())

    def query_words(self, language):
        """(topic words, general words) a visitor may type: single words, any form."""
        column = 0 if language == "de" else 1

        def single(concepts):
            return sorted({f for c in concepts for f in c[column] if " " not in f})

        return single(self.all_topics), single(self.general)


class Writer:
    """Text of one content item, the same words in German and English (a plan rendered twice)."""

    def __init__(self, vocabulary, rng, topics):
        self.vocabulary = vocabulary
        self.rng = rng
        self.topics = [c for slug in topics for c in vocabulary.by_theme.get(slug, [])]

    def sentence(self):
        rng, vocabulary = self.rng, self.vocabulary
        function, own, any_theme, general, _rare = vocabulary.thresholds
        tokens = []
        for _ in range(rng.randint(8, 16)):
            roll = rng.random()
            if roll < function:
                tokens.append(("f", rng.randrange(1000)))
            elif roll < own and self.topics:
                tokens.append(("c", rng.choice(self.topics), rng.randrange(1000)))
            elif roll < any_theme:
                tokens.append(("c", rng.choice(vocabulary.all_topics), rng.randrange(1000)))
            elif roll < general:
                concept = rng.choices(vocabulary.general, cum_weights=vocabulary.general_cum)[0]
                tokens.append(("c", concept, rng.randrange(1000)))
            else:
                word = rng.choices(vocabulary.rare, cum_weights=vocabulary.rare_cum)[0]
                tokens.append(("r", word))
        return tokens

    def paragraph(self, low, high):
        return [self.sentence() for _ in range(self.rng.randint(low, high))]


def render(paragraph, language):
    column = 0 if language == "de" else 1
    function_words = FUNCTION_WORDS[language]
    sentences = []
    for tokens in paragraph:
        words = []
        for token in tokens:
            if token[0] == "f":
                words.append(function_words[token[1] % len(function_words)])
            elif token[0] == "r":
                words.append(token[1])
            else:
                forms = token[1][column]
                words.append(forms[token[2] % len(forms)])
        text = " ".join(words)
        sentences.append(text[0].upper() + text[1:] + ".")
    return " ".join(sentences)


# ---------------------------------------------------------------------------------------------
# How the searchable site differs from the page benchmark's (bench/seed.py's Profile hooks)


def make_profile(random_seed, german_only):
    from bench import seed

    class SearchProfile(seed.Profile):
        """Searchable text, dates over ten years, some items only in German."""

        themes = THEMES
        source_only = german_only > 0

        def __init__(self):
            self.vocabulary = Vocabulary()
            self.plan_for = None
            self.plan = None
            self.theme_slugs = None
            self.pages = Counter()  # (type, language) -> pages written

        def languages(self, ctx, model, shared):
            if shared["featured"]:
                return seed.LANGUAGES
            rng = random.Random(f"{random_seed}:languages:{model.__name__}:{shared['index']}")
            return ("de",) if rng.random() < german_only else seed.LANGUAGES

        def customise(self, ctx, page, shared):
            kind = page.search_contribution.type
            plan = self._plan(ctx, kind, shared)
            language = "en" if page.locale_id == ctx.locales["en"].pk else "de"
            self.pages[kind, language] += 1
            published = plan["published"]
            page.first_published_at = page.last_published_at = published
            page.latest_revision_created_at = published
            page.teaser = render(plan["teaser"], language)
            page.body = [
                {
                    "type": "paragraph",
                    "value": f"<p>{render(paragraph, language)}</p>",
                    "id": content.block_id("search", kind, shared["index"], "body", n),
                }
                for n, paragraph in enumerate(plan["body"])
            ]
            for name, paragraph in plan["fields"].items():
                setattr(page, name, f"<p>{render(paragraph, language)}</p>")
            if kind == "publication":
                page.subtitle = render(plan["subtitle"], language)[:200]
                page.year = plan["date"].year
            elif kind == "event":
                length = page.end_date - page.start_date
                if page.call_deadline:
                    page.call_deadline = plan["date"] - (page.start_date - page.call_deadline)
                page.start_date, page.end_date = plan["date"], plan["date"] + length
            elif kind == "project":
                if page.period_end:
                    page.period_end = plan["date"] + (page.period_end - page.period_start)
                page.period_start = plan["date"]
            elif kind == "news":
                page.date = plan["date"]

        def _plan(self, ctx, kind, shared):
            """The item's text and dates, made once and rendered in each language."""
            key = (kind, shared["index"])
            if self.plan_for == key:
                return self.plan
            if self.theme_slugs is None:
                self.theme_slugs = {pk: THEMES[n][0] for n, pk in enumerate(ctx.terms["theme"])}
            rng = random.Random(f"{random_seed}:text:{kind}:{shared['index']}")
            writer = Writer(self.vocabulary, rng, [self.theme_slugs[pk] for pk in shared["themes"]])
            ten_years = 10 * 365
            published = ctx.now - datetime.timedelta(
                days=rng.randrange(ten_years), minutes=rng.randrange(24 * 60)
            )
            if kind == "event":
                date = ctx.today + datetime.timedelta(days=rng.randint(-8 * 365, 2 * 365))
            elif kind == "practice":
                date = published.date()
            else:
                date = ctx.today - datetime.timedelta(days=rng.randrange(ten_years))
            fields = {}
            if kind == "practice":
                from pages.models import GoodPracticePage

                fields = {name: writer.paragraph(2, 4) for name in GoodPracticePage.SECTIONS}
            elif kind == "project":
                fields = {"results": writer.paragraph(2, 3)}
            body_paragraphs = {"practice": 3, "event": 4}.get(kind, 3)
            self.plan_for = key
            self.plan = {
                "published": published,
                "date": date,
                "teaser": writer.paragraph(2, 2),
                "subtitle": writer.paragraph(1, 1),
                "body": [writer.paragraph(3, 5) for _ in range(body_paragraphs)],
                "fields": fields,
            }
            return self.plan

    return SearchProfile()


# ---------------------------------------------------------------------------------------------
# Arguments, database


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url",
        default=DEFAULT_URL,
        help="database of the benchmark; the number of practices is appended to its name "
        "(default: %(default)s -> search-10000.sqlite3). PostgreSQL databases are created when "
        "missing; an existing one is rebuilt only if it is a bench database.",
    )
    parser.add_argument(
        "--practices", type=int, default=10000, help="practices (German sources; default 10000)"
    )
    parser.add_argument("--events", type=int, help="events (default: practices / 5)")
    parser.add_argument(
        "--others",
        type=int,
        help="projects, news and publications, each (default: practices / 25)",
    )
    parser.add_argument(
        "--german-only",
        type=float,
        default=0.1,
        help="share of items without an English translation (default 0.1)",
    )
    parser.add_argument("--queries", type=int, default=200, help="timed searches (default 200)")
    parser.add_argument("--warmup", type=int, default=10, help="untimed searches first")
    parser.add_argument("--seed", type=int, default=42, help="random seed of the site")
    parser.add_argument("--query-seed", type=int, default=7, help="random seed of the searches")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the existing bench database of the same size instead of seeding it again",
    )
    parser.add_argument(
        "--no-rebuild",
        action="store_true",
        help="with --reuse: keep the search index built by an earlier run (no throughput figure)",
    )
    parser.add_argument(
        "--explain",
        type=int,
        default=3,
        metavar="N",
        help="plans of the N slowest SQL statements in the results (default 3; 0: none)",
    )
    parser.add_argument(
        "--scaling",
        action="store_true",
        help=f"run {' and '.join(map(str, SCALING_SIZES))} practices (one process each) and "
        "compare",
    )
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.no_rebuild and not args.reuse:
        parser.error("--no-rebuild needs --reuse")
    if args.queries < 1 or args.practices < 1:
        parser.error("--queries and --practices must be at least 1")
    if not 0 <= args.german_only < 1:
        parser.error("--german-only must be from 0 to below 1")
    args.sizes = sizes_for(args)
    return args


def sizes_for(args):
    practices = args.practices
    others = args.others if args.others is not None else max(1, practices // 25)
    return {
        "practices": practices,
        "events": args.events if args.events is not None else max(1, practices // 5),
        "projects": others,
        "news": others,
        "publications": others,
    }


def sized_url(url, practices):
    """The URL with `_N` (PostgreSQL) or `-N` (SQLite file) appended to the database name."""
    base, query_mark, query = url.partition("?")
    head, _, name = base.rpartition("/")
    if url.startswith("sqlite"):
        stem, dot, suffix = name.partition(".")
        name = f"{stem}-{practices}{dot}{suffix}"
    else:
        name = f"{name}_{practices}"
    return f"{head}/{name}{query_mark}{query}"


def setup(args):
    url = sized_url(args.database_url, args.practices)
    # The database backend answers: no Elasticsearch, whatever the environment says.
    os.environ["ELASTICSEARCH_URL"] = ""
    tag = prepare_database(url, args.reuse)
    configure(url, RESULTS_DIR / "media" / f"search-{tag}")
    return tag


# ---------------------------------------------------------------------------------------------
# Building the site


def build(args):
    from django.core.management import call_command
    from django.db import connection

    from bench import seed
    from bench.run import read_meta, write_meta

    profile_meta = {"random_seed": args.seed, "german_only": args.german_only, "version": 2}
    if args.reuse:
        meta = read_meta()
        if meta and meta.get("sizes") == args.sizes and meta.get("search") == profile_meta:
            print(">> Reusing the seeded bench database", flush=True)
            meta["reused"] = True
            return meta
        sys.exit("error: --reuse needs a search bench database of the same size and seed")

    print(">> Migrating the bench database", flush=True)
    started = perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    migrate_s = perf_counter() - started
    write_meta({"sizes": None})

    sizes = seed.Sizes(**args.sizes)
    print(f">> Seeding {sizes.as_dict()} (German sources)", flush=True)
    profile = make_profile(args.seed, args.german_only)
    report = seed.seed(sizes, random_seed=args.seed, profile=profile)
    vacuum_s = 0.0
    if connection.vendor == "postgresql":
        started = perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        vacuum_s = perf_counter() - started
    pages = {f"{kind}/{language}": n for (kind, language), n in sorted(profile.pages.items())}
    meta = {
        "sizes": args.sizes,
        "search": profile_meta,
        "seeded_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "pages": pages,
        "taxonomy": report["taxonomy"],
        "timings_s": {
            "migrate": round(migrate_s, 1),
            "seed": round(report["timings"]["total_s"], 1),
            "vacuum_analyze": round(vacuum_s, 1),
        },
        "index": None,
        "reused": False,
    }
    write_meta(meta)
    print(f"   seed: {report['timings']['total_s']:.1f} s; pages {pages}", flush=True)
    return meta


class QueryLog:
    """Every SQL statement run while active, with its time (connection.execute_wrapper)."""

    def __init__(self, keep=True):
        self.keep = keep
        self.statements = []  # (sql, params, seconds)
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        started = perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.count += 1
            if self.keep:
                self.statements.append((sql, params, perf_counter() - started))


def rebuild_index(meta):
    from django.db import connection

    from bench.run import write_meta
    from search import indexing
    from search.backends.database import DatabaseBackend
    from search.models import IndexEntry

    print(">> Rebuilding the search index (search.indexing.rebuild(DatabaseBackend()))")
    log = QueryLog(keep=False)
    done = [0]

    def progress(indexed):
        done[0] = indexed
        if sys.stdout.isatty():
            sys.stdout.write(f"\r   {indexed} documents ({perf_counter() - started:.0f} s)")
            sys.stdout.flush()

    started = perf_counter()
    with connection.execute_wrapper(log):
        indexed = indexing.rebuild(DatabaseBackend(), progress=progress)
    seconds = perf_counter() - started
    if sys.stdout.isatty():
        print()
    analyse_s = 0.0
    if connection.vendor == "postgresql":
        # What autovacuum does soon after a bulk change; the planner needs the statistics.
        started = perf_counter()
        with connection.cursor() as cursor:
            tables = [
                name
                for name in connection.introspection.table_names(cursor)
                if name.startswith("portal_search_")
            ]
            cursor.execute(f"VACUUM ANALYZE {', '.join(tables)}")
        analyse_s = perf_counter() - started
    per_language = Counter(IndexEntry.objects.values_list("language", flat=True).order_by())
    index = {
        "documents": indexed,
        "seconds": round(seconds, 2),
        "documents_per_s": round(indexed / seconds, 1),
        "queries": log.count,
        "queries_per_document": round(log.count / max(1, indexed), 2),
        "vacuum_analyze_s": round(analyse_s, 2),
        "per_language": dict(sorted(per_language.items())),
        "built_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
    }
    print(
        f"   {indexed} documents in {seconds:.1f} s: {indexed / seconds:.0f} documents/s, "
        f"{index['queries_per_document']} SQL queries per document",
        flush=True,
    )
    meta["index"] = index
    write_meta(meta)
    return index


def dataset(meta):
    """What the index holds, asked through the backend's interface (whatever its tables)."""
    from search.backends.database import DatabaseBackend
    from search.models import IndexEntry

    written = Counter()
    for (language, _type), n in DatabaseBackend().counts().items():
        written[language] += n
    # An empty search in a language covers every item once: its own pages and the fallbacks.
    shown = {language: one_search(language, {})[0].total for language in LANGUAGES}
    sample = list(IndexEntry.objects.order_by("id").values_list("body", "summary")[:400])
    words = [len((body + " " + summary).split()) for body, summary in sample]
    return {
        "pages": meta["pages"],
        "index_entries": sum(written.values()),
        "shown_per_language": shown,
        "fallbacks_per_language": {lang: shown[lang] - written[lang] for lang in shown},
        "words_per_document_sampled": round(statistics.mean(words)) if words else 0,
        "taxonomy": meta["taxonomy"],
    }


# ---------------------------------------------------------------------------------------------
# Searches


def make_queries(count, query_seed):
    """Mixed searches: 0-2 words in the search's language, 0-3 facets (sometimes two values in
    one), a quarter sorted by date, a fifth on page 2 or 3."""
    rng = random.Random(query_seed)
    vocabulary = Vocabulary()
    words = {language: vocabulary.query_words(language) for language in LANGUAGES}
    this_year = datetime.date.today().year
    themes = [slug for slug, *_ in THEMES]
    values = {
        "region": [slug for slug, *_ in content.REGIONS],
        "country": [code for code, *_ in content.COUNTRIES],
        "theme": themes,
        "type": list(TYPES),
        "year": [str(year) for year in range(this_year - 9, this_year + 1)],
    }
    queries = []
    for _ in range(count):
        language = rng.choice(LANGUAGES)
        topics, general = words[language]
        text = []
        for _word in range(rng.choices((0, 1, 2), weights=(30, 45, 25))[0]):
            word = rng.choice(topics if rng.random() < 0.6 else general)
            text.append(word.lower() if rng.random() < 0.3 else word)
        params = {"q": [" ".join(text)]} if text else {}
        facets = rng.sample(sorted(values), rng.choices((0, 1, 2, 3), weights=(25, 35, 25, 15))[0])
        for facet in facets:
            params[facet] = rng.sample(values[facet], 2 if rng.random() < 0.25 else 1)
        if rng.random() < 0.25:
            params["sort"] = ["date"]
        roll = rng.random()
        if roll < 0.2:
            params["page"] = ["2" if roll < 0.1 else "3"]
        queries.append((language, params))
    return queries


def describe(language, params):
    parts = [f"/{language}/"]
    for name, values in params.items():
        parts.append(f"{name}={','.join(values)}")
    return " ".join(parts)


def one_search(language, params):
    """Parse and run one search as a request would; (result or None, error status)."""
    from django.utils import translation

    from pages import taxonomy_labels
    from search import service

    taxonomy_labels.clear()  # a new request: taxonomy names are loaded again
    with translation.override(language):
        try:
            return service.run(service.parse_query(params, language)), None
        except service.InvalidParameter as error:
            return None, error.status


def measure(queries, warmup):
    from django.db import connection

    for language, params in warmup:
        one_search(language, params)
    # Timed pass: nothing but the clock around each search.
    rows = []
    for language, params in queries:
        wall, cpu = perf_counter(), process_time()
        result, status = one_search(language, params)
        wall, cpu = perf_counter() - wall, process_time() - cpu
        rows.append(
            {
                "language": language,
                "params": params,
                "ms": round(wall * 1000, 3),
                "cpu_ms": round(cpu * 1000, 3),
                "total": result.total if result else None,
                "status": status or 200,
            }
        )
    # Second pass, the same searches with every SQL statement recorded and timed.
    statements = []
    for row, (language, params) in zip(rows, queries, strict=True):
        log = QueryLog()
        with connection.execute_wrapper(log):
            one_search(language, params)
        row["sql_queries"] = log.count
        row["sql_ms"] = round(sum(s[2] for s in log.statements) * 1000, 3)
        kinds = classify(log.statements)
        row["sql_by_kind_ms"] = {}
        settings = []  # SET statements run before, in the same search (replayed by explain)
        for kind, (sql, sql_params, seconds) in zip(kinds, log.statements, strict=True):
            row["sql_by_kind_ms"][kind] = round(
                row["sql_by_kind_ms"].get(kind, 0) + seconds * 1000, 3
            )
            if SETTING.match(sql):
                settings.append(sql)
            statements.append(
                (seconds, kind, sql, sql_params, describe(language, params), tuple(settings))
            )
    return rows, statements


def classify(statements):
    """A name for each statement of one search, by its SQL (in the order the backend runs them;
    the names cover the SQL-counting and the in-memory-bitmap designs of the backend)."""
    kinds = []
    facet_groups = 0
    for sql, _params, _seconds in statements:
        text = "MATCH" in sql or "@@" in sql
        if SETTING.match(sql):
            kinds.append("session setting")
        elif re.match(r"\s*(BEGIN|COMMIT|SAVEPOINT|RELEASE|ROLLBACK)\b", sql, re.IGNORECASE):
            kinds.append("transaction control")
        elif "portal_search_indexversion" in sql:
            kinds.append("index version")
        elif "portal_search_indexfacet" in sql and "GROUP BY" in sql:
            kinds.append(
                "facet counts, unselected" if facet_groups == 0 else "facet counts, one selected"
            )
            facet_groups += 1
        elif "portal_search_indexentry" in sql and "COUNT(*)" in sql:
            kinds.append("total")
        elif ("bm25(" in sql or "ts_rank" in sql) and "LIMIT" in sql:
            kinds.append("hits, ranked")
        elif text:
            kinds.append("text match")
        elif "portal_search_indexentry" in sql and "ORDER BY" in sql and "LIMIT" in sql:
            kinds.append("hits, by date")
        elif "portal_search_indexentry" in sql and " WHERE " in sql:
            kinds.append("hits, rows")
        elif "portal_search_indexentry" in sql:
            kinds.append("index load")
        elif re.search(r"\bpages_\w+", sql):
            kinds.append("taxonomy labels")
        else:
            kinds.append("other")
    return kinds


def percentile(values, pct):
    """Nearest-rank percentile (as bench/measure.py)."""
    ordered = sorted(values)
    rank = max(1, -(-pct * len(ordered) // 100))
    return ordered[int(rank) - 1]


def stats(values):
    if not values:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "n": len(values),
        "p50_ms": round(statistics.median(values), 1),
        "p95_ms": round(percentile(values, 95), 1),
        "max_ms": round(max(values), 1),
    }


def breakdown(rows):
    groups = defaultdict(list)
    for row in rows:
        params = row["params"]
        words = len(params.get("q", [""])[0].split())
        facets = sum(1 for name in params if name not in ("q", "sort", "page"))
        groups[f"{words} word{'s' if words != 1 else ''}"].append(row["ms"])
        groups[f"{facets} facet{'s' if facets != 1 else ''} selected"].append(row["ms"])
        sort = "date" if params.get("sort") == ["date"] else "relevance"
        groups[f"sort by {sort}{' (with words)' if words and sort == 'relevance' else ''}"].append(
            row["ms"]
        )
        groups[f"language {row['language']}"].append(row["ms"])
        if "page" in params:
            groups["page 2 or 3"].append(row["ms"])
    return {name: stats(values) for name, values in sorted(groups.items())}


def sql_summary(rows, statements):
    per_kind = defaultdict(list)
    for seconds, kind, *_ in statements:
        per_kind[kind].append(seconds * 1000)
    total = sum(sum(v) for v in per_kind.values()) or 1
    return {
        kind: {
            "statements": len(values),
            "share": round(sum(values) / total, 3),
            "p50_ms": round(statistics.median(values), 2),
            "p95_ms": round(percentile(values, 95), 2),
            "max_ms": round(max(values), 2),
        }
        for kind, values in sorted(per_kind.items(), key=lambda item: -sum(item[1]))
    }


SETTING = re.compile(r"\s*SET\s", re.IGNORECASE)
QUERY = re.compile(r"\s*(SELECT|WITH)\s", re.IGNORECASE)


def explain(statements, count):
    """Plans of the slowest queries (one per kind), run with the settings the search used."""
    from django.db import connection, transaction

    chosen, seen = [], set()
    for item in sorted(statements, key=lambda s: -s[0]):
        if QUERY.match(item[2]) and item[1] not in seen:
            chosen.append(item)
            seen.add(item[1])
        if len(chosen) >= count:
            break
    plans = []
    for seconds, kind, sql, params, search, settings in chosen:
        # In a transaction rolled back afterwards: SET LOCAL ends with it.
        with transaction.atomic(), connection.cursor() as cursor:
            for setting in settings:
                cursor.execute(setting)
            if connection.vendor == "sqlite":
                cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
                plan = [f"{row[0]}<-{row[1]} {row[3]}" for row in cursor.fetchall()]
            else:
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                plan = [row[0] for row in cursor.fetchall()]
            transaction.set_rollback(True)
        plans.append(
            {
                "kind": kind,
                "ms": round(seconds * 1000, 2),
                "search": search,
                "settings": list(settings),
                "sql": sql,
                "params": [str(p) for p in params or ()],
                "plan": plan,
            }
        )
    return plans


# ---------------------------------------------------------------------------------------------
# Reporting


def summarise(rows):
    times = [row["ms"] for row in rows]
    queries = [row["sql_queries"] for row in rows]
    return {
        **stats(times),
        "mean_ms": round(statistics.mean(times), 1),
        "cpu_p50_ms": round(statistics.median(row["cpu_ms"] for row in rows), 1),
        "sql_ms_p50": round(statistics.median(row["sql_ms"] for row in rows), 1),
        "sql_queries_max": max(queries),
        "sql_queries_min": min(queries),
        "past_end_404": sum(1 for row in rows if row["status"] == 404),
        "other_errors": sum(1 for row in rows if row["status"] not in (200, 404)),
        "zero_hits": sum(1 for row in rows if row["total"] == 0),
        "median_total_hits": statistics.median(row["total"] or 0 for row in rows),
    }


def markdown(report):
    machine, data, summary = report["machine"], report["dataset"], report["summary"]
    sizes = report["sizes"]
    index = report["index"]
    lines = [
        f"# Search benchmark, {machine['db_version']}, {sizes['practices']} practices",
        "",
        f"- Run: {report['generated_at']}, `{report['command']}`",
        f"- Code: commit {machine['code']['commit']}"
        + (
            f", with uncommitted changes to {', '.join(machine['code']['changed'])}"
            if machine["code"]["changed"]
            else ""
        ),
        f"- Machine: {machine['nproc']} CPU ({machine['cpu']}), {machine['memory']}, "
        f"Python {machine['python']}, Django {machine['django']}, Wagtail {machine['wagtail']}; "
        f"load average before {report['load_average']['before']}, after "
        f"{report['load_average']['after']}",
        f"- Database: {machine['db_version']}, {machine['db_size_mb']} MB",
        f"- Site (German sources; {report['german_only']:.0%} of items without an English "
        f"translation): {sizes['practices']} practices, {sizes['events']} events, "
        f"{sizes['projects']} projects, {sizes['news']} news, {sizes['publications']} "
        f"publications; pages {data['pages']}",
        f"- Index: {data['index_entries']} entries; shown per language "
        f"{data['shown_per_language']} (of which fallbacks in the source language "
        f"{data['fallbacks_per_language']}); ~{data['words_per_document_sampled']} words per "
        "document (summary + body, sampled)",
        "",
        "| Measure | Value |",
        "|---|--:|",
    ]
    if index and not report.get("index_reused"):
        lines.append(
            f"| Index rebuild | {index['documents']} documents in {index['seconds']} s: "
            f"**{index['documents_per_s']:.0f} documents/s** ({index['queries_per_document']} "
            "SQL queries per document) |"
        )
    else:
        lines.append("| Index rebuild | not measured (--no-rebuild) |")
    lines += [
        f"| Searches | {summary['n']} timed after {report['warmup']} warm-up, query seed "
        f"{report['query_seed']} |",
        f"| p50 | **{summary['p50_ms']} ms** |",
        f"| p95 | **{summary['p95_ms']} ms** (target ≤ {TARGET_P95_MS:.0f} ms) |",
        f"| max | {summary['max_ms']} ms |",
        f"| mean | {summary['mean_ms']} ms |",
        f"| CPU time p50 (this process) | {summary['cpu_p50_ms']} ms |",
        f"| Time in SQL p50 | {summary['sql_ms_p50']} ms |",
        f"| SQL queries per search | max **{summary['sql_queries_max']}** (min "
        f"{summary['sql_queries_min']}) |",
        f"| Hits per search (median) | {summary['median_total_hits']} "
        f"({summary['zero_hits']} searches with none) |",
        f"| Page past the end (404) | {summary['past_end_404']} |",
        f"| First search of a fresh process (empty, /de/) | {summary['first_search_ms']} ms |",
        f"| Facet bitmaps held in memory (per process) | "
        f"{_fmt_mb(summary.get('bitmap_memory_mb'))} |",
        "",
        "## By kind of search",
        "",
        "| Searches | n | p50 ms | p95 ms | max ms |",
        "|---|--:|--:|--:|--:|",
    ]
    for name, item in report["breakdown"].items():
        lines.append(
            f"| {name} | {item['n']} | {item['p50_ms']} | {item['p95_ms']} | {item['max_ms']} |"
        )
    lines += [
        "",
        "## Where the SQL time goes (second pass, every statement timed)",
        "",
        "Time in `cursor.execute`. PostgreSQL sends every row by then; SQLite computes rows as "
        "they are fetched, so its statements that return many rows are undercounted here (the "
        "CPU time above includes SQLite's work).",
        "",
        "| Statement | Count | Share of SQL time | p50 ms | p95 ms | max ms |",
        "|---|--:|--:|--:|--:|--:|",
    ]
    for kind, item in report["sql"].items():
        lines.append(
            f"| {kind} | {item['statements']} | {item['share']:.0%} | {item['p50_ms']} | "
            f"{item['p95_ms']} | {item['max_ms']} |"
        )
    lines += ["", "## Slowest searches", ""]
    for row in sorted(report["searches"], key=lambda r: -r["ms"])[:8]:
        kinds = ", ".join(
            f"{k} {v:.1f}"
            for k, v in sorted(row["sql_by_kind_ms"].items(), key=lambda item: -item[1])[:3]
        )
        lines.append(
            f"- {row['ms']:.1f} ms, {row['total']} hits: `{describe(row['language'], row['params'])}`"
            f" (SQL ms: {kinds})"
        )
    if report["plans"]:
        lines += ["", "## Plans of the slowest statements", ""]
        for plan in report["plans"]:
            lines += [
                f"### {plan['kind']}: {plan['ms']} ms (`{plan['search']}`)",
                "",
                "```sql",
                *(f"{setting};" for setting in plan.get("settings", ())),
                plan["sql"],
                f"-- params: {plan['params']}",
                "```",
                "",
                "```",
                *plan["plan"],
                "```",
                "",
            ]
    return "\n".join(lines) + "\n"


def _fmt_mb(value):
    return "–" if value is None else f"{value} MB"


def write_results(report, output=None):
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    # e.g. search-sqlite-search-10000, search-postgresql-ccportal_bench_search_10000
    name = f"search-{report['database']}"
    text = json.dumps(report, indent=2, default=str)
    md = markdown(report)
    paths = [RESULTS_DIR / f"{name}-{stamp}", RESULTS_DIR / f"{name}-latest"]
    for path in paths:
        path.with_suffix(".json").write_text(text)
        path.with_suffix(".md").write_text(md)
    if output:
        output.write_text(text)
    print(f">> Wrote {paths[1]}.json/.md and {paths[0].name}.json/.md")


def bitmap_memory_mb():
    """Memory that one load of the backend's in-memory facet bitmaps holds (search.bitmaps,
    traced with tracemalloc), or None when the backend keeps none."""
    import tracemalloc

    try:
        from search import bitmaps
    except ImportError:
        return None
    tracemalloc.start()
    try:
        loaded = bitmaps.load(None)
        size = tracemalloc.get_traced_memory()[0]
    except (AttributeError, TypeError):
        return None
    finally:
        tracemalloc.stop()
    del loaded
    return round(size / 2**20, 1)


def run_one(args, argv):
    started = perf_counter()
    database = setup(args)
    meta = build(args)
    index_reused = False
    if args.no_rebuild and meta.get("index"):
        print(">> Keeping the search index of the earlier run", flush=True)
        index = meta["index"]
        index_reused = True
    else:
        index = rebuild_index(meta)
    # The first search of a fresh process: caches empty (compiled queries, taxonomy names,
    # anything the backend keeps in memory).
    first_started = perf_counter()
    one_search("de", {})
    first_ms = round((perf_counter() - first_started) * 1000, 1)
    memory_mb = bitmap_memory_mb()
    data = dataset(meta)
    print(
        f"   index: {data['shown_per_language']} shown per language; first search of the "
        f"process {first_ms} ms",
        flush=True,
    )

    queries = make_queries(args.queries, args.query_seed)
    warmup = make_queries(args.warmup, args.query_seed + 1000)
    print(f">> {len(queries)} searches after {len(warmup)} warm-up searches", flush=True)
    load_before = os.getloadavg()
    rows, statements = measure(queries, warmup)
    load_after = os.getloadavg()
    report = {
        "generated_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["bench/search.py", *argv]),
        "database": database,
        "machine": machine_info(),
        "sizes": args.sizes,
        "german_only": args.german_only,
        "seed": meta,
        "dataset": data,
        "index": index,
        "index_reused": index_reused,
        "warmup": args.warmup,
        "query_seed": args.query_seed,
        "load_average": {
            "before": [round(x, 2) for x in load_before],
            "after": [round(x, 2) for x in load_after],
        },
        "summary": {
            **summarise(rows),
            "first_search_ms": first_ms,
            "bitmap_memory_mb": memory_mb,
        },
        "breakdown": breakdown(rows),
        "sql": sql_summary(rows, statements),
        "plans": explain(statements, args.explain) if args.explain else [],
        "searches": rows,
    }
    report["wall_time_s"] = round(perf_counter() - started, 1)
    write_results(report, args.output)
    print()
    print(markdown(report).split("\n## Slowest")[0])
    print(f"Total wall time: {report['wall_time_s']} s")
    return report


# ---------------------------------------------------------------------------------------------
# Scaling: one process per size (Django is set up once per process)


def run_scaling(args, argv):
    passed = strip_args(argv, ("--scaling",), ("--practices", "--output"))
    reports = []
    for practices in SCALING_SIZES:
        output = RESULTS_DIR / f"search-scaling-{practices}.tmp.json"
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            *passed,
            "--practices",
            str(practices),
            "--output",
            str(output),
        ]
        print(f">> {' '.join(command[1:])}", flush=True)
        # Our own script with our own arguments.
        completed = subprocess.run(command, check=False)  # noqa: S603
        if completed.returncode:
            sys.exit(completed.returncode)
        reports.append(json.loads(output.read_text()))
        output.unlink()
    small, large = reports[0], reports[-1]
    rows = []
    for report in reports:
        summary = report["summary"]
        index = report["index"] or {}
        rows.append(
            {
                "practices": report["sizes"]["practices"],
                "documents": report["dataset"]["index_entries"],
                "p50_ms": summary["p50_ms"],
                "p95_ms": summary["p95_ms"],
                "max_ms": summary["max_ms"],
                "sql_queries_max": summary["sql_queries_max"],
                "documents_per_s": index.get("documents_per_s"),
            }
        )
    growth = rows[-1]["documents"] / rows[0]["documents"]
    ratios = {
        key: round(large["summary"][key] / small["summary"][key], 2) for key in ("p50_ms", "p95_ms")
    }
    scaling = {
        "generated_at": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join(["bench/search.py", *argv]),
        "db": large["machine"]["db_version"],
        "rows": rows,
        "growth": round(growth, 2),
        "ratios": ratios,
        "linear_or_better": all(r <= growth for r in ratios.values()),
        "p95_target_met": large["summary"]["p95_ms"] <= TARGET_P95_MS,
    }
    lines = [
        f"## Scaling, {scaling['db']}",
        "",
        "| Practices | Index entries | p50 ms | p95 ms | max ms | SQL queries (max) | Rebuild docs/s |",
        "|--:|--:|--:|--:|--:|--:|--:|",
        *(
            f"| {r['practices']} | {r['documents']} | {r['p50_ms']} | {r['p95_ms']} | "
            f"{r['max_ms']} | {r['sql_queries_max']} | {r['documents_per_s'] or '–'} |"
            for r in rows
        ),
        f"| ratio | {growth:.1f}× | {ratios['p50_ms']}× | {ratios['p95_ms']}× | | | |",
        "",
        f"Linear or better (ratio ≤ {growth:.1f}): {'yes' if scaling['linear_or_better'] else 'NO'};"
        f" p95 ≤ {TARGET_P95_MS:.0f} ms at {rows[-1]['practices']}: "
        f"{'yes' if scaling['p95_target_met'] else 'NO'}.",
    ]
    text = "\n".join(lines) + "\n"
    name = f"search-scaling-{small['database']}-{large['sizes']['practices']}"
    (RESULTS_DIR / f"{name}.json").write_text(json.dumps(scaling, indent=2))
    (RESULTS_DIR / f"{name}.md").write_text(text)
    print()
    print(text)
    return 0 if scaling["linear_or_better"] else 1


def strip_args(argv, flags, options):
    """`argv` without the given flags and options (with their values)."""
    kept, skip = [], False
    for item in argv:
        if skip:
            skip = False
            continue
        name = item.split("=", 1)[0]
        if name in flags:
            continue
        if name in options:
            skip = "=" not in item
            continue
        kept.append(item)
    return kept


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if args.scaling:
        return run_scaling(args, argv)
    run_one(args, argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
