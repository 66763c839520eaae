"""The measures pages at the desk: catalogue and CSV import, a client's routing with evidence,
the printable referral and its outcomes, the family plan with a breach and its consequence."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from flask import Flask
from flask.testing import FlaskClient

from app import extensions
from app.models import (
    Employer,
    Family,
    FamilyRole,
    MeasureReferral,
    PlanItem,
    Seeker,
    SeekerStatus,
)
from app.services.vacancies import VacancyInput, create_vacancy
from app.web import desk_work, measures
from tests.web.conftest import People, SignIn, form_token

TODAY = date(2026, 12, 7)  # a Monday
ACCOUNTANT = "3313"


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(measures, "today", lambda: TODAY)
    monkeypatch.setattr(desk_work, "today", lambda: TODAY)


def _family(app: Flask, people: People) -> tuple[int, int, int]:
    """A family under a contract: the people's seeker (an accountant lacking 1С) and her son."""
    with extensions.database(app).session() as session:
        employer = session.get(Employer, people.employer_id)
        assert employer is not None
        for n in range(4):
            create_vacancy(session, employer, VacancyInput.of(
                title=f"Бухгалтер {n}", occupation_code=ACCOUNTANT, locality_kato="710000000",
                skills=["1С: Бухгалтерия", "Excel"], salary_from=250_000,
            ))  # fmt: skip
        mother = session.get(Seeker, people.seeker_id)
        assert mother is not None
        mother.skills, mother.desired_occupations = ["Excel"], [ACCOUNTANT]
        family = Family(
            centre_id=people.centre_id,
            contract_from=date(2026, 11, 2),
            contract_to=date(2027, 5, 2),
        )
        session.add(family)
        session.flush()
        mother.family_id, mother.family_role = family.id, FamilyRole.HEAD
        son = Seeker(
            last_name="Сейткали", first_name="Ерлан", birth_date=date(2012, 1, 5), sex="male",
            centre_id=people.centre_id, family_id=family.id, family_role=FamilyRole.CHILD,
        )  # fmt: skip
        session.add(son)
        session.commit()
        return family.id, mother.id, son.id


def _post(client: FlaskClient, path: str, page: str, **data: str):  # type: ignore[no-untyped-def]
    return client.post(path, data={"csrf_token": form_token(client, page), **data})


