"""The home page, the five section pages and the standard pages (seeds 000 to 004)."""

from pages.models import (
    EventIndexPage,
    GoodPracticeIndexPage,
    HomePage,
    NewsIndexPage,
    PublicationIndexPage,
    StandardPage,
    SupportedProjectIndexPage,
)

from .base import (
    SECRETARIAT,
    PageSpec,
    Ref,
    T,
    accordion,
    call_to_action,
    documents,
    gallery,
    heading,
    image,
    key_figures,
    paragraph,
    quote,
    related_pages,
)


def home():
    return PageSpec(
        key="home",
        model=HomePage,
        parent=None,
        fields={
            "title": T("Connective Cities", "Connective Cities"),
            "slug": T("startseite", "home"),
            "teaser": T(
                "Internationale Städteplattform für nachhaltige Entwicklung: kommunale "
                "Fachleute lernen voneinander und entwickeln gemeinsam Projekte für "
                "zukunftsfähige Städte.",
                "International cities platform for sustainable development: municipal "
                "practitioners learn from one another and develop projects for liveable cities "
                "together.",
            ),
            "hero_image": Ref("image", "home"),
            "body": [
                heading(T("Mission Statement", "Mission statement")),
                paragraph(
                    T(
                        "<p>Als internationale Plattform setzen wir uns dafür ein, Städte "
                        "weltweit lebenswerter, zukunftssicherer und nachhaltiger zu gestalten.</p>"
                        "<p>Durch Austausch und gegenseitiges Lernen entwickeln kommunale "
                        "Fachleute Projekte für zukunftsfähige Städte, die im Einklang mit der "
                        "Agenda 2030 der Vereinten Nationen stehen.</p>",
                        "<p>As an international platform, we work to make cities worldwide more "
                        "liveable, future-proof and sustainable.</p>"
                        "<p>Through exchange and mutual learning, municipal practitioners develop "
                        "projects for liveable cities in line with the United Nations 2030 "
                        "Agenda.</p>",
                    )
                ),
                heading(T("Ausgangssituation", "Starting point")),
                paragraph(
                    T(
                        "<p>Angesichts von Bevölkerungswachstum, Urbanisierung und Klimawandel "
                        "sind Kommunen entscheidend für eine inklusive, widerstandsfähige und "
                        "umweltfreundliche Entwicklung. Sie fördern wirtschaftlichen Fortschritt "
                        "und gesellschaftliche Innovationen, die für die Zukunftsgestaltung "
                        "zentral sind.</p>"
                        "<p>Viele Städte und Gemeinden stehen jedoch vor Herausforderungen, die "
                        "sie allein nicht bewältigen können. Innovative Lösungen für "
                        "zukunftsfähige Städte existieren, doch fehlt oft der systematische "
                        "Zugang zu bewährten Praktiken und Handlungsträgern wie Fach- und "
                        "Führungskräften der Stadtverwaltungen, der Privatwirtschaft und der "
                        "Zivilgesellschaft.</p>",
                        "<p>In the face of population growth, urbanisation and climate change, "
                        "municipalities are key to inclusive, resilient and environmentally "
                        "friendly development. They drive economic progress and social "
                        "innovation, both central to shaping the future.</p>"
                        "<p>Yet many cities and towns face challenges they cannot master on their "
                        "own. Innovative solutions for liveable cities exist, but systematic "
                        "access to proven practices and to the people behind them – experts and "
                        "managers in city administrations, the private sector and civil society "
                        "– is often missing.</p>",
                    )
                ),
                heading(T("Vorgehensweise", "Our approach")),
                paragraph(
                    T(
                        "<p>Wir reagieren auf die individuellen Anforderungen und Bedürfnisse der "
                        "Kommunen, indem wir eine innovative Herangehensweise an die "
                        "Stadtentwicklung fördern. Durch Lern- und Austauschformate mobilisieren "
                        "wir sowohl deutsches als auch internationales Fachwissen, um gemeinsam "
                        "mit kollegialer Beratung lokale Lösungen für städtische "
                        "Herausforderungen zu entwickeln.</p>"
                        "<p>Zu diesen Lösungen gehören beispielsweise ein funktionierendes "
                        "Flutmanagement bei Starkregen, die ökologische Abfallwirtschaft sowie "
                        "Maßnahmen zur Klimaanpassung, wie die Entwicklung von "
                        "Hitze-Aktions-Plänen für Städte.</p>",
                        "<p>We respond to the individual requirements and needs of municipalities "
                        "by promoting an innovative approach to urban development. Through "
                        "learning and exchange formats we mobilise German and international "
                        "expertise to develop local solutions to urban challenges together, "
                        "with peer advice.</p>"
                        "<p>Such solutions include effective flood management during heavy "
                        "rainfall, ecological waste management and climate adaptation measures "
                        "such as heat action plans for cities.</p>",
                    )
                ),
                heading(T("Zielgruppe", "Who we work with")),
                paragraph(
                    T(
                        "<p>Connective Cities kooperiert weltweit mit kommunalen Praktikerinnen "
                        "und Praktikern sowie deren Verbänden und Netzwerken. Neben Deutschland "
                        "liegt ein besonderer Schwerpunkt auf den Regionen Sub-Sahara Afrika, "
                        "Nahost und Nordafrika sowie Südosteuropa und Kaukasus. Darüber hinaus "
                        "ist das Vorhaben auch in Lateinamerika und Asien aktiv.</p>",
                        "<p>Connective Cities works with municipal practitioners worldwide and "
                        "with their associations and networks. Besides Germany, the focus is on "
                        "Sub-Saharan Africa, the Middle East and North Africa, and Southeast "
                        "Europe and the Caucasus. The project is also active in Latin America "
                        "and Asia.</p>",
                    )
                ),
                heading(T("Projektstruktur", "Project structure")),
                paragraph(
                    T(
                        "<p>Connective Cities wird seit 2013 als Kooperationsprojekt zwischen der "
                        "Servicestelle Kommunen in der Einen Welt (SKEW) von Engagement Global "
                        "(EG), dem Deutschen Städtetag (DST) und der Deutschen Gesellschaft für "
                        "Internationale Zusammenarbeit (GIZ) umgesetzt. Das Projekt wird im "
                        "Auftrag des Bundesministeriums für wirtschaftliche Zusammenarbeit und "
                        "Entwicklung (BMZ) umgesetzt.</p>",
                        "<p>Since 2013, Connective Cities has been implemented as a joint project "
                        "of Engagement Global's Service Agency Communities in One World (SKEW), "
                        "the Association of German Cities (DST) and the Deutsche Gesellschaft "
                        "für Internationale Zusammenarbeit (GIZ). The project is commissioned by "
                        "the German Federal Ministry for Economic Cooperation and Development "
                        "(BMZ).</p>",
                    )
                ),
                call_to_action(
                    T("Partner und Projektstruktur", "Partners and project structure"),
                    T("Weiterlesen", "Read more"),
                    text=T(
                        "Wer hinter Connective Cities steht und wie das Projekt gesteuert wird.",
                        "Who is behind Connective Cities and how the project is steered.",
                    ),
                    page="partners",
                ),
                documents(
                    T("Unser Flyer und unsere Postkarte", "Our flyer and postcard"),
                    (
                        "flyer",
                        T(
                            "Flyer: Auftrag, Ziele, Ansatz, Themen, Handlungsfelder und Wirkungen",
                            "Flyer: mandate, objectives, approach, themes, fields of action and "
                            "impact",
                        ),
                    ),
                    ("postcard", T("Postkarte", "Postcard")),
                ),
            ],
        },
    )


