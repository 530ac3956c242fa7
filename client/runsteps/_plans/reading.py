"""Each call of the API as a plan, its arguments checked: written once for the sync and async clients."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from runsteps._config import Family
from runsteps._generated.api.default import (
    get_message,
    get_run,
    get_run_step,
    get_thread,
    list_messages,
    list_run_steps,
    list_runs,
    list_threads,
)
from runsteps._generated.models import (
    GetRunStepQuery,
    ListMessagesQuery,
    ListRunsQuery,
    ListRunStepsQuery,
    ListThreadsQuery,
    Message,
    Run,
    RunStep,
    Thread,
)
from runsteps._plans.actions import Plan
from runsteps._plans.deadline import Call
from runsteps._plans.pagination import Listing, query_params
from runsteps._plans.polling import poll, run_is_settled, step_is_terminal
from runsteps._plans.responses import Reply
from runsteps._plans.sending import fetch
from runsteps._validation import check_id, check_seconds


def retrieve_step(call: Call, step_id: Any, thread_id: Any, run_id: Any, include: Any) -> Plan[Reply[RunStep]]:
    return fetch(call, _step_request(step_id, thread_id, run_id, include), get_run_step.parse_body)


def wait_step(call: Call, step_id: Any, thread_id: Any, run_id: Any, interval: Any) -> Plan[Reply[RunStep]]:
    request = _step_request(step_id, thread_id, run_id, None)
    # The call's timeout is the overall deadline of the wait; a step its run has not made yet is waited for.
    return poll(
        call,
        request,
        get_run_step.parse_body,
        step_is_terminal,
        interval=check_interval(interval),
        parent=_run_request(run_id, thread_id),
    )


def list_steps(
    run_id: Any, thread_id: Any, limit: Any, order: Any, after: Any, before: Any, include: Any
) -> Listing[RunStep]:
    thread, run = check_id("thread_id", thread_id), check_id("run_id", run_id)
    query = ListRunStepsQuery(
        limit=limit,
        order=order,
        after=_cursor("after", after),
        before=_cursor("before", before),
        include=_include(include),
    )
    _one_direction(query.after, query.before)
    return Listing(
        lambda q: list_run_steps.build_request(thread, run, **query_params(q)),
        list_run_steps.parse_body,
        RunStep.from_dict,
        query,
    )


def first_page(call: Call, listing: Listing[Any]) -> Plan[Reply[Any]]:
    """The first page of a listing, as it came (for `with_raw_response.list`)."""
    return fetch(call, listing.request(listing.query), listing.parse)


def retrieve_run(call: Call, run_id: Any, thread_id: Any) -> Plan[Reply[Run]]:
    return fetch(call, _run_request(run_id, thread_id), get_run.parse_body)


def wait_run(call: Call, run_id: Any, thread_id: Any, interval: Any) -> Plan[Reply[Run]]:
    return poll(
        call, _run_request(run_id, thread_id), get_run.parse_body, run_is_settled, interval=check_interval(interval)
    )


def list_runs_of(thread_id: Any, limit: Any, order: Any, after: Any, before: Any) -> Listing[Run]:
    thread = check_id("thread_id", thread_id)
    query = ListRunsQuery(limit=limit, order=order, after=_cursor("after", after), before=_cursor("before", before))
    _one_direction(query.after, query.before)
    return Listing(
        lambda q: list_runs.build_request(thread, **query_params(q)), list_runs.parse_body, Run.from_dict, query
    )


def retrieve_message(call: Call, message_id: Any, thread_id: Any) -> Plan[Reply[Message]]:
    request = get_message.build_request(check_id("thread_id", thread_id), check_id("message_id", message_id))
    return fetch(call, request, get_message.parse_body)


def list_messages_of(thread_id: Any, run_id: Any, limit: Any, order: Any, after: Any, before: Any) -> Listing[Message]:
    thread = check_id("thread_id", thread_id)
    query = ListMessagesQuery(
        limit=limit,
        order=order,
        after=_cursor("after", after),
        before=_cursor("before", before),
        run_id=_cursor("run_id", run_id),
    )
    _one_direction(query.after, query.before)
    return Listing(
        lambda q: list_messages.build_request(thread, **query_params(q)),
        list_messages.parse_body,
        Message.from_dict,
        query,
    )


def retrieve_thread(call: Call, thread_id: Any) -> Plan[Reply[Thread]]:
    return fetch(call, get_thread.build_request(check_id("thread_id", thread_id)), get_thread.parse_body)


def list_threads_of(family: Family, limit: Any, order: Any, after: Any, before: Any) -> Listing[Thread]:
    if family != "azure-agents":
        raise ValueError(
            f"threads.list is an Azure AI Agents call: this client reaches the {family!r} family, whose servers do "
            "not list threads (GET /threads). Reach a project with Client.for_azure_agents(...), or keep the "
            "thread ids you create."
        )
    query = ListThreadsQuery(limit=limit, order=order, after=_cursor("after", after), before=_cursor("before", before))
    _one_direction(query.after, query.before)
    return Listing(
        lambda q: list_threads.build_request(**query_params(q)), list_threads.parse_body, Thread.from_dict, query
    )


def check_interval(interval: Any) -> float | None:
    # An interval of zero would poll as fast as the server answers: it must be above zero.
    return check_seconds("interval", interval, positive=True)


def watch_ids(run_id: Any, thread_id: Any) -> tuple[str, str]:
    return check_id("thread_id", thread_id), check_id("run_id", run_id)


def check_include(include: Any) -> list[Any] | None:
    """The fields to include in each page of steps, checked as `list` checks them."""
    return ListRunStepsQuery(include=_include(include)).include


def _step_request(step_id: Any, thread_id: Any, run_id: Any, include: Any) -> dict[str, Any]:
    query = GetRunStepQuery(include=_include(include))
    return get_run_step.build_request(
        check_id("thread_id", thread_id),
        check_id("run_id", run_id),
        check_id("step_id", step_id),
        **query_params(query),
    )


def _run_request(run_id: Any, thread_id: Any) -> dict[str, Any]:
    return get_run.build_request(check_id("thread_id", thread_id), check_id("run_id", run_id))


def _include(include: Any) -> Any:
    # Any sequence of values is accepted; the generated query checks the values themselves.
    if isinstance(include, Sequence) and not isinstance(include, (str, bytes, bytearray, list)):
        return list(include)
    return include


def _cursor(name: str, value: Any) -> str | None:
    return None if value is None else check_id(name, value)


def _one_direction(after: str | None, before: str | None) -> None:
    if after is not None and before is not None:
        raise ValueError("after and before cannot both be given: after pages forward, before pages backward")
