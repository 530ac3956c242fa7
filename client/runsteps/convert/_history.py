"""A thread whole, as conversions take it: the thread, its messages, its runs and their steps."""

from __future__ import annotations

import os
from typing import Any

import attrs

from runsteps._archive.reading import read_archive
from runsteps._generated.models import Message, Run, RunStep, Thread
from runsteps._seeing.timeline import seconds


@attrs.frozen
class ThreadHistory:
    """A thread whole: the thread object (None where the source had none), its messages oldest first,
    its runs oldest first, and each run's steps oldest first (by run id). `client.threads.read(...)`
    reads one from a server; `ThreadHistory.from_archive(path)` from a `runsteps export` file."""

    thread_id: str
    thread: Thread | None
    messages: list[Message]
    runs: list[Run]
    steps: dict[str, list[RunStep]]

    @classmethod
    def from_archive(cls, path: str | os.PathLike[str], thread_id: str | None = None) -> ThreadHistory:
        """The thread of an export file (`thread_id` when it holds several). A ValueError names the
        threads a file holds when none is given and there are several, or when the one asked for is
        not there."""
        found: dict[str, dict[str, Any]] = {}

        def of(tid: str) -> dict[str, Any]:
            return found.setdefault(tid, {"thread": None, "messages": [], "runs": [], "steps": {}})

        run_thread: dict[str, str] = {}
        for item in read_archive(path):
            if isinstance(item, Thread):
                of(item.id)["thread"] = item
            elif isinstance(item, Message):
                of(str(item.thread_id or ""))["messages"].append(item)
            elif isinstance(item, Run):
                tid = str(item.thread_id or "")
                run_thread[item.id] = tid
                of(tid)["runs"].append(item)
            else:
                tid = run_thread.get(str(item.run_id or ""), str(item.thread_id or ""))
                of(tid)["steps"].setdefault(str(item.run_id or ""), []).append(item)
        if thread_id is None:
            if len(found) != 1:
                raise ValueError(
                    f"{os.fspath(path)} holds {len(found)} threads ({', '.join(sorted(found)) or 'none'}): name one"
                )
            thread_id = next(iter(found))
        if thread_id not in found:
            raise ValueError(f"{os.fspath(path)} holds no thread {thread_id!r} (it holds {', '.join(sorted(found))})")
        parts = found[thread_id]
        return cls(thread_id, parts["thread"], parts["messages"], parts["runs"], parts["steps"])

    def only_runs(self, run_ids: list[str]) -> ThreadHistory:
        """The same thread with only these runs, their steps, the messages they made and the user's turns
        they answered (a user's turn belongs to the first run created after it; one after every run stays)."""
        wanted = set(run_ids)
        missing = [r for r in run_ids if r not in {run.id for run in self.runs}]
        if missing:
            raise ValueError(f"thread {self.thread_id!r} has no run {', '.join(map(repr, missing))}")
        return attrs.evolve(
            self,
            messages=[m for m in self.messages if (owner := m.run_id or self._run_after(m)) is None or owner in wanted],
            runs=[r for r in self.runs if r.id in wanted],
            steps={k: v for k, v in self.steps.items() if k in wanted},
        )

    def _run_after(self, message: Message) -> str | None:
        """The id of the first run created at or after `message` (None: no run follows it, and it stays)."""
        at = seconds(message.created_at) or 0.0
        later = [r for r in self.runs if (seconds(r.created_at) or 0.0) >= at]
        return min(later, key=lambda r: seconds(r.created_at) or 0.0).id if later else None
