using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using NetGen.Kernels;
using NetGen.Safetensors;
using NetGen.Weights;

namespace NetGen;

/// <summary>
/// Saves and loads a network's parameters as safetensors files, the format PyTorch and Hugging Face use: tensors
/// <c>layers.{i}.weight</c> <c>[out, in]</c> and <c>layers.{i}.bias</c> <c>[out]</c> (Maxout <c>[pieces, out, in]</c>
/// and <c>[pieces, out]</c>), <c>i</c> from 0 in layer order, F32 little-endian.
/// </summary>
public static class WeightFiles
{
    /// <summary>The seed the self-check inputs are drawn from, so that saving a network twice writes the same file.</summary>
    private const int CheckSeed = 0x5EED;

    /// <summary>Saves the parameters to <paramref name="path"/> with two self-check vectors.</summary>
    /// <inheritdoc cref="SaveParameters(INetwork, string, SaveOptions)"/>
    public static void SaveParameters(this INetwork network, string path) => SaveParameters(network, path, new SaveOptions());

    /// <summary>
    /// Saves the parameters to <paramref name="path"/>, atomically: the file is written beside the target under a
    /// temporary name, flushed to disk and renamed over the target, so a failure never leaves a partial file and an
    /// existing file survives a failed save.
    /// </summary>
    /// <param name="network">The network whose parameters to save.</param>
    /// <param name="path">The file to create or replace.</param>
    /// <param name="options">How many self-check vectors to store.</param>
    public static void SaveParameters(this INetwork network, string path, SaveOptions options) =>
        SaveParameters(network, path, options, wrap: null);

    /// <summary>Writes the parameters to <paramref name="stream"/> with two self-check vectors.</summary>
    /// <inheritdoc cref="SaveParameters(INetwork, Stream, SaveOptions)"/>
    public static void SaveParameters(this INetwork network, Stream stream) => SaveParameters(network, stream, new SaveOptions());

    /// <summary>Writes the parameters to <paramref name="stream"/> as a safetensors file, from its current position.</summary>
    /// <param name="network">The network whose parameters to save.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="options">How many self-check vectors to store.</param>
    public static void SaveParameters(this INetwork network, Stream stream, SaveOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        var layout = WeightFileLayout.Of(network);
        var parameters = network.Parameters.ToArray();
        SafetensorsWriter.Write(stream, layout, parameters, Metadata(network, layout, options));
    }

    /// <summary>Loads the parameters from <paramref name="path"/>; a tensor the network does not have is an error.</summary>
    /// <inheritdoc cref="LoadParameters(INetwork, string, WeightLoadOptions)"/>
    public static void LoadParameters(this INetwork network, string path) => LoadParameters(network, path, new WeightLoadOptions());

    /// <summary>
    /// Loads the parameters from the safetensors file at <paramref name="path"/>. The whole file is validated first
    /// (its structure by the reference implementation's rules, every tensor's name and shape against the network,
    /// the architecture it was saved from, and its self-check vectors); on any problem the parameters are unchanged.
    /// F32 is read bit for bit, F16 and BF16 exactly, F64 rounded to the nearest float.
    /// </summary>
    /// <param name="network">The network whose parameters to replace.</param>
    /// <param name="path">A safetensors file.</param>
    /// <param name="options">Whether to skip tensors the network does not have.</param>
    /// <exception cref="WeightFileException">The file cannot be read or does not fit the network; the message says what and where.</exception>
    public static void LoadParameters(this INetwork network, string path, WeightLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        WeightFileLayout.Of(network);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new WeightFileException($"{path}: cannot be opened: {exception.Message}", exception);
        }

        using (stream)
        {
            WeightFileLoader.Load(network, stream, path, options);
        }
    }

    /// <summary>Loads the parameters from <paramref name="stream"/>; a tensor the network does not have is an error.</summary>
    /// <inheritdoc cref="LoadParameters(INetwork, Stream, WeightLoadOptions)"/>
    public static void LoadParameters(this INetwork network, Stream stream) => LoadParameters(network, stream, new WeightLoadOptions());

    /// <summary>
    /// Loads the parameters from a safetensors file in <paramref name="stream"/>, read from its current position to
    /// its end, with the checks of <see cref="LoadParameters(INetwork, string, WeightLoadOptions)"/>.
    /// </summary>
    /// <param name="network">The network whose parameters to replace.</param>
    /// <param name="stream">A readable stream holding exactly one safetensors file; it is not closed.</param>
    /// <param name="options">Whether to skip tensors the network does not have.</param>
    /// <exception cref="WeightFileException">The file cannot be read or does not fit the network; the message says what and where.</exception>
    public static void LoadParameters(this INetwork network, Stream stream, WeightLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        WeightFileLoader.Load(network, stream, stream is FileStream file ? file.Name : "the weight stream", options);
    }

    /// <summary>The save behind <see cref="SaveParameters(INetwork, string, SaveOptions)"/>, with a seam for the stream (tests make it fail).</summary>
    internal static void SaveParameters(INetwork network, string path, SaveOptions options, Func<Stream, Stream>? wrap)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        WeightFileLayout.Of(network);
        AtomicFile.Write(path, stream => SaveParameters(network, stream, options), wrap);
    }

    private static List<KeyValuePair<string, string>> Metadata(INetwork network, ParameterLayout layout, SaveOptions options)
    {
        var metadata = new List<KeyValuePair<string, string>>
        {
            new(MetadataKeys.Architecture, layout.Architecture),
            new(MetadataKeys.Version, Version),
        };

        var sampler = new NormalSampler(CheckSeed);
        var output = new float[network.OutputSize];
        for (var index = 0; index < options.CheckVectors; index++)
        {
            var input = new float[network.InputSize];
            sampler.Fill(input, 1f);
            network.Forward(input, output);
            metadata.Add(new(MetadataKeys.CheckInput(index), FloatText.FormatList(input)));
            metadata.Add(new(MetadataKeys.CheckOutput(index), FloatText.FormatList(output)));
        }

        return metadata;
    }

    /// <summary>NetGen's version without the source revision: 1.2.0 rather than 1.2.0+4f1c….</summary>
    private static string Version
    {
        get
        {
            var version = typeof(WeightFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version.Substring(0, plus);
        }
    }
}
