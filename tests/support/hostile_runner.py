"""Runs one case of the bad-input corpus (hostile_cases.py) through the real CLI and checks what every case must.

Per command: the expected lines (on stderr or stdout); every stderr line matches the
case's pattern, so no traceback, internal error or stray output gets through; no
terminal escape reaches the editor's terminal; the exit code is non-zero exactly when
the input can't be used. Afterwards: the editor's files (and a folder `outside/` next to
the project, where links point) are byte for byte as they were, new files appear only
where the case may add them, and no /etc/passwd text was read into the project.

The test files split the corpus by command (loader, ingest, PDF), so that pytest-xdist
can run them side by side.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from support.hostile_cases import Case, Fifo, Folder, Link
from support.payloads import CANARY
from support.project import ARTICLE, BRIEFING, CONFIG, REPO
from support.snapshots import snapshot

PASSWD = b"root:x:0:"  # the first line of /etc/passwd: the canary file every payload names as file:///etc/passwd
CRASHES = ("Traceback", "internal error", "unexpected ")  # "unexpected": ingest's last-resort line for a parser bug


def run_case(case: Case, tmp_path: Path, **places: str) -> Path:
    """Run `case`; `places` fills the {placeholders} of its commands and files (server, canary, ...)."""
    project, outside = make_project(tmp_path, case, places)
    outputs = {project / folder for folder in case.outputs}
    before = snapshot(tmp_path, skip=outputs, everything=True)
    places = {**places, "outside": str(outside), "project": str(project)}
    for command in case.commands:
        result = run(project, [part.format(**places, **case.args) for part in command])
        lines, printed = result.stderr.splitlines(), result.stderr.splitlines() + result.stdout.splitlines()
        assert not any(crash in result.stderr for crash in CRASHES), result.stderr[-2000:]
        assert "\x1b" not in result.stderr + result.stdout, "a terminal escape reached the editor's terminal"
        assert [line for line in lines if not case.line.match(line)] == [], result.stderr[-2000:]
        for expected in case.says:
            expected = filled(expected, places)
            assert any(line.startswith(expected) or expected in line for line in printed), (expected, printed[:12])
        assert (result.returncode == 0) == case.usable, (command, result.returncode, printed[:12])
    after = snapshot(tmp_path, skip=outputs, everything=True)
    assert {key: after.get(key) for key in before} == before  # nothing an editor wrote changed or went
    added = [key for key in after if key not in before]
    allowed = tuple(f"project/{folder}" for folder in case.adds)
    assert [key for key in added if not (key in allowed or key.startswith(tuple(f"{folder}/" for folder in allowed)))] == []
    assert not any(isinstance(value, bytes) and PASSWD in value for value in after.values())  # no /etc/passwd read in
    for text in case.finds:
        assert any(isinstance(after[key], bytes) and text.encode() in after[key] for key in added), text
    return project


def make_project(tmp_path: Path, case: Case, places: dict[str, str]) -> tuple[Path, Path]:
    """support.project's sample publication with the case's files, templates and locales; and the folder outside it."""
    project, outside = tmp_path / "project", tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(BRIEFING.replace("Sample briefing", "Secret"), encoding="utf-8")
    (outside / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    for folder in ("templates", "locales"):  # first: a case may change a template
        shutil.copytree(REPO / folder, project / folder)
    files = {"mkdocs.yml": CONFIG, "content/articles/2025/2025-10-30-sample.md": ARTICLE, "briefings/2025-10-31-sample.yaml": BRIEFING}
    for name, content in {**files, **case.files}.items():
        path = project / name
        if content is None:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() or path.is_symlink():
            path.unlink()
        if isinstance(content, Link):
            path.symlink_to(content.target.format(outside=outside))
        elif isinstance(content, Fifo):
            os.mkfifo(path)
        elif isinstance(content, Folder):
            path.mkdir()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(filled(content, {**places, "outside": str(outside)}).encode("utf-8"))
    return project, outside


def filled(text: str, places: dict[str, str]) -> str:
    """Text with the live values of {outside}, {project}, {server} and the payloads' canary URL."""
    for name, value in places.items():
        text = text.replace(f"{{{name}}}", value)
    return text.replace(CANARY, places["canary"]) if "canary" in places else text


def run(project: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_DEBUG"}
    return subprocess.run(
        [sys.executable, "-m", "briefing.cli", "--project", str(project), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
        cwd=project,
    )
