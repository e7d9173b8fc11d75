"""One root error for the whole package, with a branch per kind of failure.

Every error carries the exit code the CLI returns for it (2 for bad input or usage, 1 for a
runtime failure), so the CLI never has to guess.  Input errors carry *every* problem found, each
with the place it was found, so a user fixes a file in one pass instead of one error per run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Final

# Characters a message may quote from a user's file that would break "one line per problem" or
# the terminal: control characters (C0, DEL, C1: escape sequences, NUL), line and paragraph
# separators, bidi controls (which reorder what follows them on screen, so a name could show as
# something else) and lone surrogates (which cannot even be written as UTF-8).  Compiled on first
# use: the class of surrogates costs most of a millisecond to compile, and most runs print no
# problem at all.
_UNSEEN = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2
# Stopped with Ctrl-C: 128 + SIGINT, what a shell reports for a program the signal ended.
EXIT_INTERRUPTED = 130
# Stopped by SIGTERM (`kill`, a service manager): 128 + SIGTERM.
EXIT_TERMINATED = 143


class Terminated(Exception):
    """SIGTERM reached the command: it stops as for Ctrl-C (its workers too), in one line."""


def stop_on_terminate() -> None:
    """In a command about to start worker processes: SIGTERM (``kill PID``) unwinds it as
    Ctrl-C does, so its pool ends the workers instead of leaving them running, and it says so
    in one line (`Terminated`).  Without workers the default (the process ends) is right, and
    a short command does not pay for importing `signal` (its enums cost most of a
    millisecond)."""
    import signal  # lazy: its enums cost plan's cold start most of a millisecond

    def terminate(signum: int, frame: object) -> None:
        raise Terminated

    signal.signal(signal.SIGTERM, terminate)


def leave_stopping_to_parent() -> None:
    """In a worker process: Ctrl-C and SIGTERM are the parent's to handle.  Ctrl-C reaches every
    process of the command, and the parent alone stops the pool and says so in one line, so a
    worker ignores it; SIGTERM, which the parent's pool sends to end its workers, ends a worker
    at once (not through the parent's handler it inherited, which would print a traceback)."""
    import signal  # lazy: only worker processes need it

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with one input, at one place.

    Rendered as ``file:line:col: message; expected ...`` (line and column are 1-based).
    ``kind`` names the sort of problem ("unknown-key", "unknown-state"...) for tools that sort
    problems (lint gives each kind its code); it is not shown, and two problems that differ only
    in kind are the same problem.
    """

    file: str
    line: int
    col: int
    message: str
    expected: str = ""
    code: str = ""
    kind: str = field(default="", compare=False)

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.col}: "
        if self.code:
            text += f"{self.code} "
        text += self.message
        if self.expected:
            text += f"; expected {self.expected}"
        return visible(text)


def visible(text: str, keep: str = "") -> str:
    """``text`` with every control character, line separator, bidi control or lone surrogate
    escaped (as Python writes it: ``\x1b``, ``\u202e``), so it shows as what it is.

    The one escaping function of every terminal renderer and error message.

    Args:
        text: Anything a user or a coach wrote, or a whole rendered block.
        keep: Characters that mean something where the text goes (``"\n"`` between the lines
            of a block, ``"\t"`` in a draft), left as they are.
    """
    unseen = _unseen()
    if unseen.search(text) is None:
        return text
    return unseen.sub(lambda m: m.group() if m.group() in keep else ascii(m.group())[1:-1], text)


def json_visible(text: str) -> str:
    """JSON text with the same characters as `visible` written as ``\\uXXXX`` escapes: the same
    data for any JSON reader, and nothing that moves a terminal's cursor or reorders a line.

    Only for text ``json.dumps`` wrote: its own line breaks (indentation) are kept.
    """
    unseen = _unseen()
    if unseen.search(text) is None:
        return text
    return unseen.sub(
        lambda m: m.group() if m.group() == "\n" else f"\\u{ord(m.group()):04x}", text
    )


def blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or only spaces, line breaks, control characters
    and invisible format characters (Unicode Cf: a zero-width space, a byte-order mark, a bidi
    control).  A name made of them is nobody's; an unset shell variable gives one."""
    rest = text.strip()
    if not rest or rest.isprintable():  # ordinary text: one C-level test
        return not rest
    import unicodedata  # lazy: only text holding a character that does not print

    return all(c.isspace() or unicodedata.category(c) in ("Cc", "Cf") for c in rest)


def blank_words(text: str) -> str:
    """What a `blank` text is, after the name of the value: ``"is empty"``, and the characters
    it does hold when they are invisible ones, written as escapes."""
    if not text.strip():
        return "is empty"
    return f"is empty but for invisible characters ({shortened(ascii(text.strip())[1:-1])})"


def shortened(text: str, keep: int = 60) -> str:
    """``text``, or, when it is much longer than ``keep`` characters, its first ``keep`` and
    how long it is (``"yyy... (10,000 characters)"``): a value quoted in a one-line message
    or echo, which a pasted file must not flood."""
    if len(text) <= keep + 20:  # the note of the length would save next to nothing
        return text
    return f"{text[:keep]}... ({len(text):,} characters)"


@cache
def _unseen() -> re.Pattern[str]:
    return re.compile(_UNSEEN)


class FollowupError(Exception):
    """Root of every error this package raises on purpose."""

    exit_code: int = EXIT_FAILURE


class InputError(FollowupError):
    """Something a user gave us (a file, a flag, a date) is not acceptable.

    Holds every problem found, sorted by place, so all of them can be reported at once.
    """

    exit_code = EXIT_BAD_INPUT

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InputError], tuple[tuple[Problem, ...]]]:
        # Rebuilt from its problems (not its message) when a worker process sends it back.
        return (type(self), (self.problems,))

    @classmethod
    def at(cls, file: str, line: int, col: int, message: str, expected: str = "") -> InputError:
        """Build an error holding a single problem."""
        return cls([Problem(file, line, col, message, expected)])


