"""PDFs: one per briefing and language, and digests, rendered only when their content changed.

`write_pdfs` is the build's entry point (everything under `site/pdf/`);
`write_digests` serves `briefing pdf` for any period. Both build one HTML document
per PDF (documents.py), check that the fonts can show every character (fonts.py), then
render what the cache does not hold yet (render.py). The cache key is a hash of the
HTML, the print assets, the fonts and the renderer, so a rebuild renders only PDFs
whose inputs, template or CSS changed; an index from each PDF's inputs to its entry
spares a rebuild even making the HTML of the PDFs that did not change.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path

from ...diagnostics import BuildError
from ...model import Briefing, Publication
from ...parallel import run_all
from ...progress import Reporter
from ...publish import link_or_copy
from ...workspace import Workspace, read_record, write_whole
from ..fonts import FontError, check_coverage, document_text, font_stacks, installed_font
from ..formats import BRIEFING_PDF, DIGEST_PDF, PERIOD_DIGEST_PDF
from ..periods import Digest, weekly_digests
from .documents import Documents, Planned
from .render import PDF_VARIANT, PdfError, PdfJob, Rendered, print_stylesheets, render_into

INDEX = "inputs.json"  # in the cache folder: which entry each PDF's inputs gave


@dataclass
class PdfReport:
    rendered: list[str] = field(default_factory=list)  # PDFs laid out in this run
    reused: list[str] = field(default_factory=list)  # PDFs taken unchanged from the cache
    left: int = 0  # PDFs not rendered before, left out (a build that renders none)
    pages: int = 0  # pages laid out in this run
    cpu: float = 0.0  # processor seconds the renders took, summed over the worker processes
    notes: list[str] = field(default_factory=list)  # refused URLs and renderer warnings, per PDF

    def add(self, name: str, rendered: Rendered) -> None:
        self.rendered.append(name)
        self.pages += rendered.pages
        self.cpu += rendered.cpu
        self.notes += [f"{name}: left out {url[:120]} (not one of the publication's assets)" for url in rendered.refused]
        self.notes += [f"{name}: {message}" for message in rendered.warnings if "refused" not in message]

    def summary(self) -> str:
        count = len(self.rendered) + len(self.reused)
        left = f", {self.left} left for a later build" if self.left else ""
        rendered = f"{len(self.rendered)} rendered ({self.pages} pages)"
        return f"Wrote {count} PDF{'s' * (count != 1)}: {rendered}, {len(self.reused)} unchanged{left}"


def write_pdfs(publication: Publication, site: Path, workspace: Workspace, reporter: Reporter, cached_only: bool = False) -> PdfReport:
    """Every briefing in every language, and the weekly digests, linked into `site` (a new site).

    The render cache is the project's, shared by `build`, `serve` and `briefing pdf`; it
    forgets renders the new site no longer has (the published site keeps its own links).
    `cached_only`: link the PDFs whose inputs were rendered before, render none (the
    preview's first build: its site is served at once, and a build after it renders the rest).
    """
    documents = Documents(publication, workspace.project)
    planned = []
    for language in publication.config.language_codes:
        planned += [documents.briefing(b, language, BRIEFING_PDF.path_for(key=b.id, language=language)) for b in publication.briefings]
        planned += [
            documents.digest(d, language, DIGEST_PDF.path_for(key=d.period.key, language=language)) for d in weekly_digests(publication)
        ]
    report, entries = _render(documents.assets, planned, workspace.pdf_cache, reporter, cached_only)
    _link_all(entries, site)
    for stale in set(workspace.pdf_cache.glob("*.pdf")) - set(entries.values()):
        stale.unlink()
    return report


def write_digests(
    publication: Publication, digests: list[Digest], languages: tuple[str, ...], target: Path, workspace: Workspace, reporter: Reporter
) -> PdfReport:
    """`briefing pdf`: the given digests, as digest-<period>.<language>.pdf in `target`, copied whole or not at all."""
    documents = Documents(publication, workspace.project)
    planned = [
        documents.digest(d, language, PERIOD_DIGEST_PDF.path_for(key=d.period.key, language=language))
        for d in digests
        for language in languages
    ]
    report, entries = _render(documents.assets, planned, workspace.pdf_cache, reporter)
    _copy_all_or_none(entries, target)
    return report


def briefing_pdfs(
    publication: Publication, briefing: Briefing, languages: tuple[str, ...], workspace: Workspace, reporter: Reporter
) -> dict[str, bytes]:
    """One briefing's PDF in each language (rendered only if the cache lacks it), for an e-mail attachment."""
    documents = Documents(publication, workspace.project)
    planned = [documents.briefing(briefing, language, BRIEFING_PDF.path_for(key=briefing.id, language=language)) for language in languages]
    _, entries = _render(documents.assets, planned, workspace.pdf_cache, reporter)
    return {language: entries[plan.name].read_bytes() for language, plan in zip(languages, planned, strict=True)}


def _render(
    assets: Path, planned: list[Planned], cache: Path, reporter: Reporter, cached_only: bool = False
) -> tuple[PdfReport, dict[str, Path]]:
    """Render what the cache lacks (in worker processes); every PDF's cache entry by name.

    `cached_only`: only the PDFs the index knows, nothing made or rendered."""
    cache.mkdir(parents=True, exist_ok=True)
    index = read_record(cache / INDEX)  # none yet, or unreadable: the HTML of every PDF is made again
    if cached_only:
        missing, entries = [], _known(assets, planned, cache, index)
    else:
        missing, entries = _plan(assets, planned, cache, index, reporter)
    report = PdfReport(left=len(planned) - len(entries))
    with reporter.stage("pdf render", total=len(missing)) as stage:
        try:  # fresh workers: a copy of this process (the whole publication, the search stage's memory) is not needed
            results = run_all(render_into, [(job, entries[job.name]) for job in missing], stage.advance, fresh=True)
        except BuildError as exc:
            raise PdfError(f"PDF rendering stopped: {exc}") from None
    _write_index(cache, index)
    for job, rendered in zip(missing, results, strict=True):
        report.add(job.name, rendered)
    report.reused = [name for name in entries if name not in report.rendered]
    reporter.count("pdf pages rendered", report.pages)
    reporter.count("pdf render cpu ms", round(report.cpu * 1000))
    for note in report.notes:
        reporter.say(note)
    reporter.say(report.summary())
    return report, entries


def _plan(
    assets: Path, planned: list[Planned], cache: Path, index: dict[str, str], reporter: Reporter
) -> tuple[list[PdfJob], dict[str, Path]]:
    """Each PDF's cache entry, and the jobs whose entry is missing, their glyphs checked before any render.

    `index` maps a hash of a PDF's inputs and the renderer's setup to the entry they gave
    last time: a PDF whose inputs did not change finds its entry without making its HTML.
    The entries themselves stay keyed by the HTML, so the index can only save work.
    """
    try:
        setup = _setup(assets)
        entries, missing = {}, []
        with reporter.stage("pdf html"):
            for plan in planned:
                inputs = _inputs_key(setup, plan)
                known = index.get(inputs)
                if known and (cache / known).is_file():
                    entries[plan.name] = cache / known
                    continue
                job = plan.make()
                entries[plan.name] = cache / f"{cache_key(job, setup)}.pdf"
                index[inputs] = entries[plan.name].name
                if not entries[plan.name].exists():
                    missing.append(job)
        with reporter.stage("pdf glyph check"):
            stacks = _stacks(assets)
            for job in missing:
                check_coverage(job.name, document_text(job.html) + "\n" + job.css, stacks)
    except FontError as exc:
        raise PdfError(str(exc)) from None
    return missing, entries


def _known(assets: Path, planned: list[Planned], cache: Path, index: dict[str, str]) -> dict[str, Path]:
    """The cache entries of the PDFs whose inputs were rendered before (see `_plan`), by name."""
    setup = _setup(assets)
    entries = {}
    for plan in planned:
        known = index.get(_inputs_key(setup, plan))
        if known and (cache / known).is_file():
            entries[plan.name] = cache / known
    return entries


def _inputs_key(setup: str, plan: Planned) -> str:
    return hashlib.sha256(f"{setup}\0{plan.inputs}".encode()).hexdigest()


def _write_index(cache: Path, index: dict[str, str]) -> None:
    """Keep the index of entries that exist, written whole (a preview and a build may share it)."""
    live = {inputs: name for inputs, name in index.items() if (cache / name).is_file()}
    write_whole(cache / INDEX, json.dumps(live).encode("utf-8"))


def _stacks(assets: Path) -> list[tuple[str, ...]]:
    """The font stacks of the print stylesheets: what the glyph check tests each PDF against."""
    return [stack for _, text in print_stylesheets(assets) for stack in font_stacks(text)]


def cache_key(job: PdfJob, setup: str) -> str:
    """Hash of all a PDF's bytes depend on: its HTML, and everything the renderer brings (`_setup`)."""
    return hashlib.sha256(setup.encode("utf-8") + b"\0" + job.html.encode("utf-8") + b"\0" + job.css.encode("utf-8")).hexdigest()


def _setup(assets: Path) -> str:
    """Fingerprint of the print assets, the font files, the renderer and its options."""
    digest = hashlib.sha256(f"weasyprint {version('weasyprint')} {PDF_VARIANT}\0".encode())
    for renderer in ("render.py", "subset.py"):
        digest.update(Path(__file__).with_name(renderer).read_bytes())
    for asset in sorted(p for p in assets.rglob("*") if p.is_file() and p.suffix != ".j2"):  # templates: in the HTML
        digest.update(asset.relative_to(assets).as_posix().encode("utf-8") + b"\0" + asset.read_bytes() + b"\0")
    for family in sorted({family for stack in _stacks(assets) for family in stack}):
        font = installed_font(family)
        stat = font.file.stat()
        digest.update(f"{family}={font.file}:{font.index}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _link_all(entries: dict[str, Path], target: Path) -> None:
    """Hard links to the cache entries in the new site: no PDF data written (copies where links fail)."""
    for name, entry in entries.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        link_or_copy(entry, path)


def _copy_all_or_none(entries: dict[str, Path], target: Path) -> None:
    """Copy the rendered PDFs to where readers expect them, each whole or not at all.

    `briefing pdf` writes straight into the editor's folder: a full disk or a kill must
    not leave half a digest under the finished name, nor spoil the one already there.
    Every PDF is first copied to a hidden `.<name>.partial` beside its place; only when
    all are copied does each take its name, in one rename. A full disk so changes none
    of them, and a leftover of a killed run is replaced by the next one.
    """
    partials = {}
    try:
        for name, entry in entries.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            partials[path] = path.with_name(f".{path.name}.partial")
            shutil.copyfile(entry, partials[path])
        for path, partial in partials.items():
            os.replace(partial, path)
    finally:
        for partial in partials.values():
            partial.unlink(missing_ok=True)
