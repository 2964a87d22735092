"""`briefing serve`: a preview that shows an edit in under a second, whatever the size of the publication.

The served site is a build (`briefing build --output`) into a folder of the project's
work folder, so the preview and `briefing build` reuse each other's pages, engine output,
search analysis and PDFs. After an edit to briefings or articles, preview.py renders the
pages the edit touched straight into the served folder, and the open pages reload; then a
build in the background (a separate, lower-priority process) brings search, feeds, the
sitemap and PDFs up to date and its site is swapped in, unless another edit came in the
meantime (its pages would be older than the served ones; the next background build runs).
An edit to templates, catalogs or settings reshapes every page: it is served after a build.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .diagnostics import IN_THE_SOURCES, BuildError, LoadError, Problems
from .engine import EngineError, serve_with_live_reload
from .load.config import load_config
from .outputs.mail.preview import PREVIEW_ROOT, preview_page
from .outputs.template_errors import located_template_errors
from .preview import Preview
from .publish import discard, publish
from .workspace import Workspace

WATCHED = ("briefings", "content", "templates", "locales", "mkdocs.yml", "glossary.yml")
RESHAPING = ("templates", "locales", "mkdocs.yml", "glossary.yml")  # an edit here changes every page: a whole build


def serve(project: Path, host: str, port: int, strict: bool, say: Callable[[str], None]) -> None:
    workspace = Workspace.of(project)
    workspace.previews.mkdir(parents=True, exist_ok=True)
    discard([folder for folder in workspace.previews.iterdir() if not _running(folder.name.split("-")[0])], workspace.trash)
    with _stopped_by_signals():
        scratch = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=workspace.previews))
        session = _Session(workspace, scratch, strict, say)
        try:
            started = time.monotonic()
            session.start()
            say(
                f"Serving on http://{host}:{port}/ (Ctrl+C to stop), ready after {time.monotonic() - started:.1f} s;"
                f" watching {', '.join(WATCHED)}; e-mail editions at http://{host}:{port}{PREVIEW_ROOT}"
            )
            config = load_config(project, Problems())  # None: mkdocs.yml is broken, and the preview says so
            production = config.site_url if config else f"http://{host}:{port}/"
            serve_with_live_reload(
                session.site,
                host,
                port,
                [project / name for name in WATCHED],
                session.changed,
                (production, f"http://{host}:{port}/"),
                lambda: session.problems,
                session.for_editors,
                (PREVIEW_ROOT, session.mail_page),
            )
        finally:
            session.close()
            discard([scratch], workspace.trash)  # renamed away at once, deleted in the background (thousands of files)


class _Session:
    """The served folder, what the preview keeps in memory, and the background builds."""

    def __init__(self, workspace: Workspace, scratch: Path, strict: bool, say: Callable[[str], None]):
        self.workspace, self.strict, self.say = workspace, strict, say
        self.site, self.shadow = scratch / "site", scratch / "next"
        self.preview: Preview | None = None
        self.problems: list[str] = []
        self.generation = 0  # counts edits applied to the served folder
        self.lock = threading.Lock()  # held while the served folder changes
        self.build_lock = threading.Lock()  # one build at a time (the work folder has one lock)
        self.builder: subprocess.Popen | None = None
        self.wanted, self.stopping = threading.Event(), False
        self.background = threading.Thread(target=self._background_builds, daemon=True)

    def start(self) -> None:
        self._build_previewed(changed=None)
        self.background.start()

    def changed(self, paths: set[Path], show: Callable[[set[str]], None]) -> None:
        """After a burst of edits: the pages they touched, or a whole build when they reshape every page.
        No paths: the first call, once watching, for edits saved during the first build."""
        project = self.workspace.project
        if not paths and self.preview is None:
            return  # the first build failed: it said why, and the next edit builds again
        reshaping = sorted({name for path in paths for name in RESHAPING if path.is_relative_to(project / name)})
        if self.preview is None or reshaping:
            self._build_previewed(reshaping or ["the sources"])
            return
        started = time.monotonic()
        try:
            with self.lock, located_template_errors(project):
                change = self.preview.update(lambda pending: (self._show(None), show(pending)))  # the update is good
                if change.rendered or change.removed:
                    self.generation += 1  # a background build begun before is older than the served pages
        except (LoadError, EngineError, BuildError) as exc:
            self._show(exc)
            return
        self._show(None)
        if change.rendered or change.removed:
            self.say(
                f"Previewed {len(change.rendered)} changed and {len(change.removed)} removed page(s) in {time.monotonic() - started:.2f} s"
            )
            self.wanted.set()

    def for_editors(self, address: str, html: bytes) -> bytes:
        preview = self.preview
        return html if preview is None else preview.for_editors(address, html)

    def mail_page(self, path: str) -> str | None:
        """A page of the e-mail editions' preview, from the publication the preview shows."""
        preview = self.preview
        return None if preview is None else preview_page(preview.publication, path, self.workspace.project)

    def close(self) -> None:
        self.stopping = True
        self.wanted.set()
        builder = self.builder
        if builder is not None and builder.poll() is None:
            os.killpg(builder.pid, signal.SIGTERM)
            builder.wait()
        if self.preview is not None:
            self.preview.close()

    def _build_previewed(self, changed: list[str] | None) -> None:
        """A whole build of the served site, and a new preview of it (loaded before the build, so the build
        is as new or newer: edits saved meanwhile are rendered again at the next update)."""
        if changed:
            self.say(f"Building everything again: {', '.join(changed)} changed")
        if self.preview is not None:
            self.preview.close()
            self.preview = None
        preview, failure = None, None
        try:
            preview = Preview(self.workspace, self.site, self.strict)
        except LoadError as exc:
            failure = exc
        with self.build_lock, self.lock:
            self.generation += 1
            built = self._build(self.site, background=False)
            if built:
                self.wanted.set()  # the PDFs it left out
            if not built:
                self.site.mkdir(parents=True, exist_ok=True)
            if preview is not None:
                try:
                    preview.start()
                except EngineError as exc:
                    preview, failure = None, exc
        self.preview = preview
        if not built and failure is None:  # e.g. a broken template: the build said which, in the terminal
            failure = BuildError("briefing build failed: its messages are in the terminal")
        self._show(failure, printed=not built)

    def _show(self, failure: Exception | None, printed: bool = False) -> None:
        """The sources' problems over every served page; in the terminal once (unless a build printed them)."""
        if isinstance(failure, LoadError):
            problems = [str(problem) for problem in failure.problems]
        else:
            problems = str(failure).splitlines() if failure else []
        if problems != self.problems and not printed:
            if problems:
                print("\n".join(problems), file=sys.stderr)
            else:
                self.say("Problems fixed: the preview shows the current version")
        self.problems = problems

    def _background_builds(self) -> None:
        """Search, feeds, sitemap and PDFs after each edit, without making the page wait."""
        while True:
            self.wanted.wait()
            self.wanted.clear()
            if self.stopping:
                return
            generation = self.generation
            with self.build_lock:
                built = self._build(self.shadow, background=True)
            with self.lock:
                if built and generation == self.generation and not self.stopping:
                    publish(self.shadow, self.site, self.workspace.trash)

    def _build(self, output: Path, background: bool) -> bool:
        """`briefing build` into `output`, as a process of its own: the preview's process stays small and
        responsive, and stopping the preview stops the build with it (its own process group). A whole build
        in the foreground renders no PDF (it is served at once): the background build after it does."""
        command = [sys.executable, "-m", "briefing.cli", "--project", str(self.workspace.project), "build", "--preview"]
        command += ["--output", str(output)]
        command += ["-q"] * background + ["--strict"] * self.strict + ["--cached-pdfs"] * (not background)
        self.builder = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stderr=subprocess.PIPE if background else None,
            text=True,
            start_new_session=True,
            preexec_fn=(lambda: os.nice(10)) if background else None,
        )
        said = self.builder.communicate()[1]
        # The sources' problems are the preview's to show and say (its own load reads the same files, maybe a moment
        # later); a background build says only why else it failed.
        if self.builder.returncode != 0 and said and not self.problems and f" {IN_THE_SOURCES};" not in said:
            print(said, end="", file=sys.stderr)
        return self.builder.returncode == 0


def _running(pid: str) -> bool:
    """Whether the preview whose folder starts with `pid` still runs (a killed one left its folder behind)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        pass
    return True


@contextmanager
def _stopped_by_signals():
    """SIGTERM and SIGHUP (a closed terminal) stop the preview as Ctrl+C does, so its folder is removed."""

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    saved = {signum: signal.signal(signum, interrupt) for signum in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, handler)
