using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace VolumeGen;

/// <summary>
/// One storage class of a manifest: its full name, its mounts and, for a class VolumeGen could not generate, the
/// problems that say why (<see cref="IsValid"/> is then false and the mounts are only what was declared).
/// </summary>
public sealed class ManifestClass : IEquatable<ManifestClass>
{
    /// <summary>Creates a valid entry.</summary>
    public ManifestClass(string name, MountSet mounts)
        : this(name, mounts, null)
    {
    }

    /// <summary>Creates an entry; a non-empty <paramref name="problems"/> marks it invalid.</summary>
    public ManifestClass(string name, MountSet mounts, IEnumerable<ManifestProblem>? problems)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Mounts = mounts ?? throw new ArgumentNullException(nameof(mounts));
        Problems = (problems ?? Array.Empty<ManifestProblem>()).ToArray();
    }

    /// <summary>Full name of the class, e.g. <c>ProfileService.AppStorage</c>.</summary>
    public string Name { get; }

    /// <summary>The class's mounts in declaration order (for an invalid class: the mounts that have values).</summary>
    public MountSet Mounts { get; }

    /// <summary>Why VolumeGen could not generate the class; empty for a valid class.</summary>
    public IReadOnlyList<ManifestProblem> Problems { get; }

    /// <summary>True when the class has no problem, so its mounts may be written anywhere.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <inheritdoc />
    public bool Equals(ManifestClass? other) => other is not null && Name == other.Name && Mounts.Equals(other.Mounts) && Problems.SequenceEqual(other.Problems);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ManifestClass);

    /// <inheritdoc />
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(Name) * 397) ^ Mounts.GetHashCode();
}