def _section(key, model, title, slug, teaser, intro, image_key):
    return PageSpec(
        key=key,
        model=model,
        parent="home",
        fields={
            "title": title,
            "slug": slug,
            "show_in_menus": True,  # the main menu and the home page's "Explore the portal"
            "teaser": teaser,
            "hero_image": Ref("image", image_key),
            "body": [paragraph(intro)],
        },
    )


def sections():
    return [
        _section(
            "events",
            EventIndexPage,
            T("Veranstaltungen", "Events"),
            T("veranstaltungen", "events"),
            T(
                "Dialogveranstaltungen, Praxisworkshops, Trainings und Studienreisen: offene "
                "Teilnahmeaufrufe, kommende Termine und die Dokumentation vergangener "
                "Veranstaltungen.",
                "Dialogue events, practitioners' workshops, training courses and study tours: "
                "open calls for participants, upcoming dates and the documentation of past "
                "events.",
            ),
            T(
                "<p>In unseren Lern- und Austauschformaten arbeiten kommunale Fachleute aus "
                "Deutschland und unseren Partnerregionen gemeinsam an konkreten Aufgaben ihrer "
                "Städte.</p>",
                "<p>In our learning and exchange formats, municipal practitioners from Germany "
                "and our partner regions work together on concrete tasks of their cities.</p>",
            ),
            "dialogue",
        ),
        _section(
            "practices",
            GoodPracticeIndexPage,
            T("Gute Praxis", "Good practices"),
            T("gute-praxis", "good-practices"),
            T(
                "Bewährte kommunale Lösungen aus aller Welt: was die Städte vorgefunden, wie sie "
                "vorgegangen sind und was andere daraus lernen können.",
                "Proven municipal solutions from around the world: what cities faced, how they "
                "went about it and what others can learn from it.",
            ),
            T(
                "<p>Die Darstellung guter Praxis ermöglicht es Praktikerinnen und Praktikern, "
                "voneinander zu lernen.</p>",
                "<p>The presentation of good practices enables practitioners to learn from one "
                "another.</p>",
            ),
            "green",
        ),
        _section(
            "projects",
            SupportedProjectIndexPage,
            T("Geförderte Projekte", "Supported projects"),
            T("projekte", "projects"),
            T(
                "Projektideen aus unseren Veranstaltungen, die Partnerkommunen mit Unterstützung "
                "von Connective Cities umsetzen.",
                "Project ideas from our events that partner municipalities implement with the "
                "support of Connective Cities.",
            ),
            T(
                "<p>Gemeinsame Projektideen weisen den Weg zu innovativen Lösungen. Wir begleiten "
                "Kommunen von der Idee bis zur Umsetzungsreife.</p>",
                "<p>Common project ideas point the way to innovative solutions. We accompany "
                "municipalities from the idea until they are ready for implementation.</p>",
            ),
            "land",
        ),
        _section(
            "news",
            NewsIndexPage,
            T("Aktuelles", "News"),
            T("aktuelles", "news"),
            T(
                "Neuigkeiten aus Connective Cities und dem Netzwerk, Hinweise auf Veranstaltungen "
                "und unser Newsletter.",
                "News from Connective Cities and the network, hints on events and our newsletter.",
            ),
            T(
                "<p>Hier informieren wir über Neuigkeiten von Connective Cities, unseren "
                "Partnern und aus dem Netzwerk.</p>",
                "<p>Here we keep you posted on news from Connective Cities, our partners and "
                "the network.</p>",
            ),
            "news",
        ),
        _section(
            "publications",
            PublicationIndexPage,
            T("Publikationen", "Publications"),
            T("publikationen", "publications"),
            T(
                "Studien und Berichte zur nachhaltigen Stadtentwicklung, zum Herunterladen.",
                "Studies and reports on sustainable urban development, to download.",
            ),
            T(
                "<p>Eine Auswahl von Studien und Berichten zur nachhaltigen Stadtentwicklung.</p>",
                "<p>A selection of studies and reports on sustainable urban development.</p>",
            ),
            "publications",
        ),
    ]


