"""Builds that never leave a mess, reproducible output, valid HTML, no broken links, and the
sanitizer that backs up `check` against hostile HTML."""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.publish import search, write
from generator.site.sanitize import sanitize_html

from .command import generator_command, run_generator
from .conftest import REPO, MakeRepo
from .sitebuild import build, write_config_naming_a_missing_page
from .sitecheck import broken_links, snapshot, vnu_errors

# --- the sanitizer ---------------------------------------------------------------------


def test_sanitizer_strips_scripts_handlers_and_dangerous_urls() -> None:
    dirty = (
        '<p>Hola<script>window.__pwned=1</script><img src="x.png" onerror="alert(1)">'
        '<a href="javascript:alert(1)">a</a><a href="JaVaScRiPt:alert(1)">b</a>'
        '<img src="data:image/svg+xml,<svg onload=alert(1)>"><iframe src="https://x.cl"></iframe>'
        '<object data="x"></object><style>*{display:none}</style>'
        '<svg onload="alert(1)"><a href="javascript:alert(1)"><circle r="1"/></a></svg>'
        '<div style="position:fixed" onclick="x">texto</div></p>'
    )
    clean = sanitize_html(dirty).lower()
    for banned in ("<script", "onerror", "onload", "onclick", "javascript:", "data:", "<iframe"):
        assert banned not in clean
    assert "<object" not in clean and "<style" not in clean and "position" not in clean
    assert "texto" in clean and "hola" in clean


def test_sanitizer_keeps_what_the_site_generates() -> None:
    kept = (
        '<h2 id="contexto">Contexto</h2>'
        '<svg class="rc-mapa" viewBox="0 0 10 10" role="img" aria-labelledby="t">'
        '<title id="t">Mapa</title><a href="../centros/talca/" aria-label="Talca">'
        '<circle cx="1" cy="2" r="3" fill="#333"></circle></a></svg>'
        '<table><thead><tr><th style="text-align: center;">A</th></tr></thead></table>'
        '<form class="rc-buscar" role="search" data-rc-buscar="">'
        '<label for="q">Buscar</label><input type="search" id="q" name="q"></form>'
        '<a href="mailto:a@b.cl">a@b.cl</a> <a href="https://www.sercotec.cl">Sercotec</a>'
    )
    clean = sanitize_html(kept)
    for needed in (
        'id="contexto"',
        'viewBox="0 0 10 10"',
        'aria-labelledby="t"',
        'href="../centros/talca/"',
        'cx="1"',
        'style="text-align:center"',
        "data-rc-buscar",
        'for="q"',
        'href="mailto:a@b.cl"',
        'href="https://www.sercotec.cl"',
    ):
        assert needed in clean, needed


# --- atomic builds ---------------------------------------------------------------------


def test_a_crash_midway_leaves_the_old_site(make_repo: MakeRepo) -> None:
    root = make_repo()
    assert build(root).returncode == 0
    before = snapshot(root / "site")
    # Valid content, but MkDocs (strict) stops after the docs tree is written: the site's
    # navigation names a page that does not exist.
    write_config_naming_a_missing_page(root)
    result = build(root)
    assert result.returncode == 1
    assert "queda como estaba" in result.stderr
    # The failure in our words first, then MkDocs' own, said to be its own
    first, *rest = result.stderr.splitlines()
    assert first == (
        "La construcción falló: MkDocs dio 1 aviso y el sitio se construye en modo estricto: "
        "cada aviso detiene la construcción."
    )
    assert any(
        line.startswith("  MkDocs (en inglés): A reference to 'no-existe.md'") for line in rest
    )
    assert "Aborted" not in result.stderr and "WARNING" not in result.stderr
    assert snapshot(root / "site") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site.")]


