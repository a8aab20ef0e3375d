"""Rules of the test suite itself: no step of a test can wait without a bound. Every subprocess
call, every wait for a process, a thread or an event, and every HTTP request under tests/ says
how long it may take; a test's own timeout (pyproject.toml) is only the last resort."""

from __future__ import annotations

import ast

import pytest

from .conftest import REPO

TESTS = REPO / "tests"
# subprocess's functions that wait for the process to end.
SUBPROCESS_RUNS = {"run", "call", "check_call", "check_output"}
# Methods that wait for something else to end: Popen.wait/communicate, Event.wait,
# Thread.join. Each takes its bound as a keyword or as its first argument.
WAITS = {"wait", "communicate", "join"}
# Requests over the network, with the position of their timeout argument: urllib's urlopen
# (the third), http.client's connections and socket.create_connection (the second).
HTTP_CALLS = {"urlopen": 2, "HTTPConnection": 2, "HTTPSConnection": 2, "create_connection": 1}
REQUESTS_VERBS = {"get", "post", "put", "patch", "delete", "head", "options", "request"}


def called_name(call: ast.Call) -> tuple[str | None, str | None]:
    """(the object's name or None, the function's name) of `obj.name(...)` or `name(...)`."""
    func = call.func
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    if isinstance(func, ast.Name):
        return None, func.id
    return None, None


def names_from_subprocess(tree: ast.Module) -> set[str]:
    """Names bound by `from subprocess import run` (and the like) in this module."""
    return {
        alias.asname or alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "subprocess"
        for alias in node.names
        if alias.name in SUBPROCESS_RUNS
    }


def has_timeout(call: ast.Call, position: int | None = None) -> bool:
    """A `timeout=` keyword, or an argument at the timeout's position."""
    if any(keyword.arg == "timeout" for keyword in call.keywords):
        return True
    return position is not None and len(call.args) > position


def is_bounded(call: ast.Call, owner: str | None, name: str, bare_runs: set[str]) -> bool:
    if (owner == "subprocess" and name in SUBPROCESS_RUNS) or (owner is None and name in bare_runs):
        return has_timeout(call)
    if isinstance(call.func, ast.Attribute) and name in WAITS:
        # str.join always takes an argument; Thread.join and the waits without one wait forever.
        return has_timeout(call, 0)
    if name in HTTP_CALLS:
        return has_timeout(call, HTTP_CALLS[name])
    if owner == "requests" and name in REQUESTS_VERBS:
        return has_timeout(call)
    return True


def unbounded_calls(source: str, filename: str = "<prueba>") -> list[str]:
    """`file:line: call(...)` for every call in `source` that could wait without a bound."""
    tree = ast.parse(source, filename)
    bare_runs = names_from_subprocess(tree)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        owner, name = called_name(node)
        if name is not None and not is_bounded(node, owner, name, bare_runs):
            found.append(f"{filename}:{node.lineno}: {ast.unparse(node.func)}(...)")
    return sorted(found, key=lambda text: (text.split(":")[0], int(text.split(":")[1])))


def test_every_subprocess_wait_and_request_in_the_tests_has_a_timeout() -> None:
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        found += unbounded_calls(path.read_text(encoding="utf-8"), relative)
    assert found == [], "sin tiempo límite:\n" + "\n".join(found)


UNBOUNDED = """
import subprocess, threading, urllib.request, http.client, socket, requests
from subprocess import check_output as out
subprocess.run(["true"])  # sin límite
subprocess.check_call(["true"], check=True)  # sin límite
out(["true"])  # sin límite
process = subprocess.Popen(["true"])
process.wait()  # sin límite
process.communicate()  # sin límite
threading.Event().wait()  # sin límite
threading.Thread(target=print).join()  # sin límite
urllib.request.urlopen("http://127.0.0.1/")  # sin límite
urllib.request.urlopen("http://127.0.0.1/", None)  # sin límite
http.client.HTTPConnection("127.0.0.1")  # sin límite
socket.create_connection(("127.0.0.1", 80))  # sin límite
requests.get("http://127.0.0.1/")  # sin límite
"""

BOUNDED = """
import subprocess, threading, urllib.request, http.client, socket, requests
from subprocess import check_output as out
subprocess.run(["true"], timeout=5)
subprocess.check_call(["true"], check=True, timeout=5)
out(["true"], timeout=5)
process = subprocess.Popen(["true"])
process.wait(timeout=5)
process.wait(5)
process.communicate(timeout=5)
threading.Event().wait(1)
threading.Thread(target=print).join(timeout=1)
", ".join(["a", "b"])
urllib.request.urlopen("http://127.0.0.1/", timeout=5)
urllib.request.urlopen("http://127.0.0.1/", None, 5)
http.client.HTTPConnection("127.0.0.1", timeout=5)
socket.create_connection(("127.0.0.1", 80), 5)
requests.get("http://127.0.0.1/", timeout=5)
page.wait_for_timeout(500)
"""


def test_the_rule_finds_each_unbounded_call_and_nothing_else() -> None:
    """The rule can fail: it reports every line of UNBOUNDED marked «sin límite», and no line
    of BOUNDED."""
    lines = UNBOUNDED.splitlines()
    marked = [number for number, line in enumerate(lines, 1) if line.endswith("# sin límite")]
    reported = [int(found.split(":")[1]) for found in unbounded_calls(UNBOUNDED)]
    assert reported == marked
    assert unbounded_calls(BOUNDED) == []


@pytest.mark.parametrize(
    ("path", "seconds"), [("tests/test_site.py", 60), ("tests/browser/test_reading.py", 120)]
)
def test_a_test_that_hangs_fails_in_minutes_not_ten(
    request: pytest.FixtureRequest, path: str, seconds: int
) -> None:
    """pytest-timeout's bound for each test: 60 s, and 120 s under tests/browser/. It still
    prints the stack of what was waiting."""
    assert request.config.getini("timeout") == "60"
    items = [item for item in request.session.items if item.path == REPO / path]
    if not items:
        pytest.skip(f"{path} no se recogió en esta ejecución")
    for item in items:
        marker = item.get_closest_marker("timeout")
        assert (marker.args[0] if marker else 60) == seconds, item.nodeid
