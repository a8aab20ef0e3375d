"""Benchmark: the generator against plain MkDocs + Material and Zensical, on synthetic corpora.

    python benchmarks/run.py [--sizes 1000,10000] [--runs 3] [--out FILE.json]
                             [--baseline OTHER_CHECKOUT]

With --baseline, the generator of another checkout (an older commit, with its own `.venv`)
builds the same corpus in the same rounds, and the table gives «build / build de la base»:
the cost of a change, measured under the same load as the code it changes.

Every command runs in a fresh process; its time is wall-clock and its memory the peak resident
set of the process (and of the processes it waited for), from `wait4`. Each figure is the
median of `--runs` runs. Machines are shared and noisy: compare the ratios of one run, which
measure both sides under the same load, rather than seconds across runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CENTERS = 20  # the network's 2021 goal
ENGINES = ("mkdocs", "zensical")
SEARCH_QUERY = "digitalización"
# Plain MkDocs + Material on the generator's finished docs tree: the project's Markdown
# extensions (mkdocs.yml), none of its generator, plugin or search.
PLAIN_CONFIG = """\
site_name: Red de Centros
docs_dir: docs_site
site_dir: {site_dir}
use_directory_urls: true
theme:
  name: material
  language: es
  font: false
  features:
    - navigation.tabs
  palette:
    primary: indigo
markdown_extensions:
  - generator.engines.passthrough
plugins:
  - search
"""
BOUNDED_NAV = """\
nav:
  - Inicio: index.md
  - Prácticas: practicas/index.md
  - Centros: centros/index.md
  - Áreas: areas/index.md
  - La red: red/index.md
  - Acerca: acerca.md
  - Cómo contribuir: contribuir.md
