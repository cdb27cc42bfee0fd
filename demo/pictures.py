"""Demo pictures: abstract graphics without words, each with its focal point and a description.

A picture is a diagonal gradient in one of the portal's palettes with a white pictogram (a
motif: houses, trees, a bicycle, ...) drawn from simple shapes in a box to the left, in the
middle or to the right. The box is the image's focal point, so Wagtail's fill crops (12:5 hero,
16:9 card, 4:3 home, 3:2 news, A-format cover) keep the whole motif. `describe()` says in German
or English what the picture shows, for the alternative text: shapes, number and colours.

Wide pictures (1600 x 900) serve heroes, cards and body images; cover pictures (1240 x 1754,
A-format portrait) serve publications, with two bands below the motif like a printed cover.
"""

import hashlib
import io
import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

from pages.factories import PALETTES

WIDE = (1600, 900)
# Room left around the motif in the focal point.
FOCAL_MARGIN = 48
COVER = (1240, 1754)

# Palette names (see pages.factories.PALETTES): (German, English), from start to end colour.
PALETTE_NAMES = [
    (("Petrolblau", "Türkis"), ("petrol blue", "teal")),
    (("Ziegelrot", "Bernstein"), ("brick red", "amber")),
    (("Waldgrün", "Hellgrün"), ("forest green", "leaf green")),
    (("Indigo", "Flieder"), ("indigo", "lilac")),
    (("Nachtblau", "Himmelblau"), ("night blue", "sky blue")),
    (("Weinrot", "Rosé"), ("wine red", "rose")),
]

NUMBERS = {
    2: ("zwei", "two"),
    3: ("drei", "three"),
    4: ("vier", "four"),
    5: ("fünf", "five"),
    6: ("sechs", "six"),
    7: ("sieben", "seven"),
}

# Where the motif stands: (centre as a share of the width, German, English).
PLACES = [(0.27, "links", "on the left"), (0.5, "in der Mitte", "in the middle")]
PLACES.append((0.73, "rechts", "on the right"))

# motif: (counts it comes in, German phrase, English phrase); {n} is the number in words.
MOTIFS = {
    "skyline": (
        (4, 5, 6, 7),
        "die Silhouette einer Stadt aus {n} Hochhäusern mit kleinen Fenstern",
        "a city skyline of {n} tower blocks with small windows",
    ),
    "houses": (
        (2, 3, 4),
        "eine Reihe von {n} Häusern mit spitzen Dächern und Türen",
        "a row of {n} houses with pointed roofs and doors",
    ),
    "trees": (
        (3, 4, 5),
        "{n} Bäume mit runden Kronen auf schmalen Stämmen",
        "{n} trees with round crowns on slender trunks",
    ),
    "waves": (
        (3, 4, 5),
        "{n} wellenförmige Linien übereinander wie Wasser",
        "{n} wavy lines one above the other, like water",
    ),
    "bicycle": (
        (2,),
        "ein Fahrrad aus {n} Kreisen als Rädern und geraden Linien als Rahmen",
        "a bicycle of {n} circles for wheels and straight lines for the frame",
    ),
    "network": (
        (5, 6, 7),
        "ein Netz aus {n} Punkten, die durch Linien verbunden sind",
        "a network of {n} dots joined by lines",
    ),
    "sun": (
        (6, 7),
        "eine Sonne: ein Kreis mit {n} Strahlen",
        "a sun: a circle with {n} rays",
    ),
    "bars": (
        (3, 4, 5, 6),
        "ein Säulendiagramm mit {n} ansteigenden Säulen",
        "a bar chart of {n} rising bars",
    ),
    "speech": (
        (2,),
        "{n} einander überlappende Sprechblasen, in einer drei Punkte",
        "{n} overlapping speech bubbles, one holding three dots",
    ),
    "grid": (
        (3, 4),
        "ein Straßenraster aus {n} mal {n} Linien mit einer Ortsmarke",
        "a street grid of {n} by {n} lines with a location pin",
    ),
    "drops": (
        (2, 3, 4),
        "{n} Wassertropfen",
        "{n} water drops",
    ),
    "cycle": (
        (3,),
        "{n} Pfeile, die im Kreis aufeinander folgen",
        "{n} arrows following one another in a circle",
    ),
    "lamp": (
        (1,),
        "eine Straßenlaterne, die einen Lichtkegel wirft",
        "a street lamp casting a cone of light",
    ),
}

