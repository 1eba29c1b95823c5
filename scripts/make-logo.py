#!/usr/bin/env python3
"""Draws layouts/logo-snt.png, the neutral emblem the bundled layouts put in
their running header: a ring with three dots (the three orders of
government) in the layouts' accent colour. It stands in for the
institution's own logo, which a secretariat sets in its layout file
(<imagen src="..."/>). Pure Python (zlib), so it needs nothing installed:
    python3 scripts/make-logo.py layouts/logo-snt.png
"""
import math
import struct
import sys
import zlib

SIZE = 240
COLOR = (0x5B, 0x2C, 0x6F)


def coverage(x, y):
    """Anti-aliased coverage of pixel (x, y) by the emblem, 0..1."""
    hits = 0
    for sx in range(4):
        for sy in range(4):
            px = x + (sx + 0.5) / 4 - SIZE / 2
            py = y + (sy + 0.5) / 4 - SIZE / 2
            r = math.hypot(px, py)
            inside = 0.40 * SIZE <= r <= 0.48 * SIZE
            for k in range(3):
                a = math.pi / 2 + k * 2 * math.pi / 3
                cx, cy = 0.2 * SIZE * math.cos(a), -0.2 * SIZE * math.sin(a)
                if math.hypot(px - cx, py - cy) <= 0.11 * SIZE:
                    inside = True
            hits += inside
    return hits / 16


def main(path):
    rows = []
    for y in range(SIZE):
        row = bytearray([0])  # filter: none
        for x in range(SIZE):
            a = coverage(x, y)
            row += bytes(COLOR) + bytes([round(a * 255)])
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", raw)
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "layouts/logo-snt.png")
