using System.Collections.Generic;

namespace NetGen.Generator.Emit;

/// <summary>
/// Emits a kernel's entry point, which calls the path the processor accelerates. The JIT folds the
/// <c>IsHardwareAccelerated</c> checks to constants, so after inlining only the chosen call remains.
/// </summary>
internal static class DispatchEmitter
{
    /// <param name="summary">The entry point's one-line description.</param>
    /// <param name="name">The kernel's name; each path's method is the name followed by the path's.</param>
    /// <param name="parameters">The parameter list, without parentheses.</param>
    /// <param name="arguments">The same parameters as call arguments.</param>
    public static void Emit(SourceWriter writer, string summary, string name, string parameters, string arguments, IReadOnlyList<SimdPath> paths)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        writer.Line(Code.AggressiveInlining);
        using (writer.Block($"public static void {name}({parameters})"))
        {
            foreach (var path in paths)
            {
                var call = $"{name}{path.Name}({arguments});";
                if (path.Condition is not { } condition)
                {
                    writer.Line(call);
                    continue;
                }

                using (writer.Block($"if ({condition})"))
                {
                    writer.Line(call);
                    writer.Line("return;");
                }

                writer.Line();
            }
        }
    }
}