"""


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


class Failed(Exception):
    """A measured command failed; the message ends with its error output."""


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` to the end in a fresh process; fail loudly if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read()  # drained while it runs, so it never blocks on a full pipe
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = errors.decode("utf-8", "replace")[-3000:]
        raise Failed(f"Falló ({process.returncode}): {' '.join(command)}\n{tail}")
    return Run(seconds, usage.ru_maxrss / 1024)  # Linux reports KiB


def median_run(runs: int, once: Callable[[], Run]) -> Run:
    return median_of([once() for _ in range(runs)])


def median_of(done: list[Run]) -> Run:
    return Run(
        statistics.median(r.seconds for r in done), statistics.median(r.peak_mb for r in done)
    )


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def content_files(root: Path) -> int:
    """The files `check` reads: content/, centers/ and practices/ YAML and Markdown."""
    folders = ("content", "centers", "practices")
    return sum(1 for f in folders for p in (root / f).rglob("*") if p.suffix in (".yml", ".md"))


def synth(root: Path, practices: int) -> None:
    command = [PYTHON, "-m", "generator", "synth", "--centers", str(CENTERS)]
    command += ["--practices", str(practices), "--out", str(root)]
    subprocess.run(command, cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    # A repository, as in real use: the build takes its dates from git (one `git log`).
    # No automatic `git gc`: after thousands of new files it would run in the background and
    # slow down whatever is measured next (check at 10,000 took 1.6 s instead of 0.95 s).
    git = ["git", "-C", str(root), "-c", "gc.auto=0", "-c", "user.name=benchmark"]
    git += ["-c", "user.email=b@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "Corpus sintético"]):
        subprocess.run(git + args, check=True, stdout=subprocess.DEVNULL)


def write_plain_config(root: Path, name: str, *, bounded: bool) -> Path:
    """A mkdocs.yml for the generated docs tree, inside `root` (Zensical needs site_dir there)."""
    path = root / f"config-{name}.yml"  # never mkdocs.yml: the generator would take it
    text = PLAIN_CONFIG.format(site_dir=f"site-{name}") + (BOUNDED_NAV if bounded else "")
    path.write_text(text, encoding="utf-8")
    return path


HUGO_CONFIG = (
    'title = "Red de Centros (Hugo)"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
)
HUGO_LAYOUTS = {
    "_default/baseof.html": '<!doctype html><html lang="es"><head><meta charset="utf-8">'
    '<title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>',
    "_default/single.html": '{{ define "main" }}<article>{{ .Content }}</article>{{ end }}',
    "_default/list.html": '{{ define "main" }}<ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
}


def write_hugo_site(root: Path) -> Path:
    """The same practice bodies (their files as they are) as a Hugo site with a trivial
    layout: not the same work as the generator's, but the reference a user weighs."""
    site = root / "hugo"
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(root / "practices", site / "content" / "practicas")
    (site / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        (site / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (site / "layouts" / name).write_text(text, encoding="utf-8")
    return site


def material_index(site: Path) -> dict[str, int]:
    """Material's search downloads one index of the whole site."""
    data = (site / "search" / "search_index.json").read_bytes()
    return {"bytes": len(data), "gzip_bytes": len(gzip.compress(data, 6))}


def pagefind_sizes(site: Path) -> dict[str, int]:
    index = site / "pagefind"
    return {
        "index_bytes": tree_bytes(index),
        "index_files": sum(1 for p in index.rglob("*") if p.is_file()),
        "query_bytes": pagefind_query_bytes(site),
    }


def pagefind_query_bytes(site: Path) -> int:
    """What a browser downloads from /pagefind/ to show the first results of one query
    (Chromium, when installed; else -1)."""
    chromium = next(
        (c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(c).exists()), None
    )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return -1
    if chromium is None:
        return -1
    port = free_port()
    server = subprocess.Popen(
        [PYTHON, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    downloaded = 0
    try:
        wait_until(lambda: fetch(f"http://127.0.0.1:{port}/") is not None, 30)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--headless=new", "--no-sandbox"]
            )
            page = browser.new_page()
            sizes: list[int] = []

            def count(response: Any) -> None:
                if "/pagefind/" in response.url:
                    sizes.append(len(response.body()))

            page.on("response", count)
            query = urllib.parse.quote(SEARCH_QUERY)
            page.goto(f"http://127.0.0.1:{port}/buscar/?q={query}")
            page.wait_for_selector("[data-rc-buscar-resultados] li", timeout=60_000)
            page.wait_for_load_state("networkidle")
            downloaded = sum(sizes)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    return downloaded


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


def shows(url: str, text: str) -> bool:
    return text in (fetch(url) or "")


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.02) -> float:
    """Seconds until `condition` holds; raises after `timeout`."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise SystemExit(f"Tiempo agotado ({timeout} s) esperando la vista previa.")
        time.sleep(step)
    return time.perf_counter() - started


def bench_size(work: Path, practices: int, args: argparse.Namespace) -> dict[str, Any]:
    root = work / f"practicas-{practices}"
    synth(root, practices)
    runs = args.runs
    result: dict[str, Any] = {"practices": practices, "files": content_files(root)}
    print(f"\n== {practices} prácticas ({result['files']} archivos de contenido)", flush=True)

    check = median_run(
        runs, lambda: measure([PYTHON, "-m", "generator", "check", "--root", str(root)], REPO)
    )
    result["check"] = {**vars(check), "files_per_second": result["files"] / check.seconds}
    print(f"check: {check.seconds:.2f} s", flush=True)

    # Where each of the generator's builds writes its site.
    sites = {
        "build": root / "site-generador",
        "build-zensical": root / "site-generador-zensical",
        "build-base": root / "site-base",
    }
    site = sites["build"]
    build = [PYTHON, "-m", "generator", "build", "--root", str(root)]
    commands = {
        "build": ([*build, "--site-dir", str(site)], REPO),
        # The same build with the other engine (`--engine zensical`), in the same rounds.
        "build-zensical": (
            [*build, "--engine", "zensical", "--site-dir", str(sites["build-zensical"])],
            REPO,
        ),
    }
    if args.baseline:  # the same build by another checkout's generator, in the same rounds
        baseline = args.baseline.resolve()
        base_python = str(baseline / ".venv" / "bin" / "python")
        base_site = str(sites["build-base"])
        commands["build-base"] = (
            [base_python, "-m", "generator", "build", "--root", str(root), "--site-dir", base_site],
            baseline,
        )
    # The floor: the same docs tree through plain MkDocs (a build writes its own elsewhere).
    write_docs_tree(root)
    for name, bounded, enabled in (
        ("mkdocs", True, True),
        ("mkdocs-ingenuo", False, practices <= args.naive_max),
    ):
        if enabled:
            config = write_plain_config(root, name, bounded=bounded)
            commands[name] = ([PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(config)], root)
        else:
            result[name] = None
    hugo = shutil.which("hugo")  # Debian's package; without it, no reference row
    if hugo:
        hugo_site = write_hugo_site(root)
        commands["hugo"] = ([hugo, "--quiet", "--source", str(hugo_site)], hugo_site)
    else:
        result["hugo"] = None
    # Rounds of one run each, in turn: a noisy minute on the shared machine slows all three
    # alike, and each ratio is the median of the ratios within a round.
    rounds = [measure_round(commands) for _ in range(runs)]
    for name in list(commands):
        failed = next((r[name] for r in rounds if isinstance(r[name], Failed)), None)
        if failed is not None:  # e.g. an engine's own limits
            message = str(failed).strip().splitlines()[-1]
            print(f"{name} falló: {message}", flush=True)
            result[name] = {"error": message}
            del commands[name]
            continue
        run = median_of([r[name] for r in rounds])
        if name == "build":
            result[name] = {**vars(run), "site_bytes": tree_bytes(site), **pagefind_sizes(site)}
        elif name in sites:
            result[name] = {**vars(run), "site_bytes": tree_bytes(sites[name])}
        elif name == "hugo":
            result[name] = {**vars(run), "site_bytes": tree_bytes(hugo_site / "public")}
        else:
            plain_site = root / f"site-{name}"
            result[name] = {
                **vars(run),
                "site_bytes": tree_bytes(plain_site),
                "search": material_index(plain_site),
            }
        print(f"{name}: {run.seconds:.2f} s", flush=True)
    names = {"mkdocs-ingenuo": "naive", "build-zensical": "zensical", "build-base": "baseline"}
    result["ratios"] = {
        f"build_over_{names.get(name, name)}": statistics.median(
            r["build"].seconds / r[name].seconds for r in rounds
        )
        for name in commands
        if name != "build"
    }
    return result


def measure_round(commands: dict[str, tuple[list[str], Path]]) -> dict[str, Any]:
    """One run of each command, in turn; a failure is kept as its value."""
    done: dict[str, Any] = {}
    for name, command in commands.items():
        try:
            done[name] = measure(*command)
        except Failed as error:
            done[name] = error
    return done


def write_docs_tree(root: Path) -> None:
    """The generator's docs tree in `root`/docs_site, for plain MkDocs and Zensical to build."""
    code = (
        "import sys; from pathlib import Path; "
        "from generator.publish.settings import RunSettings; "
        "from generator.publish.tree import write_tree; "
        "root = Path(sys.argv[1]); write_tree(RunSettings(root), root / 'docs_site')"
    )
    subprocess.run([PYTHON, "-c", code, str(root)], check=True, cwd=REPO)


def bench_serve(work: Path, practices: int, runs: int, engine: str) -> dict[str, Any]:
    """Seconds from saving an edited practice to the preview serving the new page."""
    root = work / f"practicas-{practices}"
    if not root.exists():
        synth(root, practices)
    source = next(
        p
        for p in sorted((root / "practices").glob("*.md"))
        if "\nestado: publicada\n" in p.read_text(encoding="utf-8")
    )
    port = free_port()
    page = f"http://127.0.0.1:{port}/practicas/{source.stem}/"
    catalogue = f"http://127.0.0.1:{port}/practicas/"
    log = (work / "serve.log").open("w", encoding="utf-8")
    command = [
        PYTHON,
        "-m",
        "generator",
        "serve",
        "--root",
        str(root),
        "--dev-addr",
        f"127.0.0.1:{port}",
        "--engine",
        engine,
    ]
    server = subprocess.Popen(
        command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    page_times, list_times = [], []
    try:
        startup = wait_until(lambda: fetch(page) is not None, 900, step=0.2)
        text = source.read_text(encoding="utf-8")
        title = re.search(r"^titulo: .*$", text, re.MULTILINE)
        assert title, source
        for attempt in range(1, runs + 1):
            new_title = f"Práctica editada para medir la vista previa, versión {attempt}"
            edited = text.replace(title.group(0), f"titulo: {new_title}", 1)
            source.write_text(edited, encoding="utf-8")
            saved = time.perf_counter()
            wait_until(partial(shows, page, new_title), 120)
            page_times.append(time.perf_counter() - saved)
            wait_until(partial(shows, catalogue, new_title), 120)
            list_times.append(time.perf_counter() - saved)
            time.sleep(1.0)  # let the preview settle before the next edit
        source.write_text(text, encoding="utf-8")
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()
    return {
        "practices": practices,
        "engine": engine,
        "startup_seconds": startup,
        "page_seconds": statistics.median(page_times),
        "catalogue_seconds": statistics.median(list_times),
    }


def machine() -> dict[str, Any]:
    cpu = re.search(r"^model name\s*:\s*(.*)$", Path("/proc/cpuinfo").read_text(), re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.MULTILINE)
    return {
        "cpus": os.cpu_count(),
        "cpu": cpu.group(1) if cpu else platform.processor(),
        "ram_gb": round(int(memory.group(1)) / 1024**2, 1) if memory else None,
        "python": platform.python_version(),
        "date": dt.date.today().isoformat(),
    }


def bench_check_only(work: Path, practices: int, runs: int) -> dict[str, Any]:
    """`check` alone at a size too big to build every run (its budget is set at 10,000)."""
    root = work / f"practicas-{practices}"
    if not root.exists():
        synth(root, practices)
    files = content_files(root)
    check = median_run(
        runs, lambda: measure([PYTHON, "-m", "generator", "check", "--root", str(root)], REPO)
    )
    print(f"\n== check con {practices} prácticas: {check.seconds:.2f} s", flush=True)
    return {
        "practices": practices,
        "files": files,
        **vars(check),
        "files_per_second": files / check.seconds,
    }


def ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def summarize(sizes: list[dict[str, Any]]) -> dict[str, Any]:
    """The comparisons: generator / floor, generator / naive, and linearity."""
    summary: dict[str, Any] = {"by_size": {}}
    for size in sizes:
        summary["by_size"][size["practices"]] = {
            "build_over_mkdocs": size["ratios"]["build_over_mkdocs"],
            "build_over_naive": size["ratios"].get("build_over_naive"),
        }
    if len(sizes) > 1:  # linearity: the largest corpus against the smallest
        small, big = (
            min(sizes, key=lambda s: s["practices"]),
            max(sizes, key=lambda s: s["practices"]),
        )
        summary["linearity"] = {
            "sizes": f"{big['practices']:,}/{small['practices']:,}".replace(",", "."),
            **{
                name: ratio(get_seconds(big, name), get_seconds(small, name))
                for name in ("check", "build", "build-zensical", "mkdocs")
            },
            "site_bytes": ratio(big["build"]["site_bytes"], small["build"]["site_bytes"]),
        }
    return summary


def get_seconds(size: dict[str, Any], name: str) -> float | None:
    return (size.get(name) or {}).get("seconds")


def _cell(value: float | None, spec: str) -> str:
    return "—" if value is None else format(value, spec)


def table(results: dict[str, Any]) -> str:
    sizes = results["sizes"]
    summary = results["summary"]["by_size"]

    def get(*keys: str | int) -> Callable[[dict[str, Any]], float | None]:
        def pick(size: dict[str, Any]) -> float | None:
            value: Any = size
            for key in keys:
                value = value.get(key) if isinstance(value, dict) else None
            return None if value is None or value == -1 else float(value)

        return pick

    mb, kb = 1 / 1e6, 1 / 1e3
    rows: list[tuple[str, Callable[[dict[str, Any]], float | None], str, float]] = [
        ("archivos de contenido", get("files"), ".0f", 1),
        ("check: segundos", get("check", "seconds"), ".2f", 1),
        ("check: archivos/s", get("check", "files_per_second"), ",.0f", 1),
        ("check: memoria máx. (MB)", get("check", "peak_mb"), ".0f", 1),
        ("build generador: segundos", get("build", "seconds"), ".2f", 1),
        ("build generador: memoria (MB)", get("build", "peak_mb"), ".0f", 1),
        ("build generador: sitio (MB)", get("build", "site_bytes"), ".1f", mb),
        ("MkDocs+Material acotado: segundos", get("mkdocs", "seconds"), ".2f", 1),
        ("MkDocs+Material acotado: memoria (MB)", get("mkdocs", "peak_mb"), ".0f", 1),
        ("MkDocs+Material acotado: sitio (MB)", get("mkdocs", "site_bytes"), ".1f", mb),
        ("generador / acotado", lambda s: summary[s["practices"]]["build_over_mkdocs"], ".2f", 1),
        ("MkDocs+Material ingenuo: segundos", get("mkdocs-ingenuo", "seconds"), ".2f", 1),
        ("MkDocs+Material ingenuo: memoria (MB)", get("mkdocs-ingenuo", "peak_mb"), ".0f", 1),
        ("MkDocs+Material ingenuo: sitio (MB)", get("mkdocs-ingenuo", "site_bytes"), ".1f", mb),
        ("generador / ingenuo", lambda s: summary[s["practices"]]["build_over_naive"], ".2f", 1),
        ("build --engine zensical: segundos", get("build-zensical", "seconds"), ".2f", 1),
        ("build --engine zensical: memoria (MB)", get("build-zensical", "peak_mb"), ".0f", 1),
        ("build --engine zensical: sitio (MB)", get("build-zensical", "site_bytes"), ".1f", mb),
        ("generador (MkDocs) / (Zensical)", get("ratios", "build_over_zensical"), ".2f", 1),
        ("build de la base (--baseline): segundos", get("build-base", "seconds"), ".2f", 1),
        ("build de la base: memoria (MB)", get("build-base", "peak_mb"), ".0f", 1),
        ("build / build de la base", get("ratios", "build_over_baseline"), ".2f", 1),
        ("Hugo, mismos cuerpos, plantilla mínima: segundos", get("hugo", "seconds"), ".2f", 1),
        ("Hugo: memoria (MB)", get("hugo", "peak_mb"), ".0f", 1),
        ("build / Hugo", get("ratios", "build_over_hugo"), ".2f", 1),
        ("Pagefind: índice entero (KB)", get("build", "index_bytes"), ",.0f", kb),
        ("Pagefind: una consulta (KB)", get("build", "query_bytes"), ",.0f", kb),
        ("Material: search_index.json (KB)", get("mkdocs", "search", "bytes"), ",.0f", kb),
        ("Material: ídem con gzip (KB)", get("mkdocs", "search", "gzip_bytes"), ",.0f", kb),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [" " * width + "".join(f"{s['practices']:>12,}" for s in sizes)]
    for label, pick, spec, scale in rows:
        cells = []
        for size in sizes:
            value = pick(size)
            cells.append(f"{_cell(None if value is None else value * scale, spec):>12}")
        lines.append(label.ljust(width) + "".join(cells))
    for size in sizes:
        if "error" in (size.get("build-zensical") or {}):
            lines.append(
                f"Zensical con {size['practices']:,} prácticas: {size['build-zensical']['error']}"
            )
    extra = dict(results["summary"].get("linearity") or {})
    if extra:
        label = extra.pop("sizes")
        lines.append(f"{label}: " + ", ".join(f"{k} {_cell(v, '.2f')}" for k, v in extra.items()))
    if results.get("check_only"):
        c = results["check_only"]
        lines.append(
            f"check con {c['practices']:,} prácticas: {c['seconds']:.2f} s, "
            f"{c['files_per_second']:,.0f} archivos/s, {c['peak_mb']:.0f} MB"
        )
    for s in results.get("serve") or []:
        lines.append(
            f"vista previa ({s['engine']}) con {s['practices']:,} prácticas, tras guardar: "
            f"página nueva en {s['page_seconds']:.2f} s, "
            f"catálogo en {s['catalogue_seconds']:.2f} s (arranque {s['startup_seconds']:.1f} s)"
        )
    m = results["machine"]
    lines.append(
        f"máquina: {m['cpus']} CPU {m['cpu']}, {m['ram_gb']} GB, Python {m['python']}, {m['date']}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000", help="practices per corpus")
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "latest.json")
    parser.add_argument(
        "--check-size", type=int, default=10000, help="check alone at this size (0: skip)"
    )
    parser.add_argument(
        "--serve-size", type=int, default=1000, help="preview after an edit (0: skip)"
    )
    parser.add_argument(
        "--naive-max", type=int, default=1000, help="largest size for the naive build (quadratic)"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another checkout of this repository (with its .venv): its build, in the same rounds",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    work = Path(tempfile.mkdtemp(prefix="red-benchmark-"))
    print(f"Carpeta de trabajo: {work}", flush=True)
    try:
        results: dict[str, Any] = {"machine": machine(), "runs": args.runs}
        results["sizes"] = [bench_size(work, n, args) for n in sizes]
        results["summary"] = summarize(results["sizes"])
        results["check_only"] = (
            bench_check_only(work, args.check_size, args.runs) if args.check_size else None
        )
        results["serve"] = [
            bench_serve(work, args.serve_size, args.runs, engine)
            for engine in (ENGINES if args.serve_size else ())
        ]
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print("\n" + table(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nResultados en {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
