"""The one typed state root of a browser session (kept under a single session key)."""

from contextlib import suppress

from pydantic import BaseModel, ConfigDict

from tpt_model.catalogue.search import BrickFilter
from tpt_model.errors import InputError
from tpt_model.evaluation.form import check_evaluator
from tpt_model.i18n import DEFAULT_LANGUAGE, Language
from tpt_model.session.catalogue_edit import EditorView
from tpt_model.session.evaluation import EvaluationView
from tpt_model.session.export import ExportView
from tpt_model.session.frise import FriseView
from tpt_model.session.library import LibraryView
from tpt_model.session.workshop import WorkshopView


class CatalogueView(BaseModel):
    """What the catalogue page shows: the filter and the brick whose card is open."""

    filter: BrickFilter = BrickFilter()
    selected: str | None = None

    def refine(self, **changes: object) -> None:
        """Change some criteria of the filter, the others kept."""
        self.filter = BrickFilter.model_validate({**self.filter.model_dump(), **changes})


class AppState(BaseModel):
    """Everything a session remembers across pages and reruns."""

    model_config = ConfigDict(validate_assignment=True)

    author: str = ""
    # The address's (`?lang=en`) when the session starts, then the one chosen in the sidebar.
    language: Language = DEFAULT_LANGUAGE
    name_asked: bool = False  # the name is asked once per browser session, then only in the sidebar
    # The session's random token in the page's address (see session/address.py), once it has one.
    token: str | None = None
    address_read: bool = False  # the address is read once, when the session starts
    # The browser said it is a phone: the frise opens in its phone view unless the address names one.
    phone: bool = False
    # The name and scenario last written to the sessions table under the token.
    kept: tuple[str, str | None] | None = None
    catalogue: CatalogueView = CatalogueView()
    editor: EditorView = EditorView()  # the pilots' editing of the catalogue files
    frise: FriseView = FriseView()
    evaluation: EvaluationView = EvaluationView()
    scenarios: LibraryView = LibraryView()
    export: ExportView = ExportView()
    workshop: WorkshopView = WorkshopView()

    def set_author(self, name: str) -> None:
        """The name typed in the sidebar, without the spaces around it."""
        self.author = name.strip()

    def answer_name(self, name: str) -> None:
        """The answer to the question « Qui êtes-vous ? » (empty: later); it is not asked again."""
        self.set_author(name)
        self.name_asked = True

    def set_evaluator(self, name: str) -> None:
        """The name typed to score under; it also answers « Qui êtes-vous ? » while the session has no name.

        The name is asked once: whichever field gets it first, the other one shows it.
        """
        self.evaluation.evaluator = name
        if self.author:
            return
        with suppress(InputError):  # a refused name is said beside the field: the question stays open
            self.answer_name(check_evaluator(name))
