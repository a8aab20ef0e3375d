"""A static SVG map of Chile, drawn from real regional boundaries.

Standard library only. The geometry is in ``data/chile_regiones.json`` (see
``data/README.md``); this module projects it and returns an inline ``<svg>``, valid in
HTML5 and well-formed XML.

Layout (``viewBox`` 400 x 1200): the mainland on the right, in an equirectangular
projection; Rapa Nui in an inset on the left (over the Pacific), at the height of its
latitude, with its own scale. Points west of -100° longitude are drawn in that inset.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

__all__ = ["MapPoint", "render_map"]

# Canvas.
WIDTH = 400
HEIGHT = 1200
MARGIN = 16

# The Rapa Nui inset (canvas coordinates).
INSET_X = 8
INSET_W = 150
INSET_H = 120
INSET_PAD = 10
INSET_LABEL_SPACE = 20
INSET_LABEL = "Rapa Nui (Isla de Pascua)"

# West of this longitude a point goes into the inset.
INSET_LON_LIMIT = -100.0

POINT_RADIUS = 5
POINT_RADIUS_HIGHLIGHTED = 8
# An invisible touch area around each point: assets/red.css never draws the map under 450 px
# high (scale 0.375), where a radius of 34 units is 25.5 px across: a target of at least
# 24 x 24 px for a finger.
POINT_HIT_RADIUS = 34
# The name shown when a point is focused or hovered, legible at that scale.
NAME_FONT_SIZE = 30

_DATA_FILE = "chile_regiones.json"

Ring = list[tuple[float, float]]
Polygon = list[Ring]


@dataclass(frozen=True)
class MapPoint:
    """A center on the map."""

    id: str
    label: str
    lat: float
    lon: float
    href: str
    highlighted: bool = False
    name: str = ""  # the short name shown when the point is focused or hovered


@dataclass(frozen=True)
class _Projection:
    """Equirectangular: x = x0 + (lon - lon0) * kx, y = y0 + (lat0 - lat) * ky."""

    lon0: float
    lat0: float
    x0: float
    y0: float
    kx: float
    ky: float
    box: tuple[float, float, float, float]  # x_min, y_min, x_max, y_max to clamp to

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        return (self.x0 + (lon - self.lon0) * self.kx, self.y0 + (self.lat0 - lat) * self.ky)

    def clamped(self, lon: float, lat: float) -> tuple[float, float]:
        x, y = self(lon, lat)
        x_min, y_min, x_max, y_max = self.box
        return (min(max(x, x_min), x_max), min(max(y, y_min), y_max))


@dataclass(frozen=True)
class _Layout:
    mainland: _Projection
    inset: _Projection
    inset_frame: tuple[float, float, float, float]  # x, y, width, height
    region_paths: tuple[tuple[str, str, str], ...]  # (code, name, d)
    inset_path: str
    attribution: str


def _load_data() -> dict[str, Any]:
    text = (
        resources.files("generator.site").joinpath("data", _DATA_FILE).read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


def _bounds(polygons: Iterable[Polygon]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []
    for poly in polygons:
        for lon, lat in poly[0]:
            xs.append(lon)
            ys.append(lat)
    return min(xs), min(ys), max(xs), max(ys)


def _fmt(value: float) -> str:
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def _path(polygons: Iterable[Polygon], project: _Projection) -> str:
    parts: list[str] = []
    for poly in polygons:
        for ring in poly:
            coords: list[str] = []
            for lon, lat in ring:
                x, y = project(lon, lat)
                pair = f"{_fmt(x)},{_fmt(y)}"
                if not coords or coords[-1] != pair:
                    coords.append(pair)
            if len(coords) >= 3:
                parts.append("M" + " ".join(coords) + "Z")
    return "".join(parts)


Region = tuple[str, str, list[Polygon], list[Polygon]]  # code, name, mainland, island


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    data = _load_data()
    regions: list[Region] = []
    for region in data["regiones"]:
        polys: list[Polygon] = [
            [[(float(lon), float(lat)) for lon, lat in ring] for ring in poly]
            for poly in region["poligonos"]
        ]
        main = [p for p in polys if p[0][0][0] >= INSET_LON_LIMIT]
        island = [p for p in polys if p[0][0][0] < INSET_LON_LIMIT]
        regions.append((str(region["codigo"]), str(region["nombre"]), main, island))
    mainland = _mainland(regions)
    islands = [p for r in regions for p in r[3]]
    inset, frame_y = _inset(islands, mainland)
    credit = data.get("atribucion", {})
    attribution = str(credit.get("fuente", "")) if isinstance(credit, dict) else ""
    return _Layout(
        mainland=mainland,
        inset=inset,
        inset_frame=(INSET_X, frame_y, INSET_W, INSET_H),
        region_paths=tuple(
            (code, name, _path(main, mainland)) for code, name, main, _ in regions if main
        ),
        inset_path=_path(islands, inset),
        attribution=attribution,
    )


def _mainland(regions: list[Region]) -> _Projection:
    """Scaled to the full height; the width corrected by the mean latitude."""
    lon_min, lat_min, lon_max, lat_max = _bounds(p for r in regions for p in r[2])
    kx_factor = math.cos(math.radians((lat_min + lat_max) / 2))
    ky = (HEIGHT - 2 * MARGIN) / (lat_max - lat_min)
    kx = ky * kx_factor
    mainland_width = (lon_max - lon_min) * kx
    x0 = WIDTH - MARGIN - mainland_width
    return _Projection(
        lon0=lon_min,
        lat0=lat_max,
        x0=x0,
        y0=MARGIN,
        kx=kx,
        ky=ky,
        box=(x0, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN),
    )


def _inset(islands: list[Polygon], mainland: _Projection) -> tuple[_Projection, int]:
    """The inset's projection and the top of its frame: at the height of the island's
    latitude on the mainland map."""
    i_lon_min, i_lat_min, i_lon_max, i_lat_max = _bounds(islands)
    i_kx_factor = math.cos(math.radians((i_lat_min + i_lat_max) / 2))
    inner_w = INSET_W - 2 * INSET_PAD
    inner_h = INSET_H - 2 * INSET_PAD - INSET_LABEL_SPACE
    span_x = (i_lon_max - i_lon_min) * i_kx_factor
    span_y = i_lat_max - i_lat_min
    scale = min(inner_w / span_x, inner_h / span_y)
    center_y = mainland.y0 + (mainland.lat0 - (i_lat_min + i_lat_max) / 2) * mainland.ky
    frame_y = round(center_y - (INSET_H - INSET_LABEL_SPACE) / 2)
    inner_x = INSET_X + INSET_PAD + (inner_w - span_x * scale) / 2
    inner_y = frame_y + INSET_PAD + (inner_h - span_y * scale) / 2
    inset = _Projection(
        lon0=i_lon_min,
        lat0=i_lat_max,
        x0=inner_x,
        y0=inner_y,
        kx=scale * i_kx_factor,
        ky=scale,
        box=(
            INSET_X + INSET_PAD / 2,
            frame_y + INSET_PAD / 2,
            INSET_X + INSET_W - INSET_PAD / 2,
            frame_y + INSET_H - INSET_LABEL_SPACE,
        ),
    )
    return inset, frame_y


def _attr(value: str) -> str:
    return escape(value, quote=True)


def _point_xy(layout: _Layout, point: MapPoint) -> tuple[float, float]:
    if point.lon < INSET_LON_LIMIT:
        return layout.inset.clamped(point.lon, point.lat)
    return layout.mainland.clamped(point.lon, point.lat)


def render_map(
    points: Sequence[MapPoint], *, title: str = "Mapa de los centros", id_prefix: str = "mapa"
) -> str:
    """An inline ``<svg>`` of Chile by regions with one link per center.

    The ``<svg>`` has no ``role="img"`` on purpose: that role makes its children
    presentational and screen readers would not announce the links. It keeps its implicit
    role (``graphics-document``), named by ``aria-labelledby`` after its ``<title>``; the
    background (regions, inset) is ``aria-hidden="true"``.

    Each center is a focusable ``<a href>`` with an accessible name (``aria-label`` and
    ``<title>``). The highlighted center is drawn larger, with the class
    ``mapa-centro--destacado``, and last (above the others). ``id_prefix`` keeps ids unique
    should a page hold more than one map.
    """
    layout = _layout()
    title_id = f"{id_prefix}-titulo"
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="mapa-chile" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'aria-labelledby="{_attr(title_id)}" '
        f'font-family="system-ui, sans-serif">',
        f'<title id="{_attr(title_id)}">{_attr(title)}</title>',
        _background(layout),
    ]
    ordered = [p for p in points if not p.highlighted] + [p for p in points if p.highlighted]
    out.append('<g class="mapa-centros">')
    out += [_center_link(layout, point) for point in ordered]
    out.append("</g>")
    if layout.attribution:
        out.append(
            f'<text class="mapa-atribucion" x="{_fmt(MARGIN / 2)}" y="{_fmt(HEIGHT - MARGIN / 2)}" '
            f'font-size="8" fill="#5b6770" aria-hidden="true">Límites: DPA 2023, IDE Chile'
            "</text>"
        )
    out.append("</svg>")
    return "".join(out)


def _background(layout: _Layout) -> str:
    """The regions and the inset: decoration, hidden from screen readers."""
    out = [
        '<g class="mapa-fondo" aria-hidden="true">',
        '<g class="mapa-regiones" fill="#dfe8e1" stroke="#ffffff" stroke-width="0.8" '
        'stroke-linejoin="round" fill-rule="evenodd">',
    ]
    for code, _name, d in layout.region_paths:
        out.append(f'<path class="mapa-region mapa-region-{_attr(code)}" d="{d}"/>')
    out.append("</g>")
    fx, fy, fw, fh = layout.inset_frame
    out.append(
        f'<g class="mapa-recuadro"><rect class="mapa-recuadro-marco" x="{_fmt(fx)}" '
        f'y="{_fmt(fy)}" width="{_fmt(fw)}" height="{_fmt(fh)}" rx="4" fill="#f4f8fb" '
        f'stroke="#8a9aa6" stroke-width="1"/>'
        f'<path class="mapa-region mapa-region-isla" d="{layout.inset_path}" fill="#dfe8e1" '
        f'stroke="#8a9aa6" stroke-width="0.6" stroke-linejoin="round"/>'
        f'<text class="mapa-recuadro-etiqueta" x="{_fmt(fx + fw / 2)}" '
        f'y="{_fmt(fy + fh - 8)}" text-anchor="middle" font-size="10" '
        f'fill="#3d4a54">{_attr(INSET_LABEL)}</text></g>'
    )
    out.append("</g>")
    return "".join(out)


def _center_link(layout: _Layout, point: MapPoint) -> str:
    x, y = _point_xy(layout, point)
    cx, cy = _fmt(x), _fmt(y)
    if point.highlighted:
        css = "mapa-centro mapa-centro--destacado"
        radius, fill, stroke_width = POINT_RADIUS_HIGHLIGHTED, "#c8102e", "2.5"
    else:
        css = "mapa-centro"
        radius, fill, stroke_width = POINT_RADIUS, "#0b4f8a", "1.5"
    label = _attr(point.label)
    # Toward the sea (left) on the mainland; to the right in the inset.
    toward_sea = x > WIDTH / 2
    name_x = _fmt(x - radius - 4 if toward_sea else x + radius + 4)
    anchor = "end" if toward_sea else "start"
    return (
        f'<a class="{css}" href="{_attr(point.href)}" aria-label="{label}">'
        f"<title>{label}</title>"
        f'<circle class="mapa-centro-zona" cx="{cx}" cy="{cy}" r="{POINT_HIT_RADIUS}" '
        f'fill="#ffffff" fill-opacity="0"/>'
        f'<circle class="mapa-centro-punto" cx="{cx}" cy="{cy}" r="{radius}" '
        f'fill="{fill}" stroke="#ffffff" stroke-width="{stroke_width}"/>'
        f'<text class="mapa-centro-nombre" x="{name_x}" y="{_fmt(y + NAME_FONT_SIZE / 3)}" '
        f'text-anchor="{anchor}" font-size="{NAME_FONT_SIZE}" font-weight="700" '
        f'fill="#000000" stroke="#ffffff" stroke-width="6" aria-hidden="true">'
        f"{_attr(point.name or point.label)}</text>"
        "</a>"
    )
