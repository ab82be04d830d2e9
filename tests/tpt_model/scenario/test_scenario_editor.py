"""Composing a frise: checked changes, their French messages, and undo/redo."""

import pytest
from helpers import AXIS, pt

from tpt_model import Catalogue
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.scenario.editor import (
    HISTORY_LIMIT,
    ChangeResult,
    Editor,
    Step,
    add_placement,
    duplicate_placement,
    placement_for,
    remove_placement,
    step_line,
    update_placement,
)
from tpt_model.scenario.summary import already_placed, placement_summary, scenario_stats


@pytest.fixture
def mini(catalogue: Catalogue) -> Scenario:
    return catalogue.template("mini")


def bricks(scenario: Scenario) -> list[str]:
    return [p.brick for p in scenario.placements]


def field_of(message: str) -> str:
    """The placement field a refusal names (« Fin : … » is about `end`), for the dialog to show it there."""
    return {
        "Brique": "brick",
        "Début": "start",
        "Fin": "end",
        "Partenaire": "partner",
        "Parcours": "tracks",
    }.get(message.split(" : ")[0], "exits")


def named(scenario: Scenario, name: str) -> ChangeResult:
    """A change of name only: the plainest change to drive the undo history with."""
    return ChangeResult(scenario=scenario.model_copy(update={"name": name}), summary=f"Nom « {name} »")


# --- placement_for


def test_placement_for_lasts_the_bricks_duration_from_its_first_stage(catalogue: Catalogue) -> None:
    # The test mentorat says `duration_months: 6`: September to February of terminale.
    assert placement_for(catalogue, "mentorat") == Placement(
        brick="mentorat", start=pt("terminale", 9), end=pt("terminale", 2)
    )


@pytest.mark.parametrize("brick", ["atelier-classe", "ordinateur"])
def test_placement_for_lasts_one_month_without_a_duration(catalogue: Catalogue, brick: str) -> None:
    # A two-hour class workshop is not drawn over two school years.
    first = catalogue.brick(brick).stages.from_stage
    assert placement_for(catalogue, brick) == Placement(brick=brick, start=pt(first, 9), end=pt(first, 9))


@pytest.mark.parametrize(
    ("months", "end"), [(10, pt("terminale", 6)), (30, pt("bac-2", 2)), (99, pt("bac-2", 6))]
)
def test_placement_for_a_long_duration_stops_at_the_last_stage(
    catalogue: Catalogue, months: int, end: JourneyPoint
) -> None:
    mentorat = catalogue.brick("mentorat").model_copy(update={"duration_months": months})
    longer = catalogue.replace(bricks=tuple(mentorat if b.id == "mentorat" else b for b in catalogue.bricks))
    assert placement_for(longer, "mentorat").end == end


def test_placement_for_passes_the_rules(catalogue: Catalogue, mini: Scenario) -> None:
    for brick in catalogue.bricks:
        result = add_placement(catalogue, mini, placement_for(catalogue, brick.id))
        assert (result.error, result.warnings) == (None, [])


def test_placement_for_an_unknown_brick(catalogue: Catalogue) -> None:
    with pytest.raises(KeyError):
        placement_for(catalogue, "inconnue")


# --- add


def test_add_appends(catalogue: Catalogue, mini: Scenario) -> None:
    new = placement_for(catalogue, "mentorat")
    result = add_placement(catalogue, mini, new)
    assert result == ChangeResult(
        scenario=mini.model_copy(update={"placements": (*mini.placements, new)}),
        summary="Ajout de « Mentorat en ligne »",
    )
    assert result.ok
    assert mini.placements[-1].brick == "ordinateur"  # the input is never changed


