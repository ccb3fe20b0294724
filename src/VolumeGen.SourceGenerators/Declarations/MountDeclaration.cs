using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Declarations;

/// <summary>
/// One mount attribute as declared, value-equatable (a pipeline model: no symbols, no syntax, no locations).
/// <see cref="Target"/> and <see cref="Source"/> are the raw constants (not normalised); null when the argument
/// has no usable value (<c>null</c>, or an argument the compiler could not bind).
/// </summary>
/// <param name="Kind">What backs the mount.</param>
/// <param name="Target">The container path as written.</param>
/// <param name="Source">Bind mounts: the host path as written.</param>
/// <param name="Name">Persistent volumes: the <c>Name</c> named argument, or null for the derived name.</param>
/// <param name="ReadOnly">The <c>ReadOnly</c> named argument.</param>
/// <param name="NoCopy">The <c>NoCopy</c> named argument.</param>
/// <param name="SelinuxLabel">The <c>SelinuxLabel</c> named argument.</param>
/// <param name="SizeBytes">Tmpfs: the <c>SizeBytes</c> named argument when written (even 0), else null.</param>
/// <param name="Mode">Tmpfs: the <c>Mode</c> named argument when written, else null.</param>
/// <param name="UnusableArguments">Arguments without a usable constant value (null, or not bound by the compiler).</param>
/// <param name="HasCompilerErrors">True when the compiler could not bind the attribute (it reports that itself).</param>
internal sealed record MountDeclaration(
    MountKind Kind,
    string? Target,
    string? Source,
    string? Name,
    bool ReadOnly,
    bool NoCopy,
    SelinuxLabel SelinuxLabel,
    long? SizeBytes,
    int? Mode,
    EquatableArray<MountArgument> UnusableArguments,
    bool HasCompilerErrors)
{
    /// <summary>True when every argument has a value, so <see cref="ToMount"/> succeeds.</summary>
    public bool IsComplete => UnusableArguments.Count == 0 && !HasCompilerErrors && Target is not null && (Kind != MountKind.Bind || Source is not null);

    /// <summary>The runtime <see cref="Mount"/>, or null when an argument has no usable value.</summary>
    public Mount? ToMount()
    {
        if (!IsComplete)
        {
            return null;
        }

        string target = Target!;
        return Kind switch
        {
            MountKind.NamedVolume => Mount.NamedVolume(target, Name, ReadOnly, NoCopy),
            MountKind.AnonymousVolume => Mount.AnonymousVolume(target),
            MountKind.Bind => Mount.Bind(Source!, target, ReadOnly, SelinuxLabel),
            _ => Mount.Tmpfs(target, SizeBytes, Mode),
        };
    }
}

/// <summary>An argument of a VolumeGen attribute (where a diagnostic about it goes).</summary>
internal enum MountArgument
{
    Target = 0,
    Source = 1,
    Name = 2,
    SizeBytes = 3,
    Mode = 4,
    ReadOnly = 5,
    NoCopy = 6,
    SelinuxLabel = 7,
    Path = 8,
}

/// <summary>A type declaration header the emitter repeats: <c>partial record</c> <c>Outer</c>.</summary>
/// <param name="Keyword">class, record, struct, record struct or interface.</param>
/// <param name="Name">The type's name (unescaped).</param>
/// <param name="IsPartial">True when every declaration of the type carries <c>partial</c>.</param>
internal sealed record TypeHeader(string Keyword, string Name, bool IsPartial);

/// <summary>Why a storage class cannot get generated members, whatever its mounts.</summary>
internal enum StorageClassShape
{
    Supported = 0,

    /// <summary>The class or a containing type is not declared <c>partial</c> everywhere.</summary>
    NotPartial = 1,

    /// <summary>The class or a containing type is generic.</summary>
    Generic = 2,

    /// <summary>The class or a containing type is file-local (<c>file class</c>): generated code cannot extend it.</summary>
    FileLocal = 3,

    /// <summary>The class (or its name) already uses a member name the generator emits (<c>Mounts</c>, <c>RunArguments</c>, <c>CommandLine</c>, <c>Resolve</c>, <c>DockerfileVolume</c>).</summary>
    MemberNameTaken = 4,

    /// <summary>The declaration is syntactically incomplete (a missing name); the compiler reports it, VolumeGen stays quiet.</summary>
    Incomplete = 5,
}

/// <summary>Helpers over <see cref="MountDeclaration"/> sequences.</summary>
internal static class MountDeclarations
{
    /// <summary>The mounts as a <see cref="MountSet"/>, or null when one has an unusable argument.</summary>
    public static MountSet? ToMountSet(IEnumerable<MountDeclaration> declarations)
    {
        var mounts = new List<Mount>();
        foreach (MountDeclaration declaration in declarations)
        {
            Mount? mount = declaration.ToMount();
            if (mount is null)
            {
                return null;
            }

            mounts.Add(mount);
        }

        return new MountSet(mounts);
    }
}
