"""Give the moderators their rights on the experts' private contacts (localization.roles.groups)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def complete_roles(apps, schema_editor):
    from localization.roles.groups import ensure_roles

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0003_experts"),
        ("localization", "0001_roles"),
    ]

    operations = [migrations.RunPython(complete_roles, migrations.RunPython.noop)]
