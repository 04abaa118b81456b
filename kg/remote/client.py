"""HTTP for SPARQL servers: authentication, retries with back-off, clear errors.

urllib3 (already installed with trafilatura, declared as our own dependency) keeps
connections alive across the many small requests of a push, which urllib.request does
not.  Retrying is done here rather than by urllib3 so that exactly what is retried is
visible: connection failures and 5xx answers, with exponential back-off; a 4xx answer is
the client's fault and fails at once with the server's message.

Credentials go into the ``Authorization`` header only: they are not in URLs, messages,
reprs or exceptions.
"""

from __future__ import annotations

import base64
import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import urllib3

RETRIED_STATUSES = range(500, 600)
ENV_USER, ENV_PASSWORD, ENV_TOKEN = "KG_ENDPOINT_USER", "KG_ENDPOINT_PASSWORD", "KG_ENDPOINT_TOKEN"


class EndpointError(Exception):
    """A request failed for good (4xx, or still failing after the retries)."""


@dataclass(frozen=True)
class Credentials:
    """Basic (user and password) or bearer (token) credentials."""

    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)

    @classmethod
    def resolve(
        cls,
        user: str | None = None,
        password: str | None = None,
        token: str | None = None,
        environ: Mapping[str, str] = os.environ,
    ) -> Credentials:
        """Flags first, then ``KG_ENDPOINT_USER``/``_PASSWORD``/``_TOKEN``."""
        return cls(
            user or environ.get(ENV_USER) or None,
            password or environ.get(ENV_PASSWORD) or None,
            token or environ.get(ENV_TOKEN) or None,
        )

    def header(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
        return {}


class HttpClient:
    """Sends requests to one server, retrying what may succeed on a second try."""

    def __init__(
        self,
        credentials: Credentials | None = None,
        retries: int = 5,
        backoff: float = 0.5,
        timeout: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._auth = (credentials or Credentials()).header()
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.requests = 0
        self._pool = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=10.0, read=timeout), retries=False
        )

    def __repr__(self) -> str:
        return f"HttpClient(retries={self.retries}, authenticated={bool(self._auth)})"

    def send(self, method: str, url: str, body: bytes, content_type: str) -> int:
        """Send ``body``; the status of the successful answer (2xx)."""
        headers = {"Content-Type": content_type, **self._auth}
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(self.backoff * 2 ** (attempt - 1))
            self.requests += 1
            try:
                response = self._pool.request(method, url, body=body, headers=headers)
            except urllib3.exceptions.HTTPError as exc:
                problem = f"cannot connect ({type(exc).__name__})"
                continue
            if response.status in RETRIED_STATUSES:
                problem = f"HTTP {response.status} {_message(response)}"
                continue
            if response.status >= 400:
                raise EndpointError(_client_error(method, url, response))
            return response.status
        raise EndpointError(f"{method} {url}: {problem}; gave up after {self.retries + 1} attempts")


def _message(response: urllib3.BaseHTTPResponse) -> str:
    text = response.data.decode("utf-8", "replace").strip().replace("\n", " ")
    return f"{response.reason or ''}: {text[:300]}".strip(": ")


def _client_error(method: str, url: str, response: urllib3.BaseHTTPResponse) -> str:
    message = f"{method} {url}: HTTP {response.status} {_message(response)}"
    if response.status in (401, 403):
        message += (
            f" (check the credentials: --user/--password/--token or {ENV_USER}, "
            f"{ENV_PASSWORD}, {ENV_TOKEN})"
        )
    return message
