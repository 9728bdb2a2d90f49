"""A loopback TCP proxy that really cuts database connections, for fault tests (no mocks).

``FaultProxy(real_url)`` listens on ``127.0.0.1:<port>`` and forwards every
connection to the PostgreSQL server of ``real_url`` (TCP or the Unix socket of
the embedded server). ``proxy.url()`` is ``real_url`` with only host and port
changed (same user, password, database, options), so a ``LakeDatabase``,
``WarehouseDatabase`` or Dagster's storage can be pointed through it.

Faults, each applied by the proxy's own thread before the call returns:

* ``drop()``: every live connection is reset at once (RST to the client, the
  server's backend sees its client vanish and rolls back);
* ``refuse()`` / ``accept()``: the listening socket is closed (new connections
  get ``Connection refused``) / bound again on the same port;
* ``stall()`` / ``resume()``: bytes stop moving both ways and new connections
  are left unanswered (a hung load balancer, a partition): only timeouts end a
  wait on a stalled proxy;
* ``drop_after(pattern, then_bytes, direction)``: one shot, armed in advance:
  when ``pattern`` is seen in what a client sends (e.g. ``COPY "normalized_events"``),
  count ``then_bytes`` more bytes in ``direction`` (``"down"`` server to client,
  ``"up"`` client to server) on that connection, then drop everything
  (and ``refuse`` new connections when asked). ``fired`` is set when it did.

Bounded: one selector thread for all connections, at most ``max_connections``
at a time, per-direction buffers capped (a side is not read while its peer
has not drained), and the proxy closes itself after ``lifetime`` seconds.
``close()`` (or leaving the ``with`` block) stops the thread and closes every
socket; ``FaultProxy.live()`` lists the proxy threads still running.
"""

from __future__ import annotations

import os
import queue
import selectors
import socket
import struct
import threading
import time
from collections.abc import Callable
from urllib.parse import quote, urlencode

from psycopg.conninfo import conninfo_to_dict

from payobs_pipeline.settings import libpq_url

_BLOCK = 64 * 1024
_MAX_BUFFERED = 4 * _BLOCK
_THREAD_PREFIX = "fault-proxy-"


def _target_of(url: str) -> tuple[int, object]:
    """(address family, address) of the server a libpq URL names."""
    params = conninfo_to_dict(libpq_url(url))
    host = params.get("host") or "localhost"
    port = int(params.get("port") or 5432)
    if host.startswith("/"):
        return socket.AF_UNIX, os.path.join(host, f".s.PGSQL.{port}")
    return socket.AF_INET, (host, port)


