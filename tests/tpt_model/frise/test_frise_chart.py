"""The frise chart: its Vega-Lite spec carries the right data, scales, milestones and selection."""

import json
from pathlib import Path
from typing import Any

import altair as alt
import pytest

from tpt_model import Catalogue, load_catalogue
from tpt_model.bench.synthetic import synthetic_scenario
from tpt_model.catalogue.scenario_format import JourneyPoint, Placement, Scenario
from tpt_model.frise.chart import AXIS_TITLE, SELECTION, frise_chart, frise_spec
from tpt_model.frise.display import METRICS, FriseDisplay
from tpt_model.frise.layout import (
    RISK_COLOR,
    BarRecord,
    LabelRecord,
    LaneRecord,
    MilestoneRecord,
    OffTrackRecord,
    PhaseRecord,
    YearlyRecord,
    frise_layout,
    pack_rows,
    text_color,
)
from tpt_model.frise.rows import FriseOptions
from tpt_model.frise.spec import chart_spec

Spec = dict[str, Any]
SHIPPED = Path(__file__).resolve().parents[3] / "catalogue"
ROW_PX = METRICS["normal"].row_px
YEARLY = FriseDisplay(yearly=True)
RECORD_TYPES: dict[str, type] = {
    "phases": PhaseRecord,
    "phases_titres": PhaseRecord,
    "hors_parcours": OffTrackRecord,
    "periodes": MilestoneRecord,
    "risques": MilestoneRecord,
    "jalons_periodes": MilestoneRecord,
    "jalons_mois": MilestoneRecord,
    "jalons_textes": MilestoneRecord,
    "risques_textes": MilestoneRecord,
    "couloirs_titres": LaneRecord,
    "annuels_periodes": YearlyRecord,
    "annuels_mois": YearlyRecord,
    "barres": BarRecord,
    "etiquettes": LabelRecord,
}


@pytest.fixture(scope="module")
def mini(catalogue: Catalogue) -> Scenario:
    return catalogue.template("mini")


def spec_of(catalogue: Catalogue, scenario: Scenario, **kwargs: Any) -> Spec:
    selected, display = kwargs.pop("selected", None), kwargs.pop("display", FriseDisplay())
    return chart_spec(
        frise_chart(catalogue, scenario, FriseOptions(**kwargs), selected=selected, display=display)
    )


def axis_names(x_axis: Spec) -> list:
    """The stage names of the x axis's label expression (« … ? [names][floor(…)] : '' »)."""
    return json.loads(x_axis["labelExpr"].split(" ? ", 1)[1].split("[floor")[0])


def data(spec: Spec, name: str) -> list[dict]:
    return spec["datasets"][name]


def layers_on(spec: Spec, name: str) -> list[Spec]:
    return [layer for layer in spec["layer"] if layer["data"] == {"name": name}]


def bars_layer(spec: Spec) -> Spec:
    (layer,) = [layer for layer in spec["layer"] if layer.get("name") == "barres"]
    return layer


def assert_rows_do_not_overlap(bars: list[dict]) -> None:
    by_band: dict[str, list[dict]] = {}
    for bar in bars:
        by_band.setdefault(bar["band"], []).append(bar)
    for members in by_band.values():
        members.sort(key=lambda b: b["start"])
        for left, right in zip(members, members[1:], strict=False):
            assert left["stop"] <= right["start"], (left["idx"], right["idx"])
        assert len({b["lane"] for b in members}) == 1


def test_bars_carry_index_months_lane_and_pillar(catalogue: Catalogue, mini: Scenario) -> None:
    bars = data(spec_of(catalogue, mini), "barres")
    assert [(b["idx"], b["start"], b["end"], b["stop"], b["lane"], b["pillar"]) for b in bars] == [
        (0, 1, 1, 2, "Attirer", "Attirer"),
        (1, 28, 45, 46, "Accompagner", "Accompagner"),
        (2, 36, 36, 37, "Accompagner", "Accompagner"),
    ]
    assert [(b["title"], b["short"], b["partner"], b["note"]) for b in bars][1] == (
        "Mentorat en ligne",
        "Mentorat",
        "Inria",
        "Six mois",
    )
    assert bars[1]["from_label"] == "janvier · Terminale"


