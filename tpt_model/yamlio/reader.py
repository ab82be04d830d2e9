"""Safe reading of the pilots' YAML: positions kept, YAML 1.1 surprises and bombs refused.

Scalars are resolved by a small YAML 1.2-like rule set: only `true`/`false` are booleans and only
plain decimal numbers are numbers, so `NO`, `yes`, `on` and `1:30` stay strings.
"""

import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from tpt_model.errors import Problem, YamlFileError, field_path
from tpt_model.i18n import _
from tpt_model.yamlio.files import read_file_bytes
from tpt_model.yamlio.messages import MAX_DEPTH, syntax_message, too_deep

MAX_BYTES = 256 * 1024
# Beyond this many digits a number is no cost, no hour count and no score: refused, located.
MAX_DIGITS = 15
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_PLAIN_TAGS = frozenset(
    {BaseResolver.DEFAULT_SCALAR_TAG, BaseResolver.DEFAULT_SEQUENCE_TAG, BaseResolver.DEFAULT_MAPPING_TAG}
)

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


def _pos(node: Node) -> Position:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class OutOfRange(str):
    """An unquoted number too large to be a figure of the catalogue (the reader refuses it)."""

    __slots__ = ()


# Control characters (C0 but tab and line breaks, DEL, C1) and the bidirectional overrides and
# isolates that can make a line read differently from what it holds (« Trojan Source »).
_FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def resolve_plain(text: str) -> Any:
    """Type of an unquoted scalar: null, true/false, int, float, OutOfRange, or the text itself."""
    if text in _NULLS:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.match(text):
        return int(text) if len(text.lstrip("+-")) <= MAX_DIGITS else OutOfRange(text)
    if _FLOAT.match(text):
        value = float(text)
        return value if math.isfinite(value) else OutOfRange(text)
    return text


def _out_of_range(text: str) -> str:
    shown = text[:20] + ("…" if len(text) > 20 else "")
    return _("nombre « {number} » trop grand (au plus {most} chiffres)").format(number=shown, most=MAX_DIGITS)


def forbidden_character(text: str, file: str) -> Problem | None:
    """The first control or bidirectional character of a text, located, or None when there is none."""
    found = _FORBIDDEN_CHARACTERS.search(text)
    if found is None:
        return None
    start = found.start()
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    code = f"U+{ord(found.group()):04X}"
    if found.group() in _BIDI:
        message = _("caractère de contrôle bidirectionnel interdit ({code}) : supprimez-le")
    else:
        message = _("caractère de contrôle interdit ({code}) : supprimez-le")
    return Problem(file, line, column, _("(syntaxe)"), message.format(code=code))


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
                    _("les ancres et alias YAML (&, *) ne sont pas permis"),
                )
            )
        self.seen.add(id(node))
        if depth > MAX_DEPTH:
            self.fail(node, field_path(loc), too_deep())
        if node.tag not in _PLAIN_TAGS:
            self.fail(node, field_path(loc), _("étiquette YAML « {tag} » non permise").format(tag=node.tag))
        self.doc.positions[loc] = _pos(node)
        if isinstance(node, ScalarNode):
            value = node.value if node.style else resolve_plain(node.value)
            if isinstance(value, OutOfRange):
                self.fail(node, field_path(loc), _out_of_range(value))
            return value
        if isinstance(node, SequenceNode):
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        # The composer makes only scalars, sequences and mappings.
        return self.build_mapping(cast(MappingNode, node), loc, depth)

    def build_mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        first_seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.fail(key_node, field_path(loc), _("une clé doit être un simple texte"))
            key = key_node.value
            if not key_node.style and _INT.match(key):
                key = resolve_plain(key)
                if isinstance(key, OutOfRange):
                    self.fail(key_node, field_path(loc), _out_of_range(key))
            if key in first_seen:
                self.fail(
                    key_node,
                    field_path((*loc, key)),
                    _("clé donnée deux fois (déjà à la ligne {line})").format(line=first_seen[key]),
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
            Problem(file, line, column, _("(fichier)"), _("le fichier n'est pas encodé en UTF-8"))
        ) from None


def parse_text(text: str, file: str) -> Document:
    """Parse YAML text into a located Document, or raise YamlFileError."""
    forbidden = forbidden_character(text, file)
    if forbidden is not None:
        raise YamlFileError(forbidden)
    try:
        # CBaseLoader (C parser, no implicit resolvers) tags every plain scalar as a string: types
        # are resolved by `resolve_plain`.
        node = yaml.compose(text, Loader=yaml.CBaseLoader)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = syntax_message(err.problem, err.context)
        raise YamlFileError(Problem(file, line, column, _("(syntaxe)"), message)) from None
    except yaml.YAMLError as err:  # the reader's errors carry no mark, only their reason
        raise YamlFileError(Problem(file, 1, 1, _("(syntaxe)"), syntax_message(str(err)))) from None
    except RecursionError:
        raise YamlFileError(Problem(file, 1, 1, "(document)", too_deep())) from None
    builder = _Builder(file, text)
    builder.doc.data = None if node is None else builder.build(node, (), 0)
    return builder.doc


def read_document(path: Path, file: str, root: Path | None = None) -> Document:
    """Read one YAML file (kind, place, size, encoding and syntax checked) into a located Document.

    With `root` (resolved), a file that resolves outside that folder (through a link) is refused unread.
    """
    return parse_text(decode(read_file_bytes(path, file, root, MAX_BYTES), file), file)
