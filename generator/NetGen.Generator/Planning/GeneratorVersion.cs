using System.Reflection;

namespace NetGen.Generator.Planning;

/// <summary>NetGen's version as <c>[GeneratedCode]</c> names it: the generator assembly's informational version, without build metadata.</summary>
internal static class GeneratorVersion
{
    public static readonly string Current = Read();

    private static string Read()
    {
        var assembly = typeof(GeneratorVersion).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus < 0 ? version : version.Substring(0, plus);
    }
}
