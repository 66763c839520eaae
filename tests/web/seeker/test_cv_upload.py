"""CV upload: a PDF or DOCX fills the CV text in the editor for the person (or the centre's staff)
to check and save; nothing is saved before that; bad files are a clear 422 next to the field."""

from __future__ import annotations

import io
from html import unescape

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from app import extensions
from app.models import AuditLog, Cv
from app.services.cv_files import MAX_TEXT_CHARS
from tests.cv_documents import a_docx, a_pdf
from tests.web.conftest import People, SignIn, form_token

NOTICE = {
    "ru": "Текст «Резюме Әлия.docx» вставлен в резюме ниже",
    "kk": "«Резюме Әлия.docx» мәтіні төмендегі түйіндемеге қойылды",
}


def _upload(client: FlaskClient, page: str, data: bytes, name: str) -> tuple[int, str]:
    token = form_token(client, page)
    response = client.post(
        f"{page}/cv-file",
        data={"csrf_token": token, "cv_file": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )
    return response.status_code, unescape(response.get_data(as_text=True))


def _cv(app: Flask, seeker_id: int) -> Cv | None:
    with extensions.database(app).session() as session:
        cv = session.scalars(select(Cv).where(Cv.seeker_id == seeker_id)).one_or_none()
        session.expunge_all()
        return cv


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_docx_fills_the_cv_text_and_saving_keeps_it(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, lang: str
) -> None:
    sign_in(client, "seeker")
    client.set_cookie("lang", lang)
    cv_file = a_docx(["Аспаз, 5 жыл", "Ұлттық тағамдар, тандыр"], [["2019–2024", "«Дәмді»"]])
    status, page = _upload(client, "/me/profile", cv_file, "Резюме Әлия.docx")
    assert status == 200 and NOTICE[lang] in page
    assert "Аспаз, 5 жыл\nҰлттық тағамдар, тандыр\n2019–2024 | «Дәмді»</textarea>" in page
    assert _cv(app, people.seeker_id) is None  # nothing saved before the person saves
    token = form_token(client, "/me/profile")
    saved = client.post(
        "/me/profile",
        data={
            "csrf_token": token,
            "cv_title": "Аспаз",
            "cv_summary": "Аспаз, 5 жыл\nҰлттық тағамдар, тандыр (түзетілді)",
            "visibility": "centres",
        },
    )
    assert saved.status_code == 302
    cv = _cv(app, people.seeker_id)
    assert cv is not None and cv.summary.endswith("тандыр (түзетілді)")


def test_a_pdf_is_read_and_a_long_one_is_cut_with_a_word(
    client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "seeker")
    client.set_cookie("lang", "ru")
    status, page = _upload(client, "/me/profile", a_pdf(["Cook", "Grill, bakery"]), "cv.PDF")
    assert status == 200 and "Cook\nGrill, bakery</textarea>" in page
    assert "конец не вошёл" not in page
    long_cv = a_docx([f"Строка {n}: " + "опыт " * 20 for n in range(100)])
    status, page = _upload(client, "/me/profile", long_cv, "long.docx")
    assert status == 200 and "конец не вошёл" in page
    text = page.split('name="cv_summary"')[1].split(">", 1)[1].split("</textarea>")[0]
    assert 0.8 * MAX_TEXT_CHARS < len(text) <= MAX_TEXT_CHARS


@pytest.mark.parametrize(
    ("data", "name", "ru", "kk"),
    [
        (b"", "", "Выберите файл PDF или DOCX", "PDF немесе DOCX файлын таңдаңыз"),
        ("Резюме".encode(), "cv.pdf", "Читаются только файлы PDF и DOCX", "Тек PDF және DOCX"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "cv.docx", "старого формата", "ескі"),
        (b"%PDF-1.4 broken", "cv.pdf", "Файл повреждён", "Файл зақымдалған"),
        (a_pdf([]), "scan.pdf", "возможно, это скан", "мүмкін, бұл скан"),
        (a_pdf(["x"], password="pw"), "cv.pdf", "защищён паролем", "құпиясөзбен қорғалған"),
    ],
)
def test_bad_files_are_a_422_next_to_the_field_in_both_languages(
    app: Flask,
    client: FlaskClient,
    people: People,
    sign_in: SignIn,
    data: bytes,
    name: str,
    ru: str,
    kk: str,
) -> None:
    sign_in(client, "seeker")
    for lang, message in (("ru", ru), ("kk", kk)):
        client.set_cookie("lang", lang)
        status, page = _upload(client, "/me/profile", data, name)
        assert status == 422, page[:500]
        assert '<p class="field-error" id="error-cv_file">' in page and message in page
        assert 'aria-invalid="true"' in page
    assert _cv(app, people.seeker_id) is None


def test_staff_read_a_clients_cv_file_with_the_same_editor(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "staff")
    client.set_cookie("lang", "kk")
    page_url = f"/desk/clients/{people.seeker_id}/profile"
    status, page = _upload(client, page_url, a_docx(["Жүргізуші, C санаты"]), "cv.docx")
    assert status == 200 and "Жүргізуші, C санаты</textarea>" in page
    status, page = _upload(client, page_url, b"GIF89a....", "cv.docx")
    assert status == 422 and "Тек PDF және DOCX" in page
    assert _cv(app, people.seeker_id) is None
    with extensions.database(app).session() as session:
        assert not session.scalars(
            select(AuditLog).where(AuditLog.action == "client:profile")
        ).all()
