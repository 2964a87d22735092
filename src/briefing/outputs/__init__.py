"""Outputs: each takes the Publication and writes one kind of file into a target folder."""
