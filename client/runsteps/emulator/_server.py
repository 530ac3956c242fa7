"""The emulator: a stateful run-steps server on loopback, in the flavour of a server family.

`Emulator.respond` decides each answer from the request and the scripts (routes, auth, paging,
rendering); the HTTP handler only reads requests and writes answers, with faults injected between.
It is robust to any request, quiet about clients that go away, and bounded in what it keeps.
"""

from __future__ import annotations

import collections
import contextlib
import email.utils
import itertools
import json
import os
import re
import socket
import ssl
import sys
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

import attrs

from runsteps._archive.index import Archive
from runsteps.emulator._conversations import Conversations, Refused, page
from runsteps.emulator._faults import FaultPlan
from runsteps.emulator._flavours import FLAVOUR_TABLE, FlavourSpec
from runsteps.emulator._names import TOKEN_PATH, Flavour, StreamFault
from runsteps.emulator._render import INCLUDE_CONTENT, render_error, render_page, render_run, render_step, strip_content
from runsteps.emulator._scenario import (
    EPOCH,
    Clock,
    ManualClock,
    RunScript,
    StepScript,
    poll_after_ms,
    run_is_moving,
    run_status,
    step_is_moving,
)
from runsteps.emulator._serving import StoppableServer
from runsteps.emulator._starting import started_run
from runsteps.emulator._streams import Timed, encode, run_events, with_fault
from runsteps.emulator._threads import MessageAt, messages_at, render_message, render_thread
from runsteps.emulator._tls import ServerTLS
from runsteps.emulator._tokens import Credential, TokenMint, TokenProvider

BETA_MESSAGE = (
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. "
    "Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
)
AUTH_MESSAGES = {
    "openai": "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
    "azure": "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key "
    "for an active subscription and use a correct regional API endpoint for your resource.",
    "gateway": "Unauthorized. Access token is missing, invalid, audience is incorrect (https://ai.azure.com), or have expired.",
}
ACTIONS = ("cancel", "submit_tool_outputs")
ACTION_PATHS = tuple(f"/{action}" for action in ACTIONS)  # a run id may end in "cancel" too
SECRET_HEADERS = frozenset({"authorization", "api-key", "cookie"})
CANCELLABLE = frozenset({"queued", "in_progress", "requires_action"})
ACTIVE = CANCELLABLE | {"cancelling"}  # a thread runs one of these at a time
MAX_REQUEST_BODY = 1 << 20
_DIGITS = re.compile(r"[0-9]{1,4}")
_DIGITS_ANY = re.compile(r"[0-9]{1,12}")  # ASCII digits only: "²".isdigit() is true, but int("²") fails


# What Varnish answers when its backend does not answer in time (its built-in error page, abridged).
VARNISH_503 = (
    b"<!DOCTYPE html>\n<html>\n  <head>\n    <title>503 Backend fetch failed</title>\n  </head>\n  <body>\n"
    b"    <h1>Error 503 Backend fetch failed</h1>\n    <p>Backend fetch failed</p>\n"
    b"    <h3>Guru Meditation:</h3>\n    <p>XID: 32770</p>\n    <hr>\n    <p>Varnish cache server</p>\n"
    b"  </body>\n</html>\n"
)


