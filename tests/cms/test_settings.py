"""Configuration: the README lists every variable; production settings pass the deploy check."""

import os
import re
import subprocess
import sys

from cms.settings.env import BASE_DIR, VARIABLES


def test_readme_lists_every_environment_variable():
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))
    assert listed == set(VARIABLES)


def test_readme_quick_start_holds_the_two_commands():
    readme = (BASE_DIR / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1]
    block = re.search(r"```(?:sh)?\n(.*?)```", quick_start, flags=re.DOTALL).group(1)
    assert block.split() == ["make", "run", "make", "test"]


def run_manage(*args, env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in VARIABLES}
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            # Exactly the variables the README names as required in production.
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "DATABASE_URL": "sqlite:////tmp/ccportal-deploy-check.sqlite3",
            "PORTAL_BASE_URL": "https://portal.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage(
        "check",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "cms.settings.production",
            "ALLOWED_HOSTS": "portal.example.org",
            "DATABASE_URL": "sqlite:////tmp/ccportal-deploy-check.sqlite3",
        },
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
