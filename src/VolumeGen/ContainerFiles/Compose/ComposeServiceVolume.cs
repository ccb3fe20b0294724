namespace VolumeGen.ContainerFiles;

/// <summary>
/// One mount of a service: an entry of <c>volumes:</c> (short <c>[source:]target[:mode]</c> or long syntax) or of
/// <c>tmpfs:</c>, after interpolation.
/// </summary>
public sealed class ComposeServiceVolume
{
    /// <summary>Creates a mount.</summary>
    public ComposeServiceVolume(
        string type,
        string? source,
        string? target,
        bool readOnly,
        bool isShortSyntax,
        SelinuxLabel selinuxLabel,
        bool noCopy,
        long? tmpfsSizeBytes,
        int? tmpfsMode,
        bool isKnown,
        int line)
    {
        Type = type;
        Source = source;
        Target = target;
        ReadOnly = readOnly;
        IsShortSyntax = isShortSyntax;
        SelinuxLabel = selinuxLabel;
        NoCopy = noCopy;
        TmpfsSizeBytes = tmpfsSizeBytes;
        TmpfsMode = tmpfsMode;
        IsKnown = isKnown;
        Line = line;
    }

    /// <summary>The compose mount type: <c>volume</c>, <c>bind</c>, <c>tmpfs</c>, <c>npipe</c>, <c>cluster</c> or <c>image</c>.</summary>
    public string Type { get; }

    /// <summary>The volume name or host path; null when there is none (an anonymous volume, tmpfs).</summary>
    public string? Source { get; }

    /// <summary>The container path; null when the entry names none.</summary>
    public string? Target { get; }

    /// <summary>Mounted read-only (<c>:ro</c>, <c>read_only: true</c>).</summary>
    public bool ReadOnly { get; }

    /// <summary>True for the short syntax (and <c>tmpfs:</c> entries).</summary>
    public bool IsShortSyntax { get; }

    /// <summary>The SELinux relabelling (<c>:z</c>, <c>:Z</c>, <c>bind.selinux</c>).</summary>
    public SelinuxLabel SelinuxLabel { get; }

    /// <summary><c>:nocopy</c> or <c>volume.nocopy: true</c>.</summary>
    public bool NoCopy { get; }

    /// <summary>The tmpfs size in bytes, when given.</summary>
    public long? TmpfsSizeBytes { get; }

    /// <summary>The tmpfs mode, when given.</summary>
    public int? TmpfsMode { get; }

    /// <summary>False when interpolation left a variable whose value is not known in the source or target.</summary>
    public bool IsKnown { get; }

    /// <summary>The 1-based line.</summary>
    public int Line { get; }

    /// <summary>VolumeGen's kind of the mount, or null for a type it has none for (<c>npipe</c>, <c>cluster</c>, <c>image</c>).</summary>
    public MountKind? Kind => MountKindWords.FromType(Type, Source);
}
