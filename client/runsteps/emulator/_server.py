"""The emulator's HTTP server: stdlib only, bound to loopback, stopped cleanly."""

from __future__ import annotations

import contextlib
import itertools
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from ._faults import FaultPlan
from ._scenario import (
    Clock,
    Flavour,
    ManualClock,
    RunScript,
    StepScript,
    poll_after_ms,
    render_run,
    render_step,
    run_is_moving,
    step_is_moving,
    visible_steps,
)

INCLUDE_CONTENT = "step_details.tool_calls[*].file_search.results[*].content"
BETA_MESSAGE = (
    "You must provide the 'OpenAI-Beta' header to access the Assistants API. "
    "Please try again by setting the header 'OpenAI-Beta: assistants=v2'."
)


class HTTPError(Exception):
    def __init__(self, status: int, message: str, type_: str = "invalid_request_error", param: str | None = None):
        super().__init__(message)
        self.status, self.message, self.type_, self.param = status, message, type_, param


def page_of(ids: list[str], *, limit: int, after: str | None, before: str | None) -> tuple[list[str], bool]:
    """The ids of one page of `ids` (already in the requested order) and whether more lie beyond it.

    `after` pages forward from a cursor; `before` pages backward: the page is the `limit` items just
    before the cursor, still in the requested order, and `has_more` says whether more lie before it.
    """
    if before is not None:
        if before not in ids:
            raise HTTPError(400, f"Invalid 'before': no object with id '{before}' in this list.", param="before")
        end = ids.index(before)
        start = max(0, end - limit)
        return ids[start:end], start > 0
    start = 0
    if after is not None:
        if after not in ids:
            raise HTTPError(400, f"Invalid 'after': no object with id '{after}' in this list.", param="after")
        start = ids.index(after) + 1
    return ids[start : start + limit], start + limit < len(ids)


