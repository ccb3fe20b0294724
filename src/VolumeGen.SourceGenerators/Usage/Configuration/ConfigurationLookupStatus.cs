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
