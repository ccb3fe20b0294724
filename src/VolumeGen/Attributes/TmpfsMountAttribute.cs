using System;

namespace VolumeGen;

/// <summary>
/// Declares a memory-only <b>tmpfs</b> mount at <see cref="Target"/>: fast scratch space, lost when the
/// container stops.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class TmpfsMountAttribute : Attribute
{
    /// <param name="target">Absolute POSIX path inside the container.</param>
    public TmpfsMountAttribute(string target) => Target = target;

    /// <summary>Absolute POSIX path inside the container.</summary>
    public string Target { get; }

    /// <summary>Size limit in bytes; must be positive when set. Unset: Docker's default (unlimited).</summary>
    public long SizeBytes { get; set; }

    /// <summary>
    /// File mode of the mount's root, 0 to 0777 (C# has no octal literal: write <c>0b111_101_101</c> or
    /// <c>493</c> for 0755). Unset: Docker's default (1777).
    /// </summary>
    public int Mode { get; set; }
}
