"""The preview's HTTP server: MkDocs' live-reload server, told what changed and showing problems over the page.

MkDocs' server polls the watched folders every half second (5,000 articles: thousands of
stat calls, and up to 0.5 s before an edit is seen) and calls its builder without saying
what changed. This one is woken by the kernel (inotify), hands the builder the paths that
changed since the last call, links served pages to the preview instead of the site's
production address, and lays the sources' current problems over every page it serves.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from markupsafe import escape

PROBLEMS_ID = "briefing-preview-problems"
CHANGES = ("created", "deleted", "modified", "moved")  # watchdog's event types that change a file


def serve_with_live_reload(
    site: Path,
    host: str,
    port: int,
    watched: list[Path],
    rebuild: Callable[[set[Path], Callable[[set[str]], None]], None],
    addresses: tuple[str, str],
    problems: Callable[[], list[str]],
    for_editors: Callable[[str, bytes], bytes],
    made: tuple[str, Callable[[str], str | None]],
) -> None:
    """Serve `site` on host:port until interrupted; `rebuild(changed paths, show)` after each burst of
    changes under `watched` (folders or files), then reload open pages. `rebuild` may call `show(pending)`
    to reload them earlier: requests for the `pending` addresses then wait until it returns. `addresses`
    is (production URL, preview URL): pages link to the preview; `problems()` are shown over each page
    while there are any; `for_editors(address, html)` adds what only editors see to a page as it is served.
    `made` is (address prefix, maker): pages under the prefix are not files but `maker(path)`'s HTML, made
    on request and reloaded like the others (None: not found)."""
    server = _server_class()(site, host, port, watched, rebuild, addresses, problems, for_editors, made)
    try:
        server.serve()
    finally:
        server.shutdown()


def _server_class():
    import watchdog.events
    import watchdog.observers
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        def __init__(self, site, host, port, watched, rebuild, addresses, problems, for_editors, made):
            super().__init__(builder=self._rebuild, host=host, port=port, root=str(site))
            self.observer = watchdog.observers.Observer()  # inotify on Linux
            self.changed: set[Path] = set()
            self.pending: set[str] = set()  # addresses of pages being rendered again
            self.changed_lock = threading.Lock()
            self.rebuild, self.problems, self.for_editors = rebuild, problems, for_editors
            self.request = threading.local()  # the address of the page this thread serves
            self.production, self.preview = (address.encode() for address in addresses)
            self.watched = watched
            self.made_prefix, self.maker = made
            self._want_rebuild = True  # once watching: `rebuild(set())` shows what was saved before (during the first build)
            for folder in {path if path.is_dir() else path.parent for path in watched}:
                self._watch(folder, recursive=folder.is_dir() and folder in watched)

        def _watch(self, folder: Path, recursive: bool) -> None:
            handler = watchdog.events.FileSystemEventHandler()
            handler.on_any_event = self._record
            self._watched_paths[str(folder)] = 1  # the base class starts the observer only when something is watched
            self.observer.schedule(handler, str(folder), recursive=recursive)

        def _record(self, event) -> None:
            if event.event_type not in CHANGES or (event.is_directory and event.event_type == "modified"):
                return  # a build reading templates opens and closes them
            paths = {Path(event.src_path)} | ({Path(event.dest_path)} if event.dest_path else set())
            paths = {path for path in paths if any(path == top or path.is_relative_to(top) for top in self.watched)}
            if not paths:
                return
            with self.changed_lock:
                self.changed |= paths
            with self._rebuild_cond:
                self._want_rebuild = True
                self._rebuild_cond.notify_all()

        def _rebuild(self) -> None:
            with self.changed_lock:
                changed, self.changed = self.changed, set()
            try:
                self.rebuild(changed, self._show)
            finally:
                with self._epoch_cond:
                    self.pending = set()
                    self._epoch_cond.notify_all()

        def _show(self, pending: set[str]) -> None:
            """Reload open pages now (a new epoch, visible at once), holding back requests for `pending`
            and for made pages (made from what the update has not finished)."""
            with self._epoch_cond:
                self.pending = pending | {self.made_prefix}
                self._wanted_epoch = self._visible_epoch = max(time.monotonic_ns() // 1_000_000, self._visible_epoch + 1)
                self._epoch_cond.notify_all()

        def _serve_request(self, environ, start_response):
            path = environ["PATH_INFO"].encode("latin-1").decode("utf-8", "ignore").removesuffix("index.html")
            self.request.address = path
            made = path.startswith(self.made_prefix)
            waits_for = self.made_prefix if made else path
            with self._epoch_cond:
                self._epoch_cond.wait_for(lambda: waits_for not in self.pending, timeout=self.poll_response_timeout)
            if made:
                return self._serve_made(path, start_response)
            return super()._serve_request(environ, start_response)

        def _serve_made(self, path: str, start_response):
            with self._epoch_cond:  # as the base class serves files: not while an update is half done
                self._epoch_cond.wait_for(lambda: self._visible_epoch == self._wanted_epoch)
                epoch = self._visible_epoch
            html = self.maker(path)
            if html is None:
                return None  # not found
            content = self._with_problems_and_reload(html.encode("utf-8"), epoch)  # addresses as sent, not the preview's
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))])
            return [content]

        def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
            """A served file: its links to the production site lead to the preview."""
            content = self.for_editors(self.request.address, content.replace(self.production, self.preview))
            return self._with_problems_and_reload(content, epoch)

        def _with_problems_and_reload(self, content: bytes, epoch: int) -> bytes:
            messages = self.problems()
            if messages:
                listing = "\n".join(str(escape(message)) for message in messages)
                notice = (
                    f'<div id="{PROBLEMS_ID}" role="alert" style="position:fixed;inset:0 0 auto 0;z-index:1000;max-height:60vh;'
                    "overflow:auto;margin:0;padding:1em;background:#fff0f0;color:#900;border-bottom:3px solid #c00;"
                    'font:14px/1.4 monospace;white-space:pre-wrap">'
                    f"<strong>briefing check: the preview shows the last good version</strong>\n{listing}</div>"
                )
                end = content.rfind(b"</body>")
                end = len(content) if end < 0 else end
                content = content[:end] + notice.encode() + content[end:]
            return super()._inject_js_into_html(content, epoch)

    return PreviewServer
