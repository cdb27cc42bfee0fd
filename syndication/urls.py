"""Feeds and calendars, under each language's prefix (/de/…, /en/…)."""

from django.urls import path

from syndication import feeds, views

urlpatterns = [
    path("feeds/news.rss", feeds.NewsFeed(), name="news_rss"),
    path("feeds/news.atom", feeds.NewsAtomFeed(), name="news_atom"),
    path("feeds/practices.rss", feeds.PracticeFeed(), name="practices_rss"),
    path("feeds/practices.atom", feeds.PracticeAtomFeed(), name="practices_atom"),
    path("calendar/events.ics", views.events_calendar, name="events_calendar"),
    path("calendar/events/<int:page_id>.ics", views.event_calendar, name="event_calendar"),
]
