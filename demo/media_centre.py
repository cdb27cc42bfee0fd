"""News, hints on external events, the newsletter and publications (seeds 000 and 003).

Publications keep their original (English) titles in both languages, as a German portal
would; their files are generated stand-ins, since the demo links to no unverified address.
"""

from datetime import date

from pages.models import NewsCategory, NewsPage, PublicationPage

from .base import (
    SECRETARIAT,
    PageSpec,
    Ref,
    T,
    call_to_action,
    contact,
    documents,
    heading,
    paragraph,
)


def _themes(*slugs):
    return [Ref("theme", slug) for slug in slugs]


def _sdgs(*numbers):
    return [Ref("sdg", f"sdg-{number}") for number in numbers]


def _regions(*slugs):
    return [Ref("region", slug) for slug in slugs]


def _p(de, en):
    return T(f"<p>{de}</p>", f"<p>{en}</p>")


def _news(key, **fields):
    fields.setdefault("hero_image", Ref("image", "news"))
    return PageSpec(key=key, model=NewsPage, parent="news", fields=fields)


def _past_issue(number, issue, day, contents):
    """An earlier newsletter issue: an example written for the demo, marked as one."""
    return _news(
        f"news-newsletter-{number}",
        title=T(
            f"Newsletter Connective Cities Nr. {number}, {issue.de} (Beispiel)",
            f"Connective Cities newsletter no. {number}, {issue.en} (example)",
        ),
        slug=T(f"newsletter-{number}", f"newsletter-{number}"),
        teaser=contents,
        date=day,
        category=NewsCategory.NEWSLETTER,
        body=[
            paragraph(
                T(
                    f"<p>In dieser Ausgabe: {contents.de}</p>"
                    "<p>Eine Beispielausgabe der Demo: der Inhalt ist zusammengefasst, nicht "
                    "das Original.</p>",
                    f"<p>In this issue: {contents.en}</p>"
                    "<p>An example issue of the demo: its contents are summarised, not the "
                    "original.</p>",
                )
            ),
        ],
    )


