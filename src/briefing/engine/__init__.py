"""The engine that turns docs trees into HTML: MkDocs with Material, the only code that knows them."""

from .mkdocs_adapter import EngineError, build_language, serve_with_live_reload, theme_colours

__all__ = ["EngineError", "build_language", "serve_with_live_reload", "theme_colours"]
