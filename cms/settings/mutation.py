"""Settings for `make mutation`: the test settings, with SQLite's test database in a file.

mutmut runs one pytest session per mutant. `make mutation` migrates a database once and
tests/mutation_scope.py points each session at its own copy of it (MUTATION_DB_TEMPLATE);
without that template, `--reuse-db` keeps this file between sessions.
"""

from .test import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "mutation-test-db.sqlite3")}  # noqa: F405
