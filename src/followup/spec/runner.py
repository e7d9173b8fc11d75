"""Run a coach's .feature files through pytest-bdd with the shipped step library, in-process.

A coach writes Gherkin and no Python, so the test module pytest-bdd needs (one ``scenarios(...)``
call per feature file) is written here, into a temporary folder that is also pytest's root and
config: nothing in the folder the coach works in (a ``pyproject.toml``, a ``conftest.py``, another
project's pytest settings) changes how their scenarios run.  Entry-point plugins are not
auto-loaded either; pytest-bdd and the followup steps are loaded explicitly, so a coach's folder
runs the same on any machine with followup installed.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from pytest_bdd import feature
from pytest_bdd.exceptions import GherkinParseError
from pytest_bdd.parser import FeatureParser

from followup import catalog
from followup.authoring.folders import PLAYBOOKS_ENV
from followup.bdd.places import shown_path
from followup.errors import InputError, Problem, UsageError
from followup.io.user_files import HAND_WRITTEN_LIMIT, check_user_file, read_user_text
from followup.spec.steps_check import keyword_typo, misspelt_keywords, step_problems

FEATURE_SUFFIX = ".feature"
# The folder `followup spec` runs when no feature is named.
DEFAULT_FEATURES = Path("features")
# Pytest reads this before loading plugins; set only while our run lasts.
NO_AUTOLOAD_ENV = "PYTEST_DISABLE_PLUGIN_AUTOLOAD"
PLUGINS = ("pytest_bdd.plugin", "followup.bdd.plugin")


def feature_files(paths: Sequence[Path]) -> list[Path]:
    """The .feature files named, folders searched (sub-folders too), in a stable order.

    With no paths, ``./features`` is used if it exists.

    Raises:
        UsageError: a path does not exist or is not a .feature file, or nothing was named and
            there is no ``./features`` folder.
    """
    if not paths:
        if not DEFAULT_FEATURES.is_dir():
            raise UsageError(
                "no features to run: name .feature files or folders, or run from a folder that "
                "has a 'features' folder"
            )
        paths = [DEFAULT_FEATURES]
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            # Anything so named but a folder: a FIFO or a loop is then refused, located.
            found.extend(sorted(p for p in path.rglob("*" + FEATURE_SUFFIX) if not p.is_dir()))
        elif path.is_file():
            if path.suffix != FEATURE_SUFFIX:
                raise UsageError(f"'{path}' is not a {FEATURE_SUFFIX} file")
            found.append(path)
        elif os.path.lexists(path):
            check_user_file(path, str(path), "feature file or a folder")  # a FIFO, a loop...
            raise UsageError(f"'{path}' cannot be read; expected a .feature file or a folder")
        else:
            raise UsageError(f"'{path}' does not exist; expected a .feature file or a folder")
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(Path(os.path.realpath(path)), None)  # a loop stays as named
    if not unique:
        named = ", ".join(f"'{p}'" for p in paths)
        raise UsageError(f"no {FEATURE_SUFFIX} files in {named}; expected at least one")
    return list(unique)


def check_gherkin(files: Sequence[Path], dirs: Sequence[Path] = ()) -> list[Path]:
    """Parse every feature file first, so a Gherkin mistake is one located line, not a traceback.

    Args:
        files: Feature files (see :func:`feature_files`).
        dirs: The coach's playbook folders the run will use (see :func:`check_steps`).

    Returns:
        The files that have at least one scenario (pytest-bdd refuses a file without any, and
        a run with none is pytest's "no tests collected").

    Raises:
        UsageError: one of ``dirs`` is not a folder.
        InputError: every file that does not parse, each with its line, and with them what
            :func:`check_steps` finds in the files that do (one broken file hides nothing).
    """

    problems: list[Problem] = []
    with_scenarios: list[Path] = []
    for path in files:
        text, found = _read(path)
        problems += found
        if text is None or not _has_content(text):
            continue  # refused, or blank: nothing in it runs (said by the caller)
        try:
            feature = FeatureParser(str(path.parent), path.name).parse()
        except GherkinParseError as err:
            problems += _parse_problems(path, text, err)
            continue
        except (OSError, UnicodeDecodeError) as err:
            problems.append(Problem(shown_path(path), 1, 1, f"cannot be read: {err}"))
            continue
        if feature.scenarios:
            with_scenarios.append(path)
        else:  # a misspelt header may have hidden them in a description
            problems += misspelt_keywords(shown_path(path), text.splitlines())
    if problems:
        raise InputError(problems + _step_problems(with_scenarios, dirs))
    return with_scenarios


def _read(path: Path) -> tuple[str | None, list[Problem]]:
    """A feature file's text, or None and what keeps it from the Gherkin parser, located: a
    FIFO, a file over `HAND_WRITTEN_LIMIT` (parsing 50 MB of Gherkin takes minutes and
    gigabytes), bytes that are not UTF-8, or a byte order mark."""
    name = shown_path(path)
    try:
        text = read_user_text(path, name, "feature file", HAND_WRITTEN_LIMIT)
    except InputError as err:
        return None, list(err.problems)
    if text.startswith("\ufeff"):
        bom = Problem(name, 1, 1, "starts with a byte order mark (BOM)", "UTF-8 without a BOM")
        return None, [bom]
    return text, []


def _has_content(text: str) -> bool:
    """Whether a feature file holds more than blank lines and comments (the parser fails on a
    file without a ``Feature:``)."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def check_steps(files: Sequence[Path], dirs: Sequence[Path] = ()) -> None:
    """Refuse, before running, a step the library does not know, a value a step cannot take
    (an impossible date; an unknown playbook id, state, channel, reply or outcome; a file
    that is not there; a cell of its table), or a misspelt keyword.

    Args:
        files: Feature files that parse (see `check_gherkin`).
        dirs: The coach's playbook folders the run will use: their ids are known playbooks.

    Raises:
        UsageError: one of ``dirs`` is not a folder.
        InputError: every such step, located, with the library's nearest sentences, the
            nearest word a value was meant to be, or the keyword meant.
    """
    problems = _step_problems(files, dirs)
    if problems:
        raise InputError(problems)


def _step_problems(files: Sequence[Path], dirs: Sequence[Path]) -> list[Problem]:
    catalog.discover(tuple(dirs))  # a --playbooks folder that is not one: said once, not per step
    with environment(dirs):  # the steps find playbooks as they will when the scenarios run
        return step_problems(files, {path: shown_path(path) for path in files})


def _parse_problems(path: Path, text: str, err: GherkinParseError) -> list[Problem]:
    """A Gherkin parse error; a misspelt keyword (``Thne``), often its cause, is named as such.

    A misspelt first step (``Gvien``) is taken for the scenario's description, so the parser
    stops at the next step instead ("must start with Given"): the misspelling is the problem.
    """
    lines = text.splitlines()
    typos = misspelt_keywords(shown_path(path), lines)
    if typos:
        return typos
    line = lines[err.line - 1] if 0 < err.line <= len(lines) else ""
    typo = keyword_typo(line)
    if typo:
        col = len(line) - len(line.lstrip()) + 1
        return [Problem(shown_path(path), err.line, col, typo, "a Gherkin keyword")]
    return [Problem(shown_path(path), err.line, 1, _first_line(err.message))]


def _first_line(message: str) -> str:
    """pytest-bdd's parse messages repeat the location over several lines; keep what is wrong."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    last = lines[-1] if lines else ""
    return re.sub(r"^\(\d+:\d+\):\s*", "", last) or "not valid Gherkin"


def module_name(path: Path, taken: set[str]) -> str:
    """A test module name for a feature file: ``test_<its name>``, unique among ``taken``."""
    stem = re.sub(r"\W+", "_", path.stem.casefold()).strip("_") or "feature"
    name = f"test_{stem}"
    number = 1
    while name in taken:
        number += 1
        name = f"test_{stem}_{number}"
    taken.add(name)
    return name


def write_modules(files: Sequence[Path], folder: Path) -> None:
    """Write pytest's config and one test module per feature file into ``folder``."""
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    taken: set[str] = set()
    for path in files:
        name = module_name(path, taken)
        # repr() makes the path a plain string literal; nothing from the feature is executed.
        text = (
            f'"""The scenarios of {path.name}, written by followup spec."""\n\n'
            "from pytest_bdd import scenarios\n\n"
            f"scenarios({str(path)!r})\n"
        )
        (folder / f"{name}.py").write_text(text, encoding="utf-8")


@contextmanager
def environment(dirs: Sequence[Path]) -> Iterator[None]:
    """Pass the coach's playbook folders to the steps and keep pytest to our plugins, then undo."""
    saved = {key: os.environ.get(key) for key in (PLAYBOOKS_ENV, NO_AUTOLOAD_ENV)}
    os.environ[NO_AUTOLOAD_ENV] = "1"
    if dirs:
        os.environ[PLAYBOOKS_ENV] = os.pathsep.join(str(d.resolve()) for d in dirs)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _forget_parsed_features() -> None:
    """Drop pytest-bdd's cache of parsed features, so a file edited since is read afresh.

    pytest-bdd keeps every parsed feature for the life of the process; a second run in the same
    process (an editor integration, our own tests) would otherwise see the old scenarios.
    """

    cache = getattr(feature, "features", None)
    if isinstance(cache, dict):
        cache.clear()


def run_features(
    files: Sequence[Path],
    dirs: Sequence[Path] = (),
    plugins: Sequence[object] = (),
    pytest_args: Sequence[str] = (),
) -> int:
    """Run the scenarios of ``files`` and return pytest's exit code.

    Args:
        files: Feature files (see :func:`feature_files`).
        dirs: Folders of the coach's own playbooks, found by id beside the bundled ones.
        plugins: Extra pytest plugin objects (the coverage recorder).
        pytest_args: Extra pytest arguments (say ``-q``).

    Returns:
        0 all passed, 1 some failed, 2 interrupted (a collection error), 4 usage error, 5 no
        scenarios.
    """

    _forget_parsed_features()
    with tempfile.TemporaryDirectory(prefix="followup-spec-") as tmp:
        folder = Path(tmp)
        write_modules(files, folder)
        args = [
            "-c",
            str(folder / "pytest.ini"),
            "--rootdir",
            str(folder),
            "--import-mode=importlib",
            "-p",
            "no:cacheprovider",
            # The steps were imported already, to check the coach's sentences before the run;
            # they report with fail() and need none of pytest's assertion rewriting.
            "-W",
            "ignore::pytest.PytestAssertRewriteWarning",
        ]
        for name in PLUGINS:
            args += ["-p", name]
        args += [*pytest_args, str(folder)]
        with environment(dirs):
            try:
                code = pytest.main(args, plugins=list(plugins))
            finally:
                _forget_modules(folder)
    return int(code)


def _forget_modules(folder: Path) -> None:
    """Drop the test modules written for a run from ``sys.modules``.

    Pytest names them after their path below its root folder, the same in every run, and
    reuses a module already imported under that name: a second run in the same process would
    otherwise see the first run's scenarios.
    """

    written = folder.resolve()
    for name, module in list(sys.modules.items()):
        file = getattr(module, "__file__", None)
        if file and Path(file).resolve().parent == written:
            del sys.modules[name]
