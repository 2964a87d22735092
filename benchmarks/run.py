"""`make bench`: build synthetic publications of two sizes and print time, scaling and memory figures, then ingest's batch speed.

Every figure comes from this one run on this machine; targets are ratios between them, so
they hold on any machine of the kind. Nothing here is asserted by the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from extraction_score import DEFAULT_DATA, batch_timing, load  # noqa: E402
from generate import generate  # noqa: E402
from search_latency import measure as search_latency  # noqa: E402
from serve_latency import print_figures, serve_figures  # noqa: E402

HERE = Path(__file__).resolve().parent
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, read from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            statm = Path(f"/proc/{entry}/statm").read_text().split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        rss[int(entry)] = int(statm[1]) * PAGE_SIZE
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def measured_build(project: Path, pdfs: bool = True) -> dict:
    """Run one build in a child process; its stage timings plus the peak RSS of its process tree."""
    command = [sys.executable, str(HERE / "measure.py"), str(project)] + ([] if pdfs else ["--no-pdf"])
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    output, _ = process.communicate()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"build of {project} failed (exit {process.returncode})")
    figures = json.loads(output)
    figures["peak_rss"] = peak
    return figures


def engine_floor(project: Path, languages: list[str]) -> float:
    """A bare `mkdocs build` of the docs trees our build generated, with the same configs, one language after the other."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    started = time.perf_counter()
    for language in languages:
        with tempfile.TemporaryDirectory() as out:
            subprocess.run(
                [str(mkdocs), "build", "-q", "-f", str(project / "build" / f"mkdocs.{language}.yml"), "-d", out],
                check=True,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            )
    return time.perf_counter() - started


def pdf_seconds(figures: dict) -> float:
    """Wall time of the PDF stage: the HTML, the glyph check and the rendering of every PDF not cached."""
    return sum(seconds for name, seconds in figures["stages"].items() if name.startswith("pdf "))


def pdf_figures(figures: dict) -> None:
    pages = figures["counts"].get("pdf pages rendered", 0)
    if not pages:
        return
    stage, render = pdf_seconds(figures), figures["stages"]["pdf render"]
    cpu = figures["counts"].get("pdf render cpu ms", 0) / 1000
    say(
        f"  PDF stage         {stage / pages * 1000:7.1f} ms a page wall, {pages} pages (rendering {render / pages * 1000:.1f} ms a page "
        f"wall, {cpu / pages * 1000:.1f} ms a page CPU over {os.cpu_count()} cores: {cpu / render:.2f} cores busy)"
    )
    say(f"  build, PDFs aside {figures['total'] - stage:7.1f} s")


def edit_one_briefing(project: Path) -> Path:
    """Revise the summary of a briefing in the middle of the archive, in both languages."""
    files = sorted((project / "briefings").glob("*.yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('summary: {en: "', 'summary: {en: "Revised. ').replace(', ko: "', ', ko: "수정. ', 2), encoding="utf-8")
    return path


def bench(size: int, root: Path, pdfs: bool = True) -> dict:
    project = generate(root / f"n{size}", size, 5 * size)
    say(f"N={size}: {size} briefings, {5 * size} articles" + ("" if pdfs else " (no PDFs)"))
    full = measured_build(project, pdfs)
    say(f"  full build        {full['total']:7.1f} s   peak RSS {full['peak_rss'] / 2**20:6.0f} MiB")
    for name, seconds in sorted(full["stages"].items()):
        say(f"    {name:<20}{seconds:7.1f} s")
    say(f"  search index: {full['stages'].get('search', 0):.1f} s, {full['stages'].get('search', 0) / full['total']:.1%} of the build")
    pdf_figures(full)
    floor = engine_floor(project, ["en", "ko"])
    say(f"  engine floor      {floor:7.1f} s   (bare mkdocs build of the same docs trees)")
    search = project / "build" / "search"
    before = {path: path.stat().st_mtime_ns for path in search.rglob("*.json")}
    unchanged = measured_build(project, pdfs)
    say(f"  no-change rebuild {unchanged['total']:7.1f} s, search files rewritten: {_rewritten(search, before)} of {len(before)}")
    edit_one_briefing(project)
    before = {path: path.stat().st_mtime_ns for path in search.rglob("*.json")}
    edited = measured_build(project, pdfs)
    say(f"  one briefing edit {edited['total']:7.1f} s, search files rewritten: {_rewritten(search, before)} of {len(before)}")
    say("  search in Chromium (time from key-up to the first results on screen):")
    for line in search_latency(project):
        say(line)
    return {"project": project, "full": full, "floor": floor, "unchanged": unchanged, "edited": edited}


def _rewritten(folder: Path, before: dict[Path, int]) -> int:
    """Search files written since `before` (Kiwi's word record aside)."""
    return sum(1 for path in folder.rglob("*.json") if path.name != "words.json" and before.get(path) != path.stat().st_mtime_ns)


def say(line: str) -> None:
    print(line, flush=True)


def verdict(label: str, value: float, limit: float, unit: str = "×") -> None:
    mark = "holds" if value <= limit else "MISSED"
    say(f"  {label:<44} {value:6.2f}{unit} (target ≤ {limit}{unit})  {mark}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs=2, default=[250, 1000], metavar=("SMALL", "LARGE"))
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--no-pdf", action="store_true", help="builds without PDFs (most of the time): the search figures sooner")
    args = parser.parse_args()
    root = args.keep or Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    try:
        small, large = (bench(size, root, not args.no_pdf) for size in args.sizes)
        for size, figures in zip(args.sizes, (small, large), strict=True):
            say(f"N={size}: briefing serve")
            figures["serve"] = serve_figures(figures["project"], cold=True)
            print_figures(figures["serve"], say)
        full = large["full"]["total"]
        pages = large["full"]["counts"].get("pdf pages rendered", 0)
        say(f"Targets at N={args.sizes[1]} ({os.cpu_count()} cores):")
        verdict("total build (PDFs aside) / engine floor", (full - pdf_seconds(large["full"])) / large["floor"], 1.3)
        if pages:
            verdict("PDF stage, wall time a page", pdf_seconds(large["full"]) / pages * 1000, 50, " ms")
        verdict(f"N={args.sizes[1]} time / N={args.sizes[0]} time", full / small["full"]["total"], 4.5)
        verdict("peak RSS", large["full"]["peak_rss"] / 2**30, 1.5, " GiB")
        verdict("no-change rebuild / full build", large["unchanged"]["total"] / full, 0.2)
        verdict("one-briefing edit / full build", large["edited"]["total"] / full, 0.4)
        for kind, seconds in large["serve"]["edits"].items():
            verdict(f"serve: {kind} edit on screen, median", statistics.median(seconds), 1.0, " s")
            verdict(f"serve: {kind} edit on screen, worst", max(seconds), 2.0, " s")
        verdict("serve: first page, warm start", large["serve"]["warm start"], 20.0, " s")
        say("Ingest: the extraction benchmark's development half as saved pages, in one process")
        verdict("briefing ingest page, a page after the start", batch_timing(load(DEFAULT_DATA)[1]), 0.2, " s")
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
