"""Vega-Lite dictionaries of the project's charts, built without schema validation."""

from typing import Any

import altair as alt

from tpt_model.formatting import vega_locale


def chart_spec(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite dict, without Altair's schema validation (validated once in tests).

    Its numbers and dates are written the French way (`config.locale`): « 20 000 000 », not « 20,000,000 ».
    """
    datasets = getattr(chart, "datasets", alt.Undefined)
    if not isinstance(datasets, dict):
        return _french(chart.to_dict(validate=False))
    # Top-level datasets hold plain JSON records (the frise builds them so): Altair's to_dict would
    # walk every value of every record, which costs more than the rest of the spec at 300 bars.
    lean = chart.copy(deep=False)
    lean.datasets = alt.Undefined
    spec = lean.to_dict(validate=False)
    spec["datasets"] = {**spec.get("datasets", {}), **datasets}
    return _french(spec)


def plain_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A Vega-Lite dict written by hand, with its schema and the French formats of every chart.

    For small charts drawn on every rerun: building Altair objects costs many times more than the
    dict they make (the specs are validated against the schema in tests).
    """
    return _french({"$schema": alt.SCHEMA_URL, **spec})


def _french(spec: dict[str, Any]) -> dict[str, Any]:
    spec["config"] = {**spec.get("config", {}), "locale": vega_locale()}
    return spec


def inline_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    """The spec with each layer's named dataset written into the layer itself.

    Streamlit turns every top-level dataset into an Arrow table on each rerun; inline values
    only go through JSON, several times cheaper for the frise's small record lists.
    """
    datasets = spec.get("datasets", {})
    layers = [
        _inline(layer, datasets[layer["data"]["name"]])
        if layer.get("data", {}).get("name") in datasets
        else layer
        for layer in spec.get("layer", [])
    ]
    lean = {k: v for k, v in spec.items() if k != "datasets"}
    return {**lean, "layer": layers} if "layer" in spec else spec


def _inline(layer: dict[str, Any], values: list[Any]) -> dict[str, Any]:
    if values:
        return {**layer, "data": {"values": values}}
    # Vega gives an empty layer an unnamed graphic that screen readers announce (axe: svg-img-alt):
    # a layer with nothing to draw is left out of what they read.
    mark = layer["mark"] if isinstance(layer["mark"], dict) else {"type": layer["mark"]}
    return {**layer, "data": {"values": values}, "mark": {**mark, "aria": False}}
