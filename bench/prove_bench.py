"""How long `followup prove` takes, and how much it explores, per playbook: quick and sound.

Each proof runs in a fresh process (nothing remembered from an earlier proof, as for a user
typing the command), on the code this checkout imports.  It prints, per playbook and mode, the
wall time, the CPU time of the process and its workers, the cases explored, the abstract
states the search kept and the paths it counted, and whether the playbook keeps its limits.

It is a measurement, not a test: it exits 0 however slow the numbers are, and 1 only if a proof
could not run.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BUNDLED = tuple(sorted(p.stem for p in (REPO / "playbooks").glob("*.yaml")))
NAGGING = str(REPO / "tests" / "lint" / "data" / "nagging.yaml")
MODES = ("quick", "sound")

# Runs inside the child: one proof, its figures as one JSON line.
CHILD = """
import json, resource, sys, time
from followup import catalog
from followup.lint.prove import prove
from followup.lint.space import ProofOptions
ref, sound, workers = sys.argv[1], sys.argv[2] == "sound", int(sys.argv[3]) or None
every = sys.argv[4] == "every"
cp = catalog.load(ref)
start = time.perf_counter()
report = prove(cp, ProofOptions(sound=sound, every_news_date=every), workers)
wall = time.perf_counter() - start
usage = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
print(json.dumps({
    "wall": wall,
    "cpu": sum(u.ru_utime + u.ru_stime for u in usage),
    "rss_mb": max(u.ru_maxrss for u in usage) / 1024,
    "cases": report.cases,
    "states": report.states,
    "paths": report.paths,
    "ok": report.ok,
}))
"""


def measure(ref: str, mode: str, workers: int, news_dates: str = "fixed") -> dict[str, object]:
    """One proof of ``ref`` in ``mode``, in a fresh process (``news_dates``: as
    ``prove --news-dates``).

    Raises:
        RuntimeError: the proof could not run (its error output is in the message).
    """
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    cmd = [sys.executable, "-c", CHILD, ref, mode, str(workers), news_dates]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{ref} ({mode}): {done.stderr.strip()[-2000:]}")
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _name(ref: str) -> str:
    return Path(ref).stem if ref.endswith(".yaml") else ref


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "playbooks",
        nargs="*",
        help="playbook ids or files (default: the bundled ones and a nagging one)",
    )
    parser.add_argument("--mode", choices=(*MODES, "both"), default="both")
    parser.add_argument(
        "--workers", type=int, default=0, help="processes per proof (default: as prove decides)"
    )
    parser.add_argument(
        "--news-dates",
        choices=("fixed", "every"),
        default="fixed",
        help="as prove --news-dates ('every': about 20 times as long)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per proof")
    args = parser.parse_args(argv)
    refs = args.playbooks or [*BUNDLED, NAGGING]
    modes = MODES if args.mode == "both" else (args.mode,)
    if not args.json:
        print(
            f"{'playbook':<20} {'mode':<6} {'wall s':>7} {'cpu s':>7} {'rss MB':>7} "
            f"{'cases':>7} {'states':>10} {'paths':>12}  limits"
        )
    failed = False
    for ref in refs:
        for mode in modes:
            try:
                row = measure(ref, mode, args.workers, args.news_dates)
            except RuntimeError as exc:
                print(f"FAILED {exc}", file=sys.stderr)
                failed = True
                continue
            if args.json:
                print(json.dumps({"playbook": _name(ref), "mode": mode, **row}))
                continue
            print(
                f"{_name(ref):<20} {mode:<6} {row['wall']:>7.1f} {row['cpu']:>7.1f} "
                f"{row['rss_mb']:>7.0f} {row['cases']:>7,} {row['states']:>10,} "
                f"{row['paths']:>12,}  {'kept' if row['ok'] else 'broken'}",
                flush=True,
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
