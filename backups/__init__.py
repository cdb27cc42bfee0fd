"""Backups: one archive per run with a consistent database snapshot and the uploaded media
(`make backup`, `make restore`)."""
