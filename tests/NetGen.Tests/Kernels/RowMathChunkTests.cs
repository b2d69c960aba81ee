using System;
using System.Linq;
using System.Runtime.Intrinsics;
using NetGen.Kernels;

namespace NetGen.Tests.Kernels;

/// <summary>
/// The loops over chunks that the generated one-row kernels call (so that their tier-0 code has no inner loop), bit for
/// bit against the zero sums and the step a chunk they replace, on whichever SIMD path this process runs: rows of
/// three chunks, starting at row 2, with random weights.
/// </summary>
public sealed class RowMathChunkTests
{
    private const int Inputs = 24;
    private const int Output = 2;

    private static readonly int[] Sizes = { 1, 2, 3, 4, 8 };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_loop_over_chunks_matches_zero_sums_and_one_step_a_chunk(bool fused)
    {
        var random = new Random(Inputs);
        var w = Enumerable.Range(0, (Output + 8) * Inputs).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        var x = Enumerable.Range(0, Inputs).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
        foreach (var size in Sizes)
        {
            var expected = new Vector256<float>[8];
            for (nuint at = 0; at < Inputs; at += 8)
            {
                Step(fused, size, w, x, at, expected);
            }

            var actual = Enumerable.Repeat(Vector256.Create(float.NaN), 8).ToArray();
            Chunks(fused, size, w, x, actual);

            for (var k = 0; k < size; k++)
            {
                Assert.NotEqual(Vector256<float>.Zero, actual[k]);
                Assert.Equal(expected[k].AsInt32(), actual[k].AsInt32());
            }
        }
    }

    private static void Chunks(bool fused, int size, float[] w, float[] x, Vector256<float>[] s)
    {
        ref float weights = ref w[0];
        ref float input = ref x[0];
        switch (fused, size)
        {
            case (false, 1): RowMath256.MultiplyAddChunks1(ref weights, Output, Inputs, ref input, Inputs, out s[0]); break;
            case (false, 2): RowMath256.MultiplyAddChunks2(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1]); break;
            case (false, 3): RowMath256.MultiplyAddChunks3(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2]); break;
            case (false, 4): RowMath256.MultiplyAddChunks4(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2], out s[3]); break;
            case (false, 8): RowMath256.MultiplyAddChunks8(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2], out s[3], out s[4], out s[5], out s[6], out s[7]); break;
            case (true, 1): RowMath256.FusedMultiplyAddChunks1(ref weights, Output, Inputs, ref input, Inputs, out s[0]); break;
            case (true, 2): RowMath256.FusedMultiplyAddChunks2(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1]); break;
            case (true, 3): RowMath256.FusedMultiplyAddChunks3(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2]); break;
            case (true, 4): RowMath256.FusedMultiplyAddChunks4(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2], out s[3]); break;
            case (true, 8): RowMath256.FusedMultiplyAddChunks8(ref weights, Output, Inputs, ref input, Inputs, out s[0], out s[1], out s[2], out s[3], out s[4], out s[5], out s[6], out s[7]); break;
            default: throw new ArgumentOutOfRangeException(nameof(size));
        }
    }

    private static void Step(bool fused, int size, float[] w, float[] x, nuint at, Vector256<float>[] s)
    {
        ref float weights = ref w[0];
        ref float input = ref x[0];
        switch (fused, size)
        {
            case (false, 1): RowMath256.MultiplyAdd1(ref weights, Output, Inputs, ref input, at, ref s[0]); break;
            case (false, 2): RowMath256.MultiplyAdd2(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1]); break;
            case (false, 3): RowMath256.MultiplyAdd3(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2]); break;
            case (false, 4): RowMath256.MultiplyAdd4(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (false, 8): RowMath256.MultiplyAdd8(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            case (true, 1): RowMath256.FusedMultiplyAdd1(ref weights, Output, Inputs, ref input, at, ref s[0]); break;
            case (true, 2): RowMath256.FusedMultiplyAdd2(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1]); break;
            case (true, 3): RowMath256.FusedMultiplyAdd3(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2]); break;
            case (true, 4): RowMath256.FusedMultiplyAdd4(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2], ref s[3]); break;
            case (true, 8): RowMath256.FusedMultiplyAdd8(ref weights, Output, Inputs, ref input, at, ref s[0], ref s[1], ref s[2], ref s[3], ref s[4], ref s[5], ref s[6], ref s[7]); break;
            default: throw new ArgumentOutOfRangeException(nameof(size));
        }
    }
}
