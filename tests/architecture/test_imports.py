"""Imports inside functions are the exception, each with its reason beside it.

A module's dependencies belong at its top, where a reader (and import-linter) sees them.  The
one reason to import later is start-up time: `followup plan` must start in a few tens of
milliseconds, so a command loads what only it needs when it runs.  Such an import says so with a
``# lazy: why`` comment on its line (or the line above it).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "followup"
MODULES = sorted(SRC.rglob("*.py"))
MARK = "# lazy:"


def late_imports(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each import inside a function or method of the module."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    found = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    found.append((inner.lineno, lines[inner.lineno - 1].strip()))
    return sorted(set(found))


def has_reason(path: Path, line: int) -> bool:
    """The import's line, or the comment right above its run of imports, gives the reason."""
    lines = path.read_text(encoding="utf-8").splitlines()
    index = line - 1
    while index >= 0:
        text = lines[index].strip()
        if MARK in text:
            return True
        if not text.startswith(("from ", "import ")):
            return False
        index -= 1
    return False


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_every_late_import_says_why(path: Path) -> None:
    """No import inside a function without a `# lazy:` reason."""
    unexplained = [f"{n}: {t}" for n, t in late_imports(path) if not has_reason(path, n)]
    assert not unexplained, "import at the top, or say why not with '# lazy: ...'"


def test_the_check_sees_a_late_import(tmp_path: Path) -> None:
    """A function-level import without a reason is found; with one, it is accepted."""
    module = tmp_path / "m.py"
    module.write_text(
        "def f():\n    import json\n\n    # lazy: rarely used\n    import csv\n    import io\n"
    )
    assert late_imports(module) == [(2, "import json"), (5, "import csv"), (6, "import io")]
    assert not has_reason(module, 2)
    assert has_reason(module, 5)
    assert has_reason(module, 6)  # one reason covers the run of imports below it
