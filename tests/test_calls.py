"""Calls as openai-python users expect them: per-call options, raw responses, copies with other
settings, useful reprs and a docstring on everything public."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator

import pytest

import runsteps
from runsteps.emulator import Emulator, FaultPlan, ManualClock
from runsteps.emulator.demo_script import DEMO_RUN, DEMO_THREAD, add_demo_runs

from .clocks import no_waiting


@pytest.fixture
def emu() -> Iterator[Emulator]:
    with Emulator(clock=ManualClock(t=100)) as server:
        add_demo_runs(server)
        yield server


def client(emu: Emulator, **kw: object) -> runsteps.Client:
    return runsteps.Client(api_key=emu.api_key, base_url=emu.base_url, **kw)  # type: ignore[arg-type]


def test_extra_headers_and_query_go_with_that_call_alone(emu: Emulator) -> None:
    with client(emu) as c:
        c.steps.retrieve("step_01_plan", thread_id=DEMO_THREAD, run_id=DEMO_RUN, extra_query={"probe": "1"})
        c.steps.retrieve("step_01_plan", thread_id=DEMO_THREAD, run_id=DEMO_RUN)
        list(c.steps.list(DEMO_RUN, thread_id=DEMO_THREAD, limit=3, extra_query={"page": "x"}))
    probed, plain, *pages = list(emu.requests)
    assert probed.query == {"probe": ["1"]} and plain.query == {}
    assert len(pages) == 3 and all(p.query["page"] == ["x"] for p in pages)


def test_raw_responses_carry_headers_status_request_id_and_the_model(emu: Emulator) -> None:
    with client(emu) as c:
        step = c.steps.with_raw_response.retrieve("step_02_code", thread_id=DEMO_THREAD, run_id=DEMO_RUN)
        run = c.runs.with_raw_response.retrieve(DEMO_RUN, thread_id=DEMO_THREAD)
        page = c.steps.with_raw_response.list(DEMO_RUN, thread_id=DEMO_THREAD, limit=2, order="asc")
        waited = c.steps.with_raw_response.wait("step_02_code", thread_id=DEMO_THREAD, run_id=DEMO_RUN)
        runs = c.runs.with_raw_response.list(DEMO_THREAD, limit=1)
    assert step.status_code == 200 and step.headers["content-type"] == "application/json"
    assert step.request_id and step.request_id.startswith("req_") and step.request_id in repr(step)
    assert step.parse().id == "step_02_code" and step.json()["id"] == "step_02_code"
    assert list(step.json()) == list(step.json())  # the server's keys, in its order
    assert run.parse().status == "completed" and run.url.path.endswith(f"/runs/{DEMO_RUN}")
    assert [s.id for s in page.parse().data] == ["step_01_plan", "step_02_code"] and page.parse().has_more
    assert waited.parse().status == "completed" and len(runs.parse().data) == 1


def test_async_raw_responses(emu: Emulator) -> None:
    async def go() -> tuple[int, str | None]:
        async with runsteps.AsyncClient(api_key=emu.api_key, base_url=emu.base_url) as c:
            raw = await c.runs.with_raw_response.retrieve(DEMO_RUN, thread_id=DEMO_THREAD)
            return raw.status_code, raw.parse().id

    assert asyncio.run(go()) == (200, DEMO_RUN)


def test_with_options_is_a_copy_sharing_the_connections(emu: Emulator) -> None:
    emu.faults = FaultPlan(rate=1.0, mix=["503"])
    base = client(emu, max_retries=0, clock=no_waiting())
    patient = base.with_options(max_retries=3, timeout=5)
    with pytest.raises(runsteps.InternalServerError) as once:
        base.runs.retrieve(DEMO_RUN, thread_id=DEMO_THREAD)
    with pytest.raises(runsteps.InternalServerError) as four:
        patient.runs.retrieve(DEMO_RUN, thread_id=DEMO_THREAD)
    assert (once.value.retries, four.value.retries) == (0, 3)
    assert patient._http is base._http
    patient.close()
    emu.faults = FaultPlan()
    assert base.runs.retrieve(DEMO_RUN, thread_id=DEMO_THREAD).id == DEMO_RUN  # still open: the copy did not own it
    base.close()


def test_reprs_say_what_an_object_is_and_never_the_key(emu: Emulator) -> None:
    with client(emu) as c:
        pager = c.steps.list(DEMO_RUN, thread_id=DEMO_THREAD, limit=5, order="asc")
        next(iter(pager))
        watcher = c.steps.watch(DEMO_RUN, thread_id=DEMO_THREAD, interval=2)
        texts = [repr(c), repr(pager), repr(watcher), repr(c._config)]
    assert texts[0] == f"runsteps.Client(family='openai', base_url='{emu.base_url}')"
    assert texts[1] == f"<Pager of steps of run {DEMO_RUN}, limit=5, order='asc'; cursor='step_01_plan'>"
    assert texts[2].startswith(f"<Watcher of run {DEMO_RUN} in thread {DEMO_THREAD}; interval=2.0")
    assert not any(emu.api_key in t for t in texts)


def public_callables() -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for name in runsteps.__all__:
        value = getattr(runsteps, name)
        if inspect.isclass(value) or inspect.isfunction(value):
            found.append((name, value))
    for owner in (runsteps.Client, runsteps.AsyncClient):
        found += [
            (f"{owner.__name__}.{n}", getattr(owner, n)) for n in ("for_azure", "for_azure_agents", "with_options")
        ]
    from runsteps._async.runs import AsyncRuns
    from runsteps._async.steps import AsyncSteps
    from runsteps._sync.runs import Runs
    from runsteps._sync.steps import Steps

    for resource in (Steps, Runs, AsyncSteps, AsyncRuns):
        found += [
            (f"{resource.__name__}.{n}", getattr(resource, n))
            for n in ("retrieve", "list", "wait", "watch", "with_raw_response")
            if hasattr(resource, n)
        ]
    found += [(f"Pager.{n}", getattr(runsteps.Pager, n)) for n in ("pages",)]
    return found


@pytest.mark.parametrize(("name", "thing"), public_callables(), ids=[n for n, _ in public_callables()])
def test_everything_public_has_a_docstring(name: str, thing: object) -> None:
    doc = inspect.getdoc(thing)
    assert doc and len(doc) > 20, name


def test_a_watch_asks_each_page_of_steps_for_the_fields_to_include(emu: Emulator) -> None:
    content = "step_details.tool_calls[*].file_search.results[*].content"
    with client(emu) as c:
        plain = {s.id: s.to_dict() for s in c.steps.watch(DEMO_RUN, thread_id=DEMO_THREAD)}
        full = {s.id: s.to_dict() for s in c.steps.watch(DEMO_RUN, thread_id=DEMO_THREAD, include=[content])}
        listed = {s.id: s.to_dict() for s in c.steps.list(DEMO_RUN, thread_id=DEMO_THREAD, include=[content])}
    assert full == listed and full != plain  # the file search's results carry their contents only when asked
    assert "content" in str(full["step_03_search"]) and "content" not in str(plain["step_03_search"])
