namespace VolumeGen.SourceGenerators.Usage.Sinks;

/// <summary>When a call writes at all.</summary>
internal enum SinkCondition
{
    /// <summary>Always writes.</summary>
    Always = 0,

    /// <summary>Writes when <c>FileMode</c> creates/truncates/appends or <c>FileAccess</c> includes Write.</summary>
    FileModeOrAccess = 1,

    /// <summary>Writes when <c>ZipArchiveMode</c> is Create or Update.</summary>
    ZipArchiveMode = 2,
}
