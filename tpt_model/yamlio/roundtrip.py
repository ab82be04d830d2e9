"""Round-trip writing of a pilot's YAML (ruamel.yaml): her comments, key order, quoting and layout kept.

A change is applied as a merge of new plain values into the document ruamel read: what did not
change keeps its node (quotes, number formatting, flow or block style, comments), keys she wrote
stay where they were, and a key she did not write appears only when it says something (its value
differs from the model's default). Texts are first read by `reader` (the safe, located reader);
ruamel only ever sees a document that reader accepted.
"""

import difflib
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedBase, CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from tpt_model.yamlio.reader import resolve_plain

# No folding of long texts: a pilot's summary stays on its one line.
_WIDTH = 1_000_000
# Ids, numbers in words, web addresses: written unquoted, as pilots write them.
_PLAIN_WORD = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_./:+@-]*$")
# Short unquoted items make a flow list (`[gt1, gt2]`); anything longer goes one item a line.
_FLOW_MAX = 60
# Characters that would make an unquoted text mean something else somewhere: quoted instead.
_UNSAFE_PLAIN = re.compile(r"[:#,\[\]{}&*!|>'\"%@`\\]|^\s|\s$")


@dataclass(frozen=True)
class Layout:
    """The indentation of a file: of nested mappings, of sequence items, and of their dash."""

    mapping: int = 2
    sequence: int = 4
    offset: int = 2


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the key of a line starts (after the dash of a list item holding a mapping)."""
    body = line.lstrip(" ")
    if body.startswith("- "):
        return _indent(line) + 1 + _indent(body[1:])
    return _indent(line)


def _content_lines(text: str) -> list[str]:
    lines = [line.split(" #", 1)[0].rstrip() for line in text.splitlines()]
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def guess_layout(text: str) -> Layout:
    """The indentation the file uses (the shipped one, 2 / 4 / 2, when it shows none)."""
    mapping = sequence = offset = None
    lines = _content_lines(text)
    for line, following in zip(lines, lines[1:], strict=False):
        if not line.endswith(":"):
            continue  # only a key alone on its line opens a nested block
        parent = _key_column(line)
        body = following.lstrip(" ")
        if body.startswith("- ") and sequence is None and _indent(following) >= parent:
            dash = _indent(following)
            offset, sequence = dash - parent, dash + 1 + _indent(body[1:]) - parent
        elif not body.startswith("- ") and mapping is None and _indent(following) > parent:
            mapping = _indent(following) - parent
        if mapping is not None and sequence is not None:
            break
    default = Layout()
    return Layout(
        mapping=mapping or default.mapping,
        sequence=sequence or default.sequence,
        offset=offset if offset is not None else default.offset,
    )


def _yaml(layout: Layout) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = _WIDTH
    yaml.indent(mapping=layout.mapping, sequence=layout.sequence, offset=layout.offset)
    return yaml


def load_roundtrip(text: str) -> Any:
    """The document as ruamel reads it for a round trip (only call it on text `reader` accepted)."""
    return _yaml(guess_layout(text)).load(text)


def dump_roundtrip(data: Any, layout: Layout = Layout(), *, crlf: bool = False) -> str:
    """YAML text of a round-trip document with this layout."""
    out = io.StringIO()
    _yaml(layout).dump(data, out)
    text = out.getvalue()
    return text.replace("\n", "\r\n") if crlf else text


def keeps_layout(text: str) -> bool:
    """Whether reading and writing the file back unchanged gives the very same text."""
    plain = text.replace("\r\n", "\n")
    return dump_roundtrip(load_roundtrip(plain), guess_layout(plain), crlf="\r\n" in text) == text


def same_value(a: Any, b: Any) -> bool:
    """Equal as data: numbers by value (400 is 400.0), but a boolean is never a number."""
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    return type(a) is type(b) and a == b if not isinstance(a, str) else isinstance(b, str) and a == b


def rewrite(text: str, old: Any, full: Any, minimal: Any) -> str:
    """The text with its data changed from `old` (what `reader` read) to `full`.

    `minimal` is `full` without the values equal to the model's defaults: a key the file lacks is
    added only when `minimal` has it. Nothing changed, nothing rewritten: the text comes back as is.
    """
    if same_value(old, full):
        return text
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")  # ruamel would keep the `\r` inside comments
    layout = guess_layout(text)
    document = _yaml(layout).load(text)
    merged = _merge(document, old, full, minimal)
    return dump_roundtrip(merged, layout, crlf=crlf)


def new_text(header: str, minimal: dict[str, Any]) -> str:
    """A new file: the `header` line(s) then `minimal` in its own key order, in the shipped style."""
    return header + dump_roundtrip(_fresh(minimal))


# ---------------------------------------------------------------- merging


def _merge(node: Any, old: Any, full: Any, minimal: Any) -> Any:
    if same_value(old, full):
        return node
    if isinstance(node, CommentedMap) and isinstance(full, dict) and isinstance(old, dict):
        return _merge_map(node, old, full, minimal if isinstance(minimal, dict) else {})
    if isinstance(node, CommentedSeq) and isinstance(full, list | tuple) and isinstance(old, list) and old:
        return _merge_seq(node, old, list(full), list(minimal) if isinstance(minimal, list | tuple) else None)
    return _scalar_like(node, full)


def _merge_map(node: CommentedMap, old: dict[str, Any], full: dict[str, Any], minimal: dict[str, Any]) -> Any:
    for key in list(node.keys()):
        value = full.get(key)
        if key not in full or (value is None and not same_value(old.get(key), None)):
            _delete_key(node, key)
            continue
        before = node[key]
        node[key] = _merge(before, old.get(key), value, minimal.get(key))
        _follow_comment(node, key, before, node[key])
    order = list(full)
    for key in minimal:
        if key in node:
            continue
        before = [k for k in order[: order.index(key)] if k in node] if key in order else list(node)
        position = list(node).index(before[-1]) + 1 if before else 0
        node.insert(position, key, _fresh(minimal[key]))
    return node


def _item_key(value: Any) -> str:
    """A text that stands for an item, to match old and new items of a list."""
    return repr(_plain(value))


def _plain(value: Any) -> Any:
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, dict):
        return tuple(sorted((str(k), _plain(v)) for k, v in value.items()))
    return tuple(_plain(v) for v in value)


def _merge_seq(node: CommentedSeq, old: list[Any], full: list[Any], minimal: list[Any] | None) -> Any:
    minimal = minimal if minimal is not None and len(minimal) == len(full) else full
    last = len(node) - 1
    tail = _trailing_comment(node, last) if last >= 0 else None
    last_kept = True
    matcher = difflib.SequenceMatcher(None, [_item_key(v) for v in old], [_item_key(v) for v in full], False)
    for tag, i1, i2, j1, j2 in reversed(matcher.get_opcodes()):
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1)
        if i2 - 1 == last and i2 - i1 > paired:
            last_kept = False
        for k in reversed(range(i1 + paired, i2)):
            del node[k]
        for k in range(j1 + paired, j2):
            node.insert(i1 + k - j1, _fresh_among(node, minimal[k]))
        for k in range(paired):
            before = node[i1 + k]
            node[i1 + k] = _merge(before, old[i1 + k], full[j1 + k], minimal[j1 + k])
            _follow_comment(node, i1 + k, before, node[i1 + k])
    if not last_kept and tail is not None and node:
        _attach_trailing(node, len(node) - 1, tail)
    if not node and node.fa.flow_style() is False:
        node.fa.set_flow_style()  # an empty list is written `[]`
    return node


def _scalar_like(node: Any, value: Any) -> Any:
    """The new value, written in the style of the node it replaces when it is a text."""
    if isinstance(value, str) and isinstance(node, ScalarString):
        return type(node)(value)
    if isinstance(value, str) and isinstance(node, str) and _plain_ok(value):
        return value
    return _fresh(value)


def _fresh_among(siblings: CommentedSeq, value: Any) -> Any:
    """A new list item written like the texts already in the list (bare, or in their quotes)."""
    texts = [item for item in siblings if isinstance(item, str)]
    if not isinstance(value, str) or not texts:
        return _fresh(value)
    styled = [item for item in texts if isinstance(item, ScalarString)]
    if styled:
        return type(styled[0])(value)
    return value if _plain_ok(value) else _fresh(value)


def _plain_ok(text: str) -> bool:
    """Whether a text can go unquoted, anywhere (flow lists included), and read back as itself."""
    resolved = resolve_plain(text)
    return (
        isinstance(resolved, str)
        and resolved == text
        and text == text.strip()
        and _UNSAFE_PLAIN.search(text) is None
        and not text.startswith(("-", "?"))
    )


def _fresh(value: Any) -> Any:
    """A new node in the shipped style: ids and addresses bare, texts in double quotes, short flow lists."""
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = _fresh(item)
        return mapping
    if isinstance(value, list | tuple):
        seq = CommentedSeq(_fresh(item) for item in value)
        words = all(isinstance(item, str) and _PLAIN_WORD.match(item) for item in value)
        seq.fa.set_flow_style() if words and len(", ".join(value)) <= _FLOW_MAX else seq.fa.set_block_style()
        return seq
    if isinstance(value, str):
        bare = _PLAIN_WORD.match(value) and resolve_plain(value) == value
        return value if bare else DoubleQuotedScalarString(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


# ---------------------------------------------------------------- comments of removed entries
# ruamel keeps the comment lines that follow an entry on that entry: removing it would drop them.


def _trailing_comment(container: CommentedMap | CommentedSeq, key: Any) -> str | None:
    """The comment lines after an entry's own line (a blank line, a section heading), if any."""
    slot = 0 if isinstance(container, CommentedSeq) else 2
    entry = container.ca.items.get(key)
    token = entry[slot] if entry and len(entry) > slot else None
    if not isinstance(token, CommentToken) or "\n" not in token.value:
        return None
    rest = token.value.split("\n", 1)[1]
    return rest or None


