"""`briefing pdf` survives faults: killed anywhere, a full disk, a permission error or a read-only folder.

The editor's output folder holds last run's digests (v1); the sources change (v2) and
`briefing pdf` runs again through the fault injector. After every fault each digest
under its finished name is whole, v1 or v2 (v1 when the run failed), never a part of
one; nothing else in the project changed; and the next plain run writes v2 and leaves
no temporary file behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from support.faults import INJECTOR, spread
from support.project import ARTICLE, BRIEFING, CONFIG, REPO, write_tree
from support.snapshots import snapshot

NAMES = ["digest-2025-10-01_2025-10-31.en.pdf", "digest-2025-10-01_2025-10-31.ko.pdf"]


def run(project: Path, output: Path, *prefix: str) -> subprocess.CompletedProcess:
    """`briefing pdf` for October 2025, as an editor runs it, or through the fault injector."""
    command = [sys.executable, str(INJECTOR), *prefix, "--"] if prefix else [sys.executable, "-m", "briefing.cli"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [*command, "--project", str(project), "pdf", "--from", "2025-10-01", "--to", "2025-10-31", "--output", str(output)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        stdin=subprocess.DEVNULL,
    )


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """A project whose out/ holds v1's digests and whose sources are v2; v1 and v2 digests; v2's numbered changes."""
    root = tmp_path_factory.mktemp("pdf-faults")
    project = write_tree(
        root / "project",
        {"mkdocs.yml": CONFIG, "content/articles/2025/2025-10-30-sample.md": ARTICLE, "briefings/2025-10-31-sample.yaml": BRIEFING},
    )
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, project / folder)
    assert run(project, project / "out").returncode == 0
    v1 = snapshot(project / "out", digests=True)
    (project / "briefings/2025-10-31-sample.yaml").write_text(
        BRIEFING.replace("Sample briefing", "Revised briefing").replace("시험 브리핑", "수정된 브리핑"), encoding="utf-8"
    )
    shutil.copytree(project / "build", root / "work-v1")
    shutil.copytree(project / "out", root / "out-v1")
    assert run(project, project / "out", "count", "0", str(project), str(root / "count.json")).returncode == 0
    changes, v2 = json.loads((root / "count.json").read_text()), snapshot(project / "out", digests=True)
    assert sorted(v1) == sorted(v2) == NAMES and all(v1[name] != v2[name] for name in NAMES)
    return root, project, v1, v2, changes


def reset(root: Path, project: Path) -> dict:
    """The project as v1's run left it (out/ and the render cache); returns the editor's files, to compare after."""
    for folder in ("build", "out"):
        shutil.rmtree(project / folder, ignore_errors=True)
        shutil.copytree(root / f"{folder}-v1" if folder == "out" else root / "work-v1", project / folder)
    return editors_files(project)


def editors_files(project: Path) -> dict:
    return {path: digest for path, digest in snapshot(project, digests=True).items() if not path.startswith(("build/", "out/"))}


def finished(output: Path) -> dict:
    """The digests under their finished names: what a reader would open."""
    return {name: digest for name, digest in snapshot(output, digests=True).items() if not name.startswith(".")}


def whole(output: Path, v1: dict, v2: dict) -> bool:
    """Each digest under its finished name is v1's or v2's, byte for byte."""
    digests = finished(output)
    return sorted(digests) == NAMES and all(digests[name] in (v1[name], v2[name]) for name in NAMES)


def test_pdf_killed_at_many_points_leaves_whole_digests(versions):
    root, project, v1, v2, changes = versions
    output = [i for i, change in enumerate(changes, 1) if "/out/" in change and not change.startswith(("open", "os.mkdir"))]
    points = sorted(set(spread(list(range(1, output[0])), 2) + output))  # before the digests are copied out, and each copy and rename
    for point in points:
        before = reset(root, project)
        result = run(project, project / "out", "kill", str(point), str(project), str(root / "kill.json"))
        assert result.returncode == -signal.SIGKILL, (point, result.stderr)
        assert whole(project / "out", v1, v2), (point, changes[point - 1])
        assert editors_files(project) == before
    assert run(project, project / "out").returncode == 0  # after the last kill: leftovers replaced, v2 whole
    assert snapshot(project / "out", digests=True) == v2


@pytest.mark.parametrize("mode, says", [("enospc", "No space left on device"), ("eacces", "Permission denied")])
def test_pdf_hitting_a_full_disk_or_permission_error_leaves_the_last_digests(versions, mode, says):
    root, project, v1, v2, changes = versions
    kinds = ("open", "shutil.copyfile", "os.rename") if mode == "eacces" else ("open", "shutil.copyfile")  # a rename needs no space
    candidates = [i for i, change in enumerate(changes, 1) if change.split(" ", 1)[0] in kinds and "build.lock" not in change]
    output = [i for i in candidates if "/out/" in changes[i - 1] and not changes[i - 1].startswith("open")]
    for point in sorted(set(spread(candidates, 3) + output)):
        before = reset(root, project)
        result = run(project, project / "out", mode, str(point), str(project), str(root / "fault.json"))
        assert result.returncode == 1, (point, changes[point - 1], result.stderr)
        assert result.stderr.splitlines()[-1].startswith(f"pdf failed: {says}: {project}/"), result.stderr
        assert "Traceback" not in result.stderr
        assert sorted(snapshot(project / "out", digests=True)) == NAMES  # no partial file left behind
        if changes[point - 1].startswith("os.rename"):  # others may have taken their names before it
            assert whole(project / "out", v1, v2), (point, changes[point - 1])
        else:
            assert snapshot(project / "out", digests=True) == v1, (point, changes[point - 1])
        assert editors_files(project) == before


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root (as on the project's machines and CI)")
def test_pdf_into_a_full_or_read_only_disk_leaves_the_last_digests(versions, tmp_path):
    root, project, v1, v2, _ = versions
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(disk)], check=True)
    try:
        reset(root, project)
        shutil.copytree(root / "out-v1", disk / "out")
        (disk / "filler").write_bytes(b"\0" * (shutil.disk_usage(disk).free - 16 * 1024))  # 16 KB left: less than a digest
        result = run(project, disk / "out")
        assert (result.returncode, result.stderr.splitlines()[-1]) == (
            1,
            f"pdf failed: No space left on device: {disk}/out/.{NAMES[0]}.partial",
        )
        assert snapshot(disk / "out", digests=True) == v1
        (disk / "filler").unlink()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        result = run(project, disk / "out")
        assert (result.returncode, result.stderr.splitlines()[-1]) == (
            1,
            f"pdf failed: Read-only file system: {disk}/out/.{NAMES[0]}.partial",
        )
        assert snapshot(disk / "out", digests=True) == v1
        subprocess.run(["mount", "-o", "remount,rw", str(disk)], check=True)
        assert run(project, disk / "out").returncode == 0
        assert snapshot(disk / "out", digests=True) == v2
    finally:
        subprocess.run(["umount", str(disk)], check=True)
