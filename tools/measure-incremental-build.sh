#!/usr/bin/env bash
# Measures what declaring networks costs a user's incremental build: a console app with 20 small, varied networks
# against the same app without them. Each app is built once, then, alternating between the two apps so that the
# machine's load drifts over both alike, an unrelated file is touched and `dotnet build` timed RUNS times each; the
# script prints the medians, their ratio, and the generator's and analyzer's own time (Roslyn's ReportAnalyzer).
# Both apps reference the runtime and the generator and import the package's build step (NetGen.targets), as an
# app with the package does.
# Usage: tools/measure-incremental-build.sh [RUNS] [WARMUP]   (defaults 5 and 0). WARMUP untimed builds of each app,
# alternating, come first: with a compiler server (UseSharedCompilation=true, the SDK's default) the first builds of a
# new server are its own warm-up, slower by up to half again, which a developer's long-lived server pays once; without
# one every build is a new process and warm-up changes nothing. All samples are printed. NETGEN_GENERATOR=path/
# NetGen.Generator.dll measures another build of the generator (for A/B runs). Not part of .ci/run.
set -euo pipefail
runs=${1:-5}
warmup=${2:-0}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/NetGen/NetGen.csproj" -c Release -f net10.0 -v:q -nologo > /dev/null
runtime="$root/src/NetGen/bin/Release/net10.0/NetGen.dll"
generator=${NETGEN_GENERATOR:-}
if [ -z "$generator" ]; then
    dotnet build "$root/generator/NetGen.Generator/NetGen.Generator.csproj" -c Release -v:q -nologo > /dev/null
    generator="$root/generator/NetGen.Generator/bin/Release/netstandard2.0/NetGen.Generator.dll"
fi

make_app() {
    local dir=$1
    mkdir -p "$dir"
    cat > "$dir/App.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
  </PropertyGroup>
  <ItemGroup>
    <Reference Include="NetGen" HintPath="$runtime" />
    <Analyzer Include="$generator" />
  </ItemGroup>
  <Import Project="$root/src/NetGen/buildTransitive/NetGen.targets" />
</Project>
PROJECT
    cat > "$dir/Program.cs" <<'CODE'
Console.WriteLine(Unrelated.Greeting());
CODE
    cat > "$dir/Unrelated.cs" <<'CODE'
internal static class Unrelated
{
    public static string Greeting() => "hello";
}
CODE
}

make_app "$work/without"
make_app "$work/with"
activations=(ReLU Tanh Sigmoid LeakyReLU Swish ELU Mish ReLU6)
widths=(8 16 24 32 48 64)
{
    echo "using NetGen;"
    echo
    echo "namespace App.Networks;"
    for i in $(seq 0 19); do
        echo
        echo "[Network(inputs: $((4 + (i * 13) % 61)))]"
        for h in $(seq 0 $((i % 3))); do
            echo "[Dense(${widths[$(((i * 5 + h * 2) % 6))]}, Activation.${activations[$(((i + h) % 8))]})]"
        done
        echo "[Dense($((1 + i % 4)))]"
        echo "public partial class Brain$i;"
    done
} > "$work/with/Networks.cs"

time_build() {
    local dir=$1 run=$2 start end
    echo "// edit $run" >> "$dir/Unrelated.cs"
    start=$(date +%s.%N)
    dotnet build "$dir" -c Release --no-restore -v:q -nologo > /dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

dotnet build "$work/without" -c Release -v:q -nologo > /dev/null
dotnet build "$work/with" -c Release -v:q -nologo > /dev/null
for run in $(seq 1 "$warmup"); do
    time_build "$work/without" "warm-up $run" > /dev/null
    time_build "$work/with" "warm-up $run" > /dev/null
done
without_samples=()
with_samples=()
for run in $(seq 1 "$runs"); do
    without_samples+=("$(time_build "$work/without" "$run")")
    with_samples+=("$(time_build "$work/with" "$run")")
done
without=$(median "${without_samples[@]}")
with=$(median "${with_samples[@]}")
echo "without networks: ${without_samples[*]} s"
echo "with 20 networks: ${with_samples[*]} s"
echo "incremental build, median of $runs after $warmup untimed: without networks ${without} s, with 20 networks ${with} s, ratio $(echo "scale=2; $with / $without" | bc)"
# With UseSharedCompilation=false (set in some environments) every build starts a new compiler process, which pays
# the compiler's own warm-up on the generated code; the SDK's default reuses a warm compiler server.
echo "compiler: UseSharedCompilation=${UseSharedCompilation:-unset (the SDK default: a compiler server)}"

echo "// report" >> "$work/with/Unrelated.cs"
report=$(dotnet build "$work/with" -c Release --no-restore -v:d -nologo -p:ReportAnalyzer=true -p:EmitCompilerGeneratedFiles=true -clp:PerformanceSummary)
generated=$(find "$work/with/obj" -name '*.g.cs' -path '*NetGen.Generator*' -print0 | xargs -0 -r cat | wc -c)
echo "$report" | grep -E "NetGen.Generator.NetGenGenerator|NetGen.Generator.NetworkAnalyzer|Total analyzer execution time|Total generator execution time| ms +Csc +1 calls" | sed 's/^ */  /' | sort -u
echo "generated source: ${generated} bytes for 20 networks"

# The same 20 networks in process: the generator's own CPU time and the compiler's on the generated files.
dotnet run "$root/tools/measure-generated-compile.cs" -- "$work/with/Networks.cs" "$generator" "$runtime" "$runs" 2>&1 | sed 's/^/  /'
