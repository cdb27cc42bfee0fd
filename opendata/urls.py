"""Open data downloads, under each language's prefix (/de/…, /en/…)."""

from django.urls import path

from opendata import views

urlpatterns = [
    path("open-data/<slug:kind>.<slug:fmt>", views.export, name="opendata_export"),
]