ABOUT = PageSpec(
    key="about",
    model=StandardPage,
    parent="home",
    fields={
        "title": T("Über uns", "About us"),
        "show_in_menus": True,
        "slug": T("ueber-uns", "about-us"),
        "teaser": T(
            "Connective Cities, die Internationale Städteplattform für nachhaltige "
            "Stadtentwicklung, fördert den Austausch kommunaler Expertise.",
            "Connective Cities, the International Community of Practice for Sustainable Urban "
            "Development, promotes the exchange of municipal expertise.",
        ),
        "hero_image": Ref("image", "expertise"),
        "hero_caption": T("Kommunale Expertise teilen", "Sharing municipal expertise"),
        "body": [
            paragraph(
                T(
                    "<p>Auf lokaler Ebene gibt es viele innovative Lösungen für eine nachhaltige "
                    "Stadtentwicklung, etwa bei Energieeffizienz, Mobilität oder kommunalen "
                    "Dienstleistungen, doch sind sie häufig nicht weithin bekannt. Oft fehlt ein "
                    "systematischer Zugang zu diesen praxisorientierten Lösungen. Vor diesem "
                    "Hintergrund fördert Connective Cities, die Internationale Städteplattform "
                    "für nachhaltige Stadtentwicklung, den Austausch kommunaler Expertise und "
                    "vermittelt zwischen Angebot und Nachfrage nach Praxiserfahrung sowie "
                    "zwischen Praktikerinnen und Praktikern der Städte.</p>",
                    "<p>Many innovative solutions for sustainable urban development exist at "
                    "local level, for example in energy efficiency, mobility or municipal "
                    "services, although they are frequently not widely known. Often, there is a "
                    "lack of systematic access to these practice-oriented solutions. Against "
                    "this background, Connective Cities, the International Community of "
                    "Practice for Sustainable Urban Development, promotes the exchange of "
                    "municipal expertise and mediates between supply of and demand for "
                    "practical experience as well as between urban practitioners.</p>",
                )
            ),
            quote(
                T(
                    "Lokale Lösungen sind gefragt – und sie gewinnen zunehmend weltweit an "
                    "Bedeutung.",
                    "Although local solutions are required, they are increasingly becoming "
                    "globally relevant.",
                ),
                attribution="Connective Cities",
            ),
            paragraph(
                T(
                    "<p>Denn Städte gewinnen international an Bedeutung, und städtische Akteure "
                    "weltweit stehen in der Stadtentwicklung vor vergleichbaren Fragen.</p>"
                    "<p>Die drängenden Herausforderungen der weltweiten Urbanisierung verlangen "
                    "nach effizienten und innovativen Lösungen, besonders in unseren vier "
                    "Themenschwerpunkten: gute Regierungsführung in Kommunen, integrierte "
                    "Stadtentwicklung, lokale Wirtschaftsentwicklung und kommunale "
                    "Dienstleistungen.</p>",
                    "<p>For cities are increasingly gaining importance internationally, and urban "
                    "actors the world over are facing comparable issues in urban "
                    "development.</p>"
                    "<p>The pressing challenges posed by worldwide urbanisation call for "
                    "efficient and innovative solutions, especially in our four focal thematic "
                    "areas: good urban governance, integrated urban development, local economic "
                    "development and municipal services.</p>",
                )
            ),
            image(
                "dialogue",
                caption=T("Kommunale Expertise teilen", "Sharing municipal expertise"),
            ),
            paragraph(
                T(
                    "<p>Connective Cities ist ein Gemeinschaftsvorhaben des Deutschen "
                    "Städtetages, der Deutschen Gesellschaft für Internationale Zusammenarbeit "
                    "(GIZ) und der Servicestelle Kommunen in der Einen Welt von Engagement "
                    "Global. Die Städteplattform wird vom Bundesministerium für wirtschaftliche "
                    "Zusammenarbeit und Entwicklung (BMZ) gefördert.</p>",
                    "<p>Connective Cities is a joint venture between the Association of German "
                    "Cities (Deutscher Städtetag), Deutsche Gesellschaft für Internationale "
                    "Zusammenarbeit (GIZ) and Engagement Global / Service Agency Communities in "
                    "One World. The International Community of Practice for Sustainable Urban "
                    "Development is supported by the German Federal Ministry for Economic "
                    "Cooperation and Development (BMZ).</p>",
                )
            ),
            SECRETARIAT,
        ],
    },
)

