#!/usr/bin/env python3
"""A row per cell across `--cputime` outputs: NetGen's median (its ratio to the best other peer, its share of the
cell's limit), run by run:

    python3 tables.py LABEL run-1.txt run-2.txt run-3.txt"""
import sys

SHARES = {" of the FMA peak": " FMA", " of the L2 floor": " L2", " of the L3 floor": " L3"}


def short(share):
    for long, abbreviation in SHARES.items():
        share = share.replace(long, abbreviation)
    return share


label, paths = sys.argv[1], sys.argv[2:]
rows = {}
for path in paths:
    section = None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            section = line[4:].strip()
        elif section == "NetGen and the best other peer" and line.startswith("| ") and not line.startswith(("| ---", "| cell")):
            cell, netgen, _, ratio, share = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.setdefault(cell, []).append(f"{netgen} ({ratio}, {short(share)})")
print(f"| cell | {label} |\n| --- | --- |")
for cell, values in rows.items():
    print(f"| {cell} | {' / '.join(values)} |")
