"""What the libraries we drive (MkDocs, WeasyPrint) log, collected for our own reports instead of scrolling by."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collected_warnings(logger: logging.Logger) -> Iterator[list[str]]:
    """The messages of warnings and worse that `logger` (and its children) log in this thread while the block runs.

    Other threads' records are not ours: the preview's HTTP server logs each 404 to MkDocs' logger
    while a page is being rendered.
    """
    messages: list[str] = []
    thread = threading.get_ident()

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.thread == thread:
                messages.append(record.getMessage())

    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield messages
    finally:
        logger.removeHandler(handler)
