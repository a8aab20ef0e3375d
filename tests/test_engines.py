"""The generated tree builds with Zensical too, and the preview reloads on a content edit."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.publish.settings import RunSettings
from generator.publish.tree import write_tree

from .command import generator_command
from .conftest import REPO, create_repo
from .sitebuild import build


def config_for(root: Path, site_dir: Path) -> Path:
    """The project's mkdocs.yml, pointed at `root` (paths made absolute)."""
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace(
        "custom_dir: generator/site/theme", f"custom_dir: {REPO / 'generator' / 'site' / 'theme'}"
    )
    config = config.replace("site_dir: site", f"site_dir: {site_dir}")
    path = root / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path


def test_zensical_builds_the_offline_bundle(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo")
    site = tmp_path / "sin-conexion"
    result = build(root, "--engine", "zensical", "--offline", site_dir=site)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "sin-conexion.zip").is_file()
    page = BeautifulSoup(
        (site / "practicas" / "diagnostico.html").read_text(encoding="utf-8"), "html.parser"
    )
    card = [dt.get_text(strip=True).removesuffix(":") for dt in page.select(".rc-ficha dt")]
    assert card[:2] == ["Centro", "Región"]
    links = [a["href"] for a in page.select("article a[href]") if "://" not in a["href"]]
    assert links and all(h.split("#")[0].endswith(".html") or h.startswith("#") for h in links)
    assert (site / "assets" / "indice-sin-conexion.js").is_file()  # the offline search
    scripts = [s.get("src", "") for s in page.select("script")]
    assert any(s.endswith("sin-conexion.js") for s in scripts)