OBJECTIVES = PageSpec(
    key="objectives",
    model=StandardPage,
    parent="home",
    fields={
        "title": T("Ziele und Leistungen", "Objective and services"),
        "slug": T("ziele-und-leistungen", "objective-and-services"),
        "teaser": T(
            "Ein Netzwerk kommunaler Praktikerinnen und Praktiker mit hoher Fachkompetenz in "
            "Verwaltung, Politik, Wirtschaft, Wissenschaft und Zivilgesellschaft.",
            "A network of urban practitioners with a high level of expertise in "
            "administration, politics, business, science and civil society.",
        ),
        "hero_image": Ref("image", "innovation"),
        "body": [
            heading(T("Ziel", "Objective")),
            paragraph(
                T(
                    "<p>Ziel ist ein Netzwerk städtischer Praktikerinnen und Praktiker mit hoher "
                    "Fachkompetenz in Verwaltung und Politik sowie in Wirtschaft, Wissenschaft "
                    "und Zivilgesellschaft.</p>"
                    "<p>Dialog- und Lernprogramme wie Workshops, Trainings und Studienreisen "
                    "mobilisieren deutsches und internationales Know-how und ermöglichen den "
                    "Erfahrungsaustausch. Die Darstellung guter Praxis lässt Praktikerinnen und "
                    "Praktiker voneinander lernen. In Gesprächen beraten Kolleginnen und Kollegen "
                    "zu Wegen aus aktuellen Herausforderungen. Gemeinsame Projektideen zeigen "
                    "Ansätze für innovative Lösungen auf.</p>",
                    "<p>The goal is to create a network of urban practitioners with a high level "
                    "of expertise in administration, politics as well as business, science and "
                    "civil society.</p>"
                    "<p>Dialogue and learning programmes such as workshops, training courses and "
                    "study tours mobilise German and international know-how and facilitate "
                    "experiences to be shared. The presentation of good practices enables "
                    "practitioners to learn from one another. In discussions, colleagues offer "
                    "advice on options to address topical challenges that practitioners face. "
                    "Common project ideas point to approaches to the development of innovative "
                    "solutions.</p>",
                )
            ),
            heading(T("Unsere Leistungen", "Our services")),
            paragraph(
                T(
                    "<p>Die Städteplattform</p>"
                    "<ul>"
                    "<li>bietet ein Portal für praxisrelevante Erfahrungen,</li>"
                    "<li>identifiziert und vernetzt relevante Akteure in Entwicklungs-, "
                    "Schwellen- und Industrieländern,</li>"
                    "<li>fördert und moderiert thematische und regionale Arbeitsgruppen,</li>"
                    "<li>ermöglicht den Austausch in internationalen Konferenzen, Trainings und "
                    "Studienreisen,</li>"
                    "<li>unterstützt die Entsendung kommunaler Fachleute in Partnerländer,</li>"
                    "<li>hilft bei Konzepten und Förderanträgen für innovative Projekte und bei "
                    "der Suche nach Finanzierung.</li>"
                    "</ul>",
                    "<p>The Community of Practice</p>"
                    "<ul>"
                    "<li>provides a portal for disseminating experience of practical "
                    "relevance,</li>"
                    "<li>identifies and interlinks relevant actors in developing, emerging and "
                    "industrialised countries,</li>"
                    "<li>promotes and moderates thematic and regional working groups,</li>"
                    "<li>facilitates exchange through international conferences, training "
                    "courses and study trips,</li>"
                    "<li>supports the secondment of municipal experts to partner countries,</li>"
                    "<li>assists with concepts and funding applications for innovative projects "
                    "and in the search for funding.</li>"
                    "</ul>",
                )
            ),
            key_figures(
                T("Bilanz der ersten Phase (2014–2018)", "Results of the first phase (2014–2018)"),
                ("500+", T("kommunale Akteure mobilisiert", "municipal actors mobilised")),
                ("20", T("Länder in vier Weltregionen", "countries in four world regions")),
                ("20+", T("Dialog- und Lernformate", "dialogue and learning formats")),
                ("80+", T("deutsche Fachleute im Expertenpool", "German experts in the pool")),
                ("30+", T("Beispiele guter Praxis", "good practice examples")),
            ),
            accordion(
                T("Das Vorhaben im Überblick", "The project at a glance"),
                (
                    T("Ausgangslage", "Context"),
                    T(
                        "<p>Bevölkerungswachstum, Armut und soziale Segregation, Mobilitäts- und "
                        "Umweltprobleme, Klimawandel und die Versorgung mit kommunalen "
                        "Dienstleistungen gehören zu den drängenden Herausforderungen der "
                        "weltweiten Urbanisierung.</p>",
                        "<p>Urban population growth, poverty and social segregation, mobility and "
                        "environmental problems, climate change and the effective provision of "
                        "municipal services are among the urgent challenges of worldwide "
                        "urbanisation.</p>",
                    ),
                ),
                (
                    T("Vorgehen", "Approach"),
                    T(
                        "<p>Die Städteplattform nutzt Dialog- und Lernformate, um deutsches und "
                        "internationales Know-how zu mobilisieren. Umsetzungspartner sind "
                        "ausgewählte regionale und nationale Städteverbände in Afrika, Amerika, "
                        "Europa und Asien und ihre Mitglieder.</p>",
                        "<p>The Community of Practice uses dialogue and learning formats to "
                        "mobilise German and international know-how. Implementing partners are "
                        "selected regional and national associations of cities in Africa, "
                        "America, Europe and Asia and their members.</p>",
                    ),
                ),
                (
                    T("Finanzierung", "Funding"),
                    T(
                        "<p>Connective Cities wird vom BMZ finanziert. Mittelfristig soll die "
                        "Städteplattform sich selbst tragen; das Vorhaben achtet deshalb von "
                        "Anfang an auf institutionelle Nachhaltigkeit.</p>",
                        "<p>Connective Cities is financed by the BMZ. In the medium term, the "
                        "platform aims to be self-supporting, so the project takes account of "
                        "institutional sustainability from the outset.</p>",
                    ),
                ),
            ),
        ],
    },
)

