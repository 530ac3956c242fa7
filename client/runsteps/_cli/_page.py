"""`runsteps timeline --html`: a run's steps on a time axis, as one self-contained page.

Every figure is text on the page (a duration and tokens beside each bar), not a tooltip: a
screenshot or a print keeps them. Each step is a native `<details>`: a click, Enter or Space opens
what it did (its tool calls with their arguments and outputs, code and logs, search results, the
bodies of Azure's tools, its usage); a failed, cancelled or expired step carries a mark, a colour
and its error in plain sight. The run's header and the axis stay in view while the steps scroll.
A few lines of script filter the steps by status and tool (also from the address: `#status=failed`,
`#tool=get_weather`). Light or dark as the reader's system is; nothing is fetched.
"""

from __future__ import annotations

import html
import json
import math

from runsteps._cli._describe import describe_call
from runsteps._cli._draw import duration, headline, what
from runsteps._generated.models.tool_calls_details import ToolCallsDetails
from runsteps._seeing.timeline import Bar, Timeline, tokens

ENDED_BADLY = frozenset({"failed", "cancelled", "expired", "incomplete"})
MARKS = {"failed": "✗", "cancelled": "⊘", "expired": "⌛", "incomplete": "!"}


def axis(span: float) -> tuple[float, float]:
    """A round end for the axis at or past `span` seconds, and the step between its ticks (1, 2 or 5
    times a power of ten), for five to ten ticks."""
    span = max(span, 1e-3)
    for ticks in (10, 8, 6, 5):
        raw = span / ticks
        power = 10 ** math.floor(math.log10(raw))
        for nice in (1, 2, 5, 10):
            step = nice * power
            if step * ticks >= span - 1e-9 and step * 5 <= span * 1.5 + 1e-9:
                return step * math.ceil(span / step - 1e-9), step
    step = 10 ** math.ceil(math.log10(span))
    return step, step / 5


def page(timeline: Timeline) -> str:
    run = timeline.run
    t0 = timeline.start
    end, step = axis(timeline.end - t0)
    ticks = round(end / step)
    rows = [_row(bar, t0, end, timeline.now) for bar in timeline.bars]
    statuses = sorted({bar.status for bar in timeline.bars})
    tools = sorted({tool for bar in timeline.bars for tool in bar.tools})
    prompt, completion, total = timeline.totals()
    failed = sum(1 for bar in timeline.bars if bar.status in ENDED_BADLY)
    facts = [
        ("status", str(run.status)),
        ("thread", str(run.thread_id or "-")),
        ("agent", str(run.assistant_id or "-")),
        ("model", str(run.model or "-")),
        ("steps", f"{len(timeline.bars)}" + (f", {failed} ended badly" if failed else "")),
        ("duration", duration(timeline.end - t0)),
        ("tokens", f"{total:,} ({prompt:,} in, {completion:,} out)"),
    ]
    e = html.escape
    labels = "".join(
        f'<span class="tick" style="left:{100 * i / ticks:.4f}%">{e(_tick(i * step, step))}</span>'
        for i in range(ticks + 1)
    )
    run_tools = [str(getattr(tool, "type", "?")) for tool in run.tools or []]
    about = ""
    if run.instructions or run_tools:
        about = (
            '<details class="about"><summary>Instructions and tools</summary>'
            + (f"<pre>{e(run.instructions)}</pre>" if run.instructions else "")
            + (f"<p>Tools: {e(', '.join(run_tools))}</p>" if run_tools else "")
            + "</details>"
        )
    status_options = "".join(f'<option value="{e(s)}">{e(s)}</option>' for s in statuses)
    tool_options = "".join(f'<option value="{e(t)}">{e(t)}</option>' for t in tools)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="color-scheme" content="light dark">
