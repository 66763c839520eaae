"""The IIN is personal data: stored, but never in the search index."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from flask import Flask

from app import extensions
from app.models import Cv, CvVisibility
from indexer import DocType, codec
from matching.iin import make_iin
from tests.db.factories import a_locality, a_seeker


def test_iin_never_reaches_the_index(app: Flask) -> None:
    iin = make_iin(date(1995, 3, 14), "female", 4321)
    with extensions.database(app).session() as session:
        seeker = a_seeker(session, iin=iin, locality=a_locality(session, "Астана"))
        seeker.cv = Cv(
            title="Мейірбике", summary="Ауруханада 5 жыл", visibility=CvVisibility.CENTRES
        )
        session.flush()
        cv_id = seeker.cv.id
    engine = extensions.indexing(app).engine
    doc = engine.get(DocType.CVS, cv_id)
    assert doc is not None
    assert iin not in json.dumps(codec.to_dict(doc), ensure_ascii=False)
    settings = extensions.indexing(app).settings
    for path in Path(settings.search_path).rglob("*"):
        if path.is_file():
            assert iin.encode() not in path.read_bytes(), path
