namespace VolumeGen.SourceGenerators.Usage.Configuration;

/// <summary>What the layered configuration says about one key.</summary>
internal enum ConfigurationLookupStatus
{
    /// <summary>Cannot be told (no configuration file was read, or one could not be parsed): no diagnostic.</summary>
    Unknown = 0,

    /// <summary>No known source sets the key: the code's own default applies (<c>??</c>, an options property initializer).</summary>
    Absent = 1,

    /// <summary>A source sets the key.</summary>
    Found = 2,
}

/// <summary>The answer for one key: its status and, when found, the winning entry.</summary>
internal readonly struct ConfigurationLookup
{
    public ConfigurationLookup(ConfigurationLookupStatus status, ConfigurationEntry? entry)
    {
        Status = status;
        Entry = entry;
    }

    public static ConfigurationLookup Unknown => default;

    public static ConfigurationLookup Absent => new(ConfigurationLookupStatus.Absent, null);

    public ConfigurationLookupStatus Status { get; }

    /// <summary>The winning entry when <see cref="Status"/> is <see cref="ConfigurationLookupStatus.Found"/>.</summary>
    public ConfigurationEntry? Entry { get; }
}
