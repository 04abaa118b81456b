"""The network page in a real browser: Debian's headless Chromium, driven through the
DevTools protocol (CDP).

Why CDP over a WebSocket (the small ``websocket-client`` package) rather than
``chromium --dump-dom``: the test must see console errors and uncaught exceptions as
the browser reports them, not as the page chooses to report them, and it types into the
search box and clicks a node as a person would.  Playwright would also do this, but it
needs Node.js or a browser build of its own; this harness needs only the Debian
package.  ``benchmarks/network_bench.py`` drives the same :class:`Chromium`.

Skips with a reason where /usr/bin/chromium is missing (``.ci/run`` installs it).
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.cli import main
from kg.network.graph import NetworkOptions, build_network
from kg.network.source import read_source
from kg.rdf.dataset import load_store

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",
)


class Chromium:
    """One headless Chromium with one page, driven over CDP.  Collects console errors,
    uncaught exceptions and error log entries while it runs."""

    def __init__(self, profile: Path, width: int = 1400, height: int = 900) -> None:
        import websocket  # the dev extra's websocket-client

        profile.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [
                str(CHROMIUM),
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port = self._port(profile / "DevToolsActivePort")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10) as reply:
            targets = json.load(reply)
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=120, suppress_origin=True
        )
        self.ids = itertools.count(1)
        self.errors: list[str] = []
        for domain in ("Runtime", "Log", "Page"):
            self.send(f"{domain}.enable")

    def _port(self, active: Path, timeout: float = 30.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if active.is_file() and active.read_text().strip():
                return int(active.read_text().split()[0])
            if self.process.poll() is not None:
                raise RuntimeError(f"{CHROMIUM} exited with {self.process.returncode}")
            time.sleep(0.1)
        self.close()
        raise RuntimeError(f"{CHROMIUM} did not open its DevTools port in {timeout} s")

    def send(self, method: str, **params: Any) -> dict:
        """Send one command and return its result; events that arrive meanwhile are
        recorded (errors) or dropped."""
        ident = next(self.ids)
        self.socket.send(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._record(message)

    def _record(self, message: dict) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append(details.get("exception", {}).get("description") or details["text"])
        elif method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
            self.errors.append(
                " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
            )
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            self.errors.append(params["entry"]["text"])

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, ready: str, timeout: float = 120.0) -> float:
        """Navigate and wait until the expression ``ready`` is true; return the seconds
        it took."""
        self.evaluate("window.stop(); document.documentElement?.removeAttribute('data-kg-status')")
        started = time.monotonic()
        self.send("Page.navigate", url=url)
        while time.monotonic() - started < timeout:
            if self.evaluate(ready):
                return time.monotonic() - started
            time.sleep(0.05)
        raise TimeoutError(f"{url}: not ready after {timeout} s ({ready})")

    def type_text(self, text: str) -> None:
        self.send("Input.insertText", text=text)

    def press(self, key: str, code: int) -> None:
        for kind in ("keyDown", "keyUp"):
            self.send(
                "Input.dispatchKeyEvent", type=kind, key=key, code=key, windowsVirtualKeyCode=code
            )

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            if getattr(self, "socket", None):
                self.socket.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chromium]:
    if not CHROMIUM.is_file():
        pytest.skip(f"{CHROMIUM} is missing (Debian: apt-get install chromium)")
    pytest.importorskip("websocket", reason="websocket-client is missing (pip install '.[dev]')")
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="module")
def examples_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The examples' dataset and their network page, built by the real commands."""
    folder = tmp_path_factory.mktemp("network-page")
    data, page = folder / "examples.trig", folder / "examples.html"
    assert main(["build", str(REPO / "examples"), "-o", str(data)]) == 0
    assert main(["network", str(data), "-o", str(page)]) == 0
    return data, page


