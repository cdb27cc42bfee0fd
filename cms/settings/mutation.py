"""Settings for `make mutation`: the test settings, with the SQLite test database kept in a file.

mutmut runs pytest once per mutant; with the test database in a file, `--reuse-db` migrates it
once for the whole run instead of once per mutant. (A PostgreSQL DATABASE_URL keeps its own
test database between runs anyway.)
"""

from .test import *  # noqa: F403

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "mutation-test-db.sqlite3")}  # noqa: F405
