"""Pruebas del mapa SVG de Chile (generator.site.mapsvg)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import pytest

from generator.site.mapsvg import MapPoint, render_map

SVG = "{http://www.w3.org/2000/svg}"

CENTERS = [
    ("arica-norte", -18.4783, -70.3126),
    ("copiapo", -27.3668, -70.3323),
    ("vallenar", -28.5708, -70.7581),
    ("la-serena", -29.9027, -71.2519),
    ("illapel", -31.6308, -71.1653),
    ("rapa-nui", -27.1497, -109.4275),
    ("melipilla", -33.6891, -71.2153),
    ("talagante", -33.6639, -70.9271),
    ("talca", -35.4264, -71.6554),
    ("chillan", -36.6066, -72.1034),
    ("talcahuano", -36.7249, -73.1168),
    ("los-angeles", -37.4693, -72.3527),
    ("osorno", -40.5740, -73.1336),
]


def _points(highlight: str = "") -> list[MapPoint]:
    return [
        MapPoint(
            id=cid,
            label=f"Centro de Negocios {cid}",
            lat=lat,
            lon=lon,
            href=f"../centros/{cid}/",
            highlighted=cid == highlight,
        )
        for cid, lat, lon in CENTERS
    ]


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _links(root: ET.Element) -> dict[str, ET.Element]:
    return {a.get("href", ""): a for a in root.iter(f"{SVG}a")}


def _center(link: ET.Element) -> tuple[float, float]:
    circle = link.find(f"{SVG}circle[@class='mapa-centro-punto']")
    assert circle is not None
    return float(circle.get("cx", "nan")), float(circle.get("cy", "nan"))


def _inset_box(root: ET.Element) -> tuple[float, float, float, float]:
    rect = root.find(f".//{SVG}rect[@class='mapa-recuadro-marco']")
    assert rect is not None
    x, y = float(rect.get("x", "0")), float(rect.get("y", "0"))
    return x, y, x + float(rect.get("width", "0")), y + float(rect.get("height", "0"))


def _inside(xy: tuple[float, float], box: tuple[float, float, float, float]) -> bool:
    return box[0] <= xy[0] <= box[2] and box[1] <= xy[1] <= box[3]


def test_root_semantics_and_title() -> None:
    root = _parse(render_map(_points(), title="Mapa de los centros"))
    assert root.tag == f"{SVG}svg"
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Mapa de los centros"
    assert root.get("aria-labelledby") == title.get("id")
    # role="img" ocultaría los enlaces a los lectores de pantalla.
    assert root.get("role") != "img"
    assert root.get("viewBox") == "0 0 400 1200"
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids))


def test_no_xml_declaration_nor_prefixed_attributes() -> None:
    svg = render_map(_points())
    assert svg.startswith("<svg ")
    assert "xlink" not in svg
    root = _parse(svg)
    for el in root.iter():
        for name in el.attrib:
            # ElementTree expresa los atributos con espacio de nombres como "{uri}local".
            assert not name.startswith("{"), name


def test_one_link_per_point_with_href_and_accessible_name() -> None:
    root = _parse(render_map(_points()))
    links = _links(root)
    assert len(list(root.iter(f"{SVG}a"))) == len(CENTERS)
    for cid, _, _ in CENTERS:
        link = links[f"../centros/{cid}/"]
        assert link.get("aria-label") == f"Centro de Negocios {cid}"
        title = link.find(f"{SVG}title")
        assert title is not None and title.text == f"Centro de Negocios {cid}"
        assert "mapa-centro" in (link.get("class") or "").split()


def test_mainland_regions_drawn() -> None:
    root = _parse(render_map([]))
    regions = [
        p
        for p in root.iter(f"{SVG}path")
        if any(
            c.startswith("mapa-region-") and c[-2:].isdigit() for c in p.get("class", "").split()
        )
    ]
    assert len(regions) == 16
    assert all(p.get("d", "").startswith("M") for p in regions)
    assert list(root.iter(f"{SVG}a")) == []


def test_rapa_nui_in_inset_and_talca_on_mainland() -> None:
    root = _parse(render_map(_points()))
    links = _links(root)
    box = _inset_box(root)
    label = root.find(f".//{SVG}text[@class='mapa-recuadro-etiqueta']")
    assert label is not None and label.text == "Rapa Nui (Isla de Pascua)"

    rapa_nui = _center(links["../centros/rapa-nui/"])
    assert _inside(rapa_nui, box)

    talca = _center(links["../centros/talca/"])
    assert not _inside(talca, box)
    assert 0 <= talca[0] <= 400 and 0 <= talca[1] <= 1200
    assert talca[0] > box[2]  # el continente está al este del recuadro
    # Talca (35,4° S) queda en la mitad norte del lienzo, que cubre ~17,5° S a ~56,5° S.
    assert 300 < talca[1] < 650

    for cid, _, lon in CENTERS:
        xy = _center(links[f"../centros/{cid}/"])
        assert _inside(xy, box) == (lon < -100), cid


def test_north_above_south_and_west_left_of_east() -> None:
    links = _links(_parse(render_map(_points())))
    arica = _center(links["../centros/arica-norte/"])
    osorno = _center(links["../centros/osorno/"])
    talca = _center(links["../centros/talca/"])
    talcahuano = _center(links["../centros/talcahuano/"])
    chillan = _center(links["../centros/chillan/"])
    assert arica[1] < talca[1] < osorno[1]
    assert talcahuano[0] < chillan[0]  # la costa está al oeste


def test_hostile_strings_are_escaped() -> None:
    hostile = '"><script>alert(1)</script>'
    point = MapPoint(
        id=hostile,
        label=hostile,
        lat=-35.4264,
        lon=-71.6554,
        href='javascript:"><script>x</script>',
    )
    svg = render_map([point], title=hostile)
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg and "&quot;" in svg
    root = _parse(svg)
    assert list(root.iter("script")) == [] and list(root.iter(f"{SVG}script")) == []
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == hostile
    (link,) = list(root.iter(f"{SVG}a"))
    assert link.get("aria-label") == hostile
    assert link.get("href") == 'javascript:"><script>x</script>'


def test_deterministic() -> None:
    first = render_map(_points("talca"))
    second = render_map(list(_points("talca")))
    assert first == second
    assert render_map(_points()) == render_map(_points())


def test_highlighted_point_is_distinct() -> None:
    root = _parse(render_map(_points("talca")))
    links = _links(root)
    talca = links["../centros/talca/"]
    assert "mapa-centro--destacado" in (talca.get("class") or "").split()
    others = [a for href, a in links.items() if href != "../centros/talca/"]
    assert all("mapa-centro--destacado" not in (a.get("class") or "") for a in others)

    def radius(link: ET.Element) -> float:
        circle = link.find(f"{SVG}circle[@class='mapa-centro-punto']")
        assert circle is not None
        return float(circle.get("r", "0"))

    assert all(radius(talca) > radius(a) for a in others)
    # Dibujado al final para que quede encima de los demás.
    assert list(root.iter(f"{SVG}a"))[-1] is talca


def test_coordinates_rounded_to_one_decimal() -> None:
    root = _parse(render_map(_points()))
    for circle in root.iter(f"{SVG}circle"):
        for attr in ("cx", "cy"):
            value = circle.get(attr, "")
            assert len(value.partition(".")[2]) <= 1, value


@pytest.fixture(scope="module")
def geometry() -> dict[str, object]:
    text = (
        resources.files("generator.site").joinpath("data", "chile_regiones.json").read_text("utf-8")
    )
    data: dict[str, object] = json.loads(text)
    return data


def test_geometry_json_has_16_regions_and_attribution(geometry: dict[str, object]) -> None:
    regions = geometry["regiones"]
    assert isinstance(regions, list)
    assert [r["codigo"] for r in regions] == [f"{i:02d}" for i in range(1, 17)]
    names = {r["codigo"]: r["nombre"] for r in regions}
    assert names["05"] == "Valparaíso" and names["16"] == "Ñuble"
    for region in regions:
        assert region["poligonos"], region["codigo"]
        for polygon in region["poligonos"]:
            for ring in polygon:
                assert len(ring) >= 3
                for lon, lat in ring:
                    assert -110 < lon < -66 and -57 < lat < -17
    # Rapa Nui se conserva (para el recuadro).
    assert any(
        ring[0][0] < -100
        for r in regions
        if r["codigo"] == "05"
        for p in r["poligonos"]
        for ring in p
    )
    attribution = geometry["atribucion"]
    assert isinstance(attribution, dict)
    assert "DPA" in attribution["fuente"] and "IDE Chile" in attribution["fuente"]
    assert attribution["licencia"]


def test_geometry_json_size() -> None:
    path = resources.files("generator.site").joinpath("data", "chile_regiones.json")
    assert len(path.read_bytes()) < 60_000
