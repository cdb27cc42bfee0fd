"""The site footer: legal pages, contact, accessibility feedback, partners and funders, social
links. Editors manage it in Settings → Footer; the pages it names are shown in the visitor's
language."""
