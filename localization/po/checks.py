"""A PO file checked as `msgfmt -c` checks it, in Python, before anything of it is imported.

`check_po(text)` lists the problems of a PO file, each with its line (`Problem`); the upload
refuses a file with any (`upload.check_entries`), so nothing of it is imported. It finds what GNU
gettext's `msgfmt --check` (0.21, `po-lex.c`, `msgl-check.c`, `format-python*.c`) treats as errors:

- escape sequences: msgfmt knows \\n \\t \\r \\b \\f \\v \\a \\\\ \\" and octal and hex escapes;
  any other (`msgstr "Helping \\ local"`) is invalid, in every string of the file;
- line breaks: msgid and msgstr both begin with "\\n" or neither, and both end with it or neither;
- placeholders of entries flagged `python-format` or `python-brace-format`, compared as msgfmt
  compares them: the same named placeholders (a brace one with its accessors and format spec:
  `{a[0]}`, `{n:>10}`), the same number and kinds of `%s`, `%d`; a plural
  form that serves only one number (msgstr[0] in German) may leave out a named one;
- plural forms: with plural entries, the header has a Plural-Forms whose nplurals is a number and
  whose expression is valid and gives 0 … nplurals-1, without dividing by zero, for n = 0 … 1000;
  every translated plural entry has exactly nplurals forms, msgstr[0], msgstr[1], … in order.

Where this is stricter than msgfmt, on purpose:

- msgfmt skips untranslated, fuzzy and obsolete entries; wagtail-localize's `import_po` imports
  fuzzy and obsolete (`#~`) ones too, so they are checked like the others;
- \\a, octal and hex escapes are valid for msgfmt, but polib (which the import reads with) leaves
  them as a backslash and digits: they are refused, with a message to write the character;
- entries without a format flag are page text, where msgfmt checks no placeholders. Their named
  placeholders, `%(name)s` and `{name}`, which prose does not write by accident, must still be
  kept, unless the entry is flagged `no-python-format` / `no-python-brace-format`;
- `{}` and `{name!r}` are valid brace placeholders, as in Python (gettext 0.21 does not know them).

Not checked: header fields msgfmt only warns about, other languages' format flags (`c-format`, …),
`range:` flags. polib has already refused what is no PO syntax at all (`upload.parse_po`).
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Escapes polib decodes as msgfmt does (polib.unescape), and those only msgfmt knows.
ESCAPES = {"n", "t", "r", "b", "f", "v", "\\", '"'}
OCTAL = "01234567"
HEX = "0123456789abcdefABCDEF"

KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s*(?=\")")

PYTHON_FORMAT = "python-format"
BRACE_FORMAT = "python-brace-format"

# Values of n a Plural-Forms expression is tried with (msgfmt's check_plural_eval).
PLURAL_SAMPLE = range(1001)
# A plural form is "often" used when at least this many of those n select it.
OFTEN = 5
MASK = 2**64 - 1  # the expression is evaluated in unsigned long, as gettext does


@dataclass(frozen=True)
class Problem:
    """One reason to refuse the file, at a line of it (1 = the first line)."""

    line: int
    message: str

    def __str__(self):
        return _("line %(line)s: %(problem)s") % {"line": self.line, "problem": self.message}


@dataclass
class Text:
    value: str
    line: int


@dataclass
class Entry:
    line: int
    flags: list[str] = field(default_factory=list)
    obsolete: bool = False
    msgctxt: Text | None = None
    msgid: Text | None = None
    msgid_plural: Text | None = None
    msgstr: Text | None = None
    forms: list[tuple[int, Text]] = field(default_factory=list)  # msgstr[index]

    @property
    def translations(self) -> list[Text]:
        return [text for _index, text in self.forms] if self.forms else [self.msgstr or Text("", 0)]

    @property
    def translated(self) -> bool:
        return bool(self.translations[0].value)

    @property
    def is_header(self) -> bool:
        return self.msgid is not None and self.msgid.value == "" and self.msgctxt is None


# --- Reading the file: strings, escapes, entries -----------------------------------------------


def decode(quoted: str, line: int, problems: list[Problem]) -> str:
    """The text of a PO string line's quoted parts, noting invalid escapes as problems."""
    out: list[str] = []
    position = quoted.find('"')
    while 0 <= position < len(quoted):
        position += 1
        while position < len(quoted) and quoted[position] != '"':
            char = quoted[position]
            if char != "\\":
                out.append(char)
                position += 1
                continue
            following = quoted[position + 1 : position + 2]
            if following in ESCAPES:
                out.append(
                    {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v"}.get(
                        following, following
                    )
                )
                position += 2
                continue
            end = position + 1
            if following and following in OCTAL:
                while end < len(quoted) and end < position + 4 and quoted[end] in OCTAL:
                    end += 1
            elif (
                following == "x" and (digit := quoted[position + 2 : position + 3]) and digit in HEX
            ):
                end = position + 2
                while end < len(quoted) and quoted[end] in HEX:
                    end += 1
            elif following == "a":
                end = position + 2
            if end > position + 1:
                sequence = quoted[position:end]
                problems.append(
                    Problem(
                        line,
                        _(
                            "the escape sequence “%(sequence)s” is not supported here: "
                            "write the character itself."
                        )
                        % {"sequence": sequence},
                    )
                )
                out.append(sequence)
                position = end
                continue
            shown = quoted[position : position + 2] if following.strip() else "\\"
            problems.append(
                Problem(
                    line,
                    _(
                        "“%(sequence)s” is not a valid escape sequence (a backslash in the text "
                        "is written \\\\)."
                    )
                    % {"sequence": shown},
                )
            )
            out.append("\\")
            position += 1
        position = quoted.find('"', position + 1)
    return "".join(out)


