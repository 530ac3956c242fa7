"""Acting on runs: cancel, submit tool outputs and approvals, `process`; never applied twice.

Against the emulator in every flavour, sync and async, beside the official clients (which must send
the same requests); the lost-answer rules also driven as plain plans, without sockets.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from azure.ai.agents import AgentsClient
from azure.ai.agents.models import ToolApproval, ToolOutput

import runsteps
from runsteps._plans.acting import cancel, check_tool_outputs, submit
from runsteps._plans.deadline import Call, CallOptions
from runsteps.emulator import (
    FLAVOURS,
    Emulator,
    FaultPlan,
    ManualClock,
    RealClock,
    RunScript,
    StepScript,
    function_call,
    message_creation,
    tool_calls,
)
from runsteps.emulator._scenario import Continuation, Pause, required_function_call, required_mcp_call
from runsteps.emulator.demo_script import approval_run

from .families import AZURE_VERSION, client_for, official, trusting
from .hostile import LOADED
from .test_plans import Driver, config, replies, response

pytestmark = pytest.mark.filterwarnings("ignore:The Assistants API is deprecated:DeprecationWarning")

THREAD = "thread_act"
AGENTS_PREVIEW = "2025-05-15-preview"
CALLS = [("call_weather", "get_weather", '{"city": "Oslo"}'), ("call_fx", "convert", '{"amount": 100}')]
OUTPUTS = [{"tool_call_id": "call_weather", "output": '{"temp_c": 4}'}, {"tool_call_id": "call_fx", "output": "8.6"}]


def waiting_run(run_id: str, *, speed: float = 1.0, calls: list[tuple[str, str, str]] = CALLS) -> RunScript:
    """A run at requires_action from t=1 (divided by `speed`) for `calls`; answered, it completes 1.2 later."""
    asking = StepScript(
        f"{run_id}_calls", tool_calls(*(function_call(*c, None) for c in calls)), start=0.5 / speed, end=None
    )
    then = Continuation(
        [(0.1 / speed, "in_progress"), (1.2 / speed, "completed")],
        [StepScript(f"{run_id}_answer", message_creation("msg"), 0.2 / speed, 1.0 / speed)],
    )
    pause = Pause(1.0 / speed, asking.id, [required_function_call(*c) for c in calls], then)
    return RunScript(run_id, THREAD, [(0.0, "queued"), (0.2 / speed, "in_progress")], [asking], pause=pause)


def moving_run(run_id: str) -> RunScript:
    return RunScript(
        run_id, THREAD, [(0.0, "in_progress")], [StepScript(f"{run_id}_s", message_creation("m"), 0.5, None)]
    )


@pytest.fixture
def emulators() -> Iterator[Callable[..., Emulator]]:
    running: list[Emulator] = []

    def start(flavour: str = "openai", **options: Any) -> Emulator:
        options.setdefault("tls", flavour == "azure-agents")  # azure-core sends bearer tokens over HTTPS only
        emu = Emulator(flavour=flavour, clock=options.pop("clock", ManualClock(t=2.0)), **options).start()  # type: ignore[arg-type]
        running.append(emu)
        return emu

    yield start
    for emu in running:
        emu.stop()


def posts(emu: Emulator) -> list[Any]:
    return [r for r in emu.requests if r.method == "POST"]


def run_of(emu: Emulator, run_id: str) -> RunScript:
    return emu.runs[(THREAD, run_id)]


async def in_async(emu: Emulator, call: Callable[[Any], Any], **options: Any) -> Any:
    async with client_for(emu, runsteps.AsyncClient, **options) as client:
        return await call(client)


def perform(emu: Emulator, driver: str, call: Callable[[Any], Any], **options: Any) -> Any:
    """`call(client)` with a sync Client, or awaited with an AsyncClient."""
    if driver == "async":
        return asyncio.run(in_async(emu, call, **options))
    with client_for(emu, **options) as client:
        return call(client)


DRIVERS = ["sync", "async"]


# ---- the calls, in every family ----


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_submitted_outputs_move_the_run_on_and_fill_the_step(
    flavour: str, driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(flavour)
    emu.add_run(waiting_run("run_w"))
    run = perform(emu, driver, lambda c: c.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS))
    assert isinstance(run, runsteps.Run) and run.status == "queued" and run.required_action is None
    (request,) = posts(emu)
    expected = {"tool_outputs": OUTPUTS}
    if flavour == "azure-agents":
        expected = {"stream": False, **expected}  # as azure-ai-agents sends it
    assert request.body == expected and request.content_type == "application/json"
    assert [items for _, items in run_of(emu, "run_w").answers] == [OUTPUTS]
    emu.clock.set(5)  # type: ignore[attr-defined]
    with client_for(emu) as client:
        assert client.runs.retrieve("run_w", thread_id=THREAD).status == "completed"
        step = client.steps.retrieve("run_w_calls", thread_id=THREAD, run_id="run_w")
    assert isinstance(step.step_details, runsteps.ToolCallsDetails)
    calls = step.step_details.tool_calls or []
    outputs = [c.function.output for c in calls if isinstance(c, runsteps.FunctionToolCall) and c.function]
    assert outputs == ['{"temp_c": 4}', "8.6"]


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize("flavour", FLAVOURS)
def test_a_cancelled_run_is_cancelling_then_cancelled(
    flavour: str, driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(flavour)
    emu.add_run(moving_run("run_m"))
    run = perform(emu, driver, lambda c: c.runs.cancel("run_m", thread_id=THREAD))
    assert run.status == "cancelling"
    (request,) = posts(emu)
    assert request.path.endswith("/threads/thread_act/runs/run_m/cancel") and request.body is None
    emu.clock.advance(1)  # type: ignore[attr-defined]
    with client_for(emu) as client:
        assert client.runs.retrieve("run_m", thread_id=THREAD).status == "cancelled"
        assert [s.status for s in client.steps.list("run_m", thread_id=THREAD)] == ["cancelled"]


@pytest.mark.parametrize("driver", DRIVERS)
def test_mcp_approvals_are_answered_as_azure_ai_agents_sends_them(
    driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators("azure-agents")
    emu.add_run(approval_run(THREAD, "run_a"))
    with client_for(emu) as client:
        waiting = client.runs.retrieve("run_a", thread_id=THREAD)
    assert waiting.required_action is not None and waiting.required_action.type == "submit_tool_approval"
    (call,) = waiting.required_action.submit_tool_approval.tool_calls  # type: ignore[union-attr]
    assert isinstance(call, runsteps.RequiredMCPToolCall)
    assert (call.server_label, call.name, call.arguments) == ("docs", "search", '{"query": "run steps"}')
    approvals = [{"tool_call_id": "call_mcp_search", "approve": True, "headers": {"x-trace": "1"}}]
    run = perform(
        emu, driver, lambda c: c.runs.submit_tool_approvals("run_a", thread_id=THREAD, tool_approvals=approvals)
    )
    assert run.status == "queued"
    assert posts(emu)[0].body == {"stream": False, "tool_approvals": approvals}


@pytest.mark.parametrize(
    ("tool_outputs", "message"),
    [
        ([], "tool_outputs must not be empty"),
        ("call_1=x", "tool_outputs must be a list of objects, got str"),
        ({"tool_call_id": "c", "output": "x"}, "tool_outputs must be a list of objects, got dict"),
        ([{"tool_call_id": "c", "output": 4}], "tool_outputs[0]['output'] must be a string, got int"),
        ([{"tool_call_id": "c"}], "tool_outputs[0] has no 'output'"),
        ([{"tool_call_id": "", "output": "x"}], "tool_outputs[0]['tool_call_id']"),
        ([{"tool_call_id": "c", "output": "x", "outputs": "y"}], "tool_outputs[0] has unknown keys 'outputs'"),
        ([{"tool_call_id": "c", "output": "x"}, {"tool_call_id": "c", "output": "y"}], "names call 'c' twice"),
        (["c"], "tool_outputs[0] must be an object"),
    ],
)
def test_bad_tool_outputs_are_refused_before_anything_is_sent(
    tool_outputs: Any, message: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators()
    emu.add_run(waiting_run("run_w"))
    with client_for(emu) as client, pytest.raises(ValueError) as raised:
        client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=tool_outputs)
    assert message in str(raised.value)
    assert emu.request_count == 0


@pytest.mark.parametrize(
    ("tool_approvals", "message"),
    [
        ([], "tool_approvals must not be empty"),
        ([{"tool_call_id": "c", "approve": "yes"}], "tool_approvals[0]['approve'] must be True or False, got str"),
        ([{"tool_call_id": "c", "approve": True, "headers": {"a": 1}}], "['headers'] must map strings to strings"),
        ([{"tool_call_id": "c", "approve": True}] * 2, "names call 'c' twice"),
    ],
)
def test_bad_tool_approvals_are_refused_before_anything_is_sent(
    tool_approvals: Any, message: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators("azure-agents")
    with client_for(emu) as client, pytest.raises(ValueError) as raised:
        client.runs.submit_tool_approvals("run_a", thread_id=THREAD, tool_approvals=tool_approvals)
    assert message in str(raised.value)
    assert emu.request_count == 0


def test_the_server_refuses_what_it_cannot_apply_as_real_servers_do(emulators: Callable[..., Emulator]) -> None:
    emu = emulators()
    emu.add_run(waiting_run("run_w"))
    emu.add_completed_run(THREAD, "run_done", 2)
    with client_for(emu) as client:
        with pytest.raises(
            runsteps.BadRequestError,
            match=r"Expected tool outputs for call_ids \['call_weather', 'call_fx'\], got \['call_weather'\]",
        ):
            client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS[:1])
        client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)
        with pytest.raises(runsteps.BadRequestError, match=r'Runs in status "queued" do not accept tool outputs\.'):
            client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)
        with pytest.raises(runsteps.BadRequestError, match=r"Cannot cancel run with status 'completed'\."):
            client.runs.cancel("run_done", thread_id=THREAD)
    assert len(run_of(emu, "run_w").answers) == 1


# ---- the same requests as the official clients ----


def official_actions(client: Any, outputs_run: str, cancel_run: str) -> None:
    if isinstance(client, AgentsClient):
        outputs = [ToolOutput(tool_call_id=o["tool_call_id"], output=o["output"]) for o in OUTPUTS]
        client.runs.submit_tool_outputs(THREAD, outputs_run, tool_outputs=outputs)
        client.runs.cancel(THREAD, cancel_run)
        return
    client.beta.threads.runs.submit_tool_outputs(outputs_run, thread_id=THREAD, tool_outputs=OUTPUTS)
    client.beta.threads.runs.cancel(cancel_run, thread_id=THREAD)


def ours(emu: Emulator, how: str) -> runsteps.Client:
    if how == "AzureOpenAI token":
        return runsteps.Client.for_azure(emu.endpoint, token_provider=emu.token_provider, api_version=AZURE_VERSION)
    if how == "AgentsClient":  # the api-version azure-ai-agents 1.2 sends by default
        return runsteps.Client.for_azure_agents(
            emu.endpoint, token_provider=emu.token_provider, api_version=AGENTS_PREVIEW, **trusting(emu)
        )
    return client_for(emu)  # type: ignore[no-any-return]


def shapes(emu: Emulator, run_ids: dict[str, str]) -> list[tuple[Any, ...]]:
    """What must agree: method, route (run ids as roles), query, credential kind, OpenAI-Beta, body, content type."""
    found = []
    for r in posts(emu):
        path = r.path
        for run_id, role in run_ids.items():
            path = path.replace(f"/{run_id}/", f"/{role}/")
        query = sorted((k, v) for k, values in r.query.items() for v in values)
        content_type = (r.content_type or "").split(";")[0] if r.body is not None else None
        found.append(
            (r.method, path, tuple(query), r.credential, r.beta, json.dumps(r.body, sort_keys=True), content_type)
        )
    return found


PEERS = [
    ("openai", "OpenAI"),
    ("compat", "OpenAI"),
    ("azure", "AzureOpenAI key"),
    ("azure", "AzureOpenAI token"),
    ("azure-v1", "OpenAI"),
    ("azure-agents", "AgentsClient"),
]


@pytest.mark.parametrize(("flavour", "how"), PEERS, ids=[f"{f}-{h}" for f, h in PEERS])
def test_runsteps_acts_with_the_requests_the_official_client_sends(
    flavour: str, how: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(flavour)
    for run_id in ("theirs_w", "ours_w"):
        emu.add_run(waiting_run(run_id))
    for run_id in ("theirs_m", "ours_m"):
        emu.add_run(moving_run(run_id))
    official_actions(official(emu, how), "theirs_w", "theirs_m")
    theirs = shapes(emu, {"theirs_w": "W", "theirs_m": "M"})
    emu.requests.clear()
    with ours(emu, how) as client:
        client.runs.submit_tool_outputs("ours_w", thread_id=THREAD, tool_outputs=OUTPUTS)
        client.runs.cancel("ours_m", thread_id=THREAD)
    assert shapes(emu, {"ours_w": "W", "ours_m": "M"}) == theirs
    answered = [run_of(emu, r).answers[0][1] for r in ("theirs_w", "ours_w")]
    assert answered[0] == answered[1] and [a["output"] for a in answered[0]] == [o["output"] for o in OUTPUTS]


def test_on_azure_ai_agents_ga_api_outputs_go_untyped_as_azure_ai_agents_1_1_sends_them(
    emulators: Callable[..., Emulator],
) -> None:
    """azure-ai-agents 1.1 (api-version v1) sends `{"stream": false, "tool_outputs": [{tool_call_id, output}]}`;
    1.2 (2025-05-15-preview, the peer above) types each output `function_call_output`."""
    emu = emulators("azure-agents")
    emu.add_run(waiting_run("run_ga"))
    emu.add_run(waiting_run("run_preview"))
    with client_for(emu) as ga, ours(emu, "AgentsClient") as preview:
        ga.runs.submit_tool_outputs("run_ga", thread_id=THREAD, tool_outputs=OUTPUTS)
        preview.runs.submit_tool_outputs("run_preview", thread_id=THREAD, tool_outputs=OUTPUTS)
    ga_post, preview_post = posts(emu)
    assert ga_post.query["api-version"] == ["v1"] and ga_post.body == {"stream": False, "tool_outputs": OUTPUTS}
    assert preview_post.query["api-version"] == [AGENTS_PREVIEW]
    assert preview_post.body == {
        "stream": False,
        "tool_outputs": [{**o, "type": "function_call_output"} for o in OUTPUTS],
    }


def test_approvals_are_the_requests_azure_ai_agents_sends(emulators: Callable[..., Emulator]) -> None:
    emu = emulators("azure-agents")
    emu.add_run(approval_run(THREAD, "theirs_a"))
    emu.add_run(approval_run(THREAD, "ours_a"))
    official(emu, "AgentsClient").runs.submit_tool_outputs(
        THREAD, "theirs_a", tool_approvals=[ToolApproval(tool_call_id="call_mcp_search", approve=False)]
    )
    theirs = shapes(emu, {"theirs_a": "A"})
    emu.requests.clear()
    with ours(emu, "AgentsClient") as client:
        client.runs.submit_tool_approvals(
            "ours_a", thread_id=THREAD, tool_approvals=[{"tool_call_id": "call_mcp_search", "approve": False}]
        )
    assert shapes(emu, {"ours_a": "A"}) == theirs and len(theirs) == 1


# ---- never applied twice ----


@pytest.mark.parametrize("driver", DRIVERS)
@pytest.mark.parametrize("fault", ["lost-answer", "late-answer"])
def test_a_submission_whose_answer_is_lost_is_applied_once_and_returns_the_run(
    fault: str, driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(faults=FaultPlan(actions=[fault], slow_seconds=1.0))  # type: ignore[list-item]
    emu.add_run(waiting_run("run_w"))
    call = lambda c: c.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)  # noqa: E731
    run = perform(emu, driver, call, timeout=0.3)
    assert run.status == "queued"  # the landed submission's run, read again
    assert len(posts(emu)) == 1 and len(run_of(emu, "run_w").answers) == 1
    # Sent once, then the run read (again, if that read too outlasts the short timeout on a loaded machine).
    methods = [r.method for r in emu.requests]
    assert methods[0] == "POST" and methods[1:] and set(methods[1:]) == {"GET"}, methods


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_cancel_whose_answer_is_lost_is_sent_once_and_returns_the_cancelling_run(
    driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(faults=FaultPlan(actions=["lost-answer"]))
    emu.add_run(moving_run("run_m"))
    run = perform(emu, driver, lambda c: c.runs.cancel("run_m", thread_id=THREAD))
    assert run.status == "cancelling" and [r.method for r in emu.requests] == ["POST", "GET"]


@pytest.mark.parametrize(
    ("faults", "methods"),
    [
        (["drop-before"], ["POST", "GET", "POST"]),  # lost, and the run shows it did not land: sent again
        # A 503 may come from a proxy the request went through: the run shows it did not land here.
        (["refuse-503"], ["POST", "GET", "POST"]),
        (["drop-before", "lost-answer"], ["POST", "GET", "POST", "GET"]),
    ],
)
def test_a_submission_is_sent_again_only_when_the_server_provably_did_not_apply_it(
    faults: list[str], methods: list[str], emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(faults=FaultPlan(actions=faults))  # type: ignore[arg-type]
    emu.add_run(waiting_run("run_w"))
    with client_for(emu) as client:
        run = client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)
    assert run.status == "queued" and [r.method for r in emu.requests] == methods
    assert len(run_of(emu, "run_w").answers) == 1


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_proxys_503_after_the_origin_applied_a_submission_is_a_lost_answer_not_a_refusal(
    driver: str, emulators: Callable[..., Emulator]
) -> None:
    # Varnish passes the POST on, the origin applies it too slowly, Varnish answers 503 Backend fetch
    # failed with Retry-After: 5. Resent as a refusal, the origin would get two submissions and the
    # caller a 400; read again, the run shows it landed.
    emu = emulators(faults=FaultPlan(actions=["proxy-503"]))
    emu.add_run(waiting_run("run_w"))
    run = perform(emu, driver, lambda c: c.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS))
    assert run.status == "queued" and [r.method for r in emu.requests] == ["POST", "GET"]
    assert len(run_of(emu, "run_w").answers) == 1


@pytest.mark.parametrize("driver", DRIVERS)
def test_a_proxys_503_after_the_origin_applied_a_cancel_returns_the_cancelling_run(
    driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(faults=FaultPlan(actions=["proxy-503"]))
    emu.add_run(moving_run("run_m"))
    run = perform(emu, driver, lambda c: c.runs.cancel("run_m", thread_id=THREAD))
    assert run.status == "cancelling" and [r.method for r in emu.requests] == ["POST", "GET"]


def test_a_503_the_run_shows_did_not_land_is_resent_after_the_wait_it_asked_for() -> None:
    driver = Driver(
        replies(
            response(503, headers={"retry-after": "5"}),
            response(200, run_json("requires_action", ["call_1"])),
            response(200, run_json("queued")),
        )
    )
    assert plan_submit(driver).model.status == "queued"
    assert [t.method for t in driver.sent] == ["POST", "GET", "POST"] and driver.slept == [5.0]


def test_a_submission_lost_more_often_than_max_retries_is_a_connection_error_and_never_applied(
    emulators: Callable[..., Emulator],
) -> None:
    emu = emulators(faults=FaultPlan(actions=["drop-before"] * 3))
    emu.add_run(waiting_run("run_w"))
    with client_for(emu, max_retries=2) as client, pytest.raises(runsteps.APIConnectionError):
        client.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)
    assert [r.method for r in emu.requests] == ["POST", "GET"] * 3
    assert run_of(emu, "run_w").answers == []


def test_the_openai_client_resends_a_landed_submission_and_reports_a_400(emulators: Callable[..., Emulator]) -> None:
    """The peer, for contrast: what the rule above spares our users."""
    import openai  # here: its import is a second and a half, and only this test needs it

    emu = emulators(faults=FaultPlan(actions=["lost-answer"]))
    emu.add_run(waiting_run("run_w"))
    client = openai.OpenAI(base_url=emu.base_url, api_key=emu.api_key, max_retries=2)
    with pytest.raises(openai.BadRequestError, match=r"do not accept tool outputs"):
        client.beta.threads.runs.submit_tool_outputs("run_w", thread_id=THREAD, tool_outputs=OUTPUTS)
    assert len(run_of(emu, "run_w").answers) == 1 and len(posts(emu)) == 2


def run_json(status: str, pending: list[str] | None = None) -> dict[str, Any]:
    action = None
    if pending is not None:
        calls = [{"id": c, "type": "function", "function": {"name": "f", "arguments": "{}"}} for c in pending]
        action = {"type": "submit_tool_outputs", "submit_tool_outputs": {"tool_calls": calls}}
    return {"id": "run_1", "object": "thread.run", "status": status, "required_action": action}


SUBMITTED = check_tool_outputs([{"tool_call_id": "call_1", "output": "x"}])


def plan_submit(driver: Driver) -> Any:
    return driver.run(submit(Call(config(), driver.clock.now), "run_1", "thread_1", tool_outputs=SUBMITTED))


@pytest.mark.parametrize(
    ("outcomes", "sent", "status"),
    [
        # A read timeout after sending: the run has moved on, so it landed; no second POST.
        ([httpx.ReadTimeout("slow"), response(200, run_json("queued"))], ["POST", "GET"], "queued"),
        # A gateway's 502 after sending: the run waits for other calls now (the next round): it landed.
        ([response(502), response(200, run_json("requires_action", ["call_2"]))], ["POST", "GET"], "requires_action"),
        # The connection dropped and the run still waits for the same calls: it did not land, so again.
        (
            [
                httpx.RemoteProtocolError("closed"),
                response(200, run_json("requires_action", ["call_1"])),
                response(200, run_json("queued")),
            ],
            ["POST", "GET", "POST"],
            "queued",
        ),
        # Refusals and connections that never opened are retried without reading the run.
        (
            [response(429, headers={"retry-after-ms": "5"}), response(200, run_json("queued"))],
            ["POST", "POST"],
            "queued",
        ),
        ([httpx.ConnectError("refused"), response(200, run_json("queued"))], ["POST", "POST"], "queued"),
        # A 503 is a lost answer too (a proxy may have passed the request on): the run decides.
        (
            [
                response(503, headers={"retry-after": "5"}),
                response(200, run_json("requires_action", ["call_1"])),
                response(200, run_json("queued")),
            ],
            ["POST", "GET", "POST"],
            "queued",
        ),
        ([response(503), response(200, run_json("queued"))], ["POST", "GET"], "queued"),
    ],
)
def test_the_lost_answer_rule_as_a_plan(outcomes: list[Any], sent: list[str], status: str) -> None:
    driver = Driver(replies(*outcomes))
    reply = plan_submit(driver)
    assert [t.method for t in driver.sent] == sent and reply.model.status == status
    assert all(
        json.loads(t.content or b"{}") == {"tool_outputs": [{"tool_call_id": "call_1", "output": "x"}]}
        for t in driver.sent
        if t.method == "POST"
    )


@pytest.mark.parametrize("status", [400, 404, 500])
def test_a_refusal_that_says_why_ends_at_once_and_a_500_reads_the_run_first(status: int) -> None:
    error = response(status, {"error": {"message": "no", "type": "invalid_request_error"}})
    driver = Driver(replies(error, response(200, run_json("requires_action", ["call_1"]))))
    with pytest.raises(runsteps.APIStatusError) as raised:
        Driver.run(
            driver,
            submit(Call(config(max_retries=0), driver.clock.now), "run_1", "thread_1", tool_outputs=SUBMITTED),
        )
    assert raised.value.status_code == status
    assert [t.method for t in driver.sent] == (["POST", "GET"] if status == 500 else ["POST"])


def test_a_cancel_after_a_lost_answer_is_success_when_the_run_is_cancelling_and_sent_again_otherwise() -> None:
    driver = Driver(replies(httpx.ReadError("reset"), response(200, run_json("cancelling"))))
    assert driver.run(cancel(Call(config(), driver.clock.now), "run_1", "thread_1")).model.status == "cancelling"
    assert [t.method for t in driver.sent] == ["POST", "GET"]
    driver = Driver(
        replies(httpx.ReadError("reset"), response(200, run_json("in_progress")), response(200, run_json("cancelling")))
    )
    assert driver.run(cancel(Call(config(), driver.clock.now), "run_1", "thread_1")).model.status == "cancelling"
    assert [t.method for t in driver.sent] == ["POST", "GET", "POST"] and driver.sent[0].content is None


@pytest.mark.parametrize("act", ["cancel", "submit"])
def test_an_act_whose_own_timeout_runs_out_says_the_run_may_have_changed(act: str) -> None:
    # Every answer is lost (a gateway's 502 after the request may have landed) and every read of the
    # run fails too: the call's own 1 s ends it, on the driver's clock, with no second guess.
    driver = Driver(lambda _: response(502), latency=0.4)
    call = Call(config(max_retries=9), driver.clock.now, CallOptions.of(timeout=1))
    plan = (
        cancel(call, "run_1", "thread_1")
        if act == "cancel"
        else submit(call, "run_1", "thread_1", tool_outputs=SUBMITTED)
    )
    with pytest.raises(runsteps.APITimeoutError, match=r"1s timeout ran out .*the run may have changed: read it"):
        driver.run(plan)
    assert driver.clock.now() <= 1.0 + 0.4  # at the deadline, at most the answer under way
    assert [t.method for t in driver.sent][:2] == ["POST", "GET"]  # the lost answer was checked, not resent


# ---- process ----


@pytest.fixture
def fast() -> Iterator[Emulator]:
    """A real clock twenty times as fast: a paused run's script plays out in a fraction of a second."""
    with Emulator(clock=RealClock(speed=20.0)) as emu:
        yield emu


