"""One build of a project, timed by stage; prints the figures as JSON (run by benchmarks/run.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from briefing.build import build
from briefing.progress import Reporter


def main() -> None:
    project = Path(sys.argv[1]).resolve()
    if "--no-pdf" in sys.argv[2:]:  # the search benchmark: everything but the PDFs, which are most of the time
        from unittest import mock

        mock.patch("briefing.build.write_pdfs", lambda *args: None).start()
    reporter = Reporter(quiet=True)
    started = time.perf_counter()
    build(project, project / "site", reporter=reporter)
    print(json.dumps({"total": time.perf_counter() - started, "stages": reporter.timings, "counts": reporter.counts}))


if __name__ == "__main__":
    main()