def read_entries(text: str, problems: list[Problem]) -> list[Entry]:
    """The entries of a PO file's text, with the line of each string."""
    entries: list[Entry] = []
    current: Entry | None = None
    flags: list[str] = []
    last: Text | None = None

    def finish():
        nonlocal current, last
        if current is not None:
            entries.append(current)
        current, last = None, None

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].lstrip()
        previous = line.startswith("#|") or (obsolete and line.startswith("|"))
        if previous:
            line = line.lstrip("#").lstrip("|").lstrip()
            decode(line, number, problems)  # msgfmt reads these strings too
            continue
        if line.startswith("#"):
            if current is not None and (current.msgstr is not None or current.forms):
                finish()
            if line.startswith("#,"):
                flags += [flag.strip() for flag in line[2:].split(",") if flag.strip()]
            continue
        if line.startswith('"'):
            continued = decode(line, number, problems)
            if last is not None:
                last.value += continued
            continue
        match = KEYWORD.match(line)
        if match is None:
            continue  # polib read the file: nothing else is left but blank lines
        keyword, index, rest = match.group(1), match.group(2), line[match.end() :]
        value = Text(decode(rest, number, problems), number)
        if keyword in ("msgctxt", "msgid"):
            if current is not None and (
                current.msgid is not None or (keyword == "msgctxt" and current.msgctxt is not None)
            ):
                finish()
            if current is None:
                current = Entry(line=number, flags=flags)
                flags = []
            current.obsolete = current.obsolete or obsolete
            setattr(current, keyword, value)
        elif current is None:
            continue
        elif keyword == "msgid_plural":
            current.msgid_plural = value
        elif index is not None:
            current.forms.append((int(index), value))
        else:
            current.msgstr = value
        last = value
    finish()
    return entries


