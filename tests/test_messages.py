"""Messages and threads: read whole, typed and lossless, from every family, as the official clients read
them; threads listed where the family lists them (Azure AI Agents) and refused, by name, elsewhere."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from azure.ai.agents import AgentsClient

import runsteps
from runsteps.emulator import FLAVOURS, Emulator
from runsteps.emulator.demo_script import DEMO_THREAD

from .cli import reaching, run
from .families import client_for, official
from .terminal import on_terminal, screen

pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")

PEERS = [
    ("openai", "OpenAI"),
    ("compat", "OpenAI"),
    ("spec", "OpenAI"),
    ("azure", "AzureOpenAI key"),
    ("azure-v1", "OpenAI"),
    ("azure-agents", "AgentsClient"),
]


def official_messages(client: Any) -> list[tuple[str, str, str | None, str]]:
    """(id, role, run id, first text) of every message of the demo thread, oldest first."""
    if isinstance(client, AgentsClient):
        listed = client.messages.list(DEMO_THREAD, order="asc", limit=100)
        return [(m.id, str(m.role.value), m.run_id, m.content[0].text.value) for m in listed]
    listed = client.beta.threads.messages.list(DEMO_THREAD, order="asc", limit=100)
    return [(m.id, m.role, m.run_id, m.content[0].text.value) for m in listed]


def our_messages(client: runsteps.Client) -> list[tuple[str, str, str | None, str]]:
    found = []
    for m in client.messages.list(DEMO_THREAD, order="asc", limit=100):
        part = (m.content or [])[0]
        assert isinstance(part, runsteps.TextContent) and part.text is not None
        found.append((m.id, str(m.role), m.run_id, str(part.text.value)))
    return found


@pytest.mark.parametrize(("flavour", "how"), PEERS, ids=[f"{f}-{h}" for f, h in PEERS])
def test_runsteps_reads_the_messages_the_official_client_reads(
    flavour: str, how: str, demo: Callable[[str], Emulator]
) -> None:
    emu = demo(flavour)
    with client_for(emu) as client:
        ours = our_messages(client)
    assert ours == official_messages(official(emu, how))
    # The user's turn comes before each run's answers; a message_creation step names each answer.
    assert ("msg_run_demo_user", "user", None, "How did revenue develop this quarter? Please plot it.") in ours
    assert (
        "msg_answer",
        "assistant",
        "run_demo",
        "Revenue grew 12% this quarter; the chart shows it month by month.",
    ) in ours
    assert len(ours) == len({m[0] for m in ours}) > 250


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_runs_messages_and_one_message_and_the_thread(flavour: str, demo: Callable[[str], Emulator]) -> None:
    emu = demo(flavour)
    with client_for(emu) as client:
        made = [m.id for m in client.messages.list(DEMO_THREAD, run_id="run_demo", order="asc")]
        assert made == ["msg_plan", "msg_answer"]
        step = client.steps.retrieve("step_08_answer", thread_id=DEMO_THREAD, run_id="run_demo")
        assert isinstance(step.step_details, runsteps.MessageCreationDetails)
        named = step.step_details.message_creation.message_id  # type: ignore[union-attr]
        message = client.messages.retrieve(str(named), thread_id=DEMO_THREAD)
        assert message.id == "msg_answer" and str(message.status) == "completed" and message.thread_id == DEMO_THREAD
        thread = client.threads.retrieve(DEMO_THREAD)
        assert thread.id == DEMO_THREAD and isinstance(thread.created_at, int)
        raw = client.messages.with_raw_response.retrieve("msg_plan", thread_id=DEMO_THREAD)
        assert raw.status_code == 200 and raw.parse().to_dict() == raw.json()


def test_threads_are_listed_on_azure_ai_agents_as_its_client_lists_them(demo: Callable[[str], Emulator]) -> None:
    emu = demo("azure-agents")
    with client_for(emu) as client:
        ours = [t.id for t in client.threads.list(order="asc", limit=1)]
    theirs = [t.id for t in official(emu, "AgentsClient").threads.list(order="asc")]
    assert ours == theirs and DEMO_THREAD in ours and len(ours) >= 2


@pytest.mark.parametrize("flavour", [f for f in FLAVOURS if f != "azure-agents"])
def test_threads_list_elsewhere_names_the_family_before_sending(flavour: str, demo: Callable[[str], Emulator]) -> None:
    emu = demo(flavour)
    with client_for(emu) as client:
        emu.requests.clear()
        with pytest.raises(ValueError, match=f"Azure AI Agents call.*'{client._config.family}' family"):
            client.threads.list()
        assert not emu.requests


def test_the_async_client_reads_messages_and_threads(demo: Callable[[str], Emulator]) -> None:
    emu = demo("azure-agents")

    async def go() -> tuple[list[str], str, list[str]]:
        async with client_for(emu, runsteps.AsyncClient) as client:
            ids = [m.id async for m in client.messages.list(DEMO_THREAD, run_id="run_demo", order="asc")]
            one = await client.messages.retrieve("msg_plan", thread_id=DEMO_THREAD)
            threads = [t.id async for t in client.threads.list()]
            return ids, str(one.role), threads

    ids, role, threads = asyncio.run(go())
    assert ids == ["msg_plan", "msg_answer"] and role == "assistant" and DEMO_THREAD in threads


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.messages.list(""), "thread_id must not be empty"),
        (lambda c: c.messages.list("t", run_id="a/b"), "run_id must not contain '/'"),
        (lambda c: c.messages.list("t", after="m1", before="m2"), "after and before cannot both be given"),
        (lambda c: c.messages.list("t", limit=0), "limit must be an integer from 1 to 100"),
        (lambda c: c.messages.list("t", order="newest"), "order must be"),
        (lambda c: c.messages.retrieve("m", thread_id=""), "thread_id must not be empty"),
        (lambda c: c.messages.retrieve("a?b", thread_id="t"), "message_id must not contain '?'"),
        (lambda c: c.threads.retrieve("t#1"), "thread_id must not contain '#'"),
    ],
)
def test_bad_arguments_are_refused_before_anything_is_sent(call: Callable[[Any], Any], message: str) -> None:
    with Emulator() as emu, client_for(emu) as client:
        with pytest.raises(ValueError, match=message):
            call(client)
        assert not emu.requests


# ---- what servers send, typed and written back exactly ----

TEXT = {
    "type": "text",
    "text": {
        "value": "Revenue grew 12%【4:0†report.pdf】, see chart.png and bing.com.",
        "annotations": [
            {"type": "file_citation", "text": "【4:0†report.pdf】", "start_index": 16, "end_index": 32,
             "file_citation": {"file_id": "file_report", "quote": "grew 12%"}},
            {"type": "file_path", "text": "sandbox:/mnt/data/chart.png", "start_index": 38, "end_index": 47,
             "file_path": {"file_id": "file_chart"}},
            {"type": "url_citation", "text": "【5:1†source】", "start_index": 52, "end_index": 60,
             "url_citation": {"url": "https://www.bing.com/search?q=revenue", "title": "Revenue"}},
            {"type": "vendor_mark", "text": "x", "start_index": 0, "end_index": 1, "vendor_mark": {"k": 1}},
        ],
    },
}  # fmt: skip
MESSAGE = {
    "id": "msg_1",
    "object": "thread.message",
    "created_at": 1760000000,
    "thread_id": "thread_1",
    "status": "incomplete",
    "incomplete_details": {"reason": "run_cancelled"},
    "completed_at": None,
    "incomplete_at": 1760000009,
    "role": "assistant",
    "content": [
        TEXT,
        {"type": "image_file", "image_file": {"file_id": "file_plot", "detail": "auto"}},
        {"type": "image_url", "image_url": {"url": "https://example.com/a.png", "detail": "high"}},
        {"type": "refusal", "refusal": "I cannot help with that."},
        {"type": "audio_clip", "audio_clip": {"seconds": 3}},
    ],
    "assistant_id": "asst_1",
    "run_id": "run_1",
    "attachments": [{"file_id": "file_csv", "tools": [{"type": "code_interpreter"}, {"type": "file_search"}]}],
    "metadata": {"ticket": "42"},
    "x_vendor": {"kept": True},
}


def test_every_content_and_annotation_type_is_typed_and_nothing_is_lost() -> None:
    message = runsteps.Message.from_dict(MESSAGE)
    kinds = [type(part).__name__ for part in message.content or []]
    assert kinds == ["TextContent", "ImageFileContent", "ImageUrlContent", "RefusalContent", "UnknownMessageContent"]
    text = message.content[0]  # type: ignore[index]
    assert isinstance(text, runsteps.TextContent) and text.text is not None
    notes = [type(a).__name__ for a in text.text.annotations or []]
    assert notes == ["FileCitationAnnotation", "FilePathAnnotation", "UrlCitationAnnotation", "UnknownTextAnnotation"]
    cited = (text.text.annotations or [])[2]
    assert isinstance(cited, runsteps.UrlCitationAnnotation) and cited.url_citation is not None
    assert cited.url_citation.url == "https://www.bing.com/search?q=revenue"
    assert message.incomplete_details is not None and str(message.incomplete_details.reason) == "run_cancelled"
    assert message.attachments is not None and message.attachments[0].file_id == "file_csv"
    assert message["x_vendor"] == {"kept": True}
    assert message.to_dict() == MESSAGE


def test_a_page_of_messages_and_of_threads_round_trips_in_either_list_shape() -> None:
    openai_page = {"object": "list", "data": [MESSAGE], "first_id": "msg_1", "last_id": "msg_1", "has_more": False}
    thread = {"id": "thread_1", "object": "thread", "created_at": 1, "metadata": {}}
    agents_page = {"data": [thread], "last_id": "thread_1", "has_more": False}
    assert runsteps.MessageList.from_dict(openai_page).to_dict() == openai_page
    assert runsteps.ThreadList.from_dict(agents_page).to_dict() == agents_page


# ---- the command line ----


def test_runsteps_messages_shows_a_table_on_a_terminal_and_json_lines_piped(demo: Callable[[str], Emulator]) -> None:
    emu = demo("openai")
    code, raw = on_terminal(
        [sys.executable, "-m", "runsteps", "messages", DEMO_THREAD, "--run", "run_demo"], 120, reaching(emu)
    )
    lines = screen(raw)
    assert code == 0, raw
    assert lines[0].split()[:3] == ["message", "role", "status"]
    assert any(line.startswith("msg_answer") and "Revenue grew 12% this quarter" in line for line in lines)
    assert "2 messages of run run_demo of thread thread_demo" in lines
    piped = run(["messages", DEMO_THREAD], reaching(emu))
    records = [json.loads(line) for line in piped.stdout.splitlines()]
    assert piped.returncode == 0 and records[0]["id"] == "msg_run_archive_user"
    assert [r["id"] for r in records] == [m.id for m in client_for(emu).messages.list(DEMO_THREAD, order="asc")]


def test_runsteps_threads_lists_a_projects_threads_and_elsewhere_says_why_not(demo: Callable[[str], Emulator]) -> None:
    agents = run(["threads"], reaching(demo("azure-agents")))
    assert agents.returncode == 0 and DEMO_THREAD in [json.loads(line)["id"] for line in agents.stdout.splitlines()]
    elsewhere = run(["threads"], reaching(demo("openai")))
    assert elsewhere.returncode == 2 and "Azure AI Agents call" in elsewhere.stderr and not elsewhere.stdout


def test_runsteps_messages_reads_an_archive_as_it_reads_the_server(
    demo: Callable[[str], Emulator], tmp_path: Path
) -> None:
    emu = demo("openai")
    archive = tmp_path / "thread.jsonl"
    assert run(["export", DEMO_THREAD, "-o", str(archive)], reaching(emu)).returncode == 0
    for more in ([], ["--run", "run_demo"], ["--order", "desc"]):
        served = run(["messages", DEMO_THREAD, *more], reaching(emu))
        archived = run(["messages", DEMO_THREAD, "--archive", str(archive), *more], {})
        assert archived.returncode == 0, archived.stderr
        assert archived.stdout == served.stdout and archived.stderr == served.stderr
        assert archived.stdout  # the thread has messages
    old = tmp_path / "old.jsonl"
    old.write_text("".join(line + "\n" for line in archive.read_text().splitlines() if '"thread.message"' not in line))
    before = run(["messages", DEMO_THREAD, "--archive", str(old)], {})
    assert before.returncode == 2 and "holds no messages (an export written before messages were)" in before.stderr
