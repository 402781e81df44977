#!/usr/bin/env python3
"""Regenerates the width table in Sources/PaddockCore/Text/TextWidth.swift.

The table lists the scalars whose width is not 1: glibc's wcwidth (what
ncurses and tmux use on our hosts) for every scalar it knows (its 0 and 2
answers), plus the choices TextWidth documents:
  - 0: U+00AD (soft hyphen), U+2060-U+2065, U+FEFF, U+180E (invisible);
  - 2: whole blocks reserved for wide characters, so characters newer than
    glibc come out wide: U+3400-U+4DBF, U+4E00-U+9FFF, U+F900-U+FAFF,
    U+1F6DC, U+1FA70-U+1FAFF, U+20000-U+2FFFD, U+30000-U+3FFFD (a scalar
    glibc says is 0 inside them stays 0).
Adjacent scalars of the same width are merged into ranges.

Run it with the glibc the table should follow (the current table: glibc 2.36,
Debian 12), from the package root:

    scripts/generate-width-table.py              # print the Swift table
    scripts/generate-width-table.py --check      # exit 1 if TextWidth.swift differs
    scripts/generate-width-table.py --write      # replace the table in TextWidth.swift
"""
import ctypes
import ctypes.util
import locale
import re
import sys

SWIFT = "Sources/PaddockCore/Text/TextWidth.swift"
ZERO = [(0x00AD, 0x00AD), (0x2060, 0x2065), (0xFEFF, 0xFEFF), (0x180E, 0x180E)]
WIDE = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x1F6DC, 0x1F6DC),
        (0x1FA70, 0x1FAFF), (0x20000, 0x2FFFD), (0x30000, 0x3FFFD)]


def widths():
    """The width of every scalar from U+00A0 that is not 1 (0 or 2)."""
    locale.setlocale(locale.LC_CTYPE, "C.UTF-8")
    libc = ctypes.CDLL(ctypes.util.find_library("c"))
    libc.wcwidth.argtypes = [ctypes.c_int32]
    libc.wcwidth.restype = ctypes.c_int
    result = {}
    for v in range(0xA0, 0x110000):
        if 0xD800 <= v <= 0xDFFF:
            continue
        w = libc.wcwidth(v)
        if w in (0, 2):
            result[v] = w
    for lo, hi in WIDE:
        for v in range(lo, hi + 1):
            if result.get(v) != 0:
                result[v] = 2
    for lo, hi in ZERO:
        for v in range(lo, hi + 1):
            result[v] = 0
    return result


def ranges(result):
    out = []
    for v in sorted(result):
        w = result[v]
        if out and out[-1][1] == v - 1 and out[-1][2] == w:
            out[-1][1] = v
        else:
            out.append([v, v, w])
    return out


def swift_table(entries):
    cells = ["(0x%05X, 0x%05X, %d)" % tuple(e) for e in entries]
    lines = []
    for i in range(0, len(cells), 4):
        lines.append("        " + ", ".join(cells[i:i + 4]) + ",")
    return "\n".join(lines) + "\n"


TABLE = re.compile(r"(    static let table: \[\(lo: UInt32, hi: UInt32, width: UInt8\)\] = \[\n)(.*?)(    \]\n)", re.S)


def main():
    table = swift_table(ranges(widths()))
    if len(sys.argv) == 1:
        sys.stdout.write(table)
        return 0
    source = open(SWIFT, encoding="utf-8").read()
    match = TABLE.search(source)
    if not match:
        print("no table found in " + SWIFT, file=sys.stderr)
        return 2
    if sys.argv[1] == "--check":
        if match.group(2) == table:
            print("the table in %s is what this glibc gives" % SWIFT)
            return 0
        print("the table in %s differs from this glibc's (run with --write to replace it)" % SWIFT, file=sys.stderr)
        return 1
    if sys.argv[1] == "--write":
        open(SWIFT, "w", encoding="utf-8").write(source[:match.start(2)] + table + source[match.end(2):])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