PARTNERS_PAGE = PageSpec(
    key="partners",
    model=StandardPage,
    parent="home",
    fields={
        "title": T("Partner und Projektstruktur", "Partners and project structure"),
        "slug": T("partner-und-projektstruktur", "partners-and-project-structure"),
        "teaser": T(
            "Eine Kooperation der Deutschen Gesellschaft für Internationale Zusammenarbeit, von "
            "Engagement Global / Servicestelle Kommunen in der Einen Welt und des Deutschen "
            "Städtetages.",
            "A cooperation between Deutsche Gesellschaft für Internationale Zusammenarbeit, "
            "Engagement Global / Service Agency Communities in One World, and the Association "
            "of German Cities (Deutscher Städtetag).",
        ),
        "hero_image": Ref("image", "expertise"),
        "partners": [Ref("partner", key) for key in ("dst", "giz", "skew", "bmz")],
        "body": [
            paragraph(
                T(
                    "<p>Das Vorhaben ist eine Kooperation der Deutschen Gesellschaft für "
                    "Internationale Zusammenarbeit, von Engagement Global / Servicestelle "
                    "Kommunen in der Einen Welt und des Deutschen Städtetages. Zu den "
                    "Umsetzungspartnern gehören ausgewählte regionale und nationale Städteverbände "
                    "in Afrika, Asien, Amerika und Europa und ihre Mitgliedsstädte.</p>",
                    "<p>The project takes the form of cooperation between Deutsche Gesellschaft "
                    "für Internationale Zusammenarbeit, Engagement Global / Service Agency "
                    "Communities in One World, and the Association of German Cities (Deutscher "
                    "Städtetag). The implementing partners include selected regional and "
                    "national associations of cities in Africa, Asia, America and Europe and "
                    "their member cities.</p>",
                )
            ),
            paragraph(
                T(
                    "<p>In der ersten, vom BMZ beauftragten Phase werden das Leistungsangebot, "
                    "der organisatorische Rahmen und das Geschäftsmodell der Städteplattform "
                    "aufgebaut. Dazu gehört die Prüfung ergänzender Finanzierung durch "
                    "interessierte Institutionen. Mittelfristig soll die Plattform sich selbst "
                    "tragen.</p>",
                    "<p>In the first phase, commissioned by the BMZ, the range of services, the "
                    "organisational setting and the business model of the platform are "
                    "established. This includes investigating options for supplementary funding "
                    "by interested institutions. In the medium term, the platform is to become "
                    "self-sustaining.</p>",
                )
            ),
            accordion(
                T("Gremien", "Bodies"),
                (
                    T("Lenkungsausschuss", "Steering committee"),
                    T(
                        "<p>Der Lenkungsausschuss berät und entscheidet im Konsens über alle "
                        "strategischen Fragen von Connective Cities.</p>",
                        "<p>The steering committee consults and decides in consensus on all "
                        "strategic aspects of Connective Cities.</p>",
                    ),
                ),
                (
                    T("Sekretariat", "Secretariat"),
                    T(
                        "<p>Das Sekretariat erbringt die operativen internen und externen "
                        "Leistungen von Connective Cities sowie die nötigen "
                        "Unterstützungsleistungen.</p>",
                        "<p>The secretariat provides the operational internal and external "
                        "services of Connective Cities as well as the necessary support "
                        "services.</p>",
                    ),
                ),
            ),
            heading(T("Umgesetzt von", "Implemented by")),
            SECRETARIAT,
        ],
    },
)

