"""Generated demo and test media: pictures without words, distinct per label; PDFs whose text
flows over numbered pages, with a valid cross-reference table."""

import io
import re

from PIL import Image

from pages.factories import render_image, render_pdf


def test_pictures_are_distinct_per_label_and_repeatable():
    first = render_image("Urban Lab", width=320, height=180, palette=1)
    again = render_image("Urban Lab", width=320, height=180, palette=1)
    other = render_image("Urbanes Labor", width=320, height=180, palette=1)
    assert first == again
    assert first != other
    assert Image.open(io.BytesIO(first)).size == (320, 180)


def test_a_picture_does_not_depend_on_the_language_of_its_label():
    # The label only seeds the layout: nothing of it is drawn, so no word shows on any page.
    picture = Image.open(io.BytesIO(render_image("x", width=400, height=225, palette=3)))
    colours = picture.convert("RGB").getcolors(maxcolors=400 * 225)
    assert colours is not None and len(colours) > 100  # a gradient, not a flat card


def pdf_pages(data):
    count = int(re.search(rb"/Type /Pages /Kids \[[^\]]*\] /Count (\d+)", data).group(1))
    pages = data.count(b"/Type /Page /Parent")
    return count, pages


def test_pdf_text_flows_over_numbered_pages():
    paragraphs = [f"Absatz {n}: " + "Städte lernen voneinander. " * 12 for n in range(40)]
    data = render_pdf("BRICS Cities – Facts and analysis 2016", paragraphs)
    count, pages = pdf_pages(data)
    assert count == pages == 5  # 40 paragraphs of four lines, about nine a page
    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    assert b"(BRICS Cities \x96 Facts and analysis 2016) Tj" in data  # cp1252 en dash
    assert b"BRICS Cities \x96 Facts and analysis 2016 \x96 5/5) Tj" in data
    assert b"St\xe4dte lernen" in data
    # Every object starts where the cross-reference table says.
    start = int(re.search(rb"startxref\n(\d+)", data).group(1))
    table = data[start:].split(b"\n")
    size = int(table[1].split()[1])
    offsets = [int(line[:10]) for line in table[3 : 3 + size - 1]]
    assert [data[o:].split(b" ", 1)[0] for o in offsets] == [
        str(n).encode() for n in range(1, size)
    ]


def test_a_short_pdf_has_one_page():
    assert pdf_pages(render_pdf("Flyer", ["Eine Zeile."])) == (1, 1)