def _save_artefact(path: Path) -> None:
    target = os.environ.get("KG_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, Path(target) / path.name)


def _wait(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise TimeoutError("condition not met")


READY = "document.documentElement?.dataset.kgStatus === 'ready'"


def test_examples_page_renders_every_node_without_errors(
    browser: Chromium, examples_page: tuple[Path, Path], tmp_path: Path
) -> None:
    data, page = examples_page
    graph = build_network(read_source(load_store(data)), NetworkOptions())
    browser.open(page.as_uri(), READY)
    rendered = browser.evaluate(
        "[document.documentElement.dataset.kgNodes, document.documentElement.dataset.kgEdges]"
    )
    assert [int(n) for n in rendered] == [graph.number_of_nodes(), graph.number_of_edges()]
    legend = browser.evaluate("document.getElementById('legend').innerText")
    assert "Intergovernmental organization" in legend and "State" in legend
    screenshot = tmp_path / "network-examples.png"
    browser.screenshot(screenshot)
    assert screenshot.stat().st_size > 20_000
    _save_artefact(screenshot)
    assert browser.errors == []


@pytest.mark.parametrize(
    ("typed", "iri"),
    [
        ("ынтымақтастық және даму", "https://w3id.org/intergov-kg/id/org/oecd"),  # Kazakh
        ("Министерство иностранных", "https://w3id.org/intergov-kg/id/org/kz-mfa"),  # Russian
        ("acsh", "https://w3id.org/intergov-kg/id/org/acsh"),  # acronym, any case
    ],
)
def test_search_finds_a_node_by_a_name_in_any_language(
    browser: Chromium, examples_page: tuple[Path, Path], typed: str, iri: str
) -> None:
    _, page = examples_page
    browser.open(page.as_uri(), READY)
    browser.evaluate("document.getElementById('search').focus()")
    browser.type_text(typed)
    browser.press("Enter", 13)
    selected = _wait(lambda: browser.evaluate("kg.network.getSelectedNodes()"))
    assert browser.evaluate(f"kg.nodes[{selected[0]}].iri") == iri
    heading = browser.evaluate("document.querySelector('#details h2').textContent")
    assert heading == browser.evaluate(f"kg.nodes[{selected[0]}].label")
    assert browser.errors == []


def test_clicking_a_node_shows_its_names_people_and_articles(
    browser: Chromium, examples_page: tuple[Path, Path]
) -> None:
    _, page = examples_page
    browser.open(page.as_uri(), READY)
    hub = browser.evaluate("kg.nodes.findIndex(n => n.iri.endsWith('/org/acsh'))")
    browser.evaluate(f"kg.network.focus({hub}, {{scale: 1.5, animation: false}})")
    x, y = browser.evaluate(
        f"(() => {{ const p = kg.network.getPosition({hub}); const d = kg.network.canvasToDOM(p);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [r.left + d.x, r.top + d.y]; })()"
    )
    browser.click(x, y)
    text = _wait(lambda: browser.evaluate("document.getElementById('details').innerText"))
    assert "Astana Civil Service Hub" in text
    for section in ("NAMES", "SOURCE ARTICLES", "EVENTS"):
        assert section in text.upper()
    assert "Мемлекеттік қызмет саласындағы өңірлік хаб" in text
    assert browser.errors == []


def test_date_filter_hides_ties_outside_the_range(
    browser: Chromium, examples_page: tuple[Path, Path]
) -> None:
    data, page = examples_page
    graph = build_network(
        read_source(load_store(data)),
        NetworkOptions(date_from=__import__("datetime").date(2024, 1, 1)),
    )
    browser.open(page.as_uri(), READY)
    browser.evaluate(
        "(() => { const f = document.getElementById('date-from'); f.value = '2024-01-01';"
        " f.dispatchEvent(new Event('change')); })()"
    )
    visible = browser.evaluate("kg.network.body.data.edges.get({filter: e => !e.hidden}).length")
    assert visible == graph.number_of_edges()
    assert browser.errors == []
