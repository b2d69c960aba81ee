#!/usr/bin/env python3
"""The performance issue's targets from `--cputime` outputs, one column per run:

    python3 targets.py run-1.txt run-2.txt run-3.txt

Cycles come from each run's own FMA peak (32 FLOPs a cycle: two FMA pipes of 8 lanes on either width here)."""
import re
import sys

UNITS = {"ns": 1.0, "µs": 1e3, "ms": 1e6, "s": 1e9}


def nanoseconds(text):
    value, unit = text.split()
    return float(value.replace(",", "")) * UNITS[unit]


def table_rows(line):
    if not line.startswith("| ") or line.startswith("| ---"):
        return None
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return None if cells[0] in ("cell", "probe") else cells


def parse(path):
    peaks, best, peers, section = {}, {}, {}, None
    for line in open(path, encoding="utf-8"):
        if line.startswith("### "):
            section = line[4:].strip()
            continue
        cells = table_rows(line)
        if cells is None:
            continue
        if section.startswith("Limits"):
            rate = re.match(r"([\d.,]+) GFLOP/s$", cells[1])
            if rate:
                peaks[cells[0]] = float(rate.group(1).replace(",", ""))
        elif section == "NetGen and the best other peer":
            share = re.match(r"(\d+) %", cells[4])
            best[cells[0]] = dict(netgen=nanoseconds(cells[1]), peer=cells[2].rsplit(" ", 2)[0],
                                  ratio=float(cells[3].rstrip("×")), share=int(share.group(1)) if share else None)
        elif section == "Every peer":
            peers.setdefault(cells[0], {})[cells[1]] = nanoseconds(cells[2])
    fma = peaks.get("FMA peak, Vector512") or peaks["FMA peak, Vector256"]
    return dict(fma=fma, ghz=fma / 32, best=best, peers=peers)


def starting(table, prefix):
    return next(value for key, value in table.items() if key.startswith(prefix))


def closest_engine(run):
    others = {key: value for key, value in run["best"].items() if not value["peer"].startswith("NetGen")}
    key = min(others, key=lambda k: others[k]["ratio"])
    network, shape = key.split(" ")[0], key.split(", ")[1]
    return others[key]["ratio"], f"{network} {shape}"


def against_own_rows(run):
    ratios = [value["ratio"] for value in run["best"].values() if value["peer"].startswith("NetGen")]
    return min(ratios, default=float("inf"))


runs = [parse(path) for path in sys.argv[1:]]
targets = []


def target(name, values, met, show):
    count = sum(1 for value in values if met(value))
    targets.append((name, " / ".join(show(value) for value in values), f"{count} of {len(values)}"))


target("ahead of every other engine (the closest cell)", [closest_engine(r) for r in runs],
       lambda v: v[0] > 1, lambda v: f"{v[0]:.2f}× ({v[1]})")
target("ForwardBatch against NetGen's own 64 × Forward", [against_own_rows(r) for r in runs],
       lambda v: v >= 1, lambda v: f"{v:.2f}×")
for name, cell, limit in [
        ("N3 batch-1 forward ≥ 90 % of the L2 floor", "N3 784-128-10 forward, batch 1", 90),
        ("N4 batch-1 forward ≥ 90 % of the L3 floor", "N4 256-512-512-256 forward, batch 1", 90),
        ("N3 batch-32 step ≥ 80 % of the FMA peak", "N3 784-128-10 SGD step, batch 32", 80),
        ("N4 batch-32 step ≥ 80 % of the FMA peak", "N4 256-512-512-256 SGD step, batch 32", 80),
        ("N3 batch-64 forward ≥ 92 % of the FMA peak", "N3 784-128-10 forward, batch 64", 92),
        ("N4 batch-64 forward ≥ 92 % of the FMA peak", "N4 256-512-512-256 forward, batch 64", 92)]:
    target(name, [starting(r["best"], cell)["share"] for r in runs], lambda v, l=limit: v >= l, lambda v: f"{v} %")
for name, cell in [("N1 batch-64 forward ≥ 3× ONNX Runtime", "N1 4-16-16-2 forward, batch 64"),
                   ("N2 batch-64 forward ≥ 3× ONNX Runtime", "N2 32-64-64-8 forward, batch 64")]:
    ratios = [starting(r["peers"], cell)["ONNX Runtime"] / starting(r["peers"], cell)["NetGen"] for r in runs]
    target(name, ratios, lambda v: v >= 3, lambda v: f"{v:.2f}×")
for name, cell, limit in [("N2 `Forward` ≤ 900 cycles", "N2 32-64-64-8 forward, batch 1", 900),
                          ("N1 batch-1 SGD step ≤ 440 cycles", "N1 4-16-16-2 SGD step, batch 1", 440),
                          ("N1 `Forward` ≤ 110 cycles", "N1 4-16-16-2 forward, batch 1", 110),
                          ("D16 `Forward` ≤ 28 cycles", "D16 16-16 forward, batch 1", 28)]:
    cycles = [starting(r["best"], cell)["netgen"] * r["ghz"] for r in runs]
    target(name, cycles, lambda v, l=limit: v <= l, lambda v: f"{v:.0f}")

print("FMA peak per run: " + " / ".join(f"{r['fma']:.1f} GFLOP/s ({r['ghz']:.2f} GHz)" for r in runs))
print()
print("| target | runs | met in |\n| --- | --- | ---: |")
for name, values, met in targets:
    print(f"| {name} | {values} | {met} |")
