"""Compact CJK font subsets for WeasyPrint 70: the glyphs a PDF uses, not 60,000 empty slots.

WeasyPrint 70 subsets every font with HarfBuzz, in two passes, keeping each glyph at
its original id (RETAIN_GIDS) because the page content names glyphs by id. For a Noto
CJK face, whose Hangul glyphs sit near id 60,000, that keeps tens of thousands of
empty glyph slots: each subset is about 750 KiB before compression, and subsetting
and compressing the four CJK faces took about 130 ms a PDF, the largest single cost
of writing one, and made up most of the file.

Noto CJK is a CID-keyed CFF font (ROS Adobe-Identity-0, CID = glyph id), embedded as
CIDFontType0. A HarfBuzz subset without RETAIN_GIDS keeps only the used glyphs,
renumbered, and keeps each one's CID in the font's charset. PDF readers select a bare
CFF font's glyphs by CID through that charset (ISO 32000-1, 9.7.4.2), so `write_pdf`
embeds the subset's CFF table alone (FontFile3, subtype CIDFontType0C, the usual form
of CJK fonts in PDFs) and the page content keeps naming glyphs by their original ids.
This path is taken only when the subset's charset gives every used glyph its original
id as CID; every other font (Charis SIL is TrueType, found by glyph id) is subset by
WeasyPrint as before.

WeasyPrint also copies each font's whole file into memory when a document first uses
it, to embed it should subsetting fail. A Noto CJK collection is 20 to 27 MB, so each
PDF copied about 90 MB; `write_pdf` reads a font's file only when WeasyPrint's own
path needs it.
"""

from __future__ import annotations

import io

DROPPED_TABLES = (b"BASE", b"DSIG", b"EBDT", b"EBLC", b"EBSC", b"GPOS", b"GSUB", b"JSTF", b"LTSH", b"PCLT", b"SVG ")


class CompactCid(bytes):
    """An OpenType subset whose glyphs are found by CID; `cff` is what the PDF embeds."""

    cff: bytes


def write_pdf(document, **options) -> bytes:
    """`document.write_pdf(**options)`, with CID-keyed CFF fonts cut to compact subsets and embedded bare."""
    from weasyprint.pdf import fonts

    read, init, clean = fonts.get_hb_object_data, fonts.Font.__init__, fonts.Font.clean

    def font_read_later(font, *args) -> None:
        fonts.get_hb_object_data = lambda *_: b""  # Font.__init__ reads the whole font file with it, and nothing else
        try:
            init(font, *args)
        finally:
            fonts.get_hb_object_data = read
        if font.bitmap:  # embedded without `clean`
            font.file_content = read(font.hb_face)

    def compact_or_weasyprint_clean(font, glyphs: dict, hinting: bool) -> None:
        if not compact_subset(font, glyphs, hinting):
            font.file_content = read(font.hb_face)
            clean(font, glyphs, hinting)

    fonts.Font.__init__, fonts.Font.clean = font_read_later, compact_or_weasyprint_clean
    try:
        return document.write_pdf(finisher=_embed_bare_cff, **options)
    finally:
        fonts.Font.__init__, fonts.Font.clean = init, clean


def compact_subset(font, glyphs: dict, hinting: bool) -> bool:
    """Cut a CID-keyed CFF font to the used glyphs, each still found by its original id; False if it is not one."""
    used = sorted(glyph for glyph in glyphs if glyph < font.glyph_count)
    plain_cff = "CFF " in font.tables and "fvar" not in font.tables and not (font.png or font.svg or font.colr)
    if not (plain_cff and used):
        return False  # WeasyPrint's `clean` instantiates variable fonts and drops colour glyphs
    compact = _subset(font, used, hinting)
    cff = compact and _cid_keyed_cff(compact, used)
    if cff:
        font.file_content = CompactCid(compact)
        font.file_content.cff = cff
    return bool(cff)


def _embed_bare_cff(document, pdf) -> None:
    """WeasyPrint finisher: embed each compact subset as its CFF table alone (CIDFontType0C), glyphs found by CID."""
    import pydyf

    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and len(item.stream) == 1 and isinstance(item.stream[0], CompactCid):
            item.stream = [item.stream[0].cff]
            item.extra["Subtype"] = "/CIDFontType0C"


def _subset(font, glyphs: list[int], hinting: bool) -> bytes | None:
    """The font cut to `glyphs` (sorted) and renumbered by HarfBuzz, with WeasyPrint's other flags and dropped tables."""
    from weasyprint.text.ffi import ffi, harfbuzz, harfbuzz_subset
    from weasyprint.text.fonts import get_hb_object_data

    request = ffi.gc(harfbuzz_subset.hb_subset_input_create_or_fail(), harfbuzz_subset.hb_subset_input_destroy)
    _add(harfbuzz_subset.hb_subset_input_glyph_set(request), glyphs)
    _add(
        harfbuzz_subset.hb_subset_input_set(request, harfbuzz_subset.HB_SUBSET_SETS_DROP_TABLE_TAG),
        sorted(harfbuzz.hb_tag_from_string(tag, -1) for tag in DROPPED_TABLES),
    )
    flags = harfbuzz_subset.HB_SUBSET_FLAGS_PASSTHROUGH_UNRECOGNIZED | harfbuzz_subset.HB_SUBSET_FLAGS_DESUBROUTINIZE
    if not hinting:
        flags |= harfbuzz_subset.HB_SUBSET_FLAGS_NO_HINTING
    if font.missing:
        flags |= harfbuzz_subset.HB_SUBSET_FLAGS_NOTDEF_OUTLINE
    harfbuzz_subset.hb_subset_input_set_flags(request, flags)
    face = harfbuzz_subset.hb_subset_or_fail(font.hb_face, request)
    return None if face == ffi.NULL else get_hb_object_data(ffi.gc(face, harfbuzz.hb_face_destroy))


def _add(target, values: list[int]) -> None:
    from weasyprint.text.ffi import ffi, harfbuzz

    harfbuzz.hb_set_add_sorted_array(target, ffi.new("hb_codepoint_t[]", values), len(values))


def _cid_keyed_cff(data: bytes, used: list[int]) -> bytes | None:
    """The CFF table of an OpenType subset, if it is CID-keyed and gives every used glyph its old id as CID."""
    from fontTools.ttLib import TTFont, TTLibError

    if data[:4] != b"OTTO":
        return None  # TrueType outlines: glyphs are found by id, which must then stay as they were
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        top = font["CFF "].cff.topDictIndex[0]
        cids_kept = hasattr(top, "ROS") and top.charset == [".notdef"] + [f"cid{glyph:05d}" for glyph in used if glyph]
        return font.reader["CFF "] if cids_kept else None
    except (TTLibError, KeyError, AttributeError, IndexError, ValueError):
        return None
