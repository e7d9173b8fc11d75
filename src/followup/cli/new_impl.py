"""``followup new``: write a new playbook file that validates and runs as it is."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import click

from followup import catalog
from followup.authoring import new
from followup.authoring.folders import user_playbooks_dir
from followup.errors import UsageError
from followup.formatting import format_text
from followup.language.playbook_loader import ID_RE


def schema_location() -> str:
    """The playbook JSON Schema shipped in the installed package, as an absolute path.

    Editors read the file itself, so it works offline and always matches the installed version;
    the schema's ``$id`` URL names it but is not served anywhere.
    """

    return str(resources.files("followup") / "schemas" / "playbook.schema.json")


def new_playbook(
    playbook_id: str, base: str | None, directory: Path | None, dirs: tuple[Path, ...]
) -> None:
    """Write ``DIR/ID.yaml`` and print its path.

    Args:
        playbook_id: The new playbook's id (and file name).
        base: An id or file to extend, if any.
        directory: Where to write; default the first coach folder, else the user's playbooks
            folder (created if need be).
        dirs: The coach folders, to find ``base`` by id.

    Raises:
        UsageError: a bad id, a file already there, or an unknown base.
        InputError: the base playbook has problems.
        EngineError: the formatter could not keep the starter's meaning or comments (a bug).
    """

    if not ID_RE.fullmatch(playbook_id):
        raise UsageError(
            f"'{playbook_id}' cannot be a playbook id; expected lower-case letters, digits and -,"
            " starting with a letter or digit, such as my-playbook"
        )
    folder = directory or (dirs[0] if dirs else user_playbooks_dir())
    target = folder / f"{playbook_id}.yaml"
    for existing in (target, target.with_suffix(".yml")):
        if existing.exists():
            raise UsageError(
                f"{existing} already exists; choose another id or --dir, or move that file"
            )
    if base is None:
        text = new.own_playbook(playbook_id, schema_location())
    else:
        base_path = catalog.resolve(base, dirs).resolve()
        catalog.load(str(base_path), dirs)  # the base must be sound before anything builds on it
        data = catalog.document(str(base_path), dirs).data
        assert isinstance(data, dict)
        written = _relative(base_path, folder) if catalog.looks_like_path(base) else base
        text = new.extending_playbook(playbook_id, schema_location(), written, data)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from None
    # Written as `followup fmt` lays it out, so `fmt --check` passes on the untouched file; the
    # formatter is the one definition of that layout (and proves it kept every comment).  After
    # the folder exists: an `extends` path is read from there.
    text = format_text(text, str(target), dirs)
    try:
        with open(target, "x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise UsageError(f"{target} already exists; choose another id or --dir") from None
    except OSError as err:
        raise UsageError(f"cannot write {target}: {err.strerror or err}") from None
    click.echo(str(target))
    bundled = catalog.discover().get(playbook_id)
    if bundled is not None and folder.resolve() != catalog.bundled_dir().resolve():
        click.echo(
            f"note: a bundled playbook is called '{playbook_id}' too; in commands that look in "
            f"{folder}, yours is used in its place",
            err=True,
        )


def _relative(path: Path, folder: Path) -> str:
    """``path`` as the new file's ``extends`` should say it: from the new file's folder."""
    try:
        return Path(os.path.relpath(path, folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(path)
