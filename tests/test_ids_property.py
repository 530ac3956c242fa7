"""Property: any id is either refused before sending or sent as exactly one encoded path segment."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import runsteps
from runsteps.models import RunStep

from .corpus import step

sent: list[httpx.Request] = []


def handler(request: httpx.Request) -> httpx.Response:
    sent.append(request)
    return httpx.Response(200, json=step())


CLIENT = runsteps.Client(
    api_key="k", base_url="http://127.0.0.1:9/v1", http_client=httpx.Client(transport=httpx.MockTransport(handler))
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_any_id_is_refused_or_one_encoded_segment(step_id: str) -> None:
    sent.clear()
    try:
        result = CLIENT.steps.retrieve(step_id, thread_id="t", run_id="r")
    except ValueError as exc:
        assert "step_id" in str(exc) and not sent
        return
    assert isinstance(result, RunStep) and len(sent) == 1
    assert sent[0].url.raw_path.decode() == "/v1/threads/t/runs/r/steps/" + quote(step_id, safe="")


def test_plain_http_to_a_remote_host_warns_once() -> None:
    with pytest.warns(UserWarning, match="unencrypted"):
        runsteps.Client(api_key="k", base_url="http://api.example.invalid/v1")
