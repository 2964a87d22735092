"""What the libraries we drive (MkDocs, WeasyPrint) log, collected for our own reports instead of scrolling by."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collected_warnings(logger: logging.Logger) -> Iterator[list[str]]:
    """The messages of warnings and worse that `logger` (and its children) log while the block runs."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            messages.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
