"""Run the real `briefing` CLI with a fault at its Nth change to the project's files.

    python fault_injector.py MODE N PROJECT LOG -- briefing arguments...

MODE is `count` (record every change, run normally), `kill` (SIGKILL ourselves just
before change N), `enospc` or `eacces` (change N fails with that error, as a full disk
or a permission problem would make it). Changes are seen through Python's audit hooks
(every open for writing, mkdir, rename, copy and the build's atomic exchange) under
PROJECT; of deletions only each rmtree call is counted, so leftovers of an earlier stopped
build do not shift the numbering. LOG receives the list of changes seen.

The injector pins itself to one core, so the build runs its languages in this process
(parallel.run_all's one-core path) and the numbering is the same on every run; a build
killed with its worker processes is tested by timed kills of the whole process group.
"""

from __future__ import annotations

import atexit
import errno
import json
import os
import signal
import sys

WRITING = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
CHANGES = {"os.mkdir", "os.rename", "os.replace", "shutil.copyfile", "shutil.copytree", "shutil.rmtree", "briefing.exchange"}
ERRORS = {"enospc": errno.ENOSPC, "eacces": errno.EACCES}


def change(event: str, args: tuple, project: str) -> str | None:
    """`event path` if this audit event changes a file under the project, else None."""
    if event == "open":
        path, mode, flags = args
        writes = any(letter in mode for letter in "wax+") if isinstance(mode, str) else bool(flags & WRITING)
        target = path if isinstance(path, (str, bytes, os.PathLike)) else None
    elif event in CHANGES:
        writes, target = True, args[1] if event.startswith("shutil.copy") else args[0]
    else:
        return None
    target = os.fsdecode(target) if target is not None else ""
    return f"{event} {target}" if writes and os.path.abspath(target).startswith(project) else None


def install(mode: str, fault_at: int, project: str, log: str) -> None:
    seen: list[str] = []
    atexit.register(lambda: open(log, "w").write(json.dumps(seen)))  # noqa: SIM115 (written once at exit)

    def hook(event: str, args: tuple) -> None:
        if event == "open" and args[0] == log:
            return
        described = change(event, args, project)
        if described is None:
            return
        seen.append(described)
        if len(seen) != fault_at or mode == "count":
            return
        if mode == "kill":
            with open(log, "w") as handle:
                handle.write(json.dumps(seen))
            os.kill(os.getpid(), signal.SIGKILL)
        raise OSError(ERRORS[mode], os.strerror(ERRORS[mode]), described.split(" ", 1)[1])

    sys.addaudithook(hook)


if __name__ == "__main__":
    mode, fault_at, project, log, separator, *arguments = sys.argv[1:]
    assert separator == "--"
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    install(mode, int(fault_at), os.path.realpath(project), log)
    from briefing.cli import main

    sys.exit(main(arguments))
