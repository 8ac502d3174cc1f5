"""A tiny PNG writer (zlib and struct only) and the simple diagram `kplan init` puts in its example figure."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

Colour = tuple[int, int, int]

WHITE: Colour = (255, 255, 255)
INK: Colour = (38, 70, 120)
FILL: Colour = (222, 234, 248)


class Canvas:
    """An RGB raster to draw boxes and arrows on, then encode as PNG."""

    def __init__(self, width: int, height: int, background: Colour = WHITE) -> None:
        self.width = width
        self.height = height
        self.rows = [bytearray(bytes(background) * width) for _ in range(height)]

    def pixel(self, x: int, y: int, colour: Colour) -> None:
        if 0 <= x < self.width and 0 <= y < self.height:
            self.rows[y][3 * x : 3 * x + 3] = bytes(colour)

    def rect(self, x0: int, y0: int, x1: int, y1: int, colour: Colour) -> None:
        """Fill the rectangle [x0, x1) × [y0, y1)."""
        x0, x1 = max(0, x0), min(self.width, x1)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][3 * x0 : 3 * x1] = bytes(colour) * max(0, x1 - x0)

    def box(self, x0: int, y0: int, x1: int, y1: int, border: int = 3) -> None:
        """A filled box with a border."""
        self.rect(x0, y0, x1, y1, INK)
        self.rect(x0 + border, y0 + border, x1 - border, y1 - border, FILL)

    def arrow(self, x0: int, x1: int, y: int, thickness: int = 4, head: int = 10) -> None:
        """A horizontal arrow from x0 to x1 (pointing right) centred on y."""
        self.rect(x0, y - thickness // 2, x1 - head, y + (thickness + 1) // 2, INK)
        for step in range(head):
            half = head - step
            self.rect(x1 - head + step, y - half, x1 - head + step + 1, y + half, INK)

    def png(self) -> bytes:
        return encode_png(self.width, self.height, self.rows)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def encode_png(width: int, height: int, rows: Sequence[bytes | bytearray]) -> bytes:
    """An 8-bit RGB PNG of `rows` (each 3 × width bytes), no filtering."""
    raw = b"".join(b"\x00" + bytes(row) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
    )


def boxes_diagram(count: int = 3, width: int = 480, height: int = 160) -> bytes:
    """`count` boxes in a row joined by arrows: a placeholder diagram for an example figure."""
    canvas = Canvas(width, height)
    margin, gap = 16, 48
    box_width = (width - 2 * margin - (count - 1) * gap) // count
    top, bottom = height // 4, height - height // 4
    for index in range(count):
        x0 = margin + index * (box_width + gap)
        canvas.box(x0, top, x0 + box_width, bottom)
        if index:
            canvas.arrow(x0 - gap + 6, x0 - 6, height // 2)
    return canvas.png()