<title>{e(f"Run {run.id}")}</title>
<style>{STYLE}
.track {{ background-size: calc(100% / {ticks}) 100%; }}
</style></head>
<body>
<header>
<h1>Run {e(run.id)} <span class="badge {e(str(run.status))}">{e(str(run.status))}</span></h1>
<p class="headline">{e(headline(timeline))}</p>
<dl>{"".join(f"<div><dt>{e(k)}</dt><dd>{e(v)}</dd></div>" for k, v in facts)}</dl>
{about}
<form class="filters" onsubmit="return false">
<label>Status <select id="status"><option value="">every status</option>{status_options}</select></label>
<label>Tool <select id="tool"><option value="">every tool</option>{tool_options}</select></label>
<output id="shown">{len(rows)} of {len(rows)} steps</output>
</form>
<div class="axis" aria-hidden="true"><span></span><span class="scale">{labels}</span></div>
</header>
<ol class="steps">
{"".join(rows)}
</ol>
<script>{SCRIPT}</script>
</body></html>
"""


def _row(bar: Bar, t0: float, end: float, now: float) -> str:
    e = html.escape
    left = 100 * (bar.start - t0) / end
    width = 100 * bar.duration(now) / end
    prompt, completion, total = tokens(bar.step.usage)
    still = bar.end is None
    classes = " ".join(
        ["step", bar.status, *(["open"] if still else []), *(["bad"] if bar.status in ENDED_BADLY else [])]
    )
    mark = MARKS.get(bar.status, "▸" if still else "")
    took = duration(bar.duration(now)) + (" (still going)" if still else "")
    figures = f"{took} · {total:,} tokens" if total else took
    error = bar.step.last_error
    error_text = f"{error.code}: {error.message}" if error is not None else ""
    details = []
    step_details = bar.step.step_details
    if isinstance(step_details, ToolCallsDetails):
        for call in step_details.tool_calls or []:
            details.append("\n".join(describe_call(call)))
    elif step_details is not None:
        details.append(json.dumps(step_details.to_dict(), indent=2, ensure_ascii=False))
    times = f"started +{bar.start - t0:.1f}s" + (f", ended +{bar.end - t0:.1f}s" if bar.end is not None else "")
    usage = f"tokens: {total:,} ({prompt:,} in, {completion:,} out)"
    body = "".join(f"<pre>{e(text)}</pre>" for text in details)
    return (
        f'<li class="{e(classes)}" data-status="{e(bar.status)}" data-tools="{e(" ".join(bar.tools))}">'
        f"<details><summary>"
        f'<span class="label"><span class="mark" aria-hidden="true">{mark}</span>'
        f'<span class="id">{e(bar.id)}</span> <span class="what">{e(what(bar))}</span> '
        f'<span class="state">{e(bar.status)}</span></span>'
        f'<span class="track"><span class="bar" style="left:{left:.4f}%;width:{width:.4f}%"></span>'
        f'<span class="figures" style="left:{min(left + width, 100):.4f}%">{e(figures)}</span></span>'
        f"</summary>"
        f'<div class="more"><p>{e(times)}; {e(usage)}</p>{body}</div></details>'
        + (f'<p class="error">{MARKS.get(bar.status, "!")} {e(error_text)}</p>' if error_text else "")
        + "</li>\n"
    )


def _tick(value: float, step: float) -> str:
    """An axis label, with as many decimals as the ticks' step needs (0s, 0.5s, 1s, ...)."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    return f"{value:.{decimals}f}s"


