using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The form of the declaration that carries [Network]: whether NetGen can add a partial part to it (and to each
/// containing type), and how that part re-declares them. Any form the generated part could not join, or would
/// join as a second, unrelated type, is a problem at the class's name.
/// </summary>
internal static class DeclarationForm
{
    public static void Check(INamedTypeSymbol type, Location? location, List<Problem> problems)
    {
        if (KindProblem(type) is { } kind)
        {
            problems.Add(new Problem(DiagnosticDescriptors.UnsupportedTypeKind, location, new object?[] { type.Name, kind.What, kind.Why }));
            return;
        }

        if (type.IsStatic)
        {
            problems.Add(new Problem(DiagnosticDescriptors.StaticClass, location, new object?[] { type.Name }));
        }

        if (type.TypeParameters.Length > 0)
        {
            problems.Add(new Problem(DiagnosticDescriptors.GenericType, location, new object?[] { type.Name }));
        }

        if (Chain(type).FirstOrDefault(t => t.IsFileLocal) is { } fileLocal)
        {
            problems.Add(new Problem(DiagnosticDescriptors.FileLocalType, location, new object?[] { type.Name, fileLocal.Name }));
        }

        // One diagnostic on the network class naming every type of the chain that lacks 'partial': a diagnostic
        // on a containing type would lie outside the analysed symbol, which the IDE may not show.
        var notPartial = Chain(type).Where(t => !IsPartialEverywhere(t)).Reverse().Select(t => "'" + t.Name + "'").ToList();
        if (notPartial.Count > 0)
        {
            var names = notPartial.Count == 1
                ? notPartial[0]
                : string.Join(", ", notPartial.Take(notPartial.Count - 1)) + " and " + notPartial[notPartial.Count - 1];
            problems.Add(new Problem(DiagnosticDescriptors.NotPartial, location, new object?[] { names }));
        }

        if (type.InstanceConstructors.Any(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax)))
        {
            problems.Add(new Problem(DiagnosticDescriptors.PrimaryConstructor, location, new object?[] { type.Name }));
        }

        if (type.BaseType is { SpecialType: not SpecialType.System_Object } baseType && BaseClassProblem(type, baseType) is { } reason)
        {
            problems.Add(new Problem(DiagnosticDescriptors.UnsuitableBaseClass, location, new object?[] { type.Name, baseType.ToDisplayString(), reason }));
        }
    }

    /// <summary>
    /// Whether the class and every containing type has a name: a half-typed <c>partial class {</c> is a compiler
    /// error already, and a part generated for it would add errors of its own.
    /// </summary>
    public static bool IsNamed(INamedTypeSymbol type) => Chain(type).All(t => t.Name.Length > 0);

    /// <summary>How the generated part re-declares the class and its containing types.</summary>
    public static TypeHierarchy Describe(INamedTypeSymbol type)
    {
        var containing = Chain(type.ContainingType).Reverse().Select(Declare).ToEquatableArray();
        var namespaces = new List<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            namespaces.Insert(0, ns.Name);
        }

        var flatName = string.Join(".", namespaces.Concat(Chain(type).Reverse().Select(t => t.MetadataName)));
        var namespaceName = namespaces.Count == 0 ? null : string.Join(".", namespaces.Select(Identifier));
        return new TypeHierarchy(namespaceName, containing, Declare(type), flatName);
    }

    private static (string What, string Why)? KindProblem(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Struct, IsRecord: true } => ("a record struct", "a copy would share the parameter arrays, and a default value would have none"),
        { TypeKind: TypeKind.Struct } => ("a struct", "a copy would share the parameter arrays, and a default value would have none"),
        { TypeKind: TypeKind.Interface } => ("an interface", "an interface cannot hold the parameters"),
        { IsRecord: true } => ("a record", "the copy a 'with' expression makes would share the parameter, gradient and scratch arrays with the original, and record equality would compare those arrays by reference"),
        { TypeKind: TypeKind.Class } => null,
        _ => ("not a class", "[Network] describes a class"),
    };

    /// <summary>Why the generated members cannot join a class derived from <paramref name="baseType"/>; null when they can.</summary>
    private static string? BaseClassProblem(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var ancestor = baseType; ancestor is { SpecialType: not SpecialType.System_Object }; ancestor = ancestor.BaseType)
        {
            if (ancestor.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.Network)
                || ancestor.AllInterfaces.Any(i => i.ToDisplayString() == "NetGen.INetwork"))
            {
                return $"is a network itself (through '{ancestor.Name}'), whose members the generated ones would hide; hold that network in a field instead of deriving from it";
            }

            var hidden = ancestor.GetMembers().FirstOrDefault(m => !m.IsImplicitlyDeclared && m.DeclaredAccessibility != Accessibility.Private && GeneratedMembers.Contains(m.Name));
            if (hidden is not null)
            {
                return $"declares '{hidden.Name}', which the member NetGen generates would hide; rename it in '{ancestor.Name}' or hold that object in a field instead of deriving from it";
            }
        }

        var constructible = baseType.InstanceConstructors.Any(c =>
            c.Parameters.All(p => p.IsOptional || p.IsParams) && IsAccessibleFromDerived(c, type));
        return constructible
            ? null
            : "has no accessible parameterless constructor for the generated constructors to call; add one to it (protected is enough) or derive from another class";
    }

    private static bool IsAccessibleFromDerived(IMethodSymbol constructor, INamedTypeSymbol derived) => constructor.DeclaredAccessibility switch
    {
        Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal => true,
        Accessibility.Internal or Accessibility.ProtectedAndInternal =>
            SymbolEqualityComparer.Default.Equals(constructor.ContainingAssembly, derived.ContainingAssembly)
            || constructor.ContainingAssembly.GivesAccessTo(derived.ContainingAssembly),
        Accessibility.Private => Chain(derived.ContainingType).Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, constructor.ContainingType.OriginalDefinition)),
        _ => false,
    };

    private static TypeDeclaration Declare(INamedTypeSymbol type)
    {
        var keyword = type switch
        {
            { TypeKind: TypeKind.Struct, IsRecord: true } => "record struct",
            { TypeKind: TypeKind.Struct } => "struct",
            { TypeKind: TypeKind.Interface } => "interface",
            { IsRecord: true } => "record",
            _ => "class",
        };
        var typeParameters = type.TypeParameters.Select(p => p.Variance switch
        {
            VarianceKind.Out => "out " + Identifier(p.Name),
            VarianceKind.In => "in " + Identifier(p.Name),
            _ => Identifier(p.Name),
        });
        return new TypeDeclaration(keyword, Identifier(type.Name), typeParameters.ToEquatableArray())
        {
            IsInstantiable = !type.IsAbstract && (type.ContainingType is not null || type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal),
        };
    }

    /// <summary>A name as C# source must spell it: <c>@class</c> for a keyword, which is always allowed.</summary>
    private static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>A type followed by its containing types, innermost first.</summary>
    private static IEnumerable<INamedTypeSymbol> Chain(INamedTypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            yield return current;
        }
    }

    /// <summary>Whether every declaration of the type says 'partial' (one that does not is compiler error CS0260).</summary>
    private static bool IsPartialEverywhere(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.All(r => r.GetSyntax() is TypeDeclarationSyntax declaration
            && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));
}
