using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Safetensors;

/// <summary>
/// An input and the outputs the saving network computed for it, stored in the file's metadata so that a loader
/// can check that the loaded parameters compute the same thing (which a transposed weight or another activation
/// would not).
/// </summary>
internal sealed class CheckVector
{
    /// <summary>Outputs agree when |actual − expected| ≤ 1e-4 + 1e-3·|expected|: float rounding and other SIMD paths stay far inside.</summary>
    public const float AbsoluteTolerance = 1e-4f;

    public const float RelativeTolerance = 1e-3f;

    public CheckVector(int index, float[] input, float[] output)
    {
        Index = index;
        Input = input;
        Output = output;
    }

    public int Index { get; }

    public float[] Input { get; }

    public float[] Output { get; }

    /// <summary>Reads netgen.check.0.input/output, netgen.check.1…, up to the first index that is absent.</summary>
    public static IReadOnlyList<CheckVector> ReadAll(IReadOnlyDictionary<string, string> metadata, int inputs, int outputs, WeightFileErrors errors)
    {
        var vectors = new List<CheckVector>();
        for (var index = 0; metadata.TryGetValue(MetadataKeys.CheckInput(index), out var inputText); index++)
        {
            if (!metadata.TryGetValue(MetadataKeys.CheckOutput(index), out var outputText))
            {
                throw errors.Damaged($"the metadata has {MetadataKeys.CheckInput(index)} but no {MetadataKeys.CheckOutput(index)}");
            }

            vectors.Add(new CheckVector(index, Parse(MetadataKeys.CheckInput(index), inputText, inputs, "inputs", errors), Parse(MetadataKeys.CheckOutput(index), outputText, outputs, "outputs", errors)));
        }

        if (metadata.ContainsKey(MetadataKeys.CheckOutput(vectors.Count)))
        {
            throw errors.Damaged($"the metadata has {MetadataKeys.CheckOutput(vectors.Count)} but no {MetadataKeys.CheckInput(vectors.Count)}");
        }

        return vectors;
    }

    /// <summary>Throws when <paramref name="actual"/> differs from the stored outputs beyond the tolerance.</summary>
    public void Verify(ReadOnlySpan<float> actual, WeightFileErrors errors)
    {
        var worst = -1;
        var worstExcess = 0.0;
        for (var i = 0; i < Output.Length; i++)
        {
            var difference = Math.Abs((double)actual[i] - Output[i]);
            var allowed = AbsoluteTolerance + (RelativeTolerance * Math.Abs(Output[i]));
            if (!(difference <= allowed) && (worst < 0 || difference - allowed > worstExcess))
            {
                worst = i;
                worstExcess = difference - allowed;
            }
        }

        if (worst >= 0)
        {
            throw errors.Problem(
                WeightFileProblem.CheckVectorFailed,
                $"self-check vector {Index} fails: with the file's parameters, output {worst} is {Text(actual[worst])}, but the network that saved the file computed {Text(Output[worst])} " +
                $"(tolerance {Text(AbsoluteTolerance)} + {Text(RelativeTolerance)}·|expected|); the parameters do not compute what they computed when saved — is a weight transposed, or does a layer's activation differ from the one it was trained with?");
        }
    }

    private static float[] Parse(string key, string text, int count, string what, WeightFileErrors errors)
    {
        if (!FloatText.TryParseList(text, out var values, out var bad))
        {
            throw errors.Damaged($"the metadata's {key} holds \"{Shorten(bad)}\", which is not a finite number");
        }

        if (values.Length != count)
        {
            throw errors.Damaged($"the metadata's {key} holds {values.Length} values, but the network has {count} {what}");
        }

        return values;
    }

    private static string Text(float value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 40) + "…";
}
