"""PDFs: one per briefing and language, weekly digests, and digests of any period.

Entry points, in cache.py: `write_pdfs` (the site's PDFs) and `write_digests` (`briefing pdf`).
This file imports nothing: renderer worker processes import render.py alone, not the model.
"""
