namespace VolumeGen.SourceGenerators.Usage.Persisted;

/// <summary>How long data written below a known container folder lives.</summary>
internal enum Persistence
{
    /// <summary>A named volume, a bind mount, a Dockerfile VOLUME or a volumegen.persisted_paths entry: survives the container.</summary>
    Persistent = 0,

    /// <summary>An anonymous volume: removed with <c>docker run --rm</c> / <c>docker rm -v</c>.</summary>
    AnonymousVolume = 1,

    /// <summary>Memory only.</summary>
    Tmpfs = 2,

    /// <summary>Declared as meant to be lost (<c>[EphemeralPath]</c>, volumegen.ephemeral_paths, <c>/tmp</c>).</summary>
    Ephemeral = 3,
}
