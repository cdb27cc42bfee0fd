"""Events from the seeds: dialogue events, workshops, a study tour, webinars and an urban lab.

Past events keep the dates of the seeds. Three events are placed relative to the day the seed
runs (`today`), so that the demo always has upcoming events and open calls for participants:
the urban lab and the heat event (both with an open call) and the smart
city webinar. Where a seed names no place, the demo picks a plausible one.
"""

from datetime import date, timedelta

from pages.models import EventFormat, EventPage

from .base import (
    SECRETARIAT,
    PageSpec,
    Ref,
    T,
    accordion,
    documents,
    heading,
    image,
    paragraph,
    quote,
)

IMPLEMENTERS = [Ref("partner", key) for key in ("dst", "giz", "skew")]

ELIGIBILITY = T(
    "<p>Fach- und Führungskräfte aus Stadtverwaltungen, kommunalen Unternehmen und "
    "Städteverbänden, die an dem Thema arbeiten und ihre Erfahrungen einbringen möchten.</p>",
    "<p>Experts and managers from city administrations, municipal companies and associations "
    "of cities who work on the topic and wish to contribute their experience.</p>",
)
HOW_TO_APPLY = T(
    "<p>Bitte senden Sie den ausgefüllten Bewerbungsbogen bis zum Bewerbungsschluss an das "
    'Sekretariat: <a href="mailto:info@connective-cities.net">info@connective-cities.net</a>.'
    "</p>",
    "<p>Please send the completed application form to the secretariat by the deadline: "
    '<a href="mailto:info@connective-cities.net">info@connective-cities.net</a>.</p>',
)


def _event(key, title, slug, teaser, tags=(), **fields):
    return PageSpec(
        key=key,
        model=EventPage,
        parent="events",
        fields={"title": title, "slug": slug, "teaser": teaser, **fields},
        tags=tags,
    )


def _themes(*slugs):
    return [Ref("theme", slug) for slug in slugs]


def _sdgs(*numbers):
    return [Ref("sdg", f"sdg-{number}") for number in numbers]


