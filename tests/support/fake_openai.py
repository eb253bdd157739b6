"""A local OpenAI-compatible HTTP server for tests, benchmarks and browser runs.

Real HTTP on 127.0.0.1 (ephemeral port by default), one thread per connection,
HTTP/1.1 keep-alive like the real API. It implements:

- ``POST /v1/chat/completions``: plain JSON, or ``stream: true`` as server-sent
  events (``data: {...}\\n\\n`` ... ``data: [DONE]``) in chunked transfer encoding;
- ``POST /v1/moderations``: ``self-harm`` flagged when the input contains one of
  ``flag_words``;
- ``GET /v1/models``.

Every request is recorded (method, path, lower-cased headers, parsed JSON) for
assertions. Failures are scripted per endpoint and consumed in order: an HTTP
status with an OpenAI-style error body, a delay (client timeout), a connection
dropped before any reply or after a few streamed chunks. The default reply is
deterministic and names the emotion and confidence it read in the system prompt,
so a browser test can see that the prompt reached the model.

Standalone: ``python -m tests.support.fake_openai --port 8765`` prints its base URL
(``http://127.0.0.1:8765/v1``) on the first line of stdout. A running server can be
scripted over HTTP: ``POST /__fake__/script`` with a JSON behaviour (fields of
:class:`Behavior` plus ``"endpoint"``), ``POST /__fake__/reset``,
``GET /__fake__/requests``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import signal
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, fields
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CHAT = "chat"
MODERATIONS = "moderations"
_ENDPOINTS = {"/v1/chat/completions": CHAT, "/v1/moderations": MODERATIONS}
_EMOTION_LINE = re.compile(r"Detected emotion:\s*([a-z]+)(?:\s*\(confidence\s*(\d+)%\))?", re.I)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_MODERATION_CATEGORIES = (
    "harassment",
    "harassment/threatening",
    "hate",
    "hate/threatening",
    "illicit",
    "illicit/violent",
    "self-harm",
    "self-harm/intent",
    "self-harm/instructions",
    "sexual",
    "sexual/minors",
    "violence",
    "violence/graphic",
)


@dataclass
class Behavior:
    """What the server does with one request to an endpoint (default: answer normally)."""

    status: int = 200
    code: str | None = None  # error.code in the body, e.g. "insufficient_quota"
    message: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before answering (longer than the client timeout = timeout)
    drop: bool = False  # close the connection without any reply
    drop_after_chunks: int | None = None  # streaming: send this many chunks, then cut
    reply: str | None = None  # reply text instead of the default one
    chunk_delay_s: float | None = None  # pause between streamed chunks


@dataclass
class RecordedRequest:
    method: str
    path: str
    endpoint: str | None
    headers: dict[str, str]
    json: Any
    received_at: float

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.json or {}).get("messages", []))

    @property
    def system_prompt(self) -> str:
        return "\n".join(
            str(m.get("content", "")) for m in self.messages if m.get("role") == "system"
        )


def default_reply(body: dict[str, Any]) -> str:
    """Deterministic reply naming what the server saw in the request."""
    messages = body.get("messages") or []
    system = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "system")
    users = [str(m.get("content", "")) for m in messages if m.get("role") == "user"]
    last_user = users[-1] if users else ""
    match = _EMOTION_LINE.search(system)
    emotion = match.group(1).lower() if match else "unknown"
    confidence = f"{match.group(2)}%" if match and match.group(2) else "?"
    crisis = "[crisis]" in system.lower()
    quoted = " ".join(last_user.split())[:60]
    if _HANGUL.search(last_user):
        head = "[가짜 모델 위기 응답]" if crisis else "[가짜 모델]"
        return (
            f"{head} 감정 {emotion} ({confidence}) 으로 읽었어요. "
            f'"{quoted}" 라고 하셨네요. 천천히 숨 한 번 쉬어 봐요.'
        )
    head = "[fake model crisis reply]" if crisis else "[fake model]"
    return (
        f"{head} I read the emotion {emotion} ({confidence}). "
        f'You said: "{quoted}". Take one slow breath with me.'
    )


def split_chunks(text: str) -> list[str]:
    """Word-sized pieces (each keeps its trailing space), like model tokens."""
    return re.findall(r"\S+\s*|\s+", text) or [text]


class FakeOpenAI:
    """The server; use as a context manager or call start()/stop()."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        chunk_delay_s: float = 0.0,
        flag_words: tuple[str, ...] = ("please-flag-me",),
    ) -> None:
        self.host = host
        self.requested_port = port
        self.chunk_delay_s = chunk_delay_s
        self.flag_words = flag_words
        self.reply: str | None = None
        self._lock = threading.Lock()
        self._requests: list[RecordedRequest] = []
        self._scripts: dict[str, deque[Behavior]] = {CHAT: deque(), MODERATIONS: deque()}
        self.stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        handler = type("Handler", (_Handler,), {"fake": self})
        httpd = ThreadingHTTPServer((self.host, self.requested_port), handler)
        httpd.daemon_threads = True
        httpd.block_on_close = False
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._httpd = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "server not started"
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """Base URL for the SDK (``base_url=``)."""
        return f"http://{self.host}:{self.port}/v1"

    # -- scripting ---------------------------------------------------------------------
    def script(self, *behaviors: Behavior, endpoint: str = CHAT) -> None:
        with self._lock:
            self._scripts[endpoint].extend(behaviors)

    def fail(
        self,
        status: int,
        *,
        times: int = 1,
        endpoint: str = CHAT,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        behavior = Behavior(status=status, code=code, headers=dict(headers or {}))
        self.script(*[behavior] * times, endpoint=endpoint)

    def slow(self, seconds: float, *, times: int = 1, endpoint: str = CHAT) -> None:
        self.script(*[Behavior(delay_s=seconds)] * times, endpoint=endpoint)

    def drop(
        self, *, times: int = 1, after_chunks: int | None = None, endpoint: str = CHAT
    ) -> None:
        behavior = Behavior(drop=after_chunks is None, drop_after_chunks=after_chunks)
        self.script(*[behavior] * times, endpoint=endpoint)

    def reset(self) -> None:
        with self._lock:
            self._requests.clear()
            for queue in self._scripts.values():
                queue.clear()
        self.reply = None

    def _next_behavior(self, endpoint: str | None) -> Behavior:
        with self._lock:
            queue = self._scripts.get(endpoint or "")
            return queue.popleft() if queue else Behavior()

    # -- recorded traffic --------------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    def requests_to(self, endpoint: str) -> list[RecordedRequest]:
        return [r for r in self.requests if r.endpoint == endpoint]

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return self.requests_to(CHAT)

    @property
    def last_chat(self) -> RecordedRequest:
        return self.chat_requests[-1]


class _Handler(BaseHTTPRequestHandler):
    fake: FakeOpenAI
    protocol_version = "HTTP/1.1"
    server_version = "FakeOpenAI/1.0"

    def setup(self) -> None:
        super().setup()
        # Small writes must not wait for the client's delayed ACK (40 ms Nagle stall).
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle(self) -> None:
        # A client that goes away (closed pool, killed process, timeout) is normal here.
        with contextlib.suppress(ConnectionError, TimeoutError):
            super().handle()

    # -- plumbing ------------------------------------------------------------------
    def _read_json(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return None

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload).encode()
        head = [f"HTTP/1.1 {status} {self.responses.get(status, ('',))[0]}"]
        head += ["Content-Type: application/json", f"Content-Length: {len(data)}"]
        head += [f"x-request-id: req_{int(time.time() * 1e6)}"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode() + data)
        self.wfile.flush()

    def _cut(self) -> None:
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    def _guard(self, action: Any) -> None:
        try:
            action()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    # -- routes ----------------------------------------------------------------------
    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        if path == "/__fake__/requests":
            payload = [asdict(r) for r in self.fake.requests]
            self._guard(lambda: self._send_json(200, payload))
        elif path == "/v1/models":
            models = {"object": "list", "data": [{"id": "fake-model", "object": "model"}]}
            self._guard(lambda: self._send_json(200, models))
        elif path in ("", "/health"):
            self._guard(lambda: self._send_json(200, {"ok": True, "url": self.fake.url}))
        else:
            self._guard(lambda: self._send_json(404, _error(404, "Not found", None)))

    def do_POST(self) -> None:
        path = self.path.split("?", 1)[0].rstrip("/")
        body = self._read_json()
        if path.startswith("/__fake__/"):
            self._guard(lambda: self._control(path, body))
            return
        endpoint = _ENDPOINTS.get(path)
        self.fake._record(
            RecordedRequest(
                method="POST",
                path=path,
                endpoint=endpoint,
                headers={k.lower(): v for k, v in self.headers.items()},
                json=body,
                received_at=time.monotonic(),
            )
        )
        if endpoint is None:
            self._guard(lambda: self._send_json(404, _error(404, f"No route {path}", None)))
            return
        behavior = self.fake._next_behavior(endpoint)
        if behavior.delay_s and self.fake.stopping.wait(behavior.delay_s):
            self._cut()
            return
        if behavior.drop:
            self._cut()
            return
        if behavior.status != 200:
            payload = _error(behavior.status, behavior.message, behavior.code)
            self._guard(lambda: self._send_json(behavior.status, payload, behavior.headers))
            return
        body = body if isinstance(body, dict) else {}
        if endpoint == MODERATIONS:
            self._guard(lambda: self._send_json(200, self._moderation(body)))
        elif body.get("stream"):
            self._guard(lambda: self._stream(body, behavior))
        else:
            self._guard(lambda: self._send_json(200, self._completion(body, behavior)))

    def _control(self, path: str, body: Any) -> None:
        body = body if isinstance(body, dict) else {}
        if path == "/__fake__/reset":
            self.fake.reset()
        elif path == "/__fake__/script":
            endpoint = body.pop("endpoint", CHAT)
            times = int(body.pop("times", 1))
            known = {f.name for f in fields(Behavior)}
            behavior = Behavior(**{k: v for k, v in body.items() if k in known})
            self.fake.script(*[behavior] * times, endpoint=endpoint)
        elif path == "/__fake__/reply":
            self.fake.reply = body.get("reply")
        else:
            self._send_json(404, _error(404, "unknown control", None))
            return
        self._send_json(200, {"ok": True})

    # -- payloads --------------------------------------------------------------------
    def _reply_text(self, body: dict[str, Any], behavior: Behavior) -> str:
        if behavior.reply is not None:
            return behavior.reply
        return self.fake.reply if self.fake.reply is not None else default_reply(body)

    def _completion(self, body: dict[str, Any], behavior: Behavior) -> dict[str, Any]:
        text = self._reply_text(body, behavior)
        return {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake-model"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": text},
                    "finish_reason": "stop",
                }
            ],
            "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
        }

    def _stream(self, body: dict[str, Any], behavior: Behavior) -> None:
        model = body.get("model", "fake-model")
        created = int(time.time())
        delay = (
            self.fake.chunk_delay_s if behavior.chunk_delay_s is None else behavior.chunk_delay_s
        )

        def event(delta: dict[str, Any], finish: str | None = None) -> bytes:
            chunk = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": created,
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }
            return f"data: {json.dumps(chunk)}\n\n".encode()

        def send(data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
            "Cache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n"
            f"x-request-id: req_{int(time.time() * 1e6)}\r\n\r\n"
        )
        pieces = split_chunks(self._reply_text(body, behavior))
        # Headers and the first token in one write, like a model that starts at once.
        self.wfile.write(head.encode())
        send(event({"role": "assistant", "content": pieces[0]}))
        for index, piece in enumerate(pieces[1:], start=1):
            if behavior.drop_after_chunks is not None and index >= behavior.drop_after_chunks:
                self._cut()
                return
            if delay and self.fake.stopping.wait(delay):
                self._cut()
                return
            send(event({"content": piece}))
        send(event({}, finish="stop"))
        send(b"data: [DONE]\n\n")
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _moderation(self, body: dict[str, Any]) -> dict[str, Any]:
        raw = body.get("input", "")
        inputs = raw if isinstance(raw, list) else [raw]
        results = []
        for item in inputs:
            text = str(item).lower()
            flagged = any(word in text for word in self.fake.flag_words)
            categories = dict.fromkeys(_MODERATION_CATEGORIES, False)
            scores = dict.fromkeys(_MODERATION_CATEGORIES, 0.001)
            if flagged:
                for name in ("self-harm", "self-harm/intent"):
                    categories[name] = True
                    scores[name] = 0.97
            results.append(
                {
                    "flagged": flagged,
                    "categories": categories,
                    "category_scores": scores,
                    "category_applied_input_types": {k: ["text"] for k in categories},
                }
            )
        return {
            "id": "modr-fake",
            "model": body.get("model", "omni-moderation-latest"),
            "results": results,
        }


def _error(status: int, message: str | None, code: str | None) -> dict[str, Any]:
    kinds = {
        400: ("invalid_request_error", "Bad request."),
        401: ("invalid_request_error", "Incorrect API key provided."),
        403: ("invalid_request_error", "Permission denied."),
        404: ("invalid_request_error", "The model does not exist."),
        429: ("rate_limit_error", "Rate limit reached."),
    }
    kind, default = kinds.get(status, ("server_error", "The server had an error."))
    return {"error": {"message": message or default, "type": kind, "param": None, "code": code}}


@contextlib.contextmanager
def running(**kwargs: Any) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(**kwargs) as server:
        yield server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--chunk-delay", type=float, default=0.0, help="seconds between chunks")
    parser.add_argument("--reply", default=None, help="fixed reply text instead of the default")
    args = parser.parse_args(argv)
    server = FakeOpenAI(args.host, args.port, chunk_delay_s=args.chunk_delay)
    server.reply = args.reply
    server.start()
    print(server.url, flush=True)
    done = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: done.set())
    done.wait()
    server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
