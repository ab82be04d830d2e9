"""Hostile YAML text: every syntax problem in French at its real place, out-of-range numbers located."""

from pathlib import Path

import pytest

from tpt_model import Catalogue
from tpt_model.cli.main import main
from tpt_model.errors import ProblemsError, YamlFileError
from tpt_model.scenario.files import parse_scenario
from tpt_model.yamlio.messages import SYNTAX_FR, UNKNOWN_SYNTAX, syntax_message
from tpt_model.yamlio.reader import parse_text


def problem_of(text: str) -> str:
    with pytest.raises(YamlFileError) as caught:
        parse_text(text, "f.yaml")
    return str(caught.value.problem)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("id: a\x00b\n", "f.yaml:1:6: (syntaxe): caractère de contrôle interdit (U+0000) : supprimez-le"),
        (
            "id: ok\ntitle: a\x1bb\n",
            "f.yaml:2:9: (syntaxe): caractère de contrôle interdit (U+001B) : supprimez-le",
        ),
        ("a: x\x7fy\n", "f.yaml:1:5: (syntaxe): caractère de contrôle interdit (U+007F) : supprimez-le"),
        (
            "a: 1\nb: x\x85y\n",
            "f.yaml:2:5: (syntaxe): caractère de contrôle interdit (U+0085) : supprimez-le",
        ),
        (
            "title: admin\u202e txt.exe\n",
            "f.yaml:1:13: (syntaxe): caractère de contrôle bidirectionnel interdit (U+202E) : supprimez-le",
        ),
        (
            "id: a\n---\nid: b\n",
            "f.yaml:2:1: (syntaxe): YAML invalide : un seul document attendu par fichier (retirez le « --- » en trop)",
        ),
        (
            'id: "a\\qb"\n',
            "f.yaml:1:7: (syntaxe): YAML invalide : caractère d'échappement inconnu (doublez la barre : « \\\\ »)",
        ),
        (
            'a: "\\ud800"\n',
            "f.yaml:1:7: (syntaxe): YAML invalide : code de caractère invalide après « \\u » ou « \\U »",
        ),
        (
            "%YAML 2.0\n---\na: 1\n",
            "f.yaml:1:1: (syntaxe): YAML invalide : version de YAML non prise en charge (seule 1.x l'est)",
        ),
    ],
)
def test_syntax_problems_are_french_and_located(text: str, expected: str) -> None:
    assert problem_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "cost:\n  fixed_eur: " + "9" * 5000 + "\n",
            "f.yaml:2:14: cost.fixed_eur: nombre « 99999999999999999999… » trop grand (au plus 15 chiffres)",
        ),
        ("a: 1.5e999\n", "f.yaml:1:4: a: nombre « 1.5e999 » trop grand (au plus 15 chiffres)"),
        (
            "levels:\n  " + "1" * 30 + ": x\n",
            "f.yaml:2:3: levels: nombre « 11111111111111111111… » trop grand (au plus 15 chiffres)",
        ),
    ],
)
def test_out_of_range_numbers_are_located_problems(text: str, expected: str) -> None:
    assert problem_of(text) == expected


def test_numbers_up_to_fifteen_digits_and_quoted_digits_are_kept() -> None:
    doc = parse_text('a: 999999999999999\nb: "' + "9" * 40 + '"\n', "f.yaml")
    assert doc.data == {"a": 999_999_999_999_999, "b": "9" * 40}


# Every problem and context libyaml (0.2.5) and PyYAML's composer can report.
LIBYAML_MESSAGES = [
    "block sequence entries are not allowed in this context",
    "mapping keys are not allowed in this context",
    "mapping values are not allowed in this context",
    "found unexpected end of stream",
    "found unexpected document indicator",
    "found character that cannot start any token",
    "found a tab character that violates indentation",
    "found a tab character where an indentation space is expected",
    "found an indentation indicator equal to 0",
    "found unknown escape character",
    "found invalid Unicode character escape code",
    "found undefined tag handle",
    "found unknown directive name",
    "found unexpected non-alphabetical character",
    "found extremely long version number",
    "found incompatible YAML document",
    "found duplicate %YAML directive",
    "found duplicate %TAG directive",
    "found undefined alias",
    "found duplicate anchor; first occurrence",
    "found unexpected ':'",
    "found an incorrect leading UTF-8 octet",
    "found an incorrect trailing UTF-8 octet",
    "could not find expected ':'",
    "could not find expected directive name",
    "did not find expected key",
    "did not find expected node content",
    "did not find expected '-' indicator",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
    "did not find expected <document start>",
    "did not find expected <stream-start>",
    "did not find expected comment or line break",
    "did not find expected whitespace or line break",
    "did not find expected whitespace",
    "did not find expected version number",
    "did not find expected digit or '.' character",
    "did not find expected alphabetic or numeric character",
    "did not find expected tag URI",
    "did not find expected '!'",
    "did not find the expected '>'",
    "did not find URI escaped octet",
    "did not find expected hexdecimal number",
    "control characters are not allowed",
    "invalid Unicode character",
    "incomplete UTF-8 octet sequence",
    "invalid leading UTF-8 octet",
    "invalid trailing UTF-8 octet",
    "invalid length of a UTF-8 sequence",
    "incomplete UTF-16 character",
    "incomplete UTF-16 surrogate pair",
    "unexpected low surrogate area",
    "expected low surrogate area",
    "but found another document",
    "expected a single document in the stream",
    "block collection start",
    "exceeded maximum nesting depth",
]


@pytest.mark.parametrize("english", LIBYAML_MESSAGES)
def test_every_parser_message_has_a_french_wording(english: str) -> None:
    assert any(key in english for key in SYNTAX_FR)
    assert syntax_message(english) != f"YAML invalide : {UNKNOWN_SYNTAX}"


def test_an_unknown_parser_message_is_still_french() -> None:
    assert syntax_message("something new happened", None) == f"YAML invalide : {UNKNOWN_SYNTAX}"


def test_the_validator_reports_a_huge_number_and_exits_1(
    catalogue_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brick = catalogue_dir / "bricks" / "mentorat.yaml"
    text = brick.read_text(encoding="utf-8")
    brick.write_text(
        text.replace("hours_per_beneficiary: ", "hours_per_beneficiary: 9" + "9" * 5000 + "\n#"), "utf-8"
    )
    assert main(["validate", str(catalogue_dir)]) == 1
    out = capsys.readouterr().out
    assert "bricks/mentorat.yaml:" in out and "trop grand (au plus 15 chiffres)" in out
    assert "Traceback" not in out


def test_a_scenario_import_with_a_huge_number_is_a_located_problem(test_catalogue: Catalogue) -> None:
    with pytest.raises(ProblemsError) as caught:
        parse_scenario(
            "name: x\nplacements:\n  - brick: mentorat\n    start: {stage: seconde, month: "
            + "1" * 5000
            + "}\n",
            "import.yaml",
            test_catalogue,
        )
    assert [str(p) for p in caught.value.problems] == [
        "import.yaml:4:36: placements[0].start.month: nombre « 11111111111111111111… » trop grand (au plus 15 chiffres)"
    ]
