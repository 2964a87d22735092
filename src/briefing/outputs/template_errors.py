"""A broken template, of any output, as one line naming its file and line: never a traceback."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

import jinja2

from ..diagnostics import BuildError


@contextmanager
def located_template_errors(project: Path):
    """Errors of the project's templates inside the block become BuildErrors `templates/…:line: template error: …`.

    Any Jinja error counts, and any other error raised while a template of the project
    ran (a method called with wrong arguments, say); errors elsewhere pass unchanged.
    """
    try:
        yield
    except Exception as exc:
        templates = (project / "templates").resolve()
        place = _place(exc, templates)
        if place is None and not isinstance(exc, jinja2.TemplateError):
            raise
        shown = Path(place[0]).relative_to(templates.parent).as_posix() + f":{place[1]}" if place else "templates"
        message = exc.message if isinstance(exc, jinja2.TemplateError) and exc.message else f"{type(exc).__name__}: {exc}"
        raise BuildError(f"{shown}: template error: {message}") from None


def _place(exc: Exception, templates: Path) -> tuple[str, int] | None:
    """(file, line) of the innermost frame in one of the project's templates, if any."""
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename and _inside(exc.filename, templates):
        return str(Path(exc.filename).resolve()), exc.lineno
    found = None
    for frame in _frames(exc.__traceback__):
        template = frame.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename and _inside(template.filename, templates):
            # Jinja maps lines of its compiled code back to the template's only on render(), not make_module().
            found = str(Path(template.filename).resolve()), template.get_corresponding_lineno(frame.tb_lineno)
        elif _inside(frame.tb_frame.f_code.co_filename, templates):
            found = str(Path(frame.tb_frame.f_code.co_filename).resolve()), frame.tb_lineno
    return found


def _frames(traceback: TracebackType | None):
    while traceback is not None:
        yield traceback
        traceback = traceback.tb_next


def _inside(filename: str, folder: Path) -> bool:
    return not filename.startswith("<") and Path(filename).resolve().is_relative_to(folder)
