"""Archives: listing a thread's runs, exporting whole threads (interrupted and resumed), replaying an
export as a server in any flavour, and reading one back as models."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import runsteps
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    ManualClock,
    RunScript,
    StepScript,
    message_creation,
    tool_calls,
)
from runsteps.emulator.demo_script import add_demo_runs, azure_tools_run, demo_run

from . import cli as command_line
from .corpus import RUNS, STEPS
from .families import client_for, raw_client

pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")
INCLUDE = "step_details.tool_calls[*].file_search.results[*].content"


def cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return command_line.run(args, env, timeout=300)


def thread_of_runs(emu: Emulator, thread: str, runs: int, steps: int) -> None:
    """`runs` finished runs of `steps` steps each, created one after another."""
    for r in range(runs):
        script = [
            StepScript(f"step_{r:02d}_{i:04d}", message_creation(f"msg_{r}_{i}"), start=-100_000 + r * 1000 + i * 0.01,
                       end=-100_000 + r * 1000 + i * 0.01 + 0.005)
            for i in range(steps)
        ]  # fmt: skip
        start = -100_000 + r * 1000 - 1
        emu.add_run(RunScript(f"run_{r:02d}", thread, [(start, "in_progress"), (start + 900, "completed")], script))


def direct_lines(emu: Emulator, thread: str, include: bool = False) -> list[str]:
    """The export a direct listing gives: the thread as sent; each run as sent, then its steps as sent,
    oldest first; then the thread's messages as sent, oldest first."""
    with raw_client(emu) as http:
        lines = [json.dumps(http.get(f"/threads/{thread}").json(), ensure_ascii=False)]
        runs = _all(http, f"/threads/{thread}/runs", {})
        for run in runs:
            lines.append(json.dumps(run, ensure_ascii=False))
            params = {"include[]": INCLUDE} if include else {}
            lines += [
                json.dumps(s, ensure_ascii=False)
                for s in _all(http, f"/threads/{thread}/runs/{run['id']}/steps", params)
            ]
        lines += [json.dumps(m, ensure_ascii=False) for m in _all(http, f"/threads/{thread}/messages", {})]
    return lines


def _all(http: Any, path: str, params: dict[str, str]) -> list[Any]:
    items: list[Any] = []
    after = None
    while True:
        page = http.get(
            path, params={**params, "order": "asc", "limit": 100, **({"after": after} if after else {})}
        ).json()
        items += page["data"]
        if not page["has_more"]:
            return items
        after = page["data"][-1]["id"]


# ---- runs.list ----


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_runs_list_pages_a_threads_runs_in_both_directions(flavour: str) -> None:
    with Emulator(flavour=flavour) as emu:  # type: ignore[arg-type]
        thread_of_runs(emu, "t", 23, 1)
        with client_for(emu) as client:
            forward = [r.id for r in client.runs.list("t", order="asc", limit=5)]
            backward = [r.id for r in client.runs.list("t", order="asc", before="run_20", limit=4)]
            newest = [r.id for r in client.runs.list("t", limit=10)]
            page = client.runs.with_raw_response.list("t", limit=3, order="asc")
    every = [f"run_{r:02d}" for r in range(23)]
    assert forward == every and backward == every[:20][::-1] and newest == every[::-1]
    assert [r.id for r in page.parse().data] == every[:3] and page.request_id


def test_runs_list_async() -> None:
    with Emulator() as emu:
        thread_of_runs(emu, "t", 7, 1)

        async def go() -> list[str]:
            async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url) as client:
                return [r.id async for r in client.runs.list("t", order="asc", limit=2)]

        import asyncio

        assert asyncio.run(go()) == [f"run_{r:02d}" for r in range(7)]


# ---- export: interrupted twice, resumed, nothing twice and nothing lost ----


def interrupted_export(args: list[str], env: dict[str, str], out: Path, at_lines: int) -> int:
    """Start an export and kill it (SIGKILL: no chance to tidy up) once `out` has `at_lines` lines."""
    process = subprocess.Popen([sys.executable, "-m", "runsteps", *args], env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= at_lines:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.02)
    return process.wait(timeout=30)


