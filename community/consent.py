"""The consent texts people agree to, each with a version.

A consent record (`community.models.ConsentRecord`) stores the text exactly as the person read
it, in their language, with the version below. Change the wording only together with a new
version, so that every record still says which text was agreed to.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import override


@dataclass(frozen=True)
class ConsentText:
    purpose: str
    version: str
    text: object  # a lazy translation

    def in_language(self, language):
        with override(language):
            return str(self.text)


NEWSLETTER = ConsentText(
    "newsletter",
    "2026-12-06",
    _(
        "I would like to receive the Connective Cities newsletter by e-mail. Connective Cities "
        "stores my e-mail address, my language and my themes of interest only to send it. I can "
        "unsubscribe at any time with the link in every newsletter."
    ),
)
PROPOSAL_PUBLICATION = ConsentText(
    "proposal_publication",
    "2026-12-06",
    _(
        "I agree that Connective Cities edits and publishes this practice on its portal, with "
        "the texts, images and documents I send and the contact person named."
    ),
)
PROPOSAL_CONTACT = ConsentText(
    "proposal_contact",
    "2026-12-06",
    _(
        "Connective Cities may contact me by e-mail about this proposal. My e-mail address is "
        "never published."
    ),
)
EXPERT_PROFILE = ConsentText(
    "expert_profile",
    "2026-12-06",
    _(
        "I agree that Connective Cities publishes my expert profile (name, organisation, city, "
        "country, themes, regions, languages, biography and photo) in its pool of experts and "
        "relays messages from visitors to me. My e-mail address is never shown. I can withdraw "
        "this consent at any time."
    ),
)

TEXTS = {c.purpose: c for c in (NEWSLETTER, PROPOSAL_PUBLICATION, PROPOSAL_CONTACT, EXPERT_PROFILE)}
