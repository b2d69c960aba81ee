#!/usr/bin/env bash
# Cold start: builds the harness three ways (JIT, ReadyToRun, NativeAOT) and runs each in fresh processes,
# printing one table of medians over the processes. The composite ReadyToRun images, one for AVX2 and one for AVX-512
# processors, also run with DOTNET_EnableAVX512=0: what a player without AVX-512 would see.
# Usage: samples/NetGen.ColdStart/run.sh [processes]
set -euo pipefail
cd "$(dirname "$0")"
processes=${1:-11}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
out=bin/coldstart

dotnet publish -c Release -r "$rid" --self-contained false -o "$out/jit" -v q -nologo
dotnet publish -c Release -r "$rid" --self-contained false -p:ColdStartBuild=r2r -o "$out/r2r" -v q -nologo
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite -o "$out/r2r-composite" -v q -nologo
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite-avx512 -o "$out/r2r-composite-avx512" -v q -nologo
aot=1
dotnet publish -c Release -r "$rid" -p:ColdStartBuild=aot -o "$out/aot" -v q -nologo || aot=0

"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT (tiered)" -- "$out/jit/NetGen.ColdStart"
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilation=0" --env DOTNET_TieredCompilation=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilationQuickJit=false" --env DOTNET_TC_QuickJit=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, per assembly" -- "$out/r2r/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite, self-contained" -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite, self-contained, QuickJit=false" --env DOTNET_TC_QuickJit=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v3, AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite AVX-512 image" -- "$out/r2r-composite-avx512/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite AVX-512 image, AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite-avx512/NetGen.ColdStart" | tail -n 2
if [ "$aot" -eq 1 ]; then
    "$out/jit/NetGen.ColdStart" --processes "$processes" --label "NativeAOT" -- "$out/aot/NetGen.ColdStart" | tail -n 2
else
    echo "NativeAOT: the publish failed on this machine (see above)."
fi
