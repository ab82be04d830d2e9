"""A database that fails during a frise change: a French message, the frise unchanged, the change kept."""

import pytest
from helpers import app_test

from tpt_model.store.errors import StoreBusyError
from tpt_model.store.scenarios import ScenarioStore
from tpt_model.text import escape_markdown
from ui.state import STATE_KEY

pytestmark = pytest.mark.usefixtures("isolated_app")


def test_a_locked_database_keeps_the_change_to_try_again(monkeypatch: pytest.MonkeyPatch) -> None:
    at = app_test().run()
    frise = at.session_state[STATE_KEY].frise
    before = frise.scenario
    real_save = ScenarioStore.save

    def locked(*_args: object, **_kwargs: object) -> object:
        raise StoreBusyError()

    monkeypatch.setattr(ScenarioStore, "save", locked)
    at.selectbox(key="frise_selected").set_value(0).run()
    at.button(key="frise_duplicate").click().run()
    assert not at.exception, at.exception
    frise = at.session_state[STATE_KEY].frise
    assert frise.scenario == before, "the frise shows what the database holds"
    [error] = at.error
    assert error.value.startswith(escape_markdown("Votre changement n'a pas été enregistré"))
    assert escape_markdown("Votre changement est gardé") in error.value
    assert len(frise.pending.editor.scenario.placements) == len(before.placements) + 1

    monkeypatch.setattr(ScenarioStore, "save", real_save)  # the lock is released
    at.button(key="frise_retry").click().run()
    frise = at.session_state[STATE_KEY].frise
    assert not at.error
    assert len(frise.scenario.placements) == len(before.placements) + 1
    assert frise.pending is None and frise.conflict is None and frise.version == 2
