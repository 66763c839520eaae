"""A CV file (PDF or DOCX) turned into plain CV text the person then edits; the file is not kept.

The type is decided by the file's content (its magic bytes and, for DOCX, the parts inside the
ZIP), never by its name, and the size is checked before anything is parsed. Parsing untrusted
files is pypdf's and python-docx's job; any failure of theirs on a broken file becomes a
``CvFileError`` (``problem`` says which), never an exception a page would turn into a 500.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

MAX_CV_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # a DOCX is a ZIP: refuse one that inflates beyond this
MAX_PDF_PAGES = 30
MAX_TEXT_CHARS = 5000  # what the CV's "About me" field holds (app.services.seeker_cv)

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word .doc, .xls
DOCX_PART = "word/document.xml"

PROBLEMS = ("empty", "too_large", "old_word", "unsupported", "encrypted", "unreadable", "no_text")


class CvFileError(ValueError):
    """Why the file gives no CV text; ``problem`` is one of ``PROBLEMS``."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"cv_file: {problem}")
        self.field = "cv_file"
        self.problem = problem


def file_kind(data: bytes) -> str:
    """``pdf`` or ``docx`` by content; a ``CvFileError`` for anything else."""
    if not data.strip():
        raise CvFileError("empty")
    if len(data) > MAX_CV_FILE_BYTES:
        raise CvFileError("too_large")
    if PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(OLE_MAGIC):
        raise CvFileError("old_word")
    if data.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                infos = archive.infolist()
        except (zipfile.BadZipFile, ValueError):
            raise CvFileError("unreadable") from None
        if DOCX_PART not in {info.filename for info in infos}:
            raise CvFileError("unsupported")
        if sum(info.file_size for info in infos) > MAX_UNPACKED_BYTES:
            raise CvFileError("too_large")
        return "docx"
    raise CvFileError("unsupported")


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CvFileError("encrypted")
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PDF_PAGES]]
    except CvFileError:
        raise
    except Exception:  # pypdf raises many kinds of error on a broken file
        raise CvFileError("unreadable") from None
    return "\n\n".join(pages)


def _docx_text(data: bytes) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        blocks = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
                blocks.append(" | ".join(cells))
    except Exception:  # python-docx/lxml raise many kinds of error on a broken file
        raise CvFileError("unreadable") from None
    return "\n".join(blocks)


_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def tidy(text: str) -> str:
    """One space between words, at most one blank line between paragraphs, no control chars."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "".join(c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def cut(text: str, limit: int = MAX_TEXT_CHARS) -> tuple[str, bool]:
    """The text within ``limit`` characters, cut at a line end where one is near; and whether
    it was cut."""
    if len(text) <= limit:
        return text, False
    head = text[:limit]
    line_end = head.rfind("\n")
    return (head[:line_end] if line_end > limit * 0.8 else head).rstrip(), True


def cv_text_from_file(data: bytes) -> str:
    """The CV text in a PDF or DOCX file, tidied (not cut); ``CvFileError`` when there is none."""
    kind = file_kind(data)
    text = tidy(_pdf_text(data) if kind == "pdf" else _docx_text(data))
    if not text:
        raise CvFileError("no_text")
    return text
