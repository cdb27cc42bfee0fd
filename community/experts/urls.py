from django.urls import path

from . import views

urlpatterns = [
    path("contact-expert/<int:page_id>/", views.contact, name="expert_contact"),
    path("contact-expert/sent/", views.sent, name="expert_contact_sent"),
    path("expert-profile/withdraw/<str:token>/", views.withdraw, name="expert_withdraw"),
]
