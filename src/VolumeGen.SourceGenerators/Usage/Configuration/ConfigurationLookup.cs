namespace VolumeGen.SourceGenerators.Usage.Configuration;

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
