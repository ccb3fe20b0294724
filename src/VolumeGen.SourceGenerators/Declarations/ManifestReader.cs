using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// Finds VolumeGen manifests: the generated <c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c> of a
/// compilation or of a referenced assembly, or, when the generator's output is not part of the compilation (an
/// analyzer test, a project without the generator), the same manifest rebuilt from the declarations.
/// </summary>
internal static class ManifestReader
{
    /// <summary>The manifest JSON carried by <paramref name="assembly"/>, or null when it carries none.</summary>
    public static string? FindManifestJson(IAssemblySymbol assembly)
    {
        foreach (AttributeData attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } attributeClass
                && attributeClass.ContainingNamespace?.ToDisplayString() == "System.Reflection"
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string key
                && key == VolumeManifest.MetadataKey
                && attribute.ConstructorArguments[1].Value is string json)
            {
                return json;
            }
        }

        return null;
    }

    /// <summary>The parsed manifest of <paramref name="assembly"/>, or null when it has none or it cannot be read.</summary>
    public static VolumeManifest? FindManifest(IAssemblySymbol assembly)
        => VolumeManifest.TryParse(FindManifestJson(assembly), out VolumeManifest? manifest, out _) ? manifest : null;

    /// <summary>
    /// The manifest of <paramref name="compilation"/>'s own assembly: the generated attribute when present,
    /// otherwise rebuilt from the declarations in source (same content the generator would write).
    /// </summary>
    public static VolumeManifest Read(Compilation compilation, CancellationToken cancellationToken)
        => FindManifest(compilation.Assembly) ?? FromDeclarations(compilation, cancellationToken);

    /// <summary>Rebuilds the manifest from every storage class declared in <paramref name="compilation"/>'s source.</summary>
    public static VolumeManifest FromDeclarations(Compilation compilation, CancellationToken cancellationToken)
    {
        var attributes = VolumeGenAttributes.Create(compilation);
        var classes = new List<StorageClassDeclaration>();
        if (attributes.AnyResolved)
        {
            CollectTypes(compilation.Assembly.GlobalNamespace, attributes, classes, cancellationToken);
        }

        IReadOnlyList<string> assemblyPaths = attributes.EphemeralPath is null
            ? Array.Empty<string>()
            : StorageClassReader.ReadAssemblyEphemeralPaths(compilation.Assembly, attributes, cancellationToken);
        return Build(classes, assemblyPaths);
    }

    /// <summary>
    /// The manifest of <paramref name="classes"/>: every storage class — the ones the generator cannot generate
    /// recorded with their errors (<see cref="StorageClassDeclaration.ToManifestClass"/>) — and the ephemeral paths
    /// of every class and the assembly.
    /// </summary>
    public static VolumeManifest Build(IEnumerable<StorageClassDeclaration> classes, IEnumerable<string> assemblyEphemeralPaths)
    {
        var entries = new List<ManifestClass>();
        var ephemeral = new List<string>(assemblyEphemeralPaths);
        foreach (StorageClassDeclaration declaration in classes)
        {
            ephemeral.AddRange(declaration.EphemeralPaths);
            if (declaration.ToManifestClass() is ManifestClass entry)
            {
                entries.Add(entry);
            }
        }

        // One entry per class name even if a caller passes the same class twice.
        return new VolumeManifest(entries.GroupBy(static e => e.Name, StringComparer.Ordinal).Select(static g => g.First()), ephemeral);
    }

    private static void CollectTypes(INamespaceOrTypeSymbol container, VolumeGenAttributes attributes, List<StorageClassDeclaration> classes, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (container is INamespaceSymbol ns)
        {
            foreach (INamespaceSymbol child in ns.GetNamespaceMembers())
            {
                CollectTypes(child, attributes, classes, cancellationToken);
            }
        }

        foreach (INamedTypeSymbol type in container.GetTypeMembers())
        {
            // A class without any attribute list in its declarations cannot be a storage class: skipping it unbound
            // keeps this walk (run by the usage analyzer once per compilation, so once per edit in the IDE) from
            // binding the attributes of every class of the project.
            if (type.TypeKind == TypeKind.Class && StorageClassReader.HasAttributeSyntax(type, cancellationToken)
                && StorageClassReader.Read(type, attributes, cancellationToken) is StorageClassDeclaration declaration)
            {
                classes.Add(declaration);
            }

            CollectTypes(type, attributes, classes, cancellationToken);
        }
    }
}
