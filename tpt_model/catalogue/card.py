"""How a brick or a persona reads for people: a table row and Markdown cards (user text escaped)."""

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.persona import Persona
from tpt_model.catalogue.search import brick_phases
from tpt_model.catalogue.types import PersonaFlag
from tpt_model.formatting import EMPTY, euros, hours
from tpt_model.text import escape_markdown as esc

MODALITY_LABELS = {"individuel": "Individuel", "collectif": "Collectif", "materiel": "Matériel et financier"}
# A persona's situation as it reads after « Situation : ».
PERSONA_FLAG_LABELS: dict[PersonaFlag, str] = {
    "boursiere": "boursière",
    "rurale": "vit en zone rurale",
    "qpv": "vit dans un quartier prioritaire de la ville",
    "premiere_generation": "première de sa famille à faire des études supérieures",
    "handicap": "en situation de handicap",
    "alternance": "en alternance",
}


def stage_span(catalogue: Catalogue, brick: Brick) -> str:
    """« Terminale → Bac+2 », or one stage's label."""
    first = catalogue.programme.stage(brick.stages.from_stage).label
    last = catalogue.programme.stage(brick.stages.to_stage).label
    return first if first == last else f"{first} → {last}"


def brick_row(catalogue: Catalogue, brick: Brick) -> dict[str, str]:
    """One line of the catalogue table, as people read it: its title first, no identifier."""
    programme = catalogue.programme
    return {
        "Brique": brick.title,
        "Volet": programme.pillar(brick.pillar).label,
        "Modalité": MODALITY_LABELS[brick.modality],
        "Étapes": stage_span(catalogue, brick),
        "Coût / bénéficiaire": euros(brick.cost.per_beneficiary_eur),
        "Heures / bénéficiaire": hours(brick.hours_per_beneficiary),
        "Partenaires": ", ".join(catalogue.partners_by_id[p].name for p in brick.partners) or EMPTY,
    }


def _cost(brick: Brick) -> str:
    per_head, fixed = euros(brick.cost.per_beneficiary_eur), euros(brick.cost.fixed_eur)
    cost = f"{per_head} par bénéficiaire, {fixed} de coûts fixes"
    if brick.cost.inferred:
        cost += " — *estimation d'après un programme comparable*"
    if brick.cost.note:
        cost += f" ({esc(brick.cost.note)})"
    return cost


def _time(brick: Brick) -> str:
    return f"{hours(brick.hours_per_beneficiary)} par bénéficiaire"


def brick_facts_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """What a scoring form shows beside the criteria: cost, hours, stages and public, as a Markdown list.

    « Caractère abordable » is defined in euros per beneficiary: the figures must be in view.
    """
    return "\n".join(
        [
            f"- **Coût** : {_cost(brick)}",
            f"- **Temps** : {_time(brick)}",
            f"- **Étapes** : {esc(stage_span(catalogue, brick))}",
            f"- **Public** : {esc(brick.audience)}",
        ]
    )


def _bullets(items: tuple[str, ...]) -> str:
    return "\n".join(f"- {esc(item)}" for item in items) or "- (non renseigné)"


def brick_card_markdown(catalogue: Catalogue, brick: Brick) -> str:
    """The full card of a brick as Markdown."""
    programme = catalogue.programme
    phases = ", ".join(p.label for p in programme.phases if p.id in brick_phases(programme, brick))
    partners = ", ".join(esc(catalogue.partners_by_id[p].name) for p in brick.partners) or "à trouver"
    scores = " · ".join(
        f"{esc(c.label)} : **{brick.criteria[c.id]}**/{c.scale.max}"
        for c in programme.criteria
        if c.id in brick.criteria
    )
    lines = [
        f"#### {esc(brick.title)}",
        esc(brick.summary),
        f"**Volet** : {esc(programme.pillar(brick.pillar).label)} · **Modalité** : "
        f"{MODALITY_LABELS[brick.modality]} · **Phases** : {esc(phases)}",
        f"**Étapes** : {esc(stage_span(catalogue, brick))} · **Public** : {esc(brick.audience)}",
        f"**Partenaires** : {partners}",
        f"**Coût** : {_cost(brick)} · **Temps** : {_time(brick)}",
        f"**Notes de référence** : {scores or 'aucune'}",
        "**Freins levés**",
        _bullets(brick.barriers),
        "**Bonnes pratiques**",
        _bullets(brick.good_practices),
        "**Communication**",
        _bullets(brick.communication.moments + brick.communication.tools),
        "**Sources**",
        _bullets(brick.sources),
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
