"""The ``followup`` command line.

Exit codes: 0 ok, 1 runtime failure, 2 bad input or usage, 130 Ctrl-C.  Every error is one
line per problem on stderr, never a traceback.  Commands are registered by one module per area
(the engine, coach authoring, the job seeker's tracker); each imports its heavy work only when
it runs, so ``followup plan`` starts fast.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence

import click

from followup.cli.group import cli
from followup.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    FollowupError,
    InputError,
    Terminated,
    visible,
)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (for tests and ``python -m followup``)."""
    try:
        # Without standalone mode click returns what `ctx.exit(code)` asked for (e.g. `spec`
        # passing on pytest's exit code) instead of raising it.
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="followup",
            standalone_mode=False,
        )
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort as stop:
        if isinstance(stop.__cause__, KeyboardInterrupt):
            return _interrupted()
        click.echo("Aborted.", err=True)
        return EXIT_FAILURE
    except click.ClickException as err:
        err.show()
        return EXIT_BAD_INPUT if err.exit_code == 2 else err.exit_code
    except FollowupError as err:
        click.echo(_error_text(err), err=True)
        return err.exit_code
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return _interrupted()
    except Terminated:
        click.echo("followup: terminated", err=True)
        return EXIT_TERMINATED
    return result if isinstance(result, int) else EXIT_OK


def _interrupted() -> int:
    """Ctrl-C: one line, no traceback, the exit code a shell gives a program SIGINT ended.

    What was written before stays written: the tracker commits whole entries only, files are
    replaced atomically, and a proof is remembered only once it is complete.
    """
    click.echo("followup: interrupted", err=True)
    return EXIT_INTERRUPTED


def _error_text(err: FollowupError) -> str:
    """Located problems print as they are; anything else gets the program's name in front."""
    text = visible(str(err), keep="\n")  # a message may quote anything a user wrote
    if isinstance(err, InputError) or text.startswith("followup:"):
        return text
    return f"followup: {text}"


def run() -> None:
    """Console-script entry point.

    A command is a short process that makes many objects while it imports and plans, and almost
    no garbage in reference cycles, so the cyclic collector only rescans them: it is off from
    the start (about a tenth of `followup plan`'s start-up).  The commands that run long turn
    it back on (`followup.cli.group.keep_collecting`); a batch collects between chunks by itself.
    """
    gc.disable()
    code = main()
    sys.stdout.flush()
    sys.exit(code)
