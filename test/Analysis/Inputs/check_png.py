"""Decodes a PNG file with the standard library alone (chunk CRCs, zlib,
scanline filters), checks its width against argv[2] when given, and prints
its size and whether more than 1% of its pixels are not white, for
FileCheck."""
import struct
import sys
import zlib

data = open(sys.argv[1], "rb").read()
if data[:8] != b"\x89PNG\r\n\x1a\n":
    sys.exit("not a PNG signature")
pos, chunks = 8, []
while pos < len(data):
    (length,) = struct.unpack(">I", data[pos:pos + 4])
    kind = data[pos + 4:pos + 8]
    body = data[pos + 8:pos + 8 + length]
    (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
    if zlib.crc32(kind + body) != crc:
        sys.exit(f"bad CRC in chunk {kind!r}")
    chunks.append((kind, body))
    pos += 12 + length
if chunks[0][0] != b"IHDR" or chunks[-1][0] != b"IEND":
    sys.exit("IHDR or IEND missing")
width, height, depth, color, _, _, interlace = struct.unpack(
    ">IIBBBBB", chunks[0][1])
channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(color)
if depth != 8 or channels is None or interlace != 0:
    sys.exit(f"unexpected format: depth {depth}, color {color}")
raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
stride = width * channels
if len(raw) != height * (stride + 1):
    sys.exit("the image data has the wrong length")

previous = bytearray(stride)
not_white = 0
for row in range(height):
    kind = raw[row * (stride + 1)]
    line = bytearray(raw[row * (stride + 1) + 1:(row + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - channels] if i >= channels else 0
        b = previous[i]
        c = previous[i - channels] if i >= channels else 0
        if kind == 1:
            line[i] = (line[i] + a) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + b) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (a + b) // 2) & 0xFF
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            predictor = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + predictor) & 0xFF
        elif kind != 0:
            sys.exit(f"unknown filter {kind} in row {row}")
    for x in range(width):
        pixel = line[x * channels:(x + 1) * channels]
        color_part = pixel[:3] if channels >= 3 else pixel[:1]
        if any(v < 250 for v in color_part):
            not_white += 1
    previous = line
if len(sys.argv) > 2 and width != int(sys.argv[2]):
    sys.exit(f"the image is {width} pixels wide, not {sys.argv[2]}")
print(f"png: {width} x {height}, {channels} channels")
print("drawn:", "yes" if not_white > width * height // 100 else "no")