REFUSED_ADDS = [
    (
        "unknown brick",
        Placement(brick="inconnue", start=pt("seconde", 9), end=pt("seconde", 9)),
        "Brique : brique inconnue « inconnue »",
    ),
    (
        "end before start",
        Placement(brick="mentorat", start=pt("bac-1", 6), end=pt("terminale", 1)),
        "Fin : la fin vient avant le début",
    ),
    (
        "unknown start stage",
        Placement(brick="mentorat", start=pt("bac-9", 1), end=pt("bac-1", 1)),
        f"Début : étape « bac-9 » hors de l'axe du parcours ({AXIS})",
    ),
    (
        "unknown end stage",
        Placement(brick="mentorat", start=pt("bac-1", 1), end=pt("cm2", 1)),
        f"Fin : étape « cm2 » hors de l'axe du parcours ({AXIS})",
    ),
    (
        "unknown partner",
        Placement(brick="mentorat", start=pt("bac-1", 1), end=pt("bac-1", 2), partner="personne"),
        "Partenaire : partenaire inconnu « personne »",
    ),
]


@pytest.mark.parametrize(("bad", "message"), [pytest.param(b, m, id=c) for c, b, m in REFUSED_ADDS])
def test_add_refused(catalogue: Catalogue, mini: Scenario, bad: Placement, message: str) -> None:
    result = add_placement(catalogue, mini, bad)
    assert result == ChangeResult(scenario=mini, error=message, error_field=field_of(message))
    assert not result.ok


def test_add_outside_the_stages_warns(catalogue: Catalogue, mini: Scenario) -> None:
    result = add_placement(
        catalogue, mini, Placement(brick="mentorat", start=pt("seconde", 9), end=pt("bac-1", 6))
    )
    assert result.error is None
    assert result.warnings == ["En dehors des étapes prévues pour « Mentorat en ligne » (Terminale → Bac+2)"]
    assert len(result.scenario.placements) == 4