def test_a_failed_zensical_build_leaves_the_old_site(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo")
    site = tmp_path / "sitio"
    assert build(root, "--engine", "zensical", site_dir=site).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    config = config_for(root, site).read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("name: material", "name: no-existe"), "utf-8")
    result = build(root, "--engine", "zensical", site_dir=site)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("La construcción falló: Zensical no pudo construir el sitio.")
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["repo", "sitio"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return None


def wait_for(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def serve_command(root: Path, port: int, engine: str = "mkdocs") -> list[str]:
    address = f"127.0.0.1:{port}"
    return generator_command(
        "serve", "--root", str(root), "--dev-addr", address, "--engine", engine
    )


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_serve_reloads_after_an_edit_and_does_not_loop(tmp_path: Path, engine: str) -> None:
    root = create_repo(tmp_path / "repo")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    temp = tmp_path / "tmp"  # the preview's folder, and with Zensical its server's files
    temp.mkdir()
    process = subprocess.Popen(
        serve_command(root, port, engine),
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "TMPDIR": str(temp)},
    )
    url = f"http://127.0.0.1:{port}/practicas/diagnostico/"
    try:
        started = wait_for(lambda: process.poll() is not None or fetch(url) is not None, 45)
        assert started and process.poll() is None, (tmp_path / "serve.log").read_text()
        source = root / "practices" / "diagnostico.md"
        source.write_text(
            source.read_text(encoding="utf-8").replace(
                "titulo: Diagnóstico de digitalización para almaceneros",
                "titulo: Diagnóstico renovado",
            ),
            encoding="utf-8",
        )
        edited = time.monotonic()
        assert wait_for(lambda: "Diagnóstico renovado" in (fetch(url) or ""), 30)
        print(f"recarga en {time.monotonic() - edited:.2f} s")
        catalogue = f"http://127.0.0.1:{port}/practicas/"
        assert wait_for(lambda: "Diagnóstico renovado" in (fetch(catalogue) or ""), 30)
        # Any echo of the generator's own writes would start a build within the watcher's
        # settling time (watch.SETTLE_SECONDS, 0.05 s): a second is twenty of them.
        time.sleep(1)
        builds = (tmp_path / "serve.log").read_text().count("Vista previa actualizada")
        time.sleep(1)
        assert (tmp_path / "serve.log").read_text().count("Vista previa actualizada") == builds
        # Two builds after the edit: the practice pages, then everything else.
        assert builds == 2
        # Zensical's server (engines/zensical/live.py) runs from the preview's folder.
        assert bool(processes_in(temp)) == (engine == "zensical")
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()
    assert processes_in(temp) == [] and list(temp.iterdir()) == []  # nothing left behind


def processes_in(folder: Path) -> list[str]:
    """The command lines of the processes that name `folder` (the preview's and Zensical's)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            words = cmdline.read_bytes().decode(errors="replace").split("\0")
            if any(str(folder) in word for word in words):
                found.append(" ".join(words))
    return found


def test_make_serve_takes_the_address_from_port_and_leaves_no_temporary_folder(
    tmp_path: Path,
) -> None:
    """`make serve PORT=…`, as the README says, run in a repository (the tools already set
    up: -o keeps make from installing them again)."""
    root = create_repo(tmp_path / "repo")
    venv = Path(sys.executable).parent.parent
    port = free_port()
    temp = tmp_path / "tmp"
    temp.mkdir()
    make = ["make", "-f", str(REPO / "Makefile"), "-o", "node_modules/.installed"]
    make += ["-o", str(venv / "bin" / ".installed"), "serve", f"PORT={port}", f"VENV={venv}"]
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(
        make,
        cwd=root,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "TMPDIR": str(temp)},
        start_new_session=True,  # make and the preview it starts stop together
    )
    try:
        page = f"http://127.0.0.1:{port}/practicas/diagnostico/"
        started = wait_for(lambda: process.poll() is not None or fetch(page) is not None, 45)
        assert started and process.poll() is None, (tmp_path / "serve.log").read_text()
        html = BeautifulSoup(fetch(page) or "", "html.parser")
        assert html.h1 and "Diagnóstico de digitalización" in html.h1.get_text()
        assert list(temp.iterdir())  # the preview's site, while it runs
    finally:
        # make passes its SIGTERM on to the preview, which so gets two; an impatient second
        # Ctrl-C as well: the preview still stops, and cleans up, once.
        os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
        log.close()
    said = (tmp_path / "serve.log").read_text()
    assert "Vista previa detenida." in said and "Traceback" not in said, said
    assert list(temp.iterdir()) == [], (tmp_path / "serve.log").read_text()


def test_serve_says_mkdocs_warnings_in_a_sentence_of_ours(tmp_path: Path) -> None:
    """Content that `check` passes and MkDocs warns about (the site's navigation names a page
    that does not exist): the preview goes on, the terminal says it is MkDocs speaking, and
    none of MkDocs' own progress lines."""
    root = create_repo(tmp_path / "repo")
    config = config_for(root, root / "site").read_text(encoding="utf-8")
    config = config.replace(
        "  - Acerca: acerca.md", "  - Acerca: acerca.md\n  - Otra: no-existe.md"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen(serve_command(root, port), stdout=log, stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}/acerca/"
        started = wait_for(lambda: process.poll() is not None or fetch(url) is not None, 45)
        assert started and process.poll() is None, (tmp_path / "serve.log").read_text()
    finally:
        process.terminate()
        process.wait(timeout=60)
        log.close()
    said = (tmp_path / "serve.log").read_text()
    warning = "A reference to 'no-existe.md' is included in the 'nav' configuration"
    assert f"Aviso de MkDocs (en inglés): {warning}" in said
    for english in ("WARNING", "INFO", "Building documentation", "Traceback"):
        assert english not in said, said


def test_preview_cache_rerenders_every_page_that_shows_an_edited_practice(tmp_path: Path) -> None:
    from generator.publish.tree import PreviewCache

    related = (
        "---\ntitulo: Otra práctica\nresumen: Texto.\ncentro: osorno\nareas: [digitalizacion]\n"
        "fecha: 2021-05-01\nestado: publicada\nrelacionadas: [diagnostico]\n---\n"
        + "".join(
            f"\n## {s}\nTexto.\n"
            for s in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
        )
    )
    unrelated = related.replace("Otra práctica", "Lejana").replace("osorno", "vallenar")
    unrelated = unrelated.replace("[digitalizacion]", "[sustentabilidad]").replace(
        "relacionadas: [diagnostico]\n", ""
    )
    # Not a word in common with the others, or «Prácticas parecidas» would list them.
    unrelated = unrelated.replace("resumen: Texto.", "resumen: Riego de viñedos.")
    unrelated = unrelated.replace("\nTexto.\n", "\nCompost en huertos.\n")
    root = create_repo(
        tmp_path / "repo", {"practices/otra.md": related, "practices/lejana.md": unrelated}
    )
    docs = root / "docs_site"
    cache = PreviewCache()
    settings = RunSettings(root)
    write_tree(settings, docs, cache)
    untouched = cache.render.pages["practicas/lejana.md"]
    source = root / "practices" / "otra.md"
    source.write_text(
        source.read_text(encoding="utf-8").replace("Otra práctica", "Práctica renombrada"),
        encoding="utf-8",
    )
    write_tree(settings, docs, cache)
    for page in (
        "practicas/otra.md",
        "practicas/index.md",
        "index.md",
        "areas/digitalizacion.md",
        "centros/osorno.md",
    ):
        assert "Práctica renombrada" in (docs / page).read_text(encoding="utf-8"), page
    assert cache.render.pages["practicas/lejana.md"] is untouched  # nothing it shows changed
    # Renaming the practice that «otra» declares related re-renders «otra» too.
    diagnostico = root / "practices" / "diagnostico.md"
    diagnostico.write_text(
        diagnostico.read_text(encoding="utf-8").replace(
            "titulo: Diagnóstico de digitalización para almaceneros", "titulo: Diagnóstico nuevo"
        ),
        encoding="utf-8",
    )
    write_tree(settings, docs, cache)
    assert "Diagnóstico nuevo" in (docs / "practicas" / "otra.md").read_text(encoding="utf-8")