def page_specs(today):
    return [
        _event(
            "event-sanitation-2017",
            T(
                "Finanzierungsmechanismen für kommunale Sanitärversorgung – nachhaltige lokale "
                "Dienstleistungen und Infrastruktur sichern",
                "Financing mechanisms for municipal sanitation services – ensuring sustainable "
                "local service provision and infrastructure",
            ),
            T("finanzierung-kommunale-sanitaerversorgung", "financing-municipal-sanitation"),
            T(
                "Teilnahmeaufruf für eine Dialogveranstaltung von Connective Cities in Köln: Wie "
                "finanzieren Kommunen ihre Sanitärversorgung dauerhaft?",
                "Call for participants – Connective Cities dialogue event in Cologne: how can "
                "municipalities finance sanitation services in the long term?",
            ),
            format=EventFormat.DIALOGUE,
            start_date=date(2017, 9, 18),
            end_date=date(2017, 9, 20),
            city=T("Köln", "Cologne"),
            country=Ref("country", "de"),
            languages=T("Englisch, Deutsch", "English, German"),
            organisers=IMPLEMENTERS,
            has_call=True,
            call_deadline=date(2017, 7, 31),
            call_eligibility=ELIGIBILITY,
            call_how_to_apply=HOW_TO_APPLY,
            hero_image=Ref("image", "sanitation"),
            themes=_themes("sanitation", "municipal-finance"),
            sdgs=_sdgs(6, 11),
            body=[
                heading(T("Worum es geht", "What it is about")),
                paragraph(
                    T(
                        "<p>Eine funktionierende Sanitärversorgung ist Grundlage für Gesundheit "
                        "und Lebensqualität in der Stadt. Viele Kommunen können Bau, Betrieb und "
                        "Instandhaltung ihrer Anlagen jedoch nicht dauerhaft finanzieren.</p>"
                        "<p>Die Dialogveranstaltung bringt kommunale Fachleute zusammen, um "
                        "Finanzierungsmodelle – von Gebühren über kommunale Unternehmen bis zu "
                        "Partnerschaften – zu vergleichen und voneinander zu lernen.</p>",
                        "<p>Functioning sanitation is the basis of health and quality of life in "
                        "cities. Yet many municipalities cannot finance the construction, "
                        "operation and maintenance of their facilities in the long term.</p>"
                        "<p>The dialogue event brings municipal practitioners together to compare "
                        "financing models – from fees and municipal companies to partnerships – "
                        "and to learn from one another.</p>",
                    )
                ),
                accordion(
                    T("Programm", "Programme"),
                    (
                        T("Tag 1: Ausgangslagen", "Day 1: Starting points"),
                        T(
                            "<p>Die Teilnehmenden stellen die Lage in ihren Städten vor.</p>",
                            "<p>Participants present the situation in their cities.</p>",
                        ),
                    ),
                    (
                        T("Tag 2: Exkursion", "Day 2: Site visit"),
                        T(
                            "<p>Besuch kommunaler Einrichtungen der Abwasserentsorgung.</p>",
                            "<p>Visit to municipal wastewater facilities.</p>",
                        ),
                    ),
                    (
                        T("Tag 3: Projektideen", "Day 3: Project ideas"),
                        T(
                            "<p>In Arbeitsgruppen entstehen erste gemeinsame Projektideen.</p>",
                            "<p>Working groups develop first joint project ideas.</p>",
                        ),
                    ),
                ),
                SECRETARIAT,
            ],
            documentation=[
                paragraph(
                    T(
                        "<p>Die Dokumentation fasst Präsentationen und Ergebnisse der "
                        "Arbeitsgruppen zusammen.</p>",
                        "<p>The documentation summarises the presentations and the results of "
                        "the working groups.</p>",
                    )
                ),
                documents(
                    "",  # under the section's own heading, "Documentation and results"
                    (
                        "documentation-sanitation-2017",
                        T("Dokumentation der Veranstaltung", "Documentation of the event"),
                    ),
                ),
            ],
        ),
        _event(
            "event-mobility-see-2017",
            T(
                "Praxisworkshop zu nachhaltiger städtischer Mobilität und Klimawandel",
                "Practitioners' Workshop on Sustainable Urban Mobility and Climate Change",
            ),
            T("praxisworkshop-mobilitaet-klimawandel", "practitioners-workshop-mobility-climate"),
            T(
                "Teilnahmeaufruf für die erste Dialogveranstaltung von Connective Cities in "
                "Südosteuropa.",
                "Call for participants – 1st Connective Cities dialogue event in Southeast Europe.",
            ),
            format=EventFormat.WORKSHOP,
            start_date=date(2017, 10, 10),
            end_date=date(2017, 10, 12),
            city=T("Belgrad", "Belgrade"),
            country=Ref("country", "rs"),
            languages=T("Englisch", "English"),
            organisers=IMPLEMENTERS,
            has_call=True,
            call_deadline=date(2017, 8, 31),
            call_eligibility=ELIGIBILITY,
            call_how_to_apply=HOW_TO_APPLY,
            hero_image=Ref("image", "mobility"),
            themes=_themes("urban-mobility", "climate-adaptation-heat"),
            sdgs=_sdgs(11, 13),
            body=[
                paragraph(
                    T(
                        "<p>Verkehr ist eine der großen Quellen von Treibhausgasen in Städten. "
                        "Der Workshop fragt, wie Kommunen in Südosteuropa Mobilität klimafreundlich "
                        "planen und zugleich die Erreichbarkeit für alle verbessern können.</p>",
                        "<p>Transport is one of the major sources of greenhouse gases in cities. "
                        "The workshop asks how municipalities in Southeast Europe can plan "
                        "climate-friendly mobility while improving access for everyone.</p>",
                    )
                ),
                quote(
                    T(
                        "Wer Mobilität plant, plant auch das Klima der Stadt von morgen.",
                        "Planning mobility means planning tomorrow's urban climate, too.",
                    ),
                    attribution="Connective Cities",
                ),
            ],
        ),
        _event(
            "event-waste-2017",
            T(
                "Vom Abfall zur Ressource – integrierte Lösungen für die kommunale "
                "Abfallwirtschaft",
                "From Waste to Resource – Integrated Municipal Solid Waste Management Solutions",
            ),
            T("vom-abfall-zur-ressource", "from-waste-to-resource"),
            T(
                "Die weltweite Urbanisierung geht mit der Verantwortung einher, wachsende "
                "Abfallmengen angemessen zu bewältigen.",
                "The global trend of urbanisation goes hand in hand with the responsibility to "
                "adequately handle growing quantities of waste.",
            ),
            format=EventFormat.DIALOGUE,
            start_date=date(2017, 7, 4),
            end_date=date(2017, 7, 6),
            city=T("Izmit/Kocaeli", "İzmit/Kocaeli"),
            country=Ref("country", "tr"),
            languages=T("Englisch, Türkisch, Arabisch", "English, Turkish, Arabic"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "waste"),
            themes=_themes("waste-circular-economy"),
            sdgs=_sdgs(11, 12),
            body=[
                paragraph(
                    T(
                        "<p>Die weltweite Urbanisierung geht mit der Verantwortung einher, "
                        "wachsende Abfallmengen angemessen zu bewältigen. Fachleute aus "
                        "deutschen, türkischen, jordanischen und libanesischen Kommunen tauschten "
                        "sich über Sammlung, Trennung, Verwertung und die Einbindung der "
                        "Bevölkerung aus.</p>",
                        "<p>The global trend of urbanisation goes hand in hand with the "
                        "responsibility to adequately handle growing quantities of waste. "
                        "Practitioners from German, Turkish, Jordanian and Lebanese "
                        "municipalities exchanged views on collection, separation, recovery and "
                        "involving residents.</p>",
                    )
                ),
                image(
                    "waste",
                    caption=T("Wertstoffe sortieren", "Sorting recyclables"),
                ),
            ],
            documentation=[
                documents(
                    "",  # under the section's own heading, "Documentation and results"
                    (
                        "documentation-waste-2017",
                        T("Dokumentation der Veranstaltung", "Documentation of the event"),
                    ),
                ),
            ],
        ),
        _event(
            "event-mobility-bremen-2017",
            T(
                "Nachhaltige städtische Mobilität: Strategien und Wege zu effizienteren, "
                "inklusiveren und umweltverträglicheren Städten",
                "Sustainable urban mobility: strategies and pathways towards more efficient, "
                "inclusive and environmentally sustainable cities",
            ),
            T("nachhaltige-staedtische-mobilitaet-bremen", "sustainable-urban-mobility-bremen"),
            T(
                "Große Städte weltweit sind von den Folgen des motorisierten Verkehrs betroffen, "
                "sowohl beim Flächenbedarf als auch bei der Umweltbelastung.",
                "Major cities around the world are affected by the impact of motorised traffic, "
                "both in terms of space requirements and of environmental pollution.",
            ),
            format=EventFormat.DIALOGUE,
            start_date=date(2017, 6, 19),
            end_date=date(2017, 6, 21),
            city=T("Bremen", "Bremen"),
            country=Ref("country", "de"),
            languages=T("Englisch", "English"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "mobility"),
            themes=_themes("urban-mobility"),
            sdgs=_sdgs(3, 11),
            body=[
                paragraph(
                    T(
                        "<p>Große Städte weltweit sind von den Folgen des motorisierten Verkehrs "
                        "betroffen. In Bremen diskutierten kommunale Fachleute, wie Rad- und "
                        "Fußverkehr, öffentlicher Verkehr und geteilte Mobilität zusammen "
                        "gedacht werden können.</p>",
                        "<p>Major cities around the world are affected by the impact of motorised "
                        "traffic. In Bremen, municipal practitioners discussed how cycling and "
                        "walking, public transport and shared mobility can be planned "
                        "together.</p>",
                    )
                ),
            ],
        ),
        _event(
            "event-jordan-study-tour-2017",
            T(
                "Delegation aus Jordanien: Studienreise und Workshop für jordanische Kommunen",
                "Delegation from Jordan: study tour and workshop for Jordanian municipalities",
            ),
            T("studienreise-delegation-jordanien", "study-tour-delegation-jordan"),
            T(
                "Studienreise und Workshop in Deutschland für jordanische Kommunen – eine "
                "Veranstaltung von Connective Cities in Köln.",
                "Study tour and workshop in Germany for Jordanian municipalities – a Connective "
                "Cities event in Cologne.",
            ),
            format=EventFormat.STUDY_TOUR,
            # The seed gives only the month (03.2017).
            start_date=date(2017, 3, 20),
            end_date=date(2017, 3, 24),
            city=T("Köln", "Cologne"),
            country=Ref("country", "de"),
            languages=T("Arabisch, Englisch, Deutsch", "Arabic, English, German"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "neighbourhood"),
            themes=_themes("integrated-urban-development", "local-business-development"),
            sdgs=_sdgs(11, 17),
            body=[
                paragraph(
                    T(
                        "<p>Vertreterinnen und Vertreter jordanischer Kommunen lernten in Köln "
                        "und Umgebung Ansätze deutscher Städte kennen, etwa zur Entwicklung "
                        "lebenswerter Quartiere und zur lokalen Wirtschaftsförderung. In einem "
                        "abschließenden Workshop wurden Ideen für die Arbeit zu Hause "
                        "festgehalten.</p>",
                        "<p>Representatives of Jordanian municipalities learned about approaches "
                        "of German cities in and around Cologne, for instance on developing "
                        "liveable neighbourhoods and on local business development. A final "
                        "workshop recorded ideas for their work at home.</p>",
                    )
                ),
            ],
        ),
        _event(
            "event-land-management-2020",
            T(
                "Nachhaltiges und resilientes, regionales und interkommunales Flächenmanagement",
                "Sustainable and resilient, regional and intermunicipal land management",
            ),
            T("interkommunales-flaechenmanagement", "intermunicipal-land-management"),
            T(
                "Virtuelle Dialogveranstaltung: Delegierte aus Städten mehrerer Länder teilten "
                "ihre Erfahrungen mit nachhaltiger Flächennutzung und Bodenpolitik.",
                "Virtual dialogue event: delegates from cities in several countries shared their "
                "experience with sustainable land use and land management.",
            ),
            format=EventFormat.DIALOGUE,
            start_date=date(2020, 11, 18),
            end_date=date(2020, 11, 20),
            online=True,
            languages=T("Englisch, Arabisch", "English, Arabic"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "land"),
            themes=_themes("land-management"),
            sdgs=_sdgs(11, 15),
            body=[
                paragraph(
                    T(
                        "<p>Welche Nutzungen können auf welchen Flächen dauerhaft entwickelt "
                        "werden, wenn ökologische, wirtschaftliche und soziale Kriterien zählen? "
                        "Die Teilnehmenden diskutierten, wie Anforderungen von Nachhaltigkeit, "
                        "Klimawandel und Resilienz in Flächennutzungsstrategien, "
                        "Flächennutzungspläne und Bebauungspläne einfließen.</p>",
                        "<p>Which uses can be developed permanently on which land when "
                        "environmental, economic and social criteria count? Participants "
                        "discussed how sustainability, climate change and resilience "
                        "requirements can be built into land use strategies, land use plans and "
                        "binding development plans.</p>",
                    )
                ),
            ],
            documentation=[
                paragraph(
                    T(
                        "<p>Aus der Veranstaltung ging die Idee hervor, die Stadtverwaltung von "
                        "Groß-Amman bei einem Plan für ein weitgehend unbebautes Gebiet zu "
                        "unterstützen.</p>",
                        "<p>The event gave rise to the idea of supporting Greater Amman "
                        "Municipality with a plan for a largely undeveloped area.</p>",
                    )
                ),
                documents(
                    "",  # under the section's own heading, "Documentation and results"
                    (
                        "documentation-land-2020",
                        T("Dokumentation der Veranstaltung", "Documentation of the event"),
                    ),
                ),
            ],
        ),
        _event(
            "event-urban-labs",
            T("Urban Labs – Bewährt und erprobt", "Urban Labs – tried and tested"),
            T("urban-labs-bewaehrt-und-erprobt", "urban-labs-tried-and-tested"),
            T(
                "Teilnahmeaufruf: In einem Urban Lab arbeiten Fachleute mehrerer Städte einige "
                "Tage lang gemeinsam an einer konkreten Aufgabe einer Gastgeberstadt.",
                "Call for participants: in an urban lab, practitioners from several cities spend "
                "a few days working together on a concrete task of a host city.",
            ),
            format=EventFormat.URBAN_LAB,
            start_date=today + timedelta(days=70),
            end_date=today + timedelta(days=72),
            city=T("Bonn", "Bonn"),
            country=Ref("country", "de"),
            languages=T("Englisch, Deutsch", "English, German"),
            organisers=IMPLEMENTERS,
            has_call=True,
            call_deadline=today + timedelta(days=28),
            call_eligibility=ELIGIBILITY,
            call_how_to_apply=HOW_TO_APPLY,
            hero_image=Ref("image", "urban-lab"),
            themes=_themes("citizen-participation", "integrated-urban-development"),
            sdgs=_sdgs(11, 17),
            tags=("Urban Lab",),
            body=[
                paragraph(
                    T(
                        "<p>Urban Labs haben sich als Format bewährt: Eine Gastgeberstadt bringt "
                        "eine konkrete Aufgabe ein, Fachleute aus anderen Städten bringen ihre "
                        "Erfahrung mit. Gemeinsam werden vor Ort Lösungsansätze entwickelt und "
                        "erprobt.</p>",
                        "<p>Urban labs have proven their worth as a format: a host city brings a "
                        "concrete task, practitioners from other cities bring their experience. "
                        "Together, they develop and test approaches on site.</p>",
                    )
                ),
                documents(
                    T("Bewerbung", "Application"),
                    ("call-urban-labs", T("Bewerbungsbogen", "Application form")),
                ),
                SECRETARIAT,
            ],
        ),
        _event(
            "event-west-africa-2025",
            T(
                "Risikoinformierte Stadtentwicklung in Westafrika und der ECOWAS-Region",
                "Risk-informed urban development in West Africa and the ECOWAS region",
            ),
            T(
                "risikoinformierte-stadtentwicklung-westafrika",
                "risk-informed-urban-development-west-africa",
            ),
            T(
                "Wie Städte in Westafrika Risiken wie Überschwemmungen und Hitze in ihre Planung "
                "einbeziehen können.",
                "How cities in West Africa can take risks such as floods and heat into account "
                "in their planning.",
            ),
            format=EventFormat.DIALOGUE,
            start_date=date(2025, 7, 2),
            end_date=date(2025, 7, 4),
            city=T("Abuja", "Abuja"),
            country=Ref("country", "ng"),
            languages=T("Englisch, Französisch", "English, French"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "risk"),
            themes=_themes("urban-resilience", "flood-management"),
            sdgs=_sdgs(11, 13),
            tags=("ECOWAS",),
            body=[
                paragraph(
                    T(
                        "<p>Starkregen, Überschwemmungen und Hitzewellen treffen schnell "
                        "wachsende Städte besonders hart. Die Dialogveranstaltung bringt "
                        "Fachleute aus Städten der Region zusammen, um Risikoanalysen, "
                        "Frühwarnung und vorausschauende Flächenplanung zu diskutieren.</p>",
                        "<p>Heavy rain, floods and heatwaves hit fast-growing cities particularly "
                        "hard. The dialogue event brings together practitioners from cities of "
                        "the region to discuss risk assessment, early warning and forward-looking "
                        "land use planning.</p>",
                    )
                ),
            ],
        ),
        _event(
            "event-smart-city",
            T("Von der Offenen Kommune zur Smart City", "From open municipality to smart city"),
            T("von-der-offenen-kommune-zur-smart-city", "from-open-municipality-to-smart-city"),
            T(
                "Webinar: Wie offene Daten und digitale Verwaltung den Weg zur intelligenten "
                "Stadt ebnen.",
                "Webinar: how open data and digital administration pave the way to a smart city.",
            ),
            format=EventFormat.WEBINAR,
            start_date=today + timedelta(days=21),
            end_date=today + timedelta(days=21),
            online=True,
            languages=T("Deutsch, Englisch", "German, English"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "digital"),
            themes=_themes("digitalisation-smart-city"),
            sdgs=_sdgs(9, 16),
            body=[
                paragraph(
                    T(
                        "<p>Offene Daten, transparente Verwaltung und digitale Dienste sind "
                        "Bausteine einer Smart City. Im Webinar berichten Kommunen, wie sie "
                        "Schritt für Schritt vorgegangen sind und welche Fragen zu Datenschutz "
                        "und Beteiligung sie dabei beantworten mussten.</p>",
                        "<p>Open data, transparent administration and digital services are "
                        "building blocks of a smart city. In the webinar, municipalities report "
                        "how they proceeded step by step and which questions on data protection "
                        "and participation they had to answer.</p>",
                    )
                ),
            ],
        ),
        _event(
            "event-heat",
            T(
                "Internationale kommunale Zusammenarbeit zur Eindämmung der Hitze in den Städten",
                "International municipal cooperation to curb heat in cities",
            ),
            T("kommunale-zusammenarbeit-hitze", "municipal-cooperation-urban-heat"),
            T(
                "Teilnahmeaufruf: Kommunen tauschen sich über Hitzeaktionspläne, Stadtgrün und "
                "den Schutz besonders gefährdeter Menschen aus.",
                "Call for participants: municipalities share experience with heat action plans, "
                "urban green and protecting the most vulnerable people.",
            ),
            format=EventFormat.DIALOGUE,
            start_date=today + timedelta(days=45),
            end_date=today + timedelta(days=47),
            city=T("Tunis", "Tunis"),
            country=Ref("country", "tn"),
            languages=T("Englisch, Französisch, Arabisch", "English, French, Arabic"),
            organisers=IMPLEMENTERS,
            has_call=True,
            call_deadline=today + timedelta(days=14),
            call_eligibility=ELIGIBILITY,
            call_how_to_apply=HOW_TO_APPLY,
            hero_image=Ref("image", "heat"),
            themes=_themes("climate-adaptation-heat"),
            sdgs=_sdgs(3, 11, 13),
            body=[
                paragraph(
                    T(
                        "<p>Hitzewellen werden häufiger und intensiver. Städte in Deutschland, "
                        "Nordafrika und Nahost entwickeln Hitzeaktionspläne, schaffen Schatten "
                        "und Grün und schützen besonders gefährdete Menschen. Die "
                        "Dialogveranstaltung fördert den Austausch zwischen diesen Städten.</p>",
                        "<p>Heatwaves are becoming more frequent and more intense. Cities in "
                        "Germany, North Africa and the Middle East are developing heat action "
                        "plans, creating shade and green space and protecting the most "
                        "vulnerable. The dialogue event fosters exchange between these "
                        "cities.</p>",
                    )
                ),
                documents(
                    T("Bewerbung", "Application"),
                    ("call-heat", T("Bewerbungsbogen", "Application form")),
                ),
            ],
        ),
        _event(
            "event-waste-digital-2025",
            T(
                "Der Digitalisierungsstand in der Abfallwirtschaft: Einsichten aus Deutschland "
                "und dem Libanon",
                "Digitalisation in waste management: insights from Germany and Lebanon",
            ),
            T("digitalisierung-abfallwirtschaft", "digitalisation-waste-management"),
            T(
                "Webinar: Wie digitale Werkzeuge Sammlung, Planung und Abrechnung in der "
                "kommunalen Abfallwirtschaft verändern.",
                "Webinar: how digital tools change collection, planning and billing in municipal "
                "waste management.",
            ),
            format=EventFormat.WEBINAR,
            start_date=date(2025, 6, 16),
            end_date=date(2025, 6, 16),
            online=True,
            languages=T("Englisch, Arabisch", "English, Arabic"),
            organisers=IMPLEMENTERS,
            hero_image=Ref("image", "waste"),
            themes=_themes("waste-circular-economy", "digitalisation-smart-city"),
            sdgs=_sdgs(11, 12),
            body=[
                paragraph(
                    T(
                        "<p>Fachleute aus deutschen und libanesischen Kommunen berichteten, wo "
                        "die Digitalisierung der Abfallwirtschaft heute steht – von der "
                        "Tourenplanung bis zur Kommunikation mit der Bevölkerung.</p>",
                        "<p>Practitioners from German and Lebanese municipalities reported on the "
                        "state of digitalisation in waste management – from route planning to "
                        "communication with residents.</p>",
                    )
                ),
            ],
        ),
    ]
