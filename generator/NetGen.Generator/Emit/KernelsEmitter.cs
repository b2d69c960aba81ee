using System.Threading;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits the nested class that holds every layer's kernels, each in three SIMD paths.</summary>
internal static class KernelsEmitter
{
    /// <summary>The file-local class's name; file-local types cannot clash with the user's.</summary>
    public static string Name(NetworkSpec spec) => spec.Type.Type.Name + "Kernels";

    public static void Emit(SourceWriter writer, NetworkSpec spec, CancellationToken cancellationToken)
    {
        writer.Line($"/// <summary>{spec.Type.Type.Name}'s passes: every size a constant, each layer kernel in a Vector512, a Vector256 and a scalar path.</summary>");
        using (writer.Block($"file static class {Name(spec)}"))
        {
            ForwardEmitter.EmitKernels(writer, spec);
            BackwardEmitter.EmitKernels(writer, spec);
            writer.Line();
            var first = true;
            foreach (var layer in spec.Layers)
            {
                foreach (var rows in new[] { 1, BackwardEmitter.RowBlock })
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    first = false;
                    AffineEmitter.Emit(writer, layer, rows, spec.Features);
                }

                foreach (var path in ColumnsEmitter.Paths(spec))
                {
                    ColumnsEmitter.EmitLayer(writer, layer, path, spec.Features);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            BackwardKernelsEmitter.Emit(writer, spec, cancellationToken);
        }
    }
}