def test_a_broken_site_configuration_is_said_in_spanish(make_repo: MakeRepo) -> None:
    root = make_repo()
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")  # custom_dir: not in this copy
    result = build(root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first, *rest = result.stderr.splitlines()
    assert first == (
        "La construcción falló: MkDocs encontró un error en la configuración del sitio "
        "(mkdocs.yml)."
    )
    assert rest[0].startswith("  MkDocs (en inglés): Config value 'theme'")
    assert "Aborted" not in result.stderr


def test_killing_the_build_leaves_the_old_site_byte_for_byte(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    synth = ["synth", "--centers", "13", "--practices", "150", "--out", str(root)]
    assert run_generator(*synth).returncode == 0
    assert build(root).returncode == 0
    site_before = snapshot(root / "site")
    docs_before = snapshot(root / "docs_site")
    practice = next(  # a published one: a draft's change would not show in the site
        p
        for p in sorted((root / "practices").glob("*.md"))
        if "estado: borrador" not in p.read_text(encoding="utf-8")
    )
    practice.write_text(
        practice.read_text(encoding="utf-8").replace("titulo: ", "titulo: Nuevo ", 1),
        encoding="utf-8",
    )
    command = generator_command("build", "--root", str(root))
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 45
    staged_pages = False
    while not staged_pages and process.poll() is None and time.monotonic() < deadline:
        staged_pages = any(
            any(staging.glob("practicas/*/index.html")) for staging in root.glob(".site.nuevo-*")
        )
        time.sleep(0.002)
    assert staged_pages, "la construcción terminó antes de poder interrumpirla"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)

    def articles_of_the_killed_build() -> list[Path]:  # the search index's, see search.py
        parents = (write.MEMORY_FOLDER, Path(tempfile.gettempdir()))
        return [f for parent in parents for f in parent.glob(f"red-busqueda-{process.pid}-*")]

    assert articles_of_the_killed_build()
    assert snapshot(root / "site") == site_before
    docs_after_kill = snapshot(root / "docs_site")
    # The next build finishes, cleans what the killed one left and gives the new tree.
    assert build(root).returncode == 0
    assert not [p.name for p in root.iterdir() if p.name.startswith((".site.", ".docs_site."))]
    assert not articles_of_the_killed_build()
    assert docs_after_kill in (docs_before, snapshot(root / "docs_site"))
    assert snapshot(root / "site") != site_before


# --- reproducible builds ---------------------------------------------------------------


def gzip_time(data: bytes) -> dt.datetime:
    """The modification time in a gzip header (MkDocs stamps the sitemap's with the build date)."""
    return dt.datetime.fromtimestamp(int.from_bytes(data[4:8], "little"), dt.UTC)


def test_two_builds_of_the_same_content_are_byte_identical(make_repo: MakeRepo) -> None:
    first = make_repo(name="uno")
    second = make_repo(name="dos")  # same files, another folder, built a moment later
    assert build(first).returncode == 0
    time.sleep(1.1)  # a clock-based date or gzip timestamp would now differ
    assert build(second).returncode == 0
    one, two = snapshot(first / "site"), snapshot(second / "site")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []
    # Without git, the date is the newest in the content: the practice's 2021-03-15.
    assert gzip_time(one["sitemap.xml.gz"]) == dt.datetime(2021, 3, 15, tzinfo=dt.UTC)


def test_the_build_date_comes_from_the_last_commit(make_repo: MakeRepo) -> None:
    root = make_repo()
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2022-05-04T12:00:00Z",
        "GIT_COMMITTER_DATE": "2022-05-04T12:00:00Z",
    }
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=Prueba", "-c", "user.email=p@ejemplo.cl", "commit", "-qm", "x"],
    ):
        subprocess.run(["git", "-C", str(root), *args], check=True, env=env, timeout=30)
    assert build(root).returncode == 0
    gz = (root / "site" / "sitemap.xml.gz").read_bytes()
    assert gzip_time(gz).date() == dt.date(2022, 5, 4)  # MkDocs keeps the day


def test_the_offline_zip_is_reproducible(make_repo: MakeRepo) -> None:
    zips = []
    for name in ("uno", "dos"):
        root = make_repo(name=name)
        assert build(root, "--offline", site_dir=root / "site-offline").returncode == 0
        zips.append((root / "site-offline.zip").read_bytes())
    assert zips[0] == zips[1]
    names = zipfile.ZipFile(root / "site-offline.zip").namelist()
    assert "site-offline/index.html" in names
    assert "site-offline/assets/indice-sin-conexion.js" in names


# --- what the browser gets -------------------------------------------------------------


