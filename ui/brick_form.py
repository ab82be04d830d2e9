"""The brick form, built from the brick model: a widget per field, the validator's messages beside it.

Enumerations become choices, ids come from the catalogue (stages, partners, groups, milestones,
criteria), lists of texts and the sources are editable tables. Widget keys carry the editor's
round, so that every file opened starts from its own values; the draft lives in the session
state, so a visit to another page loses nothing.
"""

import types
import typing
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.card import MODALITY_LABELS, PERSONA_FLAG_LABELS, STATUS_SHORT
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.types import Claim
from tpt_model.catalogue_edit.checking import problems_at
from tpt_model.catalogue_edit.draft import BrickData
from tpt_model.errors import WARNING, Problem
from tpt_model.i18n import _, mark_
from tpt_model.text import escape_markdown

# Short French labels; the field's own description (its docstring, in French in the JSON Schema) is
# the widget's help, translated where it is shown (`babel.cfg` extracts the docstrings).
LABELS = {
    "id": mark_("Identifiant (nom du fichier)"),
    "title": mark_("Titre (une action : verbe à l'infinitif)"),
    "short_title": mark_("Titre court (sur la frise, 28 caractères au plus)"),
    "summary": mark_("Résumé"),
    "status": mark_("Statut"),
    "pillar": mark_("Volet"),
    "modality": mark_("Modalité"),
    "kind": mark_("Type d'action"),
    "stages.from": mark_("Première étape"),
    "stages.to": mark_("Dernière étape"),
    "timing.after": mark_("Après les jalons"),
    "timing.before": mark_("Avant les jalons"),
    "timing.during": mark_("Pendant les jalons"),
    "tracks": mark_("Parcours"),
    "exits": mark_("Sorties"),
    "audience": mark_("Public visé"),
    "eligibility": mark_("Conditions de la bénéficiaire"),
    "partners": mark_("Partenaires confirmés"),
    "prospective_partners": mark_("Partenaires pressentis"),
    "working_groups": mark_("Groupes de travail"),
    "cost.per_beneficiary_eur": mark_("Coût par bénéficiaire (€)"),
    "cost.unit": mark_("Ce que couvre ce coût"),
    "cost.sessions": mark_("Nombre de séances"),
    "cost.fixed_eur": mark_("Coûts fixes (€)"),
    "cost.third_party_eur": mark_("Versé par un tiers (€)"),
    "cost.inferred": mark_("Coût estimé (d'après un programme comparable)"),
    "cost.note": mark_("D'où vient le chiffre"),
    "hours_per_beneficiary": mark_("Heures par bénéficiaire"),
    "hours_per_trainee": mark_("Heures par adulte formé"),
    "duration_months": mark_("Durée habituelle (mois)"),
    "barriers": mark_("Freins levés"),
    "good_practices": mark_("Bonnes pratiques"),
    "communication.moments": mark_("Moments de communication"),
    "communication.tools": mark_("Outils de communication"),
    "sources": mark_("Sources"),
}
CHOICE_LABELS: dict[str, dict[str, str]] = {
    "status": STATUS_SHORT,
    "modality": MODALITY_LABELS,
    "eligibility": dict(PERSONA_FLAG_LABELS),
    "cost.unit": {
        "once": mark_("une fois par placement"),
        "per_year": mark_("chaque année"),
        "per_session": mark_("par séance"),
    },
}
LONG_TEXTS = frozenset({"summary", "cost.note"})
SOURCE_COLUMNS = {
    "title": mark_("Titre"),
    "publisher": mark_("Éditeur"),
    "url": mark_("Adresse"),
    "date": mark_("Date"),
    "supports": mark_("Appuie"),
}
LAYOUT = [
    (mark_("Identité"), ["id", "title", "short_title", "summary", "status"]),
    (
        mark_("Place dans le parcours"),
        ["pillar", "modality", "kind", "stages", "tracks", "exits", "audience", "eligibility"],
    ),
    (mark_("Calendrier"), ["timing", "duration_months"]),
    (mark_("Partenaires et groupes"), ["partners", "prospective_partners", "working_groups"]),
    (mark_("Coûts et temps"), ["cost", "hours_per_beneficiary", "hours_per_trainee"]),
    (mark_("Notes de référence"), ["criteria"]),
    (mark_("Freins, bonnes pratiques, communication"), ["barriers", "good_practices", "communication"]),
    (mark_("Sources"), ["sources"]),
]

