using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace NetGen.CodeFixes;

/// <summary>Small rewrites of NetGen attributes shared by the code fixes.</summary>
internal static class AttributeEdits
{
    public const string NetworkAttribute = "NetGen.NetworkAttribute";
    public const string DenseAttribute = "NetGen.DenseAttribute";
    public const string MaxoutAttribute = "NetGen.MaxoutAttribute";

    /// <summary><c>global::NetGen.{enumName}.{member}</c>, simplified to what the file's usings allow.</summary>
    public static ExpressionSyntax EnumValue(string enumName, string member) =>
        ParseExpression($"global::NetGen.{enumName}.{member}").WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>Sets a [Dense]'s activation: replaces the written one, or adds it after the units.</summary>
    public static AttributeSyntax WithActivation(AttributeSyntax dense, string activation)
    {
        var value = EnumValue("Activation", activation);
        var list = dense.ArgumentList ?? AttributeArgumentList();
        var arguments = list.Arguments;
        var constructorArguments = arguments.Where(a => a.NameEquals is null).ToList();
        var existing = constructorArguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "activation")
            ?? (constructorArguments.Count > 1 && constructorArguments[1].NameColon is null ? constructorArguments[1] : null);
        if (existing is not null)
        {
            return dense.WithArgumentList(list.WithArguments(arguments.Replace(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)))));
        }

        var named = constructorArguments.Any(a => a.NameColon is not null);
        var argument = named ? AttributeArgument(null, NameColon("activation"), value) : AttributeArgument(value);
        var insertAt = constructorArguments.Count == 0 ? 0 : arguments.IndexOf(constructorArguments[constructorArguments.Count - 1]) + 1;
        return dense.WithArgumentList(list.WithArguments(arguments.Insert(insertAt, argument))).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>Sets a [Network]'s <c>Loss</c>: replaces the written one, or adds <c>Loss = Loss.{loss}</c> after the other arguments.</summary>
    public static AttributeSyntax WithLoss(AttributeSyntax network, string loss)
    {
        var value = EnumValue("Loss", loss);
        var list = network.ArgumentList ?? AttributeArgumentList();
        var existing = list.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "Loss");
        if (existing is not null)
        {
            return network.WithArgumentList(list.WithArguments(list.Arguments.Replace(existing, existing.WithExpression(value.WithTriviaFrom(existing.Expression)))));
        }

        var arguments = list.Arguments.Add(AttributeArgument(NameEquals("Loss"), null, value));
        return network.WithArgumentList(list.WithArguments(arguments)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>The type symbol's layer attributes' syntax, last one first, when declared in the given tree.</summary>
    public static AttributeData? LastLayer(INamedTypeSymbol type) =>
        type.GetAttributes().LastOrDefault(a => a.AttributeClass?.ToDisplayString() is DenseAttribute or MaxoutAttribute);

    public static AttributeData? Network(INamedTypeSymbol type) =>
        type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == NetworkAttribute);

    public static bool IsDense(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() == DenseAttribute;

    /// <summary>The activation a well-formed [Dense] declares, by its name in <c>NetGen.Activation</c>.</summary>
    public static string? ActivationOf(AttributeData dense) =>
        IsDense(dense) && dense.ConstructorArguments.Length == 2 && dense.ConstructorArguments[1].Value is int value
            ? Name(dense.ConstructorArguments[1].Type, value)
            : null;

    /// <summary>The loss the [Network] declares, by its name in <c>NetGen.Loss</c> (MeanSquaredError when not set).</summary>
    public static string? LossOf(AttributeData network)
    {
        foreach (var named in network.NamedArguments)
        {
            if (named.Key == "Loss")
            {
                return named.Value.Value is int value ? Name(named.Value.Type, value) : null;
            }
        }

        return "MeanSquaredError";
    }

    private static string? Name(ITypeSymbol? enumType, int value) =>
        enumType?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && f.ConstantValue is int v && v == value)?.Name;

    /// <summary>The syntax of an attribute when it sits in <paramref name="tree"/>.</summary>
    public static AttributeSyntax? SyntaxIn(AttributeData attribute, SyntaxTree tree, System.Threading.CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == tree
            ? reference.GetSyntax(cancellationToken) as AttributeSyntax
            : null;

    public static SyntaxToken PartialKeyword() => Token(SyntaxKind.PartialKeyword);
}