def structure_problems(entry: Entry) -> Iterator[Problem]:
    """msgstr for an entry with a plural, msgstr[n] without one, or forms out of order."""
    if entry.msgid_plural is not None and entry.msgstr is not None:
        yield Problem(
            entry.msgstr.line,
            _("an entry with msgid_plural needs msgstr[0], msgstr[1], … instead of msgstr."),
        )
    if entry.forms and entry.msgid_plural is None:
        yield Problem(
            entry.forms[0][1].line,
            _("msgstr[%(index)s] without msgid_plural: an entry without a plural has one msgstr.")
            % {"index": entry.forms[0][0]},
        )
    for expected, (index, text) in enumerate(entry.forms):
        if index != expected:
            yield Problem(
                text.line,
                _("msgstr[%(index)s] is out of order: msgstr[%(expected)s] was expected here.")
                % {"index": index, "expected": expected},
            )
            break


def newline_problems(entry: Entry) -> Iterator[Problem]:
    """Line breaks at the start and the end: in the source and every translation, or nowhere."""
    source = entry.msgid.value if entry.msgid is not None else ""
    texts = [entry.msgid_plural] if entry.msgid_plural is not None else []
    texts += entry.translations
    for text in texts:
        for at_start in (True, False):
            edge = (lambda s: s.startswith("\n")) if at_start else (lambda s: s.endswith("\n"))
            if edge(text.value) == edge(source):
                continue
            if at_start:
                message = _(
                    "the source text and its translation must both begin with a line break "
                    "(\\n), or neither."
                )
            else:
                message = _(
                    "the source text and its translation must both end with a line break "
                    "(\\n), or neither."
                )
            yield Problem(text.line, message)
            return


# --- Python format strings (format-python.c) ---------------------------------------------------

# The kinds of argument a %-directive takes.
NONE, ANY, CHARACTER, STRING, INTEGER, FLOAT = "none", "any", "c", "s", "d", "f"
CONVERSIONS = {"%": NONE, "c": CHARACTER, "s": STRING, "r": STRING, "a": STRING}
CONVERSIONS.update(dict.fromkeys("iduoxX", INTEGER))
CONVERSIONS.update(dict.fromkeys("eEfFgG", FLOAT))
SHOWN_KIND = {NONE: "%%", ANY: "%s", CHARACTER: "%c", STRING: "%s", INTEGER: "%d", FLOAT: "%f"}


class FormatError(Exception):
    """Not a valid format string; the message says why."""


@dataclass
class PercentFormat:
    named: dict[str, str]  # name: kind
    unnamed: list[str]  # kinds, in order


def parse_percent(text: str) -> PercentFormat:
    """The placeholders of a %-format string, or FormatError when it is not one."""
    named: dict[str, str] = {}
    unnamed: list[str] = []
    position = 0
    while (position := text.find("%", position)) >= 0:
        position += 1
        name = None
        if text[position : position + 1] == "(":
            depth, start = 0, position + 1
            position = start
            while position < len(text) and not (text[position] == ")" and depth == 0):
                depth += {"(": 1, ")": -1}.get(text[position], 0)
                position += 1
            if position >= len(text):
                raise FormatError(_("a placeholder is not closed."))
            name = text[start:position]
            position += 1
        while text[position : position + 1] in ("-", "+", " ", "#", "0") and position < len(text):
            position += 1
        for prefix in ("", "."):
            if prefix:
                if text[position : position + 1] != ".":
                    break
                position += 1
            if text[position : position + 1] == "*":
                if named or name is not None:
                    raise FormatError(_("named placeholders and “*” cannot be mixed."))
                unnamed.append(INTEGER)
                position += 1
            else:
                while text[position : position + 1].isdigit() and text[position].isascii():
                    position += 1
        zero_precision = re.search(r"\.0+$", text[:position]) is not None
        if text[position : position + 1] in ("h", "l", "L"):
            position += 1
        conversion = text[position : position + 1]
        if conversion not in CONVERSIONS:
            if not conversion:
                raise FormatError(_("a placeholder is not closed."))
            raise FormatError(_("“%(char)s” is not a placeholder type.") % {"char": conversion})
        kind = CONVERSIONS[conversion]
        if kind == STRING and zero_precision:
            kind = ANY
        position += 1
        if name is not None:
            if unnamed:
                raise FormatError(_("named and unnamed placeholders cannot be mixed."))
            before = named.get(name)
            if before is not None and kind != before and ANY not in (kind, before):
                raise FormatError(
                    _("the placeholder “%(name)s” is used with different types.") % {"name": name}
                )
            named[name] = before if kind == ANY and before is not None else kind
        elif conversion != "%":
            if named:
                raise FormatError(_("named and unnamed placeholders cannot be mixed."))
            unnamed.append(kind)
    return PercentFormat(named, unnamed)


