using System.Threading;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emit;

/// <summary>Emits the nested class that holds every layer's kernels, each in three SIMD paths.</summary>
internal static class KernelsEmitter
{
    public static void Emit(SourceWriter writer, NetworkSpec spec, CancellationToken cancellationToken)
    {
        writer.Line("/// <summary>The layer kernels: every size a constant, each in a Vector512, a Vector256 and a scalar path.</summary>");
        using (writer.Block("private static class Kernels"))
        {
            var first = true;
            foreach (var layer in spec.Layers)
            {
                foreach (var rows in new[] { 1, ForwardEmitter.RowBlock })
                {
                    if (!first)
                    {
                        writer.Line();
                    }

                    first = false;
                    AffineEmitter.Emit(writer, layer, rows, spec.Features);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }

            BackwardKernelsEmitter.Emit(writer, spec, cancellationToken);
        }
    }
}
