from django.urls import path

from . import views

urlpatterns = [
    path("propose-a-practice/", views.propose, name="propose_practice"),
    path("propose-a-practice/thanks/", views.thanks, name="propose_practice_thanks"),
]
