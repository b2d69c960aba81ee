using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads a network declaration from a class symbol: the one parser behind both the generator (which keeps the
/// spec) and the analyzer (which reports the problems).
/// </summary>
internal static class NetworkParser
{
    private const float DefaultLeakyAlpha = 0.01f;
    private const float DefaultEluAlpha = 1f;

    /// <param name="type">The class carrying the attributes.</param>
    /// <param name="isAdditionalFile">Tells whether a weights file is among the AdditionalFiles; null skips that check.</param>
    public static ParsedNetwork Parse(INamedTypeSymbol type, System.Func<string, bool>? isAdditionalFile, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var attributes = type.GetAttributes();
        var networkAttributes = attributes.Where(a => Is(a, AttributeNames.Network)).ToList();
        var layerAttributes = attributes.Where(a => Is(a, AttributeNames.Dense) || Is(a, AttributeNames.Maxout)).ToList();
        var typeLocation = type.Locations.FirstOrDefault();

        if (networkAttributes.Count == 0)
        {
            if (layerAttributes.Count > 0)
            {
                problems.Add(new Problem(DiagnosticDescriptors.LayersWithoutNetwork, LocationOf(layerAttributes[0]) ?? typeLocation, new object?[] { type.Name }));
            }

            return new ParsedNetwork(null, problems);
        }

        var network = networkAttributes[0];
        var wellFormed = networkAttributes.Concat(layerAttributes).All(IsWellFormed);
        CheckType(type, networkAttributes, problems);
        cancellationToken.ThrowIfCancellationRequested();

        var inputs = wellFormed ? (int)network.ConstructorArguments[0].Value! : 0;
        var inputsValid = inputs > 0 && inputs <= NetworkLimits.MaxInputs;
        if (wellFormed && inputs <= 0)
        {
            problems.Add(new Problem(DiagnosticDescriptors.InputsNotPositive, ArgumentLocation(network, 0, "inputs"), new object?[] { inputs }));
        }
        else if (inputs > NetworkLimits.MaxInputs)
        {
            problems.Add(new Problem(DiagnosticDescriptors.SizeTooLarge, ArgumentLocation(network, 0, "inputs"), new object?[] { "The input size", inputs, NetworkLimits.MaxInputs.ToString("N0"), "the first layer's weight rows are this long" }));
        }

        var loss = LossKind.MeanSquaredError;
        string? weightsFile = null;
        foreach (var named in network.NamedArguments)
        {
            if (named.Key == "Loss" && named.Value.Value is int lossValue)
            {
                if (lossValue is < 0 or > (int)LossKind.CrossEntropy)
                {
                    problems.Add(new Problem(DiagnosticDescriptors.UndefinedEnumValue, NamedArgumentLocation(network, "Loss"), new object?[] { $"(Loss){lossValue}", "Loss" }));
                }

                loss = (LossKind)lossValue;
            }
            else if (named.Key == "Weights")
            {
                weightsFile = named.Value.Value as string;
                if (weightsFile is not null && isAdditionalFile is not null && !isAdditionalFile(weightsFile))
                {
                    problems.Add(new Problem(DiagnosticDescriptors.WeightsFileNotFound, NamedArgumentLocation(network, "Weights"), new object?[] { weightsFile }));
                }
            }
        }

        if (layerAttributes.Count == 0)
        {
            problems.Add(new Problem(DiagnosticDescriptors.NoLayers, LocationOf(network) ?? typeLocation, new object?[] { type.Name }));
        }

        CheckSingleDeclaration(type, networkAttributes.Concat(layerAttributes), problems);
        var layers = wellFormed ? ParseLayers(layerAttributes, inputsValid ? inputs : 0, problems) : new List<LayerSpec>();
        cancellationToken.ThrowIfCancellationRequested();

        if (layers.Count > 0)
        {
            CheckLoss(network, loss, layers[layers.Count - 1], problems, type.Name);
            CheckSize(type, layers, problems, typeLocation);
        }

        CheckMemberConflicts(type, problems);

        var valid = wellFormed && layers.Count == layerAttributes.Count && layers.Count > 0 && DeclarationForm.IsNamed(type)
            && problems.All(p => p.Descriptor.DefaultSeverity != DiagnosticSeverity.Error);
        var spec = valid
            ? new NetworkSpec(DeclarationForm.Describe(type), inputs, loss, layers.ToEquatableArray(), weightsFile)
            : null;
        return new ParsedNetwork(spec, problems);
    }

    private static List<LayerSpec> ParseLayers(List<AttributeData> layerAttributes, int inputs, List<Problem> problems)
    {
        var layers = new List<LayerSpec>();
        var previousWidth = inputs;
        long offset = 0;
        for (var index = 0; index < layerAttributes.Count; index++)
        {
            var attribute = layerAttributes[index];
            var number = index + 1;
            var isMaxout = Is(attribute, AttributeNames.Maxout);
            var units = (int)attribute.ConstructorArguments[0].Value!;
            var second = (int)attribute.ConstructorArguments[1].Value!;
            var pieces = isMaxout ? second : 1;
            var activation = isMaxout ? ActivationKind.Identity : (ActivationKind)second;
            var layerValid = true;

            if (units <= 0)
            {
                problems.Add(new Problem(DiagnosticDescriptors.UnitsNotPositive, ArgumentLocation(attribute, 0, "units"), new object?[] { number, units }));
                layerValid = false;
            }

            if (isMaxout && pieces < 2)
            {
                problems.Add(new Problem(DiagnosticDescriptors.TooFewPieces, ArgumentLocation(attribute, 1, "pieces"), new object?[] { number, pieces }));
                layerValid = false;
            }
            else if (isMaxout && pieces > NetworkLimits.MaxPieces)
            {
                problems.Add(new Problem(DiagnosticDescriptors.SizeTooLarge, ArgumentLocation(attribute, 1, "pieces"), new object?[] { $"Layer {number}'s pieces", pieces, NetworkLimits.MaxPieces, "more pieces than this add cost without adding expressiveness that more units would not give" }));
                layerValid = false;
            }

            if (layerValid && (long)units * pieces > NetworkLimits.MaxLayerWidth)
            {
                problems.Add(new Problem(DiagnosticDescriptors.SizeTooLarge, ArgumentLocation(attribute, 0, "units"), new object?[] { $"Layer {number}'s width (units × pieces)", (long)units * pieces, NetworkLimits.MaxLayerWidth.ToString("N0"), "the generated code keeps a few rows of every layer on the stack" }));
                layerValid = false;
            }

            if (!isMaxout && (second < 0 || second > (int)ActivationKind.Softmax))
            {
                problems.Add(new Problem(DiagnosticDescriptors.UndefinedEnumValue, ArgumentLocation(attribute, 1, "activation"), new object?[] { $"(Activation){second}", "Activation" }));
                layerValid = false;
            }

            var activationDefined = isMaxout || activation is >= ActivationKind.Identity and <= ActivationKind.Softmax;
            var alpha = activationDefined ? ReadAlpha(attribute, activation, number, problems) : 0f;
            if (activation == ActivationKind.Softmax && index != layerAttributes.Count - 1)
            {
                problems.Add(new Problem(DiagnosticDescriptors.SoftmaxNotLast, ArgumentLocation(attribute, 1, "activation"), new object?[] { number }));
            }

            if (activation == ActivationKind.Step)
            {
                problems.Add(new Problem(DiagnosticDescriptors.StepIsNotTrainable, ArgumentLocation(attribute, 1, "activation"), new object?[] { number }));
            }

            if (!layerValid || previousWidth <= 0)
            {
                previousWidth = layerValid ? units : 0;
                continue;
            }

            var layer = new LayerSpec(index, isMaxout ? LayerKind.Maxout : LayerKind.Dense, previousWidth, units, pieces, activation, alpha, offset);
            layers.Add(layer);
            offset += layer.ParameterCount;
            previousWidth = units;
        }

        return layers;
    }

    private static float ReadAlpha(AttributeData attribute, ActivationKind activation, int number, List<Problem> problems)
    {
        var fallback = activation switch
        {
            ActivationKind.LeakyReLU => DefaultLeakyAlpha,
            ActivationKind.ELU => DefaultEluAlpha,
            _ => 0f,
        };
        var set = attribute.NamedArguments.Where(n => n.Key == "Alpha").Select(n => n.Value.Value).OfType<float>().ToList();
        if (set.Count == 0)
        {
            return fallback;
        }

        var alpha = set[0];
        var location = NamedArgumentLocation(attribute, "Alpha");
        if (activation is not (ActivationKind.LeakyReLU or ActivationKind.ELU))
        {
            problems.Add(new Problem(DiagnosticDescriptors.AlphaIgnored, location, new object?[] { number, Is(attribute, AttributeNames.Maxout) ? "Maxout" : activation.ToString() }));
            return fallback;
        }

        if (activation == ActivationKind.LeakyReLU && !(alpha > 0f && alpha < 1f))
        {
            problems.Add(new Problem(DiagnosticDescriptors.LeakyAlphaOutOfRange, location, new object?[] { number, alpha.ToString("R", System.Globalization.CultureInfo.InvariantCulture) }));
        }

        return float.IsNaN(alpha) || float.IsInfinity(alpha) ? fallback : alpha;
    }

    private static void CheckType(INamedTypeSymbol type, List<AttributeData> networkAttributes, List<Problem> problems)
    {
        DeclarationForm.Check(type, type.Locations.FirstOrDefault(), problems);
        foreach (var duplicate in networkAttributes.Skip(1))
        {
            problems.Add(new Problem(DiagnosticDescriptors.DuplicateNetwork, LocationOf(duplicate), new object?[] { type.Name }));
        }
    }

    /// <summary>Reports, at the first attribute outside the declaration that holds [Network], attributes spread over several parts.</summary>
    private static void CheckSingleDeclaration(INamedTypeSymbol type, IEnumerable<AttributeData> attributes, List<Problem> problems)
    {
        SyntaxReference? primary = null;
        foreach (var attribute in attributes)
        {
            var reference = attribute.ApplicationSyntaxReference;
            if (reference is null)
            {
                continue;
            }

            var declaration = type.DeclaringSyntaxReferences.FirstOrDefault(d => d.SyntaxTree == reference.SyntaxTree && d.Span.Contains(reference.Span));
            if (declaration is null)
            {
                continue;
            }

            if (primary is null)
            {
                primary = declaration;
            }
            else if (!ReferenceEquals(primary, declaration))
            {
                problems.Add(new Problem(DiagnosticDescriptors.LayersSplitAcrossParts, LocationOf(attribute), new object?[] { type.Name }));
                return;
            }
        }
    }

    private static void CheckLoss(AttributeData network, LossKind loss, LayerSpec output, List<Problem> problems, string typeName)
    {
        var (expected, fix) = loss switch
        {
            LossKind.CrossEntropy => (ActivationKind.Softmax, "use Activation.Softmax on the last layer, or Loss = Loss.MeanSquaredError"),
            LossKind.BinaryCrossEntropy => (ActivationKind.Sigmoid, "use Activation.Sigmoid on the last layer, or Loss = Loss.MeanSquaredError"),
            _ => (output.Activation, string.Empty),
        };
        var actual = output.IsMaxout ? "Maxout" : output.Activation.ToString();
        if (loss is LossKind.BinaryCrossEntropy or LossKind.CrossEntropy && (output.IsMaxout || output.Activation != expected))
        {
            problems.Add(new Problem(DiagnosticDescriptors.LossDoesNotFitOutput, NamedArgumentLocation(network, "Loss") ?? LocationOf(network), new object?[] { loss.ToString(), expected.ToString(), actual, fix }));
        }

        var lossWritten = network.NamedArguments.Any(n => n.Key == "Loss");
        if (!lossWritten && !output.IsMaxout && output.Activation == ActivationKind.Softmax)
        {
            problems.Add(new Problem(DiagnosticDescriptors.SoftmaxWithoutLoss, LocationOf(network), new object?[] { typeName }));
        }
    }

    private static void CheckSize(INamedTypeSymbol type, List<LayerSpec> layers, List<Problem> problems, Location? location)
    {
        var last = layers[layers.Count - 1];
        var parameters = last.ParameterOffset + last.ParameterCount;
        if (parameters > NetworkLimits.MaxParameters)
        {
            problems.Add(new Problem(DiagnosticDescriptors.SizeTooLarge, location, new object?[] { $"The parameter count of '{type.Name}'", parameters.ToString("N0"), NetworkLimits.MaxParameters.ToString("N0"), "every parameter lives in one array, and a network this size belongs in a framework with GPU support" }));
        }
        else if (parameters > NetworkLimits.LargeParameters)
        {
            problems.Add(new Problem(DiagnosticDescriptors.LargeNetwork, location, new object?[] { type.Name, parameters, parameters * 4 / 1e6 }));
        }
    }

    private static void CheckMemberConflicts(INamedTypeSymbol type, List<Problem> problems)
    {
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.Locations.All(l => !l.IsInSource || IsGenerated(l)))
            {
                continue;
            }

            var conflict = member switch
            {
                IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 0 } => type.Name + "()",
                IMethodSymbol { MethodKind: MethodKind.Constructor, Parameters.Length: 1 } constructor when constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32 => type.Name + "(int)",
                IMethodSymbol { MethodKind: MethodKind.Constructor } => null,
                _ when GeneratedMembers.Contains(member.Name) => member.Name,
                _ => null,
            };
            if (conflict is not null)
            {
                problems.Add(new Problem(DiagnosticDescriptors.MemberConflict, member.Locations.First(), new object?[] { type.Name, conflict }));
            }
        }
    }

    private static bool IsGenerated(Location location) =>
        location.SourceTree?.FilePath.EndsWith(".g.cs", System.StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsWellFormed(AttributeData attribute) =>
        attribute.AttributeConstructor is not null
        && attribute.ConstructorArguments.Length == (Is(attribute, AttributeNames.Network) ? 1 : 2)
        && attribute.ConstructorArguments.All(a => a.Kind != TypedConstantKind.Error && a.Value is int)
        && attribute.NamedArguments.All(n => n.Value.Kind != TypedConstantKind.Error && n.Key switch
        {
            "Alpha" => n.Value.Value is float,
            "Loss" => n.Value.Value is int,
            "Weights" => n.Value.Value is null or string,
            _ => true,
        });

    private static bool Is(AttributeData attribute, string metadataName) =>
        attribute.AttributeClass is { } c && c.ToDisplayString() == metadataName;

    private static Location? LocationOf(AttributeData attribute) =>
        attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();

    /// <summary>The location of a constructor argument given by position or by name, else of the whole attribute.</summary>
    private static Location? ArgumentLocation(AttributeData attribute, int position, string parameterName)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax { ArgumentList: { } list } syntax)
        {
            return LocationOf(attribute);
        }

        var positional = list.Arguments.Where(a => a.NameEquals is null).ToList();
        var named = positional.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == parameterName);
        if (named is not null)
        {
            return named.GetLocation();
        }

        return position < positional.Count && positional[position].NameColon is null
            ? positional[position].GetLocation()
            : syntax.GetLocation();
    }

    internal static Location? NamedArgumentLocation(AttributeData attribute, string propertyName) =>
        attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } list }
            ? list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == propertyName)?.GetLocation()
            : null;
}
