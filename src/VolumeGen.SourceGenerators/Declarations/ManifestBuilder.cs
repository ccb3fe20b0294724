using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using VolumeGen.SourceGenerators.Model;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// Builds the VolumeGen manifest from storage-class declarations: the generator's output, and the same manifest
/// rebuilt from source when the generator's output is not part of the compilation (an analyzer test, a project
/// without the generator).
/// </summary>
internal static class ManifestBuilder
{
    /// <summary>
    /// The manifest of <paramref name="compilation"/>'s own assembly: the generated attribute when present,
    /// otherwise rebuilt from the declarations in source (same content the generator would write).
    /// </summary>
    public static VolumeManifest ForCompilation(Compilation compilation, CancellationToken cancellationToken)
        => ManifestAttribute.Find(compilation.Assembly) ?? FromDeclarations(compilation, cancellationToken);

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
    /// recorded with their errors (<see cref="ToManifestClass"/>) — and the ephemeral paths
    /// of every class and the assembly.
    /// </summary>
    public static VolumeManifest Build(IEnumerable<StorageClassDeclaration> classes, IEnumerable<string> assemblyEphemeralPaths)
    {
        var entries = new List<ManifestClass>();
        var ephemeral = new List<string>(assemblyEphemeralPaths);
        foreach (StorageClassDeclaration declaration in classes)
        {
            ephemeral.AddRange(declaration.EphemeralPaths);
            if (ToManifestClass(declaration) is ManifestClass entry)
            {
                entries.Add(entry);
            }
        }

        // One entry per class name even if a caller passes the same class twice.
        return new VolumeManifest(entries.GroupBy(static e => e.Name, StringComparer.Ordinal).Select(static g => g.First()), ephemeral);
    }

    /// <summary>
    /// The manifest entry: a valid class with its mounts, or a class VolumeGen cannot generate with the mounts that
    /// have values and the errors the declaration analyzer reports, so no declaration vanishes from the manifest.
    /// Null for a class with no mounts, and for one the compiler itself rejects (an argument it could not bind, a
    /// declaration without a name): that build fails before anything reads the manifest.
    /// </summary>
    private static ManifestClass? ToManifestClass(StorageClassDeclaration declaration)
    {
        if (declaration.CanGenerate)
        {
            return new ManifestClass(declaration.FullName, declaration.ToMountSet()!);
        }

        if (declaration.Mounts.Count == 0)
        {
            return null;
        }

        IReadOnlyList<ManifestProblem> errors = DeclarationProblems.Errors(declaration);
        if (errors.Count == 0)
        {
            return null;
        }

        var mounts = new List<Mount>();
        foreach (MountDeclaration mount in declaration.Mounts)
        {
            if (mount.ToMount() is Mount value)
            {
                mounts.Add(value);
            }
        }

        return new ManifestClass(declaration.FullName, new MountSet(mounts), errors);
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