class UsageError(FollowupError):
    """The command line itself is wrong (an unknown playbook id, a bad flag value)."""

    exit_code = EXIT_BAD_INPUT


class EngineError(FollowupError):
    """The engine could not finish (a bug or an impossible internal state), not the user's fault."""

    exit_code = EXIT_FAILURE


def closest(word: str, choices: Iterable[str], cutoff: float = 0.6) -> str:
    """The choice closest to ``word`` if one is close enough to be a typo of it (at least
    ``cutoff`` alike), else ''."""
    import difflib  # lazy: only ever needed on an error path

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return close[0] if close else ""


# Words people write for a key that are no typo of it: ``on: 2026-03-02`` for an event's date.
_KEY_SAID_FOR: Final = {"on": "date", "day": "date", "when": "date", "kind": "type"}


def meant_key(key: object, allowed: Iterable[str]) -> str:
    """The allowed key an unknown ``key`` was meant to be: a typo's closest match, or the key
    it is another word for (`_KEY_SAID_FOR`); else ''."""
    if not isinstance(key, str):
        return ""
    allowed = tuple(allowed)
    meant = closest(key, allowed) or _KEY_SAID_FOR.get(key, "")
    return meant if meant in allowed else ""


def unknown_word(what: str, value: object, words: Iterable[str], shown: str) -> str:
    """The message for ``value`` where one of ``words`` was expected (``shown``: the value as
    the user wrote it): a word with the nearest known one, or what else it is ("the channel
    is nothing", not "the channel nothing is not known")."""
    if not isinstance(value, str):
        return f"{what} is {type_name(value)}"
    return f"{what} {shown} is not known{suggest(value, words)}"


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest choice, or ''."""
    close = closest(word, choices)
    return f" (did you mean '{close}'?)" if close else ""


def type_name(value: object) -> str:
    """How a YAML value looks to a user who wrote it."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