def test_bars_are_quantitative_from_start_to_end_and_coloured_by_pillar(
    catalogue: Catalogue, mini: Scenario
) -> None:
    encoding = bars_layer(spec_of(catalogue, mini))["encoding"]
    assert encoding["x"]["field"] == "start"
    assert encoding["x"]["type"] == "quantitative"
    assert encoding["x2"] == {"field": "stop"}
    assert encoding["x"]["scale"]["domain"] == [0, 72]
    assert encoding["color"]["field"] == "pillar"
    assert encoding["color"]["scale"]["domain"] == ["Attirer", "Accompagner", "Transformer"]
    assert encoding["color"]["scale"]["range"] == ["#E69F00", "#0072B2", "#009E73"]
    assert {t["title"] for t in encoding["tooltip"]} >= {"Brique", "Début", "Fin", "Partenaire", "Note"}


def test_axes_in_plain_french_with_a_tick_per_stage(catalogue: Catalogue, mini: Scenario) -> None:
    spec = spec_of(catalogue, mini)
    encoding = bars_layer(spec)["encoding"]
    x_axis = encoding["x"]["axis"]
    assert x_axis["title"] == AXIS_TITLE == "Années du parcours (chaque année va de septembre à août)"
    assert x_axis["values"] == [0, 12, 24, 36, 48, 60, 72]
    assert axis_names(x_axis) == ["2de", "1re", "Tle", "Bac+1", "Bac+2", "An 1"]
    assert x_axis["labelExpr"].startswith("datum.value < 72 ? ")  # the closing tick has no name
    # No y axis titled « Couloir »: each lane is named by a title line, in words of the programme.
    assert encoding["y"]["axis"] is None
    assert [lane["label"] for lane in data(spec, "couloirs_titres")] == ["Attirer", "Accompagner"]
    titles = [layer for layer in spec["layer"] if layer["data"] == {"name": "couloirs_titres"}]
    assert titles[0]["mark"]["fontWeight"] == "bold"


def test_cohort_axis_names_calendar_months(catalogue: Catalogue, mini: Scenario) -> None:
    spec = spec_of(catalogue, mini, cohort_year=2025)
    names = axis_names(bars_layer(spec)["encoding"]["x"]["axis"])
    assert names[0] == ["2de", "sept. 2025"]
    assert names[3] == ["Bac+1", "sept. 2028"]
    assert data(spec, "barres")[1]["from_label"] == "janvier 2028"
    assert "Cohorte entrée en seconde en septembre 2025" in spec["title"]["subtitle"]


def test_pilot_text_in_axis_expressions_is_quoted(catalogue_dir: Path) -> None:
    programme = catalogue_dir / "programme.yaml"
    programme.write_text(programme.read_text().replace("short: 2de", "short: '2de \"x'' ]'"))
    catalogue = load_catalogue(catalogue_dir)
    chart = frise_chart(catalogue, catalogue.template("mini"), FriseOptions())
    assert axis_names(bars_layer(chart_spec(chart))["encoding"]["x"]["axis"])[0] == "2de \"x' ]"
    chart.to_dict()  # still a valid spec


@pytest.mark.parametrize(
    ("mode", "words"),
    [
        ("pillar", "rangées par volet"),
        ("modality", "rangées par modalité"),
        ("partner", "rangées par partenaire"),
        ("working_group", "rangées par groupe de travail"),
        ("custom", "rangées dans les couloirs du groupe"),
    ],
)
def test_subtitle_says_how_lanes_are_made(
    catalogue: Catalogue, mini: Scenario, mode: str, words: str
) -> None:
    subtitle = spec_of(catalogue, mini, lane_mode=mode)["title"]["subtitle"]
    assert subtitle == [f"3 actions affichées sur 3 · {words}"]


@pytest.mark.parametrize(
    ("mode", "labels"),
    [
        ("pillar", ["Attirer", "Accompagner"]),
        ("modality", ["Individuel", "Collectif", "Matériel et financier"]),
        ("partner", ["Inria", "Femmes@Numérique", "Sans partenaire"]),
        ("working_group", ["Briques du programme", "Sourcing au lycée"]),
    ],
)
def test_lanes_per_mode_in_stable_order(
    catalogue: Catalogue, mini: Scenario, mode: str, labels: list[str]
) -> None:
    layout = frise_layout(catalogue, mini, FriseOptions(lane_mode=mode))
    lanes = [
        layout.band_labels[b] for b in layout.bands if b.startswith("couloir") and b in layout.band_labels
    ]
    assert lanes == labels
    titles = data(spec_of(catalogue, mini, lane_mode=mode), "couloirs_titres")
    assert [t["label"] for t in titles] == labels
    assert [t["band"] for t in titles] == [b for b in layout.bands if b in layout.band_labels]


