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

/// <summary>One container folder the analyzers know about, where the knowledge came from, and how long data there lives.</summary>
internal sealed class KnownMount
{
    public KnownMount(string path, Persistence persistence, bool readOnly, string description)
    {
        Path = path;
        Persistence = persistence;
        ReadOnly = readOnly;
        Description = description;
    }

    /// <summary>Normalised absolute container path.</summary>
    public string Path { get; }

    /// <summary>How long data written below <see cref="Path"/> lives.</summary>
    public Persistence Persistence { get; }

    /// <summary>Mounted read-only: writes fail.</summary>
    public bool ReadOnly { get; }

    /// <summary>Words for a message, e.g. <c>named volume 'profiles' at /app/data</c>.</summary>
    public string Description { get; }
}
