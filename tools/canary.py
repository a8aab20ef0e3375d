"""The canary (.github/workflows/canario.yml): installs the newest versions that pyproject.toml's
ranges allow, instead of the lock, so that a release that would break the site is seen the
week it comes out, not on the day a fresh clone installs it.

    python tools/canary.py install [--properdocs] --out DIR
        .venv/ with the newest allowed versions (and, with --properdocs, ProperDocs answering
        every `import mkdocs`, MkDocs uninstalled); `make test` then uses it as it is. Writes
        DIR/cambios.json: each package whose version is not the lock's.
    python tools/canary.py report DIR... --run URL
        The Spanish body of the issue the workflow opens or updates when the canary fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "test.txt"
PINNED = re.compile(r"^([A-Za-z0-9][\w.-]*)==([^\s;\\]+)(?:\s*;\s*([^\\]+?))?\s*\\?$", re.M)
# Every `import mkdocs` answered by ProperDocs, in every Python of the environment.
PROPERDOCS_PTH = "properdocs_en_lugar_de_mkdocs.pth"
MKDOCS_SCRIPT = """\
#!{python}
# MkDocs' command, answered by ProperDocs (tools/canary.py --properdocs).
import sys
import properdocs.replacement  # noqa: F401
from properdocs.__main__ import cli
sys.exit(cli())
"""


def normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked_versions(lock: str, python: str) -> dict[str, str]:
    """Package -> version the lock gives for `python` (its markers evaluated there)."""
    found: dict[str, str] = {}
    for name, version, marker in PINNED.findall(lock):
        if marker and not _marker_holds(marker, python):
            continue
        found[normalized(name)] = version
    return found


def _marker_holds(marker: str, python: str) -> bool:
    code = "import sys; from packaging.markers import Marker; print(Marker(sys.argv[1]).evaluate())"
    done = subprocess.run(
        [python, "-c", code, marker], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip() == "True"


def installed_versions(python: str) -> dict[str, str]:
    code = (
        "import json; from importlib import metadata; "
        "print(json.dumps({d.metadata['Name']: d.version for d in metadata.distributions()}))"
    )
    done = subprocess.run(
        [python, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return {normalized(k): v for k, v in json.loads(done.stdout).items()}


def changes(locked: dict[str, str], installed: dict[str, str]) -> list[dict[str, str | None]]:
    """Each package whose installed version is not the lock's, by name."""
    names = sorted((set(locked) | set(installed)) - {"red-de-centros"})
    return [
        {"paquete": name, "fijada": locked.get(name), "instalada": installed.get(name)}
        for name in names
        if locked.get(name) != installed.get(name)
    ]


# setuptools' English block on every editable install, as the Makefile filters it.
QUIET_EDITABLE = {**os.environ, "PYTHONWARNINGS": "ignore:Editable installation:UserWarning"}


def run(*command: str) -> None:
    subprocess.run(command, cwd=ROOT, check=True, timeout=1800, env=QUIET_EDITABLE)


def install(properdocs: bool, out: Path) -> None:
    python = str(VENV / "bin" / "python")
    run(sys.executable, "-m", "venv", "--clear", str(VENV))
    upgrade = ["--upgrade", "--upgrade-strategy", "eager"]
    run(python, "-m", "pip", "install", "--quiet", *upgrade, "-r", "requirements/build.in")
    run(
        python, "-m", "pip", "install", "--quiet", *upgrade, "--no-build-isolation", "-e", ".[test]"
    )
    if properdocs:
        use_properdocs(python)
    (VENV / "bin" / ".installed").touch()  # make test keeps this environment as it is
    locked = locked_versions(LOCK.read_text(encoding="utf-8"), python)
    found = {
        "motor": "ProperDocs en lugar de MkDocs" if properdocs else "MkDocs",
        "cambios": changes(locked, installed_versions(python)),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "cambios.json").write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n")


def use_properdocs(python: str) -> None:
    run(python, "-m", "pip", "uninstall", "--quiet", "--yes", "mkdocs")
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout.strip()
    (Path(purelib) / PROPERDOCS_PTH).write_text("import properdocs.replacement\n")
    script = VENV / "bin" / "mkdocs"
    script.write_text(MKDOCS_SCRIPT.format(python=python), encoding="utf-8")
    script.chmod(0o755)


def report(folders: list[Path], run_url: str) -> str:
    """The issue's body: which packages moved, in each of the canary's jobs."""
    lines = [
        "El canario de dependencias falló: con las versiones más nuevas que permiten los rangos "
        "de `pyproject.toml` (no las del archivo de bloqueo), las pruebas o la construcción del "
        f"sitio no pasan. Ejecución: {run_url}",
        "",
        "La publicación del sitio no cambia: instala desde `requirements/`. Para adoptar las "
        "versiones nuevas, corrige lo que falla y escribe el bloqueo de nuevo (`make lock`, luego "
        "`make test`); si una versión nueva no sirve, acota su rango en `pyproject.toml`.",
    ]
    for folder in folders:
        found = json.loads((folder / "cambios.json").read_text(encoding="utf-8"))
        lines += ["", f"### Con {found['motor']}", ""]
        moved = found["cambios"]
        lines += [_change_line(change) for change in moved] or [
            "Ningún paquete cambió de versión respecto del bloqueo."
        ]
    return "\n".join(lines) + "\n"


def _change_line(change: dict[str, str | None]) -> str:
    name, before, now = change["paquete"], change["fijada"], change["instalada"]
    if before is None:
        return f"- `{name}`: nuevo, {now}"
    if now is None:
        return f"- `{name}`: {before}, ya no se instala"
    return f"- `{name}`: {before} → {now}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/canary.py")
    commands = parser.add_subparsers(dest="command", required=True)
    installing = commands.add_parser("install")
    installing.add_argument("--properdocs", action="store_true")
    installing.add_argument("--out", type=Path, required=True)
    reporting = commands.add_parser("report")
    reporting.add_argument("folders", type=Path, nargs="+")
    reporting.add_argument("--run", required=True)
    args = parser.parse_args(argv)
    if args.command == "install":
        install(args.properdocs, args.out)
    else:
        sys.stdout.write(report(args.folders, args.run))
    return 0


if __name__ == "__main__":
    sys.exit(main())