STYLE = """
:root { --fg: #1d1d1f; --muted: #5f6368; --bg: #fff; --panel: #f6f7f9; --line: #dadce0; --grid: #eceef1;
  --completed: #2f7d32; --failed: #c62828; --cancelled: #757575; --expired: #ef6c00; --in_progress: #f9a825;
  --other: #1565c0; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e8eaed; --muted: #9aa0a6; --bg: #161719; --panel: #202124; --line: #3c4043; --grid: #26282b;
    --completed: #5cb85c; --failed: #ef5350; --cancelled: #9e9e9e; --expired: #ffa040; --in_progress: #ffd54f;
    --other: #64b5f6; }
}
* { box-sizing: border-box; }
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: var(--fg); background: var(--bg); }
header { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 16px 24px 0;
  border-bottom: 1px solid var(--line); }
h1 { font-size: 20px; margin: 0 0 4px; }
.headline { margin: 0 0 8px; color: var(--muted); }
dl { display: flex; flex-wrap: wrap; gap: 4px 24px; margin: 0 0 8px; }
dl div { display: flex; gap: 6px; } dt { color: var(--muted); } dd { margin: 0; font-variant-numeric: tabular-nums; }
.badge { font-size: 13px; padding: 1px 8px; border-radius: 10px; color: #fff; background: var(--other);
  vertical-align: middle; }
.badge.completed { background: var(--completed); } .badge.failed { background: var(--failed); }
.badge.cancelled { background: var(--cancelled); } .badge.expired { background: var(--expired); }
.about pre { white-space: pre-wrap; background: var(--panel); padding: 8px; margin: 4px 0; }
.filters { display: flex; gap: 16px; align-items: center; margin: 4px 0 8px; }
.filters output { color: var(--muted); }
select { font: inherit; color: var(--fg); background: var(--panel); border: 1px solid var(--line); border-radius: 4px; }
.axis, summary { display: grid; grid-template-columns: 340px 1fr; column-gap: 12px; }
.axis { height: 22px; font-size: 12px; color: var(--muted); }
.scale { position: relative; margin-right: 110px; }
.tick { position: absolute; bottom: 2px; transform: translateX(-50%); font-variant-numeric: tabular-nums; }
.tick:first-child { transform: none; }
.steps { list-style: none; margin: 0; padding: 0 24px 24px; }
.step { border-bottom: 1px solid var(--grid); }
summary { cursor: pointer; align-items: center; min-height: 26px; list-style: none; }
.about summary { display: list-item; list-style: disclosure-closed inside; min-height: 0; }
.about[open] summary { list-style-type: disclosure-open; }
summary::-webkit-details-marker { display: none; }
summary:focus-visible { outline: 2px solid var(--other); outline-offset: -2px; }
.label { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; font-family: ui-monospace, monospace; font-size: 12.5px; }
.mark { display: inline-block; width: 1.3em; font-weight: bold; }
.what { color: var(--muted); } .state { color: var(--muted); font-size: 11.5px; }
.track { position: relative; height: 26px; margin-right: 110px;
  background-image: linear-gradient(to right, var(--grid) 1px, transparent 1px); }
.bar { position: absolute; top: 6px; height: 14px; min-width: 4px; border-radius: 3px; background: var(--other); }
.completed .bar { background: var(--completed); } .failed .bar { background: var(--failed); }
.cancelled .bar { background: var(--cancelled); } .expired .bar { background: var(--expired); }
.in_progress .bar { background: var(--in_progress); }
.open .bar { opacity: .6; background-image: repeating-linear-gradient(45deg, transparent 0 4px, rgba(255,255,255,.45) 4px 8px); }
.figures { position: absolute; top: 4px; margin-left: 6px; white-space: nowrap; font-size: 12px;
  font-variant-numeric: tabular-nums; color: var(--muted); }
.bad .mark, .bad .state, .error { color: var(--failed); font-weight: 600; }
.bad { background: color-mix(in srgb, var(--failed) 7%, transparent); }
.error { margin: 0 0 6px 32px; font-size: 13px; }
.more { padding: 4px 0 10px 32px; font-size: 13px; }
.more pre { white-space: pre-wrap; word-break: break-word; background: var(--panel); padding: 8px; margin: 4px 0;
  font-size: 12px; }
@media print {
  header { position: static; } .filters { display: none; }
  .bar, .badge { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""

SCRIPT = """
(() => {
  const rows = [...document.querySelectorAll("li.step")];
  const status = document.getElementById("status"), tool = document.getElementById("tool");
  const shown = document.getElementById("shown");
  const apply = () => {
    let count = 0;
    for (const row of rows) {
      const keep = (!status.value || row.dataset.status === status.value)
        && (!tool.value || row.dataset.tools.split(" ").includes(tool.value));
      row.hidden = !keep;
      if (keep) count++;
    }
    shown.textContent = `${count} of ${rows.length} steps`;
    const wanted = new URLSearchParams();
    if (status.value) wanted.set("status", status.value);
    if (tool.value) wanted.set("tool", tool.value);
    history.replaceState(null, "", wanted.toString() ? "#" + wanted : location.pathname);
  };
  const asked = new URLSearchParams(location.hash.slice(1));
  for (const [select, name] of [[status, "status"], [tool, "tool"]]) {
    if ([...select.options].some(o => o.value === asked.get(name))) select.value = asked.get(name);
    select.addEventListener("change", apply);
  }
  apply();
})();
"""
