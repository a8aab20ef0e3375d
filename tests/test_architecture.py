"""The generator's shape: no import cycle, no module within 10 % of 500 lines, a thin plugin."""

from __future__ import annotations

import ast
import inspect
import os
import re
from pathlib import Path
from typing import Any

import pytest

from .conftest import REPO, create_repo

PACKAGE = REPO / "generator"
LONGEST_MODULE = 500
# A module near the cap is split by what it does before it reaches it, not cut in half then.
MODULE_MARGIN = 0.10
LONGEST_PLUGIN = 150


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path) -> set[str]:
    """The generator's modules that `name` imports anywhere, inside functions too."""
    found: set[str] = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package `level - 1` folders up
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            # `from generator.publish import search` imports the module generator.publish.search
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {module for module in found if module in MODULES and module != name}


GRAPH = {name: imported(name, path) for name, path in MODULES.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One import cycle through each module that is on one (depth-first search)."""
    found: list[list[str]] = []
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            found.append([*path[path.index(name) :], name])
            return
        if name in done:
            return
        for target in sorted(graph[name]):
            visit(target, [*path, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_the_graph_sees_imports_inside_functions() -> None:
    # cli/ imports the build only when a command needs it; engines/ its adapters likewise.
    assert "generator.publish.build" in GRAPH["generator.cli.commands"]
    assert "generator.engines.mkdocs.adapter" in GRAPH["generator.engines"]


def test_no_import_cycle_in_the_generator() -> None:
    assert cycles(GRAPH) == []


# The generator's parts from the ground up: a module imports its own part and the parts below
# its own, never one above; the parts side by side on one floor never import each other. The
# one exception is the MkDocs plugin, the entrance MkDocs calls, which asks publish/ for a build.
FLOORS: list[tuple[str, ...]] = [
    ("generator.text", "generator.parallel", "generator.addresses"),
    ("generator.engines",),  # a finished docs tree into HTML: knows no content
    ("generator.content",),  # load and validate; names things, knows no address
    ("generator.site", "generator.authoring", "generator.devtools"),
    ("generator.publish",),  # the one entrance of a build and of the preview
    ("generator.cli",),
    ("generator.__main__",),
]
ENTRANCE = ("generator.engines.mkdocs.plugin", "generator.publish")


def part_of(module: str) -> str:
    """The part (`generator.site`, `generator.text`…) a module belongs to."""
    parts = [part for floor in FLOORS for part in floor]
    return next(p for p in parts if module == p or module.startswith(p + "."))


def upward_or_sideways(graph: dict[str, set[str]]) -> list[str]:
    """Every import of a part above its own, or of another part on its floor."""
    floor = {part: n for n, parts in enumerate(FLOORS) for part in parts}
    found = []
    for name, targets in sorted(graph.items()):
        if name == "generator":
            continue
        for target in sorted(targets - {"generator"}):  # `from generator import text`
            mine, theirs = part_of(name), part_of(target)
            if mine == theirs or floor[theirs] < floor[mine]:
                continue
            if (name, theirs) != ENTRANCE:
                found.append(f"{name} -> {target}")
    return found


def test_arrows_point_down() -> None:
    """No import runs back up, and site/ and authoring/ do not import each other."""
    names = [name for name in MODULES if name != "generator"]
    assert all(part_of(name) for name in names)  # every module is in a part of FLOORS
    assert upward_or_sideways(GRAPH) == []


def test_the_floor_check_finds_an_arrow_up_and_one_sideways() -> None:
    graph = {
        "generator.content.loader": {"generator.site.view", "generator.text"},
        "generator.site.gather": {"generator.authoring.github_forms", "generator.content.models"},
        "generator.engines.mkdocs.plugin": {"generator.publish.direct"},
        "generator.engines.mkdocs.adapter": {"generator.publish.build"},
    }
    assert upward_or_sideways(graph) == [
        "generator.content.loader -> generator.site.view",
        "generator.engines.mkdocs.adapter -> generator.publish.build",
        "generator.site.gather -> generator.authoring.github_forms",
    ]


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_within_10_percent_of_the_500_line_cap(name: str) -> None:
    """Every module stays under 450 lines: one that grows near the cap is split by what it
    does (a concern per module) while that is still easy."""
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    bound = LONGEST_MODULE * (1 - MODULE_MARGIN)
    assert lines < bound, f"{MODULES[name]} has {lines} lines, {bound:.0f} or more"


def test_the_plugin_is_hook_plumbing_only() -> None:
    path = MODULES["generator.engines.mkdocs.plugin"]
    assert len(path.read_text(encoding="utf-8").splitlines()) <= LONGEST_PLUGIN
    tree = ast.parse(path.read_text(encoding="utf-8"))
    classes = [node for node in tree.body if isinstance(node, ast.ClassDef)]
    assert [c.name for c in classes] == ["PluginConfig", "RedDeCentrosPlugin"]
    plugin = classes[-1]
    # Settings come from RunSettings each run; the class holds only the adapter's flag, and
    # the tree it wrote between its two steps (so the search and the date need no new read).
    fields = [node for node in plugin.body if isinstance(node, ast.Assign | ast.AnnAssign)]
    names = [ast.unparse(node).split(" =")[0] for node in fields]
    assert names == ["tree_given", "written: Written | None"]


ENGINE_PACKAGES = {"mkdocs": ("mkdocs", "material"), "zensical": ("zensical",)}


def third_party_imports(path: Path) -> set[str]:
    """The top-level packages `path` imports, inside functions too."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("engine", sorted(ENGINE_PACKAGES))
def test_only_an_engines_room_imports_it(engine: str) -> None:
    room = PACKAGE / "engines" / engine
    outside = [
        path.relative_to(REPO).as_posix()
        for path in MODULES.values()
        if room not in path.parents and third_party_imports(path) & set(ENGINE_PACKAGES[engine])
    ]
    assert outside == []


def test_no_private_name_of_an_engine_is_used() -> None:
    """Adapters use each engine's public interfaces only: no `_name` of MkDocs or Zensical is
    imported or reached for."""
    found = []
    for path in (PACKAGE / "engines").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
                "mkdocs",
                "material",
                "zensical",
            ):
                private = [a.name for a in node.names if a.name.startswith("_")]
                private += [p for p in (node.module or "").split(".") if p.startswith("_")]
                found += [f"{path.name}:{node.lineno} {name}" for name in private]
            elif isinstance(node, ast.Attribute) and re.fullmatch(r"_[a-z]\w*", node.attr):
                owner = ast.unparse(node.value)
                if owner not in ("self", "cls"):
                    found.append(f"{path.name}:{node.lineno} {owner}.{node.attr}")
    assert found == []


