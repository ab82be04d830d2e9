"""How a brick or a persona reads for people: a table row and Markdown cards (user text escaped)."""

from tpt_model.catalogue.brick import Brick, Cost
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.persona import Persona
from tpt_model.catalogue.search import brick_phases
from tpt_model.catalogue.types import BrickSource, PersonaFlag
from tpt_model.formatting import EMPTY, euros, hours
from tpt_model.i18n import _, mark_
from tpt_model.text import escape_markdown as esc

MODALITY_LABELS = {
    "individuel": mark_("Individuel"),
    "collectif": mark_("Collectif"),
    "materiel": mark_("Matériel et financier"),
}
STATUS_LABELS = {
    "programme": mark_("action du programme"),
    "proposition": (
        mark_("proposition d'un groupe de travail, qu'aucune source publique ne rattache encore au programme")
    ),
}
STATUS_SHORT = {"programme": mark_("Action du programme"), "proposition": mark_("Proposition")}
CLAIM_LABELS = {
    "action": mark_("l'action"),
    "summary": mark_("le résumé"),
    "stages": mark_("les étapes"),
    "audience": mark_("le public"),
    "partners": mark_("les partenaires"),
    "cost": mark_("le coût"),
    "hours_per_beneficiary": mark_("les heures"),
    "barriers": mark_("les freins"),
    "good_practices": mark_("les bonnes pratiques"),
    "communication": mark_("la communication"),
}
# A persona's situation as it reads after « Situation : ».
PERSONA_FLAG_LABELS: dict[PersonaFlag, str] = {
    "boursiere": mark_("boursière"),
    "rurale": mark_("vit en zone rurale"),
    "qpv": mark_("vit dans un quartier prioritaire de la ville"),
    "premiere_generation": mark_("première de sa famille à faire des études supérieures"),
    "handicap": mark_("en situation de handicap"),
    "alternance": mark_("en alternance"),
}

INFERRED_COST = mark_("estimation d'après un programme comparable")


def stage_span(catalogue: Catalogue, brick: Brick) -> str:
    """« Terminale → Bac+2 », or one stage's label."""
    first = catalogue.programme.stage(brick.stages.from_stage).label
    last = catalogue.programme.stage(brick.stages.to_stage).label
    return first if first == last else f"{first} → {last}"


def partner_names(catalogue: Catalogue, brick: Brick) -> list[str]:
    """The brick's partners by name, the prospective ones marked « (pressenti) »."""
    names = catalogue.partners_by_id
    return [names[p].name for p in brick.partners] + [
        _("{partner} (pressenti)").format(partner=names[p].name) for p in brick.prospective_partners
    ]


def counted(cost: Cost) -> str:
    """How a brick's cost per beneficiary counts: « une fois », « chaque année », « 4 séances »."""
    if cost.unit == "per_year":
        return _("chaque année")
    return _("{sessions} séances").format(sessions=cost.sessions) if cost.sessions else _("une fois")


def brick_row(catalogue: Catalogue, brick: Brick) -> dict[str, str]:
    """One line of the catalogue table, as people read it: its title first, no identifier."""
    programme = catalogue.programme
    return {
        _("Brique"): brick.title,
        _("Statut"): _(STATUS_SHORT[brick.status]),
        _("Volet"): programme.pillar(brick.pillar).label,
        _("Modalité"): _(MODALITY_LABELS[brick.modality]),
        _("Étapes"): stage_span(catalogue, brick),
        _("Coût / bénéficiaire"): euros(brick.cost.beneficiary_eur),
        _("Coût compté"): counted(brick.cost),
        _("Heures / bénéficiaire"): hours(brick.hours_per_beneficiary),
        _("Partenaires"): ", ".join(partner_names(catalogue, brick)) or EMPTY,
    }


def brick_facts_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """What a scoring form shows beside the criteria: cost, hours, stages and public, as a Markdown list.

    « Caractère abordable » is defined in euros per beneficiary: the figures must be in view.
    """
    return "\n".join(
        [
            _("- **Coût** : {cost}").format(cost=cost_sentence(brick.cost, markdown=True)),
            _("- **Temps** : {time}").format(time=_time_text(brick)),
            _("- **Étapes** : {stages}").format(stages=esc(stage_span(catalogue, brick))),
            _("- **Public** : {audience}").format(audience=esc(brick.audience)),
        ]
    )


def _bullets(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"- {esc(item)}" for item in items) or "- " + _("(non renseigné)")


