"""The site: each language's docs tree for the engine, then the files at the top of site/ and the renamed briefings' redirects."""

from .pages import render_docs
from .redirects import write_redirects
from .root_files import write_root

__all__ = ["render_docs", "write_redirects", "write_root"]
