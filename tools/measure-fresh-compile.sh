#!/usr/bin/env bash
# What a new compiler process spends on the generated source of the 20 networks of measure-incremental-build.sh, as
# every build pays it where there is no compiler server (UseSharedCompilation=false). For each generator dll given, builds the 20-network app once with it (EmitCompilerGeneratedFiles), then runs the
# build's own csc command with the generated files as plain sources (no generator), interleaved with the app
# without networks, ROUNDS times; prints median user+system CPU and wall of each.
# Usage: tools/measure-fresh-compile.sh ROUNDS RUNTIME_DLL GENERATOR_DLL [GENERATOR_DLL ...]
# A GENERATOR_DLL may be RUNTIME.dll:GENERATOR.dll to pair a generator with the runtime it was built with. Keep each
# generator's file name NetGen.Generator.dll (one folder per build): the compiler does not load a renamed copy.
# Not part of .ci/run.
set -euo pipefail
rounds=$1; runtime=$(realpath "$2"); shift 2
gens=(); runtimes=()
for g in "$@"; do
  if [[ $g == *:* ]]; then runtimes+=("$(realpath "${g%%:*}")"); gens+=("$(realpath "${g#*:}")"); else runtimes+=("$runtime"); gens+=("$(realpath "$g")"); fi
done
set -- "${gens[@]}"
work=$(mktemp -d /tmp/freshcompile.XXXX)
trap 'rm -rf "$work"' EXIT
root=$(cd "$(dirname "$0")/.." && pwd)
csc="$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk/$(dotnet --version)/Roslyn/bincore/csc"
i=0
for gen in "$@"; do
  i=$((i+1)); d=$work/app$i; mkdir -p $d; rt=${runtimes[$((i-1))]}
  cat > $d/App.csproj <<P
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable>
  <ImplicitUsings>enable</ImplicitUsings><EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles></PropertyGroup>
  <ItemGroup><Reference Include="NetGen" HintPath="$rt" /><Analyzer Include="$gen" /></ItemGroup>
  <Import Project="$root/src/NetGen/buildTransitive/NetGen.targets" />
</Project>
P
  echo 'Console.WriteLine(Unrelated.Greeting());' > $d/Program.cs
  printf 'internal static class Unrelated\n{\n    public static string Greeting() => "hello";\n}\n' > $d/Unrelated.cs
  sed -n '/^activations=/,/Networks.cs"$/p' $root/tools/measure-incremental-build.sh | sed "s|\$work/with/Networks.cs|$d/Networks.cs|" > $work/gen.sh
  bash $work/gen.sh
  dotnet build $d -c Release -v:d -nologo > $d/build.log 2>&1 || { tail -20 $d/build.log; exit 1; }
  grep -m1 -E '^ +/.*bincore/csc ' $d/build.log | sed 's/^ *//' > $d/csc.cmd
  python3 - "$d" <<'PY'
import shlex,sys,glob,os
d=sys.argv[1]
args=shlex.split(open(d+'/csc.cmd').read().strip())[1:]
args=[a for a in args if 'NetGen.Generator' not in a and not a.startswith('/generatedfilesout')]
args=[('/out:'+d+'/out.dll') if a.startswith('/out:') else ('/refout:'+d+'/ref.dll') if a.startswith('/refout:') else a for a in args]
gen=sorted(glob.glob(d+'/obj/Release/net10.0/generated/NetGen.Generator/*/*.g.cs'))
open(d+'/with.rsp','w').write('\n'.join(args+gen)+'\n')
open(d+'/without.rsp','w').write('\n'.join(a for a in args if a!='Networks.cs')+'\n')
print(f'generator {d}: {len(gen)} files, {sum(os.path.getsize(g) for g in gen)} bytes')
PY
done
declare -A cpu wall
for r in $(seq 1 $rounds); do
  for v in without $(seq 1 $i); do
    if [ $v = without ]; then dir=$work/app1; rsp=$dir/without.rsp; else dir=$work/app$v; rsp=$dir/with.rsp; fi
    (cd $dir && /usr/bin/time -f "%U %S %e" -o $work/t $csc @$rsp > $work/log 2>&1) || { cat $work/log | head; exit 1; }
    read u s e < $work/t
    cpu[$v]="${cpu[$v]:-} $(echo "$u + $s" | bc)"; wall[$v]="${wall[$v]:-} $e"
  done
done
med() { printf '%s\n' $@ | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for v in without $(seq 1 $i); do
  name=$v; [ $v != without ] && name="generator $v (${@:$v:1})"
  echo "$name: CPU median $(med ${cpu[$v]}) s [${cpu[$v]} ], wall median $(med ${wall[$v]}) s"
done
