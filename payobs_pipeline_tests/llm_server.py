"""A scripted OpenAI-compatible server for the tests: real HTTP on 127.0.0.1, no key, no internet.

``POST /v1/chat/completions`` answers from a per-test script, one step per request (the last step repeats
when the script runs out); ``GET /v1/models`` answers a model list (for ``ping``). Every request is
recorded whole (method, path, headers, body text) so tests can search what left the process.

    server.script(answer({"provider": "acme", ...}))              # a chat completion with that JSON
    server.script(status(429, headers={"Retry-After": "0.05"}), answer(...))   # rate limit, then success
    server.script(answer("I cannot help"), raw(b'{"choices": ['), hang(5), status(500))

Use the ``llm_server`` fixture (payobs_pipeline_tests/resources/conftest.py imports it), or the class as a
context manager.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

MODEL = "gpt-4o-mini"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering (a hang when longer than the client's timeout)


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # names in lower case
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


Step = Callable[[dict], Reply]


def _completion(content: str | None, usage: tuple[int, int], finish_reason: str, refusal: str | None) -> bytes:
    return json.dumps({
        "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()), "model": MODEL,
        "choices": [{"index": 0, "finish_reason": finish_reason,
                     "message": {"role": "assistant", "content": content, "refusal": refusal}}],
        "usage": {"prompt_tokens": usage[0], "completion_tokens": usage[1], "total_tokens": sum(usage)},
    }).encode()


def answer(content: Any, usage: tuple[int, int] = (100, 50), finish_reason: str = "stop",
           refusal: str | None = None) -> Step:
    """A chat completion whose message content is ``content`` (a dict or list is sent as JSON text)."""
    text = content if isinstance(content, str) or content is None else json.dumps(content)
    return lambda request: Reply(200, _completion(text, usage, finish_reason, refusal),
                                 {"Content-Type": "application/json"})


def status(code: int, message: str = "scripted error", headers: dict[str, str] | None = None) -> Step:
    """An error response in OpenAI's error format."""
    body = json.dumps({"error": {"message": message, "type": "server_error", "code": None}}).encode()
    return lambda request: Reply(code, body, {"Content-Type": "application/json", **(headers or {})})


def raw(body: bytes, code: int = 200, content_type: str = "application/json") -> Step:
    """Exactly these bytes (malformed JSON, HTML, ...)."""
    return lambda request: Reply(code, body, {"Content-Type": content_type})


def hang(seconds: float, then: Step | None = None) -> Step:
    """Wait ``seconds`` before answering (with ``then``, else a valid empty-object answer)."""
    def step(request: dict) -> Reply:
        reply = (then or answer({}))(request)
        reply.delay = seconds
        return reply
    return step


def rejects_response_format(then: Step) -> Step:
    """A server without structured output: 400 when the request has response_format, else ``then``."""
    def step(request: dict) -> Reply:
        if "response_format" in request:
            return status(400, "response_format json_schema is not supported by this server")(request)
        return then(request)
    return step


class ScriptedLLMServer:
    def __init__(self) -> None:
        self.requests: list[RecordedRequest] = []
        self._steps: list[Step] = [answer({})]
        self._next = 0
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self.models = [MODEL]
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def _record(self) -> RecordedRequest:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace") if length else ""
                recorded = RecordedRequest(self.command, self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                with server._lock:
                    server.requests.append(recorded)
                return recorded

            def _send(self, reply: Reply) -> None:
                if reply.delay and server._closing.wait(reply.delay):
                    return
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    self.wfile.write(reply.body)
                except OSError:  # the client gave up (timeout) and closed the connection
                    pass

            def do_GET(self) -> None:
                self._record()
                if self.path.rstrip("/").endswith("/models"):
                    data = [{"id": m, "object": "model", "created": 0, "owned_by": "test"} for m in server.models]
                    self._send(Reply(200, json.dumps({"object": "list", "data": data}).encode(),
                                     {"Content-Type": "application/json"}))
                else:
                    self._send(status(404, "not found")({}))

            def do_POST(self) -> None:
                recorded = self._record()
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(status(404, "not found")({}))
                    return
                try:
                    request = json.loads(recorded.body)
                except ValueError:
                    request = {}
                with server._lock:
                    step = server._steps[min(server._next, len(server._steps) - 1)]
                    server._next += 1
                self._send(step(request))

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.02,), name="scripted-llm",
                                        daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *steps: Step) -> ScriptedLLMServer:
        """Replace the script: the next chat requests get these steps in order, the last one repeating."""
        with self._lock:
            self._steps, self._next = list(steps), 0
        return self

    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.method == "POST"]

    def everything_received(self) -> str:
        """Every request's path, headers and body as one text, for searching."""
        return "\n".join(f"{r.method} {r.path}\n{json.dumps(r.headers)}\n{r.body}" for r in self.requests)

    def close(self) -> None:
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> ScriptedLLMServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLMServer]:
    server = ScriptedLLMServer()
    yield server
    server.close()