Slots = dict[str, Any]  # field path → the placeholder where its messages go


class _Form:
    def __init__(self, catalogue: Catalogue, round_: int, draft: BrickData) -> None:
        self.catalogue = catalogue
        self.round = round_
        self.draft = draft
        self.slots: Slots = {}
        programme = catalogue.programme
        stages = {s.id: s.label for s in programme.stages}
        partners = {p.id: p.name for p in catalogue.partners}
        milestones = {m.id: m.label for m in catalogue.milestones}
        self.choices: dict[str, dict[str, str]] = {
            **CHOICE_LABELS,
            "pillar": {p.id: p.label for p in programme.pillars},
            "stages.from": stages,
            "stages.to": stages,
            "partners": partners,
            "prospective_partners": partners,
            "working_groups": {g.id: f"{g.id.upper()} — {g.title}" for g in programme.working_groups},
            "timing.after": milestones,
            "timing.before": milestones,
            "timing.during": milestones,
            "tracks": {t.id: t.label for t in programme.tracks},
            "exits": {e.id: e.label for e in programme.exits},
        }

    def key(self, path: str) -> str:
        return f"catalogue_edit_{self.round}_{path}"

    def seed(self, path: str, value: Any) -> str:
        key = self.key(path)
        st.session_state.setdefault(key, value)
        return key

    def messages_here(self, path: str) -> None:
        self.slots[path] = st.empty()

    # ------------------------------------------------------------ widgets

    def value(self, path: str) -> Any:
        node: Any = self.draft
        for part in path.split("."):
            node = node.get(part) if isinstance(node, dict) else None
        return node

    @staticmethod
    def options(values: list[str], allowed: tuple[str, ...]) -> list[str]:
        # What the file holds is always a choice (a stale id is shown, and the validator says why).
        return list(dict.fromkeys([*allowed, *values]))

    def label_of(self, path: str) -> Callable[[str], str]:
        labels = self.choices.get(path, {})
        # Marked labels are translated; the catalogue's own (stages, partners…) are not in the catalogues.
        return lambda value: _(labels[value]) if value in labels else value.replace("_", " ")

    def widget(self, path: str, annotation: Any, help_text: str | None) -> Any:
        label = _(LABELS[path]) if path in LABELS else path
        current = self.value(path)
        base = _bare(annotation)
        literal = _literal(base)
        if path in self.choices or literal:
            allowed = literal or tuple(self.choices[path])
            if typing.get_origin(base) is tuple:
                values = [str(v) for v in current or []]
                key = self.seed(path, values)
                out = st.multiselect(
                    label,
                    self.options(values, allowed),
                    key=key,
                    format_func=self.label_of(path),
                    help=help_text,
                    placeholder=_("Aucun"),
                )
                return list(out)
            value = str(current) if current is not None else allowed[0]
            key = self.seed(path, value)
            return st.selectbox(
                label,
                self.options([value], allowed),
                key=key,
                format_func=self.label_of(path),
                help=help_text,
            )
        if base is bool:
            return st.checkbox(label, key=self.seed(path, bool(current)), help=help_text)
        if base in (int, float):
            # One numeric type per widget: a float field shows 400 as 400.0, an int field as 400.
            key = self.seed(path, None if current is None else base(current))
            step: int | float = 1 if base is int else 1.0
            # « %g »: 400 and 12.5 as typed, not 400.00.
            number = st.number_input(
                label, key=key, step=step, help=help_text, format="%g" if base is float else "%d"
            )
            return None if number is None else base(number)
        if typing.get_origin(base) is tuple:
            return self.text_list(path, label, current or [], help_text)
        key = self.seed(path, "" if current is None else str(current))
        if path in LONG_TEXTS:
            return st.text_area(label, key=key, help=help_text, height=90)
        return st.text_input(label, key=key, help=help_text)

    def text_list(self, path: str, label: str, values: list[str], help_text: str | None) -> list[str]:
        """An editable list of texts: one row each, rows added and removed."""
        key = self.key(path)
        base_key = f"{key}_base"
        if key not in st.session_state:  # the table (re)starts from the draft
            st.session_state[base_key] = list(values)
        frame = pd.DataFrame({"texte": pd.Series(st.session_state[base_key], dtype="string")})
        edited = st.data_editor(
            frame,
            key=key,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={"texte": st.column_config.TextColumn(label, help=help_text, width="large")},
        )
        return [str(v).strip() for v in edited["texte"].tolist() if isinstance(v, str) and v.strip()]

    def sources(self, values: list[dict[str, Any]], help_text: str | None) -> list[dict[str, Any]]:
        """The sources as a table; « Appuie » lists what each backs, separated by commas."""
        key = self.key("sources")
        base_key = f"{key}_base"
        if key not in st.session_state:
            st.session_state[base_key] = [
                {
                    **{c: source.get(c) or "" for c in SOURCE_COLUMNS if c != "supports"},
                    "supports": ", ".join(source.get("supports", [])),
                }
                for source in values
            ]
        frame = pd.DataFrame(st.session_state[base_key], columns=list(SOURCE_COLUMNS), dtype="string")
        claims = ", ".join(typing.get_args(Claim))
        edited = st.data_editor(
            frame,
            key=key,
            num_rows="dynamic",
            hide_index=True,
            width="stretch",
            column_config={
                name: st.column_config.TextColumn(_(title), help=help_text if name == "title" else None)
                for name, title in SOURCE_COLUMNS.items()
            }
            | {
                "supports": st.column_config.TextColumn(
                    _("Appuie"), help=_("Séparés par des virgules : {claims}").format(claims=claims)
                )
            },
        )
        out = []
        for row in edited.to_dict("records"):
            cells = {
                c: (str(row.get(c)).strip() if isinstance(row.get(c), str) else "") for c in SOURCE_COLUMNS
            }
            if not any(cells.values()):
                continue
            source: dict[str, Any] = {
                c: cells[c]
                for c in ("title", "publisher", "url", "date")
                if cells[c] or c in ("title", "publisher")
            }
            source["supports"] = [s.strip() for s in cells["supports"].split(",") if s.strip()]
            out.append(source)
        return out

    def criteria(self, scores: dict[str, Any]) -> dict[str, Any]:
        """A score per criterion of the programme (and any other the file names, for the validator)."""
        out = {}
        programme = self.catalogue.programme
        ids = list(dict.fromkeys([*(c.id for c in programme.criteria), *scores]))
        labels = {
            c.id: _("{criterion} ({low} à {high})").format(
                criterion=c.label, low=c.scale.min, high=c.scale.max
            )
            for c in programme.criteria
        }
        columns = st.columns(min(4, max(1, len(ids))))
        for i, criterion_id in enumerate(ids):
            with columns[i % len(columns)]:
                score = scores.get(criterion_id)
                key = self.seed(f"criteria.{criterion_id}", None if score is None else int(score))
                value = st.number_input(labels.get(criterion_id, criterion_id), key=key, step=1)
                self.messages_here(f"criteria.{criterion_id}")
            if value is not None:
                out[criterion_id] = int(value)
        return out

    def model(self, model: type[BaseModel], names: list[str], prefix: str = "") -> dict[str, Any]:
        """The widgets of these fields of `model`, two a row; their values by YAML key."""
        fields = {f.alias or n: f for n, f in model.model_fields.items()}
        out: dict[str, Any] = {}
        simple = [n for n in names if _sub(fields[n].annotation) is None and n not in ("criteria",)]
        for i in range(0, len(simple), 2):
            columns = st.columns(2)
            for column, name in zip(columns, simple[i : i + 2], strict=False):
                path = f"{prefix}{name}"
                with column:
                    field = fields[name]
                    if _is_list_of_texts(field.annotation) and path not in self.choices:
                        continue  # drawn full width below
                    out[name] = self.widget(path, field.annotation, _field_help(field))
                    self.messages_here(path)
        for name in names:
            field, path = fields[name], f"{prefix}{name}"
            sub = _sub(field.annotation)
            if name == "criteria":
                out[name] = self.criteria(dict(self.value(path) or {}))
                self.messages_here(path)
            elif name == "sources":
                out[name] = self.sources(list(self.value(path) or []), _field_help(field))
                self.messages_here(path)
            elif sub is not None:
                out[name] = self.model(sub, list(_aliases(sub)), f"{path}.")
                self.messages_here(path)
            elif _is_list_of_texts(field.annotation) and path not in self.choices:
                out[name] = self.text_list(
                    path,
                    _(LABELS[path]) if path in LABELS else path,
                    list(self.value(path) or []),
                    _field_help(field),
                )
                self.messages_here(path)
        return out


