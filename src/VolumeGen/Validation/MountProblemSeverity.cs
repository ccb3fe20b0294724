using System;

namespace VolumeGen;

/// <summary>How bad a <see cref="MountProblem"/> is.</summary>
public enum MountProblemSeverity
{
    /// <summary>The declaration cannot work as written.</summary>
    Error = 0,

    /// <summary>The declaration works but is probably a mistake or a risk.</summary>
    Warning = 1,
}
