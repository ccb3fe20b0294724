namespace VolumeGen;

/// <summary>SELinux relabelling of a bind mount's host content.</summary>
public enum SelinuxLabel
{
    /// <summary>No relabelling.</summary>
    None = 0,

    /// <summary><c>z</c>: content shared between containers.</summary>
    Shared = 1,

    /// <summary><c>Z</c>: content private to this container.</summary>
    Private = 2,
}
