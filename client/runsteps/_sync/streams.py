# Generated from _async/streams.py by scripts/unasync.py (make generate): edit that file, not this one.
"""`RunStream`: a run followed by its event stream (`runs.stream`, `runs.submit_tool_outputs_stream`).

This module is the source of `runsteps._sync.streams`, which `make generate` writes from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from runsteps._events.accumulate import RunAccumulator, RunStreamEvent
from runsteps._generated.models import Message, Run, RunStep
from runsteps._plans.deadline import CallOptions
from runsteps._plans.streaming import Opening, follow

if TYPE_CHECKING:
    from runsteps._sync.client import Client


class RunStream:
    """A run's events as its server streams them: `with client.runs.stream(...) as stream:
    for event in stream: ...`. Each event has `.event` (the SSE name: `thread.run.step.delta`,
    ...), `.data` (the typed model: `Run`, `RunStep`, `RunStepDelta`, `Message`, `MessageDelta`; a
    kind nobody knows yet keeps its JSON) and `.raw` (the JSON as sent).

    During and after iteration, `run` is the run's latest snapshot, `steps` every step in the order
    created and `messages` every message, accumulated right: deltas merged by `index`, text
    concatenated, numbers never added, and every full snapshot replacing what deltas built.
    `until_done()` reads the stream to its end and returns the final run (or the run waiting at
    requires_action, where the stream ends).

    An `error` event raises `StreamEventError` (the server's `code` and `message`). A stream that
    drops or sends nothing for longer than the client's timeout is followed by polling until the
    run settles (those events are marked `polled`); `timeout` bounds the whole (`PollTimeoutError`).
    The stream is sent when iteration starts and read once; leaving the `with` closes it.
    """

    def __init__(self, client: Client, opening: Opening, options: CallOptions, interval: float | None) -> None:
        self._client, self._opening, self._options, self._interval = client, opening, options, interval
        self._state = RunAccumulator()
        self._events: Iterator[Any] | None = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def __iter__(self) -> Iterator[RunStreamEvent]:
        if self._events is None:
            call = self._client._call(self._options)
            silence = self._client._config.timeout
            plan = follow(call, self._opening, self._state, silence=silence, interval=self._interval)
            self._events = self._client._stream(plan)
        return self._events

    def until_done(self) -> Run:
        """Reads the rest of the stream; the run as it ended (or waits at requires_action)."""
        for _ in self:
            pass
        run = self.run
        assert run is not None  # follow() polls for the run, or raises, when the stream never names it
        return run

    def close(self) -> None:
        """Stops reading and closes the connection (a stream not read to its end included)."""
        if self._events is not None:
            self._events.close()  # type: ignore[attr-defined]

    @property
    def run(self) -> Run | None:
        """The run's latest snapshot (None before the stream named it)."""
        return Run.from_dict(self._state.run) if self._state.run is not None else None

    @property
    def steps(self) -> list[RunStep]:
        """Every step so far, in the order created, as accumulated."""
        return [RunStep.from_dict(step) for step in self._state.steps.values()]

    @property
    def messages(self) -> list[Message]:
        """Every message so far, in the order created, as accumulated."""
        return [Message.from_dict(message) for message in self._state.messages.values()]

    def __repr__(self) -> str:
        run = self._state.run or {}
        return (
            f"<{type(self).__name__} of thread {self._opening.thread_id}; run {run.get('id')!r} "
            f"{run.get('status')!r}, {len(self._state.steps)} steps>"
        )
