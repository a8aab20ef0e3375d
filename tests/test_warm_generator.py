"""The warm generator (tests/warm_generator.py) is `python -m generator`: the same commands,
run both ways, print the same, exit the same and write the same files; a command that
outlives its bound is stopped and said; and a command that needs a Python of its own gets one.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .command import generator_command, run_in_a_new_python
from .conftest import VALID_PRACTICE, MakeRepo
from .sitecheck import snapshot
from .test_engines import free_port
from .warm_generator import WarmGenerator, starts_python_differently

BROKEN = VALID_PRACTICE.replace("centro: talca", "centro: no-existe")


@pytest.fixture(scope="module")
def warm() -> Iterator[WarmGenerator]:
    generator = WarmGenerator()
    yield generator
    generator.stop()


def both_ways(
    warm: WarmGenerator,
    args: list[str],
    folders: tuple[Path, Path],
    env: dict[str, str],
    input: str | None = None,
) -> tuple[subprocess.CompletedProcess[str], subprocess.CompletedProcess[str]]:
    """`args` run by a new Python in the first folder, by the warm generator in the second
    (two copies of one repository: a command may change the files it runs on)."""
    cold = run_in_a_new_python(generator_command(*args), folders[0], env, input, 50)
    return cold, warm.run(args, str(folders[1]), env, input, 50)


def said(result: subprocess.CompletedProcess[str], folder: Path) -> tuple[int, str, str]:
    """What a command said, its folder written the same for both."""
    out, err = (text.replace(str(folder), "CARPETA") for text in (result.stdout, result.stderr))
    return result.returncode, out, err


@pytest.mark.parametrize(
    "args",
    [
        ["check"],
        ["check", "--formato", "github"],
        ["check", "--opcion-que-no-existe"],
        [],
        ["new", "practica", "--centro", "talca", "--titulo", "Feria de barrio"],
        ["new", "practica"],  # asks for what is missing: no terminal, a usage error
    ],
)
def test_a_command_prints_and_exits_the_same_both_ways(
    warm: WarmGenerator, make_repo: MakeRepo, args: list[str]
) -> None:
    folders = tuple(make_repo({"practices/roto.md": BROKEN}, name=n) for n in ("frio", "tibio"))
    cold, hot = both_ways(warm, args, folders, dict(os.environ), input="")  # type: ignore[arg-type]
    assert hot.args == cold.args
    assert said(hot, folders[1]) == said(cold, folders[0])
    assert [snapshot(folder) for folder in folders[1:]] == [snapshot(folders[0])]


def test_a_build_writes_the_same_site_from_its_folder_and_environment(
    warm: WarmGenerator, make_repo: MakeRepo, tmp_path: Path
) -> None:
    folders = (make_repo(name="frio"), make_repo(name="tibio"))
    temp = tmp_path / "temporal"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "RED_CMS_BACKEND": "test-repo"}
    # The site folder relative to the folder it runs in.
    cold, hot = both_ways(warm, ["build", "--site-dir", "sitio"], folders, env)
    assert cold.returncode == 0, cold.stderr
    assert said(hot, folders[1]) == said(cold, folders[0])
    assert list(temp.iterdir()) == []  # its temporary files went to its TMPDIR, and are gone
    sites = [snapshot(folder / "sitio") for folder in folders]
    assert "admin/config.yml" in sites[0]  # the environment's editor backend
    assert sites[1] == sites[0]


def test_a_command_past_its_bound_is_stopped_and_the_next_one_runs(
    warm: WarmGenerator, make_repo: MakeRepo
) -> None:
    root = make_repo()
    serve = ["serve", "--root", str(root), "--dev-addr", f"127.0.0.1:{free_port()}"]
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        warm.run(serve, str(root), dict(os.environ), None, 3)
    assert time.monotonic() - started < 15
    before = warm.cpu
    assert (
        warm.run(["check", "--root", str(root)], str(root), dict(os.environ), None, 50).returncode
        == 0
    )
    assert warm.cpu > before  # the child's CPU time is counted (tests/command.py cpu_seconds)


class Stopped(Exception):
    pass


def test_a_run_cut_short_leaves_no_answer_for_the_next_one(
    warm: WarmGenerator, make_repo: MakeRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As when a test's own timeout stops it while its command runs: the command's answer
    is never read, and the next command must not take it for its own."""
    root = make_repo({"practices/roto.md": BROKEN})
    answer = WarmGenerator._answer
    answers = []

    def cut_short(server: subprocess.Popen[str]) -> dict[str, object]:
        answers.append(server)
        if len(answers) == 2:  # the command's end
            raise Stopped
        return answer(server)

    monkeypatch.setattr(WarmGenerator, "_answer", staticmethod(cut_short))
    with pytest.raises(Stopped):
        warm.run(["check", "--root", str(root)], str(root), dict(os.environ), None, 50)
    monkeypatch.undo()
    fixed = make_repo(name="arreglado")
    result = warm.run(["check", "--root", str(fixed)], str(fixed), dict(os.environ), None, 50)
    assert (result.returncode, result.stderr) == (0, "")


def test_what_python_reads_as_it_starts_gets_a_python_of_its_own() -> None:
    base = {"PATH": "/usr/bin", "LANG": "C.UTF-8"}
    assert not starts_python_differently({**base, "RED_CMS_BACKEND": "local"}, base)
    assert not starts_python_differently(dict(base), base)
    for changed in ({"PYTHONWARNINGS": "error"}, {"LANG": "es_CL.ISO-8859-1"}, {"LC_ALL": "C"}):
        assert starts_python_differently({**base, **changed}, base), changed
    assert starts_python_differently({"PATH": "/usr/bin"}, base)  # LANG removed