def test_an_export_of_20_runs_and_10000_steps_under_30_percent_faults_survives_two_interruptions(
    tmp_path: Path,
) -> None:
    plan = FaultPlan(rate=0.3, mix=["429", "429-ms", "503"], seed=11, retry_after_seconds=0.01)
    with Emulator(faults=plan) as emu:
        thread_of_runs(emu, "t", 20, 500)
        env = command_line.reaching(emu)
        out = tmp_path / "export.jsonl"
        first = interrupted_export(["export", "t", "-o", str(out)], env, out, 3000)
        second = interrupted_export(["export", "t", "-o", str(out), "--resume"], env, out, 7000)
        runs = [cli(["export", "t", "-o", str(out), "--resume"], env)]
        while runs[-1].returncode == 5 and len(runs) < 20:  # retries ran out: the export says to resume
            assert "--resume" in runs[-1].stderr
            runs.append(cli(["export", "t", "-o", str(out), "--resume"], env))
        emu.faults = FaultPlan()
        expected = direct_lines(emu, "t")
    assert first in (-signal.SIGKILL, 5) and second in (-signal.SIGKILL, 5) and runs[-1].returncode == 0
    written = out.read_text().splitlines()
    ids = Counter(json.loads(line)["id"] for line in written)
    # Every object exactly once: the thread, 20 runs, 10,000 steps, and 10,020 messages (a user's turn a run).
    assert len(ids) == 1 + 20 + 10_000 + 10_020 and set(ids.values()) == {1}
    assert written == expected  # byte for byte what a direct listing gives
    faults = sum(1 for f in plan.log if f)
    assert faults > 20 and faults >= 0.2 * len(plan.log)  # about 30% of the answers were faults


def test_an_export_with_named_runs_keeps_their_order_and_resumes_after_a_cut_line(tmp_path: Path) -> None:
    with Emulator() as emu:
        thread_of_runs(emu, "t", 3, 40)
        env = command_line.reaching(emu)
        out = tmp_path / "some.jsonl"
        full = cli(["export", "t", "run_02", "run_00", "-o", str(out)], env)
        complete = out.read_bytes()
        # Cut the file inside a line, as a crash while writing would.
        cut = complete[: complete.index(b"step_00_0017") + 5]
        out.write_bytes(cut)
        resumed = cli(["export", "t", "run_02", "run_00", "-o", str(out), "--resume"], env)
    assert full.returncode == resumed.returncode == 0
    assert out.read_bytes() == complete
    order = [json.loads(line)["id"] for line in complete.decode().splitlines()]
    # The thread, the runs named in their order with their steps, then all 123 messages of the thread.
    assert order[0] == "t" and order[1] == "run_02" and order[42] == "run_00" and len(order) == 1 + 82 + 123


def test_export_to_stdout_and_its_progress_on_stderr() -> None:
    with Emulator() as emu:
        thread_of_runs(emu, "t", 2, 3)
        done = cli(["export", "t"], command_line.reaching(emu))
    assert done.returncode == 0
    assert [json.loads(line)["id"] for line in done.stdout.splitlines()] == [
        "t",
        "run_00", "step_00_0000", "step_00_0001", "step_00_0002", "run_01", "step_01_0000", "step_01_0001", "step_01_0002",
        "msg_run_00_user", "msg_0_0", "msg_0_1", "msg_0_2", "msg_run_01_user", "msg_1_0", "msg_1_1", "msg_1_2",
    ]  # fmt: skip
    assert "exported 2 runs, 6 steps, 8 messages" in done.stderr


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_export_works_against_every_family(flavour: str, tmp_path: Path) -> None:
    with Emulator(flavour=flavour) as emu:  # type: ignore[arg-type]
        thread_of_runs(emu, "t", 3, 7)
        out = tmp_path / "x.jsonl"
        done = cli(["export", "t", "-o", str(out)], command_line.reaching(emu))
        assert done.returncode == 0, done.stderr
        assert out.read_text().splitlines() == direct_lines(emu, "t")


# ---- replay: the export served back, in any flavour ----


