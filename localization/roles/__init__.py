"""Editorial roles (editors, moderators, translators per language) and their guards."""
