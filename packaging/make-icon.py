#!/usr/bin/env python3
"""Draws Tollgate's icon (a toll gate: two posts and a raised barrier on a blue tile), no dependencies.

Run: python3 packaging/make-icon.py   -> packaging/icons/tollgate-<size>.png (Linux, the app's window icon),
                                         tollgate.ico (Windows installer) and tollgate.icns (macOS bundle)
Both containers hold PNGs as they are: Windows Vista+ and macOS 10.7+ read PNG entries, so no image tool is needed.
"""
import math
import os
import struct
import zlib

BLUE = (9, 105, 218)
WHITE = (255, 255, 255)
AMBER = (240, 180, 41)


def inside_rounded(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def in_rect(x, y, x0, y0, x1, y1):
    return x0 <= x <= x1 and y0 <= y <= y1


def in_bar(x, y, size):
    # the barrier: a thick line from the left post rising to the upper right
    ax, ay = 0.30 * size, 0.58 * size
    bx, by = 0.86 * size, 0.26 * size
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    px, py = ax + t * dx, ay + t * dy
    return math.hypot(x - px, y - py) <= 0.055 * size, t


def pixel(x, y, size):
    if not inside_rounded(x, y, size, 0.2 * size):
        return (0, 0, 0, 0)
    on_bar, t = in_bar(x, y, size)
    if on_bar:
        stripe = int(t * 6) % 2 == 0
        return (*(WHITE if stripe else AMBER), 255)
    if in_rect(x, y, 0.22 * size, 0.50 * size, 0.32 * size, 0.82 * size):
        return (*WHITE, 255)
    if in_rect(x, y, 0.14 * size, 0.80 * size, 0.86 * size, 0.86 * size):
        return (*WHITE, 255)
    return (*BLUE, 255)


def png(size):
    rows = []
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            row.extend(pixel(x + 0.5, y + 0.5, size))
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def ico(pngs):
    """A .ico whose entries are PNGs: ICONDIR, one ICONDIRENTRY per size (0 means 256), then the images."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, images = b"", b""
    for size, data in pngs:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset + len(images))
        images += data
    return header + entries + images


# Apple's PNG-capable icon types: (OSType, pixels); the @2x types reuse a larger rendering
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
              (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512), (b"ic10", 1024))


def icns(rendered):
    body = b"".join(kind + struct.pack(">I", 8 + len(rendered[size])) + rendered[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icons")
    os.makedirs(out, exist_ok=True)
    rendered = {size: png(size) for size in (16, 32, 48, 64, 128, 256, 512, 1024)}
    for size in (32, 64, 128, 256, 512):
        write(os.path.join(out, "tollgate-%d.png" % size), rendered[size])
    write(os.path.join(out, "tollgate.ico"), ico([(size, rendered[size]) for size in (16, 32, 48, 64, 128, 256)]))
    write(os.path.join(out, "tollgate.icns"), icns(rendered))
