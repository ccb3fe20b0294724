namespace VolumeGen;

/// <summary>
/// Stable codes of the problems <see cref="MountValidator"/> finds. The number is the diagnostic ID:
/// <c>TargetNotAbsolute = 1001</c> is reported as <c>VG1001</c> by the analyzer, the build task and the CLI.
/// Never renumber a code.
/// </summary>
public enum MountProblemCode
{
    /// <summary>The container path does not start with <c>/</c>.</summary>
    TargetNotAbsolute = 1001,

    /// <summary>The container path has a <c>..</c> segment.</summary>
    DotDotSegment = 1002,

    /// <summary>A path or name holds NUL, a newline or another control character.</summary>
    ControlCharacter = 1003,

    /// <summary>A path holds <c>:</c>, which the <c>-v</c> form splits on (<c>--mount</c> is used for this mount).</summary>
    ColonInPath = 1004,

    /// <summary>The volume name breaks Docker's local-driver rule <c>^[a-zA-Z0-9][a-zA-Z0-9_.-]+$</c>.</summary>
    InvalidVolumeName = 1005,

    /// <summary>Two mounts share one container path.</summary>
    DuplicateTarget = 1006,

    /// <summary>A mount lies inside another mount's container path.</summary>
    NestedTarget = 1007,

    /// <summary>A mount hides a system directory of the image (<c>/</c>, <c>/usr</c>, <c>/etc</c>, …).</summary>
    SystemDirectoryTarget = 1008,

    /// <summary>A bind mount exposes a sensitive host path (CIS Docker Benchmark 5.6, 5.31).</summary>
    SensitiveBindSource = 1009,

    /// <summary>A tmpfs size is zero or negative.</summary>
    InvalidTmpfsSize = 1010,

    /// <summary>A tmpfs mode is outside 0 to 0777.</summary>
    InvalidTmpfsMode = 1011,

    /// <summary>A bind mount's host path is empty.</summary>
    EmptyBindSource = 1012,
}
