"""Practices alike in their words (site/similar.py) and what to read or adopt next
(site/suggest.py): on the practice and center pages and in the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.site.similar import THRESHOLD, Alike, Document, Kept, Neighbour, alike, words
from generator.site.suggest import LIMIT, Candidate, Proposal, alike_to, proposals

from .conftest import REPO, create_repo
from .sitebuild import built_fixture, soup

FAIR = """Organizamos una feria de almaceneros en la plaza de la comuna. Los almaceneros
mostraron sus productos locales, conocieron a proveedores y vendieron a los vecinos. La feria
se repitió cada mes con apoyo del municipio y de la junta de vecinos."""
FAIR_AGAIN = FAIR.replace("cada mes", "cada dos meses").replace("vecinos.", "vecinas y vecinos.")
FOOTPRINT = """Medimos la huella de carbono de talleres mecánicos con una planilla de consumo de
electricidad, combustible y residuos. Cada taller eligió dos medidas de eficiencia energética
y calculó su ahorro en la boleta de luz."""


def practice(front: str, body: str) -> str:
    sections = "".join(
        f"\n## {s}\n{body}\n" for s in ("Contexto", "Qué hicimos", "Resultados", "Cómo replicarla")
    )
    return f"---\n{front.strip()}\n---\n{sections}"


ALIKE = {
    "practices/feria-talca.md": practice(
        """
titulo: Feria de almaceneros en la plaza
resumen: Una feria mensual de almaceneros con productos locales.
centro: talca
areas: [vinculacion-ecosistema]
fecha: 2022-03-01
estado: publicada
etiquetas: [comercio local]
""",
        FAIR,
    ),
    "practices/feria-osorno.md": practice(
        """
titulo: Feria de almaceneros en la plaza de Osorno
resumen: Una feria de almaceneros con productos locales, cada dos meses.
centro: osorno
areas: [innovacion]
fecha: 2022-05-01
estado: publicada
etiquetas: [vecinos]
""",
        FAIR_AGAIN,
    ),
    "practices/huella.md": practice(
        """
titulo: Huella de carbono en talleres mecánicos
resumen: Medir el consumo de energía y elegir dos medidas de eficiencia.
centro: chillan
areas: [sustentabilidad]
fecha: 2022-04-01
estado: publicada
""",
        FOOTPRINT,
    ),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_fixture(tmp_path_factory.mktemp("parecidas"), ALIKE)


def suggested(page: BeautifulSoup, heading: str) -> dict[str, str]:
    """Each suggested practice's address -> the reason its item gives."""
    title = next(h for h in page.select("article h2") if h.get_text(strip=True) == heading)
    block = None
    for sibling in title.find_next_siblings():
        if sibling.name == "h2":
            break
        if "rc-sugerencias" in sibling.get("class", []):
            block = sibling
    if block is None:
        return {}
    return {
        li.find("a")["href"]: li.select_one(".rc-porque").get_text(strip=True)
        for li in block.select("li")
    }


def test_nearly_the_same_text_in_two_centers_is_suggested_both_ways(site: Path) -> None:
    talca = suggested(soup(site, "practicas/feria-talca/"), "Prácticas parecidas")
    osorno = suggested(soup(site, "practicas/feria-osorno/"), "Prácticas parecidas")
    assert list(talca) == ["../feria-osorno/"]
    assert list(osorno) == ["../feria-talca/"]
    reason = talca["../feria-osorno/"]
    assert reason.startswith("Comparten: ") and reason.endswith(".")
    shared = reason.removeprefix("Comparten: ").removesuffix(".").split(", ")
    assert len(shared) == 3
    for word in shared:  # words both texts write
        assert word in FAIR.lower() and word in FAIR_AGAIN.lower(), word


def test_a_practice_on_another_subject_is_not_suggested(site: Path) -> None:
    page = soup(site, "practicas/huella/")
    assert suggested(page, "Prácticas parecidas") == {}
    assert "Ninguna otra práctica se parece lo suficiente" in page.select_one("article").get_text()


def test_the_api_gives_each_practice_its_alike_ones(site: Path) -> None:
    data = json.loads((site / "api" / "practicas.json").read_text(encoding="utf-8"))
    found = {p["id"]: p["parecidas"] for p in data["practicas"]}
    assert [(p["id"], p["centro"]) for p in found["feria-talca"]] == [("feria-osorno", "osorno")]
    assert found["feria-talca"][0]["comparten"] == found["feria-osorno"][0]["comparten"]
    assert found["huella"] == []
    assert found["diagnostico"] == []  # the base example, on digitalization


def test_a_center_is_offered_what_is_alike_to_its_own(site: Path) -> None:
    offered = suggested(soup(site, "centros/osorno/"), "Qué podría adoptar")
    assert next(iter(offered)) == "../../practicas/feria-talca/"
    assert offered["../../practicas/feria-talca/"].startswith(
        "Parecida a «Feria de almaceneros en la plaza de Osorno»: comparten"
    )
    assert "../../practicas/feria-osorno/" not in offered  # its own


def test_words_are_stemmed_without_accents_or_stop_words() -> None:
    one = Document("a", "x", "Digitalización de almacenes, vergüenza", "", (), "")
    other = Document("b", "y", "digitalizacion del almacén; verguenza", "", (), "")
    third = Document("c", "z", "Esta es una de las que son para todos ellos", "", (), "")
    assert "todos" in words(third)
    found = alike([one, other, third])
    assert [n.id for n in found.neighbours["a"]] == ["b"]
    shared = found.shared("a", "b")  # digitaliz, almacen, verguenz; «de», «del» do not count
    assert len(shared) == 3 and ("vergüenza" in shared or "verguenza" in shared)
    assert found.neighbours["c"] == () and found.terms["c"] == {}