def _field_help(field: FieldInfo) -> str | None:
    """A field's description (its docstring) in the session's language, as the widget's help."""
    return _(field.description) if field.description else None


def _bare(annotation: Any) -> Any:
    """`X` from `X | None` and from `Annotated[X, …]`."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _bare(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _bare(args[0]) if len(args) == 1 else annotation
    return annotation


def _literal(annotation: Any) -> tuple[str, ...]:
    """The choices of a Literal (or of the Literal inside a tuple), else ()."""
    base = _bare(annotation)
    if typing.get_origin(base) is typing.Literal:
        return tuple(str(a) for a in typing.get_args(base))
    if typing.get_origin(base) is tuple:
        return _literal(typing.get_args(base)[0])
    return ()


def _is_list_of_texts(annotation: Any) -> bool:
    base = _bare(annotation)
    return typing.get_origin(base) is tuple and not _literal(base) and _sub(base) is None


def _sub(annotation: Any) -> type[BaseModel] | None:
    base = _bare(annotation)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return base
    if typing.get_origin(base) is tuple:
        inner = _bare(typing.get_args(base)[0])
        return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return None


def _aliases(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def show_messages(slot: Any, problems: list[Problem]) -> None:
    """The validator's messages of one field, in its placeholder (errors in red, warnings in orange)."""
    if not problems:
        return
    with slot.container():
        for problem in problems:
            text = escape_markdown(problem.message)
            if problem.level == WARNING:
                st.warning(text, icon=":material/warning:")
            else:
                st.error(text, icon=":material/error:")


def brick_form(
    catalogue: Catalogue, round_: int, draft: BrickData, check: Callable[[BrickData], list[Problem]]
) -> tuple[BrickData, list[Problem]]:
    """Draw the form over `draft`: the new draft and its problems (`check`'s), shown beside their fields.

    Messages of no field drawn (the file's syntax, its name) go at the top of the form.
    """
    form = _Form(catalogue, round_, draft)
    top = st.empty()
    out: BrickData = {}
    names = [n for _row, group in LAYOUT for n in group]
    for title, group in LAYOUT:
        st.markdown(f"### {_(title)}")
        out.update(form.model(Brick, group))
    extra = {k: v for k, v in draft.items() if k not in names}  # keys the form does not know: kept
    new_draft = {**extra, **out}
    problems = check(new_draft)
    shown: set[int] = set()
    for path, slot in sorted(form.slots.items(), key=lambda item: -len(item[0])):
        here = [p for p in problems_at(problems, path) if id(p) not in shown]
        shown.update(id(p) for p in here)
        show_messages(slot, here)
    show_messages(top, [p for p in problems if id(p) not in shown])
    return new_draft, problems
