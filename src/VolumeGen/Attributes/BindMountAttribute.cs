using System;

namespace VolumeGen;

/// <summary>
/// Declares a <b>bind mount</b>: the host folder <see cref="Source"/> appears at <see cref="Target"/>.
/// Mostly for development (configuration, live code). Relative sources resolve against the root the
/// caller passes when formatting run arguments (by default the current directory).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class BindMountAttribute : Attribute
{
    /// <param name="source">Host path, absolute or relative (e.g. <c>./config</c>).</param>
    /// <param name="target">Absolute POSIX path inside the container.</param>
    public BindMountAttribute(string source, string target)
    {
        Source = source;
        Target = target;
    }

    /// <summary>Host path, absolute or relative to the run-argument root.</summary>
    public string Source { get; }

    /// <summary>Absolute POSIX path inside the container.</summary>
    public string Target { get; }

    /// <summary>Mount the host folder read-only.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>SELinux relabelling (<c>z</c> or <c>Z</c>); needs the <c>-v</c> form, which VolumeGen then uses for this mount.</summary>
    public SelinuxLabel SelinuxLabel { get; set; }
}
