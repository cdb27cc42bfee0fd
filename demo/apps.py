from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content and `manage.py seed_demo`; no models of its own."""

    name = "demo"
    verbose_name = "Demo content"