def fair(key: str, center: str, extra: str = "") -> Document:
    return Document(key, center, "Feria de almaceneros", "Feria", ("ferias",), FAIR + extra)


def test_one_suggestion_comes_from_another_center_when_one_is_alike() -> None:
    same = [fair(f"talca-{i}", "talca", " plaza" * i) for i in range(15)]  # more than kept
    elsewhere = Document("osorno", "osorno", "Almaceneros", "", (), FAIR[:120] + FOOTPRINT)
    unrelated = Document("huella", "chillan", "Huella de carbono", "", (), FOOTPRINT)
    found = alike([*same, elsewhere, unrelated])
    ranked = found.neighbours["talca-0"]
    assert [n.id for n in ranked[:6]] == [f"talca-{i}" for i in range(1, 7)]
    assert any(n.id == "osorno" for n in ranked) and ranked[-1].score >= THRESHOLD
    center_of = {d.id: d.center for d in [*same, elsewhere, unrelated]}
    chosen = alike_to("talca-0", found, center_of, {"talca-0"})
    assert len(chosen) == LIMIT
    assert [n.id for n in chosen[:-1]] == ["talca-1", "talca-2", "talca-3", "talca-4"]
    assert chosen[-1].id == "osorno"
    assert "huella" not in [n.id for n in ranked]


def candidate(key: str, center: str, areas: tuple[str, ...], adopters: int = 0) -> Candidate:
    return Candidate(key, center, areas, dt.date(2022, 1, 1), adopters, published=True)


def test_a_center_without_practices_gets_the_most_adopted_of_its_areas() -> None:
    everything = [
        candidate("mucho", "talca", ("digitalizacion",), adopters=3),
        candidate("poco", "osorno", ("digitalizacion", "innovacion"), adopters=1),
        candidate("nada", "talca", ("innovacion",)),
        candidate("lejos", "talca", ("sustentabilidad",), adopters=5),
        candidate("adoptada", "talca", ("digitalizacion",), adopters=4),
        dataclasses.replace(candidate("ejemplo", "talca", ("digitalizacion",)), published=False),
    ]
    by_id = {c.id: c for c in everything}
    empty = Alike({c.id: () for c in everything}, {c.id: {} for c in everything})
    found = proposals("chillan", everything, [], [by_id["adoptada"]], empty)
    assert found == [
        Proposal("mucho", area="digitalizacion"),
        Proposal("poco", area="digitalizacion"),
    ]
    anywhere = proposals("chillan", everything, [], [], empty)
    assert [p.practice for p in anywhere] == ["lejos", "adoptada", "mucho", "poco", "nada"]


def test_what_is_alike_to_its_own_comes_first() -> None:
    everything = [
        candidate("propia", "chillan", ("innovacion",)),
        candidate("parecida", "osorno", ("sustentabilidad",)),
        candidate("del-area", "talca", ("innovacion",), adopters=2),
    ]
    terms = {"propia": {"ferias": 0.5}, "parecida": {"ferias": 0.4}, "del-area": {}}
    found = Alike({"propia": (Neighbour("parecida", 0.2),), "parecida": (), "del-area": ()}, terms)
    result = proposals("chillan", everything, [everything[0]], [], found)
    assert result == [
        Proposal("parecida", like="propia", shared=("ferias",)),
        Proposal("del-area", area="innovacion"),
    ]


SCRIPT = """
import json, sys
from pathlib import Path
from generator.content.pipeline import load_valid
from generator.site.view import SiteView
repo, _ = load_valid(Path(sys.argv[1]))
found = SiteView(repo).alike
print(json.dumps({k: [(n.id, n.score, found.shared(k, n.id)) for n in v]
                  for k, v in found.neighbours.items()}))
"""


def test_the_same_lists_whatever_the_hash_seed(tmp_path: Path) -> None:
    root = create_repo(tmp_path / "repo", ALIKE)
    outputs = []
    for seed in ("1", "2"):
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(root)],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        outputs.append(json.loads(done.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[0]["feria-talca"][0][0] == "feria-osorno"


def test_the_preview_reads_again_only_the_texts_that_changed() -> None:
    documents = [fair(f"talca-{i}", "talca", " plaza" * i) for i in range(4)]
    documents.append(Document("huella", "chillan", "Huella de carbono", "", (), FOOTPRINT))
    kept = Kept()
    first = alike(documents, kept)
    assert alike(documents, kept) is first  # nothing changed: the same lists
    texts = dict(kept.texts)
    changed = dataclasses.replace(documents[1], body=FOOTPRINT)
    documents[1] = changed
    again = alike(documents, kept)
    assert again == alike(documents)  # as if worked out afresh
    assert again.neighbours["talca-1"][0].id == "huella"  # its new text
    assert kept.texts[documents[0]] is texts[documents[0]]  # not read again
    assert changed not in texts and set(kept.texts) == set(documents)


@pytest.mark.skipif(sys.platform != "linux", reason="needs fork")
def test_two_processes_find_the_same_practices_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import parallel
    from generator.site import similar

    forks = []
    in_parallel = parallel.in_parallel
    monkeypatch.setattr(similar, "in_parallel", lambda *a: forks.append(1) or in_parallel(*a))
    monkeypatch.setattr(similar, "BLOCK", 4)  # 40 blocks of these 160 practices
    documents = [
        fair(f"{center}-{i}", center, " plaza" * (i % 7) + " huerta" * (i % 5))
        for center in ("talca", "osorno", "chillan", "ovalle")
        for i in range(40)
    ]
    one, two = alike(documents), alike(documents, workers=2)
    assert forks == [1]
    assert list(two.neighbours.items()) == list(one.neighbours.items())
    assert two.terms == one.terms
    assert sum(len(found) for found in one.neighbours.values()) > 160
