using System;

namespace VolumeGen;

/// <summary>
/// One entry of a <see cref="StorageLock"/>: a named volume, the container path it is mounted at, and the project that
/// declares it, as the lock last accepted them. Value equality; ordered by project, then name, then target.
/// </summary>
public sealed class LockedVolume : IEquatable<LockedVolume>, IComparable<LockedVolume>
{
    /// <summary>The manifest's kind word of a named volume (<c>[PersistentVolume]</c>), the only kind a lock records.</summary>
    public const string VolumeKind = "volume";

    /// <summary>Creates an entry; <paramref name="target"/> is normalised like a <see cref="Mount"/>'s.</summary>
    /// <param name="name">The volume name.</param>
    /// <param name="target">The container path.</param>
    /// <param name="project">The project that declares it (its project file's name); null or empty for an entry a lock of format 1 recorded without one.</param>
    public LockedVolume(string name, string target, string? project = null)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Target = ContainerPath.Normalize(target ?? throw new ArgumentNullException(nameof(target)));
        Project = string.IsNullOrEmpty(project) ? null : project;
    }

    /// <summary>The volume name, e.g. <c>profiles</c>.</summary>
    public string Name { get; }

    /// <summary>The container path it is mounted at, e.g. <c>/app/data</c>.</summary>
    public string Target { get; }

    /// <summary>The project whose entry this is (e.g. <c>ProfileService</c>), or null for an entry written before locks recorded it.</summary>
    public string? Project { get; }

    /// <summary>The kind word written to the lock: always <see cref="VolumeKind"/>.</summary>
    public string Kind => VolumeKind;

    /// <summary>The declaration as C# would write it: <c>[PersistentVolume("/app/data", Name = "profiles")]</c>.</summary>
    public string Declaration => DeclarationText.Of(Mount.NamedVolume(Target, Name));

    /// <summary>The same volume and target as <paramref name="other"/>, whoever's entry each is.</summary>
    public bool SameVolume(LockedVolume other)
        => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Target, other.Target, StringComparison.Ordinal);

    /// <inheritdoc />
    public int CompareTo(LockedVolume? other)
    {
        if (other is null)
        {
            return 1;
        }

        int byProject = string.CompareOrdinal(Project, other.Project);
        if (byProject != 0)
        {
            return byProject;
        }

        int byName = string.CompareOrdinal(Name, other.Name);
        return byName != 0 ? byName : string.CompareOrdinal(Target, other.Target);
    }

    /// <inheritdoc />
    public bool Equals(LockedVolume? other)
        => other is not null && SameVolume(other) && string.Equals(Project, other.Project, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LockedVolume);

    /// <inheritdoc />
    public override int GetHashCode()
        => unchecked((((StringComparer.Ordinal.GetHashCode(Name) * 397) ^ StringComparer.Ordinal.GetHashCode(Target)) * 397) ^ (Project is null ? 0 : StringComparer.Ordinal.GetHashCode(Project)));

    /// <inheritdoc />
    public override string ToString() => $"'{Name}' at {Target}";
}
