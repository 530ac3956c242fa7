"""`runsteps migrate`: a thread written once into a Conversation of the successor, in order, resumable
after a lost answer or Ctrl-C, and refusing what would write to the wrong place."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import runsteps
from runsteps.convert import to_items
from runsteps.emulator import Emulator, FaultPlan, ManualClock, RunScript, StepScript, _conversations, message_creation
from runsteps.emulator._azure_run import azure_tools_run
from runsteps.emulator.demo_script import demo_run

from .cli import reaching, run

TARGET_KEY = "sk-target"


@pytest.fixture
def source() -> Iterator[Emulator]:
    """A thread of 300 messages (15 requests of items) and the demo's runs, every tool among them."""
    with Emulator(clock=ManualClock(t=100_000)) as emu:
        emu.add_run(demo_run("thread_x", "run_demo"))
        emu.add_run(azure_tools_run("thread_x"))
        steps = [StepScript(f"s_{i:03d}", message_creation(f"m_{i:03d}"), 100 + i, 100.5 + i) for i in range(280)]
        emu.add_run(RunScript("run_long", "thread_x", [(99.0, "in_progress"), (500.0, "completed")], steps))
        yield emu


def expected_items(source: Emulator) -> list[dict[str, Any]]:
    with runsteps.Client(api_key=source.api_key, base_url=source.base_url) as client:
        return to_items(client.threads.read("thread_x")).items


def migrate(source: Emulator, target: Emulator, state: Path, *more: str) -> Any:
    env = {**reaching(source), "RUNSTEPS_TO_API_KEY": TARGET_KEY}
    to = (
        ["--to", target.endpoint, "--to-server", "azure"] if target.flavour == "azure-v1" else ["--to", target.base_url]
    )
    return run(["migrate", "thread_x", *to, "--state", str(state), *more], env)


def written(target: Emulator) -> list[dict[str, Any]]:
    (conversation,) = target.conversations.kept.values()
    return conversation.items


def as_sent(stored: list[dict[str, Any]], items: list[dict[str, Any]]) -> bool:
    """Each stored item is the one sent at its place (the server adds ids and statuses)."""
    return len(stored) == len(items) and all(
        all(s.get(k) == v for k, v in i.items()) for s, i in zip(stored, items, strict=True)
    )


def test_a_lost_answer_then_ctrl_c_then_a_rerun_writes_every_item_once_in_order(
    source: Emulator, tmp_path: Path
) -> None:
    items = expected_items(source)
    assert len(items) > 280
    # The conversation is made; the first items request lands but its answer is lost; every answer is slow,
    # so that Ctrl-C comes in the middle.
    faults = FaultPlan(rate=1.0, mix=["slow"], slow_seconds=0.05, actions=["none", "lost-answer"])
    state = tmp_path / "state.json"
    with Emulator(api_key=TARGET_KEY, faults=faults) as target:
        env = {**reaching(source), "RUNSTEPS_TO_API_KEY": TARGET_KEY}
        argv = [sys.executable, "-m", "runsteps", "migrate", "thread_x", "--to", target.base_url, "--state", str(state)]
        child = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and child.poll() is None:
            progress = json.loads(state.read_text())["threads"]["thread_x"]["written"] if state.exists() else 0
            if progress >= 100:
                break
            time.sleep(0.02)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=60)
        assert child.returncode == 130, err
        halfway = json.loads(state.read_text())["threads"]["thread_x"]
        assert 100 <= halfway["written"] < len(items)
        assert "the answer was lost" not in err or "landed" in err
        target.faults = FaultPlan()
        again = migrate(source, target, state)
        assert again.returncode == 0, again.stderr
        assert len(target.conversations.kept) == 1  # one conversation
        assert as_sent(written(target), items)  # every item once, in order
        (conversation,) = target.conversations.kept.values()
        assert again.stdout == f"thread_x {conversation.id}\n"
        assert conversation.metadata == {"runsteps_source_thread": "thread_x", "runsteps_source": source.base_url}
        finished = json.loads(state.read_text())["threads"]["thread_x"]
        assert finished["written"] == len(items) and finished["sending"] is None
        # Run again: nothing more is written.
        assert migrate(source, target, state).returncode == 0
        assert as_sent(written(target), items)


