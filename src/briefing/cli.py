"""Command line: init, ingest, new, check, build, pdf, mail, serve. Errors are reported as messages, never as tracebacks."""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from .build import briefing_pdf_files, build, make_digests
from .diagnostics import IN_THE_SOURCES, BuildError, LoadError, Problem, Problems
from .engine import EngineError
from .load import load, load_or_raise
from .progress import Reporter
from .release import pending, reference_time, refuse_unreleased, released
from .rights import FULL


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    try:
        return args.run(args, project)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug of ours: one line for the editor, the traceback on request
        if os.environ.get("BRIEFING_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (please report it; BRIEFING_DEBUG=1 shows the traceback)", file=sys.stderr)
        return 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    parser.add_argument("--project", default=".", help="the publication's folder (default: here)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    init = commands.add_parser("init", help="start a new, empty publication in DIR (asks for its settings on a terminal)")
    init.add_argument("folder", metavar="DIR", help="a new or empty folder")
    init.add_argument("--name", action="append", default=[], help="the desk's name: ko=NAME for one language, NAME for all (repeatable)")
    init.add_argument("--short-name", help="one short name (MkDocs' site_name; default: the name in the first language)")
    init.add_argument("--languages", help="comma-separated language codes, the first the default (default: en,ko)")
    init.add_argument("--timezone", help="the desk's time zone (default: Asia/Seoul)")
    init.add_argument("--topics", help="comma-separated topic ids (default: politics,economy,world,society)")
    init.add_argument("--site-url", help="the address the site will be published at (default: https://briefing.example.org/)")
    init.set_defaults(run=_init)

    ingest = commands.add_parser("ingest", help="turn feeds, saved pages and pasted text into articles in content/")
    ingest.set_defaults(run=_ingest, kind=None, locations=[], slug=None, topics=[])
    ingest_kinds = ingest.add_subparsers(metavar="KIND")
    for kind, what in (("feed", "RSS/Atom feed URLs or files"), ("page", "saved HTML pages, pasted .txt files or page URLs")):
        sub = ingest_kinds.add_parser(kind, help=f"ingest {what} (no KIND: every source in mkdocs.yml)")
        sub.add_argument("locations", nargs="+", metavar="SOURCE", help=what)
        sub.add_argument("--topics", action="append", default=[], help="topics to tag new articles with (comma-separated)")
        sub.set_defaults(kind=kind)
        if kind == "page":
            sub.add_argument("--slug", help="the article's slug instead of one made from its title")

    new = commands.add_parser("new", help="start a briefing: briefings/<date>-<slug>.yaml, every field in order, a draft")
    new.add_argument("articles", nargs="*", metavar="ARTICLE", help="an article it cites: its id, the start of its id, or its file")
    new.add_argument("--date", type=_date, help="the briefing's date, YYYY-MM-DD (default: today in extra.briefing.timezone)")
    new.add_argument("--slug", help="the end of its id and file name (default: from the first article's title)")
    new.add_argument("--article", dest="pages", action="append", default=[], metavar="URL|FILE", help="ingest a page first and cite it")
    new.set_defaults(run=_new)

    check = commands.add_parser("check", help="validate every briefing, article and setting; print every problem")
    check.add_argument("--strict", action="store_true", help="treat warnings (e.g. missing translations) as errors")
    check.add_argument("--now", type=_moment, help=NOW_HELP)
    check.set_defaults(run=_check)

    build_cmd = commands.add_parser("build", help="build the site into site/ (replaced only if the build succeeds)")
    build_cmd.add_argument("--output", default="site", help="output folder (default: site)")
    build_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    build_cmd.add_argument("--preview", action="store_true", help="a preview for editors (briefing serve's): drafts and scheduled too")
    build_cmd.add_argument("--now", type=_moment, help=NOW_HELP)
    build_cmd.add_argument("--cached-pdfs", action="store_true", help="render no PDF; link only those rendered before")
    build_cmd.set_defaults(run=_build)

    pdf_cmd = commands.add_parser("pdf", help="digest PDFs of any period (the site has one per week)")
    pdf_cmd.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    pdf_cmd.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE", help="last day, YYYY-MM-DD")
    pdf_cmd.add_argument("--lang", help="only this language (default: every language of the publication)")
    pdf_cmd.add_argument("--monthly", action="store_true", help="one digest per calendar month from --from to --to")
    pdf_cmd.add_argument("--output", default=".", help="folder for the PDFs (default: here)")
    pdf_cmd.set_defaults(run=_pdf)

    mail_cmd = commands.add_parser("mail", help="a briefing as an e-mail message per language (.eml files)")
    mail_cmd.add_argument("briefing", metavar="BRIEFING_ID", nargs="?", help="the briefing's id (its file name without .yaml)")
    mail_cmd.add_argument("--week", metavar="YYYY-Www", help="one message holding that ISO week's briefings, e.g. 2025-W44")
    mail_cmd.add_argument("--lang", help="only this language (default: every language of the publication)")
    mail_cmd.add_argument("--output", default=".", help="folder for the messages (default: here)")
    mail_cmd.add_argument("--attach-pdf", action="store_true", help="attach the briefing's PDF in the message's language")
    mail_cmd.add_argument("--send", action="store_true", help="deliver to the subscribers (each once: see .briefing/mail-log.sqlite)")
    mail_cmd.add_argument("--dry-run", action="store_true", help="say who would get which language, send nothing")
    mail_cmd.add_argument("--smtp", metavar="URL", help="smtp://host:port or smtps://host:port (login from BRIEFING_SMTP_USER/PASSWORD)")
    mail_cmd.add_argument("--subscribers", metavar="FILE", help="the subscriber list (default: extra.briefing.mail.subscribers)")
    mail_cmd.add_argument("--rate", type=float, default=5.0, help="at most this many messages a second (default: 5)")
    mail_cmd.set_defaults(run=_mail)

    serve_cmd = commands.add_parser("serve", help="preview on 127.0.0.1 with live reload")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument("--strict", action="store_true", help="show warnings (e.g. missing translations) as errors")
    serve_cmd.set_defaults(run=_serve)
    return parser


NOW_HELP = "publish as at this time, e.g. 2025-11-01T06:00+09:00 (default: SOURCE_DATE_EPOCH, else the clock)"


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise argparse.ArgumentTypeError(f"invalid time {text!r} (expected a date-time with its zone, e.g. 2025-11-01T06:00+09:00)")
    return moment


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r} (expected YYYY-MM-DD)") from None


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: Problems, strict: bool = False) -> str:
    """Counts like "2 errors, 1 warning"; under --strict the warnings say that they failed the check too."""
    errors, warnings = len(problems.errors), len(problems.warnings)
    counted = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if strict and warnings:
        counted += " treated as errors" if warnings != 1 else " treated as an error"
    return counted


