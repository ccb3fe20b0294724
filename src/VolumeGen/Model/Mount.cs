using System;
using System.Text;

namespace VolumeGen;

/// <summary>
/// One declared mount: what backs it (<see cref="Kind"/>), where it appears in the container
/// (<see cref="Target"/>) and its options. Immutable, with value equality. Targets are normalised
/// (<c>/app/data/</c> is <c>/app/data</c>); nothing is validated here — see <see cref="MountValidator"/>.
/// </summary>
public sealed class Mount : IEquatable<Mount>
{
    private Mount(MountKind kind, string target, string? source, bool readOnly, bool noCopy, SelinuxLabel selinuxLabel, long? tmpfsSizeBytes, int? tmpfsMode)
    {
        Kind = kind;
        Target = ContainerPath.Normalize(target ?? throw new ArgumentNullException(nameof(target)));
        Source = source;
        ReadOnly = readOnly;
        NoCopy = noCopy;
        SelinuxLabel = selinuxLabel;
        TmpfsSizeBytes = tmpfsSizeBytes;
        TmpfsMode = tmpfsMode;
    }

    /// <summary>A named volume; <paramref name="name"/> null derives one from the target (<see cref="ContainerPath.DefaultVolumeName"/>).</summary>
    public static Mount NamedVolume(string target, string? name = null, bool readOnly = false, bool noCopy = false)
        => new(MountKind.NamedVolume, target, name ?? ContainerPath.DefaultVolumeName(target ?? throw new ArgumentNullException(nameof(target))), readOnly, noCopy, SelinuxLabel.None, null, null);

    /// <summary>An anonymous volume (a Dockerfile <c>VOLUME</c>).</summary>
    public static Mount AnonymousVolume(string target)
        => new(MountKind.AnonymousVolume, target, null, false, false, SelinuxLabel.None, null, null);

    /// <summary>A bind mount of the host path <paramref name="source"/>.</summary>
    public static Mount Bind(string source, string target, bool readOnly = false, SelinuxLabel selinuxLabel = SelinuxLabel.None)
        => new(MountKind.Bind, target, source ?? throw new ArgumentNullException(nameof(source)), readOnly, false, selinuxLabel, null, null);

    /// <summary>A memory-only tmpfs mount; null size or mode leaves Docker's default.</summary>
    public static Mount Tmpfs(string target, long? sizeBytes = null, int? mode = null)
        => new(MountKind.Tmpfs, target, null, false, false, SelinuxLabel.None, sizeBytes, mode);

    /// <summary>What backs the mount.</summary>
    public MountKind Kind { get; }

    /// <summary>Normalised absolute POSIX path inside the container.</summary>
    public string Target { get; }

    /// <summary>The volume name (<see cref="MountKind.NamedVolume"/>) or host path (<see cref="MountKind.Bind"/>); otherwise null.</summary>
    public string? Source { get; }

    /// <summary>The volume name of a named volume; otherwise null.</summary>
    public string? VolumeName => Kind == MountKind.NamedVolume ? Source : null;

    /// <summary>Mounted read-only.</summary>
    public bool ReadOnly { get; }

    /// <summary>Named volume only: do not copy the image's content into a new volume.</summary>
    public bool NoCopy { get; }

    /// <summary>Bind mount only: SELinux relabelling.</summary>
    public SelinuxLabel SelinuxLabel { get; }

    /// <summary>Tmpfs only: size limit in bytes, or null for Docker's default.</summary>
    public long? TmpfsSizeBytes { get; }

    /// <summary>Tmpfs only: mode of the mount's root (0 to 0777), or null for Docker's default.</summary>
    public int? TmpfsMode { get; }

    /// <summary>True when data written at the target outlives the container (named volume or bind mount).</summary>
    public bool IsPersistent => Kind is MountKind.NamedVolume or MountKind.Bind;

    /// <inheritdoc />
    public bool Equals(Mount? other)
        => other is not null
        && Kind == other.Kind
        && string.Equals(Target, other.Target, StringComparison.Ordinal)
        && string.Equals(Source, other.Source, StringComparison.Ordinal)
        && ReadOnly == other.ReadOnly
        && NoCopy == other.NoCopy
        && SelinuxLabel == other.SelinuxLabel
        && TmpfsSizeBytes == other.TmpfsSizeBytes
        && TmpfsMode == other.TmpfsMode;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Mount);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = (int)Kind;
            hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Target);
            hash = (hash * 397) ^ (Source is null ? 0 : StringComparer.Ordinal.GetHashCode(Source));
            hash = (hash * 397) ^ (ReadOnly ? 1 : 0) ^ (NoCopy ? 2 : 0) ^ ((int)SelinuxLabel << 2);
            hash = (hash * 397) ^ TmpfsSizeBytes.GetHashCode();
            hash = (hash * 397) ^ TmpfsMode.GetHashCode();
            return hash;
        }
    }

    /// <summary>A readable description, e.g. <c>named volume 'profiles' at /app/data (read-only)</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        switch (Kind)
        {
            case MountKind.NamedVolume:
                text.Append("named volume '").Append(Source).Append("' at ").Append(Target);
                break;
            case MountKind.AnonymousVolume:
                text.Append("anonymous volume at ").Append(Target);
                break;
            case MountKind.Bind:
                text.Append("bind mount of '").Append(Source).Append("' at ").Append(Target);
                break;
            default:
                text.Append("tmpfs at ").Append(Target);
                break;
        }

        if (ReadOnly)
        {
            text.Append(" (read-only)");
        }

        return text.ToString();
    }

    /// <summary>Equality operator.</summary>
    public static bool operator ==(Mount? left, Mount? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(Mount? left, Mount? right) => !(left == right);
}
