"""From editors' files to a validated Publication, collecting every problem on the way."""

from .publication import load, load_or_raise

__all__ = ["load", "load_or_raise"]
