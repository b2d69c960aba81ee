using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NetGen.Generator.Model;
using NetGen.Generator.Weights;
using NetGen.Safetensors;

namespace NetGen.Generator.Planning;

/// <summary>Decides what a network with <c>Weights = "…"</c> embeds: finds its file among the prepared ones and reads it.</summary>
internal static class EmbeddedWeightsPlanner
{
    /// <summary>64 MB of float32: past this, embedding makes every build and the IDE slow; load such files at run time.</summary>
    public const long MaxEmbeddedParameters = 16_000_000;

    public static EmbeddedWeightsPlan Plan(NetworkSpec spec, ImmutableArray<EmbeddedWeightFile> files, CancellationToken cancellationToken)
    {
        var name = spec.WeightsFile!;
        EmbeddedWeightsPlan Plan(ContentBytes? values, EmbeddingProblem? problem) => new(
            spec.Type,
            spec.Type.FlatName + ".Weights.g.cs",
            spec.Type.Type.Name + "EmbeddedParameters",
            GeneratorVersion.Current,
            name,
            spec.ParameterCount,
            values,
            problem);
        EmbeddedWeightsPlan Fail(EmbeddingProblemKind kind, string message) => Plan(null, new EmbeddingProblem(kind, message));

        var matches = files.Where(file => WeightsPath.Matches(file.SourcePath, name))
            .GroupBy(file => file.SourcePath.Replace('\\', '/'), System.StringComparer.OrdinalIgnoreCase)
            .Select(group => group.First())
            .ToList();
        if (matches.Count == 0)
        {
            return Fail(EmbeddingProblemKind.NotPrepared, $"{name} is among the AdditionalFiles, but was not prepared for embedding: NetGen's build step (NetGen.Weights.targets, part of the NetGen package) turns each AdditionalFile ending in .safetensors, or marked NetGenWeights=\"true\", into a form the compiler can pass on; a project that references NetGen's projects rather than its package must import that file");
        }

        if (matches.Count > 1)
        {
            return Fail(EmbeddingProblemKind.Damaged, $"Weights = \"{name}\" matches {matches.Count} AdditionalFiles ({string.Join(", ", matches.Select(m => m.SourcePath).OrderBy(p => p, System.StringComparer.Ordinal))}); give enough of the path to name one");
        }

        if (spec.ParameterCount > MaxEmbeddedParameters)
        {
            return Fail(EmbeddingProblemKind.TooLarge, $"{name}: the network has {spec.ParameterCount.ToString("N0", CultureInfo.InvariantCulture)} parameters, more than the {MaxEmbeddedParameters.ToString("N0", CultureInfo.InvariantCulture)} NetGen embeds ({MaxEmbeddedParameters * 4 / 1_000_000} MB); leave Weights unset and call LoadParameters at run time");
        }

        if (matches[0].Content is not { } content)
        {
            return Fail(EmbeddingProblemKind.Damaged, $"{name}: the base64 copy NetGen's build step made of it cannot be decoded; rebuild the project");
        }

        try
        {
            var values = EmbeddedWeightsReader.Read(content.UnsafeArray, spec, name, cancellationToken);
            return Plan(new ContentBytes(LittleEndianBytes(values)), null);
        }
        catch (WeightFileException exception)
        {
            return Fail(Kind(exception.Problem), exception.Message);
        }
    }

    private static EmbeddingProblemKind Kind(WeightFileProblem problem) => problem switch
    {
        WeightFileProblem.MissingTensor => EmbeddingProblemKind.MissingTensor,
        WeightFileProblem.UnexpectedTensor => EmbeddingProblemKind.UnexpectedTensor,
        WeightFileProblem.WrongShape => EmbeddingProblemKind.WrongShape,
        WeightFileProblem.ArchitectureMismatch => EmbeddingProblemKind.ArchitectureMismatch,
        WeightFileProblem.CheckVectorFailed => EmbeddingProblemKind.CheckVectorFailed,
        _ => EmbeddingProblemKind.Damaged,
    };

    private static byte[] LittleEndianBytes(IReadOnlyList<float> values)
    {
        var bytes = new byte[values.Count * 4];
        for (var i = 0; i < values.Count; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), TensorDecoding.ToBits(values[i]));
        }

        return bytes;
    }
}