class Emulator:
    """A stateful run-steps server on 127.0.0.1. Use as a context manager, or start() and stop().

    >>> with Emulator() as emu:                        # doctest: +SKIP
    ...     emu.add_run(RunScript(...))
    ...     client = runsteps.Client(api_key=emu.api_key, base_url=emu.base_url)
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
    ) -> None:
        if flavour not in ("openai", "azure", "spec"):
            raise ValueError(f"flavour must be openai, azure or spec; got {flavour!r}")
        self.clock: Clock = clock if clock is not None else ManualClock()
        self.flavour: Flavour = flavour
        self.api_key = api_key
        self.faults = faults or FaultPlan()
        self.runs: dict[tuple[str, str], RunScript] = {}
        self.requests: list[str] = []  # "GET /path?query" of every request, in arrival order
        self.connections_opened = 0  # TCP connections accepted: shows whether clients reuse them
        self._host, self._port = host, port
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._connections: dict[socket.socket, threading.Thread] = {}

    # ---- scripting ----
    def add_run(self, run: RunScript) -> RunScript:
        with self._lock:
            self.runs[(run.thread_id, run.id)] = run
        return run

    def add_completed_run(self, thread_id: str, run_id: str, n_steps: int) -> RunScript:
        """A run that finished before t=0 with `n_steps` message-creation steps, one a second: for paging."""
        steps = [
            StepScript(
                id=f"step_{i:06d}",
                details={"type": "message_creation", "message_creation": {"message_id": f"msg_{i:06d}"}},
                start=float(i - n_steps - 1),
                end=float(i - n_steps) - 0.5,
            )
            for i in range(n_steps)
        ]
        timeline = [(-n_steps - 2.0, "in_progress"), (-1.0, "completed")]
        return self.add_run(RunScript(run_id, thread_id, timeline, steps))

    # ---- lifecycle ----
    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the emulator is not running; call start() or use it as a context manager")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> Emulator:
        if self._server is not None:
            return self
        self._server = _Server((self._host, self._port), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="runsteps-emulator", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        with self._lock:
            open_connections = list(self._connections.items())
        for conn, _ in open_connections:  # idle keep-alive connections would hold their threads
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
        server.server_close()
        for _, handler in open_connections:
            handler.join()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- answering (called by the handler threads) ----
    def next_request_id(self) -> str:
        return f"req_{next(self._ids):08x}"

    def answer(self, path: str, query: dict[str, list[str]]) -> tuple[dict[str, Any], dict[str, str]]:
        parts = [unquote(p) for p in path.split("/") if p]
        if len(parts) < 5 or parts[0] != "v1" or parts[1] != "threads" or parts[3] != "runs":
            raise HTTPError(404, f"Invalid URL (GET {path})")
        thread_id, run_id = parts[2], parts[4]
        now = self.clock.now()
        if len(parts) == 5:
            run = self._run(thread_id, run_id)
            return render_run(run, now, self.flavour), self._hint(run, now, run_is_moving(run, now))
        if parts[5] != "steps" or len(parts) > 7:
            raise HTTPError(404, f"Invalid URL (GET {path})")
        include = query.get("include[]", [])
        for value in include:
            if value != INCLUDE_CONTENT:
                raise HTTPError(400, f"Invalid value for 'include[]': {value!r}.", param="include[]")
        run = self._run(thread_id, run_id)
        steps = visible_steps(run, now)
        if len(parts) == 7:
            step = next((s for s in steps if s.id == parts[6]), None)
            if step is None:
                raise HTTPError(404, f"No run step found with id '{parts[6]}'.")
            body = render_step(run, step, now, self.flavour, bool(include))
            return body, self._hint(run, now, step_is_moving(step, now))
        return self._list(run, steps, now, query, bool(include)), {}

    def _list(
        self, run: RunScript, steps: list[StepScript], now: float, query: dict[str, list[str]], include: bool
    ) -> dict[str, Any]:
        limit_text = _single(query, "limit", "20")
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= 100:
            raise HTTPError(
                400, f"Invalid 'limit': expected an integer between 1 and 100, got {limit_text!r}.", param="limit"
            )
        order = _single(query, "order", "desc")
        if order not in ("asc", "desc"):
            raise HTTPError(400, f"Invalid value for 'order': expected 'asc' or 'desc', got {order!r}.", param="order")
        after, before = query.get("after", [None])[0], query.get("before", [None])[0]
        if after is not None and before is not None:
            raise HTTPError(400, "Only one of 'after' and 'before' may be given.", param="before")
        ordered = steps if order == "asc" else steps[::-1]
        by_id = {s.id: s for s in ordered}
        ids, has_more = page_of(list(by_id), limit=int(limit_text), after=after, before=before)
        data = [render_step(run, by_id[i], now, self.flavour, include) for i in ids]
        return {
            "object": "list",
            "data": data,
            "first_id": ids[0] if ids else None,
            "last_id": ids[-1] if ids else None,
            "has_more": has_more,
        }

    def _run(self, thread_id: str, run_id: str) -> RunScript:
        with self._lock:
            run = self.runs.get((thread_id, run_id))
        if run is None:
            raise HTTPError(404, f"No run found with id '{run_id}' in thread '{thread_id}'.")
        return run

    def _hint(self, run: RunScript, now: float, moving: bool) -> dict[str, str]:
        hint = poll_after_ms(run, now) if moving else None
        return {"openai-poll-after-ms": str(hint)} if hint is not None else {}


def _single(query: dict[str, list[str]], name: str, default: str) -> str:
    values = query.get(name)
    return values[-1] if values else default


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256  # hundreds of concurrent clients connect at once in tests

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], emulator: Emulator) -> None:
        self.emulator = emulator
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes; Nagle would stall each response
    timeout = 10  # an idle keep-alive connection is dropped after this many seconds
    server: _Server

    def setup(self) -> None:
        super().setup()
        emu = self.server.emulator
        with emu._lock:
            emu._connections[self.connection] = threading.current_thread()
            emu.connections_opened += 1

    def finish(self) -> None:
        emu = self.server.emulator
        with emu._lock:
            emu._connections.pop(self.connection, None)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests and the demo own stderr
        pass

    def do_GET(self) -> None:
        emu = self.server.emulator
        request_id = emu.next_request_id()
        with emu._lock:
            emu.requests.append(f"GET {self.path}")
        url = urlsplit(self.path)
        query = parse_qs(url.query, keep_blank_values=True)
        fault = emu.faults.next()
        if fault is not None and self._inject(fault, request_id, url.path):
            return
        try:
            self._check_headers(emu)
            body, headers = emu.answer(url.path, query)
            status = 200
            if fault == "empty-more" and url.path.endswith("/steps"):
                body = {"object": "list", "data": [], "first_id": None, "last_id": None, "has_more": True}
        except HTTPError as err:
            status, headers = err.status, {}
            body = {"error": {"message": err.message, "type": err.type_, "param": err.param, "code": None}}
        self._send(status, json.dumps(body).encode(), request_id, headers)

    def _check_headers(self, emu: Emulator) -> None:
        auth = self.headers.get("Authorization", "")
        if auth != f"Bearer {emu.api_key}":
            raise HTTPError(401, "Incorrect API key provided.")
        if self.headers.get("OpenAI-Beta") != "assistants=v2":
            raise HTTPError(400, BETA_MESSAGE)

    def _inject(self, fault: str, request_id: str, path: str) -> bool:
        """Answer with `fault`; False when the fault only changes the real answer."""
        plan = self.server.emulator.faults
        if fault == "slow":
            time.sleep(plan.slow_seconds)
            return False
        if fault == "empty-more" and path.endswith("/steps"):
            return False
        if fault in ("429", "429-ms"):
            hint = (
                {"retry-after": str(max(1, round(plan.retry_after_seconds)))}
                if fault == "429" and plan.retry_after_seconds >= 1
                else {"retry-after-ms": str(int(plan.retry_after_seconds * 1000))}
            )
            body = {
                "error": {
                    "message": "Rate limit reached.",
                    "type": "requests",
                    "param": None,
                    "code": "rate_limit_exceeded",
                }
            }
            self._send(429, json.dumps(body).encode(), request_id, hint)
        elif fault == "502-html":
            html = b"<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>"
            self._send(502, html, request_id, {}, content_type="text/html")
        elif fault == "503":
            body = {
                "error": {"message": "The server is overloaded.", "type": "server_error", "param": None, "code": None}
            }
            self._send(503, json.dumps(body).encode(), request_id, {"retry-after-ms": "10"})
        elif fault == "cut":
            self._cut(request_id)
        else:  # "500", and "empty-more" on a request that is not a list
            body = {
                "error": {"message": "The server had an error.", "type": "server_error", "param": None, "code": None}
            }
            self._send(500, json.dumps(body).encode(), request_id, {})
        return True

    def _cut(self, request_id: str) -> None:
        body = json.dumps({"object": "list", "data": [{"id": "step_cut"}] * 20}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("x-request-id", request_id)
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
        self.send_header("x-request-id", request_id)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)
