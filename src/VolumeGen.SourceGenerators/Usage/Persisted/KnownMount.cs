namespace VolumeGen.SourceGenerators.Usage.Persisted;

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
