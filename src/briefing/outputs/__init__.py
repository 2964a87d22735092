"""Outputs: each takes the Publication and writes one kind of file; formats.py is the table of them all.

Rooms: site/ (docs trees and root files), search/, pdf/, feeds.py; periods.py says what a
digest covers. This file imports nothing, so a PDF renderer process loads only what it needs.
"""
