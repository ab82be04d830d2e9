"""Safe reading of the pilots' YAML: positions kept, YAML 1.1 surprises and bombs refused.

Scalars are resolved by a small YAML 1.2-like rule set: only `true`/`false` are booleans and only
plain decimal numbers are numbers, so `NO`, `yes`, `on` and `1:30` stay strings.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from tpt_model.errors import Problem, field_path

MAX_BYTES = 256 * 1024
MAX_DEPTH = 8
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_PLAIN_TAGS = frozenset(
    {BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG}
)

# PyYAML's wording of the usual mistakes, said in French for the pilots.
_SYNTAX_FR = {
    "did not find expected ',' or ']'": "« , » ou « ] » attendu (liste non fermée ?)",
    "did not find expected ',' or '}'": "« , » ou « } » attendu (accolade non fermée ?)",
    "did not find expected key": "clé attendue (indentation incorrecte ?)",
    "could not find expected ':'": "« : » attendu après la clé",
    "mapping values are not allowed": "« : » inattendu ici (mettez le texte entre guillemets)",
    "did not find expected node content": "valeur attendue",
    "did not find expected '-' indicator": "« - » attendu (indentation de la liste ?)",
    "found unexpected end of stream": "fin de fichier inattendue (guillemet non fermé ?)",
    "found character that cannot start any token": "caractère interdit en début de valeur (tabulation ?)",
    "found a tab character": "tabulation interdite : indentez avec des espaces",
    "block sequence entries are not allowed": "« - » inattendu ici (indentation ?)",
    "exceeded maximum nesting depth": f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)",
    "found undefined alias": "les ancres et alias YAML (&, *) ne sont pas permis",
    "found unknown escape character": "caractère d'échappement inconnu",
    "found unexpected ':'": "« : » inattendu (mettez le texte entre guillemets)",
}

Loc = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Document:
    """A parsed YAML file: plain data plus the position of every value and key."""

    file: str
    data: Any
    positions: dict[Loc, Position] = field(default_factory=dict)
    key_positions: dict[Loc, Position] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Position:
        """Position of the deepest known node along `loc` (the key itself when `key`)."""
        if key and loc in self.key_positions:
            return self.key_positions[loc]
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.positions:
                return self.positions[loc[:end]]
        return (1, 1)

    def problem(self, loc: Loc, field_name: str, message: str, *, key: bool = False) -> Problem:
        """A problem located at `loc` in this document."""
        line, column = self.position(loc, key=key)
        return Problem(self.file, line, column, field_name, message)


class YamlFileError(Exception):
    """A file that cannot be read as catalogue YAML."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _pos(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def resolve_plain(text: str) -> Any:
    """Type of an unquoted scalar: null, true/false, int, float, or the text itself."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    return text


def _first_alias(text: str) -> Position:
    """Where the first alias of a document stands (only looked for once one was met)."""
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
            return (event.start_mark.line + 1, event.start_mark.column + 1)
    return (1, 1)


class _Builder:
    def __init__(self, file: str, text: str) -> None:
        self.text = text
        self.doc = Document(file, None)
        self.seen: set[int] = set()

    def fail(self, node: Node, field_name: str, message: str) -> NoReturn:
        line, column = _pos(node)
        raise YamlFileError(Problem(self.doc.file, line, column, field_name, message))

    def build(self, node: Node, loc: Loc, depth: int) -> Any:
        # An alias makes a node reachable twice: refusing it stops alias bombs at once.
        if id(node) in self.seen:
            line, column = _first_alias(self.text)
            raise YamlFileError(
                Problem(
                    self.doc.file,
                    line,
                    column,
                    field_path(loc),
                    "les ancres et alias YAML (&, *) ne sont pas permis",
                )
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.fail(node, field_path(loc), f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)")
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, field_path(loc), f"étiquette YAML « {node.tag} » non permise")
        self.doc.positions[loc] = _pos(node)
        if isinstance(node, ScalarNode):
            return node.value if node.style else resolve_plain(node.value)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        # The composer makes only scalars, sequences and mappings.
        return self.build_mapping(cast(MappingNode, node), loc, depth)

    def build_mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, field_path(loc), "une clé doit être un simple texte")
            key = key_node.value
            if not key_node.style and _INT.match(key):
                key = int(key)
            if key in first_seen:
                self.fail(
                    key_node,
                    field_path((*loc, key)),
                    f"clé donnée deux fois (déjà à la ligne {first_seen[key]})",
                )
            first_seen[key] = _pos(key_node)[0]
            self.doc.key_positions[(*loc, key)] = _pos(key_node)
            out[key] = self.build(value_node, (*loc, key), depth + 1)
        return out


def decode(raw: bytes, file: str) -> str:
    """UTF-8 text of a file's bytes, or a YamlFileError that says where the first bad byte is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        column = err.start - (before.rfind(b"\n") + 1) + 1
        raise YamlFileError(
            Problem(file, line, column, "(fichier)", "le fichier n'est pas encodé en UTF-8")
        ) from None


def syntax_message(reason: str) -> str:
    """French wording of a PyYAML syntax problem (the original wording when unknown)."""
    for english, french in _SYNTAX_FR.items():
        if english in reason:
            return f"YAML invalide : {french}"
    return f"YAML invalide : {reason}"


def parse_text(text: str, file: str) -> Document:
    """Parse YAML text into a located Document, or raise YamlFileError."""
    try:
        # CBaseLoader (C parser, no implicit resolvers) tags every plain scalar as a string: types
        # are resolved by `resolve_plain`.
        node = yaml.compose(text, Loader=yaml.CBaseLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = err.problem or err.context or "erreur de syntaxe"
        raise YamlFileError(Problem(file, line, column, "(syntaxe)", syntax_message(reason))) from None
    except yaml.YAMLError as err:
        raise YamlFileError(Problem(file, 1, 1, "(syntaxe)", f"YAML invalide : {err}")) from None
    except RecursionError:
        raise YamlFileError(
            Problem(file, 1, 1, "(document)", f"imbrication trop profonde (au plus {MAX_DEPTH} niveaux)")
        ) from None
    builder = _Builder(file, text)
    builder.doc.data = None if node is None else builder.build(node, (), 0)
    return builder.doc


def read_document(path: Path, file: str) -> Document:
    """Read one YAML file (size, encoding and syntax checked) into a located Document."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise YamlFileError(
                Problem(file, 1, 1, "(fichier)", f"fichier trop gros ({size // 1024} Ko, au plus 256 Ko)")
            )
        raw = path.read_bytes()
    except OSError as err:
        raise YamlFileError(Problem(file, 1, 1, "(fichier)", f"fichier illisible ({err.strerror})")) from None
    return parse_text(decode(raw, file), file)
