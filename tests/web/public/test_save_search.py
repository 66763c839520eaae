"""A signed-in seeker saves the search they are looking at, with its filters."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from app import extensions
from app.models import SavedSearch
from tests.web.conftest import People, SignIn

FIELD_RE = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def test_seeker_saves_the_search_on_screen(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    assert 'class="save-search"' not in client.get("/search?q=аспаз").get_data(as_text=True)
    sign_in(client, "seeker")
    page = client.get("/search?q=аспаз&kind=social_job&kind=public_works&page=2")
    html = page.get_data(as_text=True)
    form = html[html.index('class="save-search"') :]
    fields = FIELD_RE.findall(form[: form.index("</form>")])
    assert ("kind", "social_job") in fields and ("kind", "public_works") in fields
    assert ("page", "2") not in fields
    data = [(name, value) for name, value in fields] + [("name", "Аспаз, бағдарламалар")]
    saved = client.post("/me/searches", data=MultiDict(data))
    assert saved.status_code == 302
    with extensions.database(app).session() as session:
        search = session.execute(select(SavedSearch)).scalar_one()
        assert search.user_id == people.users["seeker"] and search.name == "Аспаз, бағдарламалар"
        assert search.params["q"] == "аспаз"
        assert sorted(search.params["kind"]) == ["public_works", "social_job"]
