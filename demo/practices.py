"""Good practices and the supported project (seeds 000 and 004).

The seeds give only the teasers; the sections are modest summaries of them, without figures
the seeds do not contain. The Amman project shows the lineage event -> project -> practice:
its idea arose at the 2020 dialogue event on intermunicipal land management.
"""

from datetime import date

from pages.models import GoodPracticePage, ProjectStatus, SupportedProjectPage

from .base import SECRETARIAT, PageSpec, Ref, T, heading, image, key_figures, paragraph, quote


def _themes(*slugs):
    return [Ref("theme", slug) for slug in slugs]


def _sdgs(*numbers):
    return [Ref("sdg", f"sdg-{number}") for number in numbers]


def _p(de, en):
    return T(f"<p>{de}</p>", f"<p>{en}</p>")


AMMAN = PageSpec(
    key="project-amman-land-use",
    model=SupportedProjectPage,
    parent="projects",
    fields={
        "title": T(
            "Ein nachhaltiger Flächennutzungsplan für unbebaute Flächen",
            "A sustainable land use plan for undeveloped land",
        ),
        "slug": T("nachhaltiger-flaechennutzungsplan-amman", "sustainable-land-use-plan-amman"),
        "teaser": T(
            "Bei einer Dialogveranstaltung zu interkommunalem Flächenmanagement Ende 2020 "
            "entstand die Idee, die Stadtverwaltung von Groß-Amman bei einem Gemeindeplan für "
            "ein weitgehend unbebautes Gebiet zu unterstützen.",
            "At a dialogue event on intermunicipal land management at the end of 2020, the idea "
            "arose to support Greater Amman Municipality in drawing up a community plan for a "
            "largely undeveloped area.",
        ),
        "hero_image": Ref("image", "land"),
        "partner_municipality": T(
            "Stadtverwaltung Groß-Amman (Greater Amman Municipality)",
            "Greater Amman Municipality",
        ),
        "country": Ref("country", "jo"),
        "german_partner": T(
            "Fachleute der Landeshauptstadt München und der Stadt Frankfurt am Main",
            "Experts from the City of Munich and the City of Frankfurt am Main",
        ),
        "origin_event": Ref("page", "event-land-management-2020"),
        "status": ProjectStatus.PLANNING,
        "period_start": date(2021, 11, 10),
        "funding": T(
            "Fachberatung durch Connective Cities im Auftrag des BMZ",
            "Expert advice from Connective Cities on behalf of the BMZ",
        ),
        "results": _p(
            "Jordanische und deutsche Fachleute haben Ende 2021 einen intensiven Austausch "
            "begonnen – zu Beteiligungsverfahren, rechtlichen Grundlagen des Grundeigentums und "
            "zum Projektmanagement für Gemeindepläne.",
            "Jordanian and German experts began an intensive exchange at the end of 2021 – on "
            "participatory approaches, the legal framework of land ownership and project "
            "management for community plans.",
        ),
        "themes": _themes("land-management", "citizen-participation"),
        "sdgs": _sdgs(11, 15, 17),
        "body": [
            heading(T("Ausgangslage", "Initial situation")),
            paragraph(
                _p(
                    "Bei der virtuellen Dialogveranstaltung im November 2020 äußerte die "
                    "Stadtverwaltung von Groß-Amman den Wunsch nach vertiefter Beratung für "
                    "einen Gemeindeplan. Nachhaltigkeit und die Zusammenarbeit von Verwaltung, "
                    "Privatwirtschaft, Entwicklungspartnern und Bevölkerung waren ihr dabei "
                    "besonders wichtig.",
                    "At the virtual dialogue event in November 2020, Greater Amman Municipality "
                    "expressed its interest in in-depth advice on a community plan. It found it "
                    "especially important to take sustainability into account and to improve "
                    "cooperation between the government, the private sector, development "
                    "partners and citizens.",
                )
            ),
            heading(T("Projektidee", "Project idea")),
            paragraph(
                _p(
                    "In einem Pilotprojekt soll ein Gemeindeplan entstehen, der als Vorlage für "
                    "weitere Gebiete dienen kann.",
                    "In a pilot project, Amman intends to create a community plan that can serve "
                    "as a blueprint for further areas.",
                )
            ),
            SECRETARIAT,
        ],
    },
    tags=("Amman",),
)


def _practice(key, **fields):
    return PageSpec(key=key, model=GoodPracticePage, parent="practices", fields=fields)