def test_overlapping_placements_get_separate_rows(catalogue: Catalogue) -> None:
    def at(stage: str, month: int) -> JourneyPoint:
        return JourneyPoint(stage=stage, month=month)

    scenario = Scenario(
        name="Chevauchements",
        placements=(
            Placement(brick="mentorat", start=at("terminale", 9), end=at("terminale", 12)),
            Placement(brick="mentorat", start=at("terminale", 11), end=at("terminale", 2)),
            Placement(brick="mentorat", start=at("terminale", 1), end=at("terminale", 3)),
            Placement(brick="ordinateur", start=at("bac-1", 9), end=at("bac-1", 9)),
        ),
    )
    bars = data(spec_of(catalogue, scenario), "barres")
    # The third starts the month after the first ends: the first keeps its title's room after it.
    assert [b["row"] for b in bars] == [0, 1, 2, 0]
    assert_rows_do_not_overlap(bars)
    labels = {label["idx"]: label for label in data(spec_of(catalogue, scenario), "etiquettes")}
    assert (labels[0]["text"], labels[0]["label_x"], labels[0]["align"]) == ("Mentorat", 28, "left")


def test_pack_rows_is_greedy_and_never_overlaps() -> None:
    # Taken by start: (0, 2) → 0, (0, 10) → 1, (1, 3) → 2, (2, 4) → 0 (free again), (3, 5) → 2.
    assert pack_rows([(0, 2), (1, 3), (2, 4), (0, 10), (3, 5)]) == [0, 2, 0, 1, 2]
    assert pack_rows([]) == []


def test_milestones_rules_ranges_and_yearly(catalogue: Catalogue, mini: Scenario) -> None:
    spec = spec_of(catalogue, mini)
    (voeux,) = data(spec, "jalons_periodes")[:1]
    assert (voeux["label"], voeux["start"], voeux["stop"], voeux["kind"]) == (
        "Vœux Parcoursup",
        28,
        31,
        "Orientation",
    )
    assert voeux["period"] == "janvier · Terminale → mars · Terminale"
    assert [layer["mark"]["type"] for layer in layers_on(spec, "jalons_mois")] == ["rule", "point"]
    # The moments of every year are folded into one line of words, not drawn every year...
    assert data(spec, "annuels_mois") == [] and data(spec, "annuels_periodes") == []
    assert not [layer for layer in spec["layer"] if layer["data"]["name"].startswith("annuels")]
    # ... unless asked for: then one mark per stage, in their own line.
    drawn = spec_of(catalogue, mini, display=YEARLY)
    yearly = data(drawn, "annuels_mois")
    assert [m["start"] for m in yearly] == [6, 18, 30, 42, 54, 66]  # 8 March in every stage
    assert {m["label"] for m in yearly} == {"8 mars"}
    assert {m["period"] for m in yearly} == {"chaque année, en mars"}


def test_risk_window_is_shaded_warm_and_labelled(catalogue: Catalogue, mini: Scenario) -> None:
    spec = spec_of(catalogue, mini)
    (risk,) = data(spec, "risques")
    assert (risk["label"], risk["start"], risk["stop"]) == ("Risque de décrochage en L1", 37, 42)
    (shade,) = [layer["mark"] for layer in layers_on(spec, "risques")]
    assert {k: shade[k] for k in ("type", "color")} == {"type": "rect", "color": RISK_COLOR}
    assert shade["opacity"] > 0.1
    (text,) = [layer["mark"] for layer in layers_on(spec, "risques_textes")]
    assert (text["type"], text["color"], text["fontWeight"]) == ("text", RISK_COLOR, "bold")
    assert data(spec, "risques_textes") == [risk] and risk["text"] == risk["label"]


def test_shading_and_rules_start_below_the_milestone_labels(catalogue: Catalogue, mini: Scenario) -> None:
    # Nothing shaded and no rule lies over a milestone's label: they all start under the label lines.
    layout = frise_layout(catalogue, mini, FriseOptions())
    spec = spec_of(catalogue, mini)
    lowest_label = max(m["y"] for m in layout.milestones) + METRICS["normal"].line_px / 2
    assert lowest_label <= layout.header_bottom
    for name in ("periodes", "risques", "jalons_mois"):
        (reaching,) = [layer for layer in layers_on(spec, name) if "y2" in layer["encoding"]]
        assert reaching["encoding"]["y"] == {"value": layout.header_bottom}, name


