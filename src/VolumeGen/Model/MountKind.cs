namespace VolumeGen;

/// <summary>What backs a mount, and so how long its data lives.</summary>
public enum MountKind
{
    /// <summary>A named volume: survives the container.</summary>
    NamedVolume = 0,

    /// <summary>An anonymous volume: removed with <c>docker run --rm</c> or <c>docker rm -v</c>.</summary>
    AnonymousVolume = 1,

    /// <summary>A host folder mapped into the container.</summary>
    Bind = 2,

    /// <summary>Memory only: lost when the container stops.</summary>
    Tmpfs = 3,
}
