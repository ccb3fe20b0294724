using System.Collections.Generic;
using VolumeGen.SourceGenerators.Helpers;

namespace VolumeGen.SourceGenerators.Model;

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
