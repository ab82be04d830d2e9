"""Finding bricks in the catalogue: by pillar, phase, modality, partner and free text, best match first."""

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.brick import Brick
from tpt_model.catalogue.catalogue import Catalogue
from tpt_model.catalogue.programme import Programme
from tpt_model.text import fold


class BrickFilter(BaseModel):
    """What the user asked for; an empty criterion lets everything through."""

    model_config = ConfigDict(frozen=True)

    pillars: tuple[str, ...] = ()
    phases: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    partners: tuple[str, ...] = ()
    text: str = ""


def brick_phases(programme: Programme, brick: Brick) -> tuple[str, ...]:
    """Ids of the phases a brick's stage range touches, in journey order."""
    index = programme.stage_index
    first, last = index[brick.stages.from_stage], index[brick.stages.to_stage]
    return tuple(dict.fromkeys(programme.stages[i].phase for i in range(first, last + 1)))


def matches(programme: Programme, brick: Brick, wanted: BrickFilter, haystack: str | None = None) -> bool:
    """Whether a brick passes the filter."""
    if wanted.pillars and brick.pillar not in wanted.pillars:
        return False
    if wanted.modalities and brick.modality not in wanted.modalities:
        return False
    if wanted.partners and not set(brick.partner_ids) & set(wanted.partners):
        return False
    if wanted.phases and not set(brick_phases(programme, brick)) & set(wanted.phases):
        return False
    words = fold(wanted.text).split()
    if not words:
        return True
    text = haystack if haystack is not None else brick.search_text()
    return all(word in text for word in words)


def relevance(brick: Brick, text: str) -> int:
    """How well a brick answers the words of `text` (accents and case ignored), best first.

    0: every word is in the brick's names, its title or its short title; 1: every word is in the
    names or the summary; 2: elsewhere (audience, barriers, good practices, id). The short title
    counts as a name: titles are actions (« Mentorer… »), a room knows the brick by the label of its
    bar (« Mentorat JobIRL (6 mois) »).
    """
    words = fold(text).split()
    title = fold(f"{brick.title} {brick.short_title} {brick.title_en or ''}")
    if all(word in title for word in words):
        return 0
    summary = fold(f"{brick.summary} {brick.summary_en or ''}")
    return 1 if all(word in title or word in summary for word in words) else 2


def filter_bricks(catalogue: Catalogue, wanted: BrickFilter) -> list[Brick]:
    """The catalogue's bricks that pass the filter (a shared list: do not change it).

    With words to look for, the bricks whose names hold them come first, then those whose summary
    does (see `relevance`), each group in catalogue order; without words, catalogue order.
    """
    if wanted == BrickFilter():
        return list(catalogue.bricks)
    texts = catalogue.search_texts

    def found() -> list[Brick]:
        kept = [b for b in catalogue.bricks if matches(catalogue.programme, b, wanted, texts[b.id])]
        return sorted(kept, key=lambda b: relevance(b, wanted.text)) if wanted.text.strip() else kept

    return catalogue.memo.get(("bricks", wanted), found)
