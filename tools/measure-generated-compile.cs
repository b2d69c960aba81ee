#:package Microsoft.CodeAnalysis.CSharp@4.14.0
#:package Basic.Reference.Assemblies.Net100@1.8.14
#:property ImplicitUsings=enable
#:property PublishAot=false

// What the compiler spends on NetGen's generated source, in CPU time, which a loaded machine inflates far less than
// build time: runs the generator on a file of [Network] declarations, then binds (as `dotnet build` does before
// emitting) the app with and without the generated files, alternating, on one thread, and prints the medians.
// Usage: dotnet run tools/measure-generated-compile.cs -- Networks.cs NetGen.Generator.dll NetGen.dll [RUNS] [WARMUP]
// (tools/measure-incremental-build.sh runs it on its 20 networks.) WARMUP rounds (default 1) are left out of the
// medians; a long-lived build server binds at the compiler's steady state, which takes 10–20 rounds to reach.
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

var (networksPath, generatorPath, runtimePath) = (args[0], args[1], args[2]);
var runs = args.Length > 3 ? int.Parse(args[3]) : 5;
var warmup = args.Length > 4 ? int.Parse(args[4]) : 1;

var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
var options = new CSharpCompilationOptions(
    OutputKind.ConsoleApplication,
    optimizationLevel: OptimizationLevel.Release,
    nullableContextOptions: NullableContextOptions.Enable,
    concurrentBuild: false);
var references = Basic.Reference.Assemblies.Net100.References.All
    .Cast<MetadataReference>()
    .Append(MetadataReference.CreateFromFile(runtimePath))
    .ToList();
var app = new[]
{
    CSharpSyntaxTree.ParseText("System.Console.WriteLine(Unrelated.Greeting());", parseOptions, "Program.cs"),
    CSharpSyntaxTree.ParseText("internal static class Unrelated { public static string Greeting() => \"hello\"; }", parseOptions, "Unrelated.cs"),
    CSharpSyntaxTree.ParseText(File.ReadAllText(networksPath), parseOptions, networksPath),
};
var compilation = CSharpCompilation.Create("App", app, references, options);

var generatorType = Assembly.LoadFrom(generatorPath).GetType("NetGen.Generator.NetGenGenerator", throwOnError: true)!;
var generator = ((IIncrementalGenerator)Activator.CreateInstance(generatorType)!).AsSourceGenerator();
var generatorSamples = new List<double>();
IReadOnlyList<SyntaxTree> generated = [];
for (var run = 0; run < runs + 1; run++)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var result = CSharpGeneratorDriver.Create([generator], parseOptions: parseOptions).RunGenerators(compilation).GetRunResult();
    generatorSamples.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
    generated = result.GeneratedTrees;
}

double Bind(IEnumerable<SyntaxTree> trees)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var errors = CSharpCompilation.Create("App", trees, references, options).GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
    if (errors.Count > 0)
    {
        throw new InvalidOperationException(string.Join(Environment.NewLine, errors.Take(5)));
    }

    return (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
}

// The declarations stay in both, so that only the generated files differ; the first rounds warm the compiler up.
var without = new List<double>();
var with = new List<double>();
for (var run = 0; run < runs + warmup; run++)
{
    without.Add(Bind(app));
    with.Add(Bind(app.Concat(generated)));
}

double Median(List<double> samples) => samples.Skip(samples.Count - runs).Order().ElementAt((runs - 1) / 2);

var characters = generated.Sum(tree => (long)tree.Length);
Console.WriteLine($"generated: {generated.Count} files, {characters:N0} characters; generator {Median(generatorSamples):F0} ms CPU per run");
Console.WriteLine($"compile (bind, one thread, median of {runs}): without the generated files {Median(without):F0} ms CPU, "
    + $"with them {Median(with):F0} ms, the generated files' own cost {Median(with) - Median(without):F0} ms");