def recorded(tmp_path: Path, include: bool) -> tuple[Path, list[str]]:
    """An export of the demo thread (steps of every kind, Azure's tools, file contents) from the emulator."""
    with Emulator() as emu:
        emu.add_run(demo_run("thread_x", "run_demo"))
        emu.add_run(azure_tools_run("thread_x"))
        emu.clock.set(60)  # type: ignore[attr-defined]
        path = tmp_path / "recorded.jsonl"
        done = cli(
            ["export", "thread_x", "-o", str(path), *(["--include-content"] if include else [])],
            command_line.reaching(emu),
        )
        assert done.returncode == 0, done.stderr
    return path, path.read_text().splitlines()


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_export_replay_export_gives_the_same_lines(flavour: str, tmp_path: Path) -> None:
    path, lines = recorded(tmp_path, include=True)
    with Emulator.from_archive(path, flavour=flavour) as replay:  # type: ignore[arg-type]
        again = tmp_path / "again.jsonl"
        done = cli(["export", "thread_x", "-o", str(again), "--include-content"], command_line.reaching(replay))
    assert done.returncode == 0, done.stderr
    assert again.read_text().splitlines() == lines


def test_the_official_client_and_runsteps_read_the_replay_as_the_original(tmp_path: Path) -> None:
    import openai  # here: its import is a second and a half, and only this test needs it

    path, lines = recorded(tmp_path, include=True)
    original = [json.loads(line) for line in lines]
    runs = [o for o in original if o["object"] == "thread.run"]
    steps = [o for o in original if o["object"] == "thread.run.step"]
    with Emulator.from_archive(path) as replay:
        official = openai.OpenAI(base_url=replay.base_url, api_key=replay.api_key)
        listed = [r.id for r in official.beta.threads.runs.list("thread_x", order="asc", limit=1)]
        official_steps = [
            s.id
            for run in runs
            for s in official.beta.threads.runs.steps.list(
                run["id"], thread_id="thread_x", order="asc", limit=3, include=[INCLUDE]
            )
        ]
        with runsteps.Client(api_key=replay.api_key, base_url=replay.base_url) as client:
            ours_runs = [r.to_dict() for r in client.runs.list("thread_x", order="asc")]
            ours_steps = [
                s.to_dict()
                for run in runs
                for s in client.steps.list(run["id"], thread_id="thread_x", order="asc", include=[INCLUDE])
            ]
            plain = client.steps.retrieve("step_03_search", thread_id="thread_x", run_id="run_demo")
            ours_messages = [m.to_dict() for m in client.messages.list("thread_x", order="asc", limit=7)]
            ours_thread = client.threads.retrieve("thread_x").to_dict()
        official_messages = [m.id for m in official.beta.threads.messages.list("thread_x", order="asc", limit=5)]
    messages = [o for o in original if o["object"] == "thread.message"]
    assert original[0]["object"] == "thread" and ours_thread == original[0]
    assert ours_messages == messages and official_messages == [m["id"] for m in messages] and len(messages) == 5
    assert listed == [r["id"] for r in runs]
    assert official_steps == [s["id"] for s in steps]
    assert ours_runs == runs and ours_steps == steps
    results = plain.step_details.tool_calls[0].file_search.results  # type: ignore[union-attr]
    assert results and all(r.content is None for r in results)  # contents only when asked for


def test_an_archive_of_every_real_world_shape_replays_and_exports_losslessly(tmp_path: Path) -> None:
    lines = []
    for r, (_, run) in enumerate(RUNS):
        run = {**run, "id": f"run_{r:02d}", "thread_id": "thread_w"}
        lines.append(json.dumps(run, ensure_ascii=False))
        for i, (_, payload, _, _) in enumerate(STEPS):
            if i % len(RUNS) == r:
                lines.append(
                    json.dumps({**payload, "id": f"step_{r:02d}_{i:02d}", "run_id": run["id"]}, ensure_ascii=False)
                )
    archive = tmp_path / "world.jsonl"
    archive.write_text("\n".join(lines) + "\n")
    with Emulator.from_archive(archive, flavour="compat") as replay:
        out = tmp_path / "out.jsonl"
        done = cli(["export", "thread_w", "-o", str(out), "--include-content"], command_line.reaching(replay))
    assert done.returncode == 0, done.stderr
    assert out.read_text() == archive.read_text()
    models = list(runsteps.read_archive(out))
    assert [m.to_dict() for m in models] == [json.loads(line) for line in lines]
    assert Counter(type(m).__name__ for m in models) == Counter({"RunStep": len(STEPS), "Run": len(RUNS)})


