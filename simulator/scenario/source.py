"""Reading a scenario file's YAML safely, remembering where every value came from.

A scenario file comes from a trainer's editor, an e-mail attachment or a
shared drive; it may be truncated, binary, hostile or simply written with
tabs. This module turns bytes into plain data (dicts, lists, numbers, text)
and a map from each field's path (``reps.2.skills``) to its line and column,
or into a :class:`Problem` that says in plain words what is wrong. Limits are
checked before anything is built, so a huge, deeply nested or alias-bomb
file is refused quickly with bounded memory. Only plain YAML is accepted:
tags such as ``!!python/object`` are refused, never executed.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import yaml

from ..files import too_large

MAX_BYTES = 1_000_000  # a large scenario is ~50 kB
MAX_DEPTH = 40  # nesting of mappings and lists
MAX_NODES = 200_000  # values after expanding every alias


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML, read the way editors read it (YAML 1.2's plain values).

    libyaml's parser when PyYAML was built with it (the wheels are): the same
    safe subset of YAML, several times faster. Plain values follow YAML 1.2,
    as editors' schema checks do: only ``true``/``false`` are booleans
    (``yes``, ``no``, ``on``, ``off`` are text), ``2e6`` is a number, and
    YAML 1.1's other numbers (``2_6``, ``0b11010``, ``190:20:30``) are text.
    """


_YAML_1_1 = {"tag:yaml.org,2002:" + t for t in ("bool", "int", "float")}
Loader.yaml_implicit_resolvers = {
    first: [r for r in resolvers if r[0] not in _YAML_1_1]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
# numbers as YAML 1.2 writes them: YAML 1.1's other forms are text, not numbers read some
# other way (190:20:30.15 was the number 685230.15, 0b11010 and 2_6 were 26, 012 was 10)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:int",
    re.compile(r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"),
    list("-+0123456789"),
)
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+.0123456789"),
)


def _int_1_2(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """A YAML 1.2 integer: decimal (a leading zero is no octal), or 0x hexadecimal."""
    text = loader.construct_scalar(node)
    return int(text, 16) if text.startswith("0x") else int(text, 10)


def _guarded(build: Any, what: str) -> Any:
    """``build`` for one kind of scalar, a value it cannot make (an impossible date, a
    tag on a word it does not fit, an integer of thousands of digits) refused where
    it stands, in words, instead of Python's own error."""

    def guarded(loader: Any, node: yaml.ScalarNode) -> Any:
        try:
            return build(loader, node)
        except (ValueError, TypeError, AttributeError, OverflowError):
            text = str(node.value)
            shown = text if len(text) <= 40 else text[:40] + "…"
            raise yaml.constructor.ConstructorError(
                None, None, f"{shown!r} is not {what}", node.start_mark
            ) from None

    return guarded


class Constructor(yaml.constructor.SafeConstructor):
    """Builds a document's data from its nodes, its integers as YAML 1.2 reads them."""


_SAFE = yaml.constructor.SafeConstructor
for _tag, _build, _what in (
    ("int", _int_1_2, "a whole number"),
    ("float", _SAFE.construct_yaml_float, "a number"),
    ("timestamp", _SAFE.construct_yaml_timestamp, "a date"),
):
    Constructor.add_constructor(f"tag:yaml.org,2002:{_tag}", _guarded(_build, _what))
    Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _guarded(_build, _what))
LOADER = Loader
PLAIN_TAGS = frozenset(
    "tag:yaml.org,2002:" + t
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "merge", "timestamp")
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario, located as precisely as we can."""

    source: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.source or "<scenario>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.field + ': ' if self.field else ''}{self.message}"


@dataclass(frozen=True)
class Mark:
    """Where a field is: file, 1-based line and column."""

    source: str
    line: int
    column: int


class SourceError(Exception):
    """The file cannot be read as scenario YAML at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _fail(source: str, message: str, mark: Any = None, field: str = "") -> SourceError:
    line = mark.line + 1 if mark is not None else None
    col = mark.column + 1 if mark is not None else None
    return SourceError(Problem(source, line, col, field, message))


