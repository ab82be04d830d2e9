"""The round-trip writer changes what changed and nothing else: comments, order, quotes and layout kept."""

import difflib
from pathlib import Path

import pytest
from helpers import ROOT, TEST_CATALOGUE

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue_edit.checking import draft_text
from tpt_model.catalogue_edit.draft import full_data
from tpt_model.yamlio.reader import parse_text
from tpt_model.yamlio.roundtrip import Layout, guess_layout, keeps_layout, rewrite

SHIPPED = ROOT / "catalogue"
ALL_FILES = sorted(SHIPPED.rglob("*.yaml")) + sorted(TEST_CATALOGUE.rglob("*.yaml"))
BRICK_FILES = sorted((SHIPPED / "bricks").glob("*.yaml"))

# A brick as a pilot writes it: the schema line, comments, quoted and bare texts, flow and block lists.
PILOT_BRICK = """\
# yaml-language-server: $schema=../schema/brick.schema.json
# Brique relue par le GT1 en novembre.
id: mentorat
title: "Accompagner une lycéenne par le mentorat"  # titre validé
short_title: Mentorat
summary: 'Six mois de mentorat avec une professionnelle.'
pillar: empower
modality: individuel
kind: mentorat
stages:
  from: terminale
  to: bac-2
audience: "Lycéennes et étudiantes"
partners: [inria]
working_groups: [gt1]
cost:
  per_beneficiary_eur: 400  # d'après l'INJEP
  fixed_eur: 0
  inferred: true
  note: "INJEP"

# Ce que la bénéficiaire y passe
hours_per_beneficiary: 12
criteria:
  pertinence: 4
  simplicite: 3
  abordable: 3
barriers:
  - "Manque de modèles"
  - "Isolement"
good_practices: [Binômes choisis]
communication:
  moments: [Rentrée]
  tools: [Plateforme]
sources:
  - title: "Mentorat en ligne"
    publisher: Fondation Inria
    url: https://techpourtoutes.io
    date: "2024"
    supports: [action, partners]
"""


def data_of(text: str) -> dict[str, object]:
    data = parse_text(text, "x.yaml").data
    assert isinstance(data, dict)
    return data