LEARNING = PageSpec(
    key="learning",
    model=StandardPage,
    parent="home",
    fields={
        "title": T("Lernprozesse", "Learning processes"),
        "slug": T("lernprozesse", "learning-processes"),
        "teaser": T(
            "Wir fördern den Erfahrungsaustausch zwischen Städten weltweit, initiieren "
            "gemeinsame Projekte und verbreiten bewährte Lösungen.",
            "We promote sharing of experience among cities worldwide, initiate joint projects "
            "and disseminate proven solutions.",
        ),
        "hero_image": Ref("image", "urban-lab"),
        "body": [
            paragraph(
                T(
                    "<p>Wir fördern den Erfahrungsaustausch zwischen Städten und Praktikerinnen "
                    "und Praktikern weltweit, unterstützen die Zusammenarbeit deutscher und "
                    "internationaler Städte, initiieren gemeinsame Projekte und verbreiten "
                    "bewährte Lösungen und Konzepte. Neue Lernerfahrungen und praxisorientierte "
                    "Ergebnisse entstehen in Seminaren, Workshops, Dialogveranstaltungen und "
                    "Exkursionen und fließen in die Städteplattform zurück – das ist der Kern "
                    "unseres Ansatzes.</p>",
                    "<p>We promote sharing of experience among cities and practitioners "
                    "worldwide, support cooperation between German and international cities, "
                    "initiate joint projects and disseminate proven solutions and concepts. New "
                    "learning experience and practice-oriented results are acquired in "
                    "seminars, workshops, dialogue events and excursions and fed back into the "
                    "Community of Practice – these are the core elements of our approach.</p>",
                )
            ),
            quote(
                T(
                    "Städtische Praktikerinnen und Praktiker weltweit vernetzen und "
                    "praxisnahes Wissen in Deutschland und in regionalen Netzwerken "
                    "mobilisieren.",
                    "Connecting urban practitioners worldwide and mobilising practice-driven "
                    "know-how in Germany and in regional networks.",
                ),
                attribution="Connective Cities",
            ),
            accordion(
                T("So arbeiten wir", "How we work"),
                (
                    T(
                        "Kollegialen Austausch und Beratung fördern",
                        "Promoting peer-to-peer exchanges and consultations",
                    ),
                    T(
                        "<p>… durch strukturierte und stark beteiligungsorientierte "
                        "Lernprozesse, in denen Fachleute ihre kommunale Expertise teilen, "
                        "ähnliche Herausforderungen angehen und gemeinsam neue Projektideen "
                        "entwickeln.</p>",
                        "<p>… through structured and highly participatory learning processes "
                        "that allow actors to share their municipal expertise, address similar "
                        "challenges and work together to develop new project ideas.</p>",
                    ),
                ),
                (
                    T("Gute Praxis teilen", "Sharing good practices"),
                    T(
                        "<p>… und praxisorientierte Lösungen verbreiten.</p>",
                        "<p>… and disseminating practice-oriented solutions.</p>",
                    ),
                ),
                (
                    T("Begleiten und beraten", "Facilitating activities and advising"),
                    T(
                        "<p>… Kommunen bei der Planung ihrer Projekte, bis diese reif für die "
                        "Umsetzung sind.</p>",
                        "<p>… municipalities during project design and planning until they are "
                        "ready for implementation.</p>",
                    ),
                ),
            ),
            paragraph(
                T(
                    "<p>Die Städteplattform pflegt hervorragende Kontakte zu zentralen Akteuren "
                    "in Städten und Gemeinden weltweit. In diesen Prozessen entstehen "
                    "thematische Cluster, und es werden Handlungsfelder ermittelt, in denen "
                    "Städte voneinander lernen und gemeinsam künftige Projekte planen "
                    "können.</p>",
                    "<p>The Community of Practice maintains excellent contacts to key actors of "
                    "cities and municipalities worldwide. In these processes, thematic clusters "
                    "are developed and fields of action are identified that are suitable for "
                    "learning from one another and for jointly planning future projects.</p>",
                )
            ),
            related_pages(
                T("Aus der Praxis", "From practice"),
                "practice-loerrach-timber",
                "project-amman-land-use",
            ),
        ],
    },
)

