using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Helpers;
using VolumeGen.SourceGenerators.Model;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// Reads VolumeGen declarations from symbols: the generator's parser and the analyzers' reader are this one
/// class, so both see exactly the same mounts. Never throws for broken code: arguments the compiler could
/// not bind are recorded as unusable (the compiler reports those itself).
/// </summary>
internal static class StorageClassReader
{
    /// <summary>
    /// The storage-class model of <paramref name="type"/>, or null when it carries no VolumeGen mount or
    /// ephemeral-path attribute (or is not declared in source).
    /// </summary>
    public static StorageClassDeclaration? Read(INamedTypeSymbol type, VolumeGenAttributes attributes, CancellationToken cancellationToken)
    {
        var mounts = new List<MountDeclaration>();
        var ephemeralPaths = new List<string>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            VolumeGenAttributeKind kind = attributes.Classify(attribute.AttributeClass);
            if (kind == VolumeGenAttributeKind.EphemeralPath)
            {
                if (ReadEphemeralPath(attribute) is string path)
                {
                    ephemeralPaths.Add(path);
                }
            }
            else if (kind != VolumeGenAttributeKind.None)
            {
                mounts.Add(ReadMount(attribute, kind));
            }
        }

        if ((mounts.Count == 0 && ephemeralPaths.Count == 0) || type.DeclaringSyntaxReferences.IsDefaultOrEmpty)
        {
            return null;
        }

