"""Search that understands Korean: the build side of the site's search."""

from .index import write_search

__all__ = ["write_search"]