def test_track_hides_off_track_milestones_and_greys_stages(long_catalogue_dir: Path) -> None:
    catalogue = load_catalogue(long_catalogue_dir)
    spec = spec_of(catalogue, catalogue.template("mini"), track="court")
    assert [s["label"] for s in data(spec, "hors_parcours")] == [
        "Bac+2 : hors du parcours « Études courtes »"
    ]
    assert "Stage long" not in {m["label"] for m in data(spec, "jalons_periodes")}
    yearly = spec_of(catalogue, catalogue.template("mini"), track="court", display=YEARLY)
    assert 54 not in {m["start"] for m in data(yearly, "annuels_mois")}
    assert 42 in {m["start"] for m in data(yearly, "annuels_mois")}
    assert "Stage long" in {
        m["label"] for m in data(spec_of(catalogue, catalogue.template("mini")), "jalons_periodes")
    }


def test_a_milestone_shows_only_for_its_tracks_and_exits(catalogue: Catalogue, mini: Scenario) -> None:
    voeux_long = tuple(
        m.model_copy(update={"tracks": ("long",), "exits": ("doctorat",)})
        if m.id == "voeux-parcoursup"
        else m
        for m in catalogue.milestones
    )
    # A new catalogue, not a copy: a copy would share the memo of the charts already drawn.
    only_long = Catalogue(programme=catalogue.programme, milestones=voeux_long, bricks=catalogue.bricks)

    def shown(**options: Any) -> set[str]:
        return {m["label"] for m in data(spec_of(only_long, mini, **options), "jalons_periodes")}

    assert "Vœux Parcoursup" in shown()  # everyone: every milestone
    assert "Vœux Parcoursup" in shown(track="long", exit="doctorat")
    assert "Vœux Parcoursup" not in shown(track="court")
    assert "Vœux Parcoursup" not in shown(exit="salariat")


@pytest.fixture
def long_catalogue_dir(catalogue_dir: Path) -> Path:
    """The test catalogue where bac+2 belongs to long studies and holds a milestone."""
    programme = catalogue_dir / "programme.yaml"
    stage = "  - id: bac-2\n    label: Bac+2\n    short: Bac+2\n    phase: reussir\n"
    programme.write_text(programme.read_text().replace(stage, stage + "    tracks: [long]\n"))
    with (catalogue_dir / "calendar.yaml").open("a") as calendar:
        calendar.write(
            "  - id: stage-long\n    label: Stage long\n    kind: orientation\n    stage: bac-2\n"
            "    from: 4\n    to: 6\n    description: Un stage.\n"
        )
    return catalogue_dir


def test_selection_param_returns_the_placement_index(catalogue: Catalogue, mini: Scenario) -> None:
    spec = spec_of(catalogue, mini)
    (param,) = [p for p in spec["params"] if p["name"] == SELECTION]
    assert param["name"] == "placement"
    assert param["select"]["type"] == "point"
    assert param["select"]["fields"] == ["idx"]
    assert param["views"] == [bars_layer(spec)["name"]]


def test_selected_placement_is_highlighted(catalogue: Catalogue, mini: Scenario) -> None:
    bars = data(spec_of(catalogue, mini, selected=1), "barres")
    widths = {b["idx"]: b["stroke_width"] for b in bars}
    assert widths[1] > widths[0] and widths[1] > widths[2]
    assert bars_layer(spec_of(catalogue, mini))["encoding"]["strokeWidth"]["field"] == "stroke_width"


def test_every_bar_carries_its_title_inside_or_beside_it(catalogue: Catalogue, mini: Scenario) -> None:
    labels = {label["idx"]: label for label in data(spec_of(catalogue, mini), "etiquettes")}
    assert set(labels) == {0, 1, 2}
    assert {i: label["text"] for i, label in labels.items()} == {0: "Atelier", 1: "Mentorat", 2: "Ordinateur"}
    # Inside the 18-month bar, from its start, in white on blue.
    assert (labels[1]["label_x"], labels[1]["align"], labels[1]["label_color"]) == (28, "left", "#FFFFFF")
    assert labels[1]["dx"] > 0
    # After the one-month bar, from its end, in dark text.
    assert (labels[0]["label_x"], labels[0]["align"]) == (2, "left")
    assert labels[0]["dx"] > 0 and labels[0]["label_color"] != "#FFFFFF"
    assert text_color("#E69F00") != "#FFFFFF"
    (layer,) = layers_on(spec_of(catalogue, mini), "etiquettes")
    assert (layer["mark"]["align"], layer["mark"]["dx"]) == ({"expr": "datum.align"}, {"expr": "datum.dx"})


def test_user_text_stays_plain_data(catalogue: Catalogue) -> None:
    note = '<img src=x onerror="alert(1)"> & co'
    scenario = Scenario(
        name="<b>Frise</b>",
        placements=(
            Placement(
                brick="mentorat",
                start=JourneyPoint(stage="terminale", month=1),
                end=JourneyPoint(stage="terminale", month=3),
                note=note,
            ),
        ),
    )
    spec = spec_of(catalogue, scenario)
    assert data(spec, "barres")[0]["note"] == note
    assert spec["title"]["text"] == "<b>Frise</b>"


