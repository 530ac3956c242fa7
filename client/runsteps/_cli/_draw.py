"""A timeline drawn for the command line: bars for a terminal, a JSON object per step for a pipe
(the page is `_page`).

Pure functions of a `Timeline`: the command decides where each goes.
"""

from __future__ import annotations

from typing import Any

from runsteps._sanitize import printable
from runsteps._seeing.timeline import Bar, Timeline, tokens

FULL, OPEN = "█", "░"


def duration(value: float) -> str:
    """A duration as every view of a run writes it."""
    return f"{value:.1f}s" if value < 100 else f"{value:.0f}s"


def _tokens(value: int) -> str:
    return f"{value:,}" if value else "-"


def what(bar: Bar) -> str:
    return "+".join(dict.fromkeys(bar.tools)) if bar.tools else bar.kind


def headline(timeline: Timeline) -> str:
    return ", ".join(_facts(timeline))


def wrapped_headline(timeline: Timeline, width: int) -> list[str]:
    lines = [""]
    for part in _facts(timeline):
        joined = f"{lines[-1]}, {part}" if lines[-1] else part
        if len(joined) <= width or not lines[-1]:
            lines[-1] = joined[:width]
        else:
            lines.append(f"  {part}"[:width])
    return lines


def _facts(timeline: Timeline) -> list[str]:
    run = timeline.run
    prompt, completion, total = timeline.totals()
    failed = sum(1 for b in timeline.bars if b.failed)
    parts = [
        f"run {printable(run.id, 60)}: {printable(str(run.status), 30)}",
        f"{len(timeline.bars)} {'step' if len(timeline.bars) == 1 else 'steps'}",
        duration(timeline.end - timeline.start),
        f"{total:,} tokens ({prompt:,} in, {completion:,} out)",
    ]
    if failed:
        parts.append(f"{failed} failed")
    return parts


def bars(timeline: Timeline, width: int) -> list[str]:
    """One row per step: a mark (✗ failed, ▸ still going), the id, what it did, how long, its tokens, and
    its bar on the run's time axis, all within `width` columns; an axis row under them."""
    t0, span = timeline.start, max(timeline.end - timeline.start, 1e-9)
    columns = [
        [printable(b.id, 40) for b in timeline.bars],
        [printable(what(b), 30) for b in timeline.bars],
        [duration(b.duration(timeline.now)) for b in timeline.bars],
        [_tokens(b.tokens) for b in timeline.bars],
    ]
    widths = [max([len(v) for v in column], default=0) for column in columns]
    # Bars keep at least a third of the line: the tokens, then the kind go first; the id is cut last.
    least_bar = max(8, width // 3)
    for drop in (3, 1):
        if 2 + sum(w + 1 for w in widths if w) + least_bar > width:
            widths[drop] = 0
    fixed = 2 + sum(w + 1 for w in widths if w)
    if fixed + least_bar > width:
        widths[0] = max(4, widths[0] - (fixed + least_bar - width))
        fixed = 2 + sum(w + 1 for w in widths if w)
    room = max(4, width - fixed - 1)
    lines = wrapped_headline(timeline, width)
    for i, bar in enumerate(timeline.bars):
        mark = "✗" if bar.failed else ("▸" if bar.end is None else " ")
        cells = []
        for c, w in enumerate(widths):
            if w:
                value = columns[c][i][:w]
                cells.append(value.rjust(w) if c >= 2 else value.ljust(w))
        first = int((bar.start - t0) / span * room)
        last = int(((bar.end if bar.end is not None else timeline.now) - t0) / span * room)
        first, last = min(first, room - 1), min(max(last, first + 1), room)
        track = " " * first + (OPEN if bar.end is None else FULL) * (last - first)
        lines.append(f"{mark} {' '.join(cells)} │{track.ljust(room)}"[:width])
    axis_at = fixed
    left, right = "0s", duration(span)
    lines.append((" " * axis_at + left + right.rjust(max(1, room + 1 - len(left))))[:width])
    return lines


def records(timeline: Timeline) -> list[dict[str, Any]]:
    """A JSON object per step, for a pipe: its times (seconds from the run's start, and as the server
    stamped them), duration, tokens, status, tools and error."""
    rows = []
    for b in timeline.bars:
        prompt, completion, total = tokens(b.step.usage)
        error = b.step.last_error
        rows.append(
            {
                "id": b.id,
                "kind": b.kind,
                "tools": list(b.tools),
                "status": b.status,
                "open": b.end is None,
                "start_s": round(b.start - timeline.start, 3),
                "duration_s": round(b.duration(timeline.now), 3),
                "started_at": b.start,
                "ended_at": b.end,
                "tokens": {"prompt": prompt, "completion": completion, "total": total},
                "error": None if error is None else {"code": error.code, "message": error.message},
            }
        )
    return rows