def _reset(sock: socket.socket) -> None:
    """Close with RST (no graceful FIN): what a cut connection looks like to the peer."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class _Link:
    """One client connection and its connection to the server."""

    __slots__ = ("client", "server", "to_server", "to_client", "tail", "watching", "counted")

    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.client, self.server = client, server
        self.to_server = bytearray()
        self.to_client = bytearray()
        self.tail = b""  # the end of what the client sent, to match a pattern across reads
        self.watching = False  # the armed pattern was seen on this link
        self.counted = 0


class FaultProxy:
    def __init__(self, real_url: str, *, max_connections: int = 32, lifetime: float = 180.0) -> None:
        self.real_url = real_url
        self._family, self._address = _target_of(real_url)
        self._max_connections = max_connections
        self._deadline = time.monotonic() + lifetime
        self._selector = selectors.DefaultSelector()
        self._links: list[_Link] = []
        self._masks: dict[socket.socket, int] = {}
        self._commands: queue.Queue = queue.Queue()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._listener: socket.socket | None = None
        self.port = 0
        self._listen()
        self._stalled = False
        self._trigger: tuple[bytes, int, str, bool] | None = None
        self.fired = threading.Event()
        self.connections_accepted = 0
        self.connections_refused = 0
        self._stopping = False
        self._thread = threading.Thread(target=self._loop, name=f"{_THREAD_PREFIX}{self.port}", daemon=True)
        self._thread.start()

    # --- the test's side -------------------------------------------------------------------------

    def url(self, driver: str | None = None) -> str:
        """The real URL through the proxy: same user, password, database and options; host:port changed."""
        params = conninfo_to_dict(libpq_url(self.real_url))
        for key in ("host", "hostaddr", "port"):
            params.pop(key, None)
        user, password, dbname = params.pop("user", ""), params.pop("password", ""), params.pop("dbname", "")
        auth = ""
        if user:
            auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "") + "@"
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        query = ("?" + urlencode(params)) if params else ""
        return f"{scheme}://{auth}127.0.0.1:{self.port}/{quote(dbname, safe='')}{query}"

    def drop(self) -> int:
        """Reset every live connection now; returns how many were cut."""
        return self._call(self._drop_all)

    def refuse(self) -> None:
        """New connections are refused (the listening socket is closed)."""
        self._call(self._close_listener)

    def accept(self) -> None:
        """New connections are accepted again, on the same port."""
        self._call(self._listen)

    def stall(self) -> None:
        """Stop moving bytes and stop answering new connections (they wait in the backlog)."""
        self._call(lambda: setattr(self, "_stalled", True))

    def resume(self) -> None:
        self._call(lambda: setattr(self, "_stalled", False))

    def drop_after(self, pattern: bytes, then_bytes: int = 0, direction: str = "down", refuse: bool = False) -> None:
        """Arm a one-shot drop: after ``pattern`` in a client's bytes, ``then_bytes`` more in ``direction``."""
        if direction not in ("up", "down"):
            raise ValueError("direction is 'up' (client to server) or 'down' (server to client)")
        self.fired.clear()

        def arm() -> None:
            for link in self._links:
                link.watching, link.tail, link.counted = False, b"", 0
            self._trigger = (pattern, then_bytes, direction, refuse)

        self._call(arm)

    def live_connections(self) -> int:
        return self._call(lambda: len(self._links))

    def close(self) -> None:
        if self._thread.is_alive():
            self._stopping = True
            self._wake()
            self._thread.join(timeout=10)
        if self._thread.is_alive():
            raise RuntimeError(f"{self._thread.name} did not stop")

    def __enter__(self) -> FaultProxy:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def live() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith(_THREAD_PREFIX) and t.is_alive()]

    def _wake(self) -> None:
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass

    def _call(self, fn: Callable):
        if not self._thread.is_alive():
            raise RuntimeError("the proxy is closed")
        done: queue.Queue = queue.Queue(maxsize=1)
        self._commands.put((fn, done))
        self._wake()
        ok, value = done.get(timeout=10)
        if not ok:
            raise value
        return value

    # --- the proxy's thread ----------------------------------------------------------------------

    def _listen(self) -> None:
        if self._listener is not None:
            return
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.setblocking(False)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._masks[listener] = 0

    def _close_listener(self) -> None:
        if self._listener is None:
            return
        self._set_mask(self._listener, 0, None)
        self._masks.pop(self._listener, None)
        self._listener.close()
        self._listener = None

    def _set_mask(self, sock: socket.socket, mask: int, data) -> None:
        current = self._masks.get(sock, 0)
        if mask == current:
            return
        if current and mask:
            self._selector.modify(sock, mask, data)
        elif mask:
            self._selector.register(sock, mask, data)
        else:
            self._selector.unregister(sock)
        self._masks[sock] = mask

    def _update(self, link: _Link) -> None:
        read, write = selectors.EVENT_READ, selectors.EVENT_WRITE
        moving = not self._stalled
        client = (read if moving and len(link.to_server) < _MAX_BUFFERED else 0) | (
            write if moving and link.to_client else 0)
        server = (read if moving and len(link.to_client) < _MAX_BUFFERED else 0) | (
            write if moving and link.to_server else 0)
        self._set_mask(link.client, client, (link, "client"))
        self._set_mask(link.server, server, (link, "server"))

    def _close_link(self, link: _Link, reset: bool) -> None:
        for sock in (link.client, link.server):
            self._set_mask(sock, 0, None)
            self._masks.pop(sock, None)
            if reset:
                _reset(sock)
            else:
                sock.close()
        if link in self._links:
            self._links.remove(link)

    def _drop_all(self) -> int:
        dropped = len(self._links)
        for link in list(self._links):
            self._close_link(link, reset=True)
        return dropped

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except (BlockingIOError, InterruptedError):
            return
        if len(self._links) >= self._max_connections:
            self.connections_refused += 1
            _reset(client)
            return
        server = socket.socket(self._family, socket.SOCK_STREAM)
        server.settimeout(5)
        try:
            server.connect(self._address)
        except OSError:
            self.connections_refused += 1
            server.close()
            _reset(client)
            return
        client.setblocking(False)
        server.setblocking(False)
        link = _Link(client, server)
        self._links.append(link)
        self.connections_accepted += 1
        self._update(link)

    def _fire(self, refuse: bool) -> None:
        self._trigger = None
        self._drop_all()
        if refuse:
            self._close_listener()
        self.fired.set()

    def _received(self, link: _Link, side: str, data: bytes) -> bool:
        """Queue data for the other side; False when an armed trigger fired (the link is gone)."""
        trigger = self._trigger
        if trigger is not None:
            pattern, then_bytes, direction, refuse = trigger
            if link.watching:
                if (side == "client") == (direction == "up"):
                    link.counted += len(data)
            elif side == "client":
                seen = link.tail + data
                index = seen.find(pattern)
                if index >= 0:
                    link.watching = True
                    link.counted = len(seen) - index - len(pattern) if direction == "up" else 0
                else:
                    link.tail = seen[max(0, len(seen) - len(pattern) + 1):] if len(pattern) > 1 else b""
            if link.watching and link.counted >= then_bytes:
                self._fire(refuse)
                return False
        (link.to_server if side == "client" else link.to_client).extend(data)
        return True

    def _transfer(self, link: _Link, side: str, mask: int) -> None:
        source = link.client if side == "client" else link.server
        outgoing = link.to_client if side == "client" else link.to_server
        if mask & selectors.EVENT_WRITE and outgoing:
            try:
                sent = source.send(outgoing)
                del outgoing[:sent]
            except (BlockingIOError, InterruptedError):
                pass
            except OSError:
                self._close_link(link, reset=True)
                return
        if mask & selectors.EVENT_READ:
            try:
                data = source.recv(_BLOCK)
            except (BlockingIOError, InterruptedError):
                data = None
            except OSError:
                self._close_link(link, reset=True)
                return
            if data == b"":  # one side closed: pass on what is pending, then close both
                pending = link.to_server if side == "client" else link.to_client
                peer = link.server if side == "client" else link.client
                try:
                    peer.setblocking(True)
                    peer.settimeout(1)
                    peer.sendall(pending)
                except OSError:
                    pass
                self._close_link(link, reset=False)
                return
            if data and not self._received(link, side, data):
                return
        self._update(link)

    def _loop(self) -> None:
        try:
            while not self._stopping and time.monotonic() < self._deadline:
                if self._listener is not None:
                    self._set_mask(self._listener, 0 if self._stalled else selectors.EVENT_READ, None)
                for key, mask in self._selector.select(timeout=0.2):
                    if key.fileobj is self._wake_r:
                        try:
                            self._wake_r.recv(4096)
                        except BlockingIOError:
                            pass
                    elif key.fileobj is self._listener:
                        self._accept()
                    elif key.fileobj in self._masks and key.data is not None:
                        link, side = key.data
                        if link in self._links:
                            self._transfer(link, side, mask)
                while True:
                    try:
                        fn, done = self._commands.get_nowait()
                    except queue.Empty:
                        break
                    try:
                        done.put((True, fn()))
                    except Exception as error:  # noqa: BLE001 - handed back to the caller
                        done.put((False, error))
                    for link in list(self._links):  # a stall or a resume changes every link's interest
                        self._update(link)
        finally:
            self._drop_all()
            self._close_listener()
            self._selector.close()
            self._wake_r.close()
            self._wake_w.close()
            while not self._commands.empty():
                _, done = self._commands.get_nowait()
                done.put((False, RuntimeError("the proxy is closed")))