        var containing = new List<TypeHeader>();
        StorageClassShape shape = ShapeOf(type, cancellationToken);
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            StorageClassShape outerShape = ShapeOf(outer, cancellationToken);
            shape = Worst(shape, outerShape);
            containing.Insert(0, Header(outer, cancellationToken));
        }

        string? ns = NamespaceOf(type);
        string typePath = string.Join(".", containing.Select(static h => h.Name).Concat(new[] { type.Name }));
        string metadataPath = string.Join("+", containing.Select(static h => h.Name).Concat(new[] { type.Name }));
        // Inherited names count too: a constant named like a base member (ToString, Equals, …) would hide it (CS0108).
        var memberNames = new SortedSet<string>(type.MemberNames, StringComparer.Ordinal);
        var inheritedReserved = new SortedSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
        {
            memberNames.UnionWith(baseType.MemberNames);
            inheritedReserved.UnionWith(baseType.MemberNames.Where(static name => MemberNaming.ReservedMemberNames.Contains(name)));

            // A base storage class gets the generated members too, though they are not in this compilation yet.
            if (!baseType.DeclaringSyntaxReferences.IsDefaultOrEmpty && Read(baseType, attributes, cancellationToken) is { CanGenerate: true } baseDeclaration)
            {
                inheritedReserved.UnionWith(MemberNaming.ReservedMemberNames);
                memberNames.UnionWith(MemberNaming.ConstantNames(baseDeclaration, baseDeclaration.ToMountSet()!));
            }
        }
        if (!IsValidName(type.Name) || containing.Any(static h => !IsValidName(h.Name)) || (ns is not null && ns.Split('.').Any(static part => !IsValidName(part))))
        {
            shape = StorageClassShape.Incomplete;
        }

        if (shape == StorageClassShape.Supported && TakesReservedName(type))
        {
            shape = StorageClassShape.MemberNameTaken;
        }

        return new StorageClassDeclaration(
            MetadataName: ns is null ? metadataPath : ns + "." + metadataPath,
            FullName: ns is null ? typePath : ns + "." + typePath,
            Namespace: ns,
            ContainingTypes: containing.ToEquatableArray(),
            Type: Header(type, cancellationToken),
            Shape: shape,
            Mounts: mounts.ToEquatableArray(),
            EphemeralPaths: ephemeralPaths.ToEquatableArray(),
            MemberNames: memberNames.ToEquatableArray(),
            InheritedReservedNames: inheritedReserved.ToEquatableArray(),
            TakenMemberName: shape == StorageClassShape.MemberNameTaken ? (FindMemberTakingReservedName(type)?.Name ?? type.Name) : null);
    }

    /// <summary>
    /// The mount attributes of <paramref name="type"/> in the order <see cref="Read"/> lists them, each with its
    /// <see cref="AttributeData"/> (whose <c>ApplicationSyntaxReference</c> locates the arguments).
    /// </summary>
    public static IReadOnlyList<DeclaredMount> ReadMounts(INamedTypeSymbol type, VolumeGenAttributes attributes, CancellationToken cancellationToken)
    {
        // The declaration analyzer asks this of every class of the project: one without mounts allocates nothing.
        List<DeclaredMount>? mounts = null;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            VolumeGenAttributeKind kind = attributes.Classify(attribute.AttributeClass);
            if (kind is not VolumeGenAttributeKind.None and not VolumeGenAttributeKind.EphemeralPath)
            {
                (mounts ??= new List<DeclaredMount>()).Add(new DeclaredMount(attribute, ReadMount(attribute, kind)));
            }
        }

        return mounts ?? (IReadOnlyList<DeclaredMount>)Array.Empty<DeclaredMount>();
    }

    /// <summary>The normalised paths of <c>[assembly: EphemeralPath(...)]</c> attributes of <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<string> ReadAssemblyEphemeralPaths(IAssemblySymbol assembly, VolumeGenAttributes attributes, CancellationToken cancellationToken)
    {
        var paths = new List<string>();
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attributes.Classify(attribute.AttributeClass) == VolumeGenAttributeKind.EphemeralPath && ReadEphemeralPath(attribute) is string path)
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>Reads one mount attribute of the given kind.</summary>
    public static MountDeclaration ReadMount(AttributeData attribute, VolumeGenAttributeKind kind)
    {
        MountKind mountKind = kind switch
        {
            VolumeGenAttributeKind.PersistentVolume => MountKind.NamedVolume,
            VolumeGenAttributeKind.AnonymousVolume => MountKind.AnonymousVolume,
            VolumeGenAttributeKind.BindMount => MountKind.Bind,
            _ => MountKind.Tmpfs,
        };

        var unusable = new List<MountArgument>();
        bool compilerErrors = attribute.AttributeConstructor is null;
        string? target = null;
        string? source = null;
        if (!compilerErrors)
        {
            ImmutableArray<IParameterSymbol> parameters = attribute.AttributeConstructor!.Parameters;
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            for (int i = 0; i < parameters.Length; i++)
            {
                TypedConstant argument = i < arguments.Length ? arguments[i] : default;
                bool isSource = parameters[i].Name == "source";
                string? value = argument.Kind == TypedConstantKind.Primitive && !argument.IsNull ? argument.Value as string : null;
                if (argument.Kind == TypedConstantKind.Error || i >= arguments.Length)
                {
                    compilerErrors = true;
                }

                if (value is null)
                {
                    unusable.Add(isSource ? MountArgument.Source : MountArgument.Target);
                }

                if (isSource)
                {
                    source = value;
                }
                else
                {
                    target = value;
                }
            }
        }

        string? name = null;
        bool readOnly = false;
        bool noCopy = false;
        SelinuxLabel label = SelinuxLabel.None;
        long? sizeBytes = null;
        int? mode = null;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            TypedConstant value = named.Value;
            if (value.Kind == TypedConstantKind.Error)
            {
                compilerErrors = true;
                continue;
            }

            switch (named.Key)
            {
                case "Name":
                    name = value.IsNull ? null : value.Value as string;
                    break;
                case "ReadOnly":
                    readOnly = value.Value is true;
                    break;
                case "NoCopy":
                    noCopy = value.Value is true;
                    break;
                case "SelinuxLabel":
                    label = value.Value is int labelValue && labelValue is >= 0 and <= 2 ? (SelinuxLabel)labelValue : SelinuxLabel.None;
                    break;
                case "SizeBytes":
                    sizeBytes = value.Value switch
                    {
                        long l => l,
                        int n => n,
                        _ => null,
                    };
                    break;
                case "Mode":
                    mode = value.Value is int m ? m : null;
                    break;
            }
        }

        if (compilerErrors && unusable.Count == 0)
        {
            unusable.Add(MountArgument.Target);
        }

        return new MountDeclaration(mountKind, target, source, name, readOnly, noCopy, label, sizeBytes, mode, unusable.ToEquatableArray(), compilerErrors);
    }

    private static string? ReadEphemeralPath(AttributeData attribute)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1)
        {
            return null;
        }

        TypedConstant argument = attribute.ConstructorArguments[0];
        return argument.Kind == TypedConstantKind.Primitive && argument.Value is string path && path.Length > 0
            ? ContainerPath.Normalize(path)
            : null;
    }

    /// <summary>
    /// The member of <paramref name="type"/> (written by the user, not by VolumeGen) whose name the generator
    /// needs, or null. Members VolumeGen generated carry <c>[GeneratedCode("VolumeGen", …)]</c> and are ignored,
    /// so analyzers running on a compilation that holds the generated code see the same answer.
    /// </summary>
    public static ISymbol? FindMemberTakingReservedName(INamedTypeSymbol type)
    {
        foreach (string name in MemberNaming.ReservedMemberNames)
        {
            foreach (ISymbol member in type.GetMembers(name))
            {
                if (!IsGeneratedByVolumeGen(member))
                {
                    return member;
                }
            }
        }

        return null;
    }

    private static bool TakesReservedName(INamedTypeSymbol type)
    {
        foreach (string name in MemberNaming.ReservedMemberNames)
        {
            if (type.Name == name)
            {
                return true;
            }
        }

        return FindMemberTakingReservedName(type) is not null;
    }

    /// <summary>True when some declaration of <paramref name="type"/> in source has an attribute list (syntax only, nothing bound).</summary>
    public static bool HasAttributeSyntax(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is MemberDeclarationSyntax { AttributeLists.Count: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a member carrying <c>[GeneratedCode("VolumeGen", …)]</c>, i.e. one VolumeGen generated.</summary>
    internal static bool IsGeneratedByVolumeGen(ISymbol member)
    {
        // The generator writes the attribute by its name (global::System.CodeDom.Compiler.GeneratedCode): a member
        // declared in source with no attribute of that name is not VolumeGen's, decided from the syntax without binding
        // the attributes of every member a storage class has.
        if (!member.DeclaringSyntaxReferences.IsDefaultOrEmpty)
        {
            switch (GeneratedCodeFromSyntax(member))
            {
                case false:
                    return false;
                case true:
                    return true;
            }
        }

        foreach (AttributeData attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "GeneratedCodeAttribute" }
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is "VolumeGen")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// From the declarations' syntax: false when no attribute is named GeneratedCode, true when one is and its first
    /// argument is the literal <c>"VolumeGen"</c> (as the generator writes it), null when only binding can tell.
    /// </summary>
    private static bool? GeneratedCodeFromSyntax(ISymbol member)
    {
        foreach (SyntaxReference reference in member.DeclaringSyntaxReferences)
        {
            // A field's symbol is declared by its variable declarator; the attributes are on the field declaration.
            SyntaxNode? node = reference.GetSyntax();
            while (node is not null and not MemberDeclarationSyntax)
            {
                node = node.Parent;
            }

            if (node is not MemberDeclarationSyntax declaration)
            {
                return null; // an unusual declaration: let the binder answer
            }

            foreach (AttributeListSyntax list in declaration.AttributeLists)
            {
                foreach (AttributeSyntax attribute in list.Attributes)
                {
                    string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                        : attribute.Name is AliasQualifiedNameSyntax aliased ? aliased.Name.Identifier.ValueText
                        : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                        : string.Empty;
                    if (name is "GeneratedCode" or "GeneratedCodeAttribute")
                    {
                        return attribute.ArgumentList is { Arguments.Count: 2 } arguments
                            && arguments.Arguments[0].NameColon is null
                            && arguments.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "VolumeGen" } literal
                            && literal.IsKind(SyntaxKind.StringLiteralExpression)
                            ? true
                            : null;
                    }

                    if (name.Length == 0)
                    {
                        return null;
                    }
                }
            }
        }

        return false;
    }

    // Broken syntax (a truncated declaration) yields symbols with empty or missing names.
    private static bool IsValidName(string name) => SyntaxFacts.IsValidIdentifier(name);

    // Plain dotted names (no '@' escapes): the emitter escapes, the manifest shows names as the user reads them.
    private static string? NamespaceOf(INamedTypeSymbol type)
    {
        var parts = new List<string>();
        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            parts.Insert(0, ns.Name);
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    private static TypeHeader Header(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        string keyword = type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : type.IsRefLikeType ? "ref struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };
        return new TypeHeader(keyword, type.Name, IsPartialEverywhere(type, cancellationToken));
    }

    private static StorageClassShape ShapeOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.TypeParameters.Length > 0)
        {
            return StorageClassShape.Generic;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                return StorageClassShape.FileLocal;
            }
        }

        return IsPartialEverywhere(type, cancellationToken) ? StorageClassShape.Supported : StorageClassShape.NotPartial;
    }

    private static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    // Generic and file-local shapes cannot be fixed by adding 'partial', so they win over NotPartial.
    private static StorageClassShape Worst(StorageClassShape left, StorageClassShape right)
        => left == StorageClassShape.Supported ? right
        : right == StorageClassShape.Supported ? left
        : left == StorageClassShape.NotPartial ? right : left;
}
