using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace VolumeGen;

/// <summary>
/// The mounts a container needs, in declaration order, with value equality. The generator emits one per
/// storage class (<c>AppStorage.Mounts</c>); the formatters turn it into run arguments, a Dockerfile
/// <c>VOLUME</c>, compose and Kubernetes YAML.
/// </summary>
public sealed class MountSet : IReadOnlyList<Mount>, IEquatable<MountSet>
{
    private readonly Mount[] _mounts;

    /// <summary>Creates a set from mounts in declaration order.</summary>
    public MountSet(IEnumerable<Mount> mounts)
    {
        _mounts = (mounts ?? throw new ArgumentNullException(nameof(mounts))).ToArray();
        foreach (Mount mount in _mounts)
        {
            if (mount is null)
            {
                throw new ArgumentException("A MountSet cannot hold a null mount.", nameof(mounts));
            }
        }
    }

    /// <summary>Creates a set from mounts in declaration order.</summary>
    public MountSet(params Mount[] mounts)
        : this((IEnumerable<Mount>)mounts)
    {
    }

    /// <summary>The empty set.</summary>
    public static MountSet Empty { get; } = new(Array.Empty<Mount>());

    /// <inheritdoc />
    public int Count => _mounts.Length;

    /// <inheritdoc />
    public Mount this[int index] => _mounts[index];

    /// <summary>The named volumes, in declaration order.</summary>
    public IEnumerable<Mount> NamedVolumes => _mounts.Where(static m => m.Kind == MountKind.NamedVolume);

    /// <summary>Every problem <see cref="MountValidator"/> finds in this set.</summary>
    public IReadOnlyList<MountProblem> Validate() => MountValidator.Validate(this);

    /// <summary>
    /// The <c>docker run</c> arguments that create these mounts, one array element per argument, ready for
    /// <c>ProcessStartInfo.ArgumentList</c>. Relative bind sources resolve against
    /// <paramref name="bindRoot"/> (default: the current directory).
    /// </summary>
    public string[] ToRunArguments(MountStyle style = MountStyle.Mount, string? bindRoot = null)
        => RunArguments.Format(this, style, bindRoot);

    /// <summary>The run arguments as one line quoted for <paramref name="shell"/>.</summary>
    public string ToCommandLine(ShellDialect shell = ShellDialect.Posix, MountStyle style = MountStyle.Mount, string? bindRoot = null)
        => ShellQuoting.Join(ToRunArguments(style, bindRoot), shell);

    /// <summary>
    /// The Dockerfile <c>VOLUME</c> instruction (JSON form) for the named and anonymous volumes, escaped for
    /// the Dockerfile's <paramref name="escapeCharacter"/>; empty when the set declares no volume.
    /// </summary>
    public string ToDockerfileVolume(char escapeCharacter = '\\') => DockerfileVolume.Format(this, escapeCharacter);

    /// <inheritdoc />
    public IEnumerator<Mount> GetEnumerator() => ((IEnumerable<Mount>)_mounts).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _mounts.GetEnumerator();

    /// <inheritdoc />
    public bool Equals(MountSet? other) => other is not null && _mounts.SequenceEqual(other._mounts);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MountSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (Mount mount in _mounts)
            {
                hash = (hash * 31) + mount.GetHashCode();
            }

            return hash;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join("; ", _mounts.Select(static m => m.ToString()));
}
