"""The demo content of the portal and `manage.py seed_demo`, apart from the content model.

The content comes from the seeds in the project brief (German source, English translation),
written as Python data: `taxonomy` and `media` hold the snippets, images and documents; `site`,
`events`, `practices` and `media_centre` the pages (listed in tree order by `specs`); `seed`
builds them with the factories of `pages.factories` and translates every German object into
English through wagtail-localize.
"""
