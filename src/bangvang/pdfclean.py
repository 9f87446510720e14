"""The published copy of a signed original (a scanned PDF), and the picture of its first page.

A PDF can carry much more than its pages: who made it and with what (the document information and
the XMP metadata: author, creator, producer, dates, sometimes the scanner operator's name), scripts
that run when it is opened, actions that launch programs or open addresses, and whole files
embedded in it. The published copy keeps the pages and nothing else that acts or tells:

- no document information dictionary and no XMP metadata, in the document or on any object;
- no OpenAction and no additional actions (AA) on the document, its pages or its annotations;
- no JavaScript (the document's name tree, JS entries anywhere), no embedded or associated files
  (EmbeddedFiles, AF, EF, portfolios), no forms;
- annotations that act (an action, a file attachment, media) are removed; others are kept;
- any other action left anywhere (outlines, link annotations) is removed with its key.

qpdf (through pikepdf) then writes only the objects the pages still reach, without object streams
so that what is left can be read in the file as it is, and with an /ID derived from the content
(the same scan gives the same bytes). pdfium (pypdfium2) draws the first page of the cleaned copy.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

PREVIEW_WIDTH = 720   # px: sharp on a phone, about 60 KB as JPEG for a typed page
ACTING_KEYS = ("/OpenAction", "/AA", "/JS", "/JavaScript", "/EmbeddedFiles", "/Metadata", "/AcroForm", "/PieceInfo",
               "/AF", "/EF", "/Collection")  # AF: files associated with any object (PDF 2.0); EF: a file spec's file
ACTING_ANNOTATIONS = {"/FileAttachment", "/Movie", "/Sound", "/Screen", "/RichMedia", "/3D", "/Widget"}


@dataclass(frozen=True)
class Cleaned:
    pdf: bytes
    preview: bytes      # JPEG of the first page
    width: int          # the preview's size in pixels
    height: int
    pages: int


_done: dict[str, Cleaned] = {}  # sha256 of a source file → its cleaned copy (mkdocs serve rebuilds)


def cleaned(path: Path) -> Cleaned:
    """The published copy of `path` and its preview (the checker has opened it already)."""
    source = path.read_bytes()
    key = hashlib.sha256(source).hexdigest()
    if key not in _done:
        pdf, pages = clean(source)
        preview, width, height = first_page(pdf)
        _done[key] = Cleaned(pdf, preview, width, height, pages)
    return _done[key]


def clean(source: bytes) -> tuple[bytes, int]:
    """A copy of the PDF `source` without metadata, scripts, actions or embedded files; its page count."""
    import pikepdf

    with pikepdf.open(io.BytesIO(source)) as pdf:
        if "/Info" in pdf.trailer:
            del pdf.trailer["/Info"]
        for key in ("/Names", "/Outlines"):  # name trees hold scripts and files; outlines hold actions
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            _clean_annotations(page.obj)
        for obj in pdf.objects:
            if isinstance(obj, (pikepdf.Dictionary, pikepdf.Stream)):
                _strip(obj)
        _strip(pdf.Root)
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.disable, deterministic_id=True,
                 fix_metadata_version=False, compress_streams=True)
        return out.getvalue(), len(pdf.pages)


def _clean_annotations(page) -> None:
    import pikepdf

    annots = page.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    kept = [a for a in annots if isinstance(a, pikepdf.Dictionary) and "/A" not in a and "/AA" not in a
            and str(a.get("/Subtype", "")) not in ACTING_ANNOTATIONS]
    if kept:
        page["/Annots"] = pikepdf.Array(kept)
    else:
        del page["/Annots"]


def _strip(obj) -> None:
    """Remove what acts or tells from one dictionary: the keys above, and an action under /A."""
    import pikepdf

    for key in ACTING_KEYS:
        if key in obj:
            del obj[key]
    action = obj.get("/A")
    if isinstance(action, pikepdf.Dictionary) and "/S" in action:
        del obj["/A"]


def first_page(pdf: bytes) -> tuple[bytes, int, int]:
    """A JPEG of the first page, PREVIEW_WIDTH pixels wide; its width and height."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, _ = page.get_size()
        image = page.render(scale=PREVIEW_WIDTH / width).to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, optimize=True, progressive=True)
    return out.getvalue(), image.width, image.height
