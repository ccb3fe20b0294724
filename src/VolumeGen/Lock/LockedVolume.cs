using System;

namespace VolumeGen;

/// <summary>
/// One entry of a <see cref="StorageLock"/>: a named volume and the container path it is mounted at, as the lock
/// last accepted them. Value equality; ordered by name, then target.
/// </summary>
public sealed class LockedVolume : IEquatable<LockedVolume>, IComparable<LockedVolume>
{
    /// <summary>The manifest's kind word of a named volume (<c>[PersistentVolume]</c>), the only kind a lock records.</summary>
    public const string VolumeKind = "volume";

    /// <summary>Creates an entry; <paramref name="target"/> is normalised like a <see cref="Mount"/>'s.</summary>
    public LockedVolume(string name, string target)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Target = ContainerPath.Normalize(target ?? throw new ArgumentNullException(nameof(target)));
    }

    /// <summary>The volume name, e.g. <c>profiles</c>.</summary>
    public string Name { get; }

    /// <summary>The container path it is mounted at, e.g. <c>/app/data</c>.</summary>
    public string Target { get; }

    /// <summary>The kind word written to the lock: always <see cref="VolumeKind"/>.</summary>
    public string Kind => VolumeKind;

    /// <summary>The declaration as C# would write it: <c>[PersistentVolume("/app/data", Name = "profiles")]</c>.</summary>
    public string Declaration => DeclarationText.Of(Mount.NamedVolume(Target, Name));

    /// <inheritdoc />
    public int CompareTo(LockedVolume? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Target, other.Target);
    }

    /// <inheritdoc />
    public bool Equals(LockedVolume? other)
        => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Target, other.Target, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LockedVolume);

    /// <inheritdoc />
    public override int GetHashCode() => unchecked((StringComparer.Ordinal.GetHashCode(Name) * 397) ^ StringComparer.Ordinal.GetHashCode(Target));

    /// <inheritdoc />
    public override string ToString() => $"'{Name}' at {Target}";
}