def _attach_trailing(container: CommentedMap | CommentedSeq, key: Any, tail: str) -> None:
    slot = 0 if isinstance(container, CommentedSeq) else 2
    if isinstance(container[key], CommentedBase):
        return  # the lines after a nested block belong to its last item: not worth guessing
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    token = entry[slot]
    if isinstance(token, CommentToken):
        token.value = token.value + tail
    else:
        entry[slot] = CommentToken("\n" + tail, CommentMark(0), None)


def _width(value: Any) -> int | None:
    """How many characters a scalar takes on its line (None for a nested block)."""
    if isinstance(value, CommentedBase):
        return None
    if isinstance(value, DoubleQuotedScalarString):
        return len(json.dumps(str(value), ensure_ascii=False))
    if isinstance(value, ScalarString) and type(value).__name__ == "SingleQuotedScalarString":
        return len(value.replace("'", "''")) + 2
    if isinstance(value, bool):
        return len(str(value).lower())
    return len(str(value))


def _follow_comment(container: CommentedMap | CommentedSeq, key: Any, before: Any, after: Any) -> None:
    """Keep an end-of-line comment at the same distance from a value whose length changed."""
    slot = 0 if isinstance(container, CommentedSeq) else 2
    entry = container.ca.items.get(key)
    token = entry[slot] if entry and len(entry) > slot else None
    old_width, new_width = _width(before), _width(after)
    if not isinstance(token, CommentToken) or old_width is None or new_width is None:
        return
    if not token.value.lstrip(" ").startswith("#"):
        return  # no comment on the value's own line
    column = max(0, token.start_mark.column + new_width - old_width)
    entry[slot] = CommentToken(token.value, CommentMark(column), None)


def _delete_key(node: CommentedMap, key: str) -> None:
    keys = list(node)
    tail = _trailing_comment(node, key)
    del node[key]
    node.ca.items.pop(key, None)
    position = keys.index(key)
    if tail is not None and position > 0:
        _attach_trailing(node, keys[position - 1], tail)
