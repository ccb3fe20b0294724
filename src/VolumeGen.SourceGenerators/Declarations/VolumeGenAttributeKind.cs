using Microsoft.CodeAnalysis;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>Which VolumeGen attribute an <see cref="AttributeData"/> is.</summary>
internal enum VolumeGenAttributeKind
{
    None = 0,
    PersistentVolume,
    AnonymousVolume,
    BindMount,
    TmpfsMount,
    EphemeralPath,
}
