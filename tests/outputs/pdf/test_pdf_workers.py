"""PDFs render in worker processes: a worker that fails stops the build with one line and leaves site/ as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from briefing import parallel
from briefing.cli import main

from support.snapshots import snapshot

# WeasyPrint 70 cannot lay out generated content in a list marker: a real renderer crash, from our own stylesheet.
MARKER_CRASH = '\nol.references li::marker { content: "[1] "; }\n'


def restyle(project: Path, extra: str) -> None:
    """Change the print stylesheet, so that every PDF is rendered again."""
    stylesheet = project / "templates/pdf/print.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + extra, encoding="utf-8")


def test_a_renderer_crash_in_a_worker_names_the_pdf_in_one_line(make_project, monkeypatch, capsys):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    project = make_project(templates=True)
    assert main(["--project", str(project), "build", "-q"]) == 0
    before = snapshot(project / "site")
    restyle(project, MARKER_CRASH)
    capsys.readouterr()
    assert main(["--project", str(project), "build", "-q"]) == 1
    err = capsys.readouterr().err
    assert err == (
        "build failed: pdf/2025-10-31-sample.en.pdf: the PDF renderer failed: TypeError: min-content width for TextBox "
        "not handled yet; site/ left as it was\n"
    )
    assert snapshot(project / "site") == before


def spawned_workers(parent: int) -> list[int]:
    """Worker processes started fresh (spawn) under `parent`: the PDF renderers of a build."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            if ppid == parent and b"spawn_main" in (entry / "cmdline").read_bytes():
                found.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_a_killed_pdf_worker_stops_the_build_cleanly(make_project):
    """As when the kernel's out-of-memory killer picks a renderer."""
    project = make_project(templates=True)
    build = [
        sys.executable,
        "-c",
        "import sys; from briefing import parallel; parallel.cores = lambda: 2; "
        "from briefing.cli import main; sys.exit(main(sys.argv[1:]))",
        "--project",
        str(project),
        "build",
        "-q",
    ]
    assert subprocess.run(build, capture_output=True, timeout=300).returncode == 0
    before = snapshot(project / "site")
    restyle(project, "\nh1 { color: #111112; }\n")
    process = subprocess.Popen(build, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while process.poll() is None and time.monotonic() < deadline and not (workers := spawned_workers(process.pid)):
        time.sleep(0.01)
    assert workers, "the build ended before any PDF worker started"
    os.kill(workers[0], signal.SIGKILL)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1
    assert err == (
        "build failed: PDF rendering stopped: a worker process stopped unexpectedly (killed or out of memory); site/ left as it was\n"
    )
    assert snapshot(project / "site") == before
