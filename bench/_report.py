"""The README's performance table, written from a full `make bench` run: each section's headlines
(`_measure.headline`), dated, between the README's markers. Nothing in the table is typed by hand."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ._measure import Headline

BEGIN = "<!-- performance table: written by make bench, do not edit -->"
END = "<!-- end of performance table -->"


def markdown(headlines: Sequence[Headline], measured_on: str) -> str:
    lines = [
        measured_on,
        "",
        "| what `make bench` measures | runsteps | baseline or peer, same run | goal | this run |",
        "|---|---|---|---|---|",
    ]
    for h in headlines:
        verdict = "" if h.ok is None else ("met" if h.ok else "**missed**")
        lines.append(f"| {h.what} | {h.ours} | {h.beside} | {h.goal} | {verdict} |")
    return "\n".join(lines)


def write_into(readme: Path, table: str) -> None:
    """Replaces what is between the markers with `table`."""
    text = readme.read_text()
    pattern = re.compile(re.escape(BEGIN) + r".*?" + re.escape(END), re.DOTALL)
    if not pattern.search(text):
        raise SystemExit(f"{readme} has no performance table markers")
    readme.write_text(pattern.sub(lambda _: f"{BEGIN}\n{table}\n{END}", text, count=1))
