using System;

namespace VolumeGen;

/// <summary>Which part of a declaration a <see cref="MountProblem"/> is about (where the analyzer puts the squiggle).</summary>
public enum MountField
{
    /// <summary>The container path.</summary>
    Target = 0,

    /// <summary>The bind mount's host path.</summary>
    Source = 1,

    /// <summary>The volume name.</summary>
    Name = 2,

    /// <summary>The tmpfs size.</summary>
    SizeBytes = 3,

    /// <summary>The tmpfs mode.</summary>
    Mode = 4,
}
