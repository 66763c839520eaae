"""A CV file becomes CV text: the type by content, the size first, bad files a named problem."""

from __future__ import annotations

import io
import zipfile

import pytest

from app.services.cv_files import (
    MAX_CV_FILE_BYTES,
    MAX_TEXT_CHARS,
    CvFileError,
    cut,
    cv_text_from_file,
    file_kind,
)
from tests.cv_documents import a_docx, a_pdf


def test_pdf_text_is_read() -> None:
    text = cv_text_from_file(a_pdf(["Cook, 5 years", "Skills: grill (hot)  , bakery"]))
    assert "Cook, 5 years" in text and "Skills: grill (hot) , bakery" in text


def test_docx_paragraphs_and_tables_are_read_in_kazakh_and_russian() -> None:
    data = a_docx(
        ["Аспаз   Әлия Тұрсынова", "", "", "", "Ұлттық тағамдар, тандыр"],
        table=[["2019–2024", "«Дәмді» мейрамханасы"], ["Навыки", "выпечка"]],
    )
    text = cv_text_from_file(data)
    assert text.startswith("Аспаз Әлия Тұрсынова\n\nҰлттық тағамдар, тандыр")
    assert "2019–2024 | «Дәмді» мейрамханасы" in text and "Навыки | выпечка" in text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"%PDF-" + b"x" * MAX_CV_FILE_BYTES, "too_large"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old_word"),
        ("Резюме: аспаз".encode(), "unsupported"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "unsupported"),
        (b"%PDF-1.7\nnot really a pdf", "unreadable"),
        (b"PK\x03\x04 broken zip", "unreadable"),
        (a_pdf([]), "no_text"),
        (a_pdf(["Secret CV"], password="s3cret"), "encrypted"),
        (a_docx(["", "  "]), "no_text"),
    ],
)
def test_bad_files_name_their_problem(data: bytes, problem: str) -> None:
    with pytest.raises(CvFileError) as caught:
        cv_text_from_file(data)
    assert caught.value.problem == problem and caught.value.field == "cv_file"


def test_the_name_does_not_decide_the_type() -> None:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    with pytest.raises(CvFileError) as caught:
        file_kind(zipped.getvalue())
    assert caught.value.problem == "unsupported"
    assert file_kind(a_docx(["x"])) == "docx" and file_kind(a_pdf(["x"])) == "pdf"


def test_a_zip_bomb_is_refused_before_it_is_unpacked() -> None:
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (51 * 1024 * 1024))
    assert len(zipped.getvalue()) < MAX_CV_FILE_BYTES
    with pytest.raises(CvFileError) as caught:
        file_kind(zipped.getvalue())
    assert caught.value.problem == "too_large"


def test_long_text_is_cut_at_a_line_end() -> None:
    text = "\n".join(f"line {n:05d} " + "x" * 40 for n in range(200))
    kept, was_cut = cut(text)
    assert was_cut and len(kept) <= MAX_TEXT_CHARS and text.startswith(kept)
    assert text[len(kept)] == "\n"
    assert cut("short") == ("short", False)