def compare_percent(source: PercentFormat, translation: PercentFormat, strict: bool) -> str | None:
    """Why the translation's placeholders do not fit the source's (None: they do)."""
    if source.named and translation.unnamed:
        return _("the source text has named placeholders (like %(name)s), the translation not.")
    if source.unnamed and translation.named:
        return _("the translation has named placeholders (like %(name)s), the source text not.")
    if extra := sorted(translation.named.keys() - source.named.keys()):
        return added(f"%({extra[0]}){SHOWN_KIND[translation.named[extra[0]]][1:]}")
    for name in sorted(source.named):
        shown = f"%({name}){SHOWN_KIND[source.named[name]][1:]}"
        if name not in translation.named:
            if strict:
                return missing(shown)
            continue
        kinds = {source.named[name], translation.named[name]}
        if len(kinds) > 1 and (strict or ANY not in kinds):
            return _("the placeholder “%(name)s” has another type in the translation.") % {
                "name": shown
            }
    if len(source.unnamed) != len(translation.unnamed):
        return ngettext(
            "the source text has %(expected)s placeholder like %%s or %%d, the translation "
            "%(found)s.",
            "the source text has %(expected)s placeholders like %%s or %%d, the translation "
            "%(found)s.",
            len(source.unnamed),
        ) % {"expected": len(source.unnamed), "found": len(translation.unnamed)}
    for number, (one, other) in enumerate(
        zip(source.unnamed, translation.unnamed, strict=True), start=1
    ):
        if one != other and (strict or ANY not in (one, other)):
            return _(
                "placeholder %(number)s is “%(source)s” in the source text but “%(found)s” in "
                "the translation."
            ) % {"number": number, "source": SHOWN_KIND[one], "found": SHOWN_KIND[other]}
    return None


# --- Python brace format strings (format-python-brace.c, plus {} and !r as in Python) ----------

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]+")
STANDARD_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?#?0?[0-9]*(?:\.[0-9]+)?[bcdoxXneEfFgG%]?")


def parse_brace(text: str) -> set[str]:
    """The placeholders of a brace-format string as msgfmt compares them (field name with
    accessors and format spec: "a[0]", "a:>10"), or FormatError when it is not one."""
    names: set[str] = set()
    counters = {"auto": 0, "numbered": 0}
    position = 0

    def directive(position: int, toplevel: bool) -> int:
        """Parse the directive at text[position] == "{"; the position after its "}"."""
        position += 1
        start = position
        match = NAME.match(text, position)
        name = match.group() if match else ""
        if match:
            position = match.end()
            while text[position : position + 1] in (".", "["):
                if text[position] == ".":
                    part = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(text, position + 1)
                    if part is None:
                        raise FormatError(_("a placeholder has an invalid attribute."))
                    position = part.end()
                else:
                    part = NAME.match(text, position + 1)
                    if part is None or text[part.end() : part.end() + 1] != "]":
                        raise FormatError(_("a placeholder has an invalid index."))
                    position = part.end() + 1
        elif text[position : position + 1] not in (":", "}", "!") or not toplevel:
            if position >= len(text):
                raise FormatError(_("a placeholder is not closed."))
            raise FormatError(
                _("“%(char)s” cannot begin a placeholder's name.") % {"char": text[position]}
            )
        field_name = text[start:position]
        if toplevel and text[position : position + 1] == "!":
            if text[position + 1 : position + 2] not in ("r", "s", "a"):
                raise FormatError(_("a placeholder has an invalid conversion."))
            position += 2
        spec_start = position
        if text[position : position + 1] == ":":
            if not toplevel:
                raise FormatError(_("placeholders are nested too deeply."))
            position += 1
            if text[position : position + 1] == "{":
                position = directive(position, toplevel=False) - 1
                position += 1
            else:
                spec = STANDARD_SPEC.match(text, position)
                position = spec.end() if spec else position
        if text[position : position + 1] != "}":
            raise FormatError(_("a placeholder is not closed."))
        if toplevel:
            if not name:
                if counters["numbered"]:
                    raise FormatError(_("numbered and automatic placeholders cannot be mixed."))
                name = str(counters["auto"])
                counters["auto"] += 1
            elif name[0].isdigit():
                if counters["auto"]:
                    raise FormatError(_("numbered and automatic placeholders cannot be mixed."))
                counters["numbered"] += 1
            # As msgfmt: a placeholder is its field name with its accessors and format spec
            # ("a[0]", "a:>10", "a:{w}"), the conversion left out.
            names.add((field_name or name) + text[spec_start:position])
        return position + 1

    while (position := text.find("{", position)) >= 0:
        if text[position + 1 : position + 2] == "{":
            position += 2
            continue
        position = directive(position, toplevel=True)
    return names