def decode(raw: bytes, source: str) -> str:
    """Bytes to text, or a plain-words reason why they are not a text file."""
    if len(raw) > MAX_BYTES:
        raise _fail(source, too_large(len(raw), MAX_BYTES, "scenario files"))
    if not raw.strip():
        raise SourceError(Problem(source, 1, 1, "", "the file is empty"))
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # (before UTF-16's)
        raise SourceError(
            Problem(source, 1, 1, "", "the file is UTF-32 text; save it as UTF-8 instead")
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(
            Problem(source, 1, 1, "", "the file is UTF-16 text; save it as UTF-8 instead")
        )
    if _utf16_without_mark(raw):
        raise SourceError(
            Problem(
                source,
                1,
                1,
                "",
                "the file looks like UTF-16 text (without its byte-order mark); "
                "save it as UTF-8 instead",
            )
        )
    if b"\x00" in raw:
        raise SourceError(
            Problem(source, None, None, "", "this is binary data, not a YAML text file")
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise SourceError(
            Problem(
                source,
                line,
                col,
                "",
                f"not UTF-8 text (byte 0x{raw[e.start]:02x}); save the file as UTF-8",
            )
        ) from None
    return text


def _utf16_without_mark(raw: bytes) -> bool:
    """Text saved as UTF-16 with no byte-order mark: most of its ASCII characters come
    with a NUL beside them, all on the same side (odd or even bytes)."""
    head = raw[:4096]
    if len(head) < 8:
        return False
    even, odd = head[0::2], head[1::2]
    for nul, text in ((even, odd), (odd, even)):
        if nul.count(0) > 0.6 * len(nul) and text.count(0) < 0.1 * len(text):
            return True
    return False


def _at(text: str, mark: Any) -> str:
    """The character a parser mark points at ('' past the end)."""
    if mark is None:
        return ""
    lines = text.split("\n")
    if mark.line >= len(lines):
        return ""
    line = lines[mark.line]
    return line[mark.column] if mark.column < len(line) else ""


def _yaml_problem(e: yaml.YAMLError, source: str, text: str) -> SourceError:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    problem = getattr(e, "problem", None) or str(e).splitlines()[0]
    if "nesting depth" in problem:
        problem = f"nested more than {MAX_DEPTH} levels deep; a scenario needs far fewer"
    elif "'\\t'" in problem or "\t" in problem or _at(text, mark) == "\t":
        problem = "a tab character here: YAML indents with spaces only"
    elif "could not determine a constructor" in problem:
        problem = "this tag is not allowed: scenario files hold plain data only"
    elif (plain := _plain_yaml(problem)) is not None:
        # the parser's words are about its own workings: said as what to look at, with
        # them after for whoever knows YAML
        words, at_key = plain
        cmark = getattr(e, "context_mark", None)
        if at_key and cmark is not None:  # the line the field began on, not the next one
            mark = cmark
        problem = f"not valid YAML: {words} (the parser: {problem})"
    else:
        problem = f"not valid YAML: {problem}"
        context = getattr(e, "context", None)
        cmark = getattr(e, "context_mark", None)
        if context and cmark is not None and cmark is not mark:
            problem += f" ({context} that starts on line {cmark.line + 1})"
    return _fail(source, problem, mark)


# the parser's commonest complaints in a hand-written file, as what to look at; and
# whether the place to look is where the field began (the parser noticed a line later)
_YAML_WORDS = (
    (
        "mapping values are not allowed",
        "a ':' where none can be: this line is indented deeper than the fields around "
        "it, or holds text with ': ' in it that needs quotes",
        False,
    ),
    (
        "did not find expected key",
        "this line does not line up with the fields around it (the fields of one block "
        "start in the same column)",
        False,
    ),
    (
        "could not find expected ':'",
        "a field's name with no ':' after it, or text running onto the next line without quotes",
        True,
    ),
    (
        "did not find expected '-' indicator",
        "this line does not line up with the list it is in (each item starts with '- ' "
        "in the same column)",
        False,
    ),
    (
        "expected <block end>",
        "this line is indented differently from the block it belongs to",
        False,
    ),
)


def _plain_yaml(problem: str) -> tuple[str, bool] | None:
    for start, words, at_key in _YAML_WORDS:
        if problem.startswith(start):
            return words, at_key
    return None


def _scan(text: str, source: str) -> None:
    """Refuse deep nesting, alias bombs and foreign tags before building anything.

    Walks the parser's event stream (no recursion, no objects) and counts the
    values the document holds once every alias is expanded: an alias costs the
    full size of the node it repeats, so a few lines that would expand to
    billions of values are refused after reading them, not after building them.
    """
    depth = 0
    expanded = 0
    sizes: dict[str, int] = {}  # anchor -> expanded size of its node
    opened: list[tuple[str | None, int]] = []  # collections being read: (anchor, count at start)
    try:
        for ev in yaml.parse(text, Loader=LOADER):
            if isinstance(ev, yaml.AliasEvent):
                if ev.anchor not in sizes:
                    raise _fail(source, f"alias *{ev.anchor} has no anchor", ev.start_mark)
                expanded += sizes[ev.anchor]
            elif isinstance(ev, yaml.ScalarEvent):
                _check_tag(ev.tag, ev, source)
                expanded += 1
                if ev.anchor:
                    sizes[ev.anchor] = 1
            elif isinstance(ev, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                _check_tag(ev.tag, ev, source)
                depth += 1
                if depth > MAX_DEPTH:
                    raise _fail(
                        source,
                        f"nested more than {MAX_DEPTH} levels deep; a scenario needs far fewer",
                        ev.start_mark,
                    )
                opened.append((ev.anchor, expanded))
                expanded += 1
            elif isinstance(ev, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                depth -= 1
                anchor, start = opened.pop()
                if anchor:
                    sizes[anchor] = expanded - start
            if expanded > MAX_NODES:
                raise _fail(
                    source,
                    f"aliases expand this file to more than {MAX_NODES:,} values "
                    "(an alias bomb?); refused",
                    ev.start_mark,
                )
    except yaml.YAMLError as e:
        raise _yaml_problem(e, source, text) from None


def _check_tag(tag: str | None, ev: Any, source: str) -> None:
    if tag is None or tag == "!" or tag in PLAIN_TAGS:
        return
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    raise _fail(
        source,
        f"the tag {shown} is not allowed: scenario files hold plain data only",
        ev.start_mark,
    )


_TEXT_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
_KINDS = {
    "tag:yaml.org,2002:null": "nothing (null)",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}


def _marks(node: yaml.Node, source: str, path: str, out: dict[str, Mark]) -> None:
    """Field path → where its value starts; duplicate keys are refused."""
    out.setdefault(path, Mark(source, node.start_mark.line + 1, node.start_mark.column + 1))
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, yaml.Node] = {}
        for key, value in node.value:
            k = key.value
            if not isinstance(key, yaml.ScalarNode):
                raise _fail(source, "a key must be a plain name", key.start_mark, path)
            if key.tag not in (_TEXT_TAG, _MERGE_TAG):  # null:, true:, 2020-01-01:, 3:
                raise _fail(
                    source,
                    f"a key must be a name, and YAML reads {k!r} as "
                    f"{_KINDS.get(key.tag, 'something else')}; quote it if it is one",
                    key.start_mark,
                    path,
                )
            if k in seen and k != "<<":
                first = seen[k].start_mark.line + 1
                sub = f"{path}.{k}" if path else str(k)
                raise _fail(
                    source, f"duplicate key (first given on line {first})", key.start_mark, sub
                )
            seen[k] = key
            sub = f"{path}.{k}" if path else str(k)
            out[sub + "#key"] = Mark(source, key.start_mark.line + 1, key.start_mark.column + 1)
            _marks(value, source, sub, out)
    elif isinstance(node, yaml.SequenceNode):
        for i, value in enumerate(node.value):
            _marks(value, source, f"{path}.{i}" if path else str(i), out)


PARSED_KEPT = 16  # files whose parse is kept (the shipped scenarios and a trainer's few)
_parsed: OrderedDict[tuple[str, str], tuple[Any, dict[str, Mark]]] = OrderedDict()


def parse(text: str, source: str) -> tuple[Any, dict[str, Mark]]:
    """Safe YAML → (plain data, field marks). Raises :class:`SourceError`.

    A process reads the same few files again and again (each saved game of a class
    report names its scenario, the picker lists the shipped ones, every scenario that
    extends ``tutorial`` reads it): the parse of a text is kept, and each caller gets
    its own copy of the data (a merge changes what it is given), built in a hundredth
    of the parse's time. A text that fails is parsed, and told, every time.
    """
    key = (source, text)
    kept = _parsed.get(key)
    if kept is None:
        kept = _parse(text, source)
        _parsed[key] = kept
        if len(_parsed) > PARSED_KEPT:
            _parsed.popitem(last=False)
    else:
        _parsed.move_to_end(key)
    data, marks = kept
    return _copied(data, {}), dict(marks)


def _copied(value: Any, done: dict[int, Any]) -> Any:
    """A copy of parsed data (mappings, lists, plain values); a part the file names
    twice (an alias) stays one part named twice, as the parse made it."""
    kind = type(value)
    if kind is not dict and kind is not list:
        return value  # text, numbers, booleans, None: never changed in place
    made = done.get(id(value))
    if made is None:
        if kind is dict:
            made = done[id(value)] = {}
            for k, v in value.items():
                made[k] = _copied(v, done)
        else:
            made = done[id(value)] = []
            made.extend(_copied(v, done) for v in value)
    return made


def _parse(text: str, source: str) -> tuple[Any, dict[str, Mark]]:
    _scan(text, source)
    try:
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as e:
        raise _yaml_problem(e, source, text) from None
    if node is None:
        raise SourceError(Problem(source, 1, 1, "", "the file holds no fields"))
    # marks first: building the data folds ``<<:`` merge keys into the nodes
    marks: dict[str, Mark] = {}
    _marks(node, source, "", marks)
    try:
        data = Constructor().construct_document(node)
    except yaml.YAMLError as e:
        raise _yaml_problem(e, source, text) from None
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
        if data is None:
            raise SourceError(Problem(source, 1, 1, "", "the file holds no fields"))
        raise SourceError(
            Problem(
                source,
                node.start_mark.line + 1,
                node.start_mark.column + 1,
                "",
                f"the file is {kind}; a scenario is a mapping of fields (title:, reps:, ...)",
            )
        )
    return data, marks
