"""The PDF tools readers and machines use (poppler-utils, qpdf), as test helpers."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True, timeout=120).stdout


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return run("pdftotext", "-enc", "UTF-8", *pages, str(pdf), "-")


def info(pdf: Path) -> dict[str, str]:
    lines = run("pdfinfo", "-isodates", str(pdf)).splitlines()
    return {key.strip(): value.strip() for key, _, value in (line.partition(":") for line in lines)}


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts rows: name, emb, sub, uni."""
    rows = run("pdffonts", str(pdf)).splitlines()[2:]
    return [dict(zip(("name", "emb", "sub", "uni"), [row.split()[0], *row.split()[-5:-2]], strict=True)) for row in rows]


def objects(pdf: Path) -> dict:
    """Every object of the PDF, decoded by qpdf (strings as "u:…")."""
    return json.loads(run("qpdf", "--json=2", "--json-key=qpdf", str(pdf)))["qpdf"][1]


def catalog(pdf: Path) -> dict:
    everything = objects(pdf)
    return everything["obj:" + everything["trailer"]["value"]["/Root"]]["value"]


def outline(pdf: Path) -> list[tuple[int, str]]:
    """Bookmarks as (depth, title), in order."""
    found = []

    def walk(items, depth):
        for item in items:
            found.append((depth, item["title"]))
            walk(item["kids"], depth + 1)

    walk(json.loads(run("qpdf", "--json=2", "--json-key=outlines", str(pdf)))["outlines"], 0)
    return found


def link_targets(pdf: Path) -> list[str]:
    """URIs of the link annotations, in object order."""
    return [
        value["/A"]["/URI"].removeprefix("u:")
        for value in (o.get("value") for o in objects(pdf).values())
        if isinstance(value, dict) and value.get("/Subtype") == "/Link" and value.get("/A", {}).get("/S") == "/URI"
    ]


def inflated(pdf: Path, work: Path) -> bytes:
    """The PDF with every stream decompressed (qpdf), so text and files hidden in streams can be searched."""
    out = work / f"{pdf.name}.qdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(out)], check=True, timeout=120)
    return out.read_bytes()


def squashed(value: str) -> str:
    """Text without spaces and hyphens (WeasyPrint hyphenates with U+2010): running text across hyphenated lines;
    typographic quotes (headlines get them) read as the straight ones they stand for."""
    return re.sub(r"[\s\-\u00ad\u2010]", "", value).translate(str.maketrans("‘’“”", "''\"\""))


# What a PDF can do besides show text: run script, start programs, carry or fetch files, submit data.
ACTIONS = {
    "/JavaScript",
    "/JS",
    "/Launch",
    "/EmbeddedFile",
    "/EmbeddedFiles",
    "/FileAttachment",
    "/SubmitForm",
    "/ImportData",
    "/GoToR",
    "/GoToE",
    "/RichMedia",
    "/Sound",
    "/Movie",
    "/OpenAction",
    "/AA",
}


def hazards(pdf: Path) -> list[str]:
    """Every action, embedded file or non-web link in the PDF (a briefing needs only http(s) and mail links)."""
    found = []

    def walk(value, where: str) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                if key in ACTIONS or isinstance(inner, str) and inner in ACTIONS:
                    found.append(f"{where}: {key} {str(inner)[:60]}")
                if key == "/URI" and not str(inner).removeprefix("u:").startswith(("http://", "https://", "mailto:")):
                    found.append(f"{where}: /URI {str(inner)[:60]}")
                walk(inner, where)
        elif isinstance(value, list):
            for inner in value:
                walk(inner, where)

    for name, item in objects(pdf).items():
        walk(item.get("value") if isinstance(item, dict) else item, name)
    return found
