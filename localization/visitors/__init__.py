"""Visitors and languages: the page that says a content exists only in another language.

The language switcher (`language_links` in pages/templatetags/portal_tags.py) links to the live
translation of the current page; where there is none it links here, to
`/<lang>/unavailable/<page id>/`, rendered in the language the visitor asked for.
"""
