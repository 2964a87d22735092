"""Command line: check, build, pdf, serve. Errors are reported as messages, never as tracebacks."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from .build import BuildError, build, make_digests
from .diagnostics import LoadError, Problem, Problems
from .load import load
from .outputs.engine import EngineError


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    project = Path(args.project).resolve()
    try:
        return args.run(args, project)
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__)
    parser.add_argument("--project", default=".", help="the publication's folder (default: here)")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate every briefing, article and setting; print every problem")
    check.add_argument("--strict", action="store_true", help="treat warnings (e.g. missing translations) as errors")
    check.set_defaults(run=_check)

    build_cmd = commands.add_parser("build", help="build the site into site/ (replaced only if the build succeeds)")
    build_cmd.add_argument("--output", default="site", help="output folder (default: site)")
    build_cmd.add_argument("--strict", action="store_true", help="treat warnings as errors")
    build_cmd.add_argument("-q", "--quiet", action="store_true", help="print only problems")
    build_cmd.set_defaults(run=_build)

    pdf_cmd = commands.add_parser("pdf", help="digest PDFs of any period (the site has one per week)")
    pdf_cmd.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE", help="first day, YYYY-MM-DD")
    pdf_cmd.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE", help="last day, YYYY-MM-DD")
    pdf_cmd.add_argument("--lang", help="only this language (default: every language of the publication)")
    pdf_cmd.add_argument("--monthly", action="store_true", help="one digest per calendar month from --from to --to")
    pdf_cmd.add_argument("--output", default=".", help="folder for the PDFs (default: here)")
    pdf_cmd.set_defaults(run=_pdf)

    serve_cmd = commands.add_parser("serve", help="preview on 127.0.0.1 with live reload")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.set_defaults(run=_serve)
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {text!r} (expected YYYY-MM-DD)") from None


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _summary(problems: Problems) -> str:
    errors, warnings = len(problems.errors), len(problems.warnings)
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _check(args, project: Path) -> int:
    publication, problems = load(project)
    _print_problems(problems.sorted())
    failed = publication is None or (args.strict and problems.warnings)
    if failed:
        print(f"check failed: {_summary(problems)}", file=sys.stderr)
        return 1
    print(f"ok: {len(publication.articles)} articles, {len(publication.briefings)} briefings ({_summary(problems)})")
    return 0


def _build(args, project: Path) -> int:
    say = (lambda _: None) if args.quiet else (lambda message: print(message, file=sys.stderr))
    output = (project / args.output).resolve()
    return 0 if _build_reporting(project, output, None, say, args.strict) else 1


def _build_reporting(project: Path, output: Path, work: Path | None, say, strict: bool = False, site_url: str | None = None) -> bool:
    """Build once; print what went wrong (file, line, field) and say whether it worked."""
    started = time.monotonic()
    try:
        publication = build(project, output, work, say, site_url, strict)
    except LoadError as exc:
        _print_problems(exc.problems)
        print(f"build failed: {len(exc.problems)} problem(s) in the sources; {output.name}/ left as it was", file=sys.stderr)
        return False
    except (BuildError, EngineError) as exc:
        print(f"build failed: {exc}; {output.name}/ left as it was", file=sys.stderr)
        return False
    except OSError as exc:
        print(f"build failed: {exc.strerror or exc}: {exc.filename or ''}; {output.name}/ left as it was", file=sys.stderr)
        return False
    say(f"Built {output} ({', '.join(publication.config.language_codes)}) in {time.monotonic() - started:.1f} s")
    return True


def _pdf(args, project: Path) -> int:
    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    try:
        written = make_digests(project, args.start, args.end, args.monthly, args.lang, Path(args.output).resolve(), say)
    except LoadError as exc:
        _print_problems(exc.problems)
        print(f"pdf failed: {len(exc.problems)} problem(s) in the sources", file=sys.stderr)
        return 1
    except (BuildError, OSError) as exc:
        print(f"pdf failed: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(path)
    return 0


def _serve(args, project: Path) -> int:
    from .serve import serve

    say = lambda message: print(message, file=sys.stderr)  # noqa: E731
    local = f"http://{args.host}:{args.port}/"
    serve(project, args.host, args.port, lambda output, work: _build_reporting(project, output, work, say, site_url=local), say)
    return 0


if __name__ == "__main__":
    sys.exit(main())
