"""The match page, the public-works queue, the overdue list, and who may see what."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import create_app, extensions
from app.models import Referral, SeekerStatus
from app.services.calendar import work_calendar
from app.services.people import person_facts
from app.services.work_queues import public_works_queue
from app.settings import Settings
from app.web import desk_work
from matching.rules import QueueCandidate, queue_order
from tests.web.conftest import People, SignIn, form_token
from tests.web.desk_work.helpers import (
    MONDAY,
    PUBLIC,
    SOCIAL,
    a_client,
    a_place,
    refer,
    referral_id,
)


@pytest.fixture
def day(monkeypatch: pytest.MonkeyPatch) -> list[date]:
    current = [MONDAY]
    monkeypatch.setattr(desk_work, "today", lambda: current[0])
    return current


def test_the_match_page_ranks_places_with_their_verdicts_and_filters(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, day: list[date]
) -> None:
    seeker = a_client(app, people, status=SeekerStatus.JOB_SEEKER)
    regular = a_place(app, people, title="Жүргізуші С санаты")
    social = a_place(app, people, kind=SOCIAL, title="Жүргізуші әлеуметтік орын")
    sign_in(client, "staff")
    page = client.get(f"/desk/clients/{seeker}/match?lang=ru").get_data(as_text=True)
    assert f'id="vacancy-{regular}"' in page and f'id="vacancy-{social}"' in page
    assert "Подходящая работа: отказ засчитывается" in page
    assert "только для зарегистрированных безработных" in page
    assert page.count('name="vacancy_id"') == 1  # the social job cannot be offered to them
    only = client.get(f"/desk/clients/{seeker}/match?kind=social_job").get_data(as_text=True)
    assert f'id="vacancy-{regular}"' not in only and f'id="vacancy-{social}"' in only
    assert client.get(f"/desk/clients/{seeker}/match?radius=5").status_code == 200
    bad = client.get(f"/desk/clients/{seeker}/match?radius=-3&kind=pirate")
    assert bad.status_code == 422 and 'id="f-radius-error"' in bad.get_data(as_text=True)


def test_the_public_works_queue_follows_the_legal_priority(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, day: list[date]
) -> None:
    long_ago = MONDAY - timedelta(days=300)
    paid_long = a_client(app, people, receives_job_loss_payment=True, registered_on=long_ago)
    unpaid_new = a_client(app, people, registered_on=MONDAY - timedelta(days=20))
    paid_new = a_client(
        app, people, receives_job_loss_payment=True, registered_on=MONDAY - timedelta(days=40)
    )
    unpaid_old = a_client(app, people, registered_on=MONDAY - timedelta(days=90))
    place = a_place(app, people, kind=PUBLIC, title="Аулаларды абаттандыру")
    sign_in(client, "staff")
    page = client.get("/desk/public-works?lang=ru").get_data(as_text=True)
    order = [int(n) for n in re.findall(r'id="queue-(\d+)"', page)]
    assert order == [unpaid_old, unpaid_new, paid_long, paid_new]
    assert people.seeker_id not in order  # a job seeker is not eligible for public works
    with extensions.database(app).session() as session:
        entries = public_works_queue(session, people.centre_id, MONDAY)
        facts = [QueueCandidate.from_facts(e.seeker.id, person_facts(e.seeker)) for e in entries]
        assert [c.person_id for c in queue_order(facts, MONDAY)] == order
        assert [e.priority.group for e in entries] == [1, 1, 2, 3]
    token = form_token(client, "/desk/public-works")
    data = {"csrf_token": token, "vacancy_id": str(place), "from": "public-works"}
    rid = referral_id(client.post(f"/desk/clients/{unpaid_old}/referrals", data=data))
    page = client.get("/desk/public-works").get_data(as_text=True)
    assert f"/desk/referrals/{rid}" in page


def test_the_overdue_list_shows_late_reports_and_silent_employers(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, day: list[date]
) -> None:
    first = a_client(app, people)
    second = a_client(app, people, first_name="Бауыржан")
    sign_in(client, "staff")
    regular = referral_id(refer(client, first, a_place(app, people)))
    social = referral_id(refer(client, second, a_place(app, people, kind=SOCIAL)))
    assert "No. " not in client.get("/desk/overdue?lang=en").get_data(as_text=True)
    day[0] = date(2026, 12, 21)  # employer_answer_by (18th) passed, report_by (22nd) not yet
    page = client.get("/desk/overdue?lang=en").get_data(as_text=True)
    assert f"/desk/referrals/{social}" in page and f"/desk/referrals/{regular}" not in page
    day[0] = date(2026, 12, 28)
    page = client.get("/desk/overdue?lang=en").get_data(as_text=True)
    rows = re.findall(
        r'/desk/referrals/(\d+)">No\. \d+</a></td>.*?<span class="badge warn">(\d+)', page, re.S
    )
    with extensions.database(app).session() as session:
        calendar = work_calendar(session)
        late_answer = calendar.working_days_between(date(2026, 12, 18), day[0])
        late_report = calendar.working_days_between(date(2026, 12, 22), day[0])
    assert rows[0] == (str(social), str(late_answer))
    assert sorted(rows[1:]) == sorted(
        [(str(social), str(late_report)), (str(regular), str(late_report))]
    )
    assert late_answer > late_report


def test_the_job_seekers_due_to_become_unemployed_are_listed(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, day: list[date]
) -> None:
    sign_in(client, "staff")
    page = client.get("/desk/overdue").get_data(as_text=True)
    assert f'/desk/clients/{people.seeker_id}"' in page  # registered 2 Nov, due mid-November


def test_other_centres_are_not_found_and_other_roles_are_refused(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn, day: list[date]
) -> None:
    theirs = a_client(app, people, centre_id=people.other_centre_id)
    place = a_place(app, people)
    with extensions.database(app).session() as session:
        row = Referral(
            seeker_id=theirs,
            vacancy_id=place,
            centre_id=people.other_centre_id,
            issued_on=MONDAY,
            report_by=MONDAY + timedelta(days=7),
        )
        session.add(row)
        session.commit()
        rid = row.id
    sign_in(client, "staff")
    assert client.get(f"/desk/clients/{theirs}/match").status_code == 404
    assert client.get(f"/desk/referrals/{rid}").status_code == 404
    assert refer(client, theirs, place).status_code == 404
    assert client.get("/desk/clients/999999/match").status_code == 404
    for path in ("/desk/overdue", "/desk/public-works"):
        assert f"/desk/referrals/{rid}" not in client.get(path).get_data(as_text=True)
    for who in ("seeker", "employer"):
        other = app.test_client()
        sign_in(other, who)
        for path in (
            f"/desk/clients/{people.seeker_id}/match",
            "/desk/public-works",
            "/desk/overdue",
            f"/desk/referrals/{rid}",
        ):
            assert other.get(path).status_code == 403, (who, path)
    anonymous = app.test_client().get("/desk/overdue")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]


def test_the_match_page_says_so_when_search_is_down(
    settings: Settings, app: Flask, people: People, sign_in: SignIn
) -> None:
    seeker = a_client(app, people)
    broken = create_app(
        settings.with_overrides(search_backend="elasticsearch", es_url="http://127.0.0.1:9")
    )
    client = broken.test_client()
    sign_in(client, "staff")
    response = client.get(f"/desk/clients/{seeker}/match?lang=ru")
    assert response.status_code == 503
    assert "Поиск временно недоступен" in response.get_data(as_text=True)