PRACTICES = [
    _practice(
        "practice-bangkok-bangmod",
        title=T(
            "Rad, Kanal und Gemeinschaft in Bangkok – das Beispiel Bangmod",
            "Cycling Canal and Community Project in Bangkok – Bangmod case",
        ),
        slug=T("rad-kanal-gemeinschaft-bangkok-bangmod", "cycling-canal-community-bangkok-bangmod"),
        teaser=T(
            "Das Projekt beruht auf den drei C: Cycling – Canal – Community. Bekannt als "
            "Radwegeprojekt für die Kanalmetropole, verbindet es Mobilität mit dem Leben am "
            "Wasser.",
            "The project is based on 3C: Cycling – Canal – Community. Known as a bicycle route "
            "project for the canal metropolis, it links mobility with life along the water.",
        ),
        hero_image=Ref("image", "canal"),
        city=T("Bangkok", "Bangkok"),
        country=Ref("country", "th"),
        contact_institution=T("Gemeinschaft von Bangmod", "Bangmod community"),
        key_facts=[
            key_figures(
                T("In Zahlen", "In figures"),
                ("3C", T("Cycling – Canal – Community", "Cycling – Canal – Community")),
            )
        ],
        challenge=_p(
            "Bangkok ist von Kanälen durchzogen, doch viele Ufer sind schwer zugänglich und der "
            "Straßenverkehr lässt wenig Raum für das Rad.",
            "Bangkok is criss-crossed by canals, yet many banks are hard to reach and road "
            "traffic leaves little room for cycling.",
        ),
        approach=_p(
            "Im Stadtteil Bangmod entwickelte die Nachbarschaft gemeinsam mit Partnern "
            "Radrouten entlang der Kanäle und verband sie mit Treffpunkten der Gemeinschaft.",
            "In the Bangmod neighbourhood, residents and partners developed cycle routes along "
            "the canals and linked them with community meeting places.",
        ),
        results=_p(
            "Die Kanalufer werden wieder als öffentlicher Raum genutzt, und das Rad gewinnt als "
            "Verkehrsmittel im Quartier an Bedeutung.",
            "The canal banks are used as public space again, and the bicycle is gaining "
            "importance as a means of transport in the neighbourhood.",
        ),
        lessons=_p(
            "Wenn die Nachbarschaft von Anfang an beteiligt ist, entstehen Wege, die tatsächlich "
            "genutzt und gepflegt werden.",
            "When residents are involved from the start, the routes that emerge are actually "
            "used and looked after.",
        ),
        transferability=_p(
            "Übertragbar auf Städte mit Wasserläufen oder anderen linearen Freiräumen, die sich "
            "für Fuß- und Radverkehr öffnen lassen.",
            "Transferable to cities with waterways or other linear open spaces that can be "
            "opened to walking and cycling.",
        ),
        themes=_themes("urban-mobility", "citizen-participation"),
        sdgs=_sdgs(3, 11),
        related_events=[Ref("page", "event-mobility-bremen-2017")],
        body=[
            image(
                "canal",
                caption=T("Radweg am Kanal", "Cycle path along the canal"),
            ),
        ],
    ),
    _practice(
        "practice-cape-town-fence",
        title=T(
            "„Die andere Seite des Zauns“ – Village Heights in Kapstadt",
            "“The Other Side of the Fence” – Village Heights, Cape Town",
        ),
        slug=T("die-andere-seite-des-zauns-kapstadt", "the-other-side-of-the-fence-cape-town"),
        teaser=T(
            "Das Projekt Village Heights / „The Other Side of the Fence“ ist eine "
            "Arbeitsbeziehung zwischen der Stadt Kapstadt und den Bewohnerinnen und Bewohnern "
            "einer Siedlung.",
            "The Village Heights / The Other Side of the Fence project is a working "
            "relationship between the City of Cape Town and the residents of a settlement.",
        ),
        hero_image=Ref("image", "neighbourhood"),
        city=T("Kapstadt", "Cape Town"),
        country=Ref("country", "za"),
        contact_institution=T("Stadt Kapstadt", "City of Cape Town"),
        challenge=_p(
            "Zwischen Stadtverwaltung und den Menschen in informellen und benachteiligten "
            "Siedlungen fehlte oft das Vertrauen – sinnbildlich stand ein Zaun dazwischen.",
            "Trust between the city administration and the people in informal and "
            "disadvantaged settlements was often lacking – figuratively, a fence stood between "
            "them.",
        ),
        approach=_p(
            "Stadt und Bewohnerschaft vereinbarten eine verbindliche Zusammenarbeit: "
            "regelmäßige Treffen, gemeinsame Prioritäten und klare Zuständigkeiten.",
            "The city and the residents agreed on a binding working relationship: regular "
            "meetings, shared priorities and clear responsibilities.",
        ),
        results=_p(
            "Die Beteiligten kennen sich, Anliegen werden früher besprochen und Maßnahmen "
            "gemeinsam getragen.",
            "The people involved know each other, concerns are raised earlier and measures are "
            "supported jointly.",
        ),
        lessons=_p(
            "Verlässlichkeit auf beiden Seiten des Zauns ist wichtiger als ein perfekter Plan.",
            "Reliability on both sides of the fence matters more than a perfect plan.",
        ),
        transferability=_p(
            "Der Ansatz eignet sich für Kommunen, die die Zusammenarbeit mit benachteiligten "
            "Quartieren auf eine neue Grundlage stellen wollen.",
            "The approach suits municipalities that want to put cooperation with disadvantaged "
            "neighbourhoods on a new footing.",
        ),
        themes=_themes("housing", "citizen-participation"),
        sdgs=_sdgs(10, 11),
        body=[
            quote(
                T(
                    "Zusammenarbeit beginnt damit, auf die andere Seite des Zauns zu gehen.",
                    "Working together starts with going to the other side of the fence.",
                ),
                attribution="Village Heights",
            ),
        ],
    ),
    _practice(
        "practice-vcp",
        title=T(
            "Inklusive Gewalt- und Kriminalprävention (VCP)",
            "Inclusive violence and crime prevention (VCP)",
        ),
        slug=T(
            "inklusive-gewalt-und-kriminalpraevention", "inclusive-violence-and-crime-prevention"
        ),
        teaser=T(
            "Mobilität und Lebensqualität der Menschen und ihre Teilhabe am öffentlichen Leben "
            "hängen stark von der Sicherheit öffentlicher Räume ab.",
            "People's mobility and quality of life and their participation in public life and "
            "in sustainable development processes greatly depend on the safety of public "
            "spaces.",
        ),
        hero_image=Ref("image", "safety"),
        city=T("Mehrere Kommunen", "Several municipalities"),
        country=Ref("country", "za"),
        contact_institution=T(
            "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
            "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
        ),
        key_facts=[
            key_figures(
                T("In Zahlen", "In figures"),
                ("2012", T("Beginn des Programms", "start of the programme")),
                ("3", T("staatliche Ebenen beteiligt", "levels of government involved")),
            )
        ],
        challenge=_p(
            "Gewalt und Kriminalität gehören in Südafrika zu den größten Hindernissen für "
            "Entwicklung, besonders in den Städten.",
            "Violence and crime are among the greatest obstacles to development in South "
            "Africa, particularly in its cities.",
        ),
        approach=_p(
            "Südafrika und Deutschland setzen gemeinsam ein Programm um, das die Zusammenarbeit "
            "staatlicher und nichtstaatlicher Akteure auf nationaler, Provinz- und kommunaler "
            "Ebene fördert – mit besonderem Blick auf die Steuerung von Sicherheit vor Ort.",
            "The governments of South Africa and Germany jointly implement a programme that "
            "promotes collaboration between governmental and non-governmental stakeholders at "
            "national, provincial and municipal level – with a particular focus on the "
            "inclusive governance of safety at local level.",
        ),
        results=_p(
            "Kommunen setzen Präventionsmaßnahmen gemeinsam mit der Zivilgesellschaft und "
            "jungen Menschen um.",
            "Municipalities implement prevention measures together with civil society and young "
            "people.",
        ),
        lessons=_p(
            "Prävention braucht viele Sektoren – Jugendarbeit, Stadtplanung, Bildung und "
            "Polizei – und alle staatlichen Ebenen.",
            "Prevention needs many sectors – youth work, urban planning, education and policing "
            "– and all levels of government.",
        ),
        transferability=_p(
            "Der integrierte Ansatz lässt sich auf Städte übertragen, die Sicherheit im "
            "öffentlichen Raum als gemeinsame Aufgabe verstehen.",
            "The integrated approach can be transferred to cities that treat safety in public "
            "space as a shared task.",
        ),
        themes=_themes("crime-prevention"),
        sdgs=_sdgs(11, 16),
        body=[],
    ),
    _practice(
        "practice-cebu-green-loop",
        title=T("Der Grüne Ring von Metro Cebu", "The Green Loop of Metro Cebu"),
        slug=T("gruener-ring-metro-cebu", "green-loop-metro-cebu"),
        teaser=T(
            "Cebu ist die am zweitstärksten verstädterte und bevölkerungsreiche Stadt der "
            "Philippinen. Die rasche Urbanisierung hat zu vielfältigen städtischen Problemen "
            "geführt.",
            "Cebu is the second most urbanised and populous city in the Philippines. Rapid "
            "urbanisation has led to a range of urban problems.",
        ),
        hero_image=Ref("image", "green"),
        city=T("Cebu", "Cebu"),
        country=Ref("country", "ph"),
        key_facts=[
            key_figures(
                T("In Zahlen", "In figures"),
                (
                    T("Nr. 2", "No. 2"),
                    T(
                        "unter den am stärksten verstädterten Städten der Philippinen",
                        "among the most urbanised cities in the Philippines",
                    ),
                ),
            )
        ],
        challenge=_p(
            "Mit dem schnellen Wachstum fehlen Grünflächen, sichere Wege für den Fuß- und "
            "Radverkehr und Schutz vor Hitze.",
            "Rapid growth has left the city short of green space, safe routes for walking and "
            "cycling, and protection from heat.",
        ),
        approach=_p(
            "Der Grüne Ring verknüpft Grün- und Freiräume der Metropolregion zu einem "
            "zusammenhängenden Netz für Erholung, Bewegung und Stadtklima.",
            "The Green Loop links the metropolitan area's green and open spaces into a "
            "connected network for recreation, active mobility and the urban climate.",
        ),
        results=_p(
            "Die Idee gibt den beteiligten Kommunen ein gemeinsames Leitbild für ihre "
            "Freiraumplanung.",
            "The idea gives the municipalities involved a shared vision for planning their open "
            "spaces.",
        ),
        lessons=_p(
            "Ein anschauliches Bild wie der Grüne Ring hilft, Kommunen einer Metropolregion "
            "hinter einem Ziel zu versammeln.",
            "A tangible image such as the Green Loop helps to rally the municipalities of a "
            "metropolitan region behind one goal.",
        ),
        transferability=_p(
            "Interessant für Metropolregionen, deren Kommunen Grünräume über Stadtgrenzen "
            "hinweg planen wollen.",
            "Of interest to metropolitan regions whose municipalities want to plan green space "
            "across city boundaries.",
        ),
        themes=_themes("climate-adaptation-heat", "urban-mobility"),
        sdgs=_sdgs(11, 13, 15),
        related_events=[Ref("page", "event-mobility-see-2017")],
        body=[],
    ),
    _practice(
        "practice-loerrach-timber",
        title=T(
            "Lörrach plant das erste Gewerbegebiet in Holzbauweise in Deutschland",
            "Lörrach plans Germany's first timber-built commercial area",
        ),
        slug=T("loerrach-gewerbegebiet-holzbauweise", "loerrach-timber-built-commercial-area"),
        teaser=T(
            "Holz gibt es in Lörrach und im nahen Schwarzwald mehr als genug. So entstand die "
            "Idee eines Gewerbegebiets in Holzbauweise.",
            "There is more than enough wood in the town of Lörrach and the nearby Black Forest. "
            "This is how the idea of a timber-built commercial area was born.",
        ),
        hero_image=Ref("image", "timber"),
        city=T("Lörrach", "Lörrach"),
        country=Ref("country", "de"),
        contact_institution=T("Stadt Lörrach", "Town of Lörrach"),
        key_facts=[
            key_figures(
                T("In Zahlen", "In figures"),
                (
                    "1.",
                    T(
                        "Gewerbegebiet in Holzbauweise in Deutschland (geplant)",
                        "timber-built commercial area in Germany (planned)",
                    ),
                ),
            )
        ],
        challenge=_p(
            "Gewerbebauten verbrauchen viel Fläche und Energie. Die Stadt suchte einen Weg, "
            "Wirtschaftsförderung und Klimaschutz zusammenzubringen.",
            "Commercial buildings consume a lot of land and energy. The town looked for a way "
            "to combine business development with climate protection.",
        ),
        approach=_p(
            "Lörrach plant ein Gewerbegebiet, dessen Gebäude in Holz errichtet werden, mit Holz "
            "aus der Region.",
            "Lörrach is planning a commercial area whose buildings are made of timber, using "
            "wood from the region.",
        ),
        results=_p(
            "Das Vorhaben zieht Betriebe an, die Wert auf nachhaltiges Bauen legen, und stärkt "
            "die regionale Holzwirtschaft.",
            "The project attracts businesses that value sustainable construction and "
            "strengthens the regional timber industry.",
        ),
        lessons=_p(
            "Klare Vorgaben im Bebauungsplan und frühe Gespräche mit Unternehmen sind der "
            "Schlüssel.",
            "Clear requirements in the development plan and early talks with businesses are key.",
        ),
        transferability=_p(
            "Für Kommunen mit regionalen Holzvorkommen gut übertragbar; andere können die "
            "Vorgaben für klimafreundliches Bauen übernehmen.",
            "Readily transferable to municipalities with regional timber resources; others can "
            "adopt the requirements for climate-friendly construction.",
        ),
        themes=_themes("local-business-development", "land-management", "energy-efficiency"),
        sdgs=_sdgs(9, 12, 13),
        related_events=[Ref("page", "event-land-management-2020")],
        related_projects=[Ref("page", "project-amman-land-use")],
        body=[
            image(
                "timber",
                caption=T("Bauen mit Holz aus der Region", "Building with wood from the region"),
            ),
        ],
    ),
]


def page_specs():
    return [AMMAN, *PRACTICES]