def compare_brace(source: set[str], translation: set[str], strict: bool) -> str | None:
    if extra := sorted(translation - source):
        return added("{" + extra[0] + "}")
    if strict and (lacking := sorted(source - translation)):
        return missing("{" + lacking[0] + "}")
    return None


def missing(placeholder: str) -> str:
    return _("the placeholder “%(placeholder)s” of the source text is missing.") % {
        "placeholder": placeholder
    }


def added(placeholder: str) -> str:
    return _(
        "the translation has a placeholder “%(placeholder)s” the source text does not have."
    ) % {"placeholder": placeholder}


# Named placeholders in text without a format flag: %(name)s and {name}.
NAMED_PERCENT = re.compile(
    r"%%|%\(([A-Za-z_][A-Za-z0-9_]*)\)[-+ #0]*[0-9]*(?:\.[0-9]*)?[hlL]?[diouxXeEfFgGcrsa]"
)
NAMED_BRACE = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


def named_placeholders(text: str, kinds: set[str]) -> dict[str, str]:
    """{"%(name)" or "{name}": the placeholder as written} of the kinds ("%", "{") asked for."""
    found: dict[str, str] = {}
    for kind, pattern, key in (("%", NAMED_PERCENT, "%({})"), ("{", NAMED_BRACE, "{{{}}}")):
        if kind in kinds:
            for match in pattern.finditer(text):
                if match.group(1):
                    found.setdefault(key.format(match.group(1)), match.group())
    return found


def format_problems(entry: Entry, often: list[bool] | None) -> Iterator[Problem]:
    """Placeholders of the translations against the source, as the entry's flags ask."""
    msgid = entry.msgid.value if entry.msgid is not None else ""
    source = entry.msgid_plural.value if entry.msgid_plural is not None else msgid
    translations = entry.translations
    plural = entry.msgid_plural is not None and len(translations) > 1

    def strict(index: int) -> bool:
        # msgfmt: every placeholder in a form used for many numbers (and without plurals).
        if not plural:
            return True
        return often is not None and index < len(often) and often[index]

    checks: list[tuple[Callable[[str], object], Callable[..., str | None], str]] = []
    if {PYTHON_FORMAT, "possible-" + PYTHON_FORMAT} & set(entry.flags):
        checks.append((parse_percent, compare_percent, _("Python format")))
    if {BRACE_FORMAT, "possible-" + BRACE_FORMAT} & set(entry.flags):
        checks.append((parse_brace, compare_brace, _("Python brace format")))
    for parse, compare, kind in checks:
        try:
            expected = parse(source)
        except FormatError:
            continue  # msgfmt checks nothing when the source is no such format string
        for index, text in enumerate(translations):
            try:
                found = parse(text.value)
            except FormatError as error:
                yield Problem(
                    text.line,
                    _("the translation is not a valid %(kind)s string: %(reason)s")
                    % {"kind": kind, "reason": error},
                )
                return
            reason = compare(expected, found, strict(index))
            if reason:
                yield Problem(text.line, reason)
                return

    unflagged = set()
    if not {PYTHON_FORMAT, "no-" + PYTHON_FORMAT} & set(entry.flags):
        unflagged.add("%")
    if not {BRACE_FORMAT, "no-" + BRACE_FORMAT} & set(entry.flags):
        unflagged.add("{")
    if not unflagged:
        return
    sources = named_placeholders(msgid + "\n" + source, unflagged)
    for index, text in enumerate(translations):
        found = named_placeholders(text.value, unflagged)
        reason = next(
            (added(found[key]) for key in sorted(found.keys() - sources.keys())),
            next(
                (
                    missing(sources[key])
                    for key in sorted(sources.keys() - found.keys())
                    if strict(index)
                ),
                None,
            ),
        )
        if reason:
            yield Problem(text.line, reason)
            return