def cost_sentence(cost: Cost, *, markdown: bool = False) -> str:
    """A brick's costs in one sentence, an inferred figure marked as an estimate (Markdown for the card)."""
    per = {
        "once": _("{amount} par bénéficiaire"),
        "per_year": _("{amount} par bénéficiaire et par an"),
        "per_session": _("{amount} par séance et par bénéficiaire ({sessions} séances)"),
    }[cost.unit].format(amount=euros(cost.per_beneficiary_eur), sessions=cost.sessions)
    text = _("{per}, {fixed} de coûts fixes").format(per=per, fixed=euros(cost.fixed_eur))
    if cost.inferred:
        text += f" — *{_(INFERRED_COST)}*" if markdown else f" — {_(INFERRED_COST)}"
    if cost.note:
        text += f" ({esc(cost.note) if markdown else cost.note})"
    if cost.third_party_eur:
        third = (
            _(" · hors budget du programme : {amount} par an versés par un tiers")
            if cost.unit == "per_year"
            else _(" · hors budget du programme : {amount} par bénéficiaire versés par un tiers")
        )
        text += third.format(amount=euros(cost.third_party_eur))
    return text


def _time_text(brick: Brick) -> str:
    text = _("{hours} par bénéficiaire").format(hours=hours(brick.hours_per_beneficiary))
    if brick.hours_per_trainee is not None:
        text += _(", {hours} de formation par personne formée").format(hours=hours(brick.hours_per_trainee))
    return text


def source_line(source: BrickSource) -> str:
    """One source as the card lists it: title (linked), publisher, date, and what it backs."""
    title = f"[{esc(source.title)}](<{source.url}>)" if source.url else esc(source.title)
    date = f", {source.date}" if source.date else ""
    backs = ", ".join(_(CLAIM_LABELS[c]) for c in source.supports)
    return "- " + _("{title}, {publisher}{date} — appuie {claims}").format(
        title=title, publisher=esc(source.publisher), date=date, claims=backs
    )


def brick_card_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """The full card of a brick as Markdown."""
    programme = catalogue.programme
    phases = ", ".join(p.label for p in programme.phases if p.id in brick_phases(programme, brick))
    partners = ", ".join(esc(name) for name in partner_names(catalogue, brick)) or _("à trouver")
    scores = " · ".join(
        f"{esc(c.label)} : **{brick.criteria[c.id]}**/{c.scale.max}"
        for c in programme.criteria
        if c.id in brick.criteria
    )
    lines = [
        f"## {esc(brick.title)}",
        esc(brick.summary),
        _("**Statut** : {status}").format(status=_(STATUS_LABELS[brick.status])),
        _("**Volet** : {pillar} · **Modalité** : {modality} · **Phases** : {phases}").format(
            pillar=esc(programme.pillar(brick.pillar).label),
            modality=_(MODALITY_LABELS[brick.modality]),
            phases=esc(phases),
        ),
        _("**Étapes** : {stages} · **Public** : {audience}").format(
            stages=esc(stage_span(catalogue, brick)), audience=esc(brick.audience)
        ),
        _("**Partenaires** : {partners}").format(partners=partners),
        _("**Coût** : {cost} · **Temps** : {time}").format(
            cost=cost_sentence(brick.cost, markdown=True), time=_time_text(brick)
        ),
        _("**Notes de référence** : {scores}").format(scores=scores or _("aucune")),
        _("**Freins levés**"),
        _bullets(brick.barriers),
        _("**Bonnes pratiques**"),
        _bullets(brick.good_practices),
        _("**Communication**"),
        _bullets(brick.communication.moments + brick.communication.tools),
        _("**Sources**"),
        "\n".join(source_line(s) for s in brick.sources),
    ]
    return "\n\n".join(lines)


def persona_card_markdown(catalogue: Catalogue, persona: Persona) -> str:
    """Who a persona is, what her situation is, where she joins and where she goes, as Markdown."""
    programme = catalogue.programme
    tracks = {t.id: t.label for t in programme.tracks}
    exits = {e.id: e.label for e in programme.exits}
    situation = ", ".join(_(PERSONA_FLAG_LABELS[f]) for f in persona.flags) or _(
        "aucune condition particulière"
    )
    return "\n\n".join(
        [
            _("**{name}, {age} ans** — {description}").format(
                name=esc(persona.name), age=persona.age, description=esc(persona.description)
            ),
            _(
                "**Situation** : {situation} · **Entrée dans le programme** : {stage} · "
                "**Parcours** : {track} · **Sortie** : {exit}"
            ).format(
                situation=esc(situation),
                stage=esc(programme.stage(persona.start_stage).label),
                track=esc(tracks.get(persona.track, persona.track)),
                exit=esc(exits.get(persona.exit, persona.exit)),
            ),
        ]
    )