def test_only_a_handful_of_modules_at_the_top() -> None:
    """Everything else lives in its part's folder (content, site, publish, engines, authoring,
    devtools, cli)."""
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "__main__", "addresses", "parallel", "text"]


def engineers_picture() -> str:
    """The picture that opens README's «For engineers»: its first code block."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## For engineers", 1)[1]
    return section.split("```", 2)[1]


def test_the_readme_picture_names_the_real_folders_and_modules() -> None:
    picture = engineers_picture()
    folders = set(re.findall(r"\bgenerator/(?:[a-z_]+/)*", picture))
    packages = {p.parent for p in PACKAGE.rglob("__init__.py")} - {PACKAGE}
    top_level = {p.relative_to(REPO).as_posix() + "/" for p in packages if p.parent == PACKAGE}
    assert top_level <= folders  # every part is in the picture
    assert all((REPO / folder).is_dir() for folder in folders)
    for name in re.findall(r"\b([a-z_]+)\.py\b", picture):
        assert any(p.stem == name for p in PACKAGE.rglob("*.py")), f"{name}.py"
    for named in re.findall(r"\(([a-z_]+(?:, [a-z_]+)+)\)", picture):  # "(files, loader)"
        for name in named.replace(" ", "").split(","):
            assert any(p.stem == name for p in PACKAGE.rglob("*.py")), name


def function_lengths(path: Path) -> dict[str, int]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name: node.end_lineno - node.lineno + 1  # type: ignore[operator]
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
    }


LONGEST_FUNCTION = 60


def long_functions(path: Path, bound: int) -> list[str]:
    """Every function or method in `path`, nested ones too, longer than `bound` lines
    (decorators apart, its docstring and comments counted)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.name}:{node.lineno} {node.name} has {length} lines"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and (length := node.end_lineno - node.lineno + 1) > bound  # type: ignore[operator]
    ]


def test_no_function_over_60_lines() -> None:
    """Long functions are split by phase into named steps."""
    found = [line for path in MODULES.values() for line in long_functions(path, LONGEST_FUNCTION)]
    assert found == []


def test_the_length_check_finds_a_long_function(tmp_path: Path) -> None:
    def body(lines: int, indent: str) -> str:  # `lines` lines of calls
        return "".join(f"{indent}step_{n}()\n" for n in range(lines))

    bound = LONGEST_FUNCTION
    path = tmp_path / "long.py"
    path.write_text(
        f"class Job:\n    def fits(self) -> None:\n{body(bound - 1, ' ' * 8)}\n"
        f"    def too_long(self) -> None:\n{body(bound, ' ' * 8)}\n"
        f"async def fits_too() -> None:\n{body(bound - 1, ' ' * 4)}\n"
        f"async def also_too_long() -> None:\n{body(bound, ' ' * 4)}",
        encoding="utf-8",
    )
    assert long_functions(path, bound) == [
        f"long.py:{3 * bound + 6} also_too_long has {bound + 1} lines",
        f"long.py:{bound + 3} too_long has {bound + 1} lines",
    ]


def test_problem_messages_come_from_a_table_of_small_builders() -> None:
    """`messages._problem` looks the error type up in `failures.BUILDERS`, each a small
    function."""
    from generator.content import failures

    lengths = function_lengths(MODULES["generator.content.messages"])
    assert lengths["_problem"] <= 15
    assert len(failures.BUILDERS) >= 20
    for builder in failures.BUILDERS.values():  # a function, or a `_says` lambda
        assert len(inspect.getsourcelines(builder)[0]) <= 15, builder


