"""The site: each language's docs tree for the engine, then the files at the top of site/."""

from .pages import render_docs
from .root_files import write_root

__all__ = ["render_docs", "write_root"]
