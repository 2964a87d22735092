"""Ingest: feeds, saved pages and pasted text become curated articles in content/ (the only writer there).

Entry point: `ingest_command` in command.py (`briefing ingest`).
"""