# The demo's themes (the keys its pages use) and the motif that stands for each.
THEME_MOTIFS = {
    "home": "skyline",
    "dialogue": "speech",
    "expertise": "network",
    "innovation": "bars",
    "mobility": "bicycle",
    "sanitation": "drops",
    "waste": "cycle",
    "canal": "waves",
    "neighbourhood": "houses",
    "safety": "lamp",
    "green": "trees",
    "timber": "houses",
    "land": "grid",
    "heat": "sun",
    "digital": "network",
    "risk": "waves",
    "urban-lab": "grid",
    "news": "speech",
    "publications": "bars",
}


@dataclass(frozen=True)
class Picture:
    """One demo picture: `title` identifies it among the images (the seed finds it again)."""

    key: str
    title: str
    motif: str
    count: int
    palette: int
    place: int
    cover: bool = False

    @property
    def size(self):
        return COVER if self.cover else WIDE

    @property
    def focal_box(self):
        """(x, y, width, height) of the motif with a margin around it: Wagtail's focal point (x
        and y its centre), so a crop never cuts the motif flush at its edge."""
        x, y, box_w, box_h = self.motif_box
        return x, y, box_w + 2 * FOCAL_MARGIN, box_h + 2 * FOCAL_MARGIN

    @property
    def motif_box(self):
        """(x, y, width, height) of the box the motif is drawn in (x and y its centre)."""
        width, height = self.size
        box_w, box_h = (700, 600) if self.cover else (640, 480)
        x = round(PLACES[self.place][0] * width) if not self.cover else width // 2
        y = round(height * 0.36) if self.cover else height // 2
        return x, y, box_w, box_h

    def describe(self, language):
        """What the picture shows, in German ("de") or English ("en")."""
        de = language == "de"
        _counts, phrase_de, phrase_en = MOTIFS[self.motif]
        number = NUMBERS.get(self.count, (str(self.count), str(self.count)))[0 if de else 1]
        motif = (phrase_de if de else phrase_en).format(n=number)
        start, end = PALETTE_NAMES[self.palette][0 if de else 1]
        if de:
            where = "oben" if self.cover else PLACES[self.place][1]
            bands = ", darunter zwei waagerechte Streifen" if self.cover else ""
            return (
                f"Abstrakte Grafik: {motif} in Weiß, {where} auf einem Farbverlauf von "
                f"{start} zu {end}{bands}."
            )
        where = "at the top" if self.cover else PLACES[self.place][2]
        bands = ", above two horizontal bands" if self.cover else ""
        return (
            f"Abstract graphic: {motif} in white, {where} of a gradient from {start} "
            f"to {end}{bands}."
        )

    def render(self):
        """JPEG bytes of the picture."""
        width, height = self.size
        start, end = PALETTES[self.palette % len(PALETTES)]
        horizontal = Image.linear_gradient("L").rotate(90).resize(self.size)
        vertical = Image.linear_gradient("L").resize(self.size)
        mask = Image.blend(horizontal, vertical, 0.5)
        image = Image.composite(
            Image.new("RGB", self.size, end), Image.new("RGB", self.size, start), mask
        )
        overlay = Image.new("RGBA", self.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        seed = hashlib.sha256(self.key.encode()).digest()
        # Soft background circles, laid out by the key: no two pictures alike.
        for i in range(5):
            cx, cy = seed[i] * width // 255, seed[i + 5] * height // 255
            radius = (seed[i + 10] % 30 + 10) * min(self.size) // 100
            draw.ellipse(
                (cx - radius, cy - radius, cx + radius, cy + radius),
                fill=(255, 255, 255, 14 + seed[i + 15] % 18),
            )
        if self.cover:
            for top, alpha in ((0.72, 200), (0.8, 120)):
                draw.rectangle(
                    (0, int(height * top), width, int(height * top) + 70),
                    fill=(255, 255, 255, alpha),
                )
        x, y, box_w, box_h = self.motif_box
        box = (x - box_w // 2, y - box_h // 2, x + box_w // 2, y + box_h // 2)
        DRAW[self.motif](draw, box, self.count, start, seed)
        image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, format="JPEG", quality=85)
        return buffer.getvalue()


WHITE = (255, 255, 255, 235)


def _skyline(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    step = (x1 - x0) / n
    for i in range(n):
        top = y0 + (seed[i] % 50) * (y1 - y0) // 100
        left, right = int(x0 + i * step + 4), int(x0 + (i + 1) * step - 4)
        draw.rectangle((left, top, right, y1), fill=WHITE)
        for wy in range(top + 16, y1 - 24, 34):
            for wx in range(left + 12, right - 20, 28):
                draw.rectangle((wx, wy, wx + 12, wy + 16), fill=(*dark, 255))


def _houses(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    step = (x1 - x0) / n
    for i in range(n):
        left, right = int(x0 + i * step + 10), int(x0 + (i + 1) * step - 10)
        wall = y0 + (y1 - y0) * 45 // 100
        draw.polygon(
            [(left - 8, wall), ((left + right) // 2, y0 + (seed[i] % 20)), (right + 8, wall)],
            fill=WHITE,
        )
        draw.rectangle((left, wall, right, y1), fill=WHITE)
        door = (right - left) // 4
        mid = (left + right) // 2
        draw.rectangle((mid - door // 2, y1 - door * 2, mid + door // 2, y1), fill=(*dark, 255))


def _trees(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    step = (x1 - x0) / n
    for i in range(n):
        cx = int(x0 + (i + 0.5) * step)
        radius = int(step * (0.36 + (seed[i] % 10) / 100))
        top = y0 + radius + (seed[i + 3] % 40)
        draw.rectangle((cx - 7, top, cx + 7, y1), fill=WHITE)
        draw.ellipse((cx - radius, top - radius, cx + radius, top + radius), fill=WHITE)


def _waves(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    gap = (y1 - y0) / (n + 1)
    for i in range(n):
        base = y0 + gap * (i + 1)
        phase = seed[i] / 40
        points = [
            (x, base + math.sin(phase + (x - x0) / 45) * gap * 0.3) for x in range(x0, x1 + 1, 8)
        ]
        draw.line(points, fill=WHITE, width=14, joint="curve")


def _bicycle(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    radius = (y1 - y0) * 30 // 100
    back = (x0 + radius + 10, y1 - radius - 10)
    front = (x1 - radius - 10, y1 - radius - 10)
    for cx, cy in (back, front):
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=WHITE, width=14)
    crank = ((back[0] + front[0]) // 2 - 20, back[1])
    seat = (back[0] + radius // 2 + 20, y0 + radius // 2 + 30)
    bar = (front[0] - radius // 3, y0 + radius // 2 + 20)
    for a, b in (
        (back, crank),
        (crank, seat),
        (seat, back),
        (seat, bar),
        (crank, bar),
        (bar, front),
    ):
        draw.line((a, b), fill=WHITE, width=12)
    draw.line((seat[0] - 40, seat[1] - 10, seat[0] + 30, seat[1] - 10), fill=WHITE, width=14)
    draw.line((bar[0] - 10, bar[1] - 40, bar[0] + 40, bar[1] - 40), fill=WHITE, width=12)


def _network(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    rx, ry = (x1 - x0) // 2 - 30, (y1 - y0) // 2 - 30
    nodes = [
        (
            cx + rx * math.cos(2 * math.pi * i / n + seed[0] / 60),
            cy + ry * math.sin(2 * math.pi * i / n + seed[0] / 60),
        )
        for i in range(n)
    ]
    for i, a in enumerate(nodes):
        draw.line((a, nodes[(i + 1) % n]), fill=WHITE, width=8)
        draw.line((a, nodes[(i + 2) % n]), fill=(255, 255, 255, 150), width=5)
    for x, y in nodes:
        draw.ellipse((x - 26, y - 26, x + 26, y + 26), fill=WHITE)


def _sun(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    radius = (y1 - y0) // 5
    for i in range(n):
        angle = 2 * math.pi * i / n + seed[0] / 80
        inner, outer = radius + 30, (y1 - y0) // 2 - 8
        draw.line(
            (
                cx + inner * math.cos(angle),
                cy + inner * math.sin(angle),
                cx + outer * math.cos(angle),
                cy + outer * math.sin(angle),
            ),
            fill=WHITE,
            width=18,
        )
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=WHITE)


def _bars(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    step = (x1 - x0) / n
    for i in range(n):
        top = y1 - (y1 - y0 - 20) * (i + 1) // n
        draw.rectangle(
            (int(x0 + i * step + 12), top, int(x0 + (i + 1) * step - 12), y1 - 14), fill=WHITE
        )
    draw.rectangle((x0, y1 - 8, x1, y1), fill=WHITE)


def _speech(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    w, h = (x1 - x0) * 62 // 100, (y1 - y0) * 48 // 100
    first = (x0, y0, x0 + w, y0 + h)
    second = (x1 - w, y1 - h - 50, x1, y1 - 50)
    for i, (a, b, c, d) in enumerate((first, second)):
        draw.rounded_rectangle((a, b, c, d), radius=40, fill=WHITE if i else (255, 255, 255, 170))
        tail_x = a + 60 if i == 0 else c - 60
        draw.polygon(
            [(tail_x - 24, d - 2), (tail_x + 24, d - 2), (tail_x + (-30 if i else 30), d + 50)],
            fill=WHITE if i else (255, 255, 255, 170),
        )
    a, b, c, d = second
    for k in (-1, 0, 1):
        mx, my = (a + c) // 2 + k * 60, (b + d) // 2
        draw.ellipse((mx - 16, my - 16, mx + 16, my + 16), fill=(*dark, 255))


def _grid(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    for i in range(n):
        x = x0 + (x1 - x0) * (i + 0.5) / n
        y = y0 + (y1 - y0) * (i + 0.5) / n
        draw.line((x, y0, x, y1), fill=(255, 255, 255, 190), width=12)
        draw.line((x0, y, x1, y), fill=(255, 255, 255, 190), width=12)
    px = x0 + (x1 - x0) * (1 + seed[0] % (n - 1)) / n
    py = y0 + (y1 - y0) * (seed[1] % (n - 1) + 0.5) / n
    draw.ellipse((px - 44, py - 44, px + 44, py + 44), fill=WHITE)
    draw.polygon([(px - 38, py + 20), (px + 38, py + 20), (px, py + 110)], fill=WHITE)
    draw.ellipse((px - 16, py - 16, px + 16, py + 16), fill=(*dark, 255))


def _drops(draw, box, n, dark, seed):
    x0, _y0, x1, y1 = box
    step = (x1 - x0) / n
    for i in range(n):
        cx = x0 + (i + 0.5) * step
        radius = step * 0.3
        bottom = y1 - 10 - (seed[i] % 5) * 20
        cy = bottom - radius
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=WHITE)
        draw.polygon(
            [
                (cx - radius * 0.93, cy - radius * 0.35),
                (cx + radius * 0.93, cy - radius * 0.35),
                (cx, cy - radius * 2.6),
            ],
            fill=WHITE,
        )


def _cycle(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    cx, cy = (x0 + x1) // 2, (y0 + y1) // 2
    radius = (y1 - y0) // 2 - 40
    for i in range(n):
        begin = 360 * i / n + seed[0] % 40
        end = begin + 360 / n - 28
        draw.arc(
            (cx - radius, cy - radius, cx + radius, cy + radius), begin, end, fill=WHITE, width=26
        )
        angle = math.radians(end)
        tip = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        along = (-math.sin(angle), math.cos(angle))
        out = (math.cos(angle), math.sin(angle))
        draw.polygon(
            [
                (tip[0] + out[0] * 40, tip[1] + out[1] * 40),
                (tip[0] - out[0] * 40, tip[1] - out[1] * 40),
                (tip[0] + along[0] * 50, tip[1] + along[1] * 50),
            ],
            fill=WHITE,
        )


def _lamp(draw, box, n, dark, seed):
    x0, y0, x1, y1 = box
    pole = x0 + (x1 - x0) // 3
    head = (pole + 150, y0 + 40)
    draw.polygon(
        [
            (head[0] - 30, head[1] + 30),
            (head[0] + 30, head[1] + 30),
            (head[0] + 190, y1),
            (head[0] - 190, y1),
        ],
        fill=(255, 255, 255, 70),
    )
    draw.rectangle((pole - 10, y0 + 20, pole + 10, y1), fill=WHITE)
    draw.line((pole, y0 + 30, head[0], head[1]), fill=WHITE, width=14)
    draw.polygon(
        [(head[0] - 50, head[1] + 34), (head[0] + 50, head[1] + 34), (head[0], head[1] - 16)],
        fill=WHITE,
    )
    draw.rectangle((pole - 50, y1 - 16, pole + 50, y1), fill=WHITE)


DRAW = {
    "skyline": _skyline,
    "houses": _houses,
    "trees": _trees,
    "waves": _waves,
    "bicycle": _bicycle,
    "network": _network,
    "sun": _sun,
    "bars": _bars,
    "speech": _speech,
    "grid": _grid,
    "drops": _drops,
    "cycle": _cycle,
    "lamp": _lamp,
}


class PictureSet:
    """Pictures handed out one by one, each different from all before it: the motif comes from
    the theme; count, palette and place follow a hash of the key, skipping combinations
    already given (so no two pictures, and no two descriptions, are alike)."""

    def __init__(self):
        self.pictures = {}
        self._used = set()

    def add(self, key, title, theme, cover=False):
        if any(picture.title == title for picture in self.pictures.values()):
            raise ValueError(
                f"Two demo pictures are called {title!r}: the seed finds them by title"
            )
        motif = THEME_MOTIFS[theme]
        counts = MOTIFS[motif][0]
        seed = hashlib.sha256(key.encode()).digest()
        places = (1,) if cover else range(len(PLACES))
        options = [
            (counts[(seed[0] + i) % len(counts)], (seed[1] + j) % len(PALETTES), place)
            for i in range(len(counts))
            for j in range(len(PALETTES))
            for place in (places if cover else [(seed[2] + k) % len(PLACES) for k in places])
        ]
        for count, palette, place in options:
            if (motif, count, palette, place, cover) not in self._used:
                break
        else:
            raise ValueError(f"No distinct picture left for the theme {theme!r} ({key})")
        self._used.add((motif, count, palette, place, cover))
        picture = Picture(key, title, motif, count, palette, place, cover)
        self.pictures[key] = picture
        return picture


# Pictures inside page bodies (image and gallery blocks): key: (title, theme).
BODY_PICTURES = {
    "dialogue": ("Kommunale Expertise teilen – Dialog", "dialogue"),
    "expertise": ("Kommunale Expertise teilen – Netzwerk", "expertise"),
    "innovation": ("Innovative Lösungen", "innovation"),
    "waste": ("Wertstoffe sortieren", "waste"),
    "canal": ("Radweg am Kanal", "canal"),
    "timber": ("Bauen mit Holz aus der Region", "timber"),
}


def demo_pictures():
    """A picture set holding the body pictures; the seed adds one hero picture per page."""
    pictures = PictureSet()
    for key, (title, theme) in BODY_PICTURES.items():
        pictures.add(key, title, theme)
    return pictures


def body_picture(key):
    return demo_pictures().pictures[key]
