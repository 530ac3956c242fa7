"""Writing a thread's items into a Conversation of the successor API, never twice, as plans. No I/O.

A conversation is made empty (no endpoint lists conversations, so one whose answer was lost cannot
be found again: better an empty one left behind than items written twice), then items are added at
most 20 a request. After a lost answer the conversation's newest item says whether the request
landed: it is the batch's last item (landed), the item before the batch (resend), or something else
(the conversation changed outside this migration: stop). When those two items are alike, the count
of items decides instead. The same reading reconciles a rerun with a batch that was in flight when
the migration stopped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from runsteps._errors import RunStepsError
from runsteps._model_base import PayloadError
from runsteps._plans.actions import Plan, Sleep
from runsteps._plans.deadline import Call, DeadlineReached
from runsteps._plans.responses import Reply
from runsteps._plans.retry import MAX_SERVER_DELAY, backoff
from runsteps._plans.sending import AnswerLost, call_timed_out, fetch, send
from runsteps._validation import check_id

MAX_ITEMS = 20  # a request adds at most this many items
logger = logging.getLogger("runsteps")


class ConversationChanged(RunStepsError):
    """The conversation holds items this migration did not write where it expected its own."""


def _object(data: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(data.get("id"), str):
        raise PayloadError("expected a string", ("id",))
    return data


def _page(data: dict[str, Any]) -> list[dict[str, Any]]:
    items = data.get("data")
    if not isinstance(items, list):
        raise PayloadError("expected an array", ("data",))
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise PayloadError("expected an object", ("data", i))
    return items


def create(call: Call, metadata: dict[str, str]) -> Plan[Reply[dict[str, Any]]]:
    """A new, empty conversation holding `metadata`."""
    request = {"method": "POST", "url": "/conversations", "params": None, "json": {"metadata": metadata}}
    deadline = call.deadline()
    try:
        return (yield from send(call, deadline, request, _object, acting=True))
    except AnswerLost as lost:
        lost.error.args = (
            f"{lost.error}; a conversation may have been made and its id lost (nothing lists conversations): "
            "it holds no items, and a rerun makes another",
        )
        raise lost.error from None
    except DeadlineReached as reached:
        raise call_timed_out(call, request, reached) from None


def newest(call: Call, conversation_id: str) -> Plan[dict[str, Any] | None]:
    """The conversation's newest item (None for an empty conversation)."""
    request = {
        "method": "GET",
        "url": f"/conversations/{check_id('conversation_id', conversation_id)}/items",
        "params": {"order": "desc", "limit": 1},
    }
    reply = yield from fetch(call, request, _page)
    return reply.model[0] if reply.model else None


def is_written(stored: dict[str, Any] | None, sent: dict[str, Any] | None) -> bool:
    """Whether the server's item is the one sent: every field sent is there as sent (the server adds
    ids and statuses of its own). Two Nones: an empty conversation where none was written."""
    if stored is None or sent is None:
        return stored is None and sent is None
    return all(stored.get(key) == value for key, value in sent.items())


def count(call: Call, conversation_id: str) -> Plan[int]:
    """How many items the conversation holds (read page by page, 100 a page)."""
    conversation = check_id("conversation_id", conversation_id)
    params: dict[str, Any] = {"order": "asc", "limit": 100}
    total = 0
    deadline = call.deadline()
    while True:
        request = {"method": "GET", "url": f"/conversations/{conversation}/items", "params": dict(params)}
        try:
            reply = yield from send(call, deadline, request, _page)
        except DeadlineReached as reached:
            raise call_timed_out(call, request, reached) from None
        total += len(reply.model)
        if not reply.model or not reply.data.get("has_more"):
            return total
        params["after"] = reply.model[-1]["id"]


def landed(
    call: Call,
    conversation_id: str,
    batch: Sequence[dict[str, Any]],
    before: dict[str, Any] | None,
    written: int,
) -> Plan[bool]:
    """Whether `batch`, sent after the `written` items ending in `before`, is in the conversation (True)
    or not (False); `ConversationChanged` when the conversation shows neither."""
    if before != batch[-1]:  # the newest item tells the two apart
        found = yield from newest(call, conversation_id)
        if is_written(found, batch[-1]):
            return True
        if is_written(found, before):
            return False
    else:
        total = yield from count(call, conversation_id)
        if total in (written, written + len(batch)):
            return total == written + len(batch)
    raise ConversationChanged(
        f"conversation {conversation_id}: it holds neither the {written} items written before nor those and the "
        f"{len(batch)} sent; it changed outside this migration, which stops here"
    )


def add(
    call: Call, conversation_id: str, batch: Sequence[dict[str, Any]], before: dict[str, Any] | None, written: int
) -> Plan[None]:
    """Adds `batch` (at most 20 items) after the `written` items already there (ending in `before`), once."""
    if not 0 < len(batch) <= MAX_ITEMS:
        raise ValueError(f"a request adds 1 to {MAX_ITEMS} items, not {len(batch)}")
    conversation = check_id("conversation_id", conversation_id)
    request = {
        "method": "POST",
        "url": f"/conversations/{conversation}/items",
        "params": None,
        "json": {"items": list(batch)},
    }
    deadline = call.deadline()
    attempt = 0
    try:
        while True:
            try:
                yield from send(call, deadline, request, _page, acting=True, attempt=attempt)
                return
            except AnswerLost as lost:
                try:
                    if (yield from landed(call, conversation, batch, before, written)):
                        logger.info(
                            "POST %s: the answer was lost, but the conversation shows it landed", request["url"]
                        )
                        return
                except ConversationChanged:
                    raise
                except RunStepsError as unread:
                    lost.error.args = (
                        f"{lost.error}; reading the conversation to learn whether it landed failed too: {unread}",
                    )
                    raise lost.error from None
                delay = backoff(lost.attempt) if lost.delay is None else lost.delay
                if lost.attempt >= call.config.max_retries or delay > MAX_SERVER_DELAY:
                    raise lost.error from None
                attempt = lost.attempt + 1
                logger.warning(
                    "resending POST %s in %.2fs (attempt %d): the answer was lost and the conversation shows it did "
                    "not land",
                    request["url"],
                    delay,
                    attempt + 1,
                )
                yield Sleep(deadline.cut(delay))
    except DeadlineReached as reached:
        error = call_timed_out(call, request, reached)
        error.args = (f"{error}; the items may have landed: a rerun reads the conversation to know",)
        raise error from None