def test_the_emulator_command_serves_an_archive(tmp_path: Path) -> None:
    path, lines = recorded(tmp_path, include=False)
    with subprocess.Popen(
        [sys.executable, "-m", "runsteps", "emulator", "--archive", str(path), "--quiet"],
        stdout=subprocess.PIPE,
        text=True,
    ) as emulator:
        try:
            assert emulator.stdout is not None
            base_url = emulator.stdout.readline().strip()
            env = {"PATH": os.environ["PATH"], "OPENAI_API_KEY": "sk-emulator", "OPENAI_BASE_URL": base_url}
            done = cli(["export", "thread_x"], env)
        finally:
            emulator.terminate()
    assert done.returncode == 0 and done.stdout.splitlines() == lines


def test_a_bad_archive_is_a_usage_error_of_the_emulator(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "run_1", "object": "thread.run"}\n[1, 2]\n')
    done = subprocess.run(
        [sys.executable, "-m", "runsteps", "emulator", "--archive", str(bad)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "line 2" in done.stderr


# ---- reading an archive ----


def test_read_archive_totals_tokens_per_tool_type(tmp_path: Path) -> None:
    path, _ = recorded(tmp_path, include=False)
    totals: dict[str, int] = defaultdict(int)
    for item in runsteps.read_archive(path):
        if isinstance(item, runsteps.RunStep) and isinstance(item.step_details, runsteps.ToolCallsDetails):
            kinds = {str(call.type) for call in item.step_details.tool_calls or []}
            for kind in kinds:
                totals[kind] += item.usage.total_tokens or 0 if item.usage else 0
    azure_kinds = (
        "bing_grounding", "bing_custom_search", "azure_ai_search", "sharepoint_grounding", "fabric_dataagent", "openapi",
        "azure_function", "connected_agent", "deep_research", "mcp", "browser_automation", "computer_use_preview",
    )  # fmt: skip
    azure = dict.fromkeys(azure_kinds, 120)  # each in a step of 120 tokens
    assert totals == {"code_interpreter": 650 + 215 + 410, "file_search": 650, "function": 322 + 335, **azure}


def test_read_archive_stops_at_a_cut_last_line_and_names_a_bad_one(tmp_path: Path) -> None:
    good = json.dumps({"id": "run_1", "object": "thread.run", "status": "completed"})
    cut = tmp_path / "cut.jsonl"
    cut.write_text(good + "\n" + good[:10])
    assert [m.id for m in runsteps.read_archive(cut)] == ["run_1"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(good + "\n" + json.dumps({"id": 5, "object": "thread.run"}) + "\n")
    with pytest.raises(runsteps.PayloadError, match=r"^bad.jsonl line 2\.id: expected a string"):
        list(runsteps.read_archive(bad))


def iterate(path: Path) -> Iterator[Any]:
    yield from runsteps.read_archive(path)


def test_read_archive_yields_the_thread_first_and_its_messages_last(tmp_path: Path) -> None:
    path, _ = recorded(tmp_path, include=False)
    kinds = [type(item).__name__ for item in runsteps.read_archive(path)]
    assert kinds[0] == "Thread" and kinds[-1] == "Message"
    assert kinds.index("Message") > max(i for i, k in enumerate(kinds) if k == "RunStep")
    assert set(kinds) == {"Thread", "Run", "RunStep", "Message"}


def test_an_archive_from_before_messages_reads_replays_and_exports_without_them_saying_so(tmp_path: Path) -> None:
    _, lines = recorded(tmp_path, include=False)
    old = tmp_path / "old.jsonl"
    kept = [line for line in lines if json.loads(line)["object"] in ("thread.run", "thread.run.step")]
    old.write_text("".join(line + "\n" for line in kept))
    assert {type(item).__name__ for item in runsteps.read_archive(old)} == {"Run", "RunStep"}
    with Emulator.from_archive(old) as replay:
        again = tmp_path / "again.jsonl"
        done = cli(["export", "thread_x", "-o", str(again)], command_line.reaching(replay))
        client = runsteps.Client(api_key=replay.api_key, base_url=replay.base_url)
        with client, pytest.raises(runsteps.NotFoundError, match="holds no messages of thread 'thread_x'"):
            list(client.messages.list("thread_x"))
    assert done.returncode == 0, done.stderr
    assert again.read_text().splitlines() == kept
    assert "written without it: HTTP 404" in done.stderr and "holds no thread object for 'thread_x'" in done.stderr


def test_read_archive_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "run_1", "object": "thread.run"}) + "\n" + "not json\n")
    items = iterate(path)
    assert next(items).id == "run_1"  # the bad second line is not read until asked for
    with pytest.raises(runsteps.PayloadError):
        next(items)