def test_process_runs_the_functions_and_submits_every_output_in_one_request(
    fast: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    fast.add_run(waiting_run("run_w"))
    called: list[tuple[str, Any]] = []

    def get_weather(city: str) -> dict[str, Any]:
        called.append(("get_weather", city))
        return {"temp_c": 4}

    def convert(amount: int) -> str:
        called.append(("convert", amount))
        raise ValueError("no rate for NOK")

    with client_for(fast) as client:
        run = client.runs.process(
            "run_w",
            thread_id=THREAD,
            functions={"get_weather": get_weather, "convert": convert},
            interval=0.01,
            timeout=10,
        )
    assert run.status == "completed" and called == [("get_weather", "Oslo"), ("convert", 100)]
    ((_, submitted),) = run_of(fast, "run_w").answers
    assert submitted == [
        {"tool_call_id": "call_weather", "output": '{"temp_c": 4}'},
        {"tool_call_id": "call_fx", "output": '{"error": "ValueError", "message": "no rate for NOK"}'},
    ]
    assert len(posts(fast)) == 1
    # The error went to the model, and the caller is told: the function, the call and what it raised.
    (warning,) = [r for r in caplog.records if r.name == "runsteps" and r.levelname == "WARNING"]
    assert warning.getMessage() == (
        "run run_w: function 'convert' raised ValueError for call call_fx: no rate for NOK (submitted as its output)"
    )


@pytest.mark.parametrize("driver", DRIVERS)
def test_process_with_on_error_raise_submits_nothing_and_raises_the_functions_exception(
    driver: str, fast: Emulator
) -> None:
    fast.add_run(waiting_run("run_w"))

    def convert_currency(amount: int, from_: str, to: str) -> str:  # a JSON key `from` is no Python name
        return "8.6"

    functions = {"get_weather": lambda city: "4", "convert": convert_currency}
    with pytest.raises(TypeError, match=r"unexpected keyword argument|missing"):
        perform(
            fast,
            driver,
            lambda c: c.runs.process(
                "run_w", thread_id=THREAD, functions=functions, on_error="raise", interval=0.01, timeout=10
            ),
        )
    assert posts(fast) == [] and run_of(fast, "run_w").answers == []


def test_process_on_an_async_client_runs_sync_and_async_functions_concurrently(fast: Emulator) -> None:
    fast.add_run(waiting_run("run_w"))
    both = threading.Barrier(2, timeout=5)  # each returns only once the other has started
    arrived = asyncio.Event()

    def get_weather(city: str) -> str:
        both.wait()
        return f"4 C in {city}"

    async def convert(amount: int) -> dict[str, Any]:
        await asyncio.to_thread(both.wait)
        arrived.set()
        return {"eur": amount * 0.086}

    async def main() -> runsteps.Run:
        async with client_for(fast, runsteps.AsyncClient) as client:
            return await client.runs.process(
                "run_w",
                thread_id=THREAD,
                functions={"get_weather": get_weather, "convert": convert},
                interval=0.01,
                timeout=10,
            )

    run = asyncio.run(main())
    assert run.status == "completed"
    ((_, submitted),) = run_of(fast, "run_w").answers
    assert [s["output"] for s in submitted] == ["4 C in Oslo", '{"eur": 8.6}']


def test_process_stops_at_requires_action_for_a_call_it_has_no_function_for_and_says_which(
    fast: Emulator, caplog: pytest.LogCaptureFixture
) -> None:
    fast.add_run(waiting_run("run_w"))
    with client_for(fast) as client:
        run = client.runs.process(
            "run_w", thread_id=THREAD, functions={"get_weather": lambda city: "4"}, interval=0.01, timeout=10
        )
    assert run.status == "requires_action" and posts(fast) == []
    assert run_of(fast, "run_w").answers == []
    assert (
        "process stops: run run_w waits for call call_fx to function 'convert', which functions= has no entry for"
        in [r.getMessage() for r in caplog.records]
    )


def test_process_answers_approvals_with_approve(emulators: Callable[..., Emulator]) -> None:
    emu = emulators("azure-agents", clock=RealClock(speed=20.0))
    emu.add_run(approval_run(THREAD, "run_a"))
    seen: list[str] = []

    def approve(call: runsteps.RequiredMCPToolCall) -> bool:
        seen.append(f"{call.server_label}/{call.name}")
        return call.server_label == "docs"

    with client_for(emu) as client:
        assert client.runs.process("run_a", thread_id=THREAD, interval=0.01, timeout=10).status == "requires_action"
        run = client.runs.process("run_a", thread_id=THREAD, approve=approve, interval=0.01, timeout=10)
    assert run.status == "completed" and seen == ["docs/search"]
    assert run_of(emu, "run_a").answers[0][1] == [{"tool_call_id": "call_mcp_search", "approve": True}]


@pytest.mark.parametrize("driver", DRIVERS)
def test_process_times_out_at_its_deadline_against_a_run_that_never_leaves_in_progress(
    driver: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators(clock=RealClock())
    emu.add_run(moving_run("run_m"))
    started = time.monotonic()
    with pytest.raises(runsteps.PollTimeoutError) as raised:
        perform(
            emu, driver, lambda c: c.runs.process("run_m", thread_id=THREAD, functions={}, timeout=0.4, interval=0.1)
        )
    elapsed = time.monotonic() - started
    assert 0.4 <= elapsed <= 0.4 + 0.1 + LOADED
    assert isinstance(raised.value.last, runsteps.Run) and raised.value.last.status == "in_progress"
    assert "0.4s timeout" in str(raised.value)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"functions": ["get_weather"]}, "functions must map function names to callables"),
        ({"functions": {"f": "not callable"}}, "functions must map function names to callables"),
        ({"approve": True}, "approve must be a callable"),
        ({"on_error": "ignore"}, "on_error must be 'submit' or 'raise'"),
        ({"interval": 0}, "interval"),
    ],
)
def test_process_refuses_bad_arguments_before_anything_is_sent(
    options: dict[str, Any], message: str, emulators: Callable[..., Emulator]
) -> None:
    emu = emulators()
    with client_for(emu) as client, pytest.raises(ValueError, match=message):
        client.runs.process("run_w", thread_id=THREAD, **options)
    assert emu.request_count == 0


def test_a_mcp_approval_run_is_in_the_spec_and_required_calls_of_unknown_types_stay_whole() -> None:
    payload = {
        "id": "run_1",
        "status": "requires_action",
        "required_action": {
            "type": "submit_tool_outputs",
            "submit_tool_outputs": {
                "tool_calls": [{"id": "c1", "type": "x_vendor_action", "x_vendor_action": {"x": 1}}]
            },
        },
    }
    run = runsteps.Run.from_dict(payload)
    (call,) = run.required_action.submit_tool_outputs.tool_calls  # type: ignore[union-attr]
    assert isinstance(call, runsteps.UnknownRequiredToolCall) and run.to_dict() == payload
    mcp = required_mcp_call("c2", "docs", "search", "{}")
    assert runsteps.RequiredMCPToolCall.from_dict(mcp).to_dict() == mcp
