#:package Microsoft.CodeAnalysis.CSharp@5.9.0
#:package Basic.Reference.Assemblies.Net100@1.8.14
#:property ImplicitUsings=enable
#:property PublishAot=false

// What the compiler spends on NetGen's generated source at the steady state of a long-lived compiler server, in CPU
// time and in bytes allocated (which a loaded machine does not move): runs each generator given on a file of
// [Network] declarations, then compiles the app without the generated files and with each generator's, in turn
// round by round, on one thread: a bind (GetDiagnostics) and an emit (binding again, lowering, IL, a portable PDB
// and a reference assembly, as `dotnet build` does), and prints the medians. Parse options are the SDK's for a
// project without a documentation file (C# 14, doc comments not parsed); nullable enabled; Release.
// Usage: dotnet run tools/measure-generated-compile.cs -- Networks.cs GENERATOR.dll[,GENERATOR.dll…] NetGen.dll [RUNS] [WARMUP]
// (tools/measure-incremental-build.sh runs it on its 20 networks.) WARMUP rounds (default 15) are left out of the
// medians: the compiler's own code reaches its steady state, as in a server, after 10–20 compilations.
using System.Diagnostics;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

var (networksPath, generatorPaths, runtimePath) = (args[0], args[1].Split(','), args[2]);
var runs = args.Length > 3 ? int.Parse(args[3]) : 5;
var warmup = args.Length > 4 ? int.Parse(args[4]) : 15;

var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp14, DocumentationMode.None);
var options = new CSharpCompilationOptions(
    OutputKind.ConsoleApplication,
    optimizationLevel: OptimizationLevel.Release,
    nullableContextOptions: NullableContextOptions.Enable,
    deterministic: true,
    concurrentBuild: false);
var emitOptions = new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, includePrivateMembers: false);
var references = Basic.Reference.Assemblies.Net100.References.All
    .Cast<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(runtimePath))
    .ToList();
SyntaxTree Parse(string text, string path) =>
    CSharpSyntaxTree.ParseText(SourceText.From(text, System.Text.Encoding.UTF8), parseOptions, path);
var app = new[]
{
    Parse("global using System;\nConsole.WriteLine(Unrelated.Greeting());", "Program.cs"),
    Parse("internal static class Unrelated { public static string Greeting() => \"hello\"; }", "Unrelated.cs"),
    Parse(File.ReadAllText(networksPath), networksPath),
};
var compilation = CSharpCompilation.Create("App", app, references, options);

// Each generator in a load context of its own, so that two builds of NetGen.Generator can be compared.
var generated = new List<IReadOnlyList<SyntaxTree>>();
var generatorSamples = new List<List<double>>();
foreach (var (path, index) in generatorPaths.Select((p, i) => (Path.GetFullPath(p), i)))
{
    var context = new AssemblyLoadContext("generator" + index);
    var type = context.LoadFromAssemblyPath(path).GetType("NetGen.Generator.NetGenGenerator", throwOnError: true)!;
    var generator = ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    var samples = new List<double>();
    IReadOnlyList<SyntaxTree> trees = [];
    for (var run = 0; run < runs + 1; run++)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = CSharpGeneratorDriver.Create([generator], parseOptions: parseOptions).RunGenerators(compilation).GetRunResult();
        samples.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
        // Parsed again as plain sources, so that the compilations below own them as a build's do.
        trees = result.GeneratedTrees.Select(t => Parse(t.GetText().ToString(), t.FilePath)).ToList();
    }

    generated.Add(trees);
    generatorSamples.Add(samples);
}

(double Bind, double Emit, double Megabytes) Compile(IEnumerable<SyntaxTree> trees)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var errors = CSharpCompilation.Create("App", trees, references, options).GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Take(5)));
    }

    var bind = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
    cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    using var pe = new MemoryStream();
    using var pdb = new MemoryStream();
    using var metadata = new MemoryStream();
    var result = CSharpCompilation.Create("App", trees, references, options).Emit(pe, pdb, metadataPEStream: metadata, options: emitOptions);
    if (!result.Success)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics.Take(5)));
    }

    return (bind, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds,
        (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1e6);
}

// The declarations stay in every compilation, so that only the generated files differ.
var variants = new[] { (IReadOnlyList<SyntaxTree>)[] }.Concat(generated).ToList();
var samplesOf = variants.Select(_ => new List<(double Bind, double Emit, double Megabytes)>()).ToList();
for (var run = 0; run < runs + warmup; run++)
{
    for (var v = 0; v < variants.Count; v++)
    {
        samplesOf[v].Add(Compile(app.Concat(variants[v])));
    }
}

double Median(IEnumerable<double> samples)
{
    var sorted = samples.Skip(warmup).Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

var (bind0, emit0, bytes0) = (Median(samplesOf[0].Select(s => s.Bind)), Median(samplesOf[0].Select(s => s.Emit)), Median(samplesOf[0].Select(s => s.Megabytes)));
Console.WriteLine($"without the generated files: bind {bind0:F0} ms, emit {emit0:F0} ms CPU, emit allocates {bytes0:F1} MB");
for (var g = 0; g < generated.Count; g++)
{
    var s = samplesOf[g + 1];
    var (bind, emit, bytes) = (Median(s.Select(x => x.Bind)), Median(s.Select(x => x.Emit)), Median(s.Select(x => x.Megabytes)));
    var characters = generated[g].Sum(tree => (long)tree.Length);
    var generatorMs = generatorSamples[g].Skip(1).Order().ElementAt(runs / 2);
    Console.WriteLine($"{generatorPaths[g]}: {generated[g].Count} files, {characters:N0} characters; generator {generatorMs:F0} ms CPU per run");
    Console.WriteLine($"  medians of {runs} rounds after {warmup} (one thread): bind {bind:F0} ms CPU (+{bind - bind0:F0}), "
        + $"emit {emit:F0} ms (+{emit - emit0:F0}), emit allocates {bytes:F1} MB (+{bytes - bytes0:F1})");
}