def test_tool_calls_of_replayed_steps_are_typed(tmp_path: Path) -> None:
    path, _ = recorded(tmp_path, include=False)
    with Emulator.from_archive(path, flavour="azure") as replay, client_for(replay) as client:
        kinds = [
            type(c).__name__
            for s in client.steps.list("run_azure_tools", thread_id="thread_x", order="asc")
            for c in (getattr(s.step_details, "tool_calls", None) or [])
        ]
    assert kinds == [
        "BingGroundingToolCall", "BingCustomSearchToolCall", "AzureAISearchToolCall", "SharepointGroundingToolCall",
        "FabricDataAgentToolCall", "OpenAPIToolCall", "AzureFunctionToolCall", "ConnectedAgentToolCall",
        "DeepResearchToolCall", "MCPToolCall", "BrowserAutomationToolCall", "ComputerUseToolCall",
    ]  # fmt: skip


def test_scripted_and_archived_threads_live_side_by_side(tmp_path: Path) -> None:
    path, _ = recorded(tmp_path, include=False)
    with Emulator.from_archive(path) as replay:
        replay.add_run(RunScript("r", "other", [(0, "completed")], [StepScript("s", tool_calls(), 0, 0)]))
        with client_for(replay) as client:
            assert client.runs.retrieve("r", thread_id="other").status == "completed"
            assert client.runs.retrieve("run_demo", thread_id="thread_x").status == "completed"


def test_an_export_names_the_runs_that_had_not_settled_and_wait_exports_them_whole(tmp_path: Path) -> None:
    clock = ManualClock(t=3)
    with Emulator(clock=clock) as live:
        add_demo_runs(live)
        env = {"OPENAI_BASE_URL": live.base_url, "OPENAI_API_KEY": live.api_key}
        early = cli(["export", "thread_demo", "run_demo", "-o", str(tmp_path / "early.jsonl")], env)
        assert early.returncode == 0
        assert (
            "1 run had not settled and is exported as it was: run_demo (in_progress); export with --wait"
            in early.stderr
        )
        later = threading.Timer(1.0, clock.set, (20,))  # the run ends while the export waits for it
        later.start()
        whole = cli(["export", "thread_demo", "run_demo", "--wait", "-o", str(tmp_path / "whole.jsonl")], env)
        later.join()
    objects = [json.loads(line) for line in (tmp_path / "whole.jsonl").read_text().splitlines()]
    lines = [o for o in objects if o["object"] in ("thread.run", "thread.run.step")]
    assert whole.returncode == 0 and "had not settled" not in whole.stderr
    assert lines[0]["status"] == "completed" and len(lines) == 9
    assert all(line["status"] in ("completed", "failed") for line in lines[1:])
    answers = [o["id"] for o in objects if o["object"] == "thread.message" and o["run_id"] == "run_demo"]
    assert answers == ["msg_plan", "msg_answer"]


def test_an_export_with_wait_names_a_run_waiting_at_requires_action_without_advising_wait() -> None:
    with Emulator(clock=ManualClock(t=20)) as emu:
        add_demo_runs(emu)
        env = {"OPENAI_BASE_URL": emu.base_url, "OPENAI_API_KEY": emu.api_key}
        done = cli(["export", "thread_demo", "run_tools", "--wait"], env)
    assert done.returncode == 0
    assert "1 run had not settled and is exported as it was: run_tools (requires_action); they wait for" in done.stderr
    assert "export with --wait" not in done.stderr


