"""Draw the site's icon: three centers joined in a network, white on the site's indigo.

Writes generator/site/theme/assets/images/favicon.png (32 px, where both engines' themes keep
their icon: the theme folder of the project overrides theirs) and
generator/site/assets/favicon.ico (16 and 32 px, for /favicon.ico). Pure Python: each pixel is
the share of 8 x 8 samples that fall inside each shape.

    python tools/build_favicon.py
"""

from __future__ import annotations

import math
import struct
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PNG_PATH = ROOT / "generator" / "site" / "theme" / "assets" / "images" / "favicon.png"
ICO_PATH = ROOT / "generator" / "site" / "assets" / "favicon.ico"
INDIGO = (63, 81, 181)  # Material's indigo, the site's header (mkdocs.yml: primary indigo)
SAMPLES = 8
# In a 32-unit square: the three centers and the lines that join them.
NODES = ((9.0, 10.0), (23.0, 10.0), (16.0, 23.0))
NODE_RADIUS = 4.2
LINE_WIDTH = 2.6
CORNER = 6.0


def in_rounded_square(x: float, y: float) -> bool:
    cx = min(max(x, CORNER), 32 - CORNER)
    cy = min(max(y, CORNER), 32 - CORNER)
    return (x - cx) ** 2 + (y - cy) ** 2 <= CORNER**2 and 0 <= x <= 32 and 0 <= y <= 32


def near_segment(x: float, y: float, a: tuple[float, float], b: tuple[float, float]) -> bool:
    (ax, ay), (bx, by) = a, b
    length = (bx - ax) ** 2 + (by - ay) ** 2
    t = max(0.0, min(1.0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / length))
    return math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)) <= LINE_WIDTH / 2


def in_network(x: float, y: float) -> bool:
    if any(math.hypot(x - nx, y - ny) <= NODE_RADIUS for nx, ny in NODES):
        return True
    pairs = ((NODES[0], NODES[1]), (NODES[1], NODES[2]), (NODES[2], NODES[0]))
    return any(near_segment(x, y, a, b) for a, b in pairs)


def pixels(size: int) -> bytes:
    """RGBA rows of the icon at `size` pixels."""
    out = bytearray()
    scale = 32 / size
    for row in range(size):
        for column in range(size):
            square = white = 0
            for i in range(SAMPLES):
                for j in range(SAMPLES):
                    x = (column + (j + 0.5) / SAMPLES) * scale
                    y = (row + (i + 0.5) / SAMPLES) * scale
                    if in_rounded_square(x, y):
                        square += 1
                        white += in_network(x, y)
            total = SAMPLES * SAMPLES
            share = white / square if square else 0.0
            color = [round(c + (255 - c) * share) for c in INDIGO]
            out += bytes([*color, round(255 * square / total)])
    return bytes(out)


def png(size: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    data = pixels(size)
    rows = b"".join(b"\0" + data[r * size * 4 : (r + 1) * size * 4] for r in range(size))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows, 9))
        + chunk(b"IEND", b"")
    )


def ico(images: dict[int, bytes]) -> bytes:
    """An ICO file holding PNG images (every browser since 2007 reads them)."""
    head = struct.pack("<HHH", 0, 1, len(images))
    offset = len(head) + 16 * len(images)
    entries, bodies = b"", b""
    for size, data in images.items():
        entries += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        bodies += data
    return head + entries + bodies


def main() -> None:
    PNG_PATH.parent.mkdir(parents=True, exist_ok=True)
    PNG_PATH.write_bytes(png(32))
    ICO_PATH.write_bytes(ico({16: png(16), 32: png(32)}))
    print(f"{PNG_PATH.relative_to(ROOT)}, {ICO_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
