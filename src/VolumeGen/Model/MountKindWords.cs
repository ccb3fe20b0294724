namespace VolumeGen;

/// <summary>
/// The words Docker and compose use for the kinds of mount (<c>--mount type=volume</c>, compose <c>type: bind</c>,
/// the engine's <c>Mounts[].Type</c>), in one place for every reader and writer.
/// </summary>
public static class MountKindWords
{
    /// <summary>The mount type of a named or anonymous volume.</summary>
    public const string Volume = "volume";

    /// <summary>The mount type of a bind mount.</summary>
    public const string Bind = "bind";

    /// <summary>The mount type of a tmpfs mount.</summary>
    public const string Tmpfs = "tmpfs";

    /// <summary>The type word of <paramref name="kind"/>: <c>volume</c> (named and anonymous), <c>bind</c> or <c>tmpfs</c>.</summary>
    public static string ToType(MountKind kind) => kind switch
    {
        MountKind.NamedVolume or MountKind.AnonymousVolume => Volume,
        MountKind.Bind => Bind,
        _ => Tmpfs,
    };

    /// <summary>
    /// The kind a type word and source stand for: <c>volume</c> with a source is a named volume, without one an
    /// anonymous volume; null for a type VolumeGen has no kind for (<c>npipe</c>, <c>cluster</c>, <c>image</c>).
    /// </summary>
    public static MountKind? FromType(string? type, string? source) => type switch
    {
        Volume => string.IsNullOrEmpty(source) ? MountKind.AnonymousVolume : MountKind.NamedVolume,
        Bind => MountKind.Bind,
        Tmpfs => MountKind.Tmpfs,
        _ => null,
    };
}
