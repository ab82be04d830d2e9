"""How a brick or a persona reads for people: a table row and Markdown cards (user text escaped)."""

from tpt_model.catalogue.brick import Brick, Cost
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.persona import Persona
from tpt_model.catalogue.search import brick_phases
from tpt_model.catalogue.types import BrickSource, PersonaFlag
from tpt_model.formatting import EMPTY, euros, hours
from tpt_model.text import escape_markdown as esc

MODALITY_LABELS = {"individuel": "Individuel", "collectif": "Collectif", "materiel": "Matériel et financier"}
STATUS_LABELS = {
    "programme": "action du programme",
    "proposition": (
        "proposition d'un groupe de travail, qu'aucune source publique ne rattache encore au programme"
    ),
}
STATUS_SHORT = {"programme": "Action du programme", "proposition": "Proposition"}
PROSPECTIVE = "pressenti"
CLAIM_LABELS = {
    "action": "l'action",
    "summary": "le résumé",
    "stages": "les étapes",
    "audience": "le public",
    "partners": "les partenaires",
    "cost": "le coût",
    "hours_per_beneficiary": "les heures",
    "barriers": "les freins",
    "good_practices": "les bonnes pratiques",
    "communication": "la communication",
}
# A persona's situation as it reads after « Situation : ».
PERSONA_FLAG_LABELS: dict[PersonaFlag, str] = {
    "boursiere": "boursière",
    "rurale": "vit en zone rurale",
    "qpv": "vit dans un quartier prioritaire de la ville",
    "premiere_generation": "première de sa famille à faire des études supérieures",
    "handicap": "en situation de handicap",
    "alternance": "en alternance",
}

INFERRED_COST = "estimation d'après un programme comparable"


def stage_span(catalogue: Catalogue, brick: Brick) -> str:
    """« Terminale → Bac+2 », or one stage's label."""
    first = catalogue.programme.stage(brick.stages.from_stage).label
    last = catalogue.programme.stage(brick.stages.to_stage).label
    return first if first == last else f"{first} → {last}"


def partner_names(catalogue: Catalogue, brick: Brick) -> list[str]:
    """The brick's partners by name, the prospective ones marked « (pressenti) »."""
    names = catalogue.partners_by_id
    return [names[p].name for p in brick.partners] + [
        f"{names[p].name} ({PROSPECTIVE})" for p in brick.prospective_partners
    ]


def counted(cost: Cost) -> str:
    """How a brick's cost per beneficiary counts: « une fois », « chaque année », « 4 séances »."""
    if cost.unit == "per_year":
        return "chaque année"
    return f"{cost.sessions} séances" if cost.sessions else "une fois"


def brick_row(catalogue: Catalogue, brick: Brick) -> dict[str, str]:
    """One line of the catalogue table, as people read it: its title first, no identifier."""
    programme = catalogue.programme
    return {
        "Brique": brick.title,
        "Statut": STATUS_SHORT[brick.status],
        "Volet": programme.pillar(brick.pillar).label,
        "Modalité": MODALITY_LABELS[brick.modality],
        "Étapes": stage_span(catalogue, brick),
        "Coût / bénéficiaire": euros(brick.cost.beneficiary_eur),
        "Coût compté": counted(brick.cost),
        "Heures / bénéficiaire": hours(brick.hours_per_beneficiary),
        "Partenaires": ", ".join(partner_names(catalogue, brick)) or EMPTY,
    }


def brick_facts_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """What a scoring form shows beside the criteria: cost, hours, stages and public, as a Markdown list.

    « Caractère abordable » is defined in euros per beneficiary: the figures must be in view.
    """
    return "\n".join(
        [
            f"- **Coût** : {cost_sentence(brick.cost, markdown=True)}",
            f"- **Temps** : {_time_text(brick)}",
            f"- **Étapes** : {esc(stage_span(catalogue, brick))}",
            f"- **Public** : {esc(brick.audience)}",
        ]
    )


def _bullets(items: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"- {esc(item)}" for item in items) or "- (non renseigné)"


