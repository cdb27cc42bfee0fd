"""Demo accounts never work outside DEBUG, even in a database seeded under `make run`.

seed_demo puts the accounts it creates into the DEMO_GROUP group. Without DEBUG, this backend
refuses them, and refuses any account whose password is the public default demo password (a
database seeded before the group existed), and drops their open sessions.
"""

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

DEMO_GROUP = "Demo accounts (development only)"
# Written in the README, so never a secret.
PUBLIC_DEMO_PASSWORD = "connective-cities"  # noqa: S105


def is_demo_account(user):
    return user.groups.filter(name=DEMO_GROUP).exists()


class NoDemoAccountsOutsideDebugBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if not settings.DEBUG and password == PUBLIC_DEMO_PASSWORD:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)

    def user_can_authenticate(self, user):
        # Also asked for the user of every session (ModelBackend.get_user).
        if not super().user_can_authenticate(user):
            return False
        return settings.DEBUG or not is_demo_account(user)
