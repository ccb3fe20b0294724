using System;

namespace VolumeGen;

/// <summary>
/// Declares an <b>anonymous</b> volume at <see cref="Target"/> (a Dockerfile <c>VOLUME</c>): it outlives the
/// container's writable layer but is removed with <c>docker run --rm</c> or <c>docker rm -v</c>.
/// Use it for caches; use <see cref="PersistentVolumeAttribute"/> for data that must survive.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class AnonymousVolumeAttribute : Attribute
{
    /// <param name="target">Absolute POSIX path inside the container, e.g. <c>/app/cache</c>.</param>
    public AnonymousVolumeAttribute(string target) => Target = target;

    /// <summary>Absolute POSIX path inside the container.</summary>
    public string Target { get; }
}