# --- Plural forms (msgl-check.c: check_plural, check_plural_eval) ------------------------------


class PluralError(Exception):
    pass


TOKEN = re.compile(r"\s*(?:(\d+)|(n)|(\|\||&&|==|!=|<=|>=|[-+*/%<>!?:()]))")
BINARY = [("||",), ("&&",), ("==", "!="), ("<", ">", "<=", ">="), ("+", "-"), ("*", "/", "%")]

Node = Callable[[int], int]


def parse_plural(expression: str) -> Node:
    """The Plural-Forms expression as a function of n (unsigned long arithmetic, as gettext)."""
    tokens: list[str] = []
    position = 0
    expression = expression.rstrip()
    while position < len(expression):
        match = TOKEN.match(expression, position)
        if match is None or match.end() == position:
            raise PluralError
        tokens.append(match.group(match.lastindex or 0))
        position = match.end()
    at = 0

    def peek() -> str | None:
        return tokens[at] if at < len(tokens) else None

    def take(expected: str | None = None) -> str:
        nonlocal at
        token = peek()
        if token is None or (expected is not None and token != expected):
            raise PluralError
        at += 1
        return token

    def conditional() -> Node:
        test = binary(0)
        if peek() != "?":
            return test
        take("?")
        yes = conditional()
        take(":")
        no = conditional()
        return lambda n: yes(n) if test(n) else no(n)

    def binary(level: int) -> Node:
        if level == len(BINARY):
            return unary()
        left = binary(level + 1)
        while peek() in BINARY[level]:
            left = operation(take(), left, binary(level + 1))
        return left

    def unary() -> Node:
        symbol = take()
        if symbol == "!":
            operand = unary()
            return lambda n: int(not operand(n))
        if symbol == "(":
            inner = conditional()
            take(")")
            return inner
        if symbol == "n":
            return lambda n: n
        if symbol.isdigit():
            value = int(symbol) & MASK
            return lambda n: value
        raise PluralError

    node = conditional()
    if at != len(tokens):
        raise PluralError
    return node


def divide(left: int, right: int, modulo: bool) -> int:
    if right == 0:
        raise ZeroDivisionError
    return left % right if modulo else left // right


OPERATIONS: dict[str, Callable[[int, int], int]] = {
    "+": lambda a, b: (a + b) & MASK,
    "-": lambda a, b: (a - b) & MASK,
    "*": lambda a, b: (a * b) & MASK,
    "/": lambda a, b: divide(a, b, modulo=False),
    "%": lambda a, b: divide(a, b, modulo=True),
    "==": lambda a, b: int(a == b),
    "!=": lambda a, b: int(a != b),
    "<": lambda a, b: int(a < b),
    ">": lambda a, b: int(a > b),
    "<=": lambda a, b: int(a <= b),
    ">=": lambda a, b: int(a >= b),
}


