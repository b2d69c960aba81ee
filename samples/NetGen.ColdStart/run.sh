#!/usr/bin/env bash
# Cold start: builds the harness three ways (JIT, ReadyToRun, NativeAOT) and runs each in fresh processes,
# printing one table of medians over the processes. The composite ReadyToRun images, one for AVX2 processors
# (x86-64-v3) and one for AVX-512 ones (x86-64-v4 without avx10v2), also run with DOTNET_EnableAVX512=0: what a
# player without AVX-512 sees. Labels name the processor's AVX-512 support as /proc/cpuinfo reports it.
# Usage: samples/NetGen.ColdStart/run.sh [processes]
set -euo pipefail
cd "$(dirname "$0")"
processes=${1:-11}
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
out=bin/coldstart
if grep -q -w avx512f /proc/cpuinfo; then cpu="this AVX-512 processor"; else cpu="this processor, no AVX-512"; fi

dotnet publish -c Release -r "$rid" --self-contained false -o "$out/jit" -v q -nologo
# The SDK keeps crossgen2's output in obj/…/R2R and reuses it when only crossgen2's arguments change: each ReadyToRun
# build starts without it, or the native image would be a copy of the one before.
r2r_intermediate="obj/Release/net10.0/$rid/R2R"
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained false -p:ColdStartBuild=r2r -o "$out/r2r" -v q -nologo
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite -o "$out/r2r-composite" -v q -nologo
rm -rf "$r2r_intermediate"
dotnet publish -c Release -r "$rid" --self-contained true -p:ColdStartBuild=r2r-composite-v4 -o "$out/r2r-composite-v4" -v q -nologo
aot=1
# ILC's output (obj/…/native) is likewise cleared, so the second NativeAOT build is not the first one's copy.
rm -rf "obj/Release/net10.0/$rid/native"
dotnet publish -c Release -r "$rid" -p:ColdStartBuild=aot -o "$out/aot" -v q -nologo || aot=0
rm -rf "obj/Release/net10.0/$rid/native"
dotnet publish -c Release -r "$rid" -p:ColdStartBuild=aot-v3 -o "$out/aot-v3" -v q -nologo || aot=0

"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT (tiered)" -- "$out/jit/NetGen.ColdStart"
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilation=0" --env DOTNET_TieredCompilation=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "JIT, TieredCompilationQuickJit=false" --env DOTNET_TC_QuickJit=0 -- "$out/jit/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, per assembly" -- "$out/r2r/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v3, self-contained, on $cpu" -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v3, self-contained, QuickJit=false, on $cpu" --env DOTNET_TC_QuickJit=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v3, AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v4 -avx10v2, on $cpu" -- "$out/r2r-composite-v4/NetGen.ColdStart" | tail -n 2
"$out/jit/NetGen.ColdStart" --processes "$processes" --label "ReadyToRun, composite x86-64-v4 -avx10v2, AVX512 off" --env DOTNET_EnableAVX512=0 -- "$out/r2r-composite-v4/NetGen.ColdStart" | tail -n 2
if [ "$aot" -eq 1 ]; then
    "$out/jit/NetGen.ColdStart" --processes "$processes" --label "NativeAOT, IlcInstructionSet=native, on $cpu" -- "$out/aot/NetGen.ColdStart" | tail -n 2
    "$out/jit/NetGen.ColdStart" --processes "$processes" --label "NativeAOT, IlcInstructionSet=x86-64-v3, on $cpu" -- "$out/aot-v3/NetGen.ColdStart" | tail -n 2
else
    echo "NativeAOT: the publish failed on this machine (see above)."
fi