def _init(args, _project: Path) -> int:
    """Options given, or no terminal: no questions (defaults for what is not given); else each setting is asked for."""
    from .starter import StarterError, ask, settings_from, start_publication

    options = (args.languages, args.short_name, args.timezone, args.topics, args.site_url)
    settings = settings_from(args.languages, args.name, args.short_name, args.timezone, args.topics, args.site_url)
    folder = Path(args.folder).resolve()
    try:
        if not args.name and all(option is None for option in options) and sys.stdin.isatty():
            settings = ask(settings)
        written = start_publication(folder, settings)
    except (StarterError, EOFError) as exc:
        print(f"init failed: {exc or 'no answer'}; nothing written", file=sys.stderr)
        return 1
    print(f"Started {folder} ({', '.join(settings.languages)}; {settings.timezone}; topics: {', '.join(settings.topics)}):")
    print("  " + "  ".join(path.relative_to(folder).as_posix() + "/" * path.is_dir() for path in written))
    print(f"Next: read {folder / 'README.md'}; then `briefing --project {folder} check` and `... serve`")
    return 0


def _ingest(args, project: Path) -> int:
    from .ingest.command import ingest_command

    return ingest_command(project, args.kind, args.locations, args.topics, args.slug)


def _new(args, project: Path) -> int:
    from .scaffold import new_briefing

    return new_briefing(project, args.date, args.slug, args.articles, args.pages)


def _check(args, project: Path) -> int:
    try:
        now = reference_time(args.now)  # drafts and scheduled briefings are listed as of then
    except BuildError as exc:
        print(f"check failed: {exc}", file=sys.stderr)
        return 1
    publication, problems = load(project)
    _print_problems(problems.sorted())
    failed = publication is None or (args.strict and problems.warnings)
    if failed:
        print(f"check failed: {_summary(problems, args.strict)}", file=sys.stderr)
        return 1
    in_full = sum(article.rights == FULL for article in publication.articles.values())
    print(f"ok: {len(publication.articles)} articles ({in_full} in full), {len(publication.briefings)} briefings ({_summary(problems)})")
    for line in pending(publication, now):
        print(line)
    return 0


def _build(args, project: Path) -> int:
    output = (project / args.output).resolve()
    reporter = Reporter(quiet=args.quiet)
    started = time.monotonic()
    try:
        publication = build(
            project, output, reporter=reporter, strict=args.strict, preview=args.preview, now=args.now, cached_pdfs=args.cached_pdfs
        )
    except FAILURES as exc:
        print(f"build failed: {_failure(exc)}; {output.name}/ left as it was", file=sys.stderr)
        return 1
    finally:
        reporter.close()
    reporter.say(f"Built {output} ({', '.join(publication.config.language_codes)}) in {time.monotonic() - started:.1f} s")
    return 0


# What stops a build or `briefing pdf` with a message: the sources, the outputs, the system.
FAILURES = (LoadError, BuildError, EngineError, OSError)