NEWS = [
    _news(
        "news-uclg-sdg-modules",
        title=T(
            "UCLG entwickelt SDG-Trainingsmodule für lokale und regionale Regierungen",
            "UCLG creates SDG training modules for local and regional governments",
        ),
        slug=T("uclg-sdg-trainingsmodule", "uclg-sdg-training-modules"),
        teaser=T(
            "Hilfe für lokale und regionale Regierungen, die SDGs mit ihren Entwicklungsplänen "
            "in Einklang zu bringen.",
            "Helping local and regional governments align the SDGs with local and regional "
            "development plans.",
        ),
        date=date(2017, 10, 16),
        category=NewsCategory.NEWS,
        themes=_themes("good-urban-governance"),
        sdgs=_sdgs(11, 17),
        body=[
            paragraph(
                _p(
                    "Der Weltverband der Städte und Gemeinden (UCLG) hat Trainingsmodule "
                    "veröffentlicht, mit denen lokale und regionale Regierungen die Ziele für "
                    "nachhaltige Entwicklung in ihre Planung übertragen können.",
                    "United Cities and Local Governments (UCLG) has published training modules "
                    "that help local and regional governments translate the Sustainable "
                    "Development Goals into their planning.",
                )
            ),
        ],
    ),
    _news(
        "news-paris-autonomous-shuttles",
        title=T(
            "Paris testet vollelektrische, autonome Shuttles",
            "Paris launches trial of fully electric, autonomous shuttles",
        ),
        slug=T("paris-autonome-shuttles", "paris-autonomous-shuttles"),
        teaser=T(
            "Die Pariser Verkehrsbehörde erprobt gemeinsam mit Keolis und Navya sechs Monate "
            "lang vollelektrische, autonome Shuttles.",
            "The authority controlling the public transport network in Paris, in partnership "
            "with Keolis and Navya, has launched a six-month trial of fully electric, autonomous "
            "shuttles.",
        ),
        date=date(2017, 7, 10),
        category=NewsCategory.NEWS,
        hero_image=Ref("image", "mobility"),
        regions=_regions("europe"),
        themes=_themes("urban-mobility"),
        sdgs=_sdgs(9, 11),
        body=[
            paragraph(
                _p(
                    "Die Behörde, die das öffentliche Verkehrsnetz in Paris steuert, hat "
                    "gemeinsam mit Keolis und Navya einen sechsmonatigen Versuch mit drei "
                    "vollelektrischen, autonomen Shuttles gestartet.",
                    "The authority controlling the public transport network in Paris, in "
                    "partnership with Keolis and Navya, has launched a six-month trial of three "
                    "fully electric, autonomous shuttles.",
                )
            ),
        ],
    ),
    _news(
        "news-newsletter-85",
        title=T(
            "Newsletter Connective Cities Nr. 85, 6-2025",
            "Connective Cities newsletter no. 85, 6-2025",
        ),
        slug=T("newsletter-85", "newsletter-85"),
        teaser=T(
            "Unser Newsletter informiert regelmäßig über Angebote und Aktivitäten von "
            "Connective Cities sowie über Neuigkeiten von unseren Partnern und aus dem Netzwerk.",
            "Our newsletter informs regularly about the offers and activities of Connective "
            "Cities as well as about the latest news from our partners and network.",
        ),
        date=date(2025, 6, 20),
        category=NewsCategory.NEWSLETTER,
        body=[
            paragraph(
                _p(
                    "In dieser Ausgabe: Teilnahmeaufrufe, Rückblicke auf unsere "
                    "Veranstaltungen und Neuigkeiten aus dem Netzwerk.",
                    "In this issue: calls for participants, reviews of our events and news from "
                    "the network.",
                )
            ),
            documents(
                T("Aktuelle Ausgabe", "Latest issue"),
                ("newsletter-85", T("Newsletter Nr. 85 (PDF)", "Newsletter no. 85 (PDF)")),
            ),
            heading(T("Kontakt zur Redaktion", "Contact the editors")),
            contact(
                T("Redaktion Newsletter", "Newsletter team"),
                institution=T("Connective Cities", "Connective Cities"),
                email="info@connective-cities.net",
            ),
        ],
    ),
    _past_issue(
        84,
        T("3-2025", "3-2025"),
        date(2025, 3, 20),
        T(
            "Teilnahmeaufrufe zur Hitze in den Städten und zur Digitalisierung der "
            "Abfallwirtschaft, ein Rückblick auf die Urban Labs und neue Gesichter im "
            "Expertenpool.",
            "Calls for participants on heat in cities and on digitalisation in waste "
            "management, a look back at the Urban Labs and new faces in the pool of experts.",
        ),
    ),
    _past_issue(
        83,
        T("12-2024", "12-2024"),
        date(2024, 12, 12),
        T(
            "Das Jahr im Rückblick: Dialogveranstaltungen in Westafrika und Südosteuropa, "
            "Projektideen aus dem Netzwerk und ein Ausblick auf 2025.",
            "The year in review: dialogue events in West Africa and Southeast Europe, project "
            "ideas from the network and an outlook on 2025.",
        ),
    ),
    _news(
        "news-urbanization-poverty-conference",
        title=T(
            "4. Forschungskonferenz zu Urbanisierung und Armutsbekämpfung",
            "4th Urbanization and Poverty Reduction Research Conference",
        ),
        slug=T(
            "forschungskonferenz-urbanisierung-armut", "urbanization-poverty-reduction-conference"
        ),
        teaser=T(
            "Städte für Wachstum bauen oder umbauen – Hinweis auf eine Veranstaltung.",
            "Building or Rebuilding Cities for Growth – a hint on an event.",
        ),
        date=date(2017, 8, 1),
        category=NewsCategory.EXTERNAL_EVENT,
        themes=_themes("integrated-urban-development"),
        sdgs=_sdgs(1, 11),
        body=[
            paragraph(
                _p(
                    "Die Konferenz steht unter dem Motto „Building or Rebuilding Cities for "
                    "Growth“ und fragt, wie Städte so geplant werden, dass Wachstum auch die "
                    "Armut verringert.",
                    "The conference, under the heading “Building or Rebuilding Cities for "
                    "Growth”, asks how cities can be planned so that growth also reduces "
                    "poverty.",
                )
            ),
        ],
    ),
    _news(
        "news-urban-farming-conference-2017",
        title=T(
            "Internationale Urban Farming Konferenz 2017",
            "International Urban Farming Conference 2017",
        ),
        slug=T("urban-farming-konferenz-2017", "urban-farming-conference-2017"),
        teaser=T(
            "Die GRÜNE LIGA Berlin veranstaltet am 11. und 12. September 2017 in den Räumen der "
            "Heinrich-Böll-Stiftung in Berlin eine internationale Urban Farming Konferenz.",
            "GRÜNE LIGA Berlin is holding an international urban farming conference at the "
            "Heinrich Böll Foundation in Berlin on 11 and 12 September 2017.",
        ),
        date=date(2017, 8, 21),
        category=NewsCategory.EXTERNAL_EVENT,
        hero_image=Ref("image", "green"),
        regions=_regions("europe"),
        themes=_themes("urban-farming"),
        sdgs=_sdgs(2, 11),
        body=[
            paragraph(
                _p(
                    "Die Konferenz bringt Initiativen, Verwaltung und Wissenschaft zusammen, um "
                    "über Lebensmittelanbau in der Stadt zu diskutieren.",
                    "The conference brings together initiatives, administrations and research "
                    "to discuss growing food in the city.",
                )
            ),
        ],
    ),
    _news(
        "news-affordable-housing-2025",
        title=T("Bezahlbarer und nachhaltiger Wohnraum", "Affordable and sustainable housing"),
        slug=T("bezahlbarer-nachhaltiger-wohnraum", "affordable-sustainable-housing"),
        teaser=T(
            "Wie Kommunen bezahlbaren Wohnraum schaffen und dabei Klima und Ressourcen schonen.",
            "How municipalities create affordable housing while protecting the climate and "
            "resources.",
        ),
        date=date(2025, 6, 20),
        category=NewsCategory.NEWS,
        hero_image=Ref("image", "neighbourhood"),
        themes=_themes("housing"),
        sdgs=_sdgs(11),
        body=[
            paragraph(
                _p(
                    "Steigende Mieten und der Bedarf an klimagerechtem Bauen stellen Kommunen "
                    "weltweit vor ähnliche Fragen. Im Netzwerk von Connective Cities tauschen "
                    "sich Fachleute über Bodenpolitik, kommunale Wohnungsunternehmen und "
                    "ressourcenschonendes Bauen aus.",
                    "Rising rents and the need for climate-friendly construction raise similar "
                    "questions for municipalities worldwide. In the Connective Cities network, "
                    "practitioners share experience on land policy, municipal housing companies "
                    "and resource-efficient construction.",
                )
            ),
            call_to_action(
                T("Gute Praxis", "Good practices"),
                T("Beispiele ansehen", "See examples"),
                page="practices",
            ),
        ],
    ),
    _news(
        "news-resilient-cities-2025",
        title=T(
            "Resiliente Städte in Zeiten multipler Krisen – Strategien für widerstandsfähige "
            "Kommunen",
            "Resilient cities in times of multiple crises – strategies for resilient "
            "municipalities",
        ),
        slug=T("resiliente-staedte-multiple-krisen", "resilient-cities-multiple-crises"),
        teaser=T(
            "Klimafolgen, Pandemien und wirtschaftliche Umbrüche: wie Kommunen sich auf "
            "mehrere Krisen zugleich vorbereiten.",
            "Climate impacts, pandemics and economic upheaval: how municipalities prepare for "
            "several crises at once.",
        ),
        date=date(2025, 6, 18),
        category=NewsCategory.NEWS,
        hero_image=Ref("image", "risk"),
        themes=_themes("urban-resilience"),
        sdgs=_sdgs(11, 13),
        body=[
            paragraph(
                _p(
                    "Resilienz ist mehr als Katastrophenschutz: Sie reicht von vorausschauender "
                    "Planung über robuste Infrastruktur bis zu starken Nachbarschaften.",
                    "Resilience is more than disaster management: it ranges from forward-looking "
                    "planning and robust infrastructure to strong neighbourhoods.",
                )
            ),
            SECRETARIAT,
        ],
    ),
]