def test_empty_scenario_still_draws_the_axis(catalogue: Catalogue) -> None:
    chart = frise_chart(catalogue, Scenario(name="Vide"), FriseOptions())
    spec = chart_spec(chart)
    assert data(spec, "barres") == []
    assert data(spec, "risques")
    assert chart.height >= 3 * ROW_PX


def without_locale(spec: Spec) -> Spec:
    return {**spec, "config": {k: v for k, v in spec["config"].items() if k != "locale"}}


def test_chart_validates_against_the_vega_lite_schema(catalogue: Catalogue, mini: Scenario) -> None:
    options = FriseOptions(cohort_year=2025, track="court", exit="salariat", lane_mode="partner")
    chart = frise_chart(catalogue, mini, options, selected=1)
    assert isinstance(chart, alt.LayerChart)
    validated = chart.to_dict()  # Altair validates against the Vega-Lite schema here
    spec = chart_spec(chart)
    assert without_locale(spec) == validated
    alt.LayerChart.from_dict(spec)  # French formats included, the spec is still valid
    assert spec["config"]["locale"]["number"]["thousands"] == "\u202f"  # « 20 000 000 »


def test_three_hundred_placements(catalogue: Catalogue, mini: Scenario) -> None:
    scenario = synthetic_scenario(catalogue, 300)
    small = frise_chart(catalogue, mini, FriseOptions())
    chart = frise_chart(catalogue, scenario, FriseOptions(), selected=299)
    spec = chart_spec(chart)
    bars = data(spec, "barres")
    assert sorted(b["idx"] for b in bars) == list(range(300))
    assert_rows_do_not_overlap(bars)
    rows = len({b["band"] for b in bars})
    assert rows > 10
    assert chart.height > small.height
    assert spec["height"] == chart.height >= rows * ROW_PX
    # Every bar carries its title, or its number when the title has no room (a legend lists those).
    labels = data(spec, "etiquettes")
    assert sorted(label["idx"] for label in labels) == list(range(300))
    numbered = {label["num"] for label in labels if label["text"] == str(label["num"])}
    layout = frise_layout(catalogue, scenario, FriseOptions(), selected=299)
    assert numbered == {n.number for n in layout.numbered}
    assert 0 < len(numbered) < 300


def test_chart_spec_of_three_hundred_placements(catalogue: Catalogue) -> None:
    for mode in ("pillar", "partner"):
        chart = frise_chart(catalogue, synthetic_scenario(catalogue, 300), FriseOptions(lane_mode=mode))
        spec = chart_spec(chart)
        assert without_locale(spec) == chart.to_dict(validate=False)
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
        assert len(spec["datasets"]["barres"]) == 300
        json.dumps(spec)  # plain JSON all the way down


def test_frise_spec_is_reused_and_inlines_its_data(catalogue: Catalogue) -> None:
    scenario = catalogue.template("mini")
    first = frise_spec(catalogue, scenario, FriseOptions())
    assert frise_spec(catalogue, scenario, FriseOptions()) is first
    assert frise_spec(catalogue, scenario, FriseOptions(), selected=1) is not first
    assert "datasets" not in first
    bars = next(layer for layer in first["layer"] if layer.get("name") == "barres")
    assert sorted(v["idx"] for v in bars["data"]["values"]) == [0, 1, 2]


def encoded_fields(layer: Spec) -> set[str]:
    channels = layer.get("encoding", {}).values()
    return {
        enc["field"] for ch in channels for enc in (ch if isinstance(ch, list) else [ch]) if "field" in enc
    }


def test_layers_encode_fields_that_their_typed_records_declare() -> None:
    # The layout's records are typed; the chart names their fields in strings: this ties the two.
    catalogue = load_catalogue(SHIPPED)
    spec = spec_of(
        catalogue, synthetic_scenario(catalogue, 40), track="court", cohort_year=2025, display=YEARLY
    )
    assert set(RECORD_TYPES) <= set(spec["datasets"])
    for layer in spec["layer"]:
        name = layer["data"]["name"]
        records = spec["datasets"][name]
        assert records, name  # every layer has something to draw in this scenario
        declared = RECORD_TYPES[name].__required_keys__ if name in RECORD_TYPES else records[0].keys()
        assert encoded_fields(layer) <= declared, name
        assert all(record.keys() == declared for record in records), name