def test_catalogue_add_and_csv_import(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    sign_in(client, "staff")
    page = "/desk/measures"
    bad = _post(client, page, page, kind="short_training", title_kk="", title_ru="Курс",
                provider="Колледж", duration_months="99")  # fmt: skip
    assert bad.status_code == 422
    text = bad.get_data(as_text=True)
    assert "Бұл өрісті толтырыңыз" in text  # kk is the default language
    ok = _post(client, page, page, kind="short_training", title_kk="1С курсы",
               title_ru="Курсы 1С: Бухгалтерия", provider="Колледж №1", skills="1С: Бухгалтерия",
               duration_months="2")  # fmt: skip
    assert ok.status_code == 303
    csv = "kind,title_kk,title_ru,provider,skills\nbastau_business,Бастау,Бастау Бизнес,Атамекен,\n"
    token = form_token(client, page)
    imported = client.post(
        "/desk/measures/import",
        data={"csrf_token": token, "file": (io.BytesIO(csv.encode()), "c.csv")},
        content_type="multipart/form-data",
    )
    assert imported.status_code == 303
    listing = client.get(page + "?lang=ru").get_data(as_text=True)
    assert "Курсы 1С: Бухгалтерия" in listing and "Бастау Бизнес" in listing
    broken = client.post(
        "/desk/measures/import",
        data={"csrf_token": token, "file": (io.BytesIO(b"kind,title_kk\nx,y\n"), "c.csv")},
        content_type="multipart/form-data",
    )
    assert broken.status_code == 422
    assert "Файл не импортирован" in broken.get_data(as_text=True)


def test_family_plan_referral_to_the_missing_skill_course_and_breach(
    app: Flask,
    client: FlaskClient,
    people: People,
    sign_in: SignIn,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    family_id, mother_id, son_id = _family(app, people)
    sign_in(client, "staff")
    page = "/desk/measures"
    _post(client, page, page, kind="short_training", title_kk="1С курсы",
          title_ru="Курсы 1С: Бухгалтерия", provider="Колледж №1", skills="1С: Бухгалтерия",
          duration_months="2")  # fmt: skip
    plan = f"/desk/families/{family_id}/plan"
    view = client.get(plan + "?lang=ru").get_data(as_text=True)
    assert "Бухгалтер" in view and "Не хватает: 1С: Бухгалтерия" in view  # her matches
    assert "Нетрудоспособен" in view  # the son, 14
    assert "Помощь в полном объёме" in view
    added = _post(client, plan, plan, seeker_id=str(mother_id), kind="training", due_in_days="3")
    assert added.status_code == 303
    refused = _post(client, plan, plan, seeker_id=str(son_id), kind="job_search")
    assert refused.status_code == 422
    # the routing proposes the 1С course, with the evidence
    routing = client.get(f"/desk/clients/{mother_id}/measures?lang=ru").get_data(as_text=True)
    assert "4 из 4 местных вакансий требуют «1С: Бухгалтерия»" in routing
    assert "Учит «1С: Бухгалтерия»" in routing
    course_id = re.search(r'name="course_id" value="(\d+)"', routing)
    assert course_id
    issued = _post(client, f"/desk/clients/{mother_id}/measures", page, kind="short_training",
                   course_id=course_id.group(1), why="Учит «1С: Бухгалтерия»")  # fmt: skip
    assert issued.status_code == 303
    sheet = client.get(issued.headers["Location"] + "?lang=kk").get_data(as_text=True)
    assert "Шараға жолдама" in sheet and "16.12.2026" not in sheet  # deadline: 14 Dec
    assert "14.12.2026" in sheet
    again = _post(client, f"/desk/clients/{mother_id}/measures", page, kind="short_training",
                  course_id=course_id.group(1))  # fmt: skip
    assert again.status_code == 422
    rid = int(issued.headers["Location"].rsplit("/", 1)[1])
    wrong = _post(client, f"/desk/measure-referrals/{rid}/outcome", page, outcome="completed")
    assert wrong.status_code == 422
    for step in ("enrolled", "completed"):
        done = _post(client, f"/desk/measure-referrals/{rid}/outcome", page, outcome=step)
        assert done.status_code == 303
    with extensions.database(app).session() as session:
        referral = session.get(MeasureReferral, rid)
        assert referral is not None and referral.outcome.value == "completed"
        items = session.query(PlanItem).filter_by(family_id=family_id).order_by(PlanItem.id).all()
        # the manual item, and the one the referral added, done when the course was completed
        assert [(i.measure_referral_id, i.status.value) for i in items] == [
            (None, "open"),
            (rid, "done"),
        ]
        item_id = items[0].id
    # the item is overdue a week later, and a breach halves the assistance
    measures_today = date(2026, 12, 14)
    monkeypatch.setattr(measures, "today", lambda: measures_today)
    monkeypatch.setattr(desk_work, "today", lambda: measures_today)
    overdue = client.get("/desk/overdue?lang=ru").get_data(as_text=True)
    assert (
        "Просроченные мероприятия семейных планов" in overdue and f"Семья № {family_id}" in overdue
    )
    breach = _post(client, f"/desk/families/{family_id}/breaches", plan, item_id=str(item_id))
    assert breach.status_code == 303
    after = client.get(plan + "?lang=ru").get_data(as_text=True)
    assert "Помощь сокращена вдвое" in after
    assert "Первое нарушение (14.12.2026): помощь сокращена на 50% до 14.01.2027" in after
    second = _post(client, f"/desk/families/{family_id}/breaches", plan, note="не явилась")
    assert second.status_code == 303
    assert "Көмек тоқтатылды" in client.get(plan + "?lang=kk").get_data(as_text=True)


def test_circumstances_change_what_the_rules_allow(
    app: Flask, client: FlaskClient, people: People, sign_in: SignIn
) -> None:
    with extensions.database(app).session() as session:
        seeker = session.get(Seeker, people.seeker_id)
        assert seeker is not None
        seeker.status = SeekerStatus.UNEMPLOYED
        session.commit()
    sign_in(client, "staff")
    page = f"/desk/clients/{people.seeker_id}/measures"
    before = client.get(page + "?lang=ru").get_data(as_text=True)
    assert "«Бастау Бизнес» для жителей сёл и районных центров" in before
    saved = _post(client, page + "/facts", page, district_centre="1", tax_registered="1",
                  entrepreneurship_course_on="2026-06-01", is_citizen="1")  # fmt: skip
    assert saved.status_code == 303
    after = client.get(page + "?lang=ru").get_data(as_text=True)
    assert "Проживает в селе или районном центре" in after
    assert "Пройдено обучение основам предпринимательства (01.06.2026)" in after
    future = _post(client, page + "/facts", page, certificate_on="2027-01-01")
    assert future.status_code == 422
    assert "Введите прошедшую дату в формате ГГГГ-ММ-ДД." in future.get_data(as_text=True)
    bad = _post(client, page + "/facts", page, certificate_on="вчера")
    assert bad.status_code == 422
