"""Publishing survives faults: a build killed anywhere, a full disk, a permission error, two builds at once.

Each test builds a good site (v1), changes the sources (v2), then runs the real CLI with
faults. After every fault `site/` must be byte for byte v1, or v2 once the build got past
its atomic exchange, never a mix; and the next plain build must clean up and publish v2.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.faults import INJECTOR, spread
from support.project import ARTICLE, BRIEFING, CONFIG, REPO, write_tree
from support.snapshots import snapshot

# Where a fault is injected: files written and copied (and, for permissions, the publishing rename).
# Not mkdir: most are of folders that already exist, where no error can happen.
CREATING = ("open", "shutil.copyfile", "os.rename", "briefing.exchange")


def run(project: Path, *prefix: str) -> subprocess.CompletedProcess:
    """`briefing build` as an editor runs it, or through the fault injector when `prefix` says so."""
    command = [sys.executable, str(INJECTOR), *prefix, "--"] if prefix else [sys.executable, "-m", "briefing.cli"]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [*command, "--project", str(project), "build", "-q"], capture_output=True, text=True, timeout=120, env=env, stdin=subprocess.DEVNULL
    )


def make_v1(root: Path) -> tuple[Path, dict]:
    """A project whose site/ holds a good v1 build, and that v1's snapshot."""
    project = write_tree(
        root / "project",
        {"mkdocs.yml": CONFIG, "content/articles/2025/2025-10-30-sample.md": ARTICLE, "briefings/2025-10-31-sample.yaml": BRIEFING},
    )
    for folder in ("templates", "locales"):
        shutil.copytree(REPO / folder, project / folder)
    assert run(project).returncode == 0
    (project / "briefings/2025-10-31-sample.yaml").write_text(BRIEFING.replace("Sample briefing", "Revised briefing"), encoding="utf-8")
    return project, snapshot(project / "site", digests=True)


def changes_of_a_full_build(project: Path, root: Path) -> tuple[list[str], dict]:
    """The numbered changes a v2 build makes, and the v2 site it publishes; then v1 is put back.

    The work folder as v1 left it is kept aside: `reset_work` puts it back before each
    numbered fault, so that every run makes the same changes in the same order.
    """
    shutil.copytree(project / "build", root / "work-v1")
    shutil.copytree(project / "site", root / "site-v1")
    assert run(project, "count", "0", str(project), str(root / "count.json")).returncode == 0
    changes, v2 = json.loads((root / "count.json").read_text()), snapshot(project / "site", digests=True)
    restore_v1_site(project, root)
    reset_work(project, root)
    return changes, v2


def restore_v1_site(project: Path, root: Path) -> None:
    shutil.rmtree(project / "site")
    shutil.copytree(root / "site-v1", project / "site")


def reset_work(project: Path, root: Path) -> None:
    """The work folder as v1 left it, and no leftovers of a stopped run: every run starts alike."""
    for leftover in (".site.staging", ".site.previous"):
        shutil.rmtree(project / leftover, ignore_errors=True)
    # The last run may have left a background delete of an old site under way in build/trash/.
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.copytree(root / "work-v1", project / "build", dirs_exist_ok=True)


def assert_leftovers_cleaned_by_next_build(project: Path, v2: dict) -> None:
    result = run(project)
    assert result.returncode == 0, result.stderr
    assert snapshot(project / "site", digests=True) == v2
    assert not (project / ".site.staging").exists() and not (project / ".site.previous").exists()


