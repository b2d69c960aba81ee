using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>Every diagnostic NetGen reports. Each ID has a section in docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "NetGen";
    private const string HelpRoot = BuildInfo.RepositoryUrl + "/blob/" + BuildInfo.RepositoryBranch + "/docs/diagnostics.md#";

    public const string NotPartialId = "NG0001";
    public const string GenericTypeId = "NG0002";
    public const string StaticClassId = "NG0003";
    public const string UnsupportedTypeKindId = "NG0004";
    public const string LayersWithoutNetworkId = "NG0005";
    public const string DuplicateNetworkId = "NG0006";
    public const string InputsNotPositiveId = "NG0007";
    public const string NoLayersId = "NG0008";
    public const string UnitsNotPositiveId = "NG0009";
    public const string TooFewPiecesId = "NG0010";
    public const string SizeTooLargeId = "NG0011";
    public const string UndefinedEnumValueId = "NG0012";
    public const string SoftmaxNotLastId = "NG0013";
    public const string LossDoesNotFitOutputId = "NG0014";
    public const string StepIsNotTrainableId = "NG0015";
    public const string AlphaIgnoredId = "NG0016";
    public const string LeakyAlphaOutOfRangeId = "NG0017";
    public const string LayersSplitAcrossPartsId = "NG0018";
    public const string MemberConflictId = "NG0019";
    public const string WeightsFileNotFoundId = "NG0020";
    public const string LargeNetworkId = "NG0021";
    public const string LargeGeneratedCodeId = "NG0022";
    public const string FileLocalTypeId = "NG0024";
    public const string PrimaryConstructorId = "NG0025";
    public const string UnsuitableBaseClassId = "NG0026";
    public const string LanguageVersionTooLowId = "NG0027";
    public const string NoVector512Id = "NG0028";
    public const string SoftmaxWithoutLossId = "NG0030";
    public const string WeightsFileDamagedId = "NG0035";
    public const string WeightsTensorMissingId = "NG0036";
    public const string WeightsTensorUnexpectedId = "NG0037";
    public const string WeightsTensorWrongShapeId = "NG0038";
    public const string WeightsCheckVectorFailedId = "NG0039";
    public const string WeightsArchitectureMismatchId = "NG0040";
    public const string WeightsNotPreparedId = "NG0041";
    public const string WeightsTooLargeToEmbedId = "NG0042";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        NotPartialId,
        "Network class must be partial",
        "{0} must be declared partial so that NetGen can add the network's members; add the 'partial' modifier (a nested network needs it on every containing type too)",
        "NetGen adds the generated members in a second part of the class, which C# allows only for partial types (and every containing type).");

    public static readonly DiagnosticDescriptor GenericType = Error(
        GenericTypeId,
        "Network class cannot be generic",
        "'{0}' has type parameters, but a network computes in float with sizes fixed by its attributes, so no type argument could change it; remove the type parameters (a network nested in a generic type is fine)",
        "A type parameter on the network class suggests a network generic over its element type or sizes, which NetGen does not generate: every constructed type would be the same float network. A network may sit inside a generic type.");

    public static readonly DiagnosticDescriptor StaticClass = Error(
        StaticClassId,
        "Network class cannot be static",
        "'{0}' is static; a network holds its parameters in an instance, so remove the 'static' modifier",
        "A network owns its parameters and gradients, which live in instance fields.");

    public static readonly DiagnosticDescriptor UnsupportedTypeKind = Error(
        UnsupportedTypeKindId,
        "[Network] is only supported on classes",
        "'{0}' is {1}; {2}, so declare the network as a partial class",
        "A network is a class: it owns arrays of parameters, gradients and scratch. A record's 'with' copy would share those arrays with the original and its equality would compare them by reference; a struct copy would share them too, and its default value would have none; an interface cannot hold them.");

    public static readonly DiagnosticDescriptor LayersWithoutNetwork = Error(
        LayersWithoutNetworkId,
        "Layer attributes need [Network]",
        "'{0}' has layer attributes but no [Network(inputs: …)]; add [Network] with the number of inputs",
        "Layers describe a network only together with [Network], which gives the input size and the loss.");

    public static readonly DiagnosticDescriptor DuplicateNetwork = Error(
        DuplicateNetworkId,
        "[Network] appears more than once",
        "'{0}' has more than one [Network] attribute; keep one",
        "A class declares exactly one network.");

    public static readonly DiagnosticDescriptor InputsNotPositive = Error(
        InputsNotPositiveId,
        "Network inputs must be positive",
        "The network takes {0} inputs; the input size must be at least 1",
        "The input size is the number of features of one sample.");

    public static readonly DiagnosticDescriptor NoLayers = Error(
        NoLayersId,
        "Network has no layers",
        "'{0}' declares no layers; add at least one [Dense(units, activation)] or [Maxout(units, pieces)] after [Network]",
        "The layers, in source order, define the network; without one there is nothing to compute.");

    public static readonly DiagnosticDescriptor UnitsNotPositive = Error(
        UnitsNotPositiveId,
        "Layer units must be positive",
        "Layer {0} has {1} units; a layer needs at least 1 unit",
        "The units of a layer are its outputs.");

    public static readonly DiagnosticDescriptor TooFewPieces = Error(
        TooFewPiecesId,
        "Maxout needs at least two pieces",
        "Layer {0} is a Maxout with {1} pieces; use at least 2 (with one piece it is a Dense layer with Identity)",
        "Each maxout unit is the maximum over several affine maps.");

    public static readonly DiagnosticDescriptor SizeTooLarge = Error(
        SizeTooLargeId,
        "Size past NetGen's limit",
        "{0} is {1}, past the limit of {2}: {3}",
        "Activations live on the stack and parameters in one array, so sizes are bounded.");

    public static readonly DiagnosticDescriptor UndefinedEnumValue = Error(
        UndefinedEnumValueId,
        "Undefined enum value",
        "{0} is not a defined {1} value; use one of the named values",
        "An undefined activation or loss cannot be generated.");

    public static readonly DiagnosticDescriptor SoftmaxNotLast = Error(
        SoftmaxNotLastId,
        "Softmax is only allowed on the last layer",
        "Layer {0} uses Softmax, which is only allowed on the last layer; move it to the output layer or use another activation",
        "Softmax turns the outputs into probabilities; inside the network it would couple every unit of the layer.");

    public static readonly DiagnosticDescriptor LossDoesNotFitOutput = Error(
        LossDoesNotFitOutputId,
        "Loss does not fit the output activation",
        "{0} needs a {1} output layer, but the last layer uses {2}; {3}",
        "CrossEntropy takes the logarithm of probabilities that a Softmax output makes, and BinaryCrossEntropy of probabilities that a Sigmoid output makes; after another output activation the values need not be in (0, 1), so the loss is NaN or meaningless and training diverges.");

    public static readonly DiagnosticDescriptor StepIsNotTrainable = Warning(
        StepIsNotTrainableId,
        "Step cannot be trained by backpropagation",
        "Layer {0} uses Step, whose derivative is 0 everywhere, so backpropagation cannot train this network; use Sigmoid to train, or suppress this warning if the network is only evaluated",
        "The perceptron's step function is flat except at 0, so every gradient through it is zero.");

    public static readonly DiagnosticDescriptor AlphaIgnored = Warning(
        AlphaIgnoredId,
        "Alpha is ignored by this activation",
        "Layer {0} sets Alpha, which {1} ignores; remove it (Alpha applies to LeakyReLU and ELU)",
        "Only LeakyReLU (the negative slope) and ELU (the saturation value) use Alpha.");

    public static readonly DiagnosticDescriptor LeakyAlphaOutOfRange = Warning(
        LeakyAlphaOutOfRangeId,
        "LeakyReLU Alpha outside (0, 1)",
        "Layer {0} uses LeakyReLU with Alpha = {1}; a slope outside (0, 1) is not a leaky ReLU (0 is ReLU, 1 is linear, above 1 inverts the roles); use a value such as 0.01 or 0.1",
        "The negative slope of a leaky ReLU is a small positive number.");

    public static readonly DiagnosticDescriptor LayersSplitAcrossParts = Error(
        LayersSplitAcrossPartsId,
        "Layer attributes split over several declarations",
        "'{0}' has layer attributes on more than one partial declaration, so their order is undefined; put [Network] and every layer attribute on one declaration",
        "The layers' order is their source order, which C# defines only within one declaration.");

    public static readonly DiagnosticDescriptor MemberConflict = Error(
        MemberConflictId,
        "Member conflicts with a generated member",
        "'{0}' declares '{1}', which NetGen generates for every network; rename or remove it",
        "NetGen generates the constants, constructors, storage and passes of the network on the class.");

    public static readonly DiagnosticDescriptor WeightsFileNotFound = Error(
        WeightsFileNotFoundId,
        "Weights file is not an AdditionalFile",
        "Weights = \"{0}\" names no file among the project's AdditionalFiles; add <AdditionalFiles Include=\"{0}\" /> to the project",
        "Embedded weights are read at compile time from the project's AdditionalFiles.");

    public static readonly DiagnosticDescriptor LargeNetwork = new(
        LargeNetworkId,
        "Large network",
        "'{0}' has {1:N0} parameters ({2:N1} MB); NetGen generates loops for it, but its weights do not fit in the processor's caches, so each pass is bound by memory bandwidth",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Networks above a few million parameters run at memory speed rather than arithmetic speed.",
        helpLinkUri: HelpLink(LargeNetworkId, "Large network"));

    public static readonly DiagnosticDescriptor LargeGeneratedCode = new(
        LargeGeneratedCodeId,
        "Large generated code",
        "'{0}' generates {1:N0} KB of source, past {2:N0} KB, which slows the build and the IDE; NetGen unrolls small layers, so many small layers cost more code than a few wide ones",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Every generated network is compiled with the project; a network whose source passes about a megabyte makes each build and each edit of the project slower.",
        helpLinkUri: HelpLink(LargeGeneratedCodeId, "Large generated code"));

    public static readonly DiagnosticDescriptor WeightsFileDamaged = Error(
        WeightsFileDamagedId,
        "Weights file cannot be read",
        "{0}",
        "The weight file is read at compile time by the rules LoadParameters applies at run time: an 8-byte header length, a header of valid UTF-8 JSON with no repeated names, dtypes NetGen reads, shapes and offsets that tile the data exactly. The message is the loader's.");

    public static readonly DiagnosticDescriptor WeightsTensorMissing = Error(
        WeightsTensorMissingId,
        "Weights file lacks a tensor the network needs",
        "{0}",
        "Every layer needs its tensors layers.{i}.weight and layers.{i}.bias, i from 0 in layer order.");

    public static readonly DiagnosticDescriptor WeightsTensorUnexpected = Error(
        WeightsTensorUnexpectedId,
        "Weights file holds a tensor the network does not have",
        "{0}",
        "A tensor the declaration has no place for means the file was made for another network; remove it from the file, or load the file at run time with WeightLoadOptions.IgnoreUnexpectedTensors.");

    public static readonly DiagnosticDescriptor WeightsTensorWrongShape = Error(
        WeightsTensorWrongShapeId,
        "Weights tensor has the wrong shape",
        "{0}",
        "A Dense layer's weight is [out, in] and its bias [out] (PyTorch's nn.Linear layout); a Maxout layer's are [pieces, out, in] and [pieces, out].");

    public static readonly DiagnosticDescriptor WeightsCheckVectorFailed = Error(
        WeightsCheckVectorFailedId,
        "Weights fail their self-check",
        "{0}",
        "The file stores inputs with the outputs the network that saved it computed; the declared network, run on the file's parameters, computes other outputs, so a weight is transposed or an activation differs.");

    public static readonly DiagnosticDescriptor WeightsArchitectureMismatch = Error(
        WeightsArchitectureMismatchId,
        "Weights file was saved from another architecture",
        "{0}",
        "The file's metadata names the architecture of the network that saved it; the declaration's layers or activations differ from it.");

    public static readonly DiagnosticDescriptor WeightsNotPrepared = Error(
        WeightsNotPreparedId,
        "Weights file was not prepared for embedding",
        "{0}",
        "The compiler passes AdditionalFiles to NetGen as text, which binary files do not survive; NetGen's build step writes each weight file in a form that does. It runs when the project references the NetGen package, or imports NetGen.Weights.targets.");

    public static readonly DiagnosticDescriptor WeightsTooLargeToEmbed = Error(
        WeightsTooLargeToEmbedId,
        "Network too large to embed its weights",
        "{0}",
        "Embedded weights become part of the compiled source; past 16 million parameters (64 MB) that slows every build and the IDE, so such networks load their weights at run time.");

    public static readonly DiagnosticDescriptor FileLocalType = Error(
        FileLocalTypeId,
        "Network class cannot be file-local",
        "'{0}' is file-local ('file' on '{1}'), so the part NetGen generates in its own file would declare a second, unrelated type; replace 'file' with 'internal'",
        "A file-local type exists only in the file that declares it, and all its partial parts must be in that file. NetGen adds the network's members in a generated file, where the same name would declare another type.");

    public static readonly DiagnosticDescriptor PrimaryConstructor = Error(
        PrimaryConstructorId,
        "Network class cannot have a primary constructor",
        "'{0}' has a primary constructor, which the generated constructors {0}() and {0}(int seed) would have to call; remove the parameter list and pass those values through properties or methods",
        "C# requires every other constructor of a type with a primary constructor to chain to it, and NetGen's generated constructors cannot know its arguments.");

    public static readonly DiagnosticDescriptor UnsuitableBaseClass = Error(
        UnsuitableBaseClassId,
        "Network class cannot derive from this base class",
        "'{0}' derives from '{1}', which {2}",
        "The generated constructors call the base class's parameterless constructor, and the generated members must not hide members of the base class (a network deriving from another network would hide all of them).");

    public static readonly DiagnosticDescriptor LanguageVersionTooLow = Error(
        LanguageVersionTooLowId,
        "C# 11 or later is required",
        "'{0}' is not generated: NetGen's generated code needs C# 11 or later, and this project compiles C# {1}; set <LangVersion>11</LangVersion> or later in the project (the default for net8.0 is C# 12)",
        "The generated code keeps each network's kernels in a file-local class, a C# 11 feature. NetGen generates nothing for a project with an older language version.");

    public static readonly DiagnosticDescriptor NoVector512 = Error(
        NoVector512Id,
        "Target framework lacks System.Runtime.Intrinsics.Vector512",
        "'{0}' is not generated: NetGen's generated code needs System.Runtime.Intrinsics.Vector512 and Span<T>, which this target framework does not have; target net8.0 or later",
        "The generated kernels use Vector512, Vector256 and Vector128, which .NET 8 and later provide; netstandard2.x, .NET Framework and .NET 7 do not. NetGen generates nothing for such a target.");
    public static readonly DiagnosticDescriptor SoftmaxWithoutLoss = Warning(
        SoftmaxWithoutLossId,
        "Softmax output without a Loss",
        "The last layer uses Softmax but [Network] sets no Loss, so '{0}' trains with MeanSquaredError; add Loss = Loss.CrossEntropy for a classifier, or write Loss = Loss.MeanSquaredError to keep it",
        "A Softmax output makes class probabilities, which cross-entropy trains quickly and well; the default loss, mean squared error, trains them slowly. A Sigmoid output with the default loss is not reported: mean squared error on a sigmoid is a regression to [0, 1].");

    /// <summary>Every descriptor, in ID order: what the analyzer supports.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        NotPartial,
        GenericType,
        StaticClass,
        UnsupportedTypeKind,
        LayersWithoutNetwork,
        DuplicateNetwork,
        InputsNotPositive,
        NoLayers,
        UnitsNotPositive,
        TooFewPieces,
        SizeTooLarge,
        UndefinedEnumValue,
        SoftmaxNotLast,
        LossDoesNotFitOutput,
        StepIsNotTrainable,
        AlphaIgnored,
        LeakyAlphaOutOfRange,
        LayersSplitAcrossParts,
        MemberConflict,
        WeightsFileNotFound,
        LargeNetwork,
        LargeGeneratedCode,
        FileLocalType,
        PrimaryConstructor,
        UnsuitableBaseClass,
        LanguageVersionTooLow,
        NoVector512,
        SoftmaxWithoutLoss,
        WeightsFileDamaged,
        WeightsTensorMissing,
        WeightsTensorUnexpected,
        WeightsTensorWrongShape,
        WeightsCheckVectorFailed,
        WeightsArchitectureMismatch,
        WeightsNotPrepared,
        WeightsTooLargeToEmbed);

    /// <summary>
    /// The link to the ID's section of docs/diagnostics.md, whose heading is "ID: title". The fragment is the
    /// anchor GitHub derives from that heading: lower case, punctuation dropped, spaces turned into hyphens.
    /// </summary>
    internal static string HelpLink(string id, string title) => HelpRoot + Anchor(id + ": " + title);

    internal static string Anchor(string heading)
    {
        var anchor = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }

        return anchor.ToString();
    }

    private static DiagnosticDescriptor Error(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id, title));

    private static DiagnosticDescriptor Warning(string id, string title, string message, string description) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: description, helpLinkUri: HelpLink(id, title));
}
