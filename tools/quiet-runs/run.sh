#!/bin/bash
# The quiet runs behind the README's performance tables, at the checkout's commit:
#   tools/quiet-runs/run.sh OUTPUT_FOLDER
# three `--cputime 40`, `--verify`, three `--scaling 15`, then the targets and per-cell tables (targets.py, tables.py).
set -euo pipefail
out=$(realpath -m "$1"); mkdir -p "$out"
here=$(dirname "$(realpath "$0")")
cd "$here/../.."
export UseSharedCompilation=false MSBUILDDISABLENODEREUSE=1
label=$(git rev-parse --short HEAD)
dotnet build -c Release samples/NetGen.Benchmarks -m:1 | tail -3
dll=samples/NetGen.Benchmarks/bin/Release/net10.0/linux-x64/NetGen.Benchmarks.dll
for i in 1 2 3; do
    { date -u +%H:%M; uptime; } >> "$out/load.txt"
    dotnet "$dll" --cputime 40 > "$out/run-$i.txt" 2>&1
done
dotnet "$dll" --verify > "$out/verify.txt" 2>&1
for i in 1 2 3; do dotnet "$dll" --scaling 15 > "$out/scaling-$i.txt" 2>&1; done
uptime >> "$out/load.txt"
python3 "$here/targets.py" "$out"/run-*.txt | tee "$out/targets.md"
python3 "$here/tables.py" "$label" "$out"/run-*.txt > "$out/table.md"