def test_build_killed_at_many_points_leaves_a_whole_site(tmp_path):
    project, v1 = make_v1(tmp_path)
    changes, v2 = changes_of_a_full_build(project, tmp_path)
    exchange = next(i for i, change in enumerate(changes, 1) if change.startswith("briefing.exchange"))
    points = spread(list(range(1, exchange)), 8) + [exchange, exchange + 1, len(changes)]
    outcomes = []
    for point in points:
        reset_work(project, tmp_path)
        result = run(project, "kill", str(point), str(project), str(tmp_path / "kill.json"))
        assert result.returncode == -signal.SIGKILL, (point, result.stderr)
        site = snapshot(project / "site", digests=True)
        assert site in (v1, v2), point
        outcomes.append((point, "v2" if site == v2 else "v1"))
    assert outcomes == [(point, "v1" if point <= exchange else "v2") for point in points]
    reset_work(project, tmp_path)
    run(project, "kill", str(exchange // 2), str(project), str(tmp_path / "kill.json"))  # leftovers in build/ too
    assert_leftovers_cleaned_by_next_build(project, v2)


def test_build_killed_after_varying_delays_leaves_a_whole_site(tmp_path):
    project, v1 = make_v1(tmp_path)
    _, v2 = changes_of_a_full_build(project, tmp_path)
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for delay in (0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.5):
        process = subprocess.Popen(
            [sys.executable, "-m", "briefing.cli", "--project", str(project), "build", "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        )
        time.sleep(delay)
        os.killpg(process.pid, signal.SIGKILL)  # the build and its worker processes, as a stopped job is
        process.wait(timeout=60)
        assert snapshot(project / "site", digests=True) in (v1, v2), delay
    assert_leftovers_cleaned_by_next_build(project, v2)


@pytest.mark.parametrize("mode, says", [("enospc", "No space left on device"), ("eacces", "Permission denied")])
def test_full_disk_or_permission_error_at_any_step_leaves_the_last_site(tmp_path, mode, says):
    project, v1 = make_v1(tmp_path)
    changes, v2 = changes_of_a_full_build(project, tmp_path)
    kinds = CREATING if mode == "eacces" else CREATING[:2]  # a rename needs no new space
    candidates = [i for i, change in enumerate(changes, 1) if change.split(" ", 1)[0] in kinds]
    failed = 0
    for point in spread(candidates, 7):
        reset_work(project, tmp_path)
        result = run(project, mode, str(point), str(project), str(tmp_path / "fault.json"))
        assert "Traceback" not in result.stderr
        assert not (project / ".site.staging").exists()
        if result.returncode == 0:  # the fault didn't matter (mkdir of an existing folder): v2, whole
            assert snapshot(project / "site", digests=True) == v2, (point, changes[point - 1])
            restore_v1_site(project, tmp_path)  # v1 again, so the next fault can show
            continue
        failed += 1
        assert result.returncode == 1, (point, changes[point - 1], result.stderr)
        assert result.stderr.startswith(f"build failed: {says}: "), result.stderr
        assert result.stderr.rstrip().endswith("site/ left as it was"), result.stderr
        assert snapshot(project / "site", digests=True) == v1, (point, changes[point - 1])
    assert failed >= 5
    assert_leftovers_cleaned_by_next_build(project, v2)


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root (as on the project's machines and CI)")
def test_a_real_full_disk_leaves_the_last_site(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(disk)], check=True)
    try:
        project, v1 = make_v1(disk)
        free = shutil.disk_usage(disk).free
        (disk / "filler").write_bytes(b"\0" * (free - 64 * 1024))  # 64 KB left: less than the pages an edit changes
        result = run(project)
        assert result.returncode == 1
        assert f"No space left on device: {project / 'build'}" in result.stderr and "Traceback" not in result.stderr
        assert snapshot(project / "site", digests=True) == v1
        assert not (project / ".site.staging").exists()
        (disk / "filler").unlink()
        assert run(project).returncode == 0
        assert snapshot(project / "site", digests=True) != v1
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_two_builds_at_once_one_waits_its_turn_with_a_clear_message(tmp_path):
    project, _ = make_v1(tmp_path)
    _, v2 = changes_of_a_full_build(project, tmp_path)
    command = [sys.executable, "-m", "briefing.cli", "--project", str(project), "build", "-q"]
    for _ in range(2):
        shutil.rmtree(project / "build")  # a full build: long enough to start the second one inside it
        first = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wait_until_locked(project / "build" / "build.lock", first)
        second = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert first.wait(timeout=120) == 0, first.stderr.read()
        assert second.returncode == 1
        assert second.stderr.startswith("build failed: another build is running in this project"), second.stderr
        assert snapshot(project / "site", digests=True) == v2
        assert not (project / ".site.staging").exists()


def wait_until_locked(lock: Path, holder: subprocess.Popen) -> None:
    """Return once `holder` holds the build lock, as /proc/locks tells (probing with flock could steal it)."""
    while holder.poll() is None:
        if lock.exists():
            inode = f":{lock.stat().st_ino}"
            if any(line.split()[5].endswith(inode) for line in Path("/proc/locks").read_text().splitlines() if "FLOCK" in line):
                return
        time.sleep(0.01)
    raise AssertionError(f"the first build ended before it was seen holding the lock: {holder.stderr.read()}")


def test_without_an_atomic_exchange_a_failed_or_stopped_publish_is_undone(tmp_path, monkeypatch):
    from briefing import publish

    monkeypatch.setattr(publish, "_renameat2", None)  # a filesystem that can't swap: two renames
    output = tmp_path / "site"
    write_tree(output, {"index.html": "old"})
    trash = tmp_path / "trash"
    staging = publish.prepare(output, trash)
    write_tree(staging, {"index.html": "new"})
    rename = os.rename

    def refuse_staging(source, target):
        if Path(source) == staging:
            raise PermissionError(13, "Permission denied", str(target))
        rename(source, target)

    monkeypatch.setattr(os, "rename", refuse_staging)
    with pytest.raises(PermissionError):
        publish.publish(staging, output, trash)
    assert (output / "index.html").read_text() == "old"
    monkeypatch.setattr(os, "rename", rename)
    os.rename(output, publish.previous_for(output))  # as if killed between the two renames
    publish.prepare(output, trash)
    assert (output / "index.html").read_text() == "old" and not publish.previous_for(output).exists()
