"""What every request passes before a route: the Host must be one this server answers to (DNS
rebinding), a state-changing request must not come from another site, every response carries the
security headers, and an unhandled exception becomes an error response in the documented shape
instead of a plain-text 500.

A pure ASGI middleware, so the headers reach every response, the error responses it makes
itself included; Starlette's ServerErrorMiddleware, outside it, never sees an exception."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers, MutableHeaders
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOG = logging.getLogger("marsad.web")

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")

# No script at all, styles only from our stylesheet, nothing framed or framing, forms posting only
# here. A page that somehow carried markup could still not run or load anything.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_DEFAULT_PORTS = {"http": 80, "https": 443}

ErrorRenderer = Callable[[Request, int, str], Response]


def split_host(value: str) -> tuple[str, int | None]:
    """A Host header or host entry as (lower-case name, port or None): `[::1]:8000`, `::1`,
    `localhost:8000`, `Example.org.`. Raises ValueError when the port is not a number."""
    value = value.strip().lower()
    if value.startswith("["):
        name, _, rest = value[1:].partition("]")
        if rest and not rest.startswith(":"):
            raise ValueError(f"bad host: {value}")
        port_text = rest[1:]
    elif value.count(":") == 1:
        name, port_text = value.split(":")
    else:  # a bare name, or a bare IPv6 address (many colons, no brackets)
        name, port_text = value, ""
    if port_text and not port_text.isdigit():
        raise ValueError(f"bad port in host: {value}")
    return name.rstrip("."), int(port_text) if port_text else None


@dataclass(frozen=True)
class HostPolicy:
    """The host names (each with its port, or any port) requests may be addressed to."""

    entries: frozenset[tuple[str, int | None]]

    @classmethod
    def of(cls, hosts: Iterable[str]) -> HostPolicy:
        """Entries written `name` (any port) or `name:port` (`[v6]:port` for IPv6)."""
        return cls(frozenset(split_host(h) for h in hosts))

    @classmethod
    def for_server(cls, bind_host: str, port: int, extra: Iterable[str] = ()) -> HostPolicy:
        """What `marsad serve` answers to: the loopback names and the address it binds, with its
        port, and the `--allowed-host` entries as written."""
        names = {split_host(n)[0] for n in (*LOOPBACK_NAMES, bind_host)}
        return cls(frozenset({(n, port) for n in names} | {split_host(h) for h in extra}))

    def allows(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        try:
            name, port = split_host(host_header)
        except ValueError:
            return False
        # A Host without a port is addressed to HTTP's default one.
        return (name, None) in self.entries or (name, 80 if port is None else port) in self.entries


def _same_origin(url: str, host_header: str) -> bool:
    """Whether `url` (an Origin or Referer) names the host and port the request was sent to. The
    scheme is not compared: behind a TLS proxy the page is https and the Host header the same."""
    parts = urlsplit(url)
    if not parts.netloc:
        return False
    try:
        name, port = split_host(parts.netloc)
        host_name, host_port = split_host(host_header)
    except ValueError:
        return False
    port = port if port is not None else _DEFAULT_PORTS.get(parts.scheme)
    if host_port is None:
        return name == host_name and port in _DEFAULT_PORTS.values()
    return (name, port) == (host_name, host_port)


def refusal(headers: Headers, method: str, hosts: HostPolicy) -> tuple[int, str] | None:
    """(status, message) when the request must not reach a route, else None."""
    host = headers.get("host")
    if host is None or not hosts.allows(host):
        return 400, "this server does not answer to that host name (marsad serve --allowed-host adds one)"
    if method in SAFE_METHODS:
        return None
    # Fetch metadata, sent by current browsers even where Origin is withheld.
    if headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        return 403, "a request from another site cannot change this store"
    # Pages are served with Referrer-Policy: no-referrer, under which a browser sends `Origin: null`
    # for our own form; a null or missing Origin falls back to the Referer, and when neither names
    # a site the upload's CSRF token decides.
    origin = headers.get("origin")
    claimed = origin if origin and origin != "null" else headers.get("referer")
    if claimed and not _same_origin(claimed, host):
        return 403, "a request from another site cannot change this store"
    return None


class Guard:
    """The ASGI middleware (see the module docstring). `render_error` makes the error response
    for a request, JSON under /api and HTML elsewhere."""

    def __init__(self, app: ASGIApp, *, hosts: HostPolicy, render_error: ErrorRenderer) -> None:
        self.app = app
        self.hosts = hosts
        self.render_error = render_error

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        refused = refusal(Headers(scope=scope), scope["method"], self.hosts)
        if refused is not None:
            await self.render_error(Request(scope), *refused)(scope, receive, send_secured)
            return
        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            if started:  # too late for another response: the connection is cut, as before
                raise
            LOG.exception("unhandled error on %s %s", scope["method"], scope["path"])
            await self.render_error(Request(scope), 500, "internal server error")(scope, receive, send_secured)