def _publication(key, **fields):
    fields.setdefault("hero_image", Ref("image", "publications"))
    fields.setdefault("document", Ref("document", key.replace("pub-", "publication-")))
    fields.setdefault("external_url", "")
    return PageSpec(key=key, model=PublicationPage, parent="publications", fields=fields)


PUBLICATIONS = [
    _publication(
        "pub-trends-urban-resilience-2017",
        title=T("Trends in Urban Resilience 2017", "Trends in Urban Resilience 2017"),
        slug=T("trends-in-urban-resilience-2017", "trends-in-urban-resilience-2017"),
        subtitle=T(
            "Urbanisierung ist ein politischer, sozialer und ökologischer Prozess – nicht "
            "Zufall, sondern Entscheidung und Gestaltung.",
            "Urbanization is a political, social and environmental process that is not reached "
            "by chance but by choice and design.",
        ),
        teaser=T(
            "Wie das Konzept der urbanen Resilienz Eingang in die globalen Agenden gefunden hat "
            "und wie es in der Praxis der Städte umgesetzt wird.",
            "How the concept of urban resilience has entered the global agendas and how cities "
            "put it into practice.",
        ),
        year=2017,
        authors="Helene Fourniere, Esteban Leon, Dan Lewis (Coord.)",
        publisher=T("UN-Habitat", "UN-Habitat"),
        themes=_themes("urban-resilience", "climate-adaptation-heat"),
        sdgs=_sdgs(11, 13),
        body=[],
    ),
    _publication(
        "pub-east-asia-pacific-cities",
        title=T("East Asia and Pacific Cities", "East Asia and Pacific Cities"),
        slug=T("east-asia-and-pacific-cities", "east-asia-and-pacific-cities"),
        subtitle=T(
            "Expanding Opportunities for the Urban Poor",
            "Expanding Opportunities for the Urban Poor",
        ),
        teaser=T(
            "Wie Städte in Ostasien und im Pazifikraum die Chancen der Armen in der Stadt "
            "verbessern können.",
            "How cities in East Asia and the Pacific can expand opportunities for the urban poor.",
        ),
        year=2017,
        authors="Judy L. Baker, Gauri U. Gadgil",
        publisher=T("Weltbank", "World Bank"),
        regions=_regions("asia"),
        themes=_themes("housing", "integrated-urban-development"),
        sdgs=_sdgs(1, 11),
        body=[],
    ),
    _publication(
        "pub-africas-new-cities",
        title=T(
            "Africa's new cities: The contested future of urbanisation",
            "Africa's new cities: The contested future of urbanisation",
        ),
        slug=T("africas-new-cities", "africas-new-cities"),
        subtitle=T(
            "The complex landscape of new cities: Neoliberal urban restructuring",
            "The complex landscape of new cities: Neoliberal urban restructuring",
        ),
        teaser=T(
            "Neue Städte entstehen in vielen afrikanischen Ländern – der Beitrag untersucht, "
            "wem sie nützen und welche Konflikte sie auslösen.",
            "New cities are emerging in many African countries – the article examines whom they "
            "serve and which conflicts they cause.",
        ),
        year=2017,
        authors="Femke van Noorloos, Marjan Kloosterboer",
        regions=_regions("sub-saharan-africa"),
        themes=_themes("integrated-urban-development", "land-management"),
        sdgs=_sdgs(11),
        body=[],
    ),
    _publication(
        "pub-brics-cities",
        title=T("BRICS Cities", "BRICS Cities"),
        slug=T("brics-cities", "brics-cities"),
        subtitle=T("Facts and analysis 2016", "Facts and analysis 2016"),
        teaser=T(
            "Daten und Analysen zu den Städten der BRICS-Staaten Brasilien, Russland, Indien, "
            "China und Südafrika.",
            "Data and analysis on the cities of the BRICS countries Brazil, Russia, India, "
            "China and South Africa.",
        ),
        year=2017,
        regions=_regions("latin-america", "asia", "sub-saharan-africa"),
        themes=_themes("integrated-urban-development"),
        sdgs=_sdgs(11),
        body=[],
    ),
]


def page_specs():
    return [*NEWS, *PUBLICATIONS]