def edited(text: str, **changes: object) -> str:
    """The text once the brick's draft gets these top-level changes (as the form would make them)."""
    old = data_of(text)
    draft = {**full_data(Brick.model_validate(old)), **changes}
    return draft_text(draft, text, old)


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_catalogue_file_is_written_back_byte_for_byte(path: Path) -> None:
    assert keeps_layout(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", BRICK_FILES, ids=lambda p: p.stem)
def test_a_brick_saved_unchanged_from_the_form_is_the_same_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    old = data_of(text)
    assert draft_text(full_data(Brick.model_validate(old)), text, old) == text


def test_a_change_of_cost_changes_one_line_and_keeps_its_comment() -> None:
    after = edited(PILOT_BRICK, cost={**data_of(PILOT_BRICK)["cost"], "per_beneficiary_eur": 450.0})  # type: ignore[dict-item]
    assert changed_lines(PILOT_BRICK, after) == [
        "-  per_beneficiary_eur: 400  # d'après l'INJEP",
        "+  per_beneficiary_eur: 450  # d'après l'INJEP",
    ]
    assert after.startswith("# yaml-language-server: $schema=../schema/brick.schema.json\n# Brique relue")


def test_a_changed_text_keeps_its_quotes_and_its_comment() -> None:
    after = edited(PILOT_BRICK, title="Accompagner par le mentorat", summary="Un an de mentorat.")
    assert changed_lines(PILOT_BRICK, after) == [
        '-title: "Accompagner une lycéenne par le mentorat"  # titre validé',
        '+title: "Accompagner par le mentorat"  # titre validé',
        "-summary: 'Six mois de mentorat avec une professionnelle.'",
        "+summary: 'Un an de mentorat.'",
    ]


def test_a_new_key_goes_where_the_model_puts_it_and_texts_are_quoted() -> None:
    after = edited(PILOT_BRICK, duration_months=6, eligibility=["boursiere"], hours_per_trainee=None)
    assert changed_lines(PILOT_BRICK, after) == [
        "+eligibility: [boursiere]",
        "+duration_months: 6",
    ]
    keys = [line.split(":")[0] for line in after.splitlines() if line[:1].isalpha()]
    assert keys.index("eligibility") == keys.index("audience") + 1
    assert keys.index("duration_months") == keys.index("hours_per_beneficiary") + 1


def test_a_removed_key_keeps_the_comment_block_below_it() -> None:
    cost = {k: v for k, v in data_of(PILOT_BRICK)["cost"].items() if k != "note"}  # type: ignore[attr-defined]
    after = edited(PILOT_BRICK, cost=cost)
    assert changed_lines(PILOT_BRICK, after) == ['-  note: "INJEP"']
    assert "\n\n# Ce que la bénéficiaire y passe\nhours_per_beneficiary: 12\n" in after


def test_list_items_keep_their_quotes_and_new_ones_are_quoted() -> None:
    after = edited(
        PILOT_BRICK,
        barriers=["Isolement", "Peu de modèles : 17 %"],
        good_practices=["Binômes choisis", "Suivi mensuel"],
        partners=["inria", "femmes-at-numerique"],
    )
    assert changed_lines(PILOT_BRICK, after) == [
        "-partners: [inria]",
        "+partners: [inria, femmes-at-numerique]",
        '-  - "Manque de modèles"',
        "-good_practices: [Binômes choisis]",
        '+  - "Peu de modèles : 17 %"',
        "+good_practices: [Binômes choisis, Suivi mensuel]",
    ]


def test_a_new_source_is_written_in_the_shipped_style_and_dates_stay_texts() -> None:
    old_sources = data_of(PILOT_BRICK)["sources"]
    new_source = {"title": "Rapport 2023", "publisher": "INJEP", "date": "2023", "supports": ["cost"]}
    after = edited(PILOT_BRICK, sources=[*old_sources, new_source])  # type: ignore[misc]
    assert changed_lines(PILOT_BRICK, after) == [
        '+  - title: "Rapport 2023"',
        "+    publisher: INJEP",
        '+    date: "2023"',
        "+    supports: [cost]",
    ]
    assert Brick.model_validate(data_of(after)).sources[1].date == "2023"


def test_a_text_that_would_read_as_something_else_is_quoted() -> None:
    after = edited(PILOT_BRICK, short_title="true", audience="1.5")
    assert 'short_title: "true"' in after and 'audience: "1.5"' in after
    brick = Brick.model_validate(data_of(after))
    assert (brick.short_title, brick.audience) == ("true", "1.5")


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("a:\n  b: 1\n  c:\n    - x\n", Layout(2, 4, 2)),
        ("a:\n    b: 1\n    c:\n    - x\n", Layout(4, 2, 0)),
        ("a:\n- x\nb:\n  c: 1\n", Layout(2, 2, 0)),
        ("x: 1\n", Layout(2, 4, 2)),
    ],
)
def test_the_layout_of_a_file_is_guessed_and_kept(text: str, layout: Layout) -> None:
    assert guess_layout(text) == layout
    assert keeps_layout(text)


def test_a_file_indented_by_four_stays_indented_by_four() -> None:
    text = "name: a\nitems:\n    - id: x\n      n: 1\nmore:\n    k: 1\n"
    old = data_of(text)
    after = rewrite(text, old, {**old, "more": {"k": 2}}, {**old, "more": {"k": 2}})
    assert after == text.replace("k: 1", "k: 2")


def test_windows_line_endings_are_kept() -> None:
    text = PILOT_BRICK.replace("\n", "\r\n")
    after = edited(text, hours_per_beneficiary=10.0)
    assert after == text.replace("hours_per_beneficiary: 12", "hours_per_beneficiary: 10")


def test_a_no_op_rewrite_gives_back_the_very_text() -> None:
    text = "# en-tête\nx: 1   # espaces gardés\ny:   [a,b]\n"
    old = data_of(text)
    assert rewrite(text, old, dict(old), dict(old)) is text
