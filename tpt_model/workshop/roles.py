"""Who may do what in a workshop: participants answer, the facilitator runs the rounds."""

from typing import Literal

from tpt_model.i18n import mark_
from tpt_model.workshop.errors import NotAllowed
from tpt_model.workshop.records import Role

__all__ = ["ACTIONS", "Action", "allowed", "require"]

Action = Literal[
    "answer",
    "open_round",
    "close_round",
    "reopen_round",
    "reveal_round",
    "lock_round",
    "remove_participant",
    "show_code",
    "close_workshop",
]

# What each action is, in the French sentence that refuses it.
ACTIONS: dict[Action, str] = {
    "answer": mark_("répondre dans un tour"),
    "open_round": mark_("ouvrir un tour"),
    "close_round": mark_("fermer un tour"),
    "reopen_round": mark_("rouvrir un tour"),
    "reveal_round": mark_("révéler les résultats d'un tour"),
    "lock_round": mark_("verrouiller un tour"),
    "remove_participant": mark_("retirer une participante ou un participant"),
    "show_code": mark_("afficher ou masquer le code de l'atelier"),
    "close_workshop": mark_("clore l'atelier"),
}
_ROLES: dict[Role, frozenset[Action]] = {
    "participant": frozenset({"answer"}),
    # The facilitator runs the room; she answers (if she wants to) by joining as a participant too.
    "facilitator": frozenset(ACTIONS) - {"answer"},
}


def allowed(role: Role, action: Action) -> bool:
    """Whether `role` may do `action`."""
    return action in _ROLES[role]


def require(role: Role, action: Action) -> None:
    """Raise NotAllowed, in French, unless `role` may do `action`."""
    if allowed(role, action):
        return
    if role == "participant":
        raise NotAllowed(f"Seule la personne qui anime l'atelier peut {ACTIONS[action]}.")
    raise NotAllowed(
        "La personne qui anime l'atelier ne répond pas avec son lien d'animation : "
        "pour répondre aussi, rejoignez l'atelier avec son code, comme les participantes."
    )