def _failure(exc: Exception) -> str:
    """Why a build or `briefing pdf` stopped, in one line; the sources' problems are printed first."""
    if isinstance(exc, LoadError):
        _print_problems(exc.problems)
        return f"{len(exc.problems)} {IN_THE_SOURCES}"
    return _system_error(exc) if isinstance(exc, OSError) else str(exc)


ERRNO_TEXT = re.compile(r"^\[Errno \d+\] |: '.*'$")  # "[Errno 28] No space left on device: '/path'"


def _system_error(exc: OSError) -> str:
    """ "No space left on device: /path", also for a copy of many files (shutil.Error keeps only text)."""
    if isinstance(exc, shutil.Error) and exc.args and isinstance(exc.args[0], list) and exc.args[0]:
        _, target, why = exc.args[0][0]
        return f"{ERRNO_TEXT.sub('', str(why))}: {target}"
    return f"{exc.strerror or exc}: {exc.filename2 or exc.filename or ''}"  # a copy names its target second


def _reported(verb: str, body: Callable[[Reporter], list[Path] | int]) -> int:
    """Run a command that writes files: their paths printed once it is done, a failure as one line `<verb> failed: …`."""
    reporter = Reporter()
    try:
        result = body(reporter)
    except FAILURES as exc:
        print(f"{verb} failed: {_failure(exc)}", file=sys.stderr)
        return 1
    finally:
        reporter.close()
    if isinstance(result, int):
        return result
    for path in result:
        print(path)
    return 0


def _pdf(args, project: Path) -> int:
    output = Path(args.output).resolve()
    return _reported("pdf", lambda reporter: make_digests(project, args.start, args.end, args.monthly, args.lang, output, reporter))


def _mail(args, project: Path) -> int:
    return _reported("mail", lambda reporter: _mail_edition(args, project, reporter))


def _mail_edition(args, project: Path, reporter: Reporter) -> list[Path] | int:
    """`.eml` files of a briefing or a week; or, with --send or --dry-run, its delivery."""
    from .outputs.mail import write_messages

    loaded, now = load_or_raise(project, warn=reporter.warn), reference_time()
    refuse_unreleased(loaded, args.briefing, now)
    publication = released(loaded, now)
    codes = publication.config.language_codes
    if args.lang and args.lang not in codes:
        raise BuildError(f"--lang {args.lang}: the publication's languages are {', '.join(codes)}")
    if bool(args.briefing) == bool(args.week) or (args.week and args.attach_pdf):
        raise BuildError("name one briefing (BRIEFING_ID) or one week (--week 2025-W44); --attach-pdf goes with a briefing")
    languages, key = (args.lang,) if args.lang else codes, args.briefing or args.week
    pdfs = briefing_pdf_files(publication, key, languages, project, reporter) if args.attach_pdf and not args.dry_run else None
    if args.send or args.dry_run:
        return _mail_subscribers(args, project, publication, reporter, pdfs)
    return write_messages(publication, key, languages, Path(args.output).resolve(), project, pdfs)


def _mail_subscribers(args, project: Path, publication, reporter: Reporter, pdfs: dict[str, bytes] | None) -> int:
    """`--dry-run`: who would get which language; `--send`: deliver, then a line per outcome."""
    from .outputs.mail import deliver, read_subscribers

    settings = publication.config.mail
    listed = Path(args.subscribers) if args.subscribers else project / (settings.subscribers if settings else "subscribers.csv")
    subscribers = [
        s for s in read_subscribers(listed.resolve(), publication.config.language_codes, project) if s.language == (args.lang or s.language)
    ]
    if args.dry_run:
        for subscriber in subscribers:
            print(f"{subscriber.language}  {subscriber.email}")
        print(f"would send {args.briefing or args.week} to {len(subscribers)} subscriber(s); nothing sent")
        return 0
    if not args.smtp:
        raise BuildError("--send needs --smtp smtp://host:port (or smtps://)")
    with reporter.stage("mail", total=len(subscribers)) as stage:
        delivery = deliver(
            publication, args.briefing or args.week, subscribers, args.smtp, args.rate, project, lambda _: stage.advance(), pdfs
        )
    for address, why in {**delivery.refused, **delivery.deferred}.items():
        print(f"{'refused ' if address in delivery.refused else 'deferred'}  {address}: {why}", file=sys.stderr)
    print(
        f"sent {len(delivery.sent)}, already sent {len(delivery.already)}, refused {len(delivery.refused)}, "
        f"deferred {len(delivery.deferred)} (run again to retry them)"
    )
    return 1 if delivery.deferred else 0


def _serve(args, project: Path) -> int:
    from .serve import serve

    serve(project, args.host, args.port, args.strict, Reporter(display=False).say)
    return 0


if __name__ == "__main__":
    sys.exit(main())
