namespace VolumeGen.Docker;

/// <summary>A way a container's real mount differs from the declaration.</summary>
public enum ContainerMountFinding
{
    /// <summary>Nothing is mounted at the declared path: data written there lives in the container layer and dies with the container.</summary>
    Missing = 1,

    /// <summary>A named volume was declared, but an anonymous volume is mounted: its data is lost with <c>--rm</c> / <c>docker rm -v</c> and never reused.</summary>
    AnonymousInsteadOfNamed = 2,

    /// <summary>A named volume is mounted, but not the declared one.</summary>
    WrongVolumeName = 3,

    /// <summary>Something of another type is mounted (e.g. a bind mount where a volume was declared).</summary>
    WrongKind = 4,

    /// <summary>Read-only where read-write was declared, or the other way round.</summary>
    ReadOnlyMismatch = 5,

    /// <summary>A bind mount of another host path than the declared one.</summary>
    BindSourceMismatch = 6,

    /// <summary>A tmpfs of another size or mode than the declared one (Docker's defaults: half the host's memory, mode 1777).</summary>
    TmpfsOptionsMismatch = 7,
}
