"""The communication plan of a cohort, and its CSV and ICS files."""

import datetime

import icalendar
from helpers import one_month

from tpt_model.analysis.communication import communication_plan, plan_csv, plan_ics, plan_table
from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.scenario_format import Scenario


def with_moment(catalogue: Catalogue, brick_id: str, moment: str) -> Catalogue:
    def changed(brick: Brick) -> Brick:
        communication = brick.communication.model_copy(update={"moments": (moment,)})
        return brick.model_copy(update={"communication": communication})

    return catalogue.replace(bricks=tuple(changed(b) if b.id == brick_id else b for b in catalogue.bricks))


SCENARIO = Scenario(name="S", placements=(one_month("atelier-classe"),))


def test_dates_for_a_cohort_and_the_bricks_that_use_each_moment(catalogue: Catalogue) -> None:
    plan = communication_plan(with_moment(catalogue, "atelier-classe", "8 mars"), SCENARIO, 2025)
    dated = [(d.start, d.end, d.milestone, d.bricks) for d in plan]
    # Entering seconde in September 2025: terminale is 2027–28, bac+1 2028–29.
    assert (datetime.date(2028, 1, 1), datetime.date(2028, 3, 31), "voeux-parcoursup", ()) in dated
    assert (datetime.date(2028, 10, 1), datetime.date(2029, 2, 28), "decrochage-l1", ()) in dated
    # 8 March comes back each school year of the journey (six stages), used by the workshop.
    eight_march = [d for d in dated if d[2] == "huit-mars"]
    assert [d[0] for d in eight_march] == [datetime.date(y, 3, 1) for y in range(2026, 2032)]
    assert eight_march[0][3] == ("atelier-classe",)
    assert [d.start for d in plan] == sorted(d.start for d in plan)


def test_the_table_csv_and_ics(catalogue: Catalogue) -> None:
    plan = communication_plan(with_moment(catalogue, "atelier-classe", "8 mars"), SCENARIO, 2025)
    assert plan_table(catalogue, plan)[0] == {
        "Début": datetime.date(2026, 3, 1),
        "Fin": datetime.date(2026, 3, 31),
        "Moment": "8 mars",
        "Nature": "Communication",
        "Briques": "Atelier en classe",
    }
    assert plan_csv(catalogue, plan).decode("utf-8-sig").splitlines()[:2] == [
        "Début;Fin;Moment;Nature;Briques",
        "2026-03-01;2026-03-31;8 mars;Communication;Atelier en classe",
    ]
    calendar = icalendar.Calendar.from_ical(plan_ics(catalogue, plan, "Cohorte 2025"))
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(plan)
    first = events[0]
    assert str(first["summary"]) == "8 mars"
    assert first.decoded("dtstart") == datetime.date(2026, 3, 1)
    assert first.decoded("dtend") == datetime.date(2026, 4, 1)
    assert str(first["description"]) == "Briques : Atelier en classe"
    assert str(first["uid"]) == "huit-mars-2026-03-01@frise.techpourtoutes"