MIDDLE_EAST = PageSpec(
    key="middle-east",
    model=StandardPage,
    parent="about",
    fields={
        "title": T(
            "Kommunaler Erfahrungsaustausch im Nahen Osten (bis 2018)",
            "Sharing municipal expertise in the Middle East (until 2018)",
        ),
        "slug": T("erfahrungsaustausch-nahost", "municipal-expertise-middle-east"),
        "teaser": T(
            "Beispiele aus Dialogforen, Praxisworkshops und Fact-Finding-Missionen mit "
            "Kommunen in der Türkei, in Jordanien und im Libanon.",
            "Examples of dialogue forums, practitioners' workshops and fact-finding missions "
            "with municipalities in Türkiye, Jordan and Lebanon.",
        ),
        "hero_image": Ref("image", "expertise"),
        "body": [
            paragraph(
                T(
                    "<p>In der Anfangsphase unterstützte Connective Cities maßgeblich die "
                    "Partnerlandkomponente des Programms „Kommunales Know-how für "
                    "Aufnahmegemeinden im Nahen Osten“. In Dialog- und Lernformaten wie "
                    "Workshops, Trainings und Fact-Finding-Missionen kamen Fachleute deutscher "
                    "Kommunen mit Kolleginnen und Kollegen aus Kommunen in der Türkei, in "
                    "Jordanien und im Libanon zu einem intensiven Fachaustausch zusammen – etwa "
                    "zu lebenswerter Quartiersentwicklung, lokaler Wirtschaftsförderung sowie "
                    "nachhaltiger Verwertung und Recycling.</p>",
                    "<p>During the initial phase, Connective Cities played a key role in "
                    "supporting the partner country component of the Municipal Know-how for "
                    "Host Communities in the Middle East programme. Through dialogue and "
                    "learning events such as workshops, training courses and fact-finding "
                    "missions, experts from German municipalities were brought together with "
                    "their counterparts from municipalities in Türkiye, Jordan and Lebanon in "
                    "intensive expert dialogue – on topics such as liveable neighbourhood "
                    "development, local business development, and sustainable recovery and "
                    "recycling.</p>",
                )
            ),
            gallery(
                T("Eindrücke", "Impressions"),
                ("expertise", T("Kommunale Expertise teilen", "Sharing municipal expertise")),
                ("innovation", T("Innovative Lösungen", "Innovative solutions")),
            ),
            paragraph(
                T(
                    "<p>Aus diesem Erfahrungsaustausch ist eine beachtliche Zahl kommunaler "
                    "Projektpartnerschaften hervorgegangen. Sie zu festigen und "
                    "weiterzuentwickeln, ist nun Aufgabe der Partnerlandkomponente des "
                    "Programms; die gemeinsame Arbeit mit Connective Cities endete deshalb 2018. "
                    "Connective Cities fördert den Erfahrungsaustausch in der Region "
                    "weiterhin.</p>",
                    "<p>This sharing of lessons learned has since led to a significant number of "
                    "municipal project partnerships. Consolidating and further developing them "
                    "is now a task for the partner country component of the programme, which is "
                    "why joint work with Connective Cities came to an end in 2018. Connective "
                    "Cities nevertheless continues to promote the sharing of lessons learned "
                    "across the region.</p>",
                )
            ),
            related_pages(
                T("Beispiele aus dem kommunalen Austausch", "Examples from the municipal exchange"),
                "event-jordan-study-tour-2017",
                "event-waste-2017",
            ),
        ],
    },
)


def page_specs():
    return [home(), *sections(), ABOUT, MIDDLE_EAST, OBJECTIVES, PARTNERS_PAGE, LEARNING]