class HTTPError(Exception):
    """An answer other than 200, in the flavour's error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        type_: str = "invalid_request_error",
        param: str | None = None,
        *,
        code: str | None = None,
        auth: bool = False,
    ) -> None:
        super().__init__(message)
        self.status, self.message, self.type_, self.param, self.code, self.auth = (
            status,
            message,
            type_,
            param,
            code,
            auth,
        )


@attrs.frozen
class Request:
    """A request as the emulator saw it. Credentials are recorded by kind, never by value."""

    method: str
    path: str
    query: Mapping[str, list[str]]
    credential: str | None  # "bearer-key", "api-key", "bearer-token", "bearer-unknown", or None
    beta: bool  # whether `OpenAI-Beta: assistants=v2` came
    user_agent: str
    body: Any = None  # a POST's JSON body as parsed (the raw bytes when it is not JSON; None without one)
    content_type: str | None = None
    sent_target: str = ""  # the request target exactly as it came (path and query, still percent-encoded)
    headers: tuple[tuple[str, str], ...] = ()  # as they came, a credential's value as "***" (after its scheme)

    @property
    def target(self) -> str:
        query = "&".join(f"{k}={v}" for k, values in self.query.items() for v in values)
        return f"{self.method} {self.path}{'?' + query if query else ''}"

    def __str__(self) -> str:
        return self.target


def page_window(
    n: int,
    position: Callable[[str], int | None],
    *,
    limit: int,
    descending: bool,
    after: str | None,
    before: str | None,
) -> tuple[list[int], bool]:
    """One page of `n` items (positions 0..n-1, oldest first), in the requested order, and whether more lie beyond.

    `after` pages forward from a cursor; `before` pages backward: the page is the `limit` items just
    before the cursor, still in the requested order, and `has_more` says whether more lie before it.
    Found by position, never by scanning: a page costs the same in a run of ten steps or a million.
    """

    def rank(cursor: str, name: str) -> int:
        at = position(cursor)
        if at is None or at >= n:
            raise HTTPError(400, f"Invalid '{name}': no object with id '{cursor}' in this list.", param=name)
        return n - 1 - at if descending else at

    if before is not None:
        end = rank(before, "before")
        start = max(0, end - limit)
        ranks, more = range(start, end), start > 0
    else:
        start = rank(after, "after") + 1 if after is not None else 0
        ranks, more = range(start, min(n, start + limit)), start + limit < n
    return [n - 1 - k if descending else k for k in ranks], more


class Emulator:
    """A stateful run-steps server on 127.0.0.1, in the flavour of one server family.

    >>> with Emulator(flavour="azure") as emu:            # doctest: +SKIP
    ...     emu.add_run(RunScript(...))
    ...     client = runsteps.Client.for_azure(emu.endpoint, api_key=emu.api_key, api_version=emu.api_version)

    `base_url` is what `Client(base_url=)` takes, `endpoint` what the `for_azure*` constructors take;
    `token_provider` mints bearer tokens that expire after `token_ttl` seconds of the emulator's clock
    (`credential` is the same for azure-core clients). `requests` keeps the last `max_log` requests (each
    with its headers, a few KiB: a thousand by default, so that a long-serving emulator's memory stays flat).
    With `tls=True` it serves HTTPS for 127.0.0.1 and localhost, with a certificate from a CA made for
    this emulator alone: `ca_file` is that CA's PEM file, what a client is told to trust (the `tls`
    extra: `pip install 'runsteps-sdk[tls]'`).
    """

    def __init__(
        self,
        *,
        clock: Clock | None = None,
        flavour: Flavour = "openai",
        api_key: str = "sk-emulator",
        faults: FaultPlan | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        token_ttl: float = 3600.0,
        max_log: int = 1_000,
        tls: bool = False,
    ) -> None:
        if flavour not in FLAVOUR_TABLE:
            raise ValueError(f"flavour must be one of {', '.join(FLAVOUR_TABLE)}; got {flavour!r}")
        self.clock: Clock = clock if clock is not None else ManualClock()
        self.flavour: Flavour = flavour
        self.spec: FlavourSpec = FLAVOUR_TABLE[flavour]
        self.api_key = api_key
        self.faults: FaultPlan = faults or FaultPlan()
        self.runs: dict[tuple[str, str], RunScript] = {}
        # What a run started here does (POST /threads/{t}/runs): (thread id, run id, body, now) -> script.
        self.starts: Callable[[str, str, dict[str, Any], float], RunScript] = started_run
        self._started = itertools.count(1)
        # The successor's conversations that migrations write here (OpenAI's and Azure v1's routes).
        self.conversations: Conversations = Conversations(lambda: EPOCH + int(self.clock.now()))
        self._message_cache: dict[str, tuple[Any, list[MessageAt]]] = {}
        self.requests: collections.deque[Request] = collections.deque(maxlen=max_log)
        self.request_count: int = 0
        self.connections_opened = 0  # TCP connections accepted: shows whether clients reuse them
        self._mint = TokenMint(self.clock, token_ttl)
        self.token_provider: TokenProvider = TokenProvider(self._mint)
        self.credential: Credential = Credential(self.token_provider, self._mint)
        self._host, self._port = host, port
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._connections: dict[socket.socket, threading.Thread] = {}
        self.archive: Archive | None = None
        self._tls: ServerTLS | None = ServerTLS.make() if tls else None

    @classmethod
    def from_archive(cls, path: str | os.PathLike[str], *, flavour: Flavour = "openai", **options: Any) -> Emulator:
        """An emulator serving a `runsteps export` file, read-only: every run and step comes back exactly
        as recorded (JSON-equal), with paging, ordering, cursors and `include[]` as a server gives them,
        in any flavour. File-search contents recorded with `--include-content` are served only when asked for."""
        emulator = cls(flavour=flavour, **options)
        emulator.archive = Archive(path)
        return emulator

    # ---- scripting ----
    def add_run(self, run: RunScript) -> RunScript:
        with self._lock:
            self.runs[(run.thread_id, run.id)] = run
        return run

    def add_completed_run(
        self, thread_id: str, run_id: str, n_steps: int, *, created: float = -1.0, ended: float = 0.0
    ) -> RunScript:
        """A run that finished before t=`ended` (0) with `n_steps` message-creation steps, one a second:
        for paging."""
        steps = [
            StepScript(
                id=f"step_{i:06d}",
                details={"type": "message_creation", "message_creation": {"message_id": f"msg_{run_id}_{i:06d}"}},
                start=float(i - n_steps - 1) + ended,
                end=float(i - n_steps) - 0.5 + ended,
            )
            for i in range(n_steps)
        ]
        timeline = [(min(created, -n_steps - 2.0 + ended), "in_progress"), (-1.0 + ended, "completed")]
        return self.add_run(RunScript(run_id, thread_id, timeline, steps))

    @property
    def token_ttl(self) -> float:
        """Seconds (of the emulator's clock) a minted token stays valid."""
        return self._mint.ttl

    @token_ttl.setter
    def token_ttl(self, seconds: float) -> None:
        self._mint.ttl = seconds

    @property
    def expired_token_uses(self) -> dict[str, int]:
        """How many requests came with each token after it expired."""
        return dict(self._mint.expired_uses)

    def mint_token(self) -> str:
        """A fresh token, valid for `token_ttl` (for a shell: see `runsteps emulator --flavour azure-agents`)."""
        return self._mint.mint()[0]

    @property
    def api_version(self) -> str | None:
        """An api-version this flavour accepts (None where it reads none)."""
        versions = self.spec.api_versions
        return versions[-1] if versions and self.spec.api_version_required else None

    # ---- lifecycle ----
    @property
    def origin(self) -> str:
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() or use it as a context manager")
        host, port = self._server.server_address[:2]
        return f"{'https' if self._tls else 'http'}://{host!s}:{port}"

    @property
    def ca_file(self) -> str:
        """The PEM file of the CA that signed this emulator's certificate (`tls=True` only): give it to a
        client as `SSL_CERT_FILE`, `verify=`, or azure-core's `connection_verify=`."""
        if self._tls is None:
            raise RuntimeError("the emulator serves plain HTTP; make it with tls=True for a CA to trust")
        return self._tls.ca_file

    @property
    def base_url(self) -> str:
        """Where the flavour's routes live: what `runsteps.Client(base_url=...)` and openai's `OpenAI` take."""
        return self.origin + self.spec.prefix

    @property
    def endpoint(self) -> str:
        """What the `for_azure*` constructors (and Azure's own clients) take: the resource endpoint for
        `azure`, the v1 base for `azure-v1`, the project endpoint for `azure-agents`."""
        return self.origin if self.flavour == "azure" else self.base_url

    def environment(self, token_command: str = "") -> dict[str, str]:
        """The environment a shell (and `runsteps`) needs to reach this emulator (its CA as `SSL_CERT_FILE`
        when it serves HTTPS)."""
        values = {"url": self.base_url, "endpoint": self.endpoint, "key": self.api_key, "token_command": token_command}
        environment = {name: value.format(**values) for name, value in self.spec.export}
        if self._tls is not None:  # the CA to trust: runsteps, httpx, openai and urllib read it
            environment["SSL_CERT_FILE"] = self._tls.ca_file
        return environment

    def start(self) -> Emulator:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self._host, self._port), _Handler, self, self._tls)
        self._server.start(name="runsteps-emulator")
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # slow faults end now rather than sleep out
        server.stop()
        with self._lock:
            open_connections = list(self._connections.items())
        for conn, _ in open_connections:  # idle keep-alive connections would hold their threads
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        if self.archive is not None:
            self.archive.close()
        if self._tls is not None:
            self._tls.close()
        for _, handler in open_connections:
            handler.join(timeout=5)

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- answering (called by the handler threads) ----
    def next_request_id(self) -> str:
        return f"req_{next(self._ids):08x}"

    def respond(self, method: str, target: str, headers: Any, body: bytes = b"") -> tuple[int, Any, dict[str, str]]:
        """The status, JSON body (or `Streamed` events) and headers of the answer to a request (faults
        aside); `headers` looks names up case-insensitively (an `http.client.HTTPMessage`, or `httpx.Headers`)."""
        url, query, credential, document = self.record(method, target, headers, body)
        try:
            if url.path == TOKEN_PATH:  # for shells: `python -m runsteps.emulator.token URL` prints a fresh token
                token, expiry = self._mint.mint()
                return 200, {"token": token, "expires_in": self._mint.expires_in(expiry)}, {}
            segments = self._segments(url.path)
            if segments[:1] == ["conversations"]:
                return self._conversations_route(method, url.path, segments, query, headers, credential, document)
            if "conversations" in segments[:2]:  # the successor's routes where this family has none
                raise HTTPError(404, f"Invalid URL ({method} {url.path})", code="404")
            if method == "POST" and _starts_run(segments):
                self._check_request(query, headers, credential)
                return 200, self.start_run(segments[1], document, body, query), {}
            acting = url.path.endswith(ACTION_PATHS)
            if method != ("POST" if acting else "GET"):
                allowed = "POST" if acting else "GET"
                raise HTTPError(405, f"Method {method} is not allowed here: this route takes {allowed} only.")
            self._check_request(query, headers, credential)
            if acting:
                return 200, self.act(url.path, document, body, query), {}
            answer, extra = self.answer(url.path, query)
            return 200, answer, extra
        except HTTPError as err:
            return err.status, self._error_body(err), {}

    def record(
        self, method: str, target: str, headers: Any, body: bytes = b""
    ) -> tuple[Any, dict[str, list[str]], str | None, Any]:
        """Log a request (also one a fault keeps from being answered); its URL, query, credential kind and JSON body."""
        url = urlsplit(target)
        query = parse_qs(url.query, keep_blank_values=True)
        credential = self._credential_kind(headers)
        document: Any = None
        if body:
            try:
                document = json.loads(body)
            except (ValueError, RecursionError):
                document = body
        request = Request(
            method,
            url.path,
            query,
            credential,
            headers.get("OpenAI-Beta") == "assistants=v2",
            headers.get("User-Agent", ""),
            document,
            headers.get("Content-Type"),
            target,
            tuple(
                (name, _redacted(value) if name.lower() in SECRET_HEADERS else value) for name, value in headers.items()
            ),
        )
        with self._lock:
            self.request_count += 1
            self.requests.append(request)
        return url, query, credential, document

    def answer(self, path: str, query: Mapping[str, list[str]]) -> tuple[dict[str, Any], dict[str, str]]:
        """The JSON body and headers for a GET of `path`, credentials aside; HTTPError for anything else."""
        spec = self.spec
        segments = self._segments(path)
        if segments[:1] == ["threads"] and segments[2:3] in ([], ["messages"]):
            return self._threads(path, segments, query), {}
        parts = self._route("GET", path, lambda parts: len(parts) <= 6)
        thread_id = parts[1]
        if self.archive is not None and thread_id in self.archive.runs:
            return self._replay(self.archive, parts, query), {}
        now = self.clock.now()
        if len(parts) == 3:
            return self._list_runs(thread_id, now, query), {}
        run = self._run(thread_id, parts[3])
        if len(parts) == 4:
            return render_run(run, now, spec), self._hint(run, now, run_is_moving(run, now))
        if parts[4] != "steps":
            raise HTTPError(404, f"Invalid URL (GET {path})", code="404")
        include = _include(query)
        if len(parts) == 6:
            at = run.position(parts[5])
            if at is None or at >= run.visible(now):
                raise HTTPError(404, f"No run step found with id '{parts[5]}'.", code="NotFound")
            step = run.steps[at]
            return render_step(run, step, now, spec, include), self._hint(run, now, step_is_moving(step, now))
        positions, more = self._window(run.visible(now), run.position, query)
        data = [render_step(run, run.steps[i], now, spec, include) for i in positions]
        return render_page(spec, data, more), {}

    def reach(self, t: float) -> bool:
        """Let script time `t` come before an event of a stream is sent: a manual clock is moved on to
        it (a stream tells time passing), a real one waited for. Whether it was there already."""
        now = self.clock.now()
        if now >= t:
            return True
        if isinstance(self.clock, ManualClock):
            self.clock.set(t)
        else:
            speed = getattr(self.clock, "speed", 1.0) or 1.0
            while (left := t - self.clock.now()) > 0 and not self._stopping.wait(left / speed):
                pass
        return False

    def start_run(self, thread_id: str, document: Any, body: bytes, query: Mapping[str, list[str]]) -> Any:
        """A run started on a thread (`self.starts` says what it does): the run, queued, or with
        `stream: true` its events (`Streamed`)."""
        document = _json_object(document, body)
        if not isinstance(document.get("assistant_id"), str) or not document["assistant_id"]:
            raise HTTPError(400, "Missing required parameter: 'assistant_id'.", param="assistant_id")
        if self.archive is not None and self.archive.holds(thread_id):
            raise HTTPError(400, "This thread is an archive: no run can start on it.")
        with self._lock:
            now = self.clock.now()
            busy = [r for (t, _), r in self.runs.items() if t == thread_id and run_status(r, now) in ACTIVE]
            if busy:
                raise HTTPError(400, f"Thread {thread_id} already has an active run {busy[0].id}.")
            run = self.starts(thread_id, f"run_started_{next(self._started):04d}", document, now)
            self.runs[(thread_id, run.id)] = run
            self._message_cache.pop(thread_id, None)
        if document.get("stream") is True:
            return Streamed(run_events(run, self.spec, now, started=True, include=_include(query)))
        return render_run(run, now, self.spec)

    def act(self, path: str, document: Any, body: bytes, query: Mapping[str, list[str]] | None = None) -> Any:
        """The run after a POST of `path` (a cancel or a submission), answered as real servers answer:
        a submission with `stream: true` answers the run's events from there (`Streamed`)."""
        parts = self._route("POST", path, lambda parts: len(parts) == 5 and parts[4] in ACTIONS)
        if self.archive is not None and parts[1] in self.archive.runs:
            raise HTTPError(400, "This thread is an archive: its runs cannot change.")
        run = self._run(parts[1], parts[3])
        with self._lock:  # one change at a time: two submissions racing must not both apply
            now = self.clock.now()
            status = run_status(run, now)
            if parts[4] == "cancel":
                if status not in CANCELLABLE:
                    raise HTTPError(400, f"Cannot cancel run with status '{status}'.")
                run.cancel(now)
            else:
                self._submit(run, status, now, document, body)
                if isinstance(document, dict) and document.get("stream") is True:
                    return Streamed(run_events(run, self.spec, now, started=False, include=_include(query or {})))
            return render_run(run, now, self.spec)

    def _submit(self, run: RunScript, status: str, now: float, document: Any, body: bytes) -> None:
        pause = run.pause
        if status != "requires_action" or pause is None:
            raise HTTPError(400, f'Runs in status "{status}" do not accept tool outputs.')
        document = _json_object(document, body)
        key, what = (
            ("tool_outputs", "tool outputs")
            if pause.kind == "submit_tool_outputs"
            else ("tool_approvals", "tool approvals")
        )
        items = document.get(key)
        if not isinstance(items, list) or not items or not all(isinstance(i, dict) for i in items):
            raise HTTPError(400, f"Missing required parameter: '{key}'.", param=key)
        for i, item in enumerate(items):
            value_key, kind = ("output", str) if key == "tool_outputs" else ("approve", bool)
            if not isinstance(item.get("tool_call_id"), str) or not isinstance(item.get(value_key), kind):
                raise HTTPError(400, f"Invalid '{key}[{i}]': expected 'tool_call_id' and '{value_key}'.", param=key)
        expected = [str(c.get("id")) for c in pause.calls]
        got = [item["tool_call_id"] for item in items]
        if sorted(got) != sorted(expected) or len(set(got)) != len(got):
            raise HTTPError(400, f"Expected {what} for call_ids {expected}, got {got}", param=key)
        run.answer(now, items)

    def _segments(self, path: str) -> list[str]:
        """The path's segments after the flavour's prefix, decoded (none for a path outside it)."""
        if not path.startswith(self.spec.prefix + "/"):
            return []
        return [unquote(p) for p in path[len(self.spec.prefix) :].split("/") if p]

    def _route(self, method: str, path: str, fits: Callable[[list[str]], bool]) -> list[str]:
        """The run routes' segments (`threads`, id, `runs`, ...), or the 404 a server gives for a route
        it does not have."""
        parts = self._segments(path)
        ours = len(parts) >= 3 and parts[0:3:2] == ["threads", "runs"]
        if not ours or not fits(parts):
            raise HTTPError(404, f"Invalid URL ({method} {path})", code="404")
        return parts

    def _replay(self, archive: Archive, parts: list[str], query: Mapping[str, list[str]]) -> dict[str, Any]:
        """An answer from an export file: objects as recorded, paged as a server pages them."""
        thread_id = parts[1]
        if len(parts) == 3:
            runs = archive.runs[thread_id]
            positions, more = self._window(len(runs), runs.position, query)
            return render_page(self.spec, [runs.read(i) for i in positions], more)
        steps = archive.steps.get((thread_id, parts[3]))
        if steps is None:
            raise HTTPError(404, f"No run found with id '{parts[3]}' in thread '{thread_id}'.", code="NotFound")
        if len(parts) == 4:
            run = archive.run(thread_id, parts[3])
            assert run is not None
            return run
        if parts[4] != "steps":
            raise HTTPError(404, f"Invalid URL (GET /{'/'.join(parts)})", code="404")
        include = _include(query)
        if len(parts) == 6:
            at = steps.position(parts[5])
            if at is None:
                raise HTTPError(404, f"No run step found with id '{parts[5]}'.", code="NotFound")
            return _recorded(steps.read(at), include)
        positions, more = self._window(len(steps), steps.position, query)
        return render_page(self.spec, [_recorded(steps.read(i), include) for i in positions], more)

    def _threads(self, path: str, parts: list[str], query: Mapping[str, list[str]]) -> dict[str, Any]:
        """Threads and their messages: a thread's messages are those its runs imply (`_threads`)."""
        spec, now = self.spec, self.clock.now()
        if len(parts) == 1:
            if spec.name != "azure-agents":  # only Azure AI Agents lists threads
                raise HTTPError(404, f"Invalid URL (GET {path})", code="404")
            with self._lock:
                first: dict[str, float] = {}
                for (thread_id, _), run in self.runs.items():
                    first[thread_id] = min(run.timeline[0][0], first.get(thread_id, run.timeline[0][0]))
            # Scripted threads, at their first run's creation; an archive's, as it recorded them.
            threads: list[tuple[float, str, dict[str, Any] | None]] = [
                (EPOCH + at, thread_id, None) for thread_id, at in first.items()
            ]
            if self.archive is not None:
                for thread_id in self.archive.threads:
                    thread = self.archive.thread(thread_id) or {}
                    created = thread.get("created_at")
                    threads.append((created if isinstance(created, int | float) else 0, thread_id, thread))
            threads.sort(key=lambda item: (item[0], item[1]))
            by_id = {thread_id: i for i, (_, thread_id, _) in enumerate(threads)}
            positions, more = self._window(len(threads), by_id.get, query)
            page = [threads[i][2] or render_thread(spec, threads[i][1], first[threads[i][1]]) for i in positions]
            return render_page(spec, page, more)
        thread_id = parts[1]
        if self.archive is not None and self.archive.holds(thread_id):
            return self._replay_thread(self.archive, path, parts, query)
        runs = self._runs_of(thread_id)
        if len(parts) == 2:
            return render_thread(spec, thread_id, runs[0].timeline[0][0])
        messages = self._messages_at(thread_id, runs, now)
        if len(parts) == 4:
            found = next((m for m in messages if m.id == parts[3]), None)
            if found is None:
                raise HTTPError(404, f"No message found with id '{parts[3]}'.", code="NotFound")
            return render_message(spec, thread_id, found)
        if len(parts) > 4:
            raise HTTPError(404, f"Invalid URL (GET {path})", code="404")
        run_id = _single(query, "run_id", None)
        if run_id is not None:
            messages = [m for m in messages if m.run_id == run_id]
        by_id = {m.id: i for i, m in enumerate(messages)}
        positions, more = self._window(len(messages), by_id.get, query)
        return render_page(spec, [render_message(spec, thread_id, messages[i]) for i in positions], more)

    def _messages_at(self, thread_id: str, runs: list[RunScript], now: float) -> list[MessageAt]:
        """A thread's messages at `now`, made again only when the clock or a run has moved on: a client
        paging through 10,000 messages would otherwise have them all made for every page."""
        key = (now, tuple((r.id, len(r.steps), len(r.answers), len(r.timeline)) for r in runs))
        with self._lock:
            cached = self._message_cache.get(thread_id)
        if cached is not None and cached[0] == key:
            return cached[1]
        made = messages_at(runs, now)
        with self._lock:
            self._message_cache[thread_id] = (key, made)
            while len(self._message_cache) > 64:
                self._message_cache.pop(next(iter(self._message_cache)))
        return made

    def _replay_thread(
        self, archive: Archive, path: str, parts: list[str], query: Mapping[str, list[str]]
    ) -> dict[str, Any]:
        """A thread and its messages from an export file, as recorded; an archive written before they were
        exported has none, and says so."""
        thread_id = parts[1]
        if len(parts) == 2:
            thread = archive.thread(thread_id)
            if thread is None:
                raise HTTPError(404, f"The archive holds no thread object for '{thread_id}'.", code="NotFound")
            return thread
        messages = archive.messages.get(thread_id)
        if messages is None:
            raise HTTPError(404, f"The archive holds no messages of thread '{thread_id}'.", code="NotFound")
        if len(parts) == 4:
            at = messages.position(parts[3])
            if at is None:
                raise HTTPError(404, f"No message found with id '{parts[3]}'.", code="NotFound")
            return messages.read(at)
        if len(parts) > 4:
            raise HTTPError(404, f"Invalid URL (GET {path})", code="404")
        run_id = _single(query, "run_id", None)
        if run_id is None:
            positions, more = self._window(len(messages), messages.position, query)
            return render_page(self.spec, [messages.read(i) for i in positions], more)
        chosen = [obj for obj in (messages.read(i) for i in range(len(messages))) if obj.get("run_id") == run_id]
        by_id = {obj.get("id"): i for i, obj in enumerate(chosen)}
        positions, more = self._window(len(chosen), by_id.get, query)
        return render_page(self.spec, [chosen[i] for i in positions], more)

    def _conversations_route(
        self,
        method: str,
        path: str,
        parts: list[str],
        query: Mapping[str, list[str]],
        headers: Any,
        credential: str | None,
        document: Any,
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        """The successor's Conversations (OpenAI, compatible servers and Azure's v1 surface; not the
        classic Azure or Azure AI Agents routes): create, retrieve, add items, list items."""
        if self.spec.name in ("azure", "azure-agents") or len(parts) > 3 or (len(parts) == 3 and parts[2] != "items"):
            raise HTTPError(404, f"Invalid URL ({method} {path})", code="404")
        wanted = "GET" if len(parts) == 2 else "POST" if len(parts) == 1 else method
        if method != wanted or method not in ("GET", "POST"):
            raise HTTPError(405, f"Method {method} is not allowed here.")
        self._check_request(query, headers, credential, beta=False)
        store = self.conversations
        try:
            if len(parts) == 1:
                return 200, store.create(document), {}
            if len(parts) == 2:
                return 200, store.get(parts[1]).render(), {}
            if method == "POST":
                return 200, store.add(parts[1], document), {}
            conversation = store.get(parts[1])
            # Paged as every list here is; the successor's list has no `before`, which is left out.
            forward = {name: values for name, values in query.items() if name != "before"}
            positions, more = self._window(len(conversation.items), conversation.positions.get, forward)
            return 200, page([conversation.items[i] for i in positions], has_more=more), {}
        except KeyError:
            raise HTTPError(404, f"Conversation with id '{parts[1][:80]}' not found.", code="not_found") from None
        except Refused as refused:
            raise HTTPError(400, str(refused), param=refused.param) from None

    def _runs_of(self, thread_id: str) -> list[RunScript]:
        """A thread's runs, oldest first; the 404 a server gives for a thread it does not have."""
        with self._lock:
            runs = sorted((r for (t, _), r in self.runs.items() if t == thread_id), key=lambda r: r.timeline[0][0])
        if not runs:
            raise HTTPError(404, f"No thread found with id '{thread_id}'.", code="NotFound")
        return runs

    def _list_runs(self, thread_id: str, now: float, query: Mapping[str, list[str]]) -> dict[str, Any]:
        runs = self._runs_of(thread_id)
        by_id = {r.id: i for i, r in enumerate(runs)}
        positions, more = self._window(len(runs), by_id.get, query)
        return render_page(self.spec, [render_run(runs[i], now, self.spec) for i in positions], more)

    def _window(
        self, n: int, position: Callable[[str], int | None], query: Mapping[str, list[str]]
    ) -> tuple[list[int], bool]:
        limit_text = _single(query, "limit", "20")
        if not _DIGITS.fullmatch(limit_text) or not 1 <= int(limit_text) <= 100:
            raise HTTPError(
                400, f"Invalid 'limit': expected an integer between 1 and 100, got {limit_text[:20]!r}.", param="limit"
            )
        order = _single(query, "order", "desc")
        if order not in ("asc", "desc"):
            raise HTTPError(
                400, f"Invalid value for 'order': expected 'asc' or 'desc', got {order[:20]!r}.", param="order"
            )
        after, before = _single(query, "after", None), _single(query, "before", None)
        if after is not None and before is not None:
            raise HTTPError(400, "Only one of 'after' and 'before' may be given.", param="before")
        return page_window(n, position, limit=int(limit_text), descending=order == "desc", after=after, before=before)

    def _run(self, thread_id: str, run_id: str) -> RunScript:
        with self._lock:
            run = self.runs.get((thread_id, run_id))
        if run is None:
            raise HTTPError(404, f"No run found with id '{run_id}' in thread '{thread_id}'.", code="NotFound")
        return run

    def _hint(self, run: RunScript, now: float, moving: bool) -> dict[str, str]:
        hint = poll_after_ms(run, now) if moving and self.spec.poll_hint else None
        return {"openai-poll-after-ms": str(hint)} if hint is not None else {}

    # ---- the family's rules: credentials, api-version, OpenAI-Beta ----
    def _credential_kind(self, headers: Any) -> str | None:
        auth = headers.get("Authorization")
        if auth is not None:
            token = auth[7:] if auth.startswith("Bearer ") else None
            if token == self.api_key:
                return "bearer-key"
            return "bearer-token" if token is not None and token.startswith("emu-token-") else "bearer-unknown"
        if headers.get("api-key") is not None:
            return "api-key"
        return None

    def _check_request(self, query: Mapping[str, list[str]], headers: Any, kind: str | None, beta: bool = True) -> None:
        spec = self.spec
        refused = HTTPError(401, AUTH_MESSAGES[spec.auth_error_shape], code="invalid_api_key", auth=True)
        if kind not in spec.accepts:
            raise refused
        if kind == "api-key" and headers.get("api-key") != self.api_key:
            raise refused
        if kind == "bearer-token":
            token = headers["Authorization"][7:]
            if self._mint.check(token) != "valid":
                raise refused
        if spec.api_versions is not None:
            version = _single(query, "api-version", None)
            if version is None and spec.api_version_required:
                raise HTTPError(
                    400,
                    "Missing required query parameter: api-version.",
                    param="api-version",
                    code="MissingApiVersionParameter",
                )
            if version is not None and version not in spec.api_versions:
                raise HTTPError(
                    400, f"Unsupported api-version '{version[:40]}'.", param="api-version", code="UnsupportedApiVersion"
                )
        if beta and spec.beta_required and headers.get("OpenAI-Beta") != "assistants=v2":
            raise HTTPError(400, BETA_MESSAGE)

    def _error_body(self, err: HTTPError) -> dict[str, Any]:
        shape = self.spec.auth_error_shape if err.auth else self.spec.error_shape
        code = err.code if shape != "openai" or err.auth else None
        if err.auth and shape == "azure":
            code = "401"
        return render_error(shape, err.status, err.message, type_=err.type_, code=code, param=err.param)

    def error_response(self, status: int, message: str, type_: str, code: str | None = None) -> bytes:
        """A fault's error body, in the flavour's shape."""
        shape = self.spec.error_shape
        return json.dumps(render_error(shape, status, message, type_=type_, code=code)).encode()


@attrs.frozen
class Streamed:
    """An answer sent as an event stream: its events, in order."""

    events: list[Timed]


def _json_object(document: Any, body: bytes) -> dict[str, Any]:
    """A request's JSON object, or the 400 real servers answer for a body that is none."""
    if not isinstance(document, dict):
        raise HTTPError(400, "We could not parse the JSON body of your request." if body else "Missing request body.")
    return document


def _starts_run(segments: list[str]) -> bool:
    """Whether a POST here starts a run: `/threads/{t}/runs`."""
    return len(segments) == 3 and segments[0] == "threads" and segments[2] == "runs"


def _redacted(value: str) -> str:
    scheme, space, _ = value.partition(" ")
    return f"{scheme} ***" if space else "***"


def _recorded(step: dict[str, Any], include: bool) -> dict[str, Any]:
    """A recorded step as served: file-search result contents only when asked for."""
    details = step.get("step_details")
    if include or not isinstance(details, dict) or not isinstance(details.get("tool_calls"), list):
        return step
    calls = [
        {**call, "file_search": strip_content(call["file_search"], False)}
        if isinstance(call, dict) and isinstance(call.get("file_search"), dict)
        else call
        for call in details["tool_calls"]
    ]
    return {**step, "step_details": {**details, "tool_calls": calls}}


def _single(query: Mapping[str, list[str]], name: str, default: Any) -> Any:
    values = query.get(name)
    return values[-1] if values else default


def _include(query: Mapping[str, list[str]]) -> bool:
    # Azure AI Agents' client joins the values with commas; others repeat the parameter.
    values = [v for raw in query.get("include[]", []) for v in raw.split(",") if v]
    for value in values:
        if value != INCLUDE_CONTENT:
            raise HTTPError(400, f"Invalid value for 'include[]': {value[:80]!r}.", param="include[]")
    return bool(values)


class _Server(StoppableServer, ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # hundreds of concurrent clients connect at once in tests

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        emulator: Emulator,
        tls: ServerTLS | None,
    ) -> None:
        self.emulator = emulator
        self.tls = tls
        super().__init__(address, handler)

    def get_request(self) -> tuple[socket.socket, Any]:
        sock, address = super().get_request()
        with self.emulator._lock:
            self.emulator.connections_opened += 1  # TLS or not, and whether its handshake succeeds or not
        if self.tls is not None:
            # The handshake happens in the connection's own thread (`_Handler.setup`), never in the
            # accepting one: a client that stalls it holds up no one else.
            sock = self.tls.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, address

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that goes away mid-answer is normal (cancelled requests, timeouts): say nothing.
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError, OSError)):
            return
        print(f"runsteps emulator: {type(error).__name__}: {error}", file=sys.stderr)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes; Nagle would stall each response
    timeout = 10  # an idle keep-alive connection is dropped after this many seconds

    @property
    def emulator(self) -> Emulator:
        return cast(_Server, self.server).emulator

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The `Date` header by the script's clock, as a real server's is by its own: what "now" is there."""
        return email.utils.formatdate(
            EPOCH + self.emulator.clock.now() if timestamp is None else timestamp, usegmt=True
        )

    def setup(self) -> None:
        super().setup()  # sets the connection's timeout, which bounds the TLS handshake too
        if isinstance(self.connection, ssl.SSLSocket):
            self.connection.do_handshake()
        emu = self.emulator
        with emu._lock:
            emu._connections[self.connection] = threading.current_thread()

    def finish(self) -> None:
        emu = self.emulator
        with emu._lock:
            emu._connections.pop(self.connection, None)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests and the demo own stderr
        pass

    def do_GET(self) -> None:
        self._answer("GET")

    def do_POST(self) -> None:
        self._answer("POST")

    def do_DELETE(self) -> None:
        self._answer("DELETE")

    def _read_body(self) -> bytes | None:
        """The request's body (Content-Length framed); None, with the connection to close, when it is unusable."""
        length_text = self.headers.get("Content-Length")
        if self.headers.get("Transfer-Encoding") is not None or (
            length_text is not None and (not _DIGITS_ANY.fullmatch(length_text) or int(length_text) > MAX_REQUEST_BODY)
        ):
            self.close_connection = True
            return None
        return self.rfile.read(int(length_text)) if length_text else b""

    def _answer(self, method: str) -> None:
        emu = self.emulator
        request_id = emu.next_request_id()
        body = self._read_body()
        if body is None:
            self._send(
                413,
                emu.error_response(
                    413, "The request body is too large or not framed by Content-Length.", "invalid_request_error"
                ),
                request_id,
                {},
            )
            return
        route = urlsplit(self.path).path
        starting = _starts_run(emu._segments(route)) if method == "POST" else False
        acting = method == "POST" and (route.endswith(ACTION_PATHS) or "/conversations" in route or starting)
        action_fault = emu.faults.next_action() if acting else None
        fault = emu.faults.next()
        try:
            if action_fault not in (None, "none") and self._inject_action(action_fault, method, body, request_id):
                return
            if fault is not None and self._inject(fault, request_id):
                return
            status, body_json, headers = emu.respond(method, self.path, self.headers, body)
            if isinstance(body_json, Streamed):
                self._stream(body_json.events, request_id, emu.faults.next_stream())
                return
            if fault == "empty-more" and status == 200 and "data" in body_json:
                body_json = {**body_json, "data": [], "has_more": True}
                body_json.update({k: None for k in ("first_id", "last_id") if k in body_json})
            payload = json.dumps(body_json).encode()
        except Exception as exc:  # a bug of ours must still answer, not drop the connection
            status, headers = 500, {}
            payload = emu.error_response(500, f"emulator error: {type(exc).__name__}", "server_error")
        self._send(status, payload, request_id, headers)

    def _inject_action(self, fault: str, method: str, body: bytes, request_id: str) -> bool:
        """A fault of a request that acts on a run; False when the request is then answered as usual."""
        emu = self.emulator
        if fault in ("refuse-503", "drop-before"):
            emu.record(method, self.path, self.headers, body)  # seen, and not acted on
        if fault == "refuse-503":
            self._send(
                503,
                emu.error_response(503, "The server is overloaded.", "server_error"),
                request_id,
                {"retry-after-ms": "10"},
            )
            return True
        if fault == "drop-before":  # the request never reaches the run
            self._drop()
            return True
        emu.respond(method, self.path, self.headers, body)  # applied...
        if fault == "proxy-503":  # ...by an origin too slow for the proxy in front of it
            self._send(503, VARNISH_503, request_id, {"Retry-After": "5"}, "text/html; charset=utf-8")
            return True
        if fault == "late-answer":  # ...and answered after the client has given up
            emu._stopping.wait(emu.faults.slow_seconds)
        self._drop()  # ...and the answer lost
        return True

    def _stream(self, events: list[Timed], request_id: str, fault: StreamFault | None) -> None:
        """An event stream, sent as it happens (no length: the connection's end delimits it), with a
        stream fault: `drop` ends it halfway without `done`, `stall` pauses halfway for `slow_seconds`."""
        events = with_fault(events, fault or "none")
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Connection", "close")
        for name in self.emulator.spec.request_id_headers:
            self.send_header(name, request_id)
        self.end_headers()
        self.close_connection = True
        half = len(events) // 2
        try:
            for i, (at, event) in enumerate(events):
                if i == half and fault == "drop":
                    self._drop()
                    return
                if i == half and fault == "stall":
                    self.wfile.flush()
                    self.emulator._stopping.wait(self.emulator.faults.slow_seconds)
                if not self.emulator.reach(at):
                    self.wfile.flush()
                self.wfile.write(encode(event, multiline=fault == "multiline"))
            self.wfile.flush()
        except OSError:
            pass  # the client went away: nothing more to send

    def _drop(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _inject(self, fault: str, request_id: str) -> bool:
        """Answer with `fault`; False when the fault only changes (or delays) the real answer."""
        emu = self.emulator
        plan = emu.faults
        if fault == "slow":
            emu._stopping.wait(plan.slow_seconds)
            return False
        if fault == "empty-more":
            if urlsplit(self.path).path.endswith(("/steps", "/runs")):
                return False  # the answer is emptied, in _answer
            return self._error(500, "The server had an error.", request_id)
        if fault in ("429", "429-ms"):
            hint = (
                {"retry-after": str(max(1, round(plan.retry_after_seconds)))}
                if fault == "429" and plan.retry_after_seconds >= 1
                else {"retry-after-ms": str(int(plan.retry_after_seconds * 1000))}
            )
            body = emu.error_response(429, "Rate limit reached.", "requests", "rate_limit_exceeded")
            self._send(429, body, request_id, hint)
        elif fault == "502-html":
            html = b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
            self._send(502, html, request_id, {}, content_type="text/html")
        elif fault == "503":
            self._send(
                503,
                emu.error_response(503, "The server is overloaded.", "server_error"),
                request_id,
                {"retry-after-ms": "10"},
            )
        elif fault == "cut":
            self._cut(request_id)
        else:  # "500"
            return self._error(500, "The server had an error.", request_id)
        return True

    def _error(self, status: int, message: str, request_id: str) -> bool:
        self._send(status, self.emulator.error_response(status, message, "server_error"), request_id, {})
        return True

    def _cut(self, request_id: str) -> None:
        body = json.dumps({"object": "list", "data": [{"id": "step_cut"}] * 20}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name in self.emulator.spec.request_id_headers:
            self.send_header(name, request_id)
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    def _send(
        self, status: int, body: bytes, request_id: str, headers: dict[str, str], content_type: str = "application/json"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name in self.emulator.spec.request_id_headers:
            self.send_header(name, request_id)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
