"""Who may see the translation status overview, and who may submit translations from it.

The overview: a superuser, or a user with access to the Wagtail admin who belongs to one of
the editorial groups (Editors, Moderators, or a Translators group: "Translators" and
per-language groups such as "Translators (English)") or who may submit translations
(wagtail-localize's `submit_translation` permission).

The bulk "Submit for translation" action: the check of wagtail-localize's own submit views
(`wagtail_localize.submit_translation`), so it allows nothing the per-page action does not;
and a user whose only editorial groups are Translators groups submits into the languages of
those groups only ("Translators (English)" into English).
"""

from localization.roles.groups import translator_groups

EDITORIAL_GROUPS = ("Editors", "Moderators")
TRANSLATOR_GROUP_PREFIX = "Translators"
SUBMIT_PERMISSION = "wagtail_localize.submit_translation"


def can_submit_translations(user):
    return user.is_active and user.has_perm(SUBMIT_PERMISSION)


def can_submit_into(user, language_code):
    """May `user` submit translations into the language `language_code`?"""
    if not can_submit_translations(user):
        return False
    if user.is_superuser:
        return True
    names = set(user.groups.values_list("name", flat=True))
    if names & set(EDITORIAL_GROUPS):
        return True
    languages = translator_groups()
    own = {languages[name] for name in names if name in languages}
    return not own or language_code in own


def can_view_status(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    if user.has_perm(SUBMIT_PERMISSION):
        return True
    names = user.groups.values_list("name", flat=True)
    return any(
        name in EDITORIAL_GROUPS or name.startswith(TRANSLATOR_GROUP_PREFIX) for name in names
    )
