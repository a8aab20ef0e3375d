"""The build's one pass (issue 33): the content rendered in a child process whose failures
come back as the parent's own, Pagefind's parts named in the site's buscar.js once, and a
killed build's leftovers never taken for a site."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from pathlib import Path

import pytest

from generator.content.problems import ContentError, Problem
from generator.parallel import ChildFailed, in_child
from generator.publish.search import link_parts
from generator.publish.sitedir import write_marker
from generator.publish.write import staging_dir

from .conftest import REPO

SCRIPT = REPO / "generator" / "site" / "assets" / "buscar.js"
linux = pytest.mark.skipif(sys.platform != "linux", reason="needs fork")


def site_with_script(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "assets").mkdir(parents=True)
    shutil.copyfile(SCRIPT, site / "assets" / "buscar.js")
    return site


def test_parts_are_named_once_and_a_site_in_one_part_keeps_its_script(tmp_path: Path) -> None:
    site = site_with_script(tmp_path)
    script = site / "assets" / "buscar.js"
    link_parts(site, 1)
    assert script.read_bytes() == SCRIPT.read_bytes()
    link_parts(site, 3)
    link_parts(site, 3)  # the preview names them again after each save
    text = script.read_text(encoding="utf-8")
    assert text.count("mergeIndex(") == 2
    assert '"pagefind/parte-2/"' in text and '"pagefind/parte-3/"' in text
    link_parts(site, 2)
    assert script.read_text(encoding="utf-8").count("mergeIndex(") == 1
    link_parts(site, 1)
    assert script.read_bytes() == SCRIPT.read_bytes()


@linux
def test_what_the_child_raises_is_raised_here_with_its_problems() -> None:
    problem = Problem("practices/a.md", 3, 1, "campo-faltante", "Falta «resumen».")

    def invalid() -> None:
        raise ContentError([problem])

    with pytest.raises(ContentError) as raised:
        in_child(invalid)
    assert raised.value.problems == [problem]


@linux
def test_a_child_killed_for_want_of_memory_is_said_in_spanish() -> None:
    def killed() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(ChildFailed) as raised:
        in_child(killed)
    assert str(raised.value) == (
        "El proceso auxiliar que preparaba el sitio terminó por la señal 9 "
        "(así lo detiene el sistema cuando falta memoria)."
    )


def test_only_a_site_is_put_back_from_a_killed_build(tmp_path: Path) -> None:
    """A build killed between the two moves of its swap leaves the site in `.sitio.nuevo-PID-…`
    (put back by the next build); a killed Zensical build leaves its work folder under the same
    name, holding folders that are no site (put back, it would be published as the site)."""
    gone = 2**22 + 12345  # above Linux's default pid_max: no such process
    dest = tmp_path / "docs-zensical"
    work = tmp_path / f".{dest.name}.nuevo-{gone}-z"
    (work / dest.name).mkdir(parents=True)
    staging = staging_dir(dest)
    assert not dest.exists() and not work.exists()
    shutil.rmtree(staging)
    swapped = tmp_path / f".{dest.name}.nuevo-{gone}-abc"
    (swapped / dest.name).mkdir(parents=True)
    write_marker(swapped / dest.name)
    staging_dir(dest)
    assert (dest / ".sitio-red-de-centros").is_file()
