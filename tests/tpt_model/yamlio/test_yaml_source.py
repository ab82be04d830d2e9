"""The safe YAML reader: types resolved the YAML 1.2 way, positions kept, traps refused."""

import time

import pytest

from tpt_model.errors import YamlFileError
from tpt_model.yamlio.reader import parse_text, resolve_plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("false", False),
        ("yes", "yes"),
        ("NO", "NO"),
        ("on", "on"),
        ("off", "off"),
        ("1:30", "1:30"),
        ("12", 12),
        ("-3", -3),
        ("1.10", 1.1),
        ("0123", "0123"),
        ("~", None),
        ("null", None),
        ("", None),
        ("2024-03-08", "2024-03-08"),
        ("0x1F", "0x1F"),
    ],
)
def test_plain_scalars_resolve_without_yaml_11_surprises(text: str, expected: object) -> None:
    assert resolve_plain(text) == expected
    assert type(resolve_plain(text)) is type(expected)


def test_quoted_scalars_stay_text() -> None:
    doc = parse_text("a: \"12\"\nb: 'true'\n", "f.yaml")
    assert doc.data == {"a": "12", "b": "true"}


def test_integer_keys_for_levels_and_text_keys_otherwise() -> None:
    doc = parse_text("1: un\non: deux\n", "f.yaml")
    assert doc.data == {1: "un", "on": "deux"}


def test_positions_of_values_and_keys() -> None:
    doc = parse_text("a:\n  b: [x, y]\n", "f.yaml")
    assert doc.position(("a", "b", 1)) == (2, 10)
    assert doc.position(("a", "b"), key=True) == (2, 3)
    assert doc.position(("a", "missing")) == (2, 3)


def test_alias_bomb_is_refused_quickly() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    start = time.perf_counter()
    with pytest.raises(YamlFileError) as err:
        parse_text("\n".join(levels) + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 1, "a bomb must be stopped before it expands"
    assert "alias" in err.value.problem.message


def test_python_tags_are_refused() -> None:
    with pytest.raises(YamlFileError) as err:
        parse_text("a: !!python/object/apply:os.system [echo]\n", "f.yaml")
    assert str(err.value.problem) == (
        "f.yaml:1:4: a: étiquette YAML « tag:yaml.org,2002:python/object/apply:os.system » non permise"
    )


def test_deep_nesting_beyond_recursion_is_a_problem_not_a_crash() -> None:
    with pytest.raises(YamlFileError) as err:
        parse_text("a: " + "[" * 5000 + "]" * 5000 + "\n", "f.yaml")
    assert "imbrication trop profonde" in err.value.problem.message


def test_empty_document_is_none() -> None:
    assert parse_text("# rien\n", "f.yaml").data is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [x\n", "f.yaml:2:1: (syntaxe): YAML invalide : « , » ou « ] » attendu (liste non fermée ?)"),
        (
            "a: b: c\n",
            "f.yaml:1:5: (syntaxe): YAML invalide : « : » inattendu ici (mettez le texte entre guillemets)",
        ),
        (
            "a:\n\t- b\n",
            "f.yaml:2:1: (syntaxe): YAML invalide : caractère interdit en début de valeur (tabulation ?)",
        ),
        (
            'a: "b\n',
            "f.yaml:2:1: (syntaxe): YAML invalide : fin de fichier inattendue (guillemet non fermé ?)",
        ),
        (
            "a: *nope\n",
            "f.yaml:1:4: (syntaxe): YAML invalide : les ancres et alias YAML (&, *) ne sont pas permis",
        ),
    ],
)
def test_syntax_errors_are_said_in_french(text: str, expected: str) -> None:
    with pytest.raises(YamlFileError) as err:
        parse_text(text, "f.yaml")
    assert str(err.value.problem) == expected
