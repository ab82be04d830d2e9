"""Refusals of the workshop's rules, each with a French message the page shows as is."""

from tpt_model.errors import InputError
from tpt_model.i18n import _, n_

__all__ = [
    "NotAllowed",
    "RateLimited",
    "WorkshopRefusal",
    "WrongCode",
    "WrongSecret",
    "WrongToken",
]


class WorkshopRefusal(InputError):  # noqa: N818 (a refusal, said to the user, not a fault)
    """An action the workshop's rules refuse (a closed round, a closed workshop, a name taken…)."""


class NotAllowed(WorkshopRefusal):
    """The role of the pass does not allow this action."""


class WrongCode(WorkshopRefusal):
    """No open workshop has this join code."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Ce code ne correspond à aucun atelier ouvert. Vérifiez-le sur l'écran projeté "
                "(six caractères, sans O ni I) ; un atelier clos n'accepte plus personne."
            )
        )


class WrongSecret(WorkshopRefusal):
    """The facilitator's secret given is not this workshop's."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Ce lien d'animation n'est pas (ou plus) valable pour cet atelier : seule la personne qui "
                "l'a ouvert a le bon lien. Vous pouvez le rejoindre comme participante avec son code."
            )
        )


class WrongToken(WorkshopRefusal):
    """The participant's token is unknown, or she was removed from the workshop."""

    def __init__(self, removed: bool = False) -> None:
        self.removed = removed
        super().__init__(
            _(
                "L'animatrice ou l'animateur vous a retiré de cet atelier : vos réponses des tours en cours "
                "ne comptent plus."
            )
            if removed
            else _("Ce lien de participation n'est pas reconnu : rejoignez l'atelier avec son code.")
        )


class RateLimited(WorkshopRefusal):
    """Too many wrong codes or secrets from this place: wait before trying again."""

    def __init__(self, wait_seconds: int) -> None:
        self.wait_seconds = wait_seconds
        minutes = max(1, -(-wait_seconds // 60))
        super().__init__(
            n_(
                "Trop d'essais erronés depuis cet appareil : réessayez dans {minutes} minute.",
                "Trop d'essais erronés depuis cet appareil : réessayez dans {minutes} minutes.",
                minutes,
            ).format(minutes=minutes)
        )
