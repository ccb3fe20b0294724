using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// The VolumeGen attribute types of one compilation. Resolve once (an analyzer's compilation-start action, a
/// generator transform) and pass to <see cref="StorageClassReader"/>. When a type is missing or ambiguous
/// (two references define it), attributes are recognised by their metadata name, as
/// <c>ForAttributeWithMetadataName</c> does.
/// </summary>
internal sealed class VolumeGenAttributes
{
    public const string Namespace = "VolumeGen";
    public const string PersistentVolumeMetadataName = "VolumeGen.PersistentVolumeAttribute";
    public const string AnonymousVolumeMetadataName = "VolumeGen.AnonymousVolumeAttribute";
    public const string BindMountMetadataName = "VolumeGen.BindMountAttribute";
    public const string TmpfsMountMetadataName = "VolumeGen.TmpfsMountAttribute";
    public const string EphemeralPathMetadataName = "VolumeGen.EphemeralPathAttribute";

    private VolumeGenAttributes(INamedTypeSymbol? persistentVolume, INamedTypeSymbol? anonymousVolume, INamedTypeSymbol? bindMount, INamedTypeSymbol? tmpfsMount, INamedTypeSymbol? ephemeralPath)
    {
        PersistentVolume = persistentVolume;
        AnonymousVolume = anonymousVolume;
        BindMount = bindMount;
        TmpfsMount = tmpfsMount;
        EphemeralPath = ephemeralPath;
    }

    /// <summary>Recognises attributes by metadata name only (no compilation at hand).</summary>
    public static VolumeGenAttributes ByName { get; } = new(null, null, null, null, null);

    public INamedTypeSymbol? PersistentVolume { get; }

    public INamedTypeSymbol? AnonymousVolume { get; }

    public INamedTypeSymbol? BindMount { get; }

    public INamedTypeSymbol? TmpfsMount { get; }

    public INamedTypeSymbol? EphemeralPath { get; }

    /// <summary>True when the compilation references VolumeGen's attributes at all.</summary>
    public bool AnyResolved => PersistentVolume is not null || AnonymousVolume is not null || BindMount is not null || TmpfsMount is not null || EphemeralPath is not null;

    /// <summary>Resolves the attribute types of <paramref name="compilation"/>.</summary>
    public static VolumeGenAttributes Create(Compilation compilation)
        => new(
            compilation.GetTypeByMetadataName(PersistentVolumeMetadataName),
            compilation.GetTypeByMetadataName(AnonymousVolumeMetadataName),
            compilation.GetTypeByMetadataName(BindMountMetadataName),
            compilation.GetTypeByMetadataName(TmpfsMountMetadataName),
            compilation.GetTypeByMetadataName(EphemeralPathMetadataName));

    /// <summary>Which VolumeGen attribute <paramref name="attributeClass"/> is, or <see cref="VolumeGenAttributeKind.None"/>.</summary>
    public VolumeGenAttributeKind Classify(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || attributeClass.TypeKind == TypeKind.Error)
        {
            return VolumeGenAttributeKind.None;
        }

        if (Matches(attributeClass, PersistentVolume, "PersistentVolumeAttribute"))
        {
            return VolumeGenAttributeKind.PersistentVolume;
        }

        if (Matches(attributeClass, AnonymousVolume, "AnonymousVolumeAttribute"))
        {
            return VolumeGenAttributeKind.AnonymousVolume;
        }

        if (Matches(attributeClass, BindMount, "BindMountAttribute"))
        {
            return VolumeGenAttributeKind.BindMount;
        }

        if (Matches(attributeClass, TmpfsMount, "TmpfsMountAttribute"))
        {
            return VolumeGenAttributeKind.TmpfsMount;
        }

        if (Matches(attributeClass, EphemeralPath, "EphemeralPathAttribute"))
        {
            return VolumeGenAttributeKind.EphemeralPath;
        }

        return VolumeGenAttributeKind.None;
    }

    private static bool Matches(INamedTypeSymbol attributeClass, INamedTypeSymbol? resolved, string name)
    {
        if (resolved is not null)
        {
            return SymbolEqualityComparer.Default.Equals(attributeClass, resolved);
        }

        return attributeClass.Name == name
            && attributeClass.ContainingType is null
            && attributeClass.ContainingNamespace is { Name: Namespace } ns
            && ns.ContainingNamespace is { IsGlobalNamespace: true };
    }
}