def cost_sentence(cost: Cost, *, markdown: bool = False) -> str:
    """A brick's costs in one sentence, an inferred figure marked as an estimate (Markdown for the card)."""
    per = {
        "once": "par bénéficiaire",
        "per_year": "par bénéficiaire et par an",
        "per_session": f"par séance et par bénéficiaire ({cost.sessions} séances)",
    }[cost.unit]
    text = f"{euros(cost.per_beneficiary_eur)} {per}, {euros(cost.fixed_eur)} de coûts fixes"
    if cost.inferred:
        text += f" — *{INFERRED_COST}*" if markdown else f" — {INFERRED_COST}"
    if cost.note:
        text += f" ({esc(cost.note) if markdown else cost.note})"
    if cost.third_party_eur:
        third = "par an" if cost.unit == "per_year" else "par bénéficiaire"
        text += f" · hors budget du programme : {euros(cost.third_party_eur)} {third} versés par un tiers"
    return text


def _time_text(brick: Brick) -> str:
    text = f"{hours(brick.hours_per_beneficiary)} par bénéficiaire"
    if brick.hours_per_trainee is not None:
        text += f", {hours(brick.hours_per_trainee)} de formation par personne formée"
    return text


def source_line(source: BrickSource) -> str:
    """One source as the card lists it: title (linked), publisher, date, and what it backs."""
    title = f"[{esc(source.title)}](<{source.url}>)" if source.url else esc(source.title)
    date = f", {source.date}" if source.date else ""
    backs = ", ".join(CLAIM_LABELS[c] for c in source.supports)
    return f"- {title}, {esc(source.publisher)}{date} — appuie {backs}"


def brick_card_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """The full card of a brick as Markdown."""
    programme = catalogue.programme
    phases = ", ".join(p.label for p in programme.phases if p.id in brick_phases(programme, brick))
    partners = ", ".join(esc(name) for name in partner_names(catalogue, brick)) or "à trouver"
    scores = " · ".join(
        f"{esc(c.label)} : **{brick.criteria[c.id]}**/{c.scale.max}"
        for c in programme.criteria
        if c.id in brick.criteria
    )
    lines = [
        f"## {esc(brick.title)}",
        esc(brick.summary),
        f"**Statut** : {STATUS_LABELS[brick.status]}",
        f"**Volet** : {esc(programme.pillar(brick.pillar).label)} · **Modalité** : "
        f"{MODALITY_LABELS[brick.modality]} · **Phases** : {esc(phases)}",
        f"**Étapes** : {esc(stage_span(catalogue, brick))} · **Public** : {esc(brick.audience)}",
        f"**Partenaires** : {partners}",
        f"**Coût** : {cost_sentence(brick.cost, markdown=True)} · **Temps** : {_time_text(brick)}",
        f"**Notes de référence** : {scores or 'aucune'}",
        "**Freins levés**",
        _bullets(brick.barriers),
        "**Bonnes pratiques**",
        _bullets(brick.good_practices),
        "**Communication**",
        _bullets(brick.communication.moments + brick.communication.tools),
        "**Sources**",
        "\n".join(source_line(s) for s in brick.sources),
    ]
    return "\n\n".join(lines)


def persona_card_markdown(catalogue: Catalogue, persona: Persona) -> str:
    """Who a persona is, what her situation is, where she joins and where she goes, as Markdown."""
    programme = catalogue.programme
    tracks = {t.id: t.label for t in programme.tracks}
    exits = {e.id: e.label for e in programme.exits}
    situation = ", ".join(PERSONA_FLAG_LABELS[f] for f in persona.flags) or "aucune condition particulière"
    return "\n\n".join(
        [
            f"**{esc(persona.name)}, {persona.age} ans** — {esc(persona.description)}",
            f"**Situation** : {esc(situation)} · **Entrée dans le programme** : "
            f"{esc(programme.stage(persona.start_stage).label)} · **Parcours** : "
            f"{esc(tracks.get(persona.track, persona.track))} · **Sortie** : "
            f"{esc(exits.get(persona.exit, persona.exit))}",
        ]
    )
