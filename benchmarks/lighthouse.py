"""Lighthouse (mobile preset) on this site and on plain Material with the same pages.

    python benchmarks/lighthouse.py [--runs 1] [--out FILE.json]

Builds the repository's site with the generator, and the same generated docs tree with plain
MkDocs + Material (the project's theme settings and Markdown, none of its own CSS, scripts,
theme overrides or plugin: `PLAIN_CONFIG` of benchmarks/run.py), serves each with gzip from a
local server on 127.0.0.1, runs Lighthouse from npm (`lighthouse` pinned in package.json) with
Debian's Chromium (CHROME_PATH, default /usr/bin/chromium) on the pages below and prints the
scores side by side. Performance is simulated throttling (Lighthouse's mobile default) and
moves with the load of a shared machine: run it when nothing else runs, compare the two sites
of one run. With --runs N each figure is the median of N runs.

Targets (issue 14): performance >= 95; accessibility, best practices and SEO 100; cumulative
layout shift under 0.05 on every page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import write_plain_config  # benchmarks/ is not a package: its folder is on the path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIGHTHOUSE = REPO / "node_modules" / ".bin" / "lighthouse"
PAGES = [
    "",
    "practicas/",
    "practicas/capacitaciones-para-conexiones-lentas/",
    "centros/",
    "red/",
    "buscar/?q=digitalizacion",
]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".mjs", "/")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, as a static host sends them."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self) -> Any:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.name.endswith(COMPRESSIBLE)):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)
        return None


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(GzipHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_sites(work: Path) -> dict[str, Path]:
    """This site (the generator) and plain Material on the same generated docs tree."""
    ours = work / "site"
    command = [PYTHON, "-m", "generator", "build", "--root", str(REPO), "--site-dir", str(ours)]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    plain_root = work / "plain"
    plain_root.mkdir()
    generate = (
        "import sys; from pathlib import Path; "
        "from generator.publish.settings import RunSettings; "
        "from generator.publish.tree import write_tree; "
        "write_tree(RunSettings(Path(sys.argv[1])), Path(sys.argv[2]))"
    )
    docs = plain_root / "docs_site"
    subprocess.run([PYTHON, "-c", generate, str(REPO), str(docs)], check=True, cwd=REPO)
    config = write_plain_config(plain_root, "material", bounded=True)
    build = [PYTHON, "-m", "mkdocs", "build", "--quiet", "-f", str(config)]
    subprocess.run(build, check=True, capture_output=True, cwd=plain_root)
    return {"Red de Centros": ours, "Material": plain_root / "site-material"}


def lighthouse_report(url: str, categories: tuple[str, ...] = CATEGORIES) -> dict[str, Any]:
    """Lighthouse's JSON report of one run (mobile preset); tests/browser/test_lighthouse.py
    uses it too. Raises RuntimeError with Lighthouse's error output when it fails. Without the
    full-page screenshot: only the HTML report shows it, no audit reads it, and taking it cost
    1.2 s of each run."""
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--chrome-flags={CHROME_FLAGS}",
        "--only-categories=" + ",".join(categories),
        "--disable-full-page-screenshot",
    ]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse falló en {url}:\n{done.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(done.stdout)
    return report


def lighthouse(url: str) -> dict[str, float]:
    """One Lighthouse run: the four category scores and the layout shift."""
    report = lighthouse_report(url)
    scores = {name: 100 * (report["categories"][name]["score"] or 0) for name in CATEGORIES}
    scores["cls"] = report["audits"]["cumulative-layout-shift"]["numericValue"]
    failed = [
        audit_id
        for name in CATEGORIES[1:]
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        and (audit_id := ref["id"])
        and report["audits"][audit_id]["score"] is not None
        and report["audits"][audit_id]["score"] < 1
    ]
    scores["failed"] = failed  # type: ignore[assignment]
    return scores


def median_scores(runs: list[dict[str, Any]]) -> dict[str, Any]:
    keys = (*CATEGORIES, "cls")
    merged: dict[str, Any] = {k: statistics.median(r[k] for r in runs) for k in keys}
    merged["failed"] = sorted({a for r in runs for a in r["failed"]})
    return merged


def row(page: str, scores: dict[str, dict[str, Any]]) -> str:
    cells = []
    for site in scores.values():
        cells.append(" / ".join(f"{site[c]:.0f}" for c in CATEGORIES) + f" · CLS {site['cls']:.3f}")
    return f"| /{page} | " + " | ".join(cells) + " |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Falta Lighthouse: npm ci --no-audit --no-fund --ignore-scripts", file=sys.stderr)
        return 2
    results: dict[str, dict[str, dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="red-lighthouse-") as tmp:
        sites = build_sites(Path(tmp))
        for name, folder in sites.items():
            with serve(folder) as base:
                for page in PAGES:
                    runs = [lighthouse(base + page) for _ in range(args.runs)]
                    results.setdefault(page, {})[name] = median_scores(runs)
    names = list(next(iter(results.values())))
    print("Lighthouse, preset móvil: rendimiento / accesibilidad / buenas prácticas / SEO · CLS")
    print()
    print("| Página | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for page, scores in results.items():
        print(row(page, scores))
    print()
    for page, scores in results.items():
        for name, site in scores.items():
            if site["failed"]:
                print(f"/{page} ({name}): auditorías que no pasan: {', '.join(site['failed'])}")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
