from django.urls import path

from . import views

urlpatterns = [
    path("newsletter/", views.signup, name="newsletter_signup"),
    path("newsletter/thanks/", views.thanks, name="newsletter_thanks"),
    path("newsletter/confirm/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("newsletter/unsubscribe/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
]
