#!/usr/bin/env bash
# Cold start: builds the harness three ways (JIT, ReadyToRun, NativeAOT) and runs each in fresh processes,
# printing one table of medians over the processes. The composite ReadyToRun images, one for AVX2 processors
# (x86-64-v3) and one for this one (native), also run with DOTNET_EnableAVX512=0: what a player without AVX-512 sees.
# Usage: samples/NetGen.ColdStart/run.sh [processes]
set -euo pipefail
cd "$(dirname "$0")"
processes=${1:-11}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
out=bin/coldstart

dotnet publish -c Release -r "$rid" --self-contained false -o "$out/jit" -v q -nologo
# The SDK keeps crossgen2's output in obj/…/R2R and reuses it when only crossgen2's arguments change: each ReadyToRun
# build starts without it, or the native image would be a copy of the one before.
r2r_intermediate="obj/Release/net10.0/$rid/R2R"
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained false -p:ColdStartBuild=r2r -o "$out/r2r" -v q -nologo
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite -o "$out/r2r-composite" -v q -nologo
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite-native -o "$out/r2r-composite-native" -v q -nologo
aot=1
dotnet publish -c Release -r "$rid" -p:ColdStartBuild=aot -o "$out/aot" -v q -nologo || aot=0

"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT (tiered)" -- "$out/jit/NetGen.ColdStart"
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilation=0" --env DOTNET_TieredCompilation=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilationQuickJit=false" --env DOTNET_TC_QuickJit=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, per assembly" -- "$out/r2r/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite, self-contained" -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite, self-contained, QuickJit=false" --env DOTNET_TC_QuickJit=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v3, AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite native (AVX-512)" -- "$out/r2r-composite-native/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite native (AVX-512), AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite-native/NetGen.ColdStart" | tail -n 2
if [ "$aot" -eq 1 ]; then
    "$out/jit/NetGen.ColdStart" --processes "$processes" --label "NativeAOT" -- "$out/aot/NetGen.ColdStart" | tail -n 2
else
    echo "NativeAOT: the publish failed on this machine (see above)."
fi