def pages_folder_listings(root: Path, pages: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many times loading a repository with `pages` extra pages lists content/paginas."""
    from generator.content.loader import PAGES_DIR
    from generator.content.validate import check_content

    folder = root / PAGES_DIR
    for n in range(pages):
        (folder / f"extra-{n}.md").write_text(f"---\ntitulo: Página {n}\n---\n\nTexto.\n")
    listings = 0
    scandir, rglob = os.scandir, Path.rglob

    def counting_scandir(path: Any = ".") -> Any:
        nonlocal listings
        listings += Path(path) == folder
        return scandir(path)

    def counting_rglob(self: Path, pattern: str) -> Any:
        nonlocal listings
        listings += self == folder
        return rglob(self, pattern)

    monkeypatch.setattr(os, "scandir", counting_scandir)
    monkeypatch.setattr(Path, "rglob", counting_rglob)
    loaded = check_content(root)
    monkeypatch.undo()
    # Only the warning every repository has: the network declares 14 centers, 13 are known.
    assert [p.code for p in loaded.problems] == ["centros-sin-identificar"]
    return listings


def test_the_loader_is_split_by_phase_and_lists_the_pages_folder_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`check_content` calls one function per phase, and lists the pages folder the same
    number of times however many pages there are (it used to list it again for each)."""
    assert function_lengths(MODULES["generator.content.validate"])["check_content"] <= 40
    few = pages_folder_listings(create_repo(tmp_path / "few"), 1, monkeypatch)
    many = pages_folder_listings(create_repo(tmp_path / "many"), 8, monkeypatch)
    assert 1 <= few == many


# --- names: code in English (CONTRIBUTING.md, «en qué idioma va cada nombre») ---------------

# Spanish words that name things in the content, and a few more a template once used.
SPANISH = {
    "actualizada",
    "adoptadas",
    "archivo",
    "archivos",
    "atribucion",
    "buscar",
    "cargo",
    "centro",
    "centros",
    "cita",
    "citas",
    "comuna",
    "contacto",
    "coordenadas",
    "corto",
    "correo",
    "costo",
    "cuando",
    "declarados",
    "descripcion",
    "dificultad",
    "duracion",
    "ejemplo",
    "equipo",
    "estado",
    "etiqueta",
    "etiquetas",
    "evento",
    "evolucion",
    "fecha",
    "fuente",
    "fuentes",
    "grafico",
    "hito",
    "hitos",
    "indicador",
    "mapa",
    "materiales",
    "mayuscula",
    "nombre",
    "nota",
    "operador",
    "pagina",
    "paginas",
    "parcial",
    "personas",
    "practica",
    "practicas",
    "preparacion",
    "programa",
    "publico",
    "publicos",
    "regiones",
    "relacionadas",
    "replicas",
    "resultado",
    "resultados",
    "resumen",
    "seccion",
    "servicio",
    "servicios",
    "telefono",
    "tema",
    "tiempo",
    "titulo",
    "valor",
}


def content_classes() -> set[str]:
    """The models of the content and of the API, whose fields are the content's own keys."""
    from pydantic import BaseModel

    from generator.content import models
    from generator.site import api

    found = set()
    for module in (models, api):
        found |= {
            name
            for name, value in vars(module).items()
            if isinstance(value, type) and issubclass(value, BaseModel)
        }
    return found


def called_name(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")


def spanish_names(path: Path, exempt: set[str]) -> list[tuple[int, str]]:
    """Names the code gives (variables, functions, classes, parameters, fields) that are
    Spanish; the fields of the content's models are exempt (they are its keys)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    keys = {
        id(item.target)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and node.name in exempt
        for item in node.body
        if isinstance(item, ast.AnnAssign)
    }
    given: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            given.append((node.lineno, node.name))
        elif isinstance(node, ast.arg):
            given.append((node.lineno, node.arg))
        elif isinstance(node, ast.Call) and called_name(node) not in exempt:  # not a model's
            given += [(node.lineno, k.arg) for k in node.keywords if k.arg]
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            given += [] if id(node) in keys else [(node.lineno, node.id)]
    return [
        (line, name)
        for line, name in given
        if SPANISH & set(re.findall(r"[a-z]+", name.lower().replace("_", " ")))
    ]


def test_code_names_are_english() -> None:
    exempt = content_classes()
    found = [
        f"{path.relative_to(REPO)}:{line}: {name}"
        for path in MODULES.values()
        for line, name in spanish_names(path, exempt)
    ]
    assert found == []


def test_the_names_check_finds_a_spanish_name(tmp_path: Path) -> None:
    path = tmp_path / "leak.py"
    path.write_text(
        "class Page:\n    grafico: str\n\n\ndef fecha_html(mapa: str) -> str:\n"
        "    escaped = Term(nombre=mapa.titulo)\n    return render(escaped, corto=1)\n",
        encoding="utf-8",
    )
    names = {name for _, name in spanish_names(path, {"Term"})}
    assert names == {"grafico", "fecha_html", "mapa", "corto"}  # not the content's keys
