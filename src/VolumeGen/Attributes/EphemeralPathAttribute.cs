using System;

namespace VolumeGen;

/// <summary>
/// Marks a container path whose content is <b>meant</b> to be lost with the container (temporary files,
/// caches that rebuild themselves). VolumeGen's analyzers do not warn about writes under it.
/// </summary>
/// <example><code>[assembly: EphemeralPath("/app/tmp")]</code></example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class EphemeralPathAttribute : Attribute
{
    /// <param name="path">Absolute POSIX path inside the container.</param>
    public EphemeralPathAttribute(string path) => Path = path;

    /// <summary>Absolute POSIX path inside the container.</summary>
    public string Path { get; }
}