def test_a_lost_answer_that_did_not_land_is_resent_once(source: Emulator, tmp_path: Path) -> None:
    items = expected_items(source)
    with Emulator(
        api_key=TARGET_KEY, flavour="azure-v1", faults=FaultPlan(actions=["none", "none", "drop-before"])
    ) as target:
        done = migrate(source, target, tmp_path / "state.json")
        assert done.returncode == 0, done.stderr
        assert as_sent(written(target), items)
        posts = [r for r in target.requests if r.method == "POST" and r.path.endswith("/items")]
        assert len(posts) == -(-len(items) // 20) + 1  # the dropped one sent again, once


def test_losses_are_named_and_dry_run_sends_nothing(source: Emulator, tmp_path: Path) -> None:
    with Emulator(api_key=TARGET_KEY) as target:
        dry = migrate(source, target, tmp_path / "state.json", "--dry-run")
        assert dry.returncode == 0 and not target.requests and not (tmp_path / "state.json").exists()
    assert [json.loads(line) for line in dry.stdout.splitlines()] == expected_items(source)
    with runsteps.Client(api_key=source.api_key, base_url=source.base_url) as client:
        losses = to_items(client.threads.read("thread_x")).losses
    named = [line for line in dry.stderr.splitlines() if line.startswith("runsteps: not carried: ")]
    assert named == [f"runsteps: not carried: {loss}" for loss in losses] and len(losses) >= 10
    assert "would write 295 items in 15 requests" in dry.stderr and "nothing sent" in dry.stderr


def test_a_state_file_of_another_target_or_thread_is_refused_by_name(source: Emulator, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    with Emulator(api_key=TARGET_KEY) as first:
        assert migrate(source, first, state).returncode == 0
    with Emulator(api_key=TARGET_KEY) as other:
        refused = migrate(source, other, state)
        assert refused.returncode == 2 and "records a migration to" in refused.stderr and not other.requests
    recorded = json.loads(state.read_text())
    recorded["threads"]["thread_x"]["items"] = 3
    state.write_text(json.dumps(recorded))
    with Emulator(api_key=TARGET_KEY) as same_url:
        recorded["target"] = same_url.base_url
        state.write_text(json.dumps(recorded))
        changed = migrate(source, same_url, state)
        assert changed.returncode == 2 and "records thread thread_x as 3 items" in changed.stderr
        assert "it now has 295 items" in changed.stderr and not same_url.requests  # refused before writing


def test_an_item_the_target_refuses_stops_the_migration_where_the_state_says(
    source: Emulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    items = expected_items(source)
    refused_at = next(i for i, item in enumerate(items) if item["type"] == "mcp_call")
    monkeypatch.setitem(_conversations.REQUIRED, "mcp_call", ("id", "approval_request_id"))
    state = tmp_path / "state.json"
    with Emulator(api_key=TARGET_KEY) as target:
        done = migrate(source, target, state)
        stored = written(target)
    assert done.returncode == 5
    assert (
        "Missing required parameter: 'items[" in done.stderr and "the --state file says where it stopped" in done.stderr
    )
    stopped = json.loads(state.read_text())["threads"]["thread_x"]
    assert stopped["written"] == len(stored) == refused_at // 20 * 20
    assert stopped["sending"] == [len(stored), min(len(stored) + 20, len(items))]


@pytest.mark.parametrize(("flavour", "key", "expected"), [
    ("azure", TARGET_KEY, "Invalid URL (POST /openai/v1/conversations)"),
    ("openai", "sk-wrong", "Incorrect API key provided"),
])  # fmt: skip
def test_a_target_that_is_no_conversations_server_or_refuses_the_key_says_so(
    source: Emulator, tmp_path: Path, flavour: str, key: str, expected: str
) -> None:
    with Emulator(api_key=TARGET_KEY, flavour=flavour) as target:  # type: ignore[arg-type]
        env = {**reaching(source), "RUNSTEPS_TO_API_KEY": key}
        to = target.endpoint if flavour == "azure" else target.base_url
        done = run(["migrate", "thread_x", "--to", to, "--to-server", "openai" if flavour == "openai" else "azure",
                    "--state", str(tmp_path / "s.json")], env)  # fmt: skip
    assert done.returncode in (3, 5) and expected in done.stderr
    assert os.path.exists(tmp_path / "s.json") is False or json.loads((tmp_path / "s.json").read_text())


def test_the_official_client_reads_the_conversation_the_migration_wrote(source: Emulator, tmp_path: Path) -> None:
    import openai  # here: its import is a second and a half, and only this test needs it

    with Emulator(api_key=TARGET_KEY) as target:
        assert migrate(source, target, tmp_path / "state.json").returncode == 0
        (conversation,) = target.conversations.kept.values()
        theirs = openai.OpenAI(api_key=TARGET_KEY, base_url=target.base_url)
        assert theirs.conversations.retrieve(conversation.id).metadata == conversation.metadata
        listed = [item.to_dict() for item in theirs.conversations.items.list(conversation.id, order="asc", limit=100)]
        made = theirs.conversations.create(items=[{"type": "message", "role": "user", "content": "hello"}])
        assert [i.type for i in theirs.conversations.items.list(made.id)] == ["message"]
    assert as_sent(listed, expected_items(source))  # every page read, every item as written