def test_a_partner_the_brick_lists_is_clean(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(catalogue, mini, 1, partner="inria")
    assert (result.error, result.warnings) == (None, [])
    assert result.scenario.placements[1].partner == "inria"


def test_a_known_partner_the_brick_does_not_list_warns(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(catalogue, mini, 1, partner="femmes-at-numerique")
    assert result.error is None
    assert result.warnings == [
        "Partenaire « Femmes@Numérique » non prévu pour « Mentorat en ligne » (partenaires de la brique : Inria)"
    ]
    assert result.scenario.placements[1].partner == "femmes-at-numerique"


def test_a_partner_for_a_brick_without_partners_warns(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(catalogue, mini, 2, partner="inria")
    assert result.warnings == [
        "Partenaire « Inria » non prévu pour « Ordinateur offert » (la brique ne liste aucun partenaire)"
    ]


# --- update


def test_update_changes_only_the_given_fields(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(
        catalogue,
        mini,
        1,
        start=pt("terminale", 3),
        end={"stage": "bac-2", "month": 2},
        lane="Suivi",
        note="Bilan",
    )
    assert result.error is None
    assert result.scenario.placements[1] == Placement(
        brick="mentorat", start=pt("terminale", 3), end=pt("bac-2", 2), lane="Suivi", note="Bilan"
    )
    assert result.scenario.placements[0] == mini.placements[0]
    assert result.scenario.placements[2] == mini.placements[2]


def test_update_tracks_and_exits(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(catalogue, mini, 1, tracks=["long"], exits=["doctorat"])
    assert result.scenario.placements[1].tracks == ("long",)
    assert result.scenario.placements[1].exits == ("doctorat",)


def test_update_empty_texts_clear_the_field(catalogue: Catalogue, mini: Scenario) -> None:
    result = update_placement(catalogue, mini, 1, lane="  ", note="", partner="")
    placement = result.scenario.placements[1]
    assert (placement.lane, placement.note, placement.partner) == (None, None, None)


def test_update_lane_is_trimmed(catalogue: Catalogue, mini: Scenario) -> None:
    assert update_placement(catalogue, mini, 1, lane=" Suivi ").scenario.placements[1].lane == "Suivi"


REFUSED_UPDATES = [
    ("end before start", {"end": pt("terminale", 12)}, "Fin : la fin vient avant le début"),
    ("start after end", {"start": pt("bac-2", 1)}, "Fin : la fin vient avant le début"),
    (
        "unknown stage",
        {"start": pt("bac-9", 1)},
        f"Début : étape « bac-9 » hors de l'axe du parcours ({AXIS})",
    ),
    ("unknown partner", {"partner": "personne"}, "Partenaire : partenaire inconnu « personne »"),
    (
        "month out of range",
        {"end": {"stage": "bac-1", "month": 13}},
        "Fin : valeur 13 trop grande (au plus 12)",
    ),
    (
        "bad track",
        {"tracks": ["moyen"]},
        "Parcours : valeur « moyen » invalide ; valeurs permises : court, long",
    ),
    (
        "bad exit",
        {"exits": ["retraite"]},
        "Sorties : valeur « retraite » invalide ; valeurs permises : salariat, entrepreneuriat, doctorat",
    ),
    (
        "bad partner id",
        {"partner": "Inria !"},
        "Partenaire : identifiant « Inria ! » invalide : minuscules, chiffres et tirets (ex. « mentorat-en-ligne »)",
    ),
]


@pytest.mark.parametrize(("changes", "message"), [pytest.param(c, m, id=i) for i, c, m in REFUSED_UPDATES])
def test_update_refused(
    catalogue: Catalogue, mini: Scenario, changes: dict[str, object], message: str
) -> None:
    assert update_placement(catalogue, mini, 1, **changes) == ChangeResult(
        scenario=mini, error=message, error_field=field_of(message)
    )


@pytest.mark.parametrize("index", [3, -1, 99])
def test_unknown_index(catalogue: Catalogue, mini: Scenario, index: int) -> None:
    refused = ChangeResult(scenario=mini, error="Placement introuvable")
    assert update_placement(catalogue, mini, index, note="x") == refused
    assert duplicate_placement(catalogue, mini, index) == refused
    assert remove_placement(catalogue, mini, index) == refused


def test_update_of_a_field_that_cannot_change(catalogue: Catalogue, mini: Scenario) -> None:
    with pytest.raises(TypeError, match="brick"):
        update_placement(catalogue, mini, 0, brick="mentorat")


# --- duplicate, remove


def test_duplicate_inserts_right_after(catalogue: Catalogue, mini: Scenario) -> None:
    result = duplicate_placement(catalogue, mini, 1)
    assert result.error is None
    assert bricks(result.scenario) == ["atelier-classe", "mentorat", "mentorat", "ordinateur"]
    assert result.scenario.placements[2] == mini.placements[1]


def test_duplicate_the_last(catalogue: Catalogue, mini: Scenario) -> None:
    result = duplicate_placement(catalogue, mini, 2)
    assert bricks(result.scenario) == ["atelier-classe", "mentorat", "ordinateur", "ordinateur"]


def test_remove(catalogue: Catalogue, mini: Scenario) -> None:
    result = remove_placement(catalogue, mini, 0)
    assert result == ChangeResult(
        scenario=mini.model_copy(update={"placements": mini.placements[1:]}),
        summary="Retrait de « Atelier en classe » (n° 1)",
    )


# --- Editor


def test_editor_applies_changes(catalogue: Catalogue, mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    assert not editor.can_undo and not editor.can_redo
    assert editor.apply(add_placement(catalogue, editor.scenario, placement_for(catalogue, "mentorat")))
    assert editor.apply(update_placement(catalogue, editor.scenario, 3, note="Deuxième mentorat"))
    assert editor.apply(duplicate_placement(catalogue, editor.scenario, 0))
    assert editor.apply(remove_placement(catalogue, editor.scenario, 1))
    assert bricks(editor.scenario) == ["atelier-classe", "mentorat", "ordinateur", "mentorat"]
    assert editor.scenario.placements[3].note == "Deuxième mentorat"
    assert len(editor.past) == 4
    assert editor.can_undo


def test_a_refused_change_changes_nothing(catalogue: Catalogue, mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(named(editor.scenario, "Avant"))
    editor.undo()
    before = editor.model_copy(deep=True)
    assert not editor.apply(update_placement(catalogue, editor.scenario, 1, end=pt("terminale", 12)))
    assert not editor.apply(named(editor.scenario, "Refusé").model_copy(update={"error": "Refusé"}))
    assert not editor.apply(remove_placement(catalogue, editor.scenario, 7))
    assert editor == before
    assert editor.can_redo  # a refusal does not drop the redo history either


def test_a_change_that_changes_nothing_records_no_step(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    assert not editor.apply(named(mini, mini.name))
    assert not editor.can_undo


def test_every_change_says_what_it_does_in_titles(catalogue: Catalogue, mini: Scenario) -> None:
    assert [
        add_placement(catalogue, mini, placement_for(catalogue, "ordinateur")).summary,
        update_placement(catalogue, mini, 1, note="Binômes").summary,
        duplicate_placement(catalogue, mini, 2).summary,
        remove_placement(catalogue, mini, 0).summary,
    ] == [
        "Ajout de « Ordinateur offert »",
        "Modification de « Mentorat en ligne » (n° 2)",
        "Duplication de « Ordinateur offert » (n° 3)",
        "Retrait de « Atelier en classe » (n° 1)",
    ]


def test_undo_and_redo_say_what_they_undo_and_redo(catalogue: Catalogue, mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(add_placement(catalogue, editor.scenario, placement_for(catalogue, "ordinateur")))
    assert editor.undo_summary == "Ajout de « Ordinateur offert »"
    assert editor.undo() == "Ajout de « Ordinateur offert »"
    assert (editor.undo_summary, editor.redo_summary) == (None, "Ajout de « Ordinateur offert »")
    assert editor.redo() == "Ajout de « Ordinateur offert »"
    assert (
        step_line("Annulation", "Ajout de « Ordinateur offert »")
        == "Annulation : ajout de « Ordinateur offert »"
    )
    assert step_line("Annulation", "") == "Annulation"


def test_reset_takes_a_history_of_at_most_fifty_steps(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    steps = [
        Step(scenario=mini.model_copy(update={"name": f"V{i}"}), summary=f"Étape {i}") for i in range(60)
    ]
    editor.reset(Scenario(name="Actuel"), steps)
    assert len(editor.past) == HISTORY_LIMIT
    assert editor.undo() == "Étape 59" and editor.scenario.name == "V59"


def test_undo_and_redo(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    for name in ("A", "B", "C"):
        editor.apply(named(editor.scenario, name))
    assert editor.undo() and editor.scenario.name == "B"
    assert editor.undo() and editor.scenario.name == "A"
    assert editor.redo() and editor.scenario.name == "B"
    assert editor.undo() and editor.undo() and editor.scenario == mini
    assert not editor.undo()
    assert editor.scenario == mini
    assert editor.redo() and editor.redo() and editor.redo() and editor.scenario.name == "C"
    assert not editor.redo()
    assert editor.scenario.name == "C"


def test_a_new_change_clears_redo(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(named(editor.scenario, "A"))
    editor.apply(named(editor.scenario, "B"))
    editor.undo()
    assert editor.can_redo
    assert editor.apply(named(editor.scenario, "C"))
    assert not editor.can_redo
    assert not editor.redo()
    assert editor.undo() and editor.scenario.name == "A"


def test_history_keeps_the_last_fifty_steps(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    for i in range(HISTORY_LIMIT + 1):
        assert editor.apply(named(editor.scenario, f"Version {i}"))
    assert len(editor.past) == HISTORY_LIMIT == 50
    for _ in range(HISTORY_LIMIT):
        assert editor.undo()
    assert not editor.undo()  # the 51st undo: the oldest step was dropped
    assert editor.scenario.name == "Version 0"
    for _ in range(HISTORY_LIMIT):
        assert editor.redo()
    assert editor.scenario.name == f"Version {HISTORY_LIMIT}"


def test_reset_clears_the_history(catalogue: Catalogue, mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(named(editor.scenario, "A"))
    editor.apply(named(editor.scenario, "B"))
    editor.undo()
    other = Scenario(name="Autre")
    editor.reset(other)
    assert editor == Editor(scenario=other)
    assert not editor.can_undo and not editor.can_redo
    assert editor.apply(add_placement(catalogue, editor.scenario, placement_for(catalogue, "ordinateur")))


def test_a_staged_copy_changes_apart(mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(named(editor.scenario, "A"))
    editor.apply(named(editor.scenario, "B"))
    editor.undo()
    before = editor.model_copy(deep=True)
    staged = editor.staged()
    assert staged == editor
    assert staged.apply(named(staged.scenario, "C")) and staged.undo() and staged.undo()
    assert editor == before  # the original keeps its scenario and both histories


def test_editor_json_round_trip(catalogue: Catalogue, mini: Scenario) -> None:
    editor = Editor(scenario=mini)
    editor.apply(update_placement(catalogue, editor.scenario, 1, note='« Guillemets » "doubles"\nligne 2'))
    editor.apply(add_placement(catalogue, editor.scenario, placement_for(catalogue, "mentorat")))
    editor.apply(named(editor.scenario, "Parcours ✨"))
    editor.undo()
    restored = Editor.model_validate_json(editor.model_dump_json())
    assert restored == editor
    assert restored.undo() and restored.redo() and restored.redo()
    assert restored.scenario.name == "Parcours ✨"


# --- summary


def test_placement_summary(catalogue: Catalogue, mini: Scenario) -> None:
    assert [placement_summary(catalogue, p) for p in mini.placements] == [
        "Atelier en classe — octobre · Seconde (1 mois)",
        "Mentorat en ligne — janvier · Terminale → juin · Bac+1 (18 mois)",
        "Ordinateur offert — septembre · Bac+1 (1 mois)",
    ]


def test_placement_summary_of_an_unknown_brick_names_its_id(catalogue: Catalogue) -> None:
    placement = Placement(brick="disparue", start=pt("seconde", 9), end=pt("seconde", 6))
    assert (
        placement_summary(catalogue, placement) == "disparue — septembre · Seconde → juin · Seconde (10 mois)"
    )


def test_already_placed_counts_the_placements_of_a_brick(catalogue: Catalogue, mini: Scenario) -> None:
    assert already_placed(catalogue, mini, "mentorat") == (
        "« Mentorat en ligne » est déjà sur la frise : 1 placement (n° 2). "
        "« Ajouter à la frise » en crée un de plus."
    )
    twice = duplicate_placement(catalogue, mini, 0).scenario
    assert already_placed(catalogue, twice, "atelier-classe") == (
        "« Atelier en classe » est déjà sur la frise : 2 placements (n° 1, 2). "
        "« Ajouter à la frise » en crée un de plus."
    )
    assert already_placed(catalogue, Scenario(name="Vide"), "mentorat") is None


def test_scenario_stats(catalogue: Catalogue, mini: Scenario) -> None:
    assert scenario_stats(catalogue, mini) == {
        "placements": 3,
        "months": 20,
        "phases": {"construire": 2, "reussir": 1, "epanouir": 0},
        "pillars": {"attract": 1, "empower": 2, "fix_the_system": 0},
        "modalities": {"individuel": 1, "collectif": 1, "materiel": 1},
    }


def test_scenario_stats_count_a_placement_in_the_phase_of_its_start(catalogue: Catalogue) -> None:
    # Terminale (phase 1) → Bac+2 (phase 2): one placement, counted once, in phase 1.
    long = Placement(brick="mentorat", start=pt("terminale", 9), end=pt("bac-2", 6))
    scenario = Scenario(name="S", placements=(long,))
    stats = scenario_stats(catalogue, scenario)
    assert stats["phases"] == {"construire": 1, "reussir": 0, "epanouir": 0}
    assert stats["months"] == 34  # September of terminale to June of bac+2


def test_scenario_stats_of_an_empty_scenario(catalogue: Catalogue) -> None:
    stats = scenario_stats(catalogue, Scenario(name="Vide"))
    assert stats["placements"] == stats["months"] == 0
    assert set(stats["phases"].values()) == set(stats["pillars"].values()) == {0}
    assert set(stats["modalities"].values()) == {0}


def test_scenario_caption_counts_by_phase_label(catalogue: Catalogue) -> None:
    from tpt_model.scenario.summary import scenario_caption

    assert scenario_caption(catalogue, catalogue.template("mini")) == (
        "3 placements · Je construis mon projet : 2 · Je réussis ma formation : 1 · "
        "Je m'épanouis dans mon job : 0"
    )
