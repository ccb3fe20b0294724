using System;

namespace VolumeGen;

/// <summary>
/// Declares a <b>named</b> Docker volume mounted at <see cref="Target"/>: data written there survives
/// <c>docker rm</c> and image rebuilds. This is the mount for data the app must not lose.
/// </summary>
/// <example><code>[PersistentVolume("/app/data", Name = "profiles")]</code></example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PersistentVolumeAttribute : Attribute
{
    /// <param name="target">Absolute POSIX path inside the container, e.g. <c>/app/data</c>.</param>
    public PersistentVolumeAttribute(string target) => Target = target;

    /// <summary>Absolute POSIX path inside the container.</summary>
    public string Target { get; }

    /// <summary>
    /// Volume name (Docker's rule: <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+$</c>). When omitted, the name is derived
    /// from the target: <c>/app/data</c> becomes <c>app-data</c>.
    /// </summary>
    public string? Name { get; set; }

    /// <summary>Mount the volume read-only.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>Do not copy the image's content at the target into a new, empty volume (<c>volume-nocopy</c>).</summary>
    public bool NoCopy { get; set; }
}
