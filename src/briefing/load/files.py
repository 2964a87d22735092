"""Reading an editor's file as text, and splitting a Markdown file into front matter and body."""

from __future__ import annotations

from pathlib import Path

from ..diagnostics import Location, Problems


def read_text(path: Path, shown: str, problems: Problems) -> str | None:
    """UTF-8 text without BOM; None (with a problem naming the line) when unreadable or empty."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.error(Location(shown), "file", f"cannot read file: {exc.strerror or exc}")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(Location(shown, line, 1), "file", f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")
        return None
    if not text.strip():
        problems.error(Location(shown), "file", "file is empty")
        return None
    return text.replace("\r\n", "\n")


def split_front_matter(text: str, shown: str, problems: Problems) -> tuple[str, str] | None:
    """(front matter, body) of a Markdown file that opens with a `---` block."""
    lines = text.split("\n")
    if lines[0].strip() != "---":
        problems.error(Location(shown), "front matter", "missing front matter: the file must start with a line '---'")
        return None
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]).strip() + "\n"
    problems.error(Location(shown), "front matter", "front matter is not closed by a line '---'")
    return None