def operation(operator: str, left: Node, right: Node) -> Node:
    if operator == "&&":
        return lambda n: int(bool(left(n)) and bool(right(n)))
    if operator == "||":
        return lambda n: int(bool(left(n)) or bool(right(n)))
    apply = OPERATIONS[operator]
    return lambda n: apply(left(n), right(n))


def plural_header(header: Entry | None) -> tuple[int, str | None, str | None]:
    """(line, nplurals text, plural expression) from the header's msgstr, as msgfmt finds them."""
    if header is None:
        return 0, None, None
    text = header.msgstr.value if header.msgstr is not None else ""
    line = header.msgstr.line if header.msgstr is not None else header.line
    nplurals = text.split("nplurals=", 1)[1] if "nplurals=" in text else None
    plural = text.split("plural=", 1)[1] if "plural=" in text else None
    if plural is not None:
        plural = re.split(r"[;\n]", plural, maxsplit=1)[0]
    return line, nplurals, plural


def plural_problems(header: Entry | None, entries: list[Entry]) -> tuple[list[Problem], list[bool]]:
    """Problems of the Plural-Forms header and the plural entries; which forms serve many n."""
    plural_entries = [e for e in entries if e.msgid_plural is not None and e.translated]
    line, nplurals_text, expression = plural_header(header)
    problems: list[Problem] = []
    if plural_entries and (nplurals_text is None or expression is None):
        problems.append(
            Problem(
                line or plural_entries[0].line,
                _(
                    "the file has plural forms, but its header has no “Plural-Forms: "
                    "nplurals=…; plural=…;”."
                ),
            )
        )
        return problems, []
    if nplurals_text is None or expression is None:
        return problems, []
    number = re.match(r"\s*(\d+)", nplurals_text)
    if number is None:
        problems.append(Problem(line, _("the header's nplurals is not a number.")))
    try:
        evaluate = parse_plural(expression)
    except PluralError:
        problems.append(Problem(line, _("the header's plural expression is not valid.")))
        return problems, []
    if number is None:
        return problems, []
    nplurals = int(number.group(1))
    counts = [0] * nplurals
    for n in PLURAL_SAMPLE:
        try:
            value = evaluate(n)
        except ZeroDivisionError:
            problems.append(Problem(line, _("the header's plural expression divides by zero.")))
            return problems, []
        if value >= 2**63:
            problems.append(
                Problem(line, _("the header's plural expression gives negative numbers."))
            )
            return problems, []
        if value >= nplurals:
            problems.append(
                Problem(
                    line,
                    _(
                        "the header's plural expression gives %(value)s, but nplurals = "
                        "%(nplurals)s allows 0 to %(highest)s."
                    )
                    % {"value": value, "nplurals": nplurals, "highest": nplurals - 1},
                )
            )
            return problems, []
        counts[value] += 1
    for entry in plural_entries:
        if len(entry.forms) != nplurals and entry.forms:
            problems.append(
                Problem(
                    entry.forms[-1][1].line,
                    ngettext(
                        "this entry has %(found)s plural form, but the header's Plural-Forms "
                        "has nplurals = %(nplurals)s.",
                        "this entry has %(found)s plural forms, but the header's Plural-Forms "
                        "has nplurals = %(nplurals)s.",
                        len(entry.forms),
                    )
                    % {"found": len(entry.forms), "nplurals": nplurals},
                )
            )
    return problems, [count >= OFTEN for count in counts]


def check_po(text: str) -> list[Problem]:
    """The problems of a PO file's text, in the order of their lines (none: the file is fine)."""
    problems: list[Problem] = []
    entries = read_entries(text, problems)
    header = next((entry for entry in entries if entry.is_header and not entry.obsolete), None)
    messages = [entry for entry in entries if entry is not header and entry.msgid is not None]
    for entry in messages:
        problems += structure_problems(entry)
    found, often = plural_problems(header, messages)
    problems += found
    for entry in messages:
        if entry.translated:
            problems += newline_problems(entry)
            problems += format_problems(entry, often or None)
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda problem: problem.line)
