"""Every case of the bad-input corpus through the real CLI: clear lines, right exit, nothing harmed.

Per case and command: the expected `path:line:col: field: message` lines; every stderr
line is a problem line or a summary (no traceback, no internal error); a non-zero exit
when the input can't be used, zero when it can; no file written outside the folders the
command owns; the editor's files byte for byte as they were; and a usable input's site
carries no live markup.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ARTICLE, BRIEFING, CONFIG, REPO
from hostile_cases import ALL, Case, Fifo, Folder, Link
from payloads import live_markup_in_site



def test_corpus_is_large_and_names_are_unique():
    assert len(ALL) >= 40
    assert len({case.name for case in ALL}) == len(ALL)


@pytest.mark.parametrize("case", ALL, ids=[case.name for case in ALL])
def test_bad_input(case: Case, tmp_path):
    project, outside = _project(tmp_path, case)
    outputs = {project / folder for folder in case.outputs}
    before = _tree(tmp_path, skip=outputs)
    for command in case.commands:
        result = _run(project, [part.format(outside=outside, project=project, **case.args) for part in command])
        lines = result.stderr.splitlines()
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr, result.stderr[-2000:]
        assert [line for line in lines if not case.line.match(line)] == [], result.stderr[-2000:]
        for expected in case.says:
            assert any(line.startswith(expected) or expected in line for line in lines), (expected, lines[:10])
        assert (result.returncode == 0) == case.usable, (command, result.returncode, lines[:10])
    after = _tree(tmp_path, skip=outputs)
    assert {key: after.get(key) for key in before} == before  # nothing an editor wrote changed or went
    added = [key for key in after if key not in before]
    allowed = tuple(f"project/{folder}" for folder in case.adds)
    assert [key for key in added if not (key in allowed or key.startswith(tuple(f"{folder}/" for folder in allowed)))] == []
    assert not any(isinstance(value, bytes) and b"root:x:0:" in value for value in after.values())  # no /etc/passwd read in
    if case.usable and "build" in {command[0] for command in case.commands}:
        assert live_markup_in_site(project / "site") == {}


def _project(tmp_path: Path, case: Case) -> tuple[Path, Path]:
    project, outside = tmp_path / "project", tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(BRIEFING.replace("Sample briefing", "Secret"), encoding="utf-8")
    (outside / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
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
            path.write_bytes(content.encode("utf-8"))
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, project / folder)
    return project, outside


def _run(project: Path, args: list[str]) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if key != "BRIEFING_DEBUG"}
    return subprocess.run([sys.executable, "-m", "briefing.cli", "--project", str(project), *args],
                          capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)


def _tree(root: Path, skip: set[Path]) -> dict[str, object]:
    """Every entry under `root` but the skipped folders: file bytes, link targets, pipes, folders."""
    entries = {}
    for here, folders, files in os.walk(root):
        folders[:] = [name for name in folders if Path(here) / name not in skip]
        for name in folders + files:
            path = Path(here) / name
            key = path.relative_to(root).as_posix()
            if path.is_symlink():
                entries[key] = ("link", os.readlink(path))
            elif path.is_fifo() or path.is_dir():
                entries[key] = "fifo" if path.is_fifo() else "folder"
            else:
                entries[key] = path.read_bytes()
    return entries
