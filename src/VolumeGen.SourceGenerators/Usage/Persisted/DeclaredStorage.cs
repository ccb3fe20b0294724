using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using VolumeGen.SourceGenerators.Declarations;

namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>
/// The mounts and ephemeral paths the C# code declares. Two sources, unioned: the generator's manifest
/// (<c>[assembly: AssemblyMetadata("VolumeGen.Manifest", json)]</c>, present once the generator has run) and the
/// attributes themselves, read with the generator's own <see cref="StorageClassReader"/> (IDE "Balanced" mode runs
/// generators only on build or save, so the manifest may be missing or stale). Both give the same mounts for the
/// same valid declarations: the reader keeps exactly the classes the generator would put in the manifest.
/// </summary>
internal sealed class DeclaredStorage
{
    private static readonly string[] AttributeNames =
    {
        "PersistentVolume", "AnonymousVolume", "BindMount", "TmpfsMount", "EphemeralPath",
    };

    private DeclaredStorage(IReadOnlyList<KnownMount> mounts, IReadOnlyList<string> ephemeralPaths, bool hasManifest)
    {
        Mounts = mounts;
        EphemeralPaths = ephemeralPaths;
        HasManifest = hasManifest;
    }

    /// <summary>Declared mounts, with a description naming where they come from.</summary>
    public IReadOnlyList<KnownMount> Mounts { get; }

    /// <summary>Normalised ephemeral paths (class and assembly <c>[EphemeralPath]</c>, manifest).</summary>
    public IReadOnlyList<string> EphemeralPaths { get; }

    /// <summary>True when the compilation carries a readable manifest.</summary>
    public bool HasManifest { get; }

    /// <summary>Reads the declarations of <paramref name="compilation"/>.</summary>
    /// <param name="readManifest">Read the generator's manifest attribute.</param>
    /// <param name="readAttributes">Read the VolumeGen attributes in source (the fallback).</param>
    public static DeclaredStorage Read(Compilation compilation, VolumeGenAttributes attributes, bool readManifest, bool readAttributes, CancellationToken cancellationToken)
    {
        var mounts = new List<KnownMount>();
        var ephemeral = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool hasManifest = false;

        if (readManifest && FindManifest(compilation, cancellationToken) is VolumeManifest manifest)
        {
            hasManifest = true;
            foreach (ManifestClass storageClass in manifest.Classes)
            {
                foreach (Mount mount in storageClass.Mounts)
                {
                    Add(mounts, seen, mount, storageClass.Name);
                }
            }

            ephemeral.AddRange(manifest.EphemeralPaths);
        }

        if (readAttributes)
        {
            foreach (StorageClassDeclaration declaration in ReadStorageClasses(compilation, attributes, cancellationToken))
            {
                if (declaration.ToManifestClass() is ManifestClass storageClass)
                {
                    foreach (Mount mount in storageClass.Mounts)
                    {
                        Add(mounts, seen, mount, storageClass.Name);
                    }
                }

                ephemeral.AddRange(declaration.EphemeralPaths);
            }

            ephemeral.AddRange(StorageClassReader.ReadAssemblyEphemeralPaths(compilation.Assembly, attributes, cancellationToken));
        }

        var normalized = new List<string>();
        foreach (string path in ephemeral)
        {
            if (ContainerPath.IsAbsolute(path))
            {
                normalized.Add(ContainerPath.Resolve("/", path));
            }
        }

        return new DeclaredStorage(mounts, normalized, hasManifest);
    }

    /// <summary>
    /// The source classes that carry a VolumeGen attribute. A syntax-only filter on attribute names runs
    /// first, so only candidate classes are bound.
    /// </summary>
    public static IEnumerable<StorageClassDeclaration> ReadStorageClasses(Compilation compilation, VolumeGenAttributes attributes, CancellationToken cancellationToken)
    {
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is not ClassDeclarationSyntax classDeclaration || !HasCandidateAttribute(classDeclaration))
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(classDeclaration, cancellationToken) is INamedTypeSymbol type
                    && type.DeclaringSyntaxReferences.Length > 0
                    && type.DeclaringSyntaxReferences[0].SyntaxTree == tree
                    && type.DeclaringSyntaxReferences[0].Span == classDeclaration.Span
                    && StorageClassReader.Read(type, attributes, cancellationToken) is StorageClassDeclaration declaration)
                {
                    yield return declaration;
                }
            }
        }
    }

    /// <summary>True when a class declaration has an attribute whose name could be a VolumeGen attribute.</summary>
    public static bool HasCandidateAttribute(TypeDeclarationSyntax declaration)
    {
        foreach (AttributeListSyntax list in declaration.AttributeLists)
        {
            foreach (AttributeSyntax attribute in list.Attributes)
            {
                string name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                foreach (string candidate in AttributeNames)
                {
                    if (name.StartsWith(candidate, StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The manifest the generator put in <paramref name="compilation"/>, or null.</summary>
    public static VolumeManifest? FindManifest(Compilation compilation, CancellationToken cancellationToken)
    {
        foreach (AttributeData attribute in compilation.Assembly.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass is { Name: "AssemblyMetadataAttribute" } type
                && type.ContainingNamespace?.ToDisplayString() == "System.Reflection"
                && attribute.ConstructorArguments.Length == 2
                && attribute.ConstructorArguments[0].Value is string key
                && key == VolumeManifest.MetadataKey
                && attribute.ConstructorArguments[1].Value is string json
                && VolumeManifest.TryParse(json, out VolumeManifest? manifest, out _))
            {
                return manifest;
            }
        }

        return null;
    }

    private static void Add(List<KnownMount> mounts, HashSet<string> seen, Mount mount, string className)
    {
        string target = ContainerPath.Resolve("/", mount.Target);
        if (!seen.Add(((int)mount.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture) + (mount.ReadOnly ? "r" : "w") + target))
        {
            return;
        }

        Persistence persistence = mount.Kind switch
        {
            MountKind.AnonymousVolume => Persistence.AnonymousVolume,
            MountKind.Tmpfs => Persistence.Tmpfs,
            _ => Persistence.Persistent,
        };
        string description = mount.ToString();
        if (mount.ReadOnly && description.EndsWith(" (read-only)", StringComparison.Ordinal))
        {
            description = description.Substring(0, description.Length - " (read-only)".Length);
        }

        mounts.Add(new KnownMount(target, persistence, mount.ReadOnly, description + " (declared on " + className + ")"));
    }
}
