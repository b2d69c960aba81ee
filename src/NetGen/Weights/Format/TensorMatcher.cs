using System.Collections.Generic;
using System.Linq;

namespace NetGen.Safetensors;

/// <summary>A tensor of the file paired with the place in the parameter block it fills.</summary>
internal sealed class MatchedTensor
{
    public MatchedTensor(ExpectedTensor expected, TensorEntry entry)
    {
        Expected = expected;
        Entry = entry;
    }

    public ExpectedTensor Expected { get; }

    public TensorEntry Entry { get; }
}

/// <summary>
/// Checks a validated header against the network: every tensor present with its layer's shape and a dtype NetGen
/// reads, no tensor the network lacks (unless allowed), and no architecture in the metadata other than the network's.
/// </summary>
internal static class TensorMatcher
{
    /// <summary>The file's tensors paired with the network's; <paramref name="unexpectedHint"/> ends the message for a tensor the network does not have (how to skip it, where that is possible).</summary>
    public static IReadOnlyList<MatchedTensor> Match(
        SafetensorsHeader header, ParameterLayout layout, bool ignoreUnexpected, string unexpectedHint, WeightFileErrors errors)
    {
        var matched = new List<MatchedTensor>();
        foreach (var expected in layout.Tensors)
        {
            var entry = header.Find(expected.Name) ?? throw Missing(header, layout, expected, errors);
            if (!entry.Shape.SequenceEqual(expected.Shape))
            {
                throw WrongShape(expected, entry, errors);
            }

            if (!entry.DType.IsReadable)
            {
                throw errors.Damaged($"{entry.Name} is {entry.DType}, which NetGen does not read; save it as F32 (NetGen also reads F64, F16 and BF16)", entry.Name);
            }

            matched.Add(new MatchedTensor(expected, entry));
        }

        if (!ignoreUnexpected)
        {
            var unexpected = header.Tensors.Where(t => layout.Find(t.Name) is null).Select(t => t.Name).ToList();
            if (unexpected.Count > 0)
            {
                var what = unexpected.Count == 1
                    ? $"a tensor {unexpected[0]} that the network does not have"
                    : $"{unexpected.Count} tensors the network does not have: {List(unexpected)}";
                throw errors.Problem(
                    WeightFileProblem.UnexpectedTensor,
                    $"the file has {what} ({layout.Architecture} has {List(layout.Tensors.Select(t => t.Name).ToList())}){unexpectedHint}",
                    unexpected[0]);
            }
        }

        if (header.Metadata.TryGetValue(MetadataKeys.Architecture, out var saved) && saved != layout.Architecture)
        {
            throw errors.Problem(
                WeightFileProblem.ArchitectureMismatch,
                $"the file was saved from a {saved} network, but this network is {layout.Architecture}; the tensors' shapes fit, but the layers compute something else");
        }

        return matched;
    }

    private static WeightFileException Missing(SafetensorsHeader header, ParameterLayout layout, ExpectedTensor expected, WeightFileErrors errors)
    {
        var message = $"{expected.Name} is missing; layer {expected.Layer.Number} ({expected.Layer.Description}) needs it with shape {TensorEntry.FormatShape(expected.Shape)}";
        if (header.Tensors.Count > 0 && header.Tensors.All(t => layout.Find(t.Name) is null))
        {
            message += $". The file's tensors are {List(header.Tensors.Select(t => t.Name).ToList())}: name them layers.{{i}}.weight and layers.{{i}}.bias, i from 0 in layer order (docs/pytorch.md shows how)";
        }

        return errors.Problem(WeightFileProblem.MissingTensor, message, expected.Name);
    }

    private static WeightFileException WrongShape(ExpectedTensor expected, TensorEntry entry, WeightFileErrors errors)
    {
        var message = $"{entry.Name} has shape {TensorEntry.FormatShape(entry.Shape)}, but layer {expected.Layer.Number} ({expected.Layer.Description}) needs {TensorEntry.FormatShape(expected.Shape)}";
        if (entry.Shape.Count == 2 && expected.Shape.Count == 2 && entry.Shape[0] == expected.Shape[1] && entry.Shape[1] == expected.Shape[0])
        {
            message += "; the file holds it transposed (NetGen, like PyTorch's nn.Linear, stores a weight as [out, in])";
        }

        return errors.Problem(WeightFileProblem.WrongShape, message, entry.Name);
    }

    /// <summary>Names for a message, the first few and a count of the rest.</summary>
    private static string List(IReadOnlyList<string> names)
    {
        const int Shown = 6;
        return names.Count <= Shown
            ? string.Join(", ", names)
            : string.Join(", ", names.Take(Shown)) + $" and {names.Count - Shown} more";
    }
}
