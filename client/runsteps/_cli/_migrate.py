"""`runsteps migrate`: each thread into one Conversation of the successor API, resumable, never written twice.

Each thread is converted as it is read, a page at a time (`runsteps.convert`'s items): memory stays
flat however long the thread. What cannot go is named on stderr as it is found. On the target a
conversation is made (its metadata names the source thread and server), then the items are added in
order, at most 20 a request. Progress is kept in a state file as it goes (written whole each time, by
rename): the conversation's id, how many items are written, the batch in flight, recorded before it
is sent, and the thread's item count once it is done. A rerun makes the items again, passes over
those written, and continues: a batch that was in flight is looked for in the conversation first (its
newest item says whether it landed), so nothing is written twice; a lost answer during a run is
settled the same way (`runsteps._plans.migrating`). A thread migrated whole that has changed since is
refused.

stdout: `THREAD CONVERSATION` a line, as each thread is done; with `--dry-run`, nothing is sent to the
target and the items that would be written are printed instead, a JSON object a line.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import tempfile
from collections.abc import Iterator
from typing import Any

import attrs

from runsteps._cli._commands import INCLUDE_CONTENT
from runsteps._cli._connect import TokenCommand
from runsteps._cli._describe import plural
from runsteps._cli._terminal import Terminal
from runsteps._config import Config
from runsteps._plans import migrating
from runsteps._plans.deadline import CallOptions
from runsteps._sanitize import printable
from runsteps._sync.client import Client
from runsteps.convert._items import Loss, iter_items

FORMAT = "runsteps-migration/1"
DEFAULT_STATE = "runsteps-migration.json"
TARGETS = ("openai", "azure")
PAGE = 100


def migrate(source: Client, args: argparse.Namespace, terminal: Terminal) -> int:
    state_path = args.state or DEFAULT_STATE
    target_config = _target(args)
    state = _load(state_path, target_config.base_url)
    target = None if args.dry_run else Client._from_config(target_config, None, None)
    try:
        for thread_id in args.threads:
            _one(source, target, thread_id, state, state_path, args, terminal)
    finally:
        if target is not None:
            target.close()
    return 0


def _target(args: argparse.Namespace) -> Config:
    """The successor's server: OpenAI-style (`--to` is its base URL) or Azure's v1 surface (`--to` is the
    resource endpoint or its `/openai/v1` URL), a key (`--to-api-key`, else RUNSTEPS_TO_API_KEY) or a
    token command. Conversations take no `OpenAI-Beta` header: none is sent."""
    key = args.to_api_key or os.environ.get("RUNSTEPS_TO_API_KEY")
    command = args.to_token_command
    if key and command:
        raise ValueError("give --to-api-key or --to-token-command, not both")
    if not key and not command:
        raise ValueError(
            "no credential for the target: give --to-api-key (or set RUNSTEPS_TO_API_KEY) or --to-token-command"
        )
    provider = TokenCommand(command) if command else None
    server = args.to_server
    if server == "azure":
        endpoint = args.to.rstrip("/")
        endpoint = endpoint if endpoint.endswith("/openai/v1") else endpoint + "/openai/v1"
        config = Config.azure(endpoint, api_key=None if provider else key, token_provider=provider, environ={})
    else:
        config = Config.openai(None if provider else key, base_url=args.to, token_provider=provider, environ={})
    return attrs.evolve(config, headers={k: v for k, v in config.headers.items() if k != "OpenAI-Beta"})


def _load(path: str, target: str) -> dict[str, Any]:
    if not os.path.exists(path):
        return {"format": FORMAT, "target": target, "threads": {}}
    try:
        with open(path, encoding="utf-8") as file:
            state = json.load(file)
    except (OSError, ValueError) as exc:
        raise ValueError(f"--state {path}: not a migration state file ({type(exc).__name__}: {exc})") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT or not isinstance(state.get("threads"), dict):
        raise ValueError(f"--state {path}: not a runsteps migration state file")
    if state.get("target") != target:
        raise ValueError(
            f"--state {path} records a migration to {printable(str(state.get('target')), 200)}, not to "
            f"{printable(target, 200)}: give another --state file"
        )
    return state


def _save(path: str, state: dict[str, Any]) -> None:
    """The whole state, written to a file beside it and renamed over it: never half written."""
    folder = os.path.dirname(os.path.abspath(path))
    with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp", encoding="utf-8") as file:
        json.dump(state, file, indent=1)
        file.flush()
        os.fsync(file.fileno())
    os.replace(file.name, path)


def _one(
    source: Client,
    target: Client | None,
    thread_id: str,
    state: dict[str, Any],
    state_path: str,
    args: argparse.Namespace,
    terminal: Terminal,
) -> None:
    losses: list[Loss] = []
    said = 0

    def say_losses() -> None:
        nonlocal said
        for loss in losses[said:]:
            terminal.say(f"runsteps: not carried: {printable(str(loss), 400)}")
        said = len(losses)

    items = _items(source, thread_id, args.timeout, losses)
    origin = source._config.base_url
    entry = state["threads"].get(thread_id)
    if entry is not None and entry.get("source") != origin:
        raise ValueError(
            f"--state {state_path} records thread {printable(thread_id, 80)} from "
            f"{printable(str(entry.get('source')), 200)}, not from {printable(origin, 200)}: give another "
            "--state file for this one"
        )
    terminal.status(f"reading thread {printable(thread_id, 60)}")
    if args.dry_run:
        n = 0
        for item in items:
            terminal.record(item)
            n += 1
            say_losses()
        terminal.done()
        say_losses()
        requests = -(-n // migrating.MAX_ITEMS)
        terminal.say(
            f"thread {printable(thread_id, 80)}: would write {n:,} {plural(n, 'item')} in {requests:,} "
            f"{plural(requests, 'request')} (and 1 to make the conversation); {len(losses):,} not carried; "
            "nothing sent"
        )
        return
    assert target is not None
    if entry is None:
        entry = {"source": origin, "items": None, "conversation": None, "written": 0, "sending": None}
        state["threads"][thread_id] = entry

    def changed(now: str) -> ValueError:
        recorded = entry["items"] if entry["items"] is not None else entry["written"]
        return ValueError(
            f"--state {state_path} records thread {printable(thread_id, 80)} as {recorded:,} items from "
            f"{printable(origin, 200)}; it now has {now} items: give another --state file for this one"
        )

    # What is written already is made again and passed over, keeping the last of it: the item the
    # conversation's newest must be.
    before = None
    for _ in range(entry["written"]):
        before = next(items, None)
        if before is None:
            raise changed("fewer")
    if entry["items"] is not None:  # migrated whole before: the thread must be as it was then
        if entry["items"] != entry["written"]:
            raise changed(f"{entry['written']:,}")
        if next(items, None) is not None:
            raise changed("more")
    in_flight = entry["sending"]
    batch = list(itertools.islice(items, in_flight[1] - in_flight[0])) if in_flight else []
    if in_flight and len(batch) < in_flight[1] - in_flight[0]:
        raise changed("fewer")
    if entry["conversation"] is None:
        metadata = {"runsteps_source_thread": thread_id[:512], "runsteps_source": origin[:512]}
        made = target._execute(migrating.create(target._call(CallOptions.of(args.timeout)), metadata))
        entry["conversation"] = made.model["id"]
        _save(state_path, state)
    conversation: str = entry["conversation"]
    call = target._call(CallOptions.of(args.timeout))
    if _reconcile(target, call, conversation, entry, batch, before):
        before = batch[-1]
    else:
        items = itertools.chain(batch, items)
    _save(state_path, state)
    while batch := list(itertools.islice(items, migrating.MAX_ITEMS)):
        start = entry["written"]
        entry["sending"] = [start, start + len(batch)]
        _save(state_path, state)  # before sending: a rerun looks for this batch before sending anything
        target._execute(migrating.add(target._call(CallOptions.of(args.timeout)), conversation, batch, before, start))
        entry["written"], entry["sending"], before = start + len(batch), None, batch[-1]
        _save(state_path, state)
        say_losses()
        terminal.status(f"thread {printable(thread_id, 60)}: {entry['written']:,} items written")
    n = entry["items"] = entry["written"]
    _save(state_path, state)
    terminal.done()
    say_losses()
    terminal.row(f"{thread_id} {conversation}")
    terminal.say(
        f"thread {printable(thread_id, 80)} -> conversation {conversation}: {n:,} {plural(n, 'item')}, "
        f"{len(losses):,} not carried"
    )


def _items(source: Client, thread_id: str, timeout: float | None, losses: list[Loss]) -> Iterator[dict[str, Any]]:
    """The thread's items as its messages, runs and steps are listed: a page of each at a time."""
    source.threads.retrieve(thread_id, timeout=timeout)  # a thread that is not there: NotFoundError, by name
    messages = source.messages.list(thread_id, order="asc", limit=PAGE, timeout=timeout)
    runs = (
        (run, source.steps.list(run.id, thread_id=thread_id, order="asc", limit=PAGE, include=INCLUDE_CONTENT,
                                timeout=timeout))
        for run in source.runs.list(thread_id, order="asc", limit=PAGE, timeout=timeout)
    )  # fmt: skip
    return iter_items(messages, runs, losses)


def _reconcile(
    target: Client, call: Any, conversation: str, entry: dict[str, Any], batch: list[Any], before: Any
) -> bool:
    """Where the conversation stands: whether the batch in flight when the last run stopped has landed
    (then it counts as written), and that the items recorded as written are there
    (`ConversationChanged` when the conversation shows otherwise)."""
    written, sending = entry["written"], entry["sending"]
    entry["sending"] = None
    if sending is not None:
        landed: bool = target._execute(migrating.landed(call, conversation, batch, before, written))
        if landed:
            entry["written"] = sending[1]
        return landed
    if not migrating.is_written(target._execute(migrating.newest(call, conversation)), before):
        raise migrating.ConversationChanged(
            f"conversation {conversation}: its newest item is not the last one this migration wrote (item "
            f"{written}); it changed outside this migration, which stops here"
        )
    return False
