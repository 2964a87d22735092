"""Seconds from saving an edited briefing to the preview serving the change (`briefing serve`)."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(url: str, text: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"{text!r} did not appear at {url} within {seconds} s")


def serve_latency(project: Path) -> float:
    port = _free_port()
    briefing = sorted((project / "briefings").glob("*.yaml"))[-1]
    url = f"http://127.0.0.1:{port}/en/briefings/{briefing.stem}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(url, briefing.stem[:10], 600)
        text = briefing.read_text(encoding="utf-8")
        briefing.write_text(text.replace('summary: {en: "', 'summary: {en: "Preview check. ', 1), encoding="utf-8")
        saved = time.monotonic()
        _wait_for(url, "Preview check.", 600)
        return time.monotonic() - saved
    finally:
        server.terminate()
        server.wait(timeout=30)
