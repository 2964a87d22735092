"""The engine that turns docs trees into HTML: MkDocs with Material, the only code that knows them."""

from .live_pages import LivePages
from .live_server import serve_with_live_reload
from .mkdocs_adapter import EngineError, build_language
from .palette import theme_colours

__all__ = ["EngineError", "LivePages", "build_language", "serve_with_live_reload", "theme_colours"]
