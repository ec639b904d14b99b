#!/usr/bin/env python3
"""Prints what a screenshot holds, as JSON, so a test can tell a rendered page from a blank
or broken one: {"width", "height", "nonWhite": share of pixels that are not near-white,
"colours": distinct colours (quantised to 4 bits a channel), "rowsWithInk": share of rows
with any non-white pixel, "saturated": share of clearly coloured pixels (charts; text is
grey)}.

Pure Python (zlib only): reads 8-bit RGB or RGBA PNGs, as Chromium writes them.
Usage: python3 scripts/png-stats.py FILE.png
"""
import json
import struct
import sys
import zlib


def pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    offset, chunks, header = 8, [], None
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset : offset + 8])
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        offset += 12 + length
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in (2, 6) or interlace:
        raise SystemExit(f"{path}: only 8-bit RGB/RGBA, not interlaced")
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    previous = bytearray(stride)
    rows = []
    position = 0
    for _ in range(height):
        kind = raw[position]
        line = bytearray(raw[position + 1 : position + 1 + stride])
        position += 1 + stride
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            upper_left = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - upper_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upper_left)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upper_left)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, step, rows


def main():
    width, height, step, rows = pixels(sys.argv[1])
    non_white = 0
    saturated = 0
    colours = set()
    rows_with_ink = 0
    for line in rows:
        ink = False
        for x in range(0, width * step, step):
            r, g, b = line[x], line[x + 1], line[x + 2]
            colours.add((r >> 4, g >> 4, b >> 4))
            if r < 235 or g < 235 or b < 235:
                non_white += 1
                ink = True
            if max(r, g, b) - min(r, g, b) > 60:
                saturated += 1
        rows_with_ink += ink
    print(json.dumps({
        "width": width, "height": height, "nonWhite": non_white / (width * height),
        "colours": len(colours), "rowsWithInk": rows_with_ink / height, "saturated": saturated / (width * height),
    }))


if __name__ == "__main__":
    main()