def test_no_broken_internal_links_or_missing_assets(repository_site: Path) -> None:
    assert broken_links(repository_site) == []


def test_no_broken_links_in_the_offline_bundle(repository_offline_site: Path) -> None:
    assert broken_links(repository_offline_site) == []
    # From disk, a link to a folder shows a file listing: pages are .html files.
    assert (repository_offline_site / "practicas" / "mesa-ecosistema-local.html").is_file()
    assert not (repository_offline_site / "practicas" / "mesa-ecosistema-local").exists()


def test_every_kind_of_page_is_valid_html(repository_site: Path) -> None:
    pages = sorted(repository_site.rglob("*.html"))
    kinds = {
        "index.html",
        "404.html",
        "practicas/index.html",
        "centros/index.html",
        "centros/talca/index.html",
        "areas/digitalizacion/index.html",
        "red/index.html",
        "acerca/index.html",
    }
    relative = {p.relative_to(repository_site).as_posix() for p in pages}
    assert kinds <= relative
    assert any(r.startswith("practicas/") and r != "practicas/index.html" for r in relative)
    assert vnu_errors(pages) == []


def test_articles_left_by_a_killed_build_are_removed_by_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search index's articles live in /dev/shm: a killed build cannot remove them."""
    monkeypatch.setattr(search, "_memory_folder", lambda: tmp_path)
    finished = subprocess.Popen(["true"])
    finished.wait(timeout=10)
    dead = tmp_path / f"red-busqueda-{finished.pid}-abc"
    alive = tmp_path / f"red-busqueda-{os.getpid()}-xyz"
    for folder in (dead, alive):
        (folder / "practicas").mkdir(parents=True)
        (folder / "practicas" / "index.html").write_text("<p>x</p>", encoding="utf-8")
    index = search.BackgroundIndex.start(
        [("index.html", search.article_html("Inicio", "<p>Texto</p>"))], tmp_path / "sitio"
    )
    index.finish()
    assert not dead.exists()
    assert alive.exists()
    assert (tmp_path / "sitio" / "pagefind" / "pagefind.js").is_file()
    assert [p.name for p in tmp_path.glob("red-busqueda-*")] == [alive.name]


# --- nothing from another host ------------------------------------------------------------------

LOADING_ATTRIBUTES = ("src", "srcset", "poster", "data", "background", "action", "formaction")
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", re.I)


def loads_from_other_hosts(site: Path) -> list[str]:
    """Every attribute or stylesheet address in `site` that a browser would fetch from another
    host on its own (a link a reader follows is not one)."""
    found = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".css":
            found += [f"{rel}: {url}" for url in CSS_URL.findall(path.read_text("utf-8"))]
        if path.suffix != ".html":
            continue
        page = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag in page.find_all(True):
            for name, value in tag.attrs.items():
                text = " ".join(value) if isinstance(value, list) else str(value)
                loads = name in LOADING_ATTRIBUTES or (
                    tag.name == "link" and name == "href" and "canonical" not in tag.get("rel", [])
                )
                urls = (
                    [text]
                    if name != "srcset"
                    else [p.split()[0] for p in text.split(",") if p.strip()]
                )
                if name == "style":
                    urls = CSS_URL.findall(text)
                    loads = True
                if tag.name == "meta" and name == "content" and "url=" in text.lower():
                    urls, loads = [text.lower().split("url=", 1)[1]], True
                found += [
                    f"{rel}: <{tag.name} {name}={url}>"
                    for url in urls
                    if loads and (url.startswith("//") or urlsplit(url).scheme in ("http", "https"))
                ]
    return found


def test_nothing_in_the_site_loads_from_another_host(repository_site: Path) -> None:
    assert loads_from_other_hosts(repository_site) == []


def test_the_scan_finds_what_would_load_from_another_host(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<img src="https://rastreo.example/p.gif">'
        '<link rel="stylesheet" href="//cdn.example/x.css">'
        '<a href="https://www.sercotec.cl">enlace</a>'
        '<p style="background:url(https://x.example/b.png)">',
        encoding="utf-8",
    )
    (tmp_path / "b.css").write_text("@import 'https://fonts.example/f.css';", encoding="utf-8")
    assert len(loads_from_other_hosts(tmp_path)) == 4