BAD_ARCHIVES = {
    "binary": (b"\xff\xfe\x00\x01binary\n", "line 1: not UTF-8 text"),
    "not JSON": (b"not json\n", "line 1: not a JSON object (JSONDecodeError)"),
    "a JSON list": (
        b'{"id": "run_1", "object": "thread.run", "thread_id": "t"}\n[1, 2]\n',
        "line 2: not a JSON object",
    ),
}


@pytest.mark.parametrize("case", list(BAD_ARCHIVES))
def test_a_file_that_is_no_export_is_named_with_its_line_and_what_is_wrong(case: str, tmp_path: Path) -> None:
    content, problem = BAD_ARCHIVES[case]
    path = tmp_path / "notarchive.txt"
    path.write_bytes(content)
    with pytest.raises(runsteps.PayloadError) as read:
        list(runsteps.read_archive(path))
    assert f"notarchive.txt {problem}" in str(read.value)
    with pytest.raises(ValueError) as served:
        Emulator.from_archive(path)
    assert f"notarchive.txt {problem}" in str(served.value)
    listed = cli(["list", "t", "r", "--archive", str(path)], {})
    assert listed.returncode == 2 and f"notarchive.txt {problem}" in listed.stderr


def test_a_directory_given_as_an_export_is_named_as_one(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError, match="a directory, not an export file"):
        list(runsteps.read_archive(tmp_path))
    listed = cli(["list", "t", "r", "--archive", str(tmp_path)], {})
    assert listed.returncode == 2 and f"--archive {tmp_path}: a directory, not an export file" in listed.stderr


def test_export_all_threads_writes_every_thread_of_a_project_and_resumes_after_a_cut_line(tmp_path: Path) -> None:
    with Emulator(flavour="azure-agents", tls=True) as emu:
        for t in ("t_a", "t_b", "t_c"):
            thread_of_runs(emu, t, 2, 30)
        env = command_line.reaching(emu)
        out = tmp_path / "all.jsonl"
        full = cli(["export", "--all-threads", "-o", str(out)], env)
        complete = out.read_bytes()
        expected = [line for t in ("t_a", "t_b", "t_c") for line in direct_lines(emu, t)]
        out.write_bytes(complete[: complete.index(b'"msg_0_7"') + 3])  # inside the second thread's messages
        resumed = cli(["export", "--all-threads", "-o", str(out), "--resume"], env)
    assert full.returncode == resumed.returncode == 0, full.stderr + resumed.stderr
    assert complete.decode().splitlines() == expected
    assert out.read_bytes() == complete
    assert "exported 3 threads, 6 runs, 180 steps, 186 messages" in full.stderr


def test_a_project_exported_whole_replays_as_azure_ai_agents_and_exports_the_same(tmp_path: Path) -> None:
    """The replaying emulator lists an archive's threads as the project did: a second `--all-threads`
    export from the replay is the first, byte for byte."""
    first, second = tmp_path / "project.jsonl", tmp_path / "again.jsonl"
    with Emulator(flavour="azure-agents", tls=True) as emu:
        for t in ("t_a", "t_b"):
            thread_of_runs(emu, t, 2, 5)
        assert cli(["export", "--all-threads", "-o", str(first)], command_line.reaching(emu)).returncode == 0
    with Emulator.from_archive(first, flavour="azure-agents", tls=True) as replay:
        again = cli(["export", "--all-threads", "-o", str(second)], command_line.reaching(replay))
        listed = cli(["threads"], command_line.reaching(replay))
    assert again.returncode == 0, again.stderr
    assert second.read_bytes() == first.read_bytes()
    assert [json.loads(line)["id"] for line in listed.stdout.splitlines()] == ["t_a", "t_b"]


def test_export_all_threads_elsewhere_names_the_family_and_writes_nothing(tmp_path: Path) -> None:
    with Emulator() as emu:
        thread_of_runs(emu, "t", 1, 3)
        done = cli(["export", "--all-threads", "-o", str(tmp_path / "x.jsonl")], command_line.reaching(emu))
        both = cli(["export", "t", "--all-threads", "-o", str(tmp_path / "y.jsonl")], command_line.reaching(emu))
    assert done.returncode == 2 and "Azure AI Agents call" in done.stderr
    assert not (tmp_path / "x.jsonl").exists() or (tmp_path / "x.jsonl").read_text() == ""
    assert both.returncode == 2 and "give a thread, or --all-threads" in both.stderr
